//! The burn-rate chart of a scenario: the burn rate over each alert rule's long window,
//! on a logarithmic scale, with each rule's threshold as a line.

use std::cell::Cell;

use plotters::prelude::*;

use super::crosshair::PlotFrame;
use super::day_axis::{day_axis_chart, YAxis};
use super::decimate::min_max_per_column;
use super::legend::{dashed_style, draw_patterned_line, Dash};
use super::minutes::{minute_x, minutes_crosshair, visible_minutes, DAY};
use super::palette::THRESHOLD;
use super::plot_svg::{plot_svg, DrawResult, PlotArea};
use super::PointableChart;
use crate::model::scenario::extent::max_of;
pub use crate::model::scenario::figures::{BurnLine, ThresholdLine};
use crate::model::slo::figures::format_number;

/// Lowest burn rate drawn; lower rates (a calm service) sit on the axis.
const FLOOR: f64 = 0.1;

/// The chart as an accessible SVG document, `width` × `height` pixels before scaling.
pub fn burn_chart_svg(
    lines: &[BurnLine],
    thresholds: &[ThresholdLine],
    title: &str,
    description: &str,
    size: (u32, u32),
) -> String {
    burn_chart(lines, thresholds, (title, description), size, None).svg
}

/// The chart showing the days `window` (all of them when `None`), with the crosshair that
/// reads each window's exact burn rate at a minute.
pub fn burn_chart(
    lines: &[BurnLine],
    thresholds: &[ThresholdLine],
    text: (&str, &str),
    size: (u32, u32),
    window: Option<(f64, f64)>,
) -> PointableChart {
    let frame = Cell::new(PlotFrame::default());
    let svg = plot_svg(size, "burn-chart", text.0, text.1, |root| {
        draw(root, lines, thresholds, size.0, window, &frame)
    });
    let series: Vec<(String, &[f64])> = lines
        .iter()
        .map(|l| (l.name.to_lowercase(), l.rates.as_slice()))
        .collect();
    let crosshair = minutes_crosshair(frame.get(), window, &series, 1.0, |v| {
        format!("{}×", format_number(v, 2))
    });
    PointableChart { svg, crosshair }
}

fn longest(lines: &[BurnLine]) -> usize {
    lines.iter().map(|l| l.rates.len()).max().unwrap_or(0)
}

/// The whole span of the lines in days.
pub fn burn_days(lines: &[BurnLine]) -> f64 {
    max_of(lines.iter().map(|l| l.rates.len() as f64 / DAY), 1.0)
}

fn draw<'a>(
    root: &PlotArea<'a>,
    lines: &[BurnLine],
    thresholds: &[ThresholdLine],
    width: u32,
    window: Option<(f64, f64)>,
    frame: &Cell<PlotFrame>,
) -> DrawResult<'a> {
    let days = burn_days(lines);
    let (from, to) = window.unwrap_or((0.0, days));
    let shown = visible_minutes(longest(lines), window);
    let highest = max_of(
        lines
            .iter()
            .flat_map(|l| l.rates.iter().copied())
            .chain(thresholds.iter().map(|t| t.rate)),
        1.0,
    );
    let top = 10f64.powf((highest * 1.5).log10().ceil());
    let mut chart = day_axis_chart(
        root,
        (from, to),
        "Day of the window",
        (FLOOR..top).log_scale(),
        YAxis {
            desc: "Burn rate",
            range: (FLOOR, top),
            log: true,
            label_width: 56,
            label: &|r| format!("{r}×"),
        },
        frame,
    )?;
    let dashed = dashed_style(THRESHOLD, Dash::Threshold, 1);
    for t in thresholds {
        chart.draw_series(LineSeries::new(vec![(from, t.rate), (to, t.rate)], dashed))?;
        chart.draw_series(std::iter::once(Text::new(
            t.label.clone(),
            (from + (to - from) * 0.75, t.rate * 1.08),
            ("sans-serif", 14).into_font().color(&BLACK),
        )))?;
    }
    let columns = (width as usize).saturating_sub(80).max(100);
    for (i, line) in lines.iter().enumerate() {
        let visible =
            &line.rates[shown.start.min(line.rates.len())..shown.end.min(line.rates.len())];
        let points: Vec<(f64, f64)> = min_max_per_column(visible, columns)
            .into_iter()
            .map(|(m, r)| (minute_x(shown.start + m), r.max(FLOOR)))
            .collect();
        draw_patterned_line(&mut chart, i, points)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_rates_on_a_log_scale_with_thresholds() {
        let mut rates = vec![0.2; 43_200];
        for r in rates.iter_mut().skip(10_000).take(60) {
            *r = 1000.0;
        }
        let lines = [BurnLine {
            name: "Over 1 h".into(),
            rates,
        }];
        let thresholds = [ThresholdLine {
            rate: 14.4,
            label: "Page at 14.4×".into(),
        }];
        let svg = burn_chart_svg(&lines, &thresholds, "Burn", "One spike", (720, 320));
        assert!(svg.contains("Page at 14.4×"));
        assert!(
            svg.contains("<polyline") || svg.contains("<path"),
            "the line is drawn"
        );
        assert!(svg.contains("1000×"), "the axis reaches the spike");
        assert!(svg.len() < 80_000, "decimated: {} bytes", svg.len());
        // Pointing at the spike reads its exact rate; the log axis puts 1000× near the top.
        let chart = burn_chart(&lines, &thresholds, ("Burn", "x"), (720, 320), None);
        let r = chart.crosshair.read(10_000).unwrap();
        assert_eq!(r.text, "Day 7, 22:40: over 1 h 1000×.");
        assert!(r.dots[0].1 < chart.crosshair.frame.y_px.0 + 60.0, "{r:?}");
        let zoomed = burn_chart(
            &lines,
            &thresholds,
            ("Burn", "x"),
            (720, 320),
            Some((6.0, 8.0)),
        );
        assert_eq!(zoomed.crosshair.len(), 2881);
    }
}
