//! SLOs: error-budget arithmetic, the catalog's edits, the SLO form's fields (target and
//! window, then the production part: queries, alert tiers, labels, guard), PromQL
//! selectors, the figures the SLO workspace shows and the error-budget policy document.

pub mod budget;
pub mod catalog_ops;
pub mod fields;
pub mod figures;
pub mod policy_document;
pub mod production_fields;
pub mod promql;
pub mod validation;
