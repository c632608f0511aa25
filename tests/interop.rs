//! Host tests of share links, CSV and OpenSLO export, with values worked out by hand.
#![cfg(not(target_arch = "wasm32"))]

use sre_workbook::interop::csv::{assessments_csv, slo_table_csv};
use sre_workbook::interop::openslo::openslo_yaml;
use sre_workbook::interop::pyrra::pyrra_objectives;
use sre_workbook::interop::share_link::{decode, encode, payload_of, share_link, MAX_LINK_CHARS};
use sre_workbook::interop::sloth::sloth_files;
use sre_workbook::model::plan::defaults::{blank_plan, default_alerting};
use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::{
    Alerting, BudgetingMethod, ErrorBudgetPolicy, Plan, Service, Sli, SliKind, SliMetrics, Slo,
    SloSubject, SloWindow, Team,
};

fn first_problem(payload: &str) -> String {
    decode(payload).unwrap_err().problems[0].to_string()
}

#[test]
fn a_share_link_carries_the_whole_plan_in_the_fragment() {
    let plan = example_plan();
    let link = share_link("https://workbook.example/sre/#/slos", &plan).unwrap();
    assert!(link.starts_with("https://workbook.example/sre/#share="));
    let payload = payload_of(&link[link.find('#').unwrap()..]).unwrap();
    // All of it but the SLI histories, which links leave out.
    let mut plan = plan;
    plan.histories.clear();
    assert_eq!(decode(payload).unwrap(), plan);
    // Deflate makes the example about a fifth of its JSON size.
    let json = sre_workbook::model::plan::format::write_plan(&plan, false).len();
    assert!(link.len() < json / 3, "link {} vs JSON {json}", link.len());
}

#[test]
fn a_share_link_leaves_histories_out() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v3/example.json"
    );
    let plan = sre_workbook::model::plan::format::read_plan(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(plan.histories.len(), 1);
    let shared = decode(&encode(&plan)).unwrap();
    assert!(shared.histories.is_empty());
    let mut without = plan.clone();
    without.histories.clear();
    assert_eq!(shared, without);
}

#[test]
fn damaged_links_say_what_is_wrong() {
    let payload = encode(&example_plan());
    assert_eq!(
        first_problem(""),
        "the link is damaged: it holds no plan (was it cut short when copied?)"
    );
    assert_eq!(
        first_problem(&format!("{}%20{}", &payload[..10], &payload[10..])),
        "the link is damaged: '%' at position 11 is not a character share links use"
    );
    assert_eq!(
        first_problem(&payload[..payload.len() / 2 / 4 * 4]),
        "the link is damaged: its data cannot be unpacked (was it cut short or changed when copied?)"
    );
    assert_eq!(
        first_problem("A"),
        "the link is damaged: its length is impossible for a share link (was it cut short when copied?)"
    );
    // A payload that unpacks to valid JSON but not a plan gets the plan file's own message.
    let packed = miniz_oxide::deflate::compress_to_vec(b"[1,2]", 9);
    use base64::Engine;
    let not_a_plan = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed);
    assert_eq!(
        first_problem(&not_a_plan),
        "this is not a workbook plan: expected a JSON object, found an array"
    );
}

#[test]
fn a_plan_too_large_for_a_link_is_refused_with_advice() {
    let mut plan = example_plan();
    // Team names that do not compress: each a different pseudo-random string.
    let mut x: u64 = 1;
    for i in 0..2000 {
        let name: String = (0..30)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b'a' + (x % 26) as u8)
            })
            .collect();
        plan.transition.teams.push(Team {
            id: format!("t{i}"),
            name,
            description: String::new(),
        });
    }
    let error = share_link("https://w.example/", &plan).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("this plan is too large for a link ("),
        "{message}"
    );
    assert!(message.ends_with(&format!(
        "characters; a link can hold {MAX_LINK_CHARS}). Export it as a file and send the file instead."
    )));
}

