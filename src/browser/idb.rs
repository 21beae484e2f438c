//! IndexedDB, kept small: open a database through a list of schema migrations, run one
//! transaction of puts/deletes and wait until it has *committed*, read one request. Every
//! `DOMException` becomes a [`StorageError`] here, so nothing above sees a `JsValue` error.
//!
//! Values are stored as JSON strings with out-of-line keys: the records are serde types already,
//! and a string costs the structured clone nothing to walk.

use js_sys::{Array, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest,
    IdbTransaction, IdbTransactionMode, IdbVersionChangeEvent,
};

/// Why storage failed, in terms a person can be told about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// IndexedDB is missing or refused (private mode, a browser setting, a blocked profile).
    Unavailable(String),
    /// The browser's storage quota for this site is used up.
    QuotaExceeded,
    /// Another tab upgraded the database; this tab must reload.
    VersionChanged,
    /// The browser closed the connection by itself (the site's data was cleared in its
    /// settings, or the database was deleted from outside): nothing is written any more; the
    /// page must be reloaded.
    Closed,
    /// Anything else, with the browser's own words.
    Failed(String),
}

impl StorageError {
    fn from_js(value: JsValue) -> StorageError {
        if let Some(e) = value.dyn_ref::<web_sys::DomException>() {
            return match e.name().as_str() {
                "QuotaExceededError" => StorageError::QuotaExceeded,
                // A transaction on a connection the browser closed.
                "InvalidStateError" if CLOSED.get() => StorageError::Closed,
                "InvalidStateError" | "SecurityError" | "UnknownError" | "NotAllowedError" => {
                    StorageError::Unavailable(e.message())
                }
                "VersionError" => StorageError::VersionChanged,
                _ => StorageError::Failed(format!("{}: {}", e.name(), e.message())),
            };
        }
        if let Some(e) = value.dyn_ref::<js_sys::Error>() {
            return StorageError::Failed(String::from(e.message()));
        }
        StorageError::Failed(value.as_string().unwrap_or_else(|| format!("{value:?}")))
    }
}

thread_local! {
    /// Whether the browser closed this page's connection by itself (see [`StorageError::Closed`]).
    static CLOSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A migration step: brings a database at `version − 1` to `version`, inside the upgrade
/// transaction.
pub type Migration = fn(&IdbDatabase, &IdbTransaction) -> Result<(), JsValue>;

/// Creates an object store with out-of-line keys (optionally auto-incremented).
pub fn create_store(db: &IdbDatabase, name: &str, auto_increment: bool) -> Result<(), JsValue> {
    let params = IdbObjectStoreParameters::new();
    params.set_auto_increment(auto_increment);
    db.create_object_store_with_optional_parameters(name, &params)?;
    Ok(())
}

/// Opens `name` at `migrations.len()` (migration `i` makes version `i + 1`), running the steps
/// the stored database has not had yet.
///
/// `on_blocked` runs when another tab holds an older version open: the open then waits until
/// that tab closes its connection (the caller should say so). `on_lost` runs when the
/// connection goes: with [`StorageError::VersionChanged`] when another tab wants to upgrade
/// (this connection is closed first, so that tab is not blocked), with
/// [`StorageError::Closed`] when the browser closed it by itself.
pub async fn open(
    name: &str,
    migrations: &'static [Migration],
    on_blocked: impl Fn() + 'static,
    on_lost: impl Fn(StorageError) + 'static,
) -> Result<IdbDatabase, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable("no window".into()))?;
    let factory = window
        .indexed_db()
        .map_err(StorageError::from_js)?
        .ok_or_else(|| StorageError::Unavailable("IndexedDB is not available".into()))?;
    let version = migrations.len() as u32;
    let request = factory
        .open_with_u32(name, version)
        .map_err(StorageError::from_js)?;

    let upgrade_request = request.clone();
    let on_upgrade =
        Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |ev: IdbVersionChangeEvent| {
            let old = ev.old_version() as usize;
            let (Ok(result), Some(tx)) = (upgrade_request.result(), upgrade_request.transaction())
            else {
                return;
            };
            let db: IdbDatabase = result.unchecked_into();
            for step in &migrations[old..] {
                if step(&db, &tx).is_err() {
                    // Aborting the upgrade fails the open request with an error, handled below.
                    let _ = tx.abort();
                    return;
                }
            }
        });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));

    let on_blocked = Closure::<dyn FnMut()>::new(on_blocked);
    request.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));

    let result = request_done(request.unchecked_ref::<IdbRequest>()).await;
    request.set_onupgradeneeded(None);
    request.set_onblocked(None);
    drop(on_upgrade);
    drop(on_blocked);
    let db: IdbDatabase = result?.unchecked_into();
    CLOSED.set(false);
    let on_lost = std::rc::Rc::new(on_lost);
    let closing = db.clone();
    let lost = on_lost.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        closing.close();
        lost(StorageError::VersionChanged);
    });
    db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    // Fired only when the browser closes the connection, never by `close()`.
    let on_close = Closure::<dyn FnMut()>::new(move || {
        CLOSED.set(true);
        on_lost(StorageError::Closed);
    });
    db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    // Both live as long as the connection, i.e. the page.
    on_change.forget();
    on_close.forget();
    Ok(db)
}

