//! PromQL metric selectors, the part of PromQL an SLI query is written in here: a metric
//! name and label matchers, `http_requests_total{job="checkout", code=~"5.."}`. The
//! exporters wrap them in `rate(…[window])`, so users never write a range or a function.
//! Mistakes are reported with their position (1-based character column), as the user types.

use std::fmt;

/// A parsed selector: the metric name (if given) and its matchers, kept as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selector {
    /// The metric name, e.g. `http_requests_total`.
    pub metric: Option<String>,
    /// The label matchers, in order.
    pub matchers: Vec<Matcher>,
}

/// One label matcher, e.g. `code=~"5.."`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matcher {
    /// Label name.
    pub label: String,
    /// `=`, `!=`, `=~` or `!~`.
    pub op: &'static str,
    /// The value, unquoted.
    pub value: String,
}

impl Matcher {
    /// Whether the matcher also selects series without the label (an empty value), as
    /// `a=""`, `a!="x"` and `a=~".*"` do. Prometheus needs a name, or one matcher that does
    /// not. Regular expressions are judged by their common empty-matching forms.
    pub fn matches_empty(&self) -> bool {
        let regex_matches_empty = || {
            matches!(
                self.value.as_str(),
                "" | ".*" | "(.*)" | ".?" | "^.*$" | "^$" | "(|.*)"
            )
        };
        match self.op {
            "=" => self.value.is_empty(),
            "!=" => !self.value.is_empty(),
            "=~" => regex_matches_empty(),
            _ => !regex_matches_empty(),
        }
    }
}

/// Why Prometheus (Go's RE2 syntax) would refuse a regular expression, if it would: a
/// dangling or unknown escape, unbalanced parentheses or brackets, a repetition with
/// nothing to repeat. Common mistakes only; promtool checks what the exports produce.
pub fn regex_problem(regex: &str) -> Option<String> {
    let chars: Vec<char> = regex.chars().collect();
    let mut depth = 0usize;
    let mut i = 0;
    // Whether something that can be repeated precedes; and whether it was just repeated.
    let (mut operand, mut repeated) = (false, false);
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let Some(&next) = chars.get(i + 1) else {
                    return Some("the regular expression ends with a lone backslash".into());
                };
                let known = !next.is_ascii_alphanumeric() && next.is_ascii()
                    || "afnrtvdDsSwWbB".contains(next);
                if next == 'Q' {
                    // \Q…\E: literal text.
                    let rest: String = chars[i + 2..].iter().collect();
                    i += 2 + rest
                        .find("\\E")
                        .map_or(rest.chars().count(), |e| rest[..e].chars().count() + 2);
                    operand = true;
                    repeated = false;
                    continue;
                }
                if !known {
                    return Some(format!("“\\{next}” is not an escape Prometheus knows"));
                }
                i += 2;
                operand = true;
                repeated = false;
                continue;
            }
            '(' => {
                depth += 1;
                operand = false;
                repeated = false;
                if chars.get(i + 1) == Some(&'?') {
                    return Some("groups with (? are not needed in a label matcher".into());
                }
            }
            ')' => {
                if depth == 0 {
                    return Some("a “)” closes nothing".into());
                }
                depth -= 1;
                operand = true;
                repeated = false;
            }
            '|' => {
                operand = false;
                repeated = false;
            }
            '*' | '+' | '?' => {
                if !operand {
                    return Some(format!("“{c}” has nothing before it to repeat"));
                }
                if repeated {
                    if c == '?' {
                        // A lazy repetition such as *?.
                        repeated = false;
                        operand = false;
                        i += 1;
                        continue;
                    }
                    return Some(format!("“{c}” repeats a repetition"));
                }
                repeated = true;
            }
            '[' => {
                let mut j = i + 1;
                if chars.get(j) == Some(&'^') {
                    j += 1;
                }
                if chars.get(j) == Some(&']') {
                    j += 1;
                }
                while j < chars.len() && chars[j] != ']' {
                    j += if chars[j] == '\\' { 2 } else { 1 };
                }
                if j >= chars.len() {
                    return Some("a “[” is never closed by “]”".into());
                }
                i = j + 1;
                operand = true;
                repeated = false;
                continue;
            }
            _ => {
                operand = true;
                repeated = false;
            }
        }
        i += 1;
    }
    (depth > 0).then(|| "a “(” is never closed".into())
}

