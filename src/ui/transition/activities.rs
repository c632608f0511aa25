//! The book's foundational activities ("minimum viable SRE") per team, derived from the SLO
//! workspace where it knows the answer, and their coverage across rounds.

use leptos::prelude::*;

use crate::model::plan::calendar::format_date;
use crate::model::plan::{ActivityStatus, FoundationalActivity, Id};
use crate::model::transition::ops::set_activity;
use crate::model::transition::progress::{
    activity_label, activity_state, coverage_by_round, Coverage,
};
use crate::ui::browser::today;
use crate::ui::workbook::Workbook;

const STATUSES: [(ActivityStatus, &str, &str); 3] = [
    (ActivityStatus::NotStarted, "not_started", "Not started"),
    (ActivityStatus::InProgress, "in_progress", "In progress"),
    (ActivityStatus::InPlace, "in_place", "In place"),
];

fn status_label(status: ActivityStatus) -> &'static str {
    STATUSES
        .iter()
        .find(|(s, _, _)| *s == status)
        .map(|(_, _, l)| *l)
        .unwrap_or_default()
}

/// Activities per team and coverage per round.
#[component]
pub fn ActivitiesSection() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let teams = move || {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| {
                    p.transition
                        .teams
                        .iter()
                        .map(|t| (t.id.clone(), t.name.clone()))
                })
                .collect::<Vec<_>>()
        })
    };
    let coverage = move || plan.with(|p| p.as_ref().map(coverage_by_round));
    view! {
        <section class="card" aria-labelledby="activities-heading">
            <h2 id="activities-heading">"Foundational activities"</h2>
            <p class="hint">
                "The book's path to a minimum viable SRE. “SLOs defined” and “Decisions made on error budgets” come from the SLO workspace (the team's services have SLOs; their policies are agreed) wherever it knows."
            </p>
            <Show
                when=move || plan.with(|p| p.as_ref().is_some_and(|p| !p.transition.teams.is_empty()))
                fallback=|| view! {
                    <p class="empty-state">
                        "No teams yet: add your product delivery teams under “Teams” on this page (“Groups and teams” in the section list), then record here which foundational activities each has in place."
                    </p>
                }
            >
            <div class="table-scroll">
                <table class="compact activities">
                    <caption class="visually-hidden">"Foundational activities per team"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Team"</th>
                            {FoundationalActivity::ALL.iter().map(|a| view! { <th scope="col">{activity_label(*a)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            teams()
                                .into_iter()
                                .map(|(team, team_name)| {
                                    let cells = FoundationalActivity::ALL
                                        .iter()
                                        .map(|a| view! { <ActivityCell team=team.clone() team_name=team_name.clone() activity=*a /> })
                                        .collect_view();
                                    view! {
                                        <tr>
                                            <th scope="row">{team_name.clone()}</th>
                                            {cells}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            </Show>
            <Show when=move || plan.with(|p| p.as_ref().is_some_and(|p| !p.transition.teams.is_empty()))>
            <h3>"Coverage across rounds"</h3>
            {move || coverage().map(|coverage| view! { <CoverageTable coverage /> })}
            <p class="hint">"A round counts activities recorded as in place on or before its date; “Now” also counts what the SLO workspace derives."</p>
            </Show>
        </section>
    }
}

fn status_class(status: ActivityStatus) -> &'static str {
    match status {
        ActivityStatus::NotStarted => "not-started",
        ActivityStatus::InProgress => "in-progress",
        ActivityStatus::InPlace => "in-place",
    }
}

/// One team's state of one activity: derived from the SLO workspace, or picked here.
#[component]
fn ActivityCell(team: Id, team_name: String, activity: FoundationalActivity) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let state = plan.with(|p| p.as_ref().map(|p| activity_state(p, &team, activity)));
    let Some(state) = state else {
        return ().into_any();
    };
    if state.derived {
        return view! {
            <td class=format!("activity {}", status_class(state.status))>
                {status_label(state.status)}
                <span class="hint">" (from SLOs)"</span>
            </td>
        }
        .into_any();
    }
    let team = team.clone();
    let date = state.date.clone();
    view! {
        <td class=format!("activity {}", status_class(state.status))>
            <select
                aria-label=format!("{} — {team_name}", activity_label(activity))
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some((s, _, _)) = STATUSES.iter().find(|(_, v, _)| *v == value) {
                        let day = format_date(today());
                        wb.edit_open(|p| set_activity(p, &team, activity, *s, &day));
                    }
                }
            >
                {STATUSES
                    .iter()
                    .map(|(s, v, l)| view! { <option value=*v selected=*s == state.status>{*l}</option> })
                    .collect_view()}
            </select>
            {date.map(|d| view! { <span class="hint">{format!(" since {d}")}</span> })}
        </td>
    }
        .into_any()
}

/// The share of teams with each activity in place, per round and now.
#[component]
fn CoverageTable(coverage: Coverage) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Activity coverage per round (scrolls sideways)">
        <table class="compact coverage">
            <caption class="visually-hidden">"Share of teams with each activity in place, per round"</caption>
            <thead>
                <tr>
                    <th scope="col">"Activity"</th>
                    {coverage.rounds.into_iter().map(|l| view! { <th scope="col" class="num">{l}</th> }).collect_view()}
                    <th scope="col" class="num">"Now"</th>
                </tr>
            </thead>
            <tbody>
                {coverage.rows
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr>
                                <th scope="row">{row.activity}</th>
                                {row.per_round.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                                <td class="num">
                                    <strong>{row.now}</strong>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        </div>
    }
}
