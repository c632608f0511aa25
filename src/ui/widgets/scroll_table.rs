//! The shape every wide table of the workbook takes: a table with column headings in its
//! own sideways-scrolling region, which is named and focusable so keyboard and
//! screen-reader users can scroll it too.

use leptos::prelude::*;

/// A table of `headings` whose rows are the children, in a scroll region named
/// "`label` (scrolls sideways)".
#[component]
pub fn ScrollTable(
    /// What the table holds; names the scroll region.
    label: &'static str,
    /// Column headings, left to right.
    headings: Vec<String>,
    /// The table's class (for its layout).
    #[prop(optional)]
    class: &'static str,
    /// A visible caption, if the table has one.
    #[prop(optional, into)]
    caption: Option<String>,
    /// The rows (`<tr>` elements).
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{label} (scrolls sideways)")>
            <table class=class>
                {caption.map(|c| view! { <caption>{c}</caption> })}
                <thead>
                    <tr>
                        {headings.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// Column headings from string literals.
pub fn headings(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}
