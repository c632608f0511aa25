//! The series the lab replays, and two questions about it: what the same service would
//! see with a hundredth of its traffic (thinned), and how far its SLI moves between
//! counting events (good ÷ total over the window, as Pyrra and the workbook's budget do)
//! and counting time (the mean of 5-minute ratios, as Sloth's period SLI does).

use super::evaluate::Minutes;
use crate::model::scenario::rng::Rng;

/// The share of events a thinned series keeps.
pub const THINNED_SHARE: f64 = 0.01;

/// `minutes` with each event kept at random with probability `keep` (good and bad events
/// alike, so the error ratio is unchanged on average): Poisson thinning, seeded so the
/// same history always thins the same way.
pub fn thin(minutes: &Minutes, keep: f64, seed: u64) -> Minutes {
    let mut rng = Rng::new(seed);
    let mut good = Vec::with_capacity(minutes.good.len());
    let mut total = Vec::with_capacity(minutes.total.len());
    for (g, t) in minutes.good.iter().zip(&minutes.total) {
        let bad = (t - g).max(0.0);
        let kept_good = f64::from(rng.poisson(g * keep));
        let kept_bad = f64::from(rng.poisson(bad * keep));
        good.push(kept_good);
        total.push(kept_good + kept_bad);
    }
    Minutes { good, total }
}

/// The SLI of a whole series counted two ways.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TwoSlis {
    /// Good ÷ total events over the whole series.
    pub event_weighted: Option<f64>,
    /// The mean of the 5-minute good ÷ total ratios (5-minute stretches without events
    /// left out).
    pub time_weighted: Option<f64>,
}

/// The SLI of `minutes` counted by events and by time.
pub fn two_slis(minutes: &Minutes) -> TwoSlis {
    let good: f64 = minutes.good.iter().sum();
    let total: f64 = minutes.total.iter().sum();
    let ratios: Vec<f64> = minutes
        .good
        .chunks(5)
        .zip(minutes.total.chunks(5))
        .filter_map(|(g, t)| {
            let t: f64 = t.iter().sum();
            (t > 0.0).then(|| g.iter().sum::<f64>() / t)
        })
        .collect();
    TwoSlis {
        event_weighted: (total > 0.0).then(|| good / total),
        time_weighted: (!ratios.is_empty())
            .then(|| ratios.iter().sum::<f64>() / ratios.len() as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_bad_hour_weighs_more_by_events_than_by_time() {
        // Two 5-minute stretches: 1,000 events a minute at 90 % good, then 10 a minute all
        // good. By events: (4,500 + 50) / 5,050 = 90.1 %; by time: (90 % + 100 %) / 2 = 95 %.
        let minutes = Minutes {
            good: [vec![900.0; 5], vec![10.0; 5]].concat(),
            total: [vec![1000.0; 5], vec![10.0; 5]].concat(),
        };
        let slis = two_slis(&minutes);
        assert!((slis.event_weighted.unwrap() - 4550.0 / 5050.0).abs() < 1e-12);
        assert!((slis.time_weighted.unwrap() - 0.95).abs() < 1e-12);
        let empty = Minutes {
            good: vec![0.0; 5],
            total: vec![0.0; 5],
        };
        assert_eq!(
            two_slis(&empty),
            TwoSlis {
                event_weighted: None,
                time_weighted: None
            }
        );
    }

    #[test]
    fn thinning_keeps_a_hundredth_of_the_events_and_their_ratio() {
        // 10 days of 1,000 events a minute at 99 % good: about 144,000 kept, 1 % of them bad.
        let n = 10 * 1440;
        let minutes = Minutes {
            good: vec![990.0; n],
            total: vec![1000.0; n],
        };
        let thinned = thin(&minutes, THINNED_SHARE, 7);
        let total: f64 = thinned.total.iter().sum();
        let good: f64 = thinned.good.iter().sum();
        assert!((total / 144_000.0 - 1.0).abs() < 0.01, "{total}");
        assert!(((total - good) / total - 0.01).abs() < 0.001);
        assert_eq!(thin(&minutes, THINNED_SHARE, 7), thinned, "seeded");
    }
}
