//! A labelled select of choices bound to a value: the shape of every "pick one of these"
//! field, whether the choices are fixed (a measure, a gap policy) or come from data (the
//! columns of a file).

use std::sync::Arc;

use leptos::prelude::*;

/// One fixed choice: the value, its form value (stable, for tests and the DOM) and its label.
pub type Choice<T> = (T, &'static str, &'static str);

/// A `<select>` with `label` over `choices` (value, form value, label), showing `current`
/// and calling `choose`. The label may be a closure when it follows other fields.
pub fn choice_select<T, V, L>(
    id: &'static str,
    label: impl IntoView + 'static,
    choices: impl IntoIterator<Item = (T, V, L)>,
    current: impl Fn() -> T + Send + Sync + 'static,
    choose: impl Fn(T) + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
    V: Into<String>,
    L: Into<String>,
{
    let choices: Arc<Vec<(T, String, String)>> = Arc::new(
        choices
            .into_iter()
            .map(|(c, v, l)| (c, v.into(), l.into()))
            .collect(),
    );
    let options = choices
        .iter()
        .map(|(_, v, l)| view! { <option value=v.clone()>{l.clone()}</option> })
        .collect_view();
    let on_pick = choices.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some((choice, _, _)) = on_pick.iter().find(|(_, v, _)| *v == value) {
                        choose(*choice);
                    }
                }
                prop:value=move || {
                    let now = current();
                    choices.iter().find(|(c, _, _)| *c == now).map(|(_, v, _)| v.clone()).unwrap_or_default()
                }
            >
                {options}
            </select>
        </div>
    }
}
