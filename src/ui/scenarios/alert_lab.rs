//! "Compare alerting": the alert lab for one scenario or one replayed history. It runs
//! when asked (not on every edit), and says when the inputs changed since. Its figures are
//! `model::alert_lab::lab`'s; its chart `charts::alert_lab_chart`'s.

use leptos::prelude::*;

use crate::charts::alert_lab_chart::{alert_lab_chart, alert_lab_height};
use crate::charts::PointableChart;
use crate::model::alert_lab::evaluate::Minutes;
use crate::model::alert_lab::lab::{run_lab, AlertLab};
use crate::model::alert_lab::outcomes::{LabSlo, RULES_IN_WORDS};
use crate::model::alert_lab::schemes::{as_tiers, window_words, Scheme};
use crate::model::plan::Slo;
use crate::model::scenario::fields::format_window_minute;
use crate::ui::browser::{mark, measure_since};
use crate::ui::shared::Shared;
use crate::ui::widgets::chart_view::ChartView;
use crate::ui::widgets::downloads::SvgDownload;
use crate::ui::widgets::scroll_table::{headings, ScrollTable};
use crate::ui::workbook::Workbook;

/// The lab's chart width in viewBox pixels.
const WIDTH: u32 = 760;

/// What the lab replays: minutes, whether they count events, the SLO, and the name of the
/// time axis.
#[derive(Clone, Debug)]
pub struct LabSource {
    /// Good and total per minute.
    pub minutes: Minutes,
    /// Whether the minutes count events (so a hundredth of them means something).
    pub counts_events: bool,
    /// The SLO replayed against; "Use these tiers" changes it.
    pub slo: Slo,
    /// "Day of the window" or "Day of the history".
    pub axis: &'static str,
}

/// A finished comparison, the SLO it ran against, and its chart.
#[derive(Clone)]
struct LabResult {
    lab: Shared<AlertLab>,
    slo: Slo,
    chart: Shared<PointableChart>,
}

impl PartialEq for LabResult {
    fn eq(&self, other: &Self) -> bool {
        self.lab == other.lab
    }
}

/// The "Compare alerting" section: `source` gives the minutes when the user asks; a change
/// of `inputs` marks a shown result as out of date.
#[component]
pub fn CompareAlerting(
    /// The section's id, unique on the page (its heading's is `<id>-heading`).
    id: &'static str,
    /// Builds what to replay, when asked.
    source: Callback<(), Option<LabSource>>,
    /// Changes whenever what `source` would give changes.
    #[prop(into)]
    inputs: Signal<()>,
) -> impl IntoView {
    let result = RwSignal::new(None::<LabResult>);
    let stale = RwSignal::new(false);
    Effect::new(move |first: Option<()>| {
        inputs.track();
        if first.is_some() {
            stale.set(true);
        }
    });
    let run = move |_| {
        let Some(source) = source.run(()) else { return };
        mark("alert-lab-start");
        let lab = run_lab(
            &source.minutes,
            LabSlo {
                target_percent: source.slo.target_percent,
                window_days: source.slo.window.days(),
                tiers: &source.slo.alerting.tiers,
            },
            source.counts_events,
        );
        let chart = alert_lab_chart(&lab, &format!("{id}-chart"), source.axis, WIDTH);
        measure_since("alert-lab", "alert-lab-start");
        result.set(Some(LabResult {
            lab: Shared::new(lab),
            slo: source.slo,
            chart: Shared::new(chart),
        }));
        stale.set(false);
    };
    view! {
        <section class="alert-lab" id=id aria-labelledby=format!("{id}-heading")>
            <h3 id=format!("{id}-heading")>"Compare alerting"</h3>
            <p class="hint">
                "The same minutes through the alerting of the SLO’s own tiers, Sloth, Pyrra, Grafana SLO, Datadog and slo-generator, each with its tool’s windows, factors, for:, comparison and rounding."
            </p>
            <div class="toolbar">
                <button type="button" class="primary" on:click=run>
                    {move || if result.with(Option::is_some) { "Compare again" } else { "Compare alerting" }}
                </button>
            </div>
            <Show when=move || stale.get() && result.with(Option::is_some)>
                <p class="banner banner--info">"The inputs changed since this comparison; compare again to update it."</p>
            </Show>
            {move || result.get().map(|r| view! { <LabFigures result=r /> })}
        </section>
    }
}

