//! Small settings kept in `localStorage` through gloo-storage (survey data lives in IndexedDB).
//! Every key starts with [`PREFIX`], so wiping local data can find them all.

use gloo_storage::{LocalStorage, SessionStorage, Storage};

/// The prefix of every key Samenscan keeps in `localStorage`.
pub const PREFIX: &str = "samenscan.";
const LANG_KEY: &str = "samenscan.lang";
const HAS_LOADED_KEY: &str = "samenscan.has_loaded_questionnaires";
const WIPED_ELSEWHERE_KEY: &str = "samenscan.wiped_elsewhere";
const KEPT_KEY: &str = "samenscan.kept_findings";
/// How many "not personal data" decisions are remembered (the oldest go first).
const KEPT_MAX: usize = 1000;

/// The export screen's "not personal data" decisions, as the fingerprints it made of them
/// (never the text itself), oldest first.
pub fn kept_findings() -> Vec<String> {
    LocalStorage::get::<Vec<String>>(KEPT_KEY).unwrap_or_default()
}

/// Remembers (`kept`) or forgets one such decision; failure only means it is asked again.
pub fn remember_kept_finding(id: &str, kept: bool) {
    let mut all = kept_findings();
    all.retain(|x| x != id);
    if kept {
        all.push(id.to_string());
    }
    let start = all.len().saturating_sub(KEPT_MAX);
    let _ = LocalStorage::set(KEPT_KEY, &all[start..]);
}

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
