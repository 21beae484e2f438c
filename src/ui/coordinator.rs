//! The coordinator's data: the log of imported files and the dataset merged from it, loaded from
//! IndexedDB the first time a screen needs it and kept in memory for the report.
//!
//! Importing one file: read its bytes, decode (asking for the passphrase of an encrypted file),
//! validate every record, merge the accepted ones into the dataset, and append the file's log
//! record — with the accepted records — in one transaction. Should that write fail, the dataset
//! is rebuilt from the log, which is what is stored, so screen and storage never disagree.

use std::collections::BTreeMap;

use crate::browser::idb::StorageError;
use crate::browser::{clock, crypto, files, repository};
use crate::domain::exchange::{decode, validate, Decoded, FileProblem, RawExport, MAX_FILE_BYTES};
use crate::domain::import_log::{import_into, rebuild, ImportRecord};
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
}

/// Why a file was not imported.
#[derive(Clone, Debug, PartialEq)]
pub enum Rejection {
    /// A problem with the file itself (design §3, file level).
    File(FileProblem),
    /// The browser could not read the file from disk.
    Unreadable(String),
    /// The person chose not to give the passphrase.
    NoPassphrase,
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

    /// Reads the whole log from IndexedDB and rebuilds the dataset from it.
    pub async fn reload(self, store: Store) {
        match repository::imports().await {
            Ok(records) => {
                let (dataset, unreadable) = rebuild(&records, &known(store));
                self.log
                    .set(records.iter().map(ImportRecord::without_data).collect());
                self.dataset.set(dataset);
                self.unreadable.set(unreadable);
                self.state.set(LoadState::Ready);
            }
            Err(e) => self.state.set(LoadState::Failed(e)),
        }
    }

    /// Imports one decoded file (decrypted first when `encrypted`): the log record on success.
    pub async fn import(
        self,
        store: Store,
        name: &str,
        raw: RawExport,
        encrypted: bool,
    ) -> Result<ImportRecord, Rejection> {
        let file = validate(raw, &known(store));
        let imported = self.dataset.try_update(|dataset| {
            import_into(
                dataset,
                file,
                name,
                &clock::now_rfc3339(),
                encrypted,
                env!("CARGO_PKG_VERSION"),
            )
        });
        let Some(imported) = imported else {
            return Err(Rejection::Storage(StorageError::Failed(
                "the app was closed".into(),
            )));
        };
        match repository::save_import(&imported.record, &imported.questionnaires).await {
            Ok(()) => {
                let listed = imported.record.without_data();
                self.log.update(|log| log.push(listed.clone()));
                store.loaded.update(|loaded| {
                    for q in imported.questionnaires {
                        match loaded.iter_mut().find(|l| l.reference() == q.reference()) {
                            Some(slot) => *slot = q,
                            None => loaded.push(q),
                        }
                    }
                });
                Ok(listed)
            }
            Err(e) => {
                // The merge above changed the dataset in memory only: rebuild it from what is
                // stored.
                self.reload(store).await;
                Err(Rejection::Storage(e))
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

/// Reads a picked file and looks at its first layer. A file over the size limit is refused
/// before it is read.
pub async fn open_file(file: &web_sys::File) -> Result<Opened, Rejection> {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        return Err(Rejection::File(FileProblem::TooLarge {
            bytes: size as usize,
            limit: MAX_FILE_BYTES,
        }));
    }
    let bytes = files::read_bytes(file)
        .await
        .map_err(Rejection::Unreadable)?;
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
            Rejection::Unreadable(detail) => format!("{} ({detail})", t.import_unreadable),
            Rejection::NoPassphrase => t.import_no_passphrase.to_string(),
            Rejection::Storage(e) => crate::ui::store::storage_error_text(e, t),
        }
    }
}
