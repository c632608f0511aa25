//! The plan library in a key-value store: one entry per plan, entries that cannot be read
//! set aside (never overwritten), and the session (open plan and place) for reloads.

use serde::{Deserialize, Serialize};

use super::store::{KeyValueStore, StoreError};
use crate::model::plan::format::write_plan;
use crate::model::plan::json_text;
use crate::model::plan::problem::PlanError;
use crate::model::plan::{Id, Plan};

/// Reads a stored entry's text as a plan (`model::plan::format::read_plan_text`). Passed in
/// rather than called, so the page can keep the reader in a part of its own that a first
/// visit, with nothing stored, never fetches.
pub type ReadPlanText = fn(&str) -> Result<Plan, PlanError>;

/// Prefix of the key of each stored plan; the plan id follows.
pub const PLAN_KEY_PREFIX: &str = "sre-workbook/plan/";

/// Prefix of entries that could not be read and were moved out of the way.
pub const SET_ASIDE_KEY_PREFIX: &str = "sre-workbook/set-aside/";

/// Key of the session: which plan is open and where.
pub const SESSION_KEY: &str = "sre-workbook/session";

/// Where the plans whose "Getting started" list is hidden are listed.
pub const HIDDEN_CHECKLISTS_KEY: &str = "sre-workbook/getting-started-hidden";

/// The plans whose "Getting started" list the user hid (a preference of this browser, not
/// part of the plan); none when nothing is stored or it cannot be read.
pub fn load_hidden_checklists(store: &impl KeyValueStore) -> Vec<Id> {
    store
        .get(HIDDEN_CHECKLISTS_KEY)
        .ok()
        .flatten()
        .and_then(|text| read_string_list(&text))
        .unwrap_or_default()
}

/// A stored list of strings (`["a", "b"]`). Read by the JSON text walker, not the plan
/// reader's JSON parser, which a first visit never fetches (ui::plan_reader).
fn read_string_list(text: &str) -> Option<Vec<String>> {
    let (items, end) = json_text::list_items(text, 0)?;
    if json_text::skip_whitespace(text.as_bytes(), end) != text.len() {
        return None;
    }
    items
        .into_iter()
        .map(|item| json_text::string_value(&text[item]))
        .collect()
}

/// Stores which plans' "Getting started" lists are hidden.
pub fn save_hidden_checklists(store: &impl KeyValueStore, ids: &[Id]) -> Result<(), StoreError> {
    let text = serde_json::to_string(ids).expect("a list of ids always serializes");
    store.set(HIDDEN_CHECKLISTS_KEY, &text)
}

/// The key a plan is stored under.
pub fn plan_key(id: &str) -> String {
    format!("{PLAN_KEY_PREFIX}{id}")
}

/// A stored entry that could not be read as a plan, kept so the user can download it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAsideEntry {
    /// Key it is kept under now.
    pub key: String,
    /// Why it could not be read.
    pub reason: String,
    /// Its text, exactly as stored.
    pub text: String,
}

/// What loading the library found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadedLibrary {
    /// Plans read successfully, most recently updated first.
    pub plans: Vec<Plan>,
    /// Entries that could not be read, now and from earlier visits.
    pub set_aside: Vec<SetAsideEntry>,
}

/// Whether anything is stored to be read: a plan, or an entry set aside earlier.
pub fn has_stored_entries(store: &impl KeyValueStore) -> Result<bool, StoreError> {
    Ok(store
        .keys()?
        .iter()
        .any(|k| k.starts_with(PLAN_KEY_PREFIX) || k.starts_with(SET_ASIDE_KEY_PREFIX)))
}

/// Reads every stored plan with `read_plan_text`. An entry that cannot be read is moved to
/// a set-aside key (or, if storage is too full to copy it, left where it is) and reported;
/// it is never deleted. `stamp` makes set-aside keys unique, e.g. the current time in
/// milliseconds.
pub fn load_library(
    store: &impl KeyValueStore,
    stamp: i64,
    read_plan_text: ReadPlanText,
) -> Result<LoadedLibrary, StoreError> {
    let mut loaded = LoadedLibrary::default();
    let mut keys = store.keys()?;
    keys.sort();
    for key in keys {
        let Some(text) = store.get(&key)? else {
            continue;
        };
        if key.starts_with(SET_ASIDE_KEY_PREFIX) {
            let reason = read_plan_text(&text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_else(|| "set aside earlier".into());
            loaded.set_aside.push(SetAsideEntry { key, reason, text });
        } else if let Some(id) = key.strip_prefix(PLAN_KEY_PREFIX) {
            match read_plan_text(&text) {
                Ok(plan) => loaded.plans.push(plan),
                Err(e) => {
                    let aside_key = format!("{SET_ASIDE_KEY_PREFIX}{id}@{stamp}");
                    let kept_at = match store.set(&aside_key, &text) {
                        Ok(()) => {
                            store.remove(&key)?;
                            aside_key
                        }
                        Err(_) => key.clone(),
                    };
                    loaded.set_aside.push(SetAsideEntry {
                        key: kept_at,
                        reason: e.to_string(),
                        text,
                    });
                }
            }
        }
    }
    loaded
        .plans
        .sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.name.cmp(&b.name)));
    Ok(loaded)
}

