//! An SLI history laid on a grid of whole minutes (UTC), the resolution the simulation and
//! the alert rules use. Each row covers the time until the next row; a pause longer than
//! one and a half usual steps is a gap ("no data"), which the user chooses to leave out
//! (the default), count as good or count as bad.

use super::csv_reader::{Sample, Weight};

const MINUTE_MS: i64 = 60_000;

pub use super::limits::MAX_MINUTES;

pub use crate::model::history::series::GapPolicy;

/// Good and total per minute from `start_ms`.
#[derive(Clone, Debug, PartialEq)]
pub struct MinuteGrid {
    /// The first minute, ms since the Unix epoch (a whole minute).
    pub start_ms: i64,
    /// Good weight per minute.
    pub good: Vec<f64>,
    /// Total weight per minute (0 for a minute left out).
    pub total: Vec<f64>,
    /// Whether the minute had data (before the gap policy).
    pub has_data: Vec<bool>,
    /// The usual step between rows, minutes (the median).
    pub step_minutes: f64,
    /// Gaps as (first minute, length in minutes).
    pub gaps: Vec<(usize, usize)>,
}

impl MinuteGrid {
    /// Minutes on the grid.
    pub fn len(&self) -> usize {
        self.total.len()
    }

    /// Whether the grid is empty.
    pub fn is_empty(&self) -> bool {
        self.total.is_empty()
    }
}

