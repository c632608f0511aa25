//! Edits of the plan's scenarios that keep it whole: new scenarios get fresh ids and the
//! book's typical settings, duplicates become variants, and moving a scenario to an SLO
//! with a shorter window pulls its incidents inside that window.

use super::catalog_ops::fresh_id;
use super::plan::{
    Id, Incident, MaintenanceWindow, MonteCarloSettings, Plan, ReleaseModel, Scenario,
};

/// Adds a scenario for `slo` with a low baseline, one release a day at a 15 % change
/// failure rate and no incidents, and returns its id.
pub fn add_scenario(plan: &mut Plan, slo: &str) -> Id {
    let id = fresh_id("scenario", plan.scenarios.iter().map(|s| &s.id));
    let n = plan.scenarios.len() + 1;
    plan.scenarios.push(Scenario {
        id: id.clone(),
        name: format!("New scenario {n}"),
        slo: slo.to_string(),
        target_override_percent: None,
        baseline_error_ratio: 0.0001,
        incidents: Vec::new(),
        releases: ReleaseModel {
            releases_per_week: 7.0,
            change_failure_rate: 0.15,
            restore_minutes: 60.0,
            error_ratio: 0.1,
        },
        maintenance: Vec::new(),
        monte_carlo: MonteCarloSettings {
            incidents_per_window: 2.0,
            median_restore_minutes: 30.0,
            p90_restore_minutes: 120.0,
            error_ratio: 0.5,
            runs: 10_000,
            seed: 1,
        },
    });
    id
}

/// Copies a scenario into a variant named "… (variant)" right after it; returns its id.
pub fn duplicate_scenario(plan: &mut Plan, id: &str) -> Option<Id> {
    let index = plan.scenarios.iter().position(|s| s.id == id)?;
    let mut copy = plan.scenarios[index].clone();
    copy.id = fresh_id(&copy.id, plan.scenarios.iter().map(|s| &s.id));
    copy.name = format!("{} (variant)", copy.name);
    let new_id = copy.id.clone();
    plan.scenarios.insert(index + 1, copy);
    Some(new_id)
}

/// Deletes a scenario.
pub fn delete_scenario(plan: &mut Plan, id: &str) {
    plan.scenarios.retain(|s| s.id != id);
}

/// Plays a scenario against another SLO. Incidents and maintenance that would start after
/// the new window ends are moved to its last day, so the plan stays valid.
pub fn move_to_slo(plan: &mut Plan, id: &str, slo: &str) {
    let Some(days) = plan
        .slo_catalog
        .slos
        .iter()
        .find(|s| s.id == slo)
        .map(|s| s.window.nominal_days())
    else {
        return;
    };
    let last_day = (days - 1) * 1440;
    if let Some(scenario) = plan.scenarios.iter_mut().find(|s| s.id == id) {
        scenario.slo = slo.to_string();
        for start in scenario
            .incidents
            .iter_mut()
            .map(|i| &mut i.start_minute)
            .chain(scenario.maintenance.iter_mut().map(|m| &mut m.start_minute))
        {
            if *start >= days * 1440 {
                *start = last_day + *start % 1440;
            }
        }
    }
}

/// Adds an incident on day 1 at noon: 30 minutes at a 50 % error ratio.
pub fn add_incident(scenario: &mut Scenario) {
    let n = scenario.incidents.len() + 1;
    scenario.incidents.push(Incident {
        label: format!("Incident {n}"),
        start_minute: 12 * 60,
        duration_minutes: 30,
        error_ratio: 0.5,
    });
}

/// Adds a maintenance window on day 1 at 02:00: 30 minutes of full unavailability.
pub fn add_maintenance(scenario: &mut Scenario) {
    let n = scenario.maintenance.len() + 1;
    scenario.maintenance.push(MaintenanceWindow {
        label: format!("Maintenance {n}"),
        start_minute: 2 * 60,
        duration_minutes: 30,
        error_ratio: 1.0,
    });
}

/// Incidents and maintenance windows share a shape; the form edits either through this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// An incident.
    Incident,
    /// A planned maintenance window.
    Maintenance,
}

/// The fields of an incident or maintenance window.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// What happened or is done.
    pub label: String,
    /// Start, in minutes from the beginning of the window.
    pub start_minute: u32,
    /// Duration in minutes.
    pub duration_minutes: u32,
    /// Error ratio (0 to 1) while it lasts.
    pub error_ratio: f64,
}

