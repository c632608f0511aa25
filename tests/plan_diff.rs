//! What `sre-workbook diff` and "Compare with file…" say about changes written by hand to
//! the example plan, one kind of change at a time.

use serde_json::{json, Value};
use sre_workbook::model::plan::diff::diff_plans;
use sre_workbook::model::plan::format::read_plan;
use sre_workbook::model::plan::Plan;

const EXAMPLE: &str = include_str!("../src/model/plan/example_plan.json");

fn plan(edit: impl FnOnce(&mut Value)) -> Plan {
    let mut value: Value = serde_json::from_str(EXAMPLE).unwrap();
    edit(&mut value);
    read_plan(value.to_string().as_bytes()).unwrap()
}

/// The change lines of the summary of `edit`, without headline and subjects' blank lines.
fn summary(edit: impl FnOnce(&mut Value)) -> String {
    diff_plans(&plan(|_| {}), &plan(edit)).words()
}

#[test]
fn a_window_a_query_and_a_new_tier() {
    let words = summary(|p| {
        let slo = &mut p["slo_catalog"]["slos"][0];
        slo["window"]["days"] = json!(28);
        slo["metrics"]["bad"] = json!(
            "http_requests_total{job=\"shop-api\", handler=\"/checkout\", code=~\"5..|429\"}"
        );
        slo["alerting"]["tiers"].as_array_mut().unwrap().push(json!({"severity": "ticket", "long_minutes": 1440, "short_minutes": 120, "budget_percent": 10.0}));
    });
    assert_eq!(
        words,
        "3 changes to plan “Parcelry SRE transformation”.

SLO “Label purchase succeeds”
  - window, days: 30 → 28
  - alerting, alert tier 4: added severity “ticket”, long window (minutes) 1440, short window (minutes) 120, budget spent 10 %
  - metrics, bad: “http_requests_total{job=\"shop-api\", handler=\"/checkout\", code=~\"5..\"}” → “http_requests_total{job=\"shop-api\", handler=\"/checkout\", code=~\"5..|429\"}”
"
    );
}

#[test]
fn a_policy_agreement_and_a_new_round_of_ratings() {
    let words = summary(|p| {
        let policy = &mut p["slo_catalog"]["slos"][0]["policy"];
        policy["agreed_by"] = json!("Jonas and Mei");
        policy["review_on"] = Value::Null;
        let mut round = p["transition"]["rounds"][2].clone();
        round["id"] = json!("q4-2026");
        round["label"] = json!("Q4 2026");
        round["date"] = json!("2026-12-01");
        p["transition"]["rounds"]
            .as_array_mut()
            .unwrap()
            .push(round);
    });
    assert_eq!(
        words,
        "3 changes to plan “Parcelry SRE transformation”.

Assessment round “Q4 2026”
  - added (id q4-2026)

SLO “Label purchase succeeds”
  - policy, agreed by: “Jonas (product lead) and the checkout team” → “Jonas and Mei”
  - policy, review on: “2026-12-15” → none
"
    );
}

#[test]
fn a_scenario_incident_and_a_removed_slo() {
    let words = summary(|p| {
        p["scenarios"][0]["incidents"][1]["duration_minutes"] = json!(45);
        let slos = p["slo_catalog"]["slos"].as_array_mut().unwrap();
        let last = slos.pop().unwrap();
        // Nothing else may refer to the SLO that goes.
        assert!(p["scenarios"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["slo"] != last["id"]));
    });
    assert!(words.starts_with("2 changes to plan"), "{words}");
    assert!(
        words.contains(
            "\nScenario “This quarter's incidents”\n  - incidents 2, duration minutes: 12 → 45\n"
        ),
        "{words}"
    );
    assert!(words.contains("\n  - removed (was target "), "{words}");
}

#[test]
fn names_in_markdown_stay_text() {
    let diff = diff_plans(
        &plan(|_| {}),
        &plan(|p| p["transition"]["teams"][0]["name"] = json!("<b>*Checkout*</b> | [x](y)")),
    );
    let md = diff.markdown();
    assert!(
        md.contains("**Team “&lt;b&gt;\\*Checkout\\*&lt;/b&gt; \\| \\[x\\](y)”**"),
        "{md}"
    );
    assert!(
        md.contains("- name: “Checkout” → “&lt;b&gt;\\*Checkout\\*&lt;/b&gt; \\| \\[x\\](y)”"),
        "{md}"
    );
}
