//! What several test files start from.

pub mod noisy;

use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::{Scenario, Slo};

/// The example's checkout SLO (99.9 % over 30 days: 43.2 minutes of budget) and a scenario
/// on it with no errors at all.
pub fn quiet() -> (Scenario, Slo) {
    let plan = example_plan();
    let mut scenario = plan.scenarios[0].clone();
    scenario.baseline_error_ratio = 0.0;
    scenario.incidents.clear();
    scenario.maintenance.clear();
    scenario.releases.releases_per_week = 0.0;
    let slo = plan
        .slo_catalog
        .slos
        .iter()
        .find(|s| s.id == scenario.slo)
        .unwrap()
        .clone();
    assert_eq!(
        (slo.id.as_str(), slo.target_percent),
        ("checkout-availability", 99.9)
    );
    (scenario, slo)
}
