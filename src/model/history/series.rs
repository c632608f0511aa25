//! An SLO's real SLI history kept with the plan: the rows imported by "Replay history", so a
//! backtest survives reloads and travels in exported files.
//!
//! The rows are stored compactly as [`SeriesText`]: `v1:` then standard base64 of raw
//! DEFLATE of four text lines (first timestamp, time steps, bad or good values, totals), each
//! a comma list where `v*n` repeats a value. A 90-day series at 1-minute steps of real
//! request counts takes about 0.2 MB this way, against 5 MB as CSV.

use std::fmt::Write as _;
use std::sync::Arc;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::model::plan::ids::{Id, Identified, Timestamp};

/// One usable row: when it starts, and its good and total weight. For counts these are
/// events; for ratios and time slices, a total of 1 per minute of the interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    /// Start of the interval, ms since the Unix epoch.
    pub at_ms: i64,
    /// Good share or good events.
    pub good: f64,
    /// Total (events, or 1 for a ratio or slice).
    pub total: f64,
}

/// Whether samples weigh events (counts) or time (ratios, slices).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// Counts of events: an interval weighs as much as its traffic.
    Events,
    /// A ratio or a slice: every minute weighs the same.
    Time,
}

/// What minutes without data count as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GapPolicy {
    /// Left out of every result (the default).
    #[default]
    Excluded,
    /// Counted as good.
    Good,
    /// Counted as bad.
    Bad,
}

impl GapPolicy {
    /// The choice as stated next to every result.
    pub fn statement(self) -> &'static str {
        match self {
            GapPolicy::Excluded => "minutes without data are left out",
            GapPolicy::Good => "minutes without data count as good",
            GapPolicy::Bad => "minutes without data count as bad",
        }
    }
}

/// An SLO's imported SLI history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SliHistory {
    /// Identity of the history.
    pub id: Id,
    /// The SLO whose SLI this is (one history per SLO).
    pub slo: Id,
    /// Name of the file it was imported from.
    pub source: String,
    /// When it was imported.
    pub imported: Timestamp,
    /// Whether rows weigh events or time.
    pub weight: Weight,
    /// What minutes without data count as in every result.
    pub gaps: GapPolicy,
    /// What was left out at import (rows with problems), as the import reported it.
    pub import_notes: Vec<String>,
    /// The rows, compact (see the module documentation).
    pub series: SeriesText,
}

impl SliHistory {
    /// The history of `slo` as the plan keeps it: `samples` of `weight` packed, imported
    /// from `source` at `imported`, with what the import left out (`notes`). Refused when
    /// the plan could not read it back after a reload.
    pub fn keep(
        slo: &str,
        source: String,
        imported: Timestamp,
        weight: Weight,
        notes: Vec<String>,
        samples: &[Sample],
    ) -> Result<SliHistory, String> {
        Ok(SliHistory {
            id: format!("history-{slo}"),
            slo: slo.to_string(),
            source,
            imported,
            weight,
            gaps: GapPolicy::default(),
            import_notes: notes,
            series: SeriesText::encode(samples)?,
        })
    }
}

impl Identified for SliHistory {
    fn id(&self) -> &str {
        &self.id
    }
}

/// Marks the compact encoding's version at the start of a [`SeriesText`].
pub const SERIES_PREFIX: &str = "v1:";

/// The most rows a history holds (400 days of minutes, and room for finer irregular steps).
pub const MAX_ROWS: usize = 1_000_000;

/// The longest span a history covers, in minutes: 400 days, what a replay lays on minutes.
pub const MAX_SPAN_MINUTES: usize = 400 * 1440;

/// Largest unpacked size of a series (its four text lines).
pub const MAX_UNPACKED_BYTES: usize = 32 * 1024 * 1024;

/// The times a history may hold, ms since the Unix epoch: the years 0000 to 9999 (UTC), the
/// dates a timestamp in a CSV can name. Bounding them keeps every sum of times and steps far
/// from the ends of an i64.
pub const TIME_RANGE_MS: std::ops::Range<i64> = -62_167_219_200_000..253_402_300_800_000;

