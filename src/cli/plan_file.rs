//! Reading a plan file from disk the way the page imports one: the same checks, the same
//! messages.

use std::path::Path;

use serde_json::Value;

use super::Failure;
use crate::model::plan::format::read_plan;
use crate::model::plan::problem::PlanError;
use crate::model::plan::Plan;

/// A plan read from a file, with what its header said.
pub struct PlanFile {
    /// The plan, in the current format.
    pub plan: Plan,
    /// The format version the file was written in.
    pub version: Option<u64>,
    /// The file's `$schema`, kept when the file is rewritten.
    pub schema: Option<String>,
}

/// The bytes of `path`, or why they cannot be read (exit 2).
pub fn bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))
}

/// Reads `path` as a plan: the plan, or every problem the page would report.
pub fn read(path: &Path) -> Result<Result<PlanFile, PlanError>, Failure> {
    let bytes = bytes(path)?;
    Ok(read_plan(&bytes).map(|plan| {
        let header: Option<Value> = serde_json::from_slice(&bytes).ok();
        let field = |k: &str| header.as_ref().and_then(|h| h.get(k));
        PlanFile {
            plan,
            version: field("version").and_then(Value::as_u64),
            schema: field("$schema").and_then(Value::as_str).map(str::to_string),
        }
    }))
}

/// Reads `path` as a plan for a command that needs a valid one: its problems go to standard
/// error, one per line after the file's name, and the command ends with exit 1.
pub fn read_valid(path: &Path) -> Result<PlanFile, Failure> {
    match read(path)? {
        Ok(file) => Ok(file),
        Err(e) => {
            eprintln!("{}: not a valid plan:", path.display());
            for problem in &e.problems {
                eprintln!("{problem}");
            }
            Err(Failure::Problems)
        }
    }
}
