//! "Compare with file…": what changed from the open plan to a plan file someone sent, in the
//! words of `sre-workbook diff`, before deciding whether to import it. Nothing is stored.

use leptos::prelude::*;

use crate::model::plan::format::check_file_size;
use crate::ui::browser::read_file_bytes;
use crate::ui::lazy_parts::{Comparison, LazyParts};
use crate::ui::plans::import::picked_file;
use crate::ui::workbook::Workbook;

/// What the comparison shows: the file's name with the summary, or why there is none.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Reading(String),
    Compared {
        file: String,
        plan: String,
        comparison: Comparison,
    },
    Failed {
        file: String,
        problems: Vec<String>,
    },
}

/// The "Compare with file…" picker and, once a file is picked, the summary of changes.
#[component]
pub fn CompareWithFile() -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let parts = use_context::<LazyParts>();
    let shown = RwSignal::new(None::<Shown>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else {
            return;
        };
        let name = file.name();
        let Some(open) = wb.open_plan().get_untracked() else {
            return;
        };
        let fail = move |problems: Vec<String>| {
            shown.set(Some(Shown::Failed {
                file: name.clone(),
                problems,
            }))
        };
        if let Err(e) = check_file_size(file.size() as usize) {
            fail(e.problems.iter().map(ToString::to_string).collect());
            return;
        }
        shown.set(Some(Shown::Reading(file.name())));
        leptos::task::spawn_local(async move {
            let bytes = match read_file_bytes(&file).await {
                Ok(bytes) => bytes,
                Err(e) => return fail(vec![format!("the file could not be read: {e}")]),
            };
            let reader = match wb.plan_reader().await {
                Ok(reader) => reader,
                Err(why) => return fail(vec![why]),
            };
            let theirs = match (reader.file)(&bytes) {
                Ok(plan) => plan,
                Err(e) => return fail(e.problems.iter().map(ToString::to_string).collect()),
            };
            let compared = match parts {
                Some(parts) => (parts.compare)(open.clone(), theirs).await,
                None => Err("plans cannot be compared on this page".into()),
            };
            match compared {
                Ok(comparison) => shown.set(Some(Shown::Compared {
                    file: file.name(),
                    plan: open.name.clone(),
                    comparison,
                })),
                Err(why) => fail(vec![why]),
            }
        });
    };
    let result = move || {
        shown.get().map(|s| match s {
            Shown::Reading(file) => view! { <p role="status" class="hint">{format!("Reading “{file}”…")}</p> }.into_any(),
            Shown::Failed { file, problems } => view! {
                <div role="alert" class="banner banner--error">
                    <p>{format!("“{file}” cannot be compared:")}</p>
                    <ul class="problems">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
            Shown::Compared { file, plan, comparison } => view! {
                <section class="comparison" aria-labelledby="comparison-heading">
                    <h3 id="comparison-heading">{format!("From the open plan “{plan}” to “{file}”")}</h3>
                    <p role="status">{comparison.headline}</p>
                    {comparison
                        .sections
                        .into_iter()
                        .map(|(subject, lines)| view! {
                            <h4>{subject}</h4>
                            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        })
                        .collect_view()}
                    <button type="button" on:click=move |_| shown.set(None)>"Close comparison"</button>
                </section>
            }
            .into_any(),
        })
    };
    view! {
        <div class="toolbar">
        <span class="file-button">
            <input
                id="compare-plan"
                type="file"
                accept=".json,application/json"
                class="visually-hidden"
                on:change=on_change
            />
            <label for="compare-plan" class="button">
                "Compare with file…"
            </label>
        </span>
        <span class="hint">"What a plan file someone sent would change in the open plan."</span>
        </div>
        {result}
    }
}
