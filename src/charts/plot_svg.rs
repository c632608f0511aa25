//! The one way a plotters chart becomes an accessible SVG document: draw, present, and
//! when drawing fails, say so in the chart's text alternative instead of showing a blank
//! picture without a word.

use super::legend::apply_dashes;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::accessible::make_accessible;

/// The drawing area a chart draws on.
pub type PlotArea<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// What a chart's drawing returns: plotters' error, if any.
pub type DrawResult<'a> =
    Result<(), DrawingAreaErrorKind<<SVGBackend<'a> as DrawingBackend>::ErrorType>>;

/// Draws a chart `size` pixels large with `draw` and returns it as an accessible SVG
/// document (see [`make_accessible`]). A drawing error is appended to the description.
pub fn plot_svg(
    size: (u32, u32),
    id: &str,
    title: &str,
    description: &str,
    draw: impl for<'a> FnOnce(&PlotArea<'a>) -> DrawResult<'a>,
) -> String {
    let mut svg = String::new();
    let failure = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let drawn = draw(&root).and_then(|()| root.present());
        drawn.err().map(|e| e.to_string())
    };
    match failure {
        None => make_accessible(&apply_dashes(&svg), id, title, description),
        Some(error) => {
            let description = format!("{description} The chart could not be drawn: {error}.");
            make_accessible(&apply_dashes(&svg), id, title, &description)
        }
    }
}

/// The style every chart over days shares: ten day labels, six value labels, 14 px text,
/// and only the main grid lines, faint. Axis names and label formats stay with each chart.
pub fn style_day_mesh<'m, 'a, 'b, X, Y>(
    mesh: &'m mut plotters::chart::MeshStyle<'a, 'b, X, Y, SVGBackend<'a>>,
) -> &'m mut plotters::chart::MeshStyle<'a, 'b, X, Y, SVGBackend<'a>>
where
    X: plotters::coord::ranged1d::Ranged,
    Y: plotters::coord::ranged1d::Ranged,
{
    mesh.x_labels(10)
        .y_labels(6)
        .label_style(("sans-serif", 14))
        .axis_desc_style(("sans-serif", 14))
        .light_line_style(TRANSPARENT)
        .bold_line_style(super::palette::GRID.mix(0.5))
}

/// A day axis label: whole days, or tenths when the axis spans under ten days (so a short
/// window does not repeat "0 0 1 2 2").
pub fn day_label(day: f64, span_days: f64) -> String {
    if span_days < 10.0 {
        format!("{day:.1}")
    } else {
        format!("{day:.0}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawing_error_is_said_in_the_description() {
        let svg = plot_svg((200, 100), "c", "Title", "What it shows.", |root| {
            // An empty x range cannot be laid out as a chart.
            ChartBuilder::on(root)
                .x_label_area_size(300)
                .build_cartesian_2d(0.0..1.0, 0.0..1.0)?;
            Err(DrawingAreaErrorKind::LayoutError)
        });
        assert!(
            svg.contains("<desc id=\"c-desc\">What it shows. The chart could not be drawn: "),
            "{svg}"
        );
    }

    #[test]
    fn a_good_drawing_keeps_its_description() {
        let svg = plot_svg((200, 100), "c", "Title", "What it shows.", |root| {
            root.fill(&WHITE)?;
            Ok(())
        });
        assert!(
            svg.contains("<desc id=\"c-desc\">What it shows.</desc>"),
            "{svg}"
        );
    }
}