/// The comparison: a sentence per scheme, the table, the chart and its data.
#[component]
fn LabFigures(result: LabResult) -> impl IntoView {
    let lab = result.lab.0.clone();
    let sentences = lab
        .outcomes
        .iter()
        .map(|o| view! { <li>{o.sentence()}</li> })
        .collect_view();
    let svg = Signal::stored(result.chart.svg.clone());
    let size = (WIDTH, alert_lab_height(&lab));
    let chart = Signal::stored(result.chart.clone());
    view! {
        <ul class="alert-lab-sentences">{sentences}</ul>
        <LabTable lab=lab.clone() slo=result.slo.clone() />
        <figure class="chart">
            <ChartView chart size what="When each alerting scheme fires" />
            <SvgDownload svg what="When each alerting scheme fires" />
            <figcaption class="hint">"Filled bars are pages, outlined bars tickets; the top lane is each incident (the 5-minute burn rate above 1×)."</figcaption>
        </figure>
        <LabIncidents lab=lab.clone() />
        <LabAlertsData lab=lab.clone() />
        <p class="alert-lab-sli">{lab.sli_words()}</p>
        <details class="show-data">
            <summary>"How the lab counts, and where each scheme’s rules come from"</summary>
            <p>{RULES_IN_WORDS}</p>
            <ul>
                {lab.outcomes.iter().map(|o| {
                    let rules = o.rules.rules.iter().map(|r| r.label.clone()).collect::<Vec<_>>().join("; ");
                    view! { <li><strong>{o.rules.scheme.name()}</strong>{format!(" — {rules}. {}", o.rules.source)}</li> }
                }).collect_view()}
            </ul>
        </details>
    }
}

/// One row per scheme, with "Use these tiers" for the others than the SLO's own.
#[component]
fn LabTable(lab: std::sync::Arc<AlertLab>, slo: Slo) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let kept = RwSignal::new(None::<&'static str>);
    let rows = lab
        .rows()
        .into_iter()
        .zip(&lab.outcomes)
        .map(|(row, outcome)| {
            let scheme = outcome.rules.scheme;
            let tiers = as_tiers(&outcome.rules, slo.window.days());
            let id = slo.id.clone();
            let use_tiers = move |_| {
                let tiers = tiers.clone();
                wb.edit_part::<Slo>(&id, |s| s.alerting.tiers = tiers);
                kept.set(Some(scheme.name()));
            };
            view! {
                <tr>
                    <th scope="row">{row.scheme}</th>
                    <td class="num">{row.pages}</td>
                    <td class="num">{row.tickets}</td>
                    <td>{row.delay}</td>
                    <td class="num">{row.spent}</td>
                    <td>{row.missed}</td>
                    <td class="num">{row.false_alarms}</td>
                    <td>{row.resolve}</td>
                    <td>{row.thinned}</td>
                    <td>
                        {(scheme != Scheme::PlanTiers).then(|| view! {
                            <button type="button" aria-label=format!("Use these tiers: {}", scheme.name()) on:click=use_tiers.clone()>"Use these tiers"</button>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ScrollTable
            label="Alerting schemes compared"
            class="compact alert-lab-table"
            headings=headings(&["Scheme", "Pages", "Tickets", "First page after (median)", "Budget gone by then", "Incidents never paged", "False alarms", "Alerts resolve after", "At 1/100 of the traffic", ""])
        >
            {rows}
        </ScrollTable>
        <p class="hint" role="status">
            {move || kept.get().map(|name| format!("{name}’s tiers are now this SLO’s, as windows and budget shares (the workbook fires at once and compares with >). Undo restores the previous ones."))}
        </p>
    }
}

/// The chart's data: every page and ticket of every scheme, with when and how long.
#[component]
fn LabAlertsData(lab: std::sync::Arc<AlertLab>) -> impl IntoView {
    let rows = lab
        .outcomes
        .iter()
        .flat_map(|o| {
            let name = o.rules.scheme.name();
            o.pages
                .iter()
                .map(move |s| (name, "Page", *s))
                .chain(o.tickets.iter().map(move |s| (name, "Ticket", *s)))
        })
        .map(|(name, what, s)| {
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{what}</td>
                    <td>{format_window_minute(s.start)}</td>
                    <td>{window_words(s.minutes())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="show-data">
            <summary>"Show data"</summary>
            <ScrollTable label="Alerts of each scheme" class="compact" headings=headings(&["Scheme", "Alert", "From", "Open for"])>
                {rows}
            </ScrollTable>
        </details>
    }
}

/// Each incident, and how long each scheme took to page for it.
#[component]
fn LabIncidents(lab: std::sync::Arc<AlertLab>) -> impl IntoView {
    let mut names = vec!["Incident began", "Lasted"];
    names.extend(lab.outcomes.iter().map(|o| o.rules.scheme.name()));
    let rows = lab
        .incident_rows()
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let began = cells.next();
            view! {
                <tr>
                    <th scope="row">{began}</th>
                    {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="show-data">
            <summary>"Each incident: how long until each scheme paged"</summary>
            <ScrollTable label="Incidents and their first page" class="compact" headings=headings(&names)>
                {rows}
            </ScrollTable>
        </details>
    }
}
