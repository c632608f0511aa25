//! The source files' import graph has no cycles: no file uses another that (directly or
//! through others) uses it back. A cycle means two files cannot be read, tested or moved
//! apart; this test names every cycle it finds, so a new one is caught when it is made.
//!
//! A file's imports are the `crate::…` and `super::…` paths outside its tests, each taken to
//! the file of the longest module it names; a name a folder re-exports (`pub use x::*`)
//! counts as the file it comes from.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`crate::model::plan::format`) of every source file, with its text.
fn source_files() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix("src").unwrap().with_extension("");
                let mut parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                match parts.last().map(String::as_str) {
                    Some("main") => continue,
                    Some("lib" | "mod") => {
                        parts.pop();
                    }
                    _ => {}
                }
                let module = std::iter::once("crate".to_string())
                    .chain(parts)
                    .collect::<Vec<_>>()
                    .join("::");
                out.insert(module, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(Path::new("src"), &mut files);
    files
}

/// The code outside `#[cfg(test)]` modules (tests may use anything) and comments (a doc
/// link is no import).
fn outside_tests(text: &str) -> String {
    let code = text
        .find("#[cfg(test)]\nmod ")
        .map_or(text, |at| &text[..at]);
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a text names: `crate::a::b`, `super::c`, and each item of `crate::a::{b, c::d}`.
fn named_paths(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let bytes = text.as_bytes();
    for root in ["crate::", "super::"] {
        for (at, _) in text.match_indices(root) {
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let rest = &text[at..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let path = rest[..end].trim_end_matches(':').to_string();
            if rest[end..].starts_with('{') {
                let group = &rest[end + 1..rest[end..].find('}').map_or(end, |i| end + i)];
                for item in group.split(',') {
                    let item: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                        .collect();
                    if !item.is_empty() && item != "self" {
                        paths.push(format!("{path}::{item}"));
                    }
                }
            }
            paths.push(path);
        }
    }
    paths
}

/// The file a path leads to, seen from `module`: the longest module it names, or the
/// module a folder re-exports the named item from.
fn target(
    module: &str,
    path: &str,
    files: &BTreeMap<String, String>,
    globs: &BTreeMap<String, Vec<String>>,
) -> Option<String> {
    let absolute = match path.strip_prefix("super::") {
        Some(rest) => {
            let parent = module.rsplit_once("::").map_or("crate", |(p, _)| p);
            format!("{parent}::{rest}")
        }
        None if path == "super" => module.rsplit_once("::")?.0.to_string(),
        None => path.to_string(),
    };
    let segments: Vec<&str> = absolute.split("::").collect();
    for len in (1..=segments.len()).rev() {
        let candidate = segments[..len].join("::");
        if files.contains_key(&candidate) {
            // An item of a folder that re-exports a child's items: that child.
            if len < segments.len()
                && !files.contains_key(&format!("{candidate}::{}", segments[len]))
            {
                if let Some(children) = globs.get(&candidate) {
                    if let Some(child) = children.first() {
                        return Some(format!("{candidate}::{child}"));
                    }
                }
            }
            return Some(candidate);
        }
    }
    None
}

/// Strongly connected groups of more than one file: the cycles.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Kosaraju: finish order on the graph, then components on the reversed graph.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        seen: &mut BTreeSet<String>,
        out: &mut Vec<String>,
    ) {
        let mut stack = vec![(node.to_string(), false)];
        while let Some((n, done)) = stack.pop() {
            if done {
                out.push(n);
                continue;
            }
            if !seen.insert(n.clone()) {
                continue;
            }
            stack.push((n.clone(), true));
            for next in edges.get(&n).into_iter().flatten() {
                if !seen.contains(next) {
                    stack.push((next.clone(), false));
                }
            }
        }
    }
    let mut reversed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, tos) in edges {
        for to in tos {
            reversed.entry(to.clone()).or_default().insert(from.clone());
        }
    }
    let (mut seen, mut order) = (BTreeSet::new(), Vec::new());
    for node in edges.keys() {
        visit(node, edges, &mut seen, &mut order);
    }
    let mut assigned = BTreeSet::new();
    let mut groups = Vec::new();
    for node in order.iter().rev() {
        if assigned.contains(node) {
            continue;
        }
        let mut group = Vec::new();
        visit(node, &reversed, &mut assigned, &mut group);
        if group.len() > 1 {
            group.sort();
            groups.push(group);
        }
    }
    groups
}

#[test]
fn no_source_file_imports_one_that_imports_it_back() {
    let files = source_files();
    assert!(files.len() > 100, "found only {} files", files.len());
    let globs: BTreeMap<String, Vec<String>> = files
        .iter()
        .map(|(module, text)| {
            let children = text
                .lines()
                .filter_map(|l| l.trim().strip_prefix("pub use ")?.strip_suffix("::*;"))
                .map(str::to_string)
                .collect();
            (module.clone(), children)
        })
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, text) in &files {
        let mut to: BTreeSet<String> = named_paths(&outside_tests(text))
            .iter()
            .filter_map(|path| target(module, path, &files, &globs))
            .filter(|t| t != module)
            .collect();
        // A folder re-exporting a child's items depends on that child, not on the others.
        for child in &globs[module] {
            to.insert(format!("{module}::{child}"));
        }
        edges.insert(module.clone(), to);
    }
    let found = cycles(&edges);
    assert!(
        found.is_empty(),
        "files that import each other (directly or in a ring):\n{}",
        found
            .iter()
            .map(|group| format!("  {}", group.join(" <-> ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_checker_sees_a_cycle() {
    let edges: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(str::to_string).collect()))
    .collect();
    assert_eq!(cycles(&edges), vec![vec!["a", "b", "c"]]);
    let paths = named_paths("use crate::model::{plan::Plan, slo}; super::x::y(); my_crate::z");
    assert_eq!(
        paths,
        [
            "crate::model::plan::Plan",
            "crate::model::slo",
            "crate::model",
            "super::x::y"
        ]
    );
}
