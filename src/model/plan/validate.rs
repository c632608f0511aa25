//! Checks a plan's content beyond what its types say: ranges, required text, unique ids,
//! references between parts, and size limits. Collects every problem with its field path.

use std::collections::HashSet;

use crate::model::history::series::SERIES_PREFIX;
use crate::model::plan::calendar::{parse_date, parse_month, parse_quarter, parse_timestamp};
use crate::model::plan::ids::ById;
use crate::model::plan::problem::Problem;
use crate::model::plan::{
    Alerting, BudgetingMethod, Plan, SliKind, SliMetrics, SloSubject, SloWindow, LEVEL_COUNT,
    MAX_LEVEL,
};
use crate::model::slo::promql::{is_label_name, is_metric_name, parse_matchers, parse_selector};

/// Most items of one kind a plan may hold; more is refused rather than slowing the page.
pub const MAX_ITEMS: usize = 2_000;

/// Longest text a field may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Longest rolling window, in days.
pub const MAX_WINDOW_DAYS: u32 = 90;

/// Minutes in a day, for bounds on spans measured in minutes.
const DAY_MINUTES: u32 = 1440;

/// Every problem with the plan; empty when it is valid.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut c = Checker::default();
    if !check_sizes(&mut c, plan) {
        return c.problems;
    }
    c.text_required("id", &plan.id);
    c.text_required("name", &plan.name);
    c.timestamp("created", &plan.created);
    c.timestamp("updated", &plan.updated);
    c.text("organization", &plan.organization);
    c.text("challenge", &plan.challenge);
    check_transition(&mut c, plan);
    check_slo_catalog(&mut c, plan);
    check_scenarios(&mut c, plan);
    check_histories(&mut c, plan);
    c.problems
}

/// Largest encoded series a history may hold (a 90-day series at 1-minute steps of real
/// request counts is about 0.3 MB).
pub const MAX_SERIES_BYTES: usize = 4 * 1024 * 1024;

/// Checks what a history says about itself without unpacking its rows (that is
/// [`check_history_rows`], done once when a file is imported, not on every save).
fn check_histories(c: &mut Checker, plan: &Plan) {
    let _ = c.ids("histories", plan.histories.iter().map(|h| &h.id));
    let mut seen_slos = HashSet::new();
    for (i, h) in plan.histories.iter().enumerate() {
        let p = format!("histories[{i}]");
        if !plan.slo_catalog.slos.iter().any(|slo| slo.id == h.slo) {
            c.fail(
                format!("{p}.slo"),
                format!("refers to SLO {:?}, which is not in this plan", h.slo),
            );
        } else if !seen_slos.insert(h.slo.as_str()) {
            c.fail(
                format!("{p}.slo"),
                format!(
                    "SLO {:?} already has a history; a plan keeps one per SLO",
                    h.slo
                ),
            );
        }
        c.text_required(&format!("{p}.source"), &h.source);
        c.timestamp(&format!("{p}.imported"), &h.imported);
        let _ = c.count(&format!("{p}.import_notes"), h.import_notes.len(), "notes");
        for (k, note) in h.import_notes.iter().enumerate() {
            c.text(&format!("{p}.import_notes[{k}]"), note);
        }
        if h.series.len() > MAX_SERIES_BYTES {
            c.fail(
                format!("{p}.series"),
                format!(
                    "is {:.1} MB; a history's rows may take at most {} MB",
                    h.series.len() as f64 / 1_048_576.0,
                    MAX_SERIES_BYTES / 1_048_576
                ),
            );
        } else if !h.series.0.starts_with(SERIES_PREFIX) {
            c.fail(
                format!("{p}.series"),
                format!(
                    "does not start with “{SERIES_PREFIX}”: it is not a series this workbook wrote"
                ),
            );
        }
    }
}

