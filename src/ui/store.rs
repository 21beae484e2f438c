//! The app's data as the UI sees it: the storage state, this device's own responses and meetings,
//! and the questionnaires available to fill in, kept in signals and written through to IndexedDB.
//!
//! Every change is written at once (autosave); the UI never waits for the write to show the
//! change, and `save_status` tells the person whether it has been stored.

use crate::browser::idb::StorageError;
use crate::browser::tabs::{self, TabNews};
use crate::browser::{clock, dom, idb, repository, settings, storage};
use crate::domain::{
    builtin, Meeting, OwnMeeting, OwnResponse, Questionnaire, QuestionnaireRef, Response, Status,
};
use crate::ui::i18n::Messages;
use leptos::prelude::*;

/// Where storage stands.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageState {
    /// The database is being opened.
    Opening,
    /// Another tab holds an older version open; waiting for it.
    Blocked,
    /// Ready for use.
    Ready,
    /// Unusable, with the reason.
    Failed(StorageError),
}

/// The state of the last autosave.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing saved yet on this screen.
    Idle,
    /// A write is under way.
    Saving,
    /// Every change so far has been committed.
    Saved,
    /// The last write failed.
    Failed(StorageError),
}

/// The data context.
#[derive(Clone, Copy)]
pub struct Store {
    /// Where storage stands.
    pub state: RwSignal<StorageState>,
    /// This device's own responses.
    pub responses: RwSignal<Vec<OwnResponse>>,
    /// This device's own evaluation meetings.
    pub meetings: RwSignal<Vec<OwnMeeting>>,
    /// Questionnaires loaded into the app (the built-in one is always available besides).
    pub loaded: RwSignal<Vec<Questionnaire>>,
    /// The state of the last autosave.
    pub save_status: RwSignal<SaveStatus>,
    /// When this device last exported a file (RFC 3339), if ever.
    pub last_export: RwSignal<Option<String>>,
    /// The last record another tab changed here (its id), with a count that goes up each time:
    /// a form that keeps its own text can draw itself again from the record.
    pub changed_elsewhere: RwSignal<Option<(String, u64)>>,
    pending: RwSignal<u32>,
}

impl Store {
    /// Every questionnaire that can be filled in: the built-in one first.
    pub fn questionnaires(self) -> Vec<Questionnaire> {
        let mut all = vec![builtin().clone()];
        self.loaded.with(|loaded| {
            for q in loaded {
                if q.reference() != builtin().reference() {
                    all.push(q.clone());
                }
            }
        });
        all
    }

    /// The questionnaires a new response or meeting can be started with: of each questionnaire
    /// id its highest version (an older one stays, for what was made with it). Version 1 and 2
    /// offered side by side left a worker to guess which one was meant.
    pub fn startable(self) -> Vec<Questionnaire> {
        let all = self.questionnaires();
        all.iter()
            .filter(|q| {
                let r = q.reference();
                !all.iter().any(|o| {
                    let other = o.reference();
                    other.id == r.id && other.version > r.version
                })
            })
            .cloned()
            .collect()
    }

    /// The questionnaire a record was made with, if this app has it.
    pub fn questionnaire(self, reference: &QuestionnaireRef) -> Option<Questionnaire> {
        if builtin().reference() == *reference {
            return Some(builtin().clone());
        }
        self.loaded
            .with(|loaded| loaded.iter().find(|q| q.reference() == *reference).cloned())
    }

    /// One of this device's responses (tracked).
    pub fn response(self, id: &str) -> Option<OwnResponse> {
        self.responses
            .with(|list| list.iter().find(|r| r.response.id == id).cloned())
    }

    /// Starts a new response to `questionnaire` and saves it. `open` gets its id first, before
    /// the response appears in any list: the screen that shows it can replace the one with the
    /// list before that list is drawn again.
    pub fn start_response(self, questionnaire: &Questionnaire, open: impl FnOnce(&str)) {
        let own = OwnResponse::new(Response::new_draft(
            clock::new_id(),
            questionnaire.reference(),
            clock::now_rfc3339(),
        ));
        open(&own.response.id);
        // The first save is the moment to ask the browser to keep the data.
        leptos::task::spawn_local(async {
            storage::request_persistence().await;
        });
        self.save(own);
    }

