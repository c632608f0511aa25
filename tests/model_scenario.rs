//! Scenario simulation and Monte Carlo with worked values: exhaustion, the 14.4× page,
//! thresholds just missed, detection times L × B / b, monotone budget, reproducible and
//! unbiased Monte Carlo.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::quiet;
use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::{ErrorSpan, SloWindow};
use sre_workbook::model::scenario::monte_carlo::{affordability, MonteCarlo};
use sre_workbook::model::scenario::rng::Rng;
use sre_workbook::model::scenario::simulation::{failed_release_minutes, simulate};
use sre_workbook::model::slo::budget::{burn_rate_rules, ErrorBudget};

fn incident(start: u32, minutes: u32, ratio: f64) -> ErrorSpan {
    ErrorSpan {
        label: "test".into(),
        start_minute: start,
        duration_minutes: minutes,
        error_ratio: ratio,
    }
}

#[test]
fn a_full_outage_of_the_whole_budget_exhausts_it_exactly() {
    let (mut scenario, slo) = quiet();
    // 43.2 minutes of full outage, as 432 minutes at a 10 % error ratio.
    scenario.incidents = vec![incident(1000, 432, 0.1)];
    let sim = simulate(&scenario, &slo);
    assert_eq!(sim.exhausted_at, Some(1431));
    assert!(sim.left_at_end().abs() < 1e-9, "{}", sim.left_at_end());
    // Whole minutes of full outage: 43 leave 0.8 min, 44 run out in the 44th minute.
    scenario.incidents = vec![incident(1000, 43, 1.0)];
    let sim = simulate(&scenario, &slo);
    assert_eq!(sim.exhausted_at, None);
    assert!((sim.left_at_end() - 0.2 / 43.2).abs() < 1e-9);
    scenario.incidents = vec![incident(1000, 44, 1.0)];
    assert_eq!(simulate(&scenario, &slo).exhausted_at, Some(1043));
}

#[test]
fn a_14_4x_burn_for_an_hour_spends_2_percent_and_pages_after_60_minutes() {
    let (mut scenario, slo) = quiet();
    scenario.incidents = vec![incident(1000, 60, 0.0144)];
    let sim = simulate(&scenario, &slo);
    assert!((sim.consumed_after(sim.window_minutes - 1) - 0.02).abs() < 1e-12);
    let first = &sim.alerts[0];
    assert_eq!(
        (first.rule, first.start),
        (0, 1059),
        "the 1 h / 5 min page fires in the 60th minute"
    );
    assert_eq!(sim.detection_minutes, vec![Some(60)]);
    assert!(
        sim.alerts.iter().all(|a| a.rule == 0),
        "6 h and 3 d rules stay quiet: {:?}",
        sim.alerts
    );
    assert_eq!(sim.pages_and_tickets(), (1, 0));
}

#[test]
fn a_burn_just_under_a_threshold_never_fires_it() {
    let (mut scenario, slo) = quiet();
    scenario.incidents = vec![incident(1000, 600, 0.01439)];
    let sim = simulate(&scenario, &slo);
    assert!(sim.alerts.iter().all(|a| a.rule != 0), "{:?}", sim.alerts);
    // The 6 h rule (threshold 6) does fire: 14.39 over 6 h × 6 / 14.39 = 150 minutes.
    assert_eq!(sim.detection_minutes, vec![Some(151)]);
}

#[test]
fn detection_times_match_l_times_b_over_b() {
    let (mut scenario, slo) = quiet();
    let budget = ErrorBudget::of_slo(&slo);
    let rules = burn_rate_rules(&slo.alerting.tiers, &budget);
    for ratio in [1.0, 0.5, 0.1, 0.02] {
        scenario.incidents = vec![incident(2000, 600, ratio)];
        let sim = simulate(&scenario, &slo);
        let expected = rules
            .iter()
            .filter_map(|r| r.time_to_fire(&budget, ratio))
            .fold(f64::INFINITY, f64::min)
            .ceil() as usize;
        assert_eq!(sim.detection_minutes, vec![Some(expected)], "ratio {ratio}");
    }
    // Full outage: 0.864 min → the first minute; ratio 2 %: 43.2 min → the 44th minute.
    scenario.incidents = vec![incident(2000, 600, 0.02)];
    assert_eq!(simulate(&scenario, &slo).detection_minutes, vec![Some(44)]);
}

#[test]
fn policy_thresholds_are_crossed_in_order() {
    let (mut scenario, slo) = quiet();
    scenario.incidents = vec![incident(100, 100, 0.5)];
    let sim = simulate(&scenario, &slo);
    let minutes: Vec<Option<usize>> = sim.crossings.iter().map(|c| c.minute).collect();
    // 0.5 bad minutes a minute: 50 % (21.6) after 44 minutes, 75 % after 65, 100 % after 87.
    assert_eq!(minutes, vec![Some(143), Some(164), Some(186), None]);
}

