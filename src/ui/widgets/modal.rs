//! Native `<dialog>` elements shown as modal: focus moves in, the page behind is inert, and
//! Escape raises `cancel` (which each dialog maps to its Cancel choice).

use leptos::html;
use leptos::prelude::*;

/// Opens `dialog` as a modal once it is in the page.
pub fn show_modal_when_mounted(dialog: NodeRef<html::Dialog>) {
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
}
