//! The stakeholder groups (with their stance, target mindset and level descriptors) and
//! the teams: rename, add, remove (confirmed).

use leptos::prelude::*;

use crate::model::plan::defaults::{stage_of_level, STAGE_NAMES};
use crate::model::plan::{ActionTemplate, Id, StakeholderGroup, Team, LEVEL_COUNT};
use crate::model::transition::ops::{add_group, add_team, delete_group, delete_team};
use crate::ui::widgets::confirm_button::ConfirmButton;
use crate::ui::widgets::text_field::{check_name, no_check, TextField};
use crate::ui::workbook::Workbook;

/// Groups and teams of the open plan.
#[component]
pub fn SetupSection() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let group_ids = move || wb.part_ids::<StakeholderGroup>();
    let team_ids = move || wb.part_ids::<Team>();
    view! {
        <section class="card" aria-labelledby="setup-heading">
            <h2 id="setup-heading">"Stakeholder groups and teams"</h2>
            <details class="setup">
                <summary>"Stakeholder groups and their maturity ladders"</summary>
                <For each=group_ids key=|id| id.clone() children=move |id| view! { <GroupCard id /> } />
                <button type="button" on:click=move |_| wb.edit_open(|p| { add_group(p); })>
                    "Add group"
                </button>
            </details>
            <h3>"Teams"</h3>
            <Show when=move || team_ids().is_empty()>
                <p class="empty-state">
                    "No teams yet: add each product delivery team. Every team is assessed for every stakeholder group above, so its developers, operations engineers, product managers and executives each get a rating."
                </p>
            </Show>
            <div class="catalog-grid">
                <For each=team_ids key=|id| id.clone() children=move |id| view! { <TeamCard id /> } />
            </div>
            <button type="button" on:click=move |_| wb.edit_open(|p| { add_team(p); })>
                "Add team"
            </button>
        </section>
    }
}

#[component]
fn GroupCard(id: Id) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let key = StoredValue::new(id.clone());
    let group = wb.part::<StakeholderGroup>(id.clone());
    let text = move |read: fn(&StakeholderGroup) -> String| {
        Signal::derive(move || group.with(|g| g.as_ref().map(read).unwrap_or_default()))
    };
    let set_text = move |apply: fn(&mut StakeholderGroup, String)| {
        Callback::new(move |v: String| {
            key.with_value(|id| wb.edit_part::<StakeholderGroup>(id, |g| apply(g, v)))
        })
    };
    let name = text(|g| g.name.clone());
    view! {
        <fieldset class="group-card">
            <legend>{move || name.get()}</legend>
            <TextField label="Group name" id=format!("group-name-{id}") value=name check=check_name commit=set_text(|g, v| g.name = v) />
            <div class="field-row">
                <TextField label="Misaligned today" id=format!("group-misaligned-{id}") value=text(|g| g.misaligned.clone()) check=no_check commit=set_text(|g, v| g.misaligned = v) multiline=true />
                <TextField label="Target mindset" id=format!("group-mindset-{id}") value=text(|g| g.target_mindset.clone()) check=no_check commit=set_text(|g, v| g.target_mindset = v) multiline=true />
            </div>
            {(0..LEVEL_COUNT)
                .map(|level| {
                    let value = Signal::derive(move || group.with(|g| g.as_ref().and_then(|g| g.levels.get(level).cloned()).unwrap_or_default()));
                    view! {
                        <TextField
                            label=format!("Level {level} ({})", STAGE_NAMES[stage_of_level(level as u8)])
                            id=format!("group-level-{id}-{level}")
                            value=value
                            check=no_check
                            commit=Callback::new(move |v: String| key.with_value(|id| wb.edit_part::<StakeholderGroup>(id, |g| {
                                if let Some(slot) = g.levels.get_mut(level) {
                                    *slot = v;
                                }
                            })))
                        />
                    }
                })
                .collect_view()}
            <TemplateList group=id.clone() />
            <ConfirmButton
                label="Delete group"
                name=Signal::derive(move || format!("Delete group {}", name.get()))
                on_confirm=Callback::new(move |_| key.with_value(|id| wb.edit_open(|p| delete_group(p, id))))
            />
        </fieldset>
    }
}

