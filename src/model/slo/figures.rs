//! What an SLO means, as the figures the SLO workspace shows: budget, allowed downtime,
//! alert rules with their time to fire, neighboring targets, and the dependency check.
//! Plain data with display text, so the view only lays it out and host tests pin it.

use crate::model::plan::ids::ById;
use crate::model::plan::{
    BudgetingMethod, Plan, PolicyThreshold, SliKind, Slo, SloSubject, SloWindow,
};
use crate::model::slo::budget::{
    burn_rate_rules, format_count, format_duration, format_percent, series_bound, AlertSeverity,
    ErrorBudget, DAYS_PER_YEAR, NEIGHBOR_TARGETS_PERCENT,
};

/// The budget of an SLO in every unit that applies.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetFigures {
    /// The budget fraction, e.g. "0.1 %".
    pub fraction: String,
    /// Bad time allowed over the window, e.g. "43 min 12 s".
    pub time: String,
    /// The window in words, e.g. "rolling 30 days".
    pub window: String,
    /// Bad events or slices allowed, e.g. "3,600 of 3,600,000 events".
    pub units: String,
}

/// The budget figures of an SLO.
pub fn budget_figures(slo: &Slo) -> BudgetFigures {
    let budget = ErrorBudget::of_slo(slo);
    let units = match &slo.budgeting {
        BudgetingMethod::Events { expected_per_day } => format!(
            "{} of {} events",
            format_count(budget.events(*expected_per_day)),
            format_count(expected_per_day * budget.window_days)
        ),
        BudgetingMethod::TimeSlices { slice_minutes, .. } => format!(
            "{} of {} slices of {}",
            format_count(budget.bad_slices(*slice_minutes)),
            format_count(budget.slices(*slice_minutes)),
            format_duration(*slice_minutes)
        ),
    };
    BudgetFigures {
        fraction: format_percent(budget.fraction(), 5),
        time: format_duration(budget.minutes()),
        window: window_label(&slo.window),
        units,
    }
}

/// A window in words; calendar windows name their period and its real length.
pub fn window_label(window: &SloWindow) -> String {
    match window {
        SloWindow::Rolling { days } => {
            format!("rolling {days} day{}", if *days == 1 { "" } else { "s" })
        }
        SloWindow::CalendarMonth { .. } | SloWindow::CalendarQuarter { .. } => {
            match window.period() {
                Some(period) => format!("{} ({} days)", period.label(), window.days()),
                None => "calendar period not readable".to_string(),
            }
        }
    }
}

/// Periods for allowed downtime, with their length in days.
pub const DOWNTIME_PERIODS: [(&str, f64); 5] = [
    ("Day", 1.0),
    ("Week", 7.0),
    ("30 days", 30.0),
    ("Quarter (91.25 days)", DAYS_PER_YEAR / 4.0),
    ("Year (365 days)", DAYS_PER_YEAR),
];

/// Allowed downtime at a target for each period: (period, duration text).
pub fn downtime_rows(target_percent: f64) -> Vec<(&'static str, String)> {
    let budget = ErrorBudget::new(target_percent, 30.0);
    DOWNTIME_PERIODS
        .iter()
        .map(|&(label, days)| (label, format_duration(budget.downtime_minutes_per(days))))
        .collect()
}

/// One alert rule as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct AlertRow {
    /// "Page" or "Ticket".
    pub severity: &'static str,
    /// Long window, e.g. "1 h".
    pub long_window: String,
    /// Short window, e.g. "5 min".
    pub short_window: String,
    /// Burn-rate threshold, e.g. "14.4".
    pub threshold: String,
    /// Budget spent in the long window when it fires, e.g. "2 %".
    pub budget_spent: String,
    /// Time to fire on a full outage.
    pub full_outage: String,
    /// Time to fire at the entered error ratio, or "never".
    pub at_ratio: String,
}

/// A number with up to `decimals` decimals and no trailing zeros: 14.40 → "14.4".
pub fn format_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A count with its noun, singular for one: "1 incident", "3 incidents", "0 incidents".
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    amount_of(&n.to_string(), one, many)
}

/// A number as written (e.g. by [`format_number`]) with its noun, singular when it reads
/// "1": "1 release", "1.5 releases".
pub fn amount_of(number: &str, one: &str, many: &str) -> String {
    format!("{number} {}", if number == "1" { one } else { many })
}

