//! Dates and timestamps as the plan file writes them (`YYYY-MM-DD`, RFC 3339 UTC),
//! without a date library: the plan only needs to check, format and compare them.

/// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month, day) of a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A calendar month or quarter: the span an SLO with a calendar window is measured over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarPeriod {
    /// The year.
    pub year: i64,
    /// First month (1 to 12).
    pub first_month: u32,
    /// Months in the period: 1 (a month) or 3 (a quarter).
    pub months: u32,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl CalendarPeriod {
    /// The month `month` (1 to 12) of `year`.
    pub fn month(year: i64, month: u32) -> Self {
        CalendarPeriod {
            year,
            first_month: month,
            months: 1,
        }
    }

    /// The quarter `quarter` (1 to 4) of `year`.
    pub fn quarter(year: i64, quarter: u32) -> Self {
        CalendarPeriod {
            year,
            first_month: (quarter - 1) * 3 + 1,
            months: 3,
        }
    }

    /// The month or quarter (as `self` is) that holds the day `days` (since 1970-01-01).
    pub fn holding(days: i64, quarter: bool) -> Self {
        let (year, month, _) = civil_from_days(days);
        if quarter {
            Self::quarter(year, (month - 1) / 3 + 1)
        } else {
            Self::month(year, month)
        }
    }

    /// First day, in days since 1970-01-01.
    pub fn start(&self) -> i64 {
        days_from_civil(self.year, self.first_month, 1)
    }

    /// Its real length in days: 28 to 31 for a month, 90 to 92 for a quarter.
    pub fn days(&self) -> u32 {
        (0..self.months)
            .map(|k| days_in_month(self.year, self.first_month + k))
            .sum()
    }

    /// The period after this one.
    pub fn next(&self) -> Self {
        let month = self.first_month + self.months;
        CalendarPeriod {
            year: self.year + i64::from(month > 12),
            first_month: (month - 1) % 12 + 1,
            months: self.months,
        }
    }

    /// How the plan file writes it: "2027-02" or "2027-Q1".
    pub fn code(&self) -> String {
        if self.months == 3 {
            format!("{:04}-Q{}", self.year, (self.first_month - 1) / 3 + 1)
        } else {
            format!("{:04}-{:02}", self.year, self.first_month)
        }
    }

    /// How people say it: "February 2027" or "Q1 2027 (January to March)".
    pub fn label(&self) -> String {
        let name = |m: u32| MONTH_NAMES[(m - 1) as usize];
        if self.months == 3 {
            format!(
                "Q{} {} ({} to {})",
                (self.first_month - 1) / 3 + 1,
                self.year,
                name(self.first_month),
                name(self.first_month + 2)
            )
        } else {
            format!("{} {}", name(self.first_month), self.year)
        }
    }
}

/// Parses a month "YYYY-MM" (years 1970 to 9999).
pub fn parse_month(text: &str) -> Option<CalendarPeriod> {
    let (year, month) = text.split_once('-')?;
    let (year, month) = (digits(year)?, digits(month)?);
    (text.len() == 7 && (1970..=9999).contains(&year) && (1..=12).contains(&month))
        .then(|| CalendarPeriod::month(i64::from(year), month))
}

/// Parses a quarter "YYYY-Qn" (years 1970 to 9999).
pub fn parse_quarter(text: &str) -> Option<CalendarPeriod> {
    let (year, quarter) = text.split_once("-Q")?;
    let (year, quarter) = (digits(year)?, digits(quarter)?);
    (text.len() == 7 && (1970..=9999).contains(&year) && (1..=4).contains(&quarter))
        .then(|| CalendarPeriod::quarter(i64::from(year), quarter))
}

/// Parses `YYYY-MM-DD` into days since 1970-01-01, or `None` if it is not a real date.
pub fn parse_date(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&text[0..4])? as i64;
    let month = digits(&text[5..7])?;
    let day = digits(&text[8..10])?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// Parses an RFC 3339 UTC timestamp `YYYY-MM-DDTHH:MM:SS[.fff]Z` into milliseconds since
