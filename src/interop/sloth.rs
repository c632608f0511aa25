//! Sloth's `prometheus/v1` spec for the plan's SLOs: one document per service, each SLO
//! with its objective, its SLI as event or raw queries over `{{.window}}`, and its alert
//! labels. Sloth generates the rules itself, with its own four tiers for a 28- or 30-day
//! period; the file says where the SLO's own tiers or window differ from that.

use std::collections::BTreeMap;

use super::sli_queries::{exported_slos, service_of, skipped_comment, SliQueries};
use super::yaml::quoted;
use crate::model::plan::{Plan, Slo, SloWindow};
use crate::model::promql::Selector;
use crate::model::slo_figures::{format_number, window_label};

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

/// Where Sloth's generated alerts differ from the SLO as planned, as comment lines.
fn differences(slo: &Slo) -> String {
    let mut notes = Vec::new();
    let days = slo.window.days();
    if !matches!(slo.window, SloWindow::Rolling { days: 28 | 30 }) {
        notes.push(format!(
            "the SLO's window is {}; Sloth measures a rolling period set by --default-slo-period (28d or 30d built in, others need an AlertWindows file)",
            window_label(&slo.window)
        ));
    }
    let workbook = crate::model::budget::default_alert_tiers(days);
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
        .map(|n| format!("    # Note: {n}.\n"))
        .collect()
}

/// The Sloth spec for the SLOs of `plan` (all of them, or those of `service`).
pub fn sloth_spec(plan: &Plan, service: Option<&str>) -> String {
    let exported = exported_slos(plan, service);
    let mut out = format!(
        "# Sloth prometheus/v1 specs for the SLOs of the plan {}, exported by the SRE Foundations Workbook.\n\
         # Generate the rules with `sloth generate -i FILE --default-slo-period=30d`.\n{}",
        quoted(&plan.name),
        skipped_comment(&exported)
    );
    let mut by_service: BTreeMap<&str, Vec<(&Slo, &SliQueries)>> = BTreeMap::new();
    for (slo, queries) in &exported {
        if let Ok(q) = queries {
            by_service
                .entry(service_of(plan, slo))
                .or_default()
                .push((slo, q));
        }
    }
    for (service_id, slos) in by_service {
        out.push_str(&format!(
            "---\nversion: \"prometheus/v1\"\nservice: {}\nslos:\n",
            quoted(&sloth_name(service_id))
        ));
        for (slo, queries) in slos {
            out.push_str(&format!(
                "  - name: {}\n    objective: {}\n    description: {}\n",
                quoted(&sloth_name(&slo.id)),
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
                for (key, value) in &slo.alerting.labels {
                    out.push_str(&format!("        {key}: {}\n", quoted(value)));
                }
            }
            out.push_str(&format!(
                "      annotations:\n        summary: {}\n      page_alert:\n        labels:\n          severity: \"page\"\n      ticket_alert:\n        labels:\n          severity: \"ticket\"\n",
                quoted(&format!("{}: the error budget burns too fast", slo.name))
            ));
        }
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
