//! The versioned exchange file of design §3: writing it ([`encode_export`],
//! [`encrypted_envelope_json`], [`export_file_name`]), reading it ([`decode`]: file-level checks,
//! upgrading older versions) and checking its records ([`validate`]: record-level checks against
//! the questionnaires, skipping bad records with their reasons, settling duplicate ids by the
//! merge rule).
//!
//! A file is untrusted input. It is parsed once, here, into validated types, and every problem is
//! described in words a non-technical person understands, in Dutch and English. File-level
//! problems ([`FileProblem`]) reject the whole file; record-level problems ([`SkippedRecord`])
//! skip one record and keep the rest. Texts from a file are data: they are kept as `String` and
//! never interpreted (as HTML or otherwise). This module does not decrypt (the browser does that
//! with WebCrypto and calls [`decode`] again on the plain bytes), does not store, and does not
//! merge into a dataset (that is `merge`).

use super::sorting;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::base64;
use super::format::format_count;
use super::lang::Lang;
use super::meeting::{Meeting, MeetingAction, MeetingCase};
use super::merge::{resolve, resolve_questionnaire, RecordKind, Resolution, Revisioned};
use super::questionnaire::{builtin, DefinitionIssue, ItemKind, Questionnaire};
use super::response::{
    is_uuid_v4, whole_number, Answers, QuestionnaireRef, RecordIssue, Response, Status, Timestamp,
};
use super::scoring::Scorer;
use super::validation::{validate_answers_with, AnswerIssue, AnswerProblem, Mode};

/// The `format` of a plain export file.
pub const FORMAT_EXPORT: &str = "samenscan/export";
/// The `format` of an encrypted export file.
pub const FORMAT_ENCRYPTED: &str = "samenscan/encrypted";
/// The newest `format_version` this app writes and reads. Every older version still reads.
pub const FORMAT_VERSION: u32 = 1;
/// The end every exchange file name has.
pub const FILE_SUFFIX: &str = ".samenscan.json";

/// The largest file [`decode`] accepts: 64 MiB. A coordinator's whole region (100,000 responses)
/// is about 51 MB spread over many files, so one file above this is not an export; refusing it
/// before parsing keeps a browser tab from running out of memory on a wrong file.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// The deepest nesting of arrays and objects a file may have. A real export is at most about ten
/// levels deep (a questionnaire option's label); refusing deeper files ourselves gives a clear
/// message well before serde_json's own recursion limit of 128.
pub const MAX_NESTING: usize = 64;

/// The key derivation an encrypted file must name.
pub const KDF_NAME: &str = "PBKDF2-SHA256";
/// The cipher an encrypted file must name.
pub const CIPHER_NAME: &str = "AES-256-GCM";
/// The PBKDF2 iteration count this app writes (OWASP's 2023 advice for PBKDF2-HMAC-SHA256).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The fewest iterations a file may name. Any: fewer iterations than this app writes make the
/// sender's passphrase cheaper to guess, which is the sender's choice (another tool, or a test
/// that wants to be fast); refusing the file would only lose their work. The app itself always
/// writes [`PBKDF2_ITERATIONS`].
pub const MIN_PBKDF2_ITERATIONS: u32 = 1;
/// The most iterations a file may name: a hostile file must not keep the browser busy for hours.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;
/// The AES-GCM nonce length WebCrypto uses and this app writes.
pub const IV_BYTES: usize = 12;
/// The shortest salt accepted: any that is not empty, for the same reason as
/// [`MIN_PBKDF2_ITERATIONS`] (this app writes 16 random bytes).
pub const MIN_SALT_BYTES: usize = 1;
/// The AES-GCM authentication tag length: a ciphertext is at least this long.
pub const TAG_BYTES: usize = 16;

/// The records an exchange file carries, in the order they are written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportContents {
    /// Every definition the records use (and any others the person chose to share).
    pub questionnaires: Vec<Questionnaire>,
    /// Responses.
    pub responses: Vec<Response>,
    /// Meetings.
    pub meetings: Vec<Meeting>,
}

impl ExportContents {
    /// The contents for exporting these records: the definitions they use are looked up in
    /// `known` (then the built-in default), each once, in key order; records are sorted by id so
    /// the same data always gives the same file. The error lists the questionnaires that could
    /// not be found, which a caller should treat as a bug (a record always has its definition).
    pub fn for_records(
        mut responses: Vec<Response>,
        mut meetings: Vec<Meeting>,
        known: &BTreeMap<QuestionnaireRef, Questionnaire>,
    ) -> Result<ExportContents, Vec<QuestionnaireRef>> {
        sorting::sort_by(&mut responses, |a, b| a.id.cmp(&b.id));
        sorting::sort_by(&mut meetings, |a, b| a.id.cmp(&b.id));
        // A tombstone is read without its definition: it goes along when known, and its lack
        // is no error (a tombstone may have come without one). Ref → needed by a live record.
        let mut used: BTreeMap<&QuestionnaireRef, bool> = BTreeMap::new();
        let refs = responses
            .iter()
            .map(|r| (&r.questionnaire, r.status))
            .chain(meetings.iter().map(|m| (&m.questionnaire, m.status)));
        for (r, status) in refs.filter(|(r, _)| !r.is_unnamed()) {
            *used.entry(r).or_default() |= status != Status::Withdrawn;
        }
        let mut questionnaires = Vec::new();
        let mut missing = Vec::new();
        for (r, needed) in used {
            match known
                .get(r)
                .or_else(|| (*r == builtin().reference()).then(builtin))
            {
                Some(q) => questionnaires.push(q.clone()),
                None if !needed => {}
                None => missing.push(r.clone()),
            }
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        Ok(ExportContents {
            questionnaires,
            responses,
            meetings,
        })
    }

    /// Adds definitions to hand out (a customised enquête), each once, keeping key order.
    pub fn add_questionnaires(&mut self, extra: impl IntoIterator<Item = Questionnaire>) {
        let mut by_key: BTreeMap<QuestionnaireRef, Questionnaire> =
            sorting::map_from(self.questionnaires.drain(..).map(|q| (q.reference(), q)));
        for q in extra {
            by_key.entry(q.reference()).or_insert(q);
        }
        self.questionnaires = by_key.into_values().collect();
    }

    /// True when there is nothing in it.
    pub fn is_empty(&self) -> bool {
        self.questionnaires.is_empty() && self.responses.is_empty() && self.meetings.is_empty()
    }
}

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    format_version: u32,
    app_version: &'a str,
    exported_at: &'a str,
    questionnaires: Definitions<'a>,
    /// Always written by [`encode_export`]; left for [`encode_stored`] to write.
    #[serde(skip_serializing_if = "Option::is_none")]
    responses: Option<&'a [Response]>,
    meetings: &'a [Meeting],
}

/// An exchange file's definitions, each written as [`Questionnaire::to_compact_json`] (the same
/// text as deriving, remembered for the next file with the same definition).
struct Definitions<'a>(&'a [Questionnaire]);

impl Serialize for Definitions<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(Questionnaire::to_compact_json))
    }
}

/// The plain exchange file of design §3 as compact JSON text: `format`, `format_version`,
/// `app_version`, `exported_at`, then the records. `exported_at` comes from the caller's clock.
///
/// ```
/// use samenscan::domain::exchange::{encode_export, ExportContents};
/// let text = encode_export(&ExportContents::default(), "0.1.0", "2026-11-22T10:00:00Z");
/// assert!(text.starts_with(r#"{"format":"samenscan/export","format_version":1,"#));
/// ```
pub fn encode_export(contents: &ExportContents, app_version: &str, exported_at: &str) -> String {
    let file = ExportFile {
        format: FORMAT_EXPORT,
        format_version: FORMAT_VERSION,
        app_version,
        exported_at,
        questionnaires: Definitions(&contents.questionnaires),
        responses: Some(&contents.responses),
        meetings: &contents.meetings,
    };
    // Our records have string keys and finite numbers only, so serialising cannot fail.
    serde_json::to_string(&file).expect("an export always serialises")
}

/// What the import log stores of a checked file: [`encode_export`] of its accepted records, but
/// with the file's own text of its responses when that holds exactly them
/// ([`ValidatedFile::responses_text`]): writing a thousand files' responses anew was a tenth of
/// importing them. Decoding either gives the same records.
pub fn encode_stored(file: &ValidatedFile, app_version: &str, exported_at: &str) -> String {
    let Some(responses) = &file.responses_text else {
        return encode_export(&file.contents, app_version, exported_at);
    };
    let head = ExportFile {
        format: FORMAT_EXPORT,
        format_version: FORMAT_VERSION,
        app_version,
        exported_at,
        questionnaires: Definitions(&file.contents.questionnaires),
        responses: None,
        meetings: &file.contents.meetings,
    };
    let mut text = serde_json::to_string(&head).expect("an export always serialises");
    // The object's closing brace makes way for the responses as the file wrote them.
    text.pop();
    text.reserve(responses.len() + 16);
    text.push_str(",\"responses\":");
    text.push_str(responses);
    text.push('}');
    text
}

/// The encrypted exchange file of design §3 around a ciphertext the browser made with WebCrypto
/// (PBKDF2-SHA256 with `iterations`, then AES-256-GCM with `iv`).
///
/// ```
/// use samenscan::domain::exchange::{decode, encrypted_envelope_json, Decoded, MAX_FILE_BYTES};
/// let text = encrypted_envelope_json(&[7; 16], &[9; 12], &[1; 40], 600_000);
/// assert!(matches!(decode(text.as_bytes(), MAX_FILE_BYTES), Ok(Decoded::Encrypted(_))));
/// ```
pub fn encrypted_envelope_json(
    salt: &[u8],
    iv: &[u8],
    ciphertext: &[u8],
    iterations: u32,
) -> String {
    serde_json::json!({
        "format": FORMAT_ENCRYPTED,
        "format_version": FORMAT_VERSION,
        "kdf": {"name": KDF_NAME, "iterations": iterations, "salt": base64::encode(salt)},
        "cipher": {"name": CIPHER_NAME, "iv": base64::encode(iv)},
        "ciphertext": base64::encode(ciphertext),
    })
    .to_string()
}

/// A file name for an export made at `exported_at` (RFC 3339, from the caller's clock) with a
/// short `tag` ([`file_tag`]): `samenscan-2026-11-22-1000-k3f9.samenscan.json`, or
/// `…-k3f9-versleuteld.samenscan.json` for an encrypted one (`-encrypted` in English, the
/// language of the screen), so a person sees which is which.
/// The tag keeps apart the files of workers who export in the same minute (a team filling in
/// together), which would otherwise overwrite each other in the coordinator's folder. An
/// unreadable time gives `samenscan-export…`.
///
/// ```
/// use samenscan::domain::exchange::export_file_name;
/// assert_eq!(
///     export_file_name("2026-11-22T10:00:00Z", "k3f9", None),
///     "samenscan-2026-11-22-1000-k3f9.samenscan.json"
/// );
/// ```
pub fn export_file_name(exported_at: &str, tag: &str, encrypted: Option<Lang>) -> String {
    let stamp = match Timestamp::parse(exported_at) {
        Some(_) => format!(
            "{}-{}{}",
            &exported_at[..10],
            &exported_at[11..13],
            &exported_at[14..16]
        ),
        None => "export".to_string(),
    };
    let tag = if tag.is_empty() {
        String::new()
    } else {
        format!("-{tag}")
    };
    let marker = match encrypted {
        Some(Lang::Nl) => "-versleuteld",
        Some(Lang::En) => "-encrypted",
        None => "",
    };
    format!("samenscan-{stamp}{tag}{marker}{FILE_SUFFIX}")
}

/// Four characters for [`export_file_name`] from four random bytes, in letters and digits that
/// cannot be mistaken for each other when read aloud or copied (no 0/o, 1/l/i).
///
/// ```
/// use samenscan::domain::exchange::file_tag;
/// assert_eq!(file_tag([0, 1, 30, 255]), "ab9h");
/// ```
pub fn file_tag(random: [u8; 4]) -> String {
    const CHARS: &[u8; 31] = b"abcdefghjkmnpqrstuvwxyz23456789";
    random
        .iter()
        .map(|&b| char::from(CHARS[usize::from(b) % CHARS.len()]))
        .collect()
}

/// Why a whole file was refused. Every variant has a [`FileProblem::message`] for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// The file has no content.
    Empty,
    /// Larger than the limit; checked before reading it.
    TooLarge {
        /// The file's size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Not UTF-8 text (a spreadsheet, a picture, a file in another encoding).
    NotText {
        /// Where the first invalid byte is.
        byte_offset: usize,
        /// What kind of bytes they are.
        kind: NotText,
    },
    /// Arrays or objects nested deeper than [`MAX_NESTING`].
    TooDeep {
        /// The line (1-based) where the limit was passed.
        line: usize,
        /// The column (1-based).
        column: usize,
    },
    /// The text ends in the middle of the JSON: the file was cut off.
    Truncated,
    /// Not JSON, for a slip of hand-editing the parser names: line and column of the error
    /// (1-based), where the parser noticed it.
    JsonSlip {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
        /// What the parser found.
        slip: JsonSlip,
    },
    /// Not JSON; line and column of the first error (1-based).
    NotJson {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
    },
    /// A number too large to represent (e.g. `1e400`).
    NumberTooLarge {
        /// Line.
        line: usize,
        /// Column.
        column: usize,
    },
    /// JSON, but not an object with a `format`: some other JSON file.
    NotAnExport,
    /// A `format` that is not a Samenscan format.
    UnknownFormat {
        /// What the file says.
        found: String,
    },
    /// `format_version` missing, not a whole number, or 0.
    BadFormatVersion,
    /// Made by a newer app: update this one.
    NewerVersion {
        /// The file's version.
        found: u64,
        /// The newest this app reads.
        supported: u32,
    },
    /// A part of the file is written twice (`"responses"` two times): which one holds is not
    /// certain, so neither is taken.
    KeyTwice {
        /// The part's name.
        key: String,
    },
    /// A part of the file is named one or two letters off one of its lists (`"respones"`), and
    /// that list is not there: read as it is, its records would be lost without a word.
    MisspeltPart {
        /// The name as written.
        found: String,
        /// The list meant.
        meant: &'static str,
    },
    /// A part of the file has the wrong shape, e.g. `responses` is not a list.
    BadStructure {
        /// The field.
        field: &'static str,
    },
    /// An encrypted file whose envelope is damaged (missing field, broken base64, wrong length).
    DamagedEncryption {
        /// The field, e.g. `kdf.salt`.
        field: &'static str,
    },
    /// An encrypted file made with a method this app does not use.
    UnsupportedEncryption {
        /// What the file names, e.g. `AES-128-CBC` or an iteration count.
        found: String,
    },
    /// Decryption failed: the passphrase is wrong (or the file was changed). The browser layer
    /// reports this when WebCrypto refuses to decrypt.
    WrongPassphrase,
    /// The decrypted content is itself encrypted; this app never makes such files.
    EncryptedTwice,
}

