//! The deterministic scenario simulation: a scenario played minute by minute over its SLO's
//! window, giving the budget left over time, each multi-window burn-rate rule's firings,
//! time to detect each incident, exhaustion, and the policy thresholds crossed.
//!
//! Conventions: errors from overlapping causes add up, capped at a ratio of 1; minutes
//! before the window count as error-free for the burn-rate windows; a rule fires in a minute
//! when the burn rate over both its windows, ending with that minute, reaches its threshold.

use crate::model::plan::{Scenario, Slo};
use crate::model::slo::budget::{
    burn_rate_rules, AlertSeverity, BurnRateRule, ErrorBudget, MINUTES_PER_DAY,
};

/// Relative tolerance for comparing sums of error ratios with thresholds.
const TOLERANCE: f64 = 1e-9;

/// One continuous firing of an alert rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertSpan {
    /// Index of the rule in [`Simulation::rules`].
    pub rule: usize,
    /// First minute it fires.
    pub start: usize,
    /// First minute it no longer fires (`None`: still firing at the end of the window).
    pub end: Option<usize>,
}

/// A policy threshold and when the scenario crosses it.
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdCrossing {
    /// Budget consumed, percent.
    pub consumed_percent: f64,
    /// The agreed action.
    pub action: String,
    /// Minute it is crossed, if it is.
    pub minute: Option<usize>,
}

/// The outcome of a simulated scenario.
#[derive(Clone, Debug)]
pub struct Simulation {
    /// The budget played (the SLO's, or the scenario's override target).
    pub budget: ErrorBudget,
    /// Minutes in the window.
    pub window_minutes: usize,
    /// Cumulative bad minutes: `prefix[m]` is the error ratio summed over minutes `0..m`.
    prefix: Vec<f64>,
    /// The alert rules evaluated.
    pub rules: Vec<BurnRateRule>,
    /// Every firing of every rule, in order of start.
    pub alerts: Vec<AlertSpan>,
    /// Minute the budget runs out, if it does.
    pub exhausted_at: Option<usize>,
    /// Minutes from each incident's start until the first alert, if one fires while the
    /// incident or its long windows still count it.
    pub detection_minutes: Vec<Option<usize>>,
    /// Policy thresholds with the minute each is crossed.
    pub crossings: Vec<ThresholdCrossing>,
}

/// Per-minute error ratios of a scenario over `window_minutes`.
pub fn error_ratios(scenario: &Scenario, slo: &Slo, window_minutes: usize) -> Vec<f64> {
    let mut ratio = vec![scenario.baseline_error_ratio; window_minutes];
    let mut add = |start: usize, duration: usize, value: f64| {
        // Saturating: usize is 32 bits in the browser, where a wrap would erase the span.
        let end = start.saturating_add(duration).min(window_minutes);
        for r in ratio.iter_mut().take(end).skip(start) {
            *r += value;
        }
    };
    for incident in &scenario.incidents {
        add(
            incident.start_minute as usize,
            incident.duration_minutes as usize,
            incident.error_ratio,
        );
    }
    for start in failed_release_minutes(scenario, window_minutes) {
        add(
            start,
            scenario.releases.restore_minutes.round() as usize,
            scenario.releases.error_ratio,
        );
    }
    if slo.maintenance_counts {
        for m in &scenario.maintenance {
            add(
                m.start_minute as usize,
                m.duration_minutes as usize,
                m.error_ratio,
            );
        }
    }
    for r in &mut ratio {
        *r = r.clamp(0.0, 1.0);
    }
    ratio
}

/// Releases spread evenly over the window; release k fails when the expected failure count
/// passes a whole number, so a window holds ⌊releases × change failure rate⌋ failures.
pub fn failed_release_minutes(scenario: &Scenario, window_minutes: usize) -> Vec<usize> {
    let releases = (scenario.releases.releases_per_week * window_minutes as f64
        / (7.0 * MINUTES_PER_DAY))
        .round() as usize;
    let cfr = scenario.releases.change_failure_rate;
    (0..releases)
        .filter(|&k| {
            ((k + 1) as f64 * cfr + TOLERANCE).floor() > (k as f64 * cfr + TOLERANCE).floor()
        })
        .map(|k| ((k as f64 + 0.5) * window_minutes as f64 / releases as f64) as usize)
        .collect()
}

