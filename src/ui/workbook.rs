//! The workbook held by the page: the plan library, the open plan, and the operations every
//! screen uses to change them. Every change goes through here, which is where autosave
//! (debounced) hooks in; components never keep a second copy of plan data.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use leptos::prelude::*;

use super::browser::{mark, measure_since, now_millis, random_u32};
use super::plan_reader::{FetchPlanReader, PlanReader, READER_UNAVAILABLE};
use crate::model::plan::calendar::format_timestamp;
use crate::model::plan::defaults::blank_plan;
use crate::model::plan::example::example_plan;
use crate::model::plan::ids::new_plan_id;
use crate::model::plan::ids::ById;
use crate::model::plan::undo::History;
use crate::model::plan::validate::validate;
use crate::model::plan::{Id, Plan, PlanPart};
use crate::storage::browser::BrowserStore;
use crate::storage::library::{
    self, fingerprint, load_library, load_session, stored_fingerprint, GuardedSave, SetAsideEntry,
};

/// How long after the last edit the plan is saved.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// Whether the latest changes are in local storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is stored.
    Saved,
    /// Changes wait for the autosave.
    Pending,
    /// The last save failed; the plan stays in memory.
    NotSaved(String),
}

/// A short message about something that just happened, possibly undoable.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// What happened.
    pub message: String,
    /// A deleted plan that "Undo" brings back.
    pub undo: Option<Plan>,
}

/// The outcome of a failed import, listed for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportFailure {
    /// The file name.
    pub file_name: String,
    /// Every problem found, each naming its field path.
    pub problems: Vec<String>,
}

/// How to import a plan whose id is already in the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Overwrite the plan in the library.
    Replace,
    /// Import as a new plan beside it.
    KeepBoth,
    /// Do nothing.
    Cancel,
}

/// A plan bound to a file on disk (File System Access, Plans page): each autosave of the
/// plan also writes the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoundFile {
    /// The plan written to the file.
    pub plan_id: Id,
    /// The file's name, as the header shows it.
    pub name: String,
    /// Why the latest write to the file failed, if it did.
    pub problem: Option<String>,
}

/// What runs after a plan is saved (see [`set_after_save`]).
pub type AfterSave = std::rc::Rc<dyn Fn(&Plan)>;

thread_local! {
    /// Called with each plan just saved to local storage: the bound file's writer, set by the
    /// Plans page's file binding (so its code stays in that workspace's chunk).
    static AFTER_SAVE: std::cell::RefCell<Option<AfterSave>> = const { std::cell::RefCell::new(None) };
}

/// Sets (or clears) what runs after each plan is saved; see [`BoundFile`].
pub fn set_after_save(hook: Option<AfterSave>) {
    AFTER_SAVE.with(|h| *h.borrow_mut() = hook);
}

/// The page's workbook state, provided as context.
#[derive(Clone, Copy)]
pub struct Workbook {
    /// All plans in the library, most recent first.
    pub plans: RwSignal<Vec<Plan>>,
    /// The open plan's id.
    pub open_id: RwSignal<Option<Id>>,
    /// The open plan, derived once for every component (each edit clones it once).
    open: Memo<Option<Plan>>,
    /// Whether changes are stored.
    pub save_state: RwSignal<SaveState>,
    /// The file the open plan is bound to, if any.
    pub bound_file: RwSignal<Option<BoundFile>>,
    /// Stored entries that could not be read.
    pub set_aside: RwSignal<Vec<SetAsideEntry>>,
    /// The latest notice.
    pub notice: RwSignal<Option<Notice>>,
    /// The latest failed import.
    pub import_failure: RwSignal<Option<ImportFailure>>,
    /// An imported plan waiting for the user to choose replace or keep both.
    pub import_conflict: RwSignal<Option<Plan>>,
    /// A plan from a share link, waiting for the user to import it or not.
    pub shared_offer: RwSignal<Option<Plan>>,
    /// The file being read for import, as (ticket, what to show), until it is read.
    pub importing: RwSignal<Option<(u32, String)>>,
    import_ticket: StoredValue<u32>,
    /// Steps available to undo and redo, for the header's buttons.
    pub history_depth: RwSignal<(usize, usize)>,
    history: StoredValue<History>,
    /// Another tab saved a plan this tab has unsaved edits of: their version waits for the
    /// user to choose.
    pub tab_conflict: RwSignal<Option<Plan>>,
    /// Fingerprints of the stored entries as this tab last saw them.
    known: StoredValue<HashMap<Id, u64>>,
    dirty: StoredValue<BTreeSet<Id>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Why the stored library could not be read at start, if it could not: then this tab
    /// writes nothing, so what is stored stays exactly as it was.
    unreadable: StoredValue<Option<String>>,
    /// The plan reader, once fetched (a part of its own: [`super::plan_reader`]).
    reader: StoredValue<Option<PlanReader>>,
    /// How the reader is fetched.
    fetch_reader: FetchPlanReader,
}

