//! The SLO workspace: services, user journeys and SLO targets, and what each target means.

pub mod alert_tiers;
pub mod catalog;
pub mod editor;
pub mod exports;
pub mod figures;
pub mod overview;
pub mod page;
pub mod production;
pub mod queries;
