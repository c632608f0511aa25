//! The Scenario workspace: what incidents and release habits do to the error budget.

pub mod affordability;
pub mod comparison;
pub mod editor;
pub mod list;
pub mod monte_carlo;
pub mod page;
pub mod results;
pub mod spans;

use leptos::prelude::*;

use crate::model::plan::{Id, Plan, Scenario, Slo};
use crate::model::scenario::{simulate, Simulation};
use crate::ui::workbook::Workbook;

/// A scenario with the SLO it plays against.
pub type ScenarioAndSlo = (Scenario, Slo);

/// A scenario of the open plan with its SLO, by id, recomputed when either changes.
pub fn scenario_by_id(plan: Memo<Option<Plan>>, id: Id) -> Memo<Option<ScenarioAndSlo>> {
    Memo::new(move |_| plan.with(|p| find(p.as_ref()?, &id)))
}

/// A scenario and its SLO in a plan.
pub fn find(plan: &Plan, id: &str) -> Option<ScenarioAndSlo> {
    let scenario = plan.scenarios.iter().find(|s| s.id == id)?;
    let slo = plan
        .slo_catalog
        .slos
        .iter()
        .find(|s| s.id == scenario.slo)?;
    Some((scenario.clone(), slo.clone()))
}

/// The simulation of a scenario, replayed only when the scenario or its SLO changes.
pub fn simulation_of(played: Memo<Option<ScenarioAndSlo>>) -> Memo<Option<Simulation>> {
    Memo::new_with_compare(
        move |_| played.with(|p| p.as_ref().map(|(s, slo)| simulate(s, slo))),
        |_, _| true,
    )
}

/// Changes one scenario of the open plan.
pub fn edit_scenario(wb: Workbook, id: &str, change: impl FnOnce(&mut Scenario)) {
    wb.edit_open(|plan| {
        if let Some(scenario) = plan.scenarios.iter_mut().find(|s| s.id == id) {
            change(scenario);
        }
    });
}