/// Why a file's bytes are no text (see [`FileProblem::NotText`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotText {
    /// A NUL or other control byte near the start: a picture, a document, an archive.
    Binary,
    /// Text in another encoding than UTF-8 (an editor's Latin-1).
    OtherEncoding,
    /// UTF-16 with its byte-order mark, but cut off or with a lone surrogate.
    BrokenUtf16,
}

impl FileProblem {
    /// The problem in plain words for the person importing, saying what to do where possible.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            FileProblem::Empty => pick(nl, "Het bestand is leeg.", "The file is empty.").into(),
            FileProblem::TooLarge { bytes, limit } => {
                let mb = |b: usize| (b as f64 / (1024.0 * 1024.0)).ceil() as u64;
                if nl {
                    format!(
                        "Het bestand is te groot ({} MB; het maximum is {} MB). Is het een \
                         Samenscan-export, vraag de afzender dan om het in delen te exporteren \
                         (bijvoorbeeld per team).",
                        mb(*bytes),
                        mb(*limit)
                    )
                } else {
                    format!(
                        "The file is too large ({} MB; the maximum is {} MB). If it is a \
                         Samenscan export, ask the sender to export it in parts (for example \
                         per team).",
                        mb(*bytes),
                        mb(*limit)
                    )
                }
            }
            FileProblem::NotText {
                kind: NotText::Binary,
                ..
            } => pick(
                nl,
                "Dit is geen Samenscan-bestand: het bevat geen tekst, maar is een ander soort \
                 bestand (zoals een afbeelding of een document). Kies het bestand dat Samenscan \
                 bij het exporteren maakte.",
                "This is not a Samenscan file: it holds no text but is another kind of file (such \
                 as a picture or a document). Choose the file Samenscan made when exporting.",
            )
            .into(),
            FileProblem::NotText {
                kind: NotText::BrokenUtf16,
                ..
            } => pick(
                nl,
                "Dit bestand is als UTF-16-tekst opgeslagen, maar is afgebroken of beschadigd. \
                 Exporteer het opnieuw uit Samenscan.",
                "This file is saved as UTF-16 text, but it is cut off or damaged. Export it from \
                 Samenscan again.",
            )
            .into(),
            FileProblem::NotText {
                byte_offset,
                kind: NotText::OtherEncoding,
            } => {
                let at = format_count(*byte_offset + 1, lang);
                if nl {
                    format!(
                        "Dit bestand is niet als UTF-8-tekst opgeslagen (op positie {at} staat \
                         een onleesbaar teken): waarschijnlijk is het in een ander programma geopend en \
                         opgeslagen. Exporteer het opnieuw uit Samenscan, of sla het op als UTF-8."
                    )
                } else {
                    format!(
                        "This file is not saved as UTF-8 text (position {at} cannot be read): it was \
                         probably opened and saved in another program. Export it from Samenscan \
                         again, or save it as UTF-8."
                    )
                }
            }
            FileProblem::TooDeep { line, column } => {
                if nl {
                    format!(
                        "Dit bestand is anders opgebouwd dan een Samenscan-bestand (te diep \
                         genest, regel {line}, kolom {column})."
                    )
                } else {
                    format!(
                        "This file is structured differently from a Samenscan file (nested too \
                         deeply, line {line}, column {column})."
                    )
                }
            }
            FileProblem::Truncated => pick(
                nl,
                "Het bestand is onvolledig: het houdt halverwege op. Misschien is het kopiëren of \
                 downloaden niet afgemaakt. Vraag om een nieuwe export.",
                "The file is incomplete: it stops halfway. Perhaps copying or downloading did not \
                 finish. Ask for a new export.",
            )
            .into(),
            // Not JSON from its first character: another kind of file altogether (a document,
            // a spreadsheet, notes), for which a line and column say nothing.
            FileProblem::NotJson { line: 1, column } if *column <= 1 => pick(
                nl,
                "Dit is geen Samenscan-bestand: wat erin staat is van een ander soort bestand \
                 (bijvoorbeeld een document of een spreadsheet), wat de naam ook zegt. Kies een \
                 bestand dat met Samenscan is geëxporteerd.",
                "This is not a Samenscan file: what it holds is another kind of file (a document \
                 or a spreadsheet, for instance), whatever its name says. Choose a file exported \
                 from Samenscan.",
            )
            .into(),
            FileProblem::JsonSlip { line, column, slip } => {
                let (dutch, english) = match slip {
                    JsonSlip::TrailingComma => (
                        "Vlak daarvoor staat een komma te veel: na het laatste onderdeel van een \
                         lijst […] of object {…} hoort geen komma.",
                        "Just before it there is one comma too many: the last part of a list […] \
                         or object {…} has no comma after it.",
                    ),
                    JsonSlip::MissingComma => (
                        "Daar ontbreekt waarschijnlijk een komma tussen twee onderdelen, of een \
                         sluithaakje.",
                        "A comma between two parts, or a closing bracket, is probably missing \
                         there.",
                    ),
                    JsonSlip::UnquotedKey => (
                        "Daar staat een veldnaam niet tussen dubbele aanhalingstekens (\"naam\").",
                        "A field name there is not in double quotes (\"name\").",
                    ),
                    JsonSlip::QuoteInText => (
                        "Daar staat waarschijnlijk een aanhalingsteken (\") binnen een tekst, dat \
                         de tekst te vroeg afsluit: schrijf het als \\\" of gebruik enkele aanhalingstekens (‘ ’).",
                        "A quote (\") inside a text probably ends it too early there: write it as \
                         \\\" or use single quotes (‘ ’).",
                    ),
                    JsonSlip::CurlyQuotes => (
                        "Daar staan gekrulde aanhalingstekens (“ ”), zoals een tekstverwerker ze \
                         maakt; JSON vraagt rechte (\"). Bewerk het bestand in een teksteditor.",
                        "There are curly quotes (“ ”) there, as a word processor makes them; JSON \
                         needs straight ones (\"). Edit the file in a text editor.",
                    ),
                    JsonSlip::Comment => (
                        "Daar staat een opmerking (// of /*); JSON kent geen opmerkingen: haal \
                         haar weg.",
                        "There is a comment (// or /*) there; JSON has no comments: remove it.",
                    ),
                    JsonSlip::Rtf => (
                        "Het is als opgemaakte tekst (RTF) opgeslagen; sla het op als platte \
                         tekst.",
                        "It was saved as formatted text (RTF); save it as plain text.",
                    ),
                };
                if nl {
                    format!(
                        "Het bestand is beschadigd of geen Samenscan-bestand (fout op regel \
                         {line}, kolom {column}). {dutch}"
                    )
                } else {
                    format!(
                        "The file is damaged or not a Samenscan file (error at line {line}, \
                         column {column}). {english}"
                    )
                }
            }
            FileProblem::NotJson { line, column } => {
                if nl {
                    format!(
                        "Het bestand is beschadigd of geen Samenscan-bestand (fout op regel \
                         {line}, kolom {column})."
                    )
                } else {
                    format!(
                        "The file is damaged or not a Samenscan file (error at line {line}, \
                         column {column})."
                    )
                }
            }
            FileProblem::NumberTooLarge { line, column } => {
                if nl {
                    format!(
                        "Het bestand bevat een getal dat te groot is om te lezen (regel {line}, \
                         kolom {column}). Het is beschadigd of niet door Samenscan gemaakt."
                    )
                } else {
                    format!(
                        "The file contains a number too large to read (line {line}, column \
                         {column}). It is damaged or was not made by Samenscan."
                    )
                }
            }
            FileProblem::NotAnExport => pick(
                nl,
                "Dit is geen Samenscan-bestand. Kies een bestand dat met Samenscan is \
                 geëxporteerd.",
                "This is not a Samenscan file. Choose a file exported from Samenscan.",
            )
            .into(),
            FileProblem::UnknownFormat { found } => {
                if nl {
                    format!("Dit is geen Samenscan-exportbestand (het soort bestand is “{found}”).")
                } else {
                    format!("This is not a Samenscan export file (its kind is “{found}”).")
                }
            }
            FileProblem::BadFormatVersion => pick(
                nl,
                "Het bestand vermeldt geen geldige versie van het bestandsformaat; het is \
                 beschadigd.",
                "The file does not state a valid version of the file format; it is damaged.",
            )
            .into(),
            FileProblem::NewerVersion { found, supported } => {
                if nl {
                    format!(
                        "Dit bestand is gemaakt met een nieuwere versie van Samenscan \
                         (bestandsversie {found}; deze app leest tot en met versie {supported}). \
                         Werk de app bij en probeer het opnieuw."
                    )
                } else {
                    format!(
                        "This file was made with a newer version of Samenscan (file version \
                         {found}; this app reads up to version {supported}). Update the app and \
                         try again."
                    )
                }
            }
            FileProblem::KeyTwice { key } => {
                if nl {
                    format!(
                        "Het bestand is beschadigd: het onderdeel “{key}” staat er twee keer in, zodat niet zeker is welk geldt. Vraag om een nieuwe export."
                    )
                } else {
                    format!(
                        "The file is damaged: the part “{key}” is in it twice, so it is not certain which one holds. Ask for a new export."
                    )
                }
            }
            FileProblem::MisspeltPart { found, meant } => {
                if nl {
                    format!(
                        "Er is niets uit dit bestand ingelezen: het heeft een onderdeel “{found}”, \
                         dat de app niet kent; bedoeld is waarschijnlijk “{meant}”. Zo gelezen \
                         zou de inhoud ervan ongemerkt wegvallen. Verbeter de naam, of vraag om \
                         een nieuwe export, en importeer het opnieuw."
                    )
                } else {
                    format!(
                        "Nothing was read from this file: it has a part “{found}” the app does \
                         not know; “{meant}” was probably meant. Read like that, its contents \
                         would be lost without a word. Correct the name, or ask for a new \
                         export, and import it again."
                    )
                }
            }
            FileProblem::BadStructure { field } => {
                if nl {
                    format!("Het bestand is beschadigd: het onderdeel “{field}” is geen lijst.")
                } else {
                    format!("The file is damaged: the part “{field}” is not a list.")
                }
            }
            FileProblem::DamagedEncryption { field } => {
                if nl {
                    format!(
                        "Het versleutelde bestand is beschadigd (onderdeel “{field}”) en kan niet \
                         worden geopend. Vraag om een nieuwe export."
                    )
                } else {
                    format!(
                        "The encrypted file is damaged (part “{field}”) and cannot be opened. Ask \
                         for a new export."
                    )
                }
            }
            FileProblem::UnsupportedEncryption { found } => {
                if nl {
                    format!(
                        "Het bestand is versleuteld op een manier die Samenscan niet gebruikt \
                         (“{found}”)."
                    )
                } else {
                    format!("The file is encrypted in a way Samenscan does not use (“{found}”).")
                }
            }
            FileProblem::WrongPassphrase => pick(
                nl,
                "Het wachtwoord klopt niet, of het bestand is na het versleutelen veranderd. \
                 Controleer het wachtwoord en probeer het opnieuw.",
                "The passphrase is wrong, or the file was changed after it was encrypted. Check \
                 the passphrase and try again.",
            )
            .into(),
            FileProblem::EncryptedTwice => pick(
                nl,
                "Het bestand is twee keer versleuteld; zo maakt Samenscan geen bestanden.",
                "The file is encrypted twice; Samenscan does not make such files.",
            )
            .into(),
        }
    }
}

fn pick(nl: bool, dutch: &'static str, english: &'static str) -> &'static str {
    if nl {
        dutch
    } else {
        english
    }
}

/// The key derivation of an encrypted file, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kdf {
    /// Always [`KDF_NAME`].
    pub name: String,
    /// Between [`MIN_PBKDF2_ITERATIONS`] and [`MAX_PBKDF2_ITERATIONS`].
    pub iterations: u32,
    /// At least [`MIN_SALT_BYTES`] bytes.
    pub salt: Vec<u8>,
}

/// The cipher of an encrypted file, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cipher {
    /// Always [`CIPHER_NAME`].
    pub name: String,
    /// Exactly [`IV_BYTES`] bytes.
    pub iv: Vec<u8>,
}

/// An encrypted file's envelope with every field checked and base64 decoded: what the browser
/// needs to derive the key and decrypt with WebCrypto.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncryptedEnvelope {
    /// How the key comes from the passphrase.
    pub kdf: Kdf,
    /// How the content is encrypted.
    pub cipher: Cipher,
    /// The encrypted plain export, tag included; at least [`TAG_BYTES`] long.
    pub ciphertext: Vec<u8>,
}

