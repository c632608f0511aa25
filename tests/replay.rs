//! The backtest of real history, with values worked out by hand, and the property that
//! replaying the minutes a scenario describes gives the scenario simulation's alerts.

mod common;

use proptest::prelude::*;
use sre_workbook::model::plan::{ErrorSpan, PolicyThreshold};
use sre_workbook::model::scenario::simulation::{error_ratios, simulate};
use sre_workbook::model::slo::budget::{default_alert_tiers, AlertSeverity};
use sre_workbook::replay::backtest::{backtest, find_targets, ReplayedSlo};
use sre_workbook::replay::csv_reader::{guess_mapping, read_history, read_table, Sample, Weight};
use sre_workbook::replay::figures::{
    alert_rows, attainment, attainment_description, burn_down_table, day_rows, overall_sentence,
    sli_text,
};
use sre_workbook::replay::minute_grid::{lay_on_minutes, GapPolicy};

const T0: i64 = 1_788_220_800_000; // 2026-09-01T00:00:00Z

/// A CSV of one-minute rows from T0, `good,total` per row.
fn csv(rows: impl Iterator<Item = (u64, u64)>) -> String {
    let mut text = String::from("timestamp,good,total\n");
    for (i, (good, total)) in rows.enumerate() {
        text.push_str(&format!(
            "{},{good},{total}\n",
            (T0 / 1000) as usize + i * 60
        ));
    }
    text
}

fn grid_of(text: &str, gaps: GapPolicy) -> sre_workbook::replay::minute_grid::MinuteGrid {
    let table = read_table(text).unwrap();
    let history = read_history(&table, &guess_mapping(&table.header).unwrap(), &0);
    assert!(history.problems.is_empty(), "{:?}", history.problems);
    lay_on_minutes(&history.samples, history.weight, gaps).unwrap()
}

fn slo<'a>(
    target: f64,
    days: u32,
    tiers: &'a [sre_workbook::model::plan::AlertTier],
    thresholds: &'a [PolicyThreshold],
) -> ReplayedSlo<'a> {
    ReplayedSlo {
        target_percent: target,
        window_days: days,
        tiers,
        thresholds,
        min_events_per_hour: None,
    }
}

#[test]
fn one_day_with_a_30_minute_outage_achieves_97_917_percent() {
    // 1,440 one-minute rows, minutes 600..630 all bad: 1 − 30/1440 = 0.979166…
    let text = csv((0..1440).map(|m| {
        if (600..630).contains(&m) {
            (0, 100)
        } else {
            (100, 100)
        }
    }));
    let grid = grid_of(&text, GapPolicy::Excluded);
    let tiers = default_alert_tiers(30);
    let run = backtest(&grid, &slo(99.9, 30, &tiers, &[]));
    assert_eq!(format!("{:.3}", run.overall_sli.unwrap() * 100.0), "97.917");
    assert_eq!(run.months.len(), 1);
    assert_eq!(run.months[0].month, "2026-09");
    // The trailing window is cut at the start of the history: hourly points, the last one
    // the whole day; before the outage every hour is 100 %.
    let rolling = run.rolling(60);
    assert_eq!(rolling.len(), 24);
    assert_eq!(rolling[9], (600, 1.0));
    assert_eq!(rolling.last().unwrap(), &(1440, run.overall_sli.unwrap()));
    assert_eq!(sli_text(run.overall_sli), "97.917 %");
    assert_eq!(
        overall_sentence(&run, 99.9),
        "97.917 % over the history (target 99.9 %): missed."
    );
}