/// A history's rows, compact: `v1:` then base64 of raw DEFLATE of four text lines (see
/// docs/plan-format.md, "histories"). Cheap to clone (plans are copied for undo), compared
/// by content.
#[derive(Clone, Debug, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(transparent))]
pub struct SeriesText(
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))] pub Arc<str>,
);

impl PartialEq for SeriesText {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Serialize for SeriesText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SeriesText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|s| SeriesText(s.into()))
    }
}

impl SeriesText {
    /// Encodes rows in time order, or says why a plan cannot keep them: more than
    /// [`MAX_ROWS`] rows, or rows whose text unpacks to more than [`MAX_UNPACKED_BYTES`]
    /// (what [`SeriesText::decode`] refuses, so nothing is kept that cannot be read back).
    pub fn encode(samples: &[Sample]) -> Result<SeriesText, String> {
        if samples.len() > MAX_ROWS {
            return Err(format!(
                "it has {} rows; a plan keeps at most {MAX_ROWS} rows of history",
                samples.len()
            ));
        }
        // The checks `decode` makes of times, made before anything is kept.
        if let (Some(first), Some(last)) = (samples.first(), samples.last()) {
            if !TIME_RANGE_MS.contains(&first.at_ms) || !TIME_RANGE_MS.contains(&last.at_ms) {
                return Err("its times must lie in the years 0000–9999".into());
            }
            if let Some(why) = span_problem(first.at_ms, last.at_ms) {
                return Err(why);
            }
        }
        let mut text = String::with_capacity(samples.len() * 12);
        let first = samples.first().map_or(0, |s| s.at_ms);
        let _ = writeln!(text, "{first}");
        let steps = samples.windows(2).map(|w| (w[1].at_ms - w[0].at_ms) as f64);
        write_runs(&mut text, steps);
        // Bad events are mostly zero, so they pack far better than good ones; they are
        // used when good can be recovered from them exactly.
        let bad_is_exact = samples
            .iter()
            .all(|s| s.total - (s.total - s.good) == s.good);
        if bad_is_exact {
            text.push_str("bad:");
            write_runs(&mut text, samples.iter().map(|s| s.total - s.good));
        } else {
            text.push_str("good:");
            write_runs(&mut text, samples.iter().map(|s| s.good));
        }
        write_runs(&mut text, samples.iter().map(|s| s.total));
        if text.len() > MAX_UNPACKED_BYTES {
            return Err(format!(
                "its rows take {:.1} MB as text; a plan keeps at most {} MB of history rows",
                text.len() as f64 / 1_048_576.0,
                MAX_UNPACKED_BYTES / 1_048_576
            ));
        }
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6);
        Ok(SeriesText(
            format!("{SERIES_PREFIX}{}", STANDARD.encode(packed)).into(),
        ))
    }

    /// Decodes the rows, checking them as an import checks a CSV's: times increase, counts
    /// are finite and not negative, good is at most total. The error says what is wrong.
    pub fn decode(&self) -> Result<Vec<Sample>, String> {
        let Some(base64) = self.0.strip_prefix(SERIES_PREFIX) else {
            return Err(format!(
                "does not start with “{SERIES_PREFIX}”: it is not a series this workbook wrote"
            ));
        };
        let base64 = base64.trim();
        if let Some((at, c)) = base64
            .chars()
            .enumerate()
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')))
        {
            return Err(format!(
                "is not base64 text: character {} after “{SERIES_PREFIX}” is “{c}”",
                at + 1
            ));
        }
        let packed = STANDARD.decode(base64).map_err(|e| base64_problem(&e))?;
        let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES)
            .map_err(|e| match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                    format!("unpacks to more than {} MB", MAX_UNPACKED_BYTES / 1_048_576)
                }
                _ => "does not unpack: the compressed rows are damaged".to_string(),
            })?;
        let text = String::from_utf8(bytes).map_err(|_| "unpacks to something that is not text")?;
        let lines: Vec<&str> = text.lines().collect();
        let [first, steps, part, totals] = lines[..] else {
            return Err(format!(
                "unpacks to {} lines; a series has 4 (first time, steps, bad or good, totals)",
                lines.len()
            ));
        };
        let first: i64 = first
            .parse()
            .ok()
            .filter(|at| TIME_RANGE_MS.contains(at))
            .ok_or_else(|| {
                format!("starts at “{first}”, which is not a time in milliseconds in the years 0000–9999")
            })?;
        let (is_bad, part) = if let Some(rest) = part.strip_prefix("bad:") {
            (true, rest)
        } else if let Some(rest) = part.strip_prefix("good:") {
            (false, rest)
        } else {
            return Err("its third line must start with “bad:” or “good:”".into());
        };
        let totals = read_runs(totals, "totals")?;
        let part = read_runs(part, if is_bad { "bad" } else { "good" })?;
        let steps = read_runs(steps, "time steps")?;
        if totals.is_empty() {
            return Err("has no rows".into());
        }
        if part.len() != totals.len() || steps.len() + 1 != totals.len() {
            return Err(format!(
                "its columns disagree: {} totals, {} {} values and {} time steps (expected {})",
                totals.len(),
                part.len(),
                if is_bad { "bad" } else { "good" },
                steps.len(),
                totals.len() - 1
            ));
        }
        let mut samples = Vec::with_capacity(totals.len());
        let mut at_ms = first;
        for (i, (&total, &value)) in totals.iter().zip(&part).enumerate() {
            if i > 0 {
                let step = steps[i - 1];
                if step < 1.0 || step.fract() != 0.0 || step > 1e12 {
                    return Err(format!(
                        "row {}: the time step {step} ms is not a whole number of 1 or more (times must increase)",
                        i + 1
                    ));
                }
                at_ms += step as i64;
                if !TIME_RANGE_MS.contains(&at_ms) {
                    return Err(format!(
                        "row {}: its time is after the year 9999 (the time steps add up too far)",
                        i + 1
                    ));
                }
            }
            let good = if is_bad { total - value } else { value };
            if total < 0.0 || value < 0.0 {
                return Err(format!("row {}: a count is negative", i + 1));
            }
            if good > total || good < 0.0 {
                return Err(format!(
                    "row {}: good ({good}) is more than total ({total})",
                    i + 1
                ));
            }
            samples.push(Sample { at_ms, good, total });
        }
        if let Some(why) = span_problem(first, at_ms) {
            return Err(why);
        }
        Ok(samples)
    }

    /// Size of the encoded text in bytes, for the user (exports say what histories add).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the text is empty (never for an encoded series).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Why rows from `first_ms` to `last_ms` are more than a history covers, if they are.
