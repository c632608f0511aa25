//! The backtest as the rows and sentences the Scenarios page shows: times as UTC dates,
//! SLIs as percentages, alerts with their rule's words. Host-tested, so the page only
//! lays them out.

use super::backtest::{backtest, Backtest, ReplayedSlo, TargetFinding};
use super::minute_grid::{lay_on_minutes, GapPolicy, MinuteGrid};
use crate::model::budget::{format_duration, format_percent, AlertSeverity};
use crate::model::calendar::format_timestamp;
use crate::model::plan::Slo;
use crate::model::scenario_figures::rule_label;
use crate::model::sli_history::SliHistory;
use crate::model::slo_figures::format_number;

const MINUTE_MS: i64 = 60_000;

/// A minute of the grid as `2026-09-01 14:03 UTC`.
pub fn minute_label(grid: &MinuteGrid, minute: usize) -> String {
    let full = format_timestamp(grid.start_ms + minute as i64 * MINUTE_MS);
    format!("{} {} UTC", &full[..10], &full[11..16])
}

/// An SLI as a percentage to three decimals ("99.917 %"), or "no traffic".
pub fn sli_text(sli: Option<f64>) -> String {
    sli.map_or_else(
        || "no traffic".to_string(),
        |s| format!("{:.3} %", s * 100.0),
    )
}

/// What the history covers and how its gaps are counted.
pub fn coverage(grid: &MinuteGrid, gaps: GapPolicy) -> String {
    let missing: usize = grid.gaps.iter().map(|g| g.1).sum();
    let gap_text = match grid.gaps.len() {
        0 => "no gaps".to_string(),
        1 => format!("1 gap of {}", format_duration(missing as f64)),
        n => format!("{n} gaps, {} in all", format_duration(missing as f64)),
    };
    format!(
        "{} to {} ({}, {} steps); {gap_text}: {}.",
        minute_label(grid, 0),
        minute_label(grid, grid.len()),
        format_duration(grid.len() as f64),
        format_duration(grid.step_minutes),
        gaps.statement()
    )
}

/// One calendar month: month, achieved, met?, budget consumed.
pub fn month_rows(run: &Backtest, target_percent: f64) -> Vec<[String; 4]> {
    run.months
        .iter()
        .map(|m| {
            [
                m.month.clone(),
                sli_text(m.sli),
                met_text(m.sli, target_percent),
                format!("{} %", format_number(m.consumed * 100.0, 1)),
            ]
        })
        .collect()
}

fn met_text(sli: Option<f64>, target_percent: f64) -> String {
    match sli {
        None => "—".into(),
        Some(s) if s * 100.0 >= target_percent - 1e-9 => "met".into(),
        Some(_) => "missed".into(),
    }
}

/// One SLO window: span, achieved, met?, budget consumed, thresholds crossed.
pub fn window_rows(run: &Backtest, grid: &MinuteGrid, target_percent: f64) -> Vec<[String; 5]> {
    run.windows
        .iter()
        .map(|w| {
            let crossed: Vec<String> = w
                .crossings
                .iter()
                .filter_map(|(percent, minute)| {
                    Some(format!(
                        "{} % on {}",
                        format_number(*percent, 1),
                        minute_label(grid, (*minute)?)
                    ))
                })
                .collect();
            [
                format!(
                    "{} to {}",
                    minute_label(grid, w.start),
                    minute_label(grid, w.end)
                ),
                sli_text(w.sli),
                met_text(w.sli, target_percent),
                format!("{} %", format_number(w.consumed * 100.0, 1)),
                if crossed.is_empty() {
                    "none".into()
                } else {
                    crossed.join("; ")
                },
            ]
        })
        .collect()
}

/// One alert: start, end, rule, severity, peak burn, fired after.
pub fn alert_rows(run: &Backtest, grid: &MinuteGrid) -> Vec<[String; 6]> {
    run.alerts
        .iter()
        .map(|a| {
            [
                minute_label(grid, a.start),
                a.end
                    .map_or_else(|| "still firing".into(), |e| minute_label(grid, e)),
                rule_label(&run.rules[a.rule]),
                match a.severity {
                    AlertSeverity::Page => "page".into(),
                    AlertSeverity::Ticket => "ticket".into(),
                },
                format!("{}×", format_number(a.peak_burn, 1)),
                a.delay_minutes
                    .map_or_else(|| "—".into(), |d| format_duration(d as f64)),
            ]
        })
        .collect()
}

/// The target finder's sentence.
pub fn target_summary(finding: &TargetFinding) -> String {
    let name = |t: Option<f64>| {
        t.map_or_else(
            || "none of the targets tried".into(),
            |t| format!("{} %", format_number(t, 3)),
        )
    };
    format!(
        "Strictest target met in every window: {}; in at least 9 windows of 10: {}.",
        name(finding.met_always),
        name(finding.met_nine_in_ten)
    )
}

/// One candidate target: target, windows met, worst window's budget, pages, tickets.
pub fn target_rows(finding: &TargetFinding) -> Vec<[String; 5]> {
    finding
        .candidates
        .iter()
        .map(|c| {
            [
                format!("{} %", format_number(c.target_percent, 3)),
                format!("{} of {}", c.windows_met, c.windows),
                format!("{} %", format_number(c.worst_consumed * 100.0, 1)),
                c.pages.to_string(),
                c.tickets.to_string(),
            ]
        })
        .collect()
}

/// What the history kept for an SLO achieved against it, for the Overview: "99.476 % over
/// 2 d: missed". The same replay as the Scenarios page's, so the figures agree.
pub fn history_attainment(history: &SliHistory, slo: &Slo) -> Result<String, String> {
    let samples = history.series.decode()?;
    let grid = lay_on_minutes(&samples, history.weight, history.gaps)?;
    let run = backtest(
        &grid,
        &ReplayedSlo {
            target_percent: slo.target_percent,
            window_days: slo.window.days(),
            tiers: &slo.alerting.tiers,
            thresholds: &slo.policy.thresholds,
        },
    );
    Ok(format!(
        "{} over {}: {}",
        sli_text(run.overall_sli),
        format_duration(grid.len() as f64),
        met_text(run.overall_sli, slo.target_percent)
    ))
}

/// The error ratio of the whole history, for "Use as scenario baseline" (a share, 0–1).
pub fn baseline_error_ratio(run: &Backtest) -> Option<f64> {
    run.overall_sli.map(|s| 1.0 - s)
}

/// "99.873 % over the history (target 99.9 %): missed".
pub fn overall_sentence(run: &Backtest, target_percent: f64) -> String {
    format!(
        "{} over the history (target {}): {}.",
        sli_text(run.overall_sli),
        format_percent(target_percent / 100.0, 3),
        met_text(run.overall_sli, target_percent)
    )
}
