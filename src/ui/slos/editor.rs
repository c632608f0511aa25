//! The form of one SLO: every field checked as the user types, with the message next to the
//! field; only valid values reach the plan.

use leptos::prelude::*;

use crate::model::plan::calendar::{parse_date, CalendarPeriod};
use crate::model::plan::{
    BudgetingMethod, Id, PolicyThreshold, SliKind, Slo, SloSubject, SloWindow,
};
use crate::model::slo::catalog_ops::delete_slo;
use crate::model::slo::fields::{
    parse_non_negative, parse_positive, parse_share_percent, parse_slice_minutes, parse_target,
    parse_window_days,
};
use crate::model::slo::figures::sli_label;
use crate::ui::browser::today;
use crate::ui::slos::production::SloProduction;
use crate::ui::widgets::date_field::DateField;
use crate::ui::widgets::number_field::NumberField;
use crate::ui::widgets::text_field::{no_check, TextField};
use crate::ui::workbook::Workbook;

const SLI_KINDS: [(SliKind, &str); 5] = [
    (SliKind::Availability, "availability"),
    (SliKind::Latency, "latency"),
    (SliKind::Freshness, "freshness"),
    (SliKind::Correctness, "correctness"),
    (SliKind::Custom, "custom"),
];

fn subject_value(subject: &SloSubject) -> String {
    match subject {
        SloSubject::Service(id) => format!("service:{id}"),
        SloSubject::Journey(id) => format!("journey:{id}"),
    }
}

fn parse_subject(value: &str) -> Option<SloSubject> {
    match value.split_once(':')? {
        ("service", id) => Some(SloSubject::Service(id.to_string())),
        ("journey", id) => Some(SloSubject::Journey(id.to_string())),
        _ => None,
    }
}

fn check_name(name: &str) -> Option<String> {
    name.trim()
        .is_empty()
        .then(|| "The SLO needs a name.".to_string())
}

/// One SLO's form state shared by the editor's parts: the SLO as the plan has it, and the
/// edits that reach the plan.
#[derive(Clone, Copy)]
struct SloForm {
    wb: Workbook,
    slo: Memo<Option<Slo>>,
    key: StoredValue<Id>,
}

impl SloForm {
    /// A number the SLO holds, for a field.
    fn number(self, read: fn(&Slo) -> f64) -> Signal<f64> {
        let slo = self.slo;
        Signal::derive(move || slo.with(|s| s.as_ref().map(read).unwrap_or_default()))
    }

    /// A text the SLO holds, for a field.
    fn text(self, read: fn(&Slo) -> String) -> Signal<String> {
        let slo = self.slo;
        Signal::derive(move || slo.with(|s| s.as_ref().map(read).unwrap_or_default()))
    }

    /// Saves a field's valid number with `apply`.
    fn set_number(self, apply: fn(&mut Slo, f64)) -> Callback<f64> {
        Callback::new(move |v: f64| self.change(Box::new(move |s| apply(s, v))))
    }

    /// Saves a field's text with `apply`.
    fn set_text(self, apply: fn(&mut Slo, String)) -> Callback<String> {
        Callback::new(move |v: String| self.change(Box::new(move |s| apply(s, v))))
    }

    /// Changes the SLO in the plan (one undo step).
    fn change(self, apply: Box<dyn FnOnce(&mut Slo)>) {
        let wb = self.wb;
        self.key.with_value(|id| wb.edit_part::<Slo>(id, apply));
    }

    /// Whether the SLO passes `test`, for `Show`.
    fn is(self, test: fn(&Slo) -> bool) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        let slo = self.slo;
        move || slo.with(|s| s.as_ref().is_some_and(test))
    }
}

