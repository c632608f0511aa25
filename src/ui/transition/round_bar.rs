//! Choosing the assessment round to show, starting a new one from the latest, and deleting
//! one (confirmed).

use leptos::prelude::*;

use super::workshop::Workshop;
use crate::model::plan::calendar::{format_date, parse_date};
use crate::model::plan::{AssessmentRound, Id};
use crate::model::transition::ops::add_round;
use crate::model::transition::progress::rounds_by_date;
use crate::ui::browser::today;
use crate::ui::widgets::confirm_button::ConfirmButton;
use crate::ui::workbook::Workbook;

/// The round selector with "New round" and "Delete round".
#[component]
pub fn RoundBar(
    round: Memo<Option<AssessmentRound>>,
    chosen: RwSignal<Option<Id>>,
) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let rounds = move || {
        plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    rounds_by_date(&p.transition)
                        .into_iter()
                        .map(|r| (r.id.clone(), format!("{} ({})", r.label, r.date)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let current = move || round.with(|r| r.as_ref().map(|r| r.id.clone()));
    let new_label = RwSignal::new(String::new());
    let new_date = RwSignal::new(format_date(today()));
    let problem = RwSignal::new(None::<String>);
    let create = move |_| {
        let label = new_label.get_untracked().trim().to_string();
        let date = new_date.get_untracked();
        if label.is_empty() {
            problem.set(Some("Give the new round a label, e.g. “Q4 2026”.".into()));
        } else if parse_date(&date).is_none() {
            problem.set(Some("Give the new round a date.".into()));
        } else {
            let mut id = None;
            wb.edit_open(|p| id = Some(add_round(p, &label, &date)));
            chosen.set(id);
            new_label.set(String::new());
            problem.set(None);
        }
    };
    let round_name = Signal::derive(move || {
        round.with(|r| {
            r.as_ref()
                .map(|r| format!("Delete round {}", r.label))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card round-bar" aria-labelledby="rounds-heading">
            <h2 id="rounds-heading">"Assessment rounds"</h2>
            <div class="toolbar">
                <Show
                    when=move || !rounds().is_empty()
                    fallback=|| view! {
                        <p class="empty-state">"No assessment round yet: name the first one below and press New round, then rate each team’s groups."</p>
                    }
                >
                <div class="field">
                    <label for="round-select">"Round shown"</label>
                    <select id="round-select" on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                        {move || {
                            let now = current();
                            rounds()
                                .into_iter()
                                .map(|(id, label)| {
                                    let selected = Some(&id) == now.as_ref();
                                    view! { <option value=id selected=selected>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                </Show>
                <Workshop round />
                <Show when=move || round.with(|r| r.is_some())>
                    <ConfirmButton
                        label="Delete round"
                        name=round_name
                        on_confirm=Callback::new(move |_| {
                            if let Some(id) = current() {
                                wb.edit_open(|p| p.transition.rounds.retain(|r| r.id != id));
                                chosen.set(None);
                            }
                        })
                    />
                </Show>
            </div>
            <form
                class="toolbar new-round"
                on:submit=move |ev| {
                    ev.prevent_default();
                    create(());
                }
            >
                <div class="field">
                    <label for="new-round-label">"New round label"</label>
                    <input
                        id="new-round-label"
                        type="text"
                        placeholder="Q4 2026"
                        prop:value=move || new_label.get()
                        on:input=move |ev| new_label.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="new-round-date">"New round date"</label>
                    <input
                        id="new-round-date"
                        type="date"
                        prop:value=move || new_date.get()
                        on:input=move |ev| new_date.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit">"New round"</button>
            </form>
            <p class="hint">"A new round starts from the latest round's ratings; earlier rounds stay as history."</p>
            <p class="field-error" role="alert">
                {move || problem.get()}
            </p>
        </section>
    }
}