#[test]
fn a_full_outage_pages_in_its_first_minute_and_stops_when_the_short_window_is_clean() {
    // 99.9 % over 30 days, the SRE Workbook's tiers. Four quiet days, then a 30-minute full
    // outage at minute 5,760. The 1 h page (14.4×): one bad minute of 60 burns
    // 1/60/0.001 = 16.7× and its 5-minute short window 200×, so it fires at once (1 minute
    // after the burn began). It stops at 5,794, the first minute whose 5 minutes
    // (5,790..5,794) are all good. The 6 h page (6×) needs k/360/0.001 ≥ 6, k ≥ 2.16: three
    // bad minutes, so it fires at 5,762, 3 minutes after the burn began.
    let start = 5760;
    let text = csv((0..start + 1440).map(|m| {
        if (start..start + 30).contains(&m) {
            (0, 1000)
        } else {
            (1000, 1000)
        }
    }));
    let grid = grid_of(&text, GapPolicy::Excluded);
    let tiers = default_alert_tiers(30);
    let run = backtest(&grid, &slo(99.9, 30, &tiers, &[]));
    let page_1h = run.alerts.iter().find(|a| a.rule == 0).unwrap();
    assert_eq!(
        (page_1h.start, page_1h.end, page_1h.delay_minutes),
        (start as usize, Some(start as usize + 34), Some(1))
    );
    assert_eq!(page_1h.severity, AlertSeverity::Page);
    // Peak over 1 h: 30 bad minutes of 60 → 0.5 / 0.001 = 500×.
    assert!(
        (page_1h.peak_burn - 500.0).abs() < 1e-6,
        "{}",
        page_1h.peak_burn
    );
    let page_6h = run.alerts.iter().find(|a| a.rule == 1).unwrap();
    assert_eq!(
        (page_6h.start, page_6h.delay_minutes),
        (start as usize + 2, Some(3))
    );
    // As the page shows them: 5,760 minutes after 2026-09-01 00:00 UTC is 2026-09-05 00:00.
    assert_eq!(
        alert_rows(&run, &grid)[0],
        [
            "2026-09-05 00:00 UTC".to_string(),
            "2026-09-05 00:34 UTC".into(),
            "Page: 14.4× over 1 h and 5 min".into(),
            "page".into(),
            "500×".into(),
            "1 min".into(),
        ]
    );
    // The 3-day ticket rule is evaluated from minute 4,319 on; before the outage it is quiet.
    assert!(
        run.alerts.iter().all(|a| a.start >= 5760),
        "{:?}",
        run.alerts
    );
}

#[test]
fn the_budget_burn_down_crosses_the_policy_thresholds_where_worked_out() {
    // One 30-day window of 1,000 requests a minute: 43,200,000 requests, budget 43,200 bad
    // ones at 99.9 %. Minute 100 fails all its 1,000 requests, the rest is good: 2.3148 %
    // of the budget, so the 2 % threshold is crossed in minute 100 and the 100 % one never.
    let mut rows: Vec<(u64, u64)> = vec![(1000, 1000); 43_200];
    rows[100] = (1000 - 1000, 1000);
    let thresholds = [
        PolicyThreshold {
            consumed_percent: 2.0,
            action: "look".into(),
        },
        PolicyThreshold {
            consumed_percent: 100.0,
            action: "freeze".into(),
        },
    ];
    let tiers = default_alert_tiers(30);
    let grid = grid_of(&csv(rows.into_iter()), GapPolicy::Excluded);
    let run = backtest(&grid, &slo(99.9, 30, &tiers, &thresholds));
    assert_eq!(run.windows.len(), 1);
    let w = &run.windows[0];
    // 1,000 bad of 43,200 allowed: 2.3148 % consumed; 2 % crossed in minute 100.
    assert!((w.consumed - 1000.0 / 43_200.0).abs() < 1e-12);
    assert_eq!(w.crossings, vec![(2.0, Some(100)), (100.0, None)]);
    // The chart's data table: the budget left at the end of each day, 100 − 2.3148 % from
    // day 1 on.
    let (headings, days) = burn_down_table(&run, &grid);
    assert_eq!(headings, ["Day of the window", "From 2026-09-01 00:00 UTC"]);
    assert_eq!(days.len(), 30);
    assert_eq!(days[0], ["Day 1", "97.7 %"]);
    assert_eq!(days[29], ["Day 30", "97.7 %"]);
    let left = run.budget_left(0);
    assert_eq!(left.len(), 43_200);
    assert_eq!(left[99], 1.0);
    assert!((left[100] - (1.0 - 1000.0 / 43_200.0)).abs() < 1e-12);
}

#[test]
fn gaps_change_the_result_only_as_the_user_chooses() {
    // One hour of good minutes, a 60-minute pause, one more hour.
    let mut text = String::from("timestamp,good,total\n");
    for m in (0..60).chain(120..180) {
        text.push_str(&format!("{},10,10\n", T0 / 1000 + m * 60));
    }
    let tiers = default_alert_tiers(30);
    let s = slo(99.0, 30, &tiers, &[]);
    let excluded = backtest(&grid_of(&text, GapPolicy::Excluded), &s);
    let bad = backtest(&grid_of(&text, GapPolicy::Bad), &s);
    let good = backtest(&grid_of(&text, GapPolicy::Good), &s);
    assert_eq!(excluded.overall_sli, Some(1.0));
    assert_eq!(good.overall_sli, Some(1.0));
    // 60 of 180 minutes bad at the same traffic.
    assert!((bad.overall_sli.unwrap() - 120.0 / 180.0).abs() < 1e-12);
}

