//! The example plan that ships with the app and opens on first visit: Parcelry, a fictional
//! parcel company with five teams, four services, eight SLOs, three assessment rounds and
//! three scenarios, so every screen has something meaningful to show.

use crate::model::plan::Plan;

pub use crate::model::plan::example_file::EXAMPLE_PLAN_JSON;

/// The example plan. Built by code generated from [`EXAMPLE_PLAN_JSON`] rather than read
/// from it, so a first visit needs no plan file reader; a host test holds the code to the
/// file (tests/example_plan_code.rs) and reads the file through the validator.
pub fn example_plan() -> Plan {
    super::example_code::build()
}