#[test]
fn the_slo_table_as_csv() {
    let csv = slo_table_csv(&example_plan());
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}SLO id,SLO,Service,Journey,Journey priority,SLI,Target (%),Window,Budgeting,Error budget (minutes),Error budget,Policy agreed,State");
    // 99.9 % over 30 days: 43.2 minutes.
    assert_eq!(lines[1], "checkout-availability,Label purchase succeeds,Shop API,Buy a shipping label,1,Availability,99.9,rolling 30 days,Events,43.2,43 min 12 s,yes,Stricter than its dependencies allow (99.85005 %)");
    assert_eq!(
        lines.len(),
        9 + 1 + 1,
        "header, 9 SLOs and the final line end"
    );
    assert_eq!(lines[9 + 1], "");
}

#[test]
fn csv_cells_are_quoted_and_formulas_defused() {
    let mut plan = example_plan();
    plan.transition.rounds[0].ratings[0].note =
        "=HYPERLINK(\"http://x\",\"a, b\")\nsecond line".into();
    plan.transition.teams[0].name = "-1 team".into();
    let csv = assessments_csv(&plan);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "\u{feff}Round,Date,Team,Group,Level,Stage,Note");
    assert_eq!(
        lines[1],
        "Q1 2026,2026-03-16,'-1 team,Developers,1,Misalignment,\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\nsecond line\""
    );
    assert_eq!(csv.matches("\r\n").count(), 1 + 60);
}

/// A small plan whose OpenSLO output is written out by hand in tests/fixtures/openslo/.
fn small_plan() -> Plan {
    let mut plan = blank_plan("p1", "Small plan", &"2026-11-25T10:00:00Z".to_string());
    plan.slo_catalog.services.push(Service {
        id: "Shop API".into(),
        name: "Shop API".into(),
        team: None,
        description: "Basket and \"checkout\".".into(),
    });
    let policy = ErrorBudgetPolicy {
        thresholds: vec![],
        agreed: false,
        agreed_by: String::new(),
        agreed_on: None,
        review_on: None,
    };
    plan.slo_catalog.slos.push(Slo {
        id: "checkout-availability".into(),
        name: "Checkout succeeds".into(),
        subject: SloSubject::Service("Shop API".into()),
        sli: Sli {
            kind: SliKind::Availability,
            latency_threshold_ms: None,
            description: "Requests without a 5xx.".into(),
        },
        target_percent: 99.9,
        window: SloWindow::Rolling { days: 28 },
        budgeting: BudgetingMethod::Events {
            expected_per_day: 1000.0,
        },
        maintenance_counts: false,
        policy: policy.clone(),
        metrics: Some(SliMetrics::Events {
            good: None,
            bad: Some(r#"http_requests_total{job="shop-api", code=~"5.."}"#.into()),
            total: r#"http_requests_total{job="shop-api"}"#.into(),
        }),
        alerting: Alerting {
            labels: [("team".to_string(), "shop".to_string())].into(),
            min_events_per_hour: Some(30.0),
            ..default_alerting(28)
        },
    });
    plan.slo_catalog.slos.push(Slo {
        id: "checkout_latency".into(),
        name: "Checkout is fast".into(),
        subject: SloSubject::Service("Shop API".into()),
        sli: Sli {
            kind: SliKind::Latency,
            latency_threshold_ms: Some(300.0),
            description: "Requests under 300 ms.".into(),
        },
        target_percent: 99.5,
        window: SloWindow::CalendarMonth {
            month: "2027-02".into(),
        },
        budgeting: BudgetingMethod::TimeSlices {
            slice_minutes: 5.0,
            good_slice_percent: 95.0,
        },
        maintenance_counts: false,
        policy,
        metrics: Some(SliMetrics::Latency {
            histogram: "http_request_duration_seconds".into(),
            matchers: r#"job="shop-api", handler="/checkout""#.into(),
            le: "0.3".into(),
        }),
        alerting: default_alerting(28),
    });
    plan
}

#[test]
fn sloth_and_pyrra_match_the_hand_written_files() {
    // The files' contents are held to Sloth's and Pyrra's own rules in tests/conformance.rs;
    // these goldens show a reviewer what changed. UPDATE_FIXTURES=1 rewrites them.
    let read = |name: &str| {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            let text = match name {
                "sloth/small-plan.yaml" => sloth_files(&small_plan(), None)[0].text.clone(),
                _ => pyrra_objectives(&small_plan(), None),
            };
            std::fs::write(&path, text).unwrap();
        }
        std::fs::read_to_string(path).unwrap()
    };
    // Both SLOs are measured over 28 days (rolling, and February 2027): one file, run
    // with --default-slo-period=28d.
    let files = sloth_files(&small_plan(), None);
    assert_eq!(files.len(), 1);
    assert_eq!(
        (files[0].period_days, files[0].name_words.as_str()),
        (28, "Sloth")
    );
    assert_eq!(files[0].text, read("sloth/small-plan.yaml"));
    assert_eq!(
        pyrra_objectives(&small_plan(), None),
        read("pyrra/small-plan.yaml")
    );
}

