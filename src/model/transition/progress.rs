//! The transition arithmetic: where each stakeholder group stands in a round (stage counts,
//! averages), its trend and when it reaches its target at the current pace, foundations
//! readiness, the gaps to close, and the foundational activities per team.

use crate::model::plan::calendar::{format_date, parse_date};
use crate::model::plan::defaults::{stage_of_level, STAGE_NAMES};
use crate::model::plan::{
    ActionStatus, ActivityStatus, AssessmentRound, FoundationalActivity, GroupTarget, Id, Plan,
    Rating, SloSubject, StakeholderGroup, Transition,
};

/// Level from which a group counts as at Collective ownership or above.
pub const COLLECTIVE_OWNERSHIP_LEVEL: u8 = 2;

/// The rounds of a plan, oldest first (by date, then by their order in the plan).
pub fn rounds_by_date(t: &Transition) -> Vec<&AssessmentRound> {
    let mut rounds: Vec<&AssessmentRound> = t.rounds.iter().collect();
    rounds.sort_by_key(|r| parse_date(&r.date).unwrap_or(i64::MIN));
    rounds
}

/// The rating of a team × group cell in a round, if rated.
pub fn rating_of<'a>(round: &'a AssessmentRound, team: &str, group: &str) -> Option<&'a Rating> {
    round
        .ratings
        .iter()
        .find(|r| r.team == team && r.group == group)
}

/// The level of a team × group cell in a round, if rated.
pub fn level_of(round: &AssessmentRound, team: &str, group: &str) -> Option<u8> {
    rating_of(round, team, group).map(|r| r.level)
}

/// How many rated teams of a group are in each of the book's three stages.
pub fn stage_counts(round: &AssessmentRound, group: &str) -> [usize; 3] {
    let mut counts = [0; 3];
    for r in round.ratings.iter().filter(|r| r.group == group) {
        counts[stage_of_level(r.level)] += 1;
    }
    counts
}

/// The average level of a group over the teams rated in a round.
pub fn group_average(round: &AssessmentRound, group: &str) -> Option<f64> {
    let levels: Vec<f64> = round
        .ratings
        .iter()
        .filter(|r| r.group == group)
        .map(|r| r.level as f64)
        .collect();
    (!levels.is_empty()).then(|| levels.iter().sum::<f64>() / levels.len() as f64)
}

/// A group's average in one round.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// The round's label.
    pub label: String,
    /// The round's date in days since 1970-01-01.
    pub day: i64,
    /// The group's average level.
    pub average: f64,
}

/// A group's average level in every round that rated it, oldest first.
pub fn group_trend(t: &Transition, group: &str) -> Vec<TrendPoint> {
    rounds_by_date(t)
        .into_iter()
        .filter_map(|r| {
            Some(TrendPoint {
                label: r.label.clone(),
                day: parse_date(&r.date)?,
                average: group_average(r, group)?,
            })
        })
        .collect()
}

/// When a group reaches its target level at the pace of its trend.
#[derive(Clone, Debug, PartialEq)]
pub enum Projection {
    /// The group has no target.
    NoTarget,
    /// Fewer than two rounds: no pace yet.
    NotEnoughData,
    /// The latest average is at or above the target level.
    Reached,
    /// At the current pace the target level is reached on this day (days since 1970).
    ReachedOn {
        /// Projected day.
        day: i64,
        /// Whether that is no later than the target date.
        in_time: bool,
    },
    /// The trend is flat or falling: the target is not reached at the current pace.
    NotAtCurrentPace,
}

