//! OpenSLO v1 YAML of the plan's services and SLOs: a `Service` per service and an `SLO` per
//! SLO with its indicator inline, its time window (rolling or calendar), its budgeting method
//! (Occurrences or Timeslices) and its objective. The workbook describes indicators in words,
//! so each metric source is of type `SreFoundationsWorkbook` carrying that description: teams
//! replace it with their monitoring system's query before applying the files.

use std::collections::HashSet;

use super::yaml::{dns_name as name, quoted};
use crate::model::calendar::format_date;
use crate::model::plan::{BudgetingMethod, Plan, SliKind, SloSubject, SloWindow};
use crate::model::slo_figures::sli_label;

/// The OpenSLO version written.
pub const API_VERSION: &str = "openslo/v1";

/// A duration in OpenSLO's shorthand: whole minutes as `Nm`, otherwise seconds as `Ns`.
fn duration(minutes: f64) -> String {
    if minutes.fract() == 0.0 {
        format!("{}m", minutes as u64)
    } else {
        format!("{}s", (minutes * 60.0).round() as u64)
    }
}

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
         # Indicators are described in words (metric source type SreFoundationsWorkbook):\n\
         # replace each metricSource with your monitoring system's query before applying.\n",
        quoted(&plan.name)
    );
    for (service, (_, sname)) in catalog.services.iter().zip(&service_names) {
        out.push_str(&format!(
            "---\napiVersion: {API_VERSION}\nkind: Service\nmetadata:\n  name: {sname}\n  displayName: {}\nspec:\n  description: {}\n",
            quoted(&service.name),
            quoted(&service.description),
        ));
    }
    for slo in &catalog.slos {
        let slo_name = name(&slo.id, &mut taken);
        let (service_id, journey) = match &slo.subject {
            SloSubject::Service(id) => (id.clone(), None),
            SloSubject::Journey(id) => match catalog.journeys.iter().find(|j| &j.id == id) {
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
        let source = |what: &str| {
            format!(
                "        {what}:\n          metricSource:\n            type: SreFoundationsWorkbook\n            spec:\n              description: {}\n",
                quoted(&format!("{what} events: {}", slo.sli.description))
            )
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
            "---\napiVersion: {API_VERSION}\nkind: SLO\nmetadata:\n  name: {slo_name}\n  displayName: {}\nspec:\n  description: {}\n  service: {}\n  indicator:\n    metadata:\n      name: {indicator_name}\n      displayName: {}\n    spec:\n      ratioMetric:\n        counter: true\n{}{}  timeWindow:\n{window}  budgetingMethod: {method}\n  objectives:\n    - displayName: {}\n      target: {}\n{slices}",
            quoted(&slo.name),
            quoted(&description),
            service_name(&service_id),
            quoted(&sli_words),
            source("good"),
            source("total"),
            quoted(&slo.name),
            ratio(slo.target_percent),
        ));
    }
    out
}
