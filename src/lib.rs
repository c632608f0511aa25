//! SRE Foundations Workbook: plan an SRE transformation, SLOs and error budgets in the
//! browser. This file holds the app shell only: header, navigation and the workspace routes.

pub mod charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod interop;
pub mod model;
pub mod replay;
pub mod storage;
pub mod ui;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use storage::browser::BrowserStore;
use storage::library::{load_session, save_session, Session};
use ui::browser::{location_hash, replace_hash};
use ui::lazy_workspace::LazyWorkspace;
use ui::plans::import::{import_file, ConflictDialog};
use ui::plans::share::SharedPlanDialog;
use ui::route::Route;
use ui::widgets::notices::Notices;
use ui::widgets::save_status::SaveStatus;
use ui::widgets::undo_redo::UndoRedo;
use ui::workbook::Workbook;

/// The whole workbook page, on `workbook` (see [`Workbook::load`]).
#[component]
pub fn App(workbook: Workbook) -> impl IntoView {
    let wb = workbook;
    provide_context(wb);
    provide_context(ui::monte_carlo_odds::MonteCarloOdds::new());
    provide_context(ui::lazy_parts::LazyParts::new());
    let open_plan = wb.open_plan();

    // A share link offers its plan, then the address drops the plan from the fragment.
    let opened_with = ui::browser::opened_with();
    if let Some(payload) = interop::share_link::payload_of(&opened_with) {
        ui::browser::mark("share-link-start");
        wb.open_share_link(payload);
        ui::browser::measure_since("share-link-read", "share-link-start");
    }
    // A deep link opens its workspace; a bare address opens the Overview for a returning
    // user and the Plans page (with the example plan) on a first visit.
    let initial = Route::from_hash(&opened_with).unwrap_or_else(|| {
        if load_session(&BrowserStore).visited {
            Route::Overview
        } else {
            Route::Plans
        }
    });
    if Route::from_hash(&opened_with).is_none() {
        replace_hash(initial.hash());
    }
    let route = RwSignal::new(initial);
    let _ = window_event_listener(ev::hashchange, move |_| {
        let hash = location_hash();
        if let Some(payload) = interop::share_link::payload_of(&hash) {
            wb.open_share_link(payload);
            replace_hash(route.get_untracked().hash());
        } else if let Some(next) = Route::from_hash(&hash) {
            // An item or section of the shown workspace (`#/transition/coaching`) keeps
            // the workspace mounted; the workspace scrolls to it.
            if next != route.get_untracked() {
                route.set(next);
            }
        }
    });
    Effect::new(move |_| {
        let session = Session {
            open_plan: wb.open_id.get(),
            route: route.get().hash().to_string(),
            visited: true,
        };
        // Losing the session only means reopening on the Plans page; the save state
        // reports storage trouble for the plans themselves.
        let _ = save_session(&BrowserStore, &session);
    });

    // Leaving or hiding the page saves what the debounce still holds.
    let _ = window_event_listener(ev::pagehide, move |_| wb.flush());
    let _ = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            wb.flush();
        }
    });

    // A plan file dropped anywhere on the page is imported.
    let _ = window_event_listener(ev::dragover, |e| e.prevent_default());
    let _ = window_event_listener(ev::drop, move |e| {
        e.prevent_default();
        let file = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            import_file(wb, file);
        }
    });
    // Plans another tab saved or deleted reach this one.
    let _ = window_event_listener(ev::storage, move |e| {
        if let Some(id) = e.key().and_then(|k| {
            k.strip_prefix(storage::library::PLAN_KEY_PREFIX)
                .map(str::to_string)
        }) {
            wb.stored_elsewhere(&id, e.new_value());
        }
    });
    // The first workspace marks the workbook interactive and registers the service worker
    // once its code has arrived (ui::lazy_workspace).

    let plan_name = move || open_plan.with(|p| p.as_ref().map(|p| p.name.clone()));
    // Skips header and navigation: focuses the workspace without touching the hash route.
    let skip = move |ev: ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = document()
            .get_element_by_id("main")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>"Skip to the workspace"</a>
        <header class="app-header">
            <div class="brand">
                <span class="app-title">"SRE Foundations Workbook"</span>
                <span class="open-plan-name">
                    {move || plan_name().unwrap_or_else(|| "No plan open".to_string())}
                </span>
            </div>
            <div class="header-tools">
                <UndoRedo />
                <SaveStatus />
            </div>
        </header>
        <nav class="app-nav" aria-label="Workspaces">
            <ul>
                {Route::ALL
                    .into_iter()
                    .map(|r| {
                        view! {
                            <li>
                                <a
                                    href=r.hash()
                                    aria-current=move || (route.get() == r).then_some("page")
                                >
                                    {r.label()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
        <Notices />
        <ConflictDialog />
        <SharedPlanDialog />
        <main id="main" class="workspace" tabindex="-1">
            {move || {
                let route = route.get();
                view! { <LazyWorkspace route=route /> }
            }}
        </main>
    }
}
