//! The trend chart of the transition: each stakeholder group's average level across
//! assessment rounds, its target (level and date) and the projection at the current pace.

use plotters::prelude::*;

use super::palette::{GRID, PALETTE};
use super::plot_svg::{plot_svg, DrawResult, PlotArea};
use crate::model::calendar::format_date;

/// One group's line on the trend chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendLine {
    /// Group name, for the legend.
    pub name: String,
    /// (day, average level) per round, oldest first.
    pub points: Vec<(i64, f64)>,
    /// Target (day, level), if set.
    pub target: Option<(i64, f64)>,
    /// Where the current pace reaches the target level (day, level), if it does.
    pub projection: Option<(i64, f64)>,
}

/// Whether there is anything to draw: a rated round or a target. Without either the chart
/// would be an empty frame with a meaningless time axis, so pages say what it needs instead.
pub fn has_data(lines: &[TrendLine]) -> bool {
    lines
        .iter()
        .any(|l| !l.points.is_empty() || l.target.is_some())
}

/// Marker shapes in legend order: circle, square, triangle, cross (then repeating).
pub const MARKERS: [&str; 4] = ["circle", "square", "triangle", "cross"];

/// The trend chart as an accessible SVG document, `width` × `height` pixels before scaling.
pub fn trend_chart_svg(
    lines: &[TrendLine],
    title: &str,
    description: &str,
    width: u32,
    height: u32,
) -> String {
    let days = lines.iter().flat_map(|l| {
        l.points
            .iter()
            .map(|p| p.0)
            .chain(l.target.map(|t| t.0))
            .chain(l.projection.map(|p| p.0))
    });
    let (min_day, max_day) = days.fold((i64::MAX, i64::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let (min_day, max_day) = if min_day > max_day {
        (0, 1)
    } else {
        (min_day - 15, max_day + 15)
    };
    plot_svg((width, height), "trend-chart", title, description, |root| {
        draw(root, lines, min_day..max_day)
    })
}

fn draw<'a>(
    root: &PlotArea<'a>,
    lines: &[TrendLine],
    x_range: std::ops::Range<i64>,
) -> DrawResult<'a> {
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d(x_range, -0.2f64..4.3f64)?;
    chart
        .configure_mesh()
        .x_labels(6)
        .y_labels(5)
        .x_label_formatter(&|d| format_date(*d)[..7].to_string())
        .y_label_formatter(&|l| format!("{l:.0}"))
        .y_desc("Average level")
        .label_style(("sans-serif", 14))
        .axis_desc_style(("sans-serif", 14))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.mix(0.5))
        .draw()?;
    for (i, line) in lines.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        let style = ShapeStyle::from(color).stroke_width(2);
        chart
            .draw_series(LineSeries::new(line.points.iter().copied(), style))?
            .label(line.name.clone())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], style));
        let marker = MARKERS[i % MARKERS.len()];
        for &(x, y) in &line.points {
            match marker {
                "circle" => {
                    chart.draw_series(std::iter::once(Circle::new((x, y), 4, color.filled())))?
                }
                "square" => chart.draw_series(std::iter::once(Rectangle::new(
                    [(x - 3, y - 0.06), (x + 3, y + 0.06)],
                    color.filled(),
                )))?,
                "triangle" => chart.draw_series(std::iter::once(TriangleMarker::new(
                    (x, y),
                    5,
                    color.filled(),
                )))?,
                _ => chart.draw_series(std::iter::once(Cross::new((x, y), 4, style)))?,
            };
        }
        if let (Some(&last), Some(projected)) = (line.points.last(), line.projection) {
            let dashed = ShapeStyle::from(color.mix(0.7)).stroke_width(1);
            chart.draw_series(DashedLineSeries::new(vec![last, projected], 5, 4, dashed))?;
        }
        if let Some(target) = line.target {
            chart.draw_series(std::iter::once(Cross::new(
                target,
                7,
                ShapeStyle::from(color).stroke_width(3),
            )))?;
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .label_font(("sans-serif", 14))
        .background_style(TRANSPARENT)
        .border_style(GRID)
        .draw()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trend_needs_a_rated_round_or_a_target() {
        let line = |points: Vec<(i64, f64)>, target| TrendLine {
            name: "Developers".into(),
            points,
            target,
            projection: None,
        };
        assert!(!has_data(&[]));
        assert!(!has_data(&[line(vec![], None), line(vec![], None)]));
        assert!(has_data(&[
            line(vec![], None),
            line(vec![(20_000, 1.5)], None)
        ]));
        assert!(has_data(&[line(vec![], Some((20_600, 3.0)))]));
    }

    #[test]
    fn draws_lines_targets_and_escapes_names() {
        let lines = vec![TrendLine {
            name: "Devs <script>".into(),
            points: vec![(20_528, 0.6), (20_619, 1.4), (20_710, 1.8)],
            target: Some((20_999, 3.0)),
            projection: Some((20_892, 3.0)),
        }];
        let svg = trend_chart_svg(&lines, "Trend", "Developers 0.6 to 1.8", 640, 320);
        assert!(svg.starts_with("<svg role=\"img\""));
        assert!(svg.contains("Devs &lt;script&gt;"), "names are escaped");
        assert!(!svg.contains("<script>"));
        assert!(
            svg.contains("<polyline") || svg.contains("<path"),
            "a line is drawn"
        );
        assert!(svg.contains("2026-"), "dates on the x axis");
    }

    #[test]
    fn an_empty_chart_is_still_a_labeled_picture() {
        let svg = trend_chart_svg(&[], "Trend", "No rounds yet", 640, 320);
        assert!(svg.contains("<desc id=\"trend-chart-desc\">No rounds yet</desc>"));
    }
}
