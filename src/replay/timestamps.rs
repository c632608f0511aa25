//! Timestamps as production exports write them: ISO 8601 with an offset (`Z`, `+02:00`),
//! `YYYY-MM-DD HH:MM:SS` in a time zone the user names (as a fixed offset), or Unix seconds
//! or milliseconds. All become milliseconds since the Unix epoch (UTC).

use crate::model::calendar::days_from_civil;

/// How a column's timestamps are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampFormat {
    /// ISO 8601 / RFC 3339 with an offset or `Z`; local times without an offset take
    /// `local_offset_minutes`.
    Iso,
    /// Unix time: seconds, or milliseconds when the number is 100,000,000,000 or more
    /// (seconds that large are after the year 5138).
    Unix,
}

/// Reads one timestamp. `local_offset_minutes` is the user's zone (east of UTC positive)
/// for times written without an offset.
pub fn parse_timestamp(text: &str, local_offset_minutes: i32) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return parse_unix(text);
    }
    parse_iso(text, local_offset_minutes)
}

/// The format a sample of timestamps is written in, if they agree.
pub fn detect_format(samples: &[&str]) -> Option<TimestampFormat> {
    let unix = |s: &&str| s.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.');
    match samples.first() {
        Some(first) if unix(first) => Some(TimestampFormat::Unix),
        Some(_) => Some(TimestampFormat::Iso),
        None => None,
    }
}

fn parse_unix(text: &str) -> Option<i64> {
    let value: f64 = text.parse().ok()?;
    if !value.is_finite() || value < 0.0 {
        return None;
    }
    let millis = if value >= 1e11 { value } else { value * 1000.0 };
    (millis < 1e15).then_some(millis.round() as i64)
}

fn number(text: &str, len: usize) -> Option<i64> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn parse_iso(text: &str, local_offset_minutes: i32) -> Option<i64> {
    let (date, time) = text.split_once(['T', ' ', 't'])?;
    let mut parts = date.split('-');
    let (year, month, day) = (
        number(parts.next()?, 4)?,
        number(parts.next()?, 2)?,
        number(parts.next()?, 2)?,
    );
    if parts.next().is_some() || !(1..=12).contains(&month) || day < 1 {
        return None;
    }
    let days_in_month = days_from_civil(year + (month / 12), (month % 12 + 1) as u32, 1)
        - days_from_civil(year, month as u32, 1);
    if day > days_in_month {
        return None;
    }
    // The offset: Z, ±HH:MM, ±HHMM or ±HH; none means the user's zone.
    let (clock, offset) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else if let Some(at) = time.rfind(['+', '-']) {
        let (clock, zone) = time.split_at(at);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let digits = zone[1..].replace(':', "");
        let (h, m) = match digits.len() {
            2 => (number(&digits, 2)?, 0),
            4 => (number(&digits[..2], 2)?, number(&digits[2..], 2)?),
            _ => return None,
        };
        if h > 23 || m > 59 {
            return None;
        }
        (clock, sign * (h * 60 + m))
    } else {
        (time, i64::from(local_offset_minutes))
    };
    let (hms, fraction) = match clock.split_once(['.', ',']) {
        Some((hms, f))
            if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (hms, format!("{f:0<3}")[..3].parse::<i64>().ok()?)
        }
        Some(_) => return None,
        None => (clock, 0),
    };
    let mut fields = hms.split(':');
    let h = number(fields.next()?, 2)?;
    let m = number(fields.next()?, 2)?;
    let s = match fields.next() {
        Some(s) => number(s, 2)?,
        None => 0,
    };
    if fields.next().is_some() || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month as u32, day as u32);
    Some((((days * 24 + h) * 60 + m - offset) * 60 + s) * 1000 + fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOON: i64 = 1_788_264_000_000; // 2026-09-01T12:00:00Z

    #[test]
    fn iso_with_offsets_and_local_times_agree() {
        assert_eq!(parse_timestamp("2026-09-01T12:00:00Z", 0), Some(NOON));
        assert_eq!(parse_timestamp("2026-09-01T14:00:00+02:00", 0), Some(NOON));
        assert_eq!(parse_timestamp("2026-09-01T07:00:00-0500", 0), Some(NOON));
        assert_eq!(
            parse_timestamp("2026-09-01T12:00:00.250Z", 0),
            Some(NOON + 250)
        );
        assert_eq!(parse_timestamp("2026-09-01T12:00Z", 0), Some(NOON));
        // Written without an offset: the user's zone, here UTC+2 (Berlin in summer).
        assert_eq!(parse_timestamp("2026-09-01 14:00:00", 120), Some(NOON));
        assert_eq!(parse_timestamp("2026-09-01 12:00:00", 0), Some(NOON));
    }

    #[test]
    fn unix_seconds_and_milliseconds() {
        assert_eq!(parse_timestamp("1788264000", 0), Some(NOON));
        assert_eq!(parse_timestamp("1788264000000", 0), Some(NOON));
        assert_eq!(parse_timestamp("1788264000.5", 0), Some(NOON + 500));
    }

    #[test]
    fn malformed_timestamps_are_refused() {
        for bad in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-09-01T24:00:00Z",
            "2026-09-01T12:00:00+25:00",
            "2026-9-1T12:00:00Z",
            "-5",
        ] {
            assert_eq!(parse_timestamp(bad, 0), None, "{bad}");
        }
        assert!(
            parse_timestamp("2028-02-29T00:00:00Z", 0).is_some(),
            "a leap day"
        );
    }
}