/// The multi-window, multi-burn-rate rules of an SLO, with time to fire on a full outage and
/// at `error_ratio` (0 to 1).
pub fn alert_rows(slo: &Slo, error_ratio: f64) -> Vec<AlertRow> {
    let budget = ErrorBudget::of_slo(slo);
    burn_rate_rules(&slo.alerting.tiers, &budget)
        .into_iter()
        .map(|rule| AlertRow {
            severity: match rule.severity {
                AlertSeverity::Page => "Page",
                AlertSeverity::Ticket => "Ticket",
            },
            long_window: format_duration(rule.long_minutes),
            short_window: format_duration(rule.short_minutes),
            threshold: format_number(rule.threshold, 2),
            budget_spent: format_percent(rule.budget_share, 2),
            full_outage: time_to_fire_text(rule.time_to_fire(&budget, 1.0)),
            at_ratio: time_to_fire_text(rule.time_to_fire(&budget, error_ratio)),
        })
        .collect()
}

fn time_to_fire_text(minutes: Option<f64>) -> String {
    minutes
        .map(format_duration)
        .unwrap_or_else(|| "never".to_string())
}

/// A neighboring target and what it would allow.
#[derive(Clone, Debug, PartialEq)]
pub struct NeighborRow {
    /// Target, e.g. "99.95 %".
    pub target: String,
    /// Whether this is the SLO's own target.
    pub current: bool,
    /// Bad time allowed over the SLO's window.
    pub budget_time: String,
    /// Allowed downtime per year (365 days).
    pub per_year: String,
}

/// The SLO's own target among the usual ones, each with what it allows.
pub fn neighbor_rows(slo: &Slo) -> Vec<NeighborRow> {
    let mut targets: Vec<f64> = NEIGHBOR_TARGETS_PERCENT.to_vec();
    if !targets
        .iter()
        .any(|t| (t - slo.target_percent).abs() < 1e-9)
    {
        targets.push(slo.target_percent);
        targets.sort_by(|a, b| a.total_cmp(b));
    }
    let days = f64::from(slo.window.days());
    targets
        .into_iter()
        .map(|t| {
            let budget = ErrorBudget::new(t, days);
            NeighborRow {
                target: format_percent(t / 100.0, 5),
                current: (t - slo.target_percent).abs() < 1e-9,
                budget_time: format_duration(budget.minutes()),
                per_year: format_duration(budget.downtime_minutes_per(DAYS_PER_YEAR)),
            }
        })
        .collect()
}

/// How a journey's SLO compares with the availability SLOs of the services it depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct DependencyCheck {
    /// Most the journey can achieve from the services with availability SLOs, as a fraction.
    pub bound: f64,
    /// Services counted, with the target (percent) used for each.
    pub counted: Vec<(String, f64)>,
    /// Services the journey depends on that have no availability SLO.
    pub without_slo: Vec<String>,
    /// Whether the journey's target is stricter than the bound allows.
    pub too_strict: bool,
}

/// For an SLO on a journey with dependencies, the series bound from its services'
/// availability SLOs (the strictest one per service, as the most the service promises).
pub fn dependency_check(plan: &Plan, slo: &Slo) -> Option<DependencyCheck> {
    let SloSubject::Journey(journey_id) = &slo.subject else {
        return None;
    };
    let catalog = &plan.slo_catalog;
    let journey = catalog.journeys.by_id(journey_id)?;
    if journey.depends_on.is_empty() {
        return None;
    }
    let mut counted = Vec::new();
    let mut without_slo = Vec::new();
    for service_id in &journey.depends_on {
        let name = catalog
            .services
            .by_id(service_id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| service_id.clone());
        let target = catalog
            .slos
            .iter()
            .filter(|s| {
                s.sli.kind == SliKind::Availability
                    && s.subject == SloSubject::Service(service_id.clone())
            })
            .map(|s| s.target_percent)
            .max_by(|a, b| a.total_cmp(b));
        match target {
            Some(t) => counted.push((name, t)),
            None => without_slo.push(name),
        }
    }
    let bound = series_bound(&counted.iter().map(|(_, t)| t / 100.0).collect::<Vec<_>>());
    Some(DependencyCheck {
        bound,
        too_strict: !counted.is_empty() && slo.target_percent / 100.0 > bound + 1e-12,
        counted,
        without_slo,
    })
}

/// One SLO in the overview table.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewRow {
    /// SLO id.
    pub id: String,
    /// SLO name.
    pub name: String,
    /// Service name (the journey's service for SLOs on journeys).
    pub service: String,
    /// Journey name, or empty for SLOs on services.
    pub journey: String,
    /// Journey priority (1 highest), if on a journey.
    pub priority: Option<u8>,
    /// SLI kind in words.
    pub sli: String,
    /// Target in percent.
    pub target_percent: f64,
    /// Window in words.
    pub window: String,
    /// Budget as time over the window.
    pub budget: String,
    /// Whether product management agreed the policy.
    pub policy_agreed: bool,
    /// "OK", or what needs attention.
    pub state: String,
}

