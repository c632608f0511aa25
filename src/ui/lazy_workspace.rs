//! Each workspace's code lives in its own wasm chunk, fetched when the workspace is first
//! shown, so a first visit downloads the shell and one workspace instead of all six. The
//! release build splits the wasm along these functions (scripts/split-wasm.mjs); on the
//! host they are plain calls.
//!
//! A chunk that cannot be fetched (the network dropped, or a newer deployment replaced the
//! files) shows what happened with a Retry button instead of leaving the page blank.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use send_wrapper::SendWrapper;

use super::lazy_parts::{Comparison, FileAction, FileActionInMaking, LazyParts, SectionInMaking};
use super::route::Route;
use super::workbook::Workbook;
use crate::interop::plan_exports::{production_files, ExportFile, ExportKind};
use crate::interop::share_link::share_link;
use crate::model::plan::{AssessmentRound, Id, Plan};
use crate::model::scenario::played::{Played, ScenarioAndSlo};

/// A workspace's chunk could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkUnavailable;

impl From<SplitLoaderError> for ChunkUnavailable {
    fn from(_: SplitLoaderError) -> Self {
        ChunkUnavailable
    }
}

type Loaded = Result<AnyView, ChunkUnavailable>;

#[wasm_split(workspace_overview, wasm_split_path = ::leptos::wasm_split, fallible)]
fn overview_page() -> Loaded {
    Ok(view! { <super::overview::page::OverviewPage /> }.into_any())
}

#[wasm_split(workspace_plans, wasm_split_path = ::leptos::wasm_split, fallible)]
fn plans_page() -> Loaded {
    Ok(view! { <super::plans::page::PlansPage /> }.into_any())
}

#[wasm_split(workspace_transition, wasm_split_path = ::leptos::wasm_split, fallible)]
fn transition_page() -> Loaded {
    Ok(view! { <super::transition::page::TransitionPage /> }.into_any())
}

#[wasm_split(workspace_slos, wasm_split_path = ::leptos::wasm_split, fallible)]
fn slos_page() -> Loaded {
    Ok(view! { <super::slos::page::SlosPage /> }.into_any())
}

#[wasm_split(workspace_scenarios, wasm_split_path = ::leptos::wasm_split, fallible)]
fn scenarios_page() -> Loaded {
    Ok(view! { <super::scenarios::page::ScenariosPage /> }.into_any())
}

#[wasm_split(workspace_report, wasm_split_path = ::leptos::wasm_split, fallible)]
fn report_page() -> Loaded {
    Ok(view! { <super::report::page::ReportPage /> }.into_any())
}

#[wasm_split(share_link_encoder, wasm_split_path = ::leptos::wasm_split, fallible)]
fn encode_share_link(page: &str, plan: &Plan) -> Result<Result<String, String>, ChunkUnavailable> {
    Ok(share_link(page, plan).map_err(|e| e.to_string()))
}

#[wasm_split(plan_comparison, wasm_split_path = ::leptos::wasm_split, fallible)]
fn compare_plans(old: &Plan, new: &Plan) -> Result<Comparison, ChunkUnavailable> {
    let diff = crate::model::plan::diff::diff_plans(old, new);
    Ok(Comparison {
        headline: diff.headline(),
        sections: diff.sections(),
    })
}

#[wasm_split(plan_file_binding, wasm_split_path = ::leptos::wasm_split, fallible)]
fn plan_file_action(
    wb: Workbook,
    parts: LazyParts,
    action: FileAction,
) -> Result<FileActionInMaking, ChunkUnavailable> {
    Ok(Box::pin(super::plans::file_binding::file_action(
        wb, parts, action,
    )))
}

#[wasm_split(production_exports, wasm_split_path = ::leptos::wasm_split, fallible)]
fn make_production_files(
    plan: &Plan,
    kind: ExportKind,
    service: &str,
) -> Result<Vec<ExportFile>, ChunkUnavailable> {
    Ok(production_files(
        plan,
        kind,
        (!service.is_empty()).then_some(service),
    ))
}

#[wasm_split(scenarios_history, wasm_split_path = ::leptos::wasm_split, fallible)]
fn history_replay_section(
    plan: Memo<Option<Plan>>,
    selected: Memo<Option<Id>>,
) -> Result<AnyView, ChunkUnavailable> {
    Ok(view! { <super::scenarios::history::HistoryReplay plan selected /> }.into_any())
}

#[wasm_split(scenarios_side, wasm_split_path = ::leptos::wasm_split, fallible)]
fn scenario_side_section(
    id: Id,
    played: Memo<Option<ScenarioAndSlo>>,
    simulations: Memo<Vec<Played>>,
) -> Result<AnyView, ChunkUnavailable> {
    use super::scenarios::{
        affordability::Affordability, monte_carlo::MonteCarloPanel, results::ScenarioResults,
    };
    Ok(view! {
        <ScenarioResults played simulations />
        <MonteCarloPanel id played />
        <Affordability played />
    }
    .into_any())
}

