//! Share links in the UI: "Copy share link" for the open plan, and the dialog that offers
//! the plan of a share link the page was opened with. Nothing is stored without a choice.

use leptos::html;
use leptos::prelude::*;

use crate::model::plan::ids::ById;
use crate::model::plan::Plan;
use crate::model::slo::figures::count_of;
use crate::ui::lazy_parts::LazyParts;
use crate::ui::widgets::modal::show_modal_when_mounted;
use crate::ui::workbook::{ConflictChoice, Workbook};

/// "Copy share link": puts the open plan in a link, copies it, and shows it for copying by
/// hand; a plan too large for a link gets advice instead.
#[component]
pub fn ShareLinkButton() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let open_plan = wb.open_plan();
    // The plan version a link was made for, with Ok(link) or Err(why it does not fit).
    let made = RwSignal::new(None::<(Plan, Result<String, String>)>);
    let parts = use_context::<LazyParts>();
    let copied = RwSignal::new(false);
    let make = move |_| {
        let Some(plan) = open_plan.get_untracked() else {
            return;
        };
        let page = window().location().href().unwrap_or_default();
        copied.set(false);
        leptos::task::spawn_local(async move {
            let result = match parts {
                Some(parts) => (parts.share_link)(page, plan.clone()).await,
                None => Err("links cannot be made on this page".into()),
            };
            if let Ok(link) = &result {
                let promise = window().navigator().clipboard().write_text(link);
                let copy = wasm_bindgen_futures::JsFuture::from(promise);
                made.set(Some((plan, result)));
                copied.set(copy.await.is_ok());
            } else {
                made.set(Some((plan, result)));
            }
        });
    };
    view! {
        <button type="button" on:click=make>
            "Copy share link"
        </button>
        {move || {
            // A link describes one version of the plan: after an edit it is no longer shown.
            made.get()
                .filter(|(plan, _)| open_plan.with(|open| open.as_ref() == Some(plan)))
                .map(|(plan, result)| match result {
                    Ok(link) => {
                        let histories = (!plan.histories.is_empty()).then(|| {
                            view! {
                                <p class="hint">
                                    "The SLI histories kept with this plan are not in the link: export the plan to share them."
                                </p>
                            }
                        });
                        view! {
                            <div class="share-link">
                                <p role="status">
                                    {move || {
                                        if copied.get() {
                                            "Share link copied."
                                        } else {
                                            "Copy the share link below."
                                        }
                                    }}
                                    " The whole plan travels inside the link (after the #, which browsers never send to a server). Whoever opens it is asked before anything is imported."
                                </p>
                                <label for="share-link-text">"Share link"</label>
                                <input
                                    id="share-link-text"
                                    type="text"
                                    readonly=true
                                    prop:value=link.clone()
                                    on:focus=|ev| {
                                        use wasm_bindgen::JsCast;
                                        if let Some(input) = ev
                                            .target()
                                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                        {
                                            input.select();
                                        }
                                    }
                                />
                                <p class="hint">{format!("{} characters.", link.len())}</p>
                                {histories}
                            </div>
                        }
                            .into_any()
                    }
                    Err(why) => view! { <p class="field-error" role="alert">{why}</p> }.into_any(),
                })
        }}
    }
}

/// The dialog for a plan that arrived in a share link.
#[component]
pub fn SharedPlanDialog() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    view! {
        <Show when=move || wb.shared_offer.with(|o| o.is_some())>
            <SharedPlanDialogBody />
        </Show>
    }
}

#[component]
fn SharedPlanDialogBody() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let dialog = NodeRef::<html::Dialog>::new();
    show_modal_when_mounted(dialog);
    let existing = move || {
        let id = wb.shared_offer.with(|o| o.as_ref().map(|p| p.id.clone()))?;
        wb.plans
            .with(|plans| plans.by_id(&id).map(|p| p.name.clone()))
    };
    let summary = move || {
        wb.shared_offer.with(|offer| {
            offer.as_ref().map(|p| {
                let org = if p.organization.trim().is_empty() {
                    String::new()
                } else {
                    format!(" for {}", p.organization)
                };
                format!(
                    "This link holds the plan “{}”{org}: {}, {}, {} and {}.",
                    p.name,
                    count_of(p.transition.teams.len(), "team", "teams"),
                    count_of(
                        p.transition.rounds.len(),
                        "assessment round",
                        "assessment rounds"
                    ),
                    count_of(p.slo_catalog.slos.len(), "SLO", "SLOs"),
                    count_of(p.scenarios.len(), "scenario", "scenarios")
                )
            })
        })
    };
    let answer = move |choice| wb.answer_share(choice);
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="share-title"
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                answer(Some(ConflictChoice::Cancel));
            }
        >
            <h2 id="share-title">"Import the shared plan?"</h2>
            <p>{summary}</p>
            {move || match existing() {
                Some(here) => {
                    view! {
                        <p>
                            {format!(
                                "“{here}” in this browser is the same plan (same id). Replace it with the shared version, or keep both?",
                            )}
                        </p>
                        <div class="toolbar">
                            <button type="button" class="danger" on:click=move |_| answer(Some(ConflictChoice::Replace))>
                                "Replace"
                            </button>
                            <button type="button" class="primary" on:click=move |_| answer(Some(ConflictChoice::KeepBoth))>
                                "Keep both"
                            </button>
                            <button type="button" on:click=move |_| answer(Some(ConflictChoice::Cancel))>
                                "Cancel"
                            </button>
                        </div>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p>"It is not in this browser yet."</p>
                        <div class="toolbar">
                            <button type="button" class="primary" on:click=move |_| answer(None)>
                                "Import plan"
                            </button>
                            <button type="button" on:click=move |_| answer(Some(ConflictChoice::Cancel))>
                                "Cancel"
                            </button>
                        </div>
                    }
                        .into_any()
                }
            }}
        </dialog>
    }
}
