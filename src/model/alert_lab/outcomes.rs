//! What each scheme would have done to the people on call, on one series of minutes: pages
//! and tickets (episodes, not firing minutes), how late each incident was paged and how
//! much budget was gone by then, incidents never paged, false alarms, and how long alerts
//! stay open. The rules for each figure are stated where they are computed and in
//! [`RULES_IN_WORDS`], which the lab shows.

use std::collections::HashMap;
use std::rc::Rc;

use super::evaluate::{firing_with, window_ratios, Minutes, Sums};
use super::schemes::{scheme_rules, window_minutes, window_words, Scheme, SchemeRules};
use crate::model::plan::{AlertSeverity, AlertTier};
use crate::model::slo::budget::format_percent;
use crate::model::slo::figures::count_of;

/// Minutes in 30 days, the period counts are given per.
const MONTH: f64 = 30.0 * 1440.0;
/// An incident: the 5-minute burn rate above 1×, stretches less than 15 minutes apart
/// joined, that spent at least half a percent of the SLO window's budget (shorter blips
/// are noise no scheme is meant to page for).
const INCIDENT_WINDOW: usize = 5;
const INCIDENT_JOIN: usize = 15;
const INCIDENT_MIN_SHARE: f64 = 0.005;
/// A page counts for an incident when it fires during it or within this many minutes
/// after it ends (slow-burn pages come late).
const PAGE_GRACE: usize = 60;
/// A page is a false alarm when the SLO window's spent budget stays under this share
/// from the page's start until this long after it resolves.
const AT_RISK_SHARE: f64 = 0.5;
const AT_RISK_AFTER: usize = 1440;

/// How the lab counts, in words, for the page.
pub const RULES_IN_WORDS: &str = "Pages and tickets are episodes: a stretch of minutes in which any rule of that severity fires. An incident is a stretch whose 5-minute burn rate exceeds 1× (stretches less than 15 minutes apart are one) that spent at least 0.5 % of the budget. An incident is paged when a page fires during it or within an hour after it; budget shares are of the SLO window's budget at the history's mean traffic. A page is a false alarm when the SLO window ending at any minute from its start until a day after it resolves had spent less than half its budget.";

/// A stretch of minutes, `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stretch {
    /// First minute.
    pub start: usize,
    /// The minute after the last (the series' length if still open at its end).
    pub end: usize,
}

impl Stretch {
    /// Its length in minutes.
    pub fn minutes(&self) -> usize {
        self.end - self.start
    }
}

/// The stretches in which `on` holds.
pub fn stretches(on: &[bool]) -> Vec<Stretch> {
    let mut out = Vec::new();
    let mut start = None;
    for (m, &v) in on.iter().enumerate() {
        match (start, v) {
            (None, true) => start = Some(m),
            (Some(s), false) => {
                out.push(Stretch { start: s, end: m });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Stretch {
            start: s,
            end: on.len(),
        });
    }
    out
}

/// The incidents of a series: where the 5-minute burn rate exceeds 1×, each spending at
/// least `min_bad` bad events.
pub fn incidents(sums: &Sums, fraction: f64, min_bad: f64) -> Vec<Stretch> {
    let burning: Vec<bool> = (0..sums.len())
        .map(|m| {
            let (from, to) = Sums::ending_at(m, INCIDENT_WINDOW);
            sums.sli(from, to).is_some_and(|sli| 1.0 - sli > fraction)
        })
        .collect();
    let mut joined: Vec<Stretch> = Vec::new();
    for s in stretches(&burning) {
        // The 5-minute window trails: the burn began up to 4 minutes before the window
        // first exceeded 1×, at the first minute that burned faster than 1× itself.
        let start = (s.start.saturating_sub(INCIDENT_WINDOW - 1)..=s.start)
            .find(|&m| sums.sli(m, m + 1).is_some_and(|sli| 1.0 - sli > fraction))
            .unwrap_or(s.start);
        // It ends after its last minute that burned faster than 1× itself (the window
        // trails by up to 4 minutes here too).
        let end = (start..s.end)
            .rev()
            .find(|&m| sums.sli(m, m + 1).is_some_and(|sli| 1.0 - sli > fraction))
            .map_or(s.end, |m| m + 1);
        match joined.last_mut() {
            Some(last) if start < last.end + INCIDENT_JOIN => last.end = end,
            _ => joined.push(Stretch { start, end }),
        }
    }
    joined.retain(|s| sums.bad(s.start, s.end) >= min_bad);
    joined
}

/// How one incident went under a scheme.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentOutcome {
    /// The incident.
    pub incident: Stretch,
    /// Minutes from its first bad minute to the first page, if one came.
    pub paged_after: Option<usize>,
    /// Share of the SLO window's budget spent from its start until the page (or its end).
    pub spent_before_page: f64,
}

