//! The alert lab's figures, everything its view shows: each scheme's outcome on the series
//! and at a hundredth of its traffic, a row of words per scheme, and the SLI counted by
//! events and by time. Built from plain minutes, so history and scenarios share it.

use super::evaluate::Minutes;
use super::outcomes::{compare, IncidentOutcome, LabSlo, SchemeOutcome};
use super::schemes::{window_minutes, window_words};
use super::traffic::{thin, two_slis, TwoSlis, THINNED_SHARE};
use crate::model::plan::{BudgetingMethod, Scenario, Slo};
use crate::model::scenario::fields::format_window_minute;
use crate::model::scenario::simulation::error_ratios;
use crate::model::slo::budget::format_percent;
use crate::model::slo::figures::{amount_of, count_of};

/// One scheme's row of the lab's table, as text.
#[derive(Clone, Debug, PartialEq)]
pub struct LabRow {
    /// The scheme's name.
    pub scheme: &'static str,
    /// Pages, and per 30 days: "1 (15 per 30 days)".
    pub pages: String,
    /// Tickets, and per 30 days.
    pub tickets: String,
    /// Median minutes from an incident's start to its page.
    pub delay: String,
    /// Median share of the budget gone by then.
    pub spent: String,
    /// Incidents never paged, "1 of 3".
    pub missed: String,
    /// Pages while the budget was never at risk.
    pub false_alarms: String,
    /// How long alerts stay open: median and longest.
    pub resolve: String,
    /// Pages per 30 days and false alarms at a hundredth of the traffic.
    pub thinned: String,
}

/// What the lab found on one series.
#[derive(Clone, Debug)]
pub struct AlertLab {
    /// Each scheme on the series, the SLO's own tiers first.
    pub outcomes: Vec<SchemeOutcome>,
    /// Each scheme at a hundredth of the events, when the series counts events.
    pub thinned: Option<Vec<SchemeOutcome>>,
    /// The SLI counted by events and by time.
    pub slis: TwoSlis,
    /// Minutes replayed.
    pub minutes: usize,
}

/// Runs every scheme over `minutes` against `slo`; `counts_events` says whether the
/// series holds event counts (so thinning it means something).
pub fn run_lab(minutes: &Minutes, slo: LabSlo, counts_events: bool) -> AlertLab {
    AlertLab {
        outcomes: compare(minutes, slo),
        thinned: counts_events.then(|| compare(&thin(minutes, THINNED_SHARE, 1), slo)),
        slis: two_slis(minutes),
        minutes: minutes.total.len(),
    }
}

/// The median of `values`, if any.
fn median<T: Copy + PartialOrd>(mut values: Vec<T>) -> Option<T> {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    values.get(values.len() / 2).copied()
}

/// A count per 30 days: "3", "0.5".
fn count(value: f64) -> String {
    let text = format!("{value:.1}");
    text.trim_end_matches(".0").to_string()
}

/// A delay in minutes, "0" written as "under a minute".
fn delay_words(minutes: usize) -> String {
    if minutes == 0 {
        "under a minute".into()
    } else {
        window_words(minutes)
    }
}

