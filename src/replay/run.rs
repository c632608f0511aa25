//! One replay of an SLO's kept history, end to end: the rows laid on minutes, the backtest
//! of the SLO's budget and alert rules, and the target finder, in the one order they run,
//! with the words and lines "Replay history" shows of them. The page binds these to its
//! controls and lays them out; it does not decide what runs when.

use std::sync::OnceLock;

use crate::charts::budget_chart::PolicyLine;
use crate::model::alert_lab::evaluate::Minutes;
use crate::model::history::series::{Sample, Weight};
use crate::model::plan::Slo;
use crate::model::slo::figures::format_number;
use crate::replay::backtest::{
    backtest, find_targets, guard_statement, Backtest, ReplayedSlo, TargetFinding,
};
use crate::replay::figures::{attainment, attainment_description, minute_label};
use crate::replay::minute_grid::{lay_on_minutes, GapPolicy, MinuteGrid};

/// A history replayed against an SLO, with what the page shows of it.
pub struct Replay {
    /// The history on minutes, gaps applied.
    pub grid: MinuteGrid,
    /// The backtest: windows, budget, alerts.
    pub run: Backtest,
    /// The SLO's target, in percent.
    pub target_percent: f64,
    /// The SLO's name.
    pub slo_name: String,
    /// The error-budget policy's thresholds, as lines on the burn-down.
    pub policies: Vec<PolicyLine>,
    /// What became of the SLO's low-traffic guard in this replay, if it has one.
    pub guard: Option<String>,
    gaps: GapPolicy,
    weight: Weight,
    slo: Slo,
    finding: OnceLock<TargetFinding>,
}

impl Replay {
    /// Replays `rows` (sorted, no duplicate times) of `weight` against `slo`, with minutes
    /// without data treated as `gaps` says. The target finder waits for [`Self::finding`].
    pub fn run(
        rows: &[Sample],
        weight: Weight,
        gaps: GapPolicy,
        slo: &Slo,
    ) -> Result<Self, String> {
        let grid = lay_on_minutes(rows, weight, gaps)?;
        let run = backtest(&grid, &ReplayedSlo::of(slo, weight));
        Ok(Replay {
            grid,
            run,
            target_percent: slo.target_percent,
            slo_name: slo.name.clone(),
            policies: PolicyLine::of_policy(&slo.policy),
            guard: guard_statement(slo, weight),
            gaps,
            weight,
            slo: slo.clone(),
            finding: OnceLock::new(),
        })
    }

    /// The target finder over this history: the same replay at each candidate target,
    /// run the first time it is asked for.
    pub fn finding(&self) -> &TargetFinding {
        self.finding
            .get_or_init(|| find_targets(&self.grid, &ReplayedSlo::of(&self.slo, self.weight)))
    }

    /// The history's minutes as the alert lab replays them, the SLO replayed against, and
    /// whether the minutes count events (not ratios or time slices).
    pub fn lab_input(&self) -> (Minutes, Slo, bool) {
        (
            Minutes {
                good: self.grid.good.clone(),
                total: self.grid.total.clone(),
            },
            self.slo.clone(),
            self.weight == Weight::Events,
        )
    }

    /// The attainment chart's words, over the whole history whatever the zoom.
    pub fn attainment_words(&self) -> String {
        let whole = attainment(&self.run, &self.grid, self.target_percent, None);
        attainment_description(&whole, self.gaps)
    }

    /// Each SLO window of the history by name (`From <start>`), with its budget left at
    /// the end of each day.
    pub fn budget_left(&self) -> Vec<(String, Vec<f64>)> {
        self.run
            .windows
            .iter()
            .enumerate()
            .map(|(i, w)| {
                (
                    format!("From {}", minute_label(&self.grid, w.start)),
                    self.run.budget_left(i),
                )
            })
            .collect()
    }

    /// The burn-down chart's words: how much of the budget each window consumed.
    pub fn burn_down_words(&self) -> String {
        self.run
            .windows
            .iter()
            .map(|w| {
                format!(
                    "From {}: {} % of the budget consumed.",
                    minute_label(&self.grid, w.start),
                    format_number(w.consumed * 100.0, 1)
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;

    /// Two days at one minute apart: 99 % good on the first day, all good on the second.
    fn rows() -> Vec<Sample> {
        (0..2 * 1440)
            .map(|minute| Sample {
                at_ms: minute as i64 * 60_000,
                good: if minute < 1440 { 99.0 } else { 100.0 },
                total: 100.0,
            })
            .collect()
    }

    #[test]
    fn a_replay_runs_in_order_and_finds_targets_only_when_asked() {
        let slo = example_plan().slo_catalog.slos[0].clone();
        let replay = Replay::run(&rows(), Weight::Events, GapPolicy::Excluded, &slo).unwrap();
        assert_eq!(replay.grid.len(), 2 * 1440);
        assert_eq!(replay.slo_name, slo.name);
        assert!(replay.finding.get().is_none(), "the finder waits");
        assert!(!replay.finding().candidates.is_empty());
        let lefts = replay.budget_left();
        assert_eq!(lefts.len(), replay.run.windows.len());
        assert!(lefts[0].0.starts_with("From 1970-01-01 00:00 UTC"));
        assert!(replay
            .burn_down_words()
            .contains("% of the budget consumed."));
    }

    #[test]
    fn rows_that_cannot_be_laid_on_minutes_say_why() {
        let slo = example_plan().slo_catalog.slos[0].clone();
        let error = Replay::run(&[], Weight::Events, GapPolicy::Excluded, &slo).err();
        assert_eq!(error.as_deref(), Some("no usable rows: nothing to replay"));
    }
}
