//! The Scenarios page: the plan's scenarios, their comparison, and the selected one's
//! editor, charts, Monte Carlo odds and affordability.

use leptos::prelude::*;

use super::comparison::ScenarioComparison;
use super::editor::ScenarioEditor;
use super::list::ScenarioList;
use super::{scenario_by_id, simulations};
use crate::model::plan::ids::ById;
use crate::model::plan::Id;
use crate::ui::browser::{location_hash, replace_hash, scroll_to_element};
use crate::ui::route::{hash_item, Route};
use crate::ui::widgets::lazy_section::LazySection;
use crate::ui::workbook::Workbook;

/// The scenario workspace of the open plan.
#[component]
pub fn ScenariosPage() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    // An Overview link (`#/scenarios/<id>`) opens the workspace on that item.
    let linked = hash_item(&location_hash()).map(str::to_string);
    if linked.is_some() {
        replace_hash(Route::Scenarios.hash());
        scroll_to_element("scenario-detail");
    }
    let chosen = RwSignal::new(linked);
    let hidden = RwSignal::new(Vec::<Id>::new());
    // The scenario shown in detail: the chosen one while it exists, else the first.
    let selected = Memo::new(move |_| {
        let wanted = chosen.get();
        plan.with(|p| {
            let scenarios = &p.as_ref()?.scenarios;
            wanted
                .and_then(|id| scenarios.by_id(&id))
                .or_else(|| scenarios.first())
                .map(|s| s.id.clone())
        })
    });
    let simulations = simulations(plan);
    let has_slos =
        move || plan.with(|p| p.as_ref().is_some_and(|p| !p.slo_catalog.slos.is_empty()));
    view! {
        <h1>"Scenarios"</h1>
        <p class="lead">
            "Ask “what if” of an error budget: incidents, baseline errors and release habits played minute by minute over the SLO window, with the alerts they fire and the odds the budget holds."
        </p>
        <Show
            when=move || plan.with(|p| p.is_some())
            fallback=|| view! { <p>"No plan is open. Open or create one on the Plans page."</p> }
        >
            <Show
                when=has_slos
                fallback=|| {
                    view! {
                        <p class="card">
                            "A scenario plays against an SLO’s error budget. Add an SLO on the "
                            <a href="#/slos">"SLOs"</a>
                            " page first."
                        </p>
                    }
                }
            >
                <ScenarioList selected chosen hidden />
                <Show when=move || plan.with(|p| p.as_ref().is_some_and(|p| !p.scenarios.is_empty()))>
                    <ScenarioComparison simulations hidden selected />
                </Show>
                {move || {
                    selected
                        .get()
                        .map(|id| {
                            let played = scenario_by_id(plan, id.clone());
                            let shown = StoredValue::new(id.clone());
                            view! {
                                <div class="scenario-detail" id="scenario-detail">
                                    <ScenarioEditor id=id.clone() played />
                                    // What it does, its odds and what the budget affords:
                                    // below the page's first screen, fetched once it shows.
                                    <div class="scenario-side">
                                        <LazySection
                                            heading=Signal::derive(move || {
                                                played.with(|p| {
                                                    p.as_ref().map(|(s, _)| format!("What “{}” does", s.name)).unwrap_or_default()
                                                })
                                            })
                                            heading_id="scenario-results-heading"
                                            class="scenario-results"
                                            load=move |parts| (parts.scenario_side)(shown.get_value(), played, simulations)
                                        />
                                    </div>
                                </div>
                            }
                        })
                }}
                // The largest part of the page, below its first screen: fetched once the
                // page shows.
                <LazySection
                    heading="Replay history"
                    heading_id="history-heading"
                    class="history-replay"
                    load=move |parts| (parts.history_replay)(plan, selected)
                />
            </Show>
        </Show>
    }
}
