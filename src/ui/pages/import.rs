//! Import: pick or drop many `.samenscan.json` files; each is read, checked and merged in turn,
//! with progress, a passphrase prompt for encrypted files, and per file what happened. Below, the
//! log of every earlier import and what the merged data holds now.

use std::collections::VecDeque;

use crate::browser::{clock, dom, files, storage};
use crate::domain::exchange::{
    encode_export, ExportContents, FileProblem, RawExport, MAX_FILE_BYTES,
};
use crate::domain::format::format_count;
use crate::domain::import_log::{distinct_files, imported_files, ImportRecord};
use crate::domain::{sorting, Lang, Meeting, Response, Status};
use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::components::keyed_list::keyed_list;
use crate::ui::components::response_list::locale;
use crate::ui::components::storage_gate::StorageGate;
use crate::ui::coordinator::{decrypt, open_file, use_coordinator, LoadState, Opened, Rejection};
use crate::ui::html::Html;
use crate::ui::i18n::{count_in, fill, messages, tr, use_i18n, Messages};
use crate::ui::route::Route;
use crate::ui::store::{storage_error_text, use_store, Store};
use futures_channel::oneshot;
use leptos::prelude::*;

const PASSPHRASE_ID: &str = "import-passphrase";
const PROGRESS_ID: &str = "import-progress";
/// At most this many files are read at the same time and stored in one transaction…
const BATCH_FILES: usize = 64;
/// …and at most this many bytes (a batch holds at least one file).
const BATCH_BYTES: f64 = 16.0 * 1024.0 * 1024.0;
/// The first batch of a pick is this small: nothing can be checked before a whole batch is
/// read, so a small first one gets the checking going while the next is being read.
const FIRST_BATCH_FILES: usize = 8;

/// Lets every task already waiting run before going on.
async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if yielded {
            std::task::Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    })
    .await
}

/// Where one picked file stands.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Waiting,
    Working,
    Passphrase { wrong: bool },
    Imported(ImportRecord),
    Rejected(Rejection),
}

impl Outcome {
    fn finished(&self) -> bool {
        matches!(self, Outcome::Imported(_) | Outcome::Rejected(_))
    }
}

/// One picked file on screen.
#[derive(Clone)]
struct Row {
    key: usize,
    name: String,
    /// The picked file (a reference; its size and date are asked only when needed).
    file: web_sys::File,
    outcome: RwSignal<Outcome>,
}

impl Row {
    /// What makes it the same file when picked again, with its name: size and last change.
    /// Asked only for files not taken in, or taken in under a name that was (each question
    /// costs the page a round trip to the operating system).
    fn identity(&self) -> (u64, u64) {
        (self.file.size() as u64, self.file.last_modified() as u64)
    }

    /// Shows where the file stands now. The totals are kept as it goes (the progress line and
    /// the prompt recounting a thousand rows after every change cost as much as drawing them).
    fn show(&self, outcome: Outcome, tally: Tally) {
        if outcome.finished() && !self.outcome.with_untracked(Outcome::finished) {
            tally.finished.update(|n| *n += 1);
            // A file read with every record skipped counts as not imported, as its row says.
            let refused = match &outcome {
                Outcome::Rejected(_) => true,
                Outcome::Imported(record) => record.nothing_taken(),
                _ => false,
            };
            if refused {
                tally.rejected.update(|n| *n += 1);
            }
        }
        match &outcome {
            Outcome::Passphrase { wrong } => {
                tally
                    .asking
                    .set(Some((self.key, self.name.clone(), *wrong)));
            }
            _ if tally
                .asking
                .with_untracked(|a| a.as_ref().is_some_and(|(key, ..)| *key == self.key)) =>
            {
                tally.asking.set(None);
            }
            _ => {}
        }
        self.outcome.set(outcome);
    }
}

/// What the rows add up to.
#[derive(Clone, Copy)]
struct Tally {
    /// How many rows are done (imported or refused).
    finished: RwSignal<usize>,
    /// How many of those were refused.
    rejected: RwSignal<usize>,
    /// The row whose passphrase is asked for (key, file name, whether one given was wrong).
    asking: RwSignal<Option<(usize, String, bool)>>,
    /// Rows and refusals before the files being imported now were picked: what is announced
    /// at the end is about them (files picked while others are still going join them).
    batch_start: RwSignal<(usize, usize)>,
}

/// The files picked for import and where each stands. Held by the app, not by the screen:
/// importing goes on when the person opens another screen meanwhile (a thousand files take a
/// while), and coming back shows where it stands — also a passphrase prompt still waiting.
#[derive(Clone, Copy)]
pub struct ImportQueue {
    rows: RwSignal<Vec<Row>>,
    tally: Tally,
    queue: StoredValue<VecDeque<(Row, web_sys::File)>, LocalStorage>,
    running: RwSignal<bool>,
    passphrase: RwSignal<String>,
    answer: StoredValue<Option<oneshot::Sender<Option<String>>>>,
    /// The app-level owner, under which each row's signal is made.
    owner: StoredValue<Owner>,
}

