//! The SLOs page: overview of all SLOs, the selected SLO's editor and figures, and the
//! services and journeys they are set on.

use leptos::prelude::*;

use super::catalog::ServiceCatalog;
use super::editor::SloEditor;
use super::exports::ProductionExports;
use super::figures::SloFigures;
use super::overview::SloOverview;
use crate::model::plan::ids::ById;
use crate::ui::browser::{location_hash, replace_hash, scroll_to_element};
use crate::ui::route::{hash_item, Route};
use crate::ui::workbook::Workbook;

/// The SLO workspace of the open plan.
#[component]
pub fn SlosPage() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    // An Overview link (`#/slos/<id>`) opens the workspace on that item.
    let linked = hash_item(&location_hash()).map(str::to_string);
    if linked.is_some() {
        replace_hash(Route::Slos.hash());
        scroll_to_element("slo-detail");
    }
    let chosen = RwSignal::new(linked);
    // The SLO shown in detail: the chosen one while it exists, else the first.
    let selected = Memo::new(move |_| {
        let wanted = chosen.get();
        plan.with(|p| {
            let slos = &p.as_ref()?.slo_catalog.slos;
            wanted
                .and_then(|id| slos.by_id(&id))
                .or_else(|| slos.first())
                .map(|s| s.id.clone())
        })
    });
    view! {
        <h1>"SLOs"</h1>
        <p class="lead">
            "Write down the services, the user journeys that matter and their SLOs, and see what each target means in error budget, downtime and alerting."
        </p>
        <Show
            when=move || plan.with(|p| p.is_some())
            fallback=|| view! { <p>"No plan is open. Open or create one on the Plans page."</p> }
        >
            <SloOverview selected chosen />
            {move || {
                selected
                    .get()
                    .map(|id| {
                        view! {
                            <div class="slo-detail" id="slo-detail">
                                <SloEditor id=id.clone() />
                                <SloFigures id />
                            </div>
                        }
                    })
            }}
            <ProductionExports />
            <ServiceCatalog />
        </Show>
    }
}
