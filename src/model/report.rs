//! The report as plain data: every figure, sentence and table row the Report page shows
//! and "Export report as Markdown" writes, built once from the plan so the two cannot
//! drift. The page lays it out in HTML with its charts; `interop::markdown` writes it as
//! Markdown. Each says in its own words what an empty section needs.

use std::sync::Arc;

use crate::model::plan::calendar::format_date;
use crate::model::plan::defaults::STAGE_NAMES;
use crate::model::plan::ids::ById;
use crate::model::plan::{ErrorBudgetPolicy, Plan};
use crate::model::scenario::figures::{
    budget_summary, comparison_row, thresholds_crossed, ComparisonRow,
};
use crate::model::scenario::played::Played;
use crate::model::scenario::simulation::Simulation;
use crate::model::slo::budget::{format_duration, ErrorBudget};
use crate::model::slo::figures::{distinct_policies, format_number, overview_rows};
use crate::model::transition::progress::{
    action_status_label, group_average, names_or_all, readiness, readiness_sentence,
    rounds_by_date, stage_counts,
};
use crate::model::transition::trend::{trend_figures, TrendLine};

/// One of the report's tables: its column headings, which columns hold numbers (shown
/// right-aligned), and its rows as text, the first cell naming the row.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column headings, left to right.
    pub headings: Vec<&'static str>,
    /// Indices of the columns that hold numbers.
    pub numeric: &'static [usize],
    /// The rows, one text per column.
    pub rows: Vec<Vec<String>>,
}

/// Where each stakeholder group stands in the latest assessment round.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The round's label.
    pub round: String,
    /// The round's date.
    pub date: String,
    /// Per group: average level, teams per stage and target.
    pub table: Table,
    /// The readiness sentence of that round.
    pub readiness: String,
}

/// A distinct error-budget policy and the SLOs that use it.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicySummary {
    /// "Policy 1 — used by Checkout availability, Search latency".
    pub heading: String,
    /// "At 50 % of the budget consumed: freeze risky releases", one per threshold.
    pub steps: Vec<String>,
}

/// A scenario's result with its minute-by-minute simulation, for the budget chart.
#[derive(Clone, Debug)]
pub struct ScenarioResult {
    /// The figures the comparison table shows.
    pub row: ComparisonRow,
    /// The simulation the chart draws.
    pub sim: Arc<Simulation>,
}

/// Everything the report says, in the order it says it.
#[derive(Clone, Debug)]
pub struct Report {
    /// The plan's name.
    pub title: String,
    /// The organization, empty when not given.
    pub organization: String,
    /// The day of the report, written out ("5 December 2026").
    pub date: String,
    /// The challenge statement, empty when not written yet.
    pub challenge: String,
    /// The latest round, if any round exists.
    pub standing: Option<Standing>,
    /// Each group's trend, for the chart.
    pub trend: Vec<TrendLine>,
    /// One sentence per group's trend: the chart's text alternative.
    pub trend_sentences: Vec<String>,
    /// The coaching plan, one action per row.
    pub actions: Table,
    /// The SLOs with their budgets and the policy each follows.
    pub slos: Table,
    /// Each distinct policy, numbered as the SLO table refers to it.
    pub policies: Vec<PolicySummary>,
    /// The scenarios' results, one row each.
    pub scenarios: Table,
    /// The same scenarios with their simulations, in the table's order.
    pub scenario_results: Vec<ScenarioResult>,
    /// The policy whose thresholds the budget chart marks: the first scenario's SLO's.
    pub scenario_policy: Option<ErrorBudgetPolicy>,
}

impl Report {
    /// The report of `plan` on the day `today` (days since 1970-01-01), with its
    /// scenarios as `played` (see [`crate::model::scenario::played::play_all`]).
    pub fn of(plan: &Plan, today: i64, played: &[Played]) -> Report {
        let (trend, trend_sentences) = trend_figures(plan);
        let policies = distinct_policies(plan);
        let scenario_results: Vec<ScenarioResult> = played
            .iter()
            .map(|p| ScenarioResult {
                row: comparison_row(&p.scenario, &p.slo, &p.sim),
                sim: p.sim.clone(),
            })
            .collect();
        Report {
            title: plan.name.clone(),
            organization: plan.organization.trim().to_string(),
            date: format_date(today),
            challenge: plan.challenge.trim().to_string(),
            standing: standing(plan),
            trend,
            trend_sentences,
            actions: actions(plan),
            slos: slos(plan, &policies),
            policies: policies
                .iter()
                .enumerate()
                .map(|(i, (thresholds, users))| PolicySummary {
                    heading: format!("Policy {} — used by {}", i + 1, users.join(", ")),
                    steps: thresholds
                        .iter()
                        .map(|x| {
                            format!(
                                "At {} % of the budget consumed: {}",
                                format_number(x.consumed_percent, 2),
                                x.action
                            )
                        })
                        .collect(),
                })
                .collect(),
            scenarios: scenarios(&scenario_results),
            scenario_policy: played.first().map(|p| p.slo.policy.clone()),
            scenario_results,
        }
    }

    /// One sentence per scenario on where its budget ends: the budget chart's text
    /// alternative.
    pub fn scenario_summary(&self) -> String {
        let rows: Vec<ComparisonRow> = self
            .scenario_results
            .iter()
            .map(|r| r.row.clone())
            .collect();
        budget_summary(&rows)
    }
}

