//! The scenarios side by side: budget left over the window overlaid on one chart, with the
//! error-budget policy's thresholds and where budgets run out, and the comparison table.

use std::sync::Arc;

use leptos::prelude::*;

use super::Played;
use crate::charts::budget_chart::{budget_chart, budget_days, BudgetLine, PolicyLine};
use crate::charts::legend::{pattern, swatch_svg};
use crate::model::plan::Id;
use crate::model::scenario::figures::{budget_summary, comparison_row, ComparisonRow};
use crate::model::scenario::simulation::Simulation;
use crate::ui::shared::Shared;
use crate::ui::widgets::chart_view::{ChartView, Zoom};
use crate::ui::widgets::downloads::SvgDownload;

/// The budget chart's size in viewBox pixels.
const SIZE: (u32, u32) = (760, 340);

/// What the comparison draws for one scenario.
struct Compared {
    row: ComparisonRow,
    sim: Arc<Simulation>,
    left: Vec<f64>,
}

impl Compared {
    fn line(&self) -> BudgetLine<'_> {
        BudgetLine {
            name: &self.row.name,
            left: &self.left,
            exhausted_at: self.sim.exhausted_at,
        }
    }
}

/// The overlay chart and comparison table of the scenarios shown.
#[component]
pub fn ScenarioComparison(
    /// Every scenario, simulated.
    simulations: Memo<Vec<Played>>,
    /// Scenarios left off.
    hidden: RwSignal<Vec<Id>>,
    /// The scenario shown in detail, whose SLO's policy is drawn.
    selected: Memo<Option<Id>>,
) -> impl IntoView {
    let played = Memo::new(move |_| {
        let hidden = hidden.get();
        simulations.with(|all| {
            all.iter()
                .filter(|p| !hidden.contains(&p.scenario.id))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let compared = Memo::new_with_compare(
        move |_| {
            played.with(|list| {
                list.iter()
                    .map(|p| Compared {
                        row: comparison_row(&p.scenario, &p.slo, &p.sim),
                        left: p.sim.budget_left(),
                        sim: p.sim.clone(),
                    })
                    .collect::<Vec<_>>()
            })
        },
        |_, _| true,
    );
    let policies = move || {
        let id = selected.get();
        played.with(|list| {
            list.iter()
                .find(|p| Some(&p.scenario.id) == id.as_ref())
                .or(list.first())
                .map(|p| PolicyLine::of_policy(&p.slo.policy))
                .unwrap_or_default()
        })
    };
    let window = RwSignal::new(None::<(f64, f64)>);
    let full = Signal::derive(move || {
        compared.with(|list| {
            let lines: Vec<BudgetLine> = list.iter().map(|c| c.line()).collect();
            (0.0, budget_days(&lines))
        })
    });
    let chart = Memo::new(move |_| {
        let policies = policies();
        let window = window.get();
        compared.with(|list| {
            let lines: Vec<BudgetLine> = list.iter().map(|c| c.line()).collect();
            let rows: Vec<ComparisonRow> = list.iter().map(|c| c.row.clone()).collect();
            let description = budget_summary(&rows);
            Shared::new(budget_chart(
                "budget-chart",
                &lines,
                &policies,
                ("Budget left over the window, per scenario", &description),
                SIZE,
                window,
            ))
        })
    });
    let svg = Signal::derive(move || chart.with(|c| c.svg.clone()));
    let rows = move || compared.with(|list| list.iter().map(|c| c.row.clone()).collect::<Vec<_>>());

    view! {
        <section class="card" aria-labelledby="comparison-heading">
            <h2 id="comparison-heading">"Compare scenarios"</h2>
            <Show
                when=move || !rows().is_empty()
                fallback=|| view! { <p>"Tick “On the chart” for at least one scenario to compare."</p> }
            >
                <figure class="chart">
                    <ChartView chart size=SIZE what="Budget left per scenario" zoom=Zoom { window, full } />
                    <SvgDownload svg=svg what="Budget left per scenario" />
                    <figcaption>
                        {move || view! { <BudgetLegend rows=rows() /> }}
                        <p class="hint">
                            "Dashed red lines are the error-budget policy’s thresholds; a cross marks where a budget runs out."
                        </p>
                    </figcaption>
                </figure>
                {move || view! { <ComparisonTable rows=rows() /> }}
            </Show>
        </section>
    }
}

/// The budget chart's legend: each scenario's swatch, line pattern and where its budget
/// ends.
#[component]
pub fn BudgetLegend(rows: Vec<ComparisonRow>) -> impl IntoView {
    let items = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <li>
                    <span class="swatch" inner_html=swatch_svg(i)></span>
                    {format!("{} ({} line): {} at the end", r.name, pattern(i), r.left_at_end.to_lowercase())}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="legend-text">{items}</ul> }
}

/// The scenarios side by side, with the policy actions each triggered.
#[component]
fn ComparisonTable(rows: Vec<ComparisonRow>) -> impl IntoView {
    view! {
    <div class="table-scroll" tabindex="0" role="region" aria-label="Scenarios side by side (scrolls sideways)">
        <table class="comparison stack">
            <caption class="visually-hidden">"Scenarios side by side"</caption>
            <thead>
                <tr>
                    <th scope="col">"Scenario"</th>
                    <th scope="col">"Target"</th>
                    <th scope="col">"Budget left at the end"</th>
                    <th scope="col">"Exhausted"</th>
                    <th scope="col" class="num">"Pages"</th>
                    <th scope="col" class="num">"Tickets"</th>
                    <th scope="col">"Mean time to detect"</th>
                    <th scope="col">"Policy actions triggered"</th>
                </tr>
            </thead>
            <tbody>
                {{
                    rows
                        .into_iter()
                        .map(|r| {
                            let exhausted_class = if r.exhausted == "Not exhausted" { "" } else { "warning-text" };
                            view! {
                                <tr>
                                    <th scope="row">{r.name}</th>
                                    <td data-label="Target" class="num">{r.target}</td>
                                    <td data-label="Budget left at the end">{r.left_at_end}</td>
                                    <td data-label="Exhausted" class=exhausted_class>{r.exhausted}</td>
                                    <td data-label="Pages" class="num">{r.pages}</td>
                                    <td data-label="Tickets" class="num">{r.tickets}</td>
                                    <td data-label="Mean time to detect">{r.mean_time_to_detect}</td>
                                    <td data-label="Policy actions triggered" class="actions">
                                        {if r.actions.is_empty() {
                                            view! { <span>"None"</span> }.into_any()
                                        } else {
                                            view! {
                                                <ul class="plain-list">
                                                    {r.actions.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}
                                                </ul>
                                            }
                                                .into_any()
                                        }}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    </div>
    }
}