/// Unpacks every history's rows and reports those that cannot be read, by history.
pub fn check_history_rows(plan: &Plan) -> Vec<Problem> {
    plan.histories
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let why = h.series.decode().err()?;
            Some(Problem::at(format!("histories[{i}].series"), why))
        })
        .collect()
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::at(path, message));
    }

    fn text(&mut self, path: &str, value: &str) {
        let chars = value.chars().count();
        if chars > MAX_TEXT_CHARS {
            self.fail(
                path,
                format!("is {chars} characters long; at most {MAX_TEXT_CHARS} are allowed"),
            );
        }
    }

    fn text_required(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(path, "must not be empty");
        } else {
            self.text(path, value);
        }
    }

    fn timestamp(&mut self, path: &str, value: &str) {
        if parse_timestamp(value).is_none() {
            self.fail(
                path,
                format!("{value:?} is not a UTC timestamp like \"2026-11-24T09:30:00Z\""),
            );
        }
    }

    fn date(&mut self, path: &str, value: &str) {
        if parse_date(value).is_none() {
            self.fail(path, format!("{value:?} is not a date like \"2026-11-24\""));
        }
    }

    fn level(&mut self, path: &str, level: u8) {
        if level > MAX_LEVEL {
            self.fail(
                path,
                format!("{level} is not a level between 0 and {MAX_LEVEL}"),
            );
        }
    }

    fn within(&mut self, path: &str, value: f64, min: f64, max: f64) {
        if !value.is_finite() || value < min || value > max {
            self.fail(path, format!("{value} is not between {min} and {max}"));
        }
    }

    fn positive(&mut self, path: &str, value: f64) {
        if !value.is_finite() || value <= 0.0 {
            self.fail(path, format!("{value} must be a number greater than 0"));
        }
    }

    fn count(&mut self, path: &str, len: usize, what: &str) -> bool {
        if len > MAX_ITEMS {
            self.fail(
                path,
                format!("holds {len} {what}; a plan can hold at most {MAX_ITEMS}"),
            );
            return false;
        }
        true
    }

    /// Records the ids of a list, reporting empty and duplicate ones. An id is any
    /// non-blank text up to [`MAX_TEXT_CHARS`], with no charset: plans from other tools and
    /// old files carry ids like "Shop API". So no export writes one raw: YAML through
    /// `interop::yaml::{quoted, comment}`, PromQL through `promql::quote`, and names with a
    /// charset of their own (Kubernetes, Sloth, alert names) are derived from it
    /// (`yaml::dns_name`, `sloth::sloth_name`, `prometheus_rules::alert_name`).
    fn ids<'a>(&mut self, path: &str, ids: impl Iterator<Item = &'a String>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.fail(format!("{path}[{i}].id"), "must not be empty");
            } else if !seen.insert(id.as_str()) {
                self.fail(
                    format!("{path}[{i}].id"),
                    format!("{id:?} is used by an earlier entry; ids must be unique"),
                );
            }
        }
        seen
    }

    fn reference(&mut self, path: &str, id: &str, known: &HashSet<&str>, what: &str) {
        if !known.contains(id) {
            self.fail(
                path,
                format!("refers to {what} {id:?}, which is not in this plan"),
            );
        }
    }
}

/// Refuses oversized lists before anything else, so a huge file costs one message, not
/// one per item. Returns whether every list is within [`MAX_ITEMS`].
fn check_sizes(c: &mut Checker, plan: &Plan) -> bool {
    let t = &plan.transition;
    let cat = &plan.slo_catalog;
    let mut lists = vec![
        ("transition.groups".to_string(), t.groups.len(), "groups"),
        ("transition.teams".to_string(), t.teams.len(), "teams"),
        ("transition.rounds".to_string(), t.rounds.len(), "rounds"),
        ("transition.actions".to_string(), t.actions.len(), "actions"),
        (
            "transition.action_templates".to_string(),
            t.action_templates.len(),
            "templates",
        ),
        (
            "transition.activities".to_string(),
            t.activities.len(),
            "activity records",
        ),
        (
            "slo_catalog.services".to_string(),
            cat.services.len(),
            "services",
        ),
        (
            "slo_catalog.journeys".to_string(),
            cat.journeys.len(),
            "journeys",
        ),
        ("slo_catalog.slos".to_string(), cat.slos.len(), "SLOs"),
        ("scenarios".to_string(), plan.scenarios.len(), "scenarios"),
        ("histories".to_string(), plan.histories.len(), "histories"),
    ];
    for (i, r) in t.rounds.iter().enumerate() {
        lists.push((
            format!("transition.rounds[{i}].ratings"),
            r.ratings.len(),
            "ratings",
        ));
    }
    for (i, s) in plan.scenarios.iter().enumerate() {
        lists.push((
            format!("scenarios[{i}].incidents"),
            s.incidents.len(),
            "incidents",
        ));
        lists.push((
            format!("scenarios[{i}].maintenance"),
            s.maintenance.len(),
            "maintenance windows",
        ));
    }
    let mut ok = true;
    for (path, len, what) in lists {
        ok &= c.count(&path, len, what);
    }
    ok
}

