//! Checks of the SLO catalog: services, journeys and SLOs with targets, windows, budgeting,
//! SLI queries, alert tiers, labels and policies a plan can use.

use std::collections::HashSet;

use crate::model::plan::calendar::{parse_date, parse_month, parse_quarter};
use crate::model::plan::checker::Checker;
use crate::model::plan::{
    Alerting, BudgetingMethod, ErrorBudgetPolicy, Plan, SliKind, SliMetrics, SloSubject, SloWindow,
};
use crate::model::slo::promql::{is_label_name, is_metric_name, parse_matchers, parse_selector};

/// Longest rolling window, in days.
pub const MAX_WINDOW_DAYS: u32 = 90;

/// Minutes in a day, for bounds on spans measured in minutes.
pub const DAY_MINUTES: u32 = 1440;

/// Checks the SLO catalog of `plan`.
pub fn check_slo_catalog(c: &mut Checker, plan: &Plan) {
    let cat = &plan.slo_catalog;
    let teams: HashSet<&str> = plan
        .transition
        .teams
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let services = c.ids("slo_catalog.services", cat.services.iter().map(|s| &s.id));
    let journeys = c.ids("slo_catalog.journeys", cat.journeys.iter().map(|j| &j.id));
    let _ = c.ids("slo_catalog.slos", cat.slos.iter().map(|s| &s.id));

    for (i, s) in cat.services.iter().enumerate() {
        let p = format!("slo_catalog.services[{i}]");
        c.text_required(&format!("{p}.name"), &s.name);
        c.text(&format!("{p}.description"), &s.description);
        if let Some(team) = &s.team {
            c.reference(&format!("{p}.team"), team, &teams, "team");
        }
    }
    for (i, j) in cat.journeys.iter().enumerate() {
        let p = format!("slo_catalog.journeys[{i}]");
        c.text_required(&format!("{p}.name"), &j.name);
        c.text(&format!("{p}.description"), &j.description);
        c.reference(&format!("{p}.service"), &j.service, &services, "service");
        if !(1..=5).contains(&j.priority) {
            c.fail(
                format!("{p}.priority"),
                format!("{} is not a priority between 1 (highest) and 5", j.priority),
            );
        }
        for (k, dep) in j.depends_on.iter().enumerate() {
            c.reference(&format!("{p}.depends_on[{k}]"), dep, &services, "service");
        }
    }
    for (i, slo) in cat.slos.iter().enumerate() {
        let p = format!("slo_catalog.slos[{i}]");
        c.text_required(&format!("{p}.name"), &slo.name);
        match &slo.subject {
            SloSubject::Service(id) => {
                c.reference(&format!("{p}.subject.id"), id, &services, "service")
            }
            SloSubject::Journey(id) => {
                c.reference(&format!("{p}.subject.id"), id, &journeys, "journey")
            }
        }
        c.text(&format!("{p}.sli.description"), &slo.sli.description);
        match (slo.sli.kind, slo.sli.latency_threshold_ms) {
            (SliKind::Latency, None) => c.fail(
                format!("{p}.sli.latency_threshold_ms"),
                "a latency SLI needs a threshold in milliseconds",
            ),
            (_, Some(ms)) => c.positive(&format!("{p}.sli.latency_threshold_ms"), ms),
            _ => {}
        }
        if let Some(message) = target_percent_problem(slo.target_percent) {
            c.fail(format!("{p}.target_percent"), message);
        }
        check_window(c, &p, &slo.window);
        check_metrics(c, &format!("{p}.metrics"), slo.metrics.as_ref());
        check_alerting(
            c,
            &format!("{p}.alerting"),
            &slo.alerting,
            slo.window.days(),
        );
        check_budgeting(c, &p, &slo.budgeting);
        check_policy(c, &p, &slo.policy);
    }
}

/// Checks an SLO's window (`p` is the SLO's path): days in range, a real month or quarter.
fn check_window(c: &mut Checker, p: &str, window: &SloWindow) {
    match window {
        SloWindow::Rolling { days } if !(1..=MAX_WINDOW_DAYS).contains(days) => c.fail(
            format!("{p}.window.days"),
            format!("{days} is not a number of days between 1 and {MAX_WINDOW_DAYS}"),
        ),
        SloWindow::CalendarMonth { month } if parse_month(month).is_none() => c.fail(
            format!("{p}.window.month"),
            format!("{month:?} is not a month like \"2027-02\""),
        ),
        SloWindow::CalendarQuarter { quarter } if parse_quarter(quarter).is_none() => c.fail(
            format!("{p}.window.quarter"),
            format!("{quarter:?} is not a quarter like \"2027-Q1\""),
        ),
        _ => {}
    }
}

