//! What the selected SLO means: its budget, allowed downtime, burn-rate alerts, a reverse
//! calculation from what was seen so far, neighboring targets and the dependency check.

use leptos::prelude::*;

use crate::model::plan::{BudgetingMethod, Id, Slo};
use crate::model::slo::budget::{
    budget_status, format_duration, format_percent, slo_status, ErrorBudget,
};
use crate::model::slo::fields::{parse_non_negative, parse_positive, parse_ratio_percent};
use crate::model::slo::figures::{
    alert_rows, budget_figures, dependency_check, downtime_rows, neighbor_rows,
};
use crate::ui::widgets::number_field::NumberField;
use crate::ui::workbook::Workbook;

/// The figures of one SLO, recomputed on every edit.
#[component]
pub fn SloFigures(id: Id) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let slo = wb.part::<Slo>(id);
    view! {
        <section class="card slo-figures" aria-labelledby="slo-figures-heading">
            <h2 id="slo-figures-heading">"What this target means"</h2>
            <DependencyNote slo />
            <BudgetFigures slo />
            <DowntimeTable slo />
            <BurnRateAlerts slo />
            <SoFarInWindow slo />
            <NeighboringTargets slo />
        </section>
    }
}

/// Whether the journey's dependencies in series allow this target.
#[component]
fn DependencyNote(slo: Memo<Option<Slo>>) -> impl IntoView {
    let plan = expect_context::<Workbook>().open_plan();
    let dependency =
        move || plan.with(|p| slo.with(|s| dependency_check(p.as_ref()?, s.as_ref()?)));
    view! {
            {move || {
                dependency()
                    .map(|check| {
                        let counted = check
                            .counted
                            .iter()
                            .map(|(name, t)| format!("{name} ({t} %)"))
                            .collect::<Vec<_>>()
                            .join(" × ");
                        let missing = (!check.without_slo.is_empty())
                            .then(|| format!(" Not counted, without an availability SLO: {}.", check.without_slo.join(", ")));
                        if check.too_strict {
                            view! {
                                <p class="banner banner--warning" role="note">
                                    {format!(
                                        "⚠ Stricter than its dependencies allow: the journey depends in series on {counted}, which together allow at most {}.",
                                        format_percent(check.bound, 5),
                                    )}
                                    {missing}
                                </p>
                            }
                                .into_any()
                        } else if check.counted.is_empty() {
                            view! { <p class="hint">{missing}</p> }.into_any()
                        } else {
                            view! {
                                <p class="hint">
                                    {format!(
                                        "Dependencies in series ({counted}) allow up to {}.",
                                        format_percent(check.bound, 5),
                                    )}
                                    {missing}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
    }
}

/// The budget as a fraction, as bad time and as bad events or slices.
#[component]
fn BudgetFigures(slo: Memo<Option<Slo>>) -> impl IntoView {
    let budget = move || slo.with(|s| s.as_ref().map(budget_figures));
    view! {
        <h3>"Error budget"</h3>
            {move || {
                budget()
                    .map(|b| {
                        view! {
                            <dl class="figures">
                                <div>
                                    <dt>"Budget"</dt>
                                    <dd data-figure="budget-fraction">{b.fraction}</dd>
                                </div>
                                <div>
                                    <dt>{format!("Bad time over the {}", b.window)}</dt>
                                    <dd data-figure="budget-time">{b.time}</dd>
                                </div>
                                <div>
                                    <dt>"Bad events or slices allowed"</dt>
                                    <dd data-figure="budget-units">{b.units}</dd>
                                </div>
                            </dl>
                        }
                    })
            }}
    }
}

/// The downtime the target allows per day, week, month, quarter and year.
#[component]
fn DowntimeTable(slo: Memo<Option<Slo>>) -> impl IntoView {
    let downtime = move || {
        slo.with(|s| {
            s.as_ref()
                .map(|s| downtime_rows(s.target_percent))
                .unwrap_or_default()
        })
    };
    view! {
            <h3>"Allowed downtime"</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Allowed downtime (scrolls sideways)">
            <table class="compact">
                <caption class="visually-hidden">"Allowed downtime per period"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Period"</th>
                        <th scope="col" class="num">"Downtime"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        downtime()
                            .into_iter()
                            .map(|(period, text)| {
                                view! {
                                    <tr>
                                        <th scope="row">{period}</th>
                                        <td class="num">{text}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            </div>
            <p class="hint">"A day is 24 h; a quarter is a quarter of a 365-day year."</p>

    }
}

/// The burn-rate alert tiers and how soon each fires at a chosen error ratio.
#[component]
fn BurnRateAlerts(slo: Memo<Option<Slo>>) -> impl IntoView {
    let outage_percent = RwSignal::new(2.0_f64);
    let alerts = move || {
        slo.with(|s| {
            s.as_ref()
                .map(|s| alert_rows(s, outage_percent.get() / 100.0))
                .unwrap_or_default()
        })
    };
    view! {
            <h3>"Burn-rate alerts"</h3>
            <NumberField
                label="Error ratio during an outage (%)"
                id="slo-outage-ratio"
                value=outage_percent
                parse=parse_ratio_percent
                commit=Callback::new(move |v| outage_percent.set(v))
            />
            <div class="table-scroll" tabindex="0" role="region" aria-label="Alert rules (scrolls sideways)">
                <table class="compact">
                    <caption class="visually-hidden">"Multi-window, multi-burn-rate alert rules"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Alert"</th>
                            <th scope="col">"Long window"</th>
                            <th scope="col">"Short window"</th>
                            <th scope="col" class="num">"Burn rate over"</th>
                            <th scope="col" class="num">"Budget spent"</th>
                            <th scope="col" class="num">"Fires after (full outage)"</th>
                            <th scope="col" class="num">
                                {move || format!("Fires after ({} % errors)", outage_percent.get())}
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            alerts()
                                .into_iter()
                                .map(|row| {
                                    view! {
                                        <tr>
                                            <th scope="row">{row.severity}</th>
                                            <td>{row.long_window}</td>
                                            <td>{row.short_window}</td>
                                            <td class="num">{row.threshold}</td>
                                            <td class="num">{row.budget_spent}</td>
                                            <td class="num">{row.full_outage}</td>
                                            <td class="num">{row.at_ratio}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <p class="hint">
                "Each rule fires when the burn rate over both its long and its short window (1/12 of the long one) exceeds the threshold; thresholds keep the SRE Workbook's budget shares for this window."
            </p>

    }
}

/// The reverse calculation: what was seen so far in the window, and what is left.
#[component]
fn SoFarInWindow(slo: Memo<Option<Slo>>) -> impl IntoView {
    let seen = RwSignal::new(10.0_f64);
    let seen_as_units = RwSignal::new(false);
    let elapsed_days = RwSignal::new(15.0_f64);
    let unit_name = move || {
        slo.with(|s| match s.as_ref().map(|s| &s.budgeting) {
            Some(BudgetingMethod::TimeSlices { .. }) => "bad slices",
            _ => "bad events",
        })
    };
    let status = move || {
        slo.with(|s| {
            let s = s.as_ref()?;
            let budget = ErrorBudget::of_slo(s);
            let days = elapsed_days.get().min(budget.window_days);
            let result = if seen_as_units.get() {
                slo_status(s, seen.get(), days)
            } else {
                budget_status(&budget, seen.get(), days * 1440.0, budget.window_minutes())
            };
            let lasts = budget.time_to_exhaustion(result.burn_rate, result.left);
            Some((result, lasts, days < elapsed_days.get(), budget.window_days))
        })
    };
    view! {
            <h3>"So far in this window"</h3>
            <div class="field-row">
                <NumberField
                    label="Seen so far"
                    id="slo-seen"
                    value=seen
                    parse=parse_non_negative
                    commit=Callback::new(move |v| seen.set(v))
                />
                <div class="field">
                    <label for="slo-seen-unit">"Measured as"</label>
                    <select
                        id="slo-seen-unit"
                        on:change=move |ev| seen_as_units.set(event_target_value(&ev) == "units")
                    >
                        <option value="minutes" selected=move || !seen_as_units.get()>
                            "minutes of downtime"
                        </option>
                        <option value="units" selected=move || seen_as_units.get()>
                            {unit_name}
                        </option>
                    </select>
                </div>
                <NumberField
                    label="Days elapsed in the window"
                    id="slo-elapsed"
                    value=elapsed_days
                    parse=parse_positive
                    commit=Callback::new(move |v| elapsed_days.set(v))
                />
            </div>
            {move || {
                status()
                    .map(|(s, lasts, clamped, window)| {
                        view! {
                            <dl class="figures">
                                <div>
                                    <dt>"Achieved so far"</dt>
                                    <dd data-figure="achieved">{format_percent(s.achieved, 4)}</dd>
                                </div>
                                <div>
                                    <dt>"Budget spent"</dt>
                                    <dd data-figure="spent">{format_percent(s.spent, 1)}</dd>
                                </div>
                                <div>
                                    <dt>"Budget left"</dt>
                                    <dd data-figure="left">{format_percent(s.left, 1)}</dd>
                                </div>
                                <div>
                                    <dt>"Burn rate so far"</dt>
                                    <dd data-figure="burn-rate">{format!("{:.2}", s.burn_rate)}</dd>
                                </div>
                                <div>
                                    <dt>"At this rate the rest lasts"</dt>
                                    <dd>
                                        {if s.left <= 0.0 {
                                            "exhausted".to_string()
                                        } else {
                                            lasts.map(format_duration).unwrap_or_else(|| "for ever".into())
                                        }}
                                    </dd>
                                </div>
                            </dl>
                            {clamped
                                .then(|| {
                                    view! {
                                        <p class="hint">
                                            {format!("Counted as the whole window ({window} days).")}
                                        </p>
                                    }
                                })}
                        }
                    })
            }}

    }
}

/// What the targets around this one would allow.
#[component]
fn NeighboringTargets(slo: Memo<Option<Slo>>) -> impl IntoView {
    let neighbors = move || slo.with(|s| s.as_ref().map(neighbor_rows).unwrap_or_default());
    view! {
            <h3>"Neighboring targets"</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Neighboring targets (scrolls sideways)">
            <table class="compact">
                <caption class="visually-hidden">"What neighboring targets would allow"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Target"</th>
                        <th scope="col" class="num">"Budget over the window"</th>
                        <th scope="col" class="num">"Downtime per year"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        neighbors()
                            .into_iter()
                            .map(|row| {
                                let label = if row.current { format!("{} (this SLO)", row.target) } else { row.target };
                                view! {
                                    <tr class:current=row.current>
                                        <th scope="row">{label}</th>
                                        <td class="num">{row.budget_time}</td>
                                        <td class="num">{row.per_year}</td>
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
