//! The Scenario workspace: what incidents and release habits do to the error budget.

pub mod page;
