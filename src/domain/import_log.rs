//! The coordinator's import log (design §3 and §6): every imported file is kept as one record,
//! appended and never rewritten, holding the file's accepted records as a plain export and what
//! the import did. The coordinator's dataset is the merge of every record's contents; merging is
//! order-independent and idempotent, so rebuilding it from the log always gives the same data.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::exchange::{
    decode, encode_stored, validate, Decoded, ExportContents, ImportSummary, ValidatedFile,
};
use super::lang::Lang;
use super::merge::{Dataset, MergeReport};
use super::questionnaire::{builtin, Questionnaire};
use super::recent::Recent;
use super::response::QuestionnaireRef;

/// One imported file as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportRecord {
    /// The file's name as the person picked it.
    pub file_name: String,
    /// When it was imported (RFC 3339, from the caller's clock).
    pub imported_at: String,
    /// Whether the file was encrypted.
    #[serde(default)]
    pub encrypted: bool,
    /// The counts the log shows.
    pub summary: ImportSummary,
    /// What the file held, as [`contents_key`]: a file imported again, or under another name,
    /// has the key of its first import. Empty in records stored before keys were kept (the
    /// coordinator's loading fills it in from the data).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contents: String,
    /// Questionnaire definitions the file carried that were accepted and new to the dataset,
    /// the built-in one not counted (it is always there): what became available to fill in.
    #[serde(default)]
    pub questionnaires: usize,
    /// Why records were skipped, duplicates and conflicts: one line each, in Dutch and English
    /// (the log is shown in the language of the moment, not of the import).
    #[serde(default)]
    pub details_nl: Vec<String>,
    /// The same lines in English.
    #[serde(default)]
    pub details_en: Vec<String>,
    /// The ids of the meetings the file held (accepted ones): which file a meeting came from,
    /// to say when two records may be one meeting recorded twice. Empty in records stored
    /// before they were kept (the coordinator's loading fills them in from the data).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<String>,
    /// The accepted records as a plain export file (text): what the dataset is rebuilt from.
    /// Stored after the other fields, not inside them (see [`ImportRecord::to_stored`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data: String,
}

impl ImportRecord {
    /// Whether nothing of the file was taken in: it was read, but every record in it was
    /// skipped (and it brought no new questionnaire). Such a file is not imported for the
    /// person, though its log entry is kept to say why.
    pub fn nothing_taken(&self) -> bool {
        let s = self.summary;
        s.new + s.updated + s.unchanged + s.conflicting == 0
            && self.questionnaires == 0
            && s.skipped > 0
    }

    /// The detail lines in `lang`.
    pub fn details(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Nl => &self.details_nl,
            Lang::En => &self.details_en,
        }
    }

    /// The record as stored: its other fields as compact JSON, a newline, then `data` as it is.
    /// Inside the JSON the data would be escaped on every import and unescaped on every load,
    /// and it is nearly all of the bytes. Compact JSON never holds a raw newline, so the first
    /// one ends the fields.
    pub fn to_stored(&self) -> String {
        self.stored_parts().concat()
    }

    /// The three parts of [`ImportRecord::to_stored`] (fields, newline, data), for a caller that
    /// writes them out without joining them first.
    pub fn stored_parts(&self) -> [std::borrow::Cow<'_, str>; 3] {
        let fields = serde_json::to_string(&self.without_data()).expect("records serialise");
        [fields.into(), "\n".into(), self.data.as_str().into()]
    }

    /// As [`ImportRecord::from_stored`], for the record stored as its UTF-8 bytes.
    pub fn from_stored_bytes(stored: &[u8]) -> Result<ImportRecord, String> {
        ImportRecord::from_stored(std::str::from_utf8(stored).map_err(|e| e.to_string())?)
    }

    /// Reads a stored record: the form of [`ImportRecord::to_stored`], or the earlier one (one
    /// JSON object with the data inside), which stays readable.
    pub fn from_stored(stored: &str) -> Result<ImportRecord, String> {
        let (fields, data) = stored.split_once('\n').unwrap_or((stored, ""));
        let mut record: ImportRecord = serde_json::from_str::<serde_json::Value>(fields)
            .and_then(serde_json::from_value)
            .map_err(|e| e.to_string())?;
        if !data.is_empty() {
            record.data = data.to_string();
        }
        Ok(record)
    }

    /// The record without its data (for listing; the data can be megabytes).
    pub fn without_data(&self) -> ImportRecord {
        ImportRecord {
            file_name: self.file_name.clone(),
            imported_at: self.imported_at.clone(),
            encrypted: self.encrypted,
            summary: self.summary,
            contents: self.contents.clone(),
            questionnaires: self.questionnaires,
            meetings: self.meetings.clone(),
            details_nl: self.details_nl.clone(),
            details_en: self.details_en.clone(),
            data: String::new(),
        }
    }
}

