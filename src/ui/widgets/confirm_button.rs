//! A destructive button that asks once more in place: "Delete" becomes "Confirm delete"
//! with "Cancel" beside it, so nothing is lost by a stray click and no modal is needed.

use leptos::prelude::*;

/// A button that runs `on_confirm` only after a second, explicit click.
#[component]
pub fn ConfirmButton(
    /// Visible text, e.g. "Delete round".
    #[prop(into)]
    label: String,
    /// Accessible name of the first button, e.g. "Delete round Q3 2026".
    #[prop(into)]
    name: Signal<String>,
    /// Runs on confirmation.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <span class="confirm-button">
            <Show
                when=move || asking.get()
                fallback=move || {
                    let label = label.clone();
                    view! {
                        <button
                            type="button"
                            class="danger"
                            aria-label=move || name.get()
                            on:click=move |_| asking.set(true)
                        >
                            {label}
                        </button>
                    }
                }
            >
                <button
                    type="button"
                    class="danger primary-danger"
                    on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }
                >
                    {move || format!("Confirm: {}", name.get().to_lowercase())}
                </button>
                <button type="button" on:click=move |_| asking.set(false)>
                    "Cancel"
                </button>
            </Show>
        </span>
    }
}
