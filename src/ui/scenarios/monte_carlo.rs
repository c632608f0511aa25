//! The Monte Carlo panel: its settings (kept in the plan), a run done in time-sliced chunks
//! with progress and Cancel so the page stays responsive, and the result in words,
//! numbers and a histogram.

use std::time::Duration;

use leptos::prelude::*;

use super::{scenario_number, set_scenario_number, ScenarioAndSlo};
use crate::charts::histogram_chart::{histogram_svg, Bar};
use crate::model::plan::Id;
use crate::model::scenario::fields::{
    parse_duration_minutes, parse_incident_rate, parse_runs, parse_seed, ratio_to_percent,
};
use crate::model::scenario::figures::{monte_carlo_figures, MonteCarloFigures};
use crate::model::scenario::monte_carlo::MonteCarlo;
use crate::model::slo::budget::format_count;
use crate::model::slo::fields::parse_ratio_percent;
use crate::ui::browser::{mark, measure_since};
use crate::ui::monte_carlo_odds::MonteCarloOdds;
use crate::ui::widgets::downloads::SvgDownload;
use crate::ui::widgets::number_field::NumberField;

/// Runs between checks of the clock.
const CHUNK: u32 = 250;
/// Milliseconds of work before the page gets the thread back.
const SLICE_MS: f64 = 12.0;

/// Where a run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    Running,
    Cancelled,
    Done,
}

/// A finished (or cancelled) run, as shown, with the inputs it ran on.
#[derive(Clone, Debug, PartialEq)]
struct Outcome {
    inputs: ScenarioAndSlo,
    figures: MonteCarloFigures,
    millis: f64,
}

/// The signals of a run, all `Copy`, so the chunk loop can carry them.
#[derive(Clone, Copy)]
struct RunState {
    mc: StoredValue<Option<MonteCarlo>>,
    inputs: StoredValue<Option<ScenarioAndSlo>>,
    phase: RwSignal<Phase>,
    progress: RwSignal<(u32, u32)>,
    outcome: RwSignal<Option<Outcome>>,
    started: StoredValue<f64>,
    /// Where finished runs' odds are kept for the Overview.
    shared: Option<MonteCarloOdds>,
}

impl RunState {
    fn finish(self, phase: Phase) {
        measure_since("monte-carlo", "monte-carlo-start");
        let millis = js_sys::Date::now() - self.started.get_value();
        let inputs = self.inputs.get_value();
        let result = self.mc.with_value(|mc| {
            mc.as_ref().zip(inputs).map(|(mc, inputs)| Outcome {
                inputs,
                figures: monte_carlo_figures(mc),
                millis,
            })
        });
        if let (Phase::Done, Some(shared), Some(o)) = (phase, self.shared, result.as_ref()) {
            shared.record(o.inputs.clone(), o.figures.odds.clone());
        }
        self.outcome.set(result);
        self.phase.set(phase);
    }

    /// Does runs for one time slice, then yields to the page and comes back.
    fn slice(self) {
        if self.phase.try_get_untracked() != Some(Phase::Running) {
            return;
        }
        let start = js_sys::Date::now();
        let Some(Some((done, asked))) = self.mc.try_update_value(|mc| {
            mc.as_mut().map(|mc| {
                while mc.remaining() > 0 && js_sys::Date::now() - start < SLICE_MS {
                    mc.step(CHUNK);
                }
                (mc.done(), mc.runs)
            })
        }) else {
            return;
        };
        self.progress.set((done, asked));
        if done >= asked {
            self.finish(Phase::Done);
        } else {
            set_timeout(move || self.slice(), Duration::ZERO);
        }
    }
}

/// Settings, Run and Cancel, progress and the result for one scenario.
#[component]
pub fn MonteCarloPanel(id: Id, played: Memo<Option<ScenarioAndSlo>>) -> impl IntoView {
    let key = StoredValue::new(id);
    let state = RunState {
        mc: StoredValue::new(None),
        inputs: StoredValue::new(None),
        phase: RwSignal::new(Phase::Idle),
        progress: RwSignal::new((0, 0)),
        outcome: RwSignal::new(None),
        started: StoredValue::new(0.0),
        shared: use_context::<MonteCarloOdds>(),
    };
    let run = move |_| {
        let Some(inputs) = played.get_untracked() else {
            return;
        };
        let mc = MonteCarlo::new(&inputs.0, &inputs.1);
        state.progress.set((0, mc.runs));
        state.mc.set_value(Some(mc));
        state.inputs.set_value(Some(inputs));
        state.started.set_value(js_sys::Date::now());
        mark("monte-carlo-start");
        state.outcome.set(None);
        state.phase.set(Phase::Running);
        set_timeout(move || state.slice(), Duration::ZERO);
    };
    let cancel = move |_| {
        if state.phase.get_untracked() == Phase::Running {
            state.finish(Phase::Cancelled);
        }
    };
    let running = move || state.phase.get() == Phase::Running;
    let status = move || {
        let (done, asked) = state.progress.get();
        match state.phase.get() {
            Phase::Idle => String::new(),
            Phase::Running => format!(
                "Running: {} of {} runs",
                format_count(done as f64),
                format_count(asked as f64)
            ),
            Phase::Cancelled => format!(
                "Cancelled after {} of {} runs; the result below is from those runs.",
                format_count(done as f64),
                format_count(asked as f64)
            ),
            Phase::Done => format!(
                "Done: {} runs in {} ms.",
                format_count(done as f64),
                state.outcome.with(|o| o
                    .as_ref()
                    .map(|o| format!("{:.0}", o.millis))
                    .unwrap_or_default())
            ),
        }
    };
    let stale = move || {
        state.outcome.with(|o| {
            o.as_ref()
                .is_some_and(|o| played.with(|p| p.as_ref() != Some(&o.inputs)))
        })
    };
    let histogram = Memo::new(move |_| {
        state.outcome.with(|o| {
            o.as_ref()
                .map(|o| {
                    let f = &o.figures;
                    let bars: Vec<Bar> = f
                        .bins
                        .iter()
                        .map(|b| (b.from_percent, b.to_percent, b.count))
                        .collect();
                    histogram_svg(
                        &bars,
                        "Budget left at the end of each run",
                        &format!("{}. Mean budget left {}.", f.odds, f.mean_left),
                        (640, 280),
                    )
                })
                .unwrap_or_default()
        })
    });

    view! {
        <section class="card" aria-labelledby="monte-carlo-heading">
            <h2 id="monte-carlo-heading">"Monte Carlo: will the budget hold?"</h2>
            <p class="hint">
                "Incidents arrive at random at the rate below (Poisson); each lasts a time to restore drawn from a log-normal with the median and 90th percentile below; each release fails at the change failure rate. Baseline errors and counted maintenance are added to every run."
            </p>
            <MonteCarloSettings played key />
            <div class="toolbar">
                <button type="button" class="primary" on:click=run disabled=running>
                    "Run Monte Carlo"
                </button>
                <Show when=running>
                    <button type="button" on:click=cancel>"Cancel"</button>
                </Show>
            </div>
            <Show when=running>
                <progress
                    aria-label="Monte Carlo progress"
                    max=move || state.progress.get().1
                    value=move || state.progress.get().0
                ></progress>
            </Show>
            <p role="status" class="mc-status">{status}</p>
            {move || {
                state
                    .outcome
                    .get()
                    .map(|o| view! { <MonteCarloResult figures=o.figures stale histogram /> })
            }}
        </section>
    }
}

