//! The Monte Carlo histogram: how many runs ended with how much budget left, with the
//! runs that exhausted the budget (0 % or less) set apart by color and hatching.

use plotters::prelude::*;

use super::palette::{GRID, PALETTE, THRESHOLD};
use super::plot_svg::{plot_svg, DrawResult, PlotArea};

/// One bar: lower and upper edge in percent of budget left, and its count.
pub type Bar = (f64, f64, u32);

/// The histogram as an accessible SVG document, `width` × `height` pixels before scaling.
pub fn histogram_svg(bars: &[Bar], title: &str, description: &str, size: (u32, u32)) -> String {
    plot_svg(size, "histogram-chart", title, description, |root| {
        draw(root, bars)
    })
}

fn draw<'a>(root: &PlotArea<'a>, bars: &[Bar]) -> DrawResult<'a> {
    let low = bars.first().map(|b| b.0).unwrap_or(0.0);
    let high = bars.last().map(|b| b.1).unwrap_or(100.0);
    let most = bars.iter().map(|b| b.2).max().unwrap_or(1).max(1) as f64;
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(low..high, 0.0..most * 1.1)?;
    chart
        .configure_mesh()
        .x_labels(8)
        .y_labels(5)
        .x_desc("Budget left at the end of the window")
        .y_desc("Runs")
        .x_label_formatter(&|p| format!("{p:.0} %"))
        .y_label_formatter(&|n| format!("{n:.0}"))
        .label_style(("sans-serif", 13))
        .axis_desc_style(("sans-serif", 14))
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.mix(0.5))
        .draw()?;
    for &(from, to, count) in bars {
        let exhausted = to <= 0.0;
        let color = if exhausted { THRESHOLD } else { PALETTE[0] };
        chart.draw_series(std::iter::once(Rectangle::new(
            [(from + 0.6, 0.0), (to - 0.6, count as f64)],
            color.mix(if exhausted { 0.35 } else { 0.8 }).filled(),
        )))?;
        if exhausted && count > 0 {
            // Hatching on exhausted bars: a second signal besides color.
            let step = (to - from) / 4.0;
            let lines = (1..4).map(|k| {
                let x = from + step * k as f64;
                PathElement::new(
                    vec![(x, 0.0), (x, count as f64)],
                    ShapeStyle::from(THRESHOLD).stroke_width(1),
                )
            });
            chart.draw_series(lines)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_bar_per_bin_and_marks_exhausted_runs() {
        let bars = [(-10.0, 0.0, 12), (0.0, 10.0, 30), (90.0, 100.0, 5000)];
        let svg = histogram_svg(&bars, "Runs", "Most runs kept 90 % or more", (640, 280));
        assert!(svg.starts_with("<svg role=\"img\""));
        assert!(svg.contains("<rect"), "bars are drawn");
        assert!(svg.contains("100 %"), "axis labels");
        assert!(svg.contains("Most runs kept 90 % or more"));
    }
}
