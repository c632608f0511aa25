//! The table of all SLOs: sortable, filterable, and the way to pick one for the detail view.

use leptos::prelude::*;

use crate::interop::csv::slo_table_csv;
use crate::interop::openslo::openslo_yaml;
use crate::model::plan::{Id, SloSubject};
use crate::model::slo::catalog_ops::{add_service, add_slo};
use crate::model::slo::figures::{
    overview_rows, row_matches, sort_rows, OverviewColumn, OverviewRow,
};
use crate::ui::browser::scroll_to_element;
use crate::ui::widgets::downloads::PlanTextDownload;
use crate::ui::workbook::Workbook;

/// The overview table with its filter and "Add SLO".
#[component]
pub fn SloOverview(selected: Memo<Option<Id>>, chosen: RwSignal<Option<Id>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new(None::<(OverviewColumn, bool)>);
    let rows = Memo::new(move |_| {
        plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let mut rows = overview_rows(p);
            if let Some((column, ascending)) = sort.get() {
                sort_rows(&mut rows, column, ascending, p);
            }
            let needle = filter.get();
            rows.retain(|r| row_matches(r, &needle));
            rows
        })
    });
    let first_subject = move || {
        plan.with_untracked(|p| {
            let c = &p.as_ref()?.slo_catalog;
            c.journeys
                .first()
                .map(|j| SloSubject::Journey(j.id.clone()))
                .or_else(|| {
                    c.services
                        .first()
                        .map(|s| SloSubject::Service(s.id.clone()))
                })
        })
    };
    let add = move |_| {
        if let Some(subject) = first_subject() {
            let mut new_id = None;
            wb.edit_open(|p| new_id = Some(add_slo(p, subject)));
            chosen.set(new_id);
        }
    };
    let can_add = move || {
        plan.with(|p| {
            p.as_ref()
                .is_some_and(|p| !p.slo_catalog.services.is_empty())
        })
    };
    view! {
        <section class="card" aria-labelledby="slo-overview-heading">
            <h2 id="slo-overview-heading">"All SLOs"</h2>
            <div class="toolbar">
                <div class="field inline-field">
                    <label for="slo-filter">"Filter SLOs"</label>
                    <input
                        id="slo-filter"
                        type="search"
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev))
                    />
                </div>
                <button type="button" on:click=add disabled=move || !can_add()>
                    "Add SLO"
                </button>
                // Files of no SLOs would be empty: the exports come with the first SLO.
                <Show when=move || plan.with(|p| p.as_ref().is_some_and(|p| !p.slo_catalog.slos.is_empty()))>
                    <PlanTextDownload
                        label="Export SLOs as CSV"
                        what="SLOs"
                        extension="csv"
                        mime="text/csv"
                        make=slo_table_csv
                    />
                    <PlanTextDownload
                        label="Export OpenSLO YAML"
                        what="OpenSLO"
                        extension="yaml"
                        mime="application/yaml"
                        make=openslo_yaml
                    />
                </Show>
            </div>
            <Show when=move || !can_add()>
                <p class="empty-state">
                    "No SLOs yet. An SLO is set on a service, or on a user journey through services: "
                    <button type="button" class="link" on:click=move |_| {
                        wb.edit_open(|p| {
                            add_service(p);
                        });
                        scroll_to_element("catalog-heading");
                    }>"add a service"</button>
                    " (it appears under “Services and user journeys” below), then press Add SLO."
                </p>
            </Show>
            <Show when=move || !rows.with(Vec::is_empty)>
            <div class="table-scroll">
                <table class="slo-overview">
                    <caption class="visually-hidden">"All SLOs of this plan"</caption>
                    <thead>
                        <tr>
                            <SortHeader label="SLO" column=OverviewColumn::Name sort />
                            <SortHeader label="Service" column=OverviewColumn::Service sort />
                            <th scope="col">"Journey"</th>
                            <SortHeader label="Priority" column=OverviewColumn::Priority sort />
                            <th scope="col">"SLI"</th>
                            <SortHeader label="Target (%)" column=OverviewColumn::Target sort />
                            <th scope="col">"Window"</th>
                            <SortHeader label="Budget" column=OverviewColumn::Budget sort />
                            <th scope="col">"Policy"</th>
                            <th scope="col">"State"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || rows.get()
                            key=|r| format!("{r:?}")
                            children=move |row| view! { <SloRow row selected chosen /> }
                        />
                    </tbody>
                </table>
            </div>
            </Show>
            <Show when=move || can_add() && rows.with(|r| r.is_empty())>
                <p class="empty">
                    {move || {
                        if filter.with(|f| f.trim().is_empty()) {
                            "No SLOs yet: press Add SLO to set one on the first service."
                        } else {
                            "No SLO matches the filter."
                        }
                    }}
                </p>
            </Show>
        </section>
    }
}

/// A column heading that sorts the table by its column, saying which way it is sorted.
#[component]
fn SortHeader(
    label: &'static str,
    column: OverviewColumn,
    sort: RwSignal<Option<(OverviewColumn, bool)>>,
) -> impl IntoView {
    let state = move || sort.get().filter(|(c, _)| *c == column).map(|(_, asc)| asc);
    view! {
        <th
            scope="col"
            aria-sort=move || match state() {
                Some(true) => "ascending",
                Some(false) => "descending",
                None => "none",
            }
        >
            <button
                type="button"
                class="sort"
                on:click=move |_| sort.set(Some((column, state() != Some(true))))
            >
                {label}
                <span aria-hidden="true">
                    {move || match state() {
                        Some(true) => " ▲",
                        Some(false) => " ▼",
                        None => "",
                    }}
                </span>
            </button>
        </th>
    }
}

/// One SLO of the table; its name picks it for the detail view.
#[component]
fn SloRow(
    row: OverviewRow,
    selected: Memo<Option<Id>>,
    chosen: RwSignal<Option<Id>>,
) -> impl IntoView {
    let id = row.id.clone();
    let is_selected = {
        let id = id.clone();
        move || selected.with(|s| s.as_deref() == Some(id.as_str()))
    };
    let flagged = row.state != "OK";
    let row_selected = is_selected.clone();
    view! {
        <tr class:selected=row_selected>
            <th scope="row">
                <button
                    type="button"
                    class="link"
                    aria-pressed=move || if is_selected() { "true" } else { "false" }
                    on:click=move |_| chosen.set(Some(id.clone()))
                >
                    {row.name.clone()}
                </button>
            </th>
            <td>{row.service.clone()}</td>
            <td>{row.journey.clone()}</td>
            <td class="num">{row.priority.map(|p| p.to_string())}</td>
            <td>{row.sli.clone()}</td>
            <td class="num">{row.target_percent.to_string()}</td>
            <td>{row.window.clone()}</td>
            <td class="num">{row.budget.clone()}</td>
            <td>{if row.policy_agreed { "Agreed" } else { "Not agreed" }}</td>
            <td class:warning-text=flagged>
                {if flagged { "⚠ " } else { "" }}
                {row.state.clone()}
            </td>
        </tr>
    }
}
