//! Mapping a history file's columns: which holds the time, what the others measure, the
//! time zone of times written without an offset. A preview of the first rows and the
//! problems the current mapping finds are shown before anything is imported.

use leptos::prelude::*;

use super::zone::{zone_names, BrowserZone};

use super::Picked;
use crate::replay::csv_reader::{
    guess_mapping, read_history, ColumnMapping, GoodWhen, Measure, ReadHistory,
};
use crate::ui::browser::{mark, measure_since};
use crate::ui::widgets::choice_select::{choice_select, Choice};

/// What the measure columns hold, as the form offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    GoodTotal,
    BadTotal,
    Ratio,
    Percent,
    Threshold,
}

const KINDS: [Choice<Kind>; 5] = [
    (Kind::GoodTotal, "good-total", "Good and total counts"),
    (Kind::BadTotal, "bad-total", "Bad and total counts"),
    (Kind::Ratio, "ratio", "Error ratio (0–1)"),
    (Kind::Percent, "percent", "Error percentage (0–100)"),
    (Kind::Threshold, "threshold", "Value against a threshold"),
];

const GOOD_WHEN: [Choice<GoodWhen>; 2] = [
    (GoodWhen::AtMost, "at-most", "at most"),
    (GoodWhen::AtLeast, "at-least", "at least"),
];

/// The form's state.
#[derive(Clone, Debug, PartialEq)]
struct Form {
    timestamp: usize,
    kind: Kind,
    /// Good, bad, ratio or value column.
    column: usize,
    total: usize,
    threshold: String,
    good_when: GoodWhen,
    /// IANA name of the zone of times written without an offset.
    zone: String,
}

impl Form {
    /// The form a header suggests.
    fn guessed(header: &[String]) -> Form {
        let mut form = Form {
            timestamp: 0,
            kind: Kind::GoodTotal,
            column: 1.min(header.len() - 1),
            total: 2.min(header.len() - 1),
            threshold: String::new(),
            good_when: GoodWhen::AtMost,
            zone: "UTC".into(),
        };
        if let Some(m) = guess_mapping(header) {
            form.timestamp = m.timestamp;
            match m.measure {
                Measure::Counts { good, bad, total } => {
                    form.total = total;
                    match (good, bad) {
                        (Some(g), _) => form.column = g,
                        (None, Some(b)) => (form.kind, form.column) = (Kind::BadTotal, b),
                        _ => {}
                    }
                }
                Measure::ErrorRatio { column, percent } => {
                    form.column = column;
                    form.kind = if percent { Kind::Percent } else { Kind::Ratio };
                }
                Measure::Threshold { column, .. } => {
                    (form.kind, form.column) = (Kind::Threshold, column)
                }
            }
        } else if header.len() >= 3 {
            // Unnamed series (a Prometheus response): the first two as good and total.
            (form.column, form.total) = (1, 2);
        } else if header[1].eq_ignore_ascii_case("value") {
            form.kind = Kind::Threshold;
        } else {
            form.kind = Kind::Ratio;
        }
        form
    }

    /// The mapping, or what is missing.
    fn mapping(&self) -> Result<ColumnMapping, String> {
        let measure = match self.kind {
            Kind::GoodTotal => Measure::Counts {
                good: Some(self.column),
                bad: None,
                total: self.total,
            },
            Kind::BadTotal => Measure::Counts {
                good: None,
                bad: Some(self.column),
                total: self.total,
            },
            Kind::Ratio | Kind::Percent => Measure::ErrorRatio {
                column: self.column,
                percent: self.kind == Kind::Percent,
            },
            Kind::Threshold => {
                let threshold = self
                    .threshold
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|t| t.is_finite())
                    .ok_or(
                        "Threshold: enter the value that separates good from bad, as a number",
                    )?;
                Measure::Threshold {
                    column: self.column,
                    threshold,
                    good_when: self.good_when,
                }
            }
        };
        if matches!(self.kind, Kind::GoodTotal | Kind::BadTotal) && self.column == self.total {
            return Err("The counts and the total must be different columns".into());
        }
        if self.column == self.timestamp
            || (matches!(self.kind, Kind::GoodTotal | Kind::BadTotal)
                && self.total == self.timestamp)
        {
            return Err("The timestamp column cannot also be a measure".into());
        }
        Ok(ColumnMapping {
            timestamp: self.timestamp,
            measure,
        })
    }
}

