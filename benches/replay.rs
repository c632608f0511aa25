//! Core benchmarks of history replay (issue "Replay real history"): reading a 10 MB CSV,
//! and replaying 90 days of one-minute rows with the SRE Workbook's alert rules, and
//! packing those rows to keep them with the plan. Run with
//! `make bench` (or `cargo bench --bench replay`).

#[path = "../tests/common/noisy.rs"]
mod noisy;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use sre_workbook::model::history::series::{SeriesText, Weight};
use sre_workbook::model::slo::budget::default_alert_tiers;
use sre_workbook::replay::backtest::{backtest, ReplayedSlo};
use sre_workbook::replay::csv_reader::{guess_mapping, read_history, read_table, ReadHistory};
use sre_workbook::replay::minute_grid::{lay_on_minutes, GapPolicy};

/// 90 days of one-minute rows (129,600), with a bad hour every ten days: about 5 MB.
fn csv_90_days() -> String {
    let mut text = String::from("timestamp,good,total\n");
    for m in 0..129_600u64 {
        let bad = if m % 14_400 < 60 { 40 } else { (m * 7919) % 3 };
        let at = 1_788_220_800 + m * 60; // from 2026-09-01T00:00:00Z, Unix seconds
        text.push_str(&format!("{at},{},1200\n", 1200 - bad));
    }
    text
}

fn read_10_mb(c: &mut Criterion) {
    let mut text = csv_90_days();
    let body = text.split_once('\n').unwrap().1.to_string();
    while text.len() < 10_000_000 {
        text.push_str(&body);
    }
    c.bench_function(
        &format!(
            "read a {:.1} MB CSV (parse, map, check)",
            text.len() as f64 / 1e6
        ),
        |b| {
            b.iter(|| {
                let table = read_table(black_box(&text)).unwrap();
                let mapping = guess_mapping(&table.header).unwrap();
                read_history(&table, &mapping, &0).samples.len()
            })
        },
    );
}

fn replay_90_days(c: &mut Criterion) {
    let text = csv_90_days();
    let table = read_table(&text).unwrap();
    let history = read_history(&table, &guess_mapping(&table.header).unwrap(), &0);
    let tiers = default_alert_tiers(30);
    let slo = ReplayedSlo {
        target_percent: 99.9,
        window_days: 30,
        tiers: &tiers,
        thresholds: &[],
        min_events_per_hour: None,
    };
    c.bench_function(
        "replay 90 days of 1-minute rows (minute grid + backtest, 3 rules)",
        |b| {
            b.iter(|| {
                let grid = lay_on_minutes(
                    black_box(&history.samples),
                    history.weight,
                    GapPolicy::Excluded,
                )
                .unwrap();
                backtest(&grid, &slo).alerts.len()
            })
        },
    );
}

/// Keeping a history with the plan: its rows packed for storage, and unpacked when shown.
fn pack_90_days(c: &mut Criterion) {
    let samples = noisy::noisy_90_days(1_788_220_800_000);
    let history = ReadHistory {
        samples,
        weight: Weight::Events,
        problems: Vec::new(),
        out_of_order: 0,
    };
    let packed = SeriesText::encode(&history.samples).unwrap();
    c.bench_function(
        &format!(
            "pack 90 days of 1-minute rows for storage ({} bytes)",
            packed.len()
        ),
        |b| {
            b.iter(|| {
                SeriesText::encode(black_box(&history.samples))
                    .unwrap()
                    .len()
            })
        },
    );
    c.bench_function("unpack 90 days of 1-minute rows", |b| {
        b.iter(|| black_box(&packed).decode().unwrap().len())
    });
}

criterion_group!(benches, read_10_mb, replay_90_days, pack_90_days);
criterion_main!(benches);
