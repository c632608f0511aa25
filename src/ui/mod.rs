//! The page: one folder per workspace, one file per component, bound to the model through
//! the [`workbook::Workbook`] context.

pub mod browser;
pub mod first_screen;
pub mod lazy_parts;
pub mod lazy_workspace;
pub mod monte_carlo_odds;
pub mod overview;
pub mod plan_reader;
pub mod plans;
pub mod report;
pub mod route;
pub mod scenarios;
pub mod shared;
pub mod slos;
pub mod transition;
pub mod widgets;
pub mod workbook;
