//! Host tests of the plan file: defaults from the book, export/import round trip,
//! migrations from every fixture version, and a validation message for each rule.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use sre_workbook::model::plan::defaults::{
    blank_plan, default_alerting, default_groups, stage_of_level, STAGE_NAMES,
};
use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::format::{
    export_file_name, migrate, read_plan, read_plan_text, write_plan, CURRENT_VERSION,
};
use sre_workbook::model::plan::{Plan, SloWindow};

fn example_value() -> Value {
    serde_json::from_str(&write_plan(&example_plan(), true)).unwrap()
}

/// The messages a user would see for a plan file edited by `edit`.
fn messages_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = example_value();
    edit(&mut v);
    match read_plan_text(&v.to_string()) {
        Ok(_) => vec![],
        Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
    }
}

fn assert_message(edit: impl FnOnce(&mut Value), expected: &str) {
    let messages = messages_after(edit);
    assert!(
        messages.iter().any(|m| m == expected),
        "expected {expected:?} among {messages:#?}"
    );
}

#[test]
fn defaults_are_the_four_groups_from_the_book() {
    let groups = default_groups();
    let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Developers",
            "Operations engineers",
            "Product managers",
            "Executives / management"
        ]
    );
    assert_eq!(
        groups[0].misaligned,
        "Do not know why they should be doing operations."
    );
    assert_eq!(
        groups[3].target_mindset,
        "Promote SRE and fund it in a timely fashion."
    );
    assert!(groups
        .iter()
        .all(|g| g.levels.len() == 5 && g.levels.iter().all(|l| !l.is_empty())));
    assert_eq!(
        groups[0].levels[3],
        "On call for their own services, alerted on SLO breaches."
    );
    assert_eq!([0, 1, 2, 3, 4].map(stage_of_level), [0, 0, 1, 2, 2]);
    assert_eq!(STAGE_NAMES[stage_of_level(2)], "Collective ownership");
}

#[test]
fn blank_plan_is_valid_and_round_trips() {
    let plan = blank_plan("p1", "New plan", &"2026-11-24T10:00:00Z".to_string());
    assert_eq!(read_plan_text(&write_plan(&plan, true)).unwrap(), plan);
    assert_eq!(plan.transition.readiness_share_percent, 80.0);
}

#[test]
fn example_plan_has_the_promised_content() {
    let plan = example_plan();
    assert_eq!(plan.transition.teams.len(), 5);
    assert_eq!(plan.transition.rounds.len(), 3);
    assert_eq!(plan.slo_catalog.services.len(), 4);
    assert_eq!(plan.slo_catalog.slos.len(), 9);
    assert_eq!(plan.scenarios.len(), 3);
    assert!(plan.transition.rounds.iter().all(|r| r.ratings.len() == 20));
}

#[test]
fn export_then_import_is_identical() {
    let plan = example_plan();
    let text = write_plan(&plan, true);
    let back: Plan = read_plan_text(&text).unwrap();
    assert_eq!(back, plan);
    assert_eq!(write_plan(&back, true), text, "export is byte-stable");
    let compact = write_plan(&plan, false);
    assert_eq!(read_plan_text(&compact).unwrap(), plan);
}

#[test]
fn export_starts_with_the_header_in_stable_order() {
    let text = write_plan(&example_plan(), true);
    assert!(text.starts_with("{\n  \"format\": \"sre-workbook-plan\",\n  \"version\": 4,\n  \"id\": \"example-parcelry\",\n  \"name\":"), "{}", &text[..120]);
    assert!(text.ends_with("}\n"));
}

