//! The production part of the SLO form: what the rule exports deploy. The SLI's queries,
//! the burn-rate alert tiers, the labels every alert carries and the low-traffic guard.

use leptos::prelude::*;

use crate::model::plan::{Id, Slo};
use crate::ui::slos::alert_tiers::AlertTiers;
use crate::ui::slos::queries::SloQueries;

/// Queries, alert tiers, alert labels and the low-traffic guard of one SLO.
#[component]
pub fn SloProduction(id: Id, slo: Memo<Option<Slo>>) -> impl IntoView {
    view! {
        <h3 class="form-section">"In production"</h3>
        <p class="hint">"What the rule exports deploy: where the SLI comes from, and when and how the alerts fire."</p>
        <SloQueries id=id.clone() slo />
        <AlertTiers id slo />
    }
}
