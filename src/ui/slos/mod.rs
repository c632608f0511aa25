//! The SLO workspace: services, user journeys and SLO targets, and what each target means.

pub mod catalog;
pub mod editor;
pub mod figures;
pub mod overview;
pub mod page;

use leptos::prelude::*;

use crate::model::plan::{Id, Plan, Slo};
use crate::ui::workbook::Workbook;

/// One SLO of the open plan, by id, recomputed when the plan changes.
pub fn slo_by_id(plan: Memo<Option<Plan>>, id: Id) -> Memo<Option<Slo>> {
    Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()?
                .slo_catalog
                .slos
                .iter()
                .find(|s| s.id == id)
                .cloned()
        })
    })
}

/// Changes one SLO of the open plan.
pub fn edit_slo(wb: Workbook, id: &str, change: impl FnOnce(&mut Slo)) {
    wb.edit_open(|plan| {
        if let Some(slo) = plan.slo_catalog.slos.iter_mut().find(|s| s.id == id) {
            change(slo);
        }
    });
}
