//! The command-line workbook as a shell runs it: the built `sre-workbook` binary on the
//! example plan, on the bad-file corpus, on a version 1 file, and on diffs written by hand;
//! exit codes 0, 1 and 2 as documented.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use sre_workbook::interop::plan_exports::{export_files, ExportKind};
use sre_workbook::model::plan::format::read_plan;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/src/model/plan/example_plan.json"
);
/// 2026-12-05 as days since 1970-01-01, the date the dated exports are made on.
const TODAY: i64 = 20_792;

fn cli() -> Command {
    Command::cargo_bin("sre-workbook").unwrap()
}

/// Runs the command; its exit code, standard output and standard error.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = cli().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sre-workbook-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn example() -> sre_workbook::model::plan::Plan {
    read_plan(&std::fs::read(EXAMPLE).unwrap()).unwrap()
}

#[test]
fn every_command_has_help() {
    for command in ["check", "export", "diff", "replay", "migrate"] {
        let (code, out, _) = run(&[command, "--help"]);
        assert_eq!(code, 0, "{command}");
        assert!(
            out.contains(&format!("Usage: sre-workbook {command}")),
            "{command}: {out}"
        );
    }
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Exit codes: 0 all well, 1 problems found"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["bogus"],
        vec!["check"],
        vec!["check", "no-such-plan.json"],
        vec!["export", "yaml", EXAMPLE],
        vec!["export", "pyrra", EXAMPLE, "--service", "no-such-service"],
        vec!["export", "report-md", EXAMPLE, "--today", "2026-02-30"],
        vec!["replay", EXAMPLE, "--slo", "no-such-slo", EXAMPLE],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(!err.is_empty(), "{args:?} says why");
    }
    let (_, _, err) = run(&["export", "pyrra", EXAMPLE, "--service", "no-such-service"]);
    assert_eq!(
        err,
        "sre-workbook: the plan has no service with id “no-such-service”; its services are: shop-api, tracking-service, route-planner, identity\n"
    );
}

#[test]
fn check_accepts_the_example_and_a_version_1_file() {
    let (code, out, _) = run(&["check", EXAMPLE]);
    assert_eq!(code, 0);
    assert!(out.ends_with("plan “Parcelry SRE transformation” is valid: 4 services, 9 SLOs, 5 teams, 3 scenarios.\n"), "{out}");
    let v1 = format!("{FIXTURES}/v1/example.json");
    let (code, out, _) = run(&["check", &v1]);
    assert_eq!(code, 0);
    assert!(
        out.contains("is valid (format version 1, read as version 4)"),
        "{out}"
    );
}

/// Every file of the bad-file corpus gives exit 1 and exactly the messages the corpus lists
/// for it (what the page shows on import), one per line; legal ones exit 0.
#[test]
fn check_gives_the_corpus_messages() {
    let cases: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIXTURES}/bad/expected.json")).unwrap(),
    )
    .unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in cases.iter().filter(|c| c["generate"].is_null()) {
        let name = case["name"].as_str().unwrap();
        let (code, out, _) = run(&["check", &format!("{FIXTURES}/bad/{name}")]);
        if case["accepted"] == Value::Bool(true) {
            if code != 0 {
                failures.push(format!("{name}: exit {code}, expected 0"));
            }
        } else {
            let want: Vec<&str> = case["expected"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap())
                .collect();
            let got: Vec<&str> = out.lines().collect();
            if code != 1 || got != want {
                failures.push(format!(
                    "{name}: exit {code}\n  expected {want:?}\n  got      {got:?}"
                ));
            }
        }
        checked += 1;
    }
    assert!(checked >= 40, "{checked} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn check_speaks_json_for_machines() {
    let bad = format!("{FIXTURES}/bad/alert-label-bad-name.json");
    let (code, out, _) = run(&["check", &bad, "--format", "json"]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(
        report["problems"][0]["path"],
        "slo_catalog.slos[0].alerting.labels.team-name"
    );
    let (code, out, _) = run(&["check", EXAMPLE, "--format", "json"]);
    assert_eq!(code, 0);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (report["valid"].clone(), report["version"].clone()),
        (Value::Bool(true), Value::from(4))
    );
}

