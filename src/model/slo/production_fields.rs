//! Reading what a user types into the production part of the SLO form: the SLI queries,
//! the burn-rate alert tiers, the alert labels and the low-traffic guard. Each field's text
//! becomes a value or a message saying what is wrong (and, in a query, where), so the form
//! only ever commits what validation accepts.

use std::collections::BTreeMap;

use crate::model::plan::checker::MAX_TEXT_CHARS;
use crate::model::plan::{AlertSeverity, AlertTier, Alerting, Comparison, SliMetrics};
use crate::model::slo::fields::{format_field, number};
use crate::model::slo::promql::{
    is_label_name, is_metric_name, parse_matchers, parse_selector, SelectorError,
};
use crate::model::slo::validation::{longest_alert_window, RESERVED_LABELS};

/// A mistake in a query as shown next to its field: "Column 26: this quoted value is never
/// closed."
pub fn selector_message(error: &SelectorError) -> String {
    let end = if error.message.ends_with('.') {
        ""
    } else {
        "."
    };
    format!("Column {}: {}{end}", error.column, error.message)
}

fn too_long(text: &str) -> Option<String> {
    let chars = text.chars().count();
    (chars > MAX_TEXT_CHARS)
        .then(|| format!("This is {chars} characters long; at most {MAX_TEXT_CHARS} are allowed."))
}

/// What the form offers as the SLI's queries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryKind {
    /// No queries yet.
    None,
    /// A counter of good events and one of all events.
    GoodEvents,
    /// A counter of bad events and one of all events.
    BadEvents,
    /// A latency histogram and the bucket at the threshold.
    Latency,
    /// A gauge compared with a threshold each minute.
    TimeSlices,
}

impl QueryKind {
    /// Every kind, in the order the form lists them.
    pub const ALL: [QueryKind; 5] = [
        QueryKind::None,
        QueryKind::GoodEvents,
        QueryKind::BadEvents,
        QueryKind::Latency,
        QueryKind::TimeSlices,
    ];

    /// The kind's value in the form's select.
    pub fn code(self) -> &'static str {
        match self {
            QueryKind::None => "none",
            QueryKind::GoodEvents => "good",
            QueryKind::BadEvents => "bad",
            QueryKind::Latency => "latency",
            QueryKind::TimeSlices => "time_slices",
        }
    }

    /// The kind with this select value.
    pub fn from_code(code: &str) -> Option<QueryKind> {
        QueryKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind as the user reads it.
    pub fn label(self) -> &'static str {
        match self {
            QueryKind::None => "No queries yet",
            QueryKind::GoodEvents => "Good events and total",
            QueryKind::BadEvents => "Bad events and total",
            QueryKind::Latency => "Latency histogram",
            QueryKind::TimeSlices => "Gauge per minute",
        }
    }

    /// The kind of an SLO's queries.
    pub fn of(metrics: Option<&SliMetrics>) -> QueryKind {
        match metrics {
            None => QueryKind::None,
            Some(SliMetrics::Events {
                bad: Some(_),
                good: None,
                ..
            }) => QueryKind::BadEvents,
            Some(SliMetrics::Events { .. }) => QueryKind::GoodEvents,
            Some(SliMetrics::Latency { .. }) => QueryKind::Latency,
            Some(SliMetrics::TimeSlices { .. }) => QueryKind::TimeSlices,
        }
    }

    /// The text fields this kind asks for, in order (time slices also ask how the gauge
    /// compares, a choice rather than a text).
    pub fn fields(self) -> &'static [QueryField] {
        match self {
            QueryKind::None => &[],
            QueryKind::GoodEvents => &[QueryField::Good, QueryField::Total],
            QueryKind::BadEvents => &[QueryField::Bad, QueryField::Total],
            QueryKind::Latency => &[
                QueryField::Histogram,
                QueryField::Matchers,
                QueryField::Bucket,
            ],
            QueryKind::TimeSlices => &[QueryField::Gauge, QueryField::Threshold],
        }
    }
}

/// One text field of the queries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryField {
    /// Selector of the good-events counter.
    Good,
    /// Selector of the bad-events counter.
    Bad,
    /// Selector of the counter of all valid events.
    Total,
    /// The latency histogram's metric name.
    Histogram,
    /// Label matchers of the histogram.
    Matchers,
    /// The `le` bucket at the latency threshold.
    Bucket,
    /// Selector of the gauge.
    Gauge,
    /// The gauge's threshold.
    Threshold,
}

