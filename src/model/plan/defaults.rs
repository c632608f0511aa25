//! Defaults from the book (*Establishing SRE Foundations*, chapter 2): the four stakeholder
//! groups with their misaligned stance, target mindset and a five-level maturity ladder,
//! suggested coaching actions, and an error-budget policy modeled on the SRE Workbook's.

use crate::model::plan::{
    ActionTemplate, Alerting, ErrorBudgetPolicy, Plan, PolicyThreshold, SloCatalog,
    StakeholderGroup, Timestamp, Transition,
};
use crate::model::slo::budget::default_alert_tiers;

/// Stage names of the book's transformation, indexed by stage.
pub const STAGE_NAMES: [&str; 3] = [
    "Misalignment",
    "Collective ownership",
    "Ownership using SRE",
];

/// Default share of teams (percent) that must be at Collective ownership or above.
pub const DEFAULT_READINESS_SHARE_PERCENT: f64 = 80.0;

struct GroupDefault {
    id: &'static str,
    name: &'static str,
    misaligned: &'static str,
    target_mindset: &'static str,
    levels: [&'static str; 5],
    templates: [(u8, &'static str); 4],
}

const GROUPS: [GroupDefault; 4] = [
    GroupDefault {
        id: "developers",
        name: "Developers",
        misaligned: "Do not know why they should be doing operations.",
        target_mindset: "Want to be on call, to gain the operational knowledge to build features that work well in production.",
        levels: [
            "Operations is someone else's job; production issues are handed over the wall.",
            "Look at production when asked; join incident calls only when escalated.",
            "Share on-call duty with operations engineers and read their services' dashboards.",
            "On call for their own services, alerted on SLO breaches.",
            "Use error budgets to choose between feature and reliability work.",
        ],
        templates: [
            (0, "Run a workshop on why developers benefit from operating what they build"),
            (1, "Pair developers with operations engineers on incident reviews"),
            (2, "Put developers into the on-call rotation for their own services"),
            (3, "Review error-budget consumption in every sprint planning"),
        ],
    },
    GroupDefault {
        id: "operations",
        name: "Operations engineers",
        misaligned: "Do not know why developers are not interested in operations.",
        target_mindset: "Want to enable developers to run their services, by providing SRE infrastructure as a framework that spreads operational work through the organization.",
        levels: [
            "Run every service themselves; developers are not expected to help.",
            "Hand developers alerts and runbooks but still own every page.",
            "Share on-call with developers and teach them the operational tooling.",
            "Provide SRE infrastructure (SLO monitoring, alerting, on-call tooling) as a self-service framework.",
            "Coach teams and evolve the framework; operational work is spread through the organization.",
        ],
        templates: [
            (0, "Explain the SRE infrastructure vision: enable developers instead of shielding them"),
            (1, "Build SLO-based alerting that teams can configure themselves"),
            (2, "Offer the on-call tooling as a self-service framework with onboarding docs"),
            (3, "Set up a community of practice for operational excellence"),
        ],
    },
    GroupDefault {
        id: "product",
        name: "Product managers",
        misaligned: "Think operations work is done by operations engineers.",
        target_mindset: "Want to be involved in operations, making decisions from production data: which user journeys need incident detection, how the incident backlog is handled, which reliability features come first.",
        levels: [
            "Operations work is done by operations engineers; reliability is not on the roadmap.",
            "Hear about incidents afterwards; reliability work competes ad hoc with features.",
            "Name the user journeys that need incident detection and agree their SLOs.",
            "Prioritize the incident backlog and reliability features from production data.",
            "Make feature versus reliability decisions from error budgets and an agreed policy.",
        ],
        templates: [
            (0, "Walk product managers through last quarter's incidents and their user impact"),
            (1, "Have product managers rank the user journeys that need incident detection"),
            (2, "Agree an error-budget policy with product management"),
            (3, "Review the SLO dashboard in every product review"),
        ],
    },
    GroupDefault {
        id: "executives",
        name: "Executives / management",
        misaligned: "Do not promote and fund the topic.",
        target_mindset: "Promote SRE and fund it in a timely fashion.",
        levels: [
            "Do not promote or fund SRE; reliability comes up only after outages.",
            "Acknowledge the topic but fund it only from leftover capacity.",
            "Sponsor an SRE transformation with named coaches and time for the teams.",
            "Fund SRE infrastructure and coaching in a timely fashion and track SLOs.",
            "Promote SRE across the organization and steer on reliability alongside delivery.",
        ],
        templates: [
            (0, "Present the business cost of last year's outages to management"),
            (1, "Agree a funded SRE transformation with named coaches"),
            (2, "Add SLO attainment to the quarterly business review"),
            (3, "Have management promote SRE success stories across the organization"),
        ],
    },
];

/// The four stakeholder groups from the book, each with its ladder.
pub fn default_groups() -> Vec<StakeholderGroup> {
    GROUPS
        .iter()
        .map(|g| StakeholderGroup {
            id: g.id.to_string(),
            name: g.name.to_string(),
            misaligned: g.misaligned.to_string(),
            target_mindset: g.target_mindset.to_string(),
            levels: g.levels.iter().map(|s| s.to_string()).collect(),
            target: None,
        })
        .collect()
}

/// Suggested coaching actions for each default group at levels 0 to 3.
pub fn default_action_templates() -> Vec<ActionTemplate> {
    GROUPS
        .iter()
        .flat_map(|g| {
            g.templates.iter().map(|(level, title)| ActionTemplate {
                group: g.id.to_string(),
                level: *level,
                title: title.to_string(),
            })
        })
        .collect()
}

/// An error-budget policy modeled on the Google SRE Workbook's example policy.
pub fn default_policy() -> ErrorBudgetPolicy {
    let step = |consumed_percent: f64, action: &str| PolicyThreshold {
        consumed_percent,
        action: action.to_string(),
    };
    ErrorBudgetPolicy {
        thresholds: vec![
            step(50.0, "Notify the team and product management; review recent changes."),
            step(75.0, "Prioritize reliability work in the next sprint."),
            step(
                100.0,
                "Freeze releases except P0 fixes and security patches until the service is back within its SLO.",
            ),
            step(150.0, "Escalate to management; a single incident using more than 20 % of the budget gets a postmortem with P0 actions."),
        ],
        agreed: false,
        agreed_by: String::new(),
        agreed_on: None,
        review_on: None,
    }
}

/// The book's stage (index into [`STAGE_NAMES`]) for a maturity level 0 to 4.
pub fn stage_of_level(level: u8) -> usize {
    match level {
        0 | 1 => 0,
        2 => 1,
        _ => 2,
    }
}

/// A new, empty plan with the book's stakeholder groups and templates.
pub fn blank_plan(id: &str, name: &str, now: &Timestamp) -> Plan {
    Plan {
        id: id.to_string(),
        name: name.to_string(),
        created: now.clone(),
        updated: now.clone(),
        organization: String::new(),
        challenge: String::new(),
        transition: Transition {
            groups: default_groups(),
            teams: Vec::new(),
            rounds: Vec::new(),
            actions: Vec::new(),
            action_templates: default_action_templates(),
            activities: Vec::new(),
            readiness_share_percent: DEFAULT_READINESS_SHARE_PERCENT,
        },
        slo_catalog: SloCatalog {
            services: Vec::new(),
            journeys: Vec::new(),
            slos: Vec::new(),
        },
        scenarios: Vec::new(),
        histories: Vec::new(),
    }
}

/// An SLO's alerting to start from: the SRE Workbook's tiers for its window, no extra labels
/// and no low-traffic guard.
pub fn default_alerting(window_days: u32) -> Alerting {
    Alerting {
        tiers: default_alert_tiers(window_days),
        labels: Default::default(),
        min_events_per_hour: None,
    }
}
