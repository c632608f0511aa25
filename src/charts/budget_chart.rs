//! The budget-left chart of the scenario workspace: one line per scenario over the SLO
//! window, the error-budget policy's thresholds as lines and where each budget runs out.

use std::cell::Cell;

use plotters::prelude::*;

use super::crosshair::PlotFrame;
use super::day_axis::{day_axis_chart, YAxis};
use super::decimate::min_max_per_column;
use super::legend::{dashed_style, draw_patterned_line, Dash};
use super::minutes::{minute_x, minutes_crosshair, visible_minutes, DAY};
use super::palette::{PALETTE, THRESHOLD};
use super::plot_svg::{plot_svg, DrawResult, PlotArea};
use super::PointableChart;
use crate::model::scenario::extent::{max_of, min_of};
use crate::model::slo::budget::format_percent;

/// One scenario's line.
#[derive(Clone, Debug)]
pub struct BudgetLine<'a> {
    /// Scenario name, for the legend.
    pub name: &'a str,
    /// Share of the budget left after each minute (1 = untouched, below 0 = overspent).
    pub left: &'a [f64],
    /// Minute the budget runs out, if it does.
    pub exhausted_at: Option<usize>,
}

/// A policy threshold: budget consumed in percent, and what it is called.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyLine {
    /// Budget consumed, percent.
    pub consumed_percent: f64,
    /// Short label drawn at the line.
    pub label: String,
}

impl PolicyLine {
    /// The lines of an error-budget policy: one per threshold, labeled "50 % consumed".
    pub fn of_policy(policy: &crate::model::plan::ErrorBudgetPolicy) -> Vec<PolicyLine> {
        policy
            .thresholds
            .iter()
            .map(|t| PolicyLine {
                consumed_percent: t.consumed_percent,
                label: format!(
                    "{} % consumed",
                    crate::model::slo::figures::format_number(t.consumed_percent, 2)
                ),
            })
            .collect()
    }
}

/// Lowest y shown, percent of budget left: 0, or the lowest line rounded down to 20 %
/// steps, but no lower than −200 % (lines below are drawn along the bottom).
fn floor_percent(lines: &[BudgetLine]) -> f64 {
    let lowest = min_of(lines.iter().flat_map(|l| l.left.iter().copied()), 0.0) * 100.0;
    ((lowest / 20.0).floor() * 20.0).max(-200.0)
}

/// The chart as an accessible SVG document, `width` × `height` pixels before scaling; `id`
/// prefixes its title and description ids, unique in the page.
pub fn budget_chart_svg(
    id: &str,
    lines: &[BudgetLine],
    policies: &[PolicyLine],
    title: &str,
    description: &str,
    size: (u32, u32),
) -> String {
    let frame = Cell::new(PlotFrame::default());
    plot_svg(size, id, title, description, |root| {
        draw(root, lines, policies, size.0, None, &frame)
    })
}

/// The chart showing the days `window` (all of them when `None`), with the crosshair that
/// reads its exact minute values.
pub fn budget_chart(
    id: &str,
    lines: &[BudgetLine],
    policies: &[PolicyLine],
    text: (&str, &str),
    size: (u32, u32),
    window: Option<(f64, f64)>,
) -> PointableChart {
    let frame = Cell::new(PlotFrame::default());
    let svg = plot_svg(size, id, text.0, text.1, |root| {
        draw(root, lines, policies, size.0, window, &frame)
    });
    let series: Vec<(String, &[f64])> =
        lines.iter().map(|l| (l.name.to_string(), l.left)).collect();
    let crosshair = minutes_crosshair(frame.get(), window, &series, 100.0, |v| {
        format!("{} left", format_percent(v / 100.0, 1))
    });
    PointableChart { svg, crosshair }
}

fn longest(lines: &[BudgetLine]) -> usize {
    lines.iter().map(|l| l.left.len()).max().unwrap_or(0)
}

/// The whole span of the lines in days.
pub fn budget_days(lines: &[BudgetLine]) -> f64 {
    max_of(lines.iter().map(|l| l.left.len() as f64 / DAY), 1.0)
}

