//! "Run workshop": an assessment run in a room, one team and one stakeholder group at a
//! time, large enough for a projector. The group's ladder is shown as cards to pick by click
//! or number key, with an Evidence note, Back, Skip and a progress line, and a closing
//! summary of what changed since the previous round. Every pick is an ordinary edit of the
//! shown round (saved and undoable); Escape leaves with nothing lost.

use std::collections::BTreeSet;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::model::plan::defaults::{stage_of_level, STAGE_NAMES};
use crate::model::plan::ids::ById;
use crate::model::plan::{AssessmentRound, StakeholderGroup, LEVEL_COUNT};
use crate::model::transition::ops::{set_level, set_note};
use crate::model::transition::progress::{level_of, rating_of};
use crate::model::transition::workshop::{cells, changes_since_previous, progress_text, Change};
use crate::ui::browser::focus_first_of;
use crate::ui::lazy_parts::LazyParts;
use crate::ui::widgets::modal::show_modal_when_mounted;
use crate::ui::widgets::text_field::{no_check, TextField};
use crate::ui::workbook::Workbook;

/// The "Run workshop" button for the shown round, and the workshop it opens.
#[component]
pub fn Workshop(round: Memo<Option<AssessmentRound>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let parts = expect_context::<LazyParts>();
    let open = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let has_cells = move || {
        plan.with(|p| {
            p.as_ref()
                .is_some_and(|p| !p.transition.teams.is_empty() && !p.transition.groups.is_empty())
        })
    };
    let can_run = move || round.with(Option::is_some) && has_cells();
    view! {
        <button
            type="button"
            class="primary"
            on:click=move |_| {
                failed.set(None);
                open.set(true);
            }
            disabled=move || !can_run()
        >
            "Run workshop"
        </button>
        {move || {
            (!can_run()).then(|| {
                let why = if has_cells() {
                    "A workshop rates a round: start one first."
                } else {
                    "A workshop rates each team’s stakeholder groups: add teams first."
                };
                view! { <span class="hint">{why}</span> }
            })
        }}
        {move || failed.get().map(|why| view! {
            <p class="banner banner--error" role="alert">{format!("The workshop could not be opened: {why}.")}</p>
        })}
        // The workshop's code is a part of its own, fetched when it is first opened.
        <Show when=move || open.get()>
            <Suspense fallback=|| view! { <span class="hint" role="status">"Opening the workshop…"</span> }>
                {move || {
                    let on_close = Callback::new(move |_| open.set(false));
                    Suspend::new(SendWrapper::new(async move {
                        (parts.workshop)(round, on_close).await.unwrap_or_else(|why| {
                            open.set(false);
                            failed.set(Some(why));
                            ().into_any()
                        })
                    }))
                }}
            </Suspense>
        </Show>
    }
}