    /// Applies `change` to the response `id` (with the current time) and saves it at once.
    pub fn update_response(self, id: &str, change: impl FnOnce(&mut Response, &str)) {
        let Some(base) = self.response_untracked(id) else {
            return;
        };
        let mut own = base.clone();
        change(&mut own.response, &clock::now_rfc3339());
        if own.response.revision != base.response.revision {
            self.save_change(Some(base), own);
        }
    }

    /// Notes that revision `revision` of response `id` has left the machine in an export.
    pub fn mark_exported(self, id: &str, revision: u64) {
        let Some(base) = self.response_untracked(id) else {
            return;
        };
        let mut own = base.clone();
        own.exported_revision = Some(revision);
        if own != base {
            self.save_change(Some(base), own);
        }
    }

    fn response_untracked(self, id: &str) -> Option<OwnResponse> {
        self.responses
            .with_untracked(|list| list.iter().find(|r| r.response.id == id).cloned())
    }

    /// Shows a new response at once and writes it to IndexedDB.
    pub fn save(self, own: OwnResponse) {
        self.save_change(None, own);
    }

    /// Shows `own`, a change made to `base` (`None`: a new record), at once and writes it to
    /// IndexedDB. Writes are issued in order, so the last change is the one that stays; should
    /// another tab have stored the record meanwhile, the change is put on its copy (see
    /// [`repository::save_own_response`]) and the result is shown here.
    fn save_change(self, base: Option<OwnResponse>, own: OwnResponse) {
        let shown = own.clone();
        self.responses.update(|list| {
            match list.iter_mut().find(|r| r.response.id == own.response.id) {
                Some(slot) => *slot = shown,
                None => list.push(shown),
            }
        });
        let news = TabNews::Response(own.response.id.clone());
        self.write(news, async move {
            let stored = repository::save_own_response(base.as_ref(), &own).await?;
            if let Some(stored) = stored {
                let id = own.response.id.clone();
                show_stored(self.responses, stored, &own, |r| &r.response.id);
                self.note_changed_elsewhere(id);
            }
            Ok(())
        });
    }

    /// This device's unfinished enquêtes and meetings, counted (tracked): what an export leaves
    /// behind.
    pub fn unfinished(self) -> (usize, usize) {
        let draft = Status::Draft;
        (
            self.responses
                .with(|l| l.iter().filter(|r| r.response.status == draft).count()),
            self.meetings
                .with(|l| l.iter().filter(|m| m.meeting.status == draft).count()),
        )
    }

    /// Of [`Store::unfinished`], those exported before (tracked): the coordinator may hold an
    /// older, completed version that an export leaves as it is while they are drafts.
    pub fn unfinished_exported_before(self) -> (usize, usize) {
        let draft = Status::Draft;
        (
            self.responses.with(|l| {
                l.iter()
                    .filter(|r| r.response.status == draft && r.exported_revision.is_some())
                    .count()
            }),
            self.meetings.with(|l| {
                l.iter()
                    .filter(|m| m.meeting.status == draft && m.exported_revision.is_some())
                    .count()
            }),
        )
    }

    /// One of this device's meetings (tracked).
    pub fn meeting(self, id: &str) -> Option<OwnMeeting> {
        self.meetings
            .with(|list| list.iter().find(|m| m.meeting.id == id).cloned())
    }

    /// Starts a new meeting with `questionnaire`'s meeting questions and saves it; `open` gets its
    /// id first (see [`Store::start_response`]).
    pub fn start_meeting(self, questionnaire: &Questionnaire, open: impl FnOnce(&str)) {
        let own = OwnMeeting::new(Meeting::new_draft(
            clock::new_id(),
            questionnaire.reference(),
            clock::now_rfc3339(),
        ));
        open(&own.meeting.id);
        leptos::task::spawn_local(async {
            storage::request_persistence().await;
        });
        self.save_meeting(own);
    }

