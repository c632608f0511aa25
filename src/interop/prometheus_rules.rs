//! A Prometheus rule file for the plan's SLOs (or one service's): recording rules for the
//! SLI error ratio over every window the alert tiers use, the multi-window multi-burn-rate
//! alerts with their severity, the low-traffic guard, and annotations that state the SLO,
//! the budget and the threshold. `promtool check rules` accepts it (host tests run it).

use std::collections::BTreeSet;

use super::sli_queries::{exported_slos, prometheus_duration, service_of, skipped_comment};
use super::yaml::{key, number, quoted};
use crate::model::plan::{AlertSeverity, Plan};
use crate::model::slo::budget::{burn_rate_rules, format_duration, ErrorBudget};
use crate::model::slo::figures::{format_number, window_label};
use crate::model::slo::promql::quote;

/// The recording rule of the SLI error ratio over `window`.
pub fn error_ratio_record(window: &str) -> String {
    format!("slo:sli_error:ratio_rate{window}")
}

/// The recording rule of the events counted over the last hour (the low-traffic guard).
pub const EVENTS_LAST_HOUR_RECORD: &str = "slo:sli_events:increase1h";

/// The alert name of an SLO: its id in PascalCase, then `BudgetBurn`.
pub fn alert_name(slo_id: &str) -> String {
    let mut name = String::from("Slo");
    for word in slo_id.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name.push_str("BudgetBurn");
    name
}

/// Text for an alert label or annotation, which Prometheus reads as a Go template: braces
/// a user typed are printed, never run (`{{` becomes `{{ "{{" }}`). The one way plan text
/// enters alert labels and annotations, here and in the Sloth and Pyrra exports, whose
/// labels and annotations end up in Prometheus alerting rules.
pub fn template_text(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let pair = &rest[at..];
        if let Some(after) = pair.strip_prefix("{{") {
            out.push_str("{{ \"{{\" }}");
            rest = after;
        } else if let Some(after) = pair.strip_prefix("}}") {
            out.push_str("{{ \"}}\" }}");
            rest = after;
        } else {
            out.push_str(&pair[..1]);
            rest = &pair[1..];
        }
    }
    out.push_str(rest);
    out
}

/// One rule of a rule file.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// A recording rule.
    Record {
        /// The recorded series' name.
        record: String,
        /// Its PromQL.
        expr: String,
        /// Its labels.
        labels: Vec<(String, String)>,
    },
    /// An alerting rule (no `for`: the short window already confirms the burn).
    Alert {
        /// The alert's name.
        alert: String,
        /// Its PromQL.
        expr: String,
        /// Labels the rule adds (severity, windows, the SLO's alert labels), as written.
        labels: Vec<(String, String)>,
        /// Summary and description, as written.
        annotations: Vec<(String, String)>,
        /// The labels of the recorded series the expression keeps (slo, service).
        series_labels: Vec<(String, String)>,
    },
}

/// One rule group: the rules of one SLO.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleGroup {
    /// The group's name, `slo-<id>`.
    pub name: String,
    /// Its rules, recording rules first.
    pub rules: Vec<Rule>,
}