/// Every Sloth file of `plan` (or one service's) in one string, to look for text in.
fn sloth_text(plan: &Plan, service: Option<&str>) -> String {
    sloth_files(plan, service)
        .into_iter()
        .map(|f| f.text)
        .collect()
}

#[test]
fn one_services_file_holds_that_services_slos_only() {
    use sre_workbook::interop::prometheus_rules::prometheus_rules;
    let mut plan = small_plan();
    let mut other = plan.slo_catalog.services[0].clone();
    other.id = "billing".into();
    other.name = "Billing".into();
    plan.slo_catalog.services.push(other);
    plan.slo_catalog.slos[1].subject = SloSubject::Service("billing".into());
    // The filter takes a service id ("Shop API" is also this service's name, so the second
    // service's id differs from its name: a filter on names would find nothing for it).
    for (service, kept, left) in [
        ("Shop API", "checkout-availability", "checkout_latency"),
        ("billing", "checkout_latency", "checkout-availability"),
    ] {
        let sloth = sloth_text(&plan, Some(service));
        assert!(sloth.contains(&format!("name: \"{kept}\"")), "{sloth}");
        assert!(!sloth.contains(&format!("name: \"{left}\"")), "{sloth}");
        let pyrra = pyrra_objectives(&plan, Some(service));
        let name = kept.replace('_', "-");
        assert!(pyrra.contains(&format!("  name: \"{name}\"\n")), "{pyrra}");
        assert_eq!(
            pyrra.matches("kind: ServiceLevelObjective").count(),
            1,
            "{pyrra}"
        );
        let rules = prometheus_rules(&plan, Some(service));
        assert!(rules.contains(&format!("name: \"slo-{kept}\"")), "{rules}");
        assert!(!rules.contains(&format!("slo-{left}")), "{rules}");
    }
    // A service without SLOs gets a file without SLOs.
    assert!(!sloth_text(&plan, Some("nobody")).contains("slos:"));
}

#[test]
fn sloth_writes_a_file_per_period_with_its_command() {
    let mut plan = small_plan();
    plan.slo_catalog.slos[0].window = SloWindow::Rolling { days: 30 };
    plan.slo_catalog.slos[0].alerting = default_alerting(30);
    let mut third = plan.slo_catalog.slos[0].clone();
    third.id = "weekly".into();
    third.window = SloWindow::Rolling { days: 7 };
    third.alerting = default_alerting(7);
    plan.slo_catalog.slos.push(third);
    let files = sloth_files(&plan, None);
    let summary: Vec<(u32, &str)> = files
        .iter()
        .map(|f| (f.period_days, f.name_words.as_str()))
        .collect();
    // Sloth's default period keeps the plain name; the others say theirs.
    assert_eq!(summary, [(30, "Sloth"), (7, "Sloth 7d"), (28, "Sloth 28d")]);
    assert!(files[0]
        .text
        .contains("`sloth generate -i FILE --default-slo-period=30d`"));
    assert!(files[0].text.contains("name: \"checkout-availability\""));
    assert!(files[1].text.contains(
        "`sloth generate -i FILE --default-slo-period=7d --slo-period-windows-path=DIR`"
    ));
    assert!(files[1].text.contains("name: \"weekly\""));
    assert!(files[2]
        .text
        .contains("`sloth generate -i FILE --default-slo-period=28d`"));
    assert!(files[2].text.contains("name: \"checkout_latency\""));
    for file in &files {
        assert_eq!(file.text.matches("  - name: ").count(), 1, "{}", file.text);
    }
}