#[component]
fn TeamCard(id: Id) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let key = StoredValue::new(id.clone());
    let team = wb.part::<Team>(id.clone());
    let name = Signal::derive(move || {
        team.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default())
    });
    let description = Signal::derive(move || {
        team.with(|t| {
            t.as_ref()
                .map(|t| t.description.clone())
                .unwrap_or_default()
        })
    });
    let owned = move || {
        key.with_value(|id| {
            plan.with(|p| {
                let names: Vec<String> = p
                    .iter()
                    .flat_map(|p| p.slo_catalog.services.iter())
                    .filter(|s| s.team.as_deref() == Some(id.as_str()))
                    .map(|s| s.name.clone())
                    .collect();
                if names.is_empty() {
                    "Owns no services yet (set owners on the SLOs page).".to_string()
                } else {
                    format!("Owns: {}", names.join(", "))
                }
            })
        })
    };
    view! {
        <fieldset class="catalog-card">
            <legend>{move || name.get()}</legend>
            <TextField
                label="Team name"
                id=format!("team-name-{id}")
                value=name
                check=check_name
                commit=Callback::new(move |v: String| key.with_value(|id| wb.edit_part::<Team>(id, |t| t.name = v)))
            />
            <TextField
                label="What the team builds"
                id=format!("team-description-{id}")
                value=description
                check=no_check
                commit=Callback::new(move |v: String| key.with_value(|id| wb.edit_part::<Team>(id, |t| t.description = v)))
            />
            <p class="hint" data-figure="owned-services">{owned}</p>
            <ConfirmButton
                label="Delete team"
                name=Signal::derive(move || format!("Delete team {}", name.get()))
                on_confirm=Callback::new(move |_| key.with_value(|id| wb.edit_open(|p| delete_team(p, id))))
            />
        </fieldset>
    }
}

/// The group's suggested coaching actions per level, used to fill the backlog from a gap.
#[component]
fn TemplateList(group: Id) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let key = StoredValue::new(group);
    // Indexes into the plan's template list, for this group.
    let indexes = move || {
        key.with_value(|g| {
            plan.with(|p| {
                p.iter()
                    .flat_map(|p| p.transition.action_templates.iter().enumerate())
                    .filter(|(_, t)| &t.group == g)
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <fieldset class="checkbox-group templates">
            <legend>"Suggested coaching actions"</legend>
            {move || {
                indexes()
                    .into_iter()
                    .map(|i| {
                        let template = plan.with(|p| p.as_ref().and_then(|p| p.transition.action_templates.get(i).cloned()));
                        let Some(template) = template else { return ().into_any() };
                        let title = Signal::derive(move || {
                            plan.with(|p| p.as_ref().and_then(|p| p.transition.action_templates.get(i)).map(|t| t.title.clone()).unwrap_or_default())
                        });
                        let id_prefix = key.with_value(|g| format!("template-{g}-{i}"));
                        view! {
                            <div class="template-row">
                                <div class="field">
                                    <label for=format!("{id_prefix}-level")>"At level"</label>
                                    <select
                                        id=format!("{id_prefix}-level")
                                        on:change=move |ev| {
                                            if let Ok(l) = event_target_value(&ev).parse::<u8>() {
                                                wb.edit_open(|p| {
                                                    if let Some(t) = p.transition.action_templates.get_mut(i) {
                                                        t.level = l;
                                                    }
                                                })
                                            }
                                        }
                                    >
                                        {(0..LEVEL_COUNT as u8)
                                            .map(|l| view! { <option value=l.to_string() selected=template.level == l>{l.to_string()}</option> })
                                            .collect_view()}
                                    </select>
                                </div>
                                <TextField
                                    label="Suggested action"
                                    id=format!("{id_prefix}-title")
                                    value=title
                                    check=|t: &str| t.trim().is_empty().then(|| "Say what the action is.".to_string())
                                    commit=Callback::new(move |v: String| wb.edit_open(|p| {
                                        if let Some(t) = p.transition.action_templates.get_mut(i) {
                                            t.title = v;
                                        }
                                    }))
                                />
                                <button
                                    type="button"
                                    aria-label=move || format!("Remove suggestion {}", title.get())
                                    on:click=move |_| wb.edit_open(|p| {
                                        if i < p.transition.action_templates.len() {
                                            p.transition.action_templates.remove(i);
                                        }
                                    })
                                >
                                    "Remove"
                                </button>
                            </div>
                        }
                            .into_any()
                    })
                    .collect_view()
            }}
            <button
                type="button"
                on:click=move |_| key.with_value(|g| {
                    let group = g.clone();
                    wb.edit_open(|p| p.transition.action_templates.push(ActionTemplate {
                        group,
                        level: 0,
                        title: "New suggested action".to_string(),
                    }))
                })
            >
                "Add suggestion"
            </button>
        </fieldset>
    }
}