#[test]
fn every_fixture_version_migrates_to_the_current_plan() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    // The example grew an SLO between the two fixtures were frozen.
    let slos_in = |version: u64| if version == 1 { 8 } else { 9 };
    for version in 1..=CURRENT_VERSION {
        let path = format!("{dir}/v{version}/example.json");
        let bytes = std::fs::read(&path)
            .unwrap_or_else(|_| panic!("fixture {path} must exist for every version"));
        let plan = read_plan(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(plan.transition.teams.len(), 5, "{path} keeps its teams");
        assert_eq!(
            plan.slo_catalog.slos.len(),
            slos_in(version),
            "{path} keeps its SLOs"
        );
        assert_eq!(
            plan.transition
                .rounds
                .iter()
                .map(|r| r.ratings.len())
                .sum::<usize>(),
            60,
            "{path} keeps its ratings"
        );
    }
}

#[test]
fn version_3_policies_say_nothing_of_who_agreed_them_or_when() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let plan = read_plan(&std::fs::read(format!("{dir}/v3/example.json")).unwrap()).unwrap();
    let policy = &plan.slo_catalog.slos[0].policy;
    assert!(policy.agreed, "the agreement itself is kept");
    assert_eq!(
        (
            policy.agreed_by.as_str(),
            &policy.agreed_on,
            &policy.review_on
        ),
        ("", &None, &None)
    );
    // A version-3 file with version-4 fields is refused where they are.
    let mut text = std::fs::read_to_string(format!("{dir}/v3/example.json")).unwrap();
    text = text.replacen(
        "\"agreed\": true",
        "\"agreed\": true, \"review_on\": \"2027-01-01\"",
        1,
    );
    let error = read_plan(text.as_bytes()).unwrap_err().to_string();
    assert!(
        error.contains("slo_catalog.slos[0].policy.review_on: is not a field of format version 3 (it came with version 4)"),
        "{error}"
    );
}

#[test]
fn version_1_calendar_windows_and_alerts_keep_their_meaning() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let plan = read_plan(&std::fs::read(format!("{dir}/v1/example.json")).unwrap()).unwrap();
    let slo = |id: &str| plan.slo_catalog.slos.iter().find(|s| s.id == id).unwrap();
    // "The current month" of a plan last changed on 2026-09-14 is September 2026 (30 days);
    // "the current quarter" is Q3 2026 (92 days).
    assert_eq!(
        slo("tracking-freshness").window,
        SloWindow::CalendarMonth {
            month: "2026-09".into()
        }
    );
    assert_eq!(slo("tracking-freshness").window.days(), 30);
    assert_eq!(
        slo("route-correctness").window,
        SloWindow::CalendarQuarter {
            quarter: "2026-Q3".into()
        }
    );
    assert_eq!(slo("route-correctness").window.days(), 92);
    // The alerts version 1 applied implicitly become the SLO's own tiers; no queries.
    for s in &plan.slo_catalog.slos {
        assert_eq!(s.alerting, default_alerting(s.window.days()), "{}", s.id);
        assert_eq!(s.metrics, None, "{}", s.id);
    }
}

#[test]
fn migrate_is_total_over_versions() {
    let fields = serde_json::Map::new();
    let message = |version| migrate(fields.clone(), version).unwrap_err().to_string();
    assert_eq!(
        message(0),
        "version: 0 is not a format version (a whole number from 1)"
    );
    assert_eq!(
        message(CURRENT_VERSION + 1),
        format!(
            "version: {} is newer than this app understands (up to {CURRENT_VERSION}); open it with a newer version of the workbook",
            CURRENT_VERSION + 1
        )
    );
    assert!(message(u64::MAX).starts_with("version: 18446744073709551615 is newer"));
    assert_eq!(migrate(fields.clone(), CURRENT_VERSION), Ok(fields.clone()));
}

