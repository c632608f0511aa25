//! Where each stakeholder group stands in the latest round, and the readiness verdict.

use leptos::prelude::*;

use crate::model::overview::{standing, GroupStanding};
use crate::model::plan::defaults::STAGE_NAMES;
use crate::ui::route::{item_hash, Route};
use crate::ui::workbook::Workbook;

/// The stage spread of one group as a bar of three parts, with the counts in words for
/// screen readers.
fn spread(g: &GroupStanding) -> impl IntoView {
    let label = STAGE_NAMES
        .iter()
        .zip(g.stages)
        .map(|(name, n)| format!("{name}: {n}"))
        .chain((g.unrated > 0).then(|| format!("not rated: {}", g.unrated)))
        .collect::<Vec<_>>()
        .join(", ");
    let parts = g
        .stages
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| {
            view! { <span class=format!("stage stage-{i}") style=format!("flex-grow: {n}")>{*n}</span> }
        })
        .collect_view();
    let unrated = (g.unrated > 0).then(|| {
        view! { <span class="stage unrated" style=format!("flex-grow: {}", g.unrated)>{g.unrated}</span> }
    });
    view! {
        <div class="spread" role="img" aria-label=label>{parts}{unrated}</div>
    }
}

/// The "Where we stand" card.
#[component]
pub fn StandingCard() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let figures = Memo::new(move |_| plan.with(|p| p.as_ref().and_then(standing)));
    view! {
        <section class="card overview-card overview-standing" aria-labelledby="overview-standing">
            <h2 id="overview-standing"><a href=Route::Transition.hash()>"Where we stand"<span aria-hidden="true">" →"</span></a></h2>
            {move || match figures.get() {
                None => view! {
                    <p class="empty-state">
                        "No assessment round yet. Rate each team’s stakeholder groups on the "
                        <a href=item_hash(Route::Transition, "rounds")>"Transition"</a>
                        " page to see where they stand."
                    </p>
                }.into_any(),
                Some(s) => {
                    let class = if s.ready { "verdict ready" } else { "verdict not-ready" };
                    let rows = s.groups.iter().map(|g| view! {
                        <tr>
                            <th scope="row">{g.name.clone()}</th>
                            <td class="spread-cell">{spread(g)}</td>
                            <td class="num">{g.average.map(|a| format!("{a:.1}")).unwrap_or_else(|| "–".into())}</td>
                            <td class="nowrap">{g.target.clone().unwrap_or_else(|| "none set".into())}</td>
                        </tr>
                    }).collect_view();
                    view! {
                        <p class=class data-figure="overview-readiness">{s.verdict}</p>
                            <p class="overview-summary">
                                {format!("Teams per stage in the latest round, {}: ", s.round)}
                                <span class="stage-key" aria-hidden="true">
                                    {STAGE_NAMES.iter().enumerate().map(|(i, n)| view! {
                                        <span><span class=format!("key stage-{i}")></span>{*n}</span>
                                    }).collect_view()}
                                </span>
                            </p>
                        <div class="table-scroll" tabindex="0" role="region" aria-label="Teams per stage (scrolls sideways)">
                        <table class="overview-table standing-table">
                            <caption class="visually-hidden">"Teams per stage in the latest round"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Group"</th>
                                    <th scope="col">"Stage spread"</th>
                                    <th scope="col" class="num">"Mean"</th>
                                    <th scope="col">"Target level"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
