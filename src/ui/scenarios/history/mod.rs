//! "Replay history" on the Scenarios page: a CSV of an SLO's real SLI series is read
//! (problems reported by line), its columns mapped, and the SLO's target, budget and alert
//! rules replayed over it (see `crate::replay`).
//!
//! An imported history is kept with the plan (`Plan::histories`, one per SLO, its rows
//! packed), so it is undoable, survives reloads and travels in exported files.
//!
//! A large file is split into rows in slices between which the page paints and listens:
//! the share split so far is shown, and Cancel stops it.

pub mod mapping;
pub mod report;
pub mod zone;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::history::choices::history_choices;
use crate::model::history::series::{Sample, SliHistory};
use crate::model::plan::calendar::format_timestamp;
use crate::model::plan::ids::ById;
use crate::model::plan::{Id, Plan};
use crate::replay::csv_reader::{ReadHistory, Table};
use crate::replay::history_file::{check_history_size, HistorySplit};
use crate::ui::browser::{mark, measure_since, next_task, now_millis, read_file_bytes};
use crate::ui::shared::Shared;
use crate::ui::workbook::Workbook;
use mapping::HistoryMapping;
use report::HistoryReport;

/// Bytes of a CSV split into rows at a time (about 1 ms of work on this machine).
const SPLIT_STEP_BYTES: usize = 32 * 1024;
/// Milliseconds of splitting before the page gets a chance to paint and take input.
const SPLIT_SLICE_MS: f64 = 12.0;

/// A history file being read: its name and size, and the share split into rows so far
/// (`None` while its bytes are still being read).
#[derive(Clone, Debug, PartialEq)]
struct Reading {
    name: String,
    megabytes: f64,
    split: Option<f64>,
}

impl Reading {
    fn text(&self) -> String {
        match self.split {
            None => format!("Reading “{}” ({:.1} MB)…", self.name, self.megabytes),
            // In tens, so a screen reader is not read every slice (the bar shows more).
            Some(share) => format!(
                "Reading “{}” ({:.1} MB): rows split {:.0} %",
                self.name,
                self.megabytes,
                (share * 10.0).floor() * 10.0
            ),
        }
    }
}

/// A file read and split into cells, waiting for its columns to be mapped.
#[derive(Clone)]
pub struct Picked {
    /// The file's name.
    pub file: String,
    /// Its cells.
    pub table: Arc<Table>,
}

/// A kept history's rows, unpacked, or why they cannot be.
pub type Rows = Result<Shared<Vec<Sample>>, String>;

