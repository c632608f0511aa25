//! The binding of a plan to a file on disk (File System Access API), behind the Plans page's
//! "Open plan file…" and "Save to file…" ([`super::plan_file`]): the pickers, each autosave
//! also writing the file, a change made to the file outside the page noticed on focus and
//! offered (reload, keep mine, compare) wherever the user is, and a lost permission said.
//! A part of its own ([`crate::ui::lazy_parts::LazyParts::plan_file`]), fetched on first use,
//! so a first visit does not carry it. The file is the plan's export: stable key order, one
//! field per line.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::plan::format::{export_file_name, export_plan, read_plan};
use crate::model::plan::Plan;
use crate::ui::browser::{read_file_bytes, schema_url};
use crate::ui::lazy_parts::Comparison;
use crate::ui::lazy_parts::FileAction;
use crate::ui::lazy_parts::LazyParts;
use crate::ui::workbook::{set_after_save, BoundFile, Workbook};

/// The binding's browser side: the file handle, the text last written to or read from the
/// file (so a change made elsewhere can be told from our own) and the plan's file text at that
/// moment (so only an edit writes: a file opened or reloaded is not rewritten in the page's
/// formatting when nothing in it changed).
struct Binding {
    handle: JsValue,
    plan_id: String,
    known_text: String,
    synced: String,
    /// Removes the focus listener when the binding ends.
    _focus: WindowListenerHandle,
}

thread_local! {
    static BINDING: RefCell<Option<Binding>> = const { RefCell::new(None) };
    /// The offer of a file changed outside the page, mounted on the page while it waits.
    static OFFER: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

/// The file's version after a change made outside the page.
#[derive(Clone, Debug, PartialEq)]
struct OutsideChange {
    name: String,
    text: String,
    /// The file's plan, or the problems that keep it from being read.
    plan: Result<Plan, Vec<String>>,
}

/// Calls `target.method(...args)`.
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    Reflect::apply(&f, target, &args.iter().collect::<Array>())
}

/// Calls `target.method(...args)` and awaits the promise it returns.
async fn call_async(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let promise: Promise = call(target, method, args)?.dyn_into()?;
    JsFuture::from(promise).await
}

/// A plain object from key-value pairs.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// The picker options: JSON plan files.
fn json_types() -> JsValue {
    let accept = object(&[(
        "application/json",
        [JsValue::from(".json")].iter().collect::<Array>().into(),
    )]);
    let kind = object(&[("description", "Workbook plan".into()), ("accept", accept)]);
    [kind].iter().collect::<Array>().into()
}

/// Words for a failed call: the exception's message.
fn describe(e: &JsValue) -> String {
    Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}

impl OutsideChange {
    /// The file `name` found with `text`, read as a plan or as the problems that stop it.
    fn read(name: String, text: String) -> Self {
        let plan = read_plan(text.as_bytes())
            .map_err(|e| e.problems.iter().map(ToString::to_string).collect());
        OutsideChange { name, text, plan }
    }
}

/// Whether the user closed the picker without choosing.
fn cancelled(e: &JsValue) -> bool {
    Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .as_deref()
        == Some("AbortError")
}

/// The file's name and text.
async fn read_handle(handle: &JsValue) -> Result<(String, String), String> {
    let file: web_sys::File = call_async(handle, "getFile", &[])
        .await
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "not a file".to_string())?;
    let bytes = read_file_bytes(&file).await?;
    Ok((file.name(), String::from_utf8_lossy(&bytes).into_owned()))
}

/// Writes `text` to the file, if the browser still lets the page write it.
async fn write_handle(handle: &JsValue, text: &str) -> Result<(), String> {
    let mode = object(&[("mode", "readwrite".into())]);
    let state = call_async(handle, "queryPermission", &[mode])
        .await
        .map_err(|e| describe(&e))?;
    if state.as_string().as_deref() != Some("granted") {
        return Err("the browser no longer lets the workbook write it".into());
    }
    let writable = call_async(handle, "createWritable", &[])
        .await
        .map_err(|e| describe(&e))?;
    call_async(&writable, "write", &[text.into()])
        .await
        .map_err(|e| describe(&e))?;
    call_async(&writable, "close", &[])
        .await
        .map_err(|e| describe(&e))?;
    Ok(())
}

/// The plan's text in its file: the export, one field per line in a stable order.
fn file_text(plan: &Plan) -> String {
    export_plan(plan, &schema_url())
}

