//! Browser tests (wasm-bindgen-test in headless Chromium) of the plan library against the
//! real local storage: save and load, a corrupt entry set aside, a full quota reported.
#![cfg(target_arch = "wasm32")]

use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::format::read_plan_text;
use sre_workbook::storage::browser::BrowserStore;
use sre_workbook::storage::library::{load_library, plan_key, save_plan, SET_ASIDE_KEY_PREFIX};
use sre_workbook::storage::store::{KeyValueStore, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear(store: &BrowserStore) {
    for key in store.keys().unwrap() {
        store.remove(&key).unwrap();
    }
}

#[wasm_bindgen_test]
fn a_saved_plan_loads_back_identical() {
    let store = BrowserStore;
    clear(&store);
    let plan = example_plan();
    save_plan(&store, &plan).unwrap();
    let loaded = load_library(&store, 1, read_plan_text).unwrap();
    assert_eq!(loaded.plans, vec![plan]);
    assert!(loaded.set_aside.is_empty());
    clear(&store);
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_set_aside_and_kept() {
    let store = BrowserStore;
    clear(&store);
    save_plan(&store, &example_plan()).unwrap();
    let corrupt = "{\"format\": \"sre-workbook-plan\", \"version\": 1, \"id\": \"half";
    store.set(&plan_key("half"), corrupt).unwrap();

    let loaded = load_library(&store, 7, read_plan_text).unwrap();
    assert_eq!(loaded.plans.len(), 1, "the readable plan still loads");
    assert_eq!(loaded.set_aside.len(), 1);
    let entry = &loaded.set_aside[0];
    assert_eq!(entry.key, format!("{SET_ASIDE_KEY_PREFIX}half@7"));
    assert!(
        entry.reason.contains("not valid JSON at line 1"),
        "{}",
        entry.reason
    );
    assert_eq!(
        store.get(&entry.key).unwrap().as_deref(),
        Some(corrupt),
        "kept byte for byte"
    );
    assert_eq!(
        store.get(&plan_key("half")).unwrap(),
        None,
        "moved off the plan key"
    );
    clear(&store);
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_the_stored_copy_kept() {
    let store = BrowserStore;
    clear(&store);
    let mut plan = example_plan();
    save_plan(&store, &plan).unwrap();

    // Fill local storage until the browser refuses even small entries.
    let mut chunk = 1 << 20;
    let mut filler = 0;
    while chunk >= 256 {
        match store.set(&format!("filler/{filler}"), &"x".repeat(chunk)) {
            Ok(()) => filler += 1,
            Err(StoreError::QuotaExceeded) => chunk /= 2,
            Err(other) => panic!("expected a quota error, got {other:?}"),
        }
    }

    plan.name = "A much longer name that needs more room than there is left".repeat(50);
    let error = save_plan(&store, &plan).unwrap_err();
    assert_eq!(error, StoreError::QuotaExceeded);
    assert_eq!(
        error.to_string(),
        "browser storage is full (quota exceeded)"
    );
    let loaded = load_library(&store, 1, read_plan_text).unwrap();
    assert_eq!(
        loaded.plans[0].name, "Parcelry SRE transformation",
        "the older copy is intact"
    );
    clear(&store);
}