fn check_transition(c: &mut Checker, plan: &Plan) {
    let t = &plan.transition;
    let groups = c.ids("transition.groups", t.groups.iter().map(|g| &g.id));
    let teams = c.ids("transition.teams", t.teams.iter().map(|g| &g.id));
    let _ = c.ids("transition.rounds", t.rounds.iter().map(|r| &r.id));
    let _ = c.ids("transition.actions", t.actions.iter().map(|a| &a.id));

    for (i, g) in t.groups.iter().enumerate() {
        let p = format!("transition.groups[{i}]");
        c.text_required(&format!("{p}.name"), &g.name);
        c.text(&format!("{p}.misaligned"), &g.misaligned);
        c.text(&format!("{p}.target_mindset"), &g.target_mindset);
        if g.levels.len() != LEVEL_COUNT {
            c.fail(format!("{p}.levels"), format!("has {} descriptors; it needs one for each level 0 to {MAX_LEVEL} ({LEVEL_COUNT})", g.levels.len()));
        }
        for (l, d) in g.levels.iter().enumerate() {
            c.text(&format!("{p}.levels[{l}]"), d);
        }
        if let Some(target) = &g.target {
            c.level(&format!("{p}.target.level"), target.level);
            c.date(&format!("{p}.target.date"), &target.date);
        }
    }
    for (i, team) in t.teams.iter().enumerate() {
        c.text_required(&format!("transition.teams[{i}].name"), &team.name);
        c.text(
            &format!("transition.teams[{i}].description"),
            &team.description,
        );
    }
    for (i, round) in t.rounds.iter().enumerate() {
        let p = format!("transition.rounds[{i}]");
        c.text(&format!("{p}.label"), &round.label);
        c.date(&format!("{p}.date"), &round.date);
        let mut cells = HashSet::new();
        for (j, r) in round.ratings.iter().enumerate() {
            let rp = format!("{p}.ratings[{j}]");
            c.reference(&format!("{rp}.team"), &r.team, &teams, "team");
            c.reference(&format!("{rp}.group"), &r.group, &groups, "group");
            c.level(&format!("{rp}.level"), r.level);
            c.text(&format!("{rp}.note"), &r.note);
            if !cells.insert((r.team.as_str(), r.group.as_str())) {
                c.fail(
                    rp,
                    format!(
                        "rates team {:?} × group {:?} a second time in this round",
                        r.team, r.group
                    ),
                );
            }
        }
    }
    for (i, a) in t.actions.iter().enumerate() {
        let p = format!("transition.actions[{i}]");
        c.text_required(&format!("{p}.title"), &a.title);
        for (j, g) in a.groups.iter().enumerate() {
            c.reference(&format!("{p}.groups[{j}]"), g, &groups, "group");
        }
        for (j, team) in a.teams.iter().enumerate() {
            c.reference(&format!("{p}.teams[{j}]"), team, &teams, "team");
        }
        c.text(&format!("{p}.owner"), &a.owner);
        c.text(&format!("{p}.gap"), &a.gap);
        if let Some(due) = &a.due {
            c.date(&format!("{p}.due"), due);
        }
    }
    for (i, tpl) in t.action_templates.iter().enumerate() {
        let p = format!("transition.action_templates[{i}]");
        c.reference(&format!("{p}.group"), &tpl.group, &groups, "group");
        c.level(&format!("{p}.level"), tpl.level);
        c.text_required(&format!("{p}.title"), &tpl.title);
    }
    let mut records = HashSet::new();
    for (i, rec) in t.activities.iter().enumerate() {
        let p = format!("transition.activities[{i}]");
        c.reference(&format!("{p}.team"), &rec.team, &teams, "team");
        c.date(&format!("{p}.date"), &rec.date);
        if !records.insert((rec.team.as_str(), rec.activity)) {
            c.fail(
                p,
                format!(
                    "records activity {:?} for team {:?} a second time",
                    rec.activity, rec.team
                ),
            );
        }
    }
    c.within(
        "transition.readiness_share_percent",
        t.readiness_share_percent,
        0.0,
        100.0,
    );
}

