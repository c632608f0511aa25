//! The Scenario workspace: what incidents and release habits do to the error budget.

pub mod affordability;
pub mod alert_lab;
pub mod comparison;
pub mod editor;
pub mod history;
pub mod list;
pub mod monte_carlo;
pub mod page;
pub mod results;
pub mod spans;

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::plan::{Id, Plan, Scenario};
pub use crate::model::scenario::played::{find, Played, ScenarioAndSlo};
use crate::model::scenario::simulation::simulate;
use crate::ui::workbook::Workbook;

/// A scenario of the open plan with its SLO, by id, recomputed when either changes.
pub fn scenario_by_id(plan: Memo<Option<Plan>>, id: Id) -> Memo<Option<ScenarioAndSlo>> {
    Memo::new(move |_| plan.with(|p| find(p.as_ref()?, &id)))
}

/// A number of the shown scenario, for a field: `read` picks it (0 while none is shown).
pub fn scenario_number(
    played: Memo<Option<ScenarioAndSlo>>,
    read: fn(&Scenario) -> f64,
) -> Signal<f64> {
    Signal::derive(move || played.with(|p| p.as_ref().map(|(s, _)| read(s)).unwrap_or_default()))
}

/// Stores a field's number into the scenario `key` with `apply`, as an undoable edit.
pub fn set_scenario_number(key: StoredValue<Id>, apply: fn(&mut Scenario, f64)) -> Callback<f64> {
    let wb = expect_context::<Workbook>();
    Callback::new(move |v: f64| key.with_value(|id| wb.edit_part::<Scenario>(id, |s| apply(s, v))))
}

/// Every scenario of the open plan, simulated. An edit replays only the scenarios whose
/// inputs changed; the others keep their simulation.
pub fn simulations(plan: Memo<Option<Plan>>) -> Memo<Vec<Played>> {
    Memo::new(move |previous: Option<&Vec<Played>>| {
        plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            p.scenarios
                .iter()
                .filter_map(|s| {
                    let (scenario, slo) = find(p, &s.id)?;
                    let kept = previous
                        .and_then(|prev| {
                            prev.iter().find(|x| x.scenario == scenario && x.slo == slo)
                        })
                        .map(|x| x.sim.clone());
                    let sim = kept.unwrap_or_else(|| Arc::new(simulate(&scenario, &slo)));
                    Some(Played { scenario, slo, sim })
                })
                .collect()
        })
    })
}
