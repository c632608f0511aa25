//! Reading what a user types into the scenario form: each field's text becomes a value or a
//! message that says what is wrong, shown next to the field.

use crate::model::slo::fields::number;
use crate::model::slo::validation::MAX_WINDOW_DAYS;

/// Minutes in a day.
const DAY: u32 = 1440;

fn whole(text: &str, example: &str, low: f64, high: f64, what: &str) -> Result<f64, String> {
    let value = number(text, example)?;
    if value.fract() != 0.0 || !(low..=high).contains(&value) {
        return Err(format!("{what} is a whole number from {low} to {high}."));
    }
    Ok(value)
}

/// A day of the window, 1 to 90 (the SLO's window may be shorter; the plan check says so).
pub fn parse_day(text: &str) -> Result<f64, String> {
    whole(text, "3", 1.0, MAX_WINDOW_DAYS as f64, "The day")
}

/// A duration in whole minutes, 1 to 90 days' worth.
pub fn parse_duration_minutes(text: &str) -> Result<f64, String> {
    whole(
        text,
        "30",
        1.0,
        (MAX_WINDOW_DAYS * DAY) as f64,
        "The duration in minutes",
    )
}

/// Minutes to restore a failed change, 0 to 90 days' worth (the plan check then holds it to
/// the SLO's window).
pub fn parse_restore_minutes(text: &str) -> Result<f64, String> {
    let value = number(text, "30")?;
    let most = f64::from(MAX_WINDOW_DAYS * DAY);
    if !(0.0..=most).contains(&value) {
        return Err(format!(
            "The time to restore goes from 0 to {most} minutes."
        ));
    }
    Ok(value)
}

/// Releases per week, 0 to 10,000.
pub fn parse_releases_per_week(text: &str) -> Result<f64, String> {
    let value = number(text, "10")?;
    if !(0.0..=10_000.0).contains(&value) {
        return Err("Releases per week go from 0 to 10000.".to_string());
    }
    Ok(value)
}

/// Incidents expected per window, 0 to 1,000.
pub fn parse_incident_rate(text: &str) -> Result<f64, String> {
    let value = number(text, "3")?;
    if !(0.0..=1000.0).contains(&value) {
        return Err("Incidents per window go from 0 to 1000.".to_string());
    }
    Ok(value)
}

/// The number of Monte Carlo runs, 1 to 100,000.
pub fn parse_runs(text: &str) -> Result<f64, String> {
    whole(text, "10000", 1.0, 100_000.0, "The number of runs")
}

/// A seed: a whole number from 0 to 2⁵³ (what a browser number holds exactly).
pub fn parse_seed(text: &str) -> Result<f64, String> {
    whole(text, "42", 0.0, 9_007_199_254_740_992.0, "The seed")
}

/// A time of day "HH:MM" (what a time input gives), as minutes after midnight.
pub fn parse_time_of_day(text: &str) -> Result<u32, String> {
    let parsed = text.trim().split_once(':').and_then(|(h, m)| {
        let (h, m) = (h.parse::<u32>().ok()?, m.get(..2)?.parse::<u32>().ok()?);
        (h < 24 && m < 60).then_some(h * 60 + m)
    });
    parsed.ok_or_else(|| format!("“{}” is not a time of day like 14:30.", text.trim()))
}

/// A minute of the window as its day (from 1) and time of day in minutes.
pub fn day_and_time(minute: u32) -> (u32, u32) {
    (minute / DAY + 1, minute % DAY)
}

/// The minute of the window that starts `day` (from 1) at `time` minutes after midnight.
pub fn window_minute(day: u32, time: u32) -> u32 {
    (day.max(1) - 1) * DAY + time
}

/// A ratio (0 to 1) as the percentage a field shows, without binary noise: 0.05 → 5.
pub fn ratio_to_percent(ratio: f64) -> f64 {
    (ratio * 1e11).round() / 1e9
}

/// A time of day as "HH:MM".
pub fn format_time_of_day(time: u32) -> String {
    format!("{:02}:{:02}", time / 60, time % 60)
}

/// A minute of the window as people say it: "Day 5, 09:12".
pub fn format_window_minute(minute: usize) -> String {
    let (day, time) = day_and_time(minute as u32);
    format!("Day {day}, {}", format_time_of_day(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_times_and_minutes() {
        assert_eq!(parse_day("5"), Ok(5.0));
        assert_eq!(
            parse_day("0"),
            Err("The day is a whole number from 1 to 90.".into())
        );
        assert!(parse_day("2.5").is_err() && parse_day("91").is_err());
        assert_eq!(parse_time_of_day("09:12"), Ok(552));
        assert_eq!(parse_time_of_day("23:59:00"), Ok(1439));
        assert_eq!(
            parse_time_of_day("24:00"),
            Err("“24:00” is not a time of day like 14:30.".into())
        );
        assert_eq!(window_minute(5, 552), 4 * 1440 + 552);
        assert_eq!(day_and_time(4 * 1440 + 552), (5, 552));
        assert_eq!(format_window_minute(6312), "Day 5, 09:12");
        assert_eq!(format_window_minute(0), "Day 1, 00:00");
    }

    #[test]
    fn counts_and_rates() {
        assert_eq!(parse_duration_minutes("38"), Ok(38.0));
        assert!(parse_duration_minutes("0").is_err());
        assert_eq!(parse_restore_minutes("12.5"), Ok(12.5));
        assert_eq!(
            parse_restore_minutes("4294967296"),
            Err("The time to restore goes from 0 to 129600 minutes.".to_string())
        );
        assert_eq!(parse_releases_per_week("20"), Ok(20.0));
        assert!(parse_releases_per_week("-1").is_err());
        assert_eq!(parse_runs("10000"), Ok(10000.0));
        assert!(parse_runs("100001").is_err() && parse_runs("0").is_err());
        assert_eq!(parse_seed("42"), Ok(42.0));
        assert!(parse_seed("-1").is_err());
        assert_eq!(ratio_to_percent(0.05), 5.0);
        assert_eq!(ratio_to_percent(0.0002), 0.02);
        assert!(parse_incident_rate("3").is_ok() && parse_incident_rate("1001").is_err());
    }
}