fn check_slo_catalog(c: &mut Checker, plan: &Plan) {
    let cat = &plan.slo_catalog;
    let teams: HashSet<&str> = plan
        .transition
        .teams
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let services = c.ids("slo_catalog.services", cat.services.iter().map(|s| &s.id));
    let journeys = c.ids("slo_catalog.journeys", cat.journeys.iter().map(|j| &j.id));
    let _ = c.ids("slo_catalog.slos", cat.slos.iter().map(|s| &s.id));

    for (i, s) in cat.services.iter().enumerate() {
        let p = format!("slo_catalog.services[{i}]");
        c.text_required(&format!("{p}.name"), &s.name);
        c.text(&format!("{p}.description"), &s.description);
        if let Some(team) = &s.team {
            c.reference(&format!("{p}.team"), team, &teams, "team");
        }
    }
    for (i, j) in cat.journeys.iter().enumerate() {
        let p = format!("slo_catalog.journeys[{i}]");
        c.text_required(&format!("{p}.name"), &j.name);
        c.text(&format!("{p}.description"), &j.description);
        c.reference(&format!("{p}.service"), &j.service, &services, "service");
        if !(1..=5).contains(&j.priority) {
            c.fail(
                format!("{p}.priority"),
                format!("{} is not a priority between 1 (highest) and 5", j.priority),
            );
        }
        for (k, dep) in j.depends_on.iter().enumerate() {
            c.reference(&format!("{p}.depends_on[{k}]"), dep, &services, "service");
        }
    }
    for (i, slo) in cat.slos.iter().enumerate() {
        let p = format!("slo_catalog.slos[{i}]");
        c.text_required(&format!("{p}.name"), &slo.name);
        match &slo.subject {
            SloSubject::Service(id) => {
                c.reference(&format!("{p}.subject.id"), id, &services, "service")
            }
            SloSubject::Journey(id) => {
                c.reference(&format!("{p}.subject.id"), id, &journeys, "journey")
            }
        }
        c.text(&format!("{p}.sli.description"), &slo.sli.description);
        match (slo.sli.kind, slo.sli.latency_threshold_ms) {
            (SliKind::Latency, None) => c.fail(
                format!("{p}.sli.latency_threshold_ms"),
                "a latency SLI needs a threshold in milliseconds",
            ),
            (_, Some(ms)) => c.positive(&format!("{p}.sli.latency_threshold_ms"), ms),
            _ => {}
        }
        if let Some(message) = target_percent_problem(slo.target_percent) {
            c.fail(format!("{p}.target_percent"), message);
        }
        match &slo.window {
            SloWindow::Rolling { days } if !(1..=MAX_WINDOW_DAYS).contains(days) => c.fail(
                format!("{p}.window.days"),
                format!("{days} is not a number of days between 1 and {MAX_WINDOW_DAYS}"),
            ),
            SloWindow::CalendarMonth { month } if parse_month(month).is_none() => c.fail(
                format!("{p}.window.month"),
                format!("{month:?} is not a month like \"2027-02\""),
            ),
            SloWindow::CalendarQuarter { quarter } if parse_quarter(quarter).is_none() => c.fail(
                format!("{p}.window.quarter"),
                format!("{quarter:?} is not a quarter like \"2027-Q1\""),
            ),
            _ => {}
        }
        check_metrics(c, &format!("{p}.metrics"), slo.metrics.as_ref());
        check_alerting(
            c,
            &format!("{p}.alerting"),
            &slo.alerting,
            slo.window.days(),
        );
        match &slo.budgeting {
            BudgetingMethod::Events { expected_per_day } => c.positive(
                &format!("{p}.budgeting.expected_per_day"),
                *expected_per_day,
            ),
            BudgetingMethod::TimeSlices {
                slice_minutes,
                good_slice_percent,
            } => {
                c.within(
                    &format!("{p}.budgeting.slice_minutes"),
                    *slice_minutes,
                    1.0,
                    1440.0,
                );
                if !(good_slice_percent.is_finite()
                    && *good_slice_percent > 0.0
                    && *good_slice_percent <= 100.0)
                {
                    c.fail(
                        format!("{p}.budgeting.good_slice_percent"),
                        format!("{good_slice_percent} is not a percentage above 0 and up to 100"),
                    );
                }
            }
        }
        c.text(&format!("{p}.policy.agreed_by"), &slo.policy.agreed_by);
        if let Some(on) = &slo.policy.agreed_on {
            c.date(&format!("{p}.policy.agreed_on"), on);
        }
        if let Some(review) = &slo.policy.review_on {
            c.date(&format!("{p}.policy.review_on"), review);
            if let Some(on) = &slo.policy.agreed_on {
                if parse_date(review)
                    .zip(parse_date(on))
                    .is_some_and(|(r, o)| r < o)
                {
                    c.fail(
                        format!("{p}.policy.review_on"),
                        format!("{review} is before the policy was agreed ({on})"),
                    );
                }
            }
        }
        let mut previous = f64::NEG_INFINITY;
        for (k, step) in slo.policy.thresholds.iter().enumerate() {
            let sp = format!("{p}.policy.thresholds[{k}]");
            c.within(
                &format!("{sp}.consumed_percent"),
                step.consumed_percent,
                0.0,
                1000.0,
            );
            if step.consumed_percent <= previous {
                c.fail(
                    format!("{sp}.consumed_percent"),
                    format!(
                        "{} must be larger than the threshold before it ({previous})",
                        step.consumed_percent
                    ),
                );
            }
            previous = step.consumed_percent;
            c.text_required(&format!("{sp}.action"), &step.action);
        }
    }
}