#[test]
fn exports_list_skipped_slos_with_why() {
    let mut plan = small_plan();
    plan.slo_catalog.slos[0].metrics = None;
    plan.slo_catalog.slos[1].metrics = Some(SliMetrics::Events {
        good: Some("ok_total".into()),
        bad: None,
        total: "all_total".into(),
    });
    let pyrra = pyrra_objectives(&plan, None);
    assert!(pyrra.contains("# Skipped, with why:\n#   Checkout succeeds (checkout-availability): no SLI queries yet (add them in the SLO editor under “Queries”)\n#   Checkout is fast (checkout_latency): Pyrra counts errors: give a bad-events query instead of a good-events one\n"), "{pyrra}");
    assert!(!pyrra.contains("kind: ServiceLevelObjective"));
    let sloth = sloth_text(&plan, None);
    assert!(
        sloth.contains("#   Checkout succeeds (checkout-availability): no SLI queries yet"),
        "{sloth}"
    );
    assert!(
        sloth.contains(
            "error_query: \"sum(rate(all_total[{{.window}}])) - sum(rate(ok_total[{{.window}}]))\""
        ),
        "{sloth}"
    );
}

#[test]
fn openslo_matches_the_hand_written_file() {
    let expected = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/openslo/small-plan.yaml"
    ))
    .unwrap();
    assert_eq!(openslo_yaml(&small_plan()), expected);
}

#[test]
fn the_reports_headings_count_one_in_the_singular() {
    use sre_workbook::interop::markdown::report_markdown;
    let mut plan = example_plan();
    plan.transition.actions.truncate(1);
    plan.scenarios.truncate(1);
    let slo = plan.scenarios[0].slo.clone();
    plan.slo_catalog.slos.retain(|s| s.id == slo);
    let md = report_markdown(&plan, 20_782);
    for heading in [
        "## Coaching plan (1 action)\n",
        "## SLOs, budgets and policies (1 SLO)\n",
        "## Scenario results (1 scenario)\n",
    ] {
        assert!(md.contains(heading), "{heading:?} in {md}");
    }
}

#[test]
fn the_report_as_markdown_has_every_section_with_the_pages_figures() {
    use sre_workbook::interop::markdown::report_markdown;
    let md = report_markdown(&example_plan(), 20_782);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Parcelry SRE transformation",
            "## The challenge",
            "## Where each group stands",
            "### Readiness",
            "## Coaching plan (6 actions)",
            "## SLOs, budgets and policies (9 SLOs)",
            "### Error-budget policies",
            "#### Policy 1 — used by Label purchase succeeds, Label purchase is fast, Shop API answers, Tracking page loads, Parcel status is fresh, Route is ready at shift start, Routes are drivable, Sign-in works, Tokens are issued fast",
            "## Scenario results (3 scenarios)",
        ]
    );
    assert!(md.contains("Parcelry (fictional parcel delivery company) · Report of 2026-11-25\n"));
    // Q3 2026: developers average 1.8 with 2, 2 and 1 teams in the three stages.
    assert!(md.contains("| Developers | 1.8 | 2 | 2 | 1 | level 3 by 2027-06-30 |\n"));
    // 99.9 % over 30 days: 43.2 minutes of budget.
    assert!(md.contains("| Label purchase succeeds | Buy a shipping label (Shop API) | Availability | 99.9 % | rolling 30 days | 43 min 12 s | Policy 1, agreed |"));
    assert!(md.contains("- At 100 % of the budget consumed: Freeze releases"));
    assert!(md.contains("| This quarter's incidents | 99.9 % | Overspent by 17.4 % | Day 26, 02:10 | 10 | 5 | 2 min | 50 % consumed (Day 14, 14:51); 75 % consumed (Day 18, 14:48); 100 % consumed (Day 26, 02:10) |\n"));
    // A table has as many cells in each row as its headings: the groups' table 6, the
    // coaching plan 6, the SLOs' and the scenarios' tables 8.
    let mut tables: Vec<Vec<usize>> = Vec::new();
    let mut previous_was_row = false;
    for line in md.lines() {
        let is_row = line.starts_with('|');
        if is_row {
            let cells = line.replace("\\|", "").matches('|').count() - 1;
            if !previous_was_row {
                tables.push(Vec::new());
            }
            tables.last_mut().unwrap().push(cells);
        }
        previous_was_row = is_row;
    }
    let widths: Vec<(usize, usize)> = tables
        .iter()
        .map(|rows| {
            assert!(rows.iter().all(|&n| n == rows[0]), "{rows:?}");
            (rows[0], rows.len())
        })
        .collect();
    assert_eq!(widths, [(6, 2 + 4), (6, 2 + 6), (8, 2 + 9), (8, 2 + 3)]);
}