    /// Applies `change` to the meeting `id` (with the current time) and saves it at once when
    /// it changed anything.
    pub fn update_meeting(self, id: &str, change: impl FnOnce(&mut Meeting, &str)) {
        let Some(base) = self.meeting_untracked(id) else {
            return;
        };
        let mut own = base.clone();
        change(&mut own.meeting, &clock::now_rfc3339());
        if own.meeting.revision != base.meeting.revision {
            self.save_meeting_change(Some(base), own);
        }
    }

    /// As [`Store::mark_exported`], for a meeting.
    pub fn mark_meeting_exported(self, id: &str, revision: u64) {
        let Some(base) = self.meeting_untracked(id) else {
            return;
        };
        let mut own = base.clone();
        own.exported_revision = Some(revision);
        if own != base {
            self.save_meeting_change(Some(base), own);
        }
    }

    fn meeting_untracked(self, id: &str) -> Option<OwnMeeting> {
        self.meetings
            .with_untracked(|list| list.iter().find(|m| m.meeting.id == id).cloned())
    }

    /// As [`Store::save`], for a new meeting.
    pub fn save_meeting(self, own: OwnMeeting) {
        self.save_meeting_change(None, own);
    }

    /// As [`Store::save_change`], for a meeting.
    fn save_meeting_change(self, base: Option<OwnMeeting>, own: OwnMeeting) {
        let shown = own.clone();
        self.meetings.update(|list| {
            match list.iter_mut().find(|m| m.meeting.id == own.meeting.id) {
                Some(slot) => *slot = shown,
                None => list.push(shown),
            }
        });
        let news = TabNews::Meeting(own.meeting.id.clone());
        self.write(news, async move {
            let stored = repository::save_own_meeting(base.as_ref(), &own).await?;
            if let Some(stored) = stored {
                let id = own.meeting.id.clone();
                show_stored(self.meetings, stored, &own, |m| &m.meeting.id);
                self.note_changed_elsewhere(id);
            }
            Ok(())
        });
    }

    /// Writes again the records whose last write failed (the storage was full, or briefly
    /// unavailable), as they are held in memory: what the person sees, and believes stored.
    pub fn retry_unsaved(self) {
        for news in UNSAVED.take() {
            match news {
                TabNews::Response(id) => {
                    if let Some(own) = self.response_untracked(&id) {
                        self.save_change(Some(own.clone()), own);
                    }
                }
                TabNews::Meeting(id) => {
                    if let Some(own) = self.meeting_untracked(&id) {
                        self.save_meeting_change(Some(own.clone()), own);
                    }
                }
                _ => {}
            }
        }
    }

    fn note_changed_elsewhere(self, id: String) {
        self.changed_elsewhere.update(|last| {
            let count = last.as_ref().map_or(0, |(_, n)| n + 1);
            *last = Some((id, count));
        });
    }

    /// A count that goes up each time another tab changes record `id` (tracked).
    pub fn changes_elsewhere(self, id: &str) -> Memo<u64> {
        let id = id.to_string();
        let changed = self.changed_elsewhere;
        Memo::new(move |seen: Option<&u64>| {
            changed.with(|last| match last {
                Some((changed_id, n)) if *changed_id == id => *n + 1,
                _ => seen.copied().unwrap_or(0),
            })
        })
    }

    /// Runs one write and keeps `save_status` up to date; once it has committed, the other tabs
    /// are told `news`. A write made while the database is still opening waits for it (a
    /// response can be started before it is open).
    fn write(
        self,
        news: TabNews,
        write: impl std::future::Future<Output = Result<(), StorageError>> + 'static,
    ) {
        self.write_boxed(news, Box::pin(write));
    }

