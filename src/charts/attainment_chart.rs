//! The attainment chart of a replayed history: the SLI over the trailing SLO window at
//! each point of the history, against the target as a dashed line.

use plotters::prelude::*;

use super::legend::draw_patterned_line;
use super::palette::THRESHOLD;
use super::plot_svg::{day_label, plot_svg, style_day_mesh, DrawResult, PlotArea};
use crate::model::extent::{max_of, min_of};

/// The chart as an accessible SVG document. `points` are (day of the history, SLI in
/// percent); `days` is the length of the history.
pub fn attainment_chart_svg(
    points: &[(f64, f64)],
    days: f64,
    target_percent: f64,
    title: &str,
    description: &str,
    size: (u32, u32),
) -> String {
    plot_svg(size, "attainment-chart", title, description, |root| {
        draw(root, points, days, target_percent)
    })
}

fn draw<'a>(root: &PlotArea<'a>, points: &[(f64, f64)], days: f64, target: f64) -> DrawResult<'a> {
    // The range shows the target and the lowest SLI with some room, never above 100 %.
    let lowest = min_of(points.iter().map(|p| p.1), target);
    let room = ((100.0 - lowest) * 0.15).max(0.001);
    let bottom = (lowest - room).max(0.0);
    let top = max_of(points.iter().map(|p| p.1), target).min(100.0) + room / 2.0;
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(72)
        .build_cartesian_2d(0.0..days.max(1.0 / 24.0), bottom..top.min(100.0 + room))?;
    style_day_mesh(&mut chart.configure_mesh())
        .x_desc("Day of the history")
        .y_desc("SLI over the SLO window")
        .x_label_formatter(&|d| day_label(*d, days))
        .y_label_formatter(&|v| format!("{v:.3} %"))
        .draw()?;
    let dashed = ShapeStyle::from(THRESHOLD.mix(0.8)).stroke_width(1);
    chart.draw_series(DashedLineSeries::new(
        vec![(0.0, target), (days, target)],
        6,
        4,
        dashed,
    ))?;
    chart.draw_series(std::iter::once(Text::new(
        format!("Target {target} %"),
        (days * 0.02, target + room * 0.08),
        ("sans-serif", 14).into_font().color(&BLACK),
    )))?;
    draw_patterned_line(&mut chart, 0, points.to_vec())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_the_sli_against_the_target() {
        let points: Vec<(f64, f64)> = (0..200)
            .map(|i| (i as f64 / 10.0, if i == 100 { 99.5 } else { 99.95 }))
            .collect();
        let svg = attainment_chart_svg(
            &points,
            20.0,
            99.9,
            "Attainment",
            "Dips to 99.5 % on day 10.",
            (720, 300),
        );
        assert!(svg.contains("Target 99.9 %"));
        assert!(svg.contains("Dips to 99.5 % on day 10."));
        assert!(
            svg.contains("<polyline") || svg.contains("<path"),
            "the line is drawn"
        );
        assert!(!svg.contains("could not be drawn"), "{svg}");
    }
}
