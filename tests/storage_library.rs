//! Host tests of the plan library over an in-memory store: save and load, corrupt entries
//! set aside and never lost, quota and disabled storage reported.
#![cfg(not(target_arch = "wasm32"))]

use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::format::read_plan_text;
use sre_workbook::storage::library::*;
use sre_workbook::storage::memory::MemoryStore;
use sre_workbook::storage::store::{KeyValueStore, StoreError};

#[test]
fn saved_plans_load_back_identical() {
    let store = MemoryStore::new();
    let plan = example_plan();
    save_plan(&store, &plan).unwrap();
    let loaded = load_library(&store, 1, read_plan_text).unwrap();
    assert_eq!(loaded.plans, vec![plan]);
    assert!(loaded.set_aside.is_empty());
}

#[test]
fn corrupt_entry_is_set_aside_not_overwritten() {
    let store = MemoryStore::new();
    save_plan(&store, &example_plan()).unwrap();
    store
        .set(
            &plan_key("broken"),
            "{\"format\": \"sre-workbook-plan\", \"version\": 1, \"id\":",
        )
        .unwrap();
    let loaded = load_library(&store, 42, read_plan_text).unwrap();
    assert_eq!(loaded.plans.len(), 1);
    assert_eq!(loaded.set_aside.len(), 1);
    let aside = &loaded.set_aside[0];
    assert_eq!(aside.key, "sre-workbook/set-aside/broken@42");
    assert!(
        aside.reason.starts_with("not valid JSON at line 1"),
        "{}",
        aside.reason
    );
    assert_eq!(
        store.get(&plan_key("broken")).unwrap(),
        None,
        "moved away from the plan key"
    );
    assert_eq!(
        store.get(&aside.key).unwrap().as_deref(),
        Some(aside.text.as_str())
    );
    // A second load lists it again, unchanged.
    let again = load_library(&store, 43, read_plan_text).unwrap();
    assert_eq!(again.set_aside[0].text, aside.text);
    discard_set_aside(&store, &aside.key).unwrap();
    assert!(load_library(&store, 44, read_plan_text)
        .unwrap()
        .set_aside
        .is_empty());
}

#[test]
fn corrupt_entry_stays_in_place_when_storage_is_full() {
    let store = MemoryStore::new();
    store.set(&plan_key("broken"), "not json").unwrap();
    store.set_capacity(Some(30));
    let loaded = load_library(&store, 1, read_plan_text).unwrap();
    assert_eq!(loaded.set_aside[0].key, plan_key("broken"));
    assert_eq!(
        store.get(&plan_key("broken")).unwrap().as_deref(),
        Some("not json")
    );
}

#[test]
fn quota_exceeded_is_reported_and_old_copy_kept() {
    let store = MemoryStore::new();
    let mut plan = example_plan();
    save_plan(&store, &plan).unwrap();
    store.set_capacity(Some(1000));
    plan.name = "Renamed".into();
    let err = save_plan(&store, &plan).unwrap_err();
    assert_eq!(err, StoreError::QuotaExceeded);
    assert_eq!(err.to_string(), "browser storage is full (quota exceeded)");
    assert_eq!(
        load_library(&store, 1, read_plan_text).unwrap().plans[0].name,
        "Parcelry SRE transformation"
    );
}

#[test]
fn disabled_storage_is_an_error_not_a_crash() {
    let store = MemoryStore::new();
    store.set_broken(true);
    assert_eq!(
        load_library(&store, 1, read_plan_text)
            .unwrap_err()
            .to_string(),
        "browser storage is unavailable (access denied)"
    );
    assert_eq!(load_session(&store), Session::default());
}

#[test]
fn plans_are_listed_most_recent_first() {
    let store = MemoryStore::new();
    let mut older = example_plan();
    older.id = "older".into();
    older.updated = "2025-01-01T00:00:00Z".into();
    save_plan(&store, &older).unwrap();
    save_plan(&store, &example_plan()).unwrap();
    let ids: Vec<String> = load_library(&store, 1, read_plan_text)
        .unwrap()
        .plans
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids, ["example-parcelry", "older"]);
    delete_plan(&store, "older").unwrap();
    assert_eq!(
        load_library(&store, 1, read_plan_text).unwrap().plans.len(),
        1
    );
}

#[test]
fn session_round_trips() {
    let store = MemoryStore::new();
    let session = Session {
        open_plan: Some("p1".into()),
        route: "#/slos".into(),
        visited: true,
    };
    save_session(&store, &session).unwrap();
    assert_eq!(load_session(&store), session);
    store.set(SESSION_KEY, "garbage").unwrap();
    assert_eq!(load_session(&store), Session::default());
}

#[test]
fn hidden_getting_started_lists_round_trip_and_a_bad_entry_hides_none() {
    use sre_workbook::storage::library::{
        load_hidden_checklists, save_hidden_checklists, HIDDEN_CHECKLISTS_KEY,
    };
    let store = MemoryStore::new();
    assert!(load_hidden_checklists(&store).is_empty());
    save_hidden_checklists(&store, &["p1".to_string(), "p2".to_string()]).unwrap();
    assert_eq!(load_hidden_checklists(&store), ["p1", "p2"]);
    store.set(HIDDEN_CHECKLISTS_KEY, "{not a list").unwrap();
    assert!(load_hidden_checklists(&store).is_empty());
}

