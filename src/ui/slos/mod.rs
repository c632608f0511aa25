//! The SLO workspace: services, user journeys and SLO targets, and what each target means.

pub mod catalog;
pub mod editor;
pub mod figures;
pub mod overview;
pub mod page;

use crate::model::plan::Slo;
use crate::ui::workbook::Workbook;

/// Changes one SLO of the open plan.
pub fn edit_slo(wb: Workbook, id: &str, change: impl FnOnce(&mut Slo)) {
    wb.edit_open(|plan| {
        if let Some(slo) = plan.slo_catalog.slos.iter_mut().find(|s| s.id == id) {
            change(slo);
        }
    });
}
