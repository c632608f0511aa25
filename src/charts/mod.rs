//! Charts: plain data in, SVG text out (plotters' SVG backend), each with a text
//! alternative. No browser types, so host tests cover them.

pub mod accessible;
pub mod trend;