impl QueryField {
    /// The field's label.
    pub fn label(self) -> &'static str {
        match self {
            QueryField::Good => "Good events query",
            QueryField::Bad => "Bad events query",
            QueryField::Total => "Total events query",
            QueryField::Histogram => "Histogram metric",
            QueryField::Matchers => "Label matchers",
            QueryField::Bucket => "Bucket (le)",
            QueryField::Gauge => "Gauge query",
            QueryField::Threshold => "Threshold",
        }
    }

    /// The field's element id.
    pub fn id(self) -> &'static str {
        match self {
            QueryField::Good => "slo-query-good",
            QueryField::Bad => "slo-query-bad",
            QueryField::Total => "slo-query-total",
            QueryField::Histogram => "slo-query-histogram",
            QueryField::Matchers => "slo-query-matchers",
            QueryField::Bucket => "slo-query-le",
            QueryField::Gauge => "slo-query-gauge",
            QueryField::Threshold => "slo-query-threshold",
        }
    }

    /// A short hint shown under the field.
    pub fn hint(self) -> Option<&'static str> {
        match self {
            QueryField::Good => Some("Requests that count as good."),
            QueryField::Bad => Some("Requests that count against the budget."),
            QueryField::Total => Some("All valid requests, good and bad."),
            QueryField::Histogram => {
                Some("Its name without _bucket, e.g. http_request_duration_seconds.")
            }
            QueryField::Matchers => Some("Optional, comma-separated."),
            QueryField::Bucket => Some(
                "The bucket bound at the latency threshold, in the histogram’s unit, e.g. 0.3.",
            ),
            QueryField::Gauge => None,
            QueryField::Threshold => Some("In the gauge’s unit."),
        }
    }

    /// What is wrong with the text typed into this field, if anything.
    pub fn problem(self, text: &str) -> Option<String> {
        if let Some(problem) = too_long(text) {
            return Some(problem);
        }
        match self {
            QueryField::Good | QueryField::Bad | QueryField::Total | QueryField::Gauge => {
                parse_selector(text).err().map(|e| selector_message(&e))
            }
            QueryField::Matchers => parse_matchers(text).err().map(|e| selector_message(&e)),
            QueryField::Histogram => {
                let name = text.trim();
                if name.is_empty() {
                    Some(
                        "Enter the histogram’s metric name, e.g. http_request_duration_seconds."
                            .to_string(),
                    )
                } else if !is_metric_name(name) {
                    Some(format!(
                        "“{name}” is not a metric name (letters, digits, _ and :, not starting with a digit)."
                    ))
                } else {
                    None
                }
            }
            QueryField::Bucket => {
                let le = text.trim();
                let ok = le == "+Inf" || le.parse::<f64>().is_ok_and(|v| v.is_finite() && v >= 0.0);
                (!ok).then(|| match le {
                    "" => "Enter the bucket bound, e.g. 0.3.".to_string(),
                    _ => format!("“{le}” is not a bucket bound; write it like 0.3 or +Inf."),
                })
            }
            QueryField::Threshold => number(text, "600").err(),
        }
    }
}

/// What is typed in every query field of the form, whatever kind is chosen, so switching
/// kinds back and forth keeps what was typed.
#[derive(Clone, Debug, PartialEq)]
pub struct QueryTexts {
    /// Good events query.
    pub good: String,
    /// Bad events query.
    pub bad: String,
    /// Total events query.
    pub total: String,
    /// Histogram metric.
    pub histogram: String,
    /// Label matchers of the histogram.
    pub matchers: String,
    /// Bucket (le).
    pub bucket: String,
    /// Gauge query.
    pub gauge: String,
    /// How the gauge compares with the threshold in a good minute.
    pub good_when: Comparison,
    /// The gauge's threshold, as typed.
    pub threshold: String,
}

impl Default for QueryTexts {
    fn default() -> Self {
        QueryTexts {
            good: String::new(),
            bad: String::new(),
            total: String::new(),
            histogram: String::new(),
            matchers: String::new(),
            bucket: String::new(),
            gauge: String::new(),
            good_when: Comparison::AtMost,
            threshold: String::new(),
        }
    }
}