/// Binds `plan` to `handle`, whose text is now `text`: autosaves write it, focus checks it
/// for changes made elsewhere.
fn bind(wb: Workbook, parts: LazyParts, handle: JsValue, name: String, plan: &Plan, text: String) {
    let plan_id = plan.id.clone();
    let focus = window_event_listener(leptos::ev::focus, move |_| check_outside_change(wb, parts));
    BINDING.with(|b| {
        *b.borrow_mut() = Some(Binding {
            handle,
            plan_id: plan_id.clone(),
            known_text: text,
            synced: file_text(plan),
            _focus: focus,
        })
    });
    wb.bound_file.set(Some(BoundFile {
        plan_id,
        name,
        problem: None,
    }));
    set_after_save(Some(Rc::new(move |plan: &Plan| {
        write_after_save(wb, parts, plan, false)
    })));
}

/// Ends the binding (the plan stays in the library; the file is left as it is).
fn unbind(wb: Workbook) {
    BINDING.with(|b| b.borrow_mut().take());
    set_after_save(None);
    wb.bound_file.set(None);
}

/// After an autosave: writes the bound plan to its file when it changed. A file changed
/// outside the page since the page last read or wrote it is never overwritten: its version is
/// offered instead, unless `keep_mine` (the user chose the page's version over it).
fn write_after_save(wb: Workbook, parts: LazyParts, plan: &Plan, keep_mine: bool) {
    let Some((handle, known, text)) = BINDING.with(|b| {
        b.borrow().as_ref().and_then(|b| {
            let text = file_text(plan);
            (b.plan_id == plan.id && (keep_mine || b.synced != text))
                .then(|| (b.handle.clone(), b.known_text.clone(), text))
        })
    }) else {
        return;
    };
    leptos::task::spawn_local(async move {
        if !keep_mine {
            if let Ok((name, current)) = read_handle(&handle).await {
                if current != known {
                    return offer(wb, parts, OutsideChange::read(name, current));
                }
            }
        }
        let result = write_handle(&handle, &text).await;
        BINDING.with(|b| {
            if let (Some(b), Ok(())) = (b.borrow_mut().as_mut(), &result) {
                b.known_text = text.clone();
                b.synced = text.clone();
            }
        });
        wb.bound_file.update(|f| {
            if let Some(f) = f {
                f.problem = result.err().map(|why| format!("{why}; your edits are kept in this browser, and “Export plan” downloads a copy"));
            }
        });
    });
}

/// On focus: offers the file's version when it was changed outside the page.
fn check_outside_change(wb: Workbook, parts: LazyParts) {
    let Some(handle) = BINDING.with(|b| b.borrow().as_ref().map(|b| b.handle.clone())) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok((name, text)) = read_handle(&handle).await else {
            return;
        };
        let known = BINDING.with(|b| b.borrow().as_ref().map(|b| b.known_text.clone()));
        if known.as_deref() == Some(text.as_str()) {
            return;
        }
        offer(wb, parts, OutsideChange::read(name, text));
    });
}

/// Shows the offer of the file's version on the page, over whatever workspace is open.
fn offer(wb: Workbook, parts: LazyParts, change: OutsideChange) {
    OFFER.with(|o| o.borrow_mut().take());
    let Some(body) = document().body() else {
        return;
    };
    let handle = leptos::mount::mount_to(body, move || {
        provide_context(wb);
        provide_context(parts);
        view! { <OutsideChangeDialog change /> }
    });
    OFFER.with(|o| *o.borrow_mut() = Some(Box::new(handle)));
}

/// Closes the offer.
fn close_offer() {
    // Deferred: the offer's own button is running.
    request_animation_frame(|| OFFER.with(|o| drop(o.borrow_mut().take())));
}

/// Carries out one of the Plans page's file buttons; the error says why it could not.
pub async fn file_action(wb: Workbook, parts: LazyParts, action: FileAction) -> Result<(), String> {
    match action {
        FileAction::Open => open_file(wb, parts).await,
        FileAction::Save => save_file(wb, parts).await,
        FileAction::Stop => {
            unbind(wb);
            Ok(())
        }
    }
}