/// Least-squares slope of average level per day over the trend.
pub fn pace_per_day(trend: &[TrendPoint]) -> Option<f64> {
    if trend.len() < 2 {
        return None;
    }
    let n = trend.len() as f64;
    let mean_x = trend.iter().map(|p| p.day as f64).sum::<f64>() / n;
    let mean_y = trend.iter().map(|p| p.average).sum::<f64>() / n;
    let sxx: f64 = trend.iter().map(|p| (p.day as f64 - mean_x).powi(2)).sum();
    let sxy: f64 = trend
        .iter()
        .map(|p| (p.day as f64 - mean_x) * (p.average - mean_y))
        .sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// Projects when the group's average reaches its target level: from the latest average at
/// the least-squares pace of all rounds.
pub fn project(trend: &[TrendPoint], target: Option<&GroupTarget>) -> Projection {
    let Some(target) = target else {
        return Projection::NoTarget;
    };
    let Some(last) = trend.last() else {
        return Projection::NotEnoughData;
    };
    let goal = target.level as f64;
    if last.average >= goal {
        return Projection::Reached;
    }
    match pace_per_day(trend) {
        None => Projection::NotEnoughData,
        Some(pace) if pace <= 0.0 => Projection::NotAtCurrentPace,
        Some(pace) => {
            let day = last.day + ((goal - last.average) / pace).ceil() as i64;
            let in_time = parse_date(&target.date).is_some_and(|deadline| day <= deadline);
            Projection::ReachedOn { day, in_time }
        }
    }
}

/// The projection in words, e.g. "reaches level 3 around 2027-03-15, before its target date".
pub fn projection_text(projection: &Projection, target: Option<&GroupTarget>) -> String {
    let level = target.map(|t| t.level).unwrap_or(0);
    match projection {
        Projection::NoTarget => "no target set".to_string(),
        Projection::NotEnoughData => "needs two rounds to project".to_string(),
        Projection::Reached => format!("has reached level {level}"),
        Projection::ReachedOn { day, in_time } => format!(
            "reaches level {level} around {} at the current pace, {} its target date",
            format_date(*day),
            if *in_time { "before" } else { "after" }
        ),
        Projection::NotAtCurrentPace => format!("will not reach level {level} at the current pace"),
    }
}

/// One group's share of teams at Collective ownership or above.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupReadiness {
    /// Group name.
    pub name: String,
    /// Share of the plan's teams (0 to 1) rated at level 2 or above; unrated teams count
    /// as not there.
    pub share: f64,
}

/// Whether the foundations for SRE are in place in a round.
#[derive(Clone, Debug, PartialEq)]
pub struct Readiness {
    /// Share of teams required in every group (0 to 1).
    pub required: f64,
    /// Each group's share.
    pub groups: Vec<GroupReadiness>,
}

impl Readiness {
    /// Whether every group meets the required share.
    pub fn in_place(&self) -> bool {
        !self.groups.is_empty() && self.groups.iter().all(|g| g.share + 1e-9 >= self.required)
    }

    /// The groups below the required share.
    pub fn holding_back(&self) -> Vec<&GroupReadiness> {
        self.groups
            .iter()
            .filter(|g| g.share + 1e-9 < self.required)
            .collect()
    }
}

/// Readiness in a round, over all teams of the plan.
pub fn readiness(t: &Transition, round: &AssessmentRound) -> Readiness {
    let teams = t.teams.len();
    Readiness {
        required: t.readiness_share_percent / 100.0,
        groups: t
            .groups
            .iter()
            .map(|g| {
                let there = t
                    .teams
                    .iter()
                    .filter(|team| {
                        level_of(round, &team.id, &g.id)
                            .is_some_and(|l| l >= COLLECTIVE_OWNERSHIP_LEVEL)
                    })
                    .count();
                GroupReadiness {
                    name: g.name.clone(),
                    share: if teams == 0 {
                        0.0
                    } else {
                        there as f64 / teams as f64
                    },
                }
            })
            .collect(),
    }
}

fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round())
}

