//! The report ("Export report as Markdown") and a service's error-budget policy ("Export
//! policy as Markdown") as Markdown, for wikis and pull requests: the
//! Report page's sections as headings, GitHub-flavoured tables and lists, each figure worded
//! as the page words it. Text from the plan goes through one function, [`text`], which makes
//! HTML inert and backslash-escapes Markdown, so a name can never become markup in the wiki.

use crate::model::plan::calendar::format_date;
use crate::model::plan::defaults::STAGE_NAMES;
use crate::model::plan::ids::ById;
use crate::model::plan::Plan;
use crate::model::scenario::figures::{comparison_row, thresholds_crossed};
use crate::model::scenario::simulation::simulate;
use crate::model::slo::budget::{format_duration, ErrorBudget};
use crate::model::slo::figures::{distinct_policies, format_number, overview_rows};
use crate::model::slo::policy_document::PolicyDocument;
use crate::model::transition::progress::{
    action_status_label, group_average, names_or_all, readiness, readiness_sentence,
    rounds_by_date, stage_counts,
};

/// Plan text as Markdown text, the one way plan text enters a Markdown export: one line
/// (line breaks and controls become spaces), HTML inert (`<`, `>`, `&` as entities), and
/// every character CommonMark or GitHub would read as markup backslash-escaped: emphasis,
/// code, links and images (`*`, `_`, `` ` ``, `[`, `]`, `\\`), strikethrough (`~`), table
/// cells (`|`), headings (`#`, also a heading's closing one), and a list or thematic
/// break at the start of a line (`- `, `+`, `---`, `1. `, `1) `). It renders as the text
/// itself, wherever the template places it.
fn text(value: &str) -> String {
    let spaced: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(words.len());
    for c in words.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '~' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    // What opens a block only at the start of a line: a bullet or a thematic break (`-`
    // or `+` not starting a number such as -12 %), or an ordered list's number followed
    // by `.` or `)` and a space (99.9 % stays as it is).
    if out.starts_with(['-', '+']) && !out[1..].starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '\\');
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let after = &out[digits..];
    if digits > 0
        && after.starts_with(['.', ')'])
        && (after.len() == 1 || after[1..].starts_with(' '))
    {
        out.insert(digits, '\\');
    }
    out
}

/// A table cell: plan text ([`text`] escapes `|`), or a dash when empty.
fn cell(value: &str) -> String {
    let t = text(value);
    if t.is_empty() {
        "–".into()
    } else {
        t
    }
}

/// A GitHub-flavoured table, or `empty` (a sentence) when there are no rows.
fn table(out: &mut String, headings: &[&str], rows: &[Vec<String>], empty: &str) {
    if rows.is_empty() {
        out.push_str(empty);
        out.push_str("\n\n");
        return;
    }
    out.push_str(&format!("| {} |\n", headings.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(headings.len())));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out.push('\n');
}

