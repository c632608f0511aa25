//! The alert lab checked by Prometheus itself: each Prometheus-based scheme's rules (the
//! SLO's own tiers, Sloth, Pyrra, Grafana SLO, Datadog) written as PromQL alerting rules
//! with their windows, factors, comparison and `for:`, run by `promtool test rules` over
//! the same minutes; every minute in which the lab says a rule changes state (and every
//! hour) must agree with Prometheus' evaluation. On a synthetic history with incidents
//! worked out by hand, on a burn exactly at a threshold (where `>` and `≥` part), and on
//! the example plan's kept history.
//!
//! The rules divide `sum_over_time` of per-minute bad and total counts rather than two
//! `rate`s of counters: the same event-weighted ratio, without `rate`'s extrapolation at
//! the edges of a range, so the test compares the schemes and not Prometheus' counter
//! arithmetic. A rule is evaluated, as in the lab, once its long window lies wholly within
//! the history. slo-generator is not a Prometheus tool (it rounds in Python); its rounding
//! is tested on the host (model::alert_lab::evaluate).
//! Needs `promtool` (Debian's `prometheus` package; `make test` installs it).
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;

#[path = "common/promtool.rs"]
mod promtool;
use promtool::{promtool, scratch};

use sre_workbook::model::alert_lab::evaluate::{firing_minutes, Minutes, Sums};
use sre_workbook::model::alert_lab::schemes::{scheme_rules, Comparison, Scheme};
use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::AlertSeverity;
use sre_workbook::model::slo::budget::default_alert_tiers;
use sre_workbook::replay::minute_grid::lay_on_minutes;

const SCHEMES: [Scheme; 5] = [
    Scheme::PlanTiers,
    Scheme::Sloth,
    Scheme::Pyrra,
    Scheme::Grafana,
    Scheme::Datadog,
];

/// A range that holds exactly `minutes` one-minute samples ending at the evaluation time
/// (Prometheus 2's ranges include both ends).
fn range(minutes: usize) -> String {
    format!("{}s", minutes * 60 - 1)
}

/// Per scheme and rule: alert name, labels, and the lab's firing minutes.
struct Expected {
    name: String,
    severity: &'static str,
    fires: Vec<bool>,
}

/// The rules file, and what the lab expects of each rule.
fn rules_and_expectations(
    minutes: &Minutes,
    target: f64,
    window_days: u32,
) -> (String, Vec<Expected>) {
    let fraction = 1.0 - target / 100.0;
    let sums = Sums::of(minutes);
    let tiers = default_alert_tiers(window_days);
    let mut yaml = String::from("groups:\n  - name: alert-lab\n    interval: 1m\n    rules:\n");
    let mut expected = Vec::new();
    for scheme in SCHEMES {
        let rules = scheme_rules(scheme, window_days, &tiers);
        for (k, rule) in rules.rules.iter().enumerate() {
            let name = format!("Lab_{scheme:?}_{k}");
            let op = match rule.comparison {
                Comparison::Above => ">",
                Comparison::AtLeast => ">=",
            };
            let need = rule.factor * fraction;
            let window = |m: usize| {
                format!(
                    "(sum_over_time(lab_bad[{r}]) / sum_over_time(lab_total[{r}]) {op} {need:?})",
                    r = range(m)
                )
            };
            let mut expr = window(rule.long_minutes);
            if let Some(short) = rule.short_minutes {
                write!(expr, " and {}", window(short)).unwrap();
            }
            write!(
                expr,
                " and on() (vector(time()) >= {})",
                (rule.long_minutes - 1) * 60
            )
            .unwrap();
            let severity = match rule.severity {
                AlertSeverity::Page => "page",
                AlertSeverity::Ticket => "ticket",
            };
            writeln!(yaml, "      - alert: {name}\n        expr: '{expr}'").unwrap();
            if rule.for_minutes > 0 {
                writeln!(yaml, "        for: {}m", rule.for_minutes).unwrap();
            }
            writeln!(yaml, "        labels:\n          severity: {severity}").unwrap();
            expected.push(Expected {
                name,
                severity,
                fires: firing_minutes(rule, &sums, fraction),
            });
        }
    }
    (yaml, expected)
}

