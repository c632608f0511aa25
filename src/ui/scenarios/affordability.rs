//! What the budget affords: how many incidents of a given length and error ratio fit in the
//! scenario's budget, and how long a full outage takes to empty it.

use leptos::prelude::*;

use super::ScenarioAndSlo;
use crate::model::scenario::fields::parse_duration_minutes;
use crate::model::scenario::monte_carlo::affordability;
use crate::model::slo::budget::{format_duration, ErrorBudget};
use crate::model::slo::fields::parse_ratio_percent;
use crate::model::slo::figures::{amount_of, format_number};
use crate::ui::widgets::number_field::NumberField;

/// The affordability answer for the scenario's SLO (or its override target).
#[component]
pub fn Affordability(played: Memo<Option<ScenarioAndSlo>>) -> impl IntoView {
    let minutes = RwSignal::new(30.0_f64);
    let percent = RwSignal::new(100.0_f64);
    let answer = move || {
        played.with(|p| {
            let (s, slo) = p.as_ref()?;
            let target = s.target_override_percent.unwrap_or(slo.target_percent);
            let budget = ErrorBudget::new(target, f64::from(slo.window.days()));
            let (count, outage) = affordability(&budget, minutes.get(), percent.get() / 100.0);
            let count_text = if count.is_finite() {
                format!(
                    "{} ({} whole)",
                    amount_of(&format_number(count, 2), "incident", "incidents"),
                    count.floor()
                )
            } else {
                "any number of incidents (they cause no errors)".to_string()
            };
            Some((
                format!(
                    "At {} % over {} days the budget affords {count_text} of {} at {} % errors.",
                    format_number(target, 5),
                    slo.window.days(),
                    format_duration(minutes.get()),
                    format_number(percent.get(), 3),
                ),
                format!("A full outage empties it in {}.", format_duration(outage)),
            ))
        })
    };
    view! {
        <section class="card" aria-labelledby="afford-heading">
            <h2 id="afford-heading">"What the budget affords"</h2>
            <div class="field-row">
                <NumberField
                    label="Incident length (min)"
                    id="afford-minutes"
                    value=minutes
                    parse=parse_duration_minutes
                    commit=Callback::new(move |v| minutes.set(v))
                />
                <NumberField
                    label="Error ratio during it (%)"
                    id="afford-ratio"
                    value=percent
                    parse=parse_ratio_percent
                    commit=Callback::new(move |v| percent.set(v))
                />
            </div>
            {move || {
                answer()
                    .map(|(count, outage)| {
                        view! {
                            <p class="afford-answer" aria-live="polite">{count}</p>
                            <p>{outage}</p>
                        }
                    })
            }}
        </section>
    }
}
