//! A noisy 90-day series of one-minute request counts, as a busy service exports them: the
//! packing test (tests/replay.rs) and the packing benchmark (benches/replay.rs) share it,
//! since a regular series packs to almost nothing and would flatter both.

use sre_workbook::model::history::series::Sample;
use sre_workbook::model::scenario::rng::Rng;

/// 129,600 rows from `start_ms` of 900–1,099 requests, a few failing in one minute of twenty.
#[allow(dead_code)] // not every test binary that includes `common` uses it
pub fn noisy_90_days(start_ms: i64) -> Vec<Sample> {
    let mut rng = Rng::new(7);
    (0..129_600)
        .map(|i| {
            let total = 900.0 + (rng.uniform() * 200.0).floor();
            let bad = if rng.uniform() < 0.05 {
                (rng.uniform() * 5.0).floor()
            } else {
                0.0
            };
            Sample {
                at_ms: start_ms + i * 60_000,
                good: total - bad,
                total,
            }
        })
        .collect()
}
