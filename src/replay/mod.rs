//! Replaying real history: an SLI series exported from production (CSV, or a Prometheus
//! query_range response) is read with every problem reported, laid on a minute grid, and
//! played against an SLO's target, budget and alert rules (the backtest). No browser types.
//!
//! Used by "Replay history" on the Scenarios page (ui/scenarios/history).

pub mod backtest;
pub mod csv_reader;
pub mod figures;
pub mod minute_grid;
pub mod prometheus_range;
pub mod timestamps;

use csv_reader::{read_table, Table};
use prometheus_range::{looks_like_json, read_query_range};

/// Reads an imported history file into a table of cells: a Prometheus query_range response
/// (JSON) or a CSV. The error says what is wrong, for the message "“file” cannot be
/// imported: …".
pub fn read_history_file(bytes: &[u8]) -> Result<Table, String> {
    let text = history_text(bytes)?;
    if looks_like_json(text) {
        read_query_range(text)
    } else {
        read_table(text)
    }
}

/// A history file's text, without a byte-order mark, or why it is not text.
pub fn history_text(bytes: &[u8]) -> Result<&str, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "the file is not UTF-8 text; save it as UTF-8 CSV".to_string())?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}
