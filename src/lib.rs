//! SRE Foundations Workbook: plan an SRE transformation, SLOs and error budgets in the browser.

pub mod model;
pub mod storage;
