//! The CI recipe of docs/plans-as-code.md run as CI would, in a temporary git repository:
//! docs/ci/plan-check.sh with the built `sre-workbook`. A plan edit without regenerating
//! the rules fails the drift check; regenerating makes it pass; the pull-request comment
//! says what changed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn git(repo: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=CI",
            "-c",
            "user.email=ci@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(repo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn check(repo: &Path, extra: &[&str]) -> (i32, String) {
    let out: Output = Command::new("bash")
        .arg(Path::new(ROOT).join("docs/ci/plan-check.sh"))
        .args(["slo/plan.json", "slo/rules.yml"])
        .args(extra)
        .env("SRE_WORKBOOK", env!("CARGO_BIN_EXE_sre-workbook"))
        .current_dir(repo)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap(), text)
}

fn workbook(repo: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_sre-workbook"))
        .args(args)
        .current_dir(repo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_drift_check_catches_a_plan_edit_without_new_rules() {
    let repo = std::env::temp_dir().join(format!("sre-workbook-recipe-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&repo);
    std::fs::create_dir_all(repo.join("slo")).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    std::fs::copy(
        Path::new(ROOT).join("src/model/plan/example_plan.json"),
        repo.join("slo/plan.json"),
    )
    .unwrap();
    workbook(
        &repo,
        &[
            "export",
            "prometheus",
            "slo/plan.json",
            "-o",
            "slo/rules.yml",
        ],
    );
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "SLO plan and rules"]);

    let (code, out) = check(&repo, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("slo/rules.yml: up to date"), "{out}");

    // Tighten the checkout SLO from 99.9 % to 99.95 % in the plan only.
    let plan = std::fs::read_to_string(repo.join("slo/plan.json")).unwrap();
    let tightened = plan.replacen("\"target_percent\": 99.9,", "\"target_percent\": 99.95,", 1);
    assert_ne!(tightened, plan);
    std::fs::write(repo.join("slo/plan.json"), tightened).unwrap();
    let (code, out) = check(&repo, &["--diff", "main"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("slo/rules.yml: not what the plan generates"),
        "{out}"
    );
    assert!(
        out.contains(
            "Regenerate it: sre-workbook export prometheus slo/plan.json -o slo/rules.yml"
        ),
        "{out}"
    );
    let comment = std::fs::read_to_string(repo.join("plan-diff.md")).unwrap();
    assert!(
        comment.contains("**SLO “Label purchase succeeds”**\n\n- target: 99.9 % → 99.95 %\n"),
        "{comment}"
    );

    // Regenerated: the check passes, and the comment still says what changed.
    workbook(
        &repo,
        &[
            "export",
            "prometheus",
            "slo/plan.json",
            "-o",
            "slo/rules.yml",
        ],
    );
    let (code, out) = check(&repo, &["--diff", "main"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("1 change to plan “Parcelry SRE transformation”."),
        "{out}"
    );

    // An invalid plan fails the check with the page's message.
    std::fs::write(
        repo.join("slo/plan.json"),
        plan.replacen("\"target_percent\": 99.9,", "\"target_percent\": 100.5,", 1),
    )
    .unwrap();
    let (code, out) = check(&repo, &[]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("slo_catalog.slos[0].target_percent:"), "{out}");
    let _ = std::fs::remove_dir_all(&repo);
}
