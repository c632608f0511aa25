//! Messages above the workspace: a failed save (with an export offered), stored entries set
//! aside as unreadable (with a download), a failed import listing every problem, and
//! notices of what just happened (with undo).

use leptos::prelude::*;

use crate::ui::browser::download_text;
use crate::ui::plans::download_plan;

use crate::ui::workbook::{SaveState, Workbook};

/// All current messages, most urgent first.
#[component]
pub fn Notices() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let open_plan = wb.open_plan();
    let export_open = move |_| {
        if let Some(plan) = open_plan.get_untracked() {
            download_plan(&plan);
        }
    };
    view! {
        <div class="notices">
            <Show when=move || matches!(wb.save_state.get(), SaveState::NotSaved(_))>
                <div class="banner banner--warning">
                    <p>
                        "Your changes are kept in this tab but could not be saved in this browser. Export the plan to keep a copy."
                    </p>
                    <button type="button" on:click=export_open>
                        "Export plan"
                    </button>
                </div>
            </Show>
            <For
                each=move || wb.set_aside.get()
                key=|entry| entry.key.clone()
                children=move |entry| {
                    let file_name = format!("set-aside-{}.json", entry.key.rsplit('/').next().unwrap_or("plan").replace('@', "-"));
                    let text = entry.text.clone();
                    let key = entry.key.clone();
                    view! {
                        <div class="banner banner--warning" role="alert">
                            <p>
                                "A stored plan could not be read and was set aside, unchanged: "
                                <span class="problem">{entry.reason.clone()}</span>
                            </p>
                            <button
                                type="button"
                                on:click=move |_| {
                                    let _ = download_text(&file_name, &text, "application/json");
                                }
                            >
                                "Download it"
                            </button>
                            <button type="button" on:click=move |_| wb.discard_set_aside(&key)>
                                "Discard"
                            </button>
                        </div>
                    }
                }
            />
            {move || {
                wb.import_failure
                    .get()
                    .map(|failure| {
                        view! {
                            <div class="banner banner--error" role="alert">
                                <p>
                                    <strong>{format!("Could not import “{}”", failure.file_name)}</strong>
                                    " — nothing was changed. "
                                    {match failure.problems.len() {
                                        1 => "1 problem:".to_string(),
                                        n => format!("{n} problems:"),
                                    }}
                                </p>
                                <ul class="problems">
                                    {failure
                                        .problems
                                        .into_iter()
                                        .map(|p| view! { <li>{p}</li> })
                                        .collect_view()}
                                </ul>
                                <button type="button" on:click=move |_| wb.import_failure.set(None)>
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                wb.tab_conflict
                    .get()
                    .map(|theirs| {
                        view! {
                            <div class="banner banner--warning" role="alert">
                                <p>
                                    <strong>{format!("“{}” was changed in another tab", theirs.name)}</strong>
                                    " while you were editing it here. Which version do you want to keep? The other one is discarded."
                                </p>
                                <button type="button" on:click=move |_| wb.resolve_tab_conflict(true)>
                                    "Keep this tab’s version"
                                </button>
                                <button type="button" on:click=move |_| wb.resolve_tab_conflict(false)>
                                    "Use the other tab’s version"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                wb.importing
                    .get()
                    .map(|(_, label)| {
                        view! {
                            <div class="banner banner--info" role="status">
                                <p>{label}</p>
                                <progress aria-label="Import progress"></progress>
                                <button type="button" on:click=move |_| wb.cancel_import()>
                                    "Cancel import"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                wb.notice
                    .get()
                    .map(|notice| {
                        let undoable = notice.undo.is_some();
                        view! {
                            <div class="banner banner--info" role="status">
                                <p>{notice.message}</p>
                                <Show when=move || undoable>
                                    <button type="button" on:click=move |_| wb.undo_delete()>
                                        "Undo"
                                    </button>
                                </Show>
                                <button type="button" on:click=move |_| wb.notice.set(None)>
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
