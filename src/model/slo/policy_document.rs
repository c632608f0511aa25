//! A service's error-budget policy as a document, in the structure of the SRE Workbook's
//! example policy (service overview, goals and non-goals, SLOs, SLO miss policy, outage
//! policy, escalation, agreement, review), filled from the plan. What the plan does not
//! record is said plainly, never invented; the book's example wording is offered as such.
//! The Report page shows it and "Export policy as Markdown" writes it
//! (`crate::interop::markdown`).

use crate::model::plan::ids::ById;
use crate::model::plan::{Plan, PolicyThreshold, Slo, SloSubject};
use crate::model::slo::budget::{format_duration, ErrorBudget};
use crate::model::slo::figures::{format_number, window_label};

/// One section: a heading, paragraphs and a list.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The heading.
    pub heading: &'static str,
    /// Paragraphs, in order.
    pub paragraphs: Vec<String>,
    /// List items after the paragraphs.
    pub items: Vec<String>,
}

/// The document of one service.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyDocument {
    /// The service's name.
    pub service: String,
    /// "Error-budget policy: Shop API".
    pub title: String,
    /// The sections in the book's order.
    pub sections: Vec<Section>,
}

fn section(heading: &'static str, paragraphs: Vec<String>, items: Vec<String>) -> Section {
    Section {
        heading,
        paragraphs,
        items,
    }
}

/// The SLOs set on the service or on its journeys.
fn slos_of<'a>(plan: &'a Plan, service: &str) -> Vec<&'a Slo> {
    let journeys: Vec<&str> = plan
        .slo_catalog
        .journeys
        .iter()
        .filter(|j| j.service == service)
        .map(|j| j.id.as_str())
        .collect();
    plan.slo_catalog
        .slos
        .iter()
        .filter(|s| match &s.subject {
            SloSubject::Service(id) => id == service,
            SloSubject::Journey(id) => journeys.contains(&id.as_str()),
        })
        .collect()
}

/// The policy document of the service `service_id`, or `None` if the plan has no such
/// service.
pub fn policy_document(plan: &Plan, service_id: &str) -> Option<PolicyDocument> {
    let service = plan.slo_catalog.services.by_id(service_id)?;
    let slos = slos_of(plan, service_id);
    let team = service
        .team
        .as_ref()
        .and_then(|id| plan.transition.teams.by_id(id))
        .map(|t| t.name.clone());

    let mut overview = vec![if service.description.trim().is_empty() {
        format!("Not recorded in the plan: what {} does.", service.name)
    } else {
        service.description.clone()
    }];
    overview.push(match &team {
        Some(team) => format!("Owned by {team}."),
        None => "Not recorded in the plan: the team that owns it.".into(),
    });
    let journeys: Vec<String> = plan
        .slo_catalog
        .journeys
        .iter()
        .filter(|j| j.service == service_id)
        .map(|j| format!("{} (priority {})", j.name, j.priority))
        .collect();
    if !journeys.is_empty() {
        overview.push(format!("User journeys: {}.", journeys.join(", ")));
    }

    let goals = vec![
        "The plan does not record goals of its own; the SRE Workbook's example policy states these, to adapt:".into(),
    ];
    let goal_items = vec![
        "Goal: protect customers from repeated SLO misses.".into(),
        "Goal: provide an incentive to balance reliability with other features.".into(),
        "Non-goal: this policy is not a punishment for missing SLOs.".into(),
        "Non-goal: halting change is undesirable; the policy gives the team permission to focus on reliability when the data says it matters more than other features.".into(),
    ];

    let slo_items: Vec<String> = slos
        .iter()
        .map(|slo| {
            format!(
                "{}: {} % over {}, an error budget of {}.",
                slo.name,
                format_number(slo.target_percent, 5),
                window_label(&slo.window),
                format_duration(ErrorBudget::of_slo(slo).minutes())
            )
        })
        .collect();
    let slo_paragraphs = if slos.is_empty() {
        vec![format!(
            "No SLOs yet: set them on the SLOs page for {} or its user journeys.",
            service.name
        )]
    } else {
        Vec::new()
    };

    // SLOs usually share one policy; each distinct one is listed with the SLOs it covers.
    let mut groups: Vec<(&Vec<PolicyThreshold>, Vec<&str>)> = Vec::new();
    for slo in &slos {
        match groups
            .iter_mut()
            .find(|(t, _)| **t == slo.policy.thresholds)
        {
            Some((_, users)) => users.push(&slo.name),
            None => groups.push((&slo.policy.thresholds, vec![&slo.name])),
        }
    }
    let mut miss = Vec::new();
    let mut miss_items = Vec::new();
    match groups.len() {
        0 => miss.push("No SLOs, so no thresholds yet.".into()),
        1 => miss.push("For every SLO of the service, when its error budget is consumed:".into()),
        _ => miss.push("For each SLO, when its error budget is consumed:".into()),
    }
    for (thresholds, users) in &groups {
        let whose = if groups.len() > 1 {
            format!(" ({})", users.join(", "))
        } else {
            String::new()
        };
        if thresholds.is_empty() {
            miss_items.push(format!("No thresholds agreed yet{whose}."));
        }
        for x in thresholds.iter() {
            miss_items.push(format!(
                "At {} %{whose}: {}",
                format_number(x.consumed_percent, 2),
                x.action
            ));
        }
    }

    let (agreement, next_review) = agreement_and_review(&slos);
    Some(PolicyDocument {
        service: service.name.clone(),
        title: format!("Error-budget policy: {}", service.name),
        sections: vec![
            section("Service overview", overview, Vec::new()),
            section("Goals and non-goals", goals, goal_items),
            section("SLOs", slo_paragraphs, slo_items),
            section("SLO miss policy", miss, miss_items),
            section(
                "Outage policy",
                vec!["Not recorded in the plan. The SRE Workbook's example: a single incident that consumes more than 20 % of the error budget over four weeks gets a postmortem with at least one P0 action on its root cause.".into()],
                Vec::new(),
            ),
            section(
                "Escalation policy",
                vec!["Not recorded in the plan: who decides when the team and product management disagree about the budget's calculation or this policy. The SRE Workbook's example escalates to the CTO.".into()],
                Vec::new(),
            ),
            section("Agreement", agreement, Vec::new()),
            section("Next review", next_review, Vec::new()),
        ],
    })
}