#[test]
fn the_target_finder_names_the_strictest_target_met() {
    // Three 1-day windows (a 1-day SLO) with 99.95 %, 99.5 % and 99.99 % achieved.
    let bad_per_day = [72, 720, 14]; // of 144,000 requests a day (100 a minute)
    let rows = (0..3 * 1440).map(|m| {
        let day = m / 1440;
        // Bad requests in the first minutes of each day, up to that day's count.
        let minute = m % 1440;
        let bad = (bad_per_day[day] as i64 - minute as i64 * 100).clamp(0, 100) as u64;
        (100 - bad, 100)
    });
    let grid = grid_of(&csv(rows), GapPolicy::Excluded);
    let tiers = default_alert_tiers(1);
    let finding = find_targets(&grid, &slo(99.9, 1, &tiers, &[]));
    assert_eq!(finding.met_always, Some(99.5));
    // 90 % of 3 windows is 2.7: still all three.
    assert_eq!(finding.met_nine_in_ten, Some(99.5));
    let at = |t: f64| {
        finding
            .candidates
            .iter()
            .find(|c| c.target_percent == t)
            .unwrap()
    };
    assert_eq!((at(99.9).windows_met, at(99.9).windows), (2, 3));
    // 720 bad of 144 allowed at 99.9 %: 500 % of the worst window's budget.
    assert!((at(99.9).worst_consumed - 5.0).abs() < 1e-9);
    assert_eq!(at(99.99).windows_met, 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Replaying the minutes a scenario describes (uniform traffic, at least three quiet days
    /// before any incident so the longest window starts clean) fires exactly the alerts the
    /// simulation fires.
    #[test]
    fn replaying_a_scenario_fires_the_simulations_alerts(
        incidents in prop::collection::vec((4320u32..40_000, 1u32..600, 0.01f64..1.0), 0..4),
    ) {
        let (mut scenario, slo_def) = common::quiet();
        scenario.incidents = incidents
            .iter()
            .map(|&(start, duration, ratio)| ErrorSpan { label: "x".into(), start_minute: start, duration_minutes: duration, error_ratio: ratio })
            .collect();
        let sim = simulate(&scenario, &slo_def);
        let ratios = error_ratios(&scenario, &slo_def, sim.window_minutes);
        let samples: Vec<Sample> = ratios
            .iter()
            .enumerate()
            .map(|(m, r)| Sample { at_ms: T0 + m as i64 * 60_000, good: 1000.0 * (1.0 - r), total: 1000.0 })
            .collect();
        let grid = lay_on_minutes(&samples, Weight::Events, GapPolicy::Excluded).unwrap();
        let run = backtest(&grid, &slo(slo_def.target_percent, slo_def.window.days(), &slo_def.alerting.tiers, &[]));
        let replayed: Vec<(usize, usize, Option<usize>)> = run.alerts.iter().map(|a| (a.rule, a.start, a.end)).collect();
        let simulated: Vec<(usize, usize, Option<usize>)> = sim.alerts.iter().map(|a| (a.rule, a.start, a.end)).collect();
        prop_assert_eq!(replayed, simulated);
    }
}

#[test]
fn the_version_3_fixture_keeps_a_history_that_replays_as_worked_out() {
    // tests/fixtures/v3/example.json: 576 five-minute rows of 1,000 requests from
    // 2026-09-01; 6 rows at 500 errors (a 30-minute outage) and 16 rows with 1 error
    // (every 37th). 3,016 bad of 576,000: 99.476389 %.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v3/example.json"
    );
    let plan = sre_workbook::model::plan::format::read_plan(&std::fs::read(path).unwrap()).unwrap();
    let history = &plan.histories[0];
    assert_eq!(history.slo, "checkout-availability");
    let samples = history.series.decode().unwrap();
    assert_eq!(samples.len(), 576);
    assert_eq!(samples[0].at_ms, T0);
    assert_eq!(samples[575].at_ms - samples[0].at_ms, 575 * 300_000);
    let grid = lay_on_minutes(&samples, history.weight, history.gaps).unwrap();
    let tiers = default_alert_tiers(30);
    let result = backtest(&grid, &slo(99.9, 30, &tiers, &[]));
    assert_eq!(sli_text(result.overall_sli), "99.476 %");
    assert!((result.overall_sli.unwrap() - (1.0 - 3016.0 / 576_000.0)).abs() < 1e-12);
    // The Overview's line for the same history: 576 rows of 5 minutes are 2 days.
    let slo_def = plan
        .slo_catalog
        .slos
        .iter()
        .find(|s| s.id == history.slo)
        .unwrap();
    assert_eq!(
        sre_workbook::replay::figures::history_attainment(history, slo_def).unwrap(),
        "99.476 % over 2 d: missed"
    );
    // With an hour of rows taken out where all were good, the line says how the gap was
    // counted: left out, 3,016 bad of 564,000 is 99.465 %.
    let mut gapped = history.clone();
    let clean = (1..560)
        .find(|&i| samples[i..i + 12].iter().all(|s| s.good == s.total))
        .unwrap();
    let kept: Vec<_> = samples[..clean]
        .iter()
        .chain(&samples[clean + 12..])
        .cloned()
        .collect();
    gapped.series = sre_workbook::model::history::series::SeriesText::encode(&kept).unwrap();
    assert_eq!(
        sre_workbook::replay::figures::history_attainment(&gapped, slo_def).unwrap(),
        "99.465 % over 2 d (minutes without data are left out): missed"
    );
}

#[test]
fn ninety_days_of_noisy_minute_counts_pack_small_and_come_back_exactly() {
    // Plain CSV of this series is about 4 MB.
    let samples = common::noisy::noisy_90_days(1_780_000_000_000);
    let text = sre_workbook::model::history::series::SeriesText::encode(&samples).unwrap();
    assert!(text.len() < 400_000, "{} bytes", text.len());
    assert_eq!(text.decode().unwrap(), samples);
}

#[test]
fn the_day_table_cuts_at_utc_midnight_and_counts_the_minutes_without_data() {
    // From 2026-09-01 12:00 UTC: 12 good hours, a 2-hour pause, then 34 hours with minute
    // 600 of each following day all bad.
    let mut text = String::from("timestamp,good,total\n");
    let noon = T0 / 1000 + 12 * 3600;
    for m in (0..720).chain(840..2880) {
        let bad = m >= 720 && m % 1440 == 600;
        text.push_str(&format!(
            "{},{},100\n",
            noon + m * 60,
            if bad { 0 } else { 100 }
        ));
    }
    let grid = grid_of(&text, GapPolicy::Excluded);
    let tiers = default_alert_tiers(30);
    let run = backtest(&grid, &slo(99.9, 30, &tiers, &[]));
    // 09-01 is minutes 0..720, all good. 09-02 is minutes 720..2160: 1,320 with data and
    // one bad (minute 2,040 is 2026-09-02 22:00), 1 − 1/1320 = 99.924 %; the window at its
    // end has 2,040 minutes with data, 1 − 1/2040 = 99.951 %. 09-03 (720 good minutes)
    // ends the window at 1 − 1/2760 = 99.964 %.
    assert_eq!(
        day_rows(&run, &grid),
        vec![
            ["2026-09-01", "100.000 %", "100.000 %", "none"].map(String::from),
            ["2026-09-02", "99.924 %", "99.951 %", "2 h"].map(String::from),
            ["2026-09-03", "100.000 %", "99.964 %", "none"].map(String::from),
        ]
    );

    // The chart: the 2-hour gap as a band, points named by their last minute, the ones in
    // the gap said to have no data, and the lowest point in the description.
    let data = attainment(&run, &grid, 99.9, None);
    assert_eq!(data.days, 2.0);
    assert_eq!(data.gaps, vec![(720.0 / 1440.0, 840.0 / 1440.0)]);
    // 2,880 minutes at every 4th: 720 points.
    assert_eq!(data.points.len(), 720);
    let in_gap = data.points.iter().position(|p| p.0 > 0.55).unwrap();
    assert!(
        data.names[in_gap].ends_with(", no data"),
        "{}",
        data.names[in_gap]
    );
    assert!(data.names[0].starts_with("2026-09-01 12:0"));
    let zoomed = attainment(&run, &grid, 99.9, Some((1.0, 1.5)));
    assert_eq!(
        zoomed.points.len(),
        720,
        "a minute a point when zoomed to 12 hours"
    );
    assert_eq!(zoomed.names[0], "2026-09-02 12:00 UTC");
    // The lowest point is the first after the bad minute: the window ending with minute
    // 2,043 (22:03) has 1,924 minutes with data and one bad, 1 − 1/1924 = 99.948 %.
    assert_eq!(
        attainment_description(&data, GapPolicy::Excluded),
        "The SLI over the trailing SLO window (from the start of the history while it is shorter): lowest 99.948 % at 2026-09-02 22:03 UTC; the target is 99.9 %; minutes without data are left out."
    );
}
