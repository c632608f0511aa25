//! The SLO exports held to the tools' own definitions, not to our own output: Pyrra's
//! objectives to Pyrra's CRD schema and Kubernetes' name and label rules (with ajv, through
//! node), Sloth's specs to the rules of Sloth's `ValidateSLO`, OpenSLO to its reference SDK's
//! rules. Every file is read back by a real YAML parser. (The Prometheus rule file is checked
//! by promtool in tests/prometheus_rules.rs.)
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/openslo_validation.rs"]
mod openslo_validation;
#[path = "common/sloth_validation.rs"]
mod sloth_validation;

use std::path::Path;
use std::process::Command;

use serde::Deserialize;
use serde_yaml::Value;
use sre_workbook::interop::openslo::openslo_yaml;
use sre_workbook::interop::pyrra::pyrra_objectives;
use sre_workbook::interop::sloth::{sloth_files, sloth_period_days};
use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::Plan;

use openslo_validation::openslo_problems;
use sloth_validation::{commanded_period_days, sloth_problems};

/// The documents of a YAML stream, parsed by libyaml (empty documents left out).
fn documents(text: &str) -> Vec<Value> {
    serde_yaml::Deserializer::from_str(text)
        .map(|d| Value::deserialize(d).unwrap_or_else(|e| panic!("{e}:\n{text}")))
        .filter(|v| !v.is_null())
        .collect()
}

/// A plan with the example's SLOs plus a 7-day one, a label Kubernetes refuses as a key and
/// long names, to reach every branch of the exporters.
fn varied_plan() -> Plan {
    let mut plan = example_plan();
    let mut weekly = plan.slo_catalog.slos[0].clone();
    weekly.id = "checkout-weekly".into();
    weekly.name =
        "A name longer than sixty-three characters, which OpenSLO's displayName refuses".into();
    weekly.window = sre_workbook::model::plan::SloWindow::Rolling { days: 7 };
    weekly.alerting = sre_workbook::model::plan::defaults::default_alerting(7);
    weekly.alerting.labels.insert("_private".into(), "x".into());
    weekly
        .alerting
        .labels
        .insert("owner".into(), "Team Checkout (EU)".into());
    plan.slo_catalog.slos.push(weekly);
    plan.slo_catalog.services[0].description = "d".repeat(2000);
    plan
}

/// Runs the Pyrra checker (tests/conformance/pyrra.mjs) on `text`; its output and success.
fn pyrra_check(text: &str, name: &str) -> (String, bool) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        root.join("node_modules/ajv").exists() && root.join("node_modules/yaml").exists(),
        "run `npm ci` first: the Pyrra check uses ajv and yaml from package.json"
    );
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.pyrra.yaml"));
    std::fs::write(&file, text).unwrap();
    let output = Command::new("node")
        .arg(root.join("tests/conformance/pyrra.mjs"))
        .arg(root.join("tests/fixtures/pyrra/servicelevelobjectives-crd.yaml"))
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("node could not run ({e}); install Node.js"));
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (out, output.status.success())
}

#[test]
fn pyrra_objectives_pass_pyrras_crd_and_kubernetes_rules() {
    for (name, plan) in [("example", example_plan()), ("varied", varied_plan())] {
        let text = pyrra_objectives(&plan, None);
        let (out, ok) = pyrra_check(&text, name);
        assert!(ok, "{out}\n{text}");
        assert!(!out.starts_with("0 objectives"), "{out}");
    }
    // The example's runbook URL is no label value: it is a pyrra.dev/ annotation, which
    // Pyrra copies into its alerts' annotations; the team stays a label.
    let docs = documents(&pyrra_objectives(&example_plan(), None));
    let metadata = &docs[0]["metadata"];
    assert_eq!(metadata["labels"]["pyrra.dev/team"], "checkout");
    assert_eq!(
        metadata["annotations"]["pyrra.dev/runbook"],
        "https://runbooks.parcelry.example/checkout"
    );
    assert!(metadata["labels"].get("pyrra.dev/runbook").is_none());
    // A label name Kubernetes refuses as a key is left out, and the file says so.
    let text = pyrra_objectives(&varied_plan(), None);
    assert!(
        text.contains(
            "  # Left out: Kubernetes takes no label or annotation named pyrra.dev/_private.\n"
        ),
        "{text}"
    );
}