    /// [`Store::write`]'s body, compiled once rather than once per kind of write.
    fn write_boxed(self, news: TabNews, write: PendingWrite) {
        if idb::writes_stopped() {
            return;
        }
        self.pending.update(|n| *n += 1);
        self.save_status.set(SaveStatus::Saving);
        let opened = matches!(
            self.state.get_untracked(),
            StorageState::Opening | StorageState::Blocked
        )
        .then(|| {
            let (done, opened) = futures_channel::oneshot::channel();
            WAITING.with_borrow_mut(|waiting| waiting.push(done));
            opened
        });
        leptos::task::spawn_local(async move {
            if let Some(opened) = opened {
                // Either outcome: a failed open makes the write fail with its reason.
                let _ = opened.await;
            }
            let result = write.await;
            // A record whose write failed is held in memory ahead of what is stored, until
            // [`Store::retry_unsaved`] or a later change of it is written.
            UNSAVED.with_borrow_mut(|unsaved| {
                unsaved.retain(|n| *n != news);
                if result.is_err() {
                    unsaved.push(news.clone());
                }
            });
            if result.is_ok() {
                tabs::tell(&news);
            }
            self.pending.update(|n| *n -= 1);
            if self.pending.get_untracked() == 0 {
                for news in DEFERRED.take() {
                    leptos::task::spawn_local(take_stored(self, news));
                }
            }
            // Every write carries the whole record, and writes complete in the order they were
            // made, so the last one to complete tells whether everything so far is stored.
            match result {
                Err(e) => self.save_status.set(SaveStatus::Failed(e)),
                Ok(()) if self.pending.get_untracked() == 0 => {
                    self.save_status.set(SaveStatus::Saved)
                }
                Ok(()) => {}
            }
        });
    }
}

/// A write to the database, not yet run.
type PendingWrite = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), StorageError>>>>;

thread_local! {
    /// The records whose last write failed (see [`Store::retry_unsaved`]).
    static UNSAVED: std::cell::RefCell<Vec<TabNews>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Writes made while the database was opening, in the order they were made; released, in
    /// that order, once it is open (or has failed), so the last change is still the one that
    /// stays.
    static WAITING: std::cell::RefCell<Vec<futures_channel::oneshot::Sender<()>>> =
        const { std::cell::RefCell::new(Vec::new()) };
    /// News of records stored by another tab that came while a write of this tab's was on its
    /// way; read back once none is.
    static DEFERRED: std::cell::RefCell<Vec<TabNews>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Shows `stored`, what a write put on another tab's copy, in place of `written`, unless a
/// later change was made here meanwhile: its own write puts it on what is stored now.
fn show_stored<T: PartialEq + Send + Sync + 'static>(
    list: RwSignal<Vec<T>>,
    stored: T,
    written: &T,
    id: impl Fn(&T) -> &String,
) {
    list.update(|list| {
        if let Some(slot) = list.iter_mut().find(|r| id(r) == id(written)) {
            if *slot == *written {
                *slot = stored;
            }
        }
    });
}

fn release_waiting_writes() {
    for done in WAITING.take() {
        let _ = done.send(());
    }
}

/// Puts `loaded` (read from storage) in `list`, keeping the records made in memory meanwhile.
fn keep_made_meanwhile<T>(list: &mut Vec<T>, loaded: Vec<T>, id: impl Fn(&T) -> &str) {
    let made = std::mem::replace(list, loaded);
    for record in made {
        match list.iter_mut().find(|r| id(r) == id(&record)) {
            Some(slot) => *slot = record,
            None => list.push(record),
        }
    }
}

/// Puts `stored`, a record another tab has just stored, in `list` in place of this tab's copy,
/// unless this tab's copy is at a later revision (its own write is on its way). `key` gives a
/// record's id and revision. Returns whether `list` changed.
fn adopt<T: PartialEq>(list: &mut Vec<T>, stored: T, key: impl Fn(&T) -> (&str, u64)) -> bool {
    let (id, revision) = key(&stored);
    match list.iter().position(|r| key(r).0 == id) {
        None => {
            list.push(stored);
            true
        }
        Some(at) if key(&list[at]).1 > revision || list[at] == stored => false,
        Some(at) => {
            list[at] = stored;
            true
        }
    }
}

/// [`adopt`] on the list in `list`, which is told of a change only when there was one.
fn adopt_in<T: PartialEq + Send + Sync + 'static>(
    list: RwSignal<Vec<T>>,
    stored: T,
    key: impl Fn(&T) -> (&str, u64),
) -> bool {
    let mut changed = false;
    list.maybe_update(|list| {
        changed = adopt(list, stored, key);
        changed
    });
    changed
}