/// The workshop itself, in a modal dialog.
#[component]
pub fn WorkshopDialog(
    /// The round the workshop rates (fixed when it opens).
    round: Memo<Option<AssessmentRound>>,
    /// Closes the workshop.
    on_close: Callback<()>,
) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let dialog = NodeRef::<html::Dialog>::new();
    show_modal_when_mounted(dialog);
    // The round is fixed when the workshop starts, so picks never land elsewhere.
    let round_id = round.with_untracked(|r| r.as_ref().map(|r| r.id.clone()).unwrap_or_default());
    let round_label =
        round.with_untracked(|r| r.as_ref().map(|r| r.label.clone()).unwrap_or_default());
    let all = Memo::new(move |_| {
        plan.with(|p| p.as_ref().map(|p| cells(&p.transition)).unwrap_or_default())
    });
    let at = RwSignal::new(0usize);
    let rated = RwSignal::new(BTreeSet::<usize>::new());
    let finished = RwSignal::new(false);

    let cell = move || all.with(|c| c.get(at.get()).cloned());
    let names = move || {
        let (team, group) = cell()?;
        plan.with(|p| {
            let t = &p.as_ref()?.transition;
            let team = t.teams.by_id(&team)?;
            let group = t.groups.by_id(&group)?;
            Some((team.name.clone(), group.clone()))
        })
    };
    // The round being rated, as the plan holds it now.
    let round_id_shown = round_id.clone();
    let rated_round = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()?
                .transition
                .rounds
                .by_id(&round_id_shown)
                .cloned()
        })
    });
    let level = Memo::new(move |_| {
        let (team, group) = cell()?;
        rated_round.with(|r| level_of(r.as_ref()?, &team, &group))
    });
    let note = Signal::derive(move || {
        let Some((team, group)) = cell() else {
            return String::new();
        };
        rated_round.with(|r| {
            r.as_ref()
                .and_then(|r| rating_of(r, &team, &group))
                .map(|x| x.note.clone())
                .unwrap_or_default()
        })
    });
    let next = move || {
        let last = all.with(Vec::len).saturating_sub(1);
        if at.get_untracked() >= last {
            finished.set(true);
        } else {
            at.update(|i| *i += 1);
        }
    };
    let back = move || {
        if finished.get_untracked() {
            finished.set(false);
        } else {
            at.update(|i| *i = i.saturating_sub(1));
        }
    };
    // Each new cell (and the summary) starts with focus on its picked card, else the first.
    Effect::new(move |_| {
        at.track();
        finished.track();
        focus_first_of(&[
            ".workshop .level-card[aria-pressed=\"true\"]",
            ".workshop .level-card",
            ".workshop-summary ~ .workshop-tools button:last-child",
        ]);
    });
    let round_id_pick = round_id.clone();
    let pick = Callback::new(move |level: u8| {
        let Some((team, group)) = cell() else { return };
        wb.edit_open(|p| set_level(p, &round_id_pick, &team, &group, level));
        rated.update(|r| {
            r.insert(at.get_untracked());
        });
    });
    let keys = listen_for_keys(
        finished,
        Callback::new(move |()| next()),
        Callback::new(move |()| back()),
        pick,
    );
    on_cleanup(move || keys.remove());
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        on_close.run(());
    };
    let summary = move || {
        plan.with(|p| {
            let t = &p.as_ref()?.transition;
            rated_round.with(|r| Some(changes_since_previous(t, r.as_ref()?)))
        })
    };
    let round_id_evidence = round_id.clone();
    view! {
        <dialog
            class="dialog workshop"
            node_ref=dialog
            aria-labelledby="workshop-title"
            on:cancel=move |e: ev::Event| {
                e.prevent_default();
                close();
            }
        >
            <header class="workshop-head">
                <h2 id="workshop-title">{format!("Assessment workshop — {round_label}")}</h2>
                <p class="workshop-progress" role="status">
                    {move || progress_text(rated.with(BTreeSet::len), all.with(Vec::len))}
                </p>
            </header>
            {move || {
                if finished.get() {
                    let (previous, changes) = summary().unwrap_or_default();
                    return view! { <WorkshopSummary previous changes /> }.into_any();
                }
                let Some((team, group)) = names() else {
                    return view! { <p>"This cell is gone from the plan."</p> }.into_any();
                };
                let (team_id, group_id) = cell().unwrap_or_default();
                let round_id = round_id_evidence.clone();
                let save_note = Callback::new(move |v: String| {
                    wb.edit_open(|p| set_note(p, &round_id, &team_id, &group_id, v))
                });
                view! { <WorkshopCell team group level pick note save_note /> }.into_any()
            }}
            <p class="hint workshop-keys">"Keys: 0–4 pick a level · → next · ← back · S skip · Esc leaves (every rating is already saved)."</p>
            <div class="toolbar workshop-tools">
                <button type="button" on:click=move |_| back() disabled=move || at.get() == 0 && !finished.get()>"Back"</button>
                <Show when=move || !finished.get()>
                    <button type="button" on:click=move |_| next()>"Skip"</button>
                    <button type="button" class="primary" on:click=move |_| next() disabled=move || level.with(Option::is_none)>"Next"</button>
                </Show>
                <button type="button" on:click=move |_| close()>
                    {move || if finished.get() { "Close workshop" } else { "Leave workshop" }}
                </button>
            </div>
        </dialog>
    }
}