#[test]
fn the_pyrra_check_can_fail() {
    // The export as it was before: the runbook as a label value, kubectl refused it.
    let text = pyrra_objectives(&example_plan(), None).replacen(
        "  annotations:\n    \"pyrra.dev/runbook\"",
        "    \"pyrra.dev/runbook\"",
        1,
    );
    let (out, ok) = pyrra_check(&text, "refused");
    assert!(!ok, "{text}");
    assert!(
        out.contains("label value \"https://runbooks.parcelry.example/checkout\""),
        "{out}"
    );
}

#[test]
fn sloth_specs_pass_sloths_validation_with_the_right_period() {
    for plan in [example_plan(), varied_plan()] {
        let files = sloth_files(&plan, None);
        for file in &files {
            // The command in the header names the file's period.
            assert_eq!(
                commanded_period_days(&file.text),
                Some(file.period_days),
                "{}",
                file.text
            );
            let docs = documents(&file.text);
            assert!(!docs.is_empty(), "{}", file.text);
            for doc in &docs {
                let problems = sloth_problems(doc);
                assert!(problems.is_empty(), "{problems:#?}\n{}", file.text);
                // Every SLO in the file has the file's period.
                for slo in doc["slos"].as_sequence().unwrap() {
                    let name = slo["name"].as_str().unwrap();
                    let planned = plan
                        .slo_catalog
                        .slos
                        .iter()
                        .find(|s| sre_workbook::interop::sloth::sloth_name(&s.id) == name)
                        .unwrap();
                    assert_eq!(sloth_period_days(planned), file.period_days, "{name}");
                }
            }
        }
    }
    // The example: its 30-day SLOs in the main file, February's freshness SLO (28 days) in
    // a file of its own.
    let files = sloth_files(&example_plan(), None);
    let periods: Vec<(u32, &str)> = files
        .iter()
        .map(|f| (f.period_days, f.name_words.as_str()))
        .collect();
    assert_eq!(periods, [(30, "Sloth"), (28, "Sloth 28d")]);
}

#[test]
fn the_sloth_check_can_fail() {
    let file = &sloth_files(&example_plan(), None)[0];
    for (from, to, rule) in [
        ("[{{.window}}]", "[5m]", "slo.go:28"),
        (
            "service: \"shop-api\"",
            "service: \"shop api\"",
            "slo.go:157",
        ),
        ("objective: 99.9", "objective: 0", "slo.go:165"),
        ("[{{.window}}]", "[{{.window}}] {{ .x }}", "promql.go:73"),
        ("sum(rate(", "sum(rate((", "promql.go:78"),
        ("team: \"checkout\"", "team: \"\"", "promql.go:30/50"),
    ] {
        let text = file.text.replacen(from, to, 1);
        let problems: Vec<String> = documents(&text).iter().flat_map(sloth_problems).collect();
        assert!(
            problems.iter().any(|p| p.contains(rule)),
            "{rule}: {problems:?}"
        );
    }
}

#[test]
fn openslo_passes_the_reference_sdks_rules() {
    for plan in [example_plan(), varied_plan()] {
        let text = openslo_yaml(&plan);
        let docs = documents(&text);
        assert_eq!(
            docs.len(),
            plan.slo_catalog.services.len() + plan.slo_catalog.slos.len()
        );
        for doc in &docs {
            let problems = openslo_problems(doc);
            assert!(
                problems.is_empty(),
                "{problems:#?}\n{}",
                serde_yaml::to_string(doc).unwrap()
            );
        }
    }
}

#[test]
fn the_openslo_check_can_fail() {
    let text = openslo_yaml(&example_plan());
    for (from, to, rule) in [
        (
            "budgetingMethod: Occurrences",
            "budgetingMethod: Events",
            "slo.go:175",
        ),
        ("duration: 30d", "duration: 30 days", "slo.go:245"),
        ("isRolling: true", "isRolling: false", "slo.go:235-239"),
        ("target: 0.999", "target: 99.9", "slo.go:303"),
        ("name: \"shop-api\"", "name: \"Shop_API\"", "objects.go:114"),
    ] {
        let changed = text.replacen(from, to, 1);
        assert_ne!(changed, text, "{from}");
        let problems: Vec<String> = documents(&changed)
            .iter()
            .flat_map(openslo_problems)
            .collect();
        assert!(
            problems.iter().any(|p| p.contains(rule)),
            "{rule}: {problems:?}"
        );
    }
}