/// Keeps this tab in step with the app's other tabs on this device: a response or meeting
/// another tab stored is read back and shown here (so the next change here is made to it, not
/// to a stale copy that would write over it); files imported there are merged here too; a wipe
/// there starts this tab afresh, so nothing it holds in memory is written back.
pub fn follow_other_tabs(store: Store, coordinator: crate::ui::coordinator::Coordinator) {
    use crate::ui::coordinator::LoadState;
    tabs::listen(move |news| {
        leptos::task::spawn_local(async move {
            match news {
                news @ (TabNews::Response(_) | TabNews::Meeting(_)) => {
                    if store.pending.get_untracked() > 0 {
                        // This tab's own write is on its way: it puts its change on what the
                        // other tab stored and shows the result; what is stored is read back
                        // once no write of this tab's is waiting.
                        DEFERRED.with_borrow_mut(|deferred| deferred.push(news));
                    } else {
                        take_stored(store, news).await;
                    }
                }
                TabNews::Settings => {
                    if let Ok(Some(serde_json::Value::String(at))) =
                        repository::setting("last_export").await
                    {
                        store.last_export.set(Some(at));
                    }
                    coordinator.refresh_refused().await;
                }
                TabNews::Imports => {
                    // Only a dataset this tab has built; one being built reads the log anyway.
                    if coordinator.state.get_untracked() != LoadState::Ready {
                        return;
                    }
                    if let Ok(questionnaires) = repository::questionnaires().await {
                        store.loaded.set(questionnaires);
                    }
                    // A report being read is not drawn again under the reader's eyes: it says
                    // there is news and is brought up to date when asked, or when left.
                    if coordinator.showing_report.get_untracked() {
                        coordinator.outdated.set(true);
                        return;
                    }
                    coordinator.reload(store).await;
                }
                TabNews::Wiped => {
                    // No write of this tab's from now on; one made in the moment between the
                    // wipe there and the news here (a keystroke) is erased again: this clear
                    // comes after it in the database's order.
                    idb::stop_writes();
                    let _ = repository::wipe().await;
                    settings::note_wiped_elsewhere();
                    dom::replace_hash(crate::ui::route::Route::Home.href());
                    dom::reload();
                }
            }
        });
    });
}

/// Shows the stored copy of the response or meeting another tab says it stored, in place of this
/// tab's, unless this tab's is at a later revision.
async fn take_stored(store: Store, news: TabNews) {
    // A write of this tab's may have started while the stored copy was being read: it puts its
    // change on what the other tab stored and shows that; this is read again after it.
    let wait = || {
        let waiting = store.pending.get_untracked() > 0;
        if waiting {
            DEFERRED.with_borrow_mut(|deferred| deferred.push(news.clone()));
        }
        waiting
    };
    let changed = match &news {
        TabNews::Response(id) => match repository::own_response(id).await {
            Ok(Some(_)) if wait() => false,
            Ok(Some(stored)) => adopt_in(store.responses, stored, |r| {
                (&r.response.id, r.response.revision)
            }),
            _ => false,
        },
        TabNews::Meeting(id) => match repository::own_meeting(id).await {
            Ok(Some(_)) if wait() => false,
            Ok(Some(stored)) => adopt_in(store.meetings, stored, |m| {
                (&m.meeting.id, m.meeting.revision)
            }),
            _ => false,
        },
        _ => false,
    };
    if changed {
        if let TabNews::Response(id) | TabNews::Meeting(id) = news {
            store.note_changed_elsewhere(id);
        }
    }
}