/// Checks an SLO's queries: each parses as a metric selector; events need exactly one of
/// good and bad.
fn check_metrics(c: &mut Checker, path: &str, metrics: Option<&SliMetrics>) {
    let query = |c: &mut Checker, field: &str, text: &str| {
        c.text(&format!("{path}.{field}"), text);
        if let Err(e) = parse_selector(text) {
            c.fail(format!("{path}.{field}"), e.to_string());
        }
    };
    match metrics {
        None => {}
        Some(SliMetrics::Events { good, bad, total }) => {
            match (good, bad) {
                (Some(good), None) => query(c, "good", good),
                (None, Some(bad)) => query(c, "bad", bad),
                _ => c.fail(
                    format!("{path}.good"),
                    "give either a good-events query or a bad-events query (one of the two)",
                ),
            }
            query(c, "total", total);
        }
        Some(SliMetrics::Latency {
            histogram,
            matchers,
            le,
        }) => {
            if !is_metric_name(histogram) {
                c.fail(
                    format!("{path}.histogram"),
                    format!(
                        "{histogram:?} is not a metric name like http_request_duration_seconds"
                    ),
                );
            }
            c.text(&format!("{path}.matchers"), matchers);
            if let Err(e) = parse_matchers(matchers) {
                c.fail(format!("{path}.matchers"), e.to_string());
            }
            if !(le == "+Inf" || le.parse::<f64>().is_ok_and(|v| v.is_finite() && v >= 0.0)) {
                c.fail(
                    format!("{path}.le"),
                    format!("{le:?} is not a histogram bucket bound like \"0.3\""),
                );
            }
        }
        Some(SliMetrics::TimeSlices {
            gauge, threshold, ..
        }) => {
            query(c, "gauge", gauge);
            if !threshold.is_finite() {
                c.fail(
                    format!("{path}.threshold"),
                    format!("{threshold} is not a number"),
                );
            }
        }
    }
}

/// Most alert tiers an SLO may have.
pub const MAX_ALERT_TIERS: usize = 20;

/// Label names the workbook sets on every alert itself (the rule exports write them).
pub const RESERVED_LABELS: [&str; 3] = ["severity", "slo", "service"];