/// What is wrong with a query, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectorError {
    /// Character column (from 1) where the problem is.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SelectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at column {}: {}", self.column, self.message)
    }
}

impl Selector {
    /// The selector as PromQL, normalized: `name{label="value", …}`.
    pub fn to_promql(&self) -> String {
        self.with_extra(&[])
    }

    /// The selector with extra matchers appended (e.g. the `le` bucket of a histogram) and
    /// `metric` as the name, if given.
    pub fn with_extra(&self, extra: &[Matcher]) -> String {
        let matchers: Vec<String> = self
            .matchers
            .iter()
            .chain(extra)
            .map(|m| format!("{}{}{}", m.label, m.op, quote(&m.value)))
            .collect();
        let name = self.metric.clone().unwrap_or_default();
        if matchers.is_empty() {
            name
        } else {
            format!("{name}{{{}}}", matchers.join(", "))
        }
    }
}

/// A PromQL double-quoted string holding exactly `value`, the one way plan text (label
/// values, SLO and service ids) enters a query: `\\` and `"` escaped, every control, DEL,
/// C1, NEL, LS, PS and BOM written as a Go escape (`\n`, `\u0085`), so the string stays on
/// one line; and a `{` before another `{` as `\u007b`, so Sloth, which runs its queries
/// through Go's `text/template`, never finds a `{{` in a value.
pub fn quote(value: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '{' if chars.peek() == Some(&'{') => out.push_str("\\u007b"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}') => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Reader {
    chars: Vec<char>,
    at: usize,
}

