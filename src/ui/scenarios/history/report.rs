//! What the replay found, laid out: coverage and the gap choice, the achieved SLI, the
//! attainment chart, each month and window, the alerts, and the target finder. The rows
//! come from `crate::replay::figures`.

use leptos::prelude::*;

use super::Rows;
use crate::charts::attainment_chart::attainment_chart;
use crate::charts::budget_chart::{budget_chart, budget_days, BudgetLine};
use crate::charts::legend::{pattern, swatch_svg};
use crate::model::history::series::SliHistory;
use crate::model::plan::calendar::display_timestamp;
use crate::model::plan::ids::ById;
use crate::model::plan::{Id, Plan, Scenario};
use crate::replay::figures::{
    alert_rows, attainment, baseline_error_ratio, burn_down_table, coverage, day_rows, month_rows,
    overall_sentence, target_rows, target_summary, window_rows,
};
use crate::replay::minute_grid::GapPolicy;
use crate::replay::run::Replay;
use crate::ui::browser::{mark, measure_since};
use crate::ui::scenarios::alert_lab::{CompareAlerting, LabSource};
use crate::ui::shared::Shared;
use crate::ui::widgets::chart_view::{ChartView, Zoom};
use crate::ui::widgets::choice_select::{choice_select, Choice};
use crate::ui::widgets::confirm_button::ConfirmButton;
use crate::ui::widgets::downloads::SvgDownload;
use crate::ui::widgets::scroll_table::{headings, ScrollTable};
use crate::ui::workbook::Workbook;

/// The attainment chart's size.
const ATTAINMENT_SIZE: (u32, u32) = (760, 300);
/// The burn-down chart's size.
const BURN_DOWN_SIZE: (u32, u32) = (760, 320);

const GAP_CHOICES: [Choice<GapPolicy>; 3] = [
    (GapPolicy::Excluded, "excluded", "left out"),
    (GapPolicy::Good, "good", "counted as good"),
    (GapPolicy::Bad, "bad", "counted as bad"),
];

