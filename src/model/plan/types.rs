//! The plan as data: every part of the three workspaces (transition, SLOs, scenarios).
//!
//! No browser types live here, so the whole model is testable with a plain `cargo test`.
//! Field order is the order of the exported JSON, so keep it stable.

use serde::{Deserialize, Serialize};

use crate::model::history::series::SliHistory;
use crate::model::plan::calendar::{parse_month, parse_quarter, CalendarPeriod};

pub use crate::model::plan::ids::{ById, Id, Identified, IsoDate, Timestamp};

/// A whole workbook: one organization's SRE transformation plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Stable identity of the plan across renames, exports and imports.
    pub id: Id,
    /// Name shown in the library and used for the exported file name.
    pub name: String,
    /// When the plan was first created.
    pub created: Timestamp,
    /// When the plan was last changed.
    pub updated: Timestamp,
    /// The organization this plan is for.
    pub organization: String,
    /// The challenge statement for this organization, in its own words.
    pub challenge: String,
    /// The transition from misalignment to ownership using SRE.
    pub transition: Transition,
    /// Services, user journeys and their SLOs.
    pub slo_catalog: SloCatalog,
    /// What-if scenarios played against an SLO's error budget.
    pub scenarios: Vec<Scenario>,
    /// Real SLI histories imported for SLOs, replayed against their targets and alerts.
    pub histories: Vec<SliHistory>,
}

// ---------------------------------------------------------------------------------------
// Transition workspace
// ---------------------------------------------------------------------------------------

/// Number of maturity levels on the ladder (0 to 4).
pub const LEVEL_COUNT: usize = 5;

/// Highest maturity level on the ladder.
pub const MAX_LEVEL: u8 = (LEVEL_COUNT - 1) as u8;

/// Everything about moving the organization to ownership using SRE.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// Stakeholder groups whose mindset the transition changes.
    pub groups: Vec<StakeholderGroup>,
    /// Product delivery teams.
    pub teams: Vec<Team>,
    /// Dated assessment rounds, oldest first.
    pub rounds: Vec<AssessmentRound>,
    /// Coaching actions that close the gaps.
    pub actions: Vec<CoachingAction>,
    /// Suggested coaching actions per group and level, to fill a backlog quickly.
    pub action_templates: Vec<ActionTemplate>,
    /// Foundational activities ("minimum viable SRE") recorded per team.
    pub activities: Vec<ActivityRecord>,
    /// Share of teams (percent) that must be at Collective ownership or above in every
    /// group for the foundations to count as in place.
    pub readiness_share_percent: f64,
}

/// A stakeholder group (developers, operations engineers, product managers, executives...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StakeholderGroup {
    /// Identity, referenced by ratings, actions and templates.
    pub id: Id,
    /// Display name.
    pub name: String,
    /// Where the group stands when misaligned on production operations.
    pub misaligned: String,
    /// The target mindset under ownership using SRE.
    pub target_mindset: String,
    /// One observable descriptor per maturity level, 0 to 4.
    pub levels: Vec<String>,
    /// The level this group should reach and by when, if set.
    pub target: Option<GroupTarget>,
}

/// A group's target: level and date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GroupTarget {
    /// Target maturity level, 0 to 4.
    pub level: u8,
    /// Date by which the level should be reached.
    pub date: IsoDate,
}

/// A product delivery team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// Identity, referenced by ratings, services, actions and activities.
    pub id: Id,
    /// Display name.
    pub name: String,
    /// What the team builds.
    pub description: String,
}

/// A dated rating of every team × group cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssessmentRound {
    /// Identity of the round.
    pub id: Id,
    /// Short label, e.g. "Q1 2026".
    pub label: String,
    /// Date the round was held.
    pub date: IsoDate,
    /// One rating per rated team × group cell.
    pub ratings: Vec<Rating>,
}

/// One team × group cell of an assessment round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The team rated.
    pub team: Id,
    /// The stakeholder group rated within that team.
    pub group: Id,
    /// Maturity level, 0 to 4.
    pub level: u8,
    /// Optional evidence for the rating.
    pub note: String,
}

/// Progress of a coaching action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not started yet.
    Planned,
    /// Being worked on.
    InProgress,
    /// Finished.
    Done,
}

/// A coaching action that closes a gap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CoachingAction {
    /// Identity of the action.
    pub id: Id,
    /// What will be done.
    pub title: String,
    /// Stakeholder groups the action is for.
    pub groups: Vec<Id>,
    /// Teams the action is for.
    pub teams: Vec<Id>,
    /// Who drives it.
    pub owner: String,
    /// When it is due, if set.
    pub due: Option<IsoDate>,
    /// Progress.
    pub status: ActionStatus,
    /// The gap it addresses, in words.
    pub gap: String,
}

