//! The corpus of broken and messy SLI history files (tests/fixtures/history-bad/, written by
//! scripts/make-history-fixtures.mjs): each gives exactly the messages listed for it in
//! expected.json, as "Replay history" shows them (the import error, or the rows reported
//! with the columns the page guesses). The end-to-end test shows the same files in the page.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/corpus.rs"]
mod corpus;

use corpus::{check_corpus, strings};
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
    check_corpus(
        DIR,
        20,
        |recipe| panic!("no history case is generated ({recipe})"),
        messages,
        |case| match case.get("error") {
            Some(error) => Err(error.as_str().unwrap().to_string()),
            None => Ok((
                strings(&case["problems"]),
                case.get("replay").map(|m| m.as_str().unwrap().to_string()),
            )),
        },
    );
}
