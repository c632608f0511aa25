//! The figures the SLO workspace shows, for the example plan's SLOs.
#![cfg(not(target_arch = "wasm32"))]

use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::{Plan, Slo};
use sre_workbook::model::slo::figures::*;

fn slo<'a>(plan: &'a Plan, id: &str) -> &'a Slo {
    plan.slo_catalog.slos.iter().find(|s| s.id == id).unwrap()
}

#[test]
fn budget_figures_in_every_unit() {
    let plan = example_plan();
    let f = budget_figures(slo(&plan, "checkout-availability"));
    assert_eq!(f.fraction, "0.1 %");
    assert_eq!(f.time, "43 min 12 s");
    assert_eq!(f.window, "rolling 30 days");
    assert_eq!(f.units, "3,600 of 3,600,000 events");
    let f = budget_figures(slo(&plan, "identity-availability"));
    assert_eq!(f.time, "21 min 36 s");
    assert_eq!(f.units, "21 of 43,200 slices of 1 min");
    let f = budget_figures(slo(&plan, "route-availability"));
    assert_eq!(f.time, "20 min 10 s", "99.95 % over 28 days is 20.16 min");
    // A calendar month with its real length: 1 % of February 2027's 28 days = 403.2 min.
    let f = budget_figures(slo(&plan, "tracking-freshness"));
    assert_eq!(f.window, "February 2027 (28 days)");
    assert_eq!(f.time, "6 h 43 min 12 s");
}

#[test]
fn downtime_per_period_states_its_conventions() {
    let rows = downtime_rows(99.9);
    assert_eq!(
        rows,
        vec![
            ("Day", "1 min 26 s".to_string()),
            ("Week", "10 min 5 s".to_string()),
            ("30 days", "43 min 12 s".to_string()),
            ("Quarter (91.25 days)", "2 h 11 min 24 s".to_string()),
            ("Year (365 days)", "8 h 45 min 36 s".to_string()),
        ]
    );
}

#[test]
fn alert_rows_for_30_and_28_days() {
    let plan = example_plan();
    let rows = alert_rows(slo(&plan, "checkout-availability"), 0.02);
    let first = &rows[0];
    assert_eq!(
        (
            first.severity,
            first.long_window.as_str(),
            first.short_window.as_str(),
            first.threshold.as_str(),
            first.budget_spent.as_str()
        ),
        ("Page", "1 h", "5 min", "14.4", "2 %")
    );
    assert_eq!(first.full_outage, "51.8 s");
    assert_eq!(first.at_ratio, "43 min 12 s");
    assert_eq!(
        (
            rows[1].long_window.as_str(),
            rows[1].short_window.as_str(),
            rows[1].threshold.as_str()
        ),
        ("6 h", "30 min", "6")
    );
    assert_eq!(
        (
            rows[2].severity,
            rows[2].long_window.as_str(),
            rows[2].short_window.as_str(),
            rows[2].threshold.as_str()
        ),
        ("Ticket", "3 d", "6 h", "1")
    );
    assert_eq!(rows[2].at_ratio, "3 h 36 min", "4320 × 1 / 20 minutes");
    let never = alert_rows(slo(&plan, "checkout-availability"), 0.0005);
    assert_eq!(
        [
            never[0].at_ratio.as_str(),
            never[1].at_ratio.as_str(),
            never[2].at_ratio.as_str()
        ],
        ["never", "never", "never"]
    );
    let thresholds: Vec<String> = alert_rows(slo(&plan, "route-availability"), 1.0)
        .into_iter()
        .map(|r| r.threshold)
        .collect();
    assert_eq!(thresholds, ["13.44", "5.6", "0.93"]);
}

#[test]
fn neighbors_include_the_own_target_once() {
    let plan = example_plan();
    let rows = neighbor_rows(slo(&plan, "checkout-availability"));
    let targets: Vec<&str> = rows.iter().map(|r| r.target.as_str()).collect();
    assert_eq!(
        targets,
        ["99 %", "99.5 %", "99.9 %", "99.95 %", "99.99 %", "99.999 %"]
    );
    assert!(rows[2].current && rows.iter().filter(|r| r.current).count() == 1);
    assert_eq!(rows[3].budget_time, "21 min 36 s");
    let mut odd = slo(&plan, "checkout-availability").clone();
    odd.target_percent = 99.8;
    assert_eq!(neighbor_rows(&odd).len(), 7);
}

#[test]
fn a_journey_stricter_than_its_services_allow_is_flagged() {
    let plan = example_plan();
    let check = dependency_check(&plan, slo(&plan, "checkout-availability")).unwrap();
    assert!((check.bound - 0.998_500_5).abs() < 1e-12);
    assert_eq!(
        check.counted,
        vec![
            ("Shop API".to_string(), 99.9),
            ("Identity".to_string(), 99.95)
        ]
    );
    assert!(check.too_strict);
    let route = dependency_check(&plan, slo(&plan, "route-availability")).unwrap();
    assert_eq!(route.without_slo, ["Route planner"]);
    assert!(
        !route.too_strict,
        "99.95 % is exactly what Identity's 99.95 % allows"
    );
    assert_eq!(
        dependency_check(&plan, slo(&plan, "identity-availability")),
        None,
        "SLOs on services have no bound"
    );
}

#[test]
fn overview_rows_sort_and_filter() {
    let plan = example_plan();
    let mut rows = overview_rows(&plan);
    assert_eq!(rows.len(), 9);
    let checkout = &rows[0];
    assert_eq!(
        (
            checkout.service.as_str(),
            checkout.journey.as_str(),
            checkout.priority
        ),
        ("Shop API", "Buy a shipping label", Some(1))
    );
    assert_eq!(checkout.budget, "43 min 12 s");
    assert_eq!(
        checkout.state,
        "Stricter than its dependencies allow (99.85005 %)"
    );
    assert_eq!(rows[1].sli, "Latency < 800 ms");
    sort_rows(&mut rows, OverviewColumn::Target, false, &plan);
    assert_eq!(rows[0].target_percent, 99.95);
    sort_rows(&mut rows, OverviewColumn::Budget, true, &plan);
    assert_eq!(
        rows[0].budget, "20 min 10 s",
        "99.95 % over 28 days is the smallest budget"
    );
    assert_eq!(
        rows.iter().filter(|r| row_matches(r, "identity")).count(),
        2
    );
    assert_eq!(
        rows.iter().filter(|r| row_matches(r, "STRICTER")).count(),
        1
    );
}