/// Waits for a request's result.
pub async fn request_done(request: &IdbRequest) -> Result<JsValue, StorageError> {
    request_future(request).await.map_err(StorageError::from_js)
}

/// Like [`request_done`], with the request's handlers attached at the call rather than when
/// first polled: several requests made at once can then be awaited one after the other without
/// missing an event that fired in between.
fn request_future(request: &IdbRequest) -> JsFuture {
    let req = request.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let ok_req = req.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_req.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_req = req.clone();
        let on_error = Closure::once_into_js(move || {
            let error = err_req
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("request failed"));
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        req.set_onsuccess(Some(on_success.unchecked_ref()));
        req.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Waits until a transaction has committed (`complete`), or reports why it failed or aborted.
pub async fn transaction_done(tx: &IdbTransaction) -> Result<(), StorageError> {
    let t = tx.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let err_tx = t.clone();
        let reject_with_error = move || {
            let error = err_tx
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("transaction aborted"));
            let _ = reject.call1(&JsValue::NULL, &error);
        };
        let reject_abort = reject_with_error.clone();
        let on_error = Closure::once_into_js(reject_with_error);
        let on_abort = Closure::once_into_js(reject_abort);
        t.set_oncomplete(Some(on_complete.unchecked_ref()));
        t.set_onerror(Some(on_error.unchecked_ref()));
        t.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(StorageError::from_js)
}

/// A write to make in one transaction.
pub enum Write<'a> {
    /// Store `json` under `key` (replacing what was there).
    Put {
        store: &'a str,
        key: &'a str,
        json: String,
    },
    /// Store `json` under the next auto-incremented key.
    Add { store: &'a str, json: String },
    /// Store the UTF-8 bytes of `parts`, one after the other, under the next auto-incremented
    /// key: large records (an imported file) are stored as bytes, without making a JavaScript
    /// string of them first.
    AddBytes {
        store: &'a str,
        parts: &'a [std::borrow::Cow<'a, str>],
    },
    /// Remove the record under `key`.
    Delete { store: &'a str, key: &'a str },
    /// Remove every record of the store.
    Clear { store: &'a str },
}

impl Write<'_> {
    fn store(&self) -> &str {
        match self {
            Write::Put { store, .. }
            | Write::Add { store, .. }
            | Write::AddBytes { store, .. }
            | Write::Delete { store, .. }
            | Write::Clear { store } => store,
        }
    }
}

