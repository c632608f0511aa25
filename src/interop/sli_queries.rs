//! What every exporter that deploys an SLO needs: the service it belongs to, its SLI as
//! PromQL over a window, windows in Prometheus notation, and which SLOs cannot be exported
//! yet and why (never a placeholder query).

use super::yaml::comment;
use crate::model::plan::ids::ById;
use crate::model::plan::{Comparison, Plan, SliMetrics, Slo, SloSubject};
use crate::model::slo::promql::{parse_matchers, parse_selector, Matcher, Selector};

/// A duration in Prometheus notation: `5m`, `1h`, `3d`.
pub fn prometheus_duration(minutes: u32) -> String {
    match minutes {
        m if m % 1440 == 0 => format!("{}d", m / 1440),
        m if m % 60 == 0 => format!("{}h", m / 60),
        m => format!("{m}m"),
    }
}

/// The id of the service an SLO belongs to: its own, or its journey's.
pub fn service_of<'a>(plan: &'a Plan, slo: &'a Slo) -> &'a str {
    match &slo.subject {
        SloSubject::Service(id) => id,
        SloSubject::Journey(id) => plan
            .slo_catalog
            .journeys
            .by_id(id)
            .map_or(id.as_str(), |j| j.service.as_str()),
    }
}

/// An SLI's queries, parsed: what the exporters build their expressions from.
#[derive(Clone, Debug, PartialEq)]
pub enum SliQueries {
    /// Good events (or bad, with `good` false) and all events.
    Events {
        /// The counted selector.
        counted: Selector,
        /// True when `counted` counts good events, false when it counts bad ones.
        good: bool,
        /// All valid events.
        total: Selector,
    },
    /// A latency histogram's bucket at the threshold (good) and its count (total).
    Latency {
        /// `<histogram>_bucket{…, le="…"}`.
        good: Selector,
        /// `<histogram>_count{…}`.
        total: Selector,
    },
    /// A gauge compared with a threshold each minute.
    TimeSlices {
        /// The gauge.
        gauge: Selector,
        /// How it must compare for a good slice.
        good_when: Comparison,
        /// The threshold.
        threshold: f64,
    },
}

impl SliQueries {
    /// The SLI error ratio (0 to 1) over `window`, as PromQL.
    pub fn error_ratio(&self, window: &str) -> String {
        let rate = |s: &Selector| format!("sum(rate({}[{window}]))", s.to_promql());
        match self {
            SliQueries::Events {
                counted,
                good: false,
                total,
            } => format!("{} / {}", rate(counted), rate(total)),
            SliQueries::Events { counted, total, .. }
            | SliQueries::Latency {
                good: counted,
                total,
            } => {
                format!("1 - ({} / {})", rate(counted), rate(total))
            }
            SliQueries::TimeSlices {
                gauge,
                good_when,
                threshold,
            } => {
                let (aggregate, op) = match good_when {
                    Comparison::AtMost => ("max", "<="),
                    Comparison::AtLeast => ("min", ">="),
                };
                format!(
                    "1 - avg_over_time(({aggregate}({}) {op} bool {})[{window}:1m])",
                    gauge.to_promql(),
                    super::yaml::number(*threshold)
                )
            }
        }
    }

    /// The selector counting all events (for the low-traffic guard), if the SLI has one.
    pub fn total(&self) -> Option<&Selector> {
        match self {
            SliQueries::Events { total, .. } | SliQueries::Latency { total, .. } => Some(total),
            SliQueries::TimeSlices { .. } => None,
        }
    }
}

/// The SLO's queries, or why it cannot be exported (shown to the user as "skipped").
pub fn sli_queries(slo: &Slo) -> Result<SliQueries, String> {
    let parse = |what: &str, text: &str| {
        parse_selector(text).map_err(|e| format!("the {what} query has a mistake {e}"))
    };
    match &slo.metrics {
        None => Err("no SLI queries yet (add them in the SLO editor under “Queries”)".into()),
        Some(SliMetrics::Events { good, bad, total }) => {
            let total = parse("total events", total)?;
            match (good, bad) {
                (Some(good), None) => Ok(SliQueries::Events {
                    counted: parse("good events", good)?,
                    good: true,
                    total,
                }),
                (None, Some(bad)) => Ok(SliQueries::Events {
                    counted: parse("bad events", bad)?,
                    good: false,
                    total,
                }),
                _ => Err("give either a good-events or a bad-events query".into()),
            }
        }
        Some(SliMetrics::Latency {
            histogram,
            matchers,
            le,
        }) => {
            let base = histogram.strip_suffix("_bucket").unwrap_or(histogram);
            let matchers = parse_matchers(matchers)
                .map_err(|e| format!("the label matchers have a mistake {e}"))?;
            let selector = |suffix: &str| Selector {
                metric: Some(format!("{base}{suffix}")),
                matchers: matchers.clone(),
            };
            let mut good = selector("_bucket");
            good.matchers.push(Matcher {
                label: "le".into(),
                op: "=",
                value: le.clone(),
            });
            Ok(SliQueries::Latency {
                good,
                total: selector("_count"),
            })
        }
        Some(SliMetrics::TimeSlices {
            gauge,
            good_when,
            threshold,
        }) => Ok(SliQueries::TimeSlices {
            gauge: parse("gauge", gauge)?,
            good_when: *good_when,
            threshold: *threshold,
        }),
    }
}

/// The SLOs of `plan` an export covers: all, or those of one service (its own and its
/// journeys'), each with its queries or why it is skipped.
pub fn exported_slos<'a>(
    plan: &'a Plan,
    service: Option<&str>,
) -> Vec<(&'a Slo, Result<SliQueries, String>)> {
    plan.slo_catalog
        .slos
        .iter()
        .filter(|slo| service.is_none_or(|s| service_of(plan, slo) == s))
        .map(|slo| (slo, sli_queries(slo)))
        .collect()
}

/// One comment line naming a skipped SLO and why: the name, id and reason (which can quote
/// a query) go through [`comment`], so none of them can end the line.
pub fn skipped_line(slo: &Slo, why: &str) -> String {
    format!(
        "#   {}\n",
        comment(&format!("{} ({}): {why}", slo.name, slo.id))
    )
}

/// Comment lines listing the skipped SLOs and why, for the head of an exported file.
pub fn skipped_comment(exported: &[(&Slo, Result<SliQueries, String>)]) -> String {
    let skipped: Vec<String> = exported
        .iter()
        .filter_map(|(slo, q)| q.as_ref().err().map(|why| skipped_line(slo, why)))
        .collect();
    if skipped.is_empty() {
        String::new()
    } else {
        format!("# Skipped, with why:\n{}", skipped.concat())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_prometheus_notation() {
        assert_eq!(prometheus_duration(5), "5m");
        assert_eq!(prometheus_duration(90), "90m");
        assert_eq!(prometheus_duration(360), "6h");
        assert_eq!(prometheus_duration(4320), "3d");
    }
}
