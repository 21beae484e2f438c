//! The coordinator's data: the log of imported files and the dataset merged from it, loaded from
//! IndexedDB the first time a screen needs it and kept in memory for the report.
//!
//! Importing one file: read its bytes, decode (asking for the passphrase of an encrypted file),
//! validate every record, merge the accepted ones into the dataset, and append the file's log
//! record — with the accepted records — in one transaction. Should that write fail, the dataset
//! is rebuilt from the log, which is what is stored, so screen and storage never disagree.

use std::collections::BTreeMap;

use crate::browser::idb::StorageError;
use crate::browser::{clock, crypto, files, repository, tabs};
use crate::domain::exchange::{decode, validate, Decoded, FileProblem, RawExport, MAX_FILE_BYTES};
use crate::domain::import_log::{
    forget_refusals_of, import_into, note_refusal, refusals_from, ImportRecord, Rebuilder, Refusal,
};
use crate::domain::sorting;
use crate::domain::{Dataset, Lang, Questionnaire, QuestionnaireRef};
use crate::ui::store::{StorageState, Store};
use leptos::prelude::*;

/// Where loading the coordinator's data stands.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// Not asked for yet.
    NotLoaded,
    /// Being read from IndexedDB.
    Loading,
    /// In memory.
    Ready,
    /// Could not be read.
    Failed(StorageError),
}

/// The coordinator context.
#[derive(Clone, Copy)]
pub struct Coordinator {
    /// Where loading stands.
    pub state: RwSignal<LoadState>,
    /// The import log, oldest first, without the stored data.
    pub log: RwSignal<Vec<ImportRecord>>,
    /// The merge of every imported file.
    pub dataset: RwSignal<Dataset>,
    /// Stored log records that could not be read back whole (damaged storage).
    pub unreadable: RwSignal<usize>,
    /// Whether the report screen is open in this tab.
    pub showing_report: RwSignal<bool>,
    /// Set when another tab imported files while this tab showed the report: the report stays as
    /// it is (its sorting, chosen splits and place on the page with it) until the person asks
    /// for it to be brought up to date, or leaves it.
    pub outdated: RwSignal<bool>,
    /// Files refused whole, remembered across visits (newest last; see [`Refusal`]).
    pub refused: RwSignal<Vec<Refusal>>,
    /// How many changes of this tab's to the stored refusals are on their way, and how many
    /// were ever started: a read of the stored list is taken only when none is on its way and
    /// none started since the read did (it would show the list without them).
    refused_edits: StoredValue<(u32, u64)>,
}

/// A change to the list of refusals; says whether it changed anything.
type RefusalsChange = Box<dyn Fn(&mut Vec<Refusal>) -> bool>;

/// The setting under which [`Coordinator::refused`] is stored.
const REFUSED_SETTING: &str = "refused_imports";

/// Why a file was not imported.
#[derive(Clone, Debug, PartialEq)]
pub enum Rejection {
    /// A problem with the file itself (design §3, file level).
    File(FileProblem),
    /// The browser could not read the file from disk.
    Unreadable(String),
    /// The person chose not to give the passphrase; `tried`: after one they typed did not open
    /// the file (another passphrase, or a damaged file: encryption cannot tell them apart).
    NoPassphrase { tried: bool },
    /// Saving failed; nothing of this file was stored.
    Storage(StorageError),
}

/// The known definitions: those loaded into the app.
pub fn known(store: Store) -> BTreeMap<QuestionnaireRef, Questionnaire> {
    store.loaded.with_untracked(|loaded| {
        sorting::map_from(loaded.iter().map(|q| (q.reference(), q.clone())))
    })
}

