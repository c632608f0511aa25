//! Each group's average level across rounds, with its target and the projection at the
//! current pace: an SVG chart with a text alternative, a data table, and the targets.

use leptos::prelude::*;

use crate::charts::trend::{has_data, trend_chart, MARKERS};
use crate::model::plan::calendar::{format_date, parse_date};
use crate::model::plan::ids::ById;
use crate::model::plan::{GroupTarget, LEVEL_COUNT};
use crate::model::transition::progress::{group_trend, rounds_by_date};
use crate::model::transition::trend::trend_figures;
use crate::ui::browser::today;
use crate::ui::shared::Shared;
use crate::ui::widgets::chart_view::ChartView;
use crate::ui::widgets::downloads::SvgDownload;

/// The trend chart's size in viewBox pixels.
const SIZE: (u32, u32) = (720, 320);
use crate::ui::workbook::Workbook;

/// The trend chart, its data and the groups' targets.
#[component]
pub fn TrendSection() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let figures =
        Memo::new(move |_| plan.with(|p| p.as_ref().map(trend_figures).unwrap_or_default()));
    let chart = Memo::new(move |_| {
        figures.with(|(lines, sentences)| {
            Shared::new(trend_chart(
                lines,
                (
                    "Average level of each stakeholder group per round",
                    &sentences.join(" "),
                ),
                SIZE,
            ))
        })
    });
    let svg = Signal::derive(move || chart.with(|c| c.svg.clone()));
    let table = move || {
        plan.with(|p| {
            let p = p.as_ref()?;
            let rounds: Vec<(String, String)> = rounds_by_date(&p.transition)
                .iter()
                .map(|r| (r.id.clone(), r.label.clone()))
                .collect();
            let rows: Vec<(String, Vec<String>)> = p
                .transition
                .groups
                .iter()
                .map(|g| {
                    let trend = group_trend(&p.transition, &g.id);
                    let cells = rounds
                        .iter()
                        .map(|(_, label)| {
                            trend
                                .iter()
                                .find(|x| &x.label == label)
                                .map(|x| format!("{:.1}", x.average))
                                .unwrap_or_else(|| "–".into())
                        })
                        .collect();
                    (g.name.clone(), cells)
                })
                .collect();
            Some((rounds, rows))
        })
    };
    view! {
        <section class="card" aria-labelledby="trend-heading">
            <h2 id="trend-heading">"Trend and targets"</h2>
            <Show
                when=move || figures.with(|(lines, _)| has_data(lines))
                fallback=|| view! {
                    <p class="empty-state">
                        "No trend yet: the chart appears once a round is rated or a group has a target. Start an assessment round at the top of the page, or set a target below."
                    </p>
                }
            >
            <figure class="chart">
                <ChartView chart size=SIZE what="Trend and targets" />
                <SvgDownload svg=svg what="Trend and targets" />
                <figcaption>
                    <ul class="legend-text">
                        {move || {
                            figures.with(|(_, sentences)| {
                                sentences
                                    .iter()
                                    .enumerate()
                                    .map(|(i, s)| {
                                        view! { <li>{format!("({}) {s}", MARKERS[i % MARKERS.len()])}</li> }
                                    })
                                    .collect_view()
                            })
                        }}
                    </ul>
                    <p class="hint">"Crosses mark each target (level and date); dashed lines project the current pace to the target level."</p>
                </figcaption>
            </figure>
            <details class="show-data">
                <summary>"Show data"</summary>
                {move || {
                    table()
                        .map(|(rounds, rows)| {
                            view! {
                                <div class="table-scroll" tabindex="0" role="region" aria-label="Average level per group and round (scrolls sideways)">
                                <table class="compact">
                                    <caption>"Average level per group and round"</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">"Group"</th>
                                            {rounds.into_iter().map(|(_, l)| view! { <th scope="col" class="num">{l}</th> }).collect_view()}
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|(name, cells)| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">{name}</th>
                                                        {cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                </div>
                            }
                        })
                }}
            </details>
            </Show>
            <h3>"Targets"</h3>
            <TargetsTable />
        </section>
    }
}

/// A target level and date per group.
#[component]
fn TargetsTable() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let groups = move || {
        plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.transition
                        .groups
                        .iter()
                        .map(|g| (g.id.clone(), g.name.clone(), g.target.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let set_target = move |group: String, target: Option<GroupTarget>| {
        wb.edit_open(|p| {
            if let Some(g) = p.transition.groups.by_id_mut(&group) {
                g.target = target;
            }
        })
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Targets per group (scrolls sideways)">
        <table class="compact targets">
            <caption class="visually-hidden">"Target level and date per group"</caption>
            <thead>
                <tr>
                    <th scope="col">"Group"</th>
                    <th scope="col">"Target level"</th>
                    <th scope="col">"By"</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    groups()
                        .into_iter()
                        .map(|(id, name, target)| {
                            let (id_level, id_date) = (id.clone(), id.clone());
                            let date = target.as_ref().map(|t| t.date.clone());
                            let level = target.as_ref().map(|t| t.level);
                            view! {
                                <tr>
                                    <th scope="row">{name.clone()}</th>
                                    <td>
                                        <select
                                            aria-label=format!("Target level for {name}")
                                            on:change=move |ev| {
                                                let value = event_target_value(&ev);
                                                let target = value.parse::<u8>().ok().map(|level| GroupTarget {
                                                    level,
                                                    date: date.clone().unwrap_or_else(|| format_date(today() + 180)),
                                                });
                                                set_target(id_level.clone(), target);
                                            }
                                        >
                                            <option value="" selected=level.is_none()>"No target"</option>
                                            {(0..LEVEL_COUNT as u8)
                                                .map(|l| view! { <option value=l.to_string() selected=level == Some(l)>{l.to_string()}</option> })
                                                .collect_view()}
                                        </select>
                                    </td>
                                    <td>
                                        <input
                                            type="date"
                                            aria-label=format!("Target date for {name}")
                                            disabled=level.is_none()
                                            prop:value=target.as_ref().map(|t| t.date.clone()).unwrap_or_default()
                                            on:change=move |ev| {
                                                let value = event_target_value(&ev);
                                                if let (Some(level), Some(_)) = (level, parse_date(&value)) {
                                                    set_target(id_date.clone(), Some(GroupTarget { level, date: value }));
                                                }
                                            }
                                        />
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