/// A plain export read and upgraded to the current format version, records still raw JSON:
/// [`validate`] turns them into records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawExport {
    /// The version the file was written in (its records are already upgraded).
    pub format_version: u32,
    /// The app version that wrote it, if stated.
    pub app_version: Option<String>,
    /// When it was exported, as written, if stated.
    pub exported_at: Option<String>,
    /// Questionnaire definitions, raw or already read.
    pub questionnaires: Vec<RawDefinition>,
    /// Responses: typed already when the whole file was well-formed, else raw JSON.
    pub responses: Vec<RawResponse>,
    /// Raw meetings.
    pub meetings: Vec<Value>,
    /// The file's own text of its `responses` list, when it was read typed: stored as it is
    /// when validating changes nothing in it (see [`ValidatedFile::responses_text`]).
    pub responses_text: Option<String>,
}

/// One questionnaire definition as [`decode`] read it.
#[derive(Clone, Debug, PartialEq)]
pub enum RawDefinition {
    /// Raw JSON, read by [`validate`] (which names every problem).
    Json(Value),
    /// Read already: the same text as a valid definition read before (a well-formed file's
    /// definitions, see [`Questionnaire::from_text_remembered`]).
    Read(Questionnaire),
}

/// One response as [`decode`] read it. A well-formed file (every field of every response
/// present and of its type) is read straight into [`Response`]s; any other file is read as JSON
/// values, which [`validate`] reads field by field to name every problem. Both give the same
/// records: the typed reading is only taken when it succeeds for the whole file.
#[derive(Clone, Debug, PartialEq)]
pub enum RawResponse {
    /// Read into a response; its record-level checks are still to do.
    Typed(Response),
    /// Raw JSON.
    Json(Value),
}

impl RawResponse {
    /// The record as JSON to edit (a typed one is written out as JSON first).
    pub fn as_json_mut(&mut self) -> &mut Value {
        if let RawResponse::Typed(response) = self {
            let value = serde_json::to_value(&*response).expect("responses serialise");
            *self = RawResponse::Json(value);
        }
        match self {
            RawResponse::Json(value) => value,
            RawResponse::Typed(_) => unreachable!("replaced above"),
        }
    }
}

/// A plain export of the current version whose every response is well-formed: read in one
/// pass, without building a JSON value for each record first. Anything the reading as JSON
/// values would treat differently makes this reading fail, and the file is then read as JSON
/// values ([`decode`]): a key written twice, a `null` where a list or record is expected, a
/// field of the wrong type, a file or record written as a list, and any field this app does
/// not know (serde would skip it unchecked, where reading it as a value refuses a number out of
/// range or a broken `\u` escape).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct WellFormed<'a> {
    format: String,
    format_version: u64,
    #[serde(default)]
    app_version: Option<String>,
    #[serde(default)]
    exported_at: Option<String>,
    /// Taken as text: most are a definition read before ([`RawDefinition::Read`]).
    #[serde(default, borrow)]
    questionnaires: Vec<&'a serde_json::value::RawValue>,
    #[serde(default)]
    responses: Vec<ObjectOnly<WellFormedResponse>>,
    #[serde(default)]
    meetings: Vec<Value>,
}

/// A response's fields, none unknown (see [`WellFormed`]).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct WellFormedResponse {
    id: String,
    questionnaire: WellFormedRef,
    revision: u64,
    updated_at: String,
    status: Status,
    #[serde(default)]
    answers: Answers,
}

/// A questionnaire reference, none of its fields unknown (see [`WellFormed`]).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct WellFormedRef {
    id: String,
    version: u32,
}

impl From<WellFormedResponse> for Response {
    fn from(r: WellFormedResponse) -> Response {
        Response {
            id: r.id,
            questionnaire: QuestionnaireRef {
                id: r.questionnaire.id,
                version: r.questionnaire.version,
            },
            revision: r.revision,
            updated_at: r.updated_at,
            status: r.status,
            answers: r.answers,
        }
    }
}

/// `T` read from a JSON object only: serde's derived reading also takes a list of the fields in
/// order, which the reading as JSON values refuses for a file or a record.
struct ObjectOnly<T>(T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ObjectOnly<T>, D::Error> {
        struct Fields<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Fields<T> {
            type Value = ObjectOnly<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                map: M,
            ) -> Result<ObjectOnly<T>, M::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(ObjectOnly)
            }
        }
        d.deserialize_map(Fields(std::marker::PhantomData))
    }
}

/// The typed reading of a well-formed plain export (see [`WellFormed`]); `None` for any other
/// file.
fn decode_well_formed(text: &str) -> Option<RawExport> {
    let ObjectOnly(file) = serde_json::from_str::<ObjectOnly<WellFormed>>(text).ok()?;
    if file.format != FORMAT_EXPORT || file.format_version != u64::from(FORMAT_VERSION) {
        return None;
    }
    Some(RawExport {
        format_version: FORMAT_VERSION,
        app_version: file.app_version.as_deref().map(short),
        exported_at: file.exported_at.as_deref().map(short),
        questionnaires: file
            .questionnaires
            .into_iter()
            .map(
                |text| match Questionnaire::from_text_remembered(text.get()) {
                    Some(q) => Some(RawDefinition::Read(q)),
                    // Not a valid definition: read as JSON by `validate`, which names its problems
                    // (text the JSON value refuses, such as a number out of range, sends the whole
                    // file to the reading as values, as any other irregularity does).
                    None => serde_json::from_str(text.get())
                        .ok()
                        .map(RawDefinition::Json),
                },
            )
            .collect::<Option<Vec<_>>>()?,
        responses_text: None,
        responses: file
            .responses
            .into_iter()
            .map(|ObjectOnly(r)| RawResponse::Typed(r.into()))
            .collect(),
        meetings: file.meetings,
    })
}

/// What [`decode`] found in a file.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoded {
    /// A plain export.
    Export(RawExport),
    /// An encrypted file: decrypt `ciphertext` and call [`decode`] again on the plain bytes.
    Encrypted(EncryptedEnvelope),
}

/// Reads an exchange file: size (before anything else), UTF-8, nesting depth, JSON, `format`,
/// `format_version`; then either the checked envelope of an encrypted file or the raw records of a
/// plain one, upgraded to [`FORMAT_VERSION`]. Pass [`MAX_FILE_BYTES`] as `max_bytes` in the app.
///
/// ```
/// use samenscan::domain::exchange::{decode, FileProblem, MAX_FILE_BYTES};
/// let problem = decode(b"{\"format\": \"samenscan/export\", \"format_version\": 9}", MAX_FILE_BYTES).unwrap_err();
/// assert!(matches!(problem, FileProblem::NewerVersion { found: 9, .. }));
/// ```
pub fn decode(bytes: &[u8], max_bytes: usize) -> Result<Decoded, FileProblem> {
    decode_with(bytes, max_bytes, true)
}

/// UTF-16 text after its byte-order mark (FF FE little-endian, FE FF big-endian).
fn utf16_text(bytes: &[u8]) -> Result<String, FileProblem> {
    let little = bytes[0] == 0xff;
    let units = bytes[2..].chunks(2).map(|pair| match (pair, little) {
        ([a, b], true) => Ok(u16::from_le_bytes([*a, *b])),
        ([a, b], false) => Ok(u16::from_be_bytes([*a, *b])),
        _ => Err(()),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut at = 2;
    let mut failed = false;
    let units = units.map_while(|u| u.map_err(|()| failed = true).ok());
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => {
                return Err(FileProblem::NotText {
                    byte_offset: at,
                    kind: NotText::BrokenUtf16,
                })
            }
        }
    }
    if failed {
        return Err(FileProblem::NotText {
            byte_offset: at,
            kind: NotText::BrokenUtf16,
        });
    }
    Ok(text)
}

/// True when the start of `bytes` holds a NUL or another control byte no text file has (tab,
/// line ends and form feed aside): a picture, a document or an archive, not text in another
/// encoding.
fn looks_binary(bytes: &[u8]) -> bool {
    // A photo, a PDF or an Office document by its first bytes, however short the file.
    const MAGIC: [&[u8]; 5] = [b"\xff\xd8\xff", b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8"];
    MAGIC.iter().any(|m| bytes.starts_with(m))
        || bytes
            .iter()
            .take(1024)
            .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
}

/// [`decode`], with the typed reading of a well-formed file tried first or not (the tests show
/// that both readings give the same records).
fn decode_with(bytes: &[u8], max_bytes: usize, typed: bool) -> Result<Decoded, FileProblem> {
    if bytes.len() > max_bytes {
        return Err(FileProblem::TooLarge {
            bytes: bytes.len(),
            limit: max_bytes,
        });
    }
    // Windows' Notepad ("Unicode") and PowerShell 5 save UTF-16 with a byte-order mark: a file
    // opened and saved there is read as the text it still is.
    let utf16;
    let text = match bytes {
        [0xff, 0xfe, ..] | [0xfe, 0xff, ..] => {
            utf16 = utf16_text(bytes)?;
            utf16.as_str()
        }
        _ => std::str::from_utf8(bytes).map_err(|e| FileProblem::NotText {
            byte_offset: e.valid_up_to(),
            kind: if looks_binary(bytes) {
                NotText::Binary
            } else {
                NotText::OtherEncoding
            },
        })?,
    };
    // Windows editors put a byte-order mark in front; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    // Text that does not open as a JSON document does (a CSV, notes, a date) is another kind of
    // file altogether: said as such, without the line and column of a JSON error.
    if !text.trim_start().starts_with(['{', '[']) {
        return Err(FileProblem::NotJson { line: 1, column: 1 });
    }
    let scanned = scan_structure(text.as_bytes(), MAX_NESTING)?;
    let responses_at = scanned.responses;
    let dropped = super::response::answers_dropped();
    let well_formed = typed && scanned.misspelt.is_none();
    if let Some(mut raw) = well_formed.then(|| decode_well_formed(text)).flatten() {
        // An item answered twice in a record keeps its later answer: the text holds more.
        if super::response::answers_dropped() == dropped {
            raw.responses_text = responses_at.map(|(from, to)| text[from..to].to_string());
        }
        return Ok(Decoded::Export(raw));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| json_problem(e, text))?;
    let Value::Object(mut top) = value else {
        return Err(FileProblem::NotAnExport);
    };
    // Read as a map, the last of the two would silently win (a list of responses lost).
    if let Some(key) = scanned.key_twice {
        return Err(FileProblem::KeyTwice { key: short(&key) });
    }
    let format = match top.get("format") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(FileProblem::UnknownFormat {
                found: short(&other.to_string()),
            })
        }
        None => return Err(FileProblem::NotAnExport),
    };
    if format != FORMAT_EXPORT && format != FORMAT_ENCRYPTED {
        return Err(FileProblem::UnknownFormat {
            found: short(&format),
        });
    }
    let version = match top.get("format_version").and_then(whole_u64) {
        Some(v) if v >= 1 => v,
        _ => return Err(FileProblem::BadFormatVersion),
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(FileProblem::NewerVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    // `version` is 1..=FORMAT_VERSION here, so it fits in u32.
    let version = version as u32;
    if format == FORMAT_ENCRYPTED {
        return envelope(&top).map(Decoded::Encrypted);
    }
    // Only a list: design §3 lets the lists be absent, and another tool may write a single
    // `"questionnaire": {…}` reference beside them.
    if let Some((found, meant)) = scanned.misspelt {
        if matches!(top.get(&found), Some(Value::Array(_))) {
            return Err(FileProblem::MisspeltPart { found, meant });
        }
    }
    upgrade(&mut top, version);
    let mut list = |field: &'static str| match top.remove(field) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(FileProblem::BadStructure { field }),
    };
    let questionnaires = list("questionnaires")?
        .into_iter()
        .map(RawDefinition::Json)
        .collect();
    let responses = list("responses")?
        .into_iter()
        .map(RawResponse::Json)
        .collect();
    let meetings = list("meetings")?;
    let text_field = |field: &str| top.get(field).and_then(Value::as_str).map(short);
    Ok(Decoded::Export(RawExport {
        format_version: version,
        app_version: text_field("app_version"),
        exported_at: text_field("exported_at"),
        questionnaires,
        responses,
        meetings,
        responses_text: None,
    }))
}

/// One upgrade step: rewrites a plain export of version `n` (the index + 1) into version `n + 1`.
/// Version 1 is the first, so there are none yet; when version 2 comes, its step goes here and
/// [`FORMAT_VERSION`] goes up, and every file ever written keeps reading.
const UPGRADES: &[fn(&mut Map<String, Value>)] = &[];

fn upgrade(top: &mut Map<String, Value>, from_version: u32) {
    for step in UPGRADES.iter().skip(from_version as usize - 1) {
        step(top);
    }
    top.insert("format_version".into(), Value::from(FORMAT_VERSION));
}

/// Keeps a text from a file short enough for a message (first 80 characters).
fn short(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(MAX).collect();
        cut.push('…');
        cut
    }
}

/// A slip of hand-editing JSON that the parser names, for [`FileProblem::JsonSlip`]: a
/// facilitator writing a questionnaire by hand is told what to fix, not only where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonSlip {
    /// A comma after the last element of a list or object.
    TrailingComma,
    /// Two elements without a comma between them (or a bracket left out).
    MissingComma,
    /// An object key without double quotes (or in single quotes).
    UnquotedKey,
    /// A `"` inside a text, which ended it early (`"de "warme" overdracht"`).
    QuoteInText,
    /// Curly quotes (“ ”), as a word processor writes them, where JSON needs straight ones.
    CurlyQuotes,
    /// A comment (`//` or `/*`), which JSON does not have.
    Comment,
    /// The file was saved as formatted text (RTF) by a word processor.
    Rtf,
}

