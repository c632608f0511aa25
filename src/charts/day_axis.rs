//! The frame every line chart over days draws on (budget left, burn rate, attainment):
//! days across with their labels, a y axis of the chart's own, the mesh's look, and the
//! plot frame the crosshair reads. A new chart over days starts here and draws only its
//! own data.

use std::cell::Cell;

use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::crosshair::PlotFrame;
use super::plot_svg::{day_label, style_day_mesh, PlotArea};

/// The y axis of a chart over days.
pub struct YAxis<'l> {
    /// Its name, beside the axis.
    pub desc: &'l str,
    /// Its lowest and highest values.
    pub range: (f64, f64),
    /// Whether it is logarithmic.
    pub log: bool,
    /// How wide its labels are, in pixels.
    pub label_width: u32,
    /// How a value reads on it.
    pub label: &'l dyn Fn(&f64) -> String,
}

/// A chart over days, ready for its series.
pub type DayChart<'a, Y> = ChartContext<'a, SVGBackend<'a>, Cartesian2d<RangedCoordf64, Y>>;

/// What building the frame can fail with: plotters' error.
pub type FrameError<'a> = DrawingAreaErrorKind<<SVGBackend<'a> as DrawingBackend>::ErrorType>;

/// Builds the chart over the days `from..to` (named `x_desc` across) with the y axis `y`
/// laid out as `coords` (`lo..hi`, or `(lo..hi).log_scale()`), draws its mesh and records
/// its plot frame in `frame`.
pub fn day_axis_chart<'a, Y>(
    root: &PlotArea<'a>,
    (from, to): (f64, f64),
    x_desc: &str,
    coords: Y,
    y: YAxis<'_>,
    frame: &Cell<PlotFrame>,
) -> Result<DayChart<'a, Y::CoordDescType>, FrameError<'a>>
where
    Y: AsRangedCoord<Value = f64>,
    Y::CoordDescType: ValueFormatter<f64>,
{
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(y.label_width)
        .build_cartesian_2d(from..to, coords)?;
    frame.set(PlotFrame::new(
        |x, v| chart.backend_coord(&(x, v)),
        (from, to),
        y.range,
        y.log,
    ));
    style_day_mesh(&mut chart.configure_mesh())
        .x_desc(x_desc)
        .y_desc(y.desc)
        .x_label_formatter(&|d| day_label(*d, to - from))
        .y_label_formatter(y.label)
        .draw()?;
    Ok(chart)
}
