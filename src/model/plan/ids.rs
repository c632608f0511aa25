//! Identifiers and the text forms of dates and instants that the plan's parts carry, and
//! ids for new plans.

/// Identifier of a thing inside a plan (team, group, service, SLO, ...), unique per kind.
pub type Id = String;

/// A calendar date written `YYYY-MM-DD`.
pub type IsoDate = String;

/// An instant written as RFC 3339 in UTC, e.g. `2026-11-24T09:30:00Z`.
pub type Timestamp = String;

/// A thing with an id that is unique among its kind: a plan, its parts, rounds, kept
/// histories.
pub trait Identified {
    /// This thing's id.
    fn id(&self) -> &str;
}

/// The one lookup by id, for any list of identified things: `plan.scenarios.by_id(id)`.
pub trait ById<T> {
    /// The thing with `id`, if the list has it.
    fn by_id(&self, id: &str) -> Option<&T>;
    /// The thing with `id` to change, if the list has it.
    fn by_id_mut(&mut self, id: &str) -> Option<&mut T>;
}

impl<T: Identified> ById<T> for [T] {
    fn by_id(&self, id: &str) -> Option<&T> {
        self.iter().find(|t| t.id() == id)
    }
    fn by_id_mut(&mut self, id: &str) -> Option<&mut T> {
        self.iter_mut().find(|t| t.id() == id)
    }
}

/// A new plan id from the current time and a random number: unique enough that plans
/// made in different browsers do not collide when exchanged.
pub fn new_plan_id(millis: i64, random: u32) -> String {
    format!("plan-{millis:x}-{random:08x}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_carry_time_and_randomness() {
        assert_eq!(super::new_plan_id(0x18f, 0xab), "plan-18f-000000ab");
    }
}
