//! `sre-workbook`, the command-line workbook: the page's own reading, validation, exports,
//! diff and replay, for CI and for people who keep their plan in a repository. Native only
//! (src/main.rs calls [`main`] outside the browser); the wasm build never carries it.
//!
//! Exit codes: 0 all well, 1 problems found (an invalid plan, a drifted rule file, plans that
//! differ), 2 the command could not run as asked (usage, a file that cannot be read).

mod check;
mod diff;
mod export;
mod migrate;
mod plan_file;
mod replay;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// What went wrong when a command could not do its job, and the exit code that says so.
pub enum Failure {
    /// Problems found in the input (exit 1); the lines were already printed.
    Problems,
    /// The command could not run as asked (exit 2), with the reason.
    Usage(String),
}

/// The result of a command: `Ok(true)` when all is well, `Ok(false)` when it found what it
/// reports with exit 1 (plans differ, a rule file drifted).
pub type Outcome = Result<bool, Failure>;

/// Plans as code: check, export, diff and replay SRE Foundations Workbook plans.
#[derive(Parser)]
#[command(name = "sre-workbook", version)]
#[command(
    after_help = "Exit codes: 0 all well, 1 problems found (an invalid plan, a rule file that is not what the plan generates, plans that differ), 2 usage or an unreadable file."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output for people or for machines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Lines of words.
    Text,
    /// One JSON document.
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Read a plan file, bring it to the current format in memory and validate it, with the
    /// page's messages and field paths, one per line. Exit 1 on any problem.
    Check {
        /// The plan file (JSON, any format version).
        plan: PathBuf,
        /// Text lines, or JSON for machines.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write one of the page's downloads from a plan, byte for byte as the page makes it.
    Export(export::ExportArgs),
    /// Summarize what changed between two plan files, for review. Exit 0 when they are the
    /// same, 1 when they differ.
    Diff {
        /// The plan before.
        old: PathBuf,
        /// The plan after.
        new: PathBuf,
        /// Words for a terminal, Markdown for a pull-request comment, or JSON.
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Text)]
        format: diff::DiffFormat,
    },
    /// Replay a history of an SLO's SLI against it: attainment per window and month, the
    /// alerts that would have fired, and the strictest target met (the figures of the
    /// Scenarios page's "Replay history").
    Replay(replay::ReplayArgs),
    /// Write a plan file in the current format version.
    Migrate {
        /// The plan file (any format version).
        plan: PathBuf,
        /// Where to write it (standard output when not given; may be the input file).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Runs the command line `args` (the program name first) and returns its exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output with exit 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let outcome = match cli.command {
        Command::Check { plan, format } => check::run(&plan, format),
        Command::Export(args) => export::run(&args),
        Command::Diff { old, new, format } => diff::run(&old, &new, format),
        Command::Replay(args) => replay::run(&args),
        Command::Migrate { plan, output } => migrate::run(&plan, output.as_deref()),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) | Err(Failure::Problems) => ExitCode::from(1),
        Err(Failure::Usage(why)) => {
            eprintln!("sre-workbook: {why}");
            ExitCode::from(2)
        }
    }
}

/// The command line of this process.
pub fn main() -> ExitCode {
    run(std::env::args_os())
}

/// Writes `text` to `path`, or to standard output when there is none.
fn write_out(path: Option<&std::path::Path>, text: &str) -> Result<(), Failure> {
    match path {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display()))),
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| Failure::Usage(format!("cannot write to standard output: {e}")))
        }
    }
}

/// The usage error for an id the plan does not have, listing the ids it has.
fn unknown_id<'a>(
    what: &str,
    plural: &str,
    id: &str,
    known: impl Iterator<Item = &'a str>,
) -> Failure {
    let known: Vec<&str> = known.collect();
    Failure::Usage(format!(
        "the plan has no {what} with id “{id}”; its {plural} are: {}",
        if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        }
    ))
}