/// The log lines of one file's import: every skipped record with its reasons, every duplicate
/// inside the file, every conflict with the dataset, then the merge's notes (withdrawals, older
/// versions), in that order.
pub fn detail_lines(file: &ValidatedFile, merge: &MergeReport, lang: Lang) -> Vec<String> {
    // An answer's question by its label in the file's own definitions (a file made by
    // Samenscan carries those its records use), only where every one of them that has the item
    // words it the same (else, or without definitions, the item id alone: a label from another
    // definition could name a question that was not asked); a long question is cut after a word.
    let label = |item: &str| {
        let mut labels = file
            .contents
            .questionnaires
            .iter()
            .filter_map(|q| q.item(item))
            .map(|found| found.label.get(lang).trim());
        let text = labels.next()?;
        if labels.any(|other| other != text) {
            return None;
        }
        Some(match text.char_indices().nth(LABEL_CHARS) {
            // At the last word that fits.
            Some((cut, _)) => {
                let head = &text[..cut];
                let head = head.rfind(' ').map_or(head, |space| &head[..space]);
                format!("{}…", head.trim_end_matches([' ', ',', ';', ':']))
            }
            None => text.to_string(),
        })
    };
    file.skipped
        .iter()
        .map(|s| s.message_labelled(lang, &label))
        .chain(file.hidden_answers_dropped.message(lang))
        .chain(file.required_missing.message(lang))
        .chain(file.duplicates.iter().map(|d| d.message(lang)))
        .chain(merge.conflicts.iter().map(|c| {
            let name = (c.kind == super::merge::RecordKind::Meeting)
                .then(|| meeting_name(file, &c.id, lang))
                .flatten();
            c.message_named(lang, name.as_deref())
        }))
        .chain(merge.notes(lang))
        .collect()
}

/// A meeting of the file by what a coordinator knows it by: its municipality (the label in the
/// file's definitions, else the built-in one's, else its value) and date, "Zutphen, 2026-02-19"
/// (an acceptance test's coordinator could not tell which meeting a conflict was about).
fn meeting_name(file: &ValidatedFile, id: &str, lang: Lang) -> Option<String> {
    let m = file.contents.meetings.iter().find(|m| m.id == id)?;
    let place = file
        .contents
        .questionnaires
        .iter()
        .chain(std::iter::once(builtin()))
        .filter_map(|q| q.municipality_item())
        .flat_map(|item| item.kind.options())
        .find(|o| o.value == m.municipality)
        .map_or_else(|| m.municipality.clone(), |o| o.label.get(lang).to_string());
    Some(match (place.is_empty(), m.date.is_empty()) {
        (false, false) => format!("{place}, {}", m.date),
        (false, true) => place,
        (true, false) => m.date.clone(),
        (true, true) => return None,
    })
}

/// The longest question named in full in the import log's lines.
const LABEL_CHARS: usize = 80;

/// What importing one plain file into a dataset did, ready to store and to show.
pub struct Imported {
    /// The record for the log.
    pub record: ImportRecord,
    /// The definitions the dataset holds now for the references the file carried (the winning
    /// versions), to make available to fill in.
    pub questionnaires: Vec<Questionnaire>,
}