/// The results of replaying the SLO's kept history against it.
#[component]
pub fn HistoryReport(
    /// The history kept for the SLO.
    history: Memo<Option<SliHistory>>,
    /// Its rows, unpacked.
    rows: Memo<Option<Rows>>,
    /// The open plan.
    plan: Memo<Option<Plan>>,
    /// The SLO replayed.
    slo: Memo<Option<Id>>,
    /// The scenario "Use as scenario baseline" sets.
    selected: Memo<Option<Id>>,
) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let gaps = Memo::new(move |_| history.with(|h| h.as_ref().map(|h| h.gaps).unwrap_or_default()));
    let weight = Memo::new(move |_| history.with(|h| h.as_ref().map(|h| h.weight)));
    let set_gaps = move |g: GapPolicy| {
        let Some(id) = history.with_untracked(|h| h.as_ref().map(|h| h.id.clone())) else {
            return;
        };
        wb.edit_open(|p| {
            if let Some(h) = p.histories.by_id_mut(&id) {
                h.gaps = g;
            }
        });
    };
    // The SLO as a memo of its own: editing anything else in the plan (a scenario, a
    // team) must not replay the history.
    let slo_def = Memo::new(move |_| {
        let id = slo.get()?;
        plan.with(|p| p.as_ref()?.slo_catalog.slos.by_id(&id).cloned())
    });
    let replayed = Memo::new(move |_| -> Result<Shared<Replay>, String> {
        let samples = rows.get().ok_or("no history kept for this SLO")??;
        let weight = weight.get().ok_or("no history kept for this SLO")?;
        let slo_def = slo_def
            .get()
            .ok_or("no SLO to replay against: add one on the SLOs page")?;
        mark("history-replay-start");
        let replay = Replay::run(&samples, weight, gaps.get(), &slo_def)?;
        measure_since("history-replay", "history-replay-start");
        // The target finder's table is always shown: found here, so make bench times it.
        mark("history-targets-start");
        replay.finding();
        measure_since("history-targets", "history-targets-start");
        Ok(Shared::new(replay))
    });
    let scenario_name = move || {
        plan.with(|p| {
            let id = selected.get()?;
            p.as_ref()?.scenarios.by_id(&id).map(|s| s.name.clone())
        })
    };
    let use_as_baseline = move |_| {
        let ratio =
            replayed.with_untracked(|r| r.as_ref().ok().and_then(|r| baseline_error_ratio(&r.run)));
        if let (Some(ratio), Some(id)) = (ratio, selected.get_untracked()) {
            wb.edit_part::<Scenario>(&id, |s| s.baseline_error_ratio = ratio);
        }
    };
    let source = move || history.with(|h| h.as_ref().map(|h| h.source.clone()).unwrap_or_default());
    let kept = move || {
        history.with(|h| {
            h.as_ref().map(|h| {
                let notes = h.import_notes.clone();
                view! {
                    <p class="hint" data-testid="history-kept">
                        {format!("Imported from “{}” on {}; kept with the plan.", h.source, display_timestamp(&h.imported))}
                    </p>
                    {(!notes.is_empty()).then(|| view! {
                        <details class="history-notes">
                            <summary>{format!("Left out at import ({})", notes.len())}</summary>
                            <ul class="problems">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        </details>
                    })}
                }
            })
        })
    };
    let remove = Callback::new(move |()| {
        if let Some(id) = history.with_untracked(|h| h.as_ref().map(|h| h.id.clone())) {
            wb.edit_open(|p| p.histories.retain(|h| h.id != id));
        }
    });
    let summary = {
        move || {
            replayed.with(|r| match r.as_deref() {
                Err(why) => view! { <p class="banner banner--error" role="alert">{why.to_string()}</p> }.into_any(),
                Ok(Replay { grid, run, target_percent: target, slo_name, .. }) => {
                    view! {
                        <h3>{format!("“{}” replayed against “{slo_name}”", source())}</h3>
                        <p class="hint" data-testid="history-coverage">{coverage(grid, gaps.get_untracked())}</p>
                        <p class="history-overall"><strong>{overall_sentence(run, *target)}</strong></p>
                    }
                    .into_any()
                }
            })
        }
    };
    view! {
        <div class="history-report">
            {summary}
            {kept}
            <div class="toolbar history-gaps">
                {choice_select("history-gaps", "Minutes without data", GAP_CHOICES, move || gaps.get(), set_gaps)}
                <ConfirmButton
                    label="Remove history"
                    name=Signal::derive(move || format!("Remove history “{}”", source()))
                    on_confirm=remove
                />
            </div>
            // Without a replay (the rows cannot be read, no SLO) the banner above says why;
            // there is nothing to chart.
            <Show when=move || replayed.with(Result::is_ok)>
                <AttainmentFigure replayed gaps />
                <BurnDownFigure replayed gaps />
            </Show>
            <ReplayTables replayed gaps />
            <Show when=move || replayed.with(Result::is_ok)>
                <CompareAlerting
                    id="history-alert-lab"
                    source=Callback::new(move |()| {
                        replayed.with_untracked(|r| {
                            let (minutes, slo, counts_events) = r.as_ref().ok()?.lab_input();
                            Some(LabSource { minutes, counts_events, slo, axis: "Day of the history" })
                        })
                    })
                    inputs=Signal::derive(move || replayed.track())
                />
            </Show>
            <div class="toolbar">
                <button type="button" on:click=use_as_baseline disabled=move || scenario_name().is_none()>
                    "Use as scenario baseline"
                </button>
                <span class="hint">
                    {move || scenario_name().map(|n| format!("Sets the baseline error ratio of “{n}” to the history’s."))}
                </span>
            </div>
        </div>
    }
}

/// What "Replay history" shares with its parts: the replay, or why there is none.
type Replayed = Memo<Result<Shared<Replay>, String>>;