#[wasm_split(transition_workshop, wasm_split_path = ::leptos::wasm_split, fallible)]
fn workshop_dialog(
    round: Memo<Option<AssessmentRound>>,
    on_close: Callback<()>,
) -> Result<AnyView, ChunkUnavailable> {
    Ok(view! { <super::transition::workshop::WorkshopDialog round on_close /> }.into_any())
}

/// A section's view once its part is here, or why it is missing in the words the page shows.
fn section(
    loaded: impl std::future::Future<Output = Result<AnyView, ChunkUnavailable>> + 'static,
) -> SectionInMaking {
    Box::pin(async move {
        loaded.await.map_err(|ChunkUnavailable| {
            "its code did not arrive; check the connection and try again".to_string()
        })
    })
}

impl LazyParts {
    /// The parts, each fetched when first used.
    pub fn new() -> Self {
        LazyParts {
            share_link: |page, plan| {
                Box::pin(async move {
                    encode_share_link(&page, &plan).await.unwrap_or_else(|ChunkUnavailable| {
                        Err("the part of the workbook that makes links could not be loaded; check the connection and try again".into())
                    })
                })
            },
            plan_file: |wb, parts, action| {
                Box::pin(async move {
                    match plan_file_action(wb, parts, action).await {
                        Ok(running) => running.await,
                        Err(ChunkUnavailable) => Err("the part of the workbook that works with plan files could not be loaded; check the connection and try again".into()),
                    }
                })
            },
            production_files: |plan, kind, service| {
                Box::pin(async move {
                    make_production_files(&plan, kind, &service).await.map_err(|ChunkUnavailable| {
                        "the part of the workbook that writes production files could not be loaded; check the connection and try again".into()
                    })
                })
            },
            history_replay: |plan, selected| section(history_replay_section(plan, selected)),
            scenario_side: |id, played, simulations| {
                section(scenario_side_section(id, played, simulations))
            },
            workshop: |round, on_close| section(workshop_dialog(round, on_close)),
            compare: |old, new| {
                Box::pin(async move {
                    compare_plans(&old, &new).await.map_err(|ChunkUnavailable| {
                        "the part of the workbook that compares plans could not be loaded; check the connection and try again".into()
                    })
                })
            },
        }
    }
}

impl Default for LazyParts {
    fn default() -> Self {
        Self::new()
    }
}

/// Fetches (once) and renders the workspace of `route`.
async fn load(route: Route) -> Loaded {
    match route {
        Route::Overview => overview_page().await,
        Route::Plans => plans_page().await,
        Route::Transition => transition_page().await,
        Route::Slos => slos_page().await,
        Route::Scenarios => scenarios_page().await,
        Route::Report => report_page().await,
    }
}

/// The workspace of `route`: a loading note while its chunk arrives, then the workspace,
/// or an explanation and a Retry button when the chunk cannot be fetched.
#[component]
pub fn LazyWorkspace(route: Route) -> impl IntoView {
    // Each Retry starts a fresh fetch: the loader keeps successes only.
    let attempt = RwSignal::new(0u32);
    let content = move || {
        attempt.track();
        Suspend::new(SendWrapper::new(async move {
            match load(route).await {
                Ok(view) => {
                    first_workspace_shown();
                    view
                }
                Err(ChunkUnavailable) => {
                    first_workspace_failed();
                    view! {
                    <section class="card chunk-error" role="alert">
                        <h1>{format!("The {} workspace could not be loaded", route.label())}</h1>
                        <p>
                            "Its code did not arrive: the connection may have dropped, or a newer \
                             version of the workbook was published since this page was opened. \
                             Your plans are saved in this browser and nothing was lost."
                        </p>
                        <p class="toolbar">
                            <button type="button" class="primary" on:click=move |_| attempt.update(|n| *n += 1)>
                                "Retry"
                            </button>
                            <button type="button" on:click=|_| reload_page()>
                                "Reload the workbook"
                            </button>
                        </p>
                    </section>
                    }
                    .into_any()
                }
            }
        }))
    };
    view! {
        <Suspense fallback=move || {
            view! { <p class="workspace-loading" role="status">{format!("Loading {}…", route.label())}</p> }
        }>{content}</Suspense>
    }
}

/// After the first workspace is on screen: marks the workbook interactive (for `make
/// bench`) and only then registers the service worker, whose precaching of every chunk
/// would otherwise compete with the first workspace's chunk on a slow link.
fn first_workspace_shown() {
    thread_local!(static SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if SHOWN.replace(true) {
        return;
    }
    // The view is mounted when this task ends; the frame callback runs after that, before
    // the frame is drawn.
    request_animation_frame(|| {
        super::first_screen::reveal(|| {
            super::browser::mark("workbook-interactive");
            super::browser::register_service_worker();
        });
    });
}

/// When the first workspace cannot be fetched, its explanation takes the page's place.
fn first_workspace_failed() {
    request_animation_frame(|| super::first_screen::reveal(|| ()));
}

/// Reloads the page, which fetches the newest deployment as a whole.
fn reload_page() {
    let _ = window().location().reload();
}