/// The report of `plan` on the day `today` (days since 1970-01-01) as a Markdown document.
pub fn report_markdown(plan: &Plan, today: i64) -> String {
    let t = &plan.transition;
    let mut out = format!("# {}\n\n", text(&plan.name));
    if !plan.organization.trim().is_empty() {
        out.push_str(&format!("{} · ", text(&plan.organization)));
    }
    out.push_str(&format!("Report of {}\n\n", format_date(today)));

    out.push_str("## The challenge\n\n");
    if plan.challenge.trim().is_empty() {
        out.push_str("No challenge statement yet.\n\n");
    } else {
        for paragraph in plan
            .challenge
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
        {
            out.push_str(&text(paragraph));
            out.push_str("\n\n");
        }
    }

    out.push_str("## Where each group stands\n\n");
    match rounds_by_date(t).last() {
        None => out.push_str("No assessment round yet.\n\n"),
        Some(round) => {
            out.push_str(&format!(
                "Latest round: {} ({}), teams per stage.\n\n",
                text(&round.label),
                round.date
            ));
            let rows: Vec<Vec<String>> = t
                .groups
                .iter()
                .map(|g| {
                    let counts = stage_counts(round, &g.id);
                    vec![
                        cell(&g.name),
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
            let headings = [
                "Group",
                "Average level",
                STAGE_NAMES[0],
                STAGE_NAMES[1],
                STAGE_NAMES[2],
                "Target",
            ];
            table(&mut out, &headings, &rows, "No stakeholder groups.");
            out.push_str("### Readiness\n\n");
            out.push_str(&text(&readiness_sentence(&readiness(t, round))));
            out.push_str("\n\n");
        }
    }

    let team = |id: &str| t.teams.by_id(id).map(|x| x.name.clone());
    let group = |id: &str| t.groups.by_id(id).map(|x| x.name.clone());
    out.push_str(&format!(
        "## Coaching plan ({} actions)\n\n",
        t.actions.len()
    ));
    let actions: Vec<Vec<String>> = t
        .actions
        .iter()
        .map(|a| {
            vec![
                cell(&a.title),
                cell(&names_or_all(&a.groups, group)),
                cell(&names_or_all(&a.teams, team)),
                cell(&a.owner),
                a.due.clone().unwrap_or_else(|| "–".into()),
                action_status_label(a.status).into(),
            ]
        })
        .collect();
    table(
        &mut out,
        &["Action", "Groups", "Teams", "Owner", "Due", "Status"],
        &actions,
        "No coaching actions yet.",
    );

    let slos = &plan.slo_catalog.slos;
    let policies = distinct_policies(plan);
    out.push_str(&format!(
        "## SLOs, budgets and policies ({} SLOs)\n\n",
        slos.len()
    ));
    let rows: Vec<Vec<String>> = overview_rows(plan)
        .into_iter()
        .zip(slos)
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
                cell(&row.name),
                cell(&subject),
                cell(&row.sli),
                format!("{} %", format_number(row.target_percent, 5)),
                cell(&row.window),
                format_duration(ErrorBudget::of_slo(slo).minutes()),
                format!(
                    "Policy {number}, {}",
                    if row.policy_agreed {
                        "agreed"
                    } else {
                        "not agreed yet"
                    }
                ),
                cell(&row.state),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "SLO",
            "Journey or service",
            "SLI",
            "Target",
            "Window",
            "Error budget",
            "Policy",
            "State",
        ],
        &rows,
        "No SLOs yet.",
    );
    if !policies.is_empty() {
        out.push_str("### Error-budget policies\n\n");
        for (i, (thresholds, users)) in policies.iter().enumerate() {
            out.push_str(&format!(
                "#### Policy {} — used by {}\n\n",
                i + 1,
                text(&users.join(", "))
            ));
            if thresholds.is_empty() {
                out.push_str("No thresholds yet.\n");
            }
            for x in thresholds {
                out.push_str(&format!(
                    "- At {} % of the budget consumed: {}\n",
                    format_number(x.consumed_percent, 2),
                    text(&x.action)
                ));
            }
            out.push('\n');
        }
    }

    out.push_str(&format!(
        "## Scenario results ({} scenarios)\n\n",
        plan.scenarios.len()
    ));
    let rows: Vec<Vec<String>> = plan
        .scenarios
        .iter()
        .filter_map(|scenario| {
            let slo = slos.by_id(&scenario.slo)?;
            let r = comparison_row(scenario, slo, &simulate(scenario, slo));
            let actions = thresholds_crossed(&r.actions);
            Some(vec![
                cell(&r.name),
                cell(&r.target),
                cell(&r.left_at_end),
                cell(&r.exhausted),
                r.pages.to_string(),
                r.tickets.to_string(),
                cell(&r.mean_time_to_detect),
                cell(&actions),
            ])
        })
        .collect();
    table(
        &mut out,
        &[
            "Scenario",
            "Target",
            "Budget left at the end",
            "Budget exhausted",
            "Pages",
            "Tickets",
            "Mean time to detect",
            "Policy thresholds crossed",
        ],
        &rows,
        "No scenarios yet.",
    );
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A service's error-budget policy document ("Export policy as Markdown").
pub fn policy_markdown(document: &PolicyDocument, plan_name: &str, today: i64) -> String {
    let mut out = format!(
        "# {}\n\nFrom the plan “{}”, {}.\n\n",
        text(&document.title),
        text(plan_name),
        format_date(today)
    );
    for section in &document.sections {
        out.push_str(&format!("## {}\n\n", section.heading));
        for paragraph in &section.paragraphs {
            out.push_str(&text(paragraph));
            out.push_str("\n\n");
        }
        for item in &section.items {
            out.push_str(&format!("- {}\n", text(item)));
        }
        if !section.items.is_empty() {
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