/// The "Replay history" section.
#[component]
pub fn HistoryReplay(
    /// The open plan.
    plan: Memo<Option<Plan>>,
    /// The scenario shown in detail (its SLO is the default, and the baseline goes to it).
    selected: Memo<Option<Id>>,
) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let picked = RwSignal::new(None::<Picked>);
    let error = RwSignal::new(None::<String>);
    let chosen_slo = RwSignal::new(None::<Id>);
    // The SLO the history is for: the one chosen here, else the selected scenario's.
    let slo = Memo::new(move |_| {
        plan.with(|p| {
            let p = p.as_ref()?;
            let exists = |id: &Id| p.slo_catalog.slos.iter().any(|s| &s.id == id);
            chosen_slo
                .get()
                .filter(exists)
                .or_else(|| {
                    let scenario = selected.get()?;
                    p.scenarios.by_id(&scenario).map(|s| s.slo.clone())
                })
                .or_else(|| p.slo_catalog.slos.first().map(|s| s.id.clone()))
        })
    });
    // The file being read, and a ticket per read: Cancel (or another file) makes an older
    // read's result be dropped when it arrives.
    let reading = RwSignal::new(None::<Reading>);
    let ticket = StoredValue::new(0u32);
    let file_read = FileRead {
        reading,
        ticket,
        picked,
        error,
    };
    let read_file = move |file: web_sys::File| file_read.start(file);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement =
            ev.target().expect("change has a target").unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(file);
        }
        input.set_value("");
    };
    // A file dropped here is a history, not a plan: the page's own drop handler must not
    // import it as one.
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read_file(file);
        }
    };
    // The chosen SLO's kept history; its rows are unpacked only when the packed text
    // changes, not when the plan or the history's gap choice does.
    let history = Memo::new(move |_| {
        let slo = slo.get()?;
        plan.with(|p| p.as_ref()?.histories.iter().find(|h| h.slo == slo).cloned())
    });
    let series = Memo::new(move |_| history.with(|h| h.as_ref().map(|h| h.series.clone())));
    let rows = Memo::new(move |_| -> Option<Rows> {
        series.with(|s| {
            let s = s.as_ref()?;
            mark("history-unpack-start");
            let rows = s.decode().map(Shared::new).map_err(|why| {
                format!("The rows of this history cannot be read ({why}). Remove it and import the file again.")
            });
            measure_since("history-unpack", "history-unpack-start");
            Some(rows)
        })
    });
    let on_import = Callback::new(move |read: ReadHistory| {
        if let Some(slo) = slo.get_untracked() {
            file_read.keep(wb, &slo, read);
        }
    });
    let on_cancel = Callback::new(move |()| picked.set(None));
    // A memo, so the options are rebuilt only when an SLO or a history comes or goes.
    let slo_options =
        Memo::new(move |_| plan.with(|p| p.as_ref().map(history_choices).unwrap_or_default()));
    view! {
        <section
            class="card history-replay"
            aria-labelledby="history-heading"
            on:dragover=|e: leptos::ev::DragEvent| {
                e.prevent_default();
                e.stop_propagation();
            }
            on:drop=on_drop
        >
            <h2 id="history-heading">"Replay history"</h2>
            <p class="lead">
                "What would this SLO have said about last quarter? Import the SLI’s real series (CSV: timestamp with good and total counts, bad and total, an error ratio or percentage, or a value against a threshold; or a Prometheus query_range response, JSON) and replay its target, budget and alert rules over it. Drop the file here or pick it."
            </p>
            <div class="toolbar">
                <label for="history-slo">"History of SLO"</label>
                <select
                    id="history-slo"
                    on:change=move |ev| chosen_slo.set(Some(event_target_value(&ev)))
                    prop:value=move || slo.get().unwrap_or_default()
                >
                    {move || {
                        slo_options
                            .get()
                            .into_iter()
                            .map(|(id, name)| view! { <option value=id.clone()>{name}</option> })
                            .collect_view()
                    }}
                </select>
                <span class="file-button">
                    <input id="import-history" type="file" accept=".csv,.json,text/csv,application/json,text/plain" class="visually-hidden" on:change=on_change />
                    <label for="import-history" class="button">"Import history"</label>
                </span>
            </div>
            // The banner stays while a file is read; only its words and bar follow, so
            // Cancel is the same button throughout.
            <Show when=move || reading.with(Option::is_some)>
                <ReadingBanner reading ticket />
            </Show>
            {move || error.get().map(|e| view! { <p class="banner banner--error" role="alert">{e}</p> })}
            {move || {
                picked
                    .get()
                    .map(|p| view! { <HistoryMapping picked=p on_import on_cancel /> })
            }}
            <Show when=move || history.with(Option::is_some)>
                <HistoryReport history rows plan slo selected />
            </Show>
        </section>
    }
}

/// What reading a history file changes: the banner while it is read, the ticket that
/// drops a cancelled read, and then the mapping to confirm or the error.
#[derive(Clone, Copy)]
struct FileRead {
    reading: RwSignal<Option<Reading>>,
    ticket: StoredValue<u32>,
    picked: RwSignal<Option<Picked>>,
    error: RwSignal<Option<String>>,
}

