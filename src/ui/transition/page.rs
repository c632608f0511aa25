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
use crate::ui::workbook::Workbook;

/// Where every group stands in every team, how that changes over rounds, and what closes
/// the gaps.
#[component]
pub fn TransitionPage() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let chosen = RwSignal::new(None::<Id>);
    let round = shown_round(plan, chosen);
    view! {
        <h1>"Transition"</h1>
        <p class="lead">
            "Model the move from misalignment on production operations, through collective ownership, to ownership using SRE — stakeholder group by stakeholder group, team by team."
        </p>
        <Show
            when=move || plan.with(|p| p.is_some())
            fallback=|| view! { <p>"No plan is open. Open or create one on the Plans page."</p> }
        >
            <RoundBar round chosen />
            <ReadinessSection round />
            <HeatMap round />
            <TrendSection />
            <GapsSection round />
            <ActionsSection />
            <ActivitiesSection />
            <SetupSection />
        </Show>
    }
}
