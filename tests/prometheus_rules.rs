//! The Prometheus rule export checked by Prometheus itself: `promtool check rules` on the
//! example plan's file and on generated plans, and `promtool test rules` on tests made from
//! the workbook's own alert table: a full outage fires the first page alert no earlier than
//! the table's "Fires after" and no later than one evaluation after it; a burn just under a
//! tier's threshold leaves that tier silent; traffic under the guard fires nothing.
//! Needs `promtool` (Debian's `prometheus` package; `make test` installs it).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/promtool.rs"]
mod promtool;
use promtool::{promtool, scratch};

use sre_workbook::interop::prometheus_rules::prometheus_rules;
use sre_workbook::interop::yaml::quoted;
use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::{AlertSeverity, AlertTier, Plan, SliMetrics, SloWindow};
use sre_workbook::model::slo::budget::{burn_rate_rules, ErrorBudget};
use sre_workbook::model::slo::figures::alert_rows;

#[test]
fn promtool_accepts_the_example_plans_rules() {
    let dir = scratch("rules-example");
    let plan = example_plan();
    std::fs::write(dir.join("plan.rules.yml"), prometheus_rules(&plan, None)).unwrap();
    std::fs::write(
        dir.join("shop.rules.yml"),
        prometheus_rules(&plan, Some("shop-api")),
    )
    .unwrap();
    let out = promtool(
        &["check", "rules", "plan.rules.yml", "shop.rules.yml"],
        &dir,
    );
    // Four SLOs have queries: 5 + 4 + 5 + 5 recording rules (windows, guard) and 3 alerts each.
    assert!(out.contains("SUCCESS: 33 rules found"), "{out}");
    assert!(!out.contains("duplicate"), "{out}");
}

