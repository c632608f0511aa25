//! Reads an SLI history from CSV: a header row, then one row per interval. Which columns
//! hold what is a [`ColumnMapping`], guessed from the header and changeable by the user.
//! Real exports are messy, so nothing is dropped silently: every row that cannot be used is
//! counted in a [`RowProblems`] group with its line numbers, and the usable rows are kept
//! for the user to import or not.

use super::limits::{MAX_CELLS, MAX_ROWS};
use super::timestamps::{parse_timestamp, LocalZone};

/// The CSV as text cells, with the line each row starts on (1 = the header).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column names, trimmed.
    pub header: Vec<String>,
    /// Each data row's line number and cells.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Splits CSV text (RFC 4180 quoting; comma, semicolon or tab, whichever the header uses)
/// into a header and rows. Blank lines are skipped.
pub fn read_table(text: &str) -> Result<Table, String> {
    let mut reader = TableReader::new(text);
    reader.step(text, usize::MAX);
    reader.finish()
}

/// [`read_table`] in steps, so a page can show how far a large file has got and stop
/// reading it: feed the same text to [`TableReader::step`] until [`TableReader::done`],
/// then [`TableReader::finish`].
#[derive(Debug)]
pub struct TableReader {
    separator: char,
    /// Byte offset reached in the text.
    pos: usize,
    records: Vec<(usize, Vec<String>)>,
    cell: String,
    cells: Vec<String>,
    quoted: bool,
    line: usize,
    start_line: usize,
    /// Rows (not blank) and cells taken so far, checked against the limits as they grow.
    kept_rows: usize,
    kept_cells: usize,
    /// Why reading stopped early: the file is larger than a history can be.
    refused: Option<String>,
}

impl TableReader {
    /// A reader of `text` (a byte-order mark is skipped), its separator chosen from the
    /// first non-blank line.
    pub fn new(text: &str) -> TableReader {
        let bom = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        let first_line = text[bom..]
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let separator = [',', ';', '\t']
            .into_iter()
            .max_by_key(|s| first_line.matches(*s).count())
            .unwrap_or(',');
        TableReader {
            separator,
            pos: bom,
            records: Vec::new(),
            cell: String::new(),
            cells: Vec::new(),
            quoted: false,
            line: 1,
            start_line: 1,
            kept_rows: 0,
            kept_cells: 0,
            refused: None,
        }
    }

