//! The report page: challenge, where each group stands and its trend, readiness, the
//! coaching plan, the SLO table with budgets and policies, and the scenario results with
//! their chart. Everything is derived from the open plan; nothing here edits it.

use leptos::prelude::*;

use crate::charts::budget_chart::{budget_chart_svg, BudgetLine, PolicyLine};
use crate::charts::legend::{pattern, swatch_svg};
use crate::charts::trend::{has_data, trend_chart_svg};
use crate::interop::markdown::report_markdown;
use crate::model::plan::calendar::format_date;
use crate::model::plan::defaults::STAGE_NAMES;
use crate::model::plan::format::download_file_name;
use crate::model::plan::ids::ById;
use crate::model::plan::{Plan, PolicyThreshold};
use crate::model::scenario::figures::{comparison_row, thresholds_crossed};
use crate::model::slo::budget::{format_duration, ErrorBudget};
use crate::model::slo::figures::{distinct_policies, format_number, overview_rows};
use crate::model::transition::progress::{
    action_status_label, group_average, names_or_all, readiness, readiness_sentence,
    rounds_by_date, stage_counts,
};
use crate::ui::browser::{download_text, today};
use crate::ui::report::policy::PolicyDocuments;
use crate::ui::route::{item_hash, Route};
use crate::ui::scenarios::simulations;
use crate::model::transition::trend::trend_figures;
use crate::ui::widgets::scroll_table::{headings, ScrollTable};
use crate::ui::workbook::Workbook;

