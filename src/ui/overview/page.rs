//! The Overview page: four cards in two columns (standing and coaching actions due; SLOs
//! and scenarios), laid out to fit one 1280×800 screen for the example plan.

use leptos::prelude::*;

use super::actions_due::ActionsDue;
use super::scenario_outcomes::ScenarioOutcomes;
use super::slo_states::SloStates;
use super::standing::StandingCard;
use crate::model::plan::calendar::format_date;
use crate::ui::browser::today;
use crate::ui::plans::getting_started::NextStep;
use crate::ui::workbook::Workbook;

/// The Overview workspace of the open plan.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let name = move || plan.with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    view! {
        <div class="overview-title">
            <h1>"Overview"</h1>
            <p class="lead">{move || format!("{} on {}", name(), format_date(today()))}</p>
            <NextStep />
        </div>
        <Show
            when=move || plan.with(|p| p.is_some())
            fallback=|| view! { <p>"No plan is open. Open or create one on the " <a href="#/plans">"Plans"</a> " page."</p> }
        >
            <div class="overview-grid">
                <div class="overview-column">
                    <StandingCard />
                    <ActionsDue />
                </div>
                <div class="overview-column">
                    <SloStates />
                    <ScenarioOutcomes />
                </div>
            </div>
        </Show>
    }
}