    /// Reads about `bytes` more of `text` (the text given to [`TableReader::new`]) and
    /// returns the share of it read so far (0–1).
    pub fn step(&mut self, text: &str, bytes: usize) -> f64 {
        let limit = self.pos.saturating_add(bytes).min(text.len());
        let mut chars = text[self.pos..].char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if self.pos + at >= limit {
                self.pos += at;
                return self.progress(text);
            }
            match c {
                '"' if self.quoted && chars.peek().map(|p| p.1) == Some('"') => {
                    chars.next();
                    self.cell.push('"');
                }
                '"' if self.quoted => self.quoted = false,
                '"' if self.cell.trim().is_empty() => {
                    self.cell.clear();
                    self.quoted = true;
                }
                '\n' if self.quoted => {
                    self.line += 1;
                    self.cell.push('\n');
                }
                '\r' if !self.quoted => {}
                '\n' => {
                    self.push_cell();
                    let cells = std::mem::take(&mut self.cells);
                    if !is_blank(&cells) {
                        // The header and MAX_ROWS data rows.
                        self.kept_rows += 1;
                        if self.kept_rows > MAX_ROWS + 1 {
                            return self.refuse(
                                text,
                                format!(
                                    "line {}: the file has more than {MAX_ROWS} data rows; at most {MAX_ROWS} can be imported (export a shorter span or a coarser step)",
                                    self.start_line
                                ),
                            );
                        }
                    }
                    self.records.push((self.start_line, cells));
                    self.line += 1;
                    self.start_line = self.line;
                }
                c if c == self.separator && !self.quoted => {
                    self.push_cell();
                    if self.kept_cells > MAX_CELLS {
                        return self.refuse(
                            text,
                            format!(
                                "line {}: the file has more than {MAX_CELLS} cells; at most {MAX_CELLS} can be imported (a timestamp and up to seven values for each of {MAX_ROWS} rows)",
                                self.line
                            ),
                        );
                    }
                }
                c => self.cell.push(c),
            }
        }
        self.pos = text.len();
        1.0
    }

    fn push_cell(&mut self) {
        self.kept_cells += 1;
        self.cells.push(std::mem::take(&mut self.cell));
    }

    /// Stops reading: nothing more is split, and [`TableReader::finish`] says why.
    fn refuse(&mut self, text: &str, why: String) -> f64 {
        self.refused = Some(why);
        self.records = Vec::new();
        self.pos = text.len();
        1.0
    }

    fn progress(&self, text: &str) -> f64 {
        if text.is_empty() {
            1.0
        } else {
            self.pos as f64 / text.len() as f64
        }
    }

    /// Whether the whole text has been read.
    pub fn done(&self, text: &str) -> bool {
        self.pos >= text.len()
    }

    /// The table read, or what is wrong with it.
    pub fn finish(self) -> Result<Table, String> {
        let TableReader {
            mut records,
            cell,
            mut cells,
            quoted,
            start_line,
            refused,
            ..
        } = self;
        if let Some(why) = refused {
            return Err(why);
        }
        if quoted {
            return Err(format!(
                "line {start_line}: a quoted cell is never closed (a \" is missing)"
            ));
        }
        if !cell.is_empty() || !cells.is_empty() {
            cells.push(cell);
            records.push((start_line, cells));
        }
        records.retain(|(_, cells)| !is_blank(cells));
        if records.len() > MAX_ROWS + 1 {
            return Err(format!(
                "the file has more than {MAX_ROWS} data rows; at most {MAX_ROWS} can be imported (export a shorter span or a coarser step)"
            ));
        }
        let mut records = records.into_iter();
        let (_, header) = records
            .next()
            .ok_or_else(|| "the file is empty: expected a header row and data rows".to_string())?;
        let header: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
        if header.len() < 2 {
            return Err(format!(
                "line 1: expected a header with a timestamp column and a measure, found \"{}\"",
                header.join(",")
            ));
        }
        let rows: Vec<(usize, Vec<String>)> = records.collect();
        if rows.is_empty() {
            return Err("the file has a header but no data rows".into());
        }
        Ok(Table { header, rows })
    }
}

/// Whether a record is a blank line (skipped, and not counted against the limits).
fn is_blank(cells: &[String]) -> bool {
    cells.len() == 1 && cells[0].trim().is_empty()
}

/// When a thresholded value counts as good.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoodWhen {
    /// At most the threshold (latency).
    AtMost,
    /// At least the threshold (throughput, freshness as a rate).
    AtLeast,
}

/// What the measure columns hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    /// Event counts per interval: good or bad, and total (column indices).
    Counts {
        /// Column of good events (else `bad` is given).
        good: Option<usize>,
        /// Column of bad events.
        bad: Option<usize>,
        /// Column of all events.
        total: usize,
    },
    /// The share of bad events per interval, 0–1, or 0–100 when `percent`.
    ErrorRatio {
        /// The column.
        column: usize,
        /// Written as a percentage.
        percent: bool,
    },
    /// A value per interval compared with a threshold: each interval is a time slice,
    /// good or bad as a whole.
    Threshold {
        /// The column.
        column: usize,
        /// The threshold, in the column's unit.
        threshold: f64,
        /// Which side is good.
        good_when: GoodWhen,
    },
}

/// Which column holds the timestamp and what the others measure.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnMapping {
    /// The timestamp column.
    pub timestamp: usize,
    /// The measure.
    pub measure: Measure,
}

/// A mapping guessed from the header's names; `None` when the columns are not recognised
/// (the user maps them) or a threshold is needed (`value` columns).
pub fn guess_mapping(header: &[String]) -> Option<ColumnMapping> {
    let find = |names: &[&str]| {
        header.iter().position(|h| {
            let h = h.to_ascii_lowercase();
            names.iter().any(|n| h == *n)
        })
    };
    let timestamp = find(&["timestamp", "time", "ts", "date", "datetime", "t"])?;
    let (good, bad, total) = (
        find(&["good", "good_events", "good_count"]),
        find(&["bad", "bad_events", "bad_count", "errors"]),
        find(&["total", "total_events", "total_count", "requests", "valid"]),
    );
    if let (Some(total), true) = (total, good.is_some() || bad.is_some()) {
        return Some(ColumnMapping {
            timestamp,
            measure: Measure::Counts { good, bad, total },
        });
    }
    let percent = header.iter().position(|h| {
        let h = h.to_ascii_lowercase();
        (h.contains("error") || h.contains("bad")) && (h.contains("percent") || h.contains('%'))
    });
    if let Some(column) = percent {
        return Some(ColumnMapping {
            timestamp,
            measure: Measure::ErrorRatio {
                column,
                percent: true,
            },
        });
    }
    let ratio = find(&["error_ratio", "error_rate", "bad_ratio", "errors_ratio"])?;
    Some(ColumnMapping {
        timestamp,
        measure: Measure::ErrorRatio {
            column: ratio,
            percent: false,
        },
    })
}

