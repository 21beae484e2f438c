//! The pure core of Samenscan. Nothing here may use leptos, web_sys, js_sys, the clock or
//! randomness: time and identifiers are passed in, so every decision is deterministic and
//! testable natively.
//!
//! What each module owns: [`questionnaire`] the enquête definition and the built-in default;
//! [`response`] and [`meeting`] the records; [`validation`] answers against a definition;
//! [`statistics`] numbers; [`scoring`] per-response scores; [`report`] the report model with
//! small-group suppression; [`format`] numbers for people; [`csv`] the record-level CSV and its codebook; [`exchange`] the versioned exchange
//! file (encode, decode, upgrade, record checks) with [`base64`] for its encrypted variant;
//! [`merge`] the deterministic merge into a [`Dataset`]; [`synthesis`] the meetings' outcomes
//! across municipalities; [`import_log`] the coordinator's
//! append-only log of imported files; [`privacy`] personal-data findings in
//! free text; [`recent`] a short memory of repeated work; [`distance`] how far apart two words are.
pub mod base64;
pub mod csv;
pub mod device;
pub mod distance;
pub mod exchange;
pub mod format;
pub mod import_log;
pub mod lang;
pub mod meeting;
pub mod merge;
pub mod privacy;
pub mod questionnaire;
pub mod recent;
pub mod report;
pub mod response;
pub mod scoring;
pub mod sorting;
pub mod statistics;
pub mod synthesis;
pub mod validation;

pub use device::{sort_for_listing, sort_meetings_for_listing, OwnMeeting, OwnResponse};
pub use exchange::{
    decode, encode_export, encrypted_envelope_json, export_file_name, validate, Decoded,
    EncryptedEnvelope, ExportContents, FileProblem, RawExport, RawResponse, SkipReason,
    SkippedRecord, ValidatedFile, MAX_FILE_BYTES,
};
pub use format::{
    format_count, format_decimal, format_interval, format_number, format_percent, format_plain,
    parse_decimal,
};
pub use lang::Lang;
pub use meeting::{ActionScope, Meeting, MeetingAction, MeetingCase, MissingForCompletion};
pub use merge::{
    canonical_json, merge_into, Conflict, Dataset, KindCounts, MergeReport, RecordKind,
};
pub use privacy::{scan, scan_meeting, scan_response, FieldFinding, Finding, FindingKind};
pub use questionnaire::{
    builtin, ChoiceOption, DefinitionIssue, DefinitionProblem, Factor, Item, ItemKind, Label,
    MeetingQuestion, Questionnaire, Section, ShowIf, ShowValue,
};
pub use report::{
    build_report, compare_rounds, Cell, GroupKey, Report, ReportOptions, RoundComparison,
};
pub use response::{is_uuid_v4, QuestionnaireRef, RecordIssue, Response, Status, Timestamp};
pub use validation::{validate_answers, Answer, AnswerIssue, AnswerProblem, Mode};
