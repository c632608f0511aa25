//! Checks a plan's content beyond what its types say: ranges, required text, unique ids,
//! references between parts, and size limits. Collects every problem with its field path.
//! Each area checks its own part beside its model (`slo::validation`,
//! `transition::validation`, `scenario::validation`, `history::validation`); this is where
//! they are run, after the plan's own fields and the size limits.

use crate::model::history::validation::check_histories;
use crate::model::plan::checker::Checker;
use crate::model::plan::problem::Problem;
use crate::model::plan::Plan;
use crate::model::scenario::validation::check_scenarios;
use crate::model::slo::validation::check_slo_catalog;
use crate::model::transition::validation::check_transition;

/// Every problem with the plan; empty when it is valid.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut c = Checker::default();
    if !check_sizes(&mut c, plan) {
        return c.problems;
    }
    c.text_required("id", &plan.id);
    c.text_required("name", &plan.name);
    c.timestamp("created", &plan.created);
    c.timestamp("updated", &plan.updated);
    c.text("organization", &plan.organization);
    c.text("challenge", &plan.challenge);
    check_transition(&mut c, plan);
    check_slo_catalog(&mut c, plan);
    check_scenarios(&mut c, plan);
    check_histories(&mut c, plan);
    c.problems
}

/// Refuses oversized lists before anything else, so a huge file costs one message, not
/// one per item. Returns whether every list is within [`MAX_ITEMS`].
fn check_sizes(c: &mut Checker, plan: &Plan) -> bool {
    let t = &plan.transition;
    let cat = &plan.slo_catalog;
    let mut lists = vec![
        ("transition.groups".to_string(), t.groups.len(), "groups"),
        ("transition.teams".to_string(), t.teams.len(), "teams"),
        ("transition.rounds".to_string(), t.rounds.len(), "rounds"),
        ("transition.actions".to_string(), t.actions.len(), "actions"),
        (
            "transition.action_templates".to_string(),
            t.action_templates.len(),
            "templates",
        ),
        (
            "transition.activities".to_string(),
            t.activities.len(),
            "activity records",
        ),
        (
            "slo_catalog.services".to_string(),
            cat.services.len(),
            "services",
        ),
        (
            "slo_catalog.journeys".to_string(),
            cat.journeys.len(),
            "journeys",
        ),
        ("slo_catalog.slos".to_string(), cat.slos.len(), "SLOs"),
        ("scenarios".to_string(), plan.scenarios.len(), "scenarios"),
        ("histories".to_string(), plan.histories.len(), "histories"),
    ];
    for (i, r) in t.rounds.iter().enumerate() {
        lists.push((
            format!("transition.rounds[{i}].ratings"),
            r.ratings.len(),
            "ratings",
        ));
    }
    for (i, s) in plan.scenarios.iter().enumerate() {
        lists.push((
            format!("scenarios[{i}].incidents"),
            s.incidents.len(),
            "incidents",
        ));
        lists.push((
            format!("scenarios[{i}].maintenance"),
            s.maintenance.len(),
            "maintenance windows",
        ));
    }
    let mut ok = true;
    for (path, len, what) in lists {
        ok &= c.count(&path, len, what);
    }
    ok
}
