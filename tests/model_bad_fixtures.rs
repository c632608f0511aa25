//! The corpus of broken and hostile plan files in `tests/fixtures/bad/`: each file gives
//! exactly the problems listed for it in `expected.json` (or is accepted, where its content is
//! legal), and reading never panics. The end-to-end test imports the same files.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/corpus.rs"]
mod corpus;

use corpus::{check_corpus, strings};
use serde_json::{json, Value};
use sre_workbook::model::plan::format::read_plan;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad");

/// The bytes of a case too big to commit, built from its recipe name.
fn generate(recipe: &str) -> Vec<u8> {
    let example = std::fs::read_to_string(format!("{DIR}/../v1/example.json")).unwrap();
    match recipe {
        // The example plan padded with spaces to 20 MiB.
        "twenty_megabytes" => {
            let mut bytes = example.into_bytes();
            bytes.resize(20 * 1024 * 1024, b' ');
            bytes
        }
        "hundred_thousand_teams" => {
            let mut plan: Value = serde_json::from_str(&example).unwrap();
            let teams: Vec<Value> = (0..100_000)
                .map(|i| json!({"id": format!("t{i}"), "name": "T", "description": ""}))
                .collect();
            plan["transition"]["teams"] = Value::Array(teams);
            plan.to_string().into_bytes()
        }
        // 4.2 MB: 300,000 alert labels on the first SLO, the last (in key order) a number.
        // Locating that one value must not read the file once per key.
        "hostile_300000_labels" => {
            let v4 = std::fs::read_to_string(format!("{DIR}/../v4/example.json")).unwrap();
            let mut plan: Value = serde_json::from_str(&v4).unwrap();
            let labels: serde_json::Map<String, Value> = (0..300_000)
                .map(|i| (format!("k{i:06}"), json!("v")))
                .chain([("k299999".to_string(), json!(7))])
                .collect();
            plan["slo_catalog"]["slos"][0]["alerting"]["labels"] = Value::Object(labels);
            plan.to_string().into_bytes()
        }
        other => panic!("unknown recipe {other}"),
    }
}

#[test]
fn every_bad_file_gives_its_messages() {
    check_corpus(
        DIR,
        40,
        generate,
        |bytes| match read_plan(bytes) {
            Ok(_) => vec!["accepted".to_string()],
            Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
        },
        |case| {
            if case["accepted"] == json!(true) {
                vec!["accepted".to_string()]
            } else {
                strings(&case["expected"])
            }
        },
    );
}
