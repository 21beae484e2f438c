//! The app's data in IndexedDB: the schema and its migrations, and typed functions to read and
//! write records. One database connection per page, opened once by [`open`].
//!
//! Schema (database `samenscan`):
//! - version 1: `responses` (this device's own responses, key = response id, value =
//!   `OwnResponse` JSON) and `settings` (key = name).
//! - version 2: `questionnaires` (key = `id@version`), `meetings` (this device's own meetings,
//!   key = meeting id, value = `OwnMeeting` JSON) and
//!   `imports` (the coordinator's append-only log of imported files, auto-incremented keys;
//!   value = the UTF-8 bytes of `ImportRecord::to_stored`: the record's fields as JSON, a
//!   newline, the file's accepted records; records stored by earlier builds as that text, or as
//!   one JSON object, are read as well).
//!
//! A database written at an earlier version is brought up to date by the missing steps only;
//! records already stored are never rewritten by a migration.

use std::cell::RefCell;
use std::future::Future;

use crate::browser::idb::{self, create_store, Migration, StorageError, Write};
use crate::domain::device::Rebase;
use crate::domain::import_log::{ImportRecord, Imported};
use crate::domain::{builtin, OwnMeeting, OwnResponse, Questionnaire};
use wasm_bindgen::JsCast;
use web_sys::{IdbDatabase, IdbTransaction};

/// The database name.
pub const DB_NAME: &str = "samenscan";

const RESPONSES: &str = "responses";
const SETTINGS: &str = "settings";
const QUESTIONNAIRES: &str = "questionnaires";
const MEETINGS: &str = "meetings";
const IMPORTS: &str = "imports";

fn v1(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), wasm_bindgen::JsValue> {
    create_store(db, RESPONSES, false)?;
    create_store(db, SETTINGS, false)
}

fn v2(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), wasm_bindgen::JsValue> {
    create_store(db, QUESTIONNAIRES, false)?;
    create_store(db, MEETINGS, false)?;
    create_store(db, IMPORTS, true)
}

/// Every schema step, in order: the database version is the length of this list.
pub static MIGRATIONS: [Migration; 2] = [v1, v2];

thread_local! {
    // wasm is single-threaded; the connection lives for the page.
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

fn db() -> Result<IdbDatabase, StorageError> {
    DB.with(|db| db.borrow().clone())
        .ok_or_else(|| StorageError::Failed("the database is not open".into()))
}

/// Opens the database at the current schema (running migrations) and keeps the connection for
/// this page. See [`idb::open`] for the two callbacks.
pub async fn open(
    on_blocked: impl Fn() + 'static,
    on_lost: impl Fn(StorageError) + 'static,
) -> Result<(), StorageError> {
    open_at(DB_NAME, &MIGRATIONS, on_blocked, on_lost).await
}

/// Like [`open`], for a given name and list of migrations: lets tests open a database as an
/// earlier version of the app would have.
pub async fn open_at(
    name: &str,
    migrations: &'static [Migration],
    on_blocked: impl Fn() + 'static,
    on_lost: impl Fn(StorageError) + 'static,
) -> Result<(), StorageError> {
    let connection = idb::open(name, migrations, on_blocked, on_lost).await?;
    DB.with(|db| {
        if let Some(old) = db.borrow_mut().replace(connection) {
            old.close();
        }
    });
    Ok(())
}

/// Closes the connection (before deleting the database, or in tests).
pub fn close() {
    DB.with(|db| {
        if let Some(old) = db.borrow_mut().take() {
            old.close();
        }
    });
}

/// The names of the stores of the open database (for tests of the migrations).
pub fn store_names() -> Result<Vec<String>, StorageError> {
    Ok(idb::store_names(&db()?))
}

/// Reads a stored record. Through `Value` on purpose: the domain's records are deserialised from
/// `Value` by the import too, and one deserialiser per type keeps the wasm smaller.
fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, StorageError> {
    serde_json::from_str::<serde_json::Value>(json)
        .and_then(serde_json::from_value)
        .map_err(|e| StorageError::Failed(format!("a stored record cannot be read: {e}")))
}

/// Every record of `store`, read back. The read starts at the call (see [`idb::get_all`]), so
/// the app's first reads run at the same time.
fn all_of<T: serde::de::DeserializeOwned>(
    store: &str,
) -> impl Future<Output = Result<Vec<T>, StorageError>> + 'static {
    let reading = db().map(|db| idb::get_all(&db, store));
    async move { reading?.await?.iter().map(|json| parse(json)).collect() }
}

