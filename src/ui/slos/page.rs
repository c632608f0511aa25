//! The SLOs page. For now it lists the plan's SLOs with their targets and windows.

use leptos::prelude::*;

use crate::model::plan::{Plan, SloSubject, SloWindow};
use crate::ui::workbook::Workbook;

fn subject_name(plan: &Plan, subject: &SloSubject) -> String {
    let catalog = &plan.slo_catalog;
    match subject {
        SloSubject::Service(id) => catalog
            .services
            .iter()
            .find(|s| &s.id == id)
            .map(|s| s.name.clone()),
        SloSubject::Journey(id) => catalog
            .journeys
            .iter()
            .find(|j| &j.id == id)
            .map(|j| j.name.clone()),
    }
    .unwrap_or_default()
}

/// How a window reads in a table.
pub fn window_label(window: &SloWindow) -> String {
    match window {
        SloWindow::Rolling { days } => format!("rolling {days} days"),
        SloWindow::CalendarMonth => "calendar month".to_string(),
        SloWindow::CalendarQuarter => "calendar quarter".to_string(),
    }
}

/// The SLOs of the open plan.
#[component]
pub fn SlosPage() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    view! {
        <h1>"SLOs"</h1>
        <p class="lead">
            "Write down services, the user journeys that matter and their SLOs, and see what each target means."
        </p>
        <section class="card coming" aria-labelledby="slos-coming">
            <h2 id="slos-coming">"Coming to this workspace"</h2>
            <p>
                "Editing services, journeys and SLOs; each SLO's error budget in time and events, allowed downtime, multi-window burn-rate alerts, a reverse calculation and neighboring targets."
            </p>
        </section>
        <section class="card" aria-labelledby="slo-list-heading">
            <h2 id="slo-list-heading">"SLOs in this plan"</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"SLO"</th>
                            <th scope="col">"On"</th>
                            <th scope="col" class="num">"Target (%)"</th>
                            <th scope="col">"Window"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            plan.with(|p| {
                                p.iter()
                                    .flat_map(|p| p.slo_catalog.slos.iter().map(move |s| (p, s)))
                                    .map(|(p, s)| {
                                        view! {
                                            <tr>
                                                <th scope="row">{s.name.clone()}</th>
                                                <td>{subject_name(p, &s.subject)}</td>
                                                <td class="num">{s.target_percent.to_string()}</td>
                                                <td>{window_label(&s.window)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
