//! Edits of the transition that keep the plan whole: a new round starts from the previous
//! one, ratings are set per cell, teams and groups come and go with their references, and
//! coaching actions are added blank or from a template.

use crate::model::plan::ids::ById;
use crate::model::plan::{
    ActionStatus, ActivityRecord, ActivityStatus, AssessmentRound, CoachingAction,
    FoundationalActivity, Id, Plan, Rating, StakeholderGroup, Team, LEVEL_COUNT,
};
use crate::model::slo::catalog_ops::fresh_id;
use crate::model::transition::progress::rounds_by_date;

/// Adds a round dated `date`, starting from the latest round's ratings, and returns its id.
pub fn add_round(plan: &mut Plan, label: &str, date: &str) -> Id {
    let t = &mut plan.transition;
    let id = fresh_id("round", t.rounds.iter().map(|r| &r.id));
    let ratings = rounds_by_date(t)
        .last()
        .map(|r| r.ratings.clone())
        .unwrap_or_default();
    t.rounds.push(AssessmentRound {
        id: id.clone(),
        label: label.to_string(),
        date: date.to_string(),
        ratings,
    });
    id
}

/// Sets the level of a team × group cell in a round (adding the rating if missing).
pub fn set_level(plan: &mut Plan, round: &str, team: &str, group: &str, level: u8) {
    if let Some(r) = plan.transition.rounds.by_id_mut(round) {
        match r
            .ratings
            .iter_mut()
            .find(|x| x.team == team && x.group == group)
        {
            Some(rating) => rating.level = level,
            None => r.ratings.push(Rating {
                team: team.to_string(),
                group: group.to_string(),
                level,
                note: String::new(),
            }),
        }
    }
}

/// Sets the evidence note of a rated cell.
pub fn set_note(plan: &mut Plan, round: &str, team: &str, group: &str, note: String) {
    if let Some(r) = plan.transition.rounds.by_id_mut(round) {
        if let Some(rating) = r
            .ratings
            .iter_mut()
            .find(|x| x.team == team && x.group == group)
        {
            rating.note = note;
        }
    }
}

/// Adds a team and returns its id.
pub fn add_team(plan: &mut Plan) -> Id {
    let t = &mut plan.transition;
    let id = fresh_id("team", t.teams.iter().map(|x| &x.id));
    t.teams.push(Team {
        id: id.clone(),
        name: format!("New team {}", t.teams.len() + 1),
        description: String::new(),
    });
    id
}

/// Removes a team with its ratings and activity records; actions and services no longer
/// name it.
pub fn delete_team(plan: &mut Plan, id: &str) {
    let t = &mut plan.transition;
    t.teams.retain(|x| x.id != id);
    for r in &mut t.rounds {
        r.ratings.retain(|x| x.team != id);
    }
    t.activities.retain(|x| x.team != id);
    for a in &mut t.actions {
        a.teams.retain(|x| x != id);
    }
    for s in &mut plan.slo_catalog.services {
        if s.team.as_deref() == Some(id) {
            s.team = None;
        }
    }
}

/// Adds a stakeholder group (e.g. QA or security) with blank descriptors; returns its id.
pub fn add_group(plan: &mut Plan) -> Id {
    let t = &mut plan.transition;
    let id = fresh_id("group", t.groups.iter().map(|x| &x.id));
    t.groups.push(StakeholderGroup {
        id: id.clone(),
        name: format!("New group {}", t.groups.len() + 1),
        misaligned: String::new(),
        target_mindset: String::new(),
        levels: vec![String::new(); LEVEL_COUNT],
        target: None,
    });
    id
}

/// Removes a group with its ratings and templates; actions no longer name it.
pub fn delete_group(plan: &mut Plan, id: &str) {
    let t = &mut plan.transition;
    t.groups.retain(|x| x.id != id);
    for r in &mut t.rounds {
        r.ratings.retain(|x| x.group != id);
    }
    t.action_templates.retain(|x| x.group != id);
    for a in &mut t.actions {
        a.groups.retain(|x| x != id);
    }
}

/// Adds a planned coaching action for a group and (optionally) a team; returns its id.
pub fn add_action(
    plan: &mut Plan,
    title: &str,
    group: Option<&str>,
    team: Option<&str>,
    gap: &str,
) -> Id {
    let t = &mut plan.transition;
    let id = fresh_id("action", t.actions.iter().map(|x| &x.id));
    t.actions.push(CoachingAction {
        id: id.clone(),
        title: title.to_string(),
        groups: group.map(|g| vec![g.to_string()]).unwrap_or_default(),
        teams: team.map(|x| vec![x.to_string()]).unwrap_or_default(),
        owner: String::new(),
        due: None,
        status: ActionStatus::Planned,
        gap: gap.to_string(),
    });
    id
}

/// Records a team's status on an activity as of a date, replacing an earlier record.
pub fn set_activity(
    plan: &mut Plan,
    team: &str,
    activity: FoundationalActivity,
    status: ActivityStatus,
    date: &str,
) {
    let t = &mut plan.transition;
    match t
        .activities
        .iter_mut()
        .find(|r| r.team == team && r.activity == activity)
    {
        Some(record) => {
            record.status = status;
            record.date = date.to_string();
        }
        None => t.activities.push(ActivityRecord {
            team: team.to_string(),
            activity,
            status,
            date: date.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;
    use crate::model::plan::validate::validate;
    use crate::model::transition::progress::{level_of, rounds_by_date};

    #[test]
    fn a_new_round_starts_from_the_latest() {
        let mut plan = example_plan();
        let id = add_round(&mut plan, "Q4 2026", "2026-12-14");
        let latest = *rounds_by_date(&plan.transition).last().unwrap();
        assert_eq!(latest.id, id);
        assert_eq!(latest.ratings.len(), 20);
        assert_eq!(level_of(latest, "checkout", "developers"), Some(3));
        set_level(&mut plan, &id, "tracking", "developers", 2);
        set_note(
            &mut plan,
            &id,
            "tracking",
            "developers",
            "On call since November.".into(),
        );
        let q4 = plan.transition.rounds.by_id(&id).unwrap();
        assert_eq!(level_of(q4, "tracking", "developers"), Some(2));
        let q3 = plan
            .transition
            .rounds
            .iter()
            .find(|r| r.label == "Q3 2026")
            .unwrap();
        assert_eq!(
            level_of(q3, "tracking", "developers"),
            Some(1),
            "the earlier round is history"
        );
        assert_eq!(validate(&plan), vec![]);
    }

    #[test]
    fn teams_and_groups_leave_no_dangling_references() {
        let mut plan = example_plan();
        delete_team(&mut plan, "routing");
        delete_group(&mut plan, "product");
        let team = add_team(&mut plan);
        let group = add_group(&mut plan);
        add_action(
            &mut plan,
            "Pair with the platform team",
            Some(&group),
            Some(&team),
            "New team",
        );
        set_activity(
            &mut plan,
            &team,
            FoundationalActivity::IncidentResponse,
            ActivityStatus::InProgress,
            "2026-11-24",
        );
        set_activity(
            &mut plan,
            &team,
            FoundationalActivity::IncidentResponse,
            ActivityStatus::InPlace,
            "2026-12-01",
        );
        assert_eq!(
            plan.transition
                .activities
                .iter()
                .filter(|a| a.team == team)
                .count(),
            1
        );
        assert_eq!(validate(&plan), vec![]);
    }
}
