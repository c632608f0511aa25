//! The alert lab: the same minutes replayed through every alerting scheme teams run
//! (the SLO's own tiers, Sloth, Pyrra, Grafana SLO, Datadog, slo-generator), each with its
//! tool's exact windows, factors, `for:`, comparison and rounding, and what each would
//! have done: pages and tickets, how late incidents were paged, false alarms.

pub mod evaluate;
pub mod lab;
pub mod outcomes;
pub mod schemes;
pub mod traffic;
