//! The transition from misalignment to ownership: where each stakeholder group stands and
//! where it is heading (progress), edits of rounds, teams and groups (ops), and the
//! assessment workshop's figures.

pub mod ops;
pub mod progress;
pub mod trend;
pub mod validation;
pub mod workshop;
