//! A labeled input (or text area) whose text and problem its owner keeps: for fields read
//! as a whole (alert label lines, an optional number) or that make one value together (the
//! parts of an SLI query), where the owner decides what reaches the plan. The problem sits
//! right under the field, then the hint; both describe it to screen readers.

use leptos::prelude::*;

/// A labeled text input showing `text`, with `problem` beside it while there is one.
#[component]
pub fn CheckedField(
    /// Visible label, also the accessible name.
    #[prop(into)]
    label: String,
    /// Element id, unique on the page.
    #[prop(into)]
    id: String,
    /// What the field shows: what was typed.
    #[prop(into)]
    text: Signal<String>,
    /// What is wrong with the text, shown under the field.
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// Receives every keystroke's text.
    on_input: Callback<String>,
    /// A short hint shown under the field, if any.
    #[prop(optional_no_strip)]
    hint: Option<&'static str>,
    /// A text area of this many rows instead of a single line.
    #[prop(optional)]
    rows: Option<u32>,
    /// Code (a query, a name): monospace, no spelling checks or capitals.
    #[prop(optional)]
    code: bool,
    /// The on-screen keyboard to offer, e.g. "decimal".
    #[prop(optional)]
    inputmode: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = match &hint {
        Some(_) => format!("{error_id} {hint_id}"),
        None => error_id.clone(),
    };
    let invalid = move || problem.with(|p| p.is_some()).then_some("true");
    let on_input = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let class = code.then_some("code");
    let spellcheck = code.then_some("false");
    let autocapitalize = code.then_some("off");
    let label_for = id.clone();
    let control = match rows {
        Some(rows) => view! {
            <textarea
                id=id
                rows=rows
                class=class
                spellcheck=spellcheck
                autocapitalize=autocapitalize
                prop:value=move || text.get()
                on:input=on_input
                aria-invalid=invalid
                aria-describedby=described
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                id=id
                type="text"
                autocomplete="off"
                class=class
                spellcheck=spellcheck
                autocapitalize=autocapitalize
                inputmode=inputmode
                prop:value=move || text.get()
                on:input=on_input
                aria-invalid=invalid
                aria-describedby=described
            />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=label_for>{label}</label>
            {control}
            <p id=error_id class="field-error" aria-live="polite">
                {move || problem.get()}
            </p>
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
        </div>
    }
}
