//! When each rule fires on a series of minutes, evaluated every minute as Prometheus
//! evaluates a rule group with a 1-minute interval.
//!
//! Conventions (the same as the replay's backtest): a window's error ratio is bad ÷ total
//! events over the minutes ending with the evaluated one (event-weighted, as a ratio of two
//! `rate`s); a window with no events never fires; a rule is evaluated from the first minute
//! its long window lies wholly within the series; with a `for:` of F minutes a rule fires
//! once its condition has held at F + 1 consecutive evaluations.

use super::schemes::{Comparison, LabRule};

/// Good and total events (or weights) per minute: what the lab replays.
#[derive(Clone, Debug, PartialEq)]
pub struct Minutes {
    /// Good events per minute.
    pub good: Vec<f64>,
    /// All events per minute.
    pub total: Vec<f64>,
}

/// 0 and then the sum of `values` up to each one: any stretch's sum is a difference.
pub fn running_sums(values: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(values.len() + 1);
    let mut sum = 0.0;
    out.push(0.0);
    for v in values {
        sum += v;
        out.push(sum);
    }
    out
}

/// Running sums of a series of minutes, for any window's ratio in constant time.
#[derive(Clone, Debug)]
pub struct Sums {
    good: Vec<f64>,
    total: Vec<f64>,
}

impl Sums {
    /// The running sums of `minutes`.
    pub fn of(minutes: &Minutes) -> Sums {
        Sums {
            good: running_sums(&minutes.good),
            total: running_sums(&minutes.total),
        }
    }

    /// Minutes in the series.
    pub fn len(&self) -> usize {
        self.total.len() - 1
    }

    /// Whether the series is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// All events in minutes `from..to`.
    pub fn total(&self, from: usize, to: usize) -> f64 {
        self.total[to] - self.total[from]
    }

    /// Bad events in minutes `from..to` (never negative).
    pub fn bad(&self, from: usize, to: usize) -> f64 {
        (self.total(from, to) - (self.good[to] - self.good[from])).max(0.0)
    }

    /// Good ÷ total over minutes `from..to`, if any event arrived.
    pub fn sli(&self, from: usize, to: usize) -> Option<f64> {
        let total = self.total(from, to);
        (total > 0.0).then(|| (self.good[to] - self.good[from]) / total)
    }

    /// The window of `length` minutes ending with minute `m`, as `from..to`.
    pub fn ending_at(m: usize, length: usize) -> (usize, usize) {
        ((m + 1).saturating_sub(length), m + 1)
    }
}

/// slo-generator's rounding: Python's `round(x, n)`, correctly rounded from the binary value
/// with ties to even, as Rust's formatting rounds.
fn round_to(value: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    let scaled = value * scale;
    // Away from a tie, rounding the scaled value and dividing back is correctly rounded
    // (both are exact or correctly rounded operations); near one, format exactly.
    if ((scaled - scaled.floor()) - 0.5).abs() > 1e-6 {
        scaled.round() / scale
    } else {
        format!("{value:.decimals$}").parse().unwrap_or(value)
    }
}

/// The error ratio of every window of `length` minutes, by the minute it ends with (NaN
/// where the window holds no events).
pub fn window_ratios(sums: &Sums, length: usize) -> Vec<f64> {
    let length = length.max(1);
    let n = sums.len();
    let (good, total) = (&sums.good, &sums.total);
    // bad ÷ total, as a rule divides its two sums (one rounding, so integer counts give
    // Prometheus' own quotient).
    let ratio = |g: f64, t: f64| if t > 0.0 { (t - g) / t } else { f64::NAN };
    let mut out = Vec::with_capacity(n);
    // Windows that reach back past the first minute start there.
    for m in 0..n.min(length - 1) {
        out.push(ratio(good[m + 1] - good[0], total[m + 1] - total[0]));
    }
    if n >= length {
        // Whole windows: minutes `m + 1 − length ..= m` for m from `length − 1`.
        let ends = good[length..].iter().zip(&total[length..]);
        let starts = good[..=n - length].iter().zip(&total[..=n - length]);
        out.extend(
            ends.zip(starts)
                .map(|((g1, t1), (g0, t0))| ratio(g1 - g0, t1 - t0)),
        );
    }
    out
}