/// The rule groups of the SLOs of `plan` (all of them, or those of `service`) that have
/// queries, and the comment listing the skipped ones.
pub fn rule_groups(plan: &Plan, service: Option<&str>) -> (Vec<RuleGroup>, String) {
    let exported = exported_slos(plan, service);
    let skipped = skipped_comment(&exported);
    let mut groups = Vec::new();
    for (slo, queries) in exported
        .iter()
        .filter_map(|(slo, q)| q.as_ref().ok().map(|q| (*slo, q)))
    {
        let service_id = service_of(plan, slo);
        let series_labels = vec![
            ("slo".to_string(), slo.id.clone()),
            ("service".to_string(), service_id.to_string()),
        ];
        let filter = format!("{{slo={}, service={}}}", quote(&slo.id), quote(service_id));
        let mut rules = Vec::new();
        let windows: BTreeSet<u32> = slo
            .alerting
            .tiers
            .iter()
            .flat_map(|t| [t.short_minutes, t.long_minutes])
            .collect();
        for minutes in &windows {
            let window = prometheus_duration(*minutes);
            rules.push(Rule::Record {
                record: error_ratio_record(&window),
                expr: queries.error_ratio(&window),
                labels: series_labels.clone(),
            });
        }
        let guard = slo.alerting.min_events_per_hour.zip(queries.total());
        if let Some((_, total)) = guard {
            rules.push(Rule::Record {
                record: EVENTS_LAST_HOUR_RECORD.to_string(),
                expr: format!("sum(increase({}[1h]))", total.to_promql()),
                labels: series_labels.clone(),
            });
        }
        let budget = ErrorBudget::of_slo(slo);
        let burn_rules = burn_rate_rules(&slo.alerting.tiers, &budget);
        for (tier, rule) in slo.alerting.tiers.iter().zip(&burn_rules) {
            let (long, short) = (
                prometheus_duration(tier.long_minutes),
                prometheus_duration(tier.short_minutes),
            );
            let ratio = number(rule.threshold * budget.fraction());
            let mut expr = format!(
                "{}{filter} > {ratio} and {}{filter} > {ratio}",
                error_ratio_record(&long),
                error_ratio_record(&short)
            );
            if let Some((events, _)) = guard {
                expr.push_str(&format!(
                    " and {EVENTS_LAST_HOUR_RECORD}{filter} >= {}",
                    number(events)
                ));
            }
            let severity = match tier.severity {
                AlertSeverity::Page => "page",
                AlertSeverity::Ticket => "ticket",
            };
            let mut labels = vec![
                ("severity".to_string(), severity.to_string()),
                ("long_window".to_string(), long),
                ("short_window".to_string(), short),
            ];
            labels.extend(
                slo.alerting
                    .labels
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone())),
            );
            let summary = format!(
                "{}: error budget burning {}× too fast",
                slo.name,
                format_number(rule.threshold, 2)
            );
            let description = format!(
                "SLO {} % over {} (budget {} of full outage). Fires when {} % of the budget was spent within {} and the last {} still burn that fast: burn rate above {}, error ratio above {} %.{}",
                format_number(slo.target_percent, 5),
                window_label(&slo.window),
                format_duration(budget.minutes()),
                format_number(tier.budget_percent, 2),
                format_duration(f64::from(tier.long_minutes)),
                format_duration(f64::from(tier.short_minutes)),
                format_number(rule.threshold, 2),
                format_number(rule.threshold * budget.fraction() * 100.0, 4),
                guard.map_or(String::new(), |(events, _)| format!(
                    " Silent while fewer than {} events arrived in the last hour.",
                    number(events)
                ))
            );
            rules.push(Rule::Alert {
                alert: alert_name(&slo.id),
                expr,
                labels,
                annotations: vec![
                    ("summary".to_string(), summary),
                    ("description".to_string(), description),
                ],
                series_labels: series_labels.clone(),
            });
        }
        groups.push(RuleGroup {
            name: format!("slo-{}", slo.id),
            rules,
        });
    }
    (groups, skipped)
}

/// YAML lines `key: "value"` at `indent`, values escaped for Go templates when `template`.
fn map_lines(pairs: &[(String, String)], indent: &str, template: bool) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let v = if template {
                template_text(v)
            } else {
                v.clone()
            };
            format!("{indent}{}: {}\n", key(k), quoted(&v))
        })
        .collect()
}

/// The rule file for the SLOs of `plan` (all of them, or those of `service`).
pub fn prometheus_rules(plan: &Plan, service: Option<&str>) -> String {
    let (groups, skipped) = rule_groups(plan, service);
    let mut out = format!(
        "# Prometheus rules for the SLOs of the plan {}, exported by the SRE Foundations Workbook.\n\
         # Check with `promtool check rules FILE`; load with rule_files in prometheus.yml.\n{skipped}",
        quoted(&plan.name)
    );
    if groups.is_empty() {
        out.push_str("groups: []\n");
        return out;
    }
    out.push_str("groups:\n");
    for group in &groups {
        out.push_str(&format!("  - name: {}\n    rules:\n", quoted(&group.name)));
        for rule in &group.rules {
            match rule {
                Rule::Record {
                    record,
                    expr,
                    labels,
                } => out.push_str(&format!(
                    "      - record: {record}\n        expr: {}\n        labels:\n{}",
                    quoted(expr),
                    map_lines(labels, "          ", false)
                )),
                Rule::Alert {
                    alert,
                    expr,
                    labels,
                    annotations,
                    ..
                } => out.push_str(&format!(
                    "      - alert: {alert}\n        expr: {}\n        labels:\n{}        annotations:\n{}",
                    quoted(expr),
                    map_lines(labels, "          ", true),
                    map_lines(annotations, "          ", true)
                )),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alert_names_and_template_text() {
        assert_eq!(
            alert_name("checkout-availability"),
            "SloCheckoutAvailabilityBudgetBurn"
        );
        assert_eq!(alert_name("x_y"), "SloXYBudgetBurn");
        assert_eq!(
            template_text("a {{ $x }} b {c}"),
            "a {{ \"{{\" }} $x {{ \"}}\" }} b {c}"
        );
    }
}
