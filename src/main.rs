//! Entry point: mounts the workbook into the page.

fn main() {
    console_error_panic_hook::set_once();
    // The static loading header in index.html gives way to the app.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(sre_workbook::App);
}