/// Stores a plan under its id, replacing the previous version of the same plan; returns
/// the fingerprint of what was written.
pub fn save_plan(store: &impl KeyValueStore, plan: &Plan) -> Result<u64, StoreError> {
    let text = write_plan(plan, false);
    store.set(&plan_key(&plan.id), &text)?;
    Ok(fingerprint(&text))
}

/// A stored entry's fingerprint (64-bit FNV-1a of its text): tells whether the entry
/// changed since it was last seen, without keeping a copy.
pub fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ byte as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The fingerprint of a plan's stored entry, if there is one.
pub fn stored_fingerprint(store: &impl KeyValueStore, id: &str) -> Result<Option<u64>, StoreError> {
    Ok(store.get(&plan_key(id))?.as_deref().map(fingerprint))
}

/// What saving a plan that other tabs may also write came to.
#[derive(Clone, Debug, PartialEq)]
pub enum GuardedSave {
    /// Written; the new entry's fingerprint.
    Saved(u64),
    /// Not written: the stored plan changed since `known` (another tab saved it). The
    /// other version, with its fingerprint.
    ChangedElsewhere(Box<Plan>, u64),
    /// Not written: the stored plan changed since `known` and no reader was given to tell
    /// whether it differs from `plan`; save again with one.
    NeedsReader,
}

/// Saves `plan` only if its stored entry is still the one last seen (`known`, `None` when
/// there was none), so newer work from another tab is never overwritten silently. An
/// unreadable entry does not block the save. `read_plan_text` reads the other version; the
/// page may not have fetched its reader yet (`None`).
pub fn save_plan_guarded(
    store: &impl KeyValueStore,
    plan: &Plan,
    known: Option<u64>,
    read_plan_text: Option<ReadPlanText>,
) -> Result<GuardedSave, StoreError> {
    if let Some(text) = store.get(&plan_key(&plan.id))? {
        let now = fingerprint(&text);
        if Some(now) != known {
            let Some(read_plan_text) = read_plan_text else {
                return Ok(GuardedSave::NeedsReader);
            };
            if let Ok(theirs) = read_plan_text(&text) {
                if theirs != *plan {
                    return Ok(GuardedSave::ChangedElsewhere(Box::new(theirs), now));
                }
            }
        }
    }
    save_plan(store, plan).map(GuardedSave::Saved)
}

/// Removes a stored plan.
pub fn delete_plan(store: &impl KeyValueStore, id: &str) -> Result<(), StoreError> {
    store.remove(&plan_key(id))
}

/// Removes a set-aside entry once the user has dealt with it.
pub fn discard_set_aside(store: &impl KeyValueStore, key: &str) -> Result<(), StoreError> {
    store.remove(key)
}

/// Where the user was: the open plan and the workspace address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The plan that was open.
    pub open_plan: Option<Id>,
    /// The workspace address (hash route) that was shown.
    pub route: String,
    /// Whether the workbook was opened here before (the example opens on the first visit).
    #[serde(default)]
    pub visited: bool,
}

/// The stored session, or an empty one if there is none or it cannot be read.
pub fn load_session(store: &impl KeyValueStore) -> Session {
    store
        .get(SESSION_KEY)
        .ok()
        .flatten()
        .and_then(|text| read_session(&text))
        .unwrap_or_default()
}

/// The session in its stored text, read as its `Deserialize` would (members in any order,
/// unknown ones ignored, `route` required, `visited` false when missing) by the JSON text
/// walker: the session is read at every start, and serde_json's parser would keep ~7 KB
/// gzip of the plan reader in the first visit's download.
pub fn read_session(text: &str) -> Option<Session> {
    let mut session = Session::default();
    let (mut route, mut well_formed) = (None, true);
    let end = json_text::for_each_member(text, 0, &mut |raw_key, _, value| {
        let value = &text[value];
        let string = || json_text::string_value(value);
        match json_text::string_value(raw_key).as_deref() {
            Some("open_plan") if value == "null" => session.open_plan = None,
            Some("open_plan") => {
                session.open_plan = string().or_else(|| {
                    well_formed = false;
                    None
                })
            }
            Some("route") => {
                route = string().or_else(|| {
                    well_formed = false;
                    None
                })
            }
            Some("visited") => match value {
                "true" => session.visited = true,
                "false" => session.visited = false,
                _ => well_formed = false,
            },
            Some(_) => {}
            None => well_formed = false,
        }
    })?;
    session.route = route?;
    (well_formed && json_text::skip_whitespace(text.as_bytes(), end) == text.len())
        .then_some(session)
}

/// Stores the session.
pub fn save_session(store: &impl KeyValueStore, session: &Session) -> Result<(), StoreError> {
    let text = serde_json::to_string(session).expect("a session always serializes");
    store.set(SESSION_KEY, &text)
}
