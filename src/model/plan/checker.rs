//! The checks every part of a plan uses while its content is validated: text lengths,
//! required text, unique ids, numbers in range, dates, levels and references, each
//! collected as a problem with its field path.

use std::collections::HashSet;

use crate::model::plan::calendar::{parse_date, parse_timestamp};
use crate::model::plan::problem::Problem;
use crate::model::plan::MAX_LEVEL;

/// Most items of one kind a plan may hold; more is refused rather than slowing the page.
pub const MAX_ITEMS: usize = 2_000;

/// Longest text a field may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Collects problems with their paths while a plan is checked, with the checks every
/// part uses (text lengths, required text, unique ids, ranges, dates, references).
#[derive(Default)]
pub struct Checker {
    /// The problems found so far.
    pub problems: Vec<Problem>,
}

impl Checker {
    pub fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::at(path, message));
    }

    pub fn text(&mut self, path: &str, value: &str) {
        let chars = value.chars().count();
        if chars > MAX_TEXT_CHARS {
            self.fail(
                path,
                format!("is {chars} characters long; at most {MAX_TEXT_CHARS} are allowed"),
            );
        }
    }

    pub fn text_required(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(path, "must not be empty");
        } else {
            self.text(path, value);
        }
    }

    pub fn timestamp(&mut self, path: &str, value: &str) {
        if parse_timestamp(value).is_none() {
            self.fail(
                path,
                format!("{value:?} is not a UTC timestamp like \"2026-11-24T09:30:00Z\""),
            );
        }
    }

    pub fn date(&mut self, path: &str, value: &str) {
        if parse_date(value).is_none() {
            self.fail(path, format!("{value:?} is not a date like \"2026-11-24\""));
        }
    }

    pub fn level(&mut self, path: &str, level: u8) {
        if level > MAX_LEVEL {
            self.fail(
                path,
                format!("{level} is not a level between 0 and {MAX_LEVEL}"),
            );
        }
    }

    pub fn within(&mut self, path: &str, value: f64, min: f64, max: f64) {
        if !value.is_finite() || value < min || value > max {
            self.fail(path, format!("{value} is not between {min} and {max}"));
        }
    }

    pub fn positive(&mut self, path: &str, value: f64) {
        if !value.is_finite() || value <= 0.0 {
            self.fail(path, format!("{value} must be a number greater than 0"));
        }
    }

    pub fn count(&mut self, path: &str, len: usize, what: &str) -> bool {
        if len > MAX_ITEMS {
            self.fail(
                path,
                format!("holds {len} {what}; a plan can hold at most {MAX_ITEMS}"),
            );
            return false;
        }
        true
    }

    /// Records the ids of a list, reporting empty and duplicate ones. An id is any
    /// non-blank text up to [`MAX_TEXT_CHARS`], with no charset: plans from other tools and
    /// old files carry ids like "Shop API". So no export writes one raw: YAML through
    /// `interop::yaml::{quoted, comment}`, PromQL through `promql::quote`, and names with a
    /// charset of their own (Kubernetes, Sloth, alert names) are derived from it
    /// (`yaml::dns_name`, `sloth::sloth_name`, `prometheus_rules::alert_name`).
    pub fn ids<'a>(
        &mut self,
        path: &str,
        ids: impl Iterator<Item = &'a String>,
    ) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.fail(format!("{path}[{i}].id"), "must not be empty");
            } else if !seen.insert(id.as_str()) {
                self.fail(
                    format!("{path}[{i}].id"),
                    format!("{id:?} is used by an earlier entry; ids must be unique"),
                );
            }
        }
        seen
    }

    pub fn reference(&mut self, path: &str, id: &str, known: &HashSet<&str>, what: &str) {
        if !known.contains(id) {
            self.fail(
                path,
                format!("refers to {what} {id:?}, which is not in this plan"),
            );
        }
    }
}