/// Merges a validated file into `dataset` and makes its log record. `exported_at` and
/// `app_version` describe the stored copy of the accepted records.
pub fn import_into(
    dataset: &mut Dataset,
    file: ValidatedFile,
    file_name: &str,
    imported_at: &str,
    encrypted: bool,
    app_version: &str,
) -> Imported {
    let data = encode_stored(&file, app_version, imported_at);
    let references: Vec<QuestionnaireRef> = file
        .contents
        .questionnaires
        .iter()
        .map(Questionnaire::reference)
        .collect();
    // With the file's definitions and meetings: the log's lines name answers by their
    // questions, and meetings by their municipality and date.
    let skipped_and_duplicates = ValidatedFile {
        contents: ExportContents {
            questionnaires: file.contents.questionnaires.clone(),
            meetings: file.contents.meetings.clone(),
            ..Default::default()
        },
        skipped: file.skipped.clone(),
        duplicates: file.duplicates.clone(),
        responses_text: None,
        hidden_answers_dropped: file.hidden_answers_dropped,
        required_missing: file.required_missing,
    };
    // Only definitions new here are "now available": one imported before already was.
    let new_questionnaires = references
        .iter()
        .filter(|r| **r != builtin().reference() && !dataset.questionnaires.contains_key(r))
        .count();
    let contents = contents_key(&file);
    let meetings = meeting_ids(&file);
    let merge = dataset.merge(file.contents);
    let summary = ImportSummary::new(&skipped_and_duplicates, &merge);
    let record = ImportRecord {
        file_name: file_name.to_string(),
        imported_at: imported_at.to_string(),
        encrypted,
        summary,
        contents,
        questionnaires: new_questionnaires,
        meetings,
        details_nl: detail_lines(&skipped_and_duplicates, &merge, Lang::Nl),
        details_en: detail_lines(&skipped_and_duplicates, &merge, Lang::En),
        data,
    };
    let questionnaires = references
        .iter()
        .filter_map(|r| dataset.questionnaires.get(r).cloned())
        .collect();
    Imported {
        record,
        questionnaires,
    }
}

/// The ids of a checked file's meetings, in file order.
fn meeting_ids(file: &ValidatedFile) -> Vec<String> {
    file.contents
        .meetings
        .iter()
        .map(|m| m.id.clone())
        .collect()
}

/// Rebuilds the dataset from stored log records. The stored data was validated when it was
/// imported; it is read through the same checks again, so a record damaged in storage cannot
/// bring bad data in: it is left out and counted in the second value. A copy of a file read
/// whole before is not read (see [`Rebuilder`]), so a damaged copy after an intact one is not
/// counted: the dataset is the same either way.
pub fn rebuild(
    records: &[ImportRecord],
    known: &BTreeMap<QuestionnaireRef, Questionnaire>,
) -> (Dataset, usize) {
    let mut rebuilder = Rebuilder::default();
    let unreadable = records
        .iter()
        .filter(|record| !rebuilder.add(record, known).whole)
        .count();
    (rebuilder.dataset, unreadable)
}

/// Rebuilds a dataset one stored record at a time, as [`rebuild_into`] does, but reads a record
/// only when what it holds is new: a file imported again, or under another name, has the
/// [`contents_key`] of its first import and holds the same records, and merging them again
/// changes nothing (merging is idempotent). A coordinator who imports a whole folder again
/// does not make every later start read it twice.
///
/// The key stored with a record is taken as it is (computing it again for every record took a
/// third of a start with a thousand files). That is sound because every stored key was made by
/// the same [`contents_key`]: a change to what it covers must also change the form of the key
/// (say a prefix), or keys stored before would be trusted for contents they do not describe.
/// The key is a 64-bit hash, not a check against a file crafted to collide with another.
#[derive(Default)]
pub struct Rebuilder {
    /// The merge so far.
    pub dataset: Dataset,
    /// The contents keys of the records read whole so far, with the meetings each held.
    read: rustc_hash::FxHashMap<String, Vec<String>>,
}

impl Rebuilder {
    /// Merges `record` unless its contents were read whole before; see [`rebuild_into`].
    pub fn add(
        &mut self,
        record: &ImportRecord,
        known: &BTreeMap<QuestionnaireRef, Questionnaire>,
    ) -> Rebuilt {
        if let Some(meetings) = self.read.get(&record.contents) {
            return Rebuilt {
                whole: true,
                contents: None,
                meetings: meetings.clone(),
            };
        }
        let rebuilt = rebuild_into(&mut self.dataset, record, known);
        let key = rebuilt.contents.as_ref().unwrap_or(&record.contents);
        // A copy damaged in storage proves nothing about the next one: that is read itself.
        if rebuilt.whole && !key.is_empty() {
            self.read.insert(key.clone(), rebuilt.meetings.clone());
        }
        rebuilt
    }
}