/// The Report workspace.
#[component]
pub fn ReportPage() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let export_markdown = move |_| {
        if let Some(p) = plan.get_untracked() {
            let _ = download_text(
                &download_file_name(&format!("{} report", p.name), "md"),
                &report_markdown(&p, today()),
                "text/markdown",
            );
        }
    };
    view! {
        <div class="report">
            <div class="report-tools toolbar">
                <button type="button" class="primary" on:click=|_| {
                    let _ = window().print();
                }>"Print or save as PDF"</button>
                <button type="button" on:click=export_markdown disabled=move || plan.with(Option::is_none)>
                    "Export report as Markdown"
                </button>
                <p class="hint">"Lays out on A4 and Letter pages; charts and tables keep together. The Markdown file is for wikis and pull requests."</p>
            </div>
            {move || match plan.get() {
                None => view! {
                    <h1>"Report"</h1>
                    <p>"No plan is open. Open or import one on the Plans page."</p>
                }.into_any(),
                Some(p) => view! { <ReportBody plan=p /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn ReportBody(plan: Plan) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let played = simulations(wb.open_plan());
    let t = &plan.transition;
    let rounds = rounds_by_date(t);
    let latest = rounds.last().copied().cloned();
    let team_name = |id: &str| t.teams.by_id(id).map(|x| x.name.clone());
    let group_name = |id: &str| t.groups.by_id(id).map(|x| x.name.clone());

    let (lines, sentences) = trend_figures(&plan);
    let trend_svg = has_data(&lines).then(|| {
        trend_chart_svg(
            &lines,
            "Average level of each stakeholder group per round",
            &sentences.join(" "),
            720,
            320,
        )
    });
    let standing = latest.as_ref().map(|round| {
        let rows = t
            .groups
            .iter()
            .map(|g| {
                let counts = stage_counts(round, &g.id);
                let target = g
                    .target
                    .as_ref()
                    .map(|x| format!("level {} by {}", x.level, x.date))
                    .unwrap_or_else(|| "none set".into());
                view! {
                    <tr>
                        <th scope="row">{g.name.clone()}</th>
                        <td class="num">
                            {group_average(round, &g.id).map(|a| format!("{a:.1}")).unwrap_or_else(|| "–".into())}
                        </td>
                        <td class="num">{counts[0]}</td>
                        <td class="num">{counts[1]}</td>
                        <td class="num">{counts[2]}</td>
                        <td>{target}</td>
                    </tr>
                }
            })
            .collect_view();
        let sentence = readiness_sentence(&readiness(t, round));
        (round.label.clone(), round.date.clone(), rows, sentence)
    });

    let actions = t
        .actions
        .iter()
        .map(|a| {
            view! {
                <tr>
                    <th scope="row">{a.title.clone()}</th>
                    <td>{names_or_all(&a.groups, group_name)}</td>
                    <td>{names_or_all(&a.teams, team_name)}</td>
                    <td>{a.owner.clone()}</td>
                    <td>{a.due.clone().unwrap_or_else(|| "–".into())}</td>
                    <td>{action_status_label(a.status)}</td>
                </tr>
            }
        })
        .collect_view();
    let action_count = t.actions.len();

    // SLOs usually share a policy: each distinct one is written out once, below the table.
    let policies = distinct_policies(&plan);
    let policy_number = |thresholds: &Vec<PolicyThreshold>| {
        policies
            .iter()
            .position(|(t, _)| t == thresholds)
            .map_or(0, |i| i + 1)
    };
    let slo_rows = overview_rows(&plan)
        .into_iter()
        .zip(plan.slo_catalog.slos.iter().cloned())
        .map(|(row, slo)| {
            let budget = ErrorBudget::of_slo(&slo);
            let policy = format!(
                "Policy {}, {}",
                policy_number(&slo.policy.thresholds),
                if row.policy_agreed { "agreed" } else { "not agreed yet" }
            );
            view! {
                <tr>
                    <th scope="row">{row.name.clone()}</th>
                    <td>{if row.journey.is_empty() { row.service.clone() } else { format!("{} ({})", row.journey, row.service) }}</td>
                    <td>{row.sli.clone()}</td>
                    <td class="num">{format!("{} %", format_number(row.target_percent, 5))}</td>
                    <td>{row.window.clone()}</td>
                    <td>{format_duration(budget.minutes())}</td>
                    <td>{policy}</td>
                    <td>{row.state.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let policy_list = policies
        .iter()
        .enumerate()
        .map(|(i, (thresholds, users))| {
            view! {
                <div class="report-policy">
                    <h4>{format!("Policy {} — used by {}", i + 1, users.join(", "))}</h4>
                    <ul class="policy-steps">
                        {thresholds
                            .iter()
                            .map(|x| view! { <li>{format!("At {} % of the budget consumed: {}", format_number(x.consumed_percent, 2), x.action)}</li> })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
        .collect_view();
    let slo_count = plan.slo_catalog.slos.len();

    let scenarios = move || {
        played.with(|list| {
            let rows: Vec<_> = list
                .iter()
                .map(|p| (comparison_row(&p.scenario, &p.slo, &p.sim), p.sim.clone()))
                .collect();
            let lefts: Vec<Vec<f64>> = rows.iter().map(|(_, sim)| sim.budget_left()).collect();
            let lines: Vec<BudgetLine> = rows
                .iter()
                .zip(&lefts)
                .map(|((row, sim), left)| BudgetLine {
                    name: &row.name,
                    left,
                    exhausted_at: sim.exhausted_at,
                })
                .collect();
            let policies = list
                .first()
                .map(|p| PolicyLine::of_policy(&p.slo.policy))
                .unwrap_or_default();
            let description = rows
                .iter()
                .map(|(r, _)| {
                    format!(
                        "{}: {} at the end; exhausted {}.",
                        r.name,
                        r.left_at_end,
                        r.exhausted.to_lowercase()
                    )
                })
                .collect::<Vec<_>>()
                .join(" ");
            let svg = (!lines.is_empty()).then(|| {
                budget_chart_svg(
                    "budget-chart",
                    &lines,
                    &policies,
                    "Budget left over the window, per scenario",
                    &description,
                    (720, 320),
                )
            });
            let table = rows
                .iter()
                .map(|(r, _)| {
                    view! {
                        <tr>
                            <th scope="row">{r.name.clone()}</th>
                            <td>{r.target.clone()}</td>
                            <td>{r.left_at_end.clone()}</td>
                            <td>{r.exhausted.clone()}</td>
                            <td class="num">{r.pages}</td>
                            <td class="num">{r.tickets}</td>
                            <td>{r.mean_time_to_detect.clone()}</td>
                            // The actions themselves are listed once, under the policies.
                            <td>
                                {thresholds_crossed(&r.actions)}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let legend = rows
                .iter()
                .enumerate()
                .map(|(i, (r, _))| {
                    view! {
                        <li>
                            <span class="swatch" inner_html=swatch_svg(i)></span>
                            {format!("{} ({} line): {} at the end", r.name, pattern(i), r.left_at_end.to_lowercase())}
                        </li>
                    }
                })
                .collect_view();
            (svg, legend, table, rows.len())
        })
    };

    view! {
        <header class="report-title">
            <h1>{plan.name.clone()}</h1>
            <p class="report-meta">
                {if plan.organization.trim().is_empty() { String::new() } else { format!("{} · ", plan.organization) }}
                {format!("Report of {}", format_date(today()))}
            </p>
        </header>
        <section class="report-section" aria-labelledby="report-challenge">
            <h2 id="report-challenge">"The challenge"</h2>
            <p class="report-challenge">
                {if plan.challenge.trim().is_empty() { "No challenge statement yet: write it on the Plans page, starting from the book’s template.".to_string() } else { plan.challenge.clone() }}
            </p>
        </section>
        <section class="report-section" aria-labelledby="report-standing">
            <h2 id="report-standing">"Where each group stands"</h2>
            {match standing {
                None => view! {
                    <p class="empty-state">
                        "No assessment round yet: rate each team’s stakeholder groups on the "
                        <a href=item_hash(Route::Transition, "rounds")>"Transition"</a>
                        " page (“Run workshop” steps through them)."
                    </p>
                }.into_any(),
                Some((label, date, rows, sentence)) => view! {
                    <ScrollTable
                        label="Where each group stands"
                        class="report-table"
                        caption=format!("Latest round: {label} ({date}), teams per stage")
                        headings=headings(&["Group", "Average level", STAGE_NAMES[0], STAGE_NAMES[1], STAGE_NAMES[2], "Target"])
                    >
                        {rows}
                    </ScrollTable>
                    <h3>"Readiness"</h3>
                    <p class="report-readiness">{sentence}</p>
                }.into_any(),
            }}
            {match trend_svg {
                Some(svg) => view! {
                    <figure class="chart report-chart">
                        <div class="chart-svg" inner_html=svg></div>
                        <figcaption>
                            <ul class="legend-text">
                                {sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                            </ul>
                        </figcaption>
                    </figure>
                }.into_any(),
                None => view! { <p class="empty-state">"No trend yet: no round is rated and no group has a target."</p> }.into_any(),
            }}
        </section>
        <section class="report-section" aria-labelledby="report-coaching">
            <h2 id="report-coaching">{format!("Coaching plan ({action_count} actions)")}</h2>
            {if action_count == 0 {
                view! {
                    <p class="empty-state">
                        "No coaching actions yet: plan them on the "
                        <a href=item_hash(Route::Transition, "coaching")>"Transition"</a>
                        " page for the gaps the assessment shows."
                    </p>
                }.into_any()
            } else {
                view! {
                    <ScrollTable
                        label="Coaching plan"
                        class="report-table"
                        headings=headings(&["Action", "Groups", "Teams", "Owner", "Due", "Status"])
                    >
                        {actions}
                    </ScrollTable>
                }.into_any()
            }}
        </section>
        <section class="report-section" aria-labelledby="report-slos">
            <h2 id="report-slos">{format!("SLOs, budgets and policies ({slo_count} SLOs)")}</h2>
            {if slo_count == 0 {
                view! {
                    <p class="empty-state">
                        "No SLOs yet: add services, user journeys and their SLOs on the "
                        <a href=Route::Slos.hash()>"SLOs"</a>
                        " page; their budgets and error-budget policies are listed here."
                    </p>
                }.into_any()
            } else {
                view! {
                    <ScrollTable
                        label="SLOs, budgets and policies"
                        class="report-table"
                        headings=headings(&["SLO", "Journey or service", "SLI", "Target", "Window", "Error budget", "Policy", "State"])
                    >
                        {slo_rows}
                    </ScrollTable>
                    <h3>"Error-budget policies"</h3>
                    {policy_list}
                }.into_any()
            }}
        </section>
        <section class="report-section" aria-labelledby="report-scenarios">
            {move || {
                let (svg, legend, table, count) = scenarios();
                view! {
                    <h2 id="report-scenarios">{format!("Scenario results ({count} scenarios)")}</h2>
                    {svg.map(|svg| view! {
                        <figure class="chart report-chart">
                            <div class="chart-svg" inner_html=svg></div>
                            <figcaption>
                                <ul class="legend-text">{legend}</ul>
                                <p class="hint">"Dashed red lines are the error-budget policy’s thresholds; a cross marks where a budget runs out."</p>
                            </figcaption>
                        </figure>
                    })}
                    {(count == 0).then(|| view! {
                        <p class="empty-state">
                            "No scenarios yet: play “what if” against an SLO’s error budget on the "
                            <a href=Route::Scenarios.hash()>"Scenarios"</a>
                            " page; each result is compared here."
                        </p>
                    })}
                    {(count > 0).then(|| view! {
                        <ScrollTable
                            label="Scenario results"
                            class="report-table"
                            headings=headings(&["Scenario", "Target", "Budget left at the end", "Budget exhausted", "Pages", "Tickets", "Mean time to detect", "Policy thresholds crossed"])
                        >
                            {table}
                        </ScrollTable>
                    })}
                }
            }}
        </section>
        <section class="report-section policy-section" aria-labelledby="report-policy-documents">
            <h2 id="report-policy-documents">"Error-budget policy documents"</h2>
            <PolicyDocuments plan=plan />
        </section>
    }
}
