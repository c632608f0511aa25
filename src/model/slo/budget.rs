//! Error-budget arithmetic, as in the Google SRE Workbook ("Implementing SLOs", "Alerting on
//! SLOs"): budget in time, events and slices, allowed downtime, multi-window multi-burn-rate
//! alert rules scaled to the SLO window, time to fire, and the reverse calculation.

use crate::model::plan::{AlertTier, BudgetingMethod, Slo};

/// Minutes in a day.
pub const MINUTES_PER_DAY: f64 = 1440.0;

/// Days in a year for downtime figures ("a year is 365 days").
pub const DAYS_PER_YEAR: f64 = 365.0;

/// The error budget of a target over a window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ErrorBudget {
    /// Target in percent (99.9).
    pub target_percent: f64,
    /// Window length in days.
    pub window_days: f64,
}

impl ErrorBudget {
    /// The budget of a target in percent over a window in days.
    pub fn new(target_percent: f64, window_days: f64) -> Self {
        ErrorBudget {
            target_percent,
            window_days,
        }
    }

    /// The budget of an SLO, over its window (a calendar window with its real length).
    pub fn of_slo(slo: &Slo) -> Self {
        Self::new(slo.target_percent, f64::from(slo.window.days()))
    }

    /// Share of events or time allowed to be bad: 1 − SLO. Targets have at most five
    /// decimals, so rounding to seven removes binary noise: 99.9 gives exactly 0.001.
    pub fn fraction(&self) -> f64 {
        ((100.0 - self.target_percent) * 1e7).round() / 1e9
    }

    /// Window length in minutes.
    pub fn window_minutes(&self) -> f64 {
        self.window_days * MINUTES_PER_DAY
    }

    /// Allowed bad time over the window, in minutes: (1 − SLO) × W.
    pub fn minutes(&self) -> f64 {
        self.fraction() * self.window_minutes()
    }

    /// Allowed bad time over any period of `days`, in minutes.
    pub fn downtime_minutes_per(&self, days: f64) -> f64 {
        self.fraction() * days * MINUTES_PER_DAY
    }

    /// Allowed bad events over the window for an expected volume per day.
    pub fn events(&self, expected_per_day: f64) -> f64 {
        self.fraction() * expected_per_day * self.window_days
    }

    /// Number of time slices in the window.
    pub fn slices(&self, slice_minutes: f64) -> f64 {
        self.window_minutes() / slice_minutes
    }

    /// Allowed bad slices over the window.
    pub fn bad_slices(&self, slice_minutes: f64) -> f64 {
        self.fraction() * self.slices(slice_minutes)
    }

    /// Burn rate of an observed error ratio: ratio / (1 − SLO).
    pub fn burn_rate(&self, error_ratio: f64) -> f64 {
        error_ratio / self.fraction()
    }

    /// Share of the budget spent by burning at `burn_rate` for `minutes`: B × t / W.
    pub fn consumed_by(&self, burn_rate: f64, minutes: f64) -> f64 {
        burn_rate * minutes / self.window_minutes()
    }

    /// Minutes until the budget is gone at `burn_rate` with `left` (a fraction) remaining:
    /// r × W / b; `None` when nothing burns.
    pub fn time_to_exhaustion(&self, burn_rate: f64, left: f64) -> Option<f64> {
        (burn_rate > 0.0).then(|| left.max(0.0) * self.window_minutes() / burn_rate)
    }
}

/// Whether a rule pages someone or opens a ticket.
pub use crate::model::plan::AlertSeverity;

/// A multi-window, multi-burn-rate alert rule: fires when the burn rate over both the long
/// and the short window exceeds the threshold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BurnRateRule {
    /// Page or ticket.
    pub severity: AlertSeverity,
    /// Long window, minutes.
    pub long_minutes: f64,
    /// Short window, minutes (1/12 of the long one).
    pub short_minutes: f64,
    /// Burn-rate threshold.
    pub threshold: f64,
    /// Share of the budget spent in the long window when it fires.
    pub budget_share: f64,
}

/// The SRE Workbook's tiers for a 30-day window as (severity, long window in minutes, share
/// of budget spent): 14.4 over 1 h, 6 over 6 h, 1 over 3 days; short windows 1/12 of long.
const WORKBOOK_TIERS: [(AlertSeverity, u32, f64); 3] = [
    (AlertSeverity::Page, 60, 2.0),
    (AlertSeverity::Page, 360, 5.0),
    (AlertSeverity::Ticket, 4320, 10.0),
];

/// The SRE Workbook's tiers for a window of `window_days`: the same long windows and budget
/// shares (so thresholds scale as B = share × W / L), a long window never longer than the
/// SLO window, and short windows of 1/12.
pub fn default_alert_tiers(window_days: u32) -> Vec<AlertTier> {
    let window = window_days.max(1) * 1440;
    WORKBOOK_TIERS
        .iter()
        .map(|&(severity, long, budget_percent)| {
            let long_minutes = long.min(window);
            AlertTier {
                severity,
                long_minutes,
                short_minutes: (long_minutes / 12).max(1),
                budget_percent,
            }
        })
        .collect()
}

