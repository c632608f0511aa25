//! The app's small selector parser (model/promql.rs) held to a real PromQL parser
//! (promql-parser, host only): on every case below and on generated text, it accepts exactly
//! the plain vector selectors the real parser accepts (no range, offset or function), and
//! reads the same metric name and matchers.
#![cfg(not(target_arch = "wasm32"))]

use promql_parser::parser::{self, Expr};
use proptest::prelude::*;
use sre_workbook::model::slo::promql::parse_selector;

/// A selector as read: metric name and sorted (label, operator, value) matchers.
type Read = (Option<String>, Vec<(String, String, String)>);

/// The words Prometheus' lexer reads as keywords in any case, written out here rather than
/// taken from the code under test: the `key` map of `promql/parser/lex.go` (Prometheus
/// v2.53.0, line 101), the aggregations Prometheus 3 adds to it (`limitk`, `limit_ratio`),
/// and `inf` and `nan`, which it reads as numbers.
const PROMETHEUS_KEYWORDS: [&str; 30] = [
    "and",
    "or",
    "unless",
    "atan2", // operators
    "sum",
    "avg",
    "count",
    "min",
    "max",
    "group",
    "stddev",
    "stdvar",
    "topk",
    "bottomk",
    "count_values",
    "quantile",
    "limitk",
    "limit_ratio", // aggregators
    "offset",
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
    "bool", // keywords
    "start",
    "end", // preprocessors
    "inf",
    "nan", // numbers
];

/// What the real parser makes of `text`: `Some(normalized)` for a plain vector selector.
/// promql-parser follows Prometheus 3, which also takes quoted UTF-8 label names
/// (`{"a"="b"}`); the rule files target Prometheus 2 (promtool 2.42 checks them), whose
/// label names are classic, so quoted names count as not accepted.
fn reference(text: &str) -> Option<Read> {
    let quoted_name = regex_free_quoted_name(text);
    if quoted_name {
        return None;
    }
    // Prometheus (Go) lexes keywords such as `sum` or `On` as keywords in any case, never as
    // a metric name; promql-parser takes some of them as names. Follow Prometheus.
    let first_word: String = text
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    if PROMETHEUS_KEYWORDS.contains(&first_word.to_ascii_lowercase().as_str()) {
        return None;
    }
    match parser::parse(text) {
        Ok(Expr::VectorSelector(vs)) if vs.offset.is_none() && vs.at.is_none() => {
            let mut matchers: Vec<(String, String, String)> = vs
                .matchers
                .matchers
                .iter()
                .filter(|m| m.name != "__name__" || vs.name.is_none())
                .map(|m| (m.name.clone(), m.op.to_string(), m.value.clone()))
                .collect();
            matchers.sort();
            Some((vs.name.clone(), matchers))
        }
        _ => None,
    }
}

/// Whether a label name in `text` is written in quotes (a quote right after `{` or `,`).
fn regex_free_quoted_name(text: &str) -> bool {
    let mut in_string: Option<char> = None;
    let mut last_code = ' ';
    let mut escaped = false;
    for c in text.chars() {
        match in_string {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && q != '`' {
                    escaped = true;
                } else if c == q {
                    in_string = None;
                }
            }
            None if c.is_whitespace() => {}
            None => {
                if matches!(c, '"' | '\'' | '`') {
                    if matches!(last_code, '{' | ',') {
                        return true;
                    }
                    in_string = Some(c);
                }
                last_code = c;
            }
        }
    }
    false
}

fn ours(text: &str) -> Option<Read> {
    let s = parse_selector(text).ok()?;
    let mut matchers: Vec<(String, String, String)> = s
        .matchers
        .iter()
        .map(|m| (m.label.clone(), m.op.to_string(), m.value.clone()))
        .collect();
    matchers.sort();
    Some((s.metric, matchers))
}

fn agree(text: &str) {
    assert_eq!(
        ours(text),
        reference(text),
        "the parsers disagree on {text:?}"
    );
}

#[test]
fn agrees_with_promql_parser_on_hand_picked_cases() {
    for text in [
        "up",
        "http_requests_total",
        r#"http_requests_total{job="checkout"}"#,
        r#"http_requests_total{job="checkout", code=~"5.."}"#,
        r#"http_requests_total{job="checkout",code!~"2..",}"#,
        r#"{__name__="x", a="b"}"#,
        r#"x{a='single', b=`raw\n`}"#,
        r#"x{a="esc\"aped\\"}"#,
        "slo:sli_error:ratio_rate5m",
        r#"x{le="0.3"}"#,
        r#"  spaced  {  a = "b"  }  "#,
        "",
        "x[5m]",
        "rate(x[5m])",
        "sum(x)",
        "x offset 5m",
        "x @ 100",
        "x + y",
        r#"x{a="b"} or y"#,
        r#"x{a=b}"#,
        r#"x{a~"b"}"#,
        r#"x{"a"="b"}"#,
        r#"x{a="b" c="d"}"#,
        r#"x{a="b"#,
        r#"{a=""}"#,
        r#"{a=~".*"}"#,
        "5xx",
        "x y",
        "x{}",
        "{}",
        "1",
        r#"x{a="\q"}"#,
        "sum",
        "On",
        r#"by{a="b"}"#,
        r#"x{a=~"5.(."}"#,
        r#"x{a=~"*x"}"#,
        r#"x{a=~"[a-"}"#,
        r#"x{a=~"a*?"}"#,
        r#"x{a=~"\\d+|\\."}"#,
    ] {
        agree(text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Selector-shaped text from the pieces a user types, including mistakes.
    #[test]
    fn agrees_with_promql_parser_on_generated_text(
        parts in prop::collection::vec(prop::sample::select(vec![
            "http_requests_total", "x", "job", "code", "le", "_a", "a:b", "{", "}", ",", "=", "!=", "=~", "!~",
            "\"5..\"", "\"\"", "'x'", "\"a\\\"b\"", " ", "[5m]", "(", ")", "1", "\"", "a-b",
        ]), 0..10)
    ) {
        let text: String = parts.concat();
        prop_assert_eq!(ours(&text), reference(&text), "text {:?}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Well-formed selectors with any values (quotes, backslashes, unicode): both parsers
    /// read the same name and matchers.
    #[test]
    fn reads_the_same_matchers_as_promql_parser(
        name in prop::option::of("[a-zA-Z_:][a-zA-Z0-9_:]{0,12}"),
        matchers in prop::collection::vec(
            ("[a-zA-Z_][a-zA-Z0-9_]{0,8}", prop::sample::select(vec!["=", "!=", "=~", "!~"]), "[a-z0-9 .é\"\\\\]{0,6}"),
            0..4,
        ),
        trailing_comma in any::<bool>(),
    ) {
        // Regular expressions: promql-parser checks them with Rust's regex crate, Prometheus
        // with Go's RE2; they differ on escapes and nested repetition, so generated regex
        // values hold no backslash (model/promql.rs follows RE2 and has its own cases).
        prop_assume!(matchers.iter().all(|(_, op, v)| !op.contains('~') || !v.contains('\\')));
        let escape = |v: &str| v.replace('\\', "\\\\").replace('"', "\\\"");
        let body: Vec<String> = matchers
            .iter()
            .map(|(l, op, v)| format!("{l}{op}\"{}\"", escape(v)))
            .collect();
        let mut text = name.clone().unwrap_or_default();
        if !body.is_empty() || name.is_none() {
            text.push_str(&format!("{{{}{}}}", body.join(", "), if trailing_comma && !body.is_empty() { "," } else { "" }));
        }
        prop_assert_eq!(ours(&text), reference(&text), "text {:?}", text);
    }
}