/// Writes one record under `key` and waits until the write has committed.
async fn put<T: serde::Serialize>(store: &str, key: &str, record: &T) -> Result<(), StorageError> {
    let json = serde_json::to_string(record).expect("records serialise");
    idb::write_all(&db()?, &[Write::Put { store, key, json }]).await
}

/// This device's own responses, in no particular order (the read starts at the call).
pub fn own_responses() -> impl Future<Output = Result<Vec<OwnResponse>, StorageError>> {
    all_of(RESPONSES)
}

/// One of this device's responses.
pub async fn own_response(id: &str) -> Result<Option<OwnResponse>, StorageError> {
    match idb::get(&db()?, RESPONSES, id).await? {
        Some(json) => parse(&json).map(Some),
        None => Ok(None),
    }
}

/// One of this device's meetings.
pub async fn own_meeting(id: &str) -> Result<Option<OwnMeeting>, StorageError> {
    match idb::get(&db()?, MEETINGS, id).await? {
        Some(json) => parse(&json).map(Some),
        None => Ok(None),
    }
}

/// Saves `ours`, a change made to `base` (`None` for a new record), and waits until the write
/// has committed. Should another tab have stored the record since `base` was read, the change
/// is put on that copy instead ([`Rebase`]), in the same transaction, and what was stored
/// is returned, to be shown in place of `ours`.
async fn save_over<T>(
    store: &str,
    key: &str,
    base: Option<&T>,
    ours: &T,
    revision: fn(&T) -> u64,
) -> Result<Option<T>, StorageError>
where
    T: Rebase + serde::Serialize + serde::de::DeserializeOwned + PartialEq,
{
    let Some(base) = base else {
        return put(store, key, ours).await.map(|()| None);
    };
    let mut rebased = None;
    idb::read_and_put(&db()?, store, key, |stored| {
        let stored = stored.and_then(|json| parse::<T>(&json).ok());
        let record = match stored {
            // Another tab stored since this tab's copy was made: a copy at the same revision or
            // later that is not the one this tab changed. (An earlier revision is this tab's own
            // write that failed, a full disk: this change then stores all of this tab's copy.)
            // The merged copy is always written, one revision past both, so a write of this
            // tab's queued behind it compares with it the same way.
            Some(stored) if revision(&stored) >= revision(base) && stored != *base => {
                rebased.insert(T::rebase(base, ours, &stored))
            }
            _ => ours,
        };
        Some(serde_json::to_string(record).expect("records serialise"))
    })
    .await?;
    Ok(rebased)
}

/// Saves a change to one of this device's responses (see [`save_over`]).
pub async fn save_own_response(
    base: Option<&OwnResponse>,
    own: &OwnResponse,
) -> Result<Option<OwnResponse>, StorageError> {
    save_over(RESPONSES, &own.response.id, base, own, |r| {
        r.response.revision
    })
    .await
}

/// This device's own evaluation meetings, in no particular order (the read starts at the call).
pub fn own_meetings() -> impl Future<Output = Result<Vec<OwnMeeting>, StorageError>> {
    all_of(MEETINGS)
}

/// Saves a change to one of this device's meetings (see [`save_over`]).
pub async fn save_own_meeting(
    base: Option<&OwnMeeting>,
    own: &OwnMeeting,
) -> Result<Option<OwnMeeting>, StorageError> {
    save_over(MEETINGS, &own.meeting.id, base, own, |m| m.meeting.revision).await
}

/// Questionnaires loaded into this app (the built-in one is not stored: it ships with the app).
/// The read starts at the call.
pub fn questionnaires() -> impl Future<Output = Result<Vec<Questionnaire>, StorageError>> {
    let reading = db().map(|db| idb::get_all(&db, QUESTIONNAIRES));
    async move {
        reading?
            .await?
            .iter()
            .map(|json| {
                Questionnaire::from_json(json).map_err(|_| {
                    StorageError::Failed("a stored questionnaire is no longer valid".into())
                })
            })
            .collect()
    }
}

/// Stores a questionnaire under `id@version`.
pub async fn save_questionnaire(q: &Questionnaire) -> Result<(), StorageError> {
    let key = format!("{}@{}", q.id(), q.version());
    idb::write_all(
        &db()?,
        &[Write::Put {
            store: QUESTIONNAIRES,
            key: &key,
            json: q.to_json(),
        }],
    )
    .await
}

