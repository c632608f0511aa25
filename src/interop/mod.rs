//! Plans leaving and entering the workbook other than as plan files: share links, CSV for
//! spreadsheets, the report as Markdown for wikis, and the SLO and rule files that monitoring runs (OpenSLO, Prometheus rules,
//! Sloth, Pyrra). Pure text in, text out.

pub mod csv;
pub mod markdown;
pub mod openslo;
pub mod plan_exports;
pub mod prometheus_rules;
pub mod pyrra;
pub mod share_link;
pub mod sli_queries;
pub mod sloth;
pub mod yaml;