/// The editable fields of one SLO.
#[component]
pub fn SloEditor(id: Id) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let slo = wb.part::<Slo>(id.clone());
    let form = SloForm {
        wb,
        slo,
        key: StoredValue::new(id.clone()),
    };
    let text = move |read: fn(&Slo) -> String| form.text(read);
    let set_text = move |apply: fn(&mut Slo, String)| form.set_text(apply);
    let delete_error = RwSignal::new(None::<String>);
    let delete = {
        let id = id.clone();
        move |_| {
            let mut result = Ok(());
            wb.edit_open(|p| result = delete_slo(p, &id));
            delete_error.set(result.err());
        }
    };

    view! {
        <section class="card slo-editor" aria-labelledby="slo-editor-heading">
            <h2 id="slo-editor-heading">
                {move || slo.with(|s| s.as_ref().map(|s| format!("Edit “{}”", s.name)))}
            </h2>
            <TextField
                label="SLO name"
                id="slo-name"
                value=text(|s| s.name.clone())
                check=check_name
                commit=set_text(|s, v| s.name = v)
            />
            <SloSliFields form />
            <SloWindowFields form />
            <SloBudgetingFields form />
            <PolicyEditor id=id.clone() slo />
            <SloPolicyAgreement form />
            <SloProduction id=id.clone() slo />
            <div class="toolbar">
                <button type="button" class="danger" on:click=delete>
                    "Delete SLO"
                </button>
            </div>
            <p class="field-error" role="alert">
                {move || delete_error.get()}
            </p>
        </section>
    }
}

