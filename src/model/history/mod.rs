//! SLI histories kept with a plan: the rows "Replay history" imported, packed so that a
//! backtest survives reloads and travels in exported files. (Undo of edits is
//! `plan::undo`.)

pub mod choices;
pub mod series;
pub mod validation;
