//! Pyrra's `pyrra.dev/v1alpha1` ServiceLevelObjective documents, one per SLO: the target
//! as a string, the window, and the indicator as single metric selectors (errors and total,
//! or a latency bucket and its count). Pyrra counts errors, so an SLI given as good events
//! or as a gauge against a threshold cannot be written for it; those are listed as skipped.

use std::collections::HashSet;

use super::prometheus_rules::template_text;
use super::sli_queries::{exported_slos, prometheus_duration, skipped_line, SliQueries};
use super::yaml::{comment, dns_name, quoted};
use crate::model::plan::{Plan, SloWindow};
use crate::model::slo::figures::{format_number, window_label};

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

/// Whether Kubernetes takes `text` as a label value: at most 63 characters, empty or
/// `[A-Za-z0-9]` at both ends with `-`, `_` and `.` between (apimachinery's
/// `IsValidLabelValue`).
pub fn is_label_value(text: &str) -> bool {
    let ends = |c: Option<char>| c.is_none_or(|c| c.is_ascii_alphanumeric());
    text.len() <= 63
        && ends(text.chars().next())
        && ends(text.chars().last())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
}

/// The `metadata.labels` and `metadata.annotations` lines carrying an SLO's alert labels.
///
/// Pyrra copies `metadata.labels` whose key starts with `pyrra.dev/` into the labels of the
/// alerts it generates, and `metadata.annotations` with that prefix into their annotations
/// (pyrra-dev/pyrra 1ba95afb, `kubernetes/api/v1alpha1/servicelevelobjective_types.go:628`
/// reads the labels, `:647` passes the annotations on; `slo/rules.go:596` `commonRuleLabels`
/// and `:610` `commonRuleAnnotations` strip the prefix). A value Kubernetes refuses as a
/// label value (a runbook URL, a space, more than 63 characters) would make `kubectl apply`
/// refuse the whole file, so it is written as an annotation: it still reaches every alert,
/// as an annotation rather than a label. A label name Kubernetes refuses as a key (one that
/// starts or ends with `_`, or longer than 63 characters) fits neither and is left out, said
/// so in a comment. Values are alert text, so Go template braces are escaped
/// ([`template_text`]).
fn metadata_lines(labels: &std::collections::BTreeMap<String, String>) -> String {
    let (mut as_labels, mut as_annotations, mut left_out) =
        (String::new(), String::new(), Vec::new());
    for (key, value) in labels {
        if !is_label_value(key) || key.is_empty() {
            left_out.push(comment(key));
            continue;
        }
        let value = template_text(value);
        let line = format!(
            "    {}: {}\n",
            quoted(&format!("pyrra.dev/{key}")),
            quoted(&value)
        );
        if is_label_value(&value) {
            as_labels.push_str(&line);
        } else {
            as_annotations.push_str(&line);
        }
    }
    let mut out = String::new();
    if !left_out.is_empty() {
        out.push_str(&format!(
            "  # Left out: Kubernetes takes no label or annotation named pyrra.dev/{}.\n",
            left_out.join(", pyrra.dev/")
        ));
    }
    if !as_labels.is_empty() {
        out.push_str(&format!("  labels:\n{as_labels}"));
    }
    if !as_annotations.is_empty() {
        out.push_str(&format!("  annotations:\n{as_annotations}"));
    }
    out
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
                skipped.push_str(&skipped_line(slo, &why));
                continue;
            }
        };
        let metadata = metadata_lines(&slo.alerting.labels);
        let note = match slo.window {
            SloWindow::Rolling { .. } => String::new(),
            _ => format!(
                "# Note: planned over {}; Pyrra measures a rolling window of the same length.\n",
                window_label(&slo.window)
            ),
        };
        documents.push_str(&format!(
            "---\n{note}apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata:\n  name: {}\n  namespace: {NAMESPACE}\n{metadata}spec:\n  target: {}\n  window: {}\n  description: {}\n{block}",
            quoted(&dns_name(&slo.id, &mut taken)),
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
