//! OpenSLO v1 YAML of the plan's services and SLOs: a `Service` per service and an `SLO` per
//! SLO with its indicator inline, its time window (rolling or calendar), its budgeting method
//! (Occurrences or Timeslices) and its objective. SLOs with queries get Prometheus metric
//! sources (a ratio of counters, or a gauge against a threshold); the others keep their
//! indicator in words, as a metric source of type `SreFoundationsWorkbook`.

use std::collections::HashSet;

use super::sli_queries::{sli_queries, SliQueries};
use super::yaml::{dns_name as name, number, quoted};
use crate::model::plan::calendar::format_date;
use crate::model::plan::ids::ById;
use crate::model::plan::Comparison;
use crate::model::plan::{BudgetingMethod, Plan, SliKind, SloSubject, SloWindow};
use crate::model::slo::figures::sli_label;
use crate::model::slo::promql::Selector;

/// The OpenSLO version written.
pub const API_VERSION: &str = "openslo/v1";

/// A duration in OpenSLO's shorthand, in whole minutes (`Nm`): the shorthand has no
/// seconds (`[0-9]+[mhdwMQY]`, OpenSLO/go-sdk `pkg/openslo/v1/duration_shorthand.go:57`),
/// so a time slice of a fraction of a minute is rounded, at least 1m.
fn duration(minutes: f64) -> String {
    format!("{}m", minutes.round().max(1.0) as u64)
}

/// Plan text cut to the OpenSLO SDK's limit for the field (63 characters for a
/// `displayName`, `objects.go:118`; 1050 for a `description`, `slo.go:168` and
/// `service.go:73`), ending in "…" when cut, then quoted.
fn limited(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return quoted(text);
    }
    let mut cut: String = text.chars().take(max_chars - 1).collect();
    cut.push('…');
    quoted(&cut)
}

/// The SDK's limit on `displayName`.
const DISPLAY_NAME_CHARS: usize = 63;
/// The SDK's limit on `description`.
const DESCRIPTION_CHARS: usize = 1050;

