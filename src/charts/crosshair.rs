//! What a chart shows under the pointer or the keyboard's crosshair: the nearest data point,
//! where it sits in the SVG's pixels, and its exact values in words. Charts hand over their
//! plot frame and series with the SVG; the page draws the crosshair over the picture from a
//! [`Reading`], so the picture itself never has to be redrawn to point at it.

/// Where a chart's plot area lies in its SVG (pixels of the viewBox), and the data ranges
/// it maps there.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct PlotFrame {
    /// Left and right edge of the plot area, pixels.
    pub x_px: (f64, f64),
    /// Top and bottom edge of the plot area, pixels.
    pub y_px: (f64, f64),
    /// Data value at the left and the right edge.
    pub x_range: (f64, f64),
    /// Data value at the bottom and the top edge.
    pub y_range: (f64, f64),
    /// Whether the value axis is logarithmic.
    pub y_log: bool,
}

impl PlotFrame {
    /// The frame of a plotters chart: pixel positions of its range corners.
    pub fn new(
        corner: impl Fn(f64, f64) -> (i32, i32),
        x_range: (f64, f64),
        y_range: (f64, f64),
        y_log: bool,
    ) -> Self {
        let (left, bottom) = corner(x_range.0, y_range.0);
        let (right, top) = corner(x_range.1, y_range.1);
        PlotFrame {
            x_px: (f64::from(left), f64::from(right)),
            y_px: (f64::from(top), f64::from(bottom)),
            x_range,
            y_range,
            y_log,
        }
    }

    /// The pixel column of a data x.
    pub fn x_to_px(&self, x: f64) -> f64 {
        let (a, b) = self.x_range;
        let share = if b > a { (x - a) / (b - a) } else { 0.0 };
        self.x_px.0 + share * (self.x_px.1 - self.x_px.0)
    }

    /// The data x at a pixel column.
    pub fn px_to_x(&self, px: f64) -> f64 {
        let (l, r) = self.x_px;
        let share = if r > l { (px - l) / (r - l) } else { 0.0 };
        self.x_range.0 + share * (self.x_range.1 - self.x_range.0)
    }

    /// The pixel row of a data y, kept inside the plot area (values off the scale sit on
    /// its edge, as the chart draws them).
    pub fn y_to_px(&self, y: f64) -> f64 {
        let (lo, hi) = self.y_range;
        let (lo, hi, y) = if self.y_log {
            (lo.log10(), hi.log10(), y.max(lo).log10())
        } else {
            (lo, hi, y)
        };
        let share = if hi > lo {
            ((y - lo) / (hi - lo)).clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.y_px.1 - share * (self.y_px.1 - self.y_px.0)
    }
}

/// The data a crosshair reads, with how its values are said.
#[derive(Clone, Debug)]
pub struct Crosshair {
    /// The chart's plot frame.
    pub frame: PlotFrame,
    /// The x of each point, ascending.
    pub xs: Vec<f64>,
    /// A name per point said before its x ("Q3 2026"), or empty when points have none.
    pub names: Vec<String>,
    /// Each series' name and its value at each point (NaN where it has none).
    pub series: Vec<(String, Vec<f64>)>,
    /// An x in words ("Day 12, 14:51").
    pub x_text: fn(f64) -> String,
    /// A value in words ("62.4 % left").
    pub y_text: fn(f64) -> String,
}

/// The crosshair at one point.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The point's index.
    pub index: usize,
    /// Its pixel column.
    pub x_px: f64,
    /// For each series with a value there: the series index and the value's pixel row.
    pub dots: Vec<(usize, f64)>,
    /// The x and every value in words, for the readout and screen readers.
    pub text: String,
}

impl Crosshair {
    /// How many points there are.
    pub fn len(&self) -> usize {
        self.xs.len()
    }

    /// Whether there is nothing to point at.
    pub fn is_empty(&self) -> bool {
        self.xs.is_empty()
    }

    /// The point nearest a pixel column, or `None` without points.
    pub fn index_at_px(&self, px: f64) -> Option<usize> {
        let x = self.frame.px_to_x(px);
        let after = self.xs.partition_point(|&v| v < x);
        match (after.checked_sub(1), self.xs.get(after)) {
            (None, None) => None,
            (None, Some(_)) => Some(after),
            (Some(before), None) => Some(before),
            (Some(before), Some(&next)) => Some(if x - self.xs[before] <= next - x {
                before
            } else {
                after
            }),
        }
    }

    /// The keyboard's step: one point for short series, a hundredth of the points for
    /// long ones (a 30-day minute series moves 7 h 12 min per arrow press).
    pub fn step(&self) -> usize {
        (self.len() / 100).max(1)
    }