impl ImportQueue {
    /// Forgets the rows of files whose import has finished: after everything was erased, their
    /// names and outcomes go too. Files still waiting keep their rows.
    pub fn forget_finished(self) {
        self.rows
            .update(|rows| rows.retain(|r| !r.outcome.with_untracked(Outcome::finished)));
        self.tally.finished.set(0);
        self.tally.rejected.set(0);
        self.tally.batch_start.set((0, 0));
    }
}

/// The app's import queue.
pub fn use_import_queue() -> ImportQueue {
    expect_context::<ImportQueue>()
}

/// Provides the (empty) import queue; called once by the app.
pub fn provide_import_queue() {
    let running = RwSignal::new(false);
    // Closing the tab mid-import asks first: the files not yet read would be left out, and
    // nothing afterwards could say which.
    Effect::new(move |_| dom::guard_unload(running.get()));
    provide_context(ImportQueue {
        rows: RwSignal::new(Vec::new()),
        tally: Tally {
            finished: RwSignal::new(0),
            rejected: RwSignal::new(0),
            asking: RwSignal::new(None),
            batch_start: RwSignal::new((0, 0)),
        },
        queue: StoredValue::new_local(VecDeque::new()),
        running,
        passphrase: RwSignal::new(String::new()),
        answer: StoredValue::new(None),
        owner: StoredValue::new(Owner::current().unwrap_or_default()),
    });
}

/// The import screen.
#[component]
pub fn ImportPage() -> impl IntoView {
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.import_title)}</h1>
        <p class="lead">{tr(|t| t.import_intro)}</p>
        <StorageGate>
            <ImportScreen />
        </StorageGate>
    }
}