/// Lays `samples` (sorted, no duplicate times) on minutes and applies `gaps`.
pub fn lay_on_minutes(
    samples: &[Sample],
    weight: Weight,
    gaps: GapPolicy,
) -> Result<MinuteGrid, String> {
    let (Some(first), Some(last)) = (samples.first(), samples.last()) else {
        return Err("no usable rows: nothing to replay".into());
    };
    let mut steps: Vec<i64> = samples
        .windows(2)
        .map(|w| w[1].at_ms - w[0].at_ms)
        .collect();
    steps.sort_unstable();
    let step = steps
        .get(steps.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or(MINUTE_MS)
        .max(1);
    let start_ms = first.at_ms.div_euclid(MINUTE_MS) * MINUTE_MS;
    let end_ms = last.at_ms.saturating_add(step);
    // Compared as i64 before any cast: on 32-bit wasm `as usize` would keep only the low
    // 32 bits of a span of 2^32 minutes and more.
    let minutes = end_ms
        .saturating_sub(start_ms)
        .saturating_add(MINUTE_MS - 1)
        / MINUTE_MS;
    if minutes > MAX_MINUTES as i64 {
        return Err(format!(
            "the history spans {} days; at most {} days can be replayed",
            minutes / 1440,
            MAX_MINUTES / 1440
        ));
    }
    let minutes = minutes as usize;
    let (mut good, mut total, mut covered) = (
        vec![0.0; minutes],
        vec![0.0; minutes],
        vec![0.0_f64; minutes],
    );
    for (i, s) in samples.iter().enumerate() {
        let next = samples.get(i + 1).map_or(s.at_ms + step, |n| n.at_ms);
        // A pause of more than one and a half steps: this row covers one step, then a gap.
        let until = if next - s.at_ms > step + step / 2 {
            s.at_ms + step
        } else {
            next
        };
        let length = (until - s.at_ms) as f64;
        let mut at = s.at_ms;
        while at < until {
            let minute = ((at - start_ms) / MINUTE_MS) as usize;
            let minute_end = start_ms + (minute as i64 + 1) * MINUTE_MS;
            let part = (minute_end.min(until) - at) as f64;
            let (share_good, share_total) = match weight {
                // Events spread evenly over the interval.
                Weight::Events => (s.good * part / length, s.total * part / length),
                // A ratio or slice weighs the time it covers, a minute weighing 1.
                Weight::Time => (
                    s.good * part / MINUTE_MS as f64,
                    s.total * part / MINUTE_MS as f64,
                ),
            };
            good[minute] += share_good;
            total[minute] += share_total;
            covered[minute] += part;
            at = minute_end.min(until);
        }
    }
    let has_data: Vec<bool> = covered.iter().map(|c| *c > 0.0).collect();
    let mut gap_list = Vec::new();
    let mut open: Option<usize> = None;
    for (m, data) in has_data.iter().enumerate() {
        match (data, open) {
            (false, None) => open = Some(m),
            (true, Some(s)) => {
                gap_list.push((s, m - s));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        gap_list.push((s, minutes - s));
    }
    if gaps != GapPolicy::Excluded {
        let with_data = has_data.iter().filter(|d| **d).count().max(1) as f64;
        let fill = match weight {
            Weight::Events => total.iter().sum::<f64>() / with_data,
            Weight::Time => 1.0,
        };
        for m in 0..minutes {
            if !has_data[m] {
                total[m] = fill;
                good[m] = if gaps == GapPolicy::Good { fill } else { 0.0 };
            }
        }
    }
    Ok(MinuteGrid {
        start_ms,
        good,
        total,
        has_data,
        step_minutes: step as f64 / MINUTE_MS as f64,
        gaps: gap_list,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_788_220_800_000; // 2026-09-01T00:00:00Z

    fn counts(rows: &[(i64, f64, f64)]) -> Vec<Sample> {
        rows.iter()
            .map(|&(minute, good, total)| Sample {
                at_ms: T0 + minute * MINUTE_MS,
                good,
                total,
            })
            .collect()
    }

    #[test]
    fn five_minute_counts_spread_over_their_minutes() {
        let grid = lay_on_minutes(
            &counts(&[(0, 450.0, 500.0), (5, 500.0, 500.0)]),
            Weight::Events,
            GapPolicy::Excluded,
        )
        .unwrap();
        assert_eq!(grid.len(), 10);
        assert_eq!(grid.step_minutes, 5.0);
        assert_eq!(grid.total, vec![100.0; 10]);
        assert_eq!(&grid.good[..5], &[90.0; 5]);
        assert!(grid.gaps.is_empty());
    }

    #[test]
    fn a_pause_is_a_gap_and_the_policy_fills_it() {
        let rows = counts(&[(0, 10.0, 10.0), (1, 10.0, 10.0), (5, 10.0, 10.0)]);
        let excluded = lay_on_minutes(&rows, Weight::Events, GapPolicy::Excluded).unwrap();
        assert_eq!(excluded.gaps, vec![(2, 3)]);
        assert_eq!(excluded.total, vec![10.0, 10.0, 0.0, 0.0, 0.0, 10.0]);
        let bad = lay_on_minutes(&rows, Weight::Events, GapPolicy::Bad).unwrap();
        assert_eq!(bad.total, vec![10.0; 6]);
        assert_eq!(bad.good, vec![10.0, 10.0, 0.0, 0.0, 0.0, 10.0]);
        let good = lay_on_minutes(&rows, Weight::Events, GapPolicy::Good).unwrap();
        assert_eq!(good.good, vec![10.0; 6]);
    }

    #[test]
    fn ratios_weigh_time_and_sub_minute_rows_add_up() {
        let rows: Vec<Sample> = (0..8)
            .map(|i| Sample {
                at_ms: T0 + i * 15_000,
                good: if i < 4 { 1.0 } else { 0.5 },
                total: 1.0,
            })
            .collect();
        let grid = lay_on_minutes(&rows, Weight::Time, GapPolicy::Excluded).unwrap();
        assert_eq!(grid.total, vec![1.0, 1.0]);
        assert_eq!(grid.good, vec![1.0, 0.5]);
    }

    #[test]
    fn too_long_or_empty_histories_are_refused() {
        assert_eq!(
            lay_on_minutes(&[], Weight::Events, GapPolicy::Excluded).unwrap_err(),
            "no usable rows: nothing to replay"
        );
        let rows = counts(&[(0, 1.0, 1.0), (1, 1.0, 1.0), (500 * 1440, 1.0, 1.0)]);
        assert_eq!(
            lay_on_minutes(&rows, Weight::Events, GapPolicy::Excluded).unwrap_err(),
            "the history spans 500 days; at most 400 days can be replayed"
        );
    }
}