/// "Open plan file…": the picker, then the file's plan opened and bound.
async fn open_file(wb: Workbook, parts: LazyParts) -> Result<(), String> {
    let options = object(&[("types", json_types())]);
    let handles = match call_async(&window(), "showOpenFilePicker", &[options]).await {
        Ok(h) => h,
        Err(e) if cancelled(&e) => return Ok(()),
        Err(e) => return Err(format!("The file could not be opened: {}.", describe(&e))),
    };
    let handle = Reflect::get(&handles, &0.into()).unwrap_or(JsValue::UNDEFINED);
    let (name, text) = read_handle(&handle)
        .await
        .map_err(|why| format!("The file could not be read: {why}."))?;
    match read_plan(text.as_bytes()) {
        Ok(plan) => {
            bind(wb, parts, handle, name.clone(), &plan, text);
            wb.open_from_file(plan, &name);
        }
        // The import's messages, as for any file that cannot be read.
        Err(_) => wb.import_bytes(&name, text.into_bytes()),
    }
    Ok(())
}

/// "Save to file…": the picker, then the open plan written there and bound.
async fn save_file(wb: Workbook, parts: LazyParts) -> Result<(), String> {
    let Some(plan) = wb.open_plan().get_untracked() else {
        return Ok(());
    };
    let options = object(&[
        ("suggestedName", export_file_name(&plan.name).into()),
        ("types", json_types()),
    ]);
    let handle = match call_async(&window(), "showSaveFilePicker", &[options]).await {
        Ok(h) => h,
        Err(e) if cancelled(&e) => return Ok(()),
        Err(e) => return Err(format!("The file could not be chosen: {}.", describe(&e))),
    };
    let text = file_text(&plan);
    let name = Reflect::get(&handle, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    write_handle(&handle, &text).await.map_err(|why| {
        format!("“{name}” could not be written: {why}. “Export plan” downloads a copy.")
    })?;
    bind(wb, parts, handle, name, &plan, text);
    Ok(())
}

/// Offers the bound file's version after it was changed outside the page.
#[component]
fn OutsideChangeDialog(change: OutsideChange) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let parts = use_context::<LazyParts>();
    let compared = RwSignal::new(None::<Result<Comparison, String>>);
    let offer = StoredValue::new(change.clone());
    let reload = move |_| {
        if let OutsideChange {
            name,
            text,
            plan: Ok(plan),
        } = offer.get_value()
        {
            BINDING.with(|b| {
                if let Some(b) = b.borrow_mut().as_mut() {
                    b.known_text = text;
                    b.synced = file_text(&plan);
                }
            });
            wb.open_from_file(plan, &name);
        }
        close_offer();
    };
    let keep_mine = move |_| {
        // The page's version goes back to the file, over the one made elsewhere.
        if let (Some(plan), Some(parts)) = (wb.open_plan().get_untracked(), parts) {
            write_after_save(wb, parts, &plan, true);
        }
        close_offer();
    };
    let compare = move |_| {
        let (
            Some(mine),
            OutsideChange {
                plan: Ok(theirs), ..
            },
        ) = (wb.open_plan().get_untracked(), offer.get_value())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = match parts {
                Some(parts) => (parts.compare)(mine, theirs).await,
                None => Err("plans cannot be compared on this page".into()),
            };
            compared.set(Some(result));
        });
    };
    let readable = change.plan.is_ok();
    view! {
                <section class="card outside-change" role="alertdialog" aria-labelledby="outside-change-title">
                    <h2 id="outside-change-title">{format!("“{}” was changed outside the workbook", change.name)}</h2>
                    {match &change.plan {
                        Ok(_) => view! { <p>"Load the file's version, keep the version in this page (it is written to the file), or compare them first."</p> }.into_any(),
                        Err(problems) => view! {
                            <p>"The file's version cannot be read; keeping the version in this page writes it to the file again:"</p>
                            <ul class="problems">{problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                        }.into_any(),
                    }}
                    <div class="toolbar">
                        <button type="button" class="primary" on:click=reload disabled=!readable>"Reload from file"</button>
                        <button type="button" on:click=keep_mine>"Keep mine"</button>
                        <button type="button" on:click=compare disabled=!readable>"Compare"</button>
                    </div>
                    {move || compared.get().map(|c| match c {
                        Ok(c) => view! {
                            <div class="comparison">
                                <p>{format!("From the version in this page to the file's: {}", c.headline)}</p>
                                {c.sections.into_iter().map(|(subject, lines)| view! {
                                    <h3>{subject}</h3>
                                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                }).collect_view()}
                            </div>
                        }.into_any(),
                        Err(why) => view! { <p role="alert">{why}</p> }.into_any(),
                    })}
                </section>
    }
}
