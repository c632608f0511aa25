//! Where an SLO's indicator comes from in production: its queries as PromQL metric
//! selectors, read as the user types, with each mistake and its column shown next to the
//! field. The plan gets the queries once every field of the chosen kind is right; until
//! then it keeps the ones it had.

use leptos::prelude::*;

use crate::model::plan::{Comparison, Id, Slo};
use crate::model::slo::production_fields::{QueryField, QueryKind, QueryTexts};
use crate::ui::widgets::checked_field::CheckedField;
use crate::ui::workbook::Workbook;

/// The "Queries" fieldset of the SLO form.
#[component]
pub fn SloQueries(id: Id, slo: Memo<Option<Slo>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let key = StoredValue::new(id);
    // The queries in the plan (the outer `None` once the SLO is gone).
    let stored = Memo::new(move |_| slo.with(|s| s.as_ref().map(|s| s.metrics.clone())));
    let initial = stored.get_untracked().flatten();
    let kind = RwSignal::new(QueryKind::of(initial.as_ref()));
    let texts = RwSignal::new(QueryTexts::of(initial.as_ref()));
    // Fields typed in since the queries were last shown: an empty field shows its problem
    // only once it was touched, so choosing a kind does not open with a row of errors.
    let touched = RwSignal::new(Vec::<QueryField>::new());

    // When the plan's queries change from elsewhere (undo, another tab, import), show them,
    // unless what is typed already says the same.
    Effect::new(move |_| {
        let Some(current) = stored.get() else { return };
        let typed = texts.with_untracked(|t| t.metrics(kind.get_untracked()));
        if typed.as_ref() != Some(&current) {
            kind.set(QueryKind::of(current.as_ref()));
            texts.set(QueryTexts::of(current.as_ref()));
            touched.set(Vec::new());
        }
    });

    let commit_if_complete = move || {
        let Some(metrics) = texts.with_untracked(|t| t.metrics(kind.get_untracked())) else {
            return;
        };
        if stored.with_untracked(|s| s.as_ref() != Some(&metrics)) {
            key.with_value(|id| wb.edit_part::<Slo>(id, |s| s.metrics = metrics));
        }
    };
    let field = move |f: QueryField| {
        let text = Signal::derive(move || texts.with(|t| t.text(f).to_string()));
        let problem = Signal::derive(move || {
            texts.with(|t| {
                let typed = t.text(f);
                let shown = !typed.is_empty() || touched.with(|list| list.contains(&f));
                shown.then(|| f.problem(typed)).flatten()
            })
        });
        let on_input = Callback::new(move |typed: String| {
            texts.update(|t| t.set(f, typed));
            if !touched.with_untracked(|list| list.contains(&f)) {
                touched.update(|list| list.push(f));
            }
            commit_if_complete();
        });
        let numeric = f == QueryField::Threshold;
        view! {
            <CheckedField
                label=f.label()
                id=f.id()
                text
                problem
                on_input
                hint=f.hint()
                code=!numeric
                inputmode=if numeric { "decimal" } else { "text" }
            />
        }
    };
    let pending = move || {
        let in_plan = stored.with(|s| QueryKind::of(s.as_ref().and_then(Option::as_ref)));
        (kind.get() != in_plan).then(|| {
            format!(
                "Not in the plan yet: until every field below is right, the plan keeps “{}”.",
                in_plan.label()
            )
        })
    };

    view! {
        <fieldset class="slo-queries">
            <legend>"Queries"</legend>
            <p class="hint" id="slo-queries-hint">
                "Write the metric and its labels only, e.g. "
                <code>"http_requests_total{job=\"checkout\", code=~\"5..\"}"</code>
                "; the exports add rate() and the windows."
            </p>
            <div class="field">
                <label for="slo-query-kind">"Query kind"</label>
                <select
                    id="slo-query-kind"
                    aria-describedby="slo-query-kind-pending slo-queries-hint"
                    on:change=move |ev| {
                        if let Some(chosen) = QueryKind::from_code(&event_target_value(&ev)) {
                            kind.set(chosen);
                            touched.set(Vec::new());
                            commit_if_complete();
                        }
                    }
                >
                    {QueryKind::ALL
                        .into_iter()
                        .map(|k| {
                            view! {
                                <option value=k.code() selected=move || kind.get() == k>
                                    {k.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p id="slo-query-kind-pending" class="hint" aria-live="polite">
                    {pending}
                </p>
            </div>
            {move || match kind.get() {
                QueryKind::None => ().into_any(),
                chosen @ (QueryKind::GoodEvents | QueryKind::BadEvents | QueryKind::Latency) => {
                    chosen.fields().iter().map(|f| field(*f)).collect_view().into_any()
                }
                QueryKind::TimeSlices => {
                    view! {
                        {field(QueryField::Gauge)}
                        <div class="field-row">
                            <GoodWhenSelect texts commit=Callback::new(move |()| commit_if_complete()) />
                            {field(QueryField::Threshold)}
                        </div>
                    }
                        .into_any()
                }
            }}
        </fieldset>
    }
}

/// Whether a time slice is good at most or at least at the threshold.
#[component]
fn GoodWhenSelect(texts: RwSignal<QueryTexts>, commit: Callback<()>) -> impl IntoView {
    view! {
    <div class="field">
        <label for="slo-query-good-when">"Good when the value is"</label>
        <select
            id="slo-query-good-when"
            on:change=move |ev| {
                let good_when = match event_target_value(&ev).as_str() {
                    "at_least" => Comparison::AtLeast,
                    _ => Comparison::AtMost,
                };
                texts.update(|t| t.good_when = good_when);
                commit.run(());
            }
        >
            <option
                value="at_most"
                selected=move || texts.with(|t| t.good_when == Comparison::AtMost)
            >
                "at most"
            </option>
            <option
                value="at_least"
                selected=move || texts.with(|t| t.good_when == Comparison::AtLeast)
            >
                "at least"
            </option>
        </select>
    </div>
    }
}
