//! The report's error-budget policy documents: one per service, in the SRE Workbook's
//! structure (`crate::model::slo::policy_document`), shown for the chosen service and exported
//! with "Export policy as Markdown".

use leptos::prelude::*;

use crate::interop::markdown::policy_markdown;
use crate::model::plan::format::download_file_name;
use crate::model::plan::Plan;
use crate::model::slo::policy_document::policy_document;
use crate::ui::browser::{download_text, today};
use crate::ui::widgets::choice_select::choice_select;

/// The policy document of a chosen service, with its export.
#[component]
pub fn PolicyDocuments(plan: Plan) -> impl IntoView {
    let services: Vec<(usize, String, String)> = plan
        .slo_catalog
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.id.clone(), s.name.clone()))
        .collect();
    if services.is_empty() {
        return view! {
            <p>"No services yet: add them on the SLOs page, and each gets its error-budget policy document here."</p>
        }
        .into_any();
    }
    let chosen = RwSignal::new(0usize);
    let plan = StoredValue::new(plan);
    let ids: Vec<String> = services.iter().map(|(_, id, _)| id.clone()).collect();
    let document = Memo::new(move |_| {
        let id = ids.get(chosen.get())?.clone();
        plan.with_value(|p| policy_document(p, &id))
    });
    let export = move |_| {
        if let Some(doc) = document.get_untracked() {
            let name = plan.with_value(|p| p.name.clone());
            let _ = download_text(
                &download_file_name(&format!("{} error-budget policy", doc.service), "md"),
                &policy_markdown(&doc, &name, today()),
                "text/markdown",
            );
        }
    };
    view! {
        <div class="toolbar policy-tools">
            {choice_select("policy-service", "Service", services, move || chosen.get(), move |i| chosen.set(i))}
            <button type="button" on:click=export>"Export policy as Markdown"</button>
        </div>
        {move || {
            document
                .get()
                .map(|doc| {
                    view! {
                        <article class="policy-document" aria-labelledby="policy-document-title">
                            <h3 id="policy-document-title">{doc.title.clone()}</h3>
                            {doc
                                .sections
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <h4>{s.heading}</h4>
                                        {s.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                                        {(!s.items.is_empty()).then(|| view! {
                                            <ul>{s.items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                                        })}
                                    }
                                })
                                .collect_view()}
                        </article>
                    }
                })
        }}
    }
    .into_any()
}
