//! Download buttons for what the workspaces show: a chart as an SVG file, a table as CSV.
//! Files are named after the open plan.

use leptos::prelude::*;

use crate::model::plan::format::download_file_name;
use crate::ui::browser::download_text;
use crate::ui::workbook::Workbook;

/// `<plan name> - <what>.<extension>`, safe for any file system.
fn file_name(wb: Workbook, what: &str, extension: &str) -> String {
    let plan = wb
        .open_plan()
        .with_untracked(|p| p.as_ref().map(|p| p.name.clone()))
        .unwrap_or_default();
    download_file_name(&format!("{plan} - {what}"), extension)
}

/// "Download SVG" for a chart; `what` names the chart for screen readers and the file.
#[component]
pub fn SvgDownload(#[prop(into)] svg: Signal<String>, what: &'static str) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let download = move |_| {
        let name = file_name(wb, what, "svg");
        let text = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
            svg.get_untracked()
        );
        let _ = download_text(&name, &text, "image/svg+xml");
    };
    view! {
        <button type="button" class="download-button" aria-label=format!("Download SVG: {what}") on:click=download>
            "Download SVG"
        </button>
    }
}

/// A button that downloads text made from the open plan (CSV, YAML, …).
#[component]
pub fn PlanTextDownload(
    /// The button's label.
    label: &'static str,
    /// Names the file after the plan: `<plan> - <what>.<extension>`.
    what: &'static str,
    extension: &'static str,
    mime: &'static str,
    /// Makes the file's text from the open plan.
    make: fn(&crate::model::plan::Plan) -> String,
) -> impl IntoView {
    let wb = expect_context::<Workbook>();
    let open_plan = wb.open_plan();
    let download = move |_| {
        if let Some(text) = open_plan.with_untracked(|p| p.as_ref().map(make)) {
            let _ = download_text(&file_name(wb, what, extension), &text, mime);
        }
    };
    view! {
        <button type="button" on:click=download>
            {label}
        </button>
    }
}
