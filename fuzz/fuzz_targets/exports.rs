//! Any plan the reader accepts exports to files the tools can read: every YAML export
//! (Prometheus rules, each Sloth file, Pyrra, OpenSLO) parses with a real YAML parser
//! (libyaml, through serde_yaml), and the Markdown and CSV exports are made without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use sre_workbook::interop::csv::{assessments_csv, slo_table_csv};
use sre_workbook::interop::markdown::{policy_markdown, report_markdown};
use sre_workbook::interop::openslo::openslo_yaml;
use sre_workbook::interop::prometheus_rules::prometheus_rules;
use sre_workbook::interop::pyrra::pyrra_objectives;
use sre_workbook::interop::sloth::sloth_files;
use sre_workbook::model::plan::format::read_plan;
use sre_workbook::model::slo::policy_document::policy_document;

/// Panics unless every document of `text` parses.
fn parses(what: &str, text: &str) {
    for document in serde_yaml::Deserializer::from_str(text) {
        if let Err(e) = serde_yaml::Value::deserialize(document) {
            panic!("the {what} export is not YAML: {e}\n{text}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(plan) = read_plan(data) else { return };
    let services: Vec<Option<&str>> = std::iter::once(None)
        .chain(plan.slo_catalog.services.iter().map(|s| Some(s.id.as_str())))
        .collect();
    for service in services {
        parses("Prometheus rules", &prometheus_rules(&plan, service));
        parses("Pyrra", &pyrra_objectives(&plan, service));
        for file in sloth_files(&plan, service) {
            parses("Sloth", &file.text);
        }
        if let Some(id) = service {
            if let Some(document) = policy_document(&plan, id) {
                let _ = policy_markdown(&document, &plan.name, 20_782);
            }
        }
    }
    parses("OpenSLO", &openslo_yaml(&plan));
    let _ = report_markdown(&plan, 20_782);
    let _ = slo_table_csv(&plan);
    let _ = assessments_csv(&plan);
});
