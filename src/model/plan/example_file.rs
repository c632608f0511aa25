//! The example plan's file as shipped in the app (`example_plan.json`): what
//! [`crate::model::plan::example`] reads through the file reader, and the valid plan the
//! reader repairs keys from while it locates an error.

/// The example plan file's text.
pub const EXAMPLE_PLAN_JSON: &str = include_str!("example_plan.json");