impl BurnRateRule {
    /// Minutes of an error ratio until the rule fires: L × B / b, or `None` when the burn
    /// rate b stays below the threshold B.
    pub fn time_to_fire(&self, budget: &ErrorBudget, error_ratio: f64) -> Option<f64> {
        let burn = budget.burn_rate(error_ratio);
        (burn >= self.threshold && burn > 0.0).then(|| self.long_minutes * self.threshold / burn)
    }
}

/// The alert rules of the SLO's tiers played against a budget: each tier's threshold is
/// B = share × W / L, so it fires when that share of the window's budget was spent over
/// the long window.
pub fn burn_rate_rules(tiers: &[AlertTier], budget: &ErrorBudget) -> Vec<BurnRateRule> {
    let window = budget.window_minutes();
    tiers
        .iter()
        .map(|tier| {
            let long_minutes = f64::from(tier.long_minutes.max(1));
            let budget_share = tier.budget_percent / 100.0;
            BurnRateRule {
                severity: tier.severity,
                long_minutes,
                short_minutes: f64::from(tier.short_minutes.max(1)),
                threshold: budget_share * window / long_minutes,
                budget_share,
            }
        })
        .collect()
}

/// Where an SLO stands from what was observed so far in its window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BudgetStatus {
    /// Level achieved so far, as a fraction (0.9995 for 99.95 %).
    pub achieved: f64,
    /// Share of the whole window's budget spent.
    pub spent: f64,
    /// Share of the whole window's budget left (negative when overspent).
    pub left: f64,
    /// Average burn rate so far.
    pub burn_rate: f64,
}

/// Where a budget stands after `bad` units (minutes of downtime, bad events or bad slices)
/// out of `total_so_far` valid units seen so far, when the whole window holds
/// `total_in_window` units.
pub fn budget_status(
    budget: &ErrorBudget,
    bad: f64,
    total_so_far: f64,
    total_in_window: f64,
) -> BudgetStatus {
    let observed_ratio = if total_so_far > 0.0 {
        bad / total_so_far
    } else {
        0.0
    };
    let allowed = budget.fraction() * total_in_window;
    let spent = if allowed > 0.0 {
        bad / allowed
    } else {
        f64::INFINITY
    };
    BudgetStatus {
        achieved: 1.0 - observed_ratio,
        spent,
        left: 1.0 - spent,
        burn_rate: budget.burn_rate(observed_ratio),
    }
}

/// The reverse calculation for an SLO: the status after `bad` units in the first
/// `elapsed_days` of the window. Units are minutes of downtime for time-based budgets shown
/// as time, events for event budgets and slices for time-slice budgets.
pub fn slo_status(slo: &Slo, bad: f64, elapsed_days: f64) -> BudgetStatus {
    let budget = ErrorBudget::of_slo(slo);
    let per_day = units_per_day(&slo.budgeting);
    budget_status(
        &budget,
        bad,
        per_day * elapsed_days,
        per_day * budget.window_days,
    )
}

/// Valid units per day of a budgeting method: events per day, or slices per day.
pub fn units_per_day(method: &BudgetingMethod) -> f64 {
    match method {
        BudgetingMethod::Events { expected_per_day } => *expected_per_day,
        BudgetingMethod::TimeSlices { slice_minutes, .. } => MINUTES_PER_DAY / slice_minutes,
    }
}

/// Targets shown beside an SLO's own, to compare what a neighboring promise would mean.
pub const NEIGHBOR_TARGETS_PERCENT: [f64; 6] = [99.0, 99.5, 99.9, 99.95, 99.99, 99.999];

/// The most a journey can promise when it depends on services in series: the product of
/// their availability targets (as fractions).
pub fn series_bound(service_targets: &[f64]) -> f64 {
    service_targets.iter().product()
}

/// A duration in minutes as people read it: "43 min 12 s", "8 h 45 min 36 s", "51.8 s".
pub fn format_duration(minutes: f64) -> String {
    if !minutes.is_finite() {
        return "never".to_string();
    }
    let seconds = minutes * 60.0;
    if seconds < 59.95 {
        let rounded = (seconds * 10.0).round() / 10.0;
        return if rounded.fract() == 0.0 {
            format!("{rounded:.0} s")
        } else {
            format!("{rounded:.1} s")
        };
    }
    let total = seconds.round() as u64;
    let (d, h, m, s) = (
        total / 86_400,
        total / 3600 % 24,
        total / 60 % 60,
        total % 60,
    );
    let parts: Vec<String> = [(d, "d"), (h, "h"), (m, "min"), (s, "s")]
        .iter()
        .skip_while(|(n, _)| *n == 0)
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
    parts.join(" ")
}

/// A count of events or slices, rounded down to whole ones with thousands separated:
/// "3,600 events" is what may fail, never more.
pub fn format_count(count: f64) -> String {
    let whole = count.floor().max(0.0) as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A fraction as a percentage with up to `decimals` decimals and no trailing zeros:
/// 0.9995 → "99.95 %".
pub fn format_percent(fraction: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, fraction * 100.0);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    format!("{text} %")
}
