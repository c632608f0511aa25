//! Small pieces every YAML exporter writes the same way: quoted scalars and the names
//! Kubernetes-style tools accept.

use std::collections::HashSet;

/// A YAML double-quoted scalar (JSON strings are valid YAML).
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// A DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters, starting and
/// ending with a letter or digit) made from `id`, unique among `taken`.
pub fn dns_name(id: &str, taken: &mut HashSet<String>) -> String {
    let mut slug = String::new();
    for c in id.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut slug: String = slug.chars().take(56).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug = "unnamed".into();
    }
    let mut candidate = slug.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{slug}-{n}");
        n += 1;
    }
    candidate
}

/// A number without float noise: 0.0144 rather than 0.014400000000000001.
pub fn number(value: f64) -> String {
    let text = format!("{value:.12}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_float_noise() {
        assert_eq!(number(14.4 * 0.001), "0.0144");
        assert_eq!(number(6.0), "6");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(1e-13), "0");
    }
}
