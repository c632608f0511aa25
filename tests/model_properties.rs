//! Property tests of the plan file (proptest): export then import is the identity for
//! arbitrary valid plans, every migration keeps all data, and the reader never panics on
//! arbitrary JSON, whether random or a valid plan with one value replaced.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{Map, Value};
use sre_workbook::model::plan::calendar::{parse_timestamp, CalendarPeriod};
use sre_workbook::model::plan::defaults::default_alerting;
use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::format::{
    indent_json, migrate, read_plan, read_plan_text, write_plan, CURRENT_VERSION,
};
use sre_workbook::model::plan::validate::validate;
use sre_workbook::model::plan::{ErrorSpan, Plan, SloWindow, Team};

/// Text as people type it: any characters, including markup, quotes and emoji; not blank.
fn text() -> impl Strategy<Value = String> {
    "\\PC{1,40}".prop_filter("not blank", |s| !s.trim().is_empty())
}

/// An SLO target with at most five decimals, strictly between 0 and 100.
fn target() -> impl Strategy<Value = f64> {
    (1u64..10_000_000).prop_map(|n| n as f64 / 100_000.0)
}

/// SLO windows: rolling 30 to 90 days, a 31-day month or a quarter of any year (so that
/// the generated incidents, up to day 30, stay inside).
fn window() -> impl Strategy<Value = SloWindow> {
    prop_oneof![
        (30u32..=90).prop_map(|days| SloWindow::Rolling { days }),
        (
            1970u32..2100,
            prop::sample::select(vec![1u32, 3, 5, 7, 8, 10, 12])
        )
            .prop_map(|(year, month)| SloWindow::CalendarMonth {
                month: format!("{year}-{month:02}")
            }),
        (1970u32..2100, 1u32..=4).prop_map(|(year, quarter)| SloWindow::CalendarQuarter {
            quarter: format!("{year}-Q{quarter}")
        }),
    ]
}

/// A plan's fields as a version-1 file held them: no queries or alerting on SLOs, calendar
/// windows without their period.
fn as_version_1(plan: &Plan) -> Map<String, Value> {
    let Value::Object(mut fields) = serde_json::to_value(plan).unwrap() else {
        unreachable!()
    };
    fields.remove("histories");
    for slo in fields["slo_catalog"]["slos"].as_array_mut().unwrap() {
        let slo = slo.as_object_mut().unwrap();
        slo.remove("metrics");
        slo.remove("alerting");
        let policy = slo["policy"].as_object_mut().unwrap();
        for key in ["agreed_by", "agreed_on", "review_on"] {
            policy.remove(key);
        }
        let window = slo["window"].as_object_mut().unwrap();
        window.remove("month");
        window.remove("quarter");
    }
    fields
}

/// Arbitrary valid plans: the example plan with its texts, targets, windows, teams,
/// incidents and ratios replaced by generated values.
fn valid_plan() -> impl Strategy<Value = Plan> {
    (
        (text(), text(), text()),
        prop::collection::vec((text(), "\\PC{0,40}"), 0..8),
        prop::collection::vec((target(), window()), 1..10),
        prop::collection::vec((0u32..43_200, 1u32..600, 0.0f64..=1.0, text()), 0..6),
        (0.0f64..=1.0, 0.0f64..=100.0, 0.0f64..=10_000.0),
    )
        .prop_map(|(names, teams, slos, incidents, ratios)| {
            let mut plan = example_plan();
            (plan.name, plan.organization, plan.challenge) = names;
            for (i, (name, description)) in teams.into_iter().enumerate() {
                plan.transition.teams.push(Team {
                    id: format!("generated-{i}"),
                    name,
                    description,
                });
            }
            for (slo, (target, window)) in plan.slo_catalog.slos.iter_mut().zip(slos) {
                slo.target_percent = target;
                slo.window = window;
            }
            let scenario = &mut plan.scenarios[0];
            scenario.incidents = incidents
                .into_iter()
                .map(
                    |(start_minute, duration_minutes, error_ratio, label)| ErrorSpan {
                        label,
                        start_minute,
                        duration_minutes,
                        error_ratio,
                    },
                )
                .collect();
            scenario.baseline_error_ratio = ratios.0;
            plan.transition.readiness_share_percent = ratios.1;
            scenario.releases.releases_per_week = ratios.2;
            plan
        })
}

/// Arbitrary JSON values, nested a few levels.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_$]{0,12}", inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every place in a JSON value, as a list of steps (object keys or array indices).
fn places(value: &Value, here: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(here.clone());
    match value {
        Value::Object(m) => m.iter().for_each(|(k, v)| {
            let mut next = here.clone();
            next.push(Value::from(k.as_str()));
            places(v, next, out)
        }),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| {
            let mut next = here.clone();
            next.push(Value::from(i));
            places(v, next, out)
        }),
        _ => {}
    }
}