/// How many imported files the coordinator's log holds (the privacy screen says so without
/// reading tens of megabytes).
pub async fn import_count() -> Result<usize, StorageError> {
    idb::count(&db()?, IMPORTS).await
}

/// Every imported file of the coordinator's log, in import order (auto-incremented keys).
pub async fn imports() -> Result<Vec<ImportRecord>, StorageError> {
    imports_one_by_one().await?.collect()
}

/// Every imported file of the log, in import order, each read when the iterator comes to it:
/// the log's data (tens of megabytes) is converted one record at a time.
pub async fn imports_one_by_one(
) -> Result<impl Iterator<Item = Result<ImportRecord, StorageError>>, StorageError> {
    let stored = idb::get_all_js(&db()?, IMPORTS).await?;
    Ok(stored.into_iter().map(|value| {
        let read = if let Some(text) = value.as_string() {
            ImportRecord::from_stored(&text)
        } else if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
            ImportRecord::from_stored_bytes(&bytes.to_vec())
        } else {
            return Err(StorageError::Failed(
                "a stored record is neither text nor bytes".into(),
            ));
        };
        read.map_err(|e| StorageError::Failed(format!("a stored record cannot be read: {e}")))
    }))
}

/// Appends imported files to the log and stores the definitions they brought (the built-in one
/// excepted: it ships with the app), in one transaction: all or nothing.
pub async fn save_imports(imported: &[Imported]) -> Result<(), StorageError> {
    // A definition carried by several files of the batch is written once: the last one holds
    // what the dataset holds now.
    let latest: std::collections::BTreeMap<String, &Questionnaire> =
        crate::domain::sorting::map_from(
            imported
                .iter()
                .flat_map(|one| &one.questionnaires)
                .filter(|q| q.reference() != builtin().reference())
                .map(|q| (format!("{}@{}", q.id(), q.version()), q)),
        );
    let definitions: Vec<(String, String)> = latest
        .into_iter()
        .map(|(key, q)| (key, q.to_json()))
        .collect();
    // Stored as bytes: tens of megabytes of files turned into JavaScript strings cost a tenth
    // of a large import, and reading them back costs as much again.
    let parts: Vec<[std::borrow::Cow<str>; 3]> = imported
        .iter()
        .map(|one| one.record.stored_parts())
        .collect();
    let mut writes: Vec<Write> = parts
        .iter()
        .map(|parts| Write::AddBytes {
            store: IMPORTS,
            parts,
        })
        .collect();
    writes.extend(definitions.iter().map(|(key, json)| Write::Put {
        store: QUESTIONNAIRES,
        key,
        json: json.clone(),
    }));
    idb::write_all(&db()?, &writes).await
}

/// A stored setting (a JSON value).
pub fn setting(
    name: &str,
) -> impl Future<Output = Result<Option<serde_json::Value>, StorageError>> + 'static {
    let reading = db().map(|db| idb::get(&db, SETTINGS, name));
    async move {
        match reading?.await? {
            Some(json) => parse(&json).map(Some),
            None => Ok(None),
        }
    }
}

/// Stores a setting.
pub async fn save_setting(name: &str, value: &serde_json::Value) -> Result<(), StorageError> {
    idb::write_all(
        &db()?,
        &[Write::Put {
            store: SETTINGS,
            key: name,
            json: value.to_string(),
        }],
    )
    .await
}

/// Changes a stored setting in one read-write transaction: `change` gets the stored value (if
/// any) and gives the value to store, or `None` to leave it. No other write, from this tab or
/// another, comes between the read and the write. Gives back what is stored afterwards.
pub async fn update_setting(
    name: &str,
    change: impl FnOnce(Option<serde_json::Value>) -> Option<serde_json::Value>,
) -> Result<Option<serde_json::Value>, StorageError> {
    let after = std::cell::RefCell::new(None);
    idb::read_and_put(&db()?, SETTINGS, name, |stored| {
        let stored = stored.and_then(|json| parse(&json).ok());
        match change(stored.clone()) {
            Some(value) => {
                let json = value.to_string();
                *after.borrow_mut() = Some(value);
                Some(json)
            }
            None => {
                *after.borrow_mut() = stored;
                None
            }
        }
    })
    .await?;
    Ok(after.into_inner())
}

/// Removes every record from every store (the database itself is kept open and usable).
pub async fn wipe() -> Result<(), StorageError> {
    let db = db()?;
    let names = idb::store_names(&db);
    let writes: Vec<Write> = names.iter().map(|store| Write::Clear { store }).collect();
    idb::write_all(&db, &writes).await
}
