//! Edits of the plan's scenarios that keep it whole: new scenarios get fresh ids and the
//! book's typical settings, duplicates become variants, and moving a scenario to an SLO
//! with a shorter window pulls its incidents inside that window.

use crate::model::plan::ids::ById;
use crate::model::plan::{ErrorSpan, Id, MonteCarloSettings, Plan, ReleaseModel, Scenario};
use crate::model::slo::catalog_ops::fresh_id;

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
    let Some(days) = plan.slo_catalog.slos.by_id(slo).map(|s| s.window.days()) else {
        return;
    };
    let last_day = (days - 1) * 1440;
    if let Some(scenario) = plan.scenarios.by_id_mut(id) {
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

/// Incidents and maintenance windows share one shape; the form edits either through this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// An incident.
    Incident,
    /// A planned maintenance window.
    Maintenance,
}

impl SpanKind {
    /// A new span of this kind, numbered `n`: an incident on day 1 at noon (30 minutes at a
    /// 50 % error ratio), or maintenance on day 1 at 02:00 (30 minutes of full outage).
    fn typical(self, n: usize) -> ErrorSpan {
        let (label, start_minute, error_ratio) = match self {
            SpanKind::Incident => (format!("Incident {n}"), 12 * 60, 0.5),
            SpanKind::Maintenance => (format!("Maintenance {n}"), 2 * 60, 1.0),
        };
        ErrorSpan {
            label,
            start_minute,
            duration_minutes: 30,
            error_ratio,
        }
    }
}

/// The incidents or maintenance windows of a scenario.
pub fn spans(scenario: &Scenario, kind: SpanKind) -> &[ErrorSpan] {
    match kind {
        SpanKind::Incident => &scenario.incidents,
        SpanKind::Maintenance => &scenario.maintenance,
    }
}

fn spans_mut(scenario: &mut Scenario, kind: SpanKind) -> &mut Vec<ErrorSpan> {
    match kind {
        SpanKind::Incident => &mut scenario.incidents,
        SpanKind::Maintenance => &mut scenario.maintenance,
    }
}

/// Changes the `index`th incident or maintenance window; nothing when there is none (the
/// list may have shrunk through an undo or another tab since the form was drawn).
pub fn edit_span(
    scenario: &mut Scenario,
    kind: SpanKind,
    index: usize,
    change: impl FnOnce(&mut ErrorSpan),
) {
    if let Some(span) = spans_mut(scenario, kind).get_mut(index) {
        change(span);
    }
}

/// Adds an incident or maintenance window with typical values.
pub fn add_span(scenario: &mut Scenario, kind: SpanKind) {
    let list = spans_mut(scenario, kind);
    let span = kind.typical(list.len() + 1);
    list.push(span);
}

/// Removes the `index`th incident or maintenance window, if there is one.
pub fn remove_span(scenario: &mut Scenario, kind: SpanKind, index: usize) {
    let list = spans_mut(scenario, kind);
    if index < list.len() {
        list.remove(index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;
    use crate::model::plan::validate::validate;

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
            .find(|s| s.window.days() == 90)
            .map(|s| s.id.clone());
        let month = plan
            .slo_catalog
            .slos
            .iter()
            .find(|s| s.window.days() == 30)
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
