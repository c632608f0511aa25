//! `sre-workbook replay`: a history of an SLI replayed against an SLO of the plan, with the
//! figures the Scenarios page's "Replay history" shows.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::{plan_file, Failure, Format, Outcome};
use crate::model::plan::ids::ById;
use crate::replay::csv_reader::{guess_mapping, read_history, ColumnMapping, GoodWhen, Measure};
use crate::replay::figures::{
    alert_rows, month_rows, overall_sentence, target_summary, window_rows,
};
use crate::replay::minute_grid::GapPolicy;
use crate::replay::read_history_file;
use crate::replay::run::Replay;

/// What minutes without data count as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Gaps {
    /// Left out of every result.
    Out,
    /// Counted as good.
    Good,
    /// Counted as bad.
    Bad,
}

/// Which side of the threshold is good.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Side {
    /// At most the threshold (latency).
    AtMost,
    /// At least the threshold.
    AtLeast,
}

/// `replay PLAN --slo ID HISTORY [--gaps out|good|bad]`.
#[derive(Args)]
pub struct ReplayArgs {
    /// The plan file.
    plan: PathBuf,
    /// The SLO to replay against, by id.
    #[arg(long, value_name = "ID")]
    slo: String,
    /// The history: a CSV (a timestamp column and good/bad/total counts or an error ratio)
    /// or a Prometheus query_range response (JSON). Times without an offset are read as UTC.
    history: PathBuf,
    /// What minutes without data count as.
    #[arg(long, value_enum, default_value_t = Gaps::Out)]
    gaps: Gaps,
    /// Text for people, JSON for machines.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The column of times, by name, when the header does not say (timestamp, time, …).
    #[arg(long, value_name = "COLUMN")]
    time: Option<String>,
    /// The column of good events.
    #[arg(long, value_name = "COLUMN")]
    good: Option<String>,
    /// The column of bad events.
    #[arg(long, value_name = "COLUMN")]
    bad: Option<String>,
    /// The column of all events.
    #[arg(long, value_name = "COLUMN")]
    total: Option<String>,
    /// The column of the error ratio (0–1).
    #[arg(long, value_name = "COLUMN")]
    error_ratio: Option<String>,
    /// A column of values compared with --threshold (each minute good or bad as a whole).
    #[arg(long, value_name = "COLUMN", requires = "threshold")]
    value: Option<String>,
    /// The threshold for --value, in the column's unit.
    #[arg(long, requires = "value")]
    threshold: Option<f64>,
    /// Which side of the threshold is good.
    #[arg(long, value_enum, default_value_t = Side::AtMost)]
    good_when: Side,
}

/// The mapping the options give, or the one the header's names suggest.
fn mapping(args: &ReplayArgs, header: &[String]) -> Result<ColumnMapping, Failure> {
    let column = |name: &str| {
        header.iter().position(|h| h == name).ok_or_else(|| {
            Failure::Usage(format!(
                "the history has no column “{name}”; its columns are: {}",
                header.join(", ")
            ))
        })
    };
    let given = |o: &Option<String>| o.as_deref().map(column).transpose();
    let chosen = [
        &args.good,
        &args.bad,
        &args.total,
        &args.error_ratio,
        &args.value,
    ]
    .iter()
    .any(|o| o.is_some());
    let guessed = guess_mapping(header);
    let timestamp = match (&args.time, &guessed) {
        (Some(name), _) => column(name)?,
        (None, Some(g)) => g.timestamp,
        (None, None) => ["timestamp", "time", "ts", "date", "datetime", "t"]
            .iter()
            .find_map(|n| header.iter().position(|h| h.eq_ignore_ascii_case(n)))
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "which column holds the times? give --time (columns: {})",
                    header.join(", ")
                ))
            })?,
    };
    if !chosen {
        return guessed.map(|g| ColumnMapping { timestamp, ..g }).ok_or_else(|| {
            Failure::Usage(format!(
                "the columns ({}) do not say what they measure: give --good/--bad and --total, --error-ratio, or --value with --threshold",
                header.join(", ")
            ))
        });
    }
    let measure = if let Some(c) = given(&args.value)? {
        Measure::Threshold {
            column: c,
            threshold: args.threshold.unwrap_or_default(),
            good_when: match args.good_when {
                Side::AtMost => GoodWhen::AtMost,
                Side::AtLeast => GoodWhen::AtLeast,
            },
        }
    } else if let Some(c) = given(&args.error_ratio)? {
        Measure::ErrorRatio {
            column: c,
            percent: false,
        }
    } else {
        let (good, bad) = (given(&args.good)?, given(&args.bad)?);
        let total = given(&args.total)?
            .ok_or_else(|| Failure::Usage("--good or --bad needs --total".into()))?;
        if good.is_none() && bad.is_none() {
            return Err(Failure::Usage("--total needs --good or --bad".into()));
        }
        Measure::Counts { good, bad, total }
    };
    Ok(ColumnMapping { timestamp, measure })
}