impl Reader {
    fn error<T>(&self, message: impl Into<String>) -> Result<T, SelectorError> {
        Err(SelectorError {
            column: self.at + 1,
            message: message.into(),
        })
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn name(&mut self, colons: bool) -> Option<String> {
        let start = self.at;
        while let Some(c) = self.peek() {
            let first = self.at == start;
            let ok = c.is_ascii_alphabetic()
                || c == '_'
                || (colons && c == ':')
                || (!first && c.is_ascii_digit());
            if !ok {
                break;
            }
            self.at += 1;
        }
        (self.at > start).then(|| self.chars[start..self.at].iter().collect())
    }

    fn string(&mut self) -> Result<String, SelectorError> {
        let Some(open) = self.peek().filter(|c| matches!(c, '"' | '\'' | '`')) else {
            return self.error("expected a quoted value, like \"checkout\"");
        };
        let start = self.at;
        self.at += 1;
        let mut value = String::new();
        loop {
            match self.peek() {
                None => {
                    self.at = start;
                    return self.error("this quoted value is never closed");
                }
                Some(c) if c == open => {
                    self.at += 1;
                    return Ok(value);
                }
                Some('\\') if open != '`' => {
                    self.at += 1;
                    match self.peek() {
                        Some('n') => value.push('\n'),
                        Some('t') => value.push('\t'),
                        Some('r') => value.push('\r'),
                        // \uXXXX, as Prometheus reads it and [`quote`] writes it.
                        Some('u') => {
                            let hex: String = self.chars.iter().skip(self.at + 1).take(4).collect();
                            let code = (hex.len() == 4)
                                .then(|| u32::from_str_radix(&hex, 16).ok())
                                .flatten()
                                .and_then(char::from_u32);
                            let Some(c) = code else {
                                return self.error("unknown escape; use \\\\, \\\", \\n or \\t");
                            };
                            value.push(c);
                            self.at += 4;
                        }
                        Some(c @ ('\\' | '"' | '\'')) => value.push(c),
                        _ => return self.error("unknown escape; use \\\\, \\\", \\n or \\t"),
                    }
                    self.at += 1;
                }
                Some(c) => {
                    value.push(c);
                    self.at += 1;
                }
            }
        }
    }

    fn matchers(&mut self, closing: Option<char>) -> Result<Vec<Matcher>, SelectorError> {
        let mut matchers = Vec::new();
        loop {
            self.skip_space();
            if self.peek() == closing {
                return Ok(matchers);
            }
            let Some(label) = self.name(false) else {
                return self.error(match closing {
                    Some(_) => "expected a label name or “}”",
                    None => "expected a label name",
                });
            };
            self.skip_space();
            let op = match (self.peek(), self.chars.get(self.at + 1)) {
                (Some('='), Some('~')) => "=~",
                (Some('!'), Some('=')) => "!=",
                (Some('!'), Some('~')) => "!~",
                (Some('='), _) => "=",
                _ => return self.error(format!("expected =, !=, =~ or !~ after “{label}”")),
            };
            self.at += op.len();
            self.skip_space();
            let value_at = self.at;
            let value = self.string()?;
            if matches!(op, "=~" | "!~") {
                if let Some(problem) = regex_problem(&value) {
                    self.at = value_at;
                    return self.error(problem);
                }
            }
            matchers.push(Matcher { label, op, value });
            self.skip_space();
            match self.peek() {
                Some(',') => self.at += 1,
                c if c == closing => return Ok(matchers),
                Some('[') => {
                    return self.error("leave out the range: the exporter adds the rate windows")
                }
                _ => {
                    return self.error(match closing {
                        Some(_) => "expected “,” or “}”",
                        None => "expected “,” between matchers",
                    })
                }
            }
        }
    }
}

fn reader(text: &str) -> Reader {
    Reader {
        chars: text.chars().collect(),
        at: 0,
    }
}

/// PromQL's keywords and aggregations, which the language reads case-insensitively and
/// never as a metric name.
pub fn is_keyword(name: &str) -> bool {
    const KEYWORDS: [&str; 28] = [
        "and",
        "or",
        "unless",
        "atan2",
        "by",
        "without",
        "on",
        "ignoring",
        "group_left",
        "group_right",
        "offset",
        "bool",
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
        "limit_ratio",
        "inf",
        "nan",
    ];
    KEYWORDS.contains(&name.to_ascii_lowercase().as_str())
}

/// Parses a metric selector such as `http_requests_total{code=~"5.."}`.
pub fn parse_selector(text: &str) -> Result<Selector, SelectorError> {
    let mut r = reader(text);
    r.skip_space();
    if r.peek().is_none() {
        return r.error("the query is empty; write a metric name, e.g. http_requests_total");
    }
    let metric = r.name(true);
    r.skip_space();
    if metric.is_some() && r.peek() == Some('(') {
        r.at = 0;
        r.skip_space();
        return r.error("write only the metric and its labels; the exporter adds rate() and sum()");
    }
    if let Some(word) = metric.as_deref().filter(|m| is_keyword(m)) {
        r.at = 0;
        r.skip_space();
        return r.error(format!("“{word}” is a PromQL keyword, not a metric name"));
    }
    let matchers = match r.peek() {
        Some('{') => {
            r.at += 1;
            let m = r.matchers(Some('}'))?;
            r.at += 1;
            m
        }
        _ => Vec::new(),
    };
    r.skip_space();
    match r.peek() {
        None => {}
        Some('[') => return r.error("leave out the range: the exporter adds the rate windows"),
        Some(c) if metric.is_none() && matchers.is_empty() => {
            return r.error(format!("“{c}” cannot start a metric name"))
        }
        Some(c) => return r.error(format!("unexpected “{c}” after the selector")),
    }
    if metric.is_none() && matchers.iter().all(Matcher::matches_empty) {
        r.at = 0;
        return r.error("name a metric, or give at least one label matcher that is not empty");
    }
    Ok(Selector { metric, matchers })
}

/// Parses a list of label matchers without braces: `job="checkout", code!~"5.."`.
pub fn parse_matchers(text: &str) -> Result<Vec<Matcher>, SelectorError> {
    let mut r = reader(text);
    r.matchers(None)
}

/// Checks a Prometheus label name (`[a-zA-Z_][a-zA-Z0-9_]*`).
pub fn is_label_name(text: &str) -> bool {
    let mut r = reader(text);
    r.name(false).is_some_and(|n| n.len() == text.len())
}

/// Checks a Prometheus metric name (`[a-zA-Z_:][a-zA-Z0-9_:]*`).
pub fn is_metric_name(text: &str) -> bool {
    let mut r = reader(text);
    r.name(true).is_some_and(|n| n.len() == text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_parse_and_normalize() {
        let s =
            parse_selector(r#" http_requests_total{ job = "checkout",code=~'5..' , } "#).unwrap();
        assert_eq!(s.metric.as_deref(), Some("http_requests_total"));
        assert_eq!(
            s.to_promql(),
            r#"http_requests_total{job="checkout", code=~"5.."}"#
        );
        assert_eq!(parse_selector("up").unwrap().to_promql(), "up");
        assert_eq!(
            parse_selector(r#"{__name__="x", a!~"b\"c"}"#)
                .unwrap()
                .to_promql(),
            r#"{__name__="x", a!~"b\"c"}"#
        );
        assert_eq!(
            parse_selector("slo:sli_error:ratio_rate5m")
                .unwrap()
                .matchers,
            vec![]
        );
    }

    #[test]
    fn quoted_values_stay_on_one_line_and_read_back() {
        let value = "a\"b\\c\nd\re\u{0}\u{7F}\u{85}\u{2028}{{.window}}{{{";
        let quoted = quote(value);
        assert_eq!(
            quoted,
            r#""a\"b\\c\nd\re\u0000\u007f\u0085\u2028\u007b{.window}}\u007b\u007b{""#
        );
        let selector = parse_selector(&format!("m{{x={quoted}}}")).unwrap();
        assert_eq!(selector.matchers[0].value, value);
    }

    #[test]
    fn mistakes_name_their_column() {
        let err = |t: &str| parse_selector(t).unwrap_err().to_string();
        assert_eq!(
            err(""),
            "at column 1: the query is empty; write a metric name, e.g. http_requests_total"
        );
        assert_eq!(
            err(r#"http_requests_total{code="5"#),
            "at column 26: this quoted value is never closed"
        );
        assert_eq!(
            err(r#"x{code=5}"#),
            "at column 8: expected a quoted value, like \"checkout\""
        );
        assert_eq!(
            err(r#"x{code~"5"}"#),
            "at column 7: expected =, !=, =~ or !~ after “code”"
        );
        assert_eq!(err(r#"x{a="1" b="2"}"#), "at column 9: expected “,” or “}”");
        assert_eq!(
            err("x[5m]"),
            "at column 2: leave out the range: the exporter adds the rate windows"
        );
        assert_eq!(
            err("sum(rate(x[5m]))"),
            "at column 1: write only the metric and its labels; the exporter adds rate() and sum()"
        );
        assert_eq!(err("x y"), "at column 3: unexpected “y” after the selector");
        assert_eq!(err("5xx"), "at column 1: “5” cannot start a metric name");
        assert_eq!(
            err(r#"{a=~""}"#),
            "at column 1: name a metric, or give at least one label matcher that is not empty"
        );
        assert_eq!(
            err(r#"{a!="x"}"#),
            "at column 1: name a metric, or give at least one label matcher that is not empty"
        );
        assert!(parse_selector(r#"{a!=""}"#).is_ok() && parse_selector(r#"{a!~".*"}"#).is_ok());
    }

    #[test]
    fn regular_expressions_follow_re2() {
        for (regex, problem) in [
            ("5.(.", "a “(” is never closed"),
            ("*x", "“*” has nothing before it to repeat"),
            ("a**", "“*” repeats a repetition"),
            ("[a-", "a “[” is never closed by “]”"),
            ("x\\", "the regular expression ends with a lone backslash"),
            ("\\q", "“\\q” is not an escape Prometheus knows"),
        ] {
            assert_eq!(regex_problem(regex).as_deref(), Some(problem), "{regex}");
        }
        for fine in [
            "5..",
            "a*?",
            "(2|3)..",
            "[]a]",
            "\\d+\\.\\d",
            "\\Q.*\\E",
            "(a)|b+",
        ] {
            assert_eq!(regex_problem(fine), None, "{fine}");
        }
    }

    #[test]
    fn matcher_lists_and_names() {
        let m = parse_matchers(r#"job="checkout", le!="+Inf""#).unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(parse_matchers("").unwrap(), vec![]);
        assert_eq!(parse_matchers("job=").unwrap_err().column, 5);
        assert!(is_label_name("team_1") && !is_label_name("1team") && !is_label_name("a-b"));
        assert!(is_metric_name("slo:errors") && !is_metric_name("a b"));
    }
}