/// What the SLO is set on and what its SLI counts.
#[component]
fn SloSliFields(form: SloForm) -> impl IntoView {
    let SloForm { slo, .. } = form;
    let number = move |read: fn(&Slo) -> f64| form.number(read);
    let text = move |read: fn(&Slo) -> String| form.text(read);
    let set_number = move |apply: fn(&mut Slo, f64)| form.set_number(apply);
    let set_text = move |apply: fn(&mut Slo, String)| form.set_text(apply);
    let change = move |apply: Box<dyn FnOnce(&mut Slo)>| form.change(apply);
    let is = move |test: fn(&Slo) -> bool| form.is(test);
    let plan = form.wb.open_plan();
    let subject_options = move || {
        plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let c = &p.slo_catalog;
            c.journeys
                .iter()
                .map(|j| (format!("journey:{}", j.id), format!("Journey: {}", j.name)))
                .chain(
                    c.services
                        .iter()
                        .map(|s| (format!("service:{}", s.id), format!("Service: {}", s.name))),
                )
                .collect::<Vec<_>>()
        })
    };
    let current_subject = move || {
        slo.with(|s| {
            s.as_ref()
                .map(|s| subject_value(&s.subject))
                .unwrap_or_default()
        })
    };
    let current_kind = move || slo.with(|s| s.as_ref().map(|s| s.sli.kind));
    view! {
        <div class="field">
            <label for="slo-subject">"Set on"</label>
            <select
                id="slo-subject"
                on:change=move |ev| {
                    if let Some(subject) = parse_subject(&event_target_value(&ev)) {
                        change(Box::new(move |s| s.subject = subject));
                    }
                }
            >
                {move || {
                    let current = current_subject();
                    subject_options()
                        .into_iter()
                        .map(|(value, label)| {
                            let selected = value == current;
                            view! { <option value=value selected=selected>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
        <div class="field-row">
            <div class="field">
                <label for="slo-sli-kind">"SLI kind"</label>
                <select
                    id="slo-sli-kind"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some((kind, _)) = SLI_KINDS.iter().find(|(_, v)| *v == value) {
                            let kind = *kind;
                            change(Box::new(move |s| {
                                s.sli.kind = kind;
                                s.sli.latency_threshold_ms = match kind {
                                    SliKind::Latency => s.sli.latency_threshold_ms.or(Some(500.0)),
                                    _ => None,
                                };
                            }));
                        }
                    }
                >
                    {SLI_KINDS
                        .iter()
                        .map(|(kind, value)| {
                            let kind = *kind;
                            view! {
                                <option value=*value selected=move || current_kind() == Some(kind)>
                                    {sli_label(kind)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <Show when=is(|s| s.sli.kind == SliKind::Latency)>
                <NumberField
                    label="Latency threshold (ms)"
                    id="slo-latency-ms"
                    value=number(|s| s.sli.latency_threshold_ms.unwrap_or(0.0))
                    parse=parse_positive
                    commit=set_number(|s, v| s.sli.latency_threshold_ms = Some(v))
                    hint="A request is good when faster than this."
                />
            </Show>
        </div>
        <TextField
            label="What counts as good (SLI description)"
            id="slo-sli-description"
            value=text(|s| s.sli.description.clone())
            check=no_check
            commit=set_text(|s, v| s.sli.description = v)
        />
    }
}

/// The target and the window it is measured over.
#[component]
fn SloWindowFields(form: SloForm) -> impl IntoView {
    let SloForm { slo, .. } = form;
    let number = move |read: fn(&Slo) -> f64| form.number(read);
    let set_number = move |apply: fn(&mut Slo, f64)| form.set_number(apply);
    let change = move |apply: Box<dyn FnOnce(&mut Slo)>| form.change(apply);
    let is = move |test: fn(&Slo) -> bool| form.is(test);
    let window_kind = move || {
        slo.with(|s| match s.as_ref().map(|s| &s.window) {
            Some(SloWindow::Rolling { .. }) => "rolling",
            Some(SloWindow::CalendarMonth { .. }) => "calendar_month",
            _ => "calendar_quarter",
        })
    };
    view! {
        <div class="field-row">
            <NumberField
                label="Target (%)"
                id="slo-target"
                value=number(|s| s.target_percent)
                parse=parse_target
                commit=set_number(|s, v| s.target_percent = v)
                hint="More than 0, less than 100, up to five decimals."
            />
            <div class="field">
                <label for="slo-window-kind">"Window"</label>
                <select
                    id="slo-window-kind"
                    on:change=move |ev| {
                        // A calendar window starts on the current period; Period changes it.
                        let window = match event_target_value(&ev).as_str() {
                            "calendar_month" => SloWindow::CalendarMonth { month: CalendarPeriod::holding(today(), false).code() },
                            "calendar_quarter" => SloWindow::CalendarQuarter { quarter: CalendarPeriod::holding(today(), true).code() },
                            _ => SloWindow::Rolling { days: 30 },
                        };
                        change(Box::new(move |s| {
                            if std::mem::discriminant(&s.window) != std::mem::discriminant(&window) {
                                s.window = window;
                            }
                        }));
                    }
                >
                    <option value="rolling" selected=move || window_kind() == "rolling">
                        "Rolling days"
                    </option>
                    <option value="calendar_month" selected=move || window_kind() == "calendar_month">
                        "Calendar month"
                    </option>
                    <option value="calendar_quarter" selected=move || window_kind() == "calendar_quarter">
                        "Calendar quarter"
                    </option>
                </select>
            </div>
            <Show when=is(|s| !matches!(s.window, SloWindow::Rolling { .. }))>
                <div class="field">
                    <label for="slo-window-period">"Period"</label>
                    <select
                        id="slo-window-period"
                        on:change=move |ev| {
                            let code = event_target_value(&ev);
                            change(Box::new(move |s| match &mut s.window {
                                SloWindow::CalendarMonth { month } => *month = code,
                                SloWindow::CalendarQuarter { quarter } => *quarter = code,
                                SloWindow::Rolling { .. } => {}
                            }));
                        }
                    >
                        {move || {
                            let window = slo.with(|s| s.as_ref().map(|s| s.window.clone()));
                            let Some(window) = window else { return Vec::new() };
                            let chosen = window.period();
                            window.period_choices(today())
                                .into_iter()
                                .map(|p| {
                                    let selected = Some(p) == chosen;
                                    view! { <option value=p.code() selected=selected>{p.label()}</option> }
                                })
                                .collect::<Vec<_>>()
                        }}
                    </select>
                    <p class="hint">
                        {move || slo.with(|s| s.as_ref().map(|s| format!("{} days.", s.window.days())))}
                    </p>
                </div>
            </Show>
            <Show when=is(|s| matches!(s.window, SloWindow::Rolling { .. }))>
                <NumberField
                    label="Window (days)"
                    id="slo-window-days"
                    value=number(|s| f64::from(s.window.days()))
                    parse=parse_window_days
                    commit=set_number(|s, v| s.window = SloWindow::Rolling { days: v as u32 })
                    hint="1 to 90."
                />
            </Show>
        </div>
    }
}

/// How the budget is counted (events or time slices) and whether maintenance spends it.
#[component]
fn SloBudgetingFields(form: SloForm) -> impl IntoView {
    let SloForm { slo, .. } = form;
    let number = move |read: fn(&Slo) -> f64| form.number(read);
    let set_number = move |apply: fn(&mut Slo, f64)| form.set_number(apply);
    let change = move |apply: Box<dyn FnOnce(&mut Slo)>| form.change(apply);
    let is = move |test: fn(&Slo) -> bool| form.is(test);
    let budgeting_kind = move || {
        slo.with(|s| match s.as_ref().map(|s| &s.budgeting) {
            Some(BudgetingMethod::TimeSlices { .. }) => "time_slices",
            _ => "events",
        })
    };
    view! {
        <div class="field-row">
            <div class="field">
                <label for="slo-budgeting">"Budgeting method"</label>
                <select
                    id="slo-budgeting"
                    on:change=move |ev| {
                        let slices = event_target_value(&ev) == "time_slices";
                        change(Box::new(move |s| {
                            let now_slices = matches!(s.budgeting, BudgetingMethod::TimeSlices { .. });
                            if slices != now_slices {
                                s.budgeting = if slices {
                                    BudgetingMethod::TimeSlices { slice_minutes: 5.0, good_slice_percent: 99.0 }
                                } else {
                                    BudgetingMethod::Events { expected_per_day: 100_000.0 }
                                };
                            }
                        }));
                    }
                >
                    <option value="events" selected=move || budgeting_kind() == "events">
                        "Events (occurrences)"
                    </option>
                    <option value="time_slices" selected=move || budgeting_kind() == "time_slices">
                        "Time slices"
                    </option>
                </select>
            </div>
            <Show
                when=is(|s| matches!(s.budgeting, BudgetingMethod::Events { .. }))
                fallback=move || {
                    view! {
                        <NumberField
                            label="Slice length (minutes)"
                            id="slo-slice-minutes"
                            value=number(|s| match s.budgeting {
                                BudgetingMethod::TimeSlices { slice_minutes, .. } => slice_minutes,
                                _ => 0.0,
                            })
                            parse=parse_slice_minutes
                            commit=set_number(|s, v| {
                                if let BudgetingMethod::TimeSlices { slice_minutes, .. } = &mut s.budgeting {
                                    *slice_minutes = v;
                                }
                            })
                        />
                        <NumberField
                            label="Good share a slice needs (%)"
                            id="slo-good-slice"
                            value=number(|s| match s.budgeting {
                                BudgetingMethod::TimeSlices { good_slice_percent, .. } => good_slice_percent,
                                _ => 0.0,
                            })
                            parse=parse_share_percent
                            commit=set_number(|s, v| {
                                if let BudgetingMethod::TimeSlices { good_slice_percent, .. } = &mut s.budgeting {
                                    *good_slice_percent = v;
                                }
                            })
                        />
                    }
                }
            >
                <NumberField
                    label="Expected events per day"
                    id="slo-events-per-day"
                    value=number(|s| match s.budgeting {
                        BudgetingMethod::Events { expected_per_day } => expected_per_day,
                        _ => 0.0,
                    })
                    parse=parse_positive
                    commit=set_number(|s, v| {
                        if let BudgetingMethod::Events { expected_per_day } = &mut s.budgeting {
                            *expected_per_day = v;
                        }
                    })
                />
            </Show>
        </div>
        <div class="checkbox">
            <input
                id="slo-maintenance"
                type="checkbox"
                prop:checked=is(|s| s.maintenance_counts)
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    change(Box::new(move |s| s.maintenance_counts = checked));
                }
            />
            <label for="slo-maintenance">"Planned maintenance counts against the budget"</label>
        </div>
    }
}

/// Who agreed the error-budget policy, and when it was agreed and is next reviewed.
#[component]
fn SloPolicyAgreement(form: SloForm) -> impl IntoView {
    let SloForm { slo, .. } = form;
    let text = move |read: fn(&Slo) -> String| form.text(read);
    let set_text = move |apply: fn(&mut Slo, String)| form.set_text(apply);
    let change = move |apply: Box<dyn FnOnce(&mut Slo)>| form.change(apply);
    let is = move |test: fn(&Slo) -> bool| form.is(test);
    // The policy's dates: a review before the agreement is refused with a message, and the
    // plan keeps what it had.
    let date_error = RwSignal::new(None::<String>);
    let set_date = move |which: PolicyDate, value: String| {
        let date = parse_date(&value).map(|_| value);
        let Some((agreed_on, review_on)) = slo.with_untracked(|s| {
            s.as_ref()
                .map(|s| (s.policy.agreed_on.clone(), s.policy.review_on.clone()))
        }) else {
            return;
        };
        let (agreed_on, review_on) = match which {
            PolicyDate::Agreed => (date, review_on),
            PolicyDate::Review => (agreed_on, date),
        };
        if let (Some(a), Some(r)) = (&agreed_on, &review_on) {
            // ISO dates compare as text.
            if r < a {
                date_error.set(Some(format!(
                    "The next review ({r}) is before the policy was agreed ({a}); not saved."
                )));
                return;
            }
        }
        date_error.set(None);
        change(Box::new(move |s| {
            s.policy.agreed_on = agreed_on;
            s.policy.review_on = review_on;
        }));
    };
    view! {
        <div class="checkbox">
            <input
                id="slo-policy-agreed"
                type="checkbox"
                prop:checked=is(|s| s.policy.agreed)
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    change(Box::new(move |s| s.policy.agreed = checked));
                }
            />
            <label for="slo-policy-agreed">"Product management has agreed this policy"</label>
        </div>
        <TextField
            label="Agreed by"
            id="slo-policy-agreed-by"
            value=text(|s| s.policy.agreed_by.clone())
            check=no_check
            commit=set_text(|s, v| s.policy.agreed_by = v)
        />
        <div class="field-row">
            <DateField
                label="Agreed on"
                id="slo-policy-agreed-on"
                value=Signal::derive(move || slo.with(|s| s.as_ref().and_then(|s| s.policy.agreed_on.clone())))
                change=Callback::new(move |v| set_date(PolicyDate::Agreed, v))
            />
            <DateField
                label="Next review"
                id="slo-policy-review-on"
                value=Signal::derive(move || slo.with(|s| s.as_ref().and_then(|s| s.policy.review_on.clone())))
                change=Callback::new(move |v| set_date(PolicyDate::Review, v))
            />
        </div>
        <p class="field-error" role="alert">{move || date_error.get()}</p>
    }
}

/// The error-budget policy thresholds of an SLO, kept in increasing order.
#[component]
fn PolicyEditor(id: Id, slo: Memo<Option<Slo>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let problem = RwSignal::new(None::<String>);
    let count = Memo::new(move |_| {
        slo.with(|s| s.as_ref().map(|s| s.policy.thresholds.len()).unwrap_or(0))
    });
    let thresholds = move || {
        slo.with_untracked(|s| {
            s.as_ref()
                .map(|s| s.policy.thresholds.clone())
                .unwrap_or_default()
        })
    };
    let add = {
        let id = id.clone();
        move |_| {
            let last = thresholds()
                .last()
                .map(|t| t.consumed_percent)
                .unwrap_or(0.0);
            wb.edit_part::<Slo>(&id, |s| {
                s.policy.thresholds.push(PolicyThreshold {
                    consumed_percent: last + 25.0,
                    action: "Agree the action for this threshold.".to_string(),
                })
            });
        }
    };
    view! {
        <fieldset class="policy">
            <legend>"Error-budget policy"</legend>
            {move || {
                (0..count.get())
                    .map(|i| {
                        let id_consumed = id.clone();
                        let id_action = id.clone();
                        let id_remove = id.clone();
                        let consumed = Signal::derive(move || {
                            slo.with(|s| s.as_ref().and_then(|s| s.policy.thresholds.get(i)).map(|t| t.consumed_percent).unwrap_or(0.0))
                        });
                        let action = Signal::derive(move || {
                            slo.with(|s| s.as_ref().and_then(|s| s.policy.thresholds.get(i)).map(|t| t.action.clone()).unwrap_or_default())
                        });
                        let commit_consumed = Callback::new(move |v: f64| {
                            let list = thresholds();
                            let before = i.checked_sub(1).and_then(|j| list.get(j)).map(|t| t.consumed_percent);
                            let after = list.get(i + 1).map(|t| t.consumed_percent);
                            if before.is_some_and(|b| v <= b) || after.is_some_and(|a| v >= a) {
                                problem.set(Some(format!(
                                    "Threshold {}: {v} % must lie between the thresholds around it ({} and {}).",
                                    i + 1,
                                    before.map(|b| format!("{b} %")).unwrap_or_else(|| "0 %".into()),
                                    after.map(|a| format!("{a} %")).unwrap_or_else(|| "no limit".into()),
                                )));
                            } else {
                                problem.set(None);
                                wb.edit_part::<Slo>(&id_consumed, |s| {
                                    // The list may have shrunk (undo, another tab) since this row was drawn.
                                    if let Some(t) = s.policy.thresholds.get_mut(i) {
                                        t.consumed_percent = v;
                                    }
                                });
                            }
                        });
                        view! {
                            <div class="policy-row">
                                <NumberField
                                    label=format!("Threshold {}: budget consumed (%)", i + 1)
                                    id=format!("policy-consumed-{i}")
                                    value=consumed
                                    parse=parse_non_negative
                                    commit=commit_consumed
                                />
                                <TextField
                                    label=format!("Threshold {}: agreed action", i + 1)
                                    id=format!("policy-action-{i}")
                                    value=action
                                    check=|a: &str| a.trim().is_empty().then(|| "Say what is done at this threshold.".to_string())
                                    commit=Callback::new(move |v: String| {
                                        wb.edit_part::<Slo>(&id_action, |s| {
                                            if let Some(t) = s.policy.thresholds.get_mut(i) {
                                                t.action = v;
                                            }
                                        })
                                    })
                                />
                                <button
                                    type="button"
                                    aria-label=format!("Remove threshold {}", i + 1)
                                    on:click=move |_| {
                                        problem.set(None);
                                        wb.edit_part::<Slo>(&id_remove, |s| {
                                            if i < s.policy.thresholds.len() {
                                                s.policy.thresholds.remove(i);
                                            }
                                        })
                                    }
                                >
                                    "Remove"
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <p class="field-error" aria-live="polite">
                {move || problem.get()}
            </p>
            <button type="button" on:click=add>
                "Add threshold"
            </button>
        </fieldset>
    }
}

/// Which date of the error-budget policy an input sets.
#[derive(Clone, Copy)]
enum PolicyDate {
    Agreed,
    Review,
}
