//! Walking JSON text without building it: where a value ends, and the members of an object.
//! Reading a 5 MB plan into a `serde_json::Value` costs more than reading it as a plan; these
//! byte scans let the plan reader split off the file header and find its way to an error
//! without that copy. They never recurse (a hostile file may nest as deep as it likes) and
//! never panic: on text that is not JSON they answer `None` or stop early, and the callers
//! then take the full reader's path, which names the syntax error.

use std::ops::Range;

/// The index of the first byte at or after `i` that is not JSON whitespace.
pub fn skip_whitespace(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The index just past the string whose opening quote is at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    None
}

/// The index just past the value that starts at `start` (after whitespace): a string,
/// a whole list or object, or a number or word.
pub fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = skip_whitespace(bytes, start);
    let mut depth = 0usize;
    loop {
        match *bytes.get(i)? {
            b'"' => i = string_end(bytes, i)?,
            b'{' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            _ if depth == 0 => {
                // A number or word: up to the next delimiter.
                let end = bytes[i..]
                    .iter()
                    .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                    .map_or(bytes.len(), |n| i + n);
                return (end > i).then_some(end);
            }
            _ => i += 1,
        }
        if depth == 0 {
            return Some(i);
        }
    }
}

/// One `"key": value` of an object: its key read as a string, and where the member and its
/// value lie in the text.
#[derive(Debug)]
pub struct Member {
    /// The key, with escapes resolved.
    pub key: String,
    /// From the key's opening quote to the end of the value.
    pub span: Range<usize>,
    /// The value alone.
    pub value: Range<usize>,
}

/// What [`for_each_member`] calls with each key's raw text, the member's range and the
/// value's range.
pub type OnMember<'a> = dyn FnMut(&str, Range<usize>, Range<usize>) + 'a;

/// Reads the members of the object starting at `start` (after whitespace), calling `each`
/// with every key's raw text (quotes and escapes included) and its value's range; returns
/// the index just past the object. `None` when the text there is not an object.
pub fn for_each_member(text: &str, start: usize, each: &mut OnMember<'_>) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = skip_whitespace(bytes, start);
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_whitespace(bytes, i + 1);
    if bytes.get(i) == Some(&b'}') {
        return Some(i + 1);
    }
    loop {
        if bytes.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = string_end(bytes, i)?;
        let colon = skip_whitespace(bytes, key_end);
        if bytes.get(colon) != Some(&b':') {
            return None;
        }
        let value_start = skip_whitespace(bytes, colon + 1);
        let end = value_end(bytes, value_start)?;
        each(text.get(i..key_end)?, i..end, value_start..end);
        i = skip_whitespace(bytes, end);
        match bytes.get(i) {
            Some(b',') => i = skip_whitespace(bytes, i + 1),
            Some(b'}') => return Some(i + 1),
            _ => return None,
        }
    }
}

/// A key's raw text (with its quotes) as the string it stands for.
pub fn key_text(raw: &str) -> Option<String> {
    string_value(raw)
}

/// A JSON string's raw text (with its quotes) as the string it stands for, escapes
/// resolved; `None` unless it is exactly one valid JSON string. The page reads its small
/// stored entries (the session) with this rather than the full JSON reader, which is a part
/// of its own that a first visit never fetches.
pub fn string_value(raw: &str) -> Option<String> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\u{0}'..='\u{1f}' => return None,
            '\\' => out.push(match chars.next()? {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => {
                    let unit = hex4(&mut chars)?;
                    match unit {
                        0xD800..=0xDBFF => {
                            // A leading surrogate: its trailing half must follow.
                            if chars.next()? != '\\' || chars.next()? != 'u' {
                                return None;
                            }
                            let low = hex4(&mut chars)?;
                            if !(0xDC00..=0xDFFF).contains(&low) {
                                return None;
                            }
                            char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                        }
                        _ => char::from_u32(unit)?,
                    }
                }
                _ => return None,
            }),
            c => out.push(c),
        }
    }
    Some(out)
}

