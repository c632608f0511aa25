//! Writes a large plan for `make bench`: 50 teams, 12 assessment rounds, 200 SLOs and 40
//! scenarios, grown from the example plan so every reference holds. Refuses to write a plan
//! that does not validate.
//!
//! `cargo run --example large_plan -- target/large-plan.json`

use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::format::write_plan;
use sre_workbook::model::plan::validate::validate;
use sre_workbook::model::plan::{AssessmentRound, Rating, Service, Slo, SloSubject, Team};

const TEAMS: usize = 50;
const ROUNDS: usize = 12;
const SLOS: usize = 200;
const SCENARIOS: usize = 40;

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/large-plan.json".into());
    let mut plan = example_plan();
    plan.id = "plan-large-bench".into();
    plan.name = "Large plan (benchmark)".into();

    let t = &mut plan.transition;
    t.teams = (0..TEAMS)
        .map(|i| Team {
            id: format!("team-{i}"),
            name: format!("Team {i}"),
            description: format!("Generated team {i}"),
        })
        .collect();
    let groups: Vec<String> = t.groups.iter().map(|g| g.id.clone()).collect();
    t.rounds = (0..ROUNDS)
        .map(|r| AssessmentRound {
            id: format!("round-{r}"),
            label: format!("Round {}", r + 1),
            date: format!("2025-{:02}-15", r + 1),
            ratings: (0..TEAMS)
                .flat_map(|team| {
                    groups.iter().enumerate().map(move |(g, group)| Rating {
                        team: format!("team-{team}"),
                        group: group.clone(),
                        level: ((r + team + g) / 4 % 5) as u8,
                        note: String::new(),
                    })
                })
                .collect(),
        })
        .collect();
    t.actions.iter_mut().for_each(|a| a.teams.clear());
    t.activities.clear();

    let c = &mut plan.slo_catalog;
    c.services
        .iter_mut()
        .for_each(|s| s.team = Some("team-0".into()));
    let template: Slo = c.slos[0].clone();
    let services = 20;
    c.services.extend((0..services).map(|i| Service {
        id: format!("svc-{i}"),
        name: format!("Service {i}"),
        team: Some(format!("team-{}", i % TEAMS)),
        description: String::new(),
    }));
    let scenario_slo = c.slos[0].id.clone();
    c.slos.retain(|s| s.id == scenario_slo);
    c.slos.extend((1..SLOS).map(|i| {
        let mut slo = template.clone();
        slo.id = format!("slo-{i}");
        slo.name = format!("SLO {i}");
        slo.subject = SloSubject::Service(format!("svc-{}", i % services));
        slo.target_percent = [99.0, 99.5, 99.9, 99.95, 99.99][i % 5];
        slo
    }));

    let base = plan.scenarios[0].clone();
    plan.scenarios = (0..SCENARIOS)
        .map(|i| {
            let mut s = base.clone();
            s.id = format!("scenario-{i}");
            s.name = format!("Scenario {i}");
            s.slo = scenario_slo.clone();
            s.releases.releases_per_week = 5.0 + i as f64;
            s
        })
        .collect();

    let problems = validate(&plan);
    if !problems.is_empty() {
        eprintln!("the generated plan does not validate:");
        for p in problems.iter().take(20) {
            eprintln!("  {p}");
        }
        std::process::exit(1);
    }
    let text = write_plan(&plan, true);
    std::fs::write(&out, &text).expect("write the plan");
    println!("{out}: {} bytes", text.len());
}