/// Each distinct error-budget policy of the plan (SLOs usually share one), with the names
/// of the SLOs that use it, in the order the SLOs first use them.
pub fn distinct_policies(plan: &Plan) -> Vec<(Vec<PolicyThreshold>, Vec<String>)> {
    let mut policies: Vec<(Vec<PolicyThreshold>, Vec<String>)> = Vec::new();
    for slo in &plan.slo_catalog.slos {
        match policies
            .iter_mut()
            .find(|(t, _)| *t == slo.policy.thresholds)
        {
            Some((_, users)) => users.push(slo.name.clone()),
            None => policies.push((slo.policy.thresholds.clone(), vec![slo.name.clone()])),
        }
    }
    policies
}

/// The SLI kind in words.
pub fn sli_label(kind: SliKind) -> &'static str {
    match kind {
        SliKind::Availability => "Availability",
        SliKind::Latency => "Latency",
        SliKind::Freshness => "Freshness",
        SliKind::Correctness => "Correctness",
        SliKind::Custom => "Custom",
    }
}

/// Every SLO of the plan as an overview row, in plan order.
pub fn overview_rows(plan: &Plan) -> Vec<OverviewRow> {
    let catalog = &plan.slo_catalog;
    let service_name = |id: &str| {
        catalog
            .services
            .by_id(id)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    catalog
        .slos
        .iter()
        .map(|slo| {
            let (service, journey, priority) = match &slo.subject {
                SloSubject::Service(id) => (service_name(id), String::new(), None),
                SloSubject::Journey(id) => match catalog.journeys.by_id(id) {
                    Some(j) => (service_name(&j.service), j.name.clone(), Some(j.priority)),
                    None => (String::new(), String::new(), None),
                },
            };
            let mut sli = sli_label(slo.sli.kind).to_string();
            if let (SliKind::Latency, Some(ms)) = (slo.sli.kind, slo.sli.latency_threshold_ms) {
                sli = format!("Latency < {ms} ms");
            }
            let state = match dependency_check(plan, slo) {
                Some(check) if check.too_strict => {
                    format!(
                        "Stricter than its dependencies allow ({})",
                        format_percent(check.bound, 5)
                    )
                }
                _ => "OK".to_string(),
            };
            OverviewRow {
                id: slo.id.clone(),
                name: slo.name.clone(),
                service,
                journey,
                priority,
                sli,
                target_percent: slo.target_percent,
                window: window_label(&slo.window),
                budget: format_duration(ErrorBudget::of_slo(slo).minutes()),
                policy_agreed: slo.policy.agreed,
                state,
            }
        })
        .collect()
}

/// Columns the overview can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverviewColumn {
    /// SLO name.
    Name,
    /// Service name.
    Service,
    /// Journey priority (SLOs without a journey last).
    Priority,
    /// Target.
    Target,
    /// Budget time over the window.
    Budget,
}

/// Sorts overview rows by a column; ties keep plan order.
pub fn sort_rows(rows: &mut [OverviewRow], column: OverviewColumn, ascending: bool, plan: &Plan) {
    let minutes = |id: &str| {
        plan.slo_catalog
            .slos
            .by_id(id)
            .map(|s| ErrorBudget::of_slo(s).minutes())
            .unwrap_or(0.0)
    };
    rows.sort_by(|a, b| {
        let order = match column {
            OverviewColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            OverviewColumn::Service => a.service.to_lowercase().cmp(&b.service.to_lowercase()),
            OverviewColumn::Priority => a
                .priority
                .unwrap_or(u8::MAX)
                .cmp(&b.priority.unwrap_or(u8::MAX)),
            OverviewColumn::Target => a.target_percent.total_cmp(&b.target_percent),
            OverviewColumn::Budget => minutes(&a.id).total_cmp(&minutes(&b.id)),
        };
        if ascending {
            order
        } else {
            order.reverse()
        }
    });
}

/// Whether a row matches a filter text (case-insensitive, on every text column).
pub fn row_matches(row: &OverviewRow, filter: &str) -> bool {
    let needle = filter.trim().to_lowercase();
    needle.is_empty()
        || [
            &row.name,
            &row.service,
            &row.journey,
            &row.sli,
            &row.window,
            &row.state,
        ]
        .iter()
        .any(|text| text.to_lowercase().contains(&needle))
}

#[cfg(test)]
mod tests {
    use super::{amount_of, count_of};

    #[test]
    fn a_count_of_one_is_singular_and_every_other_plural() {
        assert_eq!(count_of(1, "SLO", "SLOs"), "1 SLO");
        assert_eq!(count_of(0, "SLO", "SLOs"), "0 SLOs");
        assert_eq!(count_of(2, "false alarm", "false alarms"), "2 false alarms");
        assert_eq!(amount_of("1", "release", "releases"), "1 release");
        assert_eq!(amount_of("1.5", "release", "releases"), "1.5 releases");
        assert_eq!(amount_of("0", "page", "pages"), "0 pages");
    }
}