/// Replays the history against the SLO and prints the figures.
pub fn run(args: &ReplayArgs) -> Outcome {
    let file = plan_file::read_valid(&args.plan)?;
    let Some(slo) = file.plan.slo_catalog.slos.by_id(&args.slo) else {
        let known = file.plan.slo_catalog.slos.iter().map(|s| s.id.as_str());
        return Err(super::unknown_id("SLO", "SLOs", &args.slo, known));
    };
    let name = args.history.display().to_string();
    let bytes = plan_file::bytes(&args.history)?;
    let table = read_history_file(&bytes).map_err(|why| {
        eprintln!("“{name}” cannot be imported: {why}");
        Failure::Problems
    })?;
    let mapping = mapping(args, &table.header)?;
    let history = read_history(&table, &mapping, &0);
    for message in history.messages() {
        eprintln!("{name}: {message}");
    }
    if history.samples.is_empty() {
        eprintln!("“{name}” has no usable rows.");
        return Err(Failure::Problems);
    }
    let gaps = match args.gaps {
        Gaps::Out => GapPolicy::Excluded,
        Gaps::Good => GapPolicy::Good,
        Gaps::Bad => GapPolicy::Bad,
    };
    let replay = Replay::run(&history.samples, history.weight, gaps, slo).map_err(|why| {
        eprintln!("“{name}” cannot be replayed: {why}");
        Failure::Problems
    })?;
    let target = replay.target_percent;
    let windows = window_rows(&replay.run, &replay.grid, target);
    let months = month_rows(&replay.run, target);
    let alerts = alert_rows(&replay.run, &replay.grid);
    let finding = replay.finding();
    let text = match args.format {
        Format::Text => {
            let mut out = format!(
                "Replay of “{name}” against SLO “{}” (target {} %; {}).\n{}\n",
                replay.slo_name,
                crate::model::slo::figures::format_number(target, 3),
                gaps.statement(),
                overall_sentence(&replay.run, target)
            );
            let table =
                |out: &mut String, title: &str, headings: &[&str], rows: Vec<Vec<String>>| {
                    out.push_str(&format!("\n{title}\n"));
                    if rows.is_empty() {
                        out.push_str("  none\n");
                        return;
                    }
                    let mut widths: Vec<usize> =
                        headings.iter().map(|h| h.chars().count()).collect();
                    for row in &rows {
                        for (w, cell) in widths.iter_mut().zip(row) {
                            *w = (*w).max(cell.chars().count());
                        }
                    }
                    let line = |cells: Vec<String>| {
                        let padded: Vec<String> = cells
                            .iter()
                            .zip(&widths)
                            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                            .collect();
                        format!("  {}\n", padded.join("  ").trim_end())
                    };
                    out.push_str(&line(headings.iter().map(|h| h.to_string()).collect()));
                    for row in rows {
                        out.push_str(&line(row));
                    }
                };
            table(
                &mut out,
                "SLO windows",
                &[
                    "Window",
                    "Achieved",
                    "Met",
                    "Budget consumed",
                    "Thresholds crossed",
                ],
                windows.iter().map(|r| r.to_vec()).collect(),
            );
            table(
                &mut out,
                "Calendar months",
                &["Month", "Achieved", "Met", "Budget consumed"],
                months.iter().map(|r| r.to_vec()).collect(),
            );
            table(
                &mut out,
                &format!("Alerts that would have fired ({})", alerts.len()),
                &[
                    "Start",
                    "End",
                    "Rule",
                    "Severity",
                    "Peak burn",
                    "Fired after",
                ],
                alerts.iter().map(|r| r.to_vec()).collect(),
            );
            out.push_str(&format!("\n{}\n", target_summary(finding)));
            out
        }
        Format::Json => {
            let rows = |headings: &[&str], rows: Vec<Vec<String>>| -> Vec<serde_json::Value> {
                rows.into_iter()
                    .map(|r| {
                        serde_json::Value::Object(
                            headings
                                .iter()
                                .map(|h| h.to_string())
                                .zip(r.into_iter().map(serde_json::Value::String))
                                .collect(),
                        )
                    })
                    .collect()
            };
            format!(
                "{}\n",
                json!({
                    "slo": slo.id,
                    "target_percent": target,
                    "gaps": gaps.statement(),
                    "overall": overall_sentence(&replay.run, target),
                    "overall_sli_percent": replay.run.overall_sli.map(|s| s * 100.0),
                    "windows": rows(&["window", "achieved", "met", "budget_consumed", "thresholds_crossed"], windows.iter().map(|r| r.to_vec()).collect()),
                    "months": rows(&["month", "achieved", "met", "budget_consumed"], months.iter().map(|r| r.to_vec()).collect()),
                    "alerts": rows(&["start", "end", "rule", "severity", "peak_burn", "fired_after"], alerts.iter().map(|r| r.to_vec()).collect()),
                    "strictest_target_every_window_percent": finding.met_always,
                    "strictest_target_nine_in_ten_percent": finding.met_nine_in_ten,
                    "strictest_target": target_summary(finding),
                })
            )
        }
    };
    super::write_out(None, &text)?;
    Ok(true)
}
