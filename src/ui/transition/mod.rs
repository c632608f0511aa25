//! The Transition workspace: from misalignment to ownership using SRE, group by group and
//! team by team, with assessment rounds, targets, gaps, coaching and foundational
//! activities.

pub mod actions;
pub mod activities;
pub mod gaps;
pub mod heat_map;
pub mod page;
pub mod readiness;
pub mod round_bar;
pub mod setup;
pub mod trend;
pub mod workshop;

use leptos::prelude::*;

use crate::model::plan::ids::ById;
use crate::model::plan::{AssessmentRound, Id, Plan};
use crate::model::transition::progress::rounds_by_date;

/// The round shown: the chosen one while it exists, else the latest by date.
pub fn shown_round(
    plan: Memo<Option<Plan>>,
    chosen: RwSignal<Option<Id>>,
) -> Memo<Option<AssessmentRound>> {
    Memo::new(move |_| {
        let wanted = chosen.get();
        plan.with(|p| {
            let t = &p.as_ref()?.transition;
            wanted
                .and_then(|id| t.rounds.by_id(&id))
                .or_else(|| rounds_by_date(t).last().copied())
                .cloned()
        })
    })
}
