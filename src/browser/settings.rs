//! Small settings kept in `localStorage` through gloo-storage (survey data lives in IndexedDB).
//! Every key starts with [`PREFIX`], so wiping local data can find them all.

use gloo_storage::{LocalStorage, SessionStorage, Storage};

/// The prefix of every key Samenscan keeps in `localStorage`.
pub const PREFIX: &str = "samenscan.";
const LANG_KEY: &str = "samenscan.lang";
const HAS_LOADED_KEY: &str = "samenscan.has_loaded_questionnaires";
const WIPED_ELSEWHERE_KEY: &str = "samenscan.wiped_elsewhere";

/// The stored language code, if any (storage may be unavailable, e.g. blocked by the browser).
pub fn load_lang_code() -> Option<String> {
    LocalStorage::get::<String>(LANG_KEY).ok()
}

/// Remembers the language code; failure (storage blocked or full) only means it is not
/// remembered next time, so it is not reported as an error.
pub fn save_lang_code(code: &str) {
    let _ = LocalStorage::set(LANG_KEY, code);
}

/// Whether questionnaires were loaded into this app when it last read its stored data: known
/// before IndexedDB is open, so starting a response can wait for the choice.
pub fn has_loaded_questionnaires() -> bool {
    LocalStorage::get::<bool>(HAS_LOADED_KEY).unwrap_or(false)
}

/// Remembers [`has_loaded_questionnaires`]; failure only means starting does not wait.
pub fn save_has_loaded_questionnaires(any: bool) {
    if any {
        let _ = LocalStorage::set(HAS_LOADED_KEY, true);
    } else {
        LocalStorage::delete(HAS_LOADED_KEY);
    }
}

/// Remembers, for this tab's next start only (`sessionStorage`), that another tab erased
/// everything: the tab starts afresh and says why.
pub fn note_wiped_elsewhere() {
    let _ = SessionStorage::set(WIPED_ELSEWHERE_KEY, true);
}

/// Whether another tab erased everything just before this start; the note is taken, so it is
/// told once.
pub fn take_wiped_elsewhere() -> bool {
    let wiped = SessionStorage::get::<bool>(WIPED_ELSEWHERE_KEY).unwrap_or(false);
    SessionStorage::delete(WIPED_ELSEWHERE_KEY);
    wiped
}
