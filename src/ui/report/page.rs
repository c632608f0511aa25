//! The report page: challenge, where each group stands and its trend, readiness, the
//! coaching plan, the SLO table with budgets and policies, and the scenario results with
//! their chart. Its figures are [`Report`]'s, the same the Markdown export writes; this
//! file lays them out. Nothing here edits the plan.

use leptos::prelude::*;

use crate::charts::budget_chart::{budget_chart_svg, BudgetLine, PolicyLine};
use crate::charts::trend::{has_data, trend_chart_svg};
use crate::interop::markdown::report_markdown;
use crate::model::plan::format::download_file_name;
use crate::model::plan::Plan;
use crate::model::report::{Report, Table};
use crate::model::slo::figures::count_of;
use crate::ui::browser::{download_text, today};
use crate::ui::report::policy::PolicyDocuments;
use crate::ui::route::{item_hash, Route};
use crate::ui::scenarios::comparison::BudgetLegend;
use crate::ui::scenarios::simulations;
use crate::ui::widgets::scroll_table::ScrollTable;
use crate::ui::widgets::whole_dates::whole_dates;
use crate::ui::workbook::Workbook;

/// The Report workspace.
#[component]
pub fn ReportPage() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let played = simulations(plan);
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
                Some(p) => {
                    let report = played.with(|played| Report::of(&p, today(), played));
                    view! { <ReportBody report plan=p /> }.into_any()
                }
            }}
        </div>
    }
}

/// One of the report's tables: the first cell of a row names it, number columns align right.
#[component]
fn ReportTable(
    /// What the table holds; names its scroll region.
    label: &'static str,
    /// The table.
    table: Table,
    /// A visible caption, if the table has one.
    #[prop(optional, into)]
    caption: Option<String>,
) -> impl IntoView {
    let numeric = table.numeric;
    let rows = table
        .rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter().enumerate();
            let name = cells.next().map(|(_, c)| c);
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    {cells
                        .map(|(i, c)| view! { <td class=numeric.contains(&i).then_some("num")>{whole_dates(&c)}</td> })
                        .collect_view()}
                </tr>
            }
        })
        .collect_view();
    let headings = table.headings.iter().map(|h| h.to_string()).collect();
    match caption {
        Some(caption) => view! {
            <ScrollTable label class="report-table" caption headings>{rows}</ScrollTable>
        }
        .into_any(),
        None => view! {
            <ScrollTable label class="report-table" headings>{rows}</ScrollTable>
        }
        .into_any(),
    }
}

/// The whole report, section by section.
#[component]
fn ReportBody(report: Report, plan: Plan) -> impl IntoView {
    let organization = if report.organization.is_empty() {
        String::new()
    } else {
        format!("{} · ", report.organization)
    };
    let challenge = if report.challenge.is_empty() {
        "No challenge statement yet: write it on the Plans page, starting from the book’s template."
            .to_string()
    } else {
        plan.challenge.clone()
    };
    view! {
        <header class="report-title">
            <h1>{report.title.clone()}</h1>
            <p class="report-meta">{organization}{format!("Report of {}", report.date)}</p>
        </header>
        <section class="report-section" aria-labelledby="report-challenge">
            <h2 id="report-challenge">"The challenge"</h2>
            <p class="report-challenge">{challenge}</p>
        </section>
        <StandingSection report=report.clone() />
        <CoachingSection actions=report.actions.clone() />
        <SloSection report=report.clone() />
        <ScenarioSection report />
        <section class="report-section policy-section" aria-labelledby="report-policy-documents">
            <h2 id="report-policy-documents">"Error-budget policy documents"</h2>
            <PolicyDocuments plan=plan />
        </section>
    }
}

