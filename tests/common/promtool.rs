//! Running Prometheus' own `promtool` from a test: a scratch folder for its files, and the
//! command, which must succeed. Needs Debian's `prometheus` package (`make test` installs it).

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh folder under target/ for one test's files.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs promtool in `dir`; panics with (the start of) its output unless it succeeds.
pub fn promtool(args: &[&str], dir: &Path) -> String {
    let output = Command::new("promtool")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("promtool could not run ({e}): install Debian's prometheus package (make test does)")
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "promtool {args:?} failed:\n{}",
        &text[..text.len().min(4000)]
    );
    text
}
