//! The backtest: what an SLO would have said about a real history. Achieved SLI overall, per
//! window and per calendar month; the budget burn-down of each window with the policy's
//! thresholds; every alert the SLO's burn-rate rules would have fired; and the strictest
//! targets the history would have met.
//!
//! Conventions: a window's SLI is good ÷ total over its minutes. An alert rule fires in a
//! minute as the exported Prometheus rule would: when the error ratio over both its windows
//! ending with that minute is strictly greater (`>`) than the threshold the rule file
//! writes (burn rate × budget, rounded as written), and, for a history of event counts with
//! a low-traffic guard, when the last hour held at least the guard's events (`>=`); windows
//! without traffic never fire. Unlike the simulation, nothing is assumed about the time
//! before the history: a rule is evaluated from the first minute its long window lies
//! wholly within the history.

use super::csv_reader::Weight;
use super::minute_grid::MinuteGrid;
use crate::interop::yaml::number;
use crate::model::alert_lab::evaluate::running_sums;
use crate::model::plan::calendar::civil_from_days;
use crate::model::plan::{AlertTier, PolicyThreshold, Slo};
use crate::model::slo::budget::{
    burn_rate_rules, AlertSeverity, BurnRateRule, ErrorBudget, MINUTES_PER_DAY,
};

const TOLERANCE: f64 = 1e-9;
const MINUTE_MS: i64 = 60_000;

/// The SLO a history is replayed against.
#[derive(Clone, Debug)]
pub struct ReplayedSlo<'a> {
    /// Target, percent.
    pub target_percent: f64,
    /// The SLO window, days.
    pub window_days: u32,
    /// Its alert tiers.
    pub tiers: &'a [AlertTier],
    /// Its error-budget policy thresholds.
    pub thresholds: &'a [PolicyThreshold],
    /// The low-traffic guard applied: alerts need at least this many events in the last
    /// hour. Only for histories of event counts (see [`ReplayedSlo::of`]).
    pub min_events_per_hour: Option<f64>,
}

impl<'a> ReplayedSlo<'a> {
    /// `slo` replayed over a history that weighs `weight`: its target, window, tiers and
    /// policy, and its low-traffic guard where the history counts events.
    pub fn of(slo: &'a Slo, weight: Weight) -> ReplayedSlo<'a> {
        ReplayedSlo {
            target_percent: slo.target_percent,
            window_days: slo.window.days(),
            tiers: &slo.alerting.tiers,
            thresholds: &slo.policy.thresholds,
            min_events_per_hour: match weight {
                Weight::Events => slo.alerting.min_events_per_hour,
                Weight::Time => None,
            },
        }
    }
}

/// What becomes of `slo`'s low-traffic guard when it is replayed over a history that weighs
/// `weight`, in words; `None` when the SLO has no guard.
pub fn guard_statement(slo: &Slo, weight: Weight) -> Option<String> {
    let events = slo.alerting.min_events_per_hour?;
    Some(match weight {
        Weight::Events => format!(
            "Alerts fire only when the last hour had at least {} events (the low-traffic guard), as in the exported rules.",
            number(events)
        ),
        Weight::Time => format!(
            "The low-traffic guard ({} events per hour) is not replayed: this history holds error ratios or time slices, not event counts.",
            number(events)
        ),
    })
}

/// One SLO window of the history (consecutive windows from its first minute).
#[derive(Clone, Debug, PartialEq)]
pub struct WindowResult {
    /// First minute.
    pub start: usize,
    /// Minute after the last (the last window may be shorter).
    pub end: usize,
    /// Achieved SLI (0–1); `None` without traffic.
    pub sli: Option<f64>,
    /// Budget consumed, share (1 = all of it; may exceed 1).
    pub consumed: f64,
    /// Each policy threshold and the minute it was crossed, if it was.
    pub crossings: Vec<(f64, Option<usize>)>,
}

/// One calendar month (UTC) of the history.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthResult {
    /// `YYYY-MM`.
    pub month: String,
    /// Achieved SLI; `None` without traffic.
    pub sli: Option<f64>,
    /// Budget consumed, share.
    pub consumed: f64,
}

