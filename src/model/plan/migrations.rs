//! The named steps between plan format versions. Each turns the fields of a version-N file
//! into those of version N+1 without losing anything the file said; [`crate::model::plan::format`] runs
//! them in order. Old files of every version stay in `tests/fixtures/vN/` forever.

use serde_json::{json, Map, Value};

use crate::model::plan::calendar::{parse_timestamp, CalendarPeriod};
use crate::model::plan::defaults::default_alerting;
use crate::model::plan::problem::{PlanError, Problem};
use crate::model::plan::SloWindow;

/// The SLOs of a file's fields, whatever version, to be changed in place.
fn slos_mut(fields: &mut Map<String, Value>) -> impl Iterator<Item = &mut Value> {
    fields
        .get_mut("slo_catalog")
        .and_then(|c| c.get_mut("slos"))
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

/// Version 1 → 2: SLOs gain their production side.
///
/// - A calendar window names its period. In version 1 it meant "the current month (or
///   quarter)", so it becomes the period that held the plan's last change (`updated`, else
///   `created`): the month the plan was written for. Its real length replaces the 30 or 90
///   days version 1 counted.
/// - `metrics` (the SLI's queries) is `null`: version 1 had words only.
/// - `alerting` holds the SRE Workbook's tiers for the window, which version 1 applied
///   implicitly, no extra labels and no low-traffic guard.
pub fn v1_to_v2(mut fields: Map<String, Value>) -> Result<Map<String, Value>, PlanError> {
    let written = ["updated", "created"]
        .iter()
        .filter_map(|key| fields.get(*key)?.as_str().and_then(parse_timestamp))
        .next()
        .map_or(0, |millis| millis.div_euclid(86_400_000));
    let mut problems = Vec::new();
    for (i, slo) in slos_mut(&mut fields).enumerate() {
        let Some(slo) = slo.as_object_mut() else {
            continue;
        };
        // A field version 2 added has no meaning in a version-1 file: say so, rather than
        // take it (or drop it) silently.
        for key in ["metrics", "alerting"] {
            if slo.contains_key(key) {
                problems.push(Problem::at(
                    format!("slo_catalog.slos[{i}].{key}"),
                    "is not a field of format version 1 (it came with version 2); if the file is version 2, say \"version\": 2",
                ));
            }
        }
        if let Some(window) = slo.get_mut("window").and_then(Value::as_object_mut) {
            match window.get("kind").and_then(Value::as_str) {
                Some("calendar_month") => {
                    let period = CalendarPeriod::holding(written, false).code();
                    window.entry("month").or_insert(Value::String(period));
                }
                Some("calendar_quarter") => {
                    let period = CalendarPeriod::holding(written, true).code();
                    window.entry("quarter").or_insert(Value::String(period));
                }
                _ => {}
            }
        }
        let days = slo
            .get("window")
            .and_then(|w| serde_json::from_value::<SloWindow>(w.clone()).ok())
            .map_or(30, |w| w.days());
        slo.entry("metrics").or_insert(Value::Null);
        slo.entry("alerting")
            .or_insert_with(|| json!(default_alerting(days)));
    }
    if problems.is_empty() {
        Ok(fields)
    } else {
        Err(PlanError { problems })
    }
}

/// Version 2 → 3: plans keep real SLI histories (`histories`), none in a version-2 file.
pub fn v2_to_v3(mut fields: Map<String, Value>) -> Result<Map<String, Value>, PlanError> {
    if fields.contains_key("histories") {
        return Err(PlanError::single(Problem::at(
            "histories",
            "is not a field of format version 2 (it came with version 3); if the file is version 3, say \"version\": 3",
        )));
    }
    fields.insert("histories".into(), Value::Array(Vec::new()));
    Ok(fields)
}

/// Version 3 → 4: an error-budget policy records who agreed it, when, and when it is
/// reviewed next; a version-3 file recorded none of these.
pub fn v3_to_v4(mut fields: Map<String, Value>) -> Result<Map<String, Value>, PlanError> {
    let mut problems = Vec::new();
    for (i, slo) in slos_mut(&mut fields).enumerate() {
        let Some(policy) = slo.get_mut("policy").and_then(Value::as_object_mut) else {
            continue;
        };
        for key in ["agreed_by", "agreed_on", "review_on"] {
            if policy.contains_key(key) {
                problems.push(Problem::at(
                    format!("slo_catalog.slos[{i}].policy.{key}"),
                    "is not a field of format version 3 (it came with version 4); if the file is version 4, say \"version\": 4",
                ));
            }
        }
        policy.insert("agreed_by".into(), Value::String(String::new()));
        policy.insert("agreed_on".into(), Value::Null);
        policy.insert("review_on".into(), Value::Null);
    }
    if problems.is_empty() {
        Ok(fields)
    } else {
        Err(PlanError { problems })
    }
}