impl QueryTexts {
    /// The texts that show an SLO's queries.
    pub fn of(metrics: Option<&SliMetrics>) -> QueryTexts {
        let mut texts = QueryTexts::default();
        match metrics {
            None => {}
            Some(SliMetrics::Events { good, bad, total }) => {
                texts.good = good.clone().unwrap_or_default();
                texts.bad = bad.clone().unwrap_or_default();
                texts.total = total.clone();
            }
            Some(SliMetrics::Latency {
                histogram,
                matchers,
                le,
            }) => {
                texts.histogram = histogram.clone();
                texts.matchers = matchers.clone();
                texts.bucket = le.clone();
            }
            Some(SliMetrics::TimeSlices {
                gauge,
                good_when,
                threshold,
            }) => {
                texts.gauge = gauge.clone();
                texts.good_when = *good_when;
                texts.threshold = format_field(*threshold);
            }
        }
        texts
    }

    /// The text of one field.
    pub fn text(&self, field: QueryField) -> &str {
        match field {
            QueryField::Good => &self.good,
            QueryField::Bad => &self.bad,
            QueryField::Total => &self.total,
            QueryField::Histogram => &self.histogram,
            QueryField::Matchers => &self.matchers,
            QueryField::Bucket => &self.bucket,
            QueryField::Gauge => &self.gauge,
            QueryField::Threshold => &self.threshold,
        }
    }

    /// Replaces the text of one field.
    pub fn set(&mut self, field: QueryField, text: String) {
        let slot = match field {
            QueryField::Good => &mut self.good,
            QueryField::Bad => &mut self.bad,
            QueryField::Total => &mut self.total,
            QueryField::Histogram => &mut self.histogram,
            QueryField::Matchers => &mut self.matchers,
            QueryField::Bucket => &mut self.bucket,
            QueryField::Gauge => &mut self.gauge,
            QueryField::Threshold => &mut self.threshold,
        };
        *slot = text;
    }

    /// The queries these texts make as `kind` (trimmed), or `None` while a field of that
    /// kind has a problem.
    pub fn metrics(&self, kind: QueryKind) -> Option<Option<SliMetrics>> {
        if kind
            .fields()
            .iter()
            .any(|f| f.problem(self.text(*f)).is_some())
        {
            return None;
        }
        let text = |t: &str| t.trim().to_string();
        Some(match kind {
            QueryKind::None => None,
            QueryKind::GoodEvents => Some(SliMetrics::Events {
                good: Some(text(&self.good)),
                bad: None,
                total: text(&self.total),
            }),
            QueryKind::BadEvents => Some(SliMetrics::Events {
                good: None,
                bad: Some(text(&self.bad)),
                total: text(&self.total),
            }),
            QueryKind::Latency => Some(SliMetrics::Latency {
                histogram: text(&self.histogram),
                matchers: text(&self.matchers),
                le: text(&self.bucket),
            }),
            QueryKind::TimeSlices => Some(SliMetrics::TimeSlices {
                gauge: text(&self.gauge),
                good_when: self.good_when,
                threshold: number(&self.threshold, "600").ok()?,
            }),
        })
    }
}

/// A window length in whole minutes, 1 or more.
pub fn parse_whole_minutes(text: &str) -> Result<f64, String> {
    let value = number(text, "60")?;
    if value.fract() != 0.0 || value < 1.0 || value > f64::from(u32::MAX) {
        return Err("Enter a whole number of minutes, 1 or more.".to_string());
    }
    Ok(value)
}

/// Why a tier's long window of `long` minutes does not fit, if it does not: it must lie
/// within the SLO window and be no shorter than the tier's short window.
pub fn long_window_problem(long: u32, short: u32, window_minutes: u32) -> Option<String> {
    if long > window_minutes {
        Some(format!(
            "The long window can be at most the SLO window, {window_minutes} min."
        ))
    } else if long < short {
        Some(format!(
            "The long window cannot be shorter than the short window ({short} min); shorten that first."
        ))
    } else {
        None
    }
}

/// Why a tier's short window of `short` minutes does not fit, if it does not: it must be no
/// longer than the long window.
pub fn short_window_problem(short: u32, long: u32) -> Option<String> {
    (short > long).then(|| format!("The short window can be at most the long window, {long} min."))
}