impl FileRead {
    /// Reads `file` (refused by size first), split into rows a slice at a time.
    fn start(self, file: web_sys::File) {
        let FileRead {
            reading,
            ticket,
            picked,
            error,
        } = self;
        let name = file.name();
        error.set(None);
        // Said before the bytes are read at all.
        if let Err(why) = check_history_size(file.size()) {
            error.set(Some(format!("“{name}” is {why}")));
            return;
        }
        ticket.update_value(|t| *t += 1);
        let mine = ticket.get_value();
        // `try_`: the page may be gone (another workspace opened) while the file is read.
        let current = move || ticket.try_get_value() == Some(mine);
        reading.set(Some(Reading {
            name: name.clone(),
            megabytes: file.size() / 1_048_576.0,
            split: None,
        }));
        leptos::task::spawn_local(async move {
            mark("history-read-start");
            let bytes = read_file_bytes(&file).await;
            if !current() {
                return; // cancelled, or another file was picked
            }
            let table = match bytes {
                Ok(bytes) => split_into_rows(&bytes, reading, current).await,
                Err(e) => Some(Err(format!("the file could not be read: {e}"))),
            };
            let Some(table) = table else {
                return; // cancelled while splitting
            };
            reading.set(None);
            measure_since("history-read", "history-read-start");
            match table {
                Ok(table) => picked.set(Some(Picked {
                    file: name,
                    table: Arc::new(table),
                })),
                Err(why) => error.set(Some(format!("“{name}” cannot be imported: {why}"))),
            }
        });
    }

    /// Keeps the confirmed `read` of the picked file as the history of `slo` (replacing
    /// one it had), or says why the plan cannot keep it.
    fn keep(self, wb: Workbook, slo: &str, read: ReadHistory) {
        let FileRead { picked, error, .. } = self;
        let Some(p) = picked.get_untracked() else {
            return;
        };
        mark("history-pack-start");
        let imported = format_timestamp(now_millis());
        let notes = read.messages();
        let kept = SliHistory::keep(
            slo,
            p.file.clone(),
            imported,
            read.weight,
            notes,
            &read.samples,
        );
        let kept = match kept {
            Ok(kept) => kept,
            Err(why) => {
                error.set(Some(format!(
                    "“{}” cannot be kept with the plan: {why}",
                    p.file
                )));
                picked.set(None);
                return;
            }
        };
        measure_since("history-pack", "history-pack-start");
        wb.edit_open(|plan| {
            plan.histories.retain(|h| h.slo != slo);
            plan.histories.push(kept);
        });
        picked.set(None);
    }
}

/// The file being read: its name and size, the share split so far, and Cancel (which
/// moves the `ticket` on, so the read's result is dropped when it arrives).
#[component]
fn ReadingBanner(reading: RwSignal<Option<Reading>>, ticket: StoredValue<u32>) -> impl IntoView {
    let split = Memo::new(move |_| reading.with(|r| r.as_ref().and_then(|r| r.split)));
    view! {
        <div class="banner banner--info" role="status">
            <p id="history-reading">{move || reading.with(|r| r.as_ref().map(Reading::text))}</p>
            <Show when=move || split.get().is_some()>
                <progress
                    max="100"
                    value=move || format!("{:.0}", split.get().unwrap_or_default() * 100.0)
                    aria-labelledby="history-reading"
                ></progress>
            </Show>
            <button
                type="button"
                on:click=move |_| {
                    ticket.update_value(|t| *t += 1);
                    reading.set(None);
                }
            >
                "Cancel reading"
            </button>
        </div>
    }
}

/// Splits a history file's bytes into a table, a slice at a time with the share done shown
/// in `reading`; `None` when `current` turns false between slices (cancelled).
async fn split_into_rows(
    bytes: &[u8],
    reading: RwSignal<Option<Reading>>,
    current: impl Fn() -> bool,
) -> Option<Result<Table, String>> {
    let mut split = match HistorySplit::open(bytes) {
        Ok(split) => split,
        Err(why) => return Some(Err(why)),
    };
    let mut slice_start = js_sys::Date::now();
    while !split.done() {
        let share = split.step(SPLIT_STEP_BYTES);
        if split.done() || js_sys::Date::now() - slice_start < SPLIT_SLICE_MS {
            continue;
        }
        reading.update(|r| {
            if let Some(r) = r {
                r.split = Some(share);
            }
        });
        next_task().await;
        if !current() {
            return None;
        }
        slice_start = js_sys::Date::now();
    }
    Some(split.finish())
}
