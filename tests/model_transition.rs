//! Transition arithmetic with worked values: stage counts, averages, trend and projection,
//! readiness, gaps, and foundational activities with their coverage over rounds.
#![cfg(not(target_arch = "wasm32"))]

use sre_workbook::model::plan::calendar::parse_date;
use sre_workbook::model::plan::example::example_plan;
use sre_workbook::model::plan::{ActivityStatus, FoundationalActivity, GroupTarget, Plan};
use sre_workbook::model::transition::progress::*;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
}

fn latest(plan: &Plan) -> &sre_workbook::model::plan::AssessmentRound {
    rounds_by_date(&plan.transition).pop().unwrap()
}

#[test]
fn stage_counts_and_averages_of_the_latest_round() {
    let plan = example_plan();
    let q3 = latest(&plan);
    // Developers in Q3: checkout 3, tracking 1, routing 2, accounts 1, platform 2.
    assert_eq!(stage_counts(q3, "developers"), [2, 2, 1]);
    assert_eq!(stage_counts(q3, "operations"), [0, 2, 3]);
    close(group_average(q3, "developers").unwrap(), 1.8);
    close(group_average(q3, "operations").unwrap(), 2.6);
    close(group_average(q3, "product").unwrap(), 1.8);
    close(group_average(q3, "executives").unwrap(), 2.0);
    assert_eq!(group_average(q3, "qa"), None);
}

#[test]
fn trend_and_projection_at_the_current_pace() {
    let plan = example_plan();
    let trend = group_trend(&plan.transition, "developers");
    let averages: Vec<f64> = trend
        .iter()
        .map(|p| (p.average * 10.0).round() / 10.0)
        .collect();
    assert_eq!(averages, [0.6, 1.4, 1.8]);
    // Rounds 91 days apart: slope = 109.2 / 16562 per day.
    close(pace_per_day(&trend).unwrap(), 109.2 / 16_562.0);
    let target = plan.transition.groups[0].target.clone();
    let projection = project(&trend, target.as_ref());
    assert_eq!(
        projection,
        Projection::ReachedOn {
            day: parse_date("2027-03-15").unwrap(),
            in_time: true
        }
    );
    assert_eq!(
        projection_text(&projection, target.as_ref()),
        "reaches level 3 around 2027-03-15 at the current pace, before its target date"
    );
}

#[test]
fn projection_by_hand() {
    let point = |day: i64, average: f64| TrendPoint {
        label: String::new(),
        day,
        average,
    };
    let target = GroupTarget {
        level: 3,
        date: "1970-12-01".into(),
    };
    // 1.0 → 1.5 → 2.0 over 180 days: one level per 180 days, so level 3 on day 360.
    let rising = [point(0, 1.0), point(90, 1.5), point(180, 2.0)];
    assert_eq!(
        project(&rising, Some(&target)),
        Projection::ReachedOn {
            day: 360,
            in_time: false
        }
    );
    // Rounds off a straight line, so the three ways to project disagree: the fitted line
    // reaches level 3 near day 387, the first-to-last pace (1 level per 180 days) on day
    // 360. The product projects from the latest round at the least-squares pace:
    // mean day 70, mean level 4.6 / 3; slope = 86 / 18,600 per day; from 2.0 on day 180,
    // one level takes 18,600 / 86 = 216.3 days, so day 180 + 217 = 397.
    let bent = [point(0, 1.0), point(30, 1.6), point(180, 2.0)];
    close(pace_per_day(&bent).unwrap(), 86.0 / 18_600.0);
    assert_eq!(
        project(&bent, Some(&target)),
        Projection::ReachedOn {
            day: 397,
            in_time: false
        }
    );
    let flat = [point(0, 2.0), point(90, 2.0)];
    assert_eq!(project(&flat, Some(&target)), Projection::NotAtCurrentPace);
    assert_eq!(
        projection_text(&Projection::NotAtCurrentPace, Some(&target)),
        "will not reach level 3 at the current pace"
    );
    assert_eq!(
        project(&[point(0, 1.0)], Some(&target)),
        Projection::NotEnoughData
    );
    assert_eq!(
        project(&[point(0, 3.0)], Some(&target)),
        Projection::Reached
    );
    assert_eq!(project(&rising, None), Projection::NoTarget);
}