fn span_problem(first_ms: i64, last_ms: i64) -> Option<String> {
    let span_minutes = (last_ms - first_ms) / 60_000;
    (span_minutes > MAX_SPAN_MINUTES as i64).then(|| {
        format!(
            "spans {} days; a history covers at most {} days",
            span_minutes / 1440,
            MAX_SPAN_MINUTES / 1440
        )
    })
}

/// Says in words why the text after the prefix is not base64.
fn base64_problem(e: &base64::DecodeError) -> String {
    use base64::DecodeError::*;
    match e {
        InvalidByte(at, byte) | InvalidLastSymbol(at, byte) => format!(
            "is not base64 text: character {} after “{SERIES_PREFIX}” is “{}”",
            at + 1,
            char::from(*byte).escape_default()
        ),
        InvalidLength(len) => format!(
            "is cut short: {len} base64 characters cannot hold whole bytes (was the file truncated?)"
        ),
        InvalidPadding => "is not base64 text: its = padding is wrong".into(),
    }
}

/// Writes values as a comma list with `v*n` runs, then a newline.
fn write_runs(text: &mut String, values: impl Iterator<Item = f64>) {
    let mut run: Option<(f64, usize)> = None;
    let mut first = true;
    let mut flush = |text: &mut String, value: f64, count: usize| {
        if !std::mem::take(&mut first) {
            text.push(',');
        }
        let _ = if count == 1 {
            write!(text, "{value}")
        } else {
            write!(text, "{value}*{count}")
        };
    };
    for value in values {
        run = match run {
            Some((v, n)) if v.to_bits() == value.to_bits() => Some((v, n + 1)),
            Some((v, n)) => {
                flush(text, v, n);
                Some((value, 1))
            }
            None => Some((value, 1)),
        };
    }
    if let Some((v, n)) = run {
        flush(text, v, n);
    }
    text.push('\n');
}

