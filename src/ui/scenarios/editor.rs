//! The form of one scenario: name, SLO, target override, baseline errors, release model,
//! incidents and maintenance. Each field is checked as the user types; plan-level problems
//! (an incident after the window ends, say) are listed with where they are.

use leptos::prelude::*;

use super::spans::SpanList;
use super::{scenario_number, set_scenario_number, ScenarioAndSlo};
use crate::model::plan::{Id, Scenario};
use crate::model::scenario::fields::{
    parse_releases_per_week, parse_restore_minutes, ratio_to_percent,
};
use crate::model::scenario::figures::{budget_sentence, scenario_problems};
use crate::model::scenario::ops::{move_to_slo, SpanKind};
use crate::model::slo::fields::{parse_ratio_percent, parse_target};
use crate::ui::widgets::number_field::NumberField;
use crate::ui::widgets::text_field::TextField;
use crate::ui::workbook::Workbook;

fn check_name(name: &str) -> Option<String> {
    name.trim()
        .is_empty()
        .then(|| "The scenario needs a name.".to_string())
}

/// The editable fields of one scenario.
#[component]
pub fn ScenarioEditor(id: Id, played: Memo<Option<ScenarioAndSlo>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let key = StoredValue::new(id.clone());
    let read = move |f| scenario_number(played, f);
    let set = move |apply| set_scenario_number(key, apply);
    let problems = move || {
        let id = key.get_value();
        plan.with(|p| {
            p.as_ref()
                .map(|p| scenario_problems(p, &id))
                .unwrap_or_default()
        })
    };

    view! {
        <section class="card scenario-editor" aria-labelledby="scenario-editor-heading">
            <h2 id="scenario-editor-heading">
                {move || played.with(|p| p.as_ref().map(|(s, _)| format!("Edit “{}”", s.name)))}
            </h2>
            <Show when=move || !problems().is_empty()>
                <div class="banner banner--error" role="alert">
                    <p>"This scenario is not saved until these are fixed:"</p>
                    <ul class="problems">
                        {move || problems().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                </div>
            </Show>
            <TextField
                label="Scenario name"
                id="scenario-name"
                value=Signal::derive(move || played.with(|p| p.as_ref().map(|(s, _)| s.name.clone()).unwrap_or_default()))
                check=check_name
                commit=Callback::new(move |v: String| key.with_value(|id| wb.edit_part::<Scenario>(id, |s| s.name = v)))
            />
            <ScenarioTarget played key />
            <NumberField
                label="Baseline error ratio (%)"
                id="scenario-baseline"
                value=read(|s| ratio_to_percent(s.baseline_error_ratio))
                parse=parse_ratio_percent
                commit=set(|s, v| s.baseline_error_ratio = v / 100.0)
                hint="Errors outside incidents and failed changes, e.g. 0.02."
            />
            <ReleaseModel played key />
            <h3>"Incidents"</h3>
            <SpanList id=id.clone() played kind=SpanKind::Incident />
            <h3>"Planned maintenance"</h3>
            <SpanList id played kind=SpanKind::Maintenance />
        </section>
    }
}

/// The SLO the scenario plays against, the budget that gives, and a target of its own.
#[component]
fn ScenarioTarget(played: Memo<Option<ScenarioAndSlo>>, key: StoredValue<Id>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let read = move |f| scenario_number(played, f);
    let set = move |apply| set_scenario_number(key, apply);
    let slo_options = move || {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| p.slo_catalog.slos.iter())
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let current_slo = move || played.with(|p| p.as_ref().map(|(s, _)| s.slo.clone()));
    let overridden = move || {
        played.with(|p| {
            p.as_ref()
                .is_some_and(|(s, _)| s.target_override_percent.is_some())
        })
    };
    let toggle_override = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        key.with_value(|id| {
            wb.edit_part::<Scenario>(id, |s| {
                s.target_override_percent = on.then_some(99.95);
            })
        });
    };
    let budget_text = move || played.with(|p| p.as_ref().map(|(s, slo)| budget_sentence(s, slo)));
    view! {
        <div class="field">
            <label for="scenario-slo">"SLO"</label>
            <select
                id="scenario-slo"
                on:change=move |ev| {
                    let slo = event_target_value(&ev);
                    key.with_value(|id| wb.edit_open(|p| move_to_slo(p, id, &slo)));
                }
            >
                {move || {
                    let current = current_slo();
                    slo_options()
                        .into_iter()
                        .map(|(id, name)| {
                            let selected = Some(&id) == current.as_ref();
                            view! { <option value=id selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
        <p class="hint">{budget_text}</p>
        <div class="checkbox">
            <input
                id="scenario-override"
                type="checkbox"
                prop:checked=overridden
                on:change=toggle_override
            />
            <label for="scenario-override">"Override the SLO target in this scenario"</label>
        </div>
        <Show when=overridden>
            <NumberField
                label="Target for this scenario (%)"
                id="scenario-target"
                value=read(|s| s.target_override_percent.unwrap_or_default())
                parse=parse_target
                commit=set(|s, v| s.target_override_percent = Some(v))
                hint="Answers “what if we promised this instead”."
            />
        </Show>
    }
}

/// How often the service releases, how often a release fails and what that costs.
#[component]
fn ReleaseModel(played: Memo<Option<ScenarioAndSlo>>, key: StoredValue<Id>) -> impl IntoView {
    let read = move |f| scenario_number(played, f);
    let set = move |apply| set_scenario_number(key, apply);
    view! {
        <fieldset>
            <legend>"Release model"</legend>
            <div class="field-row">
                <NumberField
                    label="Releases per week"
                    id="scenario-releases"
                    value=read(|s| s.releases.releases_per_week)
                    parse=parse_releases_per_week
                    commit=set(|s, v| s.releases.releases_per_week = v)
                />
                <NumberField
                    label="Change failure rate (%)"
                    id="scenario-cfr"
                    value=read(|s| ratio_to_percent(s.releases.change_failure_rate))
                    parse=parse_ratio_percent
                    commit=set(|s, v| s.releases.change_failure_rate = v / 100.0)
                />
                <NumberField
                    label="Time to restore (min)"
                    id="scenario-restore"
                    value=read(|s| s.releases.restore_minutes)
                    parse=parse_restore_minutes
                    commit=set(|s, v| s.releases.restore_minutes = v)
                />
                <NumberField
                    label="Error ratio while broken (%)"
                    id="scenario-release-ratio"
                    value=read(|s| ratio_to_percent(s.releases.error_ratio))
                    parse=parse_ratio_percent
                    commit=set(|s, v| s.releases.error_ratio = v / 100.0)
                />
            </div>
            <p class="hint">
                "The simulation spreads releases evenly over the window; one fails each time the expected number of failures reaches a whole number (20 releases at 5 % → 1 failed change)."
            </p>
        </fieldset>
    }
}
