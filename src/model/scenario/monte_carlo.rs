//! Monte Carlo over a scenario's SLO window: incidents arrive at a Poisson rate with
//! log-normal times to restore (set by their median and 90th percentile), failed releases
//! are drawn from the release model, and each run's budget use and pages are counted.
//! Runs go in chunks so a page can show progress and stay responsive; a seed makes them
//! reproducible.
//!
//! Each run adds up bad minutes (overlaps are not capped, unlike the minute simulation),
//! and counts an incident or failed change as paging when it lasts at least as long as a
//! page rule needs to fire at its burn rate (L × B / b).

use crate::model::plan::{Scenario, Slo};
use crate::model::scenario::rng::Rng;
use crate::model::slo::budget::{
    burn_rate_rules, AlertSeverity, BurnRateRule, ErrorBudget, MINUTES_PER_DAY,
};

/// z of the 90th percentile of the standard normal distribution.
const Z90: f64 = 1.281_551_565_544_600_4;

/// A Monte Carlo run in progress or done.
#[derive(Clone, Debug)]
pub struct MonteCarlo {
    rng: Rng,
    budget: ErrorBudget,
    page_rules: Vec<BurnRateRule>,
    /// Runs asked for.
    pub runs: u32,
    incidents_per_window: f64,
    median: f64,
    sigma: f64,
    incident_ratio: f64,
    releases: u32,
    change_failure_rate: f64,
    restore_minutes: f64,
    release_ratio: f64,
    fixed_bad_minutes: f64,
    /// Budget left at the end of each run done so far (1 = untouched, below 0 = overspent).
    pub left_at_end: Vec<f64>,
    /// Pages in each run done so far.
    pub pages: Vec<u32>,
}

impl MonteCarlo {
    /// Prepares the runs of a scenario's settings against its SLO.
    pub fn new(scenario: &Scenario, slo: &Slo) -> Self {
        let target = scenario
            .target_override_percent
            .unwrap_or(slo.target_percent);
        let budget = ErrorBudget::new(target, f64::from(slo.window.days()));
        let settings = &scenario.monte_carlo;
        let window = budget.window_minutes();
        let maintenance: f64 = if slo.maintenance_counts {
            scenario
                .maintenance
                .iter()
                .map(|m| m.duration_minutes as f64 * m.error_ratio)
                .sum()
        } else {
            0.0
        };
        MonteCarlo {
            rng: Rng::new(settings.seed),
            page_rules: burn_rate_rules(&slo.alerting.tiers, &budget)
                .into_iter()
                .filter(|r| r.severity == AlertSeverity::Page)
                .collect(),
            budget,
            runs: settings.runs,
            incidents_per_window: settings.incidents_per_window,
            median: settings.median_restore_minutes,
            sigma: (settings.p90_restore_minutes / settings.median_restore_minutes).ln() / Z90,
            incident_ratio: settings.error_ratio,
            releases: (scenario.releases.releases_per_week * window / (7.0 * MINUTES_PER_DAY))
                .round() as u32,
            change_failure_rate: scenario.releases.change_failure_rate,
            restore_minutes: scenario.releases.restore_minutes,
            release_ratio: scenario.releases.error_ratio,
            fixed_bad_minutes: scenario.baseline_error_ratio * window + maintenance,
            left_at_end: Vec::with_capacity(settings.runs as usize),
            pages: Vec::with_capacity(settings.runs as usize),
        }
    }

    fn pages_for(&self, ratio: f64, minutes: f64) -> bool {
        self.page_rules.iter().any(|rule| {
            rule.time_to_fire(&self.budget, ratio)
                .is_some_and(|t| minutes >= t)
        })
    }

    /// Does up to `count` more runs; returns how many are done in all.
    pub fn step(&mut self, count: u32) -> u32 {
        let budget_minutes = self.budget.minutes();
        for _ in 0..count.min(self.remaining()) {
            let mut bad = self.fixed_bad_minutes;
            let mut pages = 0;
            for _ in 0..self.rng.poisson(self.incidents_per_window) {
                let minutes = self.median * (self.sigma * self.rng.normal()).exp();
                bad += minutes * self.incident_ratio;
                pages += u32::from(self.pages_for(self.incident_ratio, minutes));
            }
            for _ in 0..self.releases {
                if self.rng.uniform() < self.change_failure_rate {
                    bad += self.restore_minutes * self.release_ratio;
                    pages += u32::from(self.pages_for(self.release_ratio, self.restore_minutes));
                }
            }
            self.left_at_end.push(1.0 - bad / budget_minutes);
            self.pages.push(pages);
        }
        self.done()
    }

    /// Runs done so far.
    pub fn done(&self) -> u32 {
        self.left_at_end.len() as u32
    }

    /// Runs still to do.
    pub fn remaining(&self) -> u32 {
        self.runs.saturating_sub(self.done())
    }

    /// Share of runs (0 to 1) that exhausted the budget.
    pub fn probability_of_exhaustion(&self) -> f64 {
        if self.left_at_end.is_empty() {
            return 0.0;
        }
        self.left_at_end.iter().filter(|l| **l <= 0.0).count() as f64
            / self.left_at_end.len() as f64
    }

    /// Mean budget left at the end over the runs done.
    pub fn mean_left(&self) -> f64 {
        self.left_at_end.iter().sum::<f64>() / self.left_at_end.len().max(1) as f64
    }

    /// Mean pages per run.
    pub fn mean_pages(&self) -> f64 {
        self.pages.iter().map(|p| *p as f64).sum::<f64>() / self.pages.len().max(1) as f64
    }

    /// The budget left expected from the settings alone (no sampling): what the mean of
    /// many runs approaches.
    pub fn expected_left(&self) -> f64 {
        let incident_minutes =
            self.incidents_per_window * self.median * (self.sigma * self.sigma / 2.0).exp();
        let release_minutes =
            self.releases as f64 * self.change_failure_rate * self.restore_minutes;
        let bad = self.fixed_bad_minutes
            + incident_minutes * self.incident_ratio
            + release_minutes * self.release_ratio;
        1.0 - bad / self.budget.minutes()
    }

    /// Percentile (0 to 100) of budget left at the end over the runs done.
    pub fn left_percentile(&self, percentile: f64) -> f64 {
        let mut sorted = self.left_at_end.clone();
        sorted.sort_by(|a, b| a.total_cmp(b));
        if sorted.is_empty() {
            return 0.0;
        }
        let rank = ((percentile / 100.0) * (sorted.len() - 1) as f64).round() as usize;
        sorted[rank.min(sorted.len() - 1)]
    }
}

/// Budget an SLO affords: how many incidents of `minutes` at `error_ratio` fit in the
/// budget, and how long a full outage takes to empty it.
pub fn affordability(budget: &ErrorBudget, minutes: f64, error_ratio: f64) -> (f64, f64) {
    let per_incident = minutes * error_ratio;
    let incidents = if per_incident > 0.0 {
        budget.minutes() / per_incident
    } else {
        f64::INFINITY
    };
    (incidents, budget.minutes())
}