/// The attainment chart of the replay, with its data table.
#[component]
fn AttainmentFigure(replayed: Replayed, gaps: Memo<GapPolicy>) -> impl IntoView {
    // Back to the whole history when the replay changes (only when zoomed: setting None
    // again would draw the chart once more).
    let attainment_zoom = RwSignal::new(None::<(f64, f64)>);
    Effect::new(move |_| {
        replayed.track();
        if attainment_zoom.get_untracked().is_some() {
            attainment_zoom.set(None);
        }
    });
    // The chart's words describe the whole history, whatever the zoom.
    let attainment_words = Memo::new(move |_| {
        replayed.with(|r| {
            r.as_deref()
                .map(Replay::attainment_words)
                .unwrap_or_default()
        })
    });
    let history_days = Signal::derive(move || {
        replayed.with(|r| {
            (
                0.0,
                r.as_deref().map_or(1.0, |r| r.grid.len() as f64 / 1440.0),
            )
        })
    });
    let chart = Memo::new(move |_| {
        let window = attainment_zoom.get();
        replayed.with(|r| {
            let Ok(Replay {
                grid,
                run,
                target_percent,
                ..
            }) = r.as_deref()
            else {
                return Shared::new(attainment_chart(
                    &Default::default(),
                    ("", ""),
                    ATTAINMENT_SIZE,
                    None,
                ));
            };
            let data = attainment(run, grid, *target_percent, window);
            Shared::new(attainment_chart(
                &data,
                ("SLI over the SLO window", &attainment_words.get()),
                ATTAINMENT_SIZE,
                window,
            ))
        })
    });
    let chart_svg = Signal::derive(move || chart.with(|c| c.svg.clone()));
    let days_table = move || {
        replayed.with(|r| {
            r.as_deref()
                .map(|r| day_rows(&r.run, &r.grid))
                .unwrap_or_default()
        })
    };
    let days_open = RwSignal::new(false);
    view! {
        <h4>"SLI over the SLO window"</h4>
        <figure class="chart">
            <ChartView chart size=ATTAINMENT_SIZE what="SLI over the SLO window" zoom=Zoom { window: attainment_zoom, full: history_days } />
            <SvgDownload svg=chart_svg what="History attainment" />
            <figcaption class="hint">
                {move || {
                    let gappy = replayed.with(|r| r.as_deref().is_ok_and(|r| !r.grid.gaps.is_empty()));
                    if gappy {
                        "The dashed line is the target; grey bands are stretches without data."
                    } else {
                        "The dashed line is the target."
                    }
                }}
                <GapNote gaps />
            </figcaption>
        </figure>
        <details class="show-data" on:toggle=move |_| days_open.set(true)>
            <summary>"Show data"</summary>
            <Show when=move || days_open.get()>
                <ScrollTable label="Each day of the history" caption="Each day of the history (UTC)" headings=headings(&["Day", "Achieved that day", "Over the SLO window at the day’s end", "Minutes without data"]) class="compact">
                    {move || days_table().into_iter().map(row).collect_view()}
                </ScrollTable>
            </Show>
        </details>
    }
}

/// The budget burn-down of each SLO window of the replay, with its data table.
#[component]
fn BurnDownFigure(replayed: Replayed, gaps: Memo<GapPolicy>) -> impl IntoView {
    // Back to the whole history when the replay changes (only when zoomed: setting None
    // again would draw the chart once more).
    let burn_zoom = RwSignal::new(None::<(f64, f64)>);
    Effect::new(move |_| {
        replayed.track();
        if burn_zoom.get_untracked().is_some() {
            burn_zoom.set(None);
        }
    });
    // Budget left through each SLO window of the history, one line per window.
    let lefts = Memo::new(move |_| {
        replayed.with(|r| r.as_deref().map(Replay::budget_left).unwrap_or_default())
    });
    let burn_days =
        Signal::derive(move || lefts.with(|lefts| (0.0, budget_days(&budget_lines(lefts)))));
    let burn_down = Memo::new(move |_| {
        let window = burn_zoom.get();
        replayed.with(|r| {
            let (description, policies) = match r.as_deref() {
                Ok(replay) => (replay.burn_down_words(), replay.policies.clone()),
                Err(_) => (String::new(), Vec::new()),
            };
            lefts.with(|lefts| {
                let lines = budget_lines(lefts);
                Shared::new(budget_chart(
                    "history-budget-chart",
                    &lines,
                    &policies,
                    ("Budget left in each SLO window", &description),
                    BURN_DOWN_SIZE,
                    window,
                ))
            })
        })
    });
    let burn_down_svg = Signal::derive(move || burn_down.with(|c| c.svg.clone()));
    let burn_table = move || {
        replayed.with(|r| {
            r.as_deref()
                .map(|r| burn_down_table(&r.run, &r.grid))
                .unwrap_or_default()
        })
    };
    let burn_open = RwSignal::new(false);
    view! {
        <h4>"Budget burn-down of each SLO window"</h4>
        <figure class="chart">
            <ChartView chart=burn_down size=BURN_DOWN_SIZE what="Budget left in each SLO window" zoom=Zoom { window: burn_zoom, full: burn_days } />
            <SvgDownload svg=burn_down_svg what="History budget burn-down" />
            <figcaption>
                <ul class="legend-text">
                    {move || {
                        lefts.with(|lefts| {
                            lefts
                                .iter()
                                .enumerate()
                                .map(|(i, (name, _))| view! {
                                    <li>
                                        <span class="swatch" inner_html=swatch_svg(i)></span>
                                        {format!("{name} ({} line)", pattern(i))}
                                    </li>
                                })
                                .collect_view()
                        })
                    }}
                </ul>
                <p class="hint">"The dashed red lines are the error-budget policy’s thresholds, and the window table below names when each was crossed."</p>
                <GapNote gaps />
            </figcaption>
        </figure>
        <details class="show-data" on:toggle=move |_| burn_open.set(true)>
            <summary>"Show data"</summary>
            <Show when=move || burn_open.get()>
                {move || {
                    let (names, rows) = burn_table();
                    view! {
                        <ScrollTable label="Budget left at the end of each day" caption="Budget left at the end of each day of each SLO window" headings=names class="compact">
                            {rows.into_iter().map(|cells| view! { <tr>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }).collect_view()}
                        </ScrollTable>
                    }
                }}
            </Show>
        </details>
    }
}

