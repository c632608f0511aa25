//! "Export for production": the plan's SLOs (or one service's) as a Prometheus rule file, a
//! Sloth spec or Pyrra objectives, with the SLOs that cannot be exported yet and why.

use leptos::prelude::*;

use crate::interop::plan_exports::ExportKind;
use crate::interop::sli_queries::exported_slos;
use crate::ui::browser::download_text;
use crate::ui::lazy_parts::LazyParts;
use crate::ui::workbook::Workbook;

/// The export buttons: label and export (files and their names come from
/// `interop::plan_exports::production_files`, as `sre-workbook export` makes them, through
/// [`LazyParts::production_files`]).
const EXPORTS: [(&str, ExportKind); 3] = [
    ("Export Prometheus rules", ExportKind::Prometheus),
    ("Export Sloth spec", ExportKind::Sloth),
    ("Export Pyrra objectives", ExportKind::Pyrra),
];

/// The export section of the SLOs page.
#[component]
pub fn ProductionExports() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let parts = use_context::<LazyParts>();
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
            .map(|&(label, kind)| {
                let download = move |_| {
                    let Some(p) = plan.get_untracked() else { return };
                    let Some(parts) = parts else {
                        written.set(Some("Production files cannot be made on this page.".into()));
                        return;
                    };
                    let made = (parts.production_files)(p, kind, scope.get_untracked());
                    leptos::task::spawn_local(async move {
                        let files = match made.await {
                            Ok(files) => files,
                            Err(why) => return written.set(Some(format!("The files could not be made: {why}."))),
                        };
                        let mut names = Vec::new();
                        for file in files {
                            let _ = download_text(&file.name, &file.text, "application/yaml");
                            names.push(format!("“{}”", file.name));
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
