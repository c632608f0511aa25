//! Timestamps as production exports write them: ISO 8601 with an offset (`Z`, `+02:00`),
//! `YYYY-MM-DD HH:MM:SS` in a time zone the user names, or Unix seconds or milliseconds.
//! All become milliseconds since the Unix epoch (UTC).
//!
//! A local time is read in its zone's rules ([`LocalZone`]; the page asks the browser's
//! time-zone database): the hour repeated when clocks go back is read as its first
//! occurrence, so the repeat's rows come out as duplicate timestamps, reported as such.

use crate::model::plan::calendar::days_from_civil;

/// The time zone of times written without an offset.
pub trait LocalZone {
    /// Minutes east of UTC in force at the instant `utc_ms`.
    fn offset_at(&self, utc_ms: i64) -> i32;
}

/// A fixed offset, minutes east of UTC (0 is UTC).
impl LocalZone for i32 {
    fn offset_at(&self, _: i64) -> i32 {
        *self
    }
}

/// The instant of the wall-clock time `local_ms` (milliseconds of a clock reading, counted
/// as if it were UTC) in `zone`. Around a change of offset, the earlier offset wins: a
/// repeated hour is read as its first occurrence, and a skipped hour as if the clocks had
/// not moved yet.
pub fn local_to_utc(local_ms: i64, zone: &dyn LocalZone) -> i64 {
    const DAY_MS: i64 = 86_400_000;
    let before = i64::from(zone.offset_at(local_ms - DAY_MS)) * 60_000;
    let after = i64::from(zone.offset_at(local_ms + DAY_MS)) * 60_000;
    if before == after {
        return local_ms - before;
    }
    let consistent = |offset: i64| {
        let utc = local_ms - offset;
        (i64::from(zone.offset_at(utc)) * 60_000 == offset).then_some(utc)
    };
    match (consistent(before), consistent(after)) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => local_ms - before,
    }
}

/// How a column's timestamps are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampFormat {
    /// ISO 8601 / RFC 3339 with an offset or `Z`; local times without an offset are in the
    /// user's zone.
    Iso,
    /// Unix time: seconds, or milliseconds when the number is 100,000,000,000 or more
    /// (seconds that large are after the year 5138).
    Unix,
}

/// Reads one timestamp; `zone` is the user's zone for times written without an offset.
pub fn parse_timestamp(text: &str, zone: &dyn LocalZone) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return parse_unix(text);
    }
    parse_iso(text, zone)
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
    // Times after the year 9999 are refused, as a plan's kept history refuses them.
    (millis < crate::model::history::series::TIME_RANGE_MS.end as f64)
        .then_some(millis.round() as i64)
}

fn number(text: &str, len: usize) -> Option<i64> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn parse_iso(text: &str, zone: &dyn LocalZone) -> Option<i64> {
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
        (clock, Some(0))
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
        (clock, Some(sign * (h * 60 + m)))
    } else {
        (time, None)
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
    let clock_ms = (((days * 24 + h) * 60 + m) * 60 + s) * 1000 + fraction;
    Some(match offset {
        Some(offset) => clock_ms - offset * 60_000,
        None => local_to_utc(clock_ms, zone),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOON: i64 = 1_788_264_000_000; // 2026-09-01T12:00:00Z

    #[test]
    fn iso_with_offsets_and_local_times_agree() {
        assert_eq!(parse_timestamp("2026-09-01T12:00:00Z", &0), Some(NOON));
        assert_eq!(parse_timestamp("2026-09-01T14:00:00+02:00", &0), Some(NOON));
        assert_eq!(parse_timestamp("2026-09-01T07:00:00-0500", &0), Some(NOON));
        assert_eq!(
            parse_timestamp("2026-09-01T12:00:00.250Z", &0),
            Some(NOON + 250)
        );
        assert_eq!(parse_timestamp("2026-09-01T12:00Z", &0), Some(NOON));
        // Written without an offset: the user's zone, here UTC+2 (Berlin in summer).
        assert_eq!(parse_timestamp("2026-09-01 14:00:00", &120), Some(NOON));
        assert_eq!(parse_timestamp("2026-09-01 12:00:00", &0), Some(NOON));
    }

    /// Berlin's rules around 2026: CET (+1 h), CEST (+2 h) from 2026-03-29 01:00 UTC to
    /// 2026-10-25 01:00 UTC.
    struct Berlin;
    impl LocalZone for Berlin {
        fn offset_at(&self, utc_ms: i64) -> i32 {
            let summer = 1_774_746_000_000..1_792_890_000_000; // 2026-03-29T01:00Z..2026-10-25T01:00Z
            if summer.contains(&utc_ms) {
                120
            } else {
                60
            }
        }
    }

    #[test]
    fn local_times_follow_the_zones_rules_across_daylight_saving() {
        let at = |t: &str| parse_timestamp(t, &Berlin);
        let utc = |t: &str| parse_timestamp(t, &0);
        assert_eq!(at("2026-09-01 14:00:00"), Some(NOON));
        assert_eq!(at("2026-12-01 13:00:00"), utc("2026-12-01T12:00:00Z"));
        // Clocks go back at 03:00 CEST: 02:30 happens twice; the first is read, so the
        // repeat becomes a duplicate timestamp.
        assert_eq!(at("2026-10-25 01:59:00"), utc("2026-10-24T23:59:00Z"));
        assert_eq!(at("2026-10-25 02:30:00"), utc("2026-10-25T00:30:00Z"));
        assert_eq!(at("2026-10-25 03:00:00"), utc("2026-10-25T02:00:00Z"));
        // Clocks go forward at 02:00 CET: 02:30 does not exist, and is read as CET.
        assert_eq!(at("2026-03-29 01:59:00"), utc("2026-03-29T00:59:00Z"));
        assert_eq!(at("2026-03-29 02:30:00"), utc("2026-03-29T01:30:00Z"));
        assert_eq!(at("2026-03-29 03:00:00"), utc("2026-03-29T01:00:00Z"));
        // An explicit offset is never second-guessed.
        assert_eq!(at("2026-10-25T02:30:00+01:00"), utc("2026-10-25T01:30:00Z"));
    }

    #[test]
    fn unix_seconds_and_milliseconds() {
        assert_eq!(parse_timestamp("1788264000", &0), Some(NOON));
        assert_eq!(parse_timestamp("1788264000000", &0), Some(NOON));
        assert_eq!(parse_timestamp("1788264000.5", &0), Some(NOON + 500));
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
            assert_eq!(parse_timestamp(bad, &0), None, "{bad}");
        }
        assert!(
            parse_timestamp("2028-02-29T00:00:00Z", &0).is_some(),
            "a leap day"
        );
    }
}
