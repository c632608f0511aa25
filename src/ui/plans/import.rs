//! Importing a plan file: the "Import plan" picker, reading a picked or dropped file, and
//! the dialog that asks what to do when the plan is already in the library.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::plan::format::check_file_size;
use crate::ui::browser::read_file_bytes;
use crate::ui::widgets::modal::show_modal_when_mounted;
use crate::ui::workbook::{ConflictChoice, Workbook};

/// Reads a file and imports it; every failure is reported, nothing changes on failure.
pub fn import_file(wb: Workbook, file: web_sys::File) {
    let name = file.name();
    if let Err(e) = check_file_size(file.size() as usize) {
        wb.import_failed(&name, e.to_string());
        return;
    }
    let ticket = wb.import_started(format!(
        "Importing “{name}” ({:.1} MB)…",
        file.size() / 1_048_576.0
    ));
    leptos::task::spawn_local(async move {
        let read = read_file_bytes(&file).await;
        if !wb.import_read(ticket) {
            return; // cancelled while reading
        }
        match read {
            Ok(bytes) => wb.import_bytes(&name, bytes),
            Err(e) => wb.import_failed(&name, format!("the file could not be read: {e}")),
        }
    });
}

/// The file picked in a file input's change event, if any; the input is cleared, so picking
/// the same file again is a new pick. The one reading of every plan-file picker.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement =
        ev.target().expect("change has a target").unchecked_into();
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// The "Import plan" file picker.
#[component]
pub fn ImportButton() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(file) = picked_file(&ev) {
            import_file(wb, file);
        }
    };
    view! {
        <span class="file-button">
            <input
                id="import-plan"
                type="file"
                accept=".json,application/json"
                class="visually-hidden"
                on:change=on_change
            />
            <label for="import-plan" class="button">
                "Import plan"
            </label>
        </span>
    }
}

/// Asks whether an imported plan replaces the one with the same id or is kept beside it.
#[component]
pub fn ConflictDialog() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    view! {
        <Show when=move || wb.import_conflict.with(|c| c.is_some())>
            <ConflictDialogBody />
        </Show>
    }
}

#[component]
fn ConflictDialogBody() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let dialog = NodeRef::<html::Dialog>::new();
    show_modal_when_mounted(dialog);
    let incoming = move || {
        wb.import_conflict
            .with(|c| c.as_ref().map(|p| p.name.clone()).unwrap_or_default())
    };
    let existing = move || {
        let id = wb
            .import_conflict
            .with(|c| c.as_ref().map(|p| p.id.clone()));
        wb.plans.with(|plans| {
            plans
                .iter()
                .find(|p| Some(&p.id) == id.as_ref())
                .map(|p| p.name.clone())
        })
    };
    let choose = move |choice| wb.resolve_conflict(choice);
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="conflict-title"
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                choose(ConflictChoice::Cancel);
            }
        >
            <h2 id="conflict-title">"This plan is already in your library"</h2>
            <p>
                {move || {
                    format!(
                        "“{}” has the same id as “{}” in this browser. Replace the stored plan with the file, or keep both?",
                        incoming(),
                        existing().unwrap_or_default(),
                    )
                }}
            </p>
            <div class="toolbar">
                <button type="button" class="danger" on:click=move |_| choose(ConflictChoice::Replace)>
                    "Replace"
                </button>
                <button type="button" class="primary" on:click=move |_| choose(ConflictChoice::KeepBoth)>
                    "Keep both"
                </button>
                <button type="button" on:click=move |_| choose(ConflictChoice::Cancel)>
                    "Cancel"
                </button>
            </div>
        </dialog>
    }
}
