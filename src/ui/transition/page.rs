//! The Transition page. For now it shows the plan's stakeholder groups with their
//! misaligned stance and target mindset, and what the rounds hold.

use leptos::prelude::*;

use crate::ui::workbook::Workbook;

/// The stakeholder groups of the open plan and a summary of the assessment history.
#[component]
pub fn TransitionPage() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let rounds = move || {
        plan.with(|p| {
            p.as_ref().map(|p| {
                let t = &p.transition;
                match t.rounds.last() {
                    Some(last) => format!(
                        "{} teams, {} assessment rounds (latest: {}, {}), {} coaching actions.",
                        t.teams.len(),
                        t.rounds.len(),
                        last.label,
                        last.date,
                        t.actions.len()
                    ),
                    None => format!("{} teams, no assessment rounds yet.", t.teams.len()),
                }
            })
        })
    };
    view! {
        <h1>"Transition"</h1>
        <p class="lead">
            "Model the move from misalignment on production operations, through collective ownership, to ownership using SRE — stakeholder group by stakeholder group, team by team."
        </p>
        <section class="card coming" aria-labelledby="transition-coming">
            <h2 id="transition-coming">"Coming to this workspace"</h2>
            <p>
                "A heat map of teams × groups per assessment round, each group's trend towards its target, the gaps with their coaching actions, foundations readiness and the foundational activities per team."
            </p>
            <p>{rounds}</p>
        </section>
        <section class="card" aria-labelledby="groups-heading">
            <h2 id="groups-heading">"Stakeholder groups"</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Group"</th>
                            <th scope="col">"Misaligned today"</th>
                            <th scope="col">"Target mindset (ownership using SRE)"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            plan.with(|p| {
                                p.iter()
                                    .flat_map(|p| p.transition.groups.iter())
                                    .map(|g| {
                                        view! {
                                            <tr>
                                                <th scope="row">{g.name.clone()}</th>
                                                <td>{g.misaligned.clone()}</td>
                                                <td>{g.target_mindset.clone()}</td>
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