/// What went wrong where the parser stopped in `text`, in the words of hand-editing: the
/// parser's own message and the characters around the place (1-based line and byte column).
fn json_slip(message: &str, text: &str, line: usize, column: usize) -> Option<JsonSlip> {
    if text.trim_start_matches('\u{feff}').starts_with("{\\rtf") {
        return Some(JsonSlip::Rtf);
    }
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let at = line_start + column.saturating_sub(1);
    let here = text.get(at..).and_then(|rest| rest.chars().next());
    let before = text.get(..at).and_then(|head| head.chars().next_back());
    let next = text.get(at..).and_then(|rest| rest.chars().nth(1));
    match (here, next) {
        (Some('“' | '”' | '‘' | '’' | '„'), _) => return Some(JsonSlip::CurlyQuotes),
        (Some('/'), Some('/' | '*')) => return Some(JsonSlip::Comment),
        _ => {}
    }
    if message.starts_with("trailing comma") {
        Some(JsonSlip::TrailingComma)
    } else if message.starts_with("expected `,` or") {
        // "…de "warme" overdracht": the text ended at the inner quote, a word follows it.
        if before == Some('"') && here.is_some_and(char::is_alphanumeric) {
            Some(JsonSlip::QuoteInText)
        } else {
            Some(JsonSlip::MissingComma)
        }
    } else if message.starts_with("key must be a string") {
        Some(JsonSlip::UnquotedKey)
    } else {
        None
    }
}

fn json_problem(e: serde_json::Error, text: &str) -> FileProblem {
    let (line, byte_column) = (e.line(), e.column());
    // The parser counts bytes; a person counts characters ("é" is two bytes).
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let column = text
        .get(line_start..line_start + byte_column.saturating_sub(1))
        .map_or(byte_column, |head| head.chars().count() + 1);
    let message = e.to_string();
    // A file cut off ends wherever it ends: no slip to name there.
    let slip = (e.classify() != serde_json::error::Category::Eof)
        .then(|| json_slip(&message, text, line, byte_column))
        .flatten();
    if let Some(slip) = slip {
        FileProblem::JsonSlip { line, column, slip }
    } else if e.classify() == serde_json::error::Category::Eof {
        FileProblem::Truncated
    } else if e.to_string().starts_with("number out of range") {
        FileProblem::NumberTooLarge { line, column }
    } else if e.to_string().starts_with("recursion limit exceeded") {
        // Unreachable after `scan_structure` with MAX_NESTING below 128, but kept so that the
        // message stays clear if either limit ever moves.
        FileProblem::TooDeep { line, column }
    } else {
        FileProblem::NotJson { line, column }
    }
}

