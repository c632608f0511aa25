//! The coaching plan: actions with their groups, teams, owner, due date and status;
//! overdue ones stand out.

use leptos::prelude::*;

use super::gaps::is_overdue;
use crate::model::plan::calendar::parse_date;
use crate::model::plan::{ActionStatus, CoachingAction, Id};
use crate::model::transition::ops::add_action;
use crate::ui::browser::today;
use crate::ui::widgets::confirm_button::ConfirmButton;
use crate::ui::widgets::date_field::DateField;
use crate::ui::widgets::text_field::{no_check, TextField};
use crate::ui::workbook::Workbook;

const STATUSES: [(ActionStatus, &str, &str); 3] = [
    (ActionStatus::Planned, "planned", "Planned"),
    (ActionStatus::InProgress, "in_progress", "In progress"),
    (ActionStatus::Done, "done", "Done"),
];

fn check_title(title: &str) -> Option<String> {
    title
        .trim()
        .is_empty()
        .then(|| "Say what will be done.".to_string())
}

/// All coaching actions, with "Add action".
#[component]
pub fn ActionsSection() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let ids = move || wb.part_ids::<CoachingAction>();
    let overdue = move || {
        let today = today();
        plan.with(|p| {
            p.iter()
                .flat_map(|p| p.transition.actions.iter())
                .filter(|a| is_overdue(a.due.as_deref(), a.status, today))
                .count()
        })
    };
    view! {
        <section class="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading">"Coaching actions"</h2>
            <p class="hint">
                {move || match overdue() {
                    0 => "No action is overdue.".to_string(),
                    1 => "1 action is overdue.".to_string(),
                    n => format!("{n} actions are overdue."),
                }}
            </p>
            <div class="catalog-grid">
                <For each=ids key=|id| id.clone() children=move |id| view! { <ActionCard id /> } />
            </div>
            <button
                type="button"
                on:click=move |_| wb.edit_open(|p| {
                    add_action(p, "New coaching action", None, None, "");
                })
            >
                "Add action"
            </button>
        </section>
    }
}

#[component]
fn ActionCard(id: Id) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let key = StoredValue::new(id.clone());
    let action = wb.part::<CoachingAction>(id.clone());
    let text = move |read: fn(&CoachingAction) -> String| {
        Signal::derive(move || action.with(|a| a.as_ref().map(read).unwrap_or_default()))
    };
    let set_text = move |apply: fn(&mut CoachingAction, String)| {
        Callback::new(move |v: String| {
            key.with_value(|id| wb.edit_part::<CoachingAction>(id, |a| apply(a, v)))
        })
    };
    let title = text(|a| a.title.clone());
    let overdue = move || {
        action.with(|a| {
            a.as_ref()
                .is_some_and(|a| is_overdue(a.due.as_deref(), a.status, today()))
        })
    };
    let options = move |groups: bool| {
        plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            if groups {
                p.transition
                    .groups
                    .iter()
                    .map(|g| (g.id.clone(), g.name.clone()))
                    .collect::<Vec<_>>()
            } else {
                p.transition
                    .teams
                    .iter()
                    .map(|t| (t.id.clone(), t.name.clone()))
                    .collect::<Vec<_>>()
            }
        })
    };
    let checkboxes = move |groups: bool| {
        let kind = if groups { "group" } else { "team" };
        options(groups)
            .into_iter()
            .map(|(oid, oname)| {
                let box_id = format!("action-{}-{kind}-{oid}", key.with_value(|k| k.clone()));
                let checked = {
                    let oid = oid.clone();
                    move || action.with(|a| a.as_ref().is_some_and(|a| if groups { a.groups.contains(&oid) } else { a.teams.contains(&oid) }))
                };
                view! {
                    <span class="checkbox">
                        <input
                            id=box_id.clone()
                            type="checkbox"
                            prop:checked=checked
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let oid = oid.clone();
                                key.with_value(|id| {
                                    wb.edit_part::<CoachingAction>(id, |a| {
                                        let list = if groups { &mut a.groups } else { &mut a.teams };
                                        list.retain(|x| *x != oid);
                                        if on {
                                            list.push(oid);
                                        }
                                    })
                                })
                            }
                        />
                        <label for=box_id>{oname}</label>
                    </span>
                }
            })
            .collect_view()
    };
    let status = move || action.with(|a| a.as_ref().map(|a| a.status));
    view! {
        <fieldset class="catalog-card action-card" class:overdue=overdue>
            <legend>
                {move || title.get()}
                <Show when=overdue>
                    <strong class="badge badge--overdue">"Overdue"</strong>
                </Show>
            </legend>
            <TextField label="Action" id=format!("action-title-{id}") value=title check=check_title commit=set_text(|a, v| a.title = v) />
            <div class="field-row">
                <TextField label="Owner" id=format!("action-owner-{id}") value=text(|a| a.owner.clone()) check=no_check commit=set_text(|a, v| a.owner = v) />
                <DateField
                    label="Due"
                    id=format!("action-due-{id}")
                    value=Signal::derive(move || action.with(|a| a.as_ref().and_then(|a| a.due.clone())))
                    change=Callback::new(move |value: String| {
                        let due = parse_date(&value).map(|_| value);
                        key.with_value(|id| wb.edit_part::<CoachingAction>(id, |a| a.due = due));
                    })
                />
                <div class="field">
                    <label for=format!("action-status-{id}")>"Status"</label>
                    <select
                        id=format!("action-status-{id}")
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Some((s, _, _)) = STATUSES.iter().find(|(_, v, _)| *v == value) {
                                let s = *s;
                                key.with_value(|id| wb.edit_part::<CoachingAction>(id, |a| a.status = s));
                            }
                        }
                    >
                        {STATUSES
                            .iter()
                            .map(|(s, v, label)| {
                                let s = *s;
                                view! { <option value=*v selected=move || status() == Some(s)>{*label}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <TextField label="Gap it addresses" id=format!("action-gap-{id}") value=text(|a| a.gap.clone()) check=no_check commit=set_text(|a, v| a.gap = v) />
            <fieldset class="checkbox-group">
                <legend>"For groups"</legend>
                {move || checkboxes(true)}
            </fieldset>
            <fieldset class="checkbox-group">
                <legend>"For teams (none: every team)"</legend>
                {move || checkboxes(false)}
            </fieldset>
            <ConfirmButton
                label="Delete"
                name=Signal::derive(move || format!("Delete action {}", title.get()))
                on_confirm=Callback::new(move |_| key.with_value(|id| wb.edit_open(|p| p.transition.actions.retain(|a| &a.id != id))))
            />
        </fieldset>
    }
}
