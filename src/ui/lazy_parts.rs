//! What the app shell hands to workspaces that use parts kept in chunks of their own: the
//! type only, so a workspace can name it without depending on the shell's loader
//! ([`crate::ui::lazy_workspace`] builds it).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::{AnyView, Callback, Memo};

use crate::interop::plan_exports::{ExportFile, ExportKind};
use crate::model::plan::{AssessmentRound, Id, Plan};
use crate::model::scenario::played::{Played, ScenarioAndSlo};

/// A share link being made: the link, or why there is none.
pub type LinkInMaking = Pin<Box<dyn Future<Output = Result<String, String>>>>;

/// Two plans being compared: the summary's headline and each subject with its changes in
/// words, or why the comparison could not be made.
pub type ComparisonInMaking = Pin<Box<dyn Future<Output = Result<Comparison, String>>>>;

/// One of the Plans page's file buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    /// "Open plan file…": pick a file, open its plan and bind it.
    Open,
    /// "Save to file…": pick a file, write the open plan and bind it.
    Save,
    /// "Stop saving to …": end the binding.
    Stop,
}

/// The files of a production export being made, or why they could not be.
pub type FilesInMaking = Pin<Box<dyn Future<Output = Result<Vec<ExportFile>, String>>>>;

/// A file action under way: done, or why it could not be done.
pub type FileActionInMaking = Pin<Box<dyn Future<Output = Result<(), String>>>>;

/// A workspace's section being fetched: its view, or why it could not be loaded
/// ([`crate::ui::widgets::lazy_section::LazySection`]).
pub type SectionInMaking = Pin<Box<dyn Future<Output = Result<AnyView, String>>>>;

/// The Scenarios page's column beside the editor for the scenario shown: its id, the scenario
/// with its SLO, and every scenario simulated.
pub type ScenarioSide = fn(Id, Memo<Option<ScenarioAndSlo>>, Memo<Vec<Played>>) -> SectionInMaking;

/// A comparison as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// "3 changes to plan “…”." or "No changes to plan “…”."
    pub headline: String,
    /// Each subject with its changes, in words.
    pub sections: Vec<(String, Vec<String>)>,
}

/// Parts of workspaces that are chunks of their own, so they stay off the first visit's
/// critical path: the share-link encoder (deflate, needed only when a link is made), the
/// comparison of two plans ("Compare with file…"), the binding of a plan to a file, and the
/// writers of the SLOs page's production files (off the SLOs page's own download), and the
/// sections of a workspace below its first screen, fetched when it shows them. The app
/// shell provides them: a split called from inside another split's code would otherwise be
/// linked into builds that are not split (the wasm-bindgen tests), which cannot load it.
/// ("Getting started" is part of the Plans page itself: arriving after it as a part of its
/// own, it pushed the page down.)
#[derive(Clone, Copy)]
pub struct LazyParts {
    /// The share link of a plan on a page address.
    pub share_link: fn(String, Plan) -> LinkInMaking,
    /// What changed from the first plan to the second ("Compare with file…").
    pub compare: fn(Plan, Plan) -> ComparisonInMaking,
    /// The binding of a plan to a file on disk ("Open plan file…", "Save to file…").
    pub plan_file: fn(crate::ui::workbook::Workbook, LazyParts, FileAction) -> FileActionInMaking,
    /// The files of "Export Prometheus rules", "Export Sloth spec" or "Export Pyrra
    /// objectives" for the plan, or for one service (its id; "" for all).
    pub production_files: fn(Plan, ExportKind, String) -> FilesInMaking,
    /// The Scenarios page's "Replay history" section, for the open plan and the scenario
    /// shown in detail: below the page's first screen, and the largest part of it (the
    /// history readers, the replay, the kept history's figures).
    pub history_replay: fn(Memo<Option<Plan>>, Memo<Option<Id>>) -> SectionInMaking,
    /// The Scenarios page's column beside the scenario editor, for the scenario `Id` shown
    /// (played) among every scenario simulated: what it does (burn rate, timeline, the alert
    /// lab), its Monte Carlo odds and what the budget affords. Below the page's first screen.
    pub scenario_side: ScenarioSide,
    /// The Transition page's "Run workshop" dialog for the shown round, closed by the
    /// callback: fetched when it is first opened.
    pub workshop: fn(Memo<Option<AssessmentRound>>, Callback<()>) -> SectionInMaking,
}