/// Undo or redo: the history and how each plan is now in, the plan to restore out.
type HistoryStep = fn(&mut History, &dyn Fn(&str) -> Option<Plan>) -> Option<Plan>;

fn find_plan(plans: RwSignal<Vec<Plan>>, id: &str) -> Option<Plan> {
    plans.with_untracked(|p| p.by_id(id).cloned())
}

fn now() -> String {
    format_timestamp(now_millis())
}

impl Workbook {
    /// Loads the library from local storage; on the first visit the example plan is added
    /// and opened. Storage problems are shown, never fatal. `reader` must be given when
    /// anything is stored ([`Self::needs_reader`]); a first visit opens without it, and
    /// `fetch_reader` brings it when a plan is to be read.
    pub fn load(reader: Option<PlanReader>, fetch_reader: FetchPlanReader) -> Self {
        let store = BrowserStore;
        let session = load_session(&store);
        let plans = RwSignal::new(Vec::<Plan>::new());
        let open_id = RwSignal::new(None::<Id>);
        let wb = Workbook {
            plans,
            open_id,
            open: Memo::new(move |_| {
                let id = open_id.get()?;
                plans.with(|p| p.by_id(&id).cloned())
            }),
            save_state: RwSignal::new(SaveState::Saved),
            bound_file: RwSignal::new(None),
            set_aside: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            import_failure: RwSignal::new(None),
            import_conflict: RwSignal::new(None),
            shared_offer: RwSignal::new(None),
            importing: RwSignal::new(None),
            import_ticket: StoredValue::new(0),
            history_depth: RwSignal::new((0, 0)),
            history: StoredValue::new(History::default()),
            tab_conflict: RwSignal::new(None),
            known: StoredValue::new(HashMap::new()),
            dirty: StoredValue::new(BTreeSet::new()),
            timer: StoredValue::new(None),
            unreadable: StoredValue::new(None),
            reader: StoredValue::new(reader),
            fetch_reader,
        };
        let loaded = match reader {
            Some(reader) => {
                load_library(&store, now_millis(), reader.text).map_err(|e| e.to_string())
            }
            // Nothing to read (see `needs_reader`), unless the reader could not be fetched.
            None => match library::has_stored_entries(&store) {
                Ok(false) => Ok(Default::default()),
                Ok(true) => Err(READER_UNAVAILABLE.to_string()),
                Err(e) => Err(e.to_string()),
            },
        };
        match loaded {
            Ok(loaded) => {
                let first_visit =
                    !session.visited && loaded.plans.is_empty() && loaded.set_aside.is_empty();
                let known = loaded
                    .plans
                    .iter()
                    .filter_map(|p| Some((p.id.clone(), stored_fingerprint(&store, &p.id).ok()??)))
                    .collect();
                wb.known.set_value(known);
                wb.plans.set(loaded.plans);
                wb.set_aside.set(loaded.set_aside);
                if first_visit {
                    let example = example_plan();
                    let id = example.id.clone();
                    wb.plans.update(|p| p.push(example));
                    wb.touch(&id);
                }
            }
            Err(e) => {
                // Work can still be done (and exported) on the example plan in this tab.
                wb.unreadable.set_value(Some(e.clone()));
                wb.plans.set(vec![example_plan()]);
                wb.save_state.set(SaveState::NotSaved(format!(
                    "the plans stored in this browser could not be read: {e}"
                )));
            }
        }
        let open = session
            .open_plan
            .filter(|id| wb.contains(id))
            .or_else(|| wb.plans.with_untracked(|p| p.first().map(|p| p.id.clone())));
        wb.open_id.set(open);
        wb
    }