/// Checks how an SLO's budget is counted: events per day, or slices and their share.
fn check_budgeting(c: &mut Checker, p: &str, budgeting: &BudgetingMethod) {
    match budgeting {
        BudgetingMethod::Events { expected_per_day } => c.positive(
            &format!("{p}.budgeting.expected_per_day"),
            *expected_per_day,
        ),
        BudgetingMethod::TimeSlices {
            slice_minutes,
            good_slice_percent,
        } => {
            c.within(
                &format!("{p}.budgeting.slice_minutes"),
                *slice_minutes,
                1.0,
                1440.0,
            );
            if !(good_slice_percent.is_finite()
                && *good_slice_percent > 0.0
                && *good_slice_percent <= 100.0)
            {
                c.fail(
                    format!("{p}.budgeting.good_slice_percent"),
                    format!("{good_slice_percent} is not a percentage above 0 and up to 100"),
                );
            }
        }
    }
}

/// Checks an SLO's error-budget policy: who agreed and when, the review after that, and
/// thresholds rising, each with an action.
fn check_policy(c: &mut Checker, p: &str, policy: &ErrorBudgetPolicy) {
    c.text(&format!("{p}.policy.agreed_by"), &policy.agreed_by);
    if let Some(on) = &policy.agreed_on {
        c.date(&format!("{p}.policy.agreed_on"), on);
    }
    if let Some(review) = &policy.review_on {
        c.date(&format!("{p}.policy.review_on"), review);
        if let Some(on) = &policy.agreed_on {
            if parse_date(review)
                .zip(parse_date(on))
                .is_some_and(|(r, o)| r < o)
            {
                c.fail(
                    format!("{p}.policy.review_on"),
                    format!("{review} is before the policy was agreed ({on})"),
                );
            }
        }
    }
    let mut previous = f64::NEG_INFINITY;
    for (k, step) in policy.thresholds.iter().enumerate() {
        let sp = format!("{p}.policy.thresholds[{k}]");
        c.within(
            &format!("{sp}.consumed_percent"),
            step.consumed_percent,
            0.0,
            1000.0,
        );
        if step.consumed_percent <= previous {
            c.fail(
                format!("{sp}.consumed_percent"),
                format!(
                    "{} must be larger than the threshold before it ({previous})",
                    step.consumed_percent
                ),
            );
        }
        previous = step.consumed_percent;
        c.text_required(&format!("{sp}.action"), &step.action);
    }
}

/// Checks an SLO's queries: each parses as a metric selector; events need exactly one of
/// good and bad.
fn check_metrics(c: &mut Checker, path: &str, metrics: Option<&SliMetrics>) {
    let query = |c: &mut Checker, field: &str, text: &str| {
        c.text(&format!("{path}.{field}"), text);
        if let Err(e) = parse_selector(text) {
            c.fail(format!("{path}.{field}"), e.to_string());
        }
    };
    match metrics {
        None => {}
        Some(SliMetrics::Events { good, bad, total }) => {
            match (good, bad) {
                (Some(good), None) => query(c, "good", good),
                (None, Some(bad)) => query(c, "bad", bad),
                _ => c.fail(
                    format!("{path}.good"),
                    "give either a good-events query or a bad-events query (one of the two)",
                ),
            }
            query(c, "total", total);
        }
        Some(SliMetrics::Latency {
            histogram,
            matchers,
            le,
        }) => {
            if !is_metric_name(histogram) {
                c.fail(
                    format!("{path}.histogram"),
                    format!(
                        "{histogram:?} is not a metric name like http_request_duration_seconds"
                    ),
                );
            }
            c.text(&format!("{path}.matchers"), matchers);
            if let Err(e) = parse_matchers(matchers) {
                c.fail(format!("{path}.matchers"), e.to_string());
            }
            if !(le == "+Inf" || le.parse::<f64>().is_ok_and(|v| v.is_finite() && v >= 0.0)) {
                c.fail(
                    format!("{path}.le"),
                    format!("{le:?} is not a histogram bucket bound like \"0.3\""),
                );
            }
        }
        Some(SliMetrics::TimeSlices {
            gauge, threshold, ..
        }) => {
            query(c, "gauge", gauge);
            if !threshold.is_finite() {
                c.fail(
                    format!("{path}.threshold"),
                    format!("{threshold} is not a number"),
                );
            }
        }
    }
}

