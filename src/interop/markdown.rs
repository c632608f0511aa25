//! The report ("Export report as Markdown") and a service's error-budget policy ("Export
//! policy as Markdown") as Markdown, for wikis and pull requests: the
//! Report page's sections as headings, GitHub-flavoured tables and lists, each figure worded
//! as the page words it. Text from the plan goes through one function, [`text`], which makes
//! HTML inert and backslash-escapes Markdown, so a name can never become markup in the wiki.

use crate::model::plan::calendar::format_date;
use crate::model::plan::Plan;
use crate::model::report::{Report, Table};
use crate::model::scenario::played::play_all;
use crate::model::slo::figures::count_of;
use crate::model::slo::policy_document::PolicyDocument;

/// Plan text as Markdown text, the one way plan text enters a Markdown export: one line
/// (line breaks and controls become spaces), HTML inert (`<`, `>`, `&` as entities), and
/// every character CommonMark or GitHub would read as markup backslash-escaped: emphasis,
/// code, links and images (`*`, `_`, `` ` ``, `[`, `]`, `\\`), strikethrough (`~`), table
/// cells (`|`), headings (`#`, also a heading's closing one), and a list or thematic
/// break at the start of a line (`- `, `+`, `---`, `1. `, `1) `). It renders as the text
/// itself, wherever the template places it.
pub fn text(value: &str) -> String {
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

/// A report table as a GitHub-flavoured table, every cell through [`cell`], or `empty`
/// (a sentence) when it has no rows.
fn table(out: &mut String, table: &Table, empty: &str) {
    if table.rows.is_empty() {
        out.push_str(empty);
        out.push_str("\n\n");
        return;
    }
    out.push_str(&format!("| {} |\n", table.headings.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(table.headings.len())));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
}

/// The report of `plan` on the day `today` (days since 1970-01-01) as a Markdown document.
pub fn report_markdown(plan: &Plan, today: i64) -> String {
    let report = Report::of(plan, today, &play_all(plan));
    let mut out = format!("# {}\n\n", text(&report.title));
    if !report.organization.is_empty() {
        out.push_str(&format!("{} · ", text(&report.organization)));
    }
    out.push_str(&format!("Report of {}\n\n", report.date));

    out.push_str("## The challenge\n\n");
    if report.challenge.is_empty() {
        out.push_str("No challenge statement yet.\n\n");
    }
    for paragraph in report
        .challenge
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
    {
        out.push_str(&text(paragraph));
        out.push_str("\n\n");
    }

    out.push_str("## Where each group stands\n\n");
    match &report.standing {
        None => out.push_str("No assessment round yet.\n\n"),
        Some(standing) => {
            out.push_str(&format!(
                "Latest round: {} ({}), teams per stage.\n\n",
                text(&standing.round),
                standing.date
            ));
            table(&mut out, &standing.table, "No stakeholder groups.");
            out.push_str("### Readiness\n\n");
            out.push_str(&text(&standing.readiness));
            out.push_str("\n\n");
        }
    }

    out.push_str(&format!(
        "## Coaching plan ({})\n\n",
        count_of(report.actions.rows.len(), "action", "actions")
    ));
    table(&mut out, &report.actions, "No coaching actions yet.");

    out.push_str(&format!(
        "## SLOs, budgets and policies ({})\n\n",
        count_of(report.slos.rows.len(), "SLO", "SLOs")
    ));
    table(&mut out, &report.slos, "No SLOs yet.");
    if !report.policies.is_empty() {
        out.push_str("### Error-budget policies\n\n");
        for policy in &report.policies {
            out.push_str(&format!("#### {}\n\n", text(&policy.heading)));
            if policy.steps.is_empty() {
                out.push_str("No thresholds yet.\n");
            }
            for step in &policy.steps {
                out.push_str(&format!("- {}\n", text(step)));
            }
            out.push('\n');
        }
    }

    out.push_str(&format!(
        "## Scenario results ({})\n\n",
        count_of(report.scenarios.rows.len(), "scenario", "scenarios")
    ));
    table(&mut out, &report.scenarios, "No scenarios yet.");
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
