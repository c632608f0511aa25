//! An in-page index of a long workspace's sections: links that scroll to a section and
//! leave its address (`#/transition/coaching`) in the location, so a section can be linked
//! to and a reload returns to it.

use leptos::prelude::*;

use crate::ui::browser::{location_hash, replace_hash, scroll_to_element};
use crate::ui::route::{hash_item, item_hash, Route};

/// A section of a page: its address part and the id of its heading, and the link text.
pub type IndexEntry = (&'static str, &'static str, &'static str);

/// The index of `entries` of the `route` workspace; scrolls to the section the address
/// names when the page opens.
#[component]
pub fn SectionIndex(route: Route, entries: &'static [IndexEntry]) -> impl IntoView {
    if let Some(item) = hash_item(&location_hash()) {
        if let Some((_, heading, _)) = entries.iter().find(|(name, _, _)| *name == item) {
            scroll_to_element(heading);
        }
    }
    view! {
        <nav class="section-index" aria-label="Sections of this page">
            <ul>
                {entries
                    .iter()
                    .map(|(name, heading, label)| {
                        let href = item_hash(route, name);
                        let go = {
                            let href = href.clone();
                            move |ev: leptos::ev::MouseEvent| {
                                ev.prevent_default();
                                replace_hash(&href);
                                scroll_to_element(heading);
                            }
                        };
                        view! { <li><a href=href on:click=go>{*label}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
