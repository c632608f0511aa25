//! The library: every plan stored in this browser, with create, open, rename, duplicate,
//! export, import and delete (undoable).

use leptos::prelude::*;

use crate::ui::plans::download_plan;

use super::compare::CompareWithFile;
use super::import::ImportButton;
use crate::model::plan::calendar::display_timestamp;
use crate::model::plan::{Id, Plan};
use crate::ui::workbook::Workbook;

/// The library section with its toolbar and table.
#[component]
pub fn LibraryTable() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let renaming = RwSignal::new(None::<Id>);
    view! {
        <section class="card" aria-labelledby="library-heading">
            <h2 id="library-heading">"Library"</h2>
            <div class="toolbar">
                <button type="button" on:click=move |_| wb.create_blank()>
                    "New blank plan"
                </button>
                <button type="button" on:click=move |_| wb.create_from_example()>
                    "New plan from example"
                </button>
                <ImportButton />
            </div>
            <p class="hint">
                "Plans are kept in this browser only. Export a plan to share it or keep a copy; import a file with the button or drop it anywhere on the page."
            </p>
            <CompareWithFile />
            <div class="table-scroll">
                <table class="library">
                    <caption class="visually-hidden">"Plans stored in this browser"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Organization"</th>
                            <th scope="col">"Last changed"</th>
                            <th scope="col">"Actions"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || wb.plans.get()
                            key=|p| (p.id.clone(), p.name.clone(), p.organization.clone(), p.updated.clone())
                            children=move |plan| view! { <PlanRow plan renaming /> }
                        />
                    </tbody>
                </table>
            </div>
            <Show when=move || wb.plans.with(|p| p.is_empty())>
                <p class="empty">"The library is empty. Create a plan or import one."</p>
            </Show>
        </section>
    }
}

/// One plan of the library.
#[component]
fn PlanRow(plan: Plan, renaming: RwSignal<Option<Id>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let id = plan.id.clone();
    let is_open = {
        let id = id.clone();
        move || wb.open_id.with(|o| o.as_deref() == Some(id.as_str()))
    };
    let is_renaming = {
        let id = id.clone();
        move || renaming.with(|r| r.as_deref() == Some(id.as_str()))
    };
    let name = plan.name.clone();
    let draft = RwSignal::new(plan.name.clone());
    let rename_error = RwSignal::new(None::<String>);
    let save_rename = {
        let id = id.clone();
        move || {
            let new_name = draft.get_untracked();
            if new_name.trim().is_empty() {
                rename_error.set(Some("The plan needs a name.".into()));
            } else {
                wb.edit(&id, |p| p.name = new_name.trim().to_string());
                renaming.set(None);
            }
        }
    };
    let export_plan = plan.clone();
    let (open_id, rename_id, dup_id, del_id) = (id.clone(), id.clone(), id.clone(), id.clone());
    let input_id = format!("rename-{id}");
    let name_cell = {
        let name = name.clone();
        let is_open = is_open.clone();
        move || {
            if is_renaming() {
                let save = save_rename.clone();
                let save_key = save_rename.clone();
                let input_id = input_id.clone();
                view! {
                    <div class="rename">
                        <label class="visually-hidden" for=input_id.clone()>
                            {format!("New name for {name}")}
                        </label>
                        <input
                            id=input_id
                            type="text"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            on:keydown=move |ev| match ev.key().as_str() {
                                "Enter" => save_key(),
                                "Escape" => renaming.set(None),
                                _ => {}
                            }
                            autofocus
                        />
                        <button type="button" on:click=move |_| save()>
                            "Save name"
                        </button>
                        <button type="button" on:click=move |_| renaming.set(None)>
                            "Cancel"
                        </button>
                        <p class="field-error" aria-live="polite">
                            {move || rename_error.get()}
                        </p>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <span class="plan-name">{name.clone()}</span>
                    <Show when=is_open.clone()>
                        <span class="badge">"open"</span>
                    </Show>
                }
                .into_any()
            }
        }
    };
    let is_open_button = is_open.clone();
    view! {
        <tr class:current=is_open>
            <td>{name_cell}</td>
            <td>{plan.organization.clone()}</td>
            <td>{display_timestamp(&plan.updated)}</td>
            <td>
                <div class="row-actions">
                <button
                    type="button"
                    aria-label=format!("Open {name}")
                    disabled=is_open_button
                    on:click=move |_| wb.open(&open_id)
                >
                    "Open"
                </button>
                <button
                    type="button"
                    aria-label=format!("Rename {name}")
                    on:click=move |_| renaming.set(Some(rename_id.clone()))
                >
                    "Rename"
                </button>
                <button
                    type="button"
                    aria-label=format!("Duplicate {name}")
                    on:click=move |_| wb.duplicate(&dup_id)
                >
                    "Duplicate"
                </button>
                <button
                    type="button"
                    aria-label=format!("Export {name}")
                    on:click=move |_| {
                        download_plan(&export_plan);
                    }
                >
                    "Export"
                </button>
                <button
                    type="button"
                    class="danger"
                    aria-label=format!("Delete {name}")
                    on:click=move |_| wb.delete(&del_id)
                >
                    "Delete"
                </button>
                </div>
            </td>
        </tr>
    }
}
