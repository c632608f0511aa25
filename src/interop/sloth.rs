//! Sloth's `prometheus/v1` specs for the plan's SLOs: one file per SLO period, one document
//! per service in it, each SLO with its objective, its SLI as event or raw queries over
//! `{{.window}}`, and its alert labels. Sloth generates the rules itself, with its own four
//! tiers; the file says where the SLO's own tiers or window differ from that.
//!
//! Why a file per period: a `prometheus/v1` spec has no period field, and `sloth generate`
//! gives every SLO of a run the period of its `--default-slo-period` flag (slok/sloth
//! 0e395d81, `internal/storage/io/sloth.go:117` sets `TimeWindow: l.windowPeriod` for each
//! SLO; `cmd/sloth/commands/generate.go:56` declares the flag, default 30d). Only 28d and
//! 30d alert windows are built in (`internal/alert/windows/google-{28d,30d}.yaml`); any other
//! period needs `--slo-period-windows-path` with an `AlertWindows` file of that `sloPeriod`,
//! or Sloth refuses to start (`pkg/lib/gen.go:110`).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::prometheus_rules::template_text;
use super::sli_queries::{exported_slos, service_of, skipped_comment, SliQueries};
use super::yaml::{comment, key, quoted};
use crate::model::plan::{Plan, Slo, SloWindow};
use crate::model::slo::figures::{format_number, window_label};
use crate::model::slo::promql::Selector;

/// Sloth's name rule: letters and digits at both ends, `-`, `_` and `.` between.
pub fn sloth_name(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    match trimmed.len() {
        0 => "slo".to_string(),
        1 => format!("{trimmed}0"),
        _ => trimmed.to_string(),
    }
}

/// [`sloth_name`] of each SLO id of `plan`, made unique with `-2`, `-3`… in plan order, so
/// two ids that clean up alike ("a b" and "a-b") never give Sloth one SLO ID twice (its
/// rule groups are named after the ID, and Prometheus refuses a repeated group).
fn unique_names(plan: &Plan) -> HashMap<&str, String> {
    let mut taken = HashSet::new();
    plan.slo_catalog
        .slos
        .iter()
        .map(|slo| {
            let base = sloth_name(&slo.id);
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.clone()) {
                name = format!("{base}-{n}");
                n += 1;
            }
            (slo.id.as_str(), name)
        })
        .collect()
}

/// A selector's rate over Sloth's window variable.
fn rate(selector: &Selector) -> String {
    format!("sum(rate({}[{{{{.window}}}}]))", selector.to_promql())
}

/// The `sli:` block of an SLO.
fn sli(queries: &SliQueries) -> String {
    match queries {
        SliQueries::Events {
            counted,
            good: false,
            total,
        } => format!(
            "    sli:\n      events:\n        error_query: {}\n        total_query: {}\n",
            quoted(&rate(counted)),
            quoted(&rate(total))
        ),
        SliQueries::Events { counted, total, .. }
        | SliQueries::Latency {
            good: counted,
            total,
        } => {
            format!(
                "    sli:\n      events:\n        error_query: {}\n        total_query: {}\n",
                quoted(&format!("{} - {}", rate(total), rate(counted))),
                quoted(&rate(total))
            )
        }
        SliQueries::TimeSlices { .. } => format!(
            "    sli:\n      raw:\n        error_ratio_query: {}\n",
            quoted(&queries.error_ratio("{{.window}}"))
        ),
    }
}

/// The Sloth period of an SLO (`--default-slo-period`), in days: its rolling window, or
/// the length of its calendar month or quarter (Sloth has no calendar windows).
pub fn sloth_period_days(slo: &Slo) -> u32 {
    slo.window.days()
}

/// Where Sloth's generated alerts differ from the SLO as planned, as comment lines.
fn differences(slo: &Slo) -> String {
    let mut notes = Vec::new();
    let days = slo.window.days();
    if !matches!(slo.window, SloWindow::Rolling { .. }) {
        notes.push(format!(
            "the SLO's window is {}; Sloth measures a rolling {days}d period instead",
            window_label(&slo.window)
        ));
    }
    let workbook = crate::model::slo::budget::default_alert_tiers(days);
    if slo.alerting.tiers != workbook {
        notes.push("its alert tiers were chosen in the workbook; Sloth applies its own (page 1h/5m and 6h/30m, ticket 1d/2h and 3d/6h) unless given an AlertWindows file".to_string());
    } else {
        notes.push(
            "Sloth adds a fourth tier (ticket over 1d/2h) to the SRE Workbook's three".to_string(),
        );
    }
    if slo.alerting.min_events_per_hour.is_some() {
        notes.push(
            "Sloth has no low-traffic guard; the workbook's is in the Prometheus rules export"
                .to_string(),
        );
    }
    notes
        .iter()
        .map(|n| format!("    # Note: {}.\n", comment(n)))
        .collect()
}

/// One Sloth spec file: the SLOs of one period and the command that generates their rules.
#[derive(Clone, Debug, PartialEq)]
pub struct SlothFile {
    /// The period every SLO in the file is measured over, in days.
    pub period_days: u32,
    /// The words ending the download's name: "Sloth" for the main file, "Sloth 28d" for
    /// the others.
    pub name_words: String,
    /// The file: a header with the exact `sloth generate` command, then the specs.
    pub text: String,
}

