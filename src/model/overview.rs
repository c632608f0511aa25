//! What the Overview workspace says of a plan, as plain figures: where each stakeholder
//! group stands in the latest round, and which coaching actions are due or overdue. SLO
//! and scenario figures come from `slo_figures` and `scenario_figures`, so the Overview
//! shows the same numbers as the workspaces it links to.

use crate::model::plan::calendar::parse_date;
use crate::model::plan::{ActionStatus, Plan};
use crate::model::transition::progress::{
    group_average, readiness, readiness_sentence, rounds_by_date, stage_counts,
};

/// How far ahead the Overview lists coaching actions.
pub const ACTIONS_HORIZON_DAYS: i64 = 30;

/// One stakeholder group in the latest round.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupStanding {
    /// Group name.
    pub name: String,
    /// Teams in each stage (Misalignment, Collective ownership, Ownership using SRE).
    pub stages: [usize; 3],
    /// Teams not rated for this group in the round.
    pub unrated: usize,
    /// Average level 0–4 over the rated teams.
    pub average: Option<f64>,
    /// The group's target level and date ("3 by 2027-06-30"), if set.
    pub target: Option<String>,
}

/// The latest assessment round at a glance.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// Round label and date: "Q3 2026 (2026-09-14)".
    pub round: String,
    /// Whether the foundations for SRE are in place.
    pub ready: bool,
    /// The readiness verdict in one sentence.
    pub verdict: String,
    /// Each group, in plan order.
    pub groups: Vec<GroupStanding>,
}

/// Where the plan stands in its latest round, or `None` before the first round.
pub fn standing(plan: &Plan) -> Option<Standing> {
    let t = &plan.transition;
    let round = *rounds_by_date(t).last()?;
    let r = readiness(t, round);
    let groups = t
        .groups
        .iter()
        .map(|g| {
            let stages = stage_counts(round, &g.id);
            GroupStanding {
                name: g.name.clone(),
                stages,
                unrated: t.teams.len().saturating_sub(stages.iter().sum()),
                average: group_average(round, &g.id),
                target: g
                    .target
                    .as_ref()
                    .map(|x| format!("{} by {}", x.level, x.date)),
            }
        })
        .collect();
    Some(Standing {
        round: format!("{} ({})", round.label, round.date),
        ready: r.in_place(),
        verdict: readiness_sentence(&r),
        groups,
    })
}

/// A coaching action that is not done and falls due within the horizon, or is overdue.
#[derive(Clone, Debug, PartialEq)]
pub struct DueAction {
    /// What will be done.
    pub title: String,
    /// Who drives it.
    pub owner: String,
    /// Due date, `YYYY-MM-DD`.
    pub due: String,
    /// Days from today to the due date; negative when overdue.
    pub days_left: i64,
    /// Planned or in progress.
    pub status: ActionStatus,
}

impl DueAction {
    /// "overdue by 13 days", "due today", "due tomorrow", "due in 8 days".
    pub fn when(&self) -> String {
        due_words(self.days_left)
    }

    /// Whether the due date has passed.
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }
}

/// Coaching actions not done whose due date is at most `horizon` days after `today`
/// (days since 1970-01-01), overdue ones included, soonest first. Actions without a due
/// date are left out: nothing says they are due.
pub fn actions_due(plan: &Plan, today: i64, horizon: i64) -> Vec<DueAction> {
    let mut due: Vec<DueAction> = plan
        .transition
        .actions
        .iter()
        .filter(|a| a.status != ActionStatus::Done)
        .filter_map(|a| {
            let date = a.due.as_deref()?;
            let days_left = parse_date(date)? - today;
            (days_left <= horizon).then(|| DueAction {
                title: a.title.clone(),
                owner: a.owner.clone(),
                due: date.to_string(),
                days_left,
                status: a.status,
            })
        })
        .collect();
    due.sort_by(|a, b| a.days_left.cmp(&b.days_left).then(a.title.cmp(&b.title)));
    due
}

/// "overdue by 3 days", "due today", "due tomorrow", "due in 19 days".
fn due_words(days_left: i64) -> String {
    let plural = |n: i64| if n == 1 { "" } else { "s" };
    match days_left {
        d if d < 0 => format!("overdue by {} day{}", -d, plural(-d)),
        0 => "due today".into(),
        1 => "due tomorrow".into(),
        d => format!("due in {d} day{}", plural(d)),
    }
}