    /// The crosshair at point `index`, or `None` past the end.
    pub fn read(&self, index: usize) -> Option<Reading> {
        let x = *self.xs.get(index)?;
        let mut dots = Vec::new();
        let mut parts = Vec::new();
        for (i, (name, values)) in self.series.iter().enumerate() {
            let Some(&v) = values.get(index).filter(|v| v.is_finite()) else {
                continue;
            };
            dots.push((i, self.frame.y_to_px(v)));
            parts.push(format!("{name} {}", (self.y_text)(v)));
        }
        let values = if parts.is_empty() {
            "no values".to_string()
        } else {
            parts.join("; ")
        };
        let at = match self.names.get(index) {
            Some(name) => format!("{name} ({})", (self.x_text)(x)),
            None => (self.x_text)(x),
        };
        Some(Reading {
            index,
            x_px: self.frame.x_to_px(x),
            dots,
            text: format!("{at}: {values}."),
        })
    }
}

/// A zoomed x range: the range between two pixel columns of a drag, in data units, or
/// `None` when the drag is too short to mean a range (under 8 pixels).
pub fn drag_range(frame: &PlotFrame, from_px: f64, to_px: f64) -> Option<(f64, f64)> {
    let (a, b) = (from_px.min(to_px), from_px.max(to_px));
    let clamp = |px: f64| px.clamp(frame.x_px.0, frame.x_px.1);
    let (a, b) = (clamp(a), clamp(b));
    (b - a >= 8.0).then(|| (frame.px_to_x(a), frame.px_to_x(b)))
}

/// The range after zooming in (`factor` < 1) or out (> 1) around `center`, kept inside
/// `full`; zooming out to the whole range gives `None` (not zoomed).
pub fn zoom_range(
    current: Option<(f64, f64)>,
    full: (f64, f64),
    center: f64,
    factor: f64,
) -> Option<(f64, f64)> {
    let (a, b) = current.unwrap_or(full);
    let width = ((b - a) * factor).min(full.1 - full.0);
    if width >= full.1 - full.0 - 1e-9 {
        return None;
    }
    let start = (center - width / 2.0).clamp(full.0, full.1 - width);
    Some((start, start + width))
}

/// What a key does to a chart's crosshair and zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KeyAction {
    /// Put the crosshair on this point (`None`: hide it).
    Point(Option<usize>),
    /// Zoom by this factor around the crosshair (0.5 in, 2 out).
    ZoomBy(f64),
    /// Show the whole range again.
    ResetZoom,
    /// The key is not the chart's.
    Ignore,
}