/// The Monte Carlo settings, kept in the scenario.
#[component]
fn MonteCarloSettings(played: Memo<Option<ScenarioAndSlo>>, key: StoredValue<Id>) -> impl IntoView {
    let read = move |f| scenario_number(played, f);
    let set = move |apply| set_scenario_number(key, apply);
    view! {
        <div class="field-row">
            <NumberField
                label="Incidents per window"
                id="mc-rate"
                value=read(|s| s.monte_carlo.incidents_per_window)
                parse=parse_incident_rate
                commit=set(|s, v| s.monte_carlo.incidents_per_window = v)
            />
            <NumberField
                label="Median time to restore (min)"
                id="mc-median"
                value=read(|s| s.monte_carlo.median_restore_minutes)
                parse=parse_duration_minutes
                commit=set(|s, v| s.monte_carlo.median_restore_minutes = v)
            />
            <NumberField
                label="90th percentile time to restore (min)"
                id="mc-p90"
                value=read(|s| s.monte_carlo.p90_restore_minutes)
                parse=parse_duration_minutes
                commit=set(|s, v| s.monte_carlo.p90_restore_minutes = v)
                hint="At least the median."
            />
            <NumberField
                label="Error ratio during an incident (%)"
                id="mc-ratio"
                value=read(|s| ratio_to_percent(s.monte_carlo.error_ratio))
                parse=parse_ratio_percent
                commit=set(|s, v| s.monte_carlo.error_ratio = v / 100.0)
            />
            <NumberField
                label="Runs"
                id="mc-runs"
                value=read(|s| s.monte_carlo.runs as f64)
                parse=parse_runs
                commit=set(|s, v| s.monte_carlo.runs = v as u32)
            />
            <NumberField
                label="Seed"
                id="mc-seed"
                value=read(|s| s.monte_carlo.seed as f64)
                parse=parse_seed
                commit=set(|s, v| s.monte_carlo.seed = v as u64)
                hint="The same seed gives the same result."
            />
        </div>
    }
}

/// A run's result: the odds, the figures, the histogram and its data. `stale` says the
/// scenario changed since the run.
#[component]
fn MonteCarloResult(
    figures: MonteCarloFigures,
    stale: impl Fn() -> bool + Send + Sync + 'static,
    histogram: Memo<String>,
) -> impl IntoView {
    let f = figures;
    let rows = f
        .table
        .into_iter()
        .map(|(label, runs)| view! { <tr><td>{label}</td><td class="num">{runs}</td></tr> })
        .collect_view();
    view! {
        <Show when=stale>
            <p class="banner banner--info">
                "The scenario changed since this run; run again to update the result."
            </p>
        </Show>
        <p class="odds">
            <strong>"Chance the budget runs out: "</strong>
            {f.odds}
        </p>
        <dl class="figures">
            <div>
                <dt>"Mean budget left"</dt>
                <dd>{f.mean_left}</dd>
            </div>
            <div>
                <dt>"Expected from the settings"</dt>
                <dd>{f.expected_left}</dd>
            </div>
            <div>
                <dt>"Mean pages per window"</dt>
                <dd>{f.mean_pages}</dd>
            </div>
        </dl>
        <p>{format!("Budget left: {}.", f.percentiles)}</p>
        <figure class="chart">
            <div class="chart-svg histogram" inner_html=move || histogram.get()></div>
            <SvgDownload svg=histogram what="Monte Carlo histogram" />
            <figcaption class="hint">
                "Red, hatched bars are runs that exhausted the budget."
            </figcaption>
        </figure>
        <details class="show-data">
            <summary>"Show data"</summary>
            <table class="compact">
                <thead>
                    <tr>
                        <th scope="col">"Budget left at the end"</th>
                        <th scope="col" class="num">"Runs"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
        <p class="hint">
            {format!(
                "From {} of {} runs.",
                format_count(f.runs_done as f64),
                format_count(f.runs_asked as f64),
            )}
        </p>
    }
}
