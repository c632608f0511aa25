//! The incident and alert timeline: one lane per kind of event (incidents, failed
//! releases, maintenance, pages, tickets) across the SLO window, each event a bar with
//! its own tooltip. Written as SVG directly: it is bars on lanes, not a plot.

use std::fmt::Write;

use super::accessible::{escape, make_accessible};
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

/// The timeline as an accessible SVG document `width` pixels wide before scaling.
pub fn timeline_svg(
    bars: &[TimelineBar],
    window_minutes: usize,
    title: &str,
    description: &str,
    width: u32,
) -> String {
    let width = width as f64;
    let plot = width - LABEL_WIDTH - 16.0;
    let height = TOP + LANE * LANES.len() as f64 + AXIS;
    let window = window_minutes.max(1) as f64;
    let x = |minute: usize| LABEL_WIDTH + plot * minute as f64 / window;
    let mut svg = format!(
        "<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"13\">"
    );
    let grid = css(GRID);
    for (i, (kind, name)) in LANES.iter().enumerate() {
        let y = TOP + LANE * i as f64;
        let color = match *kind {
            "Page" | "Ticket" => css(THRESHOLD),
            _ => css(PALETTE[i % PALETTE.len()]),
        };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#000\">{name}</text><line x1=\"{LABEL_WIDTH}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{grid}\" stroke-opacity=\"0.5\"/>",
            LABEL_WIDTH - 8.0,
            y + LANE / 2.0 + 4.0,
            LABEL_WIDTH + plot,
            y + LANE / 2.0,
            y + LANE / 2.0
        );
        // Tickets are drawn hollow, pages solid: the two alert lanes differ by more than name.
        let fill = if *kind == "Ticket" {
            "none"
        } else {
            color.as_str()
        };
        for bar in bars.iter().filter(|b| b.kind == *kind) {
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
    let axis_y = TOP + LANE * LANES.len() as f64;
    let days = window / 1440.0;
    let step = if days > 45.0 { 10.0 } else { 5.0 };
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
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#000\">Day of the window</text></svg>",
        LABEL_WIDTH + plot,
        height - 1.0
    );
    make_accessible(&svg, "timeline-chart", title, description)
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
