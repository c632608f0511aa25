//! The files each of the page's plan exports downloads, by kind: their names and their
//! text. The page's buttons and `sre-workbook export` both take them from here, so a file
//! made in CI is the file a user downloads.

use crate::interop::csv::slo_table_csv;
use crate::interop::markdown::{policy_markdown, report_markdown};
use crate::interop::openslo::openslo_yaml;
use crate::interop::prometheus_rules::prometheus_rules;
use crate::interop::pyrra::pyrra_objectives;
use crate::interop::sloth::sloth_files;
use crate::model::plan::format::download_file_name;
use crate::model::plan::ids::ById;
use crate::model::plan::Plan;
use crate::model::slo::policy_document::policy_document;

/// One of the plan's exports (on the command line by its kebab-case name: `slos-csv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::ValueEnum))]
pub enum ExportKind {
    /// "Export Prometheus rules": recording and alerting rules.
    Prometheus,
    /// "Export Sloth spec": one file per SLO period.
    Sloth,
    /// "Export Pyrra objectives".
    Pyrra,
    /// "Export OpenSLO YAML".
    Openslo,
    /// "Export SLOs as CSV".
    SlosCsv,
    /// "Export policy as Markdown": one service's error-budget policy.
    PolicyMd,
    /// "Export report as Markdown".
    ReportMd,
}

impl ExportKind {
    /// Whether the export can be made for one service (the page's "Export for" choice, or
    /// the policy's service).
    pub fn per_service(self) -> bool {
        matches!(
            self,
            ExportKind::Prometheus | ExportKind::Sloth | ExportKind::Pyrra | ExportKind::PolicyMd
        )
    }
}

/// A file an export makes: its download name and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    /// The name the page downloads it as.
    pub name: String,
    /// The file's text.
    pub text: String,
}

/// The files `kind` makes from `plan`, for `service` (an id) where the kind allows it, on
/// the day `today` (days since 1970-01-01; dated documents only). A policy is made for
/// every service when none is given. Empty when there is nothing to export.
pub fn export_files(
    plan: &Plan,
    kind: ExportKind,
    service: Option<&str>,
    today: i64,
) -> Vec<ExportFile> {
    let one = |name: String, text: String| vec![ExportFile { name, text }];
    match kind {
        ExportKind::Prometheus | ExportKind::Sloth | ExportKind::Pyrra => {
            production_files(plan, kind, service)
        }
        ExportKind::Openslo => one(
            download_file_name(&format!("{} - OpenSLO", plan.name), "yaml"),
            openslo_yaml(plan),
        ),
        ExportKind::SlosCsv => one(
            download_file_name(&format!("{} - SLOs", plan.name), "csv"),
            slo_table_csv(plan),
        ),
        ExportKind::PolicyMd => plan
            .slo_catalog
            .services
            .iter()
            .filter(|s| service.is_none_or(|id| s.id == id))
            .filter_map(|s| policy_document(plan, &s.id))
            .map(|doc| ExportFile {
                name: download_file_name(&format!("{} error-budget policy", doc.service), "md"),
                text: policy_markdown(&doc, &plan.name, today),
            })
            .collect(),
        ExportKind::ReportMd => one(
            download_file_name(&format!("{} report", plan.name), "md"),
            report_markdown(plan, today),
        ),
    }
}

/// The files of the SLOs page's "Export for production" (Prometheus, Sloth, Pyrra; nothing
/// for other kinds), named `<plan> - <what>` or `<plan> - <service> - <what>`. Apart from
/// [`export_files`] so the SLOs page's code does not carry the report's.
pub fn production_files(plan: &Plan, kind: ExportKind, service: Option<&str>) -> Vec<ExportFile> {
    let service_name =
        service.and_then(|id| plan.slo_catalog.services.by_id(id).map(|s| s.name.clone()));
    let named = |what: &str, extension: &str| {
        let stem = match &service_name {
            Some(name) => format!("{} - {name} - {what}", plan.name),
            None => format!("{} - {what}", plan.name),
        };
        download_file_name(&stem, extension)
    };
    let one = |name: String, text: String| vec![ExportFile { name, text }];
    match kind {
        ExportKind::Prometheus => one(
            named("Prometheus rules", "yml"),
            prometheus_rules(plan, service),
        ),
        ExportKind::Sloth => sloth_files(plan, service)
            .into_iter()
            .map(|f| ExportFile {
                name: named(&f.name_words, "yaml"),
                text: f.text,
            })
            .collect(),
        ExportKind::Pyrra => one(named("Pyrra", "yaml"), pyrra_objectives(plan, service)),
        _ => Vec::new(),
    }
}