/// The incidents or maintenance windows of a scenario.
pub fn spans(scenario: &Scenario, kind: SpanKind) -> Vec<Span> {
    match kind {
        SpanKind::Incident => scenario
            .incidents
            .iter()
            .map(|i| Span {
                label: i.label.clone(),
                start_minute: i.start_minute,
                duration_minutes: i.duration_minutes,
                error_ratio: i.error_ratio,
            })
            .collect(),
        SpanKind::Maintenance => scenario
            .maintenance
            .iter()
            .map(|m| Span {
                label: m.label.clone(),
                start_minute: m.start_minute,
                duration_minutes: m.duration_minutes,
                error_ratio: m.error_ratio,
            })
            .collect(),
    }
}

/// Changes the `index`th incident or maintenance window.
pub fn edit_span(
    scenario: &mut Scenario,
    kind: SpanKind,
    index: usize,
    change: impl FnOnce(&mut Span),
) {
    let Some(mut span) = spans(scenario, kind).into_iter().nth(index) else {
        return;
    };
    change(&mut span);
    match kind {
        SpanKind::Incident => {
            scenario.incidents[index] = Incident {
                label: span.label,
                start_minute: span.start_minute,
                duration_minutes: span.duration_minutes,
                error_ratio: span.error_ratio,
            }
        }
        SpanKind::Maintenance => {
            scenario.maintenance[index] = MaintenanceWindow {
                label: span.label,
                start_minute: span.start_minute,
                duration_minutes: span.duration_minutes,
                error_ratio: span.error_ratio,
            }
        }
    }
}

/// Adds an incident or maintenance window with typical values.
pub fn add_span(scenario: &mut Scenario, kind: SpanKind) {
    match kind {
        SpanKind::Incident => add_incident(scenario),
        SpanKind::Maintenance => add_maintenance(scenario),
    }
}

/// Removes the `index`th incident or maintenance window.
pub fn remove_span(scenario: &mut Scenario, kind: SpanKind, index: usize) {
    let list_len = match kind {
        SpanKind::Incident => scenario.incidents.len(),
        SpanKind::Maintenance => scenario.maintenance.len(),
    };
    if index >= list_len {
        return;
    }
    match kind {
        SpanKind::Incident => {
            scenario.incidents.remove(index);
        }
        SpanKind::Maintenance => {
            scenario.maintenance.remove(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::example_plan;
    use crate::model::validate::validate;

    #[test]
    fn a_new_scenario_and_its_variant_keep_the_plan_valid() {
        let mut plan = example_plan();
        let id = add_scenario(&mut plan, "checkout-availability");
        assert_eq!(id, "scenario");
        let copy = duplicate_scenario(&mut plan, &id).unwrap();
        assert_eq!(copy, "scenario-2");
        let names: Vec<_> = plan.scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names[3..], ["New scenario 4", "New scenario 4 (variant)"]);
        assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
        delete_scenario(&mut plan, &id);
        assert_eq!(plan.scenarios.len(), 4);
    }

    #[test]
    fn incidents_and_maintenance_edit_alike() {
        let mut scenario = example_plan().scenarios[1].clone();
        add_span(&mut scenario, SpanKind::Incident);
        edit_span(&mut scenario, SpanKind::Incident, 0, |s| {
            s.duration_minutes = 45
        });
        assert_eq!(scenario.incidents[0].duration_minutes, 45);
        assert_eq!(
            spans(&scenario, SpanKind::Maintenance)[0].label,
            "Database upgrade"
        );
        edit_span(&mut scenario, SpanKind::Maintenance, 0, |s| {
            s.error_ratio = 0.5
        });
        assert_eq!(scenario.maintenance[0].error_ratio, 0.5);
        remove_span(&mut scenario, SpanKind::Maintenance, 5);
        remove_span(&mut scenario, SpanKind::Maintenance, 0);
        assert!(scenario.maintenance.is_empty());
    }

    #[test]
    fn moving_to_a_shorter_window_keeps_incidents_inside_it() {
        let mut plan = example_plan();
        let quarter = plan
            .slo_catalog
            .slos
            .iter()
            .find(|s| s.window.nominal_days() == 90)
            .map(|s| s.id.clone());
        let month = plan
            .slo_catalog
            .slos
            .iter()
            .find(|s| s.window.nominal_days() == 30)
            .unwrap()
            .id
            .clone();
        let scenario = plan.scenarios[0].id.clone();
        if let Some(q) = quarter {
            move_to_slo(&mut plan, &scenario, &q);
        }
        plan.scenarios[0].incidents[0].start_minute = 60 * 1440 + 75;
        move_to_slo(&mut plan, &scenario, &month);
        assert_eq!(plan.scenarios[0].incidents[0].start_minute, 29 * 1440 + 75);
        assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
    }
}