/// What one scheme would have done on the series.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemeOutcome {
    /// The scheme and its rules.
    pub rules: SchemeRules,
    /// Page episodes.
    pub pages: Vec<Stretch>,
    /// Ticket episodes.
    pub tickets: Vec<Stretch>,
    /// Pages per 30 days.
    pub pages_per_month: f64,
    /// Tickets per 30 days.
    pub tickets_per_month: f64,
    /// Each incident's page and cost.
    pub incidents: Vec<IncidentOutcome>,
    /// Pages during which the window's budget was never at risk.
    pub false_alarms: usize,
}

impl SchemeOutcome {
    /// Incidents no page caught.
    pub fn never_paged(&self) -> usize {
        self.incidents
            .iter()
            .filter(|i| i.paged_after.is_none())
            .count()
    }

    /// Minutes until alerts resolve (pages and tickets), median and longest.
    pub fn resolve_minutes(&self) -> Option<(usize, usize)> {
        let mut all: Vec<usize> = self
            .pages
            .iter()
            .chain(&self.tickets)
            .map(Stretch::minutes)
            .collect();
        all.sort_unstable();
        Some((*all.get(all.len() / 2)?, *all.last()?))
    }

    /// The scheme's result in one sentence: "would have paged 3 times in 30 days, 41 min
    /// after the first incident began, after 2.1 % of the budget was gone".
    pub fn sentence(&self) -> String {
        let name = self.rules.scheme.name();
        let counts = format!(
            "{} and {} ({} and {} per 30 days)",
            count_of(self.pages.len(), "page", "pages"),
            count_of(self.tickets.len(), "ticket", "tickets"),
            per_month(self.pages_per_month),
            per_month(self.tickets_per_month)
        );
        let paged: Vec<&IncidentOutcome> = self
            .incidents
            .iter()
            .filter(|i| i.paged_after.is_some())
            .collect();
        let first = paged.first().map(|i| {
            format!(
                "; the first paged incident {} after it began, with {} of the budget gone",
                window_words(i.paged_after.unwrap_or(0)).replace("0 min", "under a minute"),
                format_percent(i.spent_before_page, 1)
            )
        });
        let missed = match (self.incidents.len(), self.never_paged()) {
            (0, _) => "; no incident burned faster than the budget allows".to_string(),
            (1, 0) => "; the one incident paged".to_string(),
            (n, 0) => format!("; all {n} incidents paged"),
            (n, k) => format!("; {k} of {n} incidents never paged"),
        };
        let alarms = match self.false_alarms {
            0 => String::new(),
            1 => "; 1 false alarm".into(),
            k => format!("; {k} false alarms"),
        };
        format!(
            "{name}: {counts}{}{missed}{alarms}.",
            first.unwrap_or_default()
        )
    }
}

/// A count per 30 days as written: "3", "0.5".
fn per_month(value: f64) -> String {
    let text = format!("{value:.1}");
    text.trim_end_matches(".0").to_string()
}

/// Each window's error ratios, computed once for all the schemes that use the window.
struct RatioCache<'a> {
    sums: &'a Sums,
    windows: HashMap<usize, Rc<Vec<f64>>>,
}

impl RatioCache<'_> {
    fn over(&mut self, length: usize) -> Rc<Vec<f64>> {
        let sums = self.sums;
        self.windows
            .entry(length)
            .or_insert_with(|| Rc::new(window_ratios(sums, length)))
            .clone()
    }
}

/// The union of the rules of `severity`, minute by minute.
fn severity_firing(
    rules: &SchemeRules,
    severity: AlertSeverity,
    cache: &mut RatioCache,
    fraction: f64,
) -> Vec<bool> {
    let mut on = vec![false; cache.sums.len()];
    for rule in rules.rules.iter().filter(|r| r.severity == severity) {
        let fires = firing_with(rule, &mut |length| cache.over(length), fraction);
        for (o, f) in on.iter_mut().zip(fires) {
            *o |= f;
        }
    }
    on
}