/// The mapping form, the preview and the problems, with "Import valid rows" and "Cancel".
#[component]
pub fn HistoryMapping(
    /// The file read.
    picked: Picked,
    /// Imports what the mapping reads.
    on_import: Callback<ReadHistory>,
    /// Drops the file.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let table = picked.table.clone();
    let form = RwSignal::new(Form::guessed(&table.header));
    let read = {
        let table = table.clone();
        Memo::new(move |_| {
            form.with(|f| {
                f.mapping().map(|m| {
                    mark("history-check-start");
                    let read = read_history(&table, &m, &BrowserZone::new(&f.zone));
                    measure_since("history-check", "history-check-start");
                    read
                })
            })
        })
    };
    let kind = move || form.with(|f| f.kind);
    let measure_label = move || match kind() {
        Kind::GoodTotal => "Good column",
        Kind::BadTotal => "Bad column",
        Kind::Ratio | Kind::Percent => "Error column",
        Kind::Threshold => "Value column",
    };
    let preview_rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .take(5)
        .map(|(_, cells)| cells.clone())
        .collect();
    let preview_header = table.header.clone();
    let rows_count = table.rows.len();
    let timestamp_select = column_select(
        form,
        table.header.clone(),
        "history-timestamp",
        "Timestamp column",
        |f| f.timestamp,
        |f, i| f.timestamp = i,
    );
    let total_header = table.header.clone();
    let total_select = move || {
        column_select(
            form,
            total_header.clone(),
            "history-total",
            "Total column",
            |f| f.total,
            |f, i| f.total = i,
        )
    };
    let measure_select = column_select(
        form,
        table.header.clone(),
        "history-column",
        measure_label,
        |f| f.column,
        |f, i| f.column = i,
    );
    view! {
        <div class="history-mapping" role="group" aria-labelledby="history-mapping-heading">
            <h3 id="history-mapping-heading">{format!("Columns of “{}” ({} rows)", picked.file, rows_count)}</h3>
            <div class="form-grid">
                {timestamp_select}
                {choice_select("history-measure", "Measure", KINDS, kind, move |k| form.update(|f| f.kind = k))}
                {measure_select}
                <Show when=move || matches!(kind(), Kind::GoodTotal | Kind::BadTotal)>{total_select.clone()}</Show>
                <Show when=move || kind() == Kind::Threshold>
                    <div class="field">
                        <label for="history-threshold">"Threshold"</label>
                        <input
                            id="history-threshold"
                            type="text"
                            inputmode="decimal"
                            prop:value=move || form.with(|f| f.threshold.clone())
                            on:input=move |ev| form.update(|f| f.threshold = event_target_value(&ev))
                        />
                    </div>
                    {choice_select(
                        "history-good-when",
                        "Good when the value is",
                        GOOD_WHEN,
                        move || form.with(|f| f.good_when),
                        move |g| form.update(|f| f.good_when = g),
                    )}
                </Show>
                <div class="field">
                    <label for="history-zone">"Time zone of times without an offset"</label>
                    <select
                        id="history-zone"
                        on:change=move |ev| form.update(|f| f.zone = event_target_value(&ev))
                        prop:value=move || form.with(|f| f.zone.clone())
                    >
                        {zone_names().into_iter().map(|z| view! { <option value=z.clone()>{z.clone()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="The first rows (scrolls sideways)">
                <table class="compact">
                    <caption>"The first rows"</caption>
                    <thead>
                        <tr>{preview_header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {preview_rows
                            .into_iter()
                            .map(|cells| view! { <tr>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            {move || {
                read.with(|r| match r {
                    Err(why) => view! { <p class="field-error" role="alert">{why.clone()}</p> }.into_any(),
                    Ok(h) => problems_view(h, rows_count).into_any(),
                })
            }}
            <div class="toolbar">
                <button
                    type="button"
                    class="primary"
                    disabled=move || read.with(|r| r.as_ref().map_or(true, |h| h.samples.is_empty()))
                    on:click=move |_| {
                        if let Some(Ok(h)) = read.try_get_untracked() {
                            on_import.run(h);
                        }
                    }
                >
                    "Import valid rows"
                </button>
                <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
        </div>
    }
}

/// A select of the file's columns for one role.
fn column_select(
    form: RwSignal<Form>,
    header: Vec<String>,
    id: &'static str,
    label: impl IntoView + 'static,
    get: fn(&Form) -> usize,
    set: fn(&mut Form, usize),
) -> impl IntoView {
    let columns = header
        .into_iter()
        .enumerate()
        .map(|(i, h)| (i, i.to_string(), h));
    choice_select(
        id,
        label,
        columns,
        move || form.with(get),
        move |i| form.update(|f| set(f, i)),
    )
}

/// The usable rows and each problem, as the user decides to import or not.
fn problems_view(h: &ReadHistory, rows: usize) -> impl IntoView {
    let usable = h.samples.len();
    let summary = if usable == rows {
        format!("All {rows} rows can be used.")
    } else {
        format!("{usable} of {rows} rows can be used; the others are listed below and will not be imported.")
    };
    let messages = h.messages();
    let warn = !h.problems.is_empty();
    view! {
        <div class=if warn { "banner banner--warning" } else { "banner banner--info" } role="status">
            <p>{summary}</p>
            {(!messages.is_empty()).then(|| view! { <ul class="problems">{messages.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> })}
        </div>
    }
}
