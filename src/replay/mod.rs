//! Replaying real history: an SLI series exported from production (CSV, or a Prometheus
//! query_range response) is read with every problem reported, laid on a minute grid, and
//! played against an SLO's target, budget and alert rules (the backtest). No browser types.
//!
//! Used by "Replay history" on the Scenarios page (ui/scenarios/history).

pub mod backtest;
pub mod csv_reader;
pub mod figures;
pub mod history_file;
pub mod limits;
pub mod minute_grid;
pub mod prometheus_range;
pub mod run;
pub mod timestamps;

pub use history_file::{history_text, read_history_file, HistorySplit};
