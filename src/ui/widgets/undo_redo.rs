//! The header's Undo and Redo buttons and their keyboard shortcuts (Ctrl/Cmd+Z,
//! Shift+Ctrl/Cmd+Z and Ctrl+Y). In a text field the browser's own undo of typing wins.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::workbook::Workbook;

/// Whether a key press belongs to a text field (its own undo applies there).
fn in_text_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            tag == "textarea"
                || (tag == "input"
                    && !matches!(
                        el.get_attribute("type").as_deref(),
                        Some("checkbox" | "radio" | "button" | "file")
                    ))
        })
}

/// Undo and Redo, with the number of steps in their accessible descriptions.
#[component]
pub fn UndoRedo() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let _ = window_event_listener(ev::keydown, move |e| {
        let key = e.key().to_ascii_lowercase();
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() || in_text_field(&e) {
            return;
        }
        match (key.as_str(), e.shift_key()) {
            ("z", false) => {
                e.prevent_default();
                wb.undo();
            }
            ("z", true) | ("y", false) => {
                e.prevent_default();
                wb.redo();
            }
            _ => {}
        }
    });
    let (undo_steps, redo_steps) = (
        move || wb.history_depth.get().0,
        move || wb.history_depth.get().1,
    );
    view! {
        <div class="undo-redo" role="group" aria-label="History">
            <button
                type="button"
                on:click=move |_| wb.undo()
                disabled=move || undo_steps() == 0
                aria-keyshortcuts="Control+Z Meta+Z"
                title=move || format!("Undo (Ctrl+Z) · {} steps", undo_steps())
            >
                "Undo edit"
            </button>
            <button
                type="button"
                on:click=move |_| wb.redo()
                disabled=move || redo_steps() == 0
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
                title=move || format!("Redo (Shift+Ctrl+Z) · {} steps", redo_steps())
            >
                "Redo edit"
            </button>
        </div>
    }
}