pub use crate::model::history::series::{Sample, Weight};

/// A kind of row that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RowProblem {
    /// The row has fewer cells than the header.
    MissingCells,
    /// The timestamp is not a date and time.
    BadTimestamp,
    /// A measure cell is not a number (the column's name).
    NotANumber(String),
    /// A measure cell like `1,234`, whose comma may separate thousands or decimals (the
    /// column's name): read as neither, so no value is silently a thousand times off.
    AmbiguousComma(String),
    /// A count below zero.
    NegativeCount,
    /// More good (or bad) than total events.
    PartAboveTotal,
    /// A ratio outside 0–1 (or 0–100 %).
    RatioOutOfRange,
    /// The same timestamp as an earlier row (a daylight-saving repeat, a double export):
    /// the first is kept.
    DuplicateTimestamp,
}

impl RowProblem {
    /// What is wrong, for the user, in the plural form the report uses.
    pub fn describe(&self) -> String {
        match self {
            RowProblem::MissingCells => "fewer cells than the header".into(),
            RowProblem::BadTimestamp => "a timestamp that is not a date and time".into(),
            RowProblem::NotANumber(column) => format!("a value in “{column}” that is not a number"),
            RowProblem::AmbiguousComma(column) => format!(
                "a value in “{column}” like 1,234 whose comma may separate thousands or decimals (write 1234 or 1.234)"
            ),
            RowProblem::NegativeCount => "a negative count".into(),
            RowProblem::PartAboveTotal => "more good or bad events than total events".into(),
            RowProblem::RatioOutOfRange => "an error ratio outside 0–1 (0–100 %)".into(),
            RowProblem::DuplicateTimestamp => {
                "the timestamp of an earlier row (the first one is kept)".into()
            }
        }
    }
}

/// Rows with one problem: which lines.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblems {
    /// The problem.
    pub problem: RowProblem,
    /// Line numbers, in order.
    pub lines: Vec<usize>,
}

impl RowProblems {
    /// "3 rows have a negative count: lines 4, 9, 12" (at most 10 lines named).
    pub fn message(&self) -> String {
        let n = self.lines.len();
        let shown: Vec<String> = self.lines.iter().take(10).map(|l| l.to_string()).collect();
        let more = if n > 10 {
            format!(" and {} more", n - 10)
        } else {
            String::new()
        };
        format!(
            "{n} {} {}: line{} {}{more}",
            if n == 1 { "row has" } else { "rows have" },
            self.problem.describe(),
            if n == 1 { "" } else { "s" },
            shown.join(", ")
        )
    }
}

/// What a CSV gave: usable samples in time order, and the problems found.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadHistory {
    /// Usable rows, sorted by time, duplicates dropped.
    pub samples: Vec<Sample>,
    /// How samples weigh.
    pub weight: Weight,
    /// Problems, one group per kind, in a fixed order.
    pub problems: Vec<RowProblems>,
    /// Rows that were out of time order (kept, sorted); 0 when in order.
    pub out_of_order: usize,
}

impl ReadHistory {
    /// Everything the import reports: each problem with its lines, and rows sorted.
    pub fn messages(&self) -> Vec<String> {
        let mut messages: Vec<String> = self.problems.iter().map(RowProblems::message).collect();
        match self.out_of_order {
            0 => {}
            1 => messages.push("1 row was out of time order; it is sorted.".into()),
            n => messages.push(format!("{n} rows were out of time order; they are sorted.")),
        }
        messages
    }
}