/// Generated plans: every SLO of the example gets queries of each kind, calendar and
/// rolling windows, chosen tiers, hostile names and label values.
fn generated_plans() -> Vec<Plan> {
    let kinds = [
        SliMetrics::Events {
            good: None,
            bad: Some(r#"errors_total{job="a\"b", path=~"/x|{y}"}"#.into()),
            total: "requests_total".into(),
        },
        SliMetrics::Events {
            good: Some(r#"{__name__="ok_total", env!="dev"}"#.into()),
            bad: None,
            total: r#"all_total{env!="dev"}"#.into(),
        },
        SliMetrics::Latency {
            histogram: "rpc_duration_seconds_bucket".into(),
            matchers: r#"service="x", method!~"Health.*""#.into(),
            le: "0.25".into(),
        },
        SliMetrics::TimeSlices {
            gauge: r#"queue_lag_seconds{queue="in"}"#.into(),
            good_when: sre_workbook::model::plan::Comparison::AtLeast,
            threshold: -1.5,
        },
    ];
    let windows = [
        SloWindow::Rolling { days: 7 },
        SloWindow::Rolling { days: 28 },
        SloWindow::CalendarMonth {
            month: "2027-02".into(),
        },
        SloWindow::CalendarQuarter {
            quarter: "2027-Q3".into(),
        },
    ];
    (0..12)
        .map(|n| {
            let mut plan = example_plan();
            plan.scenarios.clear();
            for (i, slo) in plan.slo_catalog.slos.iter_mut().enumerate() {
                slo.metrics = Some(kinds[(n + i) % kinds.len()].clone());
                slo.window = windows[(n * 3 + i) % windows.len()].clone();
                slo.name = format!("{} {{{{ $value }}}} \"quoted\" #{n}", slo.name);
                slo.alerting
                    .labels
                    .insert("owner".into(), "team {{x}} \\ \"q\"".into());
                slo.alerting.min_events_per_hour = (i % 2 == 0).then_some(12.5 * n as f64);
                if n % 3 == 1 {
                    // Pyrra-like four tiers.
                    slo.alerting.tiers = [
                        (60, 5, 2.0),
                        (360, 30, 5.0),
                        (1440, 120, 10.0),
                        (5760, 360, 10.0),
                    ]
                    .iter()
                    .map(|&(long, short, share)| AlertTier {
                        severity: if long < 1440 {
                            AlertSeverity::Page
                        } else {
                            AlertSeverity::Ticket
                        },
                        long_minutes: long.min(slo.window.days() * 1440),
                        short_minutes: short,
                        budget_percent: share,
                    })
                    .collect();
                } else if n % 3 == 2 {
                    slo.alerting.tiers.clear();
                }
            }
            plan
        })
        .collect()
}

#[test]
fn promtool_accepts_rules_of_generated_plans() {
    let dir = scratch("rules-generated");
    let mut files = Vec::new();
    for (n, plan) in generated_plans().iter().enumerate() {
        assert_eq!(
            sre_workbook::model::plan::validate::validate(plan),
            vec![],
            "plan {n}"
        );
        let name = format!("plan-{n}.rules.yml");
        std::fs::write(dir.join(&name), prometheus_rules(plan, None)).unwrap();
        files.push(name);
    }
    let mut args = vec!["check", "rules"];
    args.extend(files.iter().map(String::as_str));
    let out = promtool(&args, &dir);
    assert_eq!(out.matches("SUCCESS").count(), files.len(), "{out}");
}

/// The example's checkout SLO alone (99.9 % over 30 days, the Workbook's three tiers,
/// at least 60 events an hour), over two series: successes and server errors.
fn checkout_only() -> Plan {
    let mut plan = example_plan();
    plan.slo_catalog
        .slos
        .retain(|s| s.id == "checkout-availability");
    plan.scenarios.clear();
    let slo = &mut plan.slo_catalog.slos[0];
    slo.metrics = Some(SliMetrics::Events {
        good: None,
        bad: Some(r#"http_requests_total{job="shop-api", code=~"5.."}"#.into()),
        total: r#"http_requests_total{job="shop-api"}"#.into(),
    });
    slo.alerting.min_events_per_hour = Some(60.0);
    // Go template text typed by a user must come out of Prometheus as typed.
    slo.name = "Label purchase {{ $value }} succeeds }}".into();
    slo.alerting
        .labels
        .insert("team".into(), "checkout {{ $labels.job }}".into());
    plan
}

/// An alert's labels and its annotations, as `promtool test rules` expects them.
type ExpectedAlert = (
    Vec<(&'static str, &'static str)>,
    [(&'static str, String); 2],
);

/// The labels and annotations each alert tier of [`checkout_only`] must carry when it
/// fires, written out from the workbook's table (99.9 % over 30 days: 43.2 minutes of
/// budget; tiers 2 % in 1 h / 5 min at 14.4×, 5 % in 6 h / 30 min at 6×, 10 % in 3 d / 6 h
/// at 1×), not taken from the code under test.
fn expected_alert(tier: usize) -> ExpectedAlert {
    let (severity, long, short, percent, long_words, short_words, rate, ratio) = [
        ("page", "1h", "5m", "2", "1 h", "5 min", "14.4", "1.44"),
        ("page", "6h", "30m", "5", "6 h", "30 min", "6", "0.6"),
        ("ticket", "3d", "6h", "10", "3 d", "6 h", "1", "0.1"),
    ][tier];
    let labels = vec![
        ("severity", severity),
        ("long_window", long),
        ("short_window", short),
        ("runbook", "https://runbooks.parcelry.example/checkout"),
        ("team", "checkout {{ $labels.job }}"),
        ("slo", "checkout-availability"),
        ("service", "shop-api"),
    ];
    let annotations = [
        (
            "summary",
            format!("Label purchase {{{{ $value }}}} succeeds }}}}: error budget burning {rate}× too fast"),
        ),
        (
            "description",
            format!(
                "SLO 99.9 % over rolling 30 days (budget 43 min 12 s of full outage). Fires when {percent} % of the budget was spent within {long_words} and the last {short_words} still burn that fast: burn rate above {rate}, error ratio above {ratio} %. Silent while fewer than 60 events arrived in the last hour."
            ),
        ),
    ];
    (labels, annotations)
}

/// A `promtool test rules` case: counters of successes and errors per minute, and at each
/// evaluation minute the alert tiers (by index) expected to fire.
struct Case {
    name: String,
    ok_per_minute: Vec<f64>,
    errors_per_minute: Vec<f64>,
    firing_at: Vec<(u32, Vec<usize>)>,
}

fn counter(per_minute: &[f64]) -> String {
    let mut total = 0.0;
    let mut values = vec!["0".to_string()];
    for n in per_minute {
        total += n;
        values.push(format!("{total}"));
    }
    values.join(" ")
}

fn test_file(cases: &[Case]) -> String {
    let name = "SloCheckoutAvailabilityBudgetBurn";
    let mut out = String::from("rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n");
    for case in cases {
        out.push_str(&format!(
            "  - name: {}\n    interval: 1m\n    input_series:\n      - series: 'http_requests_total{{job=\"shop-api\", code=\"200\"}}'\n        values: '{}'\n      - series: 'http_requests_total{{job=\"shop-api\", code=\"500\"}}'\n        values: '{}'\n    alert_rule_test:\n",
            quoted(&case.name),
            counter(&case.ok_per_minute),
            counter(&case.errors_per_minute)
        ));
        for (minute, firing) in &case.firing_at {
            out.push_str(&format!(
                "      - eval_time: {minute}m\n        alertname: {name}\n        exp_alerts:"
            ));
            if firing.is_empty() {
                out.push_str(" []\n");
                continue;
            }
            out.push('\n');
            for &k in firing {
                let (labels, annotations) = expected_alert(k);
                out.push_str("          - exp_labels:\n");
                for (key, value) in labels {
                    out.push_str(&format!("              {key}: {}\n", quoted(value)));
                }
                out.push_str("            exp_annotations:\n");
                for (key, value) in annotations {
                    out.push_str(&format!("              {key}: {}\n", quoted(&value)));
                }
            }
        }
    }
    out
}

#[test]
fn promtool_fires_the_alerts_the_workbook_table_promises() {
    let plan = checkout_only();
    let slo = &plan.slo_catalog.slos[0];
    let budget = ErrorBudget::of_slo(slo);
    let rules = burn_rate_rules(&slo.alerting.tiers, &budget);
    let all: Vec<usize> = (0..rules.len()).collect();
    // The table's "Fires after" for a full outage on the first page tier: 1 h × 14.4 / 1000.
    let rows = alert_rows(slo, 1.0);
    assert_eq!(rows[0].full_outage, "51.8 s");
    let fires_after = rules[0].time_to_fire(&budget, 1.0).unwrap();
    assert!(fires_after < 1.0);
    // Healthy for an hour (100 requests a minute), then every request fails from minute 60:
    // nothing at minute 60; by 60 + 0.864 + 1 evaluation (minute 61) every tier pages or
    // tickets (the 1 h window then holds 100 errors in 6,000 requests, above 1.44 %).
    let healthy = 60;
    let outage = Case {
        name: "full outage from minute 60".into(),
        ok_per_minute: [vec![100.0; healthy], vec![0.0; 30]].concat(),
        errors_per_minute: [vec![0.0; healthy], vec![100.0; 30]].concat(),
        firing_at: vec![(60, vec![]), (61, all.clone()), (70, all.clone())],
    };
    // A burn just under each tier's threshold (99 % of it), from the start: that tier stays
    // silent; only tiers with a lower threshold fire.
    let mut cases = vec![outage];
    for (k, rule) in rules.iter().enumerate() {
        let ratio = 0.99 * rule.threshold * budget.fraction();
        let firing: Vec<usize> = (0..rules.len())
            .filter(|&j| rules[j].threshold * budget.fraction() < ratio)
            .collect();
        assert!(!firing.contains(&k));
        cases.push(Case {
            name: format!("burn just under tier {} ({}×)", k + 1, rule.threshold),
            ok_per_minute: vec![1000.0 * (1.0 - ratio); 90],
            errors_per_minute: vec![1000.0 * ratio; 90],
            firing_at: vec![(10, firing.clone()), (90, firing)],
        });
    }
    // Traffic under the guard (30 requests an hour, all failing) fires nothing.
    cases.push(Case {
        name: "full outage under the low-traffic guard".into(),
        ok_per_minute: vec![0.0; 120],
        errors_per_minute: vec![0.5; 120],
        firing_at: vec![(61, vec![]), (120, vec![])],
    });
    let dir = scratch("rules-unit");
    std::fs::write(dir.join("rules.yml"), prometheus_rules(&plan, None)).unwrap();
    std::fs::write(dir.join("test.yml"), test_file(&cases)).unwrap();
    let out = promtool(&["test", "rules", "test.yml"], &dir);
    assert!(out.contains("SUCCESS"), "{out}");
}
