//! `sre-workbook export`: the page's downloads made from a plan file, and the drift check
//! that tells CI when a committed file is no longer what the plan generates.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{plan_file, Failure, Outcome};
use crate::interop::plan_exports::{export_files, ExportFile, ExportKind};
use crate::model::plan::calendar::days_from_civil;

/// `export KIND PLAN [--service ID] [-o FILE] [--check FILE]`.
#[derive(Args)]
pub struct ExportArgs {
    /// Which download to make.
    #[arg(value_enum)]
    kind: ExportKind,
    /// The plan file.
    plan: PathBuf,
    /// One service's SLOs (prometheus, sloth, pyrra) or policy (policy-md), by service id.
    #[arg(long, value_name = "ID")]
    service: Option<String>,
    /// Where to write. An export of several files (Sloth with several SLO periods, the
    /// policies of several services) writes them into this directory under the page's
    /// download names; one file goes to standard output when not given.
    #[arg(short, long, value_name = "FILE", conflicts_with = "check")]
    output: Option<PathBuf>,
    /// Write nothing: compare with the committed FILE (or, for several files, the files of
    /// that name in DIR) and exit 1 with a short diff when it is not what the plan generates.
    #[arg(long, value_name = "FILE|DIR")]
    check: Option<PathBuf>,
    /// The date dated documents (policy-md, report-md) carry, as YYYY-MM-DD; today in UTC
    /// when not given.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<i64>,
}

/// A YYYY-MM-DD date as days since 1970-01-01.
fn parse_date(text: &str) -> Result<i64, String> {
    let parts: Vec<&str> = text.split('-').collect();
    let bad = || format!("“{text}” is not a date: write it as YYYY-MM-DD, e.g. 2026-12-05");
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i64>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(bad());
    };
    let days = days_from_civil(y, m, d);
    // A day past the month's end would roll into the next month: refuse it.
    if y.to_string().len() != 4
        || !(1..=12).contains(&m)
        || crate::model::plan::calendar::civil_from_days(days) != (y, m, d)
    {
        return Err(bad());
    }
    Ok(days)
}

/// Today in UTC, as days since 1970-01-01 (what the page's `today` gives).
fn today_utc() -> i64 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (seconds / 86_400) as i64
}

/// Makes the export, writes it, or checks a committed copy against it.
pub fn run(args: &ExportArgs) -> Outcome {
    let file = plan_file::read_valid(&args.plan)?;
    let plan = &file.plan;
    let kind = args.kind;
    if let Some(id) = &args.service {
        if !kind.per_service() {
            return Err(Failure::Usage(
                "--service applies to prometheus, sloth, pyrra and policy-md".into(),
            ));
        }
        if !plan.slo_catalog.services.iter().any(|s| &s.id == id) {
            let known = plan.slo_catalog.services.iter().map(|s| s.id.as_str());
            return Err(super::unknown_id("service", "services", id, known));
        }
    }
    let needs_slos = !matches!(kind, ExportKind::ReportMd | ExportKind::PolicyMd);
    if needs_slos && plan.slo_catalog.slos.is_empty() {
        eprintln!(
            "{}: nothing to export: the plan has no SLOs yet",
            args.plan.display()
        );
        return Err(Failure::Problems);
    }
    let files = export_files(
        plan,
        kind,
        args.service.as_deref(),
        args.today.unwrap_or_else(today_utc),
    );
    if files.is_empty() {
        eprintln!(
            "{}: nothing to export: the plan has no services yet",
            args.plan.display()
        );
        return Err(Failure::Problems);
    }
    if let Some(target) = &args.check {
        return check_files(&files, target);
    }
    match (&files[..], args.output.as_deref()) {
        ([one], output) => super::write_out(output, &one.text).map(|()| true),
        (many, Some(dir)) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| Failure::Usage(format!("cannot create {}: {e}", dir.display())))?;
            for f in many {
                super::write_out(Some(&dir.join(&f.name)), &f.text)?;
                eprintln!("{}", dir.join(&f.name).display());
            }
            Ok(true)
        }
        (many, None) => Err(Failure::Usage(format!(
            "this export is {} files ({}): give a directory with -o",
            many.len(),
            many.iter()
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Compares each generated file with its committed copy: `target` itself for one file, the
/// file of the same name in `target` for several.
fn check_files(files: &[ExportFile], target: &Path) -> Outcome {
    let mut same = true;
    for f in files {
        let path = if files.len() == 1 && !target.is_dir() {
            target.to_path_buf()
        } else {
            target.join(&f.name)
        };
        let committed = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                println!(
                    "{}: missing; the plan generates it ({} lines)",
                    path.display(),
                    f.text.lines().count()
                );
                same = false;
                continue;
            }
            Err(e) => {
                return Err(Failure::Usage(format!(
                    "cannot read {}: {e}",
                    path.display()
                )))
            }
        };
        if committed == f.text {
            println!("{}: up to date", path.display());
        } else {
            same = false;
            println!(
                "{}: not what the plan generates; regenerate it with sre-workbook export",
                path.display()
            );
            print!("{}", short_diff(&committed, &f.text));
        }
    }
    Ok(same)
}

/// The lines that differ between `committed` and `generated`, between their common first
/// and last lines, as `-` and `+` lines under a `@@ line N` header; at most 20 of each.
pub fn short_diff(committed: &str, generated: &str) -> String {
    const MAX: usize = 20;
    let a: Vec<&str> = committed.lines().collect();
    let b: Vec<&str> = generated.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (old, new) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut out = format!("@@ line {} @@\n", head + 1);
    let mut lines = |sign: char, lines: &[&str]| {
        for line in lines.iter().take(MAX) {
            out.push_str(&format!("{sign} {line}\n"));
        }
        if lines.len() > MAX {
            out.push_str(&format!("{sign} … {} more lines\n", lines.len() - MAX));
        }
    };
    lines('-', old);
    lines('+', new);
    if old.is_empty() && new.is_empty() {
        // Only the last line's ending differs.
        out.push_str("  (the files differ only in the line ending at the end)\n");
    }
    out
}
