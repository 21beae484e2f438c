//! Small settings kept in `localStorage` through gloo-storage (survey data lives in IndexedDB).
//! Every key starts with [`PREFIX`], so wiping local data can find them all.

use gloo_storage::{LocalStorage, Storage};

/// The prefix of every key Samenscan keeps in `localStorage`.
pub const PREFIX: &str = "samenscan.";
const LANG_KEY: &str = "samenscan.lang";

/// The stored language code, if any (storage may be unavailable, e.g. blocked by the browser).
pub fn load_lang_code() -> Option<String> {
    LocalStorage::get::<String>(LANG_KEY).ok()
}

/// Remembers the language code; failure (storage blocked or full) only means it is not
/// remembered next time, so it is not reported as an error.
pub fn save_lang_code(code: &str) {
    let _ = LocalStorage::set(LANG_KEY, code);
}