/// Most alert tiers an SLO may have.
pub const MAX_ALERT_TIERS: usize = 20;

/// Label names the workbook sets on every alert itself (the rule exports write them).
pub const RESERVED_LABELS: [&str; 3] = ["severity", "slo", "service"];

/// The longest long window an alert tier may have over an SLO window of `window_days`, in
/// minutes: the window itself (a window outside 1–90 days is reported on its own).
pub fn longest_alert_window(window_days: u32) -> u32 {
    window_days.clamp(1, MAX_WINDOW_DAYS) * DAY_MINUTES
}

/// Checks an SLO's alerting: tiers inside the window with a short window no longer than
/// the long one, a guard of 0 or more, and label names Prometheus takes
/// (`[a-zA-Z_][a-zA-Z0-9_]*`, not `__…`, not one the workbook sets). Label values are any
/// non-blank text. Kubernetes is stricter about label keys (no leading or trailing `_`, at
/// most 63 characters) and values: the Pyrra export handles that where it writes them
/// (`interop::pyrra`, annotations for values, a comment for keys it cannot carry).
fn check_alerting(c: &mut Checker, path: &str, alerting: &Alerting, window_days: u32) {
    let window = longest_alert_window(window_days);
    if alerting.tiers.len() > 20 {
        c.fail(
            format!("{path}.tiers"),
            format!(
                "holds {} tiers; at most 20 are allowed",
                alerting.tiers.len()
            ),
        );
    }
    for (k, tier) in alerting.tiers.iter().enumerate() {
        let tp = format!("{path}.tiers[{k}]");
        if !(1..=window).contains(&tier.long_minutes) {
            c.fail(
                format!("{tp}.long_minutes"),
                format!(
                    "{} is not a number of minutes from 1 to the SLO window ({window})",
                    tier.long_minutes
                ),
            );
        }
        if !(1..=tier.long_minutes.max(1)).contains(&tier.short_minutes) {
            c.fail(
                format!("{tp}.short_minutes"),
                format!(
                    "{} must be from 1 to the long window ({})",
                    tier.short_minutes, tier.long_minutes
                ),
            );
        }
        if !(tier.budget_percent.is_finite()
            && tier.budget_percent > 0.0
            && tier.budget_percent <= 100.0)
        {
            c.fail(
                format!("{tp}.budget_percent"),
                format!(
                    "{} is not a percentage above 0 and up to 100",
                    tier.budget_percent
                ),
            );
        }
    }
    for (key, value) in &alerting.labels {
        if !is_label_name(key) || key.starts_with("__") {
            c.fail(
                format!("{path}.labels.{key}"),
                "is not a Prometheus label name (letters, digits and _, not starting with a digit or __)",
            );
        } else if RESERVED_LABELS.contains(&key.as_str()) {
            c.fail(
                format!("{path}.labels.{key}"),
                "is set by the workbook itself; choose another label name",
            );
        }
        if value.trim().is_empty() {
            c.fail(
                format!("{path}.labels.{key}"),
                "needs a value (an empty label is no label to Prometheus, and Sloth refuses it)",
            );
        }
        c.text(&format!("{path}.labels.{key}"), value);
    }
    if let Some(guard) = alerting.min_events_per_hour {
        if !(guard.is_finite() && guard >= 0.0) {
            c.fail(
                format!("{path}.min_events_per_hour"),
                format!("{guard} must be a number of 0 or more"),
            );
        }
    }
}

/// Why an SLO target (percent) is not acceptable, or `None` when it is: more than 0, less
/// than 100, at most five decimals.
pub fn target_percent_problem(target: f64) -> Option<String> {
    if !target.is_finite() || target <= 0.0 || target >= 100.0 {
        return Some(format!("{target} is not between 0 and 100 (both excluded)"));
    }
    let scaled = target * 1e5;
    if (scaled - scaled.round()).abs() > 1e-4 {
        return Some(format!("{target} has more than five decimals"));
    }
    None
}
