//! The coordinator's import log (design §3 and §6): every imported file is kept as one record,
//! appended and never rewritten, holding the file's accepted records as a plain export and what
//! the import did. The coordinator's dataset is the merge of every record's contents; merging is
//! order-independent and idempotent, so rebuilding it from the log always gives the same data.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::exchange::{decode, encode_stored, validate, Decoded, ImportSummary, ValidatedFile};
use super::lang::Lang;
use super::merge::{Dataset, MergeReport};
use super::questionnaire::{builtin, Questionnaire};
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
    /// The accepted records as a plain export file (text): what the dataset is rebuilt from.
    /// Stored after the other fields, not inside them (see [`ImportRecord::to_stored`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data: String,
}

impl ImportRecord {
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
            questionnaires: self.questionnaires,
            details_nl: self.details_nl.clone(),
            details_en: self.details_en.clone(),
            data: String::new(),
        }
    }
}

/// The log lines of one file's import: every skipped record with its reasons, every duplicate
/// inside the file, every conflict with the dataset, in that order.
pub fn detail_lines(file: &ValidatedFile, merge: &MergeReport, lang: Lang) -> Vec<String> {
    file.skipped
        .iter()
        .map(|s| s.message(lang))
        .chain(file.duplicates.iter().map(|d| d.message(lang)))
        .chain(merge.conflicts.iter().map(|c| c.message(lang)))
        .collect()
}

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
    let skipped_and_duplicates = ValidatedFile {
        contents: Default::default(),
        skipped: file.skipped.clone(),
        duplicates: file.duplicates.clone(),
        responses_text: None,
    };
    // Only definitions new here are "now available": one imported before already was.
    let new_questionnaires = references
        .iter()
        .filter(|r| **r != builtin().reference() && !dataset.questionnaires.contains_key(r))
        .count();
    let merge = dataset.merge(file.contents);
    let summary = ImportSummary::new(&skipped_and_duplicates, &merge);
    let record = ImportRecord {
        file_name: file_name.to_string(),
        imported_at: imported_at.to_string(),
        encrypted,
        summary,
        questionnaires: new_questionnaires,
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

/// Rebuilds the dataset from stored log records. The stored data was validated when it was
/// imported; it is read through the same checks again, so a record damaged in storage cannot
/// bring bad data in: it is left out and counted in the second value.
pub fn rebuild(
    records: &[ImportRecord],
    known: &BTreeMap<QuestionnaireRef, Questionnaire>,
) -> (Dataset, usize) {
    let mut dataset = Dataset::new();
    let unreadable = records
        .iter()
        .filter(|record| !rebuild_into(&mut dataset, record, known))
        .count();
    (dataset, unreadable)
}

/// Merges one stored log record into `dataset` as [`rebuild`] does; false when the record could
/// not be read back whole (it is then left out, or merged in part). Lets a caller read the log
/// one record at a time, so the whole log's data is never in memory at once.
pub fn rebuild_into(
    dataset: &mut Dataset,
    record: &ImportRecord,
    known: &BTreeMap<QuestionnaireRef, Questionnaire>,
) -> bool {
    match decode(record.data.as_bytes(), usize::MAX) {
        Ok(Decoded::Export(raw)) => {
            // Every stored copy carries the definitions its records use.
            let file = validate(raw, known);
            let whole = file.skipped.is_empty();
            dataset.merge(file.contents);
            whole
        }
        _ => false,
    }
}
