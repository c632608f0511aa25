//! Checks of the scenarios: each on an SLO the plan has, with incidents, maintenance and
//! releases inside its window and in range.

use crate::model::plan::checker::Checker;
use crate::model::plan::ids::ById;
use crate::model::plan::Plan;
use crate::model::slo::validation::{target_percent_problem, DAY_MINUTES, MAX_WINDOW_DAYS};

/// Checks the scenarios of `plan`.
pub fn check_scenarios(c: &mut Checker, plan: &Plan) {
    let _ = c.ids("scenarios", plan.scenarios.iter().map(|s| &s.id));
    for (i, s) in plan.scenarios.iter().enumerate() {
        let p = format!("scenarios[{i}]");
        c.text_required(&format!("{p}.name"), &s.name);
        let slo = plan.slo_catalog.slos.by_id(&s.slo);
        if slo.is_none() {
            c.fail(
                format!("{p}.slo"),
                format!("refers to SLO {:?}, which is not in this plan", s.slo),
            );
        }
        // Spans are checked against the window only when the window itself is valid, so a
        // bad window is reported once rather than once per incident.
        let window_minutes = slo
            .map(|slo| slo.window.days())
            .filter(|days| (1..=MAX_WINDOW_DAYS).contains(days))
            .map(|days| days * DAY_MINUTES);
        if let Some(target) = s.target_override_percent {
            if let Some(message) = target_percent_problem(target) {
                c.fail(format!("{p}.target_override_percent"), message);
            }
        }
        c.within(
            &format!("{p}.baseline_error_ratio"),
            s.baseline_error_ratio,
            0.0,
            1.0,
        );
        for (k, x) in s.incidents.iter().enumerate() {
            let sp = format!("{p}.incidents[{k}]");
            check_span(
                c,
                &sp,
                (&x.label, x.start_minute, x.duration_minutes, x.error_ratio),
                window_minutes,
            );
        }
        for (k, x) in s.maintenance.iter().enumerate() {
            let sp = format!("{p}.maintenance[{k}]");
            check_span(
                c,
                &sp,
                (&x.label, x.start_minute, x.duration_minutes, x.error_ratio),
                window_minutes,
            );
        }
        let r = &s.releases;
        c.within(
            &format!("{p}.releases.releases_per_week"),
            r.releases_per_week,
            0.0,
            10_000.0,
        );
        c.within(
            &format!("{p}.releases.change_failure_rate"),
            r.change_failure_rate,
            0.0,
            1.0,
        );
        let restore_limit = window_minutes.unwrap_or(MAX_WINDOW_DAYS * DAY_MINUTES);
        if !(r.restore_minutes.is_finite()
            && (0.0..=f64::from(restore_limit)).contains(&r.restore_minutes))
        {
            c.fail(
                format!("{p}.releases.restore_minutes"),
                format!(
                    "{} is not a number of minutes between 0 and the SLO window of {restore_limit} minutes",
                    r.restore_minutes
                ),
            );
        }
        c.within(
            &format!("{p}.releases.error_ratio"),
            r.error_ratio,
            0.0,
            1.0,
        );
        let m = &s.monte_carlo;
        c.within(
            &format!("{p}.monte_carlo.incidents_per_window"),
            m.incidents_per_window,
            0.0,
            1000.0,
        );
        c.positive(
            &format!("{p}.monte_carlo.median_restore_minutes"),
            m.median_restore_minutes,
        );
        if !(m.p90_restore_minutes.is_finite() && m.p90_restore_minutes >= m.median_restore_minutes)
        {
            c.fail(
                format!("{p}.monte_carlo.p90_restore_minutes"),
                format!(
                    "{} must be at least the median ({})",
                    m.p90_restore_minutes, m.median_restore_minutes
                ),
            );
        }
        c.within(
            &format!("{p}.monte_carlo.error_ratio"),
            m.error_ratio,
            0.0,
            1.0,
        );
        if !(1..=100_000).contains(&m.runs) {
            c.fail(
                format!("{p}.monte_carlo.runs"),
                format!("{} is not a number of runs between 1 and 100000", m.runs),
            );
        }
    }
}

/// Checks an incident or maintenance window: (label, start minute, duration, error ratio).
fn check_span(
    c: &mut Checker,
    path: &str,
    span: (&str, u32, u32, f64),
    window_minutes: Option<u32>,
) {
    let (label, start, duration, ratio) = span;
    c.text(&format!("{path}.label"), label);
    if duration == 0 {
        c.fail(
            format!("{path}.duration_minutes"),
            "must be at least 1 minute",
        );
    }
    // Bounded by the window so that start + duration stays far inside 32-bit arithmetic.
    let window = window_minutes.unwrap_or(MAX_WINDOW_DAYS * DAY_MINUTES);
    if window_minutes.is_some() && start >= window {
        c.fail(
            format!("{path}.start_minute"),
            format!("{start} is outside the SLO window of {window} minutes"),
        );
    }
    if duration > window {
        c.fail(
            format!("{path}.duration_minutes"),
            format!("{duration} minutes is longer than the SLO window of {window} minutes"),
        );
    }
    c.within(&format!("{path}.error_ratio"), ratio, 0.0, 1.0);
}
