//! A labeled date input: the plan's ISO date (or none) in, what the user picked out. The
//! caller decides what a date means and whether to take it.

use leptos::prelude::*;

/// A labeled `<input type="date">` showing `value` (empty for no date); `change` receives
/// the picked text ("2026-12-15", or "" when cleared).
#[component]
pub fn DateField(
    /// Visible label, also the accessible name.
    label: &'static str,
    /// Element id, unique on the page.
    #[prop(into)]
    id: String,
    /// The date in the plan, if any.
    #[prop(into)]
    value: Signal<Option<String>>,
    /// Receives what the user picked.
    change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="date"
                prop:value=move || value.get().unwrap_or_default()
                on:change=move |ev| change.run(event_target_value(&ev))
            />
        </div>
    }
}
