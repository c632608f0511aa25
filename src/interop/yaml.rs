//! Small pieces every YAML exporter writes the same way: quoted scalars, comment text, map
//! keys and the names Kubernetes-style tools accept. Every piece of plan text that goes
//! into a YAML export goes through [`quoted`], [`comment`] or [`key`]: nothing else in
//! `interop` writes plan text into YAML.

use std::collections::HashSet;

/// Whether YAML 1.2 lets `c` stand in a stream as itself (its `c-printable` set, §5.1),
/// less the characters some parsers read as line breaks or a byte-order mark (NEL, LS,
/// PS, U+FEFF), which the exports always escape.
fn printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// A YAML double-quoted scalar holding exactly `text`: `"` and `\` escaped, and every
/// character outside YAML's printable set (controls, DEL, C1, NEL, LS, PS, BOM, U+FFFE/F)
/// written as a YAML escape, so no parser can read a line break, a document marker or a
/// refused byte into it.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if printable(c) => out.push(c),
            c if u32::from(c) <= 0xFF => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c => out.push_str(&format!("\\u{:04X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// Plan text for the inside of a YAML comment line (after `# `): every line break, control
/// and other character YAML does not print becomes a space, so the text can never end the
/// comment and start a key or a document of its own.
pub fn comment(text: &str) -> String {
    text.chars()
        .map(|c| if printable(c) { c } else { ' ' })
        .collect()
}

/// A mapping key: plain when it is a Prometheus label name (`[A-Za-z_][A-Za-z0-9_]*`, what
/// the plan's validation allows for alert labels) that no YAML 1.1 parser reads as a
/// boolean or null (`on`, `yes`, `null`…), otherwise [`quoted`].
pub fn key(text: &str) -> String {
    const SPECIAL: [&str; 10] = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    ];
    let mut chars = text.chars();
    let plain = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !SPECIAL.contains(&text.to_ascii_lowercase().as_str());
    if plain {
        text.to_string()
    } else {
        quoted(text)
    }
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

    #[test]
    fn quoted_escapes_everything_yaml_would_not_print() {
        assert_eq!(quoted("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(
            quoted("\n\r\t\u{0}\u{7F}\u{85}\u{9F}\u{2028}\u{2029}\u{FEFF}\u{FFFE}"),
            r#""\n\r\t\x00\x7F\N\x9F\L\P\uFEFF\uFFFE""#
        );
        assert_eq!(quoted("Café ☕ 🚀"), "\"Café ☕ 🚀\"");
    }

    #[test]
    fn comments_and_keys_cannot_break_a_line() {
        assert_eq!(comment("a\nb\rc\u{85}d\u{2028}e\u{7F}f"), "a b c d e f");
        assert_eq!(key("team"), "team");
        assert_eq!(key("_x1"), "_x1");
        assert_eq!(key("a: b\n"), r#""a: b\n""#);
        assert_eq!(key(""), r#""""#);
        assert_eq!(key("On"), r#""On""#);
    }
}
