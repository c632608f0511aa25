//! "Getting started": the plan's first steps in the book's order, each ticked by what the
//! plan holds and linking to where it is done. Shown whole at the top of the Plans page, and
//! as its next step on the Overview; hidden per plan (a preference of this browser).

use leptos::prelude::*;

use crate::model::plan::getting_started::{steps_done, Step};
use crate::storage::browser::BrowserStore;
use crate::storage::library::{load_hidden_checklists, save_hidden_checklists};
use crate::ui::browser::{replace_hash, scroll_to_element};
use crate::ui::route::{item_hash, Route};
use crate::ui::workbook::Workbook;

/// Where each step is done.
fn link(step: Step) -> String {
    match step {
        Step::Challenge => item_hash(Route::Plans, "challenge"),
        Step::Teams => item_hash(Route::Transition, "setup"),
        Step::FirstRound => item_hash(Route::Transition, "rounds"),
        Step::Targets => item_hash(Route::Transition, "trend"),
        Step::Slos | Step::Policies => Route::Slos.hash().to_string(),
        Step::Scenario => Route::Scenarios.hash().to_string(),
    }
}

/// Whether the open plan's list is hidden, and the way to hide or show it.
#[derive(Clone, Copy)]
struct Hidden {
    ids: RwSignal<Vec<String>>,
    plan: Memo<Option<String>>,
}

impl Hidden {
    fn new() -> Self {
        let wb = expect_context::<Workbook>();
        Hidden {
            ids: RwSignal::new(load_hidden_checklists(&BrowserStore)),
            plan: Memo::new(move |_| wb.open_id.get()),
        }
    }

    fn get(self) -> bool {
        self.plan.with(|id| {
            id.as_ref()
                .is_some_and(|id| self.ids.with(|ids| ids.contains(id)))
        })
    }

    fn set(self, hide: bool) {
        let Some(id) = self.plan.get_untracked() else {
            return;
        };
        self.ids.update(|ids| {
            ids.retain(|x| *x != id);
            if hide {
                ids.push(id);
            }
        });
        // Only a preference: if it cannot be stored, the list is hidden in this tab only.
        let _ = self
            .ids
            .with_untracked(|ids| save_hidden_checklists(&BrowserStore, ids));
    }
}

/// The whole checklist, for the top of the Plans page.
#[component]
pub fn GettingStarted() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let hidden = Hidden::new();
    let steps = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    Step::ALL
                        .iter()
                        .map(|s| (*s, s.done(p), s.progress(p)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let done = move || steps.with(|s| s.iter().filter(|x| x.1).count());
    move || {
        if steps.with(Vec::is_empty) {
            return None;
        }
        if hidden.get() {
            return Some(
                view! {
                    <p class="getting-started-hidden">
                        <button type="button" class="link" on:click=move |_| hidden.set(false)>
                            "Show “Getting started”"
                        </button>
                    </p>
                }
                .into_any(),
            );
        }
        Some(
            view! {
                <section class="card getting-started" aria-labelledby="getting-started-heading">
                    <div class="getting-started-head">
                        <h2 id="getting-started-heading">"Getting started"</h2>
                        <p class="hint" data-figure="steps-done">{format!("{} of {} steps done", done(), Step::ALL.len())}</p>
                        <button type="button" on:click=move |_| hidden.set(true)>"Hide this list"</button>
                    </div>
                    <ol class="checklist">
                        {steps
                            .get()
                            .into_iter()
                            .map(|(step, done, progress)| {
                                view! {
                                    <li class=if done { "step done" } else { "step" }>
                                        <span class="tick" aria-hidden="true">{if done { "✓" } else { "" }}</span>
                                        <a href=link(step) on:click=move |e| {
                                            // The challenge is on this page: no route change to scroll there.
                                            if step == Step::Challenge {
                                                e.prevent_default();
                                                replace_hash(&link(step));
                                                scroll_to_element("plan-challenge");
                                            }
                                        }>{step.title()}</a>
                                        <span class="step-state">
                                            {if done { "Done" } else { "To do" }}
                                            {progress.map(|p| format!(" · {p}"))}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </section>
            }
            .into_any(),
        )
    }
}

/// One line for the Overview: how many steps are done and the next one, unless the list is
/// hidden or every step is done.
#[component]
pub fn NextStep() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let hidden = Hidden::new();
    let next = Memo::new(move |_| {
        plan.with(|p| {
            let p = p.as_ref()?;
            let step = Step::ALL.into_iter().find(|s| !s.done(p))?;
            Some((steps_done(p), step))
        })
    });
    move || {
        let (done, step) = next.get()?;
        (!hidden.get()).then(|| {
            view! {
                <p class="next-step">
                    {format!("Getting started: {done} of {} steps done. Next: ", Step::ALL.len())}
                    <a href=link(step)>{step.title()}</a>
                </p>
            }
        })
    }
}
