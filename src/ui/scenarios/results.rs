//! What one scenario does over its window: the burn rate over each alert rule's long window
//! with the thresholds, and the incident and alert timeline as a chart and a table.

use leptos::prelude::*;

use super::alert_lab::{CompareAlerting, LabSource};
use super::{Played, ScenarioAndSlo};
use crate::charts::burn_chart::{burn_chart, burn_days};
use crate::charts::legend::{pattern, swatch_svg};
use crate::charts::timeline_chart::{timeline_svg, TimelineBar};
use crate::model::alert_lab::lab::scenario_minutes;
use crate::model::scenario::figures::{
    burn_lines, burn_rows, burn_summary, burn_thresholds, rule_label, timeline, TimelineEvent,
};
use crate::model::scenario::simulation::Simulation;
use crate::ui::shared::Shared;
use crate::ui::widgets::chart_view::{ChartView, Zoom};
use crate::ui::widgets::downloads::SvgDownload;

/// The burn-rate chart's size in viewBox pixels.
const BURN_SIZE: (u32, u32) = (760, 320);

/// The burn-rate chart and the timeline of the scenario shown in detail.
#[component]
pub fn ScenarioResults(
    /// The scenario shown and its SLO.
    played: Memo<Option<ScenarioAndSlo>>,
    /// Every scenario, simulated.
    simulations: Memo<Vec<Played>>,
) -> impl IntoView {
    let sim = Memo::new(move |_| {
        played.with(|p| {
            let (scenario, _) = p.as_ref()?;
            simulations.with(|all| {
                all.iter()
                    .find(|x| x.scenario.id == scenario.id)
                    .map(|x| Shared(x.sim.clone()))
            })
        })
    });
    let events = Memo::new(move |_| {
        played.with(|p| {
            sim.with(|sim| match (p, sim) {
                (Some((s, slo)), Some(sim)) => timeline(s, slo, sim),
                _ => Vec::new(),
            })
        })
    });
    view! {
        <section class="card scenario-results" aria-labelledby="scenario-results-heading">
            <h2 id="scenario-results-heading">
                {move || played.with(|p| p.as_ref().map(|(s, _)| format!("What “{}” does", s.name)))}
            </h2>
            <BurnRateFigure sim />
            <TimelineFigure sim events />
            <CompareAlerting
                id="scenario-alert-lab"
                source=Callback::new(move |()| {
                    played.with_untracked(|p| {
                        let (scenario, slo) = p.as_ref()?;
                        let (minutes, counts_events) = scenario_minutes(scenario, slo);
                        Some(LabSource { minutes, counts_events, slo: slo.clone(), axis: "Day of the window" })
                    })
                })
                inputs=Signal::derive(move || played.track())
            />
        </section>
    }
}

