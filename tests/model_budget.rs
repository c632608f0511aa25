//! Error-budget arithmetic pinned to worked values and figures from the Google SRE Workbook.
#![cfg(not(target_arch = "wasm32"))]

use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::{AlertTier, SloWindow};
use sre_workbook::model::slo::budget::*;

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9 * expected.abs().max(1.0),
        "{actual} ≠ {expected}"
    );
}

#[test]
fn budget_in_time_matches_the_literature() {
    let b = ErrorBudget::new(99.9, 30.0);
    close(b.fraction(), 0.001);
    close(b.minutes(), 43.2);
    assert_eq!(format_duration(b.minutes()), "43 min 12 s");
    let b = ErrorBudget::new(99.95, 30.0);
    close(b.minutes(), 21.6);
    assert_eq!(format_duration(b.minutes()), "21 min 36 s");
    let b = ErrorBudget::new(99.9, 28.0);
    close(b.minutes(), 40.32);
    assert_eq!(format_duration(b.minutes()), "40 min 19 s");
    close(ErrorBudget::new(99.0, 30.0).minutes(), 432.0);
    assert_eq!(format_duration(432.0), "7 h 12 min");
}

#[test]
fn allowed_downtime_per_period() {
    let b = ErrorBudget::new(99.9, 30.0);
    close(b.downtime_minutes_per(1.0), 1.44);
    assert_eq!(format_duration(b.downtime_minutes_per(1.0)), "1 min 26 s");
    close(b.downtime_minutes_per(7.0), 10.08);
    close(b.downtime_minutes_per(DAYS_PER_YEAR), 525.6);
    assert_eq!(
        format_duration(b.downtime_minutes_per(DAYS_PER_YEAR)),
        "8 h 45 min 36 s"
    );
    close(b.downtime_minutes_per(DAYS_PER_YEAR / 4.0), 131.4);
    assert_eq!(
        format_duration(ErrorBudget::new(99.999, 30.0).downtime_minutes_per(DAYS_PER_YEAR)),
        "5 min 15 s"
    );
}

#[test]
fn budget_in_events_and_slices() {
    let b = ErrorBudget::new(99.9, 30.0);
    close(b.events(120_000.0), 3_600.0);
    assert_eq!(format_count(b.events(120_000.0)), "3,600");
    assert_eq!(
        format_count(ErrorBudget::new(99.5, 30.0).events(2_500_000.0)),
        "375,000"
    );
    let b = ErrorBudget::new(99.95, 30.0);
    close(b.slices(1.0), 43_200.0);
    close(b.bad_slices(1.0), 21.6);
    close(ErrorBudget::new(99.0, 30.0).bad_slices(5.0), 86.4);
}

#[test]
fn burn_rate_and_consumption() {
    let b = ErrorBudget::new(99.9, 30.0);
    close(b.burn_rate(0.001), 1.0);
    close(b.burn_rate(1.0), 1000.0);
    // A 14.4× burn over 1 h spends 2 % of a 30-day budget.
    close(b.consumed_by(14.4, 60.0), 0.02);
    // A burn rate of 1 spends exactly the budget over the window.
    close(b.consumed_by(1.0, b.window_minutes()), 1.0);
    close(b.time_to_exhaustion(2.0, 1.0).unwrap(), 21_600.0);
    close(b.time_to_exhaustion(1000.0, 1.0).unwrap(), 43.2);
    assert_eq!(b.time_to_exhaustion(0.0, 1.0), None);
}