/// Refuses text whose arrays and objects nest deeper than `limit`, without recursion, so that
/// 100,000 `[` give a clear message in linear time, with the line and column where it happens.
/// Brackets inside strings do not count.
///
/// Also finds where the top-level object's `"responses"` list is written (its first key of that
/// name spelled plainly), for storing a file's own text ([`RawExport::responses_text`]) — only
/// when that text is plain: no white space between tokens, and numbers only as integers of at
/// most 19 characters, sign included (not `-0`), which read back exactly. Other number
/// spellings can carry digits that reading drops (`7.000000000000000000001`), and white space
/// is bytes that are no record; such a list is written anew. And notes the first top-level key
/// written twice ([`Scanned::key_twice`]).
fn scan_structure(text: &[u8], limit: usize) -> Result<Scanned, FileProblem> {
    let (mut depth, mut line, mut line_start) = (0usize, 1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    // The last string read, the key it became at depth 1 (after a colon), the list being read.
    let (mut string, mut key) = ((0usize, 0usize), None::<(usize, usize)>);
    let (mut responses, mut reading) = (None::<(usize, usize)>, None::<usize>);
    // In that list: whether it is plain so far, and the number being read (its length, and
    // whether it started with "-0").
    let (mut plain, mut number, mut minus_zero) = (true, 0usize, false);
    // The top-level object's keys as read (escapes undone), and the first one written twice.
    // A set: a crafted file with a hundred thousand keys made a list's lookups quadratic.
    let (mut keys, mut twice) = (rustc_hash::FxHashSet::<String>::default(), None::<String>);
    for (i, &c) in text.iter().enumerate() {
        if reading.is_some() && !in_string {
            match c {
                b'0'..=b'9' | b'-' => {
                    minus_zero |= number == 1 && c == b'0' && text[i - 1] == b'-';
                    number += 1;
                    plain &= number <= 19 && !minus_zero;
                }
                // A fraction, an exponent, or white space.
                b'.' | b'e' | b'E' | b'+' if number > 0 => plain = false,
                b' ' | b'\t' | b'\n' | b'\r' => plain = false,
                _ => (number, minus_zero) = (0, false),
            }
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
                string.1 = i;
            }
            continue;
        }
        match c {
            b'"' => {
                in_string = true;
                string = (i + 1, i + 1);
            }
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b':' if depth == 1 => {
                key = Some(string);
                let name = key_name(&text[string.0..string.1]);
                if keys.contains(&name) {
                    twice.get_or_insert(name);
                } else {
                    keys.insert(name);
                }
            }
            b',' if depth == 1 => key = None,
            b'[' | b'{' => {
                if c == b'['
                    && depth == 1
                    && responses.is_none()
                    && key.is_some_and(|(a, b)| &text[a..b] == b"responses")
                {
                    reading = Some(i);
                }
                depth += 1;
                if depth > limit {
                    let column = String::from_utf8_lossy(&text[line_start..=i])
                        .chars()
                        .count();
                    return Err(FileProblem::TooDeep { line, column });
                }
            }
            b']' | b'}' => {
                if depth == 2 && c == b']' {
                    if let Some(start) = reading.take() {
                        responses = plain.then_some((start, i + 1));
                    }
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    // A part named one or two letters off ("respones", "Meetings") would otherwise be passed
    // over without a word, and every record in it lost.
    let misspelt = keys
        .iter()
        .filter_map(|key| {
            super::questionnaire::meant_field(key, &LISTS)
                .filter(|meant| !keys.contains(*meant))
                .map(|meant| (short(key), meant))
        })
        .min();
    Ok(Scanned {
        responses,
        key_twice: twice,
        misspelt,
    })
}

/// The lists a plain export holds.
const LISTS: [&str; 3] = ["questionnaires", "responses", "meetings"];

/// What [`scan_structure`] found besides the nesting.
#[derive(Debug, PartialEq)]
struct Scanned {
    /// Where the top-level `"responses"` list is, when plain.
    responses: Option<(usize, usize)>,
    /// A top-level key written twice.
    key_twice: Option<String>,
    /// A top-level key that is probably one of the lists misspelt (and that list absent): as
    /// written, and the list meant.
    misspelt: Option<(String, &'static str)>,
}

/// A key as the JSON names it: its text between the quotes, with escapes undone.
fn key_name(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    if !raw.contains(&b'\\') {
        return text.into_owned();
    }
    serde_json::from_str::<String>(&format!("\"{text}\"")).unwrap_or_else(|_| text.into_owned())
}

fn envelope(top: &Map<String, Value>) -> Result<EncryptedEnvelope, FileProblem> {
    let damaged = |field| FileProblem::DamagedEncryption { field };
    let text = |obj: &Map<String, Value>, key: &str, field| {
        obj.get(key)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or(damaged(field))
    };
    let bytes = |obj: &Map<String, Value>, key: &str, field| {
        base64::decode(&text(obj, key, field)?).map_err(|_| damaged(field))
    };
    let kdf = top
        .get("kdf")
        .and_then(Value::as_object)
        .ok_or(damaged("kdf"))?;
    let cipher = top
        .get("cipher")
        .and_then(Value::as_object)
        .ok_or(damaged("cipher"))?;
    let kdf_name = text(kdf, "name", "kdf.name")?;
    if kdf_name != KDF_NAME {
        return Err(FileProblem::UnsupportedEncryption {
            found: short(&kdf_name),
        });
    }
    let iterations = kdf
        .get("iterations")
        .and_then(Value::as_u64)
        .ok_or(damaged("kdf.iterations"))?;
    if !(u64::from(MIN_PBKDF2_ITERATIONS)..=u64::from(MAX_PBKDF2_ITERATIONS)).contains(&iterations)
    {
        return Err(FileProblem::UnsupportedEncryption {
            found: format!("{KDF_NAME} × {iterations}"),
        });
    }
    let salt = bytes(kdf, "salt", "kdf.salt")?;
    if salt.len() < MIN_SALT_BYTES {
        return Err(damaged("kdf.salt"));
    }
    let cipher_name = text(cipher, "name", "cipher.name")?;
    if cipher_name != CIPHER_NAME {
        return Err(FileProblem::UnsupportedEncryption {
            found: short(&cipher_name),
        });
    }
    let iv = bytes(cipher, "iv", "cipher.iv")?;
    if iv.len() != IV_BYTES {
        return Err(damaged("cipher.iv"));
    }
    let ciphertext = bytes(top, "ciphertext", "ciphertext")?;
    if ciphertext.len() < TAG_BYTES {
        return Err(damaged("ciphertext"));
    }
    Ok(EncryptedEnvelope {
        kdf: Kdf {
            name: kdf_name,
            // Checked against MAX_PBKDF2_ITERATIONS above, which fits in u32.
            iterations: iterations as u32,
            salt,
        },
        cipher: Cipher {
            name: cipher_name,
            iv,
        },
        ciphertext,
    })
}

/// Why one record was skipped.
#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    /// The record is not a JSON object.
    NotAnObject,
    /// A required field is missing.
    Missing {
        /// The field.
        field: &'static str,
        /// A field of the record named one or two letters off it (`"stauts"`), as written:
        /// probably the field, misspelt.
        written: Option<String>,
    },
    /// A field has the wrong kind of value (text for a number, a fraction or a huge number for a
    /// revision, an unknown status…).
    WrongType {
        /// The field.
        field: &'static str,
    },
    /// A record-level invariant (id, revision, timestamp, date, tombstone…).
    Record(RecordIssue),
    /// An answer that does not fit the questionnaire.
    Answer(AnswerIssue),
    /// The questionnaire named is neither in the file nor known to this app.
    UnknownQuestionnaire(QuestionnaireRef),
    /// The questionnaire named is in the file but its definition is broken.
    BrokenQuestionnaire(QuestionnaireRef),
    /// A problem in a questionnaire definition.
    Definition(DefinitionIssue),
}

impl SkipReason {
    /// The reason in plain words.
    pub fn message(&self, lang: Lang) -> String {
        self.message_labelled(lang, &|_| None)
    }

    /// As [`SkipReason::message`], naming an answer's question by `label` of its item id where
    /// that gives one (the import log: a coordinator can point a worker to a question, not to
    /// an item id).
    pub fn message_labelled(&self, lang: Lang, label: &dyn Fn(&str) -> Option<String>) -> String {
        let nl = lang == Lang::Nl;
        match self {
            SkipReason::NotAnObject => pick(
                nl,
                "het is geen record maar een losse waarde",
                "it is not a record but a loose value",
            )
            .into(),
            SkipReason::Missing {
                field,
                written: None,
            } => {
                if nl {
                    format!("het veld “{field}” ontbreekt")
                } else {
                    format!("the field “{field}” is missing")
                }
            }
            SkipReason::Missing {
                field,
                written: Some(written),
            } => {
                if nl {
                    format!(
                        "het veld “{field}” ontbreekt; er staat wel een veld “{written}”, \
                         waarschijnlijk een tikfout daarvoor"
                    )
                } else {
                    format!(
                        "the field “{field}” is missing; there is a field “{written}”, \
                         probably a typo for it"
                    )
                }
            }
            SkipReason::WrongType { field } => {
                let (nl_what, en_what) = match *field {
                    "revision" => (
                        "een heel getal van 1 of meer",
                        "a whole number of 1 or more",
                    ),
                    "status" => (
                        "concept, compleet of ingetrokken",
                        "draft, complete or withdrawn",
                    ),
                    "questionnaire" => (
                        "een vragenlijst met code en versienummer",
                        "a questionnaire with id and version",
                    ),
                    "attendance" => (
                        "per organisatie een heel getal van 0 of meer",
                        "a whole number of 0 or more per organisation",
                    ),
                    "answers" | "notes" => (
                        "een lijst met namen en waarden",
                        "a list of names and values",
                    ),
                    "actions" => (
                        "een lijst van acties, elk met een tekst en “scope” general of local",
                        "a list of actions, each with a text and “scope” general or local",
                    ),
                    "cases" => (
                        "een lijst van casussen, elk met “summary” en “learning”",
                        "a list of cases, each with “summary” and “learning”",
                    ),
                    "strengths" | "concerns" => ("een lijst van teksten", "a list of texts"),
                    _ => ("tekst", "text"),
                };
                if nl {
                    format!("het veld “{field}” moet {nl_what} zijn")
                } else {
                    format!("the field “{field}” must be {en_what}")
                }
            }
            SkipReason::Record(issue) => issue.message(lang),
            // An item its questionnaire does not have is named by its id alone (a question of
            // that id elsewhere is not the one meant).
            SkipReason::Answer(issue) => match (
                (issue.problem != AnswerProblem::UnknownItem)
                    .then(|| label(&issue.item))
                    .flatten(),
                nl,
            ) {
                (Some(question), true) => format!(
                    "antwoord op de vraag “{}” ({}): {}",
                    question,
                    issue.item,
                    issue.finding(lang)
                ),
                (Some(question), false) => format!(
                    "answer to the question “{}” ({}): {}",
                    question,
                    issue.item,
                    issue.finding(lang)
                ),
                (None, true) => format!("antwoord op “{}”: {}", issue.item, issue.finding(lang)),
                (None, false) => format!("answer to “{}”: {}", issue.item, issue.finding(lang)),
            },
            SkipReason::UnknownQuestionnaire(r) => {
                if nl {
                    format!(
                        "de vragenlijst “{}” versie {} staat niet in het bestand en is onbekend",
                        r.id, r.version
                    )
                } else {
                    format!(
                        "the questionnaire “{}” version {} is not in the file and is unknown",
                        r.id, r.version
                    )
                }
            }
            SkipReason::BrokenQuestionnaire(r) => {
                if nl {
                    format!(
                        "de vragenlijst “{}” versie {} in het bestand is beschadigd",
                        r.id, r.version
                    )
                } else {
                    format!(
                        "the questionnaire “{}” version {} in the file is damaged",
                        r.id, r.version
                    )
                }
            }
            SkipReason::Definition(issue) => issue.message(lang),
        }
    }
}

/// A record left out of an import, with every reason found.
#[derive(Clone, Debug, PartialEq)]
pub struct SkippedRecord {
    /// Questionnaire, response or meeting.
    pub kind: RecordKind,
    /// Its position in its list in the file, from 0.
    pub index: usize,
    /// Its id when it has a readable one (for a questionnaire, its id).
    pub id: Option<String>,
    /// Every problem found, in field order.
    pub reasons: Vec<SkipReason>,
}

impl SkippedRecord {
    /// A line for the import log: which record (by position, from 1) and why.
    pub fn message(&self, lang: Lang) -> String {
        self.message_labelled(lang, &|_| None)
    }

    /// As [`SkippedRecord::message`], naming answers' questions by `label` (see
    /// [`SkipReason::message_labelled`]).
    pub fn message_labelled(&self, lang: Lang, label: &dyn Fn(&str) -> Option<String>) -> String {
        let kind = self.kind.name(lang);
        let id = self
            .id
            .as_deref()
            .map(|id| format!(" ({})", short(id)))
            .unwrap_or_default();
        let reasons = self
            .reasons
            .iter()
            .map(|r| {
                r.message_labelled(lang, label)
                    .trim_end_matches('.')
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("; ");
        let n = self.index + 1;
        let line = match lang {
            Lang::Nl => format!("{kind} nr. {n}{id} overgeslagen: {reasons}."),
            Lang::En => format!("{kind} no. {n}{id} skipped: {reasons}."),
        };
        capitalised(&line)
    }
}

/// The line with its first letter in upper case ("enquête nr. 1 …" → "Enquête nr. 1 …").
fn capitalised(line: &str) -> String {
    let mut chars = line.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Two records with the same key inside one file; the merge rule chose one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateInFile {
    /// Questionnaire, response or meeting.
    pub kind: RecordKind,
    /// The shared id.
    pub id: String,
    /// The questionnaire version, for definitions.
    pub version: Option<u32>,
    /// Position (from 0) of the version kept.
    pub kept_index: usize,
    /// Position (from 0) of the version dropped.
    pub dropped_index: usize,
    /// True when both had the same revision but different content (a real conflict); false for
    /// an exact copy or an older revision.
    pub conflict: bool,
}

impl DuplicateInFile {
    /// A line for the import log.
    pub fn message(&self, lang: Lang) -> String {
        let kind = self.kind.name(lang);
        let (kept, dropped) = (self.kept_index + 1, self.dropped_index + 1);
        let id = short(&self.id);
        capitalised(&match (lang, self.conflict) {
            (Lang::Nl, true) => format!(
                "{kind} {id} staat twee keer in het bestand met verschillende inhoud (nr. {kept} \
                 en {dropped}); nr. {kept} is aangehouden."
            ),
            (Lang::Nl, false) => format!(
                "{kind} {id} staat twee keer in het bestand (nr. {kept} en {dropped}); nr. \
                 {kept} is aangehouden."
            ),
            (Lang::En, true) => format!(
                "{kind} {id} is in the file twice with different content (no. {kept} and \
                 {dropped}); no. {kept} was kept."
            ),
            (Lang::En, false) => format!(
                "{kind} {id} is in the file twice (no. {kept} and {dropped}); no. {kept} was kept."
            ),
        })
    }
}

/// A file's records after record-level checks: what can be merged, and what was left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValidatedFile {
    /// The valid records, one per key, in key order.
    pub contents: ExportContents,
    /// Records left out, in file order per kind (questionnaires, responses, meetings).
    pub skipped: Vec<SkippedRecord>,
    /// Keys that occurred more than once in the file, in key order.
    pub duplicates: Vec<DuplicateInFile>,
    /// The file's own text of its responses, when it holds exactly `contents.responses`: every
    /// response read typed, kept, and unchanged by the checks (no id lower-cased, no answer
    /// dropped). Stored instead of writing the responses anew ([`encode_stored`]).
    pub responses_text: Option<String>,
    /// Answers left out of the file's complete responses because another answer hid their
    /// question.
    pub hidden_answers_dropped: HiddenAnswersDropped,
    /// Required questions left unanswered in the file's complete responses (kept so: the
    /// worker's app checks completeness before completing, and a record is not lost for it).
    pub required_missing: RequiredMissing,
}

/// Required questions a complete response left unanswered (a file from another tool, or a
/// version of the app whose definition differed): the response is kept and counted without
/// those answers, and the file's log says so, so that a grade's n below the report's n is
/// explained.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RequiredMissing {
    /// Responses with such a gap.
    pub responses: usize,
    /// The unanswered required questions, together.
    pub answers: usize,
}

impl RequiredMissing {
    /// The log's line, when anything is missing.
    pub fn message(&self, lang: Lang) -> Option<String> {
        let (a, r) = (self.answers, self.responses);
        (a > 0).then(|| match (lang, r == 1, a == 1) {
            (Lang::Nl, true, true) => "1 afgeronde enquête zonder antwoord op 1 verplichte vraag: die telt mee, zonder dat antwoord.".to_string(),
            (Lang::Nl, true, false) => format!("1 afgeronde enquête zonder antwoord op {a} verplichte vragen: die telt mee, zonder die antwoorden."),
            (Lang::Nl, false, _) => format!("{r} afgeronde enquêtes zonder antwoord op verplichte vragen ({a} samen): ze tellen mee, zonder die antwoorden."),
            (Lang::En, true, true) => "1 completed response without an answer to 1 required question: it counts, without that answer.".to_string(),
            (Lang::En, true, false) => format!("1 completed response without answers to {a} required questions: it counts, without those answers."),
            (Lang::En, false, _) => format!("{r} completed responses without answers to required questions ({a} in all): they count, without those answers."),
        })
    }
}

/// Answers of complete responses to questions another answer hid (a `show_if` that does not
/// hold): left out on import, as completing in the app leaves them out (design §2: "neither
/// required nor scored"), and said in the file's log so the coordinator knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HiddenAnswersDropped {
    /// Responses that had such answers.
    pub responses: usize,
    /// The answers left out, together.
    pub answers: usize,
}

impl HiddenAnswersDropped {
    /// The log's line, when anything was left out.
    pub fn message(&self, lang: Lang) -> Option<String> {
        let (a, r) = (self.answers, self.responses);
        (a > 0).then(|| match (lang, a == 1) {
            (Lang::Nl, true) => "1 antwoord in 1 enquête weggelaten: het hoort bij een vraag die door een ander antwoord niet van toepassing was, zoals afronden in de app het ook weglaat.".to_string(),
            (Lang::Nl, false) => format!(
                "{a} antwoorden in {r} {} weggelaten: ze horen bij vragen die door een ander antwoord niet van toepassing waren, zoals afronden in de app ze ook weglaat.",
                if r == 1 { "enquête" } else { "enquêtes" },
            ),
            (Lang::En, true) => "1 answer in 1 response left out: it belongs to a question another answer made not applicable, as completing in the app leaves it out too.".to_string(),
            (Lang::En, false) => format!(
                "{a} answers in {r} {} left out: they belong to questions another answer made not applicable, as completing in the app leaves them out too.",
                if r == 1 { "response" } else { "responses" },
            ),
        })
    }
}

/// The counts one line of the import log shows (design §3: new, updated, unchanged,
/// conflicting, skipped), for responses and meetings together; definitions are not counted.
/// Each record of the file is in one count: a record in conflict with the dataset counts as
/// conflicting only (the log's details say which version was kept), so the counts add up to the
/// records in the file, less copies inside it that lost to another copy by revision or were
/// identical to it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ImportSummary {
    /// Records the dataset did not have.
    pub new: usize,
    /// Records that replaced an older version.
    pub updated: usize,
    /// Records the dataset already had in this or a newer version.
    pub unchanged: usize,
    /// Equal-revision pairs with different content: against the dataset, or inside the file.
    pub conflicting: usize,
    /// Records left out for a problem (questionnaire definitions included).
    pub skipped: usize,
}

impl ImportSummary {
    /// Combines what [`validate`] left out with what the merge did.
    pub fn new(file: &ValidatedFile, merge: &super::merge::MergeReport) -> ImportSummary {
        let records = merge.record_counts();
        let is_record = |k: RecordKind| k != RecordKind::Questionnaire;
        // The merge counts a conflict as updated (the incoming version won) or unchanged.
        let (won, lost) =
            merge
                .conflicts
                .iter()
                .filter(|c| is_record(c.kind))
                .fold((0, 0), |(won, lost), c| {
                    if c.incoming_won {
                        (won + 1, lost)
                    } else {
                        (won, lost + 1)
                    }
                });
        // A copy inside the file that the rule dropped (an exact copy or an older revision) is
        // unchanged as well: the dataset took the other. So every record is in one count.
        let dropped_copies = file
            .duplicates
            .iter()
            .filter(|d| !d.conflict && is_record(d.kind))
            .count();
        ImportSummary {
            new: records.new,
            updated: records.updated - won,
            unchanged: records.unchanged - lost + dropped_copies,
            conflicting: won
                + lost
                + file
                    .duplicates
                    .iter()
                    .filter(|d| d.conflict && is_record(d.kind))
                    .count(),
            skipped: file.skipped.len(),
        }
    }

    /// The line for the import log, e.g. "3 nieuw, 1 bijgewerkt, 0 ongewijzigd, 0 in conflict,
    /// 2 overgeslagen".
    pub fn message(&self, lang: Lang) -> String {
        let [new, updated, unchanged, conflicting, skipped] = [
            self.new,
            self.updated,
            self.unchanged,
            self.conflicting,
            self.skipped,
        ]
        .map(|n| super::format::format_count(n, lang));
        match lang {
            Lang::Nl => format!(
                "{new} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd, {conflicting} in conflict, {skipped} overgeslagen"
            ),
            Lang::En => format!(
                "{new} new, {updated} updated, {unchanged} unchanged, {conflicting} conflicting, {skipped} skipped"
            ),
        }
    }
}

/// Checks every record of a decoded file, collecting every problem. Each response or meeting is
/// checked against its questionnaire, looked up in the file's own definitions first, then in
/// `known` (the definitions the app already holds), then the built-in default. A definition in the
/// file that is broken is skipped, and so is every record that names it. Records sharing an id
/// are settled by the merge rule ([`resolve`]) and reported in [`ValidatedFile::duplicates`].
pub fn validate(
    raw: RawExport,
    known: &BTreeMap<QuestionnaireRef, Questionnaire>,
) -> ValidatedFile {
    let mut out = ValidatedFile::default();

    // Definitions first: records are checked against them.
    let mut own: BTreeMap<QuestionnaireRef, (usize, Questionnaire)> = BTreeMap::new();
    let mut broken: BTreeSet<QuestionnaireRef> = BTreeSet::new();
    for (index, definition) in raw.questionnaires.into_iter().enumerate() {
        let (reference, read) = match definition {
            RawDefinition::Read(q) => (None, Ok(q)),
            RawDefinition::Json(value) => (
                raw_questionnaire_ref(&value),
                Questionnaire::from_value(value),
            ),
        };
        match read {
            Ok(q) => match own.entry(q.reference()) {
                Entry::Vacant(slot) => {
                    slot.insert((index, q));
                }
                Entry::Occupied(mut slot) => {
                    let resolution = resolve_questionnaire(&slot.get().1, &q);
                    let held_index = slot.get().0;
                    let incoming_wins = resolution.incoming_wins();
                    out.duplicates.push(DuplicateInFile {
                        kind: RecordKind::Questionnaire,
                        id: q.id().to_string(),
                        version: Some(q.version()),
                        kept_index: if incoming_wins { index } else { held_index },
                        dropped_index: if incoming_wins { held_index } else { index },
                        conflict: matches!(resolution, Resolution::Conflict { .. }),
                    });
                    // Of two different copies the stricter smallest group holds, as between
                    // files (merge::merge_into).
                    let strictest = slot.get().1.min_group_size().max(q.min_group_size());
                    let conflict = matches!(resolution, Resolution::Conflict { .. });
                    if incoming_wins {
                        slot.insert((index, q));
                    }
                    if conflict {
                        slot.get_mut().1.keep_min_group_size(strictest);
                    }
                }
            },
            Err(issues) => {
                if let Some(r) = &reference {
                    broken.insert(r.clone());
                }
                out.skipped.push(SkippedRecord {
                    kind: RecordKind::Questionnaire,
                    index,
                    id: reference.map(|r| r.id),
                    reasons: issues.into_iter().map(SkipReason::Definition).collect(),
                });
            }
        }
    }
    // A reference that has both a valid and a broken definition in the file keeps the valid one.
    broken.retain(|r| !own.contains_key(r));

    // A definition of the file's own first. A broken copy of the built-in definition (written by
    // a stricter or looser tool) does not take its records with it: they are checked against the
    // built-in one and kept when they fit. Any other broken definition skips its records, also
    // when an earlier file brought a sound one: what is known depends on the order of import,
    // and the same files in any order must give the same dataset (design §3).
    let lookup = |r: &QuestionnaireRef| -> Result<&Questionnaire, SkipReason> {
        if let Some((_, q)) = own.get(r) {
            Ok(q)
        } else if *r == builtin().reference() && broken.contains(r) {
            Ok(builtin())
        } else if broken.contains(r) {
            Err(SkipReason::BrokenQuestionnaire(r.clone()))
        } else if let Some(q) = known.get(r) {
            Ok(q)
        } else if *r == builtin().reference() {
            Ok(builtin())
        } else {
            Err(SkipReason::UnknownQuestionnaire(r.clone()))
        }
    };

    // One prepared questionnaire per definition the responses use (usually one).
    let mut scorers: Vec<Scorer> = Vec::new();
    let mut responses = Vec::with_capacity(raw.responses.len());
    // Whether the file's text of its responses still holds exactly what is kept.
    let mut as_read = raw.responses_text.is_some();
    for (index, value) in raw.responses.into_iter().enumerate() {
        match read_response(value, &lookup, &mut scorers) {
            Ok(checked) => {
                as_read &= !checked.changed;
                if checked.hidden_dropped > 0 {
                    out.hidden_answers_dropped.responses += 1;
                    out.hidden_answers_dropped.answers += checked.hidden_dropped;
                }
                if checked.required_missing > 0 {
                    out.required_missing.responses += 1;
                    out.required_missing.answers += checked.required_missing;
                }
                responses.push((index, checked.response));
            }
            Err((id, reasons)) => {
                as_read = false;
                out.skipped.push(SkippedRecord {
                    kind: RecordKind::Response,
                    index,
                    id,
                    reasons,
                });
            }
        }
    }
    let mut meetings = Vec::with_capacity(raw.meetings.len());
    for (index, value) in raw.meetings.into_iter().enumerate() {
        match read_meeting(value, &lookup) {
            Ok(m) => meetings.push((index, m)),
            Err((id, reasons)) => out.skipped.push(SkippedRecord {
                kind: RecordKind::Meeting,
                index,
                id,
                reasons,
            }),
        }
    }

    out.contents.questionnaires = own.into_values().map(|(_, q)| q).collect();
    out.contents.responses = dedupe(responses, RecordKind::Response, &mut out.duplicates);
    if as_read
        && out
            .duplicates
            .iter()
            .all(|d| d.kind != RecordKind::Response)
    {
        out.responses_text = raw.responses_text;
    }
    out.contents.meetings = dedupe(meetings, RecordKind::Meeting, &mut out.duplicates);
    sorting::sort_by(&mut out.duplicates, |a, b| {
        (a.kind, &a.id, a.version, a.kept_index, a.dropped_index).cmp(&(
            b.kind,
            &b.id,
            b.version,
            b.kept_index,
            b.dropped_index,
        ))
    });
    out
}

/// Keeps one record per id by the merge rule; reports every pair that met.
fn dedupe<R: Revisioned>(
    records: Vec<(usize, R)>,
    kind: RecordKind,
    duplicates: &mut Vec<DuplicateInFile>,
) -> Vec<R> {
    let mut by_id: BTreeMap<String, (usize, R)> = BTreeMap::new();
    for (index, record) in records {
        match by_id.entry(record.id().to_string()) {
            Entry::Vacant(slot) => {
                slot.insert((index, record));
            }
            Entry::Occupied(mut slot) => {
                let held_index = slot.get().0;
                let resolution = resolve(&slot.get().1, &record);
                let incoming_wins = resolution.incoming_wins();
                duplicates.push(DuplicateInFile {
                    kind,
                    id: record.id().to_string(),
                    version: None,
                    kept_index: if incoming_wins { index } else { held_index },
                    dropped_index: if incoming_wins { held_index } else { index },
                    conflict: matches!(resolution, Resolution::Conflict { .. }),
                });
                if incoming_wins {
                    slot.insert((index, record));
                }
            }
        }
    }
    by_id.into_values().map(|(_, r)| r).collect()
}

/// A whole number of 0 or more, also when written with a fraction (see [`whole_number`]).
fn whole_u64(value: &Value) -> Option<u64> {
    let mut value = value.clone();
    whole_number(&mut value);
    value.as_u64()
}

fn raw_questionnaire_ref(value: &Value) -> Option<QuestionnaireRef> {
    let id = value.get("id")?.as_str()?.to_string();
    let version = u32::try_from(whole_u64(value.get("version")?)?).ok()?;
    Some(QuestionnaireRef { id, version })
}

type RecordError = (Option<String>, Vec<SkipReason>);

/// Reads the fields of one record, collecting a reason for every field that is missing or of the
/// wrong type instead of stopping at the first.
struct FieldReader {
    map: Map<String, Value>,
    reasons: Vec<SkipReason>,
}

impl FieldReader {
    fn new(value: Value) -> Result<FieldReader, RecordError> {
        match value {
            Value::Object(mut map) => {
                // Whole numbers written with a fraction are read as whole numbers.
                for (key, inner) in [("revision", None), ("questionnaire", Some("version"))] {
                    let field = map.get_mut(key);
                    let field = match inner {
                        None => field,
                        Some(inner) => field.and_then(|v| v.get_mut(inner)),
                    };
                    if let Some(v) = field {
                        whole_number(v);
                    }
                }
                if let Some(Value::Object(counts)) = map.get_mut("attendance") {
                    counts.values_mut().for_each(whole_number);
                }
                Ok(FieldReader {
                    map,
                    reasons: Vec::new(),
                })
            }
            _ => Err((None, vec![SkipReason::NotAnObject])),
        }
    }

    /// The record id as text, for the log, whatever else is wrong.
    fn id_text(&self) -> Option<String> {
        self.map.get("id").and_then(Value::as_str).map(short)
    }

    fn required<T: DeserializeOwned>(&mut self, field: &'static str) -> Option<T> {
        match self.map.remove(field) {
            None | Some(Value::Null) => {
                let written = self
                    .map
                    .keys()
                    .find(|key| super::questionnaire::meant_field(key, &[field]).is_some())
                    .map(|key| short(key));
                self.reasons.push(SkipReason::Missing { field, written });
                None
            }
            Some(v) => self.parse(field, v),
        }
    }

    fn optional<T: DeserializeOwned + Default>(&mut self, field: &'static str) -> Option<T> {
        match self.map.remove(field) {
            None | Some(Value::Null) => Some(T::default()),
            Some(v) => self.parse(field, v),
        }
    }

    /// The `answers` object, taken over as it is (it is already a map in key order): no
    /// second map is built for the hundreds of thousands of answers of a large import.
    fn answers(&mut self) -> Option<Answers> {
        match self.map.remove("answers") {
            None | Some(Value::Null) => Some(Answers::new()),
            Some(Value::Object(map)) => Some(
                map.into_iter()
                    .map(|(k, v)| (super::response::item_id(&k), v))
                    .collect(),
            ),
            Some(_) => {
                self.reasons
                    .push(SkipReason::WrongType { field: "answers" });
                None
            }
        }
    }

    fn parse<T: DeserializeOwned>(&mut self, field: &'static str, v: Value) -> Option<T> {
        match T::deserialize(v) {
            Ok(x) => Some(x),
            Err(_) => {
                self.reasons.push(SkipReason::WrongType { field });
                None
            }
        }
    }
}

/// The fields every record has, read and checked one by one.
struct Common {
    id: Option<String>,
    questionnaire: Option<QuestionnaireRef>,
    revision: Option<u64>,
    updated_at: Option<String>,
    status: Option<Status>,
}

fn read_common(f: &mut FieldReader) -> Common {
    // RFC 4122: a UUID is written in lower case and read in either; the same id in upper case
    // is the same record, so it is kept in the one form merging compares.
    Common {
        id: f.required::<String>("id").map(lower_case_uuid),
        questionnaire: f.required("questionnaire"),
        revision: f.required("revision"),
        updated_at: f.required("updated_at"),
        status: f.required("status"),
    }
}

/// A withdrawn record is read without a `questionnaire`: a tombstone carries no answers to read
/// with a definition, and refusing it would keep the withdrawn answers in every report.
fn unnamed_tombstone(mut c: Common) -> Common {
    if c.questionnaire.is_none() && c.status == Some(Status::Withdrawn) {
        c.questionnaire = Some(QuestionnaireRef::default());
    }
    c
}

/// A tombstone's reference without an id is the one unnamed reference (whatever version it
/// was written with: it is written out without one), and whether that changed it.
fn one_unnamed(status: Status, reference: &mut QuestionnaireRef) -> bool {
    let stray = status == Status::Withdrawn
        && reference.is_unnamed()
        && *reference != QuestionnaireRef::default();
    if stray {
        *reference = QuestionnaireRef::default();
    }
    stray
}

/// RFC 4122: a UUID is written in lower case and read in either; the same id in upper case is
/// the same record, so it is kept in the one form merging compares.
fn lower_case_uuid(id: String) -> String {
    if id.bytes().any(|b| b.is_ascii_uppercase()) && is_uuid_v4(&id.to_ascii_lowercase()) {
        id.to_ascii_lowercase()
    } else {
        id
    }
}

/// A readable `updated_at` rewritten in the one form design §2 names, RFC 3339 in UTC
/// (`…T10:00:00Z`), and whether that changed it. The same moment written another way
/// (`…10:00:00.000Z`, `…11:00:00+01:00`) is the same content: two copies of one record that
/// differ only so are not a conflict, and merge, store and export alike. An unreadable one is
/// left for the record's own check to refuse.
fn utc_form(updated_at: &mut String) -> bool {
    // The app's own clock writes the one form already: a few byte tests, not a parse and a
    // format, for each of 100,000 records (the record's check parses it anyway).
    if in_utc_form(updated_at) {
        return false;
    }
    match Timestamp::parse(updated_at).map(|t| t.to_utc_string()) {
        // Only when the UTC form is itself a readable time: "0000-01-01T00:30:00+01:00" is a
        // moment in year -1, kept as written.
        Some(utc) if utc != *updated_at && Timestamp::parse(&utc).is_some() => {
            *updated_at = utc;
            true
        }
        _ => false,
    }
}

/// True when a time is written as [`Timestamp::to_utc_string`] writes it, judged by its shape
/// only (`T`, `Z`, no offset, a fraction of at least three digits without a trailing zero, or
/// exactly three): whether its digits make a date is the record's check.
fn in_utc_form(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || b[10] != b'T' || b[b.len() - 1] != b'Z' {
        return false;
    }
    match &b[19..b.len() - 1] {
        [] => true,
        [b'.', fraction @ ..] => {
            fraction.len() >= 3
                && fraction.iter().all(u8::is_ascii_digit)
                && if fraction.len() == 3 {
                    fraction != b"000"
                } else {
                    fraction.last() != Some(&b'0')
                }
        }
        _ => false,
    }
}

/// The record-level checks of the common fields that did parse, for a record that cannot be
/// built (when it can, `Response::check` / `Meeting::check` do this).
fn partial_checks(c: &Common) -> Vec<SkipReason> {
    let mut reasons = Vec::new();
    if c.id.as_deref().is_some_and(|id| !is_uuid_v4(id)) {
        reasons.push(SkipReason::Record(RecordIssue::BadId));
    }
    if c.revision == Some(0) {
        reasons.push(SkipReason::Record(RecordIssue::RevisionZero));
    }
    if c.updated_at
        .as_deref()
        .is_some_and(|t| Timestamp::parse(t).is_none())
    {
        reasons.push(SkipReason::Record(RecordIssue::BadTimestamp));
    }
    reasons
}

/// A response read and checked, and whether the checks changed it (always, for one read as a
/// JSON value: its text is not kept).
fn read_response<'q>(
    raw: RawResponse,
    lookup: &impl Fn(&QuestionnaireRef) -> Result<&'q Questionnaire, SkipReason>,
    scorers: &mut Vec<Scorer<'q>>,
) -> Result<Checked, RecordError> {
    let value = match raw {
        RawResponse::Typed(mut response) => {
            let id_text = Some(short(&response.id));
            let upper = response.id.bytes().any(|b| b.is_ascii_uppercase());
            response.id = lower_case_uuid(response.id);
            return check_response(response, id_text, lookup, scorers).map(|mut c| {
                c.changed |= upper;
                c
            });
        }
        RawResponse::Json(value) => value,
    };
    let mut f = FieldReader::new(value)?;
    let id_text = f.id_text();
    let c = read_common(&mut f);
    let answers = f.answers();
    let c = unnamed_tombstone(c);
    let (
        Some(id),
        Some(questionnaire),
        Some(revision),
        Some(updated_at),
        Some(status),
        Some(answers),
    ) = (
        c.id.clone(),
        c.questionnaire.clone(),
        c.revision,
        c.updated_at.clone(),
        c.status,
        answers,
    )
    else {
        let mut reasons = f.reasons;
        reasons.extend(partial_checks(&c));
        return Err((id_text, reasons));
    };
    let response = Response {
        id,
        questionnaire,
        revision,
        updated_at,
        status,
        answers,
    };
    check_response(response, id_text, lookup, scorers).map(|c| Checked { changed: true, ..c })
}

/// A response that passed its checks.
struct Checked {
    response: Response,
    /// Whether the checks changed it (dropped answers, wrote a time in UTC…).
    changed: bool,
    /// Answers of a complete response to items hidden by another answer, dropped.
    hidden_dropped: usize,
    /// Required items a complete response left unanswered.
    required_missing: usize,
}

/// The record-level checks of a response that was read whole, and whether they changed it
/// (dropped answers); `id_text` is its id as the file wrote it, for the log.
fn check_response<'q>(
    mut response: Response,
    id_text: Option<String>,
    lookup: &impl Fn(&QuestionnaireRef) -> Result<&'q Questionnaire, SkipReason>,
    scorers: &mut Vec<Scorer<'q>>,
) -> Result<Checked, RecordError> {
    let mut changed = utc_form(&mut response.updated_at);
    let mut hidden_dropped = 0;
    let mut required_missing = 0;
    changed |= one_unnamed(response.status, &mut response.questionnaire);
    // A tombstone wins whatever it still carries: answers left on it are dropped, never a
    // reason to refuse it (refusing it would keep the withdrawn answers in every report).
    if response.status == Status::Withdrawn && !response.answers.is_empty() {
        response.answers.clear();
        changed = true;
    }
    let mut reasons: Vec<SkipReason> = response
        .check()
        .into_iter()
        .map(SkipReason::Record)
        .collect();
    // A tombstone needs no definition: it has no answers to check, and one unknown here must
    // not keep the withdrawn answers in the report.
    let definition =
        (response.status != Status::Withdrawn).then(|| lookup(&response.questionnaire));
    match definition {
        None => {}
        // Every answer given must be valid for its item. Completeness is the worker's app's
        // check before completing, not a reason to lose a record here (design §2: a hidden
        // item's answer is "neither required nor scored"): a required answer missing counts
        // as not given, and answers to hidden items are dropped, as completing in the app does.
        Some(Ok(q)) => {
            // One pass of the full check (visibility is worked out once), of which missing
            // answers are no reason and answers to hidden items are the ones to drop.
            let mut hidden = Vec::new();
            let at = match scorers
                .iter()
                .position(|s| std::ptr::eq(s.questionnaire(), q))
            {
                Some(at) => at,
                None => {
                    scorers.push(Scorer::new(q));
                    scorers.len() - 1
                }
            };
            // `null` for an item other than a statement (where it is "not applicable") is
            // taken as no answer, as many tools write what was not answered: dropped, not a
            // reason to lose the record.
            let mut nulls = Vec::new();
            for issue in validate_answers_with(&scorers[at], &response.answers, Mode::Complete) {
                match issue.problem {
                    AnswerProblem::Missing => {
                        required_missing += usize::from(response.status == Status::Complete)
                    }
                    AnswerProblem::AnsweredWhileHidden => hidden.push(issue.item),
                    AnswerProblem::WrongKind { .. }
                        if response.answers.get(&issue.item) == Some(&Value::Null) =>
                    {
                        // A required answer written as null is missing too (another tool's
                        // way of leaving it out).
                        if response.status == Status::Complete
                            && q.item(&issue.item).is_some_and(|item| item.required)
                        {
                            required_missing += 1;
                        }
                        nulls.push(issue.item)
                    }
                    _ => reasons.push(SkipReason::Answer(issue)),
                }
            }
            if !nulls.is_empty() {
                for item in nulls {
                    response.answers.remove(&item);
                }
                changed = true;
            }
            // A grade, statement or number written with a fraction (`8.0`, `2.5e1`) that is a
            // whole number is kept as that whole number, so that it compares, merges and
            // exports as 8 and 25: JSON does not tell 8 from 8.0, and two copies of one record
            // written by different tools are the same content.
            for (key, value) in response.answers.iter_mut() {
                if value.is_f64()
                    && value.as_f64().is_some_and(|x| x.fract() == 0.0)
                    && q.item(key).is_some_and(|item| {
                        matches!(
                            item.kind,
                            ItemKind::Grade { .. }
                                | ItemKind::Likert { .. }
                                | ItemKind::Number { .. }
                        )
                    })
                {
                    whole_number(value);
                    changed |= !value.is_f64();
                }
            }
            // A draft keeps them, as the worker's app does while filling in.
            if response.status == Status::Complete && !hidden.is_empty() {
                hidden_dropped = hidden.len();
                for item in hidden {
                    response.answers.remove(&item);
                }
                changed = true;
            }
        }
        Some(Err(reason)) => reasons.push(reason),
    }
    if reasons.is_empty() {
        Ok(Checked {
            response,
            changed,
            hidden_dropped,
            required_missing,
        })
    } else {
        Err((id_text, reasons))
    }
}

fn read_meeting<'q>(
    value: Value,
    lookup: &impl Fn(&QuestionnaireRef) -> Result<&'q Questionnaire, SkipReason>,
) -> Result<Meeting, RecordError> {
    let mut f = FieldReader::new(value)?;
    let id_text = f.id_text();
    let c = unnamed_tombstone(read_common(&mut f));
    let municipality: Option<String> = f.optional("municipality");
    let date: Option<String> = f.optional("date");
    let attendance: Option<BTreeMap<String, u32>> = f.optional("attendance");
    // A question left open may be written as `null` by another tool: no note.
    let notes: Option<BTreeMap<String, String>> = f
        .optional::<BTreeMap<String, Option<String>>>("notes")
        .map(|notes| {
            notes
                .into_iter()
                .filter_map(|(k, v)| Some((k, v?)))
                .collect()
        });
    let cases: Option<Vec<MeetingCase>> = f.optional("cases");
    let actions: Option<Vec<MeetingAction>> = f.optional("actions");
    let strengths: Option<Vec<String>> = f.optional("strengths");
    let concerns: Option<Vec<String>> = f.optional("concerns");
    let built = (|| {
        Some(Meeting {
            id: c.id.clone()?,
            revision: c.revision?,
            updated_at: c.updated_at.clone()?,
            status: c.status?,
            questionnaire: c.questionnaire.clone()?,
            municipality: municipality?,
            date: date?,
            attendance: attendance?,
            notes: notes?,
            cases: cases?,
            actions: actions?,
            strengths: strengths?,
            concerns: concerns?,
        })
    })();
    let Some(mut meeting) = built else {
        let mut reasons = f.reasons;
        reasons.extend(partial_checks(&c));
        return Err((id_text, reasons));
    };
    utc_form(&mut meeting.updated_at);
    one_unnamed(meeting.status, &mut meeting.questionnaire);
    // A tombstone wins whatever it still carries: what it carries is dropped, never refused
    // (refusing it would keep the withdrawn meeting in every report).
    if meeting.status == Status::Withdrawn {
        meeting.clear_content();
    }
    // A note to a question the definition does not list is kept: it is the facilitator's own
    // text, which nothing has to interpret (the synthesis lists it after the asked questions,
    // under its key). Only the definition itself must be known.
    // A tombstone needs no definition (as for responses).
    let definition = (meeting.status != Status::Withdrawn).then(|| lookup(&meeting.questionnaire));
    let options = match &definition {
        Some(Ok(q)) => meeting.check_options(q),
        _ => Vec::new(),
    };
    let reasons: Vec<SkipReason> = meeting
        .check()
        .into_iter()
        .chain(options)
        .map(SkipReason::Record)
        .chain(definition.and_then(Result::err))
        .collect();
    if reasons.is_empty() {
        Ok(meeting)
    } else {
        Err((id_text, reasons))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_time_judged_in_utc_form_by_its_shape_is_written_so() {
        // The shape test skips the rewrite: it must never say yes to a text the rewrite would
        // change.
        for text in [
            "2026-11-20T09:12:00Z",
            "2026-11-20T09:12:00.120Z",
            "2026-11-20T09:12:00.100Z",
            "2026-11-20T09:12:00.000Z",
            "2026-11-20T09:12:00.12Z",
            "2026-11-20T09:12:00.1234Z",
            "2026-11-20T09:12:00.12340Z",
            "2026-11-20T09:12:00+00:00",
            "2026-11-20t09:12:00z",
            "2026-11-20T09:12:00.5Z",
        ] {
            let utc = Timestamp::parse(text).unwrap().to_utc_string();
            if in_utc_form(text) {
                assert_eq!(utc, text);
            }
            assert!(in_utc_form(&utc), "{utc}");
        }
        assert!(
            in_utc_form("2026-11-20T09:12:00.120Z") && !in_utc_form("2026-11-20T09:12:00.000Z")
        );
    }

    #[test]
    fn nesting_is_counted_outside_strings_only() {
        assert!(scan_structure(br#"[[["]]]]]]["]]]"#, 3).is_ok());
        assert!(scan_structure(br#"{"a": "\"[[[[" }"#, 1).is_ok());
        assert_eq!(
            scan_structure(b"[\n [\n  [\n   [", 3),
            Err(FileProblem::TooDeep { line: 4, column: 4 })
        );
        // Siblings do not add up: depth returns after each closing bracket.
        assert!(scan_structure(b"[[],[],[[]],[]]", 3).is_ok());
    }

    #[test]
    fn a_part_of_the_file_written_twice_refuses_the_file() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/exchange/valid-v1.samenscan.json");
        let text = std::fs::read_to_string(path).unwrap();
        let at = text.find("\"responses\"").unwrap();
        let refused = |variant: &str, key: &str| {
            assert_ne!(variant, text);
            for typed in [true, false] {
                assert_eq!(
                    decode_with(variant.as_bytes(), MAX_FILE_BYTES, typed),
                    Err(FileProblem::KeyTwice { key: key.into() }),
                    "{key}"
                );
            }
        };
        // A second, empty list of responses in front: read as a map, it would lose the first.
        refused(
            &format!("{}\"responses\": [],\n{}", &text[..at], &text[at..]),
            "responses",
        );
        // The same name spelled with an escape is the same part.
        refused(
            &format!("{}\"respons\\u0065s\": [],\n{}", &text[..at], &text[at..]),
            "responses",
        );
        refused(&text.replacen("{", "{\"format\": \"x\", ", 1), "format");
        // Inside a record a key written twice is the record's own matter (the later holds).
        let inner = text.replacen("\"revision\":", "\"revision\": 7, \"revision\":", 1);
        assert!(matches!(
            decode(inner.as_bytes(), MAX_FILE_BYTES),
            Ok(Decoded::Export(_))
        ));
        // Broken JSON is named as such, whatever else it holds twice.
        let cut = format!("{}\"responses\": [],\n{}", &text[..at], &text[at..at + 40]);
        assert!(matches!(
            decode(cut.as_bytes(), MAX_FILE_BYTES),
            Err(FileProblem::Truncated)
        ));
        let message = FileProblem::KeyTwice {
            key: "responses".into(),
        };
        assert!(message
            .message(Lang::Nl)
            .contains("“responses” staat er twee keer in, zodat niet zeker"));
        assert!(message
            .message(Lang::En)
            .contains("“responses” is in it twice, so it is not certain"));
        // No run of spaces from the source's indentation inside a sentence.
        for lang in [Lang::Nl, Lang::En] {
            assert!(!message.message(lang).contains("  "));
        }
    }

    /// Decodes `bytes` both ways and checks that validating gives the same outcome; returns
    /// whether the typed reading was taken.
    fn same_both_ways(name: &str, bytes: &[u8]) -> bool {
        let known = BTreeMap::new();
        let typed = decode_with(bytes, MAX_FILE_BYTES, true);
        let values = decode_with(bytes, MAX_FILE_BYTES, false);
        let took_typed = matches!(&typed, Ok(Decoded::Export(raw))
            if raw.responses.iter().any(|r| matches!(r, RawResponse::Typed(_))));
        match (typed, values) {
            (Ok(Decoded::Export(a)), Ok(Decoded::Export(b))) => {
                assert_eq!(
                    (&a.format_version, &a.app_version, &a.exported_at),
                    (&b.format_version, &b.app_version, &b.exported_at),
                    "{name}"
                );
                let (typed, values) = (validate(a, &known), validate(b, &known));
                assert_eq!(
                    values.responses_text, None,
                    "{name}: only a typed reading keeps text"
                );
                let mut compared = typed.clone();
                compared.responses_text = None;
                assert_eq!(compared, values, "{name}");
                stored_copy_is_a_fixed_point(name, &typed);
            }
            (a, b) => assert_eq!(a, b, "{name}"),
        }
        took_typed
    }

    /// What the import log stores of `file` reads back as the same records, and holds nothing
    /// the checks would drop or change: checking the stored copy again leaves it as it is
    /// (its own text kept whole, nothing skipped, no duplicate).
    fn stored_copy_is_a_fixed_point(name: &str, file: &ValidatedFile) {
        let stored = encode_stored(file, "0.0.0", "2026-11-22T10:00:00.000Z");
        let Ok(Decoded::Export(raw)) = decode(stored.as_bytes(), MAX_FILE_BYTES) else {
            panic!("{name}: the stored copy does not read as an export");
        };
        let again = validate(raw, &BTreeMap::new());
        assert_eq!(again.contents.responses, file.contents.responses, "{name}");
        assert_eq!(again.contents.meetings, file.contents.meetings, "{name}");
        assert_eq!(again.skipped, Vec::new(), "{name}");
        assert_eq!(again.duplicates, Vec::new(), "{name}");
        // Checked again, the stored responses are kept as they are (unless written with a
        // fraction, which is never stored as text: see `scan_structure`).
        let plain = scan_structure(stored.as_bytes(), MAX_NESTING)
            .unwrap()
            .responses
            .is_some();
        assert_eq!(
            again.responses_text.is_some(),
            plain,
            "{name}: the stored responses are kept as they are when checked again"
        );
    }

    #[test]
    fn a_file_changed_by_nothing_is_stored_with_its_own_text_of_its_responses() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/exchange/valid-v1.samenscan.json");
        let pretty = std::fs::read_to_string(path).unwrap();
        let file: Value = serde_json::from_str(&pretty).unwrap();
        // As the app writes files: compact.
        let text = serde_json::to_string(&file).unwrap();
        let own_text = |bytes: &[u8]| match decode(bytes, MAX_FILE_BYTES) {
            Ok(Decoded::Export(raw)) => validate(raw, &BTreeMap::new()).responses_text,
            other => panic!(
                "not an export: {other:?}\n{}",
                String::from_utf8_lossy(bytes)
            ),
        };
        let kept = own_text(text.as_bytes()).expect("the valid fixture is kept as written");
        assert_eq!(kept, serde_json::to_string(&file["responses"]).unwrap());
        // Laid out with white space (as the fixture is): the same records, written anew.
        assert_eq!(own_text(pretty.as_bytes()), None);
        // A byte-order mark in front: the same text found after it.
        let marked = format!("\u{feff}{text}");
        assert_eq!(own_text(marked.as_bytes()), Some(kept.clone()));
        // The key spelled with an escape: read the same, but not found as text; written anew.
        let escaped = text.replacen("\"responses\"", "\"respons\\u0065s\"", 1);
        assert_ne!(escaped, text);
        assert_eq!(own_text(escaped.as_bytes()), None);
        assert!(same_both_ways("escaped key", escaped.as_bytes()));

        // Whatever the checks change or leave out makes the file's text unfit to store.
        let first = |f: &mut Value| f["responses"][0].as_object_mut().unwrap().clone();
        type Change = (&'static str, fn(&mut Map<String, Value>));
        let changes: &[Change] = &[
            ("upper-case id", |r| {
                let id = r["id"].as_str().unwrap().to_ascii_uppercase();
                r.insert("id".into(), id.into());
            }),
            ("withdrawn with answers", |r| {
                r.insert("status".into(), "withdrawn".into());
            }),
            ("an answer refused", |r| {
                r["answers"]
                    .as_object_mut()
                    .unwrap()
                    .insert("grade".into(), json!(11));
            }),
            // Never working together hides the questions about it: their answers are dropped.
            ("answers to hidden items", |r| {
                r["answers"]
                    .as_object_mut()
                    .unwrap()
                    .insert("frequency".into(), "nooit".into());
            }),
            // Spellings that read as the same record but are not what writing it gives.
            ("a fraction", |r| {
                r["answers"]
                    .as_object_mut()
                    .unwrap()
                    .insert("grade".into(), json!(7.0));
            }),
            // Taken as no answer: dropped.
            ("a null answer", |r| {
                r["answers"]
                    .as_object_mut()
                    .unwrap()
                    .insert("team".into(), Value::Null);
            }),
        ];
        for (name, change) in changes {
            let mut f = file.clone();
            let mut record = first(&mut f);
            change(&mut record);
            f["responses"][0] = Value::Object(record);
            let bytes = serde_json::to_vec(&f).unwrap();
            assert_eq!(own_text(&bytes), None, "{name}");
            assert!(same_both_ways(name, &bytes), "{name}: still read typed");
        }
        // The same record twice (a duplicate id), and an item answered twice in a record.
        let mut f = file.clone();
        let copy = f["responses"][0].clone();
        f["responses"].as_array_mut().unwrap().push(copy);
        let twice = serde_json::to_vec(&f).unwrap();
        assert_eq!(own_text(&twice), None, "record twice");
        assert!(same_both_ways("record twice", &twice));
        let answers_at = text.find("\"answers\"").unwrap();
        let open = answers_at + text[answers_at..].find('{').unwrap() + 1;
        let item = &text[open..];
        let key_start = item.find('"').unwrap();
        let key_end = key_start + 1 + item[key_start + 1..].find('"').unwrap() + 1;
        let key = &item[key_start..key_end];
        // Digits reading drops, white space: the same records, written anew.
        let grade_at = text.find("\"grade\":").unwrap() + "\"grade\":".len();
        let grade_end = grade_at + text[grade_at..].find([',', '}']).unwrap();
        for (name, spelled) in [
            ("extra digits", "7.000000000000000000000123456782"),
            ("exponent", "70e-1"),
            ("white space", " 7"),
        ] {
            let variant = format!("{}{spelled}{}", &text[..grade_at], &text[grade_end..]);
            assert_eq!(own_text(variant.as_bytes()), None, "{name}");
            same_both_ways(name, variant.as_bytes());
        }
        let answered_twice = format!("{}{key}: null, {}", &text[..open], &text[open..]);
        assert_eq!(
            own_text(answered_twice.as_bytes()),
            None,
            "answered twice ({key})"
        );
        assert!(same_both_ways("answered twice", answered_twice.as_bytes()));
    }

    #[test]
    fn typed_and_value_readings_agree_on_every_fixture() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exchange");
        let mut typed = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let bytes = std::fs::read(&path).unwrap();
                typed += usize::from(same_both_ways(&path.display().to_string(), &bytes));
            }
        }
        assert!(typed >= 1, "the valid fixture is read typed");
    }

    #[test]
    fn definitions_are_taken_as_text_and_read_the_same_as_values() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/exchange/valid-v1.samenscan.json");
        let text = std::fs::read_to_string(path).unwrap();
        let definitions = |bytes: &[u8]| match decode_with(bytes, MAX_FILE_BYTES, true) {
            Ok(Decoded::Export(raw)) => raw.questionnaires,
            other => panic!("not an export: {other:?}"),
        };
        // A well-formed file's definition is read from its text (again the same from memory).
        let first = definitions(text.as_bytes());
        assert!(matches!(first.as_slice(), [RawDefinition::Read(_)]));
        assert_eq!(definitions(text.as_bytes()), first);
        assert!(same_both_ways("valid", text.as_bytes()));

        // The definition's text changed in ways the two readings must agree on: each as its
        // own file, through both readings, validated the same; and what the typed reading
        // made of each definition (`true`: read, `false`: left as JSON for `validate`).
        let start = text
            .find("\"questionnaires\"")
            .expect("the fixture has definitions");
        let at = |needle: &str| start + text[start..].find(needle).expect(needle);
        let id_at = at("\"id\"");
        let splice = |from: usize, to: usize, with: &str| {
            format!("{}{}{}", &text[..from], with, &text[to..])
        };
        let variants: [(&str, String, &[bool]); 6] = [
            ("spaces", splice(id_at, id_at, " \n "), &[true]),
            (
                "empty id",
                {
                    let value_at = id_at + text[id_at..].find(':').unwrap() + 1;
                    let end = value_at + text[value_at..].find(',').unwrap();
                    splice(value_at, end, " \"\"")
                },
                &[false],
            ),
            // Refused by the JSON value: the whole file is read as values, which refuse it.
            (
                "number out of range",
                splice(id_at, id_at, "\"x\": 1e400, "),
                &[],
            ),
            (
                "lone surrogate",
                splice(id_at, id_at, "\"x\": \"\\ud800\", "),
                &[],
            ),
            // The later key counts, in both readings: the definition is the valid one.
            (
                "key twice",
                splice(id_at, id_at, "\"id\": \"other\", "),
                &[true],
            ),
            (
                "not an object",
                {
                    let open = at("[") + 1;
                    splice(open, open, "5, ")
                },
                &[false, true],
            ),
        ];
        for (name, variant, read) in &variants {
            assert_ne!(variant, &text, "{name} changes the file");
            same_both_ways(name, variant.as_bytes());
            let kinds: Vec<bool> = match decode_with(variant.as_bytes(), MAX_FILE_BYTES, true) {
                Ok(Decoded::Export(raw)) => raw
                    .questionnaires
                    .iter()
                    .map(|d| matches!(d, RawDefinition::Read(_)))
                    .collect(),
                _ => Vec::new(),
            };
            assert_eq!(&kinds, read, "{name}");
        }
    }

    #[test]
    fn typed_and_value_readings_agree_on_irregular_records() {
        let bytes = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/exchange/valid-v1.samenscan.json"),
        )
        .unwrap();
        let file: Value = serde_json::from_slice(&bytes).unwrap();
        assert!(same_both_ways("valid", &bytes));
        let first = |f: &mut Value| -> Map<String, Value> {
            f["responses"][0].as_object().unwrap().clone()
        };
        // Each change to the first response, and whether the typed reading still applies.
        type Change = (&'static str, fn(&mut Map<String, Value>), bool);
        let changes: &[Change] = &[
            (
                "upper-case id",
                |r| {
                    let id = r["id"].as_str().unwrap().to_ascii_uppercase();
                    r.insert("id".into(), id.into());
                },
                true,
            ),
            (
                "id not a uuid",
                |r| {
                    r.insert("id".into(), "abc".into());
                },
                true,
            ),
            (
                "extra field",
                |r| {
                    r.insert("note".into(), json!({"x": [1, 2]}));
                },
                false,
            ),
            (
                "extra field in the reference",
                |r| {
                    r["questionnaire"]
                        .as_object_mut()
                        .unwrap()
                        .insert("x".into(), json!(1));
                },
                false,
            ),
            (
                "reference as a list",
                |r| {
                    let q = r["questionnaire"].clone();
                    r.insert("questionnaire".into(), json!([q["id"], q["version"]]));
                },
                true,
            ),
            (
                "no answers",
                |r| {
                    r.remove("answers");
                },
                true,
            ),
            (
                "null answers",
                |r| {
                    r.insert("answers".into(), Value::Null);
                },
                false,
            ),
            (
                "answers not an object",
                |r| {
                    r.insert("answers".into(), json!([1]));
                },
                false,
            ),
            (
                "unknown item",
                |r| {
                    r["answers"]
                        .as_object_mut()
                        .unwrap()
                        .insert("nope".into(), json!(3));
                },
                true,
            ),
            (
                "grade out of range",
                |r| {
                    r["answers"]
                        .as_object_mut()
                        .unwrap()
                        .insert("grade".into(), json!(11));
                },
                true,
            ),
            (
                "withdrawn with answers",
                |r| {
                    r.insert("status".into(), "withdrawn".into());
                },
                true,
            ),
            (
                "draft",
                |r| {
                    r.insert("status".into(), "draft".into());
                },
                true,
            ),
            (
                "unknown status",
                |r| {
                    r.insert("status".into(), "done".into());
                },
                false,
            ),
            (
                "revision 0",
                |r| {
                    r.insert("revision".into(), json!(0));
                },
                true,
            ),
            (
                "revision float",
                |r| {
                    r.insert("revision".into(), json!(1.5));
                },
                false,
            ),
            (
                "revision text",
                |r| {
                    r.insert("revision".into(), "2".into());
                },
                false,
            ),
            (
                "missing status",
                |r| {
                    r.remove("status");
                },
                false,
            ),
            (
                "null id",
                |r| {
                    r.insert("id".into(), Value::Null);
                },
                false,
            ),
            (
                "bad timestamp",
                |r| {
                    r.insert("updated_at".into(), "gisteren".into());
                },
                true,
            ),
            (
                "unknown questionnaire",
                |r| {
                    r.insert("questionnaire".into(), json!({"id": "ander", "version": 1}));
                },
                true,
            ),
        ];
        for (name, change, still_typed) in changes {
            let mut f = file.clone();
            let mut record = first(&mut f);
            change(&mut record);
            f["responses"][0] = Value::Object(record);
            let text = serde_json::to_vec(&f).unwrap();
            assert_eq!(same_both_ways(name, &text), *still_typed, "{name}");
        }
        // Keys written twice: a map keeps the last; the typed reading refuses and falls back.
        let text = String::from_utf8(bytes.clone()).unwrap();
        let twice = text.replacen("\"revision\":", "\"revision\": 7, \"revision\":", 1);
        assert_ne!(twice, text);
        assert!(!same_both_ways("revision twice", twice.as_bytes()));
        let twice = text.replacen("\"format\":", "\"format\": \"x\", \"format\":", 1);
        assert!(!same_both_ways("format twice", twice.as_bytes()));
        // A record written as a list of its fields: refused as not an object either way.
        let mut f = file.clone();
        let r = first(&mut f);
        f["responses"][0] = json!([
            r["id"],
            r["questionnaire"],
            r["revision"],
            r["updated_at"],
            r["status"]
        ]);
        assert!(!same_both_ways(
            "record as a list",
            &serde_json::to_vec(&f).unwrap()
        ));
        // Fields this app does not know holding what a JSON value refuses: a number out of
        // range, a lone surrogate; at the top and in a record.
        let id = file["responses"][0]["id"].as_str().unwrap().to_string();
        for bad in ["1e400", "\"\\udc00\""] {
            let top = text.replacen('{', &format!("{{\"x\": {bad}, "), 1);
            assert!(!same_both_ways(
                "odd unknown field at the top",
                top.as_bytes()
            ));
            let record = text.replacen(
                &format!("\"id\": \"{id}\""),
                &format!("\"x\": {bad}, \"id\": \"{id}\""),
                1,
            );
            assert_ne!(record, text);
            assert!(!same_both_ways(
                "odd unknown field in a record",
                record.as_bytes()
            ));
        }
        // The whole file as a list.
        assert!(!same_both_ways(
            "file as a list",
            br#"["samenscan/export", 1]"#
        ));
        // Top-level oddities.
        for (name, top) in [
            ("responses null", json!({"responses": null})),
            ("app_version number", json!({"app_version": 3})),
            ("version float", json!({"format_version": 1.0})),
            ("newer", json!({"format_version": 2})),
        ] {
            let mut f = file.clone();
            for (k, v) in top.as_object().unwrap() {
                f[k] = v.clone();
            }
            assert!(
                !same_both_ways(name, &serde_json::to_vec(&f).unwrap()),
                "{name}"
            );
        }
    }

    #[test]
    fn upgrade_table_covers_every_older_version() {
        // One step per version before the current one: 1 → 2 is UPGRADES[0], and so on.
        assert_eq!(UPGRADES.len(), FORMAT_VERSION as usize - 1);
    }

    #[test]
    fn file_names_follow_the_export_time() {
        assert_eq!(
            export_file_name("2026-11-22T10:00:00Z", "k3f9", Some(Lang::Nl)),
            "samenscan-2026-11-22-1000-k3f9-versleuteld.samenscan.json"
        );
        assert_eq!(
            export_file_name("2026-11-22T10:00:00Z", "k3f9", Some(Lang::En)),
            "samenscan-2026-11-22-1000-k3f9-encrypted.samenscan.json"
        );
        assert_eq!(
            export_file_name("2026-01-02T03:04:59.123Z", "", None),
            "samenscan-2026-01-02-0304.samenscan.json"
        );
        assert_eq!(
            export_file_name("yesterday", "ab97", None),
            "samenscan-export-ab97.samenscan.json"
        );
        // Every byte gives a character of the alphabet, and tags differ.
        let tags: std::collections::BTreeSet<String> =
            (0..=255u8).map(|b| file_tag([b, b, 0, 1])).collect();
        assert_eq!(tags.len(), 31);
        assert!(tags
            .iter()
            .all(|t| t.len() == 4 && t.bytes().all(|c| c.is_ascii_alphanumeric())));
    }

    #[test]
    fn short_cuts_long_text_at_a_character_boundary() {
        let long = "é".repeat(100);
        let cut = short(&long);
        assert_eq!(cut.chars().count(), 81); // 80 characters + "…"
        assert!(cut.ends_with('…'));
        assert_eq!(short("kort"), "kort");
    }
}