/// A suggested coaching action for a group at a given level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActionTemplate {
    /// Group the suggestion is for.
    pub group: Id,
    /// The level a team is at when this action helps, 0 to 4.
    pub level: u8,
    /// Suggested action title.
    pub title: String,
}

/// The book's foundational activities towards a minimum viable SRE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FoundationalActivity {
    /// SLOs defined for the team's services.
    SlosDefined,
    /// Alerting on SLOs rather than on causes.
    AlertingOnSlos,
    /// An on-call rotation with developers in it.
    OnCallWithDevelopers,
    /// An incident response process.
    IncidentResponse,
    /// Decisions made on error budgets.
    ErrorBudgetDecisions,
}

impl FoundationalActivity {
    /// All activities, in the book's order.
    pub const ALL: [FoundationalActivity; 5] = [
        FoundationalActivity::SlosDefined,
        FoundationalActivity::AlertingOnSlos,
        FoundationalActivity::OnCallWithDevelopers,
        FoundationalActivity::IncidentResponse,
        FoundationalActivity::ErrorBudgetDecisions,
    ];
}

/// Where a team stands on a foundational activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    /// Not started.
    NotStarted,
    /// Under way.
    InProgress,
    /// In place.
    InPlace,
}

/// A team's status on one foundational activity, as of a date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityRecord {
    /// The team.
    pub team: Id,
    /// The activity.
    pub activity: FoundationalActivity,
    /// Its status.
    pub status: ActivityStatus,
    /// Date the status was recorded or reached.
    pub date: IsoDate,
}

// ---------------------------------------------------------------------------------------
// SLO workspace
// ---------------------------------------------------------------------------------------

/// Services, user journeys and SLOs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SloCatalog {
    /// Services the teams run.
    pub services: Vec<Service>,
    /// User journeys that matter to product management.
    pub journeys: Vec<Journey>,
    /// Service level objectives.
    pub slos: Vec<Slo>,
}

/// A service owned by a team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Identity, referenced by journeys and SLOs.
    pub id: Id,
    /// Display name.
    pub name: String,
    /// Owning team, if known.
    pub team: Option<Id>,
    /// What it does.
    pub description: String,
}

/// A user journey, prioritized by product management.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Journey {
    /// Identity, referenced by SLOs.
    pub id: Id,
    /// Display name.
    pub name: String,
    /// The service the journey enters through.
    pub service: Id,
    /// Priority set by product management: 1 is the highest.
    pub priority: u8,
    /// What the user does.
    pub description: String,
    /// Services the journey depends on in series.
    pub depends_on: Vec<Id>,
}

/// What an SLO is set on: a service or a user journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum SloSubject {
    /// A service, by id.
    Service(Id),
    /// A user journey, by id.
    Journey(Id),
}

/// The kind of service level indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SliKind {
    /// Share of requests served successfully.
    Availability,
    /// Share of requests faster than a threshold.
    Latency,
    /// Share of data updated recently enough.
    Freshness,
    /// Share of results that are correct.
    Correctness,
    /// Any other good/valid ratio, described in words.
    Custom,
}

/// A service level indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sli {
    /// Kind of indicator.
    pub kind: SliKind,
    /// For latency: a request is good when faster than this many milliseconds.
    pub latency_threshold_ms: Option<f64>,
    /// What counts as good and as valid, in words.
    pub description: String,
}

/// The SLO window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum SloWindow {
    /// The last N days, 1 to 90.
    Rolling {
        /// Length in days.
        days: u32,
    },
    /// A calendar month, with its real length (28 to 31 days).
    CalendarMonth {
        /// Which month, "YYYY-MM".
        month: String,
    },
    /// A calendar quarter, with its real length (90 to 92 days).
    CalendarQuarter {
        /// Which quarter, "YYYY-Qn".
        quarter: String,
    },
}

/// How the budget is counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum BudgetingMethod {
    /// Good events over valid events.
    Events {
        /// Expected valid events per day.
        expected_per_day: f64,
    },
    /// Good time slices over all slices.
    TimeSlices {
        /// Length of a slice in minutes.
        slice_minutes: f64,
        /// Good ratio (percent) a slice needs to count as good.
        good_slice_percent: f64,
    },
}

/// One step of an error-budget policy: when this share of budget is consumed, do this.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyThreshold {
    /// Budget consumed, percent (may exceed 100 for "overspent").
    pub consumed_percent: f64,
    /// The agreed action.
    pub action: String,
}