fn draw<'a>(
    root: &PlotArea<'a>,
    lines: &[BudgetLine],
    policies: &[PolicyLine],
    width: u32,
    window: Option<(f64, f64)>,
    frame: &Cell<PlotFrame>,
) -> DrawResult<'a> {
    let days = budget_days(lines);
    let (from, to) = window.unwrap_or((0.0, days));
    let shown = visible_minutes(longest(lines), window);
    let (first, last) = (shown.start, shown.end);
    let bottom = floor_percent(lines);
    let mut chart = day_axis_chart(
        root,
        (from, to),
        "Day of the window",
        bottom..100.0,
        YAxis {
            desc: "Budget left",
            range: (bottom, 100.0),
            log: false,
            label_width: 52,
            label: &|p| format!("{p:.0} %"),
        },
        frame,
    )?;
    let threshold = dashed_style(THRESHOLD, Dash::Threshold, 1);
    for policy in policies {
        let y = 100.0 - policy.consumed_percent;
        if !(bottom..=100.0).contains(&y) {
            continue;
        }
        chart.draw_series(LineSeries::new(vec![(from, y), (to, y)], threshold))?;
        chart.draw_series(std::iter::once(Text::new(
            policy.label.clone(),
            (from + (to - from) * 0.01, y),
            ("sans-serif", 14).into_font().color(&BLACK),
        )))?;
    }
    let columns = (width as usize).saturating_sub(80).max(100);
    for (i, line) in lines.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        let style = ShapeStyle::from(color).stroke_width(2);
        let shown = &line.left[first.min(line.left.len())..last.min(line.left.len())];
        let points: Vec<(f64, f64)> = min_max_per_column(shown, columns)
            .into_iter()
            .map(|(m, left)| (minute_x(first + m), (left * 100.0).max(bottom)))
            .collect();
        draw_patterned_line(&mut chart, i, points)?;
        if let Some(m) = line.exhausted_at.filter(|m| (first..last).contains(m)) {
            let at = (minute_x(m), 0.0);
            chart.draw_series(std::iter::once(Cross::new(at, 7, style.stroke_width(3))))?;
            chart.draw_series(std::iter::once(Text::new(
                "runs out",
                (at.0 + (to - from) * 0.012, 4.0),
                ("sans-serif", 12).into_font().color(&color),
            )))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_each_line_its_policy_lines_and_exhaustion() {
        let calm: Vec<f64> = (0..43_200).map(|m| 1.0 - m as f64 / 86_400.0).collect();
        let bad: Vec<f64> = (0..43_200).map(|m| 1.0 - m as f64 / 20_000.0).collect();
        let lines = [
            BudgetLine {
                name: "Calm <quarter>",
                left: &calm,
                exhausted_at: None,
            },
            BudgetLine {
                name: "Bad",
                left: &bad,
                exhausted_at: Some(19_999),
            },
        ];
        let policies = [PolicyLine {
            consumed_percent: 50.0,
            label: "50 % consumed".into(),
        }];
        let svg = budget_chart_svg(
            "budget-chart",
            &lines,
            &policies,
            "Budget",
            "Calm <quarter> keeps half",
            (720, 320),
        );
        assert!(svg.starts_with("<svg role=\"img\""));
        assert!(
            svg.contains("Calm &lt;quarter&gt; keeps half"),
            "text escaped"
        );
        assert!(svg.matches("<polyline").count() + svg.matches("<path").count() >= 2);
        assert!(svg.contains("50 % consumed"));
        assert!(svg.contains("runs out"));
        // The bad line goes to −116 %, so the axis goes below 0 and labels −100 %.
        assert!(svg.contains("-100 %"), "axis floor");
        assert!(svg.len() < 120_000, "decimated: {} bytes", svg.len());
    }

    #[test]
    fn the_crosshair_reads_exact_minutes_and_zoom_keeps_only_the_window() {
        let calm: Vec<f64> = (0..43_200).map(|m| 1.0 - m as f64 / 86_400.0).collect();
        let lines = [BudgetLine {
            name: "Calm",
            left: &calm,
            exhausted_at: None,
        }];
        let whole = budget_chart("b", &lines, &[], ("Budget", "x"), (720, 320), None);
        let c = &whole.crosshair;
        assert_eq!(c.len(), 43_200);
        // The last minute: 43,199 / 86,400 spent, 50.0012 % left, said to one decimal.
        assert_eq!(
            c.read(43_199).unwrap().text,
            "Day 30, 23:59: Calm 50 % left."
        );
        assert_eq!(c.read(0).unwrap().text, "Day 1, 00:00: Calm 100 % left.");
        // The plot area lies inside the 720 px picture, left of the value labels' room.
        assert!(
            c.frame.x_px.0 > 52.0 && c.frame.x_px.1 < 720.0,
            "{:?}",
            c.frame
        );
        assert!(c.frame.y_px.0 < c.frame.y_px.1);
        // Days 10 to 11: the minutes ending in that day, and only those are drawn.
        let zoomed = budget_chart(
            "b",
            &lines,
            &[],
            ("Budget", "x"),
            (720, 320),
            Some((10.0, 11.0)),
        );
        let z = &zoomed.crosshair;
        assert_eq!(z.len(), 1441);
        assert_eq!(z.xs[0], 10.0);
        assert_eq!(z.read(0).unwrap().text, "Day 10, 23:59: Calm 83.3 % left.");
        assert_eq!(z.frame.x_range, (10.0, 11.0));
        assert!(zoomed.svg.contains("\n10.2\n"), "day labels in tenths");
    }

    #[test]
    fn the_floor_stops_at_minus_200_percent() {
        let awful = vec![-9.0; 100];
        let lines = [BudgetLine {
            name: "x",
            left: &awful,
            exhausted_at: Some(0),
        }];
        assert_eq!(floor_percent(&lines), -200.0);
    }
}
