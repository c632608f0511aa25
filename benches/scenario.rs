//! Core benchmarks of the scenario workspace (issue #5): one 90-day minute-level simulation
//! with all alert rules, and 10,000 Monte Carlo runs of a 30-day window. Run with
//! `make bench` (or `cargo bench --bench scenario`).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::{Scenario, Slo, SloWindow};
use sre_workbook::model::scenario::monte_carlo::MonteCarlo;
use sre_workbook::model::scenario::simulation::simulate;

fn example_scenario() -> (Scenario, Slo) {
    let plan = example_plan();
    let scenario = plan.scenarios[0].clone();
    let slo = plan
        .slo_catalog
        .slos
        .iter()
        .find(|s| s.id == scenario.slo)
        .expect("the example scenario's SLO")
        .clone();
    (scenario, slo)
}

fn simulation_90_days(c: &mut Criterion) {
    let (scenario, mut slo) = example_scenario();
    slo.window = SloWindow::Rolling { days: 90 };
    c.bench_function("simulate 90 days (129,600 min, 3 alert rules)", |b| {
        b.iter(|| simulate(black_box(&scenario), black_box(&slo)))
    });
}

fn monte_carlo_10k(c: &mut Criterion) {
    let (scenario, slo) = example_scenario();
    c.bench_function("monte carlo 10,000 runs, 30 days", |b| {
        b.iter(|| {
            let mut mc = MonteCarlo::new(black_box(&scenario), black_box(&slo));
            mc.step(10_000);
            mc.probability_of_exhaustion()
        })
    });
}

criterion_group!(benches, simulation_90_days, monte_carlo_10k);
criterion_main!(benches);