/// Readiness in one sentence with its numbers.
pub fn readiness_sentence(r: &Readiness) -> String {
    let required = percent(r.required);
    if r.groups.is_empty() {
        return "Foundations readiness needs stakeholder groups and teams to assess.".to_string();
    }
    if r.in_place() {
        let lowest = r
            .groups
            .iter()
            .min_by(|a, b| a.share.total_cmp(&b.share))
            .expect("groups is not empty");
        format!(
            "The foundations for SRE are in place: every group is at {} or above in at least {required} of teams (lowest: {}, {}).",
            STAGE_NAMES[1],
            lowest.name,
            percent(lowest.share)
        )
    } else {
        let back: Vec<String> = r
            .holding_back()
            .iter()
            .map(|g| format!("{} ({})", g.name, percent(g.share)))
            .collect();
        format!(
            "The foundations for SRE are not in place yet: every group must be at {} or above in at least {required} of teams; held back by {}.",
            STAGE_NAMES[1],
            join_and(&back)
        )
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A team × group cell below its group's target.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    /// Team id.
    pub team: Id,
    /// Group id.
    pub group: Id,
    /// Level in the round (0 when unrated).
    pub level: u8,
    /// The group's target level.
    pub target_level: u8,
    /// The group's target date.
    pub target_date: String,
    /// Coaching actions for this group that cover this team (or all teams).
    pub actions: Vec<Id>,
}

impl Gap {
    /// Levels to go.
    pub fn size(&self) -> u8 {
        self.target_level.saturating_sub(self.level)
    }
}

/// Cells below their group's target in a round, largest gap first, then nearest date.
pub fn gaps(t: &Transition, round: &AssessmentRound) -> Vec<Gap> {
    let mut found = Vec::new();
    for g in &t.groups {
        let Some(target) = &g.target else { continue };
        for team in &t.teams {
            let level = level_of(round, &team.id, &g.id).unwrap_or(0);
            if level < target.level {
                found.push(Gap {
                    team: team.id.clone(),
                    group: g.id.clone(),
                    level,
                    target_level: target.level,
                    target_date: target.date.clone(),
                    actions: actions_for(t, g, &team.id),
                });
            }
        }
    }
    found.sort_by(|a, b| {
        b.size()
            .cmp(&a.size())
            .then_with(|| a.target_date.cmp(&b.target_date))
    });
    found
}

fn actions_for(t: &Transition, group: &StakeholderGroup, team: &str) -> Vec<Id> {
    t.actions
        .iter()
        .filter(|a| {
            a.groups.contains(&group.id)
                && (a.teams.is_empty() || a.teams.iter().any(|x| x == team))
        })
        .map(|a| a.id.clone())
        .collect()
}

/// Where a team stands on a foundational activity, and whether the SLO workspace told us.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityState {
    /// The status.
    pub status: ActivityStatus,
    /// The date recorded, if typed in.
    pub date: Option<String>,
    /// True when derived from the SLO workspace rather than recorded.
    pub derived: bool,
}

/// The SLOs on a team's services (directly, or on journeys entering through them).
fn team_slos<'a>(plan: &'a Plan, team: &str) -> Vec<&'a crate::model::plan::Slo> {
    let catalog = &plan.slo_catalog;
    let owns = |service: &str| {
        catalog
            .services
            .iter()
            .any(|s| s.id == service && s.team.as_deref() == Some(team))
    };
    catalog
        .slos
        .iter()
        .filter(|slo| match &slo.subject {
            SloSubject::Service(id) => owns(id),
            SloSubject::Journey(id) => catalog
                .journeys
                .iter()
                .any(|j| &j.id == id && owns(&j.service)),
        })
        .collect()
}

/// A team's status on an activity. "SLOs defined" is derived from whether the team's
/// services have SLOs; "Decisions made on error budgets" from whether their policies are
/// agreed; the others are as recorded.
pub fn activity_state(plan: &Plan, team: &str, activity: FoundationalActivity) -> ActivityState {
    let recorded = plan
        .transition
        .activities
        .iter()
        .find(|r| r.team == team && r.activity == activity);
    let slos = team_slos(plan, team);
    let derived = match activity {
        FoundationalActivity::SlosDefined if !slos.is_empty() => Some(ActivityStatus::InPlace),
        FoundationalActivity::ErrorBudgetDecisions if !slos.is_empty() => {
            let agreed = slos.iter().filter(|s| s.policy.agreed).count();
            Some(if agreed == slos.len() {
                ActivityStatus::InPlace
            } else if agreed > 0 {
                ActivityStatus::InProgress
            } else {
                ActivityStatus::NotStarted
            })
        }
        _ => None,
    };
    match derived {
        Some(status) => ActivityState {
            status,
            date: recorded.map(|r| r.date.clone()),
            derived: true,
        },
        None => ActivityState {
            status: recorded
                .map(|r| r.status)
                .unwrap_or(ActivityStatus::NotStarted),
            date: recorded.map(|r| r.date.clone()),
            derived: false,
        },
    }
}