/// Four hex digits of a `\u` escape.
fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    (0..4).try_fold(0, |n, _| Some(n * 16 + chars.next()?.to_digit(16)?))
}

/// The members of the top-level object in `text`, in order; `None` unless the whole text
/// is one object whose members can be told apart.
pub fn top_level_members(text: &str) -> Option<Vec<Member>> {
    let mut members = Vec::new();
    let mut bad_key = false;
    let end = for_each_member(text, 0, &mut |raw, span, value| match key_text(raw) {
        Some(key) => members.push(Member { key, span, value }),
        None => bad_key = true,
    })?;
    (!bad_key && skip_whitespace(text.as_bytes(), end) == text.len()).then_some(members)
}

/// The items of the list starting at `start` (after whitespace), as ranges, and the index
/// just past the list; `None` when the text there is not a list.
pub fn list_items(text: &str, start: usize) -> Option<(Vec<Range<usize>>, usize)> {
    let bytes = text.as_bytes();
    let mut i = skip_whitespace(bytes, start);
    if bytes.get(i) != Some(&b'[') {
        return None;
    }
    i = skip_whitespace(bytes, i + 1);
    let mut items = Vec::new();
    if bytes.get(i) == Some(&b']') {
        return Some((items, i + 1));
    }
    loop {
        let item_start = skip_whitespace(bytes, i);
        let end = value_end(bytes, item_start)?;
        items.push(item_start..end);
        i = skip_whitespace(bytes, end);
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b']') => return Some((items, i + 1)),
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_end_after_strings_with_brackets_and_escapes_and_nested_lists() {
        let text = r#" {"a": "x]\"}", "b": [1, {"c": [ ]}], "d": -1.5e3 , "e": true}"#;
        let members = top_level_members(text).unwrap();
        let keys: Vec<&str> = members.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["a", "b", "d", "e"]);
        let values: Vec<&str> = members.iter().map(|m| &text[m.value.clone()]).collect();
        assert_eq!(
            values,
            [r#""x]\"}""#, r#"[1, {"c": [ ]}]"#, "-1.5e3", "true"]
        );
        assert_eq!(&text[members[1].span.clone()], r#""b": [1, {"c": [ ]}]"#);
        let (items, _) = list_items(text, text.find('[').unwrap()).unwrap();
        let items: Vec<&str> = items.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(items, ["1", r#"{"c": [ ]}"#]);
    }

    #[test]
    fn escaped_keys_are_read_and_text_that_is_not_one_object_is_refused() {
        let members = top_level_members(r#"{"a\"b\u0063": 1}"#).unwrap();
        assert_eq!(members[0].key, "a\"bc");
        for bad in [
            "",
            "[]",
            "{",
            r#"{"a": 1"#,
            r#"{"a" 1}"#,
            r#"{"a": 1} x"#,
            r#"{"a": [1}"#,
            r#"{"a": "open}"#,
            r#"{"a":}"#,
        ] {
            assert!(top_level_members(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn strings_read_as_serde_json_reads_them() {
        for raw in [
            r#""""#,
            r#""plain""#,
            r#""a\"b\\c\/d\b\f\n\r\t""#,
            r#""\u0041\u00e9\u20ac\ud83d\ude00""#,
            "\"“quoted” ünïcödé 🙂\"",
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\ud83d\u0041""#,
            r#""\x""#,
            r#""\u00g0""#,
            r#""a"b""#,
            "\"tab\tinside\"",
            r#""open"#,
            r#"open""#,
            r#""trailing\""#,
        ] {
            assert_eq!(
                string_value(raw),
                serde_json::from_str::<String>(raw).ok(),
                "{raw}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let deep = format!(
            "{{\"a\": {}{}}}",
            "[".repeat(1_000_000),
            "]".repeat(1_000_000)
        );
        assert_eq!(top_level_members(&deep).unwrap().len(), 1);
    }
}