/// Whether an error `ratio` meets `rule` for a budget `fraction` (1 − target). NaN (no
/// events) never does.
fn meets(rule: &LabRule, ratio: f64, fraction: f64) -> bool {
    if rule.rounded {
        // report.py L253/255 then L148 and L151: the SLI to 6 decimals, the burn rate to 1.
        let burn = round_to((1.0 - round_to(1.0 - ratio, 6)) / fraction, 1);
        return burn > rule.factor;
    }
    let need = rule.factor * fraction;
    match rule.comparison {
        Comparison::Above => ratio > need,
        Comparison::AtLeast => ratio >= need,
    }
}

/// The smallest error ratio in [0, 1] that meets `rule` (infinity if none does). `meets`
/// only grows with the ratio (rounding keeps order), so one bisection over the ratios'
/// bit patterns replaces the comparison, rounding and all, at every minute.
fn lowest_meeting(rule: &LabRule, fraction: f64) -> f64 {
    if !meets(rule, 1.0, fraction) {
        return f64::INFINITY;
    }
    // Non-negative floats order as their bits do.
    let (mut lo, mut hi) = (0u64, 1.0f64.to_bits());
    if meets(rule, 0.0, fraction) {
        return 0.0;
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if meets(rule, f64::from_bits(mid), fraction) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    f64::from_bits(hi)
}

/// The minutes `rule` fires in, given each of its windows' ratios (`ratios(length)`, as
/// [`window_ratios`] computes them; callers cache them across rules).
pub fn firing_with(
    rule: &LabRule,
    ratios: &mut impl FnMut(usize) -> std::rc::Rc<Vec<f64>>,
    fraction: f64,
) -> Vec<bool> {
    let need = lowest_meeting(rule, fraction);
    let long = ratios(rule.long_minutes);
    let short = ratios(rule.short_minutes.unwrap_or(rule.long_minutes));
    let mut out = vec![false; long.len()];
    let mut held = 0usize;
    let first = (rule.long_minutes.max(1) - 1).min(long.len());
    for ((fires, &l), &s) in out[first..]
        .iter_mut()
        .zip(&long[first..])
        .zip(&short[first..])
    {
        // NaN (no events) compares false.
        if l >= need && s >= need {
            held += 1;
            *fires = held > rule.for_minutes;
        } else {
            held = 0;
        }
    }
    out
}

/// The minutes `rule` fires in, over the series summed in `sums`.
pub fn firing_minutes(rule: &LabRule, sums: &Sums, fraction: f64) -> Vec<bool> {
    firing_with(
        rule,
        &mut |length| std::rc::Rc::new(window_ratios(sums, length)),
        fraction,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::AlertSeverity;

    fn rule(long: usize, short: Option<usize>, factor: f64, for_minutes: usize) -> LabRule {
        LabRule {
            severity: AlertSeverity::Page,
            long_minutes: long,
            short_minutes: short,
            factor,
            for_minutes,
            comparison: Comparison::Above,
            rounded: false,
            label: String::new(),
        }
    }

    /// 100 events a minute; every one fails in the minutes of `bad`.
    fn outage(n: usize, bad: std::ops::Range<usize>) -> Sums {
        let good = (0..n)
            .map(|m| if bad.contains(&m) { 0.0 } else { 100.0 })
            .collect();
        Sums::of(&Minutes {
            good,
            total: vec![100.0; n],
        })
    }

    #[test]
    fn a_full_outage_fires_a_14_4x_hour_rule_in_its_first_minute() {
        // 99.9 %: a full outage burns 1000×; one bad minute in an hour is a ratio of 1/60 =
        // 1.67 %, above 14.4 × 0.1 % = 1.44 %; the 5-minute window holds 20 %.
        let sums = outage(120, 60..90);
        let fires = firing_minutes(&rule(60, Some(5), 14.4, 0), &sums, 0.001);
        let first = fires.iter().position(|&f| f);
        assert_eq!(first, Some(60));
        // It stops when the 5-minute window is clean again: minute 94 is the first whose
        // last 5 minutes (90–94) had no error.
        let last = fires.iter().rposition(|&f| f);
        assert_eq!(last, Some(93));
    }

    #[test]
    fn for_delays_firing_by_its_minutes_and_a_long_window_waits_for_history() {
        let sums = outage(200, 100..200);
        let fires = firing_minutes(&rule(60, Some(5), 14.4, 2), &sums, 0.001);
        assert_eq!(fires.iter().position(|&f| f), Some(102));
        // A 3-day window is never wholly inside 200 minutes.
        let fires = firing_minutes(&rule(4320, Some(360), 1.0, 0), &sums, 0.001);
        assert!(fires.iter().all(|&f| !f));
    }

    #[test]
    fn at_least_fires_on_the_threshold_and_above_does_not() {
        // 4 events a minute, one failing: a ratio of exactly 0.25, and 2× a budget of
        // 0.125 is exactly 0.25 too.
        let sums = Sums::of(&Minutes {
            good: vec![3.0; 60],
            total: vec![4.0; 60],
        });
        let mut r = rule(60, Some(5), 2.0, 0);
        assert!(!firing_minutes(&r, &sums, 0.125)[59]);
        r.comparison = Comparison::AtLeast;
        assert!(firing_minutes(&r, &sums, 0.125)[59]);
    }

    #[test]
    fn slo_generator_rounds_the_burn_rate_to_one_decimal_before_comparing() {
        // 99.9 % target; 9.04× rounds to 9.0 (no alert at 9), 9.06× to 9.1 (alert).
        let series = |burn: f64| {
            let total = vec![1000.0; 60];
            let good = total.iter().map(|t| t * (1.0 - burn * 0.001)).collect();
            Sums::of(&Minutes { good, total })
        };
        let mut r = rule(60, None, 9.0, 0);
        r.rounded = true;
        assert!(!firing_minutes(&r, &series(9.04), 0.001)[59]);
        assert!(firing_minutes(&r, &series(9.06), 0.001)[59]);
        assert_eq!(round_to(3.05, 1), 3.0);
        assert_eq!(round_to(0.25, 1), 0.2);
        assert_eq!(round_to(9.06, 1), 9.1);
        assert_eq!(round_to(0.999_123_45, 6), 0.999_123);
    }

    #[test]
    fn the_lowest_meeting_ratio_is_where_each_rule_starts_to_fire() {
        let mut r = rule(60, None, 14.4, 0);
        let need = lowest_meeting(&r, 0.001);
        assert!(meets(&r, need, 0.001) && !meets(&r, f64::from_bits(need.to_bits() - 1), 0.001));
        assert!(need > 0.0144 * (1.0 - 1e-12) && need < 0.0144 * (1.0 + 1e-12));
        r.rounded = true;
        r.factor = 9.0;
        // round(burn, 1) > 9 from 9.05× on, and the SLI is rounded to 6 decimals first: an
        // SLI of 0.9909505 rounds to 0.990950, a burn of 9.05, so the ratio 0.0090495
        // already alerts (at 99.9 %).
        let need = lowest_meeting(&r, 0.001);
        assert!((need - 0.009_049_5).abs() < 1e-9, "{need}");
        r.factor = 2000.0;
        assert_eq!(lowest_meeting(&r, 0.001), f64::INFINITY);
    }

    #[test]
    fn minutes_without_events_never_fire() {
        let sums = Sums::of(&Minutes {
            good: vec![0.0; 120],
            total: vec![0.0; 120],
        });
        assert!(firing_minutes(&rule(60, Some(5), 0.0, 0), &sums, 0.001)
            .iter()
            .all(|&f| !f));
    }
}