/// Tiers that no longer fit the SLO window (after the window was shortened), as messages.
pub fn tier_problems(alerting: &Alerting, window_days: u32) -> Vec<String> {
    let window = longest_alert_window(window_days);
    alerting
        .tiers
        .iter()
        .enumerate()
        .filter(|(_, t)| t.long_minutes > window)
        .map(|(k, t)| {
            format!(
                "Tier {}: its long window ({} min) is longer than the SLO window ({window} min); shorten it, or reset to the SRE Workbook tiers.",
                k + 1,
                t.long_minutes
            )
        })
        .collect()
}

/// The tier "Add tier" adds: the SRE Workbook's slower ticket, a one-day long window with a
/// two-hour short one and 10 % of the budget (a burn rate of 3 over 30 days), within the
/// SLO window.
pub fn new_alert_tier(window_days: u32) -> AlertTier {
    let long_minutes = 1440.min(longest_alert_window(window_days));
    AlertTier {
        severity: AlertSeverity::Ticket,
        long_minutes,
        short_minutes: (long_minutes / 12).max(1),
        budget_percent: 10.0,
    }
}

/// Alert labels written one per line as `name=value`; blank lines are skipped. The message
/// names the first line that is wrong.
pub fn parse_alert_labels(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut labels = BTreeMap::new();
    let mut lines_of = BTreeMap::new();
    for (k, line) in text.lines().enumerate() {
        let n = k + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            return Err(format!(
                "Line {n}: write the label as name=value, e.g. team=checkout."
            ));
        };
        let (name, value) = (name.trim(), value.trim());
        if name.is_empty() {
            return Err(format!("Line {n}: the label name before “=” is missing."));
        }
        if name.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(format!(
                "Line {n}: “{name}” starts with a digit; a label name starts with a letter or _."
            ));
        }
        if !is_label_name(name) {
            return Err(format!(
                "Line {n}: “{name}” is not a label name (letters, digits and _)."
            ));
        }
        if name.starts_with("__") {
            return Err(format!(
                "Line {n}: names starting with __ are kept for Prometheus itself."
            ));
        }
        if RESERVED_LABELS.contains(&name) {
            return Err(format!(
                "Line {n}: “{name}” is set by the workbook itself; choose another label name."
            ));
        }
        if value.is_empty() {
            return Err(format!("Line {n}: “{name}” needs a value after “=”."));
        }
        if let Some(problem) = too_long(value) {
            return Err(format!("Line {n}: {problem}"));
        }
        if let Some(first) = lines_of.insert(name.to_string(), n) {
            return Err(format!(
                "Line {n}: “{name}” is already set on line {first}."
            ));
        }
        labels.insert(name.to_string(), value.to_string());
    }
    Ok(labels)
}

/// Alert labels as the form shows them: `name=value`, one per line, by name.
pub fn format_alert_labels(labels: &BTreeMap<String, String>) -> String {
    labels
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The low-traffic guard in events per hour: empty for none, else 0 or more.
pub fn parse_guard(text: &str) -> Result<Option<f64>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let value = number(text, "60")?;
    if value < 0.0 {
        return Err("Enter 0 or more, or leave it empty for no guard.".to_string());
    }
    Ok(Some(value))
}

