//! A scenario played against its SLO: the pair the scenario views share, and the
//! simulation that goes with it, found by the scenario's id.

use std::sync::Arc;

use crate::model::plan::ids::ById;
use crate::model::plan::{Plan, Scenario, Slo};
use crate::model::scenario::simulation::{simulate, Simulation};

/// A scenario with the SLO it plays against.
pub type ScenarioAndSlo = (Scenario, Slo);

/// A scenario and its SLO in a plan.
pub fn find(plan: &Plan, id: &str) -> Option<ScenarioAndSlo> {
    let scenario = plan.scenarios.by_id(id)?;
    let slo = plan.slo_catalog.slos.by_id(&scenario.slo)?;
    Some((scenario.clone(), slo.clone()))
}

/// A scenario, its SLO and what the simulation made of them.
#[derive(Clone, Debug)]
pub struct Played {
    /// The scenario.
    pub scenario: Scenario,
    /// The SLO it plays against.
    pub slo: Slo,
    /// The minute-by-minute simulation, shared.
    pub sim: Arc<Simulation>,
}

/// Two played scenarios are the same when their inputs are: the simulation follows.
impl PartialEq for Played {
    fn eq(&self, other: &Self) -> bool {
        self.scenario == other.scenario && self.slo == other.slo
    }
}

/// Every scenario of `plan` whose SLO exists, simulated, in the plan's order.
pub fn play_all(plan: &Plan) -> Vec<Played> {
    plan.scenarios
        .iter()
        .filter_map(|s| {
            let (scenario, slo) = find(plan, &s.id)?;
            let sim = Arc::new(simulate(&scenario, &slo));
            Some(Played { scenario, slo, sim })
        })
        .collect()
}