/// Opens storage, loads this device's data and provides the [`Store`] context.
pub fn provide_store() -> Store {
    let store = Store {
        state: RwSignal::new(StorageState::Opening),
        responses: RwSignal::new(Vec::new()),
        meetings: RwSignal::new(Vec::new()),
        loaded: RwSignal::new(Vec::new()),
        save_status: RwSignal::new(SaveStatus::Idle),
        last_export: RwSignal::new(None),
        changed_elsewhere: RwSignal::new(None),
        pending: RwSignal::new(0),
    };
    provide_context(store);
    // Remembered outside IndexedDB, so the next start knows at once whether to offer a choice.
    Effect::new(move |_| {
        let any = store.loaded.with(|loaded| {
            loaded
                .iter()
                .any(|q| q.reference() != builtin().reference())
        });
        if store.state.get_untracked() == StorageState::Ready {
            settings::save_has_loaded_questionnaires(any);
        }
    });
    leptos::task::spawn_local(async move {
        let opened = repository::open(
            move || store.state.set(StorageState::Blocked),
            move |lost| store.state.set(StorageState::Failed(lost)),
        )
        .await;
        if let Err(e) = opened {
            store.state.set(StorageState::Failed(e));
            release_waiting_writes();
            return;
        }
        // The four reads start together and are awaited in turn.
        let (responses, meetings, questionnaires, last_export) = (
            repository::own_responses(),
            repository::own_meetings(),
            repository::questionnaires(),
            repository::setting("last_export"),
        );
        match (responses.await, meetings.await, questionnaires.await) {
            (Ok(responses), Ok(meetings), Ok(questionnaires)) => {
                if let Ok(Some(serde_json::Value::String(at))) = last_export.await {
                    store.last_export.set(Some(at));
                }
                // A response or meeting started while the database was opening stays.
                store
                    .responses
                    .update(|list| keep_made_meanwhile(list, responses, |r| &r.response.id));
                store
                    .meetings
                    .update(|list| keep_made_meanwhile(list, meetings, |m| &m.meeting.id));
                store.loaded.set(questionnaires);
                // Not over a failure reported meanwhile (another tab's newer version).
                if matches!(
                    store.state.get_untracked(),
                    StorageState::Opening | StorageState::Blocked
                ) {
                    store.state.set(StorageState::Ready);
                }
            }
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                store.state.set(StorageState::Failed(e))
            }
        }
        release_waiting_writes();
    });
    store
}

/// The data context; panics outside [`provide_store`]'s tree, which is a programming error.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// What to tell a person about a storage error.
pub fn storage_error_text(error: &StorageError, t: &Messages) -> String {
    match error {
        StorageError::Unavailable(_) => t.storage_unavailable.to_string(),
        StorageError::QuotaExceeded => t.storage_quota.to_string(),
        StorageError::VersionChanged => t.storage_version_changed.to_string(),
        StorageError::Closed => t.storage_closed.to_string(),
        StorageError::Failed(detail) => format!("{} {detail}", t.storage_failed),
    }
}

#[cfg(test)]
mod tests {
    use super::adopt;

    type Record = (&'static str, u64, &'static str);
    fn key(r: &Record) -> (&str, u64) {
        (r.0, r.1)
    }

    #[test]
    fn another_tabs_record_replaces_an_older_or_equal_copy() {
        let mut list: Vec<Record> = vec![("a", 3, "old"), ("b", 1, "x")];
        assert!(adopt(&mut list, ("a", 4, "new"), key));
        assert_eq!(list[0], ("a", 4, "new"));
        // Same revision, other content (an export marked it there): what is stored wins, so
        // every tab ends with the record the database holds.
        assert!(adopt(&mut list, ("a", 4, "exported"), key));
        assert_eq!(list[0], ("a", 4, "exported"));
    }

    #[test]
    fn a_later_copy_here_or_the_same_record_stays() {
        let mut list: Vec<Record> = vec![("a", 5, "mine")];
        assert!(!adopt(&mut list, ("a", 4, "theirs"), key));
        assert!(!adopt(&mut list, ("a", 5, "mine"), key));
        assert_eq!(list, vec![("a", 5, "mine")]);
    }

    #[test]
    fn a_record_started_in_another_tab_is_added() {
        let mut list: Vec<Record> = vec![("a", 1, "")];
        assert!(adopt(&mut list, ("b", 1, "new"), key));
        assert_eq!(list.len(), 2);
    }
}
