//! The Overview workspace: where the transformation stands, on one screen, each item
//! linking into the workspace where it is worked on.

pub mod actions_due;
pub mod page;
pub mod scenario_outcomes;
pub mod slo_states;
pub mod standing;
