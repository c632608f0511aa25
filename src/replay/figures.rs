//! The backtest as the rows and sentences the Scenarios page shows: times as UTC dates,
//! SLIs as percentages, alerts with their rule's words. Host-tested, so the page only
//! lays them out.

use super::backtest::{backtest, Backtest, ReplayedSlo, TargetFinding};
use super::minute_grid::{lay_on_minutes, GapPolicy, MinuteGrid};
use crate::charts::attainment_chart::Attainment;
use crate::model::history::series::SliHistory;
use crate::model::plan::calendar::format_timestamp;
use crate::model::plan::Slo;
use crate::model::scenario::figures::rule_label;
use crate::model::slo::budget::{format_duration, format_percent, AlertSeverity};
use crate::model::slo::figures::format_number;

const MINUTE_MS: i64 = 60_000;
const DAY_MINUTES: usize = 1440;

/// Points the attainment chart draws across its width.
const CHART_POINTS: usize = 700;

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
/// 2 d: missed", with the gap choice when there are gaps ("… over 2 d (minutes without data
/// are left out): met"). The same replay as the Scenarios page's, so the figures agree.
pub fn history_attainment(history: &SliHistory, slo: &Slo) -> Result<String, String> {
    let samples = history.series.decode()?;
    let grid = lay_on_minutes(&samples, history.weight, history.gaps)?;
    let run = backtest(&grid, &ReplayedSlo::of(slo, history.weight));
    // Where the history has gaps, how they were counted goes with the figure.
    let gaps = if grid.gaps.is_empty() {
        String::new()
    } else {
        format!(" ({})", history.gaps.statement())
    };
    Ok(format!(
        "{} over {}{gaps}: {}",
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

/// The attainment chart's data for the days `window` of the history (all when `None`):
/// the SLI over the trailing SLO window at about 700 points, each named by its last minute
/// (and "no data" when that minute had none), and the gaps.
pub fn attainment(
    run: &Backtest,
    grid: &MinuteGrid,
    target_percent: f64,
    window: Option<(f64, f64)>,
) -> Attainment {
    let n = grid.len();
    let (from, to) = window.map_or((0, n), |(a, b)| {
        let day = DAY_MINUTES as f64;
        (
            (a * day).floor() as usize,
            ((b * day).ceil() as usize).min(n),
        )
    });
    let every = (to.saturating_sub(from) / CHART_POINTS).max(1);
    let rolling = run.rolling_over(from, to, every);
    let names = rolling
        .iter()
        .map(|&(end, _)| {
            let last = end - 1;
            let label = minute_label(grid, last);
            if grid.has_data.get(last) == Some(&false) {
                format!("{label}, no data")
            } else {
                label
            }
        })
        .collect();
    Attainment {
        points: rolling
            .iter()
            .map(|&(end, sli)| (end as f64 / DAY_MINUTES as f64, sli * 100.0))
            .collect(),
        names,
        gaps: grid
            .gaps
            .iter()
            .map(|&(start, len)| {
                (
                    start as f64 / DAY_MINUTES as f64,
                    (start + len) as f64 / DAY_MINUTES as f64,
                )
            })
            .collect(),
        days: n as f64 / DAY_MINUTES as f64,
        target_percent,
    }
}

/// The attainment chart's text alternative: its lowest point and the target, and how the
/// gaps are counted.
pub fn attainment_description(data: &Attainment, gaps: GapPolicy) -> String {
    let lowest = data.points.iter().zip(&data.names).fold(
        None::<(f64, &String)>,
        |low, (p, name)| match low {
            Some(l) if l.0 <= p.1 => Some(l),
            _ => Some((p.1, name)),
        },
    );
    match lowest {
        Some((sli, name)) => format!(
            "The SLI over the trailing SLO window (from the start of the history while it is shorter): lowest {sli:.3} % at {name}; the target is {} %; {}.",
            format_number(data.target_percent, 3),
            gaps.statement()
        ),
        None => "No traffic in the history.".to_string(),
    }
}

/// One UTC calendar day of the history: date, SLI that day, SLI over the SLO window at the
/// day's end, minutes without data. The attainment chart's data table.
pub fn day_rows(run: &Backtest, grid: &MinuteGrid) -> Vec<[String; 4]> {
    let n = grid.len();
    let window = run.window_minutes();
    let into_first_day = (grid.start_ms.div_euclid(MINUTE_MS)).rem_euclid(DAY_MINUTES as i64);
    let mut rows = Vec::new();
    let mut start = 0;
    while start < n {
        let end = if start == 0 {
            DAY_MINUTES - into_first_day as usize
        } else {
            start + DAY_MINUTES
        }
        .min(n);
        let missing = grid.has_data[start..end].iter().filter(|d| !**d).count();
        rows.push([
            minute_label(grid, start)[..10].to_string(),
            sli_text(run.sli(start, end)),
            sli_text(run.sli(end.saturating_sub(window), end)),
            if missing == 0 {
                "none".into()
            } else {
                format_duration(missing as f64)
            },
        ]);
        start = end;
    }
    rows
}

/// Budget left at the end of each day of each SLO window: the headings ("Day of the
/// window", then a window's start per column) and a row per day. The burn-down chart's
/// data table.
pub fn burn_down_table(run: &Backtest, grid: &MinuteGrid) -> (Vec<String>, Vec<Vec<String>>) {
    let lefts: Vec<Vec<f64>> = (0..run.windows.len()).map(|i| run.budget_left(i)).collect();
    let headings = std::iter::once("Day of the window".to_string())
        .chain(
            run.windows
                .iter()
                .map(|w| format!("From {}", minute_label(grid, w.start))),
        )
        .collect();
    let days = lefts
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .div_ceil(DAY_MINUTES);
    let rows = (0..days)
        .map(|d| {
            std::iter::once(format!("Day {}", d + 1))
                .chain(lefts.iter().map(|left| {
                    let last = ((d + 1) * DAY_MINUTES).min(left.len());
                    if d * DAY_MINUTES >= left.len() {
                        "—".to_string()
                    } else {
                        format!("{} %", format_number(left[last - 1] * 100.0, 1))
                    }
                }))
                .collect()
        })
        .collect();
    (headings, rows)
}
