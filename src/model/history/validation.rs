//! Checks of the SLI histories a plan keeps: one per SLO, referring to SLOs the plan has,
//! within the size a plan can carry, and (when a file is imported) rows that unpack.

use std::collections::HashSet;

use crate::model::history::series::SERIES_PREFIX;
use crate::model::plan::checker::Checker;
use crate::model::plan::problem::Problem;
use crate::model::plan::Plan;

/// Largest encoded series a history may hold (a 90-day series at 1-minute steps of real
/// request counts is about 0.3 MB).
pub const MAX_SERIES_BYTES: usize = 4 * 1024 * 1024;

/// Checks what a history says about itself without unpacking its rows (that is
/// [`check_history_rows`], done once when a file is imported, not on every save).
pub fn check_histories(c: &mut Checker, plan: &Plan) {
    let _ = c.ids("histories", plan.histories.iter().map(|h| &h.id));
    let mut seen_slos = HashSet::new();
    for (i, h) in plan.histories.iter().enumerate() {
        let p = format!("histories[{i}]");
        if !plan.slo_catalog.slos.iter().any(|slo| slo.id == h.slo) {
            c.fail(
                format!("{p}.slo"),
                format!("refers to SLO {:?}, which is not in this plan", h.slo),
            );
        } else if !seen_slos.insert(h.slo.as_str()) {
            c.fail(
                format!("{p}.slo"),
                format!(
                    "SLO {:?} already has a history; a plan keeps one per SLO",
                    h.slo
                ),
            );
        }
        c.text_required(&format!("{p}.source"), &h.source);
        c.timestamp(&format!("{p}.imported"), &h.imported);
        let _ = c.count(&format!("{p}.import_notes"), h.import_notes.len(), "notes");
        for (k, note) in h.import_notes.iter().enumerate() {
            c.text(&format!("{p}.import_notes[{k}]"), note);
        }
        if h.series.len() > MAX_SERIES_BYTES {
            c.fail(
                format!("{p}.series"),
                format!(
                    "is {:.1} MB; a history's rows may take at most {} MB",
                    h.series.len() as f64 / 1_048_576.0,
                    MAX_SERIES_BYTES / 1_048_576
                ),
            );
        } else if !h.series.0.starts_with(SERIES_PREFIX) {
            c.fail(
                format!("{p}.series"),
                format!(
                    "does not start with “{SERIES_PREFIX}”: it is not a series this workbook wrote"
                ),
            );
        }
    }
}

/// Unpacks every history's rows and reports those that cannot be read, by history.
pub fn check_history_rows(plan: &Plan) -> Vec<Problem> {
    plan.histories
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let why = h.series.decode().err()?;
            Some(Problem::at(format!("histories[{i}].series"), why))
        })
        .collect()
}
