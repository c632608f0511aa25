//! "Export for production": the plan's SLOs (or one service's) as a Prometheus rule file, a
//! Sloth spec or Pyrra objectives, with the SLOs that cannot be exported yet and why.

use leptos::prelude::*;

use crate::interop::prometheus_rules::prometheus_rules;
use crate::interop::pyrra::pyrra_objectives;
use crate::interop::sli_queries::exported_slos;
use crate::interop::sloth::sloth_files;
use crate::model::plan::format::download_file_name;
use crate::model::plan::ids::ById;
use crate::model::plan::Plan;
use crate::ui::browser::download_text;
use crate::ui::workbook::Workbook;

/// One export: its button label, the file's extension, and its maker, which gives each
/// file's last words and text (Sloth writes one file per SLO period).
type Export = (
    &'static str,
    &'static str,
    fn(&Plan, Option<&str>) -> Vec<(String, String)>,
);

const EXPORTS: [Export; 3] = [
    ("Export Prometheus rules", "yml", |p, service| {
        vec![("Prometheus rules".into(), prometheus_rules(p, service))]
    }),
    ("Export Sloth spec", "yaml", |p, service| {
        sloth_files(p, service)
            .into_iter()
            .map(|f| (f.name_words, f.text))
            .collect()
    }),
    ("Export Pyrra objectives", "yaml", |p, service| {
        vec![("Pyrra".into(), pyrra_objectives(p, service))]
    }),
];

/// The export section of the SLOs page.
#[component]
pub fn ProductionExports() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    // "" is the whole plan; otherwise a service id.
    let scope = RwSignal::new(String::new());
    let services = move || {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| p.slo_catalog.services.iter())
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let skipped = move || {
        let scope = scope.get();
        plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            exported_slos(p, (!scope.is_empty()).then_some(scope.as_str()))
                .into_iter()
                .filter_map(|(slo, q)| q.err().map(|why| format!("{}: {why}", slo.name)))
                .collect::<Vec<_>>()
        })
    };
    // When one click writes several files (Sloth: one per SLO period), their names, so a
    // browser that holds back the second download does not leave the user one file short.
    let written = RwSignal::new(None::<String>);
    let buttons = move || {
        EXPORTS
            .iter()
            .map(|&(label, extension, make)| {
                let download = move |_| {
                    let scope = scope.get_untracked();
                    let service = (!scope.is_empty()).then_some(scope.as_str());
                    plan.with_untracked(|p| {
                        let Some(p) = p else { return };
                        let service_name = service.and_then(|id| {
                            p.slo_catalog
                                .services
                                .by_id(id)
                                .map(|s| s.name.clone())
                        });
                        let files = make(p, service);
                        let mut names = Vec::new();
                        for (what, text) in &files {
                            let stem = match &service_name {
                                Some(name) => format!("{} - {name} - {what}", p.name),
                                None => format!("{} - {what}", p.name),
                            };
                            let name = download_file_name(&stem, extension);
                            let _ = download_text(&name, text, "application/yaml");
                            names.push(format!("“{name}”"));
                        }
                        written.set((names.len() > 1).then(|| {
                            format!(
                                "{} files, one per SLO period (Sloth gives every SLO of a run one period): {}. If your browser asks, allow it to download several files.",
                                names.len(),
                                names.join(", ")
                            )
                        }));
                    });
                };
                view! { <button type="button" on:click=download>{label}</button> }
            })
            .collect_view()
    };
    view! {
        <section class="card production-exports" aria-labelledby="production-exports-heading">
            <h2 id="production-exports-heading">"Export for production"</h2>
            <p class="hint">
                "Rule files and SLO specs that Prometheus, Sloth and Pyrra run, made from each SLO's queries, window and alert tiers. SLOs without queries are left out and listed below."
            </p>
            <Show
                when=move || plan.with(|p| p.as_ref().is_some_and(|p| !p.slo_catalog.slos.is_empty()))
                fallback=|| view! { <p class="empty-state">"Nothing to export yet: the files are made from SLOs with their queries."</p> }
            >
            <div class="toolbar">
                <div class="field">
                    <label for="export-scope">"Export for"</label>
                    <select id="export-scope" on:change=move |ev| scope.set(event_target_value(&ev))>
                        <option value="" selected=move || scope.with(String::is_empty)>"All services"</option>
                        {move || {
                            services()
                                .into_iter()
                                .map(|(id, name)| {
                                    let selected = {
                                        let id = id.clone();
                                        move || scope.with(|s| *s == id)
                                    };
                                    view! { <option value=id selected=selected>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                {buttons()}
            </div>
            <p role="status" class="hint" data-testid="export-files">{move || written.get()}</p>
            </Show>
            {move || {
                let skipped = skipped();
                (!skipped.is_empty())
                    .then(|| {
                        view! {
                            <h3>"Not exported yet"</h3>
                            <ul class="skipped-slos">
                                {skipped.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                            </ul>
                        }
                    })
            }}
        </section>
    }
}
