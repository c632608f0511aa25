//! Each SLO with its target, budget and state: policy agreed, whether its target is
//! stricter than its dependencies allow, and what its kept history achieved.

use leptos::prelude::*;

use crate::model::overview::next_policy_review;
use crate::model::plan::ids::ById;
use crate::model::slo::figures::{count_of, format_number, overview_rows};
use crate::replay::figures::history_attainment;
use crate::ui::browser::today;
use crate::ui::route::{item_hash, Route};
use crate::ui::widgets::scroll_table::{headings, ScrollTable};
use crate::ui::workbook::Workbook;

/// The "SLOs" card.
#[component]
pub fn SloStates() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let rows =
        Memo::new(move |_| {
            plan.with(|p| {
                let Some(p) = p else { return Vec::new() };
                overview_rows(p)
                    .into_iter()
                    .map(|row| {
                        let slo = p.slo_catalog.slos.by_id(&row.id);
                        let days = slo.map_or(0, |s| s.window.days());
                        let history = p.histories.iter().find(|h| h.slo == row.id).zip(slo).map(
                            |(h, slo)| {
                                history_attainment(h, slo)
                                    .unwrap_or_else(|why| format!("cannot be replayed: {why}"))
                            },
                        );
                        (row, days, history)
                    })
                    .collect::<Vec<_>>()
            })
        });
    let agreed = move || rows.with(|r| r.iter().filter(|(r, _, _)| r.policy_agreed).count());
    let next_review =
        move || plan.with(|p| p.as_ref().and_then(|p| next_policy_review(p, today())));
    view! {
        <section class="card overview-card overview-slos" aria-labelledby="overview-slos">
            <h2 id="overview-slos"><a href=Route::Slos.hash()>"SLOs"<span aria-hidden="true">" →"</span></a></h2>
            {move || {
                let list = rows.get();
                if list.is_empty() {
                    return view! {
                        <p class="empty-state">
                            "No SLOs yet. Add services, user journeys and their SLOs on the "
                            <a href=Route::Slos.hash()>"SLOs"</a>
                            " page."
                        </p>
                    }.into_any();
                }
                let count = list.len();
                view! {
                    <p class="overview-summary">
                        {format!("{}; error-budget policy agreed for {} of them.", count_of(count, "SLO", "SLOs"), agreed())}
                        {next_review().map(|r| format!(" {r}"))}
                    </p>
                    <ScrollTable
                        label="SLOs at a glance"
                        class="overview-table slo-states"
                        headings=headings(&["SLO", "Target", "Error budget", "Policy", "Dependencies"])
                    >
                                {list.into_iter().map(|(row, days, history)| {
                                    // The SLO page says by how much; a glance says whether.
                                    let too_strict = row.state != "OK";
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                <a href=item_hash(Route::Slos, &row.id)>{row.name.clone()}</a>
                                                {history.map(|h| view! { <span class="slo-history">{format!("History: {h}")}</span> })}
                                            </th>
                                            <td class="num">{format!("{} %", format_number(row.target_percent, 5))}</td>
                                            <td class="nowrap" title=row.window.clone()>{format!("{} / {days} d", row.budget)}</td>
                                            <td class=if row.policy_agreed { "agreed nowrap" } else { "not-agreed nowrap" }>
                                                {if row.policy_agreed { "Agreed" } else { "Not agreed" }}
                                            </td>
                                            <td class=if too_strict { "warn nowrap" } else { "nowrap" }>
                                                {if too_strict { "Too strict" } else { "OK" }}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                    </ScrollTable>
                }.into_any()
            }}
        </section>
    }
}