/// Plays a scenario against an SLO.
pub fn simulate(scenario: &Scenario, slo: &Slo) -> Simulation {
    let target = scenario
        .target_override_percent
        .unwrap_or(slo.target_percent);
    let budget = ErrorBudget::new(target, f64::from(slo.window.days()));
    let window_minutes = budget.window_minutes().round() as usize;
    let ratios = error_ratios(scenario, slo, window_minutes);
    let mut prefix = Vec::with_capacity(window_minutes + 1);
    prefix.push(0.0);
    let mut sum = 0.0;
    for r in &ratios {
        sum += r;
        prefix.push(sum);
    }
    let rules = burn_rate_rules(&slo.alerting.tiers, &budget);
    let budget_minutes = budget.minutes();
    let fraction = budget.fraction();

    // Alert firings, one rule at a time over prefix sums: a rule fires in minute m when the
    // errors summed over each of its windows reach threshold × budget fraction × length
    // (minutes before the window count as error-free).
    let mut firing = vec![false; window_minutes];
    let mut alerts = Vec::new();
    for (index, rule) in rules.iter().enumerate() {
        let long = (rule.long_minutes.round() as usize).max(1);
        let short = (rule.short_minutes.round() as usize).max(1);
        let need = rule.threshold * fraction * (1.0 - TOLERANCE);
        let (need_long, need_short) = (need * long as f64, need * short as f64);
        let mut open: Option<usize> = None;
        for m in 0..window_minutes {
            let end = prefix[m + 1];
            let fires = end - prefix[(m + 1).saturating_sub(long)] >= need_long
                && end - prefix[(m + 1).saturating_sub(short)] >= need_short;
            if fires {
                firing[m] = true;
                open.get_or_insert(m);
            } else if let Some(start) = open.take() {
                alerts.push(AlertSpan {
                    rule: index,
                    start,
                    end: Some(m),
                });
            }
        }
        if let Some(start) = open {
            alerts.push(AlertSpan {
                rule: index,
                start,
                end: None,
            });
        }
    }
    alerts.sort_by_key(|a| (a.start, a.rule));

    // The budget consumed never falls (error ratios are 0 or more), so the first minute at
    // or past a share is found by bisection.
    let first_reaching = |share: f64| {
        let m = prefix[1..].partition_point(|&bad| bad / budget_minutes < share);
        (m < window_minutes).then_some(m)
    };
    let exhausted_at = first_reaching(1.0 - TOLERANCE);
    let longest = rules
        .iter()
        .map(|r| r.long_minutes.round() as usize)
        .max()
        .unwrap_or(0);
    let detection_minutes = scenario
        .incidents
        .iter()
        .map(|incident| {
            let start = incident.start_minute as usize;
            let until = start
                .saturating_add(incident.duration_minutes as usize)
                .saturating_add(longest)
                .min(window_minutes);
            (start..until).find(|&m| firing[m]).map(|m| m + 1 - start)
        })
        .collect();
    let crossings = slo
        .policy
        .thresholds
        .iter()
        .map(|t| ThresholdCrossing {
            consumed_percent: t.consumed_percent,
            action: t.action.clone(),
            minute: first_reaching((t.consumed_percent - TOLERANCE) / 100.0),
        })
        .collect();
    Simulation {
        budget,
        window_minutes,
        prefix,
        rules,
        alerts,
        exhausted_at,
        detection_minutes,
        crossings,
    }
}

impl Simulation {
    /// Share of the budget consumed after minute `m` (may exceed 1).
    pub fn consumed_after(&self, m: usize) -> f64 {
        self.prefix[(m + 1).min(self.window_minutes)] / self.budget.minutes()
    }

    /// Share of the budget left at the end of the window (negative when overspent).
    pub fn left_at_end(&self) -> f64 {
        1.0 - self.prefix[self.window_minutes] / self.budget.minutes()
    }

    /// Budget left after each minute.
    pub fn budget_left(&self) -> Vec<f64> {
        let budget_minutes = self.budget.minutes();
        self.prefix[1..]
            .iter()
            .map(|bad| 1.0 - bad / budget_minutes)
            .collect()
    }

    /// Burn rate over the `window` minutes ending with each minute.
    pub fn burn_rate(&self, window: usize) -> Vec<f64> {
        let n = window.max(1);
        let (length, fraction) = (n as f64, self.budget.fraction());
        // The window ending with minute m starts after prefix[max(m + 1 - n, 0)]: n times
        // prefix[0], then prefix[1], prefix[2], … (iterated, not indexed: this runs for
        // every minute of the window on each edit).
        let ends = self.prefix[1..].iter();
        let starts = std::iter::repeat_n(self.prefix[0], n).chain(self.prefix[1..].iter().copied());
        ends.zip(starts)
            .take(self.window_minutes)
            .map(|(end, start)| (end - start) / length / fraction)
            .collect()
    }

    /// Number of firings of page rules and of ticket rules.
    pub fn pages_and_tickets(&self) -> (usize, usize) {
        let pages = self
            .alerts
            .iter()
            .filter(|a| self.rules[a.rule].severity == AlertSeverity::Page)
            .count();
        (pages, self.alerts.len() - pages)
    }

    /// Mean minutes to detect over the incidents that were detected.
    pub fn mean_time_to_detect(&self) -> Option<f64> {
        let detected: Vec<usize> = self.detection_minutes.iter().flatten().copied().collect();
        (!detected.is_empty())
            .then(|| detected.iter().sum::<usize>() as f64 / detected.len() as f64)
    }
}
