//! The guided first steps of a plan, in the book's order, each ticked by what the plan
//! holds (never by a box the user ticks), and the challenge statement's starting point
//! built from the stakeholder groups' misaligned statements and target mindsets.

use crate::model::plan::Plan;

/// One step of getting started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Write the challenge statement.
    Challenge,
    /// List the teams (and adjust the stakeholder groups).
    Teams,
    /// Run the first assessment round.
    FirstRound,
    /// Set a target per stakeholder group.
    Targets,
    /// Add services, user journeys and SLOs.
    Slos,
    /// Agree error-budget policies with product management.
    Policies,
    /// Play a scenario.
    Scenario,
}

impl Step {
    /// Every step, in the book's order.
    pub const ALL: [Step; 7] = [
        Step::Challenge,
        Step::Teams,
        Step::FirstRound,
        Step::Targets,
        Step::Slos,
        Step::Policies,
        Step::Scenario,
    ];

    /// What to do, as the checklist says it.
    pub fn title(self) -> &'static str {
        match self {
            Step::Challenge => "Write the challenge statement",
            Step::Teams => "List the teams (and adjust the stakeholder groups)",
            Step::FirstRound => "Run the first assessment round",
            Step::Targets => "Set a target for each stakeholder group",
            Step::Slos => "Add services, user journeys and SLOs",
            Step::Policies => "Agree error-budget policies with product management",
            Step::Scenario => "Play a scenario",
        }
    }

    /// Whether the plan has it done.
    pub fn done(self, plan: &Plan) -> bool {
        let t = &plan.transition;
        let slos = &plan.slo_catalog.slos;
        match self {
            Step::Challenge => !plan.challenge.trim().is_empty(),
            Step::Teams => !t.teams.is_empty(),
            Step::FirstRound => t.rounds.iter().any(|r| !r.ratings.is_empty()),
            Step::Targets => !t.groups.is_empty() && t.groups.iter().all(|g| g.target.is_some()),
            Step::Slos => !slos.is_empty(),
            Step::Policies => !slos.is_empty() && slos.iter().all(|s| s.policy.agreed),
            Step::Scenario => !plan.scenarios.is_empty(),
        }
    }

    /// How far along the step is, when that says more than done or not ("3 of 9 SLOs").
    pub fn progress(self, plan: &Plan) -> Option<String> {
        let t = &plan.transition;
        let slos = &plan.slo_catalog.slos;
        match self {
            Step::Teams if !t.teams.is_empty() => Some(count(t.teams.len(), "team", "teams")),
            Step::Targets if !t.groups.is_empty() => Some(format!(
                "{} of {} groups",
                t.groups.iter().filter(|g| g.target.is_some()).count(),
                t.groups.len()
            )),
            Step::Slos if !slos.is_empty() => Some(count(slos.len(), "SLO", "SLOs")),
            Step::Policies if !slos.is_empty() => Some(format!(
                "agreed for {} of {} SLOs",
                slos.iter().filter(|s| s.policy.agreed).count(),
                slos.len()
            )),
            _ => None,
        }
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many steps the plan has done.
pub fn steps_done(plan: &Plan) -> usize {
    Step::ALL.iter().filter(|s| s.done(plan)).count()
}

/// The book's starting point for a challenge statement, from the plan's stakeholder groups:
/// where each group stands when misaligned, then its target mindset.
pub fn challenge_template(plan: &Plan) -> String {
    let groups = &plan.transition.groups;
    let lines = |text: fn(&crate::model::plan::StakeholderGroup) -> &str| {
        groups
            .iter()
            .map(|g| format!("- {}: {}", g.name, text(g).trim()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "Today we are misaligned on production operations:\n{}\n\nWe want ownership using SRE, where:\n{}",
        lines(|g| &g.misaligned),
        lines(|g| &g.target_mindset)
    )
}

/// The challenge statement with the template added below what is written (never replacing
/// it); unchanged when the template is already there.
pub fn with_template(challenge: &str, template: &str) -> String {
    let written = challenge.trim_end();
    if written.is_empty() {
        template.to_string()
    } else if written.contains(template) {
        challenge.to_string()
    } else {
        format!("{written}\n\n{template}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::defaults::blank_plan;
    use crate::model::plan::example::example_plan;

    fn blank() -> Plan {
        blank_plan("p", "Blank", &"2026-11-26T00:00:00Z".to_string())
    }

    #[test]
    fn a_blank_plan_has_done_nothing_and_the_example_all_but_the_policies() {
        let plan = blank();
        assert_eq!(steps_done(&plan), 0);
        assert!(Step::ALL.iter().all(|s| !s.done(&plan)));
        let example = example_plan();
        let open: Vec<Step> = Step::ALL
            .into_iter()
            .filter(|s| !s.done(&example))
            .collect();
        assert_eq!(open, [Step::Policies]);
        assert_eq!(
            Step::Policies.progress(&example).as_deref(),
            Some("agreed for 5 of 9 SLOs")
        );
        assert_eq!(Step::Teams.progress(&example).as_deref(), Some("5 teams"));
        assert_eq!(
            Step::Targets.progress(&example).as_deref(),
            Some("4 of 4 groups")
        );
    }

    #[test]
    fn a_round_counts_once_it_has_a_rating_and_targets_once_every_group_has_one() {
        let mut plan = example_plan();
        plan.transition
            .rounds
            .iter_mut()
            .for_each(|r| r.ratings.clear());
        assert!(!Step::FirstRound.done(&plan));
        plan.transition.groups[0].target = None;
        assert!(!Step::Targets.done(&plan));
        assert_eq!(
            Step::Targets.progress(&plan).as_deref(),
            Some("3 of 4 groups")
        );
        plan.challenge = "  \n".into();
        assert!(!Step::Challenge.done(&plan));
    }

    #[test]
    fn the_template_states_each_group_misaligned_then_its_target_mindset() {
        let template = challenge_template(&blank());
        assert!(template.starts_with(
            "Today we are misaligned on production operations:\n- Developers: Do not know why they should be doing operations.\n"
        ), "{template}");
        assert!(template
            .contains("\n\nWe want ownership using SRE, where:\n- Developers: Want to be on call"));
        assert_eq!(template.matches("\n- ").count(), 8, "four groups, twice");
    }

    #[test]
    fn the_template_is_added_below_what_is_written_never_over_it() {
        let t = "TEMPLATE";
        assert_eq!(with_template("", t), "TEMPLATE");
        assert_eq!(
            with_template("Our own words.\n", t),
            "Our own words.\n\nTEMPLATE"
        );
        let once = with_template("Our own words.", t);
        assert_eq!(with_template(&once, t), once);
    }
}
