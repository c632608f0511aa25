//! The assessment workshop's plain figures: the team × group cells in the order a workshop
//! takes them, how many are rated, and what changed since the previous round.

use crate::model::plan::{AssessmentRound, Id, Transition};
use crate::model::transition::progress::{level_of, rounds_by_date};

/// The cells a workshop steps through, as (team id, group id): team by team, each team's
/// stakeholder groups in plan order, so one team's people are in the room at a time.
pub fn cells(t: &Transition) -> Vec<(Id, Id)> {
    t.teams
        .iter()
        .flat_map(|team| t.groups.iter().map(|g| (team.id.clone(), g.id.clone())))
        .collect()
}

/// "7 of 20 rated": cells rated so far in the workshop, of all cells.
pub fn progress_text(rated: usize, total: usize) -> String {
    format!("{rated} of {total} rated")
}

/// One cell whose rating differs from the previous round's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Team name.
    pub team: String,
    /// Group name.
    pub group: String,
    /// Level in the previous round, if rated there.
    pub before: Option<u8>,
    /// Level in this round, if rated.
    pub after: Option<u8>,
}

impl Change {
    /// "Checkout × Developers: 1 → 2", "… newly rated 3", "… no longer rated (was 2)".
    pub fn text(&self) -> String {
        let cell = format!("{} × {}", self.team, self.group);
        match (self.before, self.after) {
            (Some(b), Some(a)) => format!("{cell}: {b} → {a}"),
            (None, Some(a)) => format!("{cell}: newly rated {a}"),
            (Some(b), None) => format!("{cell}: no longer rated (was {b})"),
            (None, None) => cell,
        }
    }
}

/// What changed in `round` since the round dated just before it: the previous round's
/// label ("" when this is the first round) and each changed cell, in workshop order.
pub fn changes_since_previous(t: &Transition, round: &AssessmentRound) -> (String, Vec<Change>) {
    let ordered = rounds_by_date(t);
    let previous = ordered
        .iter()
        .position(|r| r.id == round.id)
        .and_then(|i| i.checked_sub(1))
        .map(|i| ordered[i]);
    let name = |list: &[(Id, String)], id: &str| {
        list.iter()
            .find(|(i, _)| i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let teams: Vec<(Id, String)> = t
        .teams
        .iter()
        .map(|x| (x.id.clone(), x.name.clone()))
        .collect();
    let groups: Vec<(Id, String)> = t
        .groups
        .iter()
        .map(|x| (x.id.clone(), x.name.clone()))
        .collect();
    let changes = cells(t)
        .into_iter()
        .filter_map(|(team, group)| {
            let before = previous.and_then(|p| level_of(p, &team, &group));
            let after = level_of(round, &team, &group);
            (before != after).then(|| Change {
                team: name(&teams, &team),
                group: name(&groups, &group),
                before,
                after,
            })
        })
        .collect();
    (
        previous.map(|p| p.label.clone()).unwrap_or_default(),
        changes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;
    use crate::model::plan::ids::ById;
    use crate::model::transition::ops::set_level;

    #[test]
    fn a_workshop_takes_team_by_team() {
        let plan = example_plan();
        let all = cells(&plan.transition);
        assert_eq!(all.len(), 5 * 4);
        let first_team = &plan.transition.teams[0].id;
        assert!(all[..4].iter().all(|(team, _)| team == first_team));
        assert_eq!(all[1].1, plan.transition.groups[1].id);
    }

    #[test]
    fn progress_reads_as_a_count() {
        assert_eq!(progress_text(7, 20), "7 of 20 rated");
    }

    #[test]
    fn changes_are_said_against_the_round_before() {
        let mut plan = example_plan();
        let ordered: Vec<String> = rounds_by_date(&plan.transition)
            .iter()
            .map(|r| r.id.clone())
            .collect();
        let (team, group) = cells(&plan.transition)[0].clone();
        let first = plan.transition.rounds.by_id(&ordered[0]).unwrap();
        let (previous, _) = changes_since_previous(&plan.transition, first);
        assert_eq!(previous, "", "the first round has none before it");
        let latest = ordered[2].clone();
        let before = {
            let r = plan.transition.rounds.by_id(&ordered[1]).unwrap();
            level_of(r, &team, &group).unwrap()
        };
        set_level(&mut plan, &latest, &team, &group, 4);
        let r = plan.transition.rounds.by_id(&latest).unwrap();
        let (previous, changes) = changes_since_previous(&plan.transition, r);
        assert_eq!(previous, "Q2 2026");
        let change = changes
            .iter()
            .find(|c| c.after == Some(4))
            .expect("the new rating");
        assert_eq!(change.before, Some(before));
        assert_eq!(
            change.text(),
            format!(
                "{} × {}: {before} → 4",
                plan.transition.teams[0].name, plan.transition.groups[0].name
            )
        );
        let new = Change {
            team: "A".into(),
            group: "B".into(),
            before: None,
            after: Some(2),
        };
        assert_eq!(new.text(), "A × B: newly rated 2");
    }
}
