//! Services (with their owning team) and user journeys (with priority and the services
//! they depend on), which SLOs are set on.

use leptos::prelude::*;

use crate::model::plan::{Id, Journey, Plan, Service};
use crate::model::slo::catalog_ops::{add_journey, add_service, delete_journey, delete_service};
use crate::ui::widgets::text_field::{check_name, no_check, TextField};
use crate::ui::workbook::Workbook;

/// The services and journeys of the open plan.
#[component]
pub fn ServiceCatalog() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let problem = RwSignal::new(None::<String>);
    let service_ids = move || wb.part_ids::<Service>();
    let journey_ids = move || wb.part_ids::<Journey>();
    let add_a_journey = move |_| {
        let first = service_ids().into_iter().next();
        match first {
            Some(service) => wb.edit_open(|p| {
                add_journey(p, &service);
            }),
            None => problem.set(Some(
                "Add a service first: a journey enters through one.".into(),
            )),
        }
    };
    view! {
        <section class="card" aria-labelledby="catalog-heading">
            <h2 id="catalog-heading">"Services and user journeys"</h2>
            <p class="field-error" role="alert">
                {move || problem.get()}
            </p>
            <h3>"Services"</h3>
            <Show when=move || service_ids().is_empty()>
                <p class="empty-state">"No services yet: add what your teams run in production. SLOs are set on services, and on user journeys through them."</p>
            </Show>
            <div class="catalog-grid">
                <For
                    each=service_ids
                    key=|id| id.clone()
                    children=move |id| view! { <ServiceCard id problem /> }
                />
            </div>
            <button
                type="button"
                on:click=move |_| {
                    problem.set(None);
                    wb.edit_open(|p| {
                        add_service(p);
                    });
                }
            >
                "Add service"
            </button>
            <h3>"User journeys"</h3>
            <Show when=move || journey_ids().is_empty()>
                <p class="empty-state">"No user journeys yet: a journey is what a user does (buy a label, track a parcel) across services; its SLO speaks for the user."</p>
            </Show>
            <div class="catalog-grid">
                <For
                    each=journey_ids
                    key=|id| id.clone()
                    children=move |id| view! { <JourneyCard id problem /> }
                />
            </div>
            <button type="button" on:click=add_a_journey>
                "Add journey"
            </button>
        </section>
    }
}

