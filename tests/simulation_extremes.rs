//! The scenario simulation with the largest durations a file can carry, run both on the
//! host (64-bit) and in the browser (wasm32, where `usize` is 32 bits and release builds do
//! not check overflow): a span that runs past the window counts to the window's end, never
//! wraps around to count as nothing.

mod common;

use common::quiet;
use sre_workbook::model::plan::ErrorSpan;
use sre_workbook::model::scenario::simulation::simulate;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn an_incident_of_u32_max_minutes_runs_to_the_end_of_the_window() {
    let (mut scenario, slo) = quiet();
    scenario.incidents.push(ErrorSpan {
        label: "longest possible".into(),
        start_minute: 43_000,
        duration_minutes: u32::MAX,
        error_ratio: 1.0,
    });
    let sim = simulate(&scenario, &slo);
    // 200 minutes of full outage (43,000 to 43,200) against 43.2 minutes of budget.
    let expected_left = 1.0 - 200.0 / 43.2;
    assert!(
        (sim.left_at_end() - expected_left).abs() < 1e-9,
        "left {} instead of {expected_left}",
        sim.left_at_end()
    );
    // 43.2 bad minutes are reached 44 minutes in (the 44th minute crosses it): minute 43,043.
    assert_eq!(sim.exhausted_at, Some(43_043));
    assert_eq!(sim.detection_minutes.len(), 1);
    assert!(sim.detection_minutes[0].is_some(), "a full outage pages");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_restore_time_of_a_trillion_minutes_runs_to_the_end_of_the_window() {
    let (mut scenario, slo) = quiet();
    // One release in the window (0.25 a week × 30 days ≈ 1), and it fails: it lands
    // half-way, at minute 21,600, and is never restored before the window ends.
    scenario.releases.releases_per_week = 0.25;
    scenario.releases.change_failure_rate = 1.0;
    scenario.releases.restore_minutes = 1e12;
    scenario.releases.error_ratio = 0.001;
    let sim = simulate(&scenario, &slo);
    // 21,600 minutes at 0.1 % errors = 21.6 bad minutes: half of the 43.2-minute budget.
    assert!(
        (sim.left_at_end() - 0.5).abs() < 1e-9,
        "left {}",
        sim.left_at_end()
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn maintenance_of_u32_max_minutes_runs_to_the_end_of_the_window() {
    let (mut scenario, mut slo) = quiet();
    slo.maintenance_counts = true;
    scenario.maintenance.push(ErrorSpan {
        label: "forever".into(),
        start_minute: 43_199,
        duration_minutes: u32::MAX,
        error_ratio: 1.0,
    });
    let sim = simulate(&scenario, &slo);
    assert!((sim.left_at_end() - (1.0 - 1.0 / 43.2)).abs() < 1e-9);
}