impl Coordinator {
    /// Reads the log and rebuilds the dataset, once (later calls do nothing). Waits for the
    /// device store to be ready: it opens the database and holds the loaded definitions.
    pub fn ensure_loaded(self, store: Store) {
        Effect::new(move |_| {
            if store.state.get() != StorageState::Ready
                || self.state.get_untracked() != LoadState::NotLoaded
            {
                return;
            }
            self.state.set(LoadState::Loading);
            leptos::task::spawn_local(async move {
                self.reload(store).await;
            });
        });
    }

    /// Reads the whole log from IndexedDB and rebuilds the dataset from it, one record at a time.
    pub async fn reload(self, store: Store) {
        // Read at the same time as the log (read after it, it waited behind the log's
        // reading: a start with a thousand files took half a second longer). It only informs.
        let refused = self.read_refused();
        let rebuilt = async {
            let known = known(store);
            let mut rebuilder = Rebuilder::default();
            let mut log = Vec::new();
            let mut unreadable = 0;
            for record in repository::imports_one_by_one().await? {
                let mut record = record?;
                let rebuilt = rebuilder.add(&record, &known);
                if !rebuilt.whole {
                    unreadable += 1;
                }
                if let Some(contents) = rebuilt.contents {
                    record.contents = contents;
                }
                if record.meetings.is_empty() {
                    record.meetings = rebuilt.meetings;
                }
                record.data = String::new();
                log.push(record);
            }
            Ok::<_, StorageError>((rebuilder.dataset, log, unreadable))
        };
        match rebuilt.await {
            Ok((dataset, log, unreadable)) => {
                if let Some(list) = refused.await {
                    self.refused.set(list);
                }
                self.outdated.set(false);
                self.log.set(log);
                self.dataset.set(dataset);
                self.unreadable.set(unreadable);
                self.state.set(LoadState::Ready);
            }
            Err(e) => self.state.set(LoadState::Failed(e)),
        }
    }

    /// Remembers that nothing was taken in from the file `file_name` (with its size and last
    /// change, see [`Refusal::size`]), and why: in Dutch and in English.
    pub fn note_refusal(
        self,
        file_name: &str,
        (size, modified): (u64, u64),
        [nl, en]: [String; 2],
    ) {
        let refusal = Refusal {
            file_name: file_name.to_string(),
            refused_at: clock::now_rfc3339(),
            reason_nl: nl,
            reason_en: en,
            size,
            modified,
        };
        self.change_refused(Box::new(move |list| {
            note_refusal(list, refusal.clone());
            true
        }));
    }

    /// Forgets the refusal of the file `file_name` with this size and last change: that very
    /// file has been imported.
    pub fn forget_refusals_of(self, file_name: &str, identity: (u64, u64)) {
        let name = file_name.to_string();
        self.change_refused(Box::new(move |list| {
            forget_refusals_of(list, &name, identity)
        }));
    }

    /// Forgets the refusals of the files `names` (those the person saw in the list and cleared;
    /// refusals of this visit's files, shown in their own rows, stay).
    pub fn forget_refusals_named(self, names: Vec<String>) {
        self.change_refused(Box::new(move |list| {
            let before = list.len();
            list.retain(|r| !names.contains(&r.file_name));
            list.len() != before
        }));
    }

    /// Makes `change` to the list of refusals (it says whether it changed anything): at once on
    /// screen, and to the stored list in one read-write transaction, so that another tab's
    /// change made meanwhile is kept (each tab changes what is stored, never writes its own
    /// copy over it). The screen then shows what is stored, and the other tabs are told.
    ///
    /// Takes the change as a trait object: one copy of this body in the wasm, not one per caller.
    fn change_refused(self, change: RefusalsChange) {
        if !self
            .refused
            .try_update(|list| change(list))
            .unwrap_or(false)
        {
            return;
        }
        self.refused_edits.update_value(|(on_way, started)| {
            *on_way += 1;
            *started += 1;
        });
        leptos::task::spawn_local(async move {
            let stored = repository::update_setting(REFUSED_SETTING, |stored| {
                let mut list = refusals_from(stored);
                change(&mut list)
                    .then(|| serde_json::to_value(&list).ok())
                    .flatten()
            })
            .await;
            self.refused_edits.update_value(|(on_way, _)| *on_way -= 1);
            if let Ok(stored) = stored {
                if self.refused_edits.get_value().0 == 0 {
                    self.refused.set(refusals_from(stored));
                }
                tabs::tell(&tabs::TabNews::Settings);
            } else {
                // The screen shows what is stored again (other tabs' changes skipped meanwhile
                // included), without this change.
                self.refresh_refused().await;
            }
        });
    }