/// The closing summary: what changed since the previous round (`previous` is its label,
/// empty for the first round).
#[component]
fn WorkshopSummary(previous: String, changes: Vec<Change>) -> impl IntoView {
    let heading = if previous.is_empty() {
        "The first round: nothing to compare with yet.".to_string()
    } else if changes.is_empty() {
        format!("No rating changed since {previous}.")
    } else {
        format!("{} changed since {previous}:", changes.len())
    };
    view! {
        <section class="workshop-summary" aria-labelledby="workshop-summary-heading">
            <h3 id="workshop-summary-heading">"Summary"</h3>
            <p>{heading}</p>
            <ul>{changes.into_iter().map(|c| view! { <li>{c.text()}</li> }).collect_view()}</ul>
            <p class="hint">"Every rating is saved in the round and can be undone like any edit."</p>
        </section>
    }
}

/// A group's ladder as cards, one per level; the picked one is pressed.
#[component]
fn LevelCards(
    label: String,
    levels: Vec<String>,
    level: Memo<Option<u8>>,
    pick: Callback<u8>,
) -> impl IntoView {
    let cards = levels
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let l = i as u8;
            view! {
                <li>
                    <button
                        type="button"
                        class=format!("level-card stage-{}", stage_of_level(l))
                        aria-pressed=move || if level.get() == Some(l) { "true" } else { "false" }
                        on:click=move |_| pick.run(l)
                    >
                        <span class="level-number">{format!("{l}")}</span>
                        <span class="level-stage">{STAGE_NAMES[stage_of_level(l)]}</span>
                        <span class="level-text">{text}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="level-cards" aria-label=label>{cards}</ul> }
}

/// The workshop's keys, wherever focus is in it (a picked card keeps it), except while
/// typing evidence: 0–4 pick, → or S next, ← back (also from the summary).
fn listen_for_keys(
    finished: RwSignal<bool>,
    next: Callback<()>,
    back: Callback<()>,
    pick: Callback<u8>,
) -> WindowListenerHandle {
    window_event_listener(ev::keydown, move |e: ev::KeyboardEvent| {
        let typing = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"));
        if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let key = e.key();
        if finished.get_untracked() {
            if key == "ArrowLeft" {
                e.prevent_default();
                back.run(());
            }
            return;
        }
        match key.as_str() {
            "ArrowRight" | "s" | "S" => next.run(()),
            "ArrowLeft" => back.run(()),
            _ => match key
                .parse::<u8>()
                .ok()
                .filter(|l| usize::from(*l) < LEVEL_COUNT)
            {
                Some(level) => pick.run(level),
                None => return,
            },
        }
        e.prevent_default();
    })
}

/// One team and stakeholder group: the group's mindsets, its ladder as cards, and the
/// evidence for the picked level.
#[component]
fn WorkshopCell(
    team: String,
    group: StakeholderGroup,
    level: Memo<Option<u8>>,
    pick: Callback<u8>,
    note: Signal<String>,
    save_note: Callback<String>,
) -> impl IntoView {
    view! {
        <p class="workshop-cell">
            <span class="workshop-team">{team.clone()}</span>
            " × "
            <span class="workshop-group">{group.name.clone()}</span>
        </p>
        <p class="hint">{format!("Misaligned: {} Target mindset: {}", group.misaligned, group.target_mindset)}</p>
        <LevelCards label=format!("Level of {} in {team}", group.name) levels=group.levels level pick />
        <Show
            when=move || level.with(Option::is_some)
            fallback=|| view! { <p class="hint">"Pick a level to note the evidence for it."</p> }
        >
            <TextField
                label="Evidence"
                id="workshop-evidence"
                value=note
                check=no_check
                commit=save_note
                multiline=true
            />
        </Show>
    }
}
