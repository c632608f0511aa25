//! Replaying real history: an SLI series exported from production (CSV today) is read with
//! every problem reported by line, laid on a minute grid, and played against an SLO's
//! target, budget and alert rules (the backtest). Pure core: no browser types.
//!
//! Status (session 5): the reader and the backtest exist and are tested on the host; the
//! Scenarios page does not offer "Import history" yet (issue "Replay real history").

pub mod backtest;
pub mod csv_reader;
pub mod figures;
pub mod minute_grid;
pub mod timestamps;
