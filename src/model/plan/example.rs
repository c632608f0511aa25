//! The example plan that ships with the app and opens on first visit: Parcelry, a fictional
//! parcel company with five teams, four services, eight SLOs, three assessment rounds and
//! three scenarios, so every screen has something meaningful to show.

use crate::model::plan::format::read_plan_text;
use crate::model::plan::Plan;

pub use crate::model::plan::example_file::EXAMPLE_PLAN_JSON;

/// The example plan, read through the same path as any imported file.
pub fn example_plan() -> Plan {
    // A host test reads this file through the validator, so it cannot fail at run time.
    read_plan_text(EXAMPLE_PLAN_JSON).expect("the shipped example plan is valid")
}
