//! The header's save state: "Saved", "Saving…" or "Not saved: <reason>"; for a plan bound
//! to a file, "Saved to <file>" or why the file was not written.

use leptos::prelude::*;

use crate::ui::workbook::{SaveState, Workbook};

/// Announces whether the latest changes are stored (a live status region).
#[component]
pub fn SaveStatus() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let file = move || wb.open_plan_file();
    let text = move || match (wb.save_state.get(), file()) {
        (SaveState::NotSaved(reason), _) => format!("Not saved: {reason}"),
        (_, Some(f)) if f.problem.is_some() => {
            format!("Not saved to {}: {}", f.name, f.problem.unwrap_or_default())
        }
        (SaveState::Saved, Some(f)) => format!("Saved to {}", f.name),
        (SaveState::Saved, None) => "Saved".to_string(),
        (SaveState::Pending, _) => "Saving…".to_string(),
    };
    let class = move || match (wb.save_state.get(), file()) {
        (SaveState::NotSaved(_), _) => "save-status save-status--failed",
        (_, Some(f)) if f.problem.is_some() => "save-status save-status--failed",
        _ => "save-status",
    };
    view! { <p role="status" class=class>{text}</p> }
}
