//! The plan's scenarios: pick one to edit, choose which are drawn on the comparison chart,
//! add one for an SLO, duplicate one into a variant, delete one.

use leptos::prelude::*;

use crate::model::plan::Id;
use crate::model::scenario::figures::{scenario_list, ScenarioListRow};
use crate::model::scenario::ops::{add_scenario, delete_scenario, duplicate_scenario};
use crate::ui::widgets::confirm_button::ConfirmButton;
use crate::ui::workbook::Workbook;

/// The list of scenarios with New, Duplicate and Delete.
#[component]
pub fn ScenarioList(
    /// The scenario shown in detail.
    selected: Memo<Option<Id>>,
    /// Set when the user picks a scenario.
    chosen: RwSignal<Option<Id>>,
    /// Scenarios left off the comparison.
    hidden: RwSignal<Vec<Id>>,
) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let rows = Memo::new(move |_| plan.with(|p| p.as_ref().map(scenario_list).unwrap_or_default()));
    let slo_options = move || {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| p.slo_catalog.slos.iter())
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let new_for = RwSignal::new(String::new());
    let add = move |_| {
        let slo = new_for.get_untracked();
        let slo = if slo.is_empty() {
            match slo_options().first() {
                Some((id, _)) => id.clone(),
                None => return,
            }
        } else {
            slo
        };
        let mut id = None;
        wb.edit_open(|p| id = Some(add_scenario(p, &slo)));
        chosen.set(id);
    };
    let duplicate = move |_| {
        let Some(id) = selected.get_untracked() else {
            return;
        };
        let mut copy = None;
        wb.edit_open(|p| copy = duplicate_scenario(p, &id));
        if copy.is_some() {
            chosen.set(copy);
        }
    };
    let delete = Callback::new(move |_| {
        if let Some(id) = selected.get_untracked() {
            wb.edit_open(|p| delete_scenario(p, &id));
            chosen.set(None);
        }
    });
    let selected_name = Signal::derive(move || {
        let id = selected.get();
        rows.with(|r| {
            r.iter()
                .find(|r| Some(&r.id) == id.as_ref())
                .map(|r| format!("Delete scenario {}", r.name))
                .unwrap_or_default()
        })
    });

    view! {
        <section class="card" aria-labelledby="scenario-list-heading">
            <h2 id="scenario-list-heading">"Scenarios in this plan"</h2>
            <Show when=move || !rows.with(|r| r.is_empty())>
            <div class="table-scroll">
                <table class="scenario-list stack">
                    <thead>
                        <tr>
                            <th scope="col">"Scenario"</th>
                            <th scope="col">"SLO"</th>
                            <th scope="col">"Target"</th>
                            <th scope="col">"Holds"</th>
                            <th scope="col">"On the chart"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.clone() let:row>
                            <ScenarioRow row selected chosen hidden />
                        </For>
                    </tbody>
                </table>
            </div>
            </Show>
            <Show when=move || rows.with(|r| r.is_empty())>
                <p class="empty-state">
                    "No scenarios yet: pick the SLO below and press New scenario, then add the incidents, baseline errors and releases to play against its error budget."
                </p>
            </Show>
            <div class="toolbar scenario-actions">
                <div class="field inline-field">
                    <label for="new-scenario-slo">"SLO for a new scenario"</label>
                    <select id="new-scenario-slo" on:change=move |ev| new_for.set(event_target_value(&ev))>
                        {move || {
                            slo_options()
                                .into_iter()
                                .map(|(id, name)| view! { <option value=id>{name}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
                <button type="button" on:click=add disabled=move || slo_options().is_empty()>
                    "New scenario"
                </button>
                <button type="button" on:click=duplicate disabled=move || selected.get().is_none()>
                    "Duplicate as variant"
                </button>
                <Show when=move || selected.get().is_some()>
                    <ConfirmButton label="Delete scenario" name=selected_name on_confirm=delete />
                </Show>
            </div>
        </section>
    }
}

/// One scenario of the list: its name picks it, a checkbox draws it on the chart.
#[component]
fn ScenarioRow(
    row: ScenarioListRow,
    selected: Memo<Option<Id>>,
    chosen: RwSignal<Option<Id>>,
    hidden: RwSignal<Vec<Id>>,
) -> impl IntoView {
    let id = row.id.clone();
    let is_selected = {
        let id = id.clone();
        move || selected.get().as_ref() == Some(&id)
    };
    let pressed = is_selected.clone();
    let pick = {
        let id = id.clone();
        move |_| chosen.set(Some(id.clone()))
    };
    let shown = {
        let id = id.clone();
        move || hidden.with(|h| !h.contains(&id))
    };
    let toggle = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            hidden.update(|h| {
                h.retain(|x| x != &id);
                if !on {
                    h.push(id.clone());
                }
            });
        }
    };
    let check_label = format!("Show {} on the chart", row.name);
    view! {
        <tr class:selected=is_selected>
            <th scope="row">
                <button
                    type="button"
                    class="link"
                    aria-pressed=move || if pressed() { "true" } else { "false" }
                    on:click=pick
                >
                    {row.name.clone()}
                </button>
            </th>
            <td data-label="SLO">{row.slo.clone()}</td>
            <td data-label="Target" class="num">{row.target.clone()}</td>
            <td data-label="Holds">{row.summary.clone()}</td>
            <td data-label="On the chart">
                <input
                    type="checkbox"
                    aria-label=check_label
                    prop:checked=shown
                    on:change=toggle
                />
            </td>
        </tr>
    }
}
