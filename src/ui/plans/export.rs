//! "Export plan" for the open plan: a plan that keeps SLI histories asks first whether the
//! file should carry them (their rows can be most of its size).

use leptos::html;
use leptos::prelude::*;

use crate::model::plan::ids::ById;
use crate::model::plan::Plan;
use crate::model::slo::figures::format_number;
use crate::ui::plans::download_plan;
use crate::ui::widgets::modal::show_modal_when_mounted;
use crate::ui::workbook::Workbook;

/// "Export plan" with, for a plan with histories, the question whether to include them.
#[component]
pub fn ExportPlanButton() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let open_plan = wb.open_plan();
    // The plan version being asked about.
    let asking = RwSignal::new(None::<Plan>);
    let export = move |_| {
        let Some(plan) = open_plan.get_untracked() else {
            return;
        };
        if plan.histories.is_empty() {
            download_plan(&plan);
        } else {
            asking.set(Some(plan));
        }
    };
    view! {
        <button type="button" class="primary" on:click=export>
            "Export plan"
        </button>
        {move || asking.get().map(|plan| view! { <IncludeHistoriesDialog plan asking /> })}
    }
}

/// What the histories of `plan` are, in a sentence.
fn histories_summary(plan: &Plan) -> String {
    let names: Vec<String> = plan
        .histories
        .iter()
        .map(|h| {
            let slo = plan
                .slo_catalog
                .slos
                .by_id(&h.slo)
                .map_or(h.slo.as_str(), |s| s.name.as_str());
            format!("“{}” for {slo}", h.source)
        })
        .collect();
    let bytes: usize = plan.histories.iter().map(|h| h.series.len()).sum();
    let size = if bytes < 1_048_576 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{} MB", format_number(bytes as f64 / 1_048_576.0, 1))
    };
    let what = if names.len() == 1 {
        "history"
    } else {
        "histories"
    };
    format!(
        "This plan keeps {} SLI {what} ({}), {size} of rows.",
        names.len(),
        names.join(", "),
    )
}

#[component]
fn IncludeHistoriesDialog(plan: Plan, asking: RwSignal<Option<Plan>>) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    show_modal_when_mounted(dialog);
    let summary = histories_summary(&plan);
    let with = plan.clone();
    let mut without = plan;
    without.histories.clear();
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="export-title"
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                asking.set(None);
            }
        >
            <h2 id="export-title">"Include the SLI histories?"</h2>
            <p>{summary}</p>
            <p>"With them, whoever imports the file can replay the same history. Without them, the file holds the rest of the plan and stays small."</p>
            <div class="toolbar">
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        download_plan(&with);
                        asking.set(None);
                    }
                >
                    "Include histories"
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        download_plan(&without);
                        asking.set(None);
                    }
                >
                    "Plan only"
                </button>
                <button type="button" on:click=move |_| asking.set(None)>
                    "Cancel"
                </button>
            </div>
        </dialog>
    }
}