/// An alert the SLO's rules would have fired.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplayedAlert {
    /// Index into [`Backtest::rules`].
    pub rule: usize,
    /// Page or ticket.
    pub severity: AlertSeverity,
    /// First minute firing.
    pub start: usize,
    /// First minute no longer firing; `None` if still firing at the end.
    pub end: Option<usize>,
    /// Highest burn rate over the rule's long window while firing.
    pub peak_burn: f64,
    /// Minutes from the start of the burn (the run of minutes burning faster than the
    /// budget allows that leads into the alert) to the alert.
    pub delay_minutes: Option<usize>,
}

/// Everything the backtest found.
#[derive(Clone, Debug)]
pub struct Backtest {
    /// The budget of the target replayed.
    pub budget: ErrorBudget,
    /// Achieved SLI over the whole history; `None` without traffic.
    pub overall_sli: Option<f64>,
    /// Consecutive SLO windows.
    pub windows: Vec<WindowResult>,
    /// Calendar months.
    pub months: Vec<MonthResult>,
    /// The rules evaluated.
    pub rules: Vec<BurnRateRule>,
    /// Every firing, in order of start.
    pub alerts: Vec<ReplayedAlert>,
    prefix_good: Vec<f64>,
    prefix_total: Vec<f64>,
}

impl Backtest {
    /// SLI over minutes `from..to`; `None` without traffic.
    pub fn sli(&self, from: usize, to: usize) -> Option<f64> {
        sli(&self.prefix_good, &self.prefix_total, from, to)
    }

    /// The SLI over the trailing SLO window (cut at the start of the history, so the first
    /// window grows), every `every` minutes and at the end, as (minute after, SLI).
    pub fn rolling(&self, every: usize) -> Vec<(usize, f64)> {
        self.rolling_over(0, self.prefix_total.len() - 1, every)
    }

    /// [`Backtest::rolling`] for the windows ending after minute `from` up to minute `to`
    /// (a zoomed chart's span): every `every` minutes and at `to`.
    pub fn rolling_over(&self, from: usize, to: usize, every: usize) -> Vec<(usize, f64)> {
        let to = to.min(self.prefix_total.len() - 1);
        let from = from.min(to);
        let window = self.budget.window_minutes().round() as usize;
        let every = every.max(1);
        ((from + every)..=to)
            .step_by(every)
            .chain((!(to - from).is_multiple_of(every)).then_some(to))
            .filter_map(|end| Some((end, self.sli(end.saturating_sub(window), end)?)))
            .collect()
    }

    /// The SLO window's length in minutes.
    pub fn window_minutes(&self) -> usize {
        self.budget.window_minutes().round() as usize
    }

    /// Budget left (share) after each minute of window `index`.
    pub fn budget_left(&self, index: usize) -> Vec<f64> {
        let Some(w) = self.windows.get(index) else {
            return Vec::new();
        };
        let allowed = budget_events(&self.prefix_total, w.start, w.end, self.budget.fraction());
        (w.start..w.end)
            .map(|m| {
                let bad = bad_between(&self.prefix_good, &self.prefix_total, w.start, m + 1);
                if allowed > 0.0 {
                    1.0 - bad / allowed
                } else {
                    1.0
                }
            })
            .collect()
    }
}

fn sli(good: &[f64], total: &[f64], from: usize, to: usize) -> Option<f64> {
    let t = total[to] - total[from];
    (t > 0.0).then(|| ((good[to] - good[from]) / t).clamp(0.0, 1.0))
}

fn bad_between(good: &[f64], total: &[f64], from: usize, to: usize) -> f64 {
    (total[to] - total[from]) - (good[to] - good[from])
}

/// The budget of a span in its own events: the allowed share of its traffic.
fn budget_events(total: &[f64], from: usize, to: usize, fraction: f64) -> f64 {
    (total[to] - total[from]) * fraction
}