/// Share of teams (0 to 1) with an activity in place as of a day: recorded as in place on
/// or before that day, or derived as in place today when `day` is `None`.
pub fn activity_coverage(plan: &Plan, activity: FoundationalActivity, day: Option<i64>) -> f64 {
    let teams = &plan.transition.teams;
    if teams.is_empty() {
        return 0.0;
    }
    let in_place = teams
        .iter()
        .filter(|team| match day {
            None => activity_state(plan, &team.id, activity).status == ActivityStatus::InPlace,
            Some(day) => plan.transition.activities.iter().any(|r| {
                r.team == team.id
                    && r.activity == activity
                    && r.status == ActivityStatus::InPlace
                    && parse_date(&r.date).is_some_and(|d| d <= day)
            }),
        })
        .count();
    in_place as f64 / teams.len() as f64
}

/// One activity's coverage: its name, the share of teams with it in place at each round,
/// and now.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityCoverage {
    /// The activity's name.
    pub activity: &'static str,
    /// "40 %" at each round, oldest first.
    pub per_round: Vec<String>,
    /// "60 %" now, counting what the SLO workspace derives.
    pub now: String,
}

/// Each foundational activity's coverage across the dated rounds.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// The rounds' labels, oldest first.
    pub rounds: Vec<String>,
    /// One row per activity.
    pub rows: Vec<ActivityCoverage>,
}

/// How the foundational activities spread over the teams, round by round and now.
pub fn coverage_by_round(plan: &Plan) -> Coverage {
    let rounds: Vec<(String, i64)> = rounds_by_date(&plan.transition)
        .iter()
        .filter_map(|r| Some((r.label.clone(), parse_date(&r.date)?)))
        .collect();
    let percent = |share: f64| format!("{:.0} %", share * 100.0);
    let rows = FoundationalActivity::ALL
        .iter()
        .map(|a| ActivityCoverage {
            activity: activity_label(*a),
            per_round: rounds
                .iter()
                .map(|(_, day)| percent(activity_coverage(plan, *a, Some(*day))))
                .collect(),
            now: percent(activity_coverage(plan, *a, None)),
        })
        .collect();
    Coverage {
        rounds: rounds.into_iter().map(|(label, _)| label).collect(),
        rows,
    }
}

/// The activity's name in the book's words.
pub fn activity_label(activity: FoundationalActivity) -> &'static str {
    match activity {
        FoundationalActivity::SlosDefined => "SLOs defined",
        FoundationalActivity::AlertingOnSlos => "Alerting on SLOs",
        FoundationalActivity::OnCallWithDevelopers => "On-call rotation with developers",
        FoundationalActivity::IncidentResponse => "Incident response process",
        FoundationalActivity::ErrorBudgetDecisions => "Decisions made on error budgets",
    }
}

/// A coaching action's status as the report words it.
pub fn action_status_label(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Planned => "Planned",
        ActionStatus::InProgress => "In progress",
        ActionStatus::Done => "Done",
    }
}

/// Names of the ids in `ids`, looked up with `name` (an unknown id stands for itself);
/// "All" when there are none, as an action for no particular team or group is for all.
pub fn names_or_all(ids: &[String], name: impl Fn(&str) -> Option<String>) -> String {
    if ids.is_empty() {
        return "All".into();
    }
    ids.iter()
        .map(|id| name(id).unwrap_or_else(|| id.clone()))
        .collect::<Vec<_>>()
        .join(", ")
}