/// An error-budget policy and whether product management agreed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ErrorBudgetPolicy {
    /// Thresholds in increasing order of budget consumed.
    pub thresholds: Vec<PolicyThreshold>,
    /// Whether product management has agreed the policy.
    pub agreed: bool,
    /// Who agreed it, in words ("Dana Okafor (product), checkout team"); empty when the
    /// plan does not say.
    pub agreed_by: String,
    /// When it was agreed, if the plan says.
    pub agreed_on: Option<IsoDate>,
    /// When it is to be reviewed next, if set.
    pub review_on: Option<IsoDate>,
}

/// A service level objective.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Slo {
    /// Identity, referenced by scenarios.
    pub id: Id,
    /// Display name.
    pub name: String,
    /// Service or journey it is set on.
    pub subject: SloSubject,
    /// The indicator.
    pub sli: Sli,
    /// Target in percent: more than 0, less than 100, up to five decimals.
    pub target_percent: f64,
    /// Window the target is measured over.
    pub window: SloWindow,
    /// How the budget is counted.
    pub budgeting: BudgetingMethod,
    /// Whether planned maintenance counts against the budget.
    pub maintenance_counts: bool,
    /// The error-budget policy.
    pub policy: ErrorBudgetPolicy,
    /// Where the SLI comes from in production, if the team has said.
    pub metrics: Option<SliMetrics>,
    /// The burn-rate alerts and what they carry.
    pub alerting: Alerting,
}

/// The SLI's queries in the team's monitoring system, so the SLO can be deployed. Queries
/// are metric selectors; the exporters add the rate windows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum SliMetrics {
    /// Counters of events: good (or bad) events and all valid events.
    Events {
        /// Selector of the good-events counter; or `bad`.
        good: Option<String>,
        /// Selector of the bad-events counter; or `good`.
        bad: Option<String>,
        /// Selector of the counter of all valid events.
        total: String,
    },
    /// A latency histogram: requests in the bucket at the threshold are good.
    Latency {
        /// The histogram's metric name (its `_bucket` and `_count` series are used).
        histogram: String,
        /// Label matchers, e.g. `job="checkout", code!~"5.."`.
        matchers: String,
        /// The `le` bucket that matches the latency threshold, e.g. "0.3".
        le: String,
    },
    /// A gauge compared with a threshold each minute: a good or a bad time slice.
    TimeSlices {
        /// Selector of the gauge.
        gauge: String,
        /// How the gauge must compare with the threshold for a good slice.
        good_when: Comparison,
        /// The threshold.
        threshold: f64,
    },
}

/// How a value must compare with a threshold to be good.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Good when the value is at most the threshold (e.g. latency).
    AtMost,
    /// Good when the value is at least the threshold (e.g. throughput).
    AtLeast,
}

/// Whom an alert wakes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlertSeverity {
    /// Wake someone up.
    Page,
    /// Handle in working hours.
    Ticket,
}

/// One multi-window burn-rate alert tier: fires when the budget spent over the long window
/// reaches a share of the whole budget, and the short window confirms it is still burning.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AlertTier {
    /// Page or ticket.
    pub severity: AlertSeverity,
    /// Long window in minutes.
    pub long_minutes: u32,
    /// Short window in minutes (the SRE Workbook uses 1/12 of the long one).
    pub short_minutes: u32,
    /// Share of the window's budget spent over the long window when it fires, percent.
    pub budget_percent: f64,
}

/// The SLO's alerting: its burn-rate tiers, the labels every alert carries, and the
/// low-traffic guard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Alerting {
    /// The tiers, as the team chose them.
    pub tiers: Vec<AlertTier>,
    /// Labels added to every alert (routing, team), by name.
    pub labels: std::collections::BTreeMap<String, String>,
    /// Alerts stay silent when fewer events than this arrived in the last hour.
    pub min_events_per_hour: Option<f64>,
}

// ---------------------------------------------------------------------------------------
// Scenario workspace
// ---------------------------------------------------------------------------------------

/// A what-if scenario played against one SLO's error budget.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Identity of the scenario.
    pub id: Id,
    /// Display name.
    pub name: String,
    /// The SLO whose budget is played.
    pub slo: Id,
    /// Overrides the SLO's target (percent) for this variant, if set.
    pub target_override_percent: Option<f64>,
    /// Error ratio (0 to 1) outside incidents and failed releases.
    pub baseline_error_ratio: f64,
    /// Incidents within the window.
    pub incidents: Vec<ErrorSpan>,
    /// Release habits.
    pub releases: ReleaseModel,
    /// Planned maintenance windows.
    pub maintenance: Vec<ErrorSpan>,
    /// Settings for the Monte Carlo run.
    pub monte_carlo: MonteCarloSettings,
}

/// Release habits, in the DORA figures teams already know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReleaseModel {
    /// Releases per week.
    pub releases_per_week: f64,
    /// Share of releases that fail (0 to 1).
    pub change_failure_rate: f64,
    /// Minutes to restore a failed change.
    pub restore_minutes: f64,
    /// Error ratio (0 to 1) while a failed change is live.
    pub error_ratio: f64,
}

