//! The one harness for the bad-file corpora (`tests/fixtures/bad/` for plans,
//! `tests/fixtures/history-bad/` for SLI histories): a folder of files and an
//! `expected.json` that lists each of them, or a recipe for a case too big to commit, with
//! what reading it must say. Every file is listed and every listed file exists, every case
//! is read, and all differences are reported together.

use std::fmt::Debug;

use serde_json::Value;

/// Checks every case of the corpus in `dir`: `said` is what reading a file's bytes gives,
/// `expected` what its entry in `expected.json` says it must give, and `generate` makes
/// the bytes of an entry with a `"generate"` recipe. The corpus must hold `min_cases`.
pub fn check_corpus<T: PartialEq + Debug>(
    dir: &str,
    min_cases: usize,
    generate: impl Fn(&str) -> Vec<u8>,
    said: impl Fn(&[u8]) -> T,
    expected: impl Fn(&Value) -> T,
) {
    let cases: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/expected.json")).unwrap())
            .unwrap();
    assert!(
        cases.len() >= min_cases,
        "the corpus holds {} cases",
        cases.len()
    );
    let mut listed: Vec<&str> = cases
        .iter()
        .filter(|c| c["generate"].is_null())
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    listed.sort();
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "expected.json")
        .collect();
    files.sort();
    assert_eq!(
        files, listed,
        "every file has its expected messages and no more"
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let bytes = match case["generate"].as_str() {
            Some(recipe) => generate(recipe),
            None => std::fs::read(format!("{dir}/{name}")).unwrap(),
        };
        let (got, want) = (said(&bytes), expected(case));
        if got != want {
            failures.push(format!("{name}\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The strings of a list in a case's entry.
pub fn strings(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_string())
        .collect()
}