#[test]
fn the_markdown_report_keeps_plan_text_inert_and_says_what_is_missing() {
    use sre_workbook::interop::markdown::report_markdown;
    let mut plan = blank_plan(
        "p",
        "Plan <b>x</b> | y",
        &"2026-11-25T00:00:00Z".to_string(),
    );
    plan.challenge = "First <script>alert(1)</script>\n\nSecond & last".into();
    let md = report_markdown(&plan, 20_782);
    assert!(md.starts_with("# Plan &lt;b&gt;x&lt;/b&gt; \\| y\n\nReport of 2026-11-25\n\n## The challenge\n\nFirst &lt;script&gt;alert(1)&lt;/script&gt;\n\nSecond &amp; last\n\n"), "{md}");
    for missing in [
        "No assessment round yet.",
        "No coaching actions yet.",
        "No SLOs yet.",
        "No scenarios yet.",
    ] {
        assert!(md.contains(missing), "{missing}");
    }
    assert!(!md.contains("|---|"), "no table without rows");
}

#[test]
fn a_services_policy_document_follows_the_workbooks_structure_and_says_what_is_missing() {
    use sre_workbook::interop::markdown::policy_markdown;
    use sre_workbook::model::slo::policy_document::policy_document;
    let plan = example_plan();
    let doc = policy_document(&plan, "shop-api").unwrap();
    let md = policy_markdown(&doc, &plan.name, 20_782);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Error-budget policy: Shop API",
            "## Service overview",
            "## Goals and non-goals",
            "## SLOs",
            "## SLO miss policy",
            "## Outage policy",
            "## Escalation policy",
            "## Agreement",
            "## Next review",
        ]
    );
    // The service's own SLO and those of its journey (Buy a shipping label); 99.9 % over
    // 30 days is 43.2 minutes.
    assert!(md.contains(
        "- Label purchase succeeds: 99.9 % over rolling 30 days, an error budget of 43 min 12 s.\n"
    ));
    assert!(md.contains(
        "- Shop API answers: 99.9 % over rolling 30 days, an error budget of 43 min 12 s.\n"
    ));
    assert!(md.contains("## SLO miss policy\n\nFor every SLO of the service, when its error budget is consumed:\n\n- At 50 %: Notify the team"));
    assert!(md.contains("- At 100 %: Freeze releases"));
    // Who agreed each SLO's policy and when, and the review dates, from the plan.
    assert!(md.contains("## Agreement\n\nLabel purchase succeeds: agreed by Jonas (product lead) and the checkout team on 2026-06-15.\n\nLabel purchase is fast: agreed by Jonas (product lead) and the checkout team on 2026-06-15.\n\nShop API answers: agreed by Jonas (product lead) and the Shop API team on 2026-06-15.\n\n## Next review"));
    assert!(md.contains("## Next review\n\nLabel purchase is fast: to be reviewed by 2026-12-15.\n\nLabel purchase succeeds: to be reviewed by 2026-12-15.\n\nShop API answers: to be reviewed by 2026-12-15."));
    assert!(!md.contains("Not recorded in the plan: who agreed"));
    // A policy agreed without saying by whom or when, and one not agreed, say so.
    let mut plan = plan;
    plan.slo_catalog.slos[2].policy.agreed_by = String::new();
    plan.slo_catalog.slos[2].policy.review_on = None;
    plan.slo_catalog.slos[1].policy.agreed = false;
    let md = policy_markdown(
        &policy_document(&plan, "shop-api").unwrap(),
        &plan.name,
        20_782,
    );
    assert!(md.contains("Shop API answers: agreed on 2026-06-15.\n\nNot agreed with product management yet: Label purchase is fast.\n\nNot recorded in the plan for Shop API answers: who agreed it, or when."));
    assert!(md.contains(
        "Not recorded in the plan: when the policy for Shop API answers is reviewed next."
    ));
    assert!(policy_document(&plan, "no-such-service").is_none());
}
