//! The SLOs "Replay history" offers, each named with whether a history is kept for it.

use crate::model::plan::{Id, Plan};

/// Each SLO of `plan` as (id, name), the name followed by "(history kept)" when the plan
/// keeps a history for it.
pub fn history_choices(plan: &Plan) -> Vec<(Id, String)> {
    plan.slo_catalog
        .slos
        .iter()
        .map(|s| {
            let kept = plan.histories.iter().any(|h| h.slo == s.id);
            let name = if kept {
                format!("{} (history kept)", s.name)
            } else {
                s.name.clone()
            };
            (s.id.clone(), name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::example::example_plan;

    #[test]
    fn an_slo_with_a_kept_history_says_so() {
        let mut plan = example_plan();
        plan.histories.clear();
        let choices = history_choices(&plan);
        assert_eq!(choices.len(), plan.slo_catalog.slos.len());
        assert!(choices
            .iter()
            .all(|(_, name)| !name.ends_with("(history kept)")));
        let first = plan.slo_catalog.slos[0].clone();
        let kept = crate::model::history::series::SliHistory::keep(
            &first.id,
            "f.csv".into(),
            "2026-12-04T00:00:00Z".into(),
            crate::model::history::series::Weight::Events,
            Vec::new(),
            &[],
        )
        .unwrap();
        assert_eq!(kept.id, format!("history-{}", first.id));
        plan.histories.push(kept);
        assert_eq!(
            history_choices(&plan)[0].1,
            format!("{} (history kept)", first.name)
        );
    }
}