/// What `key` does on a chart of `len` points stepped by `step`, the crosshair at `at`:
/// arrows move by a step (from the far end when hidden), Page Up and Down by ten, Home
/// and End jump, Escape hides; `+`, `−` and `0` zoom when the chart is `zoomable`.
pub fn key_action(
    key: &str,
    at: Option<usize>,
    len: usize,
    step: usize,
    zoomable: bool,
) -> KeyAction {
    if len == 0 {
        return KeyAction::Ignore;
    }
    let moved = |by: isize| {
        let from = at.unwrap_or(if by < 0 { len } else { 0 }) as isize;
        let start = if at.is_none() {
            from - by.signum()
        } else {
            from
        };
        KeyAction::Point(Some((start + by).clamp(0, len as isize - 1) as usize))
    };
    let step = step as isize;
    match key {
        "ArrowRight" | "ArrowUp" => moved(step),
        "ArrowLeft" | "ArrowDown" => moved(-step),
        "PageUp" => moved(10 * step),
        "PageDown" => moved(-10 * step),
        "Home" => KeyAction::Point(Some(0)),
        "End" => KeyAction::Point(Some(len - 1)),
        "Escape" => KeyAction::Point(None),
        "+" | "=" if zoomable => KeyAction::ZoomBy(0.5),
        "-" if zoomable => KeyAction::ZoomBy(2.0),
        "0" if zoomable => KeyAction::ResetZoom,
        _ => KeyAction::Ignore,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> PlotFrame {
        // 0..30 days over pixels 60..700, 0..100 % over pixels 300 (bottom) to 20 (top).
        PlotFrame {
            x_px: (60.0, 700.0),
            y_px: (20.0, 300.0),
            x_range: (0.0, 30.0),
            y_range: (0.0, 100.0),
            y_log: false,
        }
    }

    fn days(x: f64) -> String {
        format!("Day {x:.1}")
    }

    fn percent(y: f64) -> String {
        format!("{y:.1} % left")
    }

    fn crosshair() -> Crosshair {
        Crosshair {
            frame: frame(),
            xs: vec![0.0, 10.0, 20.0, 30.0],
            names: Vec::new(),
            series: vec![
                ("Calm".into(), vec![100.0, 90.0, 80.0, 70.0]),
                ("Bad".into(), vec![100.0, f64::NAN, 20.0, -10.0]),
            ],
            x_text: days,
            y_text: percent,
        }
    }

    #[test]
    fn pixels_and_data_map_both_ways() {
        let f = frame();
        assert_eq!(f.x_to_px(15.0), 380.0);
        assert_eq!(f.px_to_x(380.0), 15.0);
        assert_eq!(f.y_to_px(50.0), 160.0);
        // Off the scale: on the edge.
        assert_eq!(f.y_to_px(-40.0), 300.0);
        let log = PlotFrame {
            y_range: (0.1, 100.0),
            y_log: true,
            ..f
        };
        // 10× sits two decades of three above 0.1×: two thirds up from the bottom.
        assert!((log.y_to_px(10.0) - (300.0 - 280.0 * 2.0 / 3.0)).abs() < 1e-9);
    }

    #[test]
    fn the_nearest_point_is_read_with_every_value_in_words() {
        let c = crosshair();
        assert_eq!(c.index_at_px(0.0), Some(0));
        assert_eq!(c.index_at_px(c.frame.x_to_px(14.9)), Some(1));
        assert_eq!(c.index_at_px(c.frame.x_to_px(15.1)), Some(2));
        assert_eq!(c.index_at_px(900.0), Some(3));
        let r = c.read(1).unwrap();
        assert_eq!(r.text, "Day 10.0: Calm 90.0 % left.");
        assert_eq!(r.dots, vec![(0, 48.0)]);
        assert_eq!(r.x_px, c.frame.x_to_px(10.0));
        assert_eq!(
            c.read(3).unwrap().text,
            "Day 30.0: Calm 70.0 % left; Bad -10.0 % left."
        );
        assert_eq!(c.read(4), None);
        let named = Crosshair {
            names: vec!["A".into(), "B".into(), "C".into(), "D".into()],
            ..c
        };
        assert_eq!(
            named.read(1).unwrap().text,
            "B (Day 10.0): Calm 90.0 % left."
        );
    }

    #[test]
    fn keyboard_steps_are_a_hundredth_of_long_series() {
        let mut c = crosshair();
        assert_eq!(c.step(), 1);
        c.xs = (0..43_200).map(f64::from).collect();
        assert_eq!(c.step(), 432);
    }

    #[test]
    fn drags_and_zoom_buttons_give_ranges_inside_the_whole() {
        let f = frame();
        assert_eq!(drag_range(&f, 380.0, 60.0), Some((0.0, 15.0)));
        assert_eq!(drag_range(&f, 380.0, 384.0), None);
        // A drag past the plot area stops at its edge.
        assert_eq!(drag_range(&f, 380.0, 2000.0), Some((15.0, 30.0)));
        let full = (0.0, 30.0);
        assert_eq!(zoom_range(None, full, 15.0, 0.5), Some((7.5, 22.5)));
        // Near the edge the range shifts to stay inside.
        assert_eq!(zoom_range(None, full, 1.0, 0.5), Some((0.0, 15.0)));
        assert_eq!(zoom_range(Some((0.0, 15.0)), full, 7.5, 2.0), None);
        assert_eq!(
            zoom_range(Some((10.0, 12.0)), full, 11.0, 2.0),
            Some((9.0, 13.0))
        );
    }

    #[test]
    fn keys_move_the_crosshair_and_zoom_only_zoomable_charts() {
        use super::{key_action, KeyAction::*};
        // Hidden: the first arrow lands on the first (or last) point.
        assert_eq!(key_action("ArrowRight", None, 10, 1, false), Point(Some(0)));
        assert_eq!(key_action("ArrowLeft", None, 10, 1, false), Point(Some(9)));
        assert_eq!(
            key_action("ArrowRight", Some(3), 10, 2, false),
            Point(Some(5))
        );
        assert_eq!(key_action("PageUp", Some(3), 10, 1, false), Point(Some(9)));
        assert_eq!(
            key_action("PageDown", Some(3), 10, 1, false),
            Point(Some(0))
        );
        assert_eq!(key_action("End", Some(3), 10, 1, false), Point(Some(9)));
        assert_eq!(key_action("Escape", Some(3), 10, 1, false), Point(None));
        assert_eq!(key_action("+", Some(3), 10, 1, true), ZoomBy(0.5));
        assert_eq!(key_action("-", None, 10, 1, true), ZoomBy(2.0));
        assert_eq!(key_action("0", None, 10, 1, true), ResetZoom);
        assert_eq!(key_action("+", Some(3), 10, 1, false), Ignore);
        assert_eq!(key_action("0", None, 10, 1, false), Ignore);
        assert_eq!(key_action("ArrowRight", None, 0, 1, true), Ignore);
        assert_eq!(key_action("x", None, 10, 1, true), Ignore);
    }
}
