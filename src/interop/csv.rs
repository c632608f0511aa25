//! CSV for spreadsheets (RFC 4180, CRLF line ends, a UTF-8 byte-order mark so spreadsheet
//! programs read accents right): the SLO table and the assessment history. Text that a
//! spreadsheet would run as a formula (starting with = + - @) is prefixed with an apostrophe.

use crate::model::plan::defaults::{stage_of_level, STAGE_NAMES};
use crate::model::plan::ids::ById;
use crate::model::plan::{BudgetingMethod, Plan};
use crate::model::slo::budget::{format_duration, ErrorBudget};
use crate::model::slo::figures::overview_rows;
use crate::model::transition::progress::rounds_by_date;

/// A text cell, quoted when needed and defused when a spreadsheet would read a formula.
fn text(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A number cell, written the way spreadsheets read it back (no thousands separators).
fn number(value: f64) -> String {
    format!("{value}")
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&header.iter().map(|h| text(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The SLO table: one row per SLO with its subject, target, window, budget and policy.
pub fn slo_table_csv(plan: &Plan) -> String {
    let rows = overview_rows(plan)
        .into_iter()
        .zip(&plan.slo_catalog.slos)
        .map(|(row, slo)| {
            let budget = ErrorBudget::of_slo(slo);
            let budgeting = match slo.budgeting {
                BudgetingMethod::Events { .. } => "Events",
                BudgetingMethod::TimeSlices { .. } => "Time slices",
            };
            vec![
                text(&row.id),
                text(&row.name),
                text(&row.service),
                text(&row.journey),
                row.priority.map(|p| p.to_string()).unwrap_or_default(),
                text(&row.sli),
                number(row.target_percent),
                text(&row.window),
                text(budgeting),
                number(budget.minutes()),
                text(&format_duration(budget.minutes())),
                text(if row.policy_agreed { "yes" } else { "no" }),
                text(&row.state),
            ]
        })
        .collect();
    table(
        &[
            "SLO id",
            "SLO",
            "Service",
            "Journey",
            "Journey priority",
            "SLI",
            "Target (%)",
            "Window",
            "Budgeting",
            "Error budget (minutes)",
            "Error budget",
            "Policy agreed",
            "State",
        ],
        rows,
    )
}

/// The assessment history: one row per rating, rounds in date order.
pub fn assessments_csv(plan: &Plan) -> String {
    let t = &plan.transition;
    let team_name = |id: &str| {
        t.teams
            .by_id(id)
            .map_or_else(|| id.to_string(), |x| x.name.clone())
    };
    let group_name = |id: &str| {
        t.groups
            .by_id(id)
            .map_or_else(|| id.to_string(), |x| x.name.clone())
    };
    let rows = rounds_by_date(t)
        .into_iter()
        .flat_map(|round| {
            round.ratings.iter().map(move |r| {
                vec![
                    text(&round.label),
                    text(&round.date),
                    text(&team_name(&r.team)),
                    text(&group_name(&r.group)),
                    r.level.to_string(),
                    text(STAGE_NAMES[stage_of_level(r.level)]),
                    text(&r.note),
                ]
            })
        })
        .collect();
    table(
        &["Round", "Date", "Team", "Group", "Level", "Stage", "Note"],
        rows,
    )
}
