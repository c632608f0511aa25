//! The one door for a history file: it recognises the kind (a Prometheus `query_range`
//! response or a CSV), checks the stated limits, and splits the file into a [`Table`] in
//! steps, so the page can show progress and stop, while tests and tools read the same way
//! in one go ([`read_history_file`]). A new history format is added here, once.

use super::csv_reader::{Table, TableReader};
use super::limits::MAX_HISTORY_BYTES;
use super::prometheus_range::{looks_like_json, read_query_range};

/// A history file being split into a table.
#[derive(Debug)]
pub struct HistorySplit<'a> {
    text: &'a str,
    kind: Kind,
}

/// What the file was recognised as.
#[derive(Debug)]
enum Kind {
    /// A CSV, split a slice at a time.
    Csv(TableReader),
    /// A Prometheus response, read as a whole by [`HistorySplit::finish`].
    PrometheusJson,
}

/// "61.2 MB; histories larger than 50 MB cannot be imported" when `bytes` is over the
/// limit, to follow the file's name; the page says it before reading a file's bytes.
pub fn check_history_size(bytes: f64) -> Result<(), String> {
    if bytes > MAX_HISTORY_BYTES as f64 {
        return Err(format!(
            "{:.1} MB; histories larger than {} MB cannot be imported",
            bytes / 1_048_576.0,
            MAX_HISTORY_BYTES / 1_048_576
        ));
    }
    Ok(())
}

impl<'a> HistorySplit<'a> {
    /// Recognises `bytes` (UTF-8 text, a byte-order mark skipped) or says why it cannot be a
    /// history.
    pub fn open(bytes: &'a [u8]) -> Result<HistorySplit<'a>, String> {
        check_history_size(bytes.len() as f64).map_err(|why| format!("the file is {why}"))?;
        let text = history_text(bytes)?;
        let kind = if looks_like_json(text) {
            Kind::PrometheusJson
        } else {
            Kind::Csv(TableReader::new(text))
        };
        Ok(HistorySplit { text, kind })
    }

    /// Splits about `bytes` more of the file and returns the share done (0–1).
    pub fn step(&mut self, bytes: usize) -> f64 {
        match &mut self.kind {
            Kind::Csv(reader) => reader.step(self.text, bytes),
            Kind::PrometheusJson => 1.0,
        }
    }

    /// Whether the file is split (a Prometheus response is read whole by `finish`).
    pub fn done(&self) -> bool {
        match &self.kind {
            Kind::Csv(reader) => reader.done(self.text),
            Kind::PrometheusJson => true,
        }
    }

    /// The table, or what is wrong with the file.
    pub fn finish(self) -> Result<Table, String> {
        match self.kind {
            Kind::Csv(reader) => reader.finish(),
            Kind::PrometheusJson => read_query_range(self.text),
        }
    }
}

/// Reads a history file into a table in one go: a Prometheus query_range response (JSON) or
/// a CSV. The error says what is wrong, for the message "“file” cannot be imported: …".
pub fn read_history_file(bytes: &[u8]) -> Result<Table, String> {
    let mut split = HistorySplit::open(bytes)?;
    split.step(usize::MAX);
    split.finish()
}

/// A history file's text, without a byte-order mark, or why it is not text.
pub fn history_text(bytes: &[u8]) -> Result<&str, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "the file is not UTF-8 text; save it as UTF-8 CSV".to_string())?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}
