//! A labelled select of a fixed set of choices, bound to a value: the shape of every
//! "pick one of these" field.

use leptos::prelude::*;

/// One choice: the value, its form value (stable, for tests and the DOM) and its label.
pub type Choice<T> = (T, &'static str, &'static str);

/// A `<select>` with label `label` over `choices`, showing `current` and calling `choose`.
pub fn choice_select<T>(
    id: &'static str,
    label: &'static str,
    choices: &'static [Choice<T>],
    current: impl Fn() -> T + Send + Sync + 'static,
    choose: impl Fn(T) + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some((choice, _, _)) = choices.iter().find(|(_, v, _)| *v == value) {
                        choose(*choice);
                    }
                }
                prop:value=move || {
                    let now = current();
                    choices.iter().find(|(c, _, _)| *c == now).map(|(_, v, _)| *v).unwrap_or_default()
                }
            >
                {choices.iter().map(|(_, v, l)| view! { <option value=*v>{*l}</option> }).collect_view()}
            </select>
        </div>
    }
}