/// The replay's tables: each month, each SLO window, the alerts, the target finder.
#[component]
fn ReplayTables(replayed: Replayed, gaps: Memo<GapPolicy>) -> impl IntoView {
    move || {
        replayed.with(|r| {
            let Ok(replay) = r.as_deref() else {
                return ().into_any();
            };
            let Replay { grid, run, target_percent: target, guard, .. } = replay;
            let finding = replay.finding();
            let months = month_rows(run, *target);
            let windows = window_rows(run, grid, *target);
            let alerts = alert_rows(run, grid);
            let targets = target_rows(finding);
            let alert_count = alerts.len();
            view! {
                <h4>"Each calendar month"</h4>
                <GapNote gaps />
                <ScrollTable label="Each calendar month" headings=headings(&["Month", "Achieved", "Target", "Budget consumed"]) class="compact">
                    {months.into_iter().map(row).collect_view()}
                </ScrollTable>
                <h4>"Each SLO window"</h4>
                <GapNote gaps />
                <ScrollTable label="Each SLO window" headings=headings(&["Window", "Achieved", "Target", "Budget consumed", "Policy thresholds crossed"]) class="compact">
                    {windows.into_iter().map(row).collect_view()}
                </ScrollTable>
                <h4>{format!("Alerts the rules would have fired ({alert_count})")}</h4>
                <GapNote gaps />
                <p class="hint">"A rule is evaluated from the first minute its long window lies wholly within the history, and fires when both its windows’ error ratios are above its threshold (Prometheus’ >)."</p>
                {guard.clone().map(|guard| view! { <p class="hint" data-testid="history-guard">{guard}</p> })}
                {(alert_count == 0).then(|| view! { <p>"None: no rule’s windows burned at its rate."</p> })}
                {(alert_count > 0).then(|| view! {
                    <ScrollTable label="Alerts the rules would have fired" headings=headings(&["Start", "End", "Rule", "Severity", "Peak burn rate", "Fired after the burn began"]) class="compact">
                        {alerts.into_iter().map(row).collect_view()}
                    </ScrollTable>
                })}
                <h4>"Target finder"</h4>
                <GapNote gaps />
                <p data-testid="target-finder">{target_summary(finding)}</p>
                <ScrollTable label="Target finder" headings=headings(&["Target", "Windows met", "Worst window’s budget consumed", "Pages", "Tickets"]) class="compact">
                    {targets.into_iter().map(row).collect_view()}
                </ScrollTable>
            }
            .into_any()
        })
    }
}

/// The gap choice, said next to every result.
#[component]
fn GapNote(gaps: Memo<GapPolicy>) -> impl IntoView {
    move || {
        let statement = gaps.get().statement();
        let mut text = statement[..1].to_uppercase();
        text.push_str(&statement[1..]);
        view! { <p class="hint gap-note">{format!("{text}.")}</p> }
    }
}

/// The burn-down's lines: each window's name and budget left, and where it ran out.
fn budget_lines(lefts: &[(String, Vec<f64>)]) -> Vec<BudgetLine<'_>> {
    lefts
        .iter()
        .map(|(name, left)| BudgetLine {
            name,
            left,
            exhausted_at: left.iter().position(|l| *l <= 0.0),
        })
        .collect()
}

/// A table row of text cells.
fn row<const N: usize>(cells: [String; N]) -> impl IntoView {
    view! { <tr>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> }
}