    /// Reads the stored list of refusals again (another tab changed it), unless a change of
    /// this tab's is on its way: that one shows what is stored when it is done.
    pub async fn refresh_refused(self) {
        if self.state.get_untracked() != LoadState::Ready {
            return;
        }
        if let Some(list) = self.read_refused().await {
            self.refused.set(list);
        }
    }

    /// Reads the stored list of refusals (the read starts at the call). `None` when a change of
    /// this tab's is on its way or started since the read did: the list read would lack it.
    /// A failed read is an empty list: it only informs.
    fn read_refused(self) -> impl std::future::Future<Output = Option<Vec<Refusal>>> {
        let started = self.refused_edits.get_value().1;
        let reading = repository::setting(REFUSED_SETTING);
        async move {
            let stored = reading.await;
            (self.refused_edits.get_value() == (0, started))
                .then(|| refusals_from(stored.ok().flatten()))
        }
    }

    /// Imports decoded files (each with its name and whether it was encrypted), in order: each
    /// is checked and merged into the dataset, and all their log records are stored in one
    /// transaction. One result per file, in the same order. A file may use a definition an
    /// earlier file of the same batch brought. Should the write fail, nothing of the batch is
    /// stored and the dataset is rebuilt from what is.
    pub async fn import_batch(
        self,
        store: Store,
        files: Vec<(String, RawExport, bool)>,
    ) -> Vec<Result<ImportRecord, Rejection>> {
        if files.is_empty() {
            return Vec::new();
        }
        let count = files.len();
        let mut known = known(store);
        let now = clock::now_rfc3339();
        let imported = self.dataset.try_update(|dataset| {
            files
                .into_iter()
                .map(|(name, raw, encrypted)| {
                    let file = validate(raw, &known);
                    let imported = import_into(
                        dataset,
                        file,
                        &name,
                        &now,
                        encrypted,
                        env!("CARGO_PKG_VERSION"),
                    );
                    for q in &imported.questionnaires {
                        if known.get(&q.reference()) != Some(q) {
                            known.insert(q.reference(), q.clone());
                        }
                    }
                    imported
                })
                .collect::<Vec<_>>()
        });
        let Some(imported) = imported else {
            let closed = StorageError::Failed("the app was closed".into());
            return (0..count)
                .map(|_| Err(Rejection::Storage(closed.clone())))
                .collect();
        };
        match repository::save_imports(&imported).await {
            Ok(()) => {
                tabs::tell(&tabs::TabNews::Imports);
                let listed: Vec<ImportRecord> =
                    imported.iter().map(|i| i.record.without_data()).collect();
                self.log.update(|log| log.extend(listed.iter().cloned()));
                store.loaded.update(|loaded| {
                    for q in imported.into_iter().flat_map(|i| i.questionnaires) {
                        match loaded.iter_mut().find(|l| l.reference() == q.reference()) {
                            Some(slot) => *slot = q,
                            None => loaded.push(q),
                        }
                    }
                });
                listed.into_iter().map(Ok).collect()
            }
            Err(e) => {
                // The merge above changed the dataset in memory only: rebuild it from what is
                // stored.
                self.reload(store).await;
                (0..count)
                    .map(|_| Err(Rejection::Storage(e.clone())))
                    .collect()
            }
        }
    }
}

