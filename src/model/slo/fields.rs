//! Reading what a user types into the SLO form: each field's text becomes a value or a
//! message that says what is wrong, shown next to the field.

use crate::model::slo::validation::{target_percent_problem, MAX_WINDOW_DAYS};

/// Any finite number; `example` shows in the message when the text is not one.
pub fn number(text: &str, example: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(format!("Enter a number, for example {example}."));
    }
    match trimmed.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        _ => Err(format!(
            "“{trimmed}” is not a number; enter one like {example}."
        )),
    }
}

/// An SLO target in percent: more than 0, less than 100, at most five decimals.
pub fn parse_target(text: &str) -> Result<f64, String> {
    let value = number(text, "99.9")?;
    match target_percent_problem(value) {
        Some(problem) => Err(format!("Target {problem}.")),
        None => Ok(value),
    }
}

/// A rolling window in whole days, 1 to 90.
pub fn parse_window_days(text: &str) -> Result<f64, String> {
    let value = number(text, "30")?;
    if value.fract() != 0.0 || !(1.0..=MAX_WINDOW_DAYS as f64).contains(&value) {
        return Err(format!(
            "The window must be a whole number of days from 1 to {MAX_WINDOW_DAYS}."
        ));
    }
    Ok(value)
}

/// A number greater than zero (volumes, thresholds, slice lengths).
pub fn parse_positive(text: &str) -> Result<f64, String> {
    let value = number(text, "100")?;
    if value <= 0.0 {
        return Err("Enter a number greater than 0.".to_string());
    }
    Ok(value)
}

/// A slice length in minutes, 1 to 1440.
pub fn parse_slice_minutes(text: &str) -> Result<f64, String> {
    let value = number(text, "5")?;
    if !(1.0..=1440.0).contains(&value) {
        return Err("A slice is from 1 to 1440 minutes long.".to_string());
    }
    Ok(value)
}

/// A percentage above 0 and up to 100.
pub fn parse_share_percent(text: &str) -> Result<f64, String> {
    let value = number(text, "95")?;
    if value <= 0.0 || value > 100.0 {
        return Err("Enter a percentage above 0 and up to 100.".to_string());
    }
    Ok(value)
}

/// A percentage from 0 to 100 (an error ratio).
pub fn parse_ratio_percent(text: &str) -> Result<f64, String> {
    let value = number(text, "2")?;
    if !(0.0..=100.0).contains(&value) {
        return Err("Enter a percentage from 0 to 100.".to_string());
    }
    Ok(value)
}

/// A count or duration of 0 or more.
pub fn parse_non_negative(text: &str) -> Result<f64, String> {
    let value = number(text, "10")?;
    if value < 0.0 {
        return Err("Enter 0 or more.".to_string());
    }
    Ok(value)
}

/// A number written back into a field: "99.9", "120000".
pub fn format_field(value: f64) -> String {
    format!("{value}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(parse_target(" 99.95 "), Ok(99.95));
        assert_eq!(
            parse_target("100.5"),
            Err("Target 100.5 is not between 0 and 100 (both excluded).".into())
        );
        assert_eq!(
            parse_target("abc"),
            Err("“abc” is not a number; enter one like 99.9.".into())
        );
        assert_eq!(
            parse_target(""),
            Err("Enter a number, for example 99.9.".into())
        );
        assert_eq!(
            parse_target("99.999999"),
            Err("Target 99.999999 has more than five decimals.".into())
        );
    }

    #[test]
    fn windows_and_volumes() {
        assert_eq!(parse_window_days("28"), Ok(28.0));
        assert!(
            parse_window_days("0").is_err()
                && parse_window_days("91").is_err()
                && parse_window_days("7.5").is_err()
        );
        assert_eq!(
            parse_positive("-1"),
            Err("Enter a number greater than 0.".into())
        );
        assert_eq!(parse_slice_minutes("5"), Ok(5.0));
        assert!(parse_share_percent("0").is_err() && parse_share_percent("100").is_ok());
        assert!(parse_ratio_percent("101").is_err() && parse_ratio_percent("0").is_ok());
        assert_eq!(format_field(120000.0), "120000");
        assert_eq!(format_field(99.9), "99.9");
    }
}