#[component]
fn ImportScreen() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let coordinator = use_coordinator();
    coordinator.ensure_loaded(store);

    let ImportQueue {
        rows,
        tally,
        queue,
        running,
        passphrase,
        answer,
        owner,
    } = expect_context::<ImportQueue>();
    let dragging = RwSignal::new(false);
    // This device's own records could not be put together for importing (should not happen).
    let own_failed = RwSignal::new(false);

    // Waits for the person to give a passphrase (Some) or skip the file (None).
    let ask = move || {
        let (sender, receiver) = oneshot::channel();
        answer.set_value(Some(sender));
        request_animation_frame(|| dom::focus_element(PASSPHRASE_ID));
        async move { receiver.await.ok().flatten() }
    };

    // Shows a file's final outcome, and remembers across visits a file of which nothing was
    // taken in; that very file taken in now is no longer one.
    let finish = move |row: &Row, outcome: Outcome| {
        let both = |reason: &dyn Fn(Lang) -> String| [reason(Lang::Nl), reason(Lang::En)];
        match &outcome {
            // Not a failed write: that is about this device, not the file (and its storage is
            // what failed, or was erased in another tab).
            Outcome::Rejected(Rejection::Storage(_)) => {}
            Outcome::Rejected(rejection) => coordinator.note_refusal(
                &row.name,
                row.identity(),
                both(&|lang| rejection.message(lang, messages(lang))),
            ),
            Outcome::Imported(record) if record.nothing_taken() => coordinator.note_refusal(
                &row.name,
                row.identity(),
                both(&|lang| {
                    let t = messages(lang);
                    format!(
                        "{}: {}. {}",
                        t.import_nothing_taken,
                        record.summary.message(lang),
                        t.import_refused_see_log
                    )
                }),
            ),
            Outcome::Imported(_) => {
                let named = coordinator
                    .refused
                    .with_untracked(|list| list.iter().any(|r| r.file_name == row.name));
                if named {
                    coordinator.forget_refusals_of(&row.name, row.identity());
                }
            }
            _ => {}
        }
        row.show(outcome, tally);
    };

    // Imports decoded files and shows each one's outcome.
    let store_batch = move |files: Vec<(Row, RawExport, bool)>| async move {
        if files.is_empty() {
            return;
        }
        let (rows_of, files): (Vec<Row>, Vec<_>) = files
            .into_iter()
            .map(|(row, raw, encrypted)| {
                let name = row.name.clone();
                (row, (name, raw, encrypted))
            })
            .unzip();
        let results = coordinator.import_batch(store, files).await;
        // The first file kept is the moment to ask the browser to keep the data, as a worker's
        // first answer is (a coordinator may never fill anything in here).
        if results.iter().any(Result::is_ok) {
            leptos::task::spawn_local(async {
                storage::request_persistence().await;
            });
        }
        for (row, result) in rows_of.iter().zip(results) {
            finish(
                row,
                match result {
                    Ok(record) => Outcome::Imported(record),
                    Err(rejection) => Outcome::Rejected(rejection),
                },
            );
        }
    };

    // Takes the next batch from the queue and starts reading it (see `files::read_batch`).
    let next_batch = move |files: usize| {
        let taken: Vec<(Row, web_sys::File)> = queue
            .try_update_value(|q| q.drain(..q.len().min(files)).collect())
            .unwrap_or_default();
        let picked: Vec<web_sys::File> = taken.iter().map(|(_, file)| file.clone()).collect();
        let readings = files::read_batch(&picked, MAX_FILE_BYTES as f64, BATCH_BYTES);
        taken
            .into_iter()
            .zip(readings)
            .map(|((row, file), reading)| (row, file, reading))
            .collect::<Vec<_>>()
    };

    // Files are taken in batches: read together (by the reader worker, while the batch before
    // is checked), then checked and merged one by one in order, and stored in one transaction
    // per batch (one per file made a thousand files wait on a thousand commits). While a
    // batch's transaction commits, the next batch is decoded; it is checked and merged only
    // after that commit (it may use a definition the batch before brought, and a failed
    // write rebuilds the data from what is stored). An encrypted file is imported on its own,
    // after what came before it has been stored, so a wait for its passphrase never holds
    // unsaved work.
    let run = move || async move {
        // The batch being stored, if any: done when its outcomes are shown.
        let mut storing: Option<oneshot::Receiver<()>> = None;
        let stored = |storing: &mut Option<oneshot::Receiver<()>>| {
            let pending = storing.take();
            async move {
                if let Some(done) = pending {
                    let _ = done.await;
                }
            }
        };
        // The passphrases that opened files of this pick are tried first on the next ones, the
        // latest first: a coordinator usually receives many files with the same passphrase, or
        // one per team.
        let mut known_passphrases: Vec<String> = Vec::new();
        let mut reading = Vec::new();
        loop {
            if reading.is_empty() {
                // A new pick (or what was picked while the last batch was stored).
                reading = next_batch(FIRST_BATCH_FILES);
                if reading.is_empty() {
                    // Files picked while the last batch is being stored are taken after it.
                    if storing.is_some() {
                        stored(&mut storing).await;
                        continue;
                    }
                    break;
                }
            }
            // Files the batch had no room for go back to the front of the queue, in order, and
            // so does every file after the first of them (should the reader stop halfway,
            // files after one it still owed may have been read already).
            let mut read = Vec::with_capacity(reading.len());
            let mut later = Vec::new();
            for (row, file, result) in reading {
                match result.await {
                    Err(files::ReadProblem::Later) => later.push((row, file)),
                    _ if !later.is_empty() => later.push((row, file)),
                    result => read.push((row, result)),
                }
            }
            queue.update_value(|q| {
                for (row, file) in later.into_iter().rev() {
                    row.show(Outcome::Waiting, tally);
                    q.push_front((row, file));
                }
            });
            reading = next_batch(BATCH_FILES);
            let mut plain: Vec<(Row, RawExport, bool)> = Vec::new();
            for (row, result) in read {
                // Worked on from now: until then it waited, for the batch before or for a
                // passphrase asked for an earlier file.
                row.show(Outcome::Working, tally);
                match open_file(result) {
                    Ok(Opened::Plain(raw)) => plain.push((row, raw, false)),
                    Ok(Opened::Encrypted(envelope)) => {
                        stored(&mut storing).await;
                        store_batch(std::mem::take(&mut plain)).await;
                        let mut remembered = known_passphrases.clone();
                        let mut wrong = false;
                        let result = loop {
                            // The passphrases that opened files before are tried first, without
                            // asking; one the person typed is theirs, even if it is one of them.
                            let (given, typed) = match remembered.pop() {
                                Some(p) => (Some(p), false),
                                None => {
                                    row.show(Outcome::Passphrase { wrong }, tally);
                                    (ask().await, true)
                                }
                            };
                            let Some(given) = given else {
                                break Err(Rejection::NoPassphrase { tried: wrong });
                            };
                            row.show(Outcome::Working, tally);
                            match decrypt(&envelope, &given).await {
                                Ok(raw) => {
                                    known_passphrases.retain(|known| *known != given);
                                    known_passphrases.push(given);
                                    break Ok(raw);
                                }
                                Err(Rejection::File(FileProblem::WrongPassphrase)) => {
                                    // A remembered passphrase not fitting is no mistake of
                                    // the person.
                                    wrong = typed;
                                }
                                Err(other) => break Err(other),
                            }
                        };
                        match result {
                            Ok(raw) => store_batch(vec![(row, raw, true)]).await,
                            Err(rejection) => finish(&row, Outcome::Rejected(rejection)),
                        }
                    }
                    Err(rejection) => finish(&row, Outcome::Rejected(rejection)),
                }
            }
            stored(&mut storing).await;
            if !plain.is_empty() {
                let (done, finished) = oneshot::channel();
                leptos::task::spawn_local(async move {
                    store_batch(plain).await;
                    let _ = done.send(());
                });
                storing = Some(finished);
                // Let it check, merge and start its write before the next batch is decoded.
                yield_now().await;
            }
        }
        // Nothing is awaited from here on: a file picked now finds `running` false and starts
        // a new run.
        files::release_reader();
        running.set(false);
    };

    let start = move || {
        let waiting = queue.with_value(|q| !q.is_empty());
        if waiting
            && !running.get_untracked()
            && coordinator.state.get_untracked() == LoadState::Ready
        {
            running.set(true);
            leptos::task::spawn_local(run());
        }
    };

    let enqueue = move |picked: Vec<web_sys::File>| {
        if picked.is_empty() {
            return;
        }
        let first = rows.with_untracked(Vec::len);
        if tally.finished.get_untracked() == first {
            tally
                .batch_start
                .set((first, tally.rejected.get_untracked()));
        }
        let new_rows: Vec<(Row, web_sys::File)> = picked
            .into_iter()
            .enumerate()
            .map(|(i, file)| {
                let row = Row {
                    key: first + i,
                    name: file.name(),
                    file: file.clone(),
                    outcome: owner.with_value(|o| o.with(|| RwSignal::new(Outcome::Waiting))),
                };
                (row, file)
            })
            .collect();
        rows.update(|list| list.extend(new_rows.iter().map(|(row, _)| row.clone())));
        queue.update_value(|q| q.extend(new_rows));
        start();
    };
    // Files picked while the stored data is still being read wait for it: merged into a
    // half-read dataset, every record would count as new and the load would then overwrite it.
    Effect::new(move |_| {
        if coordinator.state.get() == LoadState::Ready {
            start();
        }
    });

    let progress = Memo::new(move |_| (tally.finished.get(), rows.with(Vec::len)));
    let asking_for = Memo::new(move |_| {
        tally
            .asking
            .with(|a| a.as_ref().map(|(_, name, wrong)| (name.clone(), *wrong)))
    });
    // "Openen" pressed with nothing typed: said, not tried (it would read as a wrong one).
    let empty = RwSignal::new(false);
    let give = move |value: Option<String>| {
        empty.set(false);
        if let Some(sender) = answer.try_update_value(Option::take).flatten() {
            let _ = sender.send(value);
        }
        passphrase.set(String::new());
        // The prompt goes away: focus goes to the progress line (a next prompt takes it).
        dom::focus_element_after_render(PROGRESS_ID);
    };

    // Files dropped beside the zone, anywhere on this screen, are imported too (the app stops
    // the browser from opening them in its place).
    let beside = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        enqueue(files::files_of(ev.data_transfer().and_then(|d| d.files())));
    });
    on_cleanup(move || beside.remove());

    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                // Taken here: the screen's own listener below takes what falls beside the zone.
                ev.stop_propagation();
                dragging.set(false);
                enqueue(files::files_of(ev.data_transfer().and_then(|d| d.files())));
            }
        >
            <p>{tr(|t| t.import_drop_hint)}</p>
            <label class="question" for="import-files">{tr(|t| t.import_choose)}</label>
            <input
                type="file"
                id="import-files"
                class="file-input"
                multiple
                accept=".json,application/json"
                on:change=move |ev| {
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    let picked = files::files_of(input.files());
                    // Cleared, so picking the same file again (a re-import) is a change too.
                    input.set_value("");
                    enqueue(picked);
                }
            />
        </div>
        // A facilitator's or worker's own completed records count in the report here once
        // imported; this takes them in without saving a file first.
        {move || (own_count(store) > 0).then(|| view! {
            <div class="own-records">
                <p class="hint">{tr(|t| t.import_own_intro)}</p>
                <p>
                    <button type="button" class="button button-secondary-dark" id="import-own"
                        on:click=move |_| {
                            let t = i18n.t();
                            // Stamped to the minute as exports are (UTC): two presses are two rows
                            // that can be told apart.
                            let now = clock::now_rfc3339();
                            let name = format!("{}-{}-{}{}.samenscan.json", t.import_own_file, &now[..10], &now[11..13], &now[14..16]);
                            match own_records_text(store).and_then(|text| files::text_as_file(&text, &name)) {
                                Some(file) => {
                                    own_failed.set(false);
                                    enqueue(vec![file]);
                                }
                                None => own_failed.set(true),
                            }
                        }>
                        {tr(|t| t.import_own)}
                    </button>
                </p>
                <p role="alert" class="error-message">{move || own_failed.get().then(|| i18n.t().import_own_failed)}</p>
            </div>
        })}

        // In the page from the start, so that a screen reader hears it: when every picked file is
        // done, how many were imported and how many refused (the progress line counts up without
        // announcing each of a thousand files).
        <p role="status" class="visually-hidden" id="import-announce">
            {move || {
                let (done, rows) = progress.get();
                (rows > 0 && done == rows).then(|| {
                    let (before, rejected_before) = tally.batch_start.get();
                    let total = rows - before;
                    let rejected = tally.rejected.get() - rejected_before;
                    let lang = i18n.lang();
                    fill(
                        i18n.t().import_done_announce[usize::from(total != 1)],
                        &[
                            ("total", &format_count(total, lang)),
                            ("imported", &format_count(total - rejected, lang)),
                            ("rejected", &format_count(rejected, lang)),
                        ],
                    )
                })
            }}
        </p>
        <Show when=move || { progress.get().1 > 0 }>
            <h2>{tr(|t| t.import_this_time)}</h2>
            <p class="import-progress" id=PROGRESS_ID tabindex="-1">
                <progress
                    max=move || progress.get().1
                    value=move || progress.get().0
                    aria-label=tr(|t| t.import_progress_label)
                ></progress>
                " "
                {move || {
                    let (done, total) = progress.get();
                    let lang = i18n.lang();
                    fill(
                        i18n.t().import_progress[usize::from(total != 1)],
                        &[("done", &format_count(done, lang)), ("total", &format_count(total, lang))],
                    )
                }}
            </p>
            {move || asking_for.get().map(|(name, wrong)| view! {
                <form
                    class="passphrase-prompt field"
                    class:field-error=move || wrong || empty.get()
                    // Escape skips the file, as "Overslaan" does (the prompt is a small dialog).
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { give(None) }
                    on:submit=move |ev| {
                        ev.prevent_default();
                        let typed = passphrase.get_untracked();
                        if typed.is_empty() {
                            empty.set(true);
                            dom::focus_element(PASSPHRASE_ID);
                        } else {
                            give(Some(typed));
                        }
                    }
                >
                    <h3 id="import-passphrase-file">{fill(i18n.t().import_passphrase_heading, &[("file", &name)])}</h3>
                    <label class="question" for=PASSPHRASE_ID>{i18n.t().passphrase}</label>
                    <p class="hint" id="import-passphrase-hint">{i18n.t().import_passphrase_hint}</p>
                    {move || {
                        let text = if empty.get() {
                            Some(i18n.t().import_passphrase_empty)
                        } else if wrong {
                            Some(i18n.t().import_passphrase_wrong)
                        } else {
                            None
                        };
                        text.map(|text| view! {
                            <p class="error-message" id="import-passphrase-error">{text}</p>
                        })
                    }}
                    <input
                        type="password"
                        class="input"
                        id=PASSPHRASE_ID
                        autocomplete="off"
                        aria-invalid=move || if wrong || empty.get() { "true" } else { "false" }
                        aria-describedby=move || if wrong || empty.get() { "import-passphrase-error import-passphrase-file import-passphrase-hint" } else { "import-passphrase-file import-passphrase-hint" }
                        prop:value=move || passphrase.get()
                        on:input=move |ev| {
                            empty.set(false);
                            passphrase.set(event_target_value(&ev));
                        }
                    />
                    <div class="actions">
                        <button type="submit" class="button">{i18n.t().import_open}</button>
                        <button type="button" class="button button-secondary" on:click=move |_| give(None)>
                            {i18n.t().import_skip}
                        </button>
                    </div>
                </form>
            })}
            <ol class="import-results">
                {keyed_list(
                    move || rows.get(),
                    |row| (String::new(), row.key as u64),
                    |row| view! { <ResultRow row=row /> }.into_any(),
                )}
            </ol>
        </Show>

        <EarlierRefusals rows=rows />
        <DatasetSummary />
        <ImportLog busy=Signal::derive(move || running.get() && asking_for.with(Option::is_none)) />
    }
}

