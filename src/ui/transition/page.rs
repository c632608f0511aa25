//! The Transition page.

use leptos::prelude::*;

use super::actions::ActionsSection;
use super::activities::ActivitiesSection;
use super::gaps::GapsSection;
use super::heat_map::HeatMap;
use super::readiness::ReadinessSection;
use super::round_bar::RoundBar;
use super::setup::SetupSection;
use super::shown_round;
use super::trend::TrendSection;
use crate::model::plan::Id;
use crate::ui::route::Route;
use crate::ui::widgets::section_index::{IndexEntry, SectionIndex};
use crate::ui::workbook::Workbook;

/// The page's sections, in page order (team setup moves first for a plan without teams).
const SECTIONS: [IndexEntry; 8] = [
    ("rounds", "rounds-heading", "Assessment rounds"),
    ("readiness", "readiness-heading", "Readiness"),
    ("heat-map", "heat-map-heading", "Heat map"),
    ("trend", "trend-heading", "Trend and targets"),
    ("gaps", "gaps-heading", "Gaps to close"),
    ("coaching", "actions-heading", "Coaching actions"),
    (
        "activities",
        "activities-heading",
        "Foundational activities",
    ),
    ("setup", "setup-heading", "Groups and teams"),
];

/// The same sections with team setup first.
const SECTIONS_SETUP_FIRST: [IndexEntry; 8] = [
    SECTIONS[7],
    SECTIONS[0],
    SECTIONS[1],
    SECTIONS[2],
    SECTIONS[3],
    SECTIONS[4],
    SECTIONS[5],
    SECTIONS[6],
];

/// Where every group stands in every team, how that changes over rounds, and what closes
/// the gaps.
#[component]
pub fn TransitionPage() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let chosen = RwSignal::new(None::<Id>);
    let round = shown_round(plan, chosen);
    // A plan without teams starts with listing them. Decided when the page opens, so the
    // section being typed in never moves away while the first team is added.
    let setup_first =
        plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.transition.teams.is_empty()));
    let entries: &'static [IndexEntry] = if setup_first {
        &SECTIONS_SETUP_FIRST
    } else {
        &SECTIONS
    };
    view! {
        <h1>"Transition"</h1>
        <p class="lead">
            "Model the move from misalignment on production operations, through collective ownership, to ownership using SRE — stakeholder group by stakeholder group, team by team."
        </p>
        <Show
            when=move || plan.with(|p| p.is_some())
            fallback=|| view! { <p>"No plan is open. Open or create one on the Plans page."</p> }
        >
            <div class="with-index">
                <SectionIndex route=Route::Transition entries />
                <div class="indexed">
                    {setup_first.then(|| view! { <SetupSection /> })}
                    <RoundBar round chosen />
                    <ReadinessSection round />
                    <HeatMap round />
                    <TrendSection />
                    <GapsSection round />
                    <ActionsSection />
                    <ActivitiesSection />
                    {(!setup_first).then(|| view! { <SetupSection /> })}
                </div>
            </div>
        </Show>
    }
}
