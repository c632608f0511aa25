//! The open plan's name, organization and challenge statement, and what it holds.

use leptos::prelude::*;

use crate::model::plan::calendar::display_timestamp;
use crate::model::plan::getting_started::{challenge_template, with_template};
use crate::model::plan::Plan;
use crate::model::slo::figures::count_of;
use crate::ui::plans::export::ExportPlanButton;
use crate::ui::plans::plan_file::PlanFileButtons;
use crate::ui::plans::share::ShareLinkButton;
use crate::ui::widgets::text_field::TextField;
use crate::ui::workbook::Workbook;

fn check_name(name: &str) -> Option<String> {
    name.trim()
        .is_empty()
        .then(|| "The plan needs a name.".to_string())
}

fn check_free_text(_: &str) -> Option<String> {
    None
}

/// One line saying what the plan holds, with its counts.
pub fn plan_contents(plan: &Plan) -> String {
    let t = &plan.transition;
    let c = &plan.slo_catalog;
    format!(
        "{}, {}, {}, {} · {}, {}, {} · {}",
        count_of(t.groups.len(), "stakeholder group", "stakeholder groups"),
        count_of(t.teams.len(), "team", "teams"),
        count_of(t.rounds.len(), "assessment round", "assessment rounds"),
        count_of(t.actions.len(), "coaching action", "coaching actions"),
        count_of(c.services.len(), "service", "services"),
        count_of(c.journeys.len(), "user journey", "user journeys"),
        count_of(c.slos.len(), "SLO", "SLOs"),
        count_of(plan.scenarios.len(), "scenario", "scenarios"),
    )
}

/// The open plan's editable details, or a prompt when no plan is open.
#[component]
pub fn PlanDetails() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let open_plan = wb.open_plan();
    let field = move |get: fn(&Plan) -> &String| {
        Signal::derive(move || {
            open_plan.with(|p| p.as_ref().map(|p| get(p).clone()).unwrap_or_default())
        })
    };
    view! {
        <section class="card" aria-labelledby="open-plan-heading">
            <h2 id="open-plan-heading">"Open plan"</h2>
            <Show
                when=move || open_plan.with(|p| p.is_some())
                fallback=|| {
                    view! {
                        <p>
                            "No plan is open. Create one from the library below or import a plan file."
                        </p>
                    }
                }
            >
                <div class="details-grid">
                    <TextField
                        label="Plan name"
                        id="plan-name"
                        value=field(|p| &p.name)
                        check=check_name
                        commit=Callback::new(move |v: String| wb.edit_open(|p| p.name = v))
                    />
                    <TextField
                        label="Organization"
                        id="plan-organization"
                        value=field(|p| &p.organization)
                        check=check_free_text
                        commit=Callback::new(move |v: String| wb.edit_open(|p| p.organization = v))
                    />
                </div>
                <TextField
                    label="Challenge statement"
                    id="plan-challenge"
                    value=field(|p| &p.challenge)
                    check=check_free_text
                    commit=Callback::new(move |v: String| wb.edit_open(|p| p.challenge = v))
                    multiline=true
                />
                <Show when=move || open_plan.with(|p| p.as_ref().is_some_and(|p| !p.challenge.contains(&challenge_template(p))))>
                    <p class="toolbar template-offer">
                        <button type="button" on:click=move |_| wb.edit_open(|p| p.challenge = with_template(&p.challenge, &challenge_template(p)))>
                            "Add the book’s starting point"
                        </button>
                        <span class="hint">
                            "Adds each stakeholder group’s misaligned statement and target mindset below what is written, to adapt."
                        </span>
                    </p>
                </Show>
                <p class="plan-contents">
                    {move || open_plan.with(|p| p.as_ref().map(plan_contents))}
                </p>
                <p class="plan-dates">
                    {move || {
                        open_plan
                            .with(|p| {
                                p.as_ref()
                                    .map(|p| {
                                        format!(
                                            "Created {} · last changed {}",
                                            display_timestamp(&p.created),
                                            display_timestamp(&p.updated),
                                        )
                                    })
                            })
                    }}
                </p>
                <div class="toolbar">
                    <ExportPlanButton />
                    <ShareLinkButton />
                </div>
                <PlanFileButtons />
            </Show>
        </section>
    }
}
