//! Undo and redo of plan edits: a bounded list of the plan as it was before each edit.
//! Edits of the same plan in quick succession (typing a word, dragging through values)
//! form one step, so one Undo takes back what a person thinks of as one change.

use std::collections::VecDeque;

use crate::model::plan::Plan;

/// Edits of the same plan closer together than this (milliseconds) are one step.
pub const COALESCE_MS: f64 = 1000.0;

/// Steps kept for undo; older ones are forgotten.
pub const LIMIT: usize = 100;

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: VecDeque<Plan>,
    redo: VecDeque<Plan>,
    /// The plan and time of the latest recorded edit, for coalescing.
    last: Option<(String, f64)>,
}

impl History {
    /// Notes that `current` is about to be edited at `now_ms`. Starts a new step unless the
    /// same plan was edited less than [`COALESCE_MS`] ago; any redo is dropped.
    pub fn record(&mut self, current: &Plan, now_ms: f64) {
        let same_burst = self
            .last
            .as_ref()
            .is_some_and(|(id, at)| *id == current.id && now_ms - at < COALESCE_MS);
        if !same_burst {
            self.undo.push_back(current.clone());
            if self.undo.len() > LIMIT {
                self.undo.pop_front();
            }
        }
        self.last = Some((current.id.clone(), now_ms));
        self.redo.clear();
    }

    /// The plan to restore for Undo, given how each plan is now; the current state goes to
    /// redo. Steps of plans no longer in the library are skipped.
    pub fn undo(&mut self, now_of: impl Fn(&str) -> Option<Plan>) -> Option<Plan> {
        self.last = None;
        shift(&mut self.undo, &mut self.redo, now_of)
    }

    /// The plan to restore for Redo; the current state goes back to undo.
    pub fn redo(&mut self, now_of: impl Fn(&str) -> Option<Plan>) -> Option<Plan> {
        self.last = None;
        shift(&mut self.redo, &mut self.undo, now_of)
    }

    /// Steps available to undo and to redo.
    pub fn depth(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }
}

/// Takes the newest step of `from` whose plan still exists, pushing that plan's current
/// state onto `to`.
fn shift(
    from: &mut VecDeque<Plan>,
    to: &mut VecDeque<Plan>,
    now_of: impl Fn(&str) -> Option<Plan>,
) -> Option<Plan> {
    while let Some(step) = from.pop_back() {
        if let Some(now) = now_of(&step.id) {
            to.push_back(now);
            return Some(step);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;

    fn named(name: &str) -> Plan {
        let mut p = example_plan();
        p.name = name.into();
        p
    }

    #[test]
    fn a_burst_of_edits_is_one_step_and_redo_comes_back() {
        let mut h = History::default();
        let mut current = named("A");
        for (i, t) in [0.0, 300.0, 600.0].into_iter().enumerate() {
            h.record(&current, t);
            current = named(&format!("A{i}"));
        }
        assert_eq!(h.depth(), (1, 0), "typing within a second is one step");
        h.record(&current, 5000.0);
        current = named("B");
        assert_eq!(h.depth(), (2, 0));

        let now = current.clone();
        let back = h.undo(|_| Some(now.clone())).unwrap();
        assert_eq!(back.name, "A2");
        let back2 = h.undo(|_| Some(back.clone())).unwrap();
        assert_eq!(back2.name, "A");
        assert_eq!(h.depth(), (0, 2));
        assert!(h.undo(|_| Some(back2.clone())).is_none());
        let forward = h.redo(|_| Some(back2.clone())).unwrap();
        assert_eq!(forward.name, "A2");
        let forward2 = h.redo(|_| Some(forward.clone())).unwrap();
        assert_eq!(forward2.name, "B");
    }

    #[test]
    fn a_new_edit_drops_redo_and_history_is_bounded() {
        let mut h = History::default();
        for i in 0..(LIMIT + 20) {
            h.record(&named(&i.to_string()), i as f64 * 2000.0);
        }
        assert_eq!(h.depth(), (LIMIT, 0));
        let now = named("now");
        h.undo(|_| Some(now.clone()));
        assert_eq!(h.depth(), (LIMIT - 1, 1));
        h.record(&now, 1e9);
        assert_eq!(h.depth().1, 0, "a new edit clears redo");
    }

    #[test]
    fn steps_of_deleted_plans_are_skipped() {
        let mut h = History::default();
        h.record(&named("gone"), 0.0);
        assert!(h.undo(|_| None).is_none());
        assert_eq!(h.depth(), (0, 0));
    }
}