/// Replays `grid` against `slo`.
pub fn backtest(grid: &MinuteGrid, slo: &ReplayedSlo) -> Backtest {
    let budget = ErrorBudget::new(slo.target_percent, f64::from(slo.window_days));
    let fraction = budget.fraction();
    let (pg, pt) = (running_sums(&grid.good), running_sums(&grid.total));
    let n = grid.len();
    let window = (f64::from(slo.window_days) * MINUTES_PER_DAY).round() as usize;

    let span = |start: usize, end: usize| {
        let allowed = budget_events(&pt, start, end, fraction);
        let bad = bad_between(&pg, &pt, start, end);
        let consumed = if allowed > 0.0 { bad / allowed } else { 0.0 };
        (sli(&pg, &pt, start, end), consumed, allowed)
    };
    let windows = (0..n)
        .step_by(window.max(1))
        .map(|start| {
            let end = (start + window).min(n);
            let (sli, consumed, allowed) = span(start, end);
            // The first minute the bad events reach each threshold's share of the budget
            // (bad events only grow, so by bisection over the prefix).
            let crossings = slo
                .thresholds
                .iter()
                .map(|t| {
                    let need = allowed * (t.consumed_percent / 100.0) * (1.0 - TOLERANCE);
                    let (mut lo, mut hi) = (start, end);
                    while lo < hi {
                        let mid = lo + (hi - lo) / 2;
                        if bad_between(&pg, &pt, start, mid + 1) < need {
                            lo = mid + 1;
                        } else {
                            hi = mid;
                        }
                    }
                    (
                        t.consumed_percent,
                        (allowed > 0.0 && lo < end).then_some(lo),
                    )
                })
                .collect();
            WindowResult {
                start,
                end,
                sli,
                consumed,
                crossings,
            }
        })
        .collect();

    let mut months = Vec::new();
    let mut m = 0;
    while m < n {
        let day = (grid.start_ms + m as i64 * MINUTE_MS).div_euclid(86_400_000);
        let (y, mo, _) = civil_from_days(day);
        let next_month =
            crate::model::plan::calendar::days_from_civil(y + i64::from(mo / 12), mo % 12 + 1, 1);
        let end_ms = next_month * 86_400_000;
        let end = (((end_ms - grid.start_ms) / MINUTE_MS) as usize).min(n);
        let (sli, consumed, _) = span(m, end);
        months.push(MonthResult {
            month: format!("{y:04}-{mo:02}"),
            sli,
            consumed,
        });
        m = end;
    }

    let rules = burn_rate_rules(slo.tiers, &budget);
    // The error ratio over the `length` minutes ending with minute `m`, as Prometheus
    // divides the two rates.
    let ratio = |m: usize, length: usize| {
        let from = (m + 1).saturating_sub(length);
        let t = pt[m + 1] - pt[from];
        if t > 0.0 {
            bad_between(&pg, &pt, from, m + 1) / t
        } else {
            0.0
        }
    };
    let burn = |m: usize, length: usize| ratio(m, length) / fraction;
    let guarded = |m: usize| {
        slo.min_events_per_hour
            .is_none_or(|events| pt[m + 1] - pt[(m + 1).saturating_sub(60)] >= events)
    };
    let mut alerts = Vec::new();
    for (index, rule) in rules.iter().enumerate() {
        let (long, short) = (
            (rule.long_minutes.round() as usize).max(1),
            (rule.short_minutes.round() as usize).max(1),
        );
        // The threshold as the rule file writes it (`> 0.0144`), read back as Prometheus
        // reads it.
        let need: f64 = number(rule.threshold * fraction)
            .parse()
            .unwrap_or(rule.threshold * fraction);
        let mut open: Option<(usize, f64)> = None;
        let close =
            |start: usize, peak: f64, end: Option<usize>, alerts: &mut Vec<ReplayedAlert>| {
                // The burn began where the minutes burning faster than allowed leading into
                // the alert began.
                let mut began = start + 1;
                while began > 0 && burn(began - 1, 1) > 1.0 {
                    began -= 1;
                }
                alerts.push(ReplayedAlert {
                    rule: index,
                    severity: rule.severity,
                    start,
                    end,
                    peak_burn: peak,
                    delay_minutes: (began <= start).then(|| start - began + 1),
                });
            };
        for m in long.saturating_sub(1)..n {
            let long_ratio = ratio(m, long);
            let fires = long_ratio > need && ratio(m, short) > need && guarded(m);
            let long_rate = long_ratio / fraction;
            match (&mut open, fires) {
                (None, true) => open = Some((m, long_rate)),
                (Some((_, peak)), true) => *peak = peak.max(long_rate),
                (Some((start, peak)), false) => {
                    close(*start, *peak, Some(m), &mut alerts);
                    open = None;
                }
                (None, false) => {}
            }
        }
        if let Some((start, peak)) = open {
            close(start, peak, None, &mut alerts);
        }
    }
    alerts.sort_by_key(|a| (a.start, a.rule));

    Backtest {
        overall_sli: sli(&pg, &pt, 0, n),
        budget,
        windows,
        months,
        rules,
        alerts,
        prefix_good: pg,
        prefix_total: pt,
    }
}

