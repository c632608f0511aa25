//! The Plans page.

use leptos::prelude::*;

use super::library_table::LibraryTable;
use super::plan_details::PlanDetails;

/// The open plan's details above the library of all plans.
#[component]
pub fn PlansPage() -> impl IntoView {
    view! {
        <h1>"Plans"</h1>
        <PlanDetails />
        <LibraryTable />
    }
}