impl AlertLab {
    /// The table: one row per scheme.
    pub fn rows(&self) -> Vec<LabRow> {
        self.outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let paged: Vec<&IncidentOutcome> = o
                    .incidents
                    .iter()
                    .filter(|x| x.paged_after.is_some())
                    .collect();
                let thinned = self.thinned.as_ref().and_then(|t| t.get(i)).map_or_else(
                    || "not counted (no event counts)".to_string(),
                    |t| {
                        format!(
                            "{}, {}",
                            amount_of(&count(t.pages_per_month), "page", "pages"),
                            count_of(t.false_alarms, "false alarm", "false alarms")
                        )
                    },
                );
                LabRow {
                    scheme: o.rules.scheme.name(),
                    pages: format!(
                        "{} ({} per 30 days)",
                        o.pages.len(),
                        count(o.pages_per_month)
                    ),
                    tickets: format!(
                        "{} ({} per 30 days)",
                        o.tickets.len(),
                        count(o.tickets_per_month)
                    ),
                    delay: median(paged.iter().filter_map(|x| x.paged_after).collect())
                        .map_or("–".into(), delay_words),
                    spent: median(paged.iter().map(|x| x.spent_before_page).collect())
                        .map_or("–".into(), |s| format_percent(s, 1)),
                    missed: format!("{} of {}", o.never_paged(), o.incidents.len()),
                    false_alarms: o.false_alarms.to_string(),
                    resolve: o.resolve_minutes().map_or("–".into(), |(m, longest)| {
                        format!("{} (longest {})", window_words(m), window_words(longest))
                    }),
                    thinned,
                }
            })
            .collect()
    }

    /// Each incident with when it began, how long it lasted, and per scheme how long
    /// until its first page ("never" when none came).
    pub fn incident_rows(&self) -> Vec<Vec<String>> {
        let Some(first) = self.outcomes.first() else {
            return Vec::new();
        };
        first
            .incidents
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let mut row = vec![
                    format_window_minute(i.incident.start),
                    window_words(i.incident.minutes()),
                ];
                row.extend(self.outcomes.iter().map(|o| {
                    o.incidents
                        .get(k)
                        .and_then(|x| x.paged_after)
                        .map_or("never".into(), delay_words)
                }));
                row
            })
            .collect()
    }

    /// The SLI two ways, in words, with the difference.
    pub fn sli_words(&self) -> String {
        match (self.slis.event_weighted, self.slis.time_weighted) {
            (Some(e), Some(t)) => format!(
                "Counted by events (good ÷ total, as Pyrra and this budget count): {}. Counted by time (the mean of 5-minute ratios, as Sloth's period SLI): {}. {}",
                format_percent(e, 4),
                format_percent(t, 4),
                points((t - e) * 100.0)
            ),
            _ => "No events to count.".into(),
        }
    }
}

/// The difference of the two SLIs in percentage points, in words.
fn points(difference: f64) -> String {
    if difference.abs() < 0.000_05 {
        "The two agree to 4 decimals.".into()
    } else {
        format!("Counting by time moves it by {difference:+.4} points.")
    }
}

/// A scenario's minutes for the lab: its error ratio each minute, weighted by the SLO's
/// expected events per minute (1 per minute when the SLO counts time slices).
pub fn scenario_minutes(scenario: &Scenario, slo: &Slo) -> (Minutes, bool) {
    let window = window_minutes(slo.window.days());
    let (per_minute, counts_events) = match slo.budgeting {
        BudgetingMethod::Events { expected_per_day } => (expected_per_day / 1440.0, true),
        BudgetingMethod::TimeSlices { .. } => (1.0, false),
    };
    let ratios = error_ratios(scenario, slo, window);
    let total = vec![per_minute; ratios.len()];
    let good = ratios.iter().map(|r| per_minute * (1.0 - r)).collect();
    (Minutes { good, total }, counts_events)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;
    use crate::model::plan::ids::ById;

    #[test]
    fn the_example_scenario_is_compared_under_every_scheme() {
        let plan = example_plan();
        let scenario = &plan.scenarios[0];
        let slo = plan.slo_catalog.slos.by_id(&scenario.slo).unwrap();
        let (minutes, counts_events) = scenario_minutes(scenario, slo);
        let lab = run_lab(
            &minutes,
            LabSlo {
                target_percent: slo.target_percent,
                window_days: slo.window.days(),
                tiers: &slo.alerting.tiers,
            },
            counts_events,
        );
        let rows = lab.rows();
        assert_eq!(
            rows.iter().map(|r| r.scheme).collect::<Vec<_>>(),
            [
                "This SLO's tiers",
                "Sloth",
                "Pyrra",
                "Grafana SLO",
                "Datadog",
                "slo-generator"
            ]
        );
        // The example's three incidents (38, 12 and 6 minutes at high error ratios) burn
        // faster than 1×; the SLO's own page tiers catch every one.
        assert!(lab.outcomes[0].incidents.len() >= 3);
        assert_eq!(
            rows[0].missed,
            format!("0 of {}", lab.outcomes[0].incidents.len())
        );
        assert!(lab.sli_words().starts_with("Counted by events"));
        // The first incident: "Payment provider timeout" on day 5 at 09:12, 38 minutes.
        let incidents = lab.incident_rows();
        assert_eq!(
            incidents[0][..2],
            ["Day 5, 09:12".to_string(), "38 min".to_string()]
        );
        assert_eq!(incidents[0].len(), 2 + 6);
    }
}