#[component]
fn ServiceCard(id: Id, problem: RwSignal<Option<String>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let key = StoredValue::new(id.clone());
    let service = wb.part::<Service>(id.clone());
    let name = Signal::derive(move || {
        service.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default())
    });
    let description = Signal::derive(move || {
        service.with(|s| {
            s.as_ref()
                .map(|s| s.description.clone())
                .unwrap_or_default()
        })
    });
    let teams = move || {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| {
                    p.transition
                        .teams
                        .iter()
                        .map(|t| (t.id.clone(), t.name.clone()))
                })
                .collect::<Vec<_>>()
        })
    };
    let team = move || service.with(|s| s.as_ref().and_then(|s| s.team.clone()));
    view! {
        <fieldset class="catalog-card">
            <legend>{move || name.get()}</legend>
            <TextField
                label="Service name"
                id=format!("service-name-{id}")
                value=name
                check=check_name
                commit=Callback::new(move |v: String| key.with_value(|id| wb.edit_part::<Service>(id, |s| s.name = v)))
            />
            <div class="field">
                <label for=format!("service-team-{id}")>"Owning team"</label>
                <select
                    id=format!("service-team-{id}")
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let team = (!value.is_empty()).then_some(value);
                        key.with_value(|id| wb.edit_part::<Service>(id, |s| s.team = team));
                    }
                >
                    <option value="" selected=move || team().is_none()>
                        "No team yet"
                    </option>
                    {move || {
                        let current = team();
                        teams()
                            .into_iter()
                            .map(|(tid, tname)| {
                                let selected = current.as_deref() == Some(tid.as_str());
                                view! { <option value=tid selected=selected>{tname}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <TextField
                label="Description"
                id=format!("service-description-{id}")
                value=description
                check=no_check
                commit=Callback::new(move |v: String| key.with_value(|id| wb.edit_part::<Service>(id, |s| s.description = v)))
            />
            <button
                type="button"
                class="danger"
                aria-label=move || format!("Delete service {}", name.get())
                on:click=move |_| {
                    let mut result = Ok(());
                    key.with_value(|id| wb.edit_open(|p| result = delete_service(p, id)));
                    problem.set(result.err());
                }
            >
                "Delete"
            </button>
        </fieldset>
    }
}

#[component]
fn JourneyCard(id: Id, problem: RwSignal<Option<String>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let key = StoredValue::new(id.clone());
    let journey = wb.part::<Journey>(id.clone());
    let name = Signal::derive(move || {
        journey.with(|j| j.as_ref().map(|j| j.name.clone()).unwrap_or_default())
    });
    let description = Signal::derive(move || {
        journey.with(|j| {
            j.as_ref()
                .map(|j| j.description.clone())
                .unwrap_or_default()
        })
    });
    let services = move || service_choices(plan);
    let entry = move || journey.with(|j| j.as_ref().map(|j| j.service.clone()).unwrap_or_default());
    let priority = move || journey.with(|j| j.as_ref().map(|j| j.priority).unwrap_or(3));
    view! {
        <fieldset class="catalog-card">
            <legend>{move || name.get()}</legend>
            <TextField
                label="Journey name"
                id=format!("journey-name-{id}")
                value=name
                check=check_name
                commit=Callback::new(move |v: String| key.with_value(|id| wb.edit_part::<Journey>(id, |j| j.name = v)))
            />
            <div class="field-row">
                <div class="field">
                    <label for=format!("journey-service-{id}")>"Enters through"</label>
                    <select
                        id=format!("journey-service-{id}")
                        on:change=move |ev| {
                            let service = event_target_value(&ev);
                            key.with_value(|id| wb.edit_part::<Journey>(id, |j| j.service = service));
                        }
                    >
                        {move || {
                            let current = entry();
                            services()
                                .into_iter()
                                .map(|(sid, sname)| {
                                    let selected = sid == current;
                                    view! { <option value=sid selected=selected>{sname}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for=format!("journey-priority-{id}")>"Priority"</label>
                    <select
                        id=format!("journey-priority-{id}")
                        on:change=move |ev| {
                            if let Ok(p) = event_target_value(&ev).parse::<u8>() {
                                key.with_value(|id| wb.edit_part::<Journey>(id, |j| j.priority = p));
                            }
                        }
                    >
                        {(1..=5u8)
                            .map(|p| {
                                let label = match p {
                                    1 => "1 (highest)".to_string(),
                                    5 => "5 (lowest)".to_string(),
                                    n => n.to_string(),
                                };
                                view! {
                                    <option value=p.to_string() selected=move || priority() == p>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <JourneyDependencies key journey />
            <TextField
                label="Description"
                id=format!("journey-description-{id}")
                value=description
                check=no_check
                commit=Callback::new(move |v: String| key.with_value(|id| wb.edit_part::<Journey>(id, |j| j.description = v)))
            />
            <button
                type="button"
                class="danger"
                aria-label=move || format!("Delete journey {}", name.get())
                on:click=move |_| {
                    let mut result = Ok(());
                    key.with_value(|id| wb.edit_open(|p| result = delete_journey(p, id)));
                    problem.set(result.err());
                }
            >
                "Delete"
            </button>
        </fieldset>
    }
}

/// The services a journey passes through in series, one checkbox each: the SLO figures'
/// dependency check multiplies their targets.
#[component]
fn JourneyDependencies(key: StoredValue<Id>, journey: Memo<Option<Journey>>) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let plan = wb.open_plan();
    let services = move || service_choices(plan);
    let depends = move |service: &str| {
        journey.with(|j| {
            j.as_ref()
                .is_some_and(|j| j.depends_on.iter().any(|d| d == service))
        })
    };
    view! {
    <fieldset class="checkbox-group">
        <legend>"Depends on, in series"</legend>
        {move || {
            services()
                .into_iter()
                .map(|(sid, sname)| {
                    let box_id = format!("journey-{}-dep-{sid}", key.with_value(|k| k.clone()));
                    let checked = {
                        let sid = sid.clone();
                        move || depends(&sid)
                    };
                    view! {
                        <span class="checkbox">
                            <input
                                id=box_id.clone()
                                type="checkbox"
                                prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let sid = sid.clone();
                                    key.with_value(|id| {
                                        wb.edit_part::<Journey>(id, |j| {
                                            j.depends_on.retain(|d| *d != sid);
                                            if on {
                                                j.depends_on.push(sid);
                                            }
                                        })
                                    });
                                }
                            />
                            <label for=box_id>{sname}</label>
                        </span>
                    }
                })
                .collect_view()
        }}
    </fieldset>
    }
}

/// The services of the open plan, id and name, for choosing among them.
fn service_choices(plan: Memo<Option<Plan>>) -> Vec<(Id, String)> {
    plan.with(|p| {
        p.iter()
            .flat_map(|p| {
                p.slo_catalog
                    .services
                    .iter()
                    .map(|s| (s.id.clone(), s.name.clone()))
            })
            .collect()
    })
}