/// Provides the (not yet loaded) coordinator context.
pub fn provide_coordinator() -> Coordinator {
    let coordinator = Coordinator {
        state: RwSignal::new(LoadState::NotLoaded),
        log: RwSignal::new(Vec::new()),
        dataset: RwSignal::new(Dataset::new()),
        unreadable: RwSignal::new(0),
        showing_report: RwSignal::new(false),
        outdated: RwSignal::new(false),
        refused: RwSignal::new(Vec::new()),
        refused_edits: StoredValue::new((0, 0)),
    };
    provide_context(coordinator);
    coordinator
}

/// The coordinator context; panics outside [`provide_coordinator`]'s tree.
pub fn use_coordinator() -> Coordinator {
    expect_context::<Coordinator>()
}

/// A file read from disk: its plain bytes, or the envelope still to decrypt.
pub enum Opened {
    /// Not encrypted: import these records.
    Plain(RawExport),
    /// Encrypted: ask for the passphrase, then call [`decrypt`].
    Encrypted(crate::domain::EncryptedEnvelope),
}

/// Looks at the first layer of a file read from disk (see [`files::read_batch`]).
pub fn open_file(read: Result<Vec<u8>, files::ReadProblem>) -> Result<Opened, Rejection> {
    let bytes = read.map_err(|problem| match problem {
        files::ReadProblem::TooLarge(size) => Rejection::File(FileProblem::TooLarge {
            bytes: size as usize,
            limit: MAX_FILE_BYTES,
        }),
        files::ReadProblem::Unreadable(detail) => Rejection::Unreadable(detail),
        files::ReadProblem::Later => Rejection::Unreadable("not read".into()),
    })?;
    match decode(&bytes, MAX_FILE_BYTES).map_err(Rejection::File)? {
        Decoded::Export(raw) => Ok(Opened::Plain(raw)),
        Decoded::Encrypted(envelope) => Ok(Opened::Encrypted(envelope)),
    }
}

/// Decrypts an envelope with a passphrase and decodes what it held; a wrong passphrase is
/// `FileProblem::WrongPassphrase`.
pub async fn decrypt(
    envelope: &crate::domain::EncryptedEnvelope,
    passphrase: &str,
) -> Result<RawExport, Rejection> {
    let sealed = crypto::Sealed {
        salt: envelope.kdf.salt.clone(),
        iv: envelope.cipher.iv.clone(),
        ciphertext: envelope.ciphertext.clone(),
    };
    crypto::open(&sealed, passphrase, envelope.kdf.iterations)
        .await
        .map_err(|e| match e {
            crypto::CryptoError::WrongPassphrase => Rejection::File(FileProblem::WrongPassphrase),
            crypto::CryptoError::Unavailable => {
                Rejection::Unreadable("WebCrypto is not available".into())
            }
            crypto::CryptoError::Failed(detail) => Rejection::Unreadable(detail),
        })
        .and_then(|bytes| match decode(&bytes, MAX_FILE_BYTES) {
            Ok(Decoded::Export(raw)) => Ok(raw),
            Ok(Decoded::Encrypted(_)) => Err(Rejection::File(FileProblem::EncryptedTwice)),
            Err(problem) => Err(Rejection::File(problem)),
        })
}

impl Rejection {
    /// The reason in plain words.
    pub fn message(&self, lang: Lang, t: &crate::ui::i18n::Messages) -> String {
        match self {
            Rejection::File(problem) => problem.message(lang),
            // The browser's own words are in its language (often English): quoted as such.
            Rejection::Unreadable(detail) => {
                format!(
                    "{} ({}: “{detail}”)",
                    t.import_unreadable, t.import_browser_says
                )
            }
            Rejection::NoPassphrase { tried: false } => t.import_no_passphrase.to_string(),
            Rejection::NoPassphrase { tried: true } => t.import_passphrase_gave_up.to_string(),
            Rejection::Storage(e) => crate::ui::store::storage_error_text(e, t),
        }
    }
}