/// Reads a comma list with `v*n` runs; `what` names the column in errors.
fn read_runs(line: &str, what: &str) -> Result<Vec<f64>, String> {
    let mut values = Vec::new();
    if line.is_empty() {
        return Ok(values);
    }
    for item in line.split(',') {
        let (value, count) = match item.split_once('*') {
            Some((v, n)) => (
                v,
                n.parse::<usize>().ok().filter(|&n| n >= 1).ok_or_else(|| {
                    format!("{what}: “{item}” repeats a value an invalid number of times")
                })?,
            ),
            None => (item, 1),
        };
        // A JSON number, read by `str::parse` (correctly rounded, as serde_json's reader with
        // float_roundtrip): the page's main module has that parser, while serde_json's reader
        // is in the plan reader's part, which the Overview does not fetch.
        let value: f64 = Some(value.trim_end_matches([' ', '\t', '\n', '\r']))
            .filter(|v| is_json_number(v))
            .and_then(|v| v.parse().ok())
            .filter(|v: &f64| v.is_finite())
            .ok_or_else(|| format!("{what}: “{value}” is not a finite number"))?;
        // Checked without adding: on 32-bit wasm a count near 2^32 would wrap the sum.
        if count > MAX_ROWS - values.len() {
            return Err(format!("has more than {MAX_ROWS} rows"));
        }
        values.extend(std::iter::repeat_n(value, count));
    }
    Ok(values)
}

