//! Checks of the transition: groups with a descriptor for every level, teams, rounds whose
//! ratings name known teams and groups once each, and coaching actions.

use std::collections::HashSet;

use crate::model::plan::checker::Checker;
use crate::model::plan::{Plan, LEVEL_COUNT, MAX_LEVEL};

/// Checks the transition part of `plan`.
pub fn check_transition(c: &mut Checker, plan: &Plan) {
    let t = &plan.transition;
    let groups = c.ids("transition.groups", t.groups.iter().map(|g| &g.id));
    let teams = c.ids("transition.teams", t.teams.iter().map(|g| &g.id));
    let _ = c.ids("transition.rounds", t.rounds.iter().map(|r| &r.id));
    let _ = c.ids("transition.actions", t.actions.iter().map(|a| &a.id));

    for (i, g) in t.groups.iter().enumerate() {
        let p = format!("transition.groups[{i}]");
        c.text_required(&format!("{p}.name"), &g.name);
        c.text(&format!("{p}.misaligned"), &g.misaligned);
        c.text(&format!("{p}.target_mindset"), &g.target_mindset);
        if g.levels.len() != LEVEL_COUNT {
            c.fail(format!("{p}.levels"), format!("has {} descriptors; it needs one for each level 0 to {MAX_LEVEL} ({LEVEL_COUNT})", g.levels.len()));
        }
        for (l, d) in g.levels.iter().enumerate() {
            c.text(&format!("{p}.levels[{l}]"), d);
        }
        if let Some(target) = &g.target {
            c.level(&format!("{p}.target.level"), target.level);
            c.date(&format!("{p}.target.date"), &target.date);
        }
    }
    for (i, team) in t.teams.iter().enumerate() {
        c.text_required(&format!("transition.teams[{i}].name"), &team.name);
        c.text(
            &format!("transition.teams[{i}].description"),
            &team.description,
        );
    }
    for (i, round) in t.rounds.iter().enumerate() {
        let p = format!("transition.rounds[{i}]");
        c.text(&format!("{p}.label"), &round.label);
        c.date(&format!("{p}.date"), &round.date);
        let mut cells = HashSet::new();
        for (j, r) in round.ratings.iter().enumerate() {
            let rp = format!("{p}.ratings[{j}]");
            c.reference(&format!("{rp}.team"), &r.team, &teams, "team");
            c.reference(&format!("{rp}.group"), &r.group, &groups, "group");
            c.level(&format!("{rp}.level"), r.level);
            c.text(&format!("{rp}.note"), &r.note);
            if !cells.insert((r.team.as_str(), r.group.as_str())) {
                c.fail(
                    rp,
                    format!(
                        "rates team {:?} × group {:?} a second time in this round",
                        r.team, r.group
                    ),
                );
            }
        }
    }
    for (i, a) in t.actions.iter().enumerate() {
        let p = format!("transition.actions[{i}]");
        c.text_required(&format!("{p}.title"), &a.title);
        for (j, g) in a.groups.iter().enumerate() {
            c.reference(&format!("{p}.groups[{j}]"), g, &groups, "group");
        }
        for (j, team) in a.teams.iter().enumerate() {
            c.reference(&format!("{p}.teams[{j}]"), team, &teams, "team");
        }
        c.text(&format!("{p}.owner"), &a.owner);
        c.text(&format!("{p}.gap"), &a.gap);
        if let Some(due) = &a.due {
            c.date(&format!("{p}.due"), due);
        }
    }
    for (i, tpl) in t.action_templates.iter().enumerate() {
        let p = format!("transition.action_templates[{i}]");
        c.reference(&format!("{p}.group"), &tpl.group, &groups, "group");
        c.level(&format!("{p}.level"), tpl.level);
        c.text_required(&format!("{p}.title"), &tpl.title);
    }
    let mut records = HashSet::new();
    for (i, rec) in t.activities.iter().enumerate() {
        let p = format!("transition.activities[{i}]");
        c.reference(&format!("{p}.team"), &rec.team, &teams, "team");
        c.date(&format!("{p}.date"), &rec.date);
        if !records.insert((rec.team.as_str(), rec.activity)) {
            c.fail(
                p,
                format!(
                    "records activity {:?} for team {:?} a second time",
                    rec.activity, rec.team
                ),
            );
        }
    }
    c.within(
        "transition.readiness_share_percent",
        t.readiness_share_percent,
        0.0,
        100.0,
    );
}
