//! The odds of the Monte Carlo runs finished in this session, kept beside the workbook so
//! the Overview can quote them while the scenario and its SLO are as they were run.

use leptos::prelude::*;

use super::scenarios::ScenarioAndSlo;

/// The latest finished run's odds per scenario, with the inputs it ran on.
#[derive(Clone, Copy)]
pub struct MonteCarloOdds(RwSignal<Vec<(ScenarioAndSlo, String)>>);

impl MonteCarloOdds {
    /// An empty record, provided once by the app shell.
    pub fn new() -> Self {
        MonteCarloOdds(RwSignal::new(Vec::new()))
    }

    /// Records a finished run's odds in words, replacing the scenario's earlier run.
    pub fn record(&self, inputs: ScenarioAndSlo, odds: String) {
        self.0.update(|runs| {
            runs.retain(|(i, _)| i.0.id != inputs.0.id);
            runs.push((inputs, odds));
        });
    }

    /// The odds of a run on exactly these inputs, if one finished.
    pub fn for_inputs(&self, inputs: &ScenarioAndSlo) -> Option<String> {
        self.0.with(|runs| {
            runs.iter()
                .find(|(i, _)| i == inputs)
                .map(|(_, o)| o.clone())
        })
    }
}

impl Default for MonteCarloOdds {
    fn default() -> Self {
        Self::new()
    }
}
