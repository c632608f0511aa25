//! `sre-workbook migrate`: a plan file of any version rewritten in the current one, in the
//! stable layout the page exports (one field per line, fields in model order).

use std::path::Path;

use super::{plan_file, Outcome};
use crate::model::plan::format::{export_plan, write_plan};

/// Writes the plan at `path` in the current format version to `output` (or stdout).
pub fn run(path: &Path, output: Option<&Path>) -> Outcome {
    let file = plan_file::read_valid(path)?;
    let text = match &file.schema {
        Some(schema) => export_plan(&file.plan, schema),
        None => write_plan(&file.plan, true),
    };
    super::write_out(output, &text)?;
    if let Some(output) = output {
        eprintln!(
            "{}: written in format version {} (was {}).",
            output.display(),
            crate::model::plan::format::CURRENT_VERSION,
            file.version
                .map_or_else(|| "unknown".to_string(), |v| v.to_string())
        );
    }
    Ok(true)
}
