//! The plan file reader (text → checked plan, with every message of a bad file) is a part
//! of the wasm of its own: about a quarter of the app's code, needed only when there is a
//! plan to read (plans stored in this browser, an imported or opened file, a share link,
//! another tab's save). A first visit opens the example plan, built by code, without it.

use crate::model::plan::problem::PlanError;
use crate::model::plan::Plan;
use std::future::Future;
use std::pin::Pin;

use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// The readers, as values the page hands around once the part has arrived.
#[derive(Clone, Copy)]
pub struct PlanReader {
    /// A stored entry's text.
    pub text: fn(&str) -> Result<Plan, PlanError>,
    /// An imported or opened file's bytes (its histories' rows checked too).
    pub file: fn(&[u8]) -> Result<Plan, PlanError>,
    /// A share link's payload (the text after `#share=`).
    pub share: fn(&str) -> Result<Plan, PlanError>,
}

/// What a user is told when the reader cannot be fetched.
pub const READER_UNAVAILABLE: &str = "the part of the workbook that reads plans could not be loaded; check the connection and try again";

/// The reader's part could not be fetched (the connection, or a newer deployment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderUnavailable;

impl From<SplitLoaderError> for ReaderUnavailable {
    fn from(_: SplitLoaderError) -> Self {
        ReaderUnavailable
    }
}

#[wasm_split(plan_reader, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reader_part() -> Result<PlanReader, ReaderUnavailable> {
    Ok(PlanReader {
        text: crate::model::plan::format::read_plan_text,
        file: crate::model::plan::format::read_plan,
        share: crate::interop::share_link::decode,
    })
}

/// Fetches the plan reader's part, as [`crate::ui::workbook::Workbook`] asks for it: a
/// function the page's entry point (src/main.rs) hands over rather than one the workbook
/// calls, since a split called from code other splits reach would be linked into the
/// builds that are not split (the wasm-bindgen tests), which cannot load it.
pub type FetchPlanReader = fn() -> Pin<Box<dyn Future<Output = Result<PlanReader, String>>>>;

/// Fetches the reader (once: the loader keeps what arrived).
pub fn fetch_plan_reader() -> Pin<Box<dyn Future<Output = Result<PlanReader, String>>>> {
    Box::pin(async {
        reader_part()
            .await
            .map_err(|ReaderUnavailable| READER_UNAVAILABLE.to_string())
    })
}
