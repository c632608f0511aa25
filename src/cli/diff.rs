//! `sre-workbook diff`: what changed between two plan files, for a reviewer.

use std::path::Path;

use clap::ValueEnum;
use serde_json::json;

use super::{plan_file, Outcome};
use crate::model::plan::diff::{diff_plans, ChangeKind};

/// How the summary is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Words for a terminal.
    Text,
    /// Markdown for a pull-request comment.
    Markdown,
    /// One JSON document.
    Json,
}

/// Compares the plans at `old` and `new`; exit 0 when they are the same, 1 when not.
pub fn run(old: &Path, new: &Path, format: DiffFormat) -> Outcome {
    let before = plan_file::read_valid(old)?;
    let after = plan_file::read_valid(new)?;
    let diff = diff_plans(&before.plan, &after.plan);
    let text = match format {
        DiffFormat::Text => diff.words(),
        DiffFormat::Markdown => diff.markdown(),
        DiffFormat::Json => {
            let changes: Vec<_> = diff
                .changes
                .iter()
                .map(|c| {
                    let (kind, from, to) = match &c.kind {
                        ChangeKind::Added(v) => ("added", None, Some(v)),
                        ChangeKind::Removed(v) => ("removed", Some(v), None),
                        ChangeKind::Changed { from, to } => ("changed", Some(from), Some(to)),
                    };
                    json!({"subject": c.subject, "field": c.field, "kind": kind, "from": from, "to": to})
                })
                .collect();
            format!(
                "{}\n",
                json!({"same": diff.is_empty(), "summary": diff.headline(), "changes": changes})
            )
        }
    };
    super::write_out(None, &text)?;
    Ok(diff.is_empty())
}
