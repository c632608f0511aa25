//! The Scenarios page. For now it lists the plan's scenarios and what each holds.

use leptos::prelude::*;

use crate::ui::workbook::Workbook;

/// The scenarios of the open plan.
#[component]
pub fn ScenariosPage() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    view! {
        <h1>"Scenarios"</h1>
        <p class="lead">
            "Ask “what if” of an error budget: incidents, baseline errors and release habits played over the SLO window."
        </p>
        <section class="card coming" aria-labelledby="scenarios-coming">
            <h2 id="scenarios-coming">"Coming to this workspace"</h2>
            <p>
                "A minute-by-minute simulation with burn-rate alerts, budget charts of several scenarios overlaid, a comparison table and Monte Carlo odds of exhausting the budget."
            </p>
        </section>
        <section class="card" aria-labelledby="scenario-list-heading">
            <h2 id="scenario-list-heading">"Scenarios in this plan"</h2>
            <ul class="plain-list">
                {move || {
                    plan.with(|p| {
                        p.iter()
                            .flat_map(|p| p.scenarios.iter().map(move |s| (p, s)))
                            .map(|(p, s)| {
                                let slo = p
                                    .slo_catalog
                                    .slos
                                    .iter()
                                    .find(|slo| slo.id == s.slo)
                                    .map(|slo| slo.name.clone())
                                    .unwrap_or_default();
                                view! {
                                    <li>
                                        <strong>{s.name.clone()}</strong>
                                        {format!(
                                            " — on “{slo}”: {} incidents, {} releases a week at a {} % change failure rate",
                                            s.incidents.len(),
                                            s.releases.releases_per_week,
                                            s.releases.change_failure_rate * 100.0,
                                        )}
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ul>
        </section>
    }
}
