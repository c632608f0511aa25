//! The plan as data, with no browser types: model, defaults, file format and validation.

pub mod budget;
pub mod calendar;
pub mod catalog_ops;
pub mod defaults;
pub mod example;
pub mod extent;
pub mod format;
pub mod history;
pub mod ids;
pub mod migrations;
pub mod monte_carlo;
pub mod plan;
pub mod problem;
pub mod production_fields;
pub mod promql;
pub mod rng;
pub mod scenario;
pub mod scenario_fields;
pub mod scenario_figures;
pub mod scenario_ops;
pub mod sli_history;
pub mod slo_fields;
pub mod slo_figures;
pub mod transition;
pub mod transition_ops;
pub mod validate;
