//! Each scenario's outcome: budget left at the end or the day it runs out, and the Monte
//! Carlo odds when a run on the same inputs finished in this session.

use leptos::prelude::*;

use crate::model::scenario::figures::comparison_row;
use crate::ui::monte_carlo_odds::MonteCarloOdds;
use crate::ui::route::{item_hash, Route};
use crate::ui::scenarios::simulations;
use crate::ui::widgets::scroll_table::{headings, ScrollTable};
use crate::ui::workbook::Workbook;

/// The "Scenarios" card.
#[component]
pub fn ScenarioOutcomes() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let played = simulations(plan);
    let odds = use_context::<MonteCarloOdds>();
    let has_slos =
        move || plan.with(|p| p.as_ref().is_some_and(|p| !p.slo_catalog.slos.is_empty()));
    view! {
        <section class="card overview-card overview-scenarios" aria-labelledby="overview-scenarios">
            <h2 id="overview-scenarios"><a href=Route::Scenarios.hash()>"Scenarios"<span aria-hidden="true">" →"</span></a></h2>
            {move || {
                let list = played.get();
                if list.is_empty() {
                    let needs = if has_slos() {
                        "No scenarios yet. Play “what if” against an SLO’s error budget on the "
                    } else {
                        "No scenarios yet: a scenario plays against an SLO, so add an SLO first, then play one on the "
                    };
                    return view! {
                        <p class="empty-state">{needs}<a href=Route::Scenarios.hash()>"Scenarios"</a>" page."</p>
                    }.into_any();
                }
                view! {
                    <ScrollTable
                        label="Scenario outcomes"
                        class="overview-table scenario-outcomes"
                        headings=headings(&["Scenario", "Budget left at the end", "Budget exhausted", "Monte Carlo odds"])
                    >
                                {list.into_iter().map(|p| {
                                    let row = comparison_row(&p.scenario, &p.slo, &p.sim);
                                    let inputs = (p.scenario.clone(), p.slo.clone());
                                    let odds_text = odds
                                        .and_then(|o| o.for_inputs(&inputs))
                                        .unwrap_or_else(|| "Not run".into());
                                    let overspent = row.left_at_end.starts_with("Overspent");
                                    view! {
                                        <tr>
                                            <th scope="row"><a href=item_hash(Route::Scenarios, &p.scenario.id)>{row.name}</a></th>
                                            <td class=if overspent { "warn" } else { "" }>{row.left_at_end}</td>
                                            <td>{row.exhausted}</td>
                                            <td>{odds_text}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                    </ScrollTable>
                }.into_any()
            }}
        </section>
    }
}
