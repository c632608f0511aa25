//! Entry point: mounts the workbook into the page.

fn main() {
    console_error_panic_hook::set_once();
    sre_workbook::ui::first_screen::mount(sre_workbook::App);
}
