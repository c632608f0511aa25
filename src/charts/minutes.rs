//! Charts over the minutes of an SLO window (budget left, burn rate): minute `m` is drawn
//! at the end of the minute, `(m + 1) / 1440` days; a zoomed chart shows the minutes that
//! end inside its days.

use super::crosshair::{Crosshair, PlotFrame};
use crate::model::scenario::fields::format_window_minute;

/// Minutes in a day.
pub const DAY: f64 = 1440.0;

/// The day at which minute `m` is drawn.
pub fn minute_x(m: usize) -> f64 {
    (m + 1) as f64 / DAY
}

/// "Day 12, 14:51" for the minute drawn at `x` days.
pub fn minute_text(x: f64) -> String {
    format_window_minute(((x * DAY).round() as usize).saturating_sub(1))
}

/// The minutes of a series of `len` whose ends fall inside `window` (days; all when
/// `None`), as a range of indexes.
pub fn visible_minutes(len: usize, window: Option<(f64, f64)>) -> std::ops::Range<usize> {
    match window {
        None => 0..len,
        Some((from, to)) => {
            let first = ((from * DAY).ceil() as usize).saturating_sub(1).min(len);
            let last = ((to * DAY).floor() as usize).clamp(first, len);
            first..last
        }
    }
}

/// The crosshair of a chart over minutes: each series' values (times `scale`) at every
/// minute `window` shows, said with `y_text`.
pub fn minutes_crosshair(
    frame: PlotFrame,
    window: Option<(f64, f64)>,
    series: &[(String, &[f64])],
    scale: f64,
    y_text: fn(f64) -> String,
) -> Crosshair {
    let longest = series.iter().map(|s| s.1.len()).max().unwrap_or(0);
    let shown = visible_minutes(longest, window);
    Crosshair {
        frame,
        xs: shown.clone().map(minute_x).collect(),
        names: Vec::new(),
        series: series
            .iter()
            .map(|(name, values)| {
                let at = shown
                    .clone()
                    .map(|m| values.get(m).map_or(f64::NAN, |v| v * scale))
                    .collect();
                (name.clone(), at)
            })
            .collect(),
        x_text: minute_text,
        y_text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_of_days_keeps_the_minutes_ending_inside_it() {
        assert_eq!(visible_minutes(43_200, None), 0..43_200);
        assert_eq!(visible_minutes(43_200, Some((10.0, 11.0))), 14_399..15_840);
        assert_eq!(minute_x(14_399), 10.0);
        assert_eq!(visible_minutes(100, Some((10.0, 11.0))), 100..100);
        assert_eq!(minute_text(minute_x(0)), "Day 1, 00:00");
        assert_eq!(minute_text(minute_x(43_199)), "Day 30, 23:59");
    }
}