/// The burn rate over each alert rule's long window, with the rules' thresholds, as a
/// zoomable chart with its legend and a table.
#[component]
fn BurnRateFigure(sim: Memo<Option<Shared<Simulation>>>) -> impl IntoView {
    let burn_lines = Memo::new_with_compare(
        move |_| sim.with(|sim| sim.as_ref().map(|s| burn_lines(s)).unwrap_or_default()),
        |_, _| true,
    );
    let window = RwSignal::new(None::<(f64, f64)>);
    let full = Signal::derive(move || burn_lines.with(|lines| (0.0, burn_days(lines))));
    let burn = move || {
        let window = window.get();
        sim.with(|sim| {
            let Some(sim) = sim else {
                return Shared::new(burn_chart(&[], &[], ("", ""), BURN_SIZE, None));
            };
            let thresholds = burn_thresholds(sim);
            let description = burn_lines.with(|lines| burn_summary(lines));
            burn_lines.with(|lines| {
                Shared::new(burn_chart(
                    lines,
                    &thresholds,
                    ("Burn rate over each alert rule's long window", &description),
                    BURN_SIZE,
                    window,
                ))
            })
        })
    };
    let burn = Memo::new(move |_| burn());
    let burn_svg = Signal::derive(move || burn.with(|c| c.svg.clone()));
    let rules_text = move || {
        sim.with(|sim| {
            sim.as_ref()
                .map(|sim| {
                    sim.rules
                        .iter()
                        .map(rule_label)
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default()
        })
    };
    view! {
        <h3>"Burn rate"</h3>
        <figure class="chart">
            <ChartView chart=burn size=BURN_SIZE what="Burn rate" zoom=Zoom { window, full } />
            <SvgDownload svg=burn_svg what="Burn rate" />
            <figcaption>
                <ul class="legend-text">
                    {move || {
                        burn_lines
                            .with(|lines| {
                                lines
                                    .iter()
                                    .enumerate()
                                    .map(|(i, l)| {
                                        view! {
                                            <li>
                                                <span class="swatch" inner_html=swatch_svg(i)></span>
                                                {format!("Burn rate {} ({} line)", l.name.to_lowercase(), pattern(i))}
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </ul>
                <p class="hint">
                    {move || format!("Logarithmic scale. Alert rules: {}. A rule fires when both its windows burn at or above its rate.", rules_text())}
                </p>
            </figcaption>
        </figure>
        <details class="show-data">
            <summary>"Show the burn rates as a table"</summary>
            <table class="compact">
                <caption class="visually-hidden">"Burn rate per alert rule"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Alert rule"</th>
                        <th scope="col" class="num">"Peak over the long window"</th>
                        <th scope="col" class="num">"Time at or above the threshold"</th>
                        <th scope="col" class="num">"Times fired"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        sim.with(|sim| sim.as_ref().map(|s| burn_rows(s)).unwrap_or_default())
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <tr>
                                        <th scope="row">{r.rule}</th>
                                        <td class="num">{r.peak}</td>
                                        <td class="num">{r.above}</td>
                                        <td class="num">{r.firings}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </details>
    }
}

/// The scenario's incidents, failed releases, maintenance and alerts on one timeline, and
/// as a table.
#[component]
fn TimelineFigure(
    sim: Memo<Option<Shared<Simulation>>>,
    events: Memo<Vec<TimelineEvent>>,
) -> impl IntoView {
    let timeline_svg_text = move || {
        sim.with(|sim| {
            let Some(sim) = sim else { return String::new() };
            events.with(|events| {
                let bars: Vec<TimelineBar> = events
                    .iter()
                    .map(|e| TimelineBar {
                        kind: e.kind,
                        start: e.start_minute,
                        end: e.end_minute,
                        tooltip: format!("{}: {}, {} for {}", e.kind, e.what, e.start, e.duration),
                    })
                    .collect();
                timeline_svg(
                    &bars,
                    sim.window_minutes,
                    "Incidents, failed releases, maintenance and alerts over the window",
                    &format!("{} events; the table below lists each one.", events.len()),
                    760,
                )
            })
        })
    };
    let timeline_svg_text = Memo::new(move |_| timeline_svg_text());
    view! {
        <h3>"Incident and alert timeline"</h3>
        <figure class="chart">
            <div class="chart-svg" inner_html=move || timeline_svg_text.get()></div>
            <SvgDownload svg=timeline_svg_text what="Incident and alert timeline" />
        </figure>
        <details class="show-data">
            <summary>{move || format!("Show the timeline as a table ({} events)", events.with(Vec::len))}</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Timeline table (scrolls sideways)">
            <table class="compact timeline-table">
                <caption class="visually-hidden">"Timeline of the scenario"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Start"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"What"</th>
                        <th scope="col">"Lasts"</th>
                        <th scope="col">"Details"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        events
                            .get()
                            .into_iter()
                            .map(|e| {
                                view! {
                                    <tr>
                                        <td>{e.start}</td>
                                        <td>{e.kind}</td>
                                        <td>{e.what}</td>
                                        <td>{e.duration}</td>
                                        <td>{e.detail}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            </div>
        </details>
    }
}
