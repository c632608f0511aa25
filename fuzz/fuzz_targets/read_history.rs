//! Any bytes given to "Replay history" (a CSV or a Prometheus query_range response) are read
//! as the page reads them: split into a table in steps, rows read with the columns guessed
//! (or good and total in the first columns), laid on minutes with each gap choice, replayed
//! against a 99.9 % SLO with a low-traffic guard, and packed for the plan. Never a panic, a
//! hang or a crash; rows a plan keeps must unpack to the same rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sre_workbook::model::slo::budget::default_alert_tiers;
use sre_workbook::model::plan::PolicyThreshold;
use sre_workbook::model::history::series::SeriesText;
use sre_workbook::replay::backtest::{backtest, ReplayedSlo};
use sre_workbook::replay::csv_reader::{
    guess_mapping, read_history, ColumnMapping, Measure,
};
use sre_workbook::replay::minute_grid::{lay_on_minutes, GapPolicy};
use sre_workbook::replay::HistorySplit;

fuzz_target!(|data: &[u8]| {
    let Ok(mut split) = HistorySplit::open(data) else {
        return;
    };
    // Small uneven steps, as the page's slices cut the text anywhere.
    let step = 1 + data.first().copied().unwrap_or(0) as usize % 7;
    while !split.done() {
        split.step(step);
    }
    let Ok(table) = split.finish() else {
        return;
    };
    let mapping = guess_mapping(&table.header).unwrap_or(ColumnMapping {
        timestamp: 0,
        measure: Measure::Counts {
            good: Some(1),
            bad: None,
            total: 2,
        },
    });
    let read = read_history(&table, &mapping, &60);
    if read.samples.is_empty() {
        return;
    }
    if let Ok(packed) = SeriesText::encode(&read.samples) {
        assert_eq!(
            packed.decode().as_deref(),
            Ok(&read.samples[..]),
            "kept rows unpack as they were packed"
        );
    }
    let tiers = default_alert_tiers(30);
    let thresholds = [PolicyThreshold {
        consumed_percent: 50.0,
        action: String::new(),
    }];
    let slo = ReplayedSlo {
        target_percent: 99.9,
        window_days: 30,
        tiers: &tiers,
        thresholds: &thresholds,
        min_events_per_hour: Some(10.0),
    };
    for gaps in [GapPolicy::Excluded, GapPolicy::Good, GapPolicy::Bad] {
        if let Ok(grid) = lay_on_minutes(&read.samples, read.weight, gaps) {
            let run = backtest(&grid, &slo);
            assert!(run.windows.iter().all(|w| w.end <= grid.len()));
        }
    }
});
