//! Any bytes given to the plan reader (as an imported file or a stored entry would be) give a
//! plan or a list of problems: never a panic, a hang or a crash. A plan it accepts must
//! survive export and import unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sre_workbook::model::plan::format::{read_plan, write_plan};

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = read_plan(data) {
        let again = read_plan(write_plan(&plan, false).as_bytes()).expect("an export reads back");
        assert_eq!(again, plan, "export then import changed the plan");
    }
});