#[test]
fn releases_are_spread_evenly_with_their_expected_failures() {
    let (mut scenario, _) = quiet();
    scenario.releases.releases_per_week = 10.0;
    scenario.releases.change_failure_rate = 0.05;
    // 43 releases in 30 days, ⌊43 × 0.05⌋ = 2 failures.
    let failures = failed_release_minutes(&scenario, 43_200);
    assert_eq!(failures.len(), 2);
    assert!(failures[0] < failures[1] && failures[1] < 43_200);
}

#[test]
fn a_90_day_window_is_played_minute_by_minute() {
    let (scenario, mut slo) = quiet();
    slo.window = SloWindow::Rolling { days: 90 };
    let sim = simulate(&scenario, &slo);
    assert_eq!(sim.window_minutes, 129_600);
    assert_eq!(sim.budget_left().len(), 129_600);
}

#[test]
fn budget_left_never_increases_and_is_never_nan() {
    let plan = example_plan();
    let mut rng = Rng::new(2026);
    for case in 0..60 {
        let mut scenario = plan.scenarios[case % plan.scenarios.len()].clone();
        let slo = plan
            .slo_catalog
            .slos
            .iter()
            .find(|s| s.id == scenario.slo)
            .unwrap();
        scenario.baseline_error_ratio = rng.uniform() * 0.002;
        scenario.incidents = (0..(rng.uniform() * 6.0) as u32)
            .map(|_| {
                incident(
                    (rng.uniform() * 43_000.0) as u32,
                    1 + (rng.uniform() * 300.0) as u32,
                    rng.uniform(),
                )
            })
            .collect();
        let left = simulate(&scenario, slo).budget_left();
        assert!(left.iter().all(|l| !l.is_nan()));
        assert!(left.windows(2).all(|w| w[1] <= w[0] + 1e-12), "case {case}");
    }
}

#[test]
fn the_example_scenarios_tell_different_stories() {
    let plan = example_plan();
    let results: Vec<(String, f64, Option<usize>)> = plan
        .scenarios
        .iter()
        .map(|s| {
            let slo = plan
                .slo_catalog
                .slos
                .iter()
                .find(|x| x.id == s.slo)
                .unwrap();
            let sim = simulate(s, slo);
            (s.name.clone(), sim.left_at_end(), sim.exhausted_at)
        })
        .collect();
    assert!(
        results[0].1 < 0.0,
        "this quarter's incidents overspend: {results:?}"
    );
    assert!(
        results[1].1 > 0.0 && results[1].2.is_none(),
        "doubling releases still fits: {results:?}"
    );
    assert!(
        results[2].2.is_some(),
        "99.95 % would have run out: {results:?}"
    );
}

#[test]
fn monte_carlo_is_reproducible_and_unbiased() {
    let plan = example_plan();
    let scenario = &plan.scenarios[0];
    let slo = plan
        .slo_catalog
        .slos
        .iter()
        .find(|s| s.id == scenario.slo)
        .unwrap();
    let mut a = MonteCarlo::new(scenario, slo);
    let mut b = MonteCarlo::new(scenario, slo);
    while a.remaining() > 0 {
        a.step(1_000);
    }
    b.step(10_000);
    assert_eq!(
        a.left_at_end, b.left_at_end,
        "chunking does not change the result"
    );
    assert_eq!(a.done(), 10_000);
    let n = a.left_at_end.len() as f64;
    let mean = a.mean_left();
    let sd = (a
        .left_at_end
        .iter()
        .map(|x| (x - mean).powi(2))
        .sum::<f64>()
        / (n - 1.0))
        .sqrt();
    let expected = a.expected_left();
    assert!(
        (mean - expected).abs() < 4.0 * sd / n.sqrt(),
        "mean {mean}, expected {expected}, se {}",
        sd / n.sqrt()
    );
    let p = a.probability_of_exhaustion();
    assert!(p > 0.0 && p < 1.0, "{p}");
    let mut other = scenario.clone();
    other.monte_carlo.seed = 43;
    let mut c = MonteCarlo::new(&other, slo);
    c.step(10_000);
    assert_ne!(c.left_at_end, a.left_at_end, "another seed, other draws");
}

#[test]
fn affordability_of_a_budget() {
    let budget = ErrorBudget::new(99.9, 30.0);
    let (incidents, full_outage) = affordability(&budget, 20.0, 0.5);
    assert!((incidents - 4.32).abs() < 1e-9);
    assert!((full_outage - 43.2).abs() < 1e-9);
}