/// The test file: the minutes as two series, and at each minute where a rule changes
/// state (and the one before), and every hour, the alerts the lab says are firing.
fn test_file(minutes: &Minutes, expected: &[Expected]) -> String {
    let n = minutes.total.len();
    let values = |xs: Vec<f64>| {
        xs.iter()
            .map(|x| format!("{x:?}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let bad: Vec<f64> = minutes
        .total
        .iter()
        .zip(&minutes.good)
        .map(|(t, g)| t - g)
        .collect();
    let mut at: Vec<usize> = (0..n).step_by(60).collect();
    for e in expected {
        for m in 1..n {
            if e.fires[m] != e.fires[m - 1] {
                at.extend([m - 1, m]);
            }
        }
    }
    at.sort_unstable();
    at.dedup();
    let mut out = format!(
        "rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n      - series: 'lab_bad'\n        values: '{}'\n      - series: 'lab_total'\n        values: '{}'\n    alert_rule_test:\n",
        values(bad),
        values(minutes.total.clone())
    );
    for &m in &at {
        for e in expected {
            write!(
                out,
                "      - eval_time: {m}m\n        alertname: {}\n        exp_alerts:",
                e.name
            )
            .unwrap();
            if e.fires[m] {
                writeln!(
                    out,
                    "\n          - exp_labels:\n              severity: {}",
                    e.severity
                )
                .unwrap();
            } else {
                out.push_str(" []\n");
            }
        }
    }
    out
}

fn check_with_promtool(
    name: &str,
    minutes: &Minutes,
    target: f64,
    window_days: u32,
) -> Vec<Expected> {
    let (rules, expected) = rules_and_expectations(minutes, target, window_days);
    let dir = scratch(name);
    std::fs::write(dir.join("rules.yml"), &rules).unwrap();
    std::fs::write(dir.join("test.yml"), test_file(minutes, &expected)).unwrap();
    promtool(&["check", "rules", "rules.yml"], &dir);
    let out = promtool(&["test", "rules", "test.yml"], &dir);
    assert!(out.contains("SUCCESS"), "{out}");
    expected
}

/// The first minute the rule named `name` fires, as the lab (and Prometheus) say.
fn first_firing(expected: &[Expected], name: &str) -> Option<usize> {
    let rule = expected.iter().find(|e| e.name == name).unwrap();
    rule.fires.iter().position(|&f| f)
}

/// 5 days at 997 requests a minute with one failure every 50th minute, and three
/// incidents: a 20-minute full outage on day 1 at 10:00, 3 hours at 5 % errors (50 of 997)
/// from day 2 at 02:00, and 45 minutes at 30 % (299 of 997) from day 4 at 14:00.
fn synthetic() -> Minutes {
    let n = 5 * 1440;
    let total = vec![997.0; n];
    let bad = |m: usize| -> f64 {
        let (day, minute) = (m / 1440, m % 1440);
        match (day, minute) {
            (1, 600..620) => 997.0,
            (2, 120..300) => 50.0,
            (4, 840..885) => 299.0,
            _ if m.is_multiple_of(50) => 1.0,
            _ => 0.0,
        }
    };
    let good = (0..n).map(|m| 997.0 - bad(m)).collect();
    Minutes { good, total }
}

#[test]
fn prometheus_fires_each_scheme_where_the_lab_says_on_a_synthetic_history() {
    let minutes = synthetic();
    let expected = check_with_promtool("alert-lab-synthetic", &minutes, 99.9, 30);
    let first = |name: &str| first_firing(&expected, name);
    // Worked by hand (99.9 %, 30 days; the outage starts at minute 1440 + 600 = 2040):
    // one failed minute is 997 of 59,820 requests in the hour, 1.67 % > 14.4 × 0.1 %, and
    // 997 of 4,985 in 5 minutes: the SRE Workbook's and Sloth's page fire at once.
    assert_eq!(first("Lab_PlanTiers_0"), Some(2040));
    assert_eq!(first("Lab_Sloth_0"), Some(2040));
    // Pyrra's 14× tier holds for 2 minutes first (and its long window is 1 h 4 min).
    assert_eq!(first("Lab_Pyrra_0"), Some(2042));
    // Grafana's 14.4× over 5 min and 1 h, ≥: the same minute.
    assert_eq!(first("Lab_Grafana_0"), Some(2040));
    // The 6 h page tier needs 0.6 % over 6 h (358,920 requests): 2,154 bad. The outage's
    // third minute has 2,991.
    assert_eq!(first("Lab_PlanTiers_1"), Some(2042));
    // Day 2's 5 % (50×) incident from minute 2 × 1440 + 120: after 41 minutes the 6 h
    // window holds 2,050 bad plus at most 8 single failures, under 2,154; after 46,
    // 2,300: firing.
    let six_hours = &expected[1].fires;
    assert!(!six_hours[2 * 1440 + 120 + 40]);
    assert!(six_hours[2 * 1440 + 120 + 45]);
}

#[test]
fn prometheus_fires_each_scheme_where_the_lab_says_on_the_example_history() {
    let plan = example_plan();
    let history = &plan.histories[0];
    let samples = history.series.decode().unwrap();
    let grid = lay_on_minutes(&samples, history.weight, history.gaps).unwrap();
    let slo = plan
        .slo_catalog
        .slos
        .iter()
        .find(|s| s.id == history.slo)
        .unwrap();
    let minutes = Minutes {
        good: grid.good.clone(),
        total: grid.total.clone(),
    };
    let expected = check_with_promtool(
        "alert-lab-example",
        &minutes,
        slo.target_percent,
        slo.window.days(),
    );
    // The example's 30-minute outage pages under the SRE Workbook's tiers.
    assert!(expected[0].fires.iter().any(|&f| f));
}

#[test]
fn prometheus_and_the_lab_agree_on_a_burn_exactly_at_a_threshold() {
    // A target whose budget is a power of two, 1 − 99.90234375 % = 2⁻¹⁰, and 6 bad of 1,024
    // requests every minute: every window's error ratio is exactly 6 × 2⁻¹⁰, the 6× tiers'
    // threshold, with no rounding anywhere. Grafana and Datadog compare with ≥ and fire
    // once the 6 h window is whole (minute 359); the SRE Workbook's and Sloth's > never do.
    let n = 1440;
    let minutes = Minutes {
        good: vec![1018.0; n],
        total: vec![1024.0; n],
    };
    let expected = check_with_promtool("alert-lab-tie", &minutes, 99.902_343_75, 30);
    let first = |name: &str| first_firing(&expected, name);
    assert_eq!(first("Lab_Grafana_1"), Some(359));
    assert_eq!(first("Lab_Datadog_1"), Some(359));
    assert_eq!(first("Lab_Sloth_1"), None);
    assert_eq!(first("Lab_PlanTiers_1"), None);
}