/// The SLO an alert lab replays: its target, window and tiers.
#[derive(Clone, Copy, Debug)]
pub struct LabSlo<'a> {
    /// Target, percent.
    pub target_percent: f64,
    /// SLO window, days.
    pub window_days: u32,
    /// The SLO's own alert tiers.
    pub tiers: &'a [AlertTier],
}

/// Every scheme replayed on `minutes` against `slo`, the plan's own first.
pub fn compare(minutes: &Minutes, slo: LabSlo) -> Vec<SchemeOutcome> {
    let sums = Sums::of(minutes);
    let fraction = (1.0 - slo.target_percent / 100.0).max(f64::MIN_POSITIVE);
    let n = sums.len();
    let mean = if n > 0 {
        sums.total(0, n) / n as f64
    } else {
        0.0
    };
    let budget = fraction * mean * f64::from(slo.window_days.max(1)) * 1440.0;
    let incidents = incidents(&sums, fraction, budget * INCIDENT_MIN_SHARE);
    let mut cache = RatioCache {
        sums: &sums,
        windows: HashMap::new(),
    };
    Scheme::ALL
        .iter()
        .map(|&scheme| {
            let rules = scheme_rules(scheme, slo.window_days, slo.tiers);
            outcome(rules, &mut cache, fraction, slo.window_days, &incidents)
        })
        .collect()
}