/// What [`rebuild_into`] made of one stored record.
pub struct Rebuilt {
    /// False when the record could not be read back whole (it is then left out, or merged in
    /// part).
    pub whole: bool,
    /// The [`contents_key`] of what was read, for a record stored without one.
    pub contents: Option<String>,
    /// The ids of the meetings read ([`ImportRecord::meetings`]).
    pub meetings: Vec<String>,
}

/// Merges one stored log record into `dataset` as [`rebuild`] does. Lets a caller read the log
/// one record at a time, so the whole log's data is never in memory at once.
pub fn rebuild_into(
    dataset: &mut Dataset,
    record: &ImportRecord,
    known: &BTreeMap<QuestionnaireRef, Questionnaire>,
) -> Rebuilt {
    match decode(record.data.as_bytes(), usize::MAX) {
        Ok(Decoded::Export(raw)) => {
            // Every stored copy carries the definitions its records use.
            let file = validate(raw, known);
            let whole = file.skipped.is_empty();
            // Only when missing: hashing every record's responses again made a start with a
            // thousand files take a third longer.
            let contents = record.contents.is_empty().then(|| contents_key(&file));
            let meetings = meeting_ids(&file);
            dataset.merge(file.contents);
            Rebuilt {
                whole,
                contents,
                meetings,
            }
        }
        _ => Rebuilt {
            whole: false,
            contents: None,
            meetings: Vec::new(),
        },
    }
}

/// A key for what a checked file holds: its responses as the text that is stored of them, its
/// meetings and definitions, and what was skipped and why. Stored with each log record and
/// trusted when the log is read back ([`Rebuilder`]): what it covers cannot change without
/// its form changing too. Two files with the same key hold the same
/// versions of the same records (a file imported twice, renamed, or encrypted again): the
/// second adds nothing. Not a secret and not a check on the content: only to say so.
///
/// The responses' text is the file's own when validating kept it whole
/// ([`ValidatedFile::responses_text`], the common case), or else as written anew: either way
/// the text the log stores ([`encode_stored`]), so a record read back gives its key again. One
/// pass over contiguous bytes: walking a hundred thousand responses' answers cost ~40 ms
/// natively.
///
/// ```
/// use samenscan::domain::import_log::contents_key;
/// let empty = contents_key(&Default::default());
/// assert!(empty.ends_with("-0") && empty == contents_key(&Default::default()));
/// ```
pub fn contents_key(file: &ValidatedFile) -> String {
    let contents = &file.contents;
    // Definitions whole (two different ones may share an id and version). The last few are
    // remembered: a thousand files each carry the same definition, read once
    // ([`Questionnaire::from_text_remembered`]), and writing it out for every file was a
    // twentieth of the import.
    thread_local! {
        static HASHED: RefCell<Recent<Questionnaire, u64>> = const { RefCell::new(Recent::new()) };
    }
    let definitions = contents.questionnaires.iter().map(|q| {
        if let Some(hash) = HASHED.with_borrow(|hashed| hashed.find(|seen| seen.same_reading(q))) {
            return hash;
        }
        let mut h = Hash::new(b'q');
        h.bytes(q.to_json().as_bytes());
        HASHED.with_borrow_mut(|hashed| hashed.remember(q.clone(), h.0));
        h.0
    });
    // What was skipped, and why: two files whose records were all refused for different
    // reasons are not the same file.
    let skipped = file.skipped.iter().map(|s| {
        let mut h = Hash::new(b's');
        h.bytes(s.message(super::lang::Lang::En).as_bytes());
        h.0
    });
    let written;
    let text = match &file.responses_text {
        Some(text) => text.as_str(),
        None => {
            written = serde_json::to_string(&contents.responses).unwrap_or_default();
            written.as_str()
        }
    };
    let mut responses = Hash::new(b'r');
    responses.bytes(text.as_bytes());
    // A meeting whole, as its JSON (a file holds a handful).
    let meetings = contents.meetings.iter().map(|m| {
        let mut h = Hash::new(b'm');
        h.bytes(serde_json::to_string(m).unwrap_or_default().as_bytes());
        h.0
    });
    // Definitions and meetings summed: any order gives the same sum.
    let sum = definitions
        .chain(skipped)
        .chain(meetings)
        .fold(responses.0, u64::wrapping_add);
    let n = contents.questionnaires.len()
        + contents.responses.len()
        + contents.meetings.len()
        + file.skipped.len();
    format!("{sum:016x}-{n}")
}

