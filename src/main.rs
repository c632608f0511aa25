//! Entry point. In the browser: reads the plans, then mounts the workbook into the page.
//! Natively: `sre-workbook`, the command-line workbook (src/cli).

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use sre_workbook::ui::plan_reader::fetch_plan_reader;
    use sre_workbook::ui::{browser, first_screen, workbook::Workbook};
    use sre_workbook::App;

    console_error_panic_hook::set_once();
    // Plans stored here or a share link need the plan reader, a part of its own (the page
    // requested it beside the first workspace's); a first visit opens the example without.
    // Reading the library and drawing the page are two tasks, so neither blocks input long.
    let start = |reader| {
        let workbook = Workbook::load(reader, fetch_plan_reader);
        first_screen::mount(move || view! { <App workbook /> });
    };
    if Workbook::needs_reader(browser::opened_with_share_link()) {
        wasm_bindgen_futures::spawn_local(async move {
            // Without it, the workbook opens on the example and says why, saving nothing.
            start(fetch_plan_reader().await.ok());
        });
    } else {
        start(None);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    sre_workbook::cli::main()
}
