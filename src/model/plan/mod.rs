//! The plan itself: its types (re-exported here, so a part is `model::plan::Slo`), the
//! versioned file format with its migrations and error paths, ids, dates, the book's
//! defaults, the shipped example, content validation, undo of edits, and what changed between
//! two versions of a plan.

mod types;
pub use types::*;

pub mod calendar;
pub mod checker;
pub mod defaults;
pub mod diff;
pub mod error_path;
pub mod example;
// Generated from example_plan.json (tests/example_plan_code.rs).
#[rustfmt::skip]
mod example_code;
pub mod example_file;
pub mod format;
pub mod getting_started;
pub mod ids;
pub mod json_text;
pub mod migrations;
pub mod problem;
pub mod undo;
pub mod validate;