/// Where each group stands in the latest round, its readiness, and the trend chart.
#[component]
fn StandingSection(report: Report) -> impl IntoView {
    let trend_svg = has_data(&report.trend).then(|| {
        trend_chart_svg(
            &report.trend,
            "Average level of each stakeholder group per round",
            &report.trend_sentences.join(" "),
            720,
            320,
        )
    });
    let sentences = report.trend_sentences;
    view! {
        <section class="report-section" aria-labelledby="report-standing">
            <h2 id="report-standing">"Where each group stands"</h2>
            {match report.standing {
                None => view! {
                    <p class="empty-state">
                        "No assessment round yet: rate each team’s stakeholder groups on the "
                        <a href=item_hash(Route::Transition, "rounds")>"Transition"</a>
                        " page (“Run workshop” steps through them)."
                    </p>
                }.into_any(),
                Some(standing) => view! {
                    <ReportTable
                        label="Where each group stands"
                        caption=format!("Latest round: {} ({}), teams per stage", standing.round, standing.date)
                        table=standing.table
                    />
                    <h3>"Readiness"</h3>
                    <p class="report-readiness">{standing.readiness}</p>
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
    }
}

/// The coaching plan's actions.
#[component]
fn CoachingSection(actions: Table) -> impl IntoView {
    let count = actions.rows.len();
    view! {
        <section class="report-section" aria-labelledby="report-coaching">
            <h2 id="report-coaching">{format!("Coaching plan ({})", count_of(count, "action", "actions"))}</h2>
            {if count == 0 {
                view! {
                    <p class="empty-state">
                        "No coaching actions yet: plan them on the "
                        <a href=item_hash(Route::Transition, "coaching")>"Transition"</a>
                        " page for the gaps the assessment shows."
                    </p>
                }.into_any()
            } else {
                view! { <ReportTable label="Coaching plan" table=actions /> }.into_any()
            }}
        </section>
    }
}

/// The SLOs with their budgets, and each distinct policy written out once below them.
#[component]
fn SloSection(report: Report) -> impl IntoView {
    let count = report.slos.rows.len();
    let policies = report
        .policies
        .into_iter()
        .map(|policy| {
            view! {
                <div class="report-policy">
                    <h4>{policy.heading}</h4>
                    <ul class="policy-steps">
                        {policy.steps.into_iter().map(|step| view! { <li>{step}</li> }).collect_view()}
                    </ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="report-section" aria-labelledby="report-slos">
            <h2 id="report-slos">{format!("SLOs, budgets and policies ({})", count_of(count, "SLO", "SLOs"))}</h2>
            {if count == 0 {
                view! {
                    <p class="empty-state">
                        "No SLOs yet: add services, user journeys and their SLOs on the "
                        <a href=Route::Slos.hash()>"SLOs"</a>
                        " page; their budgets and error-budget policies are listed here."
                    </p>
                }.into_any()
            } else {
                view! {
                    <ReportTable label="SLOs, budgets and policies" table=report.slos />
                    <h3>"Error-budget policies"</h3>
                    {policies}
                }.into_any()
            }}
        </section>
    }
}

/// The scenarios' results: the budget chart with its legend, and the comparison table.
#[component]
fn ScenarioSection(report: Report) -> impl IntoView {
    let count = report.scenarios.rows.len();
    let lefts: Vec<Vec<f64>> = report
        .scenario_results
        .iter()
        .map(|r| r.sim.budget_left())
        .collect();
    let lines: Vec<BudgetLine> = report
        .scenario_results
        .iter()
        .zip(&lefts)
        .map(|(r, left)| BudgetLine {
            name: &r.row.name,
            left,
            exhausted_at: r.sim.exhausted_at,
        })
        .collect();
    let policies = report
        .scenario_policy
        .as_ref()
        .map(PolicyLine::of_policy)
        .unwrap_or_default();
    let svg = (!lines.is_empty()).then(|| {
        budget_chart_svg(
            "budget-chart",
            &lines,
            &policies,
            "Budget left over the window, per scenario",
            &report.scenario_summary(),
            (720, 320),
        )
    });
    let rows = report
        .scenario_results
        .iter()
        .map(|r| r.row.clone())
        .collect();
    view! {
        <section class="report-section" aria-labelledby="report-scenarios">
            <h2 id="report-scenarios">{format!("Scenario results ({})", count_of(count, "scenario", "scenarios"))}</h2>
            {svg.map(|svg| view! {
                <figure class="chart report-chart">
                    <div class="chart-svg" inner_html=svg></div>
                    <figcaption>
                        <BudgetLegend rows />
                        <p class="hint">"Dashed red lines are the error-budget policy’s thresholds; a cross marks where a budget runs out."</p>
                    </figcaption>
                </figure>
            })}
            {if count == 0 {
                view! {
                    <p class="empty-state">
                        "No scenarios yet: play “what if” against an SLO’s error budget on the "
                        <a href=Route::Scenarios.hash()>"Scenarios"</a>
                        " page; each result is compared here."
                    </p>
                }.into_any()
            } else {
                view! { <ReportTable label="Scenario results" table=report.scenarios /> }.into_any()
            }}
        </section>
    }
}