/// Reads the rows of `table` with `mapping`; times without an offset are in `zone`.
pub fn read_history(table: &Table, mapping: &ColumnMapping, zone: &dyn LocalZone) -> ReadHistory {
    let mut problems: std::collections::BTreeMap<RowProblem, Vec<usize>> = Default::default();
    let mut samples: Vec<(i64, usize, Sample)> = Vec::with_capacity(table.rows.len());
    let name = |column: usize| table.header.get(column).cloned().unwrap_or_default();
    let needed = mapping_columns(mapping).into_iter().max().unwrap_or(0);
    for (line, cells) in &table.rows {
        let line = *line;
        if cells.len() <= needed.max(mapping.timestamp) {
            problems
                .entry(RowProblem::MissingCells)
                .or_default()
                .push(line);
            continue;
        }
        let Some(at_ms) = parse_timestamp(&cells[mapping.timestamp], zone) else {
            problems
                .entry(RowProblem::BadTimestamp)
                .or_default()
                .push(line);
            continue;
        };
        let number = |column: usize| -> Result<f64, RowProblem> {
            let text = cells[column].trim();
            // A decimal comma (spreadsheets in many locales write 0,5) is read as a point,
            // unless it may be a thousands separator: one to three digits, a comma, three
            // digits (1,234 or 12,500), which is refused rather than guessed.
            let decimal_comma = (text.matches(',').count() == 1 && !text.contains('.'))
                .then(|| {
                    let (whole, fraction) = text.split_once(',').unwrap_or((text, ""));
                    let digits = whole.trim_start_matches(['-', '+']);
                    let grouping = (1..=3).contains(&digits.len())
                        && !digits.starts_with('0')
                        && digits.bytes().all(|b| b.is_ascii_digit())
                        && fraction.len() == 3
                        && fraction.bytes().all(|b| b.is_ascii_digit());
                    if grouping {
                        Err(RowProblem::AmbiguousComma(name(column)))
                    } else {
                        Ok(text.replace(',', "."))
                    }
                })
                .transpose()?;
            decimal_comma
                .as_deref()
                .unwrap_or(text)
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| RowProblem::NotANumber(name(column)))
        };
        let sample = (|| -> Result<Sample, RowProblem> {
            match &mapping.measure {
                Measure::Counts { good, bad, total } => {
                    let total = number(*total)?;
                    let (good, part) = match (good, bad) {
                        (Some(g), _) => {
                            let good = number(*g)?;
                            (good, good)
                        }
                        (None, Some(b)) => {
                            let bad = number(*b)?;
                            (total - bad, bad)
                        }
                        (None, None) => return Err(RowProblem::MissingCells),
                    };
                    if total < 0.0 || part < 0.0 {
                        return Err(RowProblem::NegativeCount);
                    }
                    if part > total {
                        return Err(RowProblem::PartAboveTotal);
                    }
                    Ok(Sample { at_ms, good, total })
                }
                Measure::ErrorRatio { column, percent } => {
                    let scale = if *percent { 100.0 } else { 1.0 };
                    let ratio = number(*column)? / scale;
                    if !(0.0..=1.0).contains(&ratio) {
                        return Err(RowProblem::RatioOutOfRange);
                    }
                    Ok(Sample {
                        at_ms,
                        good: 1.0 - ratio,
                        total: 1.0,
                    })
                }
                Measure::Threshold {
                    column,
                    threshold,
                    good_when,
                } => {
                    let value = number(*column)?;
                    let good = match good_when {
                        GoodWhen::AtMost => value <= *threshold,
                        GoodWhen::AtLeast => value >= *threshold,
                    };
                    Ok(Sample {
                        at_ms,
                        good: if good { 1.0 } else { 0.0 },
                        total: 1.0,
                    })
                }
            }
        })();
        match sample {
            Ok(sample) => samples.push((at_ms, line, sample)),
            Err(problem) => problems.entry(problem).or_default().push(line),
        }
    }
    let out_of_order = samples.windows(2).filter(|w| w[1].0 < w[0].0).count();
    samples.sort_by_key(|(at, line, _)| (*at, *line));
    let mut kept: Vec<Sample> = Vec::with_capacity(samples.len());
    for (at, line, sample) in samples {
        if kept.last().is_some_and(|k| k.at_ms == at) {
            problems
                .entry(RowProblem::DuplicateTimestamp)
                .or_default()
                .push(line);
        } else {
            kept.push(sample);
        }
    }
    ReadHistory {
        samples: kept,
        weight: match mapping.measure {
            Measure::Counts { .. } => Weight::Events,
            _ => Weight::Time,
        },
        problems: problems
            .into_iter()
            .map(|(problem, mut lines)| {
                lines.sort_unstable();
                RowProblems { problem, lines }
            })
            .collect(),
        out_of_order,
    }
}

