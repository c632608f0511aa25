//! Coaching actions due in the next 30 days, overdue ones first.

use leptos::prelude::*;

use crate::model::overview::{actions_due, ACTIONS_HORIZON_DAYS};
use crate::model::transition::progress::action_status_label;
use crate::ui::browser::today;
use crate::ui::route::{item_hash, Route};
use crate::ui::workbook::Workbook;

/// The "Coaching actions due" card.
#[component]
pub fn ActionsDue() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let due = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| actions_due(p, today(), ACTIONS_HORIZON_DAYS))
                .unwrap_or_default()
        })
    });
    let coaching = item_hash(Route::Transition, "coaching");
    view! {
        <section class="card overview-card overview-actions" aria-labelledby="overview-actions">
            <h2 id="overview-actions">
                <a href=coaching.clone()>
                    {format!("Coaching actions due in {ACTIONS_HORIZON_DAYS} days")}
                    <span aria-hidden="true">" →"</span>
                </a>
            </h2>
            {move || {
                let list = due.get();
                if list.is_empty() {
                    return view! {
                        <p class="empty-state">
                            {format!("No coaching action is open and due in the next {ACTIONS_HORIZON_DAYS} days. ")}
                            <a href=coaching.clone()>"Plan coaching actions"</a>
                            " for the gaps the assessment shows."
                        </p>
                    }.into_any();
                }
                view! {
                    <ul class="due-list">
                        {list.into_iter().map(|a| {
                            let class = if a.overdue() { "when overdue" } else { "when" };
                            view! {
                                <li>
                                    <a href=coaching.clone()>{a.title.clone()}</a>
                                    <span class="due-meta">
                                        <span class=class>{a.when()}</span>
                                        {format!(" · {} · {} · {}", a.due, a.owner, action_status_label(a.status))}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