/// "Imported before" for a file whose contents the log held before it (see
/// [`ImportRecord::contents`]): the first import of them, by name and time.
fn again_note(
    record: &ImportRecord,
    log: &RwSignal<Vec<ImportRecord>>,
    t: &Messages,
    lang: Lang,
) -> Option<String> {
    if record.contents.is_empty() {
        return None;
    }
    let first = log.with_untracked(|log| {
        log.iter()
            .find(|r| r.contents == record.contents)
            .map(|r| (r.file_name.clone(), r.imported_at.clone()))
    })?;
    // The first import is this one.
    if first == (record.file_name.clone(), record.imported_at.clone()) {
        return None;
    }
    let when = clock::format_local(&first.1, locale(lang));
    Some(if first.0 == record.file_name {
        fill(t.import_log_again_same_name, &[("when", &when)])
    } else {
        fill(t.import_log_again, &[("file", &first.0), ("when", &when)])
    })
}

/// One file of this batch: where it stands, and what happened.
///
/// A thousand picked files make a thousand rows, each changing two or three times: the name
/// is drawn once, a file still waiting or being worked on changes one line of text, and only
/// the outcome is written as markup, once (three rewrites of every row were a sixth of a large
/// import).
#[component]
fn ResultRow(row: Row) -> impl IntoView {
    let i18n = use_i18n();
    let coordinator = use_coordinator();
    let outcome = row.outcome;
    let hint = move || {
        let t = i18n.t();
        outcome.with(|o| match o {
            Outcome::Waiting => t.import_waiting,
            Outcome::Working => t.import_working,
            Outcome::Passphrase { .. } => t.import_needs_passphrase,
            Outcome::Imported(_) | Outcome::Rejected(_) => "",
        })
    };
    // Text only (see `ui::html`): why records were skipped comes from the file and is escaped,
    // never markup.
    let result = move || {
        let t = i18n.t();
        let lang = i18n.lang();
        let mut h = Html::new();
        match outcome.get() {
            Outcome::Waiting | Outcome::Working | Outcome::Passphrase { .. } => return None,
            Outcome::Imported(record) => {
                // Every record skipped (a refused questionnaire, say) is no success, though the
                // file was read: said as such, in the colour of a refusal.
                let s = record.summary;
                let (class, heading) = if record.nothing_taken() {
                    ("import-status error-message", t.import_nothing_taken)
                } else {
                    ("import-status", t.import_done)
                };
                h.leaf(
                    "p",
                    &[("class", class)],
                    &format!("{heading}: {}", s.message(lang)),
                );
                // Imported before (or under another name): said here too, as the log says it.
                if let Some(again) = again_note(&record, &coordinator.log, t, lang) {
                    h.leaf("p", &[("class", "import-again")], &again);
                }
                if record.questionnaires > 0 {
                    h.leaf(
                        "p",
                        &[],
                        &fill(
                            t.import_questionnaires[usize::from(record.questionnaires != 1)],
                            &[("n", &record.questionnaires.to_string())],
                        ),
                    );
                }
                let lines = record.details(lang);
                if !lines.is_empty() {
                    h.open("ul", &[("class", "import-details")]);
                    for line in lines {
                        h.leaf("li", &[], line);
                    }
                    h.close("ul");
                }
            }
            Outcome::Rejected(rejection) => {
                h.leaf(
                    "p",
                    &[("class", "import-status error-message")],
                    &format!(
                        "{}: {} {}",
                        t.import_rejected,
                        rejection.message(lang, t),
                        t.import_nothing_stored
                    ),
                );
            }
        }
        let html = h.finish();
        Some(view! { <div class="import-outcome" inner_html=html></div> })
    };
    view! {
        <li
            class="import-result"
            class:import-rejected=move || outcome.with(|o| match o {
                Outcome::Rejected(_) => true,
                Outcome::Imported(record) => record.nothing_taken(),
                _ => false,
            })
        >
            <p class="import-file"><strong>{row.name}</strong></p>
            <p class="hint" hidden=move || hint().is_empty()>{hint}</p>
            {result}
        </li>
    }
}

