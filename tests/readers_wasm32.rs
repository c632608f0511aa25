//! The readers of outside input with the widths that broke them, run both on the host and in
//! the browser as 32-bit wasm (where `usize` is 32 bits and release builds do not check
//! overflow): kept histories, history files, the minute grid and the locating of a type
//! error in a plan. Each input once crashed or froze the page; each must now be refused with
//! its message. The corpora's files are compiled in, as a browser test reads no disk.

use sre_workbook::model::history::series::{Sample, SeriesText};
use sre_workbook::model::plan::format::read_plan;
use sre_workbook::replay::csv_reader::{guess_mapping, read_history, TableReader};
use sre_workbook::replay::minute_grid::{lay_on_minutes, GapPolicy};
use sre_workbook::replay::{read_history_file, HistorySplit};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// The alert lab over a short history against an SLO whose window (from a plan that
/// skipped validation) would overflow 32-bit minutes: the window is held to 90 days, every
/// scheme is replayed, and nothing panics.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_alert_lab_holds_an_oversized_window_to_the_plans_limit() {
    use sre_workbook::model::alert_lab::evaluate::Minutes;
    use sre_workbook::model::alert_lab::lab::run_lab;
    use sre_workbook::model::alert_lab::outcomes::LabSlo;
    use sre_workbook::model::alert_lab::schemes::window_minutes;
    assert_eq!(window_minutes(u32::MAX), 90 * 1440);
    assert_eq!(window_minutes(0), 1440);
    let n = 2 * 1440;
    let mut good = vec![100.0; n];
    good[1000] = 0.0;
    let minutes = Minutes {
        good,
        total: vec![100.0; n],
    };
    let tiers = sre_workbook::model::slo::budget::default_alert_tiers(90);
    let slo = LabSlo {
        target_percent: 99.9,
        window_days: u32::MAX,
        tiers: &tiers,
    };
    let lab = run_lab(&minutes, slo, true);
    assert_eq!(lab.outcomes.len(), 6);
    assert_eq!(lab.minutes, n);
}

