//! Entry point: reads the plans, then mounts the workbook into the page.

use leptos::prelude::*;
use sre_workbook::ui::{first_screen, workbook::Workbook};
use sre_workbook::App;

fn main() {
    console_error_panic_hook::set_once();
    // Reading the library (on a first visit, the example plan) and drawing the page are
    // two tasks, so neither blocks input for long.
    let workbook = Workbook::load();
    first_screen::mount(move || view! { <App workbook /> });
}
