//! Edits of the SLO catalog that keep the plan whole: new services, journeys and SLOs get
//! fresh ids and sensible defaults; deleting something still referenced is refused with a
//! message that says what refers to it.

use crate::model::plan::defaults::{default_alerting, default_policy};
use crate::model::plan::ids::ById;
use crate::model::plan::{
    BudgetingMethod, Id, Journey, Plan, Service, Sli, SliKind, Slo, SloSubject, SloWindow,
};

/// An id not yet used in `taken`, made from `stem`: "service", "service-2", ...
pub fn fresh_id<'a>(stem: &str, taken: impl Iterator<Item = &'a String> + Clone) -> Id {
    (1..)
        .map(|n| {
            if n == 1 {
                stem.to_string()
            } else {
                format!("{stem}-{n}")
            }
        })
        .find(|candidate| !taken.clone().any(|id| id == candidate))
        .expect("an unbounded range always yields a free id")
}

/// Adds a service and returns its id.
pub fn add_service(plan: &mut Plan) -> Id {
    let id = fresh_id("service", plan.slo_catalog.services.iter().map(|s| &s.id));
    let n = plan.slo_catalog.services.len() + 1;
    plan.slo_catalog.services.push(Service {
        id: id.clone(),
        name: format!("New service {n}"),
        team: None,
        description: String::new(),
    });
    id
}

/// Adds a user journey entering through `service` and returns its id.
pub fn add_journey(plan: &mut Plan, service: &str) -> Id {
    let id = fresh_id("journey", plan.slo_catalog.journeys.iter().map(|j| &j.id));
    let n = plan.slo_catalog.journeys.len() + 1;
    plan.slo_catalog.journeys.push(Journey {
        id: id.clone(),
        name: format!("New journey {n}"),
        service: service.to_string(),
        priority: 3,
        description: String::new(),
        depends_on: vec![service.to_string()],
    });
    id
}

/// Adds a 99.9 % availability SLO over 30 days on `subject` and returns its id.
pub fn add_slo(plan: &mut Plan, subject: SloSubject) -> Id {
    let id = fresh_id("slo", plan.slo_catalog.slos.iter().map(|s| &s.id));
    let n = plan.slo_catalog.slos.len() + 1;
    plan.slo_catalog.slos.push(Slo {
        id: id.clone(),
        name: format!("New SLO {n}"),
        subject,
        sli: Sli {
            kind: SliKind::Availability,
            latency_threshold_ms: None,
            description: String::new(),
        },
        target_percent: 99.9,
        window: SloWindow::Rolling { days: 30 },
        budgeting: BudgetingMethod::Events {
            expected_per_day: 100_000.0,
        },
        maintenance_counts: true,
        policy: default_policy(),
        metrics: None,
        alerting: default_alerting(30),
    });
    id
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Deletes a service unless journeys or SLOs still refer to it.
pub fn delete_service(plan: &mut Plan, id: &str) -> Result<(), String> {
    let catalog = &plan.slo_catalog;
    let name = catalog
        .services
        .by_id(id)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let journeys: Vec<String> = catalog
        .journeys
        .iter()
        .filter(|j| j.service == id || j.depends_on.iter().any(|d| d == id))
        .map(|j| j.name.clone())
        .collect();
    let slos: Vec<String> = catalog
        .slos
        .iter()
        .filter(|s| s.subject == SloSubject::Service(id.to_string()))
        .map(|s| s.name.clone())
        .collect();
    if !journeys.is_empty() || !slos.is_empty() {
        let mut users = Vec::new();
        if !journeys.is_empty() {
            users.push(format!("journeys {}", quoted_list(&journeys)));
        }
        if !slos.is_empty() {
            users.push(format!("SLOs {}", quoted_list(&slos)));
        }
        return Err(format!(
            "“{name}” is still used by {}; change or delete those first.",
            users.join(" and ")
        ));
    }
    plan.slo_catalog.services.retain(|s| s.id != id);
    Ok(())
}

/// Deletes a journey unless SLOs still refer to it.
pub fn delete_journey(plan: &mut Plan, id: &str) -> Result<(), String> {
    let catalog = &plan.slo_catalog;
    let name = catalog
        .journeys
        .by_id(id)
        .map(|j| j.name.clone())
        .unwrap_or_default();
    let slos: Vec<String> = catalog
        .slos
        .iter()
        .filter(|s| s.subject == SloSubject::Journey(id.to_string()))
        .map(|s| s.name.clone())
        .collect();
    if !slos.is_empty() {
        return Err(format!(
            "“{name}” is still used by SLOs {}; change or delete those first.",
            quoted_list(&slos)
        ));
    }
    plan.slo_catalog.journeys.retain(|j| j.id != id);
    Ok(())
}

/// Deletes an SLO, with the history kept for it, unless scenarios still play against it.
pub fn delete_slo(plan: &mut Plan, id: &str) -> Result<(), String> {
    let name = plan
        .slo_catalog
        .slos
        .by_id(id)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let scenarios: Vec<String> = plan
        .scenarios
        .iter()
        .filter(|s| s.slo == id)
        .map(|s| s.name.clone())
        .collect();
    if !scenarios.is_empty() {
        return Err(format!(
            "“{name}” is used by scenarios {}; delete those first or move them to another SLO.",
            quoted_list(&scenarios)
        ));
    }
    plan.slo_catalog.slos.retain(|s| s.id != id);
    plan.histories.retain(|h| h.slo != id);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;
    use crate::model::plan::validate::validate;

    #[test]
    fn deleting_an_slo_takes_its_history_along() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/v3/example.json"
        );
        let mut plan =
            crate::model::plan::format::read_plan(&std::fs::read(path).unwrap()).unwrap();
        plan.scenarios.retain(|s| s.slo != "checkout-availability");
        assert_eq!(plan.histories.len(), 1);
        delete_slo(&mut plan, "checkout-availability").unwrap();
        assert!(plan.histories.is_empty());
        assert_eq!(validate(&plan), vec![]);
    }

    #[test]
    fn added_items_keep_the_plan_valid() {
        let mut plan = example_plan();
        let service = add_service(&mut plan);
        assert_eq!(service, "service");
        assert_eq!(add_service(&mut plan), "service-2");
        let journey = add_journey(&mut plan, &service);
        add_slo(&mut plan, SloSubject::Journey(journey));
        assert_eq!(validate(&plan), vec![]);
    }

    #[test]
    fn deleting_what_is_referenced_is_refused() {
        let mut plan = example_plan();
        assert_eq!(
            delete_service(&mut plan, "identity"),
            Err("“Identity” is still used by journeys “Buy a shipping label”, “Driver gets the day's route” and SLOs “Sign-in works”, “Tokens are issued fast”; change or delete those first.".into())
        );
        assert_eq!(
            delete_slo(&mut plan, "checkout-availability"),
            Err("“Label purchase succeeds” is used by scenarios “This quarter's incidents”, “Double the release rate”, “Promise 99.95 % instead”; delete those first or move them to another SLO.".into())
        );
        assert_eq!(
            delete_journey(&mut plan, "track-parcel"),
            Err("“Track a parcel” is still used by SLOs “Tracking page loads”; change or delete those first.".into())
        );
        assert!(delete_slo(&mut plan, "tracking-availability").is_ok());
        assert!(delete_journey(&mut plan, "track-parcel").is_ok());
        assert_eq!(validate(&plan), vec![]);
    }
}
