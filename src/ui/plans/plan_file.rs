//! "Open plan file…" and "Save to file…" on the Plans page. Where the browser has the File
//! System Access API (Chromium) they bind the open plan to a file on disk
//! ([`super::file_binding`], fetched on first use); elsewhere they import and download a
//! copy instead, and say so.

use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::lazy_parts::{FileAction, LazyParts};
use crate::ui::plans::download_plan;
use crate::ui::plans::import::picked_file;
use crate::ui::workbook::Workbook;

/// Whether this browser can bind a plan to a file.
pub fn has_file_access() -> bool {
    Reflect::has(&window(), &"showOpenFilePicker".into()).unwrap_or(false)
}

/// The file buttons of the open plan, with what they do in this browser.
#[component]
pub fn PlanFileButtons() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let parts = use_context::<LazyParts>();
    let supported = has_file_access();
    let failure = RwSignal::new(None::<String>);
    let act = move |action: FileAction| {
        failure.set(None);
        leptos::task::spawn_local(async move {
            let done = match parts {
                Some(parts) => (parts.plan_file)(wb, parts, action).await,
                None => Err("files cannot be bound on this page".into()),
            };
            failure.set(done.err());
        });
    };
    let open_file = move |_| {
        if supported {
            act(FileAction::Open);
        } else if let Some(input) = document().get_element_by_id("plan-file-import") {
            // An import picker: a copy, kept in this browser.
            if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                input.click();
            }
        }
    };
    let save_file = move |_| {
        if supported {
            act(FileAction::Save);
        } else if let Some(plan) = wb.open_plan().get_untracked() {
            download_plan(&plan);
        }
    };
    let bound_here = move || wb.open_plan_file();
    let on_import = move |ev: leptos::ev::Event| {
        if let Some(file) = picked_file(&ev) {
            super::import::import_file(wb, file);
        }
    };
    view! {
        <div class="toolbar plan-file">
            <button type="button" on:click=open_file>"Open plan file…"</button>
            <button type="button" on:click=save_file>"Save to file…"</button>
            {move || bound_here().map(|f| view! {
                <button type="button" on:click=move |_| act(FileAction::Stop)>{format!("Stop saving to {}", f.name)}</button>
            })}
        </div>
        {(!supported).then(|| view! {
            <input id="plan-file-import" type="file" accept=".json,application/json" class="visually-hidden" tabindex="-1" aria-hidden="true" on:change=on_import />
        })}
        <p class="hint">
            {if supported {
                "Bind the open plan to a file, for example in a git checkout: each save then writes the file too."
            } else {
                "This browser cannot keep a plan bound to a file: “Open plan file…” imports a copy, and “Save to file…” downloads one."
            }}
        </p>
        {move || failure.get().map(|f| view! { <p role="alert" class="banner banner--error">{f}</p> })}
    }
}
