//! The gaps: cells below their group's target, largest gap and nearest date first, each
//! with its coaching actions or a prompt to add one from the suggested templates.

use leptos::prelude::*;

use crate::model::plan::calendar::{format_date, parse_date};
use crate::model::plan::ids::ById;
use crate::model::plan::{ActionStatus, AssessmentRound, Plan};
use crate::model::transition::ops::add_action;
use crate::model::transition::progress::{gaps, Gap};
use crate::ui::browser::today;
use crate::ui::workbook::Workbook;

/// The suggested action for a group at a level, or a generic one.
fn suggestion(plan: &Plan, gap: &Gap) -> String {
    plan.transition
        .action_templates
        .iter()
        .filter(|t| t.group == gap.group && t.level <= gap.level)
        .max_by_key(|t| t.level)
        .map(|t| t.title.clone())
        .unwrap_or_else(|| "Coach this group towards its target".to_string())
}

/// Whether an action is past its due date and not done.
pub fn is_overdue(due: Option<&str>, status: ActionStatus, today: i64) -> bool {
    status != ActionStatus::Done && due.and_then(parse_date).is_some_and(|d| d < today)
}

/// The gaps of the shown round.
#[component]
pub fn GapsSection(round: Memo<Option<AssessmentRound>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let rows = move || {
        plan.with(|p| {
            let p = p.as_ref()?;
            let r = round.with(|r| r.clone())?;
            let today = today();
            let name = |list: &[(String, String)], id: &str| {
                list.iter()
                    .find(|(i, _)| i == id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default()
            };
            let teams: Vec<(String, String)> = p
                .transition
                .teams
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect();
            let groups: Vec<(String, String)> = p
                .transition
                .groups
                .iter()
                .map(|g| (g.id.clone(), g.name.clone()))
                .collect();
            Some(
                gaps(&p.transition, &r)
                    .into_iter()
                    .map(|gap| {
                        let actions: Vec<(String, bool, String)> = gap
                            .actions
                            .iter()
                            .filter_map(|id| p.transition.actions.by_id(id))
                            .map(|a| {
                                (
                                    a.title.clone(),
                                    is_overdue(a.due.as_deref(), a.status, today),
                                    format!("{:?}", a.status),
                                )
                            })
                            .collect();
                        (
                            name(&groups, &gap.group),
                            name(&teams, &gap.team),
                            suggestion(p, &gap),
                            gap,
                            actions,
                        )
                    })
                    .collect::<Vec<_>>(),
            )
        })
    };
    view! {
        <section class="card" aria-labelledby="gaps-heading">
            <h2 id="gaps-heading">"Gaps to close"</h2>
            {move || match rows() {
                None => view! { <p class="empty-state">"Set a target per group (under “Trend and targets”) and rate a round to see the gaps."</p> }.into_any(),
                Some(rows) if rows.is_empty() => view! { <p>"No cell is below its group's target in this round."</p> }.into_any(),
                Some(rows) => {
                    view! {
                        <ol class="gaps">
                            {rows
                                .into_iter()
                                .map(|(group_name, team_name, suggested, gap, actions)| {
                                    let heading = format!(
                                        "{group_name} in {team_name}: level {} → {} by {} ({} to go)",
                                        gap.level,
                                        gap.target_level,
                                        gap.target_date,
                                        gap.size()
                                    );
                                    let gap_text = format!("{team_name}: {group_name} at level {}, target {} by {}", gap.level, gap.target_level, gap.target_date);
                                    let (group, team) = (gap.group.clone(), gap.team.clone());
                                    let add = {
                                        let suggested = suggested.clone();
                                        move |_| {
                                            let due = format_date(today() + 30);
                                            wb.edit_open(|p| {
                                                let id = add_action(p, &suggested, Some(&group), Some(&team), &gap_text);
                                                if let Some(a) = p.transition.actions.by_id_mut(&id) {
                                                    a.due = Some(due);
                                                }
                                            })
                                        }
                                    };
                                    view! {
                                        <li>
                                            <p class="gap-heading">{heading}</p>
                                            {if actions.is_empty() {
                                                view! {
                                                    <p class="prompt">
                                                        "No coaching action yet. "
                                                        <button type="button" on:click=add>
                                                            {format!("Add “{suggested}”")}
                                                        </button>
                                                    </p>
                                                }
                                                    .into_any()
                                            } else {
                                                view! {
                                                    <ul class="gap-actions">
                                                        {actions
                                                            .into_iter()
                                                            .map(|(title, overdue, _)| {
                                                                view! {
                                                                    <li class:overdue=overdue>
                                                                        {title}
                                                                        {overdue.then(|| view! { <strong class="badge badge--overdue">"Overdue"</strong> })}
                                                                    </li>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </ul>
                                                }
                                                    .into_any()
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
