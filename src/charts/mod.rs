//! Charts: plain data in, SVG text out (plotters' SVG backend, or hand-written SVG where a
//! chart is not a plot), each with a text alternative. No browser types, so host tests
//! cover them.

pub mod accessible;
pub mod alert_lab_chart;
pub mod attainment_chart;
pub mod budget_chart;
pub mod burn_chart;
pub mod crosshair;
pub mod day_axis;
pub mod decimate;
pub mod histogram_chart;
pub mod legend;
pub mod minutes;
pub mod palette;
pub mod plot_svg;
pub mod timeline_chart;
pub mod trend;

/// A chart with the crosshair that reads its values (see [`crosshair`]).
#[derive(Clone, Debug)]
pub struct PointableChart {
    /// The chart as an accessible SVG document.
    pub svg: String,
    /// What pointing at it shows.
    pub crosshair: crosshair::Crosshair,
}
