//! The Plans workspace: the library of plans in this browser and the open plan's details.

pub mod compare;
pub mod export;
pub mod file_binding;
pub mod getting_started;
pub mod import;
pub mod library_table;
pub mod page;
pub mod plan_details;
pub mod plan_file;
pub mod share;

use crate::model::plan::format::{export_file_name, export_plan};
use crate::model::plan::Plan;
use crate::ui::browser::{download_text, schema_url};

/// Downloads a plan as `<plan name>.json`, pretty-printed in the stable export order.
pub fn download_plan(plan: &Plan) {
    let _ = download_text(
        &export_file_name(&plan.name),
        &export_plan(plan, &schema_url()),
        "application/json",
    );
}