fn mapping_columns(mapping: &ColumnMapping) -> Vec<usize> {
    match &mapping.measure {
        Measure::Counts { good, bad, total } => {
            [*good, *bad, Some(*total)].into_iter().flatten().collect()
        }
        Measure::ErrorRatio { column, .. } | Measure::Threshold { column, .. } => vec![*column],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> ReadHistory {
        let table = read_table(text).unwrap();
        let mapping = guess_mapping(&table.header).unwrap();
        read_history(&table, &mapping, &0)
    }

    #[test]
    fn counts_with_quotes_semicolons_and_a_bom() {
        let text = "\u{feff}\"timestamp\";good;total\r\n2026-09-01T00:00:00Z;\"99\";100\r\n\r\n2026-09-01T00:01:00Z;100;100\r\n";
        let h = read(text);
        assert_eq!(h.weight, Weight::Events);
        assert_eq!(h.problems, vec![]);
        assert_eq!(h.samples.len(), 2);
        assert_eq!((h.samples[0].good, h.samples[0].total), (99.0, 100.0));
    }

    #[test]
    fn reading_in_steps_gives_the_same_table_and_its_progress() {
        let texts = [
            "\u{feff}\"time\";good;total\r\n2026-09-01T00:00:00Z;\"9\"\"9\";100\r\n\r\n1788264060;100;100",
            "timestamp,note,value\n1788264000,\"two\nlines, ünïcode\",250\n1788264060,\"\",310\n",
            "timestamp,good\n\"2026,1\n",
        ];
        for text in texts {
            let whole = read_table(text);
            for bytes in [1, 2, 3, 7, 64] {
                let mut reader = TableReader::new(text);
                let mut shares = Vec::new();
                while !reader.done(text) {
                    shares.push(reader.step(text, bytes));
                }
                assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");
                assert_eq!(shares.last(), Some(&1.0));
                assert_eq!(reader.finish(), whole, "{bytes}-byte steps of {text:?}");
            }
        }
        let mut reader = TableReader::new("t,v\n1,2\n3,4\n");
        assert_eq!(reader.step("t,v\n1,2\n3,4\n", 6), 0.5);
    }

    #[test]
    fn bad_and_total_gives_good() {
        let h = read("time,bad,total\n1788264000,3,10\n");
        assert_eq!((h.samples[0].good, h.samples[0].total), (7.0, 10.0));
    }

    #[test]
    fn a_percentage_column_is_recognised_by_its_name() {
        let table = read_table("timestamp,error %\n2026-09-01T00:00:00Z,2.5\n").unwrap();
        let mapping = guess_mapping(&table.header).unwrap();
        assert_eq!(
            mapping.measure,
            Measure::ErrorRatio {
                column: 1,
                percent: true
            }
        );
        let h = read_history(&table, &mapping, &0);
        assert!((h.samples[0].good - 0.975).abs() < 1e-12);
    }

    #[test]
    fn every_messy_row_is_reported_by_line_and_the_rest_kept() {
        let text = "timestamp,good,total\n\
            2026-09-01T00:02:00Z,10,10\n\
            2026-09-01T00:00:00Z,10,10\n\
            2026-09-01T00:01:00Z,11,10\n\
            2026-09-01T00:03:00Z,n/a,10\n\
            2026-09-01T00:04:00Z,-1,10\n\
            not a time,1,1\n\
            2026-09-01T00:00:00Z,9,10\n\
            2026-09-01T00:05:00Z\n\
            2026-09-01T00:06:00Z,5,10\n";
        let h = read(text);
        let messages: Vec<String> = h.problems.iter().map(RowProblems::message).collect();
        assert_eq!(
            messages,
            vec![
                "1 row has fewer cells than the header: line 9",
                "1 row has a timestamp that is not a date and time: line 7",
                "1 row has a value in “good” that is not a number: line 5",
                "1 row has a negative count: line 6",
                "1 row has more good or bad events than total events: line 4",
                "1 row has the timestamp of an earlier row (the first one is kept): line 8",
            ]
        );
        assert_eq!(h.out_of_order, 1);
        let times: Vec<i64> = h
            .samples
            .iter()
            .map(|s| (s.at_ms - h.samples[0].at_ms) / 60_000)
            .collect();
        assert_eq!(
            times,
            vec![0, 2, 6],
            "sorted, the first of the duplicates kept"
        );
        assert_eq!(h.samples[0].good, 10.0, "line 3 kept, line 8 dropped");
    }

    #[test]
    fn thresholded_values_are_time_slices() {
        let table = read_table("timestamp,value\n1788264000,250\n1788264060,310\n").unwrap();
        let mapping = ColumnMapping {
            timestamp: 0,
            measure: Measure::Threshold {
                column: 1,
                threshold: 300.0,
                good_when: GoodWhen::AtMost,
            },
        };
        let h = read_history(&table, &mapping, &0);
        assert_eq!(h.weight, Weight::Time);
        let good: Vec<f64> = h.samples.iter().map(|s| s.good).collect();
        assert_eq!(good, vec![1.0, 0.0]);
    }

    #[test]
    fn broken_files_say_what_is_wrong() {
        assert_eq!(
            read_table("").unwrap_err(),
            "the file is empty: expected a header row and data rows"
        );
        assert_eq!(
            read_table("timestamp,good\n\"2026,1\n").unwrap_err(),
            "line 2: a quoted cell is never closed (a \" is missing)"
        );
        assert!(read_table("just one column\n1\n")
            .unwrap_err()
            .starts_with("line 1:"));
        assert_eq!(guess_mapping(&["when".into(), "value".into()]), None);
    }

    #[test]
    fn many_lines_are_shortened() {
        let p = RowProblems {
            problem: RowProblem::NegativeCount,
            lines: (2..20).collect(),
        };
        assert_eq!(
            p.message(),
            "18 rows have a negative count: lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 8 more"
        );
    }

    #[test]
    fn a_decimal_comma_is_read_as_a_decimal_point() {
        let table = read_table("timestamp;error_ratio\n2026-09-01T00:00:00Z;0,25\n").unwrap();
        let h = read_history(&table, &guess_mapping(&table.header).unwrap(), &0);
        assert_eq!(h.problems, vec![]);
        assert_eq!(h.samples[0].good / h.samples[0].total, 0.75);
    }

    #[test]
    fn a_comma_that_may_group_thousands_is_refused_not_guessed() {
        let table = read_table(
            "timestamp;good;total\n2026-09-01T00:00:00Z;1,234;2,000\n2026-09-01T00:01:00Z;0,5;1,25\n2026-09-01T00:02:00Z;12,5;-1,234\n",
        )
        .unwrap();
        let h = read_history(&table, &guess_mapping(&table.header).unwrap(), &0);
        assert_eq!(
            h.messages(),
            vec!["2 rows have a value in “total” like 1,234 whose comma may separate thousands or decimals (write 1234 or 1.234): lines 2, 4"]
        );
        assert_eq!(h.samples.len(), 1);
        assert_eq!((h.samples[0].good, h.samples[0].total), (0.5, 1.25));
    }

    #[test]
    fn a_table_larger_than_a_history_can_be_is_refused_while_splitting() {
        let mut rows = String::from("timestamp,good,total\n");
        for i in 0..=MAX_ROWS {
            rows.push_str(&format!("{i},1,1\n"));
        }
        assert_eq!(
            read_table(&rows).unwrap_err(),
            "line 1000002: the file has more than 1000000 data rows; at most 1000000 can be imported (export a shorter span or a coarser step)"
        );
        let separators = format!("timestamp,value\n1,{}", ",".repeat(MAX_CELLS));
        assert_eq!(
            read_table(&separators).unwrap_err(),
            "line 2: the file has more than 8000000 cells; at most 8000000 can be imported (a timestamp and up to seven values for each of 1000000 rows)"
        );
        // Blank lines are not rows.
        let blank = format!("timestamp,good,total\n{}1,1,1\n", "\n".repeat(MAX_ROWS + 5));
        assert_eq!(read_table(&blank).unwrap().rows.len(), 1);
    }
}