#[test]
fn file_level_errors_are_named() {
    let first = |bytes: &[u8]| read_plan(bytes).unwrap_err().problems[0].to_string();
    assert_eq!(first(b""), "the file is empty");
    assert_eq!(
        first(b"{\"format\": \"sre-workbook-plan\",\n  \"version\": 4,"),
        "not valid JSON at line 2, column 15: the file ends too early (is it truncated?)"
    );
    assert_eq!(
        first(b"{\n  \"name\": 'x'\n}"),
        "not valid JSON at line 2, column 11: expected value"
    );
    assert_eq!(
        first(b"[1, 2]"),
        "this is not a workbook plan: expected a JSON object, found an array"
    );
    assert_eq!(
        first(b"{\"name\": \"x\"}"),
        "format: missing: this is not a workbook plan (expected \"format\": \"sre-workbook-plan\")"
    );
    assert_eq!(
        first(b"{\"format\": \"openslo\", \"version\": 1}"),
        "format: \"openslo\" is not a format this app reads (expected \"sre-workbook-plan\")"
    );
    assert_eq!(first(b"{\"format\": \"sre-workbook-plan\", \"version\": 7}"), "version: 7 is newer than this app understands (up to 4); open it with a newer version of the workbook");
    assert_eq!(
        first(b"{\"format\": \"sre-workbook-plan\", \"version\": 0}"),
        "version: 0 is not a format version (a whole number from 1)"
    );
    assert_eq!(
        first(b"{\"format\": \"sre-workbook-plan\", \"version\": \"1\"}"),
        "version: expected a whole number, found a string"
    );
    assert_eq!(
        first(b"{\"format\": \"sre-workbook-plan\", \"version\": 3, \"x\": \xff}"),
        "the file is not UTF-8 text: byte 0xFF at line 1, column 52 is not a character"
    );
    let big = vec![b' '; 6 * 1024 * 1024];
    assert_eq!(
        first(&big),
        "the file is 6.0 MB; plans larger than 5 MB cannot be imported"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", write_plan(&example_plan(), true));
    assert_eq!(read_plan(text.as_bytes()).unwrap(), example_plan());
}

#[test]
fn type_errors_name_the_field_path() {
    assert_message(
        |v| v["slo_catalog"]["slos"][2]["target_percent"] = json!("high"),
        "slo_catalog.slos[2].target_percent: invalid type: string \"high\", expected a number",
    );
    assert_message(
        |v| {
            v["transition"]["teams"][1]
                .as_object_mut()
                .unwrap()
                .remove("name");
        },
        "transition.teams[1].name: missing: this field is required",
    );
    assert_message(
        |v| v["transition"]["rounds"][0]["ratings"][3]["level"] = json!(-1),
        "transition.rounds[0].ratings[3].level: invalid value: number `-1`, expected a whole number of 0 or more",
    );
    assert_message(|v| v["surprise"] = json!(1), "surprise: unknown field `surprise`, expected one of `id`, `name`, `created`, `updated`, `organization`, `challenge`, `transition`, `slo_catalog`, `scenarios`, `histories`");
    assert_message(|v| v["slo_catalog"]["slos"][0]["window"] = json!({"kind": "weekly"}), "slo_catalog.slos[0].window.kind: unknown variant `weekly`, expected one of `rolling`, `calendar_month`, `calendar_quarter`");
}

/// An edit of a plan file and the message it must produce.
type RuleCase = (Box<dyn FnOnce(&mut Value)>, &'static str);

#[test]
fn each_content_rule_has_its_message() {
    let cases: Vec<RuleCase> = vec![
        (Box::new(|v| v["name"] = json!("  ")), "name: must not be empty"),
        (Box::new(|v| v["updated"] = json!("yesterday")), "updated: \"yesterday\" is not a UTC timestamp like \"2026-11-24T09:30:00Z\""),
        (Box::new(|v| v["slo_catalog"]["slos"][2]["target_percent"] = json!(100.5)), "slo_catalog.slos[2].target_percent: 100.5 is not between 0 and 100 (both excluded)"),
        (Box::new(|v| v["slo_catalog"]["slos"][0]["target_percent"] = json!(0)), "slo_catalog.slos[0].target_percent: 0 is not between 0 and 100 (both excluded)"),
        (Box::new(|v| v["slo_catalog"]["slos"][0]["target_percent"] = json!(99.123456)), "slo_catalog.slos[0].target_percent: 99.123456 has more than five decimals"),
        (Box::new(|v| v["slo_catalog"]["slos"][0]["window"] = json!({"kind": "rolling", "days": 0})), "slo_catalog.slos[0].window.days: 0 is not a number of days between 1 and 90"),
        (Box::new(|v| v["slo_catalog"]["slos"][0]["window"] = json!({"kind": "rolling", "days": 10000})), "slo_catalog.slos[0].window.days: 10000 is not a number of days between 1 and 90"),
        (Box::new(|v| v["slo_catalog"]["slos"][1]["sli"]["latency_threshold_ms"] = Value::Null), "slo_catalog.slos[1].sli.latency_threshold_ms: a latency SLI needs a threshold in milliseconds"),
        (Box::new(|v| v["slo_catalog"]["slos"][0]["budgeting"] = json!({"kind": "events", "expected_per_day": -5})), "slo_catalog.slos[0].budgeting.expected_per_day: -5 must be a number greater than 0"),
        (Box::new(|v| v["slo_catalog"]["slos"][0]["policy"]["thresholds"][1]["consumed_percent"] = json!(10)), "slo_catalog.slos[0].policy.thresholds[1].consumed_percent: 10 must be larger than the threshold before it (50)"),
        (Box::new(|v| v["slo_catalog"]["slos"][0]["subject"] = json!({"kind": "service", "id": "ghost"})), "slo_catalog.slos[0].subject.id: refers to service \"ghost\", which is not in this plan"),
        (Box::new(|v| v["slo_catalog"]["services"][0]["team"] = json!("nobody")), "slo_catalog.services[0].team: refers to team \"nobody\", which is not in this plan"),
        (Box::new(|v| v["slo_catalog"]["journeys"][0]["priority"] = json!(9)), "slo_catalog.journeys[0].priority: 9 is not a priority between 1 (highest) and 5"),
        (Box::new(|v| v["transition"]["teams"][1]["id"] = json!("checkout")), "transition.teams[1].id: \"checkout\" is used by an earlier entry; ids must be unique"),
        (Box::new(|v| v["transition"]["rounds"][0]["ratings"][0]["level"] = json!(7)), "transition.rounds[0].ratings[0].level: 7 is not a level between 0 and 4"),
        (Box::new(|v| v["transition"]["rounds"][0]["ratings"][0]["group"] = json!("qa")), "transition.rounds[0].ratings[0].group: refers to group \"qa\", which is not in this plan"),
        (Box::new(|v| v["transition"]["rounds"][0]["ratings"][1]["group"] = json!("developers")), "transition.rounds[0].ratings[1]: rates team \"checkout\" × group \"developers\" a second time in this round"),
        (Box::new(|v| v["transition"]["rounds"][1]["date"] = json!("2026-02-30")), "transition.rounds[1].date: \"2026-02-30\" is not a date like \"2026-11-24\""),
        (Box::new(|v| v["transition"]["groups"][0]["levels"] = json!(["a", "b"])), "transition.groups[0].levels: has 2 descriptors; it needs one for each level 0 to 4 (5)"),
        (Box::new(|v| v["transition"]["groups"][0]["target"]["level"] = json!(5)), "transition.groups[0].target.level: 5 is not a level between 0 and 4"),
        (Box::new(|v| v["transition"]["actions"][0]["teams"][0] = json!("ghost")), "transition.actions[0].teams[0]: refers to team \"ghost\", which is not in this plan"),
        (Box::new(|v| v["transition"]["actions"][0]["title"] = json!("")), "transition.actions[0].title: must not be empty"),
        (Box::new(|v| v["transition"]["readiness_share_percent"] = json!(120)), "transition.readiness_share_percent: 120 is not between 0 and 100"),
        (Box::new(|v| v["transition"]["activities"][1]["activity"] = json!("slos_defined")), "transition.activities[1]: records activity SlosDefined for team \"checkout\" a second time"),
        (Box::new(|v| v["scenarios"][0]["slo"] = json!("ghost")), "scenarios[0].slo: refers to SLO \"ghost\", which is not in this plan"),
        (Box::new(|v| v["scenarios"][0]["incidents"][0]["start_minute"] = json!(50000)), "scenarios[0].incidents[0].start_minute: 50000 is outside the SLO window of 43200 minutes"),
        (Box::new(|v| v["scenarios"][0]["incidents"][0]["duration_minutes"] = json!(0)), "scenarios[0].incidents[0].duration_minutes: must be at least 1 minute"),
        (Box::new(|v| v["scenarios"][0]["baseline_error_ratio"] = json!(1.5)), "scenarios[0].baseline_error_ratio: 1.5 is not between 0 and 1"),
        (Box::new(|v| v["scenarios"][0]["monte_carlo"]["p90_restore_minutes"] = json!(5)), "scenarios[0].monte_carlo.p90_restore_minutes: 5 must be at least the median (20)"),
        (Box::new(|v| v["scenarios"][0]["monte_carlo"]["runs"] = json!(0)), "scenarios[0].monte_carlo.runs: 0 is not a number of runs between 1 and 100000"),
        (Box::new(|v| v["scenarios"][2]["target_override_percent"] = json!(100)), "scenarios[2].target_override_percent: 100 is not between 0 and 100 (both excluded)"),
    ];
    for (edit, expected) in cases {
        assert_message(edit, expected);
    }
}

#[test]
fn several_problems_are_reported_at_once() {
    let messages = messages_after(|v| {
        v["name"] = json!("");
        v["slo_catalog"]["slos"][0]["target_percent"] = json!(100.5);
        v["scenarios"][1]["slo"] = json!("ghost");
    });
    assert_eq!(messages.len(), 3, "{messages:#?}");
}

#[test]
fn oversized_lists_are_refused_without_checking_each_item() {
    let messages = messages_after(|v| {
        let team = json!({"id": "t", "name": "T", "description": ""});
        v["transition"]["teams"] = Value::Array(vec![team; 100_000]);
    });
    assert_eq!(
        messages,
        ["transition.teams: holds 100000 teams; a plan can hold at most 2000"]
    );
}

#[test]
fn export_file_names_are_safe() {
    assert_eq!(
        export_file_name("Parcelry SRE transformation"),
        "Parcelry SRE transformation.json"
    );
    assert_eq!(export_file_name("Q3/Q4: plan?"), "Q3-Q4- plan-.json");
    assert_eq!(export_file_name("  ..  "), "plan.json");
}

#[test]
fn the_shipped_example_file_is_in_canonical_export_form() {
    let shipped = sre_workbook::model::plan::example::EXAMPLE_PLAN_JSON;
    assert_eq!(
        write_plan(&example_plan(), true),
        shipped,
        "re-export the example to keep it canonical"
    );
}

#[test]
fn the_shipped_schema_is_generated_from_the_current_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/plan.schema.json");
    let shipped: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        shipped == sre_workbook::model::plan::format::plan_schema(),
        "public/plan.schema.json is out of date: run `cargo run --example plan_schema`"
    );
}

#[test]
fn exports_name_their_schema_and_read_back() {
    let text = sre_workbook::model::plan::format::export_plan(
        &example_plan(),
        "https://example.org/plan.schema.json",
    );
    assert!(text.starts_with(
        "{\n  \"$schema\": \"https://example.org/plan.schema.json\",\n  \"format\": \"sre-workbook-plan\",\n  \"version\": 4,"
    ));
    assert_eq!(read_plan(text.as_bytes()).unwrap(), example_plan());
}
