//! A labeled text input (or text area) that checks what is typed and shows the problem next
//! to the field; only valid values reach the plan.

use leptos::prelude::*;

/// A labeled input. `check` returns the problem with a value, if any; `commit` receives
/// values that pass. The field keeps showing what was typed while it is invalid.
#[component]
pub fn TextField(
    /// Visible label, also the accessible name.
    #[prop(into)]
    label: String,
    /// Element id, unique on the page.
    #[prop(into)]
    id: String,
    /// The current value in the plan.
    #[prop(into)]
    value: Signal<String>,
    /// The problem with a typed value, if any.
    check: fn(&str) -> Option<String>,
    /// Receives every valid value.
    commit: Callback<String>,
    /// A multi-line text area instead of a single line.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let found = check(&typed);
        if found.is_none() {
            commit.run(typed);
        }
        problem.set(found);
    };
    let invalid = move || problem.with(|p| p.is_some()).then_some("true");
    let described = error_id.clone();
    let label_for = id.clone();
    let control = if multiline {
        view! {
            <textarea
                id=id
                rows="4"
                prop:value=move || value.get()
                on:input=on_input
                aria-invalid=invalid
                aria-describedby=described
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                type="text"
                prop:value=move || value.get()
                on:input=on_input
                aria-invalid=invalid
                aria-describedby=described
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=label_for>{label}</label>
            {control}
            <p id=error_id class="field-error" aria-live="polite">
                {move || problem.get()}
            </p>
        </div>
    }
}

/// The check of a name that must not be blank.
pub fn check_name(name: &str) -> Option<String> {
    name.trim()
        .is_empty()
        .then(|| "A name is needed.".to_string())
}

/// The check of a free text that may be anything, even empty.
pub fn no_check(_: &str) -> Option<String> {
    None
}