/// Targets people choose from, strictest last.
pub const CANDIDATE_TARGETS: [f64; 10] = [
    90.0, 95.0, 98.0, 99.0, 99.5, 99.9, 99.95, 99.99, 99.995, 99.999,
];

/// What one candidate target would have meant for the history.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetCost {
    /// Target, percent.
    pub target_percent: f64,
    /// Windows met, of all windows with traffic.
    pub windows_met: usize,
    /// Windows with traffic.
    pub windows: usize,
    /// The worst window's budget consumed, share.
    pub worst_consumed: f64,
    /// Pages and tickets its rules would have sent.
    pub pages: usize,
    /// Tickets.
    pub tickets: usize,
}

/// The target finder's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetFinding {
    /// The strictest candidate met in every window.
    pub met_always: Option<f64>,
    /// The strictest candidate met in at least 90 % of windows.
    pub met_nine_in_ten: Option<f64>,
    /// Every candidate with its cost.
    pub candidates: Vec<TargetCost>,
}

/// Replays each candidate target (same window and tiers) and finds the strictest met.
pub fn find_targets(grid: &MinuteGrid, slo: &ReplayedSlo) -> TargetFinding {
    let candidates: Vec<TargetCost> = CANDIDATE_TARGETS
        .iter()
        .map(|&target_percent| {
            let run = backtest(
                grid,
                &ReplayedSlo {
                    target_percent,
                    ..slo.clone()
                },
            );
            let with_traffic: Vec<&WindowResult> =
                run.windows.iter().filter(|w| w.sli.is_some()).collect();
            let met = with_traffic
                .iter()
                .filter(|w| w.sli.unwrap_or(0.0) * 100.0 >= target_percent * (1.0 - TOLERANCE))
                .count();
            let pages = run
                .alerts
                .iter()
                .filter(|a| a.severity == AlertSeverity::Page)
                .count();
            TargetCost {
                target_percent,
                windows_met: met,
                windows: with_traffic.len(),
                worst_consumed: with_traffic.iter().map(|w| w.consumed).fold(0.0, |a, b| {
                    if b > a {
                        b
                    } else {
                        a
                    }
                }),
                pages,
                tickets: run.alerts.len() - pages,
            }
        })
        .collect();
    let strictest = |share: f64| {
        candidates
            .iter()
            .filter(|c| {
                c.windows > 0 && c.windows_met as f64 >= share * c.windows as f64 - TOLERANCE
            })
            .map(|c| c.target_percent)
            .next_back()
    };
    TargetFinding {
        met_always: strictest(1.0),
        met_nine_in_ten: strictest(0.9),
        candidates,
    }
}