/// The longest long window an alert tier may have over an SLO window of `window_days`, in
/// minutes: the window itself (a window outside 1–90 days is reported on its own).
pub fn longest_alert_window(window_days: u32) -> u32 {
    window_days.clamp(1, MAX_WINDOW_DAYS) * DAY_MINUTES
}

/// Checks an SLO's alerting: tiers inside the window with a short window no longer than
/// the long one, a guard of 0 or more, and label names Prometheus takes
/// (`[a-zA-Z_][a-zA-Z0-9_]*`, not `__…`, not one the workbook sets). Label values are any
/// non-blank text. Kubernetes is stricter about label keys (no leading or trailing `_`, at
/// most 63 characters) and values: the Pyrra export handles that where it writes them
/// (`interop::pyrra`, annotations for values, a comment for keys it cannot carry).
fn check_alerting(c: &mut Checker, path: &str, alerting: &Alerting, window_days: u32) {
    let window = longest_alert_window(window_days);
    if alerting.tiers.len() > 20 {
        c.fail(
            format!("{path}.tiers"),
            format!(
                "holds {} tiers; at most 20 are allowed",
                alerting.tiers.len()
            ),
        );
    }
    for (k, tier) in alerting.tiers.iter().enumerate() {
        let tp = format!("{path}.tiers[{k}]");
        if !(1..=window).contains(&tier.long_minutes) {
            c.fail(
                format!("{tp}.long_minutes"),
                format!(
                    "{} is not a number of minutes from 1 to the SLO window ({window})",
                    tier.long_minutes
                ),
            );
        }
        if !(1..=tier.long_minutes.max(1)).contains(&tier.short_minutes) {
            c.fail(
                format!("{tp}.short_minutes"),
                format!(
                    "{} must be from 1 to the long window ({})",
                    tier.short_minutes, tier.long_minutes
                ),
            );
        }
        if !(tier.budget_percent.is_finite()
            && tier.budget_percent > 0.0
            && tier.budget_percent <= 100.0)
        {
            c.fail(
                format!("{tp}.budget_percent"),
                format!(
                    "{} is not a percentage above 0 and up to 100",
                    tier.budget_percent
                ),
            );
        }
    }
    for (key, value) in &alerting.labels {
        if !is_label_name(key) || key.starts_with("__") {
            c.fail(
                format!("{path}.labels.{key}"),
                "is not a Prometheus label name (letters, digits and _, not starting with a digit or __)",
            );
        } else if RESERVED_LABELS.contains(&key.as_str()) {
            c.fail(
                format!("{path}.labels.{key}"),
                "is set by the workbook itself; choose another label name",
            );
        }
        if value.trim().is_empty() {
            c.fail(
                format!("{path}.labels.{key}"),
                "needs a value (an empty label is no label to Prometheus, and Sloth refuses it)",
            );
        }
        c.text(&format!("{path}.labels.{key}"), value);
    }
    if let Some(guard) = alerting.min_events_per_hour {
        if !(guard.is_finite() && guard >= 0.0) {
            c.fail(
                format!("{path}.min_events_per_hour"),
                format!("{guard} must be a number of 0 or more"),
            );
        }
    }
}

/// Why an SLO target (percent) is not acceptable, or `None` when it is: more than 0, less
/// than 100, at most five decimals.
pub fn target_percent_problem(target: f64) -> Option<String> {
    if !target.is_finite() || target <= 0.0 || target >= 100.0 {
        return Some(format!("{target} is not between 0 and 100 (both excluded)"));
    }
    let scaled = target * 1e5;
    if (scaled - scaled.round()).abs() > 1e-4 {
        return Some(format!("{target} has more than five decimals"));
    }
    None
}

