//! What a history import can hold, stated once and checked before anything is allocated:
//! by the file reader (bytes), the CSV splitter and the Prometheus reader (rows, series,
//! cells), the minute grid (days) and the plan that keeps the rows (the same row count, so
//! an import that is accepted can always be kept and read back after a reload).

/// The largest history file read, in bytes.
pub const MAX_HISTORY_BYTES: usize = 50 * 1024 * 1024;

/// The most data rows (CSV lines, or distinct timestamps of a Prometheus response): what a
/// plan keeps ([`crate::model::history::series::MAX_ROWS`]).
pub const MAX_ROWS: usize = crate::model::history::series::MAX_ROWS;

/// The most cells a table holds (rows × columns): 1,000,000 rows of a timestamp and up to
/// seven values. A file of separators alone would otherwise make tens of millions of cells.
pub const MAX_CELLS: usize = 8_000_000;

/// The most series in a Prometheus response: an SLI is one or two series (good and total,
/// or an error ratio); a query that returns more wants a `sum(...)` around it.
pub const MAX_SERIES: usize = 100;

/// The longest span replayed, in minutes: 400 days, what a plan keeps.
pub const MAX_MINUTES: usize = crate::model::history::series::MAX_SPAN_MINUTES;
