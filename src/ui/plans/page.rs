//! The Plans page.

use leptos::prelude::*;

use super::getting_started::GettingStarted;
use super::library_table::LibraryTable;
use super::plan_details::PlanDetails;
use crate::ui::browser::{location_hash, scroll_to_element};
use crate::ui::first_screen::Later;
use crate::ui::route::hash_item;

/// The first steps, the open plan's details and the library of all plans.
#[component]
pub fn PlansPage() -> impl IntoView {
    // "Write the challenge statement" links here (`#/plans/challenge`).
    if hash_item(&location_hash()) == Some("challenge") {
        scroll_to_element("plan-challenge");
    }
    view! {
        <h1>"Plans"</h1>
        <GettingStarted />
        <PlanDetails />
        // Below the fold on a phone: drawn in a task of its own.
        <Later>
            <LibraryTable />
        </Later>
    }
}