/// Whether `text` is a number as JSON writes one: `-`, then `0` or digits not starting
/// with `0`, then an optional fraction and exponent; no `+`, `.5`, `5.`, `inf` or spaces.
fn is_json_number(text: &str) -> bool {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = text.strip_prefix('-').unwrap_or(text);
    let int = digits(rest);
    if int == 0 || (int > 1 && rest.starts_with('0')) {
        return false;
    }
    let mut rest = &rest[int..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = digits(fraction);
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    if let Some(exponent) = rest.strip_prefix(['e', 'E']) {
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        let n = digits(exponent);
        if n == 0 {
            return false;
        }
        rest = &exponent[n..];
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_plan_keeps_only_what_it_can_read_back() {
        let many: Vec<Sample> = (0..=MAX_ROWS as i64)
            .map(|i| Sample {
                at_ms: i * 60_000,
                good: 1.0,
                total: 1.0,
            })
            .collect();
        assert_eq!(
            SeriesText::encode(&many).unwrap_err(),
            "it has 1000001 rows; a plan keeps at most 1000000 rows of history"
        );
        // Totals that print as 300-digit numbers: unpacked, far more than a plan keeps.
        let wide: Vec<Sample> = (0..120_000)
            .map(|i| Sample {
                at_ms: i * 60_000,
                good: 1e300 + i as f64 * 1e285,
                total: 1e301 + i as f64 * 1e286,
            })
            .collect();
        let err = SeriesText::encode(&wide).unwrap_err();
        assert!(
            err.ends_with("a plan keeps at most 32 MB of history rows"),
            "{err}"
        );
    }

    use super::*;

    fn rows(values: &[(i64, f64, f64)]) -> Vec<Sample> {
        values
            .iter()
            .map(|&(at_ms, good, total)| Sample { at_ms, good, total })
            .collect()
    }

    #[test]
    fn counts_round_trip_through_bad_runs() {
        let samples = rows(&[
            (60_000, 100.0, 100.0),
            (120_000, 98.0, 100.0),
            (180_000, 100.0, 100.0),
            (300_000, 7.0, 9.0),
        ]);
        let text = SeriesText::encode(&samples).unwrap();
        assert!(text.0.starts_with("v1:"));
        assert_eq!(text.decode().unwrap(), samples);
    }

    #[test]
    fn fractions_round_trip_exactly() {
        let samples = rows(&[
            (0, 0.1 + 0.2, 1.0),
            (60_000, 1.0 / 3.0, 1.0),
            (120_000, 0.0, 1.0),
        ]);
        assert_eq!(
            SeriesText::encode(&samples).unwrap().decode().unwrap(),
            samples
        );
    }

    fn pack(text: &str) -> SeriesText {
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6);
        SeriesText(format!("v1:{}", STANDARD.encode(packed)).into())
    }

    #[test]
    fn damaged_series_say_what_is_wrong() {
        let err = |s: SeriesText| s.decode().unwrap_err();
        assert_eq!(
            err(SeriesText("timestamp,good,total".into())),
            "does not start with “v1:”: it is not a series this workbook wrote"
        );
        assert_eq!(
            err(SeriesText("v1:ab*c".into())),
            "is not base64 text: character 3 after “v1:” is “*”"
        );
        assert_eq!(
            err(SeriesText("v1:abcde".into())),
            "is cut short: 5 base64 characters cannot hold whole bytes (was the file truncated?)"
        );
        assert_eq!(
            err(SeriesText("v1:AAAA".into())),
            "does not unpack: the compressed rows are damaged"
        );
        assert_eq!(
            err(pack("0\n60000\nbad:0,0\n")),
            "unpacks to 3 lines; a series has 4 (first time, steps, bad or good, totals)"
        );
        assert_eq!(
            err(pack("0\n60000\nbad:0,x\n10,10\n")),
            "bad: “x” is not a finite number"
        );
        assert_eq!(
            err(pack("0\n60000*2\nbad:0,0\n10,10\n")),
            "its columns disagree: 2 totals, 2 bad values and 2 time steps (expected 1)"
        );
        assert_eq!(
            err(pack("0\n0\nbad:0,0\n10,10\n")),
            "row 2: the time step 0 ms is not a whole number of 1 or more (times must increase)"
        );
        assert_eq!(
            err(pack("0\n60000\ngood:5,11\n10,10\n")),
            "row 2: good (11) is more than total (10)"
        );
        assert_eq!(
            err(pack("0\n60000\nbad:0,-1\n10,10\n")),
            "row 2: a count is negative"
        );
        assert_eq!(err(pack("0\n\nbad:\n\n")), "has no rows");
        // A run near 2^32 (which wraps a 32-bit sum) and more runs than rows allowed.
        assert_eq!(
            err(pack("0\n60000\nbad:0,1*4294967295\n10,10\n")),
            "has more than 1000000 rows"
        );
        assert_eq!(
            err(pack("0\n60000\nbad:1*999999,1*2\n10,10\n")),
            "has more than 1000000 rows"
        );
        assert_eq!(
            err(pack("9223372036854775807\n\nbad:0\n10\n")),
            "starts at “9223372036854775807”, which is not a time in milliseconds in the years 0000–9999"
        );
        assert_eq!(
            err(pack(
                "-62000000000000\n1000000000000*258\nbad:0*259\n1*259\n"
            )),
            "spans 2986111 days; a history covers at most 400 days"
        );
        assert_eq!(
            err(pack("253402300000000\n1000000000000\nbad:0,0\n10,10\n")),
            "row 2: its time is after the year 9999 (the time steps add up too far)"
        );
    }

    #[test]
    fn series_numbers_are_read_as_json_numbers_are() {
        for text in [
            "0",
            "-0",
            "1",
            "-12",
            "0.5",
            "1e5",
            "1E+5",
            "2.5e-3",
            "1234567.125",
            "0.1",
            "1e400",
            "-1e400",
            "01",
            "+1",
            ".5",
            "5.",
            "1e",
            "1e+",
            "inf",
            "NaN",
            " 1",
            "1 ",
            "1\t\r\n",
            "1 x",
            "",
            "-",
            "0x10",
            "1_000",
            "9007199254740993",
            "4.9e-324",
            "2.2250738585072011e-308",
        ] {
            let json: Option<f64> = serde_json::from_str(text)
                .ok()
                .filter(|v: &f64| v.is_finite() && !text.starts_with(' '));
            let ours = Some(text.trim_end_matches([' ', '\t', '\n', '\r']))
                .filter(|t| super::is_json_number(t))
                .and_then(|t| t.parse().ok())
                .filter(|v: &f64| v.is_finite());
            assert_eq!(ours.map(f64::to_bits), json.map(f64::to_bits), "{text:?}");
        }
    }
}
