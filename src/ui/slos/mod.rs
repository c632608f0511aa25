//! The SLO workspace: services, user journeys and SLO targets.

pub mod page;
