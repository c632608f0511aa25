//! The incidents or maintenance windows of a scenario: each one's label, start (day and
//! time of day), duration and error ratio, with Add and Remove.

use leptos::prelude::*;

use super::ScenarioAndSlo;
use crate::model::plan::{ErrorSpan, Id, Scenario};
use crate::model::scenario::fields::{
    day_and_time, format_time_of_day, parse_day, parse_duration_minutes, parse_time_of_day,
    ratio_to_percent, window_minute,
};
use crate::model::scenario::ops::{add_span, edit_span, remove_span, spans, SpanKind};
use crate::model::slo::fields::parse_ratio_percent;
use crate::ui::widgets::number_field::NumberField;
use crate::ui::widgets::text_field::TextField;
use crate::ui::workbook::Workbook;

fn check_label(label: &str) -> Option<String> {
    (label.chars().count() > 200).then(|| "Keep the label under 200 characters.".to_string())
}

/// The list editor for one kind of span.
#[component]
pub fn SpanList(
    /// The scenario being edited.
    id: Id,
    /// The scenario and its SLO.
    played: Memo<Option<ScenarioAndSlo>>,
    /// Incidents or maintenance windows.
    kind: SpanKind,
) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let key = StoredValue::new(id);
    let count = Memo::new(move |_| {
        played.with(|p| p.as_ref().map(|(s, _)| spans(s, kind).len()).unwrap_or(0))
    });
    let (noun, add_label) = match kind {
        SpanKind::Incident => ("incident", "Add incident"),
        SpanKind::Maintenance => ("maintenance window", "Add maintenance window"),
    };
    let add = move |_| key.with_value(|id| wb.edit_part::<Scenario>(id, |s| add_span(s, kind)));
    view! {
        {move || {
            let n = count.get();
            if n == 0 {
                view! { <p class="hint">{format!("No {noun}s.")}</p> }.into_any()
            } else {
                (0..n)
                    .map(|index| view! { <SpanEditor key played kind index /> })
                    .collect_view()
                    .into_any()
            }
        }}
        <button type="button" on:click=add>{add_label}</button>
    }
}

/// One incident or maintenance window.
#[component]
fn SpanEditor(
    key: StoredValue<Id>,
    played: Memo<Option<ScenarioAndSlo>>,
    kind: SpanKind,
    index: usize,
) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let span = Memo::new(move |_| {
        played.with(|p| {
            p.as_ref()
                .and_then(|(s, _)| spans(s, kind).get(index).cloned())
        })
    });
    let read = move |f: fn(&ErrorSpan) -> f64| {
        Signal::derive(move || span.with(|s| s.as_ref().map(f).unwrap_or_default()))
    };
    let change = move |apply: Box<dyn FnOnce(&mut ErrorSpan)>| {
        key.with_value(|id| wb.edit_part::<Scenario>(id, |s| edit_span(s, kind, index, apply)))
    };
    let set = move |apply: fn(&mut ErrorSpan, f64)| {
        Callback::new(move |v: f64| change(Box::new(move |s| apply(s, v))))
    };
    let prefix = match kind {
        SpanKind::Incident => format!("incident-{index}"),
        SpanKind::Maintenance => format!("maintenance-{index}"),
    };
    let (noun, ratio_label) = match kind {
        SpanKind::Incident => ("Incident", "Error ratio or share of users affected (%)"),
        SpanKind::Maintenance => ("Maintenance", "Error ratio during it (%)"),
    };
    let legend = move || {
        span.with(|s| {
            format!(
                "{noun} {}: {}",
                index + 1,
                s.as_ref().map(|s| s.label.as_str()).unwrap_or_default()
            )
        })
    };
    let time_problem = RwSignal::new(None::<String>);
    let time_id = format!("{prefix}-time");
    let time_error_id = format!("{time_id}-error");
    let on_time = move |ev: leptos::ev::Event| match parse_time_of_day(&event_target_value(&ev)) {
        Ok(time) => {
            time_problem.set(None);
            change(Box::new(move |s| {
                let (day, _) = day_and_time(s.start_minute);
                s.start_minute = window_minute(day, time);
            }));
        }
        Err(message) => time_problem.set(Some(message)),
    };
    let remove =
        move |_| key.with_value(|id| wb.edit_part::<Scenario>(id, |s| remove_span(s, kind, index)));
    let remove_name = move || format!("Remove {}", legend());
    view! {
        <fieldset class="span">
            <legend>{legend}</legend>
            <TextField
                label="Label"
                id=format!("{prefix}-label")
                value=Signal::derive(move || span.with(|s| s.as_ref().map(|s| s.label.clone()).unwrap_or_default()))
                check=check_label
                commit=Callback::new(move |v: String| change(Box::new(move |s| s.label = v)))
            />
            <div class="field-row">
                <NumberField
                    label="Start day"
                    id=format!("{prefix}-day")
                    value=read(|s| day_and_time(s.start_minute).0 as f64)
                    parse=parse_day
                    commit=set(|s, v| s.start_minute = window_minute(v as u32, day_and_time(s.start_minute).1))
                />
                <div class="field">
                    <label for=time_id.clone()>"Start time"</label>
                    <input
                        id=time_id
                        type="time"
                        prop:value=move || span.with(|s| s.as_ref().map(|s| format_time_of_day(day_and_time(s.start_minute).1)).unwrap_or_default())
                        on:change=on_time
                        aria-describedby=time_error_id.clone()
                        aria-invalid=move || time_problem.with(|p| p.is_some()).then_some("true")
                    />
                    <p id=time_error_id class="field-error" aria-live="polite">{move || time_problem.get()}</p>
                </div>
                <NumberField
                    label="Duration (min)"
                    id=format!("{prefix}-duration")
                    value=read(|s| s.duration_minutes as f64)
                    parse=parse_duration_minutes
                    commit=set(|s, v| s.duration_minutes = v as u32)
                />
                <NumberField
                    label=ratio_label
                    id=format!("{prefix}-ratio")
                    value=read(|s| ratio_to_percent(s.error_ratio))
                    parse=parse_ratio_percent
                    commit=set(|s, v| s.error_ratio = v / 100.0)
                />
            </div>
            <button type="button" class="danger subtle" aria-label=remove_name on:click=remove>
                "Remove"
            </button>
        </fieldset>
    }
}