#[test]
fn readiness_sentence_states_its_numbers() {
    let mut plan = example_plan();
    let r = readiness(&plan.transition, latest(&plan));
    assert!(!r.in_place());
    assert_eq!(
        readiness_sentence(&r),
        "The foundations for SRE are not in place yet: every group must be at Collective ownership or above in at least 80 % of teams; held back by Developers (60 %)."
    );
    // Accounts' developers reach level 2: 4 of 5 teams, exactly the 80 % required.
    let q3 = plan
        .transition
        .rounds
        .iter_mut()
        .find(|r| r.label == "Q3 2026")
        .unwrap();
    q3.ratings
        .iter_mut()
        .find(|x| x.team == "accounts" && x.group == "developers")
        .unwrap()
        .level = 2;
    let r = readiness(&plan.transition, latest(&plan));
    assert!(r.in_place());
    assert_eq!(
        readiness_sentence(&r),
        "The foundations for SRE are in place: every group is at Collective ownership or above in at least 80 % of teams (lowest: Developers, 80 %)."
    );
    plan.transition.readiness_share_percent = 90.0;
    let r = readiness(&plan.transition, latest(&plan));
    assert!(readiness_sentence(&r)
        .ends_with("held back by Developers (80 %) and Product managers (80 %)."));
}

#[test]
fn gaps_largest_first_then_nearest_date_with_their_actions() {
    let plan = example_plan();
    let found = gaps(&plan.transition, latest(&plan));
    let cells: Vec<(&str, &str, u8)> = found
        .iter()
        .map(|g| (g.group.as_str(), g.team.as_str(), g.size()))
        .collect();
    assert_eq!(
        cells[..6],
        [
            ("developers", "tracking", 2),
            ("developers", "accounts", 2),
            ("operations", "tracking", 1),
            ("operations", "accounts", 1),
            ("product", "routing", 1),
            ("developers", "routing", 1),
        ]
    );
    assert_eq!(found.len(), 12);
    assert_eq!(found[0].actions, ["a1"]);
    assert_eq!(found[4].actions, ["a2", "a6"]);
    assert_eq!(
        found.last().unwrap().actions,
        ["a3"],
        "an action for no team in particular covers every team"
    );
    assert!(found
        .iter()
        .any(|g| g.group == "operations" && g.actions.is_empty()));
}

#[test]
fn activities_are_derived_from_the_slo_workspace_where_it_knows() {
    let plan = example_plan();
    let state = |team: &str, a| activity_state(&plan, team, a);
    assert_eq!(
        state("checkout", FoundationalActivity::SlosDefined).status,
        ActivityStatus::InPlace
    );
    assert!(state("checkout", FoundationalActivity::SlosDefined).derived);
    assert_eq!(
        state("checkout", FoundationalActivity::ErrorBudgetDecisions).status,
        ActivityStatus::InPlace
    );
    assert_eq!(
        state("routing", FoundationalActivity::ErrorBudgetDecisions).status,
        ActivityStatus::NotStarted
    );
    let platform = state("platform", FoundationalActivity::SlosDefined);
    assert!(!platform.derived, "platform owns no services: as recorded");
    assert_eq!(
        state("tracking", FoundationalActivity::OnCallWithDevelopers).status,
        ActivityStatus::InProgress
    );
}

#[test]
fn coverage_grows_across_rounds() {
    let plan = example_plan();
    let at = |a, date: &str| activity_coverage(&plan, a, parse_date(date));
    close(at(FoundationalActivity::SlosDefined, "2026-03-16"), 0.0);
    close(at(FoundationalActivity::SlosDefined, "2026-06-15"), 0.8);
    close(at(FoundationalActivity::SlosDefined, "2026-09-14"), 1.0);
    close(
        at(FoundationalActivity::IncidentResponse, "2026-06-15"),
        0.4,
    );
    close(
        at(FoundationalActivity::IncidentResponse, "2026-09-14"),
        0.8,
    );
    close(at(FoundationalActivity::AlertingOnSlos, "2026-09-14"), 0.4);
    close(
        activity_coverage(&plan, FoundationalActivity::ErrorBudgetDecisions, None),
        0.4,
    );
    assert_eq!(
        activity_label(FoundationalActivity::OnCallWithDevelopers),
        "On-call rotation with developers"
    );
}