fn check_scenarios(c: &mut Checker, plan: &Plan) {
    let _ = c.ids("scenarios", plan.scenarios.iter().map(|s| &s.id));
    for (i, s) in plan.scenarios.iter().enumerate() {
        let p = format!("scenarios[{i}]");
        c.text_required(&format!("{p}.name"), &s.name);
        let slo = plan.slo_catalog.slos.by_id(&s.slo);
        if slo.is_none() {
            c.fail(
                format!("{p}.slo"),
                format!("refers to SLO {:?}, which is not in this plan", s.slo),
            );
        }
        // Spans are checked against the window only when the window itself is valid, so a
        // bad window is reported once rather than once per incident.
        let window_minutes = slo
            .map(|slo| slo.window.days())
            .filter(|days| (1..=MAX_WINDOW_DAYS).contains(days))
            .map(|days| days * DAY_MINUTES);
        if let Some(target) = s.target_override_percent {
            if let Some(message) = target_percent_problem(target) {
                c.fail(format!("{p}.target_override_percent"), message);
            }
        }
        c.within(
            &format!("{p}.baseline_error_ratio"),
            s.baseline_error_ratio,
            0.0,
            1.0,
        );
        for (k, x) in s.incidents.iter().enumerate() {
            let sp = format!("{p}.incidents[{k}]");
            check_span(
                c,
                &sp,
                (&x.label, x.start_minute, x.duration_minutes, x.error_ratio),
                window_minutes,
            );
        }
        for (k, x) in s.maintenance.iter().enumerate() {
            let sp = format!("{p}.maintenance[{k}]");
            check_span(
                c,
                &sp,
                (&x.label, x.start_minute, x.duration_minutes, x.error_ratio),
                window_minutes,
            );
        }
        let r = &s.releases;
        c.within(
            &format!("{p}.releases.releases_per_week"),
            r.releases_per_week,
            0.0,
            10_000.0,
        );
        c.within(
            &format!("{p}.releases.change_failure_rate"),
            r.change_failure_rate,
            0.0,
            1.0,
        );
        let restore_limit = window_minutes.unwrap_or(MAX_WINDOW_DAYS * DAY_MINUTES);
        if !(r.restore_minutes.is_finite()
            && (0.0..=f64::from(restore_limit)).contains(&r.restore_minutes))
        {
            c.fail(
                format!("{p}.releases.restore_minutes"),
                format!(
                    "{} is not a number of minutes between 0 and the SLO window of {restore_limit} minutes",
                    r.restore_minutes
                ),
            );
        }
        c.within(
            &format!("{p}.releases.error_ratio"),
            r.error_ratio,
            0.0,
            1.0,
        );
        let m = &s.monte_carlo;
        c.within(
            &format!("{p}.monte_carlo.incidents_per_window"),
            m.incidents_per_window,
            0.0,
            1000.0,
        );
        c.positive(
            &format!("{p}.monte_carlo.median_restore_minutes"),
            m.median_restore_minutes,
        );
        if !(m.p90_restore_minutes.is_finite() && m.p90_restore_minutes >= m.median_restore_minutes)
        {
            c.fail(
                format!("{p}.monte_carlo.p90_restore_minutes"),
                format!(
                    "{} must be at least the median ({})",
                    m.p90_restore_minutes, m.median_restore_minutes
                ),
            );
        }
        c.within(
            &format!("{p}.monte_carlo.error_ratio"),
            m.error_ratio,
            0.0,
            1.0,
        );
        if !(1..=100_000).contains(&m.runs) {
            c.fail(
                format!("{p}.monte_carlo.runs"),
                format!("{} is not a number of runs between 1 and 100000", m.runs),
            );
        }
    }
}

/// Checks an incident or maintenance window: (label, start minute, duration, error ratio).
fn check_span(
    c: &mut Checker,
    path: &str,
    span: (&str, u32, u32, f64),
    window_minutes: Option<u32>,
) {
    let (label, start, duration, ratio) = span;
    c.text(&format!("{path}.label"), label);
    if duration == 0 {
        c.fail(
            format!("{path}.duration_minutes"),
            "must be at least 1 minute",
        );
    }
    // Bounded by the window so that start + duration stays far inside 32-bit arithmetic.
    let window = window_minutes.unwrap_or(MAX_WINDOW_DAYS * DAY_MINUTES);
    if window_minutes.is_some() && start >= window {
        c.fail(
            format!("{path}.start_minute"),
            format!("{start} is outside the SLO window of {window} minutes"),
        );
    }
    if duration > window {
        c.fail(
            format!("{path}.duration_minutes"),
            format!("{duration} minutes is longer than the SLO window of {window} minutes"),
        );
    }
    c.within(&format!("{path}.error_ratio"), ratio, 0.0, 1.0);
}