/// The latest round's standing per group, if a round exists.
fn standing(plan: &Plan) -> Option<Standing> {
    let t = &plan.transition;
    let round = *rounds_by_date(t).last()?;
    let rows = t
        .groups
        .iter()
        .map(|g| {
            let counts = stage_counts(round, &g.id);
            vec![
                g.name.clone(),
                group_average(round, &g.id).map_or("–".into(), |a| format!("{a:.1}")),
                counts[0].to_string(),
                counts[1].to_string(),
                counts[2].to_string(),
                g.target.as_ref().map_or("none set".into(), |x| {
                    format!("level {} by {}", x.level, x.date)
                }),
            ]
        })
        .collect();
    Some(Standing {
        round: round.label.clone(),
        date: round.date.clone(),
        table: Table {
            headings: vec![
                "Group",
                "Average level",
                STAGE_NAMES[0],
                STAGE_NAMES[1],
                STAGE_NAMES[2],
                "Target",
            ],
            numeric: &[1, 2, 3, 4],
            rows,
        },
        readiness: readiness_sentence(&readiness(t, round)),
    })
}

/// The coaching plan: who each action is for, its owner, due date and status.
fn actions(plan: &Plan) -> Table {
    let t = &plan.transition;
    let team = |id: &str| t.teams.by_id(id).map(|x| x.name.clone());
    let group = |id: &str| t.groups.by_id(id).map(|x| x.name.clone());
    Table {
        headings: vec!["Action", "Groups", "Teams", "Owner", "Due", "Status"],
        numeric: &[],
        rows: t
            .actions
            .iter()
            .map(|a| {
                vec![
                    a.title.clone(),
                    names_or_all(&a.groups, group),
                    names_or_all(&a.teams, team),
                    a.owner.clone(),
                    a.due.clone().unwrap_or_else(|| "–".into()),
                    action_status_label(a.status).into(),
                ]
            })
            .collect(),
    }
}

/// The SLO table; each SLO refers to its policy by its number in `policies`.
fn slos(
    plan: &Plan,
    policies: &[(Vec<crate::model::plan::PolicyThreshold>, Vec<String>)],
) -> Table {
    let rows = overview_rows(plan)
        .into_iter()
        .zip(&plan.slo_catalog.slos)
        .map(|(row, slo)| {
            let number = policies
                .iter()
                .position(|(t, _)| *t == slo.policy.thresholds)
                .map_or(0, |i| i + 1);
            let subject = if row.journey.is_empty() {
                row.service.clone()
            } else {
                format!("{} ({})", row.journey, row.service)
            };
            vec![
                row.name.clone(),
                subject,
                row.sli.clone(),
                format!("{} %", format_number(row.target_percent, 5)),
                row.window.clone(),
                format_duration(ErrorBudget::of_slo(slo).minutes()),
                format!(
                    "Policy {number}, {}",
                    if row.policy_agreed {
                        "agreed"
                    } else {
                        "not agreed yet"
                    }
                ),
                row.state.clone(),
            ]
        })
        .collect();
    Table {
        headings: vec![
            "SLO",
            "Journey or service",
            "SLI",
            "Target",
            "Window",
            "Error budget",
            "Policy",
            "State",
        ],
        numeric: &[3],
        rows,
    }
}

/// The scenario comparison table.
fn scenarios(results: &[ScenarioResult]) -> Table {
    Table {
        headings: vec![
            "Scenario",
            "Target",
            "Budget left at the end",
            "Budget exhausted",
            "Pages",
            "Tickets",
            "Mean time to detect",
            "Policy thresholds crossed",
        ],
        numeric: &[4, 5],
        rows: results
            .iter()
            .map(|ScenarioResult { row: r, .. }| {
                vec![
                    r.name.clone(),
                    r.target.clone(),
                    r.left_at_end.clone(),
                    r.exhausted.clone(),
                    r.pages.to_string(),
                    r.tickets.to_string(),
                    r.mean_time_to_detect.clone(),
                    // The actions themselves are listed once, under the policies.
                    thresholds_crossed(&r.actions),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;
    use crate::model::scenario::played::play_all;

    #[test]
    fn the_example_reports_every_section() {
        let plan = example_plan();
        let report = Report::of(&plan, 20_000, &play_all(&plan));
        assert_eq!(report.title, plan.name);
        assert_eq!(report.date, format_date(20_000));
        let standing = report.standing.expect("the example has rounds");
        assert_eq!(standing.table.rows.len(), plan.transition.groups.len());
        assert_eq!(report.actions.rows.len(), plan.transition.actions.len());
        assert_eq!(report.slos.rows.len(), plan.slo_catalog.slos.len());
        assert_eq!(report.scenarios.rows.len(), plan.scenarios.len());
        assert_eq!(report.scenario_results.len(), plan.scenarios.len());
        assert!(report.slos.rows[0][6].starts_with("Policy 1, "));
        assert!(report.policies[0]
            .heading
            .starts_with("Policy 1 — used by "));
        // 99.9 % over 30 days: 43.2 minutes of budget.
        let row = report
            .slos
            .rows
            .iter()
            .find(|r| r[3] == "99.9 %" && r[4].contains("30"))
            .expect("a 99.9 % SLO over 30 days");
        assert_eq!(row[5], "43 min 12 s");
        for table in [
            &standing.table,
            &report.actions,
            &report.slos,
            &report.scenarios,
        ] {
            assert!(table.rows.iter().all(|r| r.len() == table.headings.len()));
        }
    }

    #[test]
    fn an_empty_plan_reports_empty_sections() {
        let plan = crate::model::plan::defaults::blank_plan(
            "p",
            "Blank",
            &"2026-12-05T00:00:00Z".to_string(),
        );
        let report = Report::of(&plan, 0, &[]);
        assert!(report.standing.is_none());
        assert!(report.challenge.is_empty() && report.organization.is_empty());
        assert!(report.actions.rows.is_empty() && report.slos.rows.is_empty());
        assert!(report.policies.is_empty() && report.scenarios.rows.is_empty());
        assert!(report.scenario_policy.is_none());
        assert_eq!(report.scenario_summary(), "");
    }
}