/// The Agreement and Next review sections' paragraphs: who agreed each SLO's policy and
/// when, what is not agreed yet or not recorded, and the review dates (the earliest first).
fn agreement_and_review(slos: &[&Slo]) -> (Vec<String>, Vec<String>) {
    let mut agreement = Vec::new();
    let mut unrecorded = Vec::new();
    for slo in slos.iter().filter(|s| s.policy.agreed) {
        let policy = &slo.policy;
        let by = policy.agreed_by.trim();
        let who = if by.is_empty() {
            String::new()
        } else {
            format!(" by {by}")
        };
        let when = policy
            .agreed_on
            .as_ref()
            .map(|d| format!(" on {d}"))
            .unwrap_or_default();
        if by.is_empty() || policy.agreed_on.is_none() {
            unrecorded.push(slo.name.as_str());
        }
        agreement.push(format!("{}: agreed{who}{when}.", slo.name));
    }
    let pending: Vec<&str> = slos
        .iter()
        .filter(|s| !s.policy.agreed)
        .map(|s| s.name.as_str())
        .collect();
    if !pending.is_empty() {
        agreement.push(format!(
            "Not agreed with product management yet: {}.",
            pending.join(", ")
        ));
    }
    if !unrecorded.is_empty() {
        agreement.push(format!(
            "Not recorded in the plan for {}: who agreed it, or when.",
            unrecorded.join(", ")
        ));
    }
    let mut reviews: Vec<(&str, &str)> = slos
        .iter()
        .filter_map(|s| Some((s.policy.review_on.as_deref()?, s.name.as_str())))
        .collect();
    reviews.sort();
    let mut next_review: Vec<String> = reviews
        .iter()
        .map(|(date, name)| format!("{name}: to be reviewed by {date}."))
        .collect();
    let without: Vec<&str> = slos
        .iter()
        .filter(|s| s.policy.review_on.is_none())
        .map(|s| s.name.as_str())
        .collect();
    if !without.is_empty() {
        next_review.push(format!(
            "Not recorded in the plan: when the policy for {} is reviewed next.",
            without.join(", ")
        ));
    }
    (agreement, next_review)
}