/// One scheme's outcome on the series summed in `sums`.
fn outcome(
    rules: SchemeRules,
    cache: &mut RatioCache,
    fraction: f64,
    window_days: u32,
    incidents: &[Stretch],
) -> SchemeOutcome {
    let sums = cache.sums;
    let n = sums.len();
    let window = window_minutes(window_days);
    let page_on = severity_firing(&rules, AlertSeverity::Page, cache, fraction);
    let pages = stretches(&page_on);
    let tickets = stretches(&severity_firing(
        &rules,
        AlertSeverity::Ticket,
        cache,
        fraction,
    ));
    // The window's budget in events at the history's mean traffic.
    let mean = if n > 0 {
        sums.total(0, n) / n as f64
    } else {
        0.0
    };
    let budget = fraction * mean * window as f64;
    let share = |bad: f64| if budget > 0.0 { bad / budget } else { 0.0 };
    let incident_outcomes = incidents
        .iter()
        .map(|&incident| {
            let until = (incident.end + PAGE_GRACE).min(n);
            let page = (incident.start..until).find(|&m| page_on[m]);
            let spent_to = page.map_or(incident.end, |p| p + 1);
            IncidentOutcome {
                incident,
                paged_after: page.map(|p| p - incident.start),
                spent_before_page: share(sums.bad(incident.start, spent_to)),
            }
        })
        .collect();
    // The rolling window's spent share at minute m, as far as the series reaches back.
    let spent_at = |m: usize| {
        let (from, to) = Sums::ending_at(m, window);
        let allowed = fraction * sums.total(from, to);
        if allowed > 0.0 {
            sums.bad(from, to) / allowed
        } else {
            0.0
        }
    };
    let false_alarms = pages
        .iter()
        .filter(|p| {
            let until = (p.end + AT_RISK_AFTER).min(n);
            (p.start..until).all(|m| spent_at(m) < AT_RISK_SHARE)
        })
        .count();
    let months = n as f64 / MONTH;
    let per_month = |count: usize| {
        if months > 0.0 {
            count as f64 / months
        } else {
            0.0
        }
    };
    SchemeOutcome {
        pages_per_month: per_month(pages.len()),
        tickets_per_month: per_month(tickets.len()),
        rules,
        pages,
        tickets,
        incidents: incident_outcomes,
        false_alarms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::slo::budget::default_alert_tiers;

    /// 30 days of 1,000 events a minute at 99.95 % good, with full outages in `outages`.
    fn month(outages: &[(usize, usize)]) -> Minutes {
        let n = 30 * 1440;
        let total = vec![1000.0; n];
        let mut good = vec![999.5; n];
        for &(start, minutes) in outages {
            for g in &mut good[start..start + minutes] {
                *g = 0.0;
            }
        }
        Minutes { good, total }
    }

    fn slo(tiers: &[AlertTier]) -> LabSlo<'_> {
        LabSlo {
            target_percent: 99.9,
            window_days: 30,
            tiers,
        }
    }

    #[test]
    fn a_quiet_month_pages_no_one() {
        let tiers = default_alert_tiers(30);
        for outcome in compare(&month(&[]), slo(&tiers)) {
            assert!(outcome.pages.is_empty(), "{:?}", outcome.rules.scheme);
            assert!(outcome.incidents.is_empty());
            assert_eq!(outcome.false_alarms, 0);
        }
    }

    #[test]
    fn a_20_minute_outage_is_one_incident_paged_by_every_scheme() {
        // Day 10, 09:00, every request fails for 20 minutes. 20,000 bad events of a
        // 43,200-event budget (0.1 % of 30 days × 1,000 a minute): 46.3 % of it.
        let start = 10 * 1440 + 9 * 60;
        let tiers = default_alert_tiers(30);
        let outcomes = compare(&month(&[(start, 20)]), slo(&tiers));
        for o in &outcomes {
            let scheme = o.rules.scheme;
            assert_eq!(o.incidents.len(), 1, "{scheme:?}");
            let incident = &o.incidents[0];
            assert_eq!(incident.incident.start, start, "{scheme:?}");
            assert!(o.pages.len() == 1, "{scheme:?}: {:?}", o.pages);
            assert_eq!(o.never_paged(), 0);
            // Above 50 % spent? No: 46.3 % plus the 0.05 % baseline over the window (50 %
            // of budget over 30 days, about 23 % by day 10) is at risk, so no false alarm.
            assert_eq!(o.false_alarms, 0, "{scheme:?}");
        }
        let delay = |scheme: Scheme| {
            outcomes
                .iter()
                .find(|o| o.rules.scheme == scheme)
                .and_then(|o| o.incidents[0].paged_after)
        };
        // Workbook, Sloth, Grafana and Datadog page in the outage's first minute: one
        // full minute in an hour is 1.67 % errors, above 14.4 × 0.1 %.
        for scheme in [
            Scheme::PlanTiers,
            Scheme::Sloth,
            Scheme::Grafana,
            Scheme::Datadog,
        ] {
            assert_eq!(delay(scheme), Some(0), "{scheme:?}");
        }
        // Pyrra holds its 14× tier for 2 minutes first.
        assert_eq!(delay(Scheme::Pyrra), Some(2));
        // slo-generator's 1 h window at 9×: 0.9 % errors, crossed in the first minute too.
        assert_eq!(delay(Scheme::SloGenerator), Some(0));
        let plan = &outcomes[0];
        // One minute of 1,000 bad events: 2.3 % of the 43,200-event budget.
        assert_eq!(
            format_percent(plan.incidents[0].spent_before_page, 1),
            "2.3 %"
        );
        assert_eq!(
            plan.sentence(),
            "This SLO's tiers: 1 page and 1 ticket (1 and 1 per 30 days); the first paged incident under a minute after it began, with 2.3 % of the budget gone; the one incident paged."
        );
    }

    #[test]
    fn a_blip_on_low_traffic_pages_the_sensitive_schemes_as_a_false_alarm() {
        // 3 events a minute; 4 failures in one minute at noon on day 20 and nothing else.
        // The hour holds 4 of 180: 2.2 % errors, 22× the 0.1 % budget: the 14.4× tiers page,
        // though only 4 of 129.6 budgeted events (3.1 %) were spent.
        let n = 30 * 1440;
        let total = vec![3.0; n];
        let mut good = vec![3.0; n];
        good[20 * 1440 + 720] = 0.0;
        let mut total2 = total.clone();
        total2[20 * 1440 + 720] = 4.0;
        let minutes = Minutes {
            good,
            total: total2,
        };
        let tiers = default_alert_tiers(30);
        let outcomes = compare(&minutes, slo(&tiers));
        let sloth = outcomes
            .iter()
            .find(|o| o.rules.scheme == Scheme::Sloth)
            .unwrap();
        assert_eq!(sloth.pages.len(), 1);
        assert_eq!(sloth.false_alarms, 1);
        // Pyrra's 2 minutes of for: the 5-minute window still holds the failures, so it
        // pages too, two minutes later.
        let pyrra = outcomes
            .iter()
            .find(|o| o.rules.scheme == Scheme::Pyrra)
            .unwrap();
        assert_eq!(pyrra.pages.first().map(|p| p.start), Some(20 * 1440 + 722));
    }

    #[test]
    fn stretches_are_runs_of_true() {
        let on = [false, true, true, false, true];
        assert_eq!(
            stretches(&on),
            [Stretch { start: 1, end: 3 }, Stretch { start: 4, end: 5 }]
        );
    }
}