/// A 64-bit hash of one part of [`contents_key`], the same on every platform and in every build
/// (the multiply-rotate step of FxHash, eight bytes at a time).
struct Hash(u64);

impl Hash {
    fn new(kind: u8) -> Hash {
        let mut h = Hash(0);
        h.word(u64::from(kind));
        h
    }

    fn word(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    /// The bytes and their length (so that "ab","c" and "a","bc" differ).
    fn bytes(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.word(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.word(u64::from_le_bytes(last));
        self.word(bytes.len() as u64);
    }
}

/// The log's files by what they hold: the indices of the records with one [`contents_key`],
/// in the order of their first import (a record without a key stands alone).
pub fn distinct_files(log: &[ImportRecord]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_key: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, record) in log.iter().enumerate() {
        match by_key.get(record.contents.as_str()) {
            Some(&g) if !record.contents.is_empty() => groups[g].push(i),
            _ => {
                by_key.insert(&record.contents, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

/// How many files the dataset was taken from: the distinct files of the log
/// ([`distinct_files`]) of which something was taken in. A file read with every record
/// skipped stays in the log to say why, but counts among the files not imported.
pub fn imported_files(log: &[ImportRecord]) -> usize {
    distinct_files(log)
        .iter()
        .filter(|group| group.iter().any(|&i| !log[i].nothing_taken()))
        .count()
}

/// A file of which nothing was taken in: refused whole (design §3: not JSON, another format, a
/// newer version, damaged or unopened encryption, too large) or read with every record
/// skipped. Remembered so that the import screen can still say which files were not imported
/// after the tab was closed. Nothing of the file is kept but its name, size and date, when,
/// and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    /// The file's name as the person picked it.
    pub file_name: String,
    /// When it was refused (RFC 3339, from the caller's clock).
    pub refused_at: String,
    /// Why, in Dutch.
    pub reason_nl: String,
    /// Why, in English (shown in the language of the moment, as the log's details are).
    pub reason_en: String,
    /// The file's size in bytes and last change (ms since 1970) as the browser gave them: with
    /// the name, what makes it the same file when it is picked again.
    #[serde(default)]
    pub size: u64,
    /// See [`Refusal::size`].
    #[serde(default)]
    pub modified: u64,
}

impl Refusal {
    /// Whether this is the refusal of the file `file_name` of this size and last change. One
    /// without them (stored before they were kept: both 0) is taken by its name.
    fn is_file(&self, file_name: &str, identity: (u64, u64)) -> bool {
        self.file_name == file_name
            && ((self.size, self.modified) == (0, 0) || (self.size, self.modified) == identity)
    }

    /// Why, in `lang`.
    pub fn reason(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.reason_nl,
            Lang::En => &self.reason_en,
        }
    }
}

/// How many refusals are remembered; the oldest go first.
pub const MAX_REFUSALS: usize = 200;

/// Remembers `refusal`, newest last. An earlier refusal of the same file (name, size, last
/// change) goes: a file refused in every import of a folder is listed once. Another file under
/// the same name stays listed: what it held is missing too.
///
/// ```
/// use samenscan::domain::import_log::{note_refusal, Refusal};
/// let refusal = |name: &str, at: &str| Refusal {
///     file_name: name.into(),
///     refused_at: at.into(),
///     reason_nl: "Kapot.".into(),
///     reason_en: "Broken.".into(),
///     size: 10,
///     modified: 0,
/// };
/// let mut list = Vec::new();
/// note_refusal(&mut list, refusal("a.json", "2026-11-20T09:00:00Z"));
/// note_refusal(&mut list, refusal("b.json", "2026-11-20T09:01:00Z"));
/// note_refusal(&mut list, refusal("a.json", "2026-11-21T10:00:00Z"));
/// let names: Vec<&str> = list.iter().map(|r| r.file_name.as_str()).collect();
/// assert_eq!(names, ["b.json", "a.json"]);
/// assert_eq!(list[1].refused_at, "2026-11-21T10:00:00Z");
/// ```
pub fn note_refusal(list: &mut Vec<Refusal>, refusal: Refusal) {
    let identity = (refusal.size, refusal.modified);
    list.retain(|r| !r.is_file(&refusal.file_name, identity));
    list.push(refusal);
    let over = list.len().saturating_sub(MAX_REFUSALS);
    list.drain(..over);
}

/// Forgets the refusal of the file named `file_name` with this size and last change: that very
/// file has been imported since (after the app was updated, or with its passphrase). Another
/// file under the same name leaves it: what the refused one held is still missing. Returns
/// whether one went.
pub fn forget_refusals_of(
    list: &mut Vec<Refusal>,
    file_name: &str,
    (size, modified): (u64, u64),
) -> bool {
    let before = list.len();
    list.retain(|r| !r.is_file(file_name, (size, modified)));
    list.len() != before
}

/// The remembered refusals as stored, read leniently: a list that cannot be read (damaged
/// storage, or written by a later version) is an empty list, never an error: it only informs.
pub fn refusals_from(stored: Option<serde_json::Value>) -> Vec<Refusal> {
    stored
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod refusal_tests {
    use super::*;

    fn refusal(name: &str, at: &str) -> Refusal {
        Refusal {
            file_name: name.into(),
            refused_at: at.into(),
            reason_nl: format!("{name} is kapot."),
            reason_en: format!("{name} is broken."),
            size: 100,
            modified: 1_700_000_000_000,
        }
    }

    #[test]
    fn the_newest_refusals_are_kept_one_per_name() {
        let mut list = Vec::new();
        for i in 0..MAX_REFUSALS + 5 {
            note_refusal(
                &mut list,
                refusal(&format!("{i}.json"), "2026-11-20T09:00:00Z"),
            );
        }
        assert_eq!(list.len(), MAX_REFUSALS);
        assert_eq!(list[0].file_name, "5.json");
        note_refusal(&mut list, refusal("5.json", "2026-11-21T09:00:00Z"));
        assert_eq!(list.len(), MAX_REFUSALS);
        assert_eq!(list.last().unwrap().refused_at, "2026-11-21T09:00:00Z");
        assert_eq!(list[0].file_name, "6.json");
        // Another file under the same name (another size, or changed since) leaves it.
        assert!(!forget_refusals_of(
            &mut list,
            "5.json",
            (101, 1_700_000_000_000)
        ));
        assert!(!forget_refusals_of(
            &mut list,
            "5.json",
            (100, 1_700_000_000_001)
        ));
        assert!(forget_refusals_of(
            &mut list,
            "5.json",
            (100, 1_700_000_000_000)
        ));
        assert!(!forget_refusals_of(
            &mut list,
            "5.json",
            (100, 1_700_000_000_000)
        ));
        assert_eq!(list.len(), MAX_REFUSALS - 1);
        // Another file under a listed name is listed beside it, and goes on its own.
        let mut other = refusal("7.json", "2026-11-22T09:00:00Z");
        other.size = 7;
        note_refusal(&mut list, other);
        assert_eq!(list.iter().filter(|r| r.file_name == "7.json").count(), 2);
        assert!(forget_refusals_of(
            &mut list,
            "7.json",
            (7, 1_700_000_000_000)
        ));
        assert_eq!(list.iter().filter(|r| r.file_name == "7.json").count(), 1);
        // Stored before size and date were kept: taken by its name.
        let mut old = refusal("oud.json", "2026-11-20T09:00:00Z");
        (old.size, old.modified) = (0, 0);
        note_refusal(&mut list, old);
        assert!(forget_refusals_of(&mut list, "oud.json", (5, 6)));
        assert_eq!(list.len(), MAX_REFUSALS - 1);
        assert_eq!(list[0].reason(Lang::En), "6.json is broken.");
        assert_eq!(list[0].reason(Lang::Nl), "6.json is kapot.");
    }

    #[test]
    fn a_stored_list_is_read_back_and_a_damaged_one_is_empty() {
        let list = vec![refusal("a.json", "2026-11-20T09:00:00Z")];
        let stored = serde_json::to_value(&list).unwrap();
        assert_eq!(refusals_from(Some(stored)), list);
        assert_eq!(refusals_from(None), Vec::new());
        assert_eq!(refusals_from(Some(serde_json::json!({"a": 1}))), Vec::new());
        assert_eq!(
            refusals_from(Some(serde_json::json!([{"file_name": 3}]))),
            Vec::new()
        );
    }
}