#[test]
fn workbook_rules_for_a_30_day_window() {
    let rules = burn_rate_rules(&default_alert_tiers(30), &ErrorBudget::new(99.9, 30.0));
    let summary: Vec<(AlertSeverity, f64, f64, f64, f64)> = rules
        .iter()
        .map(|r| {
            (
                r.severity,
                r.long_minutes,
                r.short_minutes,
                (r.threshold * 1e9).round() / 1e9,
                r.budget_share,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (AlertSeverity::Page, 60.0, 5.0, 14.4, 0.02),
            (AlertSeverity::Page, 360.0, 30.0, 6.0, 0.05),
            (AlertSeverity::Ticket, 4320.0, 360.0, 1.0, 0.10),
        ]
    );
}

#[test]
fn rules_for_a_28_day_window_keep_the_budget_shares() {
    let budget = ErrorBudget::new(99.9, 28.0);
    let rules = burn_rate_rules(&default_alert_tiers(28), &budget);
    close(rules[0].threshold, 13.44);
    close(rules[1].threshold, 5.6);
    close(rules[2].threshold, 0.1 * 28.0 * 24.0 / 72.0);
    for rule in &rules {
        close(
            budget.consumed_by(rule.threshold, rule.long_minutes),
            rule.budget_share,
        );
    }
}

#[test]
fn a_long_window_never_exceeds_a_short_slo_window() {
    let budget = ErrorBudget::new(99.0, 1.0);
    let ticket = burn_rate_rules(&default_alert_tiers(1), &budget)[2];
    close(ticket.long_minutes, 1440.0);
    close(ticket.short_minutes, 120.0);
    close(
        budget.consumed_by(ticket.threshold, ticket.long_minutes),
        0.10,
    );
}

#[test]
fn time_to_fire_is_long_window_times_threshold_over_burn() {
    let budget = ErrorBudget::new(99.9, 30.0);
    let rules = burn_rate_rules(&default_alert_tiers(30), &budget);
    // Full outage: burn rate 1000.
    close(rules[0].time_to_fire(&budget, 1.0).unwrap(), 0.864);
    assert_eq!(format_duration(0.864), "51.8 s");
    close(rules[1].time_to_fire(&budget, 1.0).unwrap(), 2.16);
    close(rules[2].time_to_fire(&budget, 1.0).unwrap(), 4.32);
    // An error ratio of 2 %: burn rate 20, so the 1 h rule fires after 60 × 14.4 / 20 min.
    close(rules[0].time_to_fire(&budget, 0.02).unwrap(), 43.2);
    // Just under a threshold never fires.
    assert_eq!(rules[0].time_to_fire(&budget, 0.0143), None);
    assert_eq!(rules[2].time_to_fire(&budget, 0.000_999), None);
    close(rules[2].time_to_fire(&budget, 0.001).unwrap(), 4320.0);
}

#[test]
fn reverse_calculation_from_downtime_seen_so_far() {
    let budget = ErrorBudget::new(99.9, 30.0);
    // 21.6 minutes down in the first 15 days.
    let s = budget_status(&budget, 21.6, 15.0 * 1440.0, 30.0 * 1440.0);
    close(s.achieved, 0.999);
    close(s.spent, 0.5);
    close(s.left, 0.5);
    close(s.burn_rate, 1.0);
    // 5,400 bad events out of 120,000 a day, 10 days in.
    let s = budget_status(&budget, 5_400.0, 1_200_000.0, 3_600_000.0);
    close(s.achieved, 0.9955);
    close(s.spent, 1.5);
    close(s.left, -0.5);
    close(s.burn_rate, 4.5);
}

#[test]
fn series_dependencies_bound_the_journey() {
    close(series_bound(&[0.999, 0.9995]), 0.998_500_5);
    assert_eq!(
        format_percent(series_bound(&[0.999, 0.9995]), 5),
        "99.85005 %"
    );
    close(series_bound(&[]), 1.0);
}

#[test]
fn formats_read_naturally() {
    assert_eq!(format_percent(0.9995, 3), "99.95 %");
    assert_eq!(format_percent(1.0, 3), "100 %");
    assert_eq!(format_duration(0.5), "30 s");
    assert_eq!(format_duration(1440.0 * 3.0 + 1.0), "3 d 1 min");
    assert_eq!(format_duration(f64::INFINITY), "never");
    assert_eq!(format_count(999.9), "999");
    assert_eq!(format_count(1_234_567.0), "1,234,567");
}

#[test]
fn calendar_windows_have_their_real_length() {
    let slo_over = |window: SloWindow| {
        let mut slo = example_plan().slo_catalog.slos[0].clone();
        slo.target_percent = 99.9;
        slo.window = window;
        ErrorBudget::of_slo(&slo)
    };
    // 99.9 % over February 2027 (28 days): 0.001 × 28 × 1440 = 40.32 minutes.
    let february = slo_over(SloWindow::CalendarMonth {
        month: "2027-02".into(),
    });
    close(february.minutes(), 40.32);
    assert_eq!(format_duration(february.minutes()), "40 min 19 s");
    // A 31-day month: 44.64 minutes.
    let march = slo_over(SloWindow::CalendarMonth {
        month: "2027-03".into(),
    });
    close(march.minutes(), 44.64);
    assert_eq!(format_duration(march.minutes()), "44 min 38 s");
    // Q3 2027 is 92 days: 132.48 minutes.
    let q3 = slo_over(SloWindow::CalendarQuarter {
        quarter: "2027-Q3".into(),
    });
    close(q3.minutes(), 132.48);
}

#[test]
fn chosen_tiers_keep_their_budget_shares() {
    // Pyrra-like ticket tier: 10 % of a 28-day budget over 4 days, confirmed over 8 hours
    // (a 1/12 short window): B = 0.10 × 28 d / 4 d = 0.7.
    let budget = ErrorBudget::new(99.5, 28.0);
    let tier = AlertTier {
        severity: AlertSeverity::Ticket,
        long_minutes: 4 * 1440,
        short_minutes: 480,
        budget_percent: 10.0,
    };
    let rule = burn_rate_rules(&[tier], &budget)[0];
    close(rule.threshold, 0.7);
    close(budget.consumed_by(rule.threshold, rule.long_minutes), 0.10);
    assert!(burn_rate_rules(&[], &budget).is_empty());
}