/// The earliest error-budget policy review the plan has set, for the Overview: "Next
/// policy review: 2026-12-15 for 3 SLOs (due in 19 days)." `None` when no SLO has one.
pub fn next_policy_review(plan: &Plan, today: i64) -> Option<String> {
    let dated: Vec<(i64, &str, &str)> = plan
        .slo_catalog
        .slos
        .iter()
        .filter_map(|s| {
            let date = s.policy.review_on.as_deref()?;
            Some((parse_date(date)?, date, s.name.as_str()))
        })
        .collect();
    let first = dated.iter().map(|d| d.0).min()?;
    let on: Vec<&(i64, &str, &str)> = dated.iter().filter(|d| d.0 == first).collect();
    let whose = match on.as_slice() {
        [one] => one.2.to_string(),
        many => format!("{} SLOs", many.len()),
    };
    Some(format!(
        "Next policy review: {} for {whose} ({}).",
        on[0].1,
        due_words(first - today)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::calendar::days_from_civil;
    use crate::model::plan::defaults::blank_plan;
    use crate::model::plan::example::example_plan;

    #[test]
    fn the_example_plan_stands_in_its_third_round() {
        let s = standing(&example_plan()).expect("the example has rounds");
        assert_eq!(s.round, "Q3 2026 (2026-09-14)");
        assert!(!s.ready);
        assert!(s
            .verdict
            .starts_with("The foundations for SRE are not in place yet"));
        let names: Vec<_> = s.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Developers",
                "Operations engineers",
                "Product managers",
                "Executives / management"
            ]
        );
        // Every team is rated for every group in the example: the stages add up to five.
        for g in &s.groups {
            assert_eq!(g.stages.iter().sum::<usize>() + g.unrated, 5, "{}", g.name);
        }
    }

    #[test]
    fn a_blank_plan_has_no_standing_and_nothing_due() {
        let plan = blank_plan("p", "Blank", &"2026-11-26T00:00:00Z".to_string());
        assert_eq!(standing(&plan), None);
        assert!(actions_due(&plan, 0, ACTIONS_HORIZON_DAYS).is_empty());
    }

    #[test]
    fn actions_due_within_thirty_days_and_overdue_ones_soonest_first() {
        // 2026-11-26: the example's actions are due 2026-10-16 (planned), 2026-10-30
        // (done), 2026-11-13 (planned), 2026-12-04, 2026-12-18 and 2027-01-29.
        let today = days_from_civil(2026, 11, 26);
        let due = actions_due(&example_plan(), today, ACTIONS_HORIZON_DAYS);
        let got: Vec<_> = due.iter().map(|a| (a.due.as_str(), a.when())).collect();
        assert_eq!(
            got,
            [
                ("2026-10-16", "overdue by 41 days".to_string()),
                ("2026-11-13", "overdue by 13 days".to_string()),
                ("2026-12-04", "due in 8 days".to_string()),
                ("2026-12-18", "due in 22 days".to_string()),
            ]
        );
        assert!(due[0].overdue() && !due[2].overdue());
    }

    #[test]
    fn the_next_policy_review_is_the_earliest_date_set() {
        // The example reviews three policies on 2026-12-15 and two on 2027-02-01.
        let mut plan = example_plan();
        let today = days_from_civil(2026, 11, 26);
        assert_eq!(
            next_policy_review(&plan, today).as_deref(),
            Some("Next policy review: 2026-12-15 for 3 SLOs (due in 19 days).")
        );
        plan.slo_catalog.slos[3].policy.review_on = Some("2026-11-25".into());
        assert_eq!(
            next_policy_review(&plan, today).as_deref(),
            Some("Next policy review: 2026-11-25 for Tracking page loads (overdue by 1 day).")
        );
        for slo in &mut plan.slo_catalog.slos {
            slo.policy.review_on = None;
        }
        assert_eq!(next_policy_review(&plan, today), None);
    }

    #[test]
    fn the_horizon_is_inclusive_and_words_are_singular_for_one_day() {
        let mut plan = example_plan();
        plan.transition.actions.truncate(1);
        plan.transition.actions[0].status = ActionStatus::Planned;
        plan.transition.actions[0].due = Some("2026-12-26".into());
        let today = days_from_civil(2026, 11, 26);
        assert_eq!(actions_due(&plan, today, 30)[0].when(), "due in 30 days");
        assert!(actions_due(&plan, today, 29).is_empty());
        assert_eq!(
            actions_due(&plan, today + 31, 30)[0].when(),
            "overdue by 1 day"
        );
        assert_eq!(actions_due(&plan, today + 29, 30)[0].when(), "due tomorrow");
        assert_eq!(actions_due(&plan, today + 30, 30)[0].when(), "due today");
        plan.transition.actions[0].due = None;
        assert!(actions_due(&plan, today, 30).is_empty());
    }
}