thread_local! {
    static STOPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// From now on this page writes nothing but clears: everything was erased (in another tab),
/// and the page is about to start afresh. A write already on its way is erased by the clear
/// that follows this call; one started later (the next batch of an import, a keystroke) would
/// bring data back after the erasure.
pub fn stop_writes() {
    STOPPED.set(true);
}

/// Whether [`stop_writes`] was called.
pub fn writes_stopped() -> bool {
    STOPPED.get()
}

/// Makes every write in one read-write transaction and waits until it has committed: all or
/// nothing. The requests are all made before the first `.await`, so the transaction cannot
/// commit early between them. After [`stop_writes`] only clears are made; anything else fails.
pub async fn write_all(db: &IdbDatabase, writes: &[Write<'_>]) -> Result<(), StorageError> {
    if writes_stopped() && writes.iter().any(|w| !matches!(w, Write::Clear { .. })) {
        return Err(StorageError::Failed(
            "everything on this device was erased in another tab".into(),
        ));
    }
    let mut names: Vec<&str> = writes.iter().map(Write::store).collect();
    crate::domain::sorting::sort(&mut names);
    names.dedup();
    if names.is_empty() {
        return Ok(());
    }
    let stores: Array = names.iter().map(|n| JsValue::from_str(n)).collect();
    let tx = db
        .transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
        .map_err(StorageError::from_js)?;
    let issue = |tx: &IdbTransaction| -> Result<(), JsValue> {
        for write in writes {
            let store = tx.object_store(write.store())?;
            match write {
                Write::Put { key, json, .. } => {
                    store.put_with_key(&JsValue::from_str(json), &JsValue::from_str(key))?;
                }
                Write::Add { json, .. } => {
                    store.add(&JsValue::from_str(json))?;
                }
                Write::AddBytes { parts, .. } => {
                    let total: usize = parts.iter().map(|p| p.len()).sum();
                    let bytes = js_sys::Uint8Array::new_with_length(total as u32);
                    let mut at = 0u32;
                    for part in parts.iter() {
                        let end = at + part.len() as u32;
                        bytes.subarray(at, end).copy_from(part.as_bytes());
                        at = end;
                    }
                    store.add(&bytes)?;
                }
                Write::Delete { key, .. } => {
                    store.delete(&JsValue::from_str(key))?;
                }
                Write::Clear { .. } => {
                    store.clear()?;
                }
            }
        }
        Ok(())
    };
    if let Err(e) = issue(&tx) {
        let _ = tx.abort();
        return Err(StorageError::from_js(e));
    }
    transaction_done(&tx).await
}

/// Reads the value under `key` and, in the same read-write transaction, stores what `decide`
/// makes of it (nothing when it gives `None`), then waits until that has committed. No other
/// write to the store, from this tab or another, comes between the read and the write: the
/// browser runs read-write transactions on the same store one after the other. The write is
/// made while the read's success is being handled (promise continuations run before the
/// transaction goes inactive), so the transaction stays open across the `.await`. After
/// [`stop_writes`] it writes nothing and fails.
pub async fn read_and_put(
    db: &IdbDatabase,
    store: &str,
    key: &str,
    decide: impl FnOnce(Option<String>) -> Option<String>,
) -> Result<(), StorageError> {
    // After a wipe in another tab, as for every write (see `write_all`).
    if writes_stopped() {
        return Err(StorageError::Failed(
            "everything on this device was erased in another tab".into(),
        ));
    }
    let tx = db
        .transaction_with_str_and_mode(store, IdbTransactionMode::Readwrite)
        .map_err(StorageError::from_js)?;
    let key = JsValue::from_str(key);
    let objects = tx.object_store(store).map_err(StorageError::from_js)?;
    let read = objects.get(&key).map_err(StorageError::from_js)?;
    let stored = request_done(&read).await?.as_string();
    if let Some(json) = decide(stored) {
        if let Err(e) = objects.put_with_key(&JsValue::from_str(&json), &key) {
            let _ = tx.abort();
            return Err(StorageError::from_js(e));
        }
    }
    transaction_done(&tx).await
}

/// Every value of a store, as the JSON strings that were put.
pub fn get_all(
    db: &IdbDatabase,
    store: &str,
) -> impl std::future::Future<Output = Result<Vec<String>, StorageError>> + 'static {
    let reading = read_request(db, store, |s| s.get_all());
    async move {
        let values = reading?.await.map_err(StorageError::from_js)?;
        Ok(Array::from(&values)
            .iter()
            .filter_map(|v| v.as_string())
            .collect())
    }
}

/// Starts a read of `store` in a transaction of its own: the transaction and the request are
/// made at the call, so several reads started together run at the same time.
fn read_request(
    db: &IdbDatabase,
    store: &str,
    request: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsFuture, StorageError> {
    let tx = db
        .transaction_with_str(store)
        .map_err(StorageError::from_js)?;
    let request = tx
        .object_store(store)
        .and_then(|s| request(&s))
        .map_err(StorageError::from_js)?;
    Ok(request_future(&request))
}

/// Every value of a store as the browser holds them (strings or bytes, as they were put), for a
/// caller that converts them one at a time rather than all at once (see [`get_all`]).
pub async fn get_all_js(db: &IdbDatabase, store: &str) -> Result<Array, StorageError> {
    let values = read_request(db, store, |s| s.get_all())?
        .await
        .map_err(StorageError::from_js)?;
    Ok(Array::from(&values))
}

/// How many records `store` holds, without reading them.
pub async fn count(db: &IdbDatabase, store: &str) -> Result<usize, StorageError> {
    let n = read_request(db, store, |s| s.count())?
        .await
        .map_err(StorageError::from_js)?;
    Ok(n.as_f64().unwrap_or(0.0) as usize)
}

/// The value under `key`, if any.
pub fn get(
    db: &IdbDatabase,
    store: &str,
    key: &str,
) -> impl std::future::Future<Output = Result<Option<String>, StorageError>> + 'static {
    let reading = read_request(db, store, |s| s.get(&JsValue::from_str(key)));
    async move { Ok(reading?.await.map_err(StorageError::from_js)?.as_string()) }
}

/// The names of the database's object stores.
pub fn store_names(db: &IdbDatabase) -> Vec<String> {
    let list = db.object_store_names();
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Deletes a whole database (used to wipe local data). Waits until it is gone.
pub async fn delete_database(name: &str) -> Result<(), StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable("no window".into()))?;
    let factory = window
        .indexed_db()
        .map_err(StorageError::from_js)?
        .ok_or_else(|| StorageError::Unavailable("IndexedDB is not available".into()))?;
    let request: IdbOpenDbRequest = factory
        .delete_database(name)
        .map_err(StorageError::from_js)?;
    request_done(request.unchecked_ref()).await.map(|_| ())
}
