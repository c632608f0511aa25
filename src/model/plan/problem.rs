//! A problem found in a plan: what is wrong and where (a field path such as
//! `slo_catalog.slos[2].target_percent`).

use std::fmt;

/// One thing wrong with a plan, with the field path it concerns ("" for the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Field path, e.g. `transition.teams[1].name`; empty when it concerns the whole file.
    pub path: String,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }

    /// A problem with the file as a whole.
    pub fn file(message: impl Into<String>) -> Self {
        Problem::at("", message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Why a plan file or stored entry could not be read; every problem found, not just the first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanError {
    /// The problems, in the order found.
    pub problems: Vec<Problem>,
}

impl PlanError {
    /// An error made of a single problem.
    pub fn single(problem: Problem) -> Self {
        PlanError {
            problems: vec![problem],
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.problems.iter().map(|p| p.to_string()).collect();
        write!(f, "{}", lines.join("\n"))
    }
}

impl std::error::Error for PlanError {}