/// The SLOs of one file, by service id.
type ServiceSlos<'a> = BTreeMap<&'a str, Vec<(&'a Slo, &'a SliQueries)>>;

/// Sloth's default period, which the main file keeps.
const SLOTH_DEFAULT_PERIOD_DAYS: u32 = 30;

/// The `sloth generate` command for a file of `days`-day SLOs.
fn command(days: u32) -> String {
    match days {
        28 | 30 => format!("`sloth generate -i FILE --default-slo-period={days}d`"),
        _ => format!(
            "`sloth generate -i FILE --default-slo-period={days}d --slo-period-windows-path=DIR`,\n\
             # where DIR holds a Sloth AlertWindows file with `sloPeriod: {days}d` (Sloth builds in 28d and\n\
             # 30d only; see examples/windows/7d.yaml in slok/sloth)"
        ),
    }
}

/// The Sloth specs for the SLOs of `plan` (all of them, or those of `service`): one file per
/// SLO period, the one of Sloth's default period (30 days) or else the shortest first. The
/// first file lists the SLOs that cannot be exported and why.
pub fn sloth_files(plan: &Plan, service: Option<&str>) -> Vec<SlothFile> {
    let exported = exported_slos(plan, service);
    let names = unique_names(plan);
    let mut by_period: BTreeMap<u32, ServiceSlos> = BTreeMap::new();
    for (slo, queries) in &exported {
        if let Ok(q) = queries {
            by_period
                .entry(sloth_period_days(slo))
                .or_default()
                .entry(service_of(plan, slo))
                .or_default()
                .push((slo, q));
        }
    }
    if by_period.is_empty() {
        by_period.insert(SLOTH_DEFAULT_PERIOD_DAYS, BTreeMap::new());
    }
    let mut periods: Vec<u32> = by_period.keys().copied().collect();
    if let Some(at) = periods.iter().position(|&d| d == SLOTH_DEFAULT_PERIOD_DAYS) {
        periods.remove(at);
        periods.insert(0, SLOTH_DEFAULT_PERIOD_DAYS);
    }
    let single = periods.len() == 1;
    periods
        .iter()
        .enumerate()
        .map(|(i, &days)| {
            let main = i == 0 && (single || days == SLOTH_DEFAULT_PERIOD_DAYS);
            let mut text = format!(
                "# Sloth prometheus/v1 specs for the SLOs of the plan {}, exported by the SRE Foundations Workbook.\n\
                 # The SLOs in this file are measured over {days} days. Generate their rules with\n\
                 # {}.\n",
                quoted(&plan.name),
                command(days)
            );
            if !single {
                let others: Vec<String> = periods
                    .iter()
                    .filter(|&&d| d != days)
                    .map(|d| format!("{d}d"))
                    .collect();
                text.push_str(&format!(
                    "# Sloth gives every SLO of a run one period: the plan's SLOs over {} are in files of their own.\n",
                    others.join(", ")
                ));
            }
            if i == 0 {
                text.push_str(&skipped_comment(&exported));
            }
            for (service_id, slos) in &by_period[&days] {
                text.push_str(&service_document(service_id, slos, &names));
            }
            SlothFile {
                period_days: days,
                name_words: if main {
                    "Sloth".to_string()
                } else {
                    format!("Sloth {days}d")
                },
                text,
            }
        })
        .collect()
}

/// One `prometheus/v1` document: a service and its SLOs.
fn service_document(
    service_id: &str,
    slos: &[(&Slo, &SliQueries)],
    names: &HashMap<&str, String>,
) -> String {
    let mut out = format!(
        "---\nversion: \"prometheus/v1\"\nservice: {}\nslos:\n",
        quoted(&sloth_name(service_id))
    );
    for (slo, queries) in slos {
        out.push_str(&format!(
            "  - name: {}\n    objective: {}\n    description: {}\n",
            quoted(&names[slo.id.as_str()]),
            format_number(slo.target_percent, 5),
            quoted(&slo.name)
        ));
        out.push_str(&differences(slo));
        out.push_str(&sli(queries));
        out.push_str(&format!(
            "    alerting:\n      name: {}\n",
            super::prometheus_rules::alert_name(&slo.id)
        ));
        if !slo.alerting.labels.is_empty() {
            out.push_str("      labels:\n");
            for (name, value) in &slo.alerting.labels {
                out.push_str(&format!(
                    "        {}: {}\n",
                    key(name),
                    quoted(&template_text(value))
                ));
            }
        }
        out.push_str(&format!(
            "      annotations:\n        summary: {}\n      page_alert:\n        labels:\n          severity: \"page\"\n      ticket_alert:\n        labels:\n          severity: \"ticket\"\n",
            quoted(&template_text(&format!(
                "{}: the error budget burns too fast",
                slo.name
            )))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_sloths_rule() {
        assert_eq!(sloth_name("checkout-availability"), "checkout-availability");
        assert_eq!(sloth_name("Shop API"), "Shop-API");
        assert_eq!(sloth_name("-x"), "x0");
        assert_eq!(sloth_name("€"), "slo");
    }
}