/// Each export on the example plan is the text the page's buttons download (both take it
/// from `plan_exports`; the end-to-end test compares the browser's downloads with this
/// binary's output byte for byte).
#[test]
fn export_writes_every_kind() {
    let plan = example();
    let kinds = [
        ("prometheus", ExportKind::Prometheus),
        ("sloth", ExportKind::Sloth),
        ("pyrra", ExportKind::Pyrra),
        ("openslo", ExportKind::Openslo),
        ("slos-csv", ExportKind::SlosCsv),
        ("policy-md", ExportKind::PolicyMd),
        ("report-md", ExportKind::ReportMd),
    ];
    for (name, kind) in kinds {
        let want = export_files(&plan, kind, None, TODAY);
        let dir = scratch(name);
        let (code, _, err) = run(&[
            "export",
            name,
            EXAMPLE,
            "--today",
            "2026-12-05",
            "-o",
            dir.join("out").to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{name}: {err}");
        if want.len() == 1 {
            assert_eq!(
                std::fs::read_to_string(dir.join("out")).unwrap(),
                want[0].text,
                "{name}"
            );
            let (_, out, _) = run(&["export", name, EXAMPLE, "--today", "2026-12-05"]);
            assert_eq!(out, want[0].text, "{name} on standard output");
        } else {
            for f in &want {
                assert_eq!(
                    std::fs::read_to_string(dir.join("out").join(&f.name)).unwrap(),
                    f.text,
                    "{name}: {}",
                    f.name
                );
            }
        }
    }
    // One service's rules are a subset of the plan's, as on the page.
    let (code, out, _) = run(&[
        "export",
        "prometheus",
        EXAMPLE,
        "--service",
        "tracking-service",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        export_files(&plan, ExportKind::Prometheus, Some("tracking-service"), 0)[0].text
    );
    assert!(!out.contains("shop-api"));
}

#[test]
fn export_check_finds_drift() {
    let dir = scratch("drift");
    let rules = dir.join("rules.yml");
    let rules = rules.to_str().unwrap();
    let (code, out, _) = run(&["export", "prometheus", EXAMPLE, "--check", rules]);
    assert_eq!(
        (code, out.contains("missing; the plan generates it")),
        (1, true),
        "{out}"
    );
    assert_eq!(run(&["export", "prometheus", EXAMPLE, "-o", rules]).0, 0);
    let (code, out, _) = run(&["export", "prometheus", EXAMPLE, "--check", rules]);
    assert_eq!((code, out), (0, format!("{rules}: up to date\n")));
    // A hand edit of one threshold: exit 1, and the diff shows that line both ways.
    let text = std::fs::read_to_string(rules).unwrap();
    let edited = text.replacen("} > 0.0144 and", "} > 0.02 and", 1);
    assert_ne!(
        edited, text,
        "the example's rules have a 14.4× tier for 99.9 %"
    );
    std::fs::write(rules, &edited).unwrap();
    let (code, out, _) = run(&["export", "prometheus", EXAMPLE, "--check", rules]);
    assert_eq!(code, 1);
    assert!(out.contains("not what the plan generates"), "{out}");
    let minus: Vec<&str> = out.lines().filter(|l| l.starts_with("- ")).collect();
    let plus: Vec<&str> = out.lines().filter(|l| l.starts_with("+ ")).collect();
    assert_eq!((minus.len(), plus.len()), (1, 1), "{out}");
    assert!(
        minus[0].contains("} > 0.02 and")
            && plus[0].contains("} > 0.0144 and slo:sli_error:ratio_rate5m"),
        "{out}"
    );
    // Sloth's files are checked in a directory, each by its download name.
    let sloth = dir.join("sloth");
    assert_eq!(
        run(&["export", "sloth", EXAMPLE, "-o", sloth.to_str().unwrap()]).0,
        0
    );
    assert_eq!(
        run(&[
            "export",
            "sloth",
            EXAMPLE,
            "--check",
            sloth.to_str().unwrap()
        ])
        .0,
        0
    );
}

/// Writes `plan` (the example changed by `edit`) into `dir` as `name`.
fn edited_example(dir: &Path, name: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut plan: Value = serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    edit(&mut plan);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&plan).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn diff_summarizes_a_reviewed_change() {
    let dir = scratch("diff");
    let (code, out, _) = run(&["diff", EXAMPLE, EXAMPLE]);
    assert_eq!(
        (code, out.as_str()),
        (0, "No changes to plan “Parcelry SRE transformation”.\n")
    );
    // Saving again moves `updated` only: still no change to review.
    let touched = edited_example(&dir, "touched.json", |p| {
        p["updated"] = "2026-12-01T09:00:00Z".into()
    });
    assert_eq!(run(&["diff", EXAMPLE, &touched]).0, 0);
    let changed = edited_example(&dir, "changed.json", |p| {
        let slo = &mut p["slo_catalog"]["slos"][0];
        slo["target_percent"] = 99.95.into();
        slo["alerting"]["tiers"][0]["budget_percent"] = 5.0.into();
        slo["policy"]["agreed"] = false.into();
        p["transition"]["teams"].as_array_mut().unwrap().push(
            serde_json::json!({"id": "platform-team", "name": "Platform", "description": ""}),
        );
        p["transition"]["rounds"][0]["ratings"][0]["level"] = 3.into();
        p["scenarios"].as_array_mut().unwrap().pop();
    });
    let (code, out, _) = run(&["diff", EXAMPLE, &changed]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "6 changes to plan “Parcelry SRE transformation”.

Team “Platform”
  - added (id platform-team)

Assessment round “Q1 2026”, rating of team “Checkout” for “Developers”
  - level: 1 → 3

SLO “Label purchase succeeds”
  - target: 99.9 % → 99.95 %
  - alerting, alert tier 1, budget spent: 2 % → 5 %
  - policy, agreed: yes → no

Scenario “Promise 99.95 % instead”
  - removed (was id promise-9995)
"
    );
    let (code, md, _) = run(&["diff", EXAMPLE, &changed, "--format", "markdown"]);
    assert_eq!(code, 1);
    assert!(
        md.starts_with("### Plan changes\n\n6 changes to plan “Parcelry SRE transformation”.\n"),
        "{md}"
    );
    assert!(
        md.contains("\n**SLO “Label purchase succeeds”**\n\n- target: 99.9 % → 99.95 %\n"),
        "{md}"
    );
    let (_, json, _) = run(&["diff", EXAMPLE, &changed, "--format", "json"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["changes"].as_array().unwrap().len(), 6);
    assert_eq!(json["changes"][2]["from"], "99.9 %");
}

#[test]
fn diff_reads_a_renamed_slo_and_a_reordered_list() {
    let dir = scratch("rename");
    let renamed = edited_example(&dir, "renamed.json", |p| {
        p["slo_catalog"]["slos"][1]["name"] = "Label purchase is quick".into();
        p["transition"]["teams"].as_array_mut().unwrap().swap(0, 1);
    });
    let (code, out, _) = run(&["diff", EXAMPLE, &renamed]);
    assert_eq!(code, 1);
    assert!(out.contains("SLO “Label purchase is quick”\n  - name: “Label purchase is fast” → “Label purchase is quick”\n"), "{out}");
    assert!(
        out.contains("Plan\n  - order of teams: Team “Checkout”, Team “Tracking”"),
        "{out}"
    );
}

#[test]
fn migrate_writes_the_current_version() {
    let dir = scratch("migrate");
    let out_file = dir.join("plan.json");
    let v1 = format!("{FIXTURES}/v1/example.json");
    let (code, _, err) = run(&["migrate", &v1, "-o", out_file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("written in format version 4 (was 1)"), "{err}");
    let text = std::fs::read_to_string(&out_file).unwrap();
    let migrated: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(migrated["version"], 4);
    assert_eq!(
        read_plan(text.as_bytes()).unwrap(),
        read_plan(&std::fs::read(&v1).unwrap()).unwrap()
    );
    // Migrating a current file changes nothing; a bad file is refused with its problems.
    let (_, again, _) = run(&["migrate", out_file.to_str().unwrap()]);
    assert_eq!(again, text);
    let (code, _, err) = run(&[
        "migrate",
        &format!("{FIXTURES}/bad/action-for-missing-team.json"),
    ]);
    assert_eq!(code, 1);
    assert!(err.ends_with("transition.actions[0].teams[0]: refers to team \"ghost-team\", which is not in this plan\n"), "{err}");
}

/// One day of one-minute rows from 2026-09-01 with minutes 600–629 all bad: 1 − 30/1440 =
/// 97.917 %, as tests/replay.rs works out by hand.
fn outage_csv(dir: &Path) -> String {
    const T0: i64 = 1_788_220_800;
    let mut text = String::from("timestamp,good,total\n");
    for m in 0..1440 {
        let good = if (600..630).contains(&m) { 0 } else { 100 };
        text.push_str(&format!("{},{good},100\n", T0 + m * 60));
    }
    let path = dir.join("checkout.csv");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn replay_gives_the_pages_figures() {
    let dir = scratch("replay");
    let csv = outage_csv(&dir);
    let (code, out, err) = run(&["replay", EXAMPLE, "--slo", "checkout-availability", &csv]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\n97.917 % over the history (target 99.9 %): missed.\n"),
        "{out}"
    );
    assert!(out.contains("Alerts that would have fired (2)"), "{out}");
    assert!(out.contains("2026-09-01 10:00 UTC  2026-09-01 10:34 UTC  Page: 14.4× over 1 h and 5 min  page      500×"), "{out}");
    let (_, json, _) = run(&[
        "replay",
        EXAMPLE,
        "--slo",
        "checkout-availability",
        &csv,
        "--format",
        "json",
        "--gaps",
        "bad",
    ]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["windows"][0]["achieved"], "97.917 %");
    assert_eq!(json["months"][0]["month"], "2026-09");
    assert_eq!(json["alerts"].as_array().unwrap().len(), 2);
    assert_eq!(json["gaps"], "minutes without data count as bad");
    // Columns the header does not name are given by option.
    let plain = dir.join("plain.csv");
    std::fs::write(
        &plain,
        std::fs::read_to_string(&csv)
            .unwrap()
            .replacen("timestamp,good,total", "when,ok,all", 1),
    )
    .unwrap();
    let plain = plain.to_str().unwrap();
    let (code, _, err) = run(&["replay", EXAMPLE, "--slo", "checkout-availability", plain]);
    assert_eq!(code, 2);
    assert!(err.contains("give --time"), "{err}");
    let (code, out, _) = run(&[
        "replay",
        EXAMPLE,
        "--slo",
        "checkout-availability",
        plain,
        "--time",
        "when",
        "--good",
        "ok",
        "--total",
        "all",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("97.917 % over the history"), "{out}");
}