/// A stretch of the window with errors: an incident, or a planned maintenance window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ErrorSpan {
    /// What happened, or what is done.
    pub label: String,
    /// Start, in minutes from the beginning of the window.
    pub start_minute: u32,
    /// Duration in minutes.
    pub duration_minutes: u32,
    /// Error ratio (0 to 1) while it lasts, or the share of users affected.
    pub error_ratio: f64,
}

/// Settings of the Monte Carlo simulation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MonteCarloSettings {
    /// Expected incidents per window (Poisson rate).
    pub incidents_per_window: f64,
    /// Median time to restore, minutes.
    pub median_restore_minutes: f64,
    /// 90th-percentile time to restore, minutes.
    pub p90_restore_minutes: f64,
    /// Error ratio (0 to 1) during a drawn incident.
    pub error_ratio: f64,
    /// Number of runs.
    pub runs: u32,
    /// Seed, so results are reproducible.
    pub seed: u64,
}

impl SloWindow {
    /// The periods offered for a calendar window on `today`: from a year before the current
    /// one to two years after, plus the window's own period when it lies outside that range.
    pub fn period_choices(&self, today: i64) -> Vec<CalendarPeriod> {
        let quarter = matches!(self, SloWindow::CalendarQuarter { .. });
        let current = CalendarPeriod::holding(today, quarter);
        let per_year = if quarter { 4 } else { 12 };
        let mut first = CalendarPeriod {
            year: current.year - 1,
            ..current
        };
        let mut choices = Vec::new();
        for _ in 0..per_year * 3 {
            choices.push(first);
            first = first.next();
        }
        if let Some(own) = self.period() {
            if !choices.contains(&own) {
                choices.push(own);
                choices.sort_by_key(CalendarPeriod::start);
            }
        }
        choices
    }

    /// Length of the window in days: rolling windows as set, calendar windows their real
    /// length (an unreadable period counts as 30 or 91 days; validation reports it).
    pub fn days(&self) -> u32 {
        match self {
            SloWindow::Rolling { days } => *days,
            SloWindow::CalendarMonth { month } => parse_month(month).map_or(30, |p| p.days()),
            SloWindow::CalendarQuarter { quarter } => {
                parse_quarter(quarter).map_or(91, |p| p.days())
            }
        }
    }

    /// The calendar period of a calendar window.
    pub fn period(&self) -> Option<CalendarPeriod> {
        match self {
            SloWindow::Rolling { .. } => None,
            SloWindow::CalendarMonth { month } => parse_month(month),
            SloWindow::CalendarQuarter { quarter } => parse_quarter(quarter),
        }
    }
}

/// A part of a plan kept in a list and found by its id (SLOs, scenarios, teams, ...), so
/// that one edit operation serves every kind: find it by id, change it, or do nothing when
/// it is gone (an undo or another tab may have removed it since the form was drawn).
pub trait PlanPart: Sized + Identified {
    /// The parts of this kind in a plan.
    fn parts(plan: &Plan) -> &[Self];
    /// The list of the plan that holds parts of this kind.
    fn parts_mut(plan: &mut Plan) -> &mut Vec<Self>;
    /// The part with `id`, if the plan has it.
    fn find<'a>(plan: &'a Plan, id: &str) -> Option<&'a Self> {
        Self::parts(plan).by_id(id)
    }

    /// Changes the part with `id`, if the plan still has it.
    fn edit(plan: &mut Plan, id: &str, change: impl FnOnce(&mut Self)) {
        if let Some(part) = Self::parts_mut(plan).by_id_mut(id) {
            change(part);
        }
    }
}

macro_rules! plan_part {
    ($($part:ty => $($field:ident).+;)*) => {$(
        impl PlanPart for $part {
            fn parts(plan: &Plan) -> &[Self] {
                &plan.$($field).+
            }
            fn parts_mut(plan: &mut Plan) -> &mut Vec<Self> {
                &mut plan.$($field).+
            }
        }
    )*};
}

/// Everything in a plan that has an id, found by it with [`ById`].
macro_rules! identified {
    ($($thing:ty),*) => {$(
        impl Identified for $thing {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}

identified!(
    Plan,
    StakeholderGroup,
    Team,
    AssessmentRound,
    CoachingAction,
    Service,
    Journey,
    Slo,
    Scenario
);

plan_part! {
    StakeholderGroup => transition.groups;
    Team => transition.teams;
    CoachingAction => transition.actions;
    Service => slo_catalog.services;
    Journey => slo_catalog.journeys;
    Slo => slo_catalog.slos;
    Scenario => scenarios;
}