/// Files refused whole in an earlier visit (or earlier in this one, if no longer on screen),
/// with when and why: what a coordinator returning the next day needs to ask new copies of.
/// A file picked in this visit is left out: its row above says where it stands now.
#[component]
fn EarlierRefusals(rows: RwSignal<Vec<Row>>) -> impl IntoView {
    let i18n = use_i18n();
    let coordinator = use_coordinator();
    let earlier = Memo::new(move |_| {
        let picked: Vec<String> = rows.with(|rows| rows.iter().map(|r| r.name.clone()).collect());
        coordinator.refused.with(|list| {
            list.iter()
                .filter(|r| !picked.contains(&r.file_name))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Said once the list is gone (the section goes with it): how often it was cleared, so a
    // second clear in one visit changes the words and is said again.
    let cleared = RwSignal::new(0u32);
    // Text only (see `ui::html`): names and reasons come from files and are escaped.
    let items = move || {
        let (t, lang) = (i18n.t(), i18n.lang());
        let locale = locale(lang);
        let mut h = Html::new();
        earlier.with(|list| {
            for r in list.iter().rev() {
                let when = clock::format_local(&r.refused_at, locale);
                h.open("li", &[("class", "import-refused-item import-rejected")])
                    .open("p", &[("class", "import-file")])
                    .leaf("strong", &[], &r.file_name)
                    .close("p")
                    .leaf(
                        "p",
                        &[("class", "hint")],
                        &fill(t.import_refused_when, &[("when", &when)]),
                    )
                    .leaf(
                        "p",
                        &[("class", "import-status error-message")],
                        r.reason(lang),
                    )
                    .close("li");
            }
        });
        h.finish()
    };
    view! {
        <p role="status" class="visually-hidden" id="import-refused-status">
            {move || match cleared.get() {
                0 => String::new(),
                n if n % 2 == 1 => i18n.t().import_refused_cleared.to_string(),
                _ => format!("{}\u{a0}", i18n.t().import_refused_cleared),
            }}
        </p>
        <Show when=move || earlier.with(|list| !list.is_empty())>
            <section aria-labelledby="import-refused-heading" id="import-refused">
                <h2 id="import-refused-heading">{tr(|t| t.import_refused_heading)}</h2>
                <p class="hint">{tr(|t| t.import_refused_hint)}</p>
                <ul class="import-results" inner_html=items></ul>
                <p>
                    <button
                        type="button"
                        class="button button-quiet"
                        id="import-refused-clear"
                        on:click=move |_| {
                            let shown = earlier
                                .with_untracked(|list| list.iter().map(|r| r.file_name.clone()).collect());
                            coordinator.forget_refusals_named(shown);
                            cleared.update(|n| *n += 1);
                            dom::focus_element("import-files");
                        }
                    >
                        {tr(|t| t.import_refused_clear)}
                    </button>
                </p>
            </section>
        </Show>
    }
}

/// How many of this device's own records an import of them takes in: completed ones, and
/// every withdrawn one, exported or not (it holds no answers, and withdraws a version taken in
/// by an earlier press from the report, as design §2 asks of a withdrawal).
fn own_count(store: Store) -> usize {
    let taken = |status: Status, exportable: bool| exportable || status == Status::Withdrawn;
    store.responses.with(|list| {
        list.iter()
            .filter(|o| taken(o.response.status, o.exportable()))
            .count()
    }) + store.meetings.with(|list| {
        list.iter()
            .filter(|o| taken(o.meeting.status, o.exportable()))
            .count()
    })
}

/// This device's own records as [`own_count`] counts them, as an exchange file's text (as an
/// export of them would be, definitions included); `None` when there are none.
fn own_records_text(store: Store) -> Option<String> {
    let responses: Vec<Response> = store.responses.with_untracked(|list| {
        list.iter()
            .filter(|o| o.exportable() || o.response.status == Status::Withdrawn)
            .map(|o| o.response.clone())
            .collect()
    });
    let meetings: Vec<Meeting> = store.meetings.with_untracked(|list| {
        list.iter()
            .filter(|o| o.exportable() || o.meeting.status == Status::Withdrawn)
            .map(|o| o.meeting.clone())
            .collect()
    });
    if responses.is_empty() && meetings.is_empty() {
        return None;
    }
    let known = sorting::map_from(
        store
            .questionnaires()
            .into_iter()
            .map(|q| (q.reference(), q)),
    );
    let contents = ExportContents::for_records(responses, meetings, &known).ok()?;
    Some(encode_export(
        &contents,
        env!("CARGO_PKG_VERSION"),
        &clock::now_rfc3339(),
    ))
}

/// How many log records the log takes into account: all of them, except while files are being
/// imported, when they stay as they were until the import ends or waits for a passphrase
/// (redrawing them after every file made a large batch slow down as it went).
fn settled_log_len(busy: Signal<bool>) -> Memo<usize> {
    let coordinator = use_coordinator();
    Memo::new(move |previous: Option<&usize>| {
        let busy = busy.get();
        // Read (and so followed) in every run, also while busy.
        let now = coordinator.log.with(Vec::len);
        match previous {
            Some(&n) if busy => n,
            _ => now,
        }
    })
}

/// What the merged data holds now.
#[component]
fn DatasetSummary() -> impl IntoView {
    let i18n = use_i18n();
    let coordinator = use_coordinator();
    // The dataset changes once per stored batch, not per file: counting follows it.
    let counts = Memo::new(move |_| {
        coordinator.dataset.with(|d| {
            let complete = d
                .responses
                .values()
                .filter(|r| r.status == Status::Complete)
                .count();
            let meetings = d
                .meetings
                .values()
                .filter(|m| m.status == Status::Complete)
                .count();
            (complete, meetings)
        })
    });
    view! {
        <h2>{tr(|t| t.import_dataset_heading)}</h2>
        {move || match coordinator.state.get() {
            LoadState::NotLoaded | LoadState::Loading => {
                view! { <p class="loading" role="status">{i18n.t().import_loading}</p> }.into_any()
            }
            LoadState::Failed(e) => view! {
                <div class="notice notice-error" role="alert"><p>{storage_error_text(&e, i18n.t())}</p></div>
            }
            .into_any(),
            // Each part follows its own figures (read inside, not when the branch is built: a
            // file imported again changes the number of files but not the counts).
            LoadState::Ready => view! {
                <p id="import-dataset-counts">
                    {move || {
                        let (responses, meetings) = counts.get();
                        let t = i18n.t();
                        fill(t.import_dataset_counts, &[
                            ("responses", &count_in(t.count_completed, responses, i18n.lang())),
                            ("meetings", &count_in(t.count_meetings, meetings, i18n.lang())),
                            // A file imported again, or under another name, counts once.
                            ("files", &count_in(t.count_imported_files, coordinator.log.with(|log| imported_files(log)), i18n.lang())),
                        ])
                    }}
                </p>
                {move || {
                    let damaged = coordinator.unreadable.get();
                    (damaged > 0).then(|| view! {
                        <div class="notice notice-warning" role="alert">
                            <p>{fill(i18n.t().import_damaged[usize::from(damaged != 1)], &[("n", &damaged.to_string())])}</p>
                        </div>
                    })
                }}
                {move || {
                    let (responses, meetings) = counts.get();
                    (responses + meetings > 0).then(|| view! {
                        <p class="links"><a href=Route::Report.href()>{i18n.t().import_to_report}</a></p>
                    })
                }}
            }
            .into_any(),
        }}
    }
}

/// The log shows this many of the newest imports, and the rest on request: a coordinator's
/// log grows by a thousand rows per round, and drawing them all after every import cost more
/// than a tenth of the import.
const LOG_FIRST: usize = 50;

/// The earlier imports, newest first: the newest [`LOG_FIRST`], or all of them on request. The
/// rows are drawn when an import ends, not after every file.
#[component]
fn ImportLog(busy: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let coordinator = use_coordinator();
    let settled = settled_log_len(busy);
    let empty = Memo::new(move |_| settled.get() == 0);
    let all = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        let n = settled.get();
        if all.get() {
            n
        } else {
            n.min(LOG_FIRST)
        }
    });
    // Newest first, as HTML text (see `ui::html`): the rows only change when an import ends
    // (see `settled_log_len`), or with the language.
    let rows = move || {
        let (settled, shown) = (settled.get(), shown.get());
        let locale = locale(i18n.lang());
        let mut h = Html::new();
        // Untracked: `settled` follows the log, and holds still while files are imported.
        coordinator.log.with_untracked(|log| {
            // Per record, the first import of what it held (itself, unless imported again).
            let mut first = vec![0; log.len()];
            for group in distinct_files(log) {
                for &i in &group {
                    first[i] = group[0];
                }
            }
            let t = i18n.t();
            for (i, r) in log.iter().enumerate().take(settled).rev().take(shown) {
                let s = r.summary;
                h.open("tr", &[])
                    .leaf("th", &[("scope", "row")], &r.file_name)
                    .leaf("td", &[], &clock::format_local(&r.imported_at, locale));
                for n in [s.new, s.updated, s.unchanged, s.conflicting, s.skipped] {
                    h.leaf("td", &[("class", "num")], &format_count(n, i18n.lang()));
                }
                h.close("tr");
                // Notes in a row of their own below, not in the row header (a screen reader
                // reads that again before every count, and it made rows tall on a phone).
                let again = (first[i] != i).then(|| {
                    let earlier = &log[first[i]];
                    let when = clock::format_local(&earlier.imported_at, locale);
                    if earlier.file_name == r.file_name {
                        fill(t.import_log_again_same_name, &[("when", &when)])
                    } else {
                        fill(
                            t.import_log_again,
                            &[("file", &earlier.file_name), ("when", &when)],
                        )
                    }
                });
                // Why records were skipped, and the rest the counts leave unsaid, kept with the
                // log (the rows above show them only for this session's files).
                let lines = r.details(i18n.lang());
                if again.is_none() && lines.is_empty() {
                    continue;
                }
                h.open("tr", &[("class", "import-log-notes")])
                    .open("td", &[("colspan", "7")]);
                if let Some(again) = again {
                    h.leaf("p", &[("class", "import-again")], &again);
                }
                if !lines.is_empty() {
                    let summary = fill(
                        t.import_log_details[usize::from(lines.len() != 1)],
                        &[("n", &format_count(lines.len(), i18n.lang()))],
                    );
                    h.open("details", &[("class", "import-log-details")])
                        .leaf("summary", &[], &summary)
                        .open("ul", &[]);
                    for line in lines {
                        h.leaf("li", &[], line);
                    }
                    h.close("ul").close("details");
                }
                h.close("td");
                h.close("tr");
            }
        });
        h.finish()
    };
    view! {
        <h2>{tr(|t| t.import_log_heading)}</h2>
        <Show
            when=move || !empty.get()
            fallback=move || view! { <p>{i18n.t().import_log_empty}</p> }
        >
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="import-log-caption">
                <table class="data-table import-log">
                    <caption id="import-log-caption">
                        {move || {
                            let (n, shown) = (settled.get(), shown.get());
                            if shown < n {
                                {
                                let lang = i18n.lang();
                                fill(
                                    i18n.t().import_log_caption_newest,
                                    &[("shown", &format_count(shown, lang)), ("n", &format_count(n, lang))],
                                )
                            }
                            } else {
                                i18n.t().import_log_caption.to_string()
                            }
                        }}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(|t| t.import_col_file)}</th>
                            <th scope="col">{tr(|t| t.import_col_when)}</th>
                            <th scope="col" class="num">{tr(|t| t.import_col_new)}</th>
                            <th scope="col" class="num">{tr(|t| t.import_col_updated)}</th>
                            <th scope="col" class="num">{tr(|t| t.import_col_unchanged)}</th>
                            <th scope="col" class="num">{tr(|t| t.import_col_conflicting)}</th>
                            <th scope="col" class="num">{tr(|t| t.import_col_skipped)}</th>
                        </tr>
                    </thead>
                    <tbody inner_html=rows></tbody>
                </table>
            </div>
            // The button stays in place while the log grows; only its words change.
            <Show when=move || { settled.get() > LOG_FIRST }>
                <p>
                    <button
                        type="button"
                        class="button button-quiet"
                        id="import-log-more"
                        aria-expanded=move || if all.get() { "true" } else { "false" }
                        on:click=move |_| all.update(|a| *a = !*a)
                    >
                        {move || {
                            if all.get() {
                                fill(i18n.t().import_log_fewer, &[("n", &LOG_FIRST.to_string())])
                            } else {
                                fill(i18n.t().import_log_all, &[("n", &format_count(settled.get(), i18n.lang()))])
                            }
                        }}
                    </button>
                </p>
            </Show>
        </Show>
    }
}
