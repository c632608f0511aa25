//! Native `<dialog>` elements shown as modal: focus moves in, the page behind is inert, and
//! Escape raises `cancel` (which each dialog maps to its Cancel choice).

use leptos::html;
use leptos::prelude::*;

/// Opens `dialog` as a modal once it is in the page.
pub fn show_modal_when_mounted(dialog: NodeRef<html::Dialog>) {
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            show_when_connected(dialog, 10);
        }
    });
}

/// Opens `dialog` as a modal now, or in one of the next `frames` frames: a dialog drawn by a
/// part fetched on use is built before it is put in the page, and a dialog outside the page
/// cannot be opened.
fn show_when_connected(dialog: web_sys::HtmlDialogElement, frames: u32) {
    if dialog.open() {
        return;
    }
    if dialog.is_connected() {
        let _ = dialog.show_modal();
    } else if frames > 0 {
        request_animation_frame(move || show_when_connected(dialog, frames - 1));
    }
}