/// The one message of a plan file that is refused.
fn plan_problem(bytes: &[u8]) -> String {
    let problems = read_plan(bytes).expect_err("the file is refused").problems;
    assert_eq!(problems.len(), 1, "{problems:?}");
    problems[0].to_string()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_kept_history_with_a_run_near_2_32_rows_is_refused_not_allocated() {
    assert_eq!(
        plan_problem(include_bytes!(
            "fixtures/bad/history-series-run-near-2-32.json"
        )),
        "histories[0].series: has more than 1000000 rows"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn kept_histories_whose_times_leave_the_years_0000_to_9999_are_refused() {
    assert_eq!(
        plan_problem(include_bytes!(
            "fixtures/bad/history-series-spans-8000-years.json"
        )),
        "histories[0].series: spans 2986111 days; a history covers at most 400 days"
    );
    assert_eq!(
        plan_problem(include_bytes!(
            "fixtures/bad/history-series-time-at-i64-max.json"
        )),
        "histories[0].series: starts at “9223372036854775807”, which is not a time in milliseconds in the years 0000–9999"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_span_of_more_than_2_32_minutes_is_refused_before_the_grid_is_made() {
    let table =
        read_history_file(include_bytes!("fixtures/history-bad/spans-8200-years.csv")).unwrap();
    let read = read_history(&table, &guess_mapping(&table.header).unwrap(), &0);
    assert_eq!(read.samples.len(), 2);
    assert_eq!(
        lay_on_minutes(&read.samples, read.weight, GapPolicy::Excluded).unwrap_err(),
        "the history spans 5989246 days; at most 400 days can be replayed"
    );
    // Exactly 2^32 + 1 minutes between two rows, as a 32-bit index would wrap to 1.
    let minute = 60_000_i64;
    let rows = [
        Sample {
            at_ms: -62_000_000_000_000,
            good: 1.0,
            total: 1.0,
        },
        Sample {
            at_ms: -62_000_000_000_000 + ((1_i64 << 32) + 1) * minute,
            good: 1.0,
            total: 1.0,
        },
    ];
    let err = lay_on_minutes(&rows, read.weight, GapPolicy::Excluded).unwrap_err();
    assert!(err.ends_with("at most 400 days can be replayed"), "{err}");
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_prometheus_response_of_too_many_series_is_refused() {
    assert_eq!(
        read_history_file(include_bytes!(
            "fixtures/history-bad/prometheus-101-series.json"
        ))
        .unwrap_err(),
        "data.result has 101 series; at most 100 can be imported (an SLI is one or two series: aggregate the query with sum(...))"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_file_of_separators_is_refused_while_it_is_split_in_steps() {
    let text = format!("timestamp,value\n1,{}", ",".repeat(8_000_000));
    let mut split = HistorySplit::open(text.as_bytes()).unwrap();
    let mut steps = 0;
    while !split.done() {
        split.step(32 * 1024);
        steps += 1;
    }
    // Refused where the limit is crossed, before the whole text is split.
    assert!(steps < 8_000_000 / (32 * 1024) + 2, "{steps} steps");
    assert_eq!(
        split.finish().unwrap_err(),
        "line 2: the file has more than 8000000 cells; at most 8000000 can be imported (a timestamp and up to seven values for each of 1000000 rows)"
    );
    // A step bigger than any usize sum would wrap on 32 bits.
    let mut reader = TableReader::new("timestamp,good,total\n1,1,1\n");
    reader.step("timestamp,good,total\n1,1,1\n", usize::MAX);
    assert_eq!(reader.finish().unwrap().rows.len(), 1);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_comma_grouping_thousands_is_reported_by_line() {
    let table =
        read_history_file(include_bytes!("fixtures/history-bad/thousands-comma.csv")).unwrap();
    let read = read_history(&table, &guess_mapping(&table.header).unwrap(), &0);
    assert_eq!(read.samples.len(), 8);
    assert_eq!(read.messages().len(), 2);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_packed_series_round_trips_with_times_far_from_1970() {
    let rows: Vec<Sample> = (0..3)
        .map(|i| Sample {
            at_ms: 253_402_300_000_000 + i * 60_000,
            good: 9.0,
            total: 10.0,
        })
        .collect();
    let packed = SeriesText::encode(&rows).unwrap();
    assert_eq!(packed.decode().unwrap(), rows);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_type_error_among_100_000_labels_is_located() {
    let mut plan: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/v4/example.json")).unwrap();
    let labels: serde_json::Map<String, serde_json::Value> = (0..100_000)
        .map(|i| (format!("k{i:06}"), serde_json::json!("v")))
        .chain([("k099999".to_string(), serde_json::json!(7))])
        .collect();
    plan["slo_catalog"]["slos"][0]["alerting"]["labels"] = serde_json::Value::Object(labels);
    assert_eq!(
        plan_problem(plan.to_string().as_bytes()),
        "slo_catalog.slos[0].alerting.labels.k099999: invalid type: number `7`, expected a string"
    );
}

/// The plan read from its own text, on 32-bit wasm: a pretty file with its header last
/// places a type error by path, and a file cut short is reported as cut short.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_pretty_file_is_read_from_its_text_and_a_cut_one_says_so() {
    let mut plan: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/v4/example.json")).unwrap();
    plan["slo_catalog"]["slos"][1]["target_percent"] = serde_json::json!("high");
    let pretty = serde_json::to_string_pretty(&plan).unwrap();
    assert_eq!(
        plan_problem(pretty.as_bytes()),
        "slo_catalog.slos[1].target_percent: invalid type: string \"high\", expected a number"
    );
    let cut = &pretty[..pretty.len() - 3];
    assert!(
        plan_problem(cut.as_bytes()).contains("the file ends too early"),
        "{}",
        plan_problem(cut.as_bytes())
    );
}
