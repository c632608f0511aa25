//! The Plans workspace: the library of plans in this browser and the open plan's details.

pub mod import;
pub mod library_table;
pub mod page;
pub mod plan_details;