#[test]
fn a_save_never_overwrites_what_another_tab_stored_since() {
    use sre_workbook::storage::library::{save_plan_guarded, stored_fingerprint, GuardedSave};
    let store = MemoryStore::new();
    let mut plan = example_plan();
    let known = save_plan(&store, &plan).unwrap();
    assert_eq!(stored_fingerprint(&store, &plan.id).unwrap(), Some(known));

    // This tab edits and saves: nothing else wrote, so it goes through.
    plan.name = "Edited here".into();
    let GuardedSave::Saved(known) =
        save_plan_guarded(&store, &plan, Some(known), Some(read_plan_text)).unwrap()
    else {
        panic!("nothing else wrote in between");
    };

    // Another tab writes a newer version; this tab's next save is refused with theirs.
    let mut theirs = plan.clone();
    theirs.name = "Edited in the other tab".into();
    let their_print = save_plan(&store, &theirs).unwrap();
    plan.name = "Edited here again".into();
    match save_plan_guarded(&store, &plan, Some(known), Some(read_plan_text)).unwrap() {
        GuardedSave::ChangedElsewhere(other, print) => {
            assert_eq!(other.name, "Edited in the other tab");
            assert_eq!(print, their_print);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let stored = load_library(&store, 0, read_plan_text).unwrap().plans;
    assert_eq!(
        stored[0].name, "Edited in the other tab",
        "theirs is still stored"
    );

    // Once the user chooses to keep this tab's version, it is saved over theirs.
    assert!(matches!(
        save_plan_guarded(&store, &plan, Some(their_print), Some(read_plan_text)).unwrap(),
        GuardedSave::Saved(_)
    ));
    assert_eq!(
        load_library(&store, 0, read_plan_text).unwrap().plans[0].name,
        "Edited here again"
    );
}

#[test]
fn a_page_without_the_reader_neither_guesses_nor_overwrites() {
    use sre_workbook::storage::library::{has_stored_entries, save_plan_guarded, GuardedSave};
    let store = MemoryStore::new();
    assert!(
        !has_stored_entries(&store).unwrap(),
        "nothing stored: a first visit"
    );
    let mut plan = example_plan();
    // Nothing stored for the plan: saved without reading anything.
    let GuardedSave::Saved(known) = save_plan_guarded(&store, &plan, None, None).unwrap() else {
        panic!("nothing to read");
    };
    assert!(has_stored_entries(&store).unwrap());
    // Unchanged since this page wrote it: saved again without reading.
    plan.name = "Edited here".into();
    let GuardedSave::Saved(_) = save_plan_guarded(&store, &plan, Some(known), None).unwrap() else {
        panic!("the entry is the one this page wrote");
    };
    // Another tab wrote: without a reader the save waits, and theirs stays.
    let mut theirs = plan.clone();
    theirs.name = "Edited in the other tab".into();
    save_plan(&store, &theirs).unwrap();
    plan.name = "Edited here again".into();
    assert_eq!(
        save_plan_guarded(&store, &plan, Some(known), None).unwrap(),
        GuardedSave::NeedsReader
    );
    assert_eq!(
        load_library(&store, 0, read_plan_text).unwrap().plans[0].name,
        "Edited in the other tab"
    );
}

/// The session's reader (the JSON text walker) against serde's reading of the same text.
fn serde_session(text: &str) -> Option<Session> {
    serde_json::from_str(text).ok()
}

#[test]
fn the_session_is_read_as_serde_reads_it() {
    for text in [
        r##"{"open_plan":"example-parcelry","route":"#/plans","visited":true}"##,
        r##"{"open_plan":null,"route":"#/slos"}"##,
        r##"{"route":"#/report","visited":false,"open_plan":"a\"b"}"##,
        "{\n  \"route\": \"#/overview\",\n  \"visited\": true\n}\n",
        r##"{"route":"#/plans","later":{"nested":[1,2,{"x":null}]},"visited":true}"##,
        r##"{"route":"#/plans","open_plan":"\u00e9\ud83d\ude00"}"##,
        r##"{"open_plan":"x","visited":true}"##,
        r##"{"route":1}"##,
        r##"{"route":"#/plans","visited":"yes"}"##,
        r##"{"route":"#/plans","open_plan":7}"##,
        r##"{"route":"#/plans"} trailing"##,
        r##"{"route":"#/plans""##,
        r##"["route"]"##,
        "",
        "null",
    ] {
        assert_eq!(read_session(text), serde_session(text), "{text}");
    }
}

proptest::proptest! {
    #[test]
    fn any_stored_session_reads_back(
        open_plan in proptest::option::of(proptest::prelude::any::<String>()),
        route in proptest::prelude::any::<String>(),
        visited in proptest::prelude::any::<bool>(),
    ) {
        let session = Session { open_plan, route, visited };
        let store = MemoryStore::new();
        save_session(&store, &session).unwrap();
        proptest::prop_assert_eq!(load_session(&store), session);
    }

    #[test]
    fn hidden_checklists_read_back(ids in proptest::collection::vec(proptest::prelude::any::<String>(), 0..5)) {
        let store = MemoryStore::new();
        save_hidden_checklists(&store, &ids).unwrap();
        proptest::prop_assert_eq!(load_hidden_checklists(&store), ids);
    }
}
