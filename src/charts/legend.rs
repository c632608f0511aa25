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

/// A dashed line's look: drawn as one SVG polyline with `stroke-dasharray`, not as
/// plotters' `DashedLineSeries`, which writes a polyline per dash (a threshold across the
/// plot was 70 elements; the budget and burn charts 495 each, parsed again on every edit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dash {
    /// A series' pattern, by its index in [`PATTERNS`] (1 to 3; 0 is solid).
    Series(usize),
    /// A threshold or target line: 6 px dashes, 4 px gaps, at 80 % opacity.
    Threshold,
    /// A projection at the current pace: 5 px dashes, 4 px gaps, at 70 % opacity.
    Projection,
}

/// Per dashed look: the opacity plotters writes for it (a marker no other element uses),
/// the opacity it stands for, and its dash array.
const DASH_MARKS: [(f64, &str, &str); 5] = [
    (0.999_01, "1", "10 5"),
    (0.999_02, "1", "2 4"),
    (0.999_03, "1", "20 6"),
    (0.800_01, "0.8", "6 4"),
    (0.700_01, "0.7", "5 4"),
];

impl Dash {
    fn mark(self) -> (f64, &'static str, &'static str) {
        match self {
            Dash::Series(i) => DASH_MARKS[(i % PATTERNS.len()).clamp(1, 3) - 1],
            Dash::Threshold => DASH_MARKS[3],
            Dash::Projection => DASH_MARKS[4],
        }
    }
}

/// The style of a line in `color`, `width` px wide, dashed as `dash`.
pub fn dashed_style(color: RGBColor, dash: Dash, width: u32) -> ShapeStyle {
    ShapeStyle::from(color.mix(dash.mark().0)).stroke_width(width)
}

/// Gives the lines drawn with [`dashed_style`] their dashes and opacity; every chart's SVG
/// passes through it.
pub fn apply_dashes(svg: &str) -> String {
    let mut out = svg.to_string();
    for (marker, opacity, dashes) in DASH_MARKS {
        let drawn = format!("opacity=\"{marker}\"");
        if out.contains(&drawn) {
            out = out.replace(
                &drawn,
                &format!("opacity=\"{opacity}\" stroke-dasharray=\"{dashes}\""),
            );
        }
    }
    out
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
    let color = PALETTE[index % PALETTE.len()];
    let style = match index % PATTERNS.len() {
        0 => ShapeStyle::from(color).stroke_width(2),
        pattern => dashed_style(color, Dash::Series(pattern), 2),
    };
    chart.draw_series(LineSeries::new(points, style))?;
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

    #[test]
    fn a_dashed_line_is_one_polyline_with_its_dash_array() {
        let style = dashed_style(PALETTE[1], Dash::Series(1), 2);
        let drawn = format!(
            "<polyline opacity=\"{}\" points=\"0,0 9,9\"/>",
            style.color.alpha()
        );
        assert_eq!(
            apply_dashes(&drawn),
            "<polyline opacity=\"1\" stroke-dasharray=\"10 5\" points=\"0,0 9,9\"/>"
        );
        let threshold = dashed_style(PALETTE[0], Dash::Threshold, 1);
        let drawn = format!("opacity=\"{}\"", threshold.color.alpha());
        assert_eq!(
            apply_dashes(&drawn),
            "opacity=\"0.8\" stroke-dasharray=\"6 4\""
        );
        // The swatches show the same patterns.
        for i in 1..4 {
            assert!(swatch_svg(i).contains(Dash::Series(i).mark().2));
        }
    }
}
