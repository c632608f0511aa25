//! The header's save state: "Saved", "Saving…" or "Not saved: <reason>".

use leptos::prelude::*;

use crate::ui::workbook::{SaveState, Workbook};

/// Announces whether the latest changes are stored (a live status region).
#[component]
pub fn SaveStatus() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let text = move || match wb.save_state.get() {
        SaveState::Saved => "Saved".to_string(),
        SaveState::Pending => "Saving…".to_string(),
        SaveState::NotSaved(reason) => format!("Not saved: {reason}"),
    };
    let class = move || match wb.save_state.get() {
        SaveState::NotSaved(_) => "save-status save-status--failed",
        _ => "save-status",
    };
    view! { <p role="status" class=class>{text}</p> }
}
