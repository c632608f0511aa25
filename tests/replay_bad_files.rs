//! The corpus of broken and messy SLI history files (tests/fixtures/history-bad/, written by
//! scripts/make-history-fixtures.mjs): each gives exactly the messages listed for it in
//! expected.json, as "Replay history" shows them (the import error, or the rows reported
//! with the columns the page guesses). The end-to-end test shows the same files in the page.
#![cfg(not(target_arch = "wasm32"))]

use sre_workbook::replay::csv_reader::{guess_mapping, read_history, ColumnMapping, Measure};
use sre_workbook::replay::minute_grid::{lay_on_minutes, GapPolicy};
use sre_workbook::replay::read_history_file;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/history-bad");

/// What the page says of a file: `Err(the import error)` or `Ok(the problems listed)`, and
/// what its replay says when the usable rows cannot be replayed.
fn messages(bytes: &[u8]) -> Result<(Vec<String>, Option<String>), String> {
    let table = read_history_file(bytes)?;
    // As the page does when the names say nothing (a Prometheus response's series): the
    // first column is the time, then good and total.
    let mapping = guess_mapping(&table.header).unwrap_or(ColumnMapping {
        timestamp: 0,
        measure: Measure::Counts {
            good: Some(1),
            bad: None,
            total: 2,
        },
    });
    let read = read_history(&table, &mapping, &0);
    let replay = if read.samples.is_empty() {
        None
    } else {
        lay_on_minutes(&read.samples, read.weight, GapPolicy::Excluded).err()
    };
    Ok((read.messages(), replay))
}

#[test]
fn every_history_file_gives_its_messages() {
    let expected: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/expected.json")).unwrap())
            .unwrap();
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "expected.json")
        .collect();
    files.sort();
    let listed: Vec<String> = expected
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        files, listed,
        "every file has its expected messages and no more"
    );
    let mut failures = Vec::new();
    for case in &expected {
        let name = case["name"].as_str().unwrap();
        let got = messages(&std::fs::read(format!("{DIR}/{name}")).unwrap());
        let want = match case.get("error") {
            Some(error) => Err(error.as_str().unwrap().to_string()),
            None => Ok((
                case["problems"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m.as_str().unwrap().to_string())
                    .collect(),
                case.get("replay").map(|m| m.as_str().unwrap().to_string()),
            )),
        };
        if got != want {
            failures.push(format!("{name}\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
