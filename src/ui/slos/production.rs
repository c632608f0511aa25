//! The production part of the SLO form: what the rule exports deploy. The SLI's queries,
//! the burn-rate alert tiers, the labels every alert carries and the low-traffic guard.

use leptos::prelude::*;

use crate::model::plan::{Id, SliMetrics, Slo};
use crate::model::slo::production_fields::{
    format_alert_labels, format_guard, parse_alert_labels, parse_guard,
};
use crate::ui::slos::alert_tiers::AlertTiers;
use crate::ui::slos::queries::SloQueries;
use crate::ui::widgets::checked_field::CheckedField;
use crate::ui::workbook::Workbook;

/// Queries, alert tiers, alert labels and the low-traffic guard of one SLO.
#[component]
pub fn SloProduction(id: Id, slo: Memo<Option<Slo>>) -> impl IntoView {
    view! {
        <h3 class="form-section">"In production"</h3>
        <p class="hint">"What the rule exports deploy: where the SLI comes from, and when and how the alerts fire."</p>
        <SloQueries id=id.clone() slo />
        <AlertTiers id=id.clone() slo />
        <div class="field-row alert-extras">
            <AlertLabels id=id.clone() slo />
            <LowTrafficGuard id slo />
        </div>
    }
}

/// "Alert labels": `name=value` lines, committed when every line is right.
#[component]
fn AlertLabels(id: Id, slo: Memo<Option<Slo>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let stored = Memo::new(move |_| slo.with(|s| s.as_ref().map(|s| s.alerting.labels.clone())));
    let draft = RwSignal::new(format_alert_labels(
        &stored.get_untracked().unwrap_or_default(),
    ));
    let problem = RwSignal::new(None::<String>);
    // Labels changed elsewhere (undo, another tab) show, unless the text already says so.
    Effect::new(move |_| {
        let Some(current) = stored.get() else { return };
        if draft.with_untracked(|d| parse_alert_labels(d).ok()) != Some(current.clone()) {
            draft.set(format_alert_labels(&current));
            problem.set(None);
        }
    });
    let on_input = Callback::new(move |typed: String| {
        let read = parse_alert_labels(&typed);
        draft.set(typed);
        match read {
            Ok(labels) => {
                problem.set(None);
                if stored.with_untracked(|s| s.as_ref() != Some(&labels)) {
                    wb.edit_part::<Slo>(&id, |s| s.alerting.labels = labels);
                }
            }
            Err(message) => problem.set(Some(message)),
        }
    });
    view! {
        <CheckedField
            label="Alert labels"
            id="slo-alert-labels"
            text=draft
            problem
            on_input
            hint=Some("One per line as name=value, e.g. team=checkout. Every alert of this SLO carries them, beside severity, slo and service.")
            rows=4
            code=true
        />
    }
}

/// "Minimum events per hour for alerting": empty for no guard.
#[component]
fn LowTrafficGuard(id: Id, slo: Memo<Option<Slo>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let stored =
        Memo::new(move |_| slo.with(|s| s.as_ref().map(|s| s.alerting.min_events_per_hour)));
    let draft = RwSignal::new(format_guard(stored.get_untracked().flatten()));
    let problem = RwSignal::new(None::<String>);
    // A gauge against a threshold counts no events: said here, not dropped in silence.
    let time_slices = Memo::new(move |_| {
        slo.with(|s| {
            matches!(
                s.as_ref().and_then(|s| s.metrics.as_ref()),
                Some(SliMetrics::TimeSlices { .. })
            )
        })
    });
    Effect::new(move |_| {
        let Some(current) = stored.get() else { return };
        if draft.with_untracked(|d| parse_guard(d).ok()) != Some(current) {
            draft.set(format_guard(current));
            problem.set(None);
        }
    });
    let on_input = Callback::new(move |typed: String| {
        let read = parse_guard(&typed);
        draft.set(typed);
        match read {
            Ok(guard) => {
                problem.set(None);
                if stored.get_untracked() != Some(guard) {
                    wb.edit_part::<Slo>(&id, |s| s.alerting.min_events_per_hour = guard);
                }
            }
            Err(message) => problem.set(Some(message)),
        }
    });
    view! {
        <CheckedField
            label="Minimum events per hour for alerting"
            id="slo-alert-guard"
            text=draft
            problem
            on_input
            hint=Some("Alerts stay silent when fewer events arrived in the last hour. Leave empty for no guard.")
            inputmode="decimal"
        />
        {move || time_slices.get().then(|| view! {
            <p class="hint" data-testid="guard-time-slices">
                "This SLI is a gauge against a threshold (time slices): it counts no events, so the guard is neither written into the Prometheus rules nor replayed over a history."
            </p>
        })}
    }
}
