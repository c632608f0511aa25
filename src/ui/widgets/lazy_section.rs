//! A section of a workspace whose code is a part of its own ([`LazyParts`]), fetched when
//! the workspace shows it: the workspace's first screen does not wait for it. Until the part
//! arrives the section's heading stands in its place with a loading note; when it cannot be
//! fetched, it says so with a Retry button (the rest of the page keeps working).

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::ui::lazy_parts::{LazyParts, SectionInMaking};

/// The section `heading` (its heading's id `heading_id`), drawn by `load` once its part is
/// fetched.
#[component]
pub fn LazySection(
    /// The section's heading, shown while it loads or when it cannot.
    #[prop(into)]
    heading: Signal<String>,
    /// The id of the section's heading, kept by the stand-in (links and the index use it).
    heading_id: &'static str,
    /// The section's class, kept by the stand-in so the page does not move when it arrives.
    class: &'static str,
    /// Fetches the part (once; again after a failure) and draws the section.
    load: impl Fn(LazyParts) -> SectionInMaking + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let parts = expect_context::<LazyParts>();
    // Each Retry starts a fresh fetch: the loader keeps successes only.
    let attempt = RwSignal::new(0u32);
    let content = move || {
        attempt.track();
        Suspend::new(SendWrapper::new(async move {
            match load(parts).await {
                Ok(view) => view,
                Err(why) => view! {
                    <section class=format!("card {class}") aria-labelledby=heading_id>
                        <h2 id=heading_id>{heading}</h2>
                        <p class="banner banner--error" role="alert">{format!("This section could not be loaded: {why}.")}</p>
                        <p class="toolbar">
                            <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>"Retry"</button>
                        </p>
                    </section>
                }
                .into_any(),
            }
        }))
    };
    view! {
        <Suspense fallback=move || view! {
            <section class=format!("card {class}") aria-labelledby=heading_id aria-busy="true">
                <h2 id=heading_id>{heading}</h2>
                <p class="workspace-loading" role="status">"Loading…"</p>
            </section>
        }>{content}</Suspense>
    }
}