    /// Whether opening the page must read plans first: something is stored, or the page was
    /// opened with a share link.
    pub fn needs_reader(opened_with_share_link: bool) -> bool {
        opened_with_share_link || library::has_stored_entries(&BrowserStore).unwrap_or(true)
    }

    /// The plan reader: at once when fetched, else once it arrives (or why it cannot).
    pub async fn plan_reader(&self) -> Result<PlanReader, String> {
        if let Some(reader) = self.reader.get_value() {
            return Ok(reader);
        }
        let reader = (self.fetch_reader)().await?;
        self.reader.set_value(Some(reader));
        Ok(reader)
    }

    /// Runs `then` with the plan reader: now when it is here, else once it has arrived;
    /// `failed` hears why it could not arrive.
    fn with_reader(
        &self,
        then: impl FnOnce(PlanReader) + 'static,
        failed: impl FnOnce(String) + 'static,
    ) {
        if let Some(reader) = self.reader.get_value() {
            return then(reader);
        }
        let wb = *self;
        leptos::task::spawn_local(async move {
            match wb.plan_reader().await {
                Ok(reader) => then(reader),
                Err(why) => failed(why),
            }
        });
    }

    /// The file the open plan is bound to, if it is (tracked: for the header and the Plans
    /// page).
    pub fn open_plan_file(&self) -> Option<BoundFile> {
        let open = self.open_id.get();
        self.bound_file
            .get()
            .filter(|f| Some(&f.plan_id) == open.as_ref())
    }

    /// Takes a plan read from a file the user opened: it replaces the library's copy of the
    /// same id (the file is what the user chose) or joins the library, and is opened.
    pub fn open_from_file(&self, plan: Plan, file_name: &str) {
        let id = plan.id.clone();
        let message = format!("Opened “{}” from “{file_name}”.", plan.name);
        if self.contains(&id) {
            self.plans.update(|p| {
                if let Some(slot) = p.iter_mut().find(|p| p.id == id) {
                    *slot = plan;
                }
            });
            self.touch(&id);
            self.open(&id);
            self.notice.set(Some(Notice {
                message,
                undo: None,
            }));
        } else {
            self.add(plan);
            self.notice.set(Some(Notice {
                message,
                undo: None,
            }));
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.plans.with_untracked(|p| p.iter().any(|p| p.id == id))
    }

    /// The open plan, derived from the library.
    pub fn open_plan(&self) -> Memo<Option<Plan>> {
        self.open
    }

    /// Opens a plan of the library.
    pub fn open(&self, id: &str) {
        self.open_id.set(Some(id.to_string()));
    }

    /// Changes the open plan, stamps it as updated and schedules a save.
    pub fn edit_open(&self, change: impl FnOnce(&mut Plan)) {
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        self.edit(&id, change);
    }

    /// One part (an SLO, a team, ...) of the open plan by its id, recomputed when the plan
    /// changes; `None` once it is gone.
    pub fn part<T: PlanPart + Clone + PartialEq + Send + Sync + 'static>(
        &self,
        id: Id,
    ) -> Memo<Option<T>> {
        let plan = self.open;
        Memo::new(move |_| plan.with(|p| T::find(p.as_ref()?, &id).cloned()))
    }

