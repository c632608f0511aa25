//! The trend chart of the transition: each stakeholder group's average level across
//! assessment rounds, its target (level and date) and the projection at the current pace.

use std::cell::Cell;

use plotters::prelude::*;

use super::crosshair::{Crosshair, PlotFrame};
use super::legend::{dashed_style, Dash};
use super::palette::{GRID, PALETTE};
use super::plot_svg::{plot_svg, DrawResult, PlotArea};
use super::PointableChart;
use crate::model::plan::calendar::format_date;
pub use crate::model::transition::trend::TrendLine;

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
    trend_chart(lines, (title, description), (width, height)).svg
}

/// The trend chart with the crosshair that reads each group's average in each round.
pub fn trend_chart(lines: &[TrendLine], text: (&str, &str), size: (u32, u32)) -> PointableChart {
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
    let frame = Cell::new(PlotFrame::default());
    let svg = plot_svg(size, "trend-chart", text.0, text.1, |root| {
        draw(root, lines, min_day..max_day, &frame)
    });
    // The rounds: every day some group has an average, with the label it has there.
    let mut rounds: Vec<(i64, &str)> = lines
        .iter()
        .flat_map(|l| {
            l.points
                .iter()
                .enumerate()
                .map(|(i, p)| (p.0, l.labels.get(i).map_or("", String::as_str)))
        })
        .collect();
    rounds.sort_unstable();
    rounds.dedup_by_key(|r| r.0);
    let round_days: Vec<i64> = rounds.iter().map(|r| r.0).collect();
    let crosshair = Crosshair {
        frame: frame.get(),
        xs: round_days.iter().map(|&d| d as f64).collect(),
        names: rounds.iter().map(|r| r.1.to_string()).collect(),
        series: lines
            .iter()
            .map(|l| {
                let values = round_days
                    .iter()
                    .map(|d| {
                        l.points
                            .iter()
                            .find(|p| p.0 == *d)
                            .map_or(f64::NAN, |p| p.1)
                    })
                    .collect();
                (l.name.clone(), values)
            })
            .collect(),
        x_text: |x| format_date(x.round() as i64),
        y_text: |v| format!("level {v:.1}"),
    };
    PointableChart { svg, crosshair }
}

fn draw<'a>(
    root: &PlotArea<'a>,
    lines: &[TrendLine],
    x_range: std::ops::Range<i64>,
    frame: &Cell<PlotFrame>,
) -> DrawResult<'a> {
    let x_span = (x_range.start as f64, x_range.end as f64);
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d(x_range, -0.2f64..4.3f64)?;
    frame.set(PlotFrame::new(
        |x, y| chart.backend_coord(&(x.round() as i64, y)),
        x_span,
        (-0.2, 4.3),
        false,
    ));
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
            let dashed = dashed_style(color, Dash::Projection, 1);
            chart.draw_series(LineSeries::new(vec![last, projected], dashed))?;
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
            labels: Vec::new(),
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
            labels: Vec::new(),
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
    fn the_crosshair_reads_each_group_in_each_round() {
        let lines = vec![
            TrendLine {
                name: "Developers".into(),
                points: vec![(20_528, 0.6), (20_619, 1.4)],
                labels: vec!["Q1".into(), "Q2".into()],
                target: None,
                projection: None,
            },
            TrendLine {
                name: "Executives".into(),
                points: vec![(20_619, 2.3)],
                labels: vec!["Q2".into()],
                target: None,
                projection: None,
            },
        ];
        let c = trend_chart(&lines, ("Trend", "x"), (640, 320)).crosshair;
        assert_eq!(c.len(), 2);
        // 20,528 days after 1970-01-01 is 2026-03-16.
        assert_eq!(
            c.read(0).unwrap().text,
            "Q1 (2026-03-16): Developers level 0.6."
        );
        assert_eq!(
            c.read(1).unwrap().text,
            "Q2 (2026-06-15): Developers level 1.4; Executives level 2.3."
        );
        // Pointing anywhere nearer the second round reads it.
        assert_eq!(c.index_at_px(c.frame.x_to_px(20_600.0)), Some(1));
    }

    #[test]
    fn an_empty_chart_is_still_a_labeled_picture() {
        let svg = trend_chart_svg(&[], "Trend", "No rounds yet", 640, 320);
        assert!(svg.contains("<desc id=\"trend-chart-desc\">No rounds yet</desc>"));
    }
}
