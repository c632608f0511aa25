//! A labeled number input that keeps exactly what the user types (so "99." stays while
//! typing "99.95"), commits only values that pass its check, and shows the problem next to
//! the field otherwise.

use leptos::prelude::*;

use crate::model::slo::fields::format_field;

/// A labeled number input bound to a value of the plan.
#[component]
pub fn NumberField(
    /// Visible label, also the accessible name.
    #[prop(into)]
    label: String,
    /// Element id, unique on the page.
    #[prop(into)]
    id: String,
    /// The current value.
    #[prop(into)]
    value: Signal<f64>,
    /// Reads typed text: the value, or what is wrong with it.
    parse: fn(&str) -> Result<f64, String>,
    /// Receives every valid value.
    commit: Callback<f64>,
    /// A short hint shown under the field.
    #[prop(optional, into)]
    hint: Option<String>,
    /// A further check of a readable value against the rest of the plan (a window that
    /// must fit another): the problem, if any. Such a value is not committed either.
    #[prop(optional)]
    check: Option<Callback<f64, Option<String>>>,
) -> impl IntoView {
    let draft = RwSignal::new(format_field(value.get_untracked()));
    let problem = RwSignal::new(None::<String>);
    // When the value changes from elsewhere (another field, undo, import), show it.
    Effect::new(move |_| {
        let current = value.get();
        if parse(&draft.get_untracked()).ok() != Some(current) {
            draft.set(format_field(current));
            problem.set(None);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        draft.set(typed.clone());
        match parse(&typed).and_then(|v| match check.and_then(|c| c.run(v)) {
            Some(problem) => Err(problem),
            None => Ok(v),
        }) {
            Ok(v) => {
                problem.set(None);
                if v != value.get_untracked() {
                    commit.run(v);
                }
            }
            Err(message) => problem.set(Some(message)),
        }
    };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = match &hint {
        Some(_) => format!("{error_id} {hint_id}"),
        None => error_id.clone(),
    };
    let label_for = id.clone();
    view! {
        <div class="field">
            <label for=label_for>{label}</label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                prop:value=move || draft.get()
                on:input=on_input
                aria-invalid=move || problem.with(|p| p.is_some()).then_some("true")
                aria-describedby=described
            />
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            <p id=error_id class="field-error" aria-live="polite">
                {move || problem.get()}
            </p>
        </div>
    }
}
