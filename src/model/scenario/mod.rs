//! Scenarios: the deterministic minute-by-minute simulation, Monte Carlo with its seeded
//! random numbers, the scenario form's fields, edits of the plan's scenarios, and the
//! figures the scenario workspace shows.

pub mod extent;
pub mod fields;
pub mod figures;
pub mod monte_carlo;
pub mod ops;
pub mod played;
pub mod rng;
pub mod simulation;
pub mod validation;