/// the Unix epoch, or `None` if it is malformed.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let (date, rest) = text.split_once('T')?;
    let days = parse_date(date)?;
    let time = rest.strip_suffix('Z')?;
    let (hms, fraction) = match time.split_once('.') {
        Some((hms, fraction)) => (hms, Some(fraction)),
        None => (time, None),
    };
    let parts: Vec<&str> = hms.split(':').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.len() != 2) {
        return None;
    }
    let (h, m, s) = (digits(parts[0])?, digits(parts[1])?, digits(parts[2])?);
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    let millis = match fraction {
        None => 0,
        Some(f) if !f.is_empty() && f.len() <= 9 => {
            let padded = format!("{f:0<3}");
            digits(&padded[..3])? as i64
        }
        Some(_) => return None,
    };
    Some(((days * 24 + h as i64) * 60 + m as i64) * 60_000 + s as i64 * 1000 + millis)
}

/// Formats milliseconds since the Unix epoch as an RFC 3339 UTC timestamp (to the second).
pub fn format_timestamp(millis: i64) -> String {
    let seconds = millis.div_euclid(1000);
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let (y, mo, d) = civil_from_days(days);
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Formats days since 1970-01-01 as `YYYY-MM-DD`.
pub fn format_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A timestamp shown to a person: `2026-11-24 09:30 UTC`; the raw text if unparsable.
pub fn display_timestamp(timestamp: &str) -> String {
    match parse_timestamp(timestamp) {
        Some(millis) => {
            let full = format_timestamp(millis);
            format!("{} {} UTC", &full[..10], &full[11..16])
        }
        None => timestamp.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(parse_date("2000-03-01"), Some(11_017));
        assert_eq!(format_date(11_017), "2000-03-01");
        assert_eq!(
            parse_date("2024-02-29").map(format_date).as_deref(),
            Some("2024-02-29")
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "26-01-01",
            "2026-01-32",
            "2026-01-0a",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_round_trip() {
        let millis = parse_timestamp("2026-11-24T09:30:05Z").unwrap();
        assert_eq!(format_timestamp(millis), "2026-11-24T09:30:05Z");
        assert_eq!(
            parse_timestamp("2026-11-24T09:30:05.250Z"),
            Some(millis + 250)
        );
        assert_eq!(parse_timestamp("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            display_timestamp("2026-11-24T09:30:05Z"),
            "2026-11-24 09:30 UTC"
        );
    }

    #[test]
    fn rejects_malformed_timestamps() {
        for bad in [
            "2026-11-24",
            "2026-11-24T24:00:00Z",
            "2026-11-24T09:30:05",
            "2026-11-24T09:30Z",
            "2026-11-24T09:30:05.Z",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }
}

#[cfg(test)]
mod period_tests {
    use super::*;

    #[test]
    fn calendar_periods_have_their_real_length() {
        assert_eq!(parse_month("2027-02").unwrap().days(), 28);
        assert_eq!(parse_month("2028-02").unwrap().days(), 29);
        assert_eq!(parse_month("2027-01").unwrap().days(), 31);
        assert_eq!(parse_month("2027-04").unwrap().days(), 30);
        assert_eq!(parse_quarter("2027-Q1").unwrap().days(), 90);
        assert_eq!(parse_quarter("2028-Q1").unwrap().days(), 91);
        assert_eq!(parse_quarter("2027-Q2").unwrap().days(), 91);
        assert_eq!(parse_quarter("2027-Q3").unwrap().days(), 92);
        assert_eq!(parse_quarter("2027-Q4").unwrap().days(), 92);
    }

    #[test]
    fn periods_read_write_and_follow_each_other() {
        let feb = parse_month("2027-02").unwrap();
        assert_eq!(
            (feb.code(), feb.label()),
            ("2027-02".into(), "February 2027".into())
        );
        assert_eq!(format_date(feb.start()), "2027-02-01");
        assert_eq!(parse_month("2027-12").unwrap().next().code(), "2028-01");
        let q4 = parse_quarter("2026-Q4").unwrap();
        assert_eq!(q4.label(), "Q4 2026 (October to December)");
        assert_eq!(q4.next().code(), "2027-Q1");
        assert_eq!(
            CalendarPeriod::holding(parse_date("2026-11-25").unwrap(), true).code(),
            "2026-Q4"
        );
        for bad in [
            "2027-13", "2027-00", "2027-2", "27-02", "2027-Q5", "1969-01", "x",
        ] {
            assert!(
                parse_month(bad).is_none() && parse_quarter(bad).is_none(),
                "{bad}"
            );
        }
    }
}