    /// The ids of the open plan's parts of one kind, in order (tracks the plan).
    pub fn part_ids<T: PlanPart>(&self) -> Vec<Id> {
        self.open.with(|p| {
            p.iter()
                .flat_map(|p| T::parts(p).iter().map(|part| part.id().to_string()))
                .collect()
        })
    }

    /// Changes one part (an SLO, a team, ...) of the open plan, found by its id; nothing
    /// when the part is gone.
    pub fn edit_part<T: PlanPart>(&self, id: &str, change: impl FnOnce(&mut T)) {
        self.edit_open(|plan| T::edit(plan, id, change));
    }

    /// Changes a plan of the library, stamps it as updated and schedules a save. The plan
    /// as it was goes to the undo history.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Plan)) {
        let stamp = now();
        let history = self.history;
        self.plans.update(|plans| {
            if let Some(plan) = plans.by_id_mut(id) {
                history.update_value(|h| h.record(plan, js_sys::Date::now()));
                change(plan);
                plan.updated = stamp;
            }
        });
        self.history_depth
            .set(self.history.with_value(History::depth));
        self.touch(id);
    }

    /// Takes in a plan entry another tab wrote (`text`) or removed (`None`). Without unsaved
    /// edits here it simply replaces this tab's copy; with them, the user chooses.
    pub fn stored_elsewhere(&self, id: &str, text: Option<String>) {
        let print = text.as_deref().map(fingerprint);
        if print.is_some() && self.known.with_value(|k| k.get(id).copied()) == print {
            return;
        }
        let read = match (text, self.reader.get_value()) {
            (None, _) => None,
            (Some(text), Some(reader)) => Some((reader.text)(&text)),
            (Some(text), None) => {
                // Read once the reader is here; if it cannot come, the entry is left to the
                // next load, as an unreadable one is.
                let (wb, id) = (*self, id.to_string());
                return self.with_reader(move |_| wb.stored_elsewhere(&id, Some(text)), |_| ());
            }
        };
        let dirty = self.dirty.with_value(|d| d.contains(id));
        match read {
            Some(Ok(theirs)) if dirty => self.tab_conflict.set(Some(theirs)),
            Some(Ok(theirs)) => {
                self.known.update_value(|k| {
                    k.insert(id.to_string(), print.unwrap_or_default());
                });
                let name = theirs.name.clone();
                self.plans.update(|plans| match plans.by_id_mut(id) {
                    Some(slot) => *slot = theirs,
                    None => plans.insert(0, theirs),
                });
                self.notice.set(Some(Notice {
                    message: format!("“{name}” was updated in another tab."),
                    undo: None,
                }));
            }
            // Unreadable entries are left to the set-aside on the next load.
            Some(Err(_)) => {}
            None if !dirty => {
                self.known.update_value(|k| {
                    k.remove(id);
                });
                self.plans.update(|plans| plans.retain(|p| p.id != id));
                if self.open_id.get_untracked().as_deref() == Some(id) {
                    let first = self
                        .plans
                        .with_untracked(|p| p.first().map(|p| p.id.clone()));
                    self.open_id.set(first);
                }
            }
            None => {}
        }
    }

    /// Settles a conflict with another tab: keep this tab's version (it is saved over the
    /// other) or take the other tab's (this tab's unsaved edits are dropped).
    pub fn resolve_tab_conflict(&self, keep_mine: bool) {
        let Some(theirs) = self.tab_conflict.get_untracked() else {
            return;
        };
        let id = theirs.id.clone();
        let stored = stored_fingerprint(&BrowserStore, &id).ok().flatten();
        self.known.update_value(|k| match stored {
            Some(print) => {
                k.insert(id.clone(), print);
            }
            None => {
                k.remove(&id);
            }
        });
        self.tab_conflict.set(None);
        if keep_mine {
            self.save_now();
        } else {
            self.dirty.update_value(|d| {
                d.remove(&id);
            });
            self.plans.update(|plans| {
                if let Some(slot) = plans.by_id_mut(&id) {
                    *slot = theirs;
                }
            });
            self.save_state.set(SaveState::Saved);
        }
    }

    /// Takes back the latest edit (or burst of edits) and opens the plan it was in.
    pub fn undo(&self) {
        self.travel(|h, now_of| h.undo(now_of));
    }

    /// Applies again the latest edit taken back.
    pub fn redo(&self) {
        self.travel(|h, now_of| h.redo(now_of));
    }

    fn travel(&self, step: HistoryStep) {
        let plans = self.plans;
        let restored = self
            .history
            .try_update_value(|h| step(h, &|id| find_plan(plans, id)))
            .flatten();
        self.restore(restored);
    }

    fn restore(&self, plan: Option<Plan>) {
        self.history_depth
            .set(self.history.with_value(History::depth));
        let Some(plan) = plan else { return };
        let id = plan.id.clone();
        self.plans.update(|plans| {
            if let Some(slot) = plans.by_id_mut(&id) {
                *slot = plan;
            }
        });
        self.touch(&id);
        self.open(&id);
    }

    fn add(&self, plan: Plan) {
        let id = plan.id.clone();
        self.plans.update(|p| p.insert(0, plan));
        self.touch(&id);
        self.open(&id);
    }

    fn fresh_id() -> Id {
        new_plan_id(now_millis(), random_u32())
    }

    /// Creates an empty plan with the book's stakeholder groups and opens it.
    pub fn create_blank(&self) {
        self.add(blank_plan(&Self::fresh_id(), "Untitled plan", &now()));
    }

    /// Creates a new plan from the example and opens it.
    pub fn create_from_example(&self) {
        let mut plan = example_plan();
        plan.id = Self::fresh_id();
        plan.created = now();
        plan.updated = plan.created.clone();
        self.add(plan);
    }

    /// Copies a plan under a new id and name, and opens the copy.
    pub fn duplicate(&self, id: &str) {
        let Some(mut copy) = self.plans.with_untracked(|p| p.by_id(id).cloned()) else {
            return;
        };
        copy.id = Self::fresh_id();
        copy.name = format!("{} (copy)", copy.name);
        copy.created = now();
        copy.updated = copy.created.clone();
        self.add(copy);
    }

    /// Deletes a plan; the notice offers to undo it.
    pub fn delete(&self, id: &str) {
        let mut removed = None;
        self.plans.update(|plans| {
            if let Some(at) = plans.iter().position(|p| p.id == id) {
                removed = Some(plans.remove(at));
            }
        });
        let Some(plan) = removed else { return };
        if self.open_id.get_untracked().as_deref() == Some(id) {
            self.open_id.set(
                self.plans
                    .with_untracked(|p| p.first().map(|p| p.id.clone())),
            );
        }
        self.touch(id);
        self.notice.set(Some(Notice {
            message: format!("Deleted “{}”.", plan.name),
            undo: Some(plan),
        }));
    }

    /// Brings back the plan of the notice's undo.
    pub fn undo_delete(&self) {
        if let Some(Notice {
            undo: Some(plan), ..
        }) = self.notice.get_untracked()
        {
            let name = plan.name.clone();
            self.add(plan);
            self.notice.set(Some(Notice {
                message: format!("Restored “{name}”."),
                undo: None,
            }));
        }
    }

    /// Reads an imported file. Nothing changes unless the whole file is valid; a plan whose
    /// id is already in the library waits for the user's choice.
    pub fn import_bytes(&self, file_name: &str, bytes: Vec<u8>) {
        self.import_failure.set(None);
        let (wb, name) = (*self, file_name.to_string());
        let failed_name = name.clone();
        self.with_reader(
            move |reader| wb.import_read_plan(&name, (reader.file)(&bytes)),
            move |why| {
                wb.import_failure.set(Some(ImportFailure {
                    file_name: failed_name,
                    problems: vec![why],
                }))
            },
        );
    }

    /// Takes in what reading an imported file came to.
    fn import_read_plan(
        &self,
        file_name: &str,
        read: Result<Plan, crate::model::plan::problem::PlanError>,
    ) {
        match read {
            Err(e) => self.import_failure.set(Some(ImportFailure {
                file_name: file_name.to_string(),
                problems: e.problems.iter().map(|p| p.to_string()).collect(),
            })),
            Ok(plan) if self.contains(&plan.id) => self.import_conflict.set(Some(plan)),
            Ok(plan) => self.finish_import(plan),
        }
    }

    /// Starts reading a file for import; returns the ticket that [`Self::import_read`]
    /// must present, so a cancelled import is ignored when its read completes.
    pub fn import_started(&self, label: String) -> u32 {
        self.import_ticket.update_value(|t| *t += 1);
        let ticket = self.import_ticket.get_value();
        self.importing.set(Some((ticket, label)));
        ticket
    }

    /// Cancels the import being read: its content will be ignored.
    pub fn cancel_import(&self) {
        self.importing.set(None);
    }

    /// Whether the read with `ticket` is still wanted; it is no longer shown as in progress.
    pub fn import_read(&self, ticket: u32) -> bool {
        let wanted = self.importing.get_untracked().map(|(t, _)| t) == Some(ticket);
        if wanted {
            self.importing.set(None);
        }
        wanted
    }

    /// Records that an import failed before its content could be read.
    pub fn import_failed(&self, file_name: &str, problem: String) {
        self.import_failure.set(Some(ImportFailure {
            file_name: file_name.to_string(),
            problems: vec![problem],
        }));
    }

    /// Reads the payload of a share link and offers its plan; a damaged link is reported
    /// like a broken file. Nothing is stored until the user chooses.
    pub fn open_share_link(&self, payload: &str) {
        self.import_failure.set(None);
        let (wb, payload) = (*self, payload.to_string());
        self.with_reader(
            move |reader| wb.offer_shared((reader.share)(&payload)),
            move |why| {
                wb.import_failure.set(Some(ImportFailure {
                    file_name: "the share link".to_string(),
                    problems: vec![why],
                }))
            },
        );
    }

    /// Offers the plan of a share link, or says why it cannot be read.
    fn offer_shared(&self, read: Result<Plan, crate::model::plan::problem::PlanError>) {
        match read {
            Ok(plan) => self.shared_offer.set(Some(plan)),
            Err(e) => self.import_failure.set(Some(ImportFailure {
                file_name: "the share link".to_string(),
                problems: e.problems.iter().map(|p| p.to_string()).collect(),
            })),
        }
    }

    /// The user's answer to a share link: `None` imports a plan that is new here; for a plan
    /// already here, replace or keep both; cancel drops the offer.
    pub fn answer_share(&self, choice: Option<ConflictChoice>) {
        let Some(plan) = self.shared_offer.get_untracked() else {
            return;
        };
        self.shared_offer.set(None);
        match choice {
            None if !self.contains(&plan.id) => self.finish_import(plan),
            None | Some(ConflictChoice::Cancel) => {}
            Some(choice) => {
                self.import_conflict.set(Some(plan));
                self.resolve_conflict(choice);
            }
        }
    }

    /// Completes an import that waited for the user's choice.
    pub fn resolve_conflict(&self, choice: ConflictChoice) {
        let Some(mut plan) = self.import_conflict.get_untracked() else {
            return;
        };
        self.import_conflict.set(None);
        match choice {
            ConflictChoice::Cancel => {}
            ConflictChoice::Replace => {
                self.plans.update(|p| p.retain(|p| p.id != plan.id));
                self.finish_import(plan);
            }
            ConflictChoice::KeepBoth => {
                plan.id = Self::fresh_id();
                plan.name = format!("{} (imported)", plan.name);
                self.finish_import(plan);
            }
        }
    }

    fn finish_import(&self, plan: Plan) {
        let message = format!("Imported “{}”.", plan.name);
        self.add(plan);
        self.notice.set(Some(Notice {
            message,
            undo: None,
        }));
    }

    /// Forgets a set-aside entry after the user has dealt with it.
    pub fn discard_set_aside(&self, key: &str) {
        if library::discard_set_aside(&BrowserStore, key).is_ok() {
            self.set_aside.update(|s| s.retain(|e| e.key != key));
        }
    }

    /// Marks a plan as changed and schedules the autosave.
    fn touch(&self, id: &str) {
        self.dirty.update_value(|d| {
            d.insert(id.to_string());
        });
        if !matches!(self.save_state.get_untracked(), SaveState::NotSaved(_)) {
            self.save_state.set(SaveState::Pending);
        }
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let wb = *self;
        let handle = set_timeout_with_handle(move || wb.save_now(), AUTOSAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// Saves at once if changes wait for the autosave (the page is being left or hidden).
    pub fn flush(&self) {
        if !self.dirty.with_value(|d| d.is_empty()) {
            if let Some(handle) = self.timer.get_value() {
                handle.clear();
            }
            self.save_now();
        }
    }

    /// Writes every changed plan to local storage now. A plan that does not validate is not
    /// written, so the stored copy always stays readable.
    pub fn save_now(&self) {
        if let Some(why) = self.unreadable.get_value() {
            self.save_state.set(SaveState::NotSaved(format!(
                "the plans stored in this browser could not be read ({why}), so this tab saves nothing over them"
            )));
            return;
        }
        mark("workbook-save-start");
        let store = BrowserStore;
        let dirty = self.dirty.get_value();
        let mut failure = None;
        let mut needs_reader = false;
        let mut still_dirty = BTreeSet::new();
        for id in dirty {
            let plan = self.plans.with_untracked(|p| p.by_id(&id).cloned());
            let known = self.known.with_value(|k| k.get(&id).copied());
            let result = match &plan {
                Some(plan) => match validate(plan).first() {
                    Some(problem) => Err(format!("“{}” has a problem: {problem}", plan.name)),
                    None => match library::save_plan_guarded(
                        &store,
                        plan,
                        known,
                        self.reader.get_value().map(|r| r.text),
                    ) {
                        Ok(GuardedSave::Saved(print)) => {
                            self.known.update_value(|k| {
                                k.insert(id.clone(), print);
                            });
                            let hook = AFTER_SAVE.with(|h| h.borrow().clone());
                            if let Some(hook) = hook {
                                hook(plan);
                            }
                            Ok(())
                        }
                        Ok(GuardedSave::ChangedElsewhere(theirs, _)) => {
                            let message = format!(
                                "“{}” was changed in another tab; choose which version to keep",
                                plan.name
                            );
                            self.tab_conflict.set(Some(*theirs));
                            Err(message)
                        }
                        // Another tab wrote since: read theirs, then save again.
                        Ok(GuardedSave::NeedsReader) => {
                            needs_reader = true;
                            Err(format!(
                                "“{}” was changed in another tab; reading it",
                                plan.name
                            ))
                        }
                        Err(e) => Err(e.to_string()),
                    },
                },
                None => library::delete_plan(&store, &id)
                    .map(|()| {
                        self.known.update_value(|k| {
                            k.remove(&id);
                        })
                    })
                    .map_err(|e| e.to_string()),
            };
            if let Err(reason) = result {
                failure.get_or_insert(reason);
                still_dirty.insert(id);
            }
        }
        self.dirty.set_value(still_dirty);
        measure_since("workbook-save", "workbook-save-start");
        if needs_reader {
            let wb = *self;
            self.with_reader(
                move |_| wb.save_now(),
                move |why| wb.save_state.set(SaveState::NotSaved(why)),
            );
        }
        self.save_state.set(match failure {
            Some(reason) => SaveState::NotSaved(reason),
            None => SaveState::Saved,
        });
    }
}