fn replace_at(value: &mut Value, path: &[Value], new: Value) {
    let mut at = value;
    for step in path {
        at = match step {
            Value::String(k) => &mut at[k.as_str()],
            Value::Number(i) => &mut at[i.as_u64().unwrap() as usize],
            _ => unreachable!(),
        };
    }
    *at = new;
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_is_the_identity(plan in valid_plan()) {
        prop_assert_eq!(validate(&plan), vec![]);
        for pretty in [true, false] {
            let text = write_plan(&plan, pretty);
            let back = read_plan(text.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&back, &plan);
            prop_assert_eq!(write_plan(&back, pretty), text);
        }
    }

    #[test]
    fn the_indented_export_is_serde_jsons_pretty_layout(plan in valid_plan(), text in "\\PC{0,30}") {
        let mut plan = plan;
        // Text that looks like JSON structure must stay inside its string.
        plan.challenge = format!("{text} {{\"a\": [1, 2]}}, \\\" :");
        plan.organization = text;
        let compact = serde_json::to_string(&plan).unwrap();
        prop_assert_eq!(indent_json(&compact), serde_json::to_string_pretty(&plan).unwrap());
    }

    #[test]
    fn migrating_version_1_keeps_all_its_data(plan in valid_plan()) {
        let v1 = as_version_1(&plan);
        let migrated = migrate(v1.clone(), 1).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Nothing version 1 said is lost or changed...
        let mut original_part = migrated.clone();
        prop_assert_eq!(original_part.remove("histories"), Some(Value::Array(Vec::new())));
        for slo in original_part["slo_catalog"]["slos"].as_array_mut().unwrap() {
            let slo = slo.as_object_mut().unwrap();
            prop_assert!(slo.remove("metrics").is_some() && slo.remove("alerting").is_some());
            let policy = slo["policy"].as_object_mut().unwrap();
            for key in ["agreed_by", "agreed_on", "review_on"] {
                prop_assert!(policy.remove(key).is_some());
            }
            let window = slo["window"].as_object_mut().unwrap();
            window.remove("month");
            window.remove("quarter");
        }
        prop_assert_eq!(&original_part, &v1);
        // ...and what version 2 adds is what the migration promises.
        let read: Plan = serde_json::from_value(Value::Object(migrated))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let updated = parse_timestamp(&plan.updated).unwrap().div_euclid(86_400_000);
        for (slo, before) in read.slo_catalog.slos.iter().zip(&plan.slo_catalog.slos) {
            prop_assert_eq!(&slo.metrics, &None);
            prop_assert_eq!((slo.policy.agreed_by.as_str(), &slo.policy.agreed_on, &slo.policy.review_on), ("", &None, &None));
            prop_assert_eq!(&slo.alerting, &default_alerting(slo.window.days()));
            let expected = match before.window {
                SloWindow::Rolling { days } => SloWindow::Rolling { days },
                SloWindow::CalendarMonth { .. } => SloWindow::CalendarMonth { month: CalendarPeriod::holding(updated, false).code() },
                SloWindow::CalendarQuarter { .. } => SloWindow::CalendarQuarter { quarter: CalendarPeriod::holding(updated, true).code() },
            };
            prop_assert_eq!(&slo.window, &expected);
        }
    }

    #[test]
    fn the_current_version_needs_no_migration(plan in valid_plan()) {
        let Value::Object(mut fields) = serde_json::from_str(&write_plan(&plan, false)).unwrap() else {
            unreachable!()
        };
        fields.remove("format");
        fields.remove("version");
        let migrated = migrate(fields.clone(), CURRENT_VERSION).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&migrated, &fields);
    }

    #[test]
    fn the_reader_never_panics_on_arbitrary_json(value in json()) {
        let _ = read_plan_text(&value.to_string());
        let mut with_header = value;
        if let Value::Object(m) = &mut with_header {
            m.insert("format".into(), Value::from("sre-workbook-plan"));
            m.insert("version".into(), Value::from(CURRENT_VERSION));
        }
        let _ = read_plan_text(&with_header.to_string());
    }

    #[test]
    fn the_reader_never_panics_when_one_value_is_replaced(pick in any::<prop::sample::Index>(), new in json()) {
        let mut plan: Value = serde_json::from_str(&write_plan(&example_plan(), false)).unwrap();
        let mut all = Vec::new();
        places(&plan, Vec::new(), &mut all);
        let path = pick.get(&all).clone();
        replace_at(&mut plan, &path, new);
        let _ = read_plan_text(&plan.to_string());
    }
}
