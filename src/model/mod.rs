//! The plan as data, with no browser types, grouped by area: the plan file and what every
//! area shares (`plan`), SLOs and their budgets (`slo`), scenarios and their simulation
//! (`scenario`), the transition of the stakeholder groups (`transition`), SLI histories
//! kept with a plan (`history`), the Overview's figures (`overview`) and the report's
//! (`report`).

pub mod alert_lab;
pub mod history;
pub mod overview;
pub mod plan;
pub mod report;
pub mod scenario;
pub mod slo;
pub mod transition;