/// The low-traffic guard as the form shows it.
pub fn format_guard(guard: Option<f64>) -> String {
    guard.map(format_field).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_mistakes_name_their_column() {
        assert_eq!(
            QueryField::Total.problem(r#"http_requests_total{code="5"#),
            Some("Column 26: this quoted value is never closed.".into())
        );
        assert_eq!(
            QueryField::Matchers.problem("job="),
            Some("Column 5: expected a quoted value, like \"checkout\".".into())
        );
        assert_eq!(QueryField::Matchers.problem(""), None);
        assert_eq!(QueryField::Good.problem(r#"up{job="a"}"#), None);
        assert!(QueryField::Histogram.problem("a b").is_some());
        assert_eq!(QueryField::Bucket.problem("+Inf"), None);
        assert_eq!(
            QueryField::Bucket.problem("fast"),
            Some("“fast” is not a bucket bound; write it like 0.3 or +Inf.".into())
        );
        assert!(QueryField::Threshold.problem("x").is_some());
    }

    #[test]
    fn texts_make_the_queries_of_their_kind() {
        let bad = SliMetrics::Events {
            good: None,
            bad: Some(r#"x{code=~"5.."}"#.into()),
            total: "x".into(),
        };
        let mut texts = QueryTexts::of(Some(&bad));
        assert_eq!(QueryKind::of(Some(&bad)), QueryKind::BadEvents);
        assert_eq!(texts.metrics(QueryKind::BadEvents), Some(Some(bad.clone())));
        // Another kind is only made once all its fields are right.
        assert_eq!(texts.metrics(QueryKind::GoodEvents), None);
        assert_eq!(texts.metrics(QueryKind::None), Some(None));
        texts.set(QueryField::Histogram, " latency_seconds ".into());
        texts.set(QueryField::Bucket, "0.3".into());
        assert_eq!(
            texts.metrics(QueryKind::Latency),
            Some(Some(SliMetrics::Latency {
                histogram: "latency_seconds".into(),
                matchers: String::new(),
                le: "0.3".into()
            }))
        );
        texts.set(QueryField::Total, r#"x{code="5"#.into());
        assert_eq!(texts.metrics(QueryKind::BadEvents), None);
        let slices = SliMetrics::TimeSlices {
            gauge: "lag_seconds".into(),
            good_when: Comparison::AtLeast,
            threshold: 600.0,
        };
        assert_eq!(
            QueryTexts::of(Some(&slices)).metrics(QueryKind::of(Some(&slices))),
            Some(Some(slices))
        );
        for kind in QueryKind::ALL {
            assert_eq!(QueryKind::from_code(kind.code()), Some(kind));
        }
    }

    #[test]
    fn tier_windows_fit_the_slo_window() {
        assert_eq!(longest_alert_window(30), 43_200);
        assert_eq!(parse_whole_minutes("60"), Ok(60.0));
        assert!(parse_whole_minutes("7.5").is_err() && parse_whole_minutes("0").is_err());
        assert_eq!(long_window_problem(60, 5, 43_200), None);
        assert_eq!(
            long_window_problem(50_000, 5, 43_200),
            Some("The long window can be at most the SLO window, 43200 min.".into())
        );
        assert!(long_window_problem(3, 5, 43_200).is_some());
        assert_eq!(short_window_problem(5, 60), None);
        assert!(short_window_problem(61, 60).is_some());
        let tier = new_alert_tier(30);
        assert_eq!((tier.long_minutes, tier.short_minutes), (1440, 120));
        assert_eq!(new_alert_tier(1).long_minutes, 1440);
        let alerting = Alerting {
            tiers: vec![tier],
            labels: BTreeMap::new(),
            min_events_per_hour: None,
        };
        assert!(tier_problems(&alerting, 30).is_empty());
        let mut long = alerting.clone();
        long.tiers[0].long_minutes = 4320;
        assert_eq!(tier_problems(&long, 1).len(), 1);
    }

    #[test]
    fn labels_are_read_line_by_line() {
        let labels =
            parse_alert_labels("team = checkout\n\nrunbook=https://x.example/a=b\n").unwrap();
        assert_eq!(labels["team"], "checkout");
        assert_eq!(labels["runbook"], "https://x.example/a=b");
        assert_eq!(
            parse_alert_labels(&format_alert_labels(&labels)),
            Ok(labels)
        );
        assert_eq!(
            parse_alert_labels("team=checkout\nteam-name=x"),
            Err("Line 2: “team-name” is not a label name (letters, digits and _).".into())
        );
        assert_eq!(
            parse_alert_labels("severity=page"),
            Err(
                "Line 1: “severity” is set by the workbook itself; choose another label name."
                    .into()
            )
        );
        assert!(parse_alert_labels("team")
            .unwrap_err()
            .starts_with("Line 1: write"));
        assert!(parse_alert_labels("1team=a").is_err());
        assert!(parse_alert_labels("__name__=a").is_err());
        assert!(parse_alert_labels("team=").is_err());
        assert_eq!(
            parse_alert_labels("team=a\nteam=b"),
            Err("Line 2: “team” is already set on line 1.".into())
        );
        assert_eq!(parse_alert_labels(""), Ok(BTreeMap::new()));
    }

    #[test]
    fn the_guard_may_be_empty() {
        assert_eq!(parse_guard(" "), Ok(None));
        assert_eq!(parse_guard("60"), Ok(Some(60.0)));
        assert!(parse_guard("-1").is_err() && parse_guard("many").is_err());
        assert_eq!(format_guard(Some(60.0)), "60");
        assert_eq!(format_guard(None), "");
    }
}
