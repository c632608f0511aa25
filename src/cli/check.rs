//! `sre-workbook check`: is this a plan the page would import, and if not, what is wrong
//! and where.

use std::path::Path;

use serde_json::json;

use super::{plan_file, Failure, Format, Outcome};
use crate::model::plan::format::CURRENT_VERSION;

/// Checks the plan at `path`; exit 1 with each problem when it is not valid.
pub fn run(path: &Path, format: Format) -> Outcome {
    let read = plan_file::read(path)?;
    let text = match (&read, format) {
        (Ok(file), Format::Text) => {
            let migrated = match file.version {
                Some(v) if v < CURRENT_VERSION => {
                    format!(" (format version {v}, read as version {CURRENT_VERSION})")
                }
                _ => String::new(),
            };
            let p = &file.plan;
            format!(
                "{}: plan “{}” is valid{migrated}: {} services, {} SLOs, {} teams, {} scenarios.\n",
                path.display(),
                p.name,
                p.slo_catalog.services.len(),
                p.slo_catalog.slos.len(),
                p.transition.teams.len(),
                p.scenarios.len()
            )
        }
        (Err(e), Format::Text) => e.problems.iter().map(|p| format!("{p}\n")).collect(),
        (Ok(file), Format::Json) => format!(
            "{}\n",
            json!({
                "file": path.display().to_string(),
                "valid": true,
                "plan": file.plan.name,
                "version": file.version,
                "problems": [],
            })
        ),
        (Err(e), Format::Json) => format!(
            "{}\n",
            json!({
                "file": path.display().to_string(),
                "valid": false,
                "problems": e.problems.iter().map(|p| json!({"path": p.path, "message": p.message})).collect::<Vec<_>>(),
            })
        ),
    };
    super::write_out(None, &text)?;
    match read {
        Ok(_) => Ok(true),
        Err(_) => Err(Failure::Problems),
    }
}
