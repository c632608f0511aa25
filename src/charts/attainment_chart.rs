//! The attainment chart of a replayed history: the SLI over the trailing SLO window at
//! each point of the history, against the target as a dashed line, with the stretches
//! without data shaded and labelled "no data".

use std::cell::Cell;

use plotters::prelude::*;

use super::crosshair::{Crosshair, PlotFrame};
use super::day_axis::{day_axis_chart, YAxis};
use super::legend::{dashed_style, draw_patterned_line, Dash};
use super::minutes::minute_text;
use super::palette::{GRID, THRESHOLD};
use super::plot_svg::{plot_svg, DrawResult, PlotArea};
use super::PointableChart;
use crate::model::scenario::extent::{max_of, min_of};

/// What the attainment chart draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attainment {
    /// (day of the history, SLI in percent), ascending by day.
    pub points: Vec<(f64, f64)>,
    /// What each point is called when pointed at ("2026-09-01 14:03 UTC").
    pub names: Vec<String>,
    /// Stretches without data as (first day, last day) of the history.
    pub gaps: Vec<(f64, f64)>,
    /// The length of the history, days.
    pub days: f64,
    /// The target, percent.
    pub target_percent: f64,
}

/// The series' name in the crosshair's words.
const SERIES: &str = "SLI over the SLO window";

/// The chart showing the days `window` of the history (all when `None`), with the
/// crosshair that reads each point's SLI. `text` is the title and description.
pub fn attainment_chart(
    data: &Attainment,
    text: (&str, &str),
    size: (u32, u32),
    window: Option<(f64, f64)>,
) -> PointableChart {
    let (from, to) = window.unwrap_or((0.0, data.days.max(1.0 / 24.0)));
    let shown: Vec<usize> = (0..data.points.len())
        .filter(|&i| (from..=to).contains(&data.points[i].0))
        .collect();
    let frame = Cell::new(PlotFrame::default());
    let svg = plot_svg(size, "attainment-chart", text.0, text.1, |root| {
        draw(root, data, &shown, (from, to), &frame)
    });
    let crosshair = Crosshair {
        frame: frame.get(),
        xs: shown.iter().map(|&i| data.points[i].0).collect(),
        names: shown
            .iter()
            .map(|&i| data.names.get(i).cloned().unwrap_or_default())
            .collect(),
        series: vec![(
            SERIES.to_string(),
            shown.iter().map(|&i| data.points[i].1).collect(),
        )],
        x_text: minute_text,
        y_text: |v| format!("{v:.3} %"),
    };
    PointableChart { svg, crosshair }
}

fn draw<'a>(
    root: &PlotArea<'a>,
    data: &Attainment,
    shown: &[usize],
    (from, to): (f64, f64),
    frame: &Cell<PlotFrame>,
) -> DrawResult<'a> {
    let target = data.target_percent;
    let values = || shown.iter().map(|&i| data.points[i].1);
    // The range shows the target and the lowest SLI with some room, never above 100 %.
    let lowest = min_of(values(), target);
    let room = ((100.0 - lowest) * 0.15).max(0.001);
    let bottom = (lowest - room).max(0.0);
    let top = (max_of(values(), target).min(100.0) + room / 2.0).min(100.0 + room);
    let mut chart = day_axis_chart(
        root,
        (from, to),
        "Day of the history",
        bottom..top,
        YAxis {
            desc: "SLI over the SLO window",
            range: (bottom, top),
            log: false,
            label_width: 72,
            label: &|v| format!("{v:.3} %"),
        },
        frame,
    )?;
    // Gaps first, so the line is drawn over them.
    let shade = GRID.mix(0.3).filled();
    for &(start, end) in &data.gaps {
        let (start, end) = (start.max(from), end.min(to));
        if start >= end {
            continue;
        }
        chart.draw_series(std::iter::once(Rectangle::new(
            [(start, bottom), (end, top)],
            shade,
        )))?;
        // Labelled at the foot of the band, below the lowest SLI, where the band is wide
        // enough to start the words (about 1/30 of the axis).
        if (end - start) / (to - from) > 0.03 {
            chart.draw_series(std::iter::once(Text::new(
                "no data",
                (start, bottom + (top - bottom) * 0.08),
                ("sans-serif", 13).into_font().color(&BLACK),
            )))?;
        }
    }
    let dashed = dashed_style(THRESHOLD, Dash::Threshold, 1);
    chart.draw_series(LineSeries::new(vec![(from, target), (to, target)], dashed))?;
    chart.draw_series(std::iter::once(Text::new(
        format!("Target {target} %"),
        (from + (to - from) * 0.02, target + room * 0.08),
        ("sans-serif", 14).into_font().color(&BLACK),
    )))?;
    draw_patterned_line(
        &mut chart,
        0,
        shown.iter().map(|&i| data.points[i]).collect(),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dip() -> Attainment {
        let points: Vec<(f64, f64)> = (1..=200)
            .map(|i| (i as f64 / 10.0, if i == 100 { 99.5 } else { 99.95 }))
            .collect();
        Attainment {
            names: points.iter().map(|p| format!("point at {}", p.0)).collect(),
            points,
            gaps: vec![(12.0, 15.0)],
            days: 20.0,
            target_percent: 99.9,
        }
    }

    #[test]
    fn draws_the_sli_against_the_target_with_its_gaps() {
        let chart = attainment_chart(
            &dip(),
            ("Attainment", "Dips to 99.5 % on day 10."),
            (720, 300),
            None,
        );
        let svg = &chart.svg;
        assert!(svg.contains("Target 99.9 %"));
        assert!(svg.contains("Dips to 99.5 % on day 10."));
        assert!(svg.contains("no data"), "the 3-day gap is labelled");
        assert!(
            svg.contains("<polyline") || svg.contains("<path"),
            "the line is drawn"
        );
        assert!(!svg.contains("could not be drawn"), "{svg}");
    }

    #[test]
    fn the_crosshair_reads_each_point_by_its_name() {
        let chart = attainment_chart(&dip(), ("A", "B"), (720, 300), None);
        let c = &chart.crosshair;
        assert_eq!(c.len(), 200);
        // Point 100 is day 10.0, the end of minute 14,399: "Day 10, 23:59".
        let reading = c.read(99).unwrap();
        assert_eq!(
            reading.text,
            "point at 10 (Day 10, 23:59): SLI over the SLO window 99.500 %."
        );
        // The nearest point to the pixel of day 10.04 is day 10.0.
        assert_eq!(c.index_at_px(c.frame.x_to_px(10.04)), Some(99));
    }

    #[test]
    fn a_zoomed_chart_reads_only_its_days_and_drops_gap_labels_outside() {
        let chart = attainment_chart(&dip(), ("A", "B"), (720, 300), Some((9.0, 11.0)));
        assert_eq!(chart.crosshair.len(), 21, "days 9.0 to 11.0 in tenths");
        assert_eq!(chart.crosshair.xs.first(), Some(&9.0));
        assert!(!chart.svg.contains("no data"), "the gap is after day 11");
    }
}
