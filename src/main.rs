//! Entry point. In the browser: reads the plans, then mounts the workbook into the page.
//! Natively: `sre-workbook`, the command-line workbook (src/cli).

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use sre_workbook::ui::{first_screen, workbook::Workbook};
    use sre_workbook::App;

    console_error_panic_hook::set_once();
    // Reading the library (on a first visit, the example plan) and drawing the page are
    // two tasks, so neither blocks input for long.
    let workbook = Workbook::load();
    first_screen::mount(move || view! { <App workbook /> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    sre_workbook::cli::main()
}
