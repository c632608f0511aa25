//! The incident and alert timeline: one lane per kind of event (incidents, failed
//! releases, maintenance, pages, tickets) across the SLO window, each event a bar with
//! its own tooltip. Written as SVG directly: it is bars on lanes, not a plot.

use std::fmt::Write;

use super::accessible::{escape, make_accessible};
use plotters::style::RGBColor;

use super::crosshair::PlotFrame;
use super::palette::{css, GRID, PALETTE, THRESHOLD};

/// Lanes in order, with the event kind each holds.
pub const LANES: [(&str, &str); 5] = [
    ("Incident", "Incidents"),
    ("Failed release", "Failed releases"),
    ("Maintenance", "Maintenance"),
    ("Page", "Pages"),
    ("Ticket", "Tickets"),
];

/// One bar: its kind (a lane of [`LANES`]), minutes from and to, and its tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineBar {
    /// Lane kind, e.g. "Incident".
    pub kind: &'static str,
    /// First minute.
    pub start: usize,
    /// Minute after the last.
    pub end: usize,
    /// Tooltip text.
    pub tooltip: String,
}

const LABEL_WIDTH: f64 = 130.0;
const LANE: f64 = 30.0;
const TOP: f64 = 8.0;
const AXIS: f64 = 34.0;

/// Where the lanes of a lane chart `width` pixels wide with `lanes` lanes lie: the plot
/// frame for a crosshair, x in minutes from 0 to `minutes`, y from 0 (bottom lane's
/// bottom) to `lanes` (top lane's top).
pub fn lanes_frame(width: u32, lanes: usize, minutes: usize) -> PlotFrame {
    PlotFrame {
        x_px: (LABEL_WIDTH, f64::from(width) - 16.0),
        y_px: (TOP, TOP + LANE * lanes as f64),
        x_range: (0.0, minutes.max(1) as f64),
        y_range: (0.0, lanes as f64),
        y_log: false,
    }
}

/// The height of a lane chart of `lanes` lanes, pixels.
pub fn lanes_height(lanes: usize) -> f64 {
    TOP + LANE * lanes as f64 + AXIS
}

/// A lane of a lane chart: its name and color.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// Name, written left of the lane.
    pub name: String,
    /// Bar color.
    pub color: RGBColor,
}

/// A bar on a lane chart.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBar {
    /// Index of its lane.
    pub lane: usize,
    /// First minute.
    pub start: usize,
    /// Minute after the last.
    pub end: usize,
    /// Drawn as an outline (tickets), not filled (pages, incidents).
    pub hollow: bool,
    /// Tooltip text.
    pub tooltip: String,
}

/// The timeline as an accessible SVG document `width` pixels wide before scaling.
pub fn timeline_svg(
    bars: &[TimelineBar],
    window_minutes: usize,
    title: &str,
    description: &str,
    width: u32,
) -> String {
    let lanes: Vec<Lane> = LANES
        .iter()
        .enumerate()
        .map(|(i, (kind, name))| Lane {
            name: (*name).to_string(),
            color: match *kind {
                "Page" | "Ticket" => THRESHOLD,
                _ => PALETTE[i % PALETTE.len()],
            },
        })
        .collect();
    let bars: Vec<LaneBar> = LANES
        .iter()
        .enumerate()
        .flat_map(|(i, (kind, _))| {
            bars.iter()
                .filter(move |b| b.kind == *kind)
                .map(move |b| LaneBar {
                    lane: i,
                    start: b.start,
                    end: b.end,
                    // Tickets are drawn hollow, pages solid: the two alert lanes differ by more
                    // than name.
                    hollow: *kind == "Ticket",
                    tooltip: b.tooltip.clone(),
                })
        })
        .collect();
    let axis = ("timeline-chart", "Day of the window");
    lanes_svg(
        &lanes,
        &bars,
        window_minutes,
        (title, description),
        axis,
        width,
    )
}

/// Bars on named lanes over `minutes` as an accessible SVG document `width` pixels wide;
/// `words` is the title and description, `axis` the SVG's id and the x axis' name.
pub fn lanes_svg(
    lanes: &[Lane],
    bars: &[LaneBar],
    minutes: usize,
    (title, description): (&str, &str),
    (id, axis_name): (&str, &str),
    width: u32,
) -> String {
    let width = width as f64;
    let plot = width - LABEL_WIDTH - 16.0;
    let height = lanes_height(lanes.len());
    let window = minutes.max(1) as f64;
    let x = |minute: usize| LABEL_WIDTH + plot * minute as f64 / window;
    let mut svg = format!(
        "<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"13\">"
    );
    let grid = css(GRID);
    for (i, lane) in lanes.iter().enumerate() {
        let y = TOP + LANE * i as f64;
        let color = css(lane.color);
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#000\">{}</text><line x1=\"{LABEL_WIDTH}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{grid}\" stroke-opacity=\"0.5\"/>",
            LABEL_WIDTH - 8.0,
            y + LANE / 2.0 + 4.0,
            escape(&lane.name),
            LABEL_WIDTH + plot,
            y + LANE / 2.0,
            y + LANE / 2.0
        );
        for bar in bars.iter().filter(|b| b.lane == i) {
            let fill = if bar.hollow { "none" } else { color.as_str() };
            let (x0, x1) = (x(bar.start), x(bar.end.max(bar.start)));
            let _ = write!(
                svg,
                "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\" stroke=\"{color}\" stroke-width=\"1.5\"><title>{}</title></rect>",
                y + 6.0,
                (x1 - x0).max(3.0),
                LANE - 12.0,
                escape(&bar.tooltip)
            );
        }
    }
    let axis_y = TOP + LANE * lanes.len() as f64;
    let days = window / 1440.0;
    let step = if days > 45.0 {
        10.0
    } else if days > 10.0 {
        5.0
    } else {
        1.0
    };
    let _ = write!(
        svg,
        "<line x1=\"{LABEL_WIDTH}\" x2=\"{}\" y1=\"{axis_y}\" y2=\"{axis_y}\" stroke=\"{grid}\"/>",
        LABEL_WIDTH + plot
    );
    let mut day = 0.0;
    while day <= days + 1e-9 {
        let tx = LABEL_WIDTH + plot * day / days;
        let _ = write!(
            svg,
            "<line x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{axis_y}\" y2=\"{}\" stroke=\"{grid}\"/><text x=\"{tx:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#000\">{day}</text>",
            axis_y + 5.0,
            axis_y + 19.0
        );
        day += step;
    }
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#000\">{axis_name}</text></svg>",
        LABEL_WIDTH + plot,
        height - 1.0
    );
    make_accessible(&svg, id, title, description)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_sit_on_their_lanes_with_tooltips() {
        let bars = [
            TimelineBar {
                kind: "Incident",
                start: 6312,
                end: 6350,
                tooltip: "Payment <provider> timeout".into(),
            },
            TimelineBar {
                kind: "Page",
                start: 6313,
                end: 6400,
                tooltip: "Page: 14.4×".into(),
            },
        ];
        let svg = timeline_svg(&bars, 43_200, "Timeline", "Two events", 720);
        assert!(svg.starts_with("<svg role=\"img\""));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("<title>Payment &lt;provider&gt; timeout</title>"));
        assert!(svg.contains(">Failed releases</text>"));
        assert!(svg.contains(">30</text>"), "the last day tick");
        assert!(
            svg.contains("fill=\"currentColor\""),
            "text follows the theme"
        );
    }
}
