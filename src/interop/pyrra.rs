//! Pyrra's `pyrra.dev/v1alpha1` ServiceLevelObjective documents, one per SLO: the target
//! as a string, the window, and the indicator as single metric selectors (errors and total,
//! or a latency bucket and its count). Pyrra counts errors, so an SLI given as good events
//! or as a gauge against a threshold cannot be written for it; those are listed as skipped.

use std::collections::HashSet;

use super::sli_queries::{exported_slos, prometheus_duration, SliQueries};
use super::yaml::{dns_name, quoted};
use crate::model::plan::{Plan, SloWindow};
use crate::model::slo_figures::{format_number, window_label};

/// The Kubernetes namespace written into each document, to be changed to the team's own.
pub const NAMESPACE: &str = "monitoring";

/// The indicator block, or why Pyrra cannot take this SLI.
fn indicator(queries: &SliQueries) -> Result<String, String> {
    match queries {
        SliQueries::Events {
            counted,
            good: false,
            total,
        } => Ok(format!(
            "  indicator:\n    ratio:\n      errors:\n        metric: {}\n      total:\n        metric: {}\n",
            quoted(&counted.to_promql()),
            quoted(&total.to_promql())
        )),
        SliQueries::Events { good: true, .. } => {
            Err("Pyrra counts errors: give a bad-events query instead of a good-events one".into())
        }
        SliQueries::Latency { good, total } => Ok(format!(
            "  indicator:\n    latency:\n      success:\n        metric: {}\n      total:\n        metric: {}\n",
            quoted(&good.to_promql()),
            quoted(&total.to_promql())
        )),
        SliQueries::TimeSlices { .. } => Err(
            "Pyrra's bool_gauge needs a gauge that is already 1 or 0; a gauge against a threshold is in the Prometheus rules export".into(),
        ),
    }
}

/// The Pyrra objectives for the SLOs of `plan` (all of them, or those of `service`).
pub fn pyrra_objectives(plan: &Plan, service: Option<&str>) -> String {
    let exported = exported_slos(plan, service);
    let mut documents = String::new();
    let mut skipped = String::new();
    let mut taken = HashSet::new();
    for (slo, queries) in &exported {
        let block = queries.clone().and_then(|q| indicator(&q));
        let block = match block {
            Ok(block) => block,
            Err(why) => {
                skipped.push_str(&format!(
                    "#   {} ({}): {why}\n",
                    slo.name.replace('\n', " "),
                    slo.id
                ));
                continue;
            }
        };
        let mut labels: String = slo
            .alerting
            .labels
            .iter()
            .map(|(k, v)| format!("    pyrra.dev/{k}: {}\n", quoted(v)))
            .collect();
        if !labels.is_empty() {
            labels = format!("  labels:\n{labels}");
        }
        let note = match slo.window {
            SloWindow::Rolling { .. } => String::new(),
            _ => format!(
                "# Note: planned over {}; Pyrra measures a rolling window of the same length.\n",
                window_label(&slo.window)
            ),
        };
        documents.push_str(&format!(
            "---\n{note}apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  name: {}\n  namespace: {NAMESPACE}\n{labels}spec:\n  target: {}\n  window: {}\n  description: {}\n{block}",
            dns_name(&slo.id, &mut taken),
            quoted(&format_number(slo.target_percent, 5)),
            prometheus_duration(slo.window.days() * 1440),
            quoted(&slo.name),
        ));
    }
    let mut out = format!(
        "# Pyrra ServiceLevelObjectives for the SLOs of the plan {}, exported by the SRE Foundations Workbook.\n\
         # Apply with kubectl into the namespace Pyrra watches (written as \"{NAMESPACE}\"); Pyrra\n\
         # generates its own four alert tiers from the window.\n",
        quoted(&plan.name)
    );
    if !skipped.is_empty() {
        out.push_str("# Skipped, with why:\n");
        out.push_str(&skipped);
    }
    out.push_str(&documents);
    out
}
