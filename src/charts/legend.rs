//! Chart legends as HTML next to the chart instead of a box over the data: a small line
//! sample in each series' color and dash pattern, and the pattern's name in words.

use plotters::coord::CoordTranslate;
use plotters::prelude::*;

use super::palette::{css, PALETTE};

/// Line patterns in legend order, so color is never the only signal.
pub const PATTERNS: [&str; 4] = ["solid", "dashed", "dotted", "long dashes"];

/// SVG `stroke-dasharray` of each pattern (pixels), matching how the charts draw them.
const DASHES: [&str; 4] = ["none", "10 5", "2 4", "20 6"];

/// The pattern name of series `index`.
pub fn pattern(index: usize) -> &'static str {
    PATTERNS[index % PATTERNS.len()]
}

/// A 32 × 12 line sample of series `index`, hidden from assistive technology (the legend
/// text names the pattern).
pub fn swatch_svg(index: usize) -> String {
    format!(
        "<svg width=\"32\" height=\"12\" viewBox=\"0 0 32 12\" aria-hidden=\"true\" focusable=\"false\"><line x1=\"0\" y1=\"6\" x2=\"32\" y2=\"6\" stroke=\"{}\" stroke-width=\"3\" stroke-dasharray=\"{}\"/></svg>",
        css(PALETTE[index % PALETTE.len()]),
        DASHES[index % DASHES.len()]
    )
}

/// Draws series `index` through `points` in its color and dash pattern.
pub fn draw_patterned_line<'a, CT>(
    chart: &mut ChartContext<'a, SVGBackend<'a>, CT>,
    index: usize,
    points: Vec<(f64, f64)>,
) -> Result<(), DrawingAreaErrorKind<<SVGBackend<'a> as DrawingBackend>::ErrorType>>
where
    CT: CoordTranslate<From = (f64, f64)>,
{
    let style = ShapeStyle::from(PALETTE[index % PALETTE.len()]).stroke_width(2);
    match index % PATTERNS.len() {
        0 => chart.draw_series(LineSeries::new(points, style))?,
        1 => chart.draw_series(DashedLineSeries::new(points, 10, 5, style))?,
        2 => chart.draw_series(DashedLineSeries::new(points, 2, 4, style))?,
        _ => chart.draw_series(DashedLineSeries::new(points, 20, 6, style))?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swatches_follow_the_series_order() {
        assert!(swatch_svg(0).contains("stroke=\"#2b6cb0\"") && swatch_svg(0).contains("none"));
        assert!(swatch_svg(1).contains("10 5"));
        assert_eq!(pattern(2), "dotted");
        assert_eq!(pattern(4), "solid");
    }
}