/// A target percentage as OpenSLO's ratio (99.9 → 0.999), without float noise.
fn ratio(percent: f64) -> String {
    let text = format!("{:.7}", percent / 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Every service and SLO of the plan as OpenSLO v1 documents in one YAML stream.
pub fn openslo_yaml(plan: &Plan) -> String {
    let catalog = &plan.slo_catalog;
    let mut taken = HashSet::new();
    let service_names: Vec<(String, String)> = catalog
        .services
        .iter()
        .map(|s| (s.id.clone(), name(&s.id, &mut taken)))
        .collect();
    let service_name = |id: &str| {
        service_names
            .iter()
            .find(|(sid, _)| sid == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let mut out = format!(
        "# OpenSLO v1 services and SLOs of the plan {}, exported by the SRE Foundations Workbook.\n\
         # SLOs with queries have Prometheus metric sources; the others describe their indicator\n\
         # in words (metric source type SreFoundationsWorkbook) until queries are given.\n",
        quoted(&plan.name)
    );
    for (service, (_, sname)) in catalog.services.iter().zip(&service_names) {
        out.push_str(&format!(
            "---\napiVersion: {API_VERSION}\nkind: Service\nmetadata:\n  name: {}\n  displayName: {}\nspec:\n  description: {}\n",
            quoted(sname),
            limited(&service.name, DISPLAY_NAME_CHARS),
            limited(&service.description, DESCRIPTION_CHARS),
        ));
    }
    for slo in &catalog.slos {
        let slo_name = name(&slo.id, &mut taken);
        let (service_id, journey) = match &slo.subject {
            SloSubject::Service(id) => (id.clone(), None),
            SloSubject::Journey(id) => match catalog.journeys.by_id(id) {
                Some(j) => (j.service.clone(), Some(j)),
                None => (String::new(), None),
            },
        };
        let mut description = slo.sli.description.clone();
        if let Some(j) = journey {
            description = format!("User journey “{}”: {description}", j.name);
        }
        let indicator_name = name(&format!("{}-sli", slo.id), &mut taken);
        let mut sli_words = sli_label(slo.sli.kind).to_string();
        if let (SliKind::Latency, Some(ms)) = (slo.sli.kind, slo.sli.latency_threshold_ms) {
            sli_words = format!("Latency under {ms} ms");
        }
        let words = |what: &str| {
            format!(
                "        {what}:\n          metricSource:\n            type: SreFoundationsWorkbook\n            spec:\n              description: {}\n",
                quoted(&format!("{what} events: {}", slo.sli.description))
            )
        };
        let prometheus = |what: &str, query: &Selector| {
            format!(
                "        {what}:\n          metricSource:\n            type: Prometheus\n            spec:\n              query: {}\n",
                quoted(&query.to_promql())
            )
        };
        // The indicator, and what a threshold indicator adds to the objective.
        let (indicator, threshold) = match sli_queries(slo) {
            Ok(SliQueries::Events { counted, good, total }) => (
                format!(
                    "      ratioMetric:\n        counter: true\n{}{}",
                    prometheus(if good { "good" } else { "bad" }, &counted),
                    prometheus("total", &total)
                ),
                String::new(),
            ),
            Ok(SliQueries::Latency { good, total }) => (
                format!(
                    "      ratioMetric:\n        counter: true\n{}{}",
                    prometheus("good", &good),
                    prometheus("total", &total)
                ),
                String::new(),
            ),
            Ok(SliQueries::TimeSlices { gauge, good_when, threshold }) => (
                format!(
                    "      thresholdMetric:\n        metricSource:\n          type: Prometheus\n          spec:\n            query: {}\n",
                    quoted(&gauge.to_promql())
                ),
                format!(
                    "      op: {}\n      value: {}\n",
                    match good_when {
                        Comparison::AtMost => "lte",
                        Comparison::AtLeast => "gte",
                    },
                    number(threshold)
                ),
            ),
            Err(_) => (
                format!("      ratioMetric:\n        counter: true\n{}{}", words("good"), words("total")),
                String::new(),
            ),
        };
        let calendar = |duration: &str| {
            let start = slo.window.period().map_or(0, |p| p.start());
            format!(
                "    - duration: {duration}\n      isRolling: false\n      calendar:\n        startTime: \"{} 00:00:00\"\n        timeZone: UTC\n",
                format_date(start)
            )
        };
        let window = match slo.window {
            SloWindow::Rolling { days } => {
                format!("    - duration: {days}d\n      isRolling: true\n")
            }
            SloWindow::CalendarMonth { .. } => calendar("1M"),
            SloWindow::CalendarQuarter { .. } => calendar("1Q"),
        };
        let (method, slices) = match slo.budgeting {
            BudgetingMethod::Events { .. } => ("Occurrences", String::new()),
            BudgetingMethod::TimeSlices {
                slice_minutes,
                good_slice_percent,
            } => (
                "Timeslices",
                format!(
                    "      timeSliceTarget: {}\n      timeSliceWindow: {}\n",
                    ratio(good_slice_percent),
                    duration(slice_minutes)
                ),
            ),
        };
        out.push_str(&format!(
            "---\napiVersion: {API_VERSION}\nkind: SLO\nmetadata:\n  name: {}\n  displayName: {}\nspec:\n  description: {}\n  service: {}\n  indicator:\n    metadata:\n      name: {}\n      displayName: {}\n    spec:\n{indicator}  timeWindow:\n{window}  budgetingMethod: {method}\n  objectives:\n    - displayName: {}\n{threshold}      target: {}\n{slices}",
            quoted(&slo_name),
            limited(&slo.name, DISPLAY_NAME_CHARS),
            limited(&description, DESCRIPTION_CHARS),
            quoted(&service_name(&service_id)),
            quoted(&indicator_name),
            limited(&sli_words, DISPLAY_NAME_CHARS),
            quoted(&slo.name),
            ratio(slo.target_percent),
        ));
    }
    out
}
