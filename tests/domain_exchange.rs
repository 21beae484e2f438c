//! The exchange file (design §3): the committed v1 fixture still reads (every format version ever
//! written must), encode → decode round-trips, and every hostile file in
//! `tests/fixtures/exchange/` (plus the huge ones generated here) is refused with a clear message
//! and yields no records.

mod common;
use std::collections::BTreeMap;
use std::path::Path;

use samenscan::domain::exchange::{
    decode, encode_export, encrypted_envelope_json, validate, Decoded, DuplicateInFile,
    EncryptedEnvelope, ExportContents, FileProblem, ImportSummary, NotText, RawExport, RawResponse,
    SkipReason, ValidatedFile, FORMAT_VERSION, MAX_FILE_BYTES, MAX_NESTING,
};
use samenscan::domain::merge::{merge_into, Dataset, RecordKind};
use samenscan::domain::{builtin, AnswerProblem, Lang, QuestionnaireRef, RecordIssue, Status};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exchange")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn no_known() -> BTreeMap<QuestionnaireRef, samenscan::domain::Questionnaire> {
    BTreeMap::new()
}

fn export_of(bytes: &[u8]) -> RawExport {
    match decode(bytes, MAX_FILE_BYTES) {
        Ok(Decoded::Export(raw)) => raw,
        other => panic!("expected a plain export, got {other:?}"),
    }
}

fn validated(name: &str) -> ValidatedFile {
    validate(export_of(&fixture(name)), &no_known())
}

/// A file-level refusal: the variant, and messages in both languages that contain `nl` / `en`.
fn refused(bytes: &[u8], max: usize, nl: &str, en: &str) -> FileProblem {
    let problem = match decode(bytes, max) {
        Err(p) => p,
        Ok(d) => panic!("expected a refusal, got {d:?}"),
    };
    let (m_nl, m_en) = (problem.message(Lang::Nl), problem.message(Lang::En));
    assert!(m_nl.contains(nl), "{m_nl:?} should contain {nl:?}");
    assert!(m_en.contains(en), "{m_en:?} should contain {en:?}");
    problem
}

const R0: &str = "0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10";

#[test]
fn the_committed_v1_file_still_reads_with_every_record() {
    let raw = export_of(&fixture("valid-v1.samenscan.json"));
    assert_eq!(raw.format_version, 1);
    assert_eq!(raw.app_version.as_deref(), Some("0.1.0"));
    assert_eq!(raw.exported_at.as_deref(), Some("2026-11-22T10:00:00Z"));
    let file = validate(raw, &no_known());
    assert_eq!(file.skipped, vec![], "nothing skipped");
    assert_eq!(file.duplicates, vec![]);
    let c = &file.contents;
    assert_eq!(c.questionnaires.len(), 1);
    assert_eq!(c.questionnaires[0].reference(), builtin().reference());
    // Records come out sorted by id.
    let ids: Vec<(&str, Status, u64)> = c
        .responses
        .iter()
        .map(|r| (r.id.as_str(), r.status, r.revision))
        .collect();
    assert_eq!(
        ids,
        [
            (R0, Status::Complete, 3),
            ("5f0e2d4c-8b1a-4e6f-a3c2-7d9e0f1a2b3c", Status::Draft, 1),
            ("9a7b6c5d-4e3f-4a1b-8c2d-1e0f9a8b7c6d", Status::Withdrawn, 4),
        ]
    );
    // Text from a file is data: kept exactly, markup and all.
    assert_eq!(
        c.responses[0].answers["strengths"],
        "Korte lijnen, we weten elkaar te vinden. <b>niet vet</b>"
    );
    assert_eq!(c.meetings.len(), 1);
    assert_eq!(c.meetings[0].attendance_total(), 13); // 4 + 7 + 2
}

#[test]
fn a_file_saved_as_utf16_with_its_byte_order_mark_reads_as_the_same_file() {
    let bytes = fixture("valid-v1.samenscan.json");
    let text = std::str::from_utf8(&bytes).unwrap();
    let utf8 = validate(export_of(&bytes), &no_known()).contents;
    let units: Vec<u16> = text.encode_utf16().collect();
    let little: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(units.iter().flat_map(|u| u.to_le_bytes()))
        .collect();
    let big: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(units.iter().flat_map(|u| u.to_be_bytes()))
        .collect();
    for utf16 in [&little, &big] {
        assert_eq!(validate(export_of(utf16), &no_known()).contents, utf8);
    }
    // Cut in the middle of a unit, or an unpaired surrogate: no text, said as such.
    refused(
        &little[..little.len() - 1],
        MAX_FILE_BYTES,
        "afgebroken of beschadigd",
        "cut off or damaged",
    );
    let mut lone = little[..40].to_vec();
    lone.extend_from_slice(&0xd800u16.to_le_bytes());
    lone.extend_from_slice(&b"{"[..]);
    lone.push(0);
    refused(&lone, MAX_FILE_BYTES, "UTF-16", "UTF-16");
}

#[test]
fn a_meeting_names_only_its_lists_organisations_and_municipalities_never_a_person() {
    let meeting = |municipality: &str, attendance: serde_json::Value, owner: &str| {
        serde_json::json!({
            "id": "5d2c7a10-8f3e-4b6a-9c1d-3e4f5a6b7c8d", "revision": 2,
            "updated_at": "2026-11-21T15:00:00Z", "status": "complete",
            "questionnaire": {"id": "samenwerking", "version": 1},
            "municipality": municipality, "date": "2026-11-20", "attendance": attendance,
            "notes": {"m1": "Goed"}, "cases": [],
            "actions": [{"text": "Vaste contactpersoon", "scope": "local", "owner": owner}],
            "strengths": [], "concerns": []
        })
    };
    let file = |m: serde_json::Value| {
        let text = serde_json::json!({
            "format": "samenscan/export", "format_version": 1, "exported_at": "2026-11-22T10:00:00Z",
            "meetings": [m]
        })
        .to_string();
        validate(export_of(text.as_bytes()), &no_known())
    };
    let fine = file(meeting(
        "epe",
        serde_json::json!({"gi": 2, "veilig_thuis": 1}),
        "gi",
    ));
    assert!(fine.skipped.is_empty(), "{:?}", fine.skipped);
    for (m, issue) in [
        (
            meeting("epe", serde_json::json!({"Piet de Vries": 1}), ""),
            RecordIssue::UnknownOrganisation,
        ),
        (
            meeting("epe", serde_json::json!({"gi": 1}), "politie"),
            RecordIssue::UnknownOrganisation,
        ),
        (
            meeting("amsterdam", serde_json::json!({"gi": 1}), ""),
            RecordIssue::UnknownMunicipality,
        ),
    ] {
        let out = file(m);
        assert!(out.contents.meetings.is_empty());
        assert_eq!(out.skipped[0].reasons, vec![SkipReason::Record(issue)]);
        let nl = out.skipped[0].message(Lang::Nl);
        assert!(nl.contains("lijst van de vragenlijst"), "{nl}");
    }
}

#[test]
fn encode_then_decode_gives_the_same_records() {
    let file = validated("valid-v1.samenscan.json");
    let text = encode_export(&file.contents, "0.1.0", "2026-11-22T10:00:00Z");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["format"], "samenscan/export");
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["exported_at"], "2026-11-22T10:00:00Z");
    let again = validate(export_of(text.as_bytes()), &no_known());
    assert_eq!(again.contents, file.contents);
    assert!(again.skipped.is_empty());
}

#[test]
fn export_contents_carry_the_definitions_the_records_use() {
    let file = validated("valid-v1.samenscan.json");
    let mut responses = file.contents.responses.clone();
    responses.reverse();
    let contents = ExportContents::for_records(responses, vec![], &no_known()).unwrap();
    assert_eq!(contents.questionnaires, vec![builtin().clone()]);
    assert_eq!(contents.responses[0].id, R0, "sorted by id");
    let mut stray = file.contents.responses[0].clone();
    stray.questionnaire.id = "elders".into();
    let missing = ExportContents::for_records(vec![stray], vec![], &no_known()).unwrap_err();
    assert_eq!(missing[0].id, "elders");
}

#[test]
fn an_encrypted_envelope_is_returned_checked_for_the_browser_to_decrypt() {
    let salt: Vec<u8> = (0..16).collect();
    let iv: Vec<u8> = (100..112).collect();
    let ciphertext: Vec<u8> = (0..=255).collect();
    let text = encrypted_envelope_json(&salt, &iv, &ciphertext, 600_000);
    match decode(text.as_bytes(), MAX_FILE_BYTES) {
        Ok(Decoded::Encrypted(EncryptedEnvelope {
            kdf,
            cipher,
            ciphertext: c,
        })) => {
            assert_eq!(
                (kdf.name.as_str(), kdf.iterations, kdf.salt),
                ("PBKDF2-SHA256", 600_000, salt)
            );
            assert_eq!((cipher.name.as_str(), cipher.iv), ("AES-256-GCM", iv));
            assert_eq!(c, ciphertext);
        }
        other => panic!("expected an envelope, got {other:?}"),
    }
}

#[test]
fn damaged_or_foreign_encryption_is_refused() {
    let problem = refused(
        &fixture("encrypted-broken-base64.samenscan.json"),
        MAX_FILE_BYTES,
        "versleutelde bestand is beschadigd",
        "encrypted file is damaged",
    );
    assert_eq!(
        problem,
        FileProblem::DamagedEncryption {
            field: "ciphertext"
        }
    );
    let ok = encrypted_envelope_json(&[1; 16], &[2; 12], &[3; 32], 600_000);
    let swap = |from: &str, to: &str| ok.replace(from, to).into_bytes();
    // A 16-byte iv, too many iterations, another cipher, a missing ciphertext are refused; an
    // 8-byte salt and 1,000 iterations (another tool's, or a quick test's) are the sender's
    // choice and accepted.
    let short_salt = swap(&samenscan::domain::base64::encode(&[1; 16]), "AQEBAQEBAQE=");
    match decode(&short_salt, MAX_FILE_BYTES) {
        Ok(Decoded::Encrypted(envelope)) => assert_eq!(envelope.kdf.salt, vec![1; 8]),
        other => panic!("an 8-byte salt is taken: {other:?}"),
    }
    match decode(&swap("600000", "1000"), MAX_FILE_BYTES) {
        Ok(Decoded::Encrypted(envelope)) => assert_eq!(envelope.kdf.iterations, 1000),
        other => panic!("1,000 iterations are taken: {other:?}"),
    }
    assert_eq!(
        decode(&swap("AQEBAQEBAQEBAQEBAQEBAQ==", ""), MAX_FILE_BYTES),
        Err(FileProblem::DamagedEncryption { field: "kdf.salt" }),
        "an empty salt"
    );
    assert_eq!(
        decode(
            &swap("AgICAgICAgICAgIC", "AgICAgICAgICAgICAgICAg=="),
            MAX_FILE_BYTES
        ),
        Err(FileProblem::DamagedEncryption { field: "cipher.iv" })
    );
    assert!(matches!(
        decode(&swap("600000", "4000000000"), MAX_FILE_BYTES),
        Err(FileProblem::UnsupportedEncryption { .. })
    ));
    refused(
        &swap("AES-256-GCM", "AES-128-CBC"),
        MAX_FILE_BYTES,
        "AES-128-CBC",
        "AES-128-CBC",
    );
    let without: serde_json::Value = {
        let mut v: serde_json::Value = serde_json::from_str(&ok).unwrap();
        v.as_object_mut().unwrap().remove("ciphertext");
        v
    };
    assert_eq!(
        decode(without.to_string().as_bytes(), MAX_FILE_BYTES),
        Err(FileProblem::DamagedEncryption {
            field: "ciphertext"
        })
    );
    // The browser reports a failed decryption with the domain's words.
    assert!(FileProblem::WrongPassphrase
        .message(Lang::Nl)
        .contains("wachtwoord klopt niet"));
}

#[test]
fn truncated_file() {
    let p = refused(
        &fixture("truncated.samenscan.json"),
        MAX_FILE_BYTES,
        "onvolledig",
        "incomplete",
    );
    assert_eq!(p, FileProblem::Truncated);
}

#[test]
fn invalid_utf8() {
    let bytes = fixture("invalid-utf8.samenscan.json");
    // Text in another encoding (an editor's Latin-1): said so, with where.
    let first_bad = bytes.iter().position(|&b| b == 0xff).unwrap();
    let p = refused(
        &bytes,
        MAX_FILE_BYTES,
        "niet als UTF-8-tekst opgeslagen (op positie",
        "not saved as UTF-8 text",
    );
    assert_eq!(
        p,
        FileProblem::NotText {
            byte_offset: first_bad,
            kind: NotText::OtherEncoding
        }
    );
    // A picture renamed to .samenscan.json is no text at all (before, both were told to choose
    // the file ending in .samenscan.json, which it already did).
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xd8";
    let p = refused(
        png,
        MAX_FILE_BYTES,
        "ander soort bestand",
        "another kind of file",
    );
    assert!(matches!(
        p,
        FileProblem::NotText {
            kind: NotText::Binary,
            ..
        }
    ));
    // Known by its first bytes, however short (an acceptance test's three-byte "photo").
    for start in [&b"\xff\xd8\xff"[..], b"%PDF-1.7\n\xe2\xe3\xcf\xd3"] {
        assert!(matches!(
            decode(start, MAX_FILE_BYTES),
            Err(FileProblem::NotText {
                kind: NotText::Binary,
                ..
            })
        ));
    }
}

#[test]
fn unknown_format_and_other_json() {
    let p = refused(
        &fixture("unknown-format.samenscan.json"),
        MAX_FILE_BYTES,
        "surveyjs/results",
        "not a Samenscan export file",
    );
    assert!(matches!(p, FileProblem::UnknownFormat { .. }));
    let p = refused(
        &fixture("not-an-export.json"),
        MAX_FILE_BYTES,
        "geen Samenscan-bestand",
        "not a Samenscan file",
    );
    assert_eq!(p, FileProblem::NotAnExport);
    assert_eq!(decode(b"", MAX_FILE_BYTES), Err(FileProblem::Empty));
    assert_eq!(decode(b" \n ", MAX_FILE_BYTES), Err(FileProblem::Empty));
    assert_eq!(
        decode(b"{\"format\": \"samenscan/export\"}", MAX_FILE_BYTES),
        Err(FileProblem::BadFormatVersion)
    );
    assert_eq!(
        decode(
            b"{\"format\": \"samenscan/export\", \"format_version\": 0}",
            MAX_FILE_BYTES
        ),
        Err(FileProblem::BadFormatVersion)
    );
    // Not JSON at all: line and column of the first error (line 2, column 8 is the 'x').
    assert_eq!(
        decode(b"{\n  \"a\": x", MAX_FILE_BYTES),
        Err(FileProblem::NotJson { line: 2, column: 8 })
    );
    assert!(FileProblem::NotJson { line: 2, column: 8 }
        .message(Lang::Nl)
        .contains("regel 2, kolom 8"));
    // The slips of writing JSON by hand are named, with what to do.
    let slip = |text: &str| match decode(text.as_bytes(), MAX_FILE_BYTES) {
        Err(FileProblem::JsonSlip { line, column, slip }) => (line, column, slip),
        other => panic!("{text}: {other:?}"),
    };
    use samenscan::domain::exchange::JsonSlip;
    assert_eq!(
        slip("{\"format\": \"samenscan/export\",\n \"responses\": [1, 2,]}"),
        (2, 21, JsonSlip::TrailingComma)
    );
    assert_eq!(
        slip("{\"format\": \"samenscan/export\"\n \"responses\": []}"),
        (2, 2, JsonSlip::MissingComma)
    );
    assert_eq!(slip("{\"a\": [1 2]}"), (1, 10, JsonSlip::MissingComma));
    assert_eq!(slip("{'format': 1}"), (1, 2, JsonSlip::UnquotedKey));
    // The cause read from the place: a quote inside a text, curly quotes, a comment, RTF.
    assert_eq!(
        slip("{\"title\": {\"nl\": \"Hoe ervaart u de \"warme overdracht\"?\"}}").2,
        JsonSlip::QuoteInText
    );
    assert_eq!(slip("{“format”: 1}").2, JsonSlip::CurlyQuotes);
    assert_eq!(
        slip("{\"format\": “samenscan/export”}").2,
        JsonSlip::CurlyQuotes
    );
    assert_eq!(
        slip("{\n  // opmerking\n  \"format\": 1}").2,
        JsonSlip::Comment
    );
    assert_eq!(slip("{\"a\": 1, /* x */ \"b\": 2}").2, JsonSlip::Comment);
    assert_eq!(slip("{\\rtf1\\ansi {\"format\": 1}}").2, JsonSlip::Rtf);
    // The column counts characters, as a person does ("é" is two bytes); a file cut off after
    // a "/" is cut off, not a comment; "12/03" is no comment.
    assert_eq!(slip("{\"é\": 1 2}"), (1, 9, JsonSlip::MissingComma));
    assert_eq!(
        decode("{\"responses\": [{\"x\": \"en/".as_bytes(), MAX_FILE_BYTES),
        Err(FileProblem::Truncated)
    );
    assert!(matches!(
        decode(b"{\"a\": 12/03}", MAX_FILE_BYTES),
        Err(FileProblem::JsonSlip {
            slip: JsonSlip::MissingComma,
            ..
        })
    ));
    // Where a line holds letters of more than one byte, the place is still found.
    assert_eq!(
        slip("{\"é\": \"één\",\n \"ü\": \"a \"b\" c\"}").2,
        JsonSlip::QuoteInText
    );
    let said = FileProblem::JsonSlip {
        line: 70,
        column: 15,
        slip: JsonSlip::TrailingComma,
    };
    assert_eq!(
        said.message(Lang::Nl),
        "Het bestand is beschadigd of geen Samenscan-bestand (fout op regel 70, kolom 15). Vlak \
         daarvoor staat een komma te veel: na het laatste onderdeel van een lijst […] of object \
         {…} hoort geen komma."
    );
    assert!(said
        .message(Lang::En)
        .ends_with("the last part of a list […] or object {…} has no comma after it."));
    // Another kind of file altogether: no line and column, but what a Samenscan file is.
    for other in [
        &b"Notulen van de bijeenkomst"[..],
        b"2026-01-25;Epe;4",
        b"true",
    ] {
        let other = decode(other, MAX_FILE_BYTES).unwrap_err();
        assert_eq!(other, FileProblem::NotJson { line: 1, column: 1 });
        let said = other.message(Lang::Nl);
        assert!(
            said.starts_with("Dit is geen Samenscan-bestand") && !said.contains("regel"),
            "{said}"
        );
    }
    assert_eq!(
        decode(
            b"{\"format\": \"samenscan/export\", \"format_version\": 1, \"responses\": {}}",
            MAX_FILE_BYTES
        ),
        Err(FileProblem::BadStructure { field: "responses" })
    );
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(fixture("valid-v1.samenscan.json"));
    assert_eq!(export_of(&bytes).responses.len(), 3);
}

#[test]
fn newer_format_version_says_update_the_app() {
    let p = refused(
        &fixture("newer-version.samenscan.json"),
        MAX_FILE_BYTES,
        "Werk de app bij",
        "Update the app",
    );
    assert_eq!(
        p,
        FileProblem::NewerVersion {
            found: 2,
            supported: FORMAT_VERSION
        }
    );
}

#[test]
fn a_number_beyond_any_range_rejects_the_file() {
    let p = refused(
        &fixture("huge-number.samenscan.json"),
        MAX_FILE_BYTES,
        "te groot",
        "too large to read",
    );
    // "    "grade": 1e400," is line 20; serde_json points just past the number.
    assert!(matches!(p, FileProblem::NumberTooLarge { line: 20, .. }));
}

#[test]
fn a_revision_of_two_to_the_seventieth_skips_the_record() {
    let file = validated("huge-revision.samenscan.json");
    assert!(file.contents.responses.is_empty());
    assert_eq!(file.skipped.len(), 1);
    assert_eq!(
        file.skipped[0].reasons,
        [SkipReason::WrongType { field: "revision" }]
    );
    assert_eq!(file.skipped[0].id.as_deref(), Some(R0));
    assert!(file.skipped[0]
        .message(Lang::Nl)
        .contains("“revision” moet een heel getal van 1 of meer zijn"));
}

#[test]
fn wrong_types_skip_each_record_with_every_reason() {
    let file = validated("wrong-types.samenscan.json");
    assert!(file.contents.responses.is_empty());
    let reasons: Vec<Vec<SkipReason>> = file.skipped.iter().map(|s| s.reasons.clone()).collect();
    assert_eq!(
        reasons,
        vec![
            vec![SkipReason::WrongType { field: "id" }],
            vec![SkipReason::WrongType { field: "revision" }],
            vec![
                SkipReason::WrongType { field: "status" },
                SkipReason::Record(RecordIssue::BadTimestamp)
            ],
            vec![SkipReason::WrongType { field: "answers" }],
            vec![SkipReason::WrongType {
                field: "questionnaire"
            }],
            vec![SkipReason::NotAnObject],
            vec![
                SkipReason::Missing {
                    field: "revision",
                    written: None
                },
                SkipReason::Missing {
                    field: "updated_at",
                    written: None
                }
            ],
        ]
    );
    let indexes: Vec<usize> = file.skipped.iter().map(|s| s.index).collect();
    assert_eq!(indexes, [0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(file.skipped[0].id, None, "a numeric id is not shown as one");
    let line = file.skipped[2].message(Lang::En);
    assert!(line.starts_with("Response no. 3 (0b8c6a1e-"), "{line}");
    assert!(line.contains("draft, complete or withdrawn"), "{line}");
}

#[test]
fn answers_outside_the_questionnaire_skip_the_record() {
    let file = validated("answers-outside-questionnaire.samenscan.json");
    // Only the record that is incomplete (complete with `org` alone) is kept: completeness is
    // the worker's app's check, not an answer outside the questionnaire.
    let kept: Vec<&str> = file
        .contents
        .responses
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        file.contents.responses[0].answers.get("org"),
        Some(&serde_json::json!("gi"))
    );
    let reasons: Vec<Vec<SkipReason>> = file.skipped.iter().map(|s| s.reasons.clone()).collect();
    let answer = |item: &str, problem| {
        SkipReason::Answer(samenscan::domain::AnswerIssue {
            item: item.into(),
            problem,
        })
    };
    assert_eq!(
        reasons,
        vec![
            vec![answer(
                "grade",
                AnswerProblem::OutOfRange {
                    min: Some(1.0),
                    max: Some(10.0)
                }
            )],
            vec![
                answer(
                    "team",
                    AnswerProblem::UnknownOption {
                        value: "amsterdam".into()
                    }
                ),
                answer(
                    "kennen_1",
                    AnswerProblem::OutOfRange {
                        min: Some(1.0),
                        max: Some(5.0)
                    }
                ),
            ],
            vec![answer("favourite_colour", AnswerProblem::UnknownItem)],
            vec![SkipReason::UnknownQuestionnaire(QuestionnaireRef {
                id: "onbekend".into(),
                version: 3
            })],
        ]
    );
    assert!(file.skipped[3].message(Lang::Nl).contains("onbekend"));
}

#[test]
fn a_broken_definition_skips_itself_and_its_records() {
    let file = validated("broken-questionnaire.samenscan.json");
    let skipped: Vec<(RecordKind, usize, Option<&str>)> = file
        .skipped
        .iter()
        .map(|s| (s.kind, s.index, s.id.as_deref()))
        .collect();
    assert_eq!(
        skipped,
        [
            (RecordKind::Questionnaire, 1, Some("pilot")),
            (
                RecordKind::Response,
                0,
                Some("6b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10")
            ),
        ]
    );
    assert!(matches!(
        file.skipped[0].reasons[0],
        SkipReason::Definition(_)
    ));
    assert_eq!(
        file.skipped[1].reasons,
        [SkipReason::BrokenQuestionnaire(QuestionnaireRef {
            id: "pilot".into(),
            version: 1
        })]
    );
    // The record made with the sound built-in definition is kept.
    assert_eq!(file.contents.responses.len(), 1);
    assert_eq!(file.contents.responses[0].id, R0);
}

#[test]
fn a_broken_copy_of_the_builtin_definition_loses_no_records() {
    // The file's copy of the built-in definition is broken (here: a minimum group size of 1,
    // which would show a single person's answers). The copy is skipped and says why; the
    // records are checked against the built-in definition, and kept. (Another broken
    // definition skips its records whatever was imported before: see
    // a_broken_definition_skips_itself_and_its_records.)
    let mut file: serde_json::Value =
        serde_json::from_slice(&fixture("valid-v1.samenscan.json")).unwrap();
    file["questionnaires"][0]["min_group_size"] = serde_json::json!(1);
    let checked = validate(export_of(file.to_string().as_bytes()), &no_known());
    let plain = validated("valid-v1.samenscan.json");
    assert_eq!(checked.contents.responses, plain.contents.responses);
    assert_eq!(checked.contents.meetings, plain.contents.meetings);
    assert!(checked.contents.questionnaires.is_empty());
    assert_eq!(checked.skipped.len(), 1);
    assert_eq!(checked.skipped[0].kind, RecordKind::Questionnaire);
    assert!(matches!(
        checked.skipped[0].reasons[0],
        SkipReason::Definition(_)
    ));
}

#[test]
fn a_definition_already_known_validates_records_of_a_file_without_it() {
    let mut raw = export_of(&fixture("answers-outside-questionnaire.samenscan.json"));
    // Keep only the record that names an unknown questionnaire, and let the app know it.
    raw.responses = vec![raw.responses[4].clone()];
    raw.questionnaires.clear();
    let onbekend =
        builtin()
            .to_json()
            .replacen("\"id\": \"samenwerking\"", "\"id\": \"onbekend\"", 1);
    let onbekend = onbekend.replacen("\"version\": 1", "\"version\": 3", 1);
    let q = samenscan::domain::Questionnaire::from_json(&onbekend).unwrap();
    let known = BTreeMap::from([(q.reference(), q)]);
    let file = validate(raw, &known);
    assert!(file.skipped.is_empty(), "{:?}", file.skipped);
    assert_eq!(file.contents.responses.len(), 1);
}

#[test]
fn duplicate_ids_in_one_file_keep_the_winner_and_are_reported() {
    let file = validated("duplicate-ids.samenscan.json");
    assert!(file.skipped.is_empty());
    // Responses 0 (grade 6, 09:12:00.5), 1 and 2 (grade 8, 09:12:00) share id and revision 3:
    // the later instant wins, so 0 is kept against both. Meeting 1 (revision 2) beats 0 (1).
    assert_eq!(
        file.duplicates,
        vec![
            DuplicateInFile {
                kind: RecordKind::Response,
                id: R0.into(),
                version: None,
                kept_index: 0,
                dropped_index: 1,
                conflict: true
            },
            DuplicateInFile {
                kind: RecordKind::Response,
                id: R0.into(),
                version: None,
                kept_index: 0,
                dropped_index: 2,
                conflict: true
            },
            DuplicateInFile {
                kind: RecordKind::Meeting,
                id: "c3d4e5f6-a7b8-4c9d-b0e1-f2a3b4c5d6e7".into(),
                version: None,
                kept_index: 1,
                dropped_index: 0,
                conflict: false
            },
        ]
    );
    assert_eq!(file.contents.responses.len(), 1);
    assert_eq!(file.contents.responses[0].answers["grade"], 6);
    assert_eq!(file.contents.meetings[0].revision, 2);
    assert!(file.duplicates[0]
        .message(Lang::Nl)
        .contains("verschillende inhoud"));

    // The same records in reverse order give the same result.
    let mut raw = export_of(&fixture("duplicate-ids.samenscan.json"));
    raw.responses.reverse();
    raw.meetings.reverse();
    assert_eq!(validate(raw, &no_known()).contents, file.contents);
}

#[test]
fn whole_numbers_written_with_a_fraction_are_whole_numbers() {
    // JSON does not tell 3 from 3.0, and some tools write every number with a fraction. Each
    // whole number of the file may be written so: the format version, a definition's version,
    // minimum group size and grade bounds, a record's revision and questionnaire version, a
    // grade or statement answer, a meeting's attendance. They are read, kept and compared as
    // the whole numbers they are; a real fraction is still the wrong type.
    let plain: serde_json::Value =
        serde_json::from_slice(&fixture("valid-v1.samenscan.json")).unwrap();
    let mut floats = plain.clone();
    floats["format_version"] = serde_json::json!(1.0);
    let q = &mut floats["questionnaires"][0];
    q["version"] = serde_json::json!(1.0);
    q["min_group_size"] = serde_json::json!(5.0);
    for section in q["sections"].as_array_mut().unwrap() {
        for item in section["items"].as_array_mut().unwrap() {
            if item["kind"] == "grade" {
                item["min"] = serde_json::json!(1.0);
                item["max"] = serde_json::json!(10.0);
            }
        }
    }
    let r = &mut floats["responses"][0];
    r["revision"] = serde_json::json!(3.0);
    r["questionnaire"]["version"] = serde_json::json!(1.0);
    r["answers"]["grade"] = serde_json::json!(8.0);
    r["answers"]["kennen_1"] = serde_json::json!(4.0);
    let m = &mut floats["meetings"][0];
    m["revision"] = serde_json::json!(2.0);
    m["attendance"]["gi"] = serde_json::json!(2.0);
    let read = |v: &serde_json::Value| validate(export_of(v.to_string().as_bytes()), &no_known());
    let (expected, got) = (read(&plain), read(&floats));
    assert!(got.skipped.is_empty(), "{:?}", got.skipped);
    assert_eq!(got.contents, expected.contents);
    // The stored copy says 8, not 8.0.
    let stored = samenscan::domain::exchange::encode_stored(&got, "0.0.0", "2026-11-23T10:00:00Z");
    assert_eq!(
        validate(export_of(stored.as_bytes()), &no_known()).contents,
        expected.contents
    );
    assert!(
        !stored.contains("8.0") && !stored.contains("3.0"),
        "{stored}"
    );

    let mut fraction = plain.clone();
    fraction["responses"][0]["revision"] = serde_json::json!(3.5);
    let file = read(&fraction);
    assert_eq!(file.skipped.len(), 1, "a revision of 3.5 is no revision");
    let mut version = plain;
    version["format_version"] = serde_json::json!(2.0);
    assert!(matches!(
        decode(version.to_string().as_bytes(), MAX_FILE_BYTES),
        Err(FileProblem::NewerVersion { found: 2, .. })
    ));
}

#[test]
fn a_meeting_with_nulls_for_nothing_is_kept() {
    // Another tool may write `null` where a meeting has nothing: a case's learning, an action
    // without an owner, a question without a note. Read as empty; the meeting is kept.
    let mut raw = export_of(&fixture("valid-v1.samenscan.json"));
    let meeting = &mut raw.meetings[0];
    meeting["cases"] =
        serde_json::json!([{"summary": "Gezin met twee kinderen", "learning": null}]);
    meeting["actions"] =
        serde_json::json!([{"text": "Vaste contactpersoon", "scope": "local", "owner": null}]);
    meeting["notes"] = serde_json::json!({"m1": "Goed", "m2": null});
    let file = validate(raw, &no_known());
    assert!(file.skipped.is_empty(), "{:?}", file.skipped);
    let m = &file.contents.meetings[0];
    assert_eq!(
        (m.cases[0].learning.as_str(), m.actions[0].owner.as_str()),
        ("", "")
    );
    assert_eq!(m.notes.keys().collect::<Vec<_>>(), ["m1"]);
}

#[test]
fn deep_nesting_is_refused_clearly_without_overflowing_the_stack() {
    let deep = "[".repeat(100_000);
    let p = refused(deep.as_bytes(), MAX_FILE_BYTES, "te diep", "too deeply");
    // The 65th '[' passes the limit of 64.
    assert_eq!(
        p,
        FileProblem::TooDeep {
            line: 1,
            column: MAX_NESTING + 1
        }
    );
    // Inside an otherwise proper file, deeper than our limit but under serde_json's 128.
    let inner = format!("{}1{}", "[".repeat(100), "]".repeat(100));
    let file = format!(
        r#"{{"format": "samenscan/export", "format_version": 1, "responses": [{{"answers": {{"x": {inner}}}}}]}}"#
    );
    assert!(matches!(
        decode(file.as_bytes(), MAX_FILE_BYTES),
        Err(FileProblem::TooDeep { line: 1, .. })
    ));
    // Brackets inside text do not count.
    let text = format!(
        r#"{{"format": "samenscan/export", "format_version": 1, "app_version": "{}"}}"#,
        "[".repeat(1000)
    );
    assert!(decode(text.as_bytes(), MAX_FILE_BYTES).is_ok());
}

#[test]
fn a_fifty_megabyte_file_is_refused_by_size_before_parsing() {
    // 50 MB of a valid-looking start and then garbage: with a 32 MiB cap it is refused by size
    // alone; under the real 64 MiB cap the same bytes get as far as the parser, which proves
    // the size check came first.
    let mut bytes = br#"{"format": "samenscan/export", "format_version": 1, "x": ""#.to_vec();
    bytes.resize(50 * 1000 * 1000, b'a');
    let p = refused(
        &bytes,
        32 * 1024 * 1024,
        "te groot (48 MB",
        "too large (48 MB",
    );
    // 50,000,000 bytes / 1,048,576 = 47.68… → shown rounded up as 48 MB; 32 MiB is 32 MB.
    assert_eq!(
        p,
        FileProblem::TooLarge {
            bytes: 50_000_000,
            limit: 32 * 1024 * 1024
        }
    );
    assert!(p.message(Lang::En).contains("maximum is 32 MB"));
    assert_eq!(decode(&bytes, MAX_FILE_BYTES), Err(FileProblem::Truncated));
    assert_eq!(MAX_FILE_BYTES, 64 * 1024 * 1024);
}

#[test]
fn importing_the_fixture_twice_changes_nothing_the_second_time() {
    let mut data = Dataset::new();
    let first = validated("valid-v1.samenscan.json");
    let report = merge_into(&mut data, first.contents.clone());
    let summary = ImportSummary::new(&first, &report);
    assert_eq!(
        (
            summary.new,
            summary.updated,
            summary.unchanged,
            summary.conflicting,
            summary.skipped
        ),
        (4, 0, 0, 0, 0) // 3 responses + 1 meeting
    );
    let again = merge_into(&mut data, first.contents.clone());
    let summary = ImportSummary::new(&first, &again);
    assert_eq!(
        (
            summary.new,
            summary.updated,
            summary.unchanged,
            summary.conflicting
        ),
        (0, 0, 4, 0)
    );
    assert!(again.changed_nothing());
    assert_eq!(
        summary.message(Lang::Nl),
        "0 nieuw, 0 bijgewerkt, 4 ongewijzigd, 0 in conflict, 0 overgeslagen"
    );
    // Large counts are grouped as each language writes them (as the report does).
    let big = samenscan::domain::exchange::ImportSummary {
        new: 39_623,
        skipped: 1_204,
        ..Default::default()
    };
    assert_eq!(
        big.message(Lang::Nl),
        "39.623 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 in conflict, 1.204 overgeslagen"
    );
    assert!(big.message(Lang::En).starts_with("39,623 new"));
}

#[test]
fn skipped_and_duplicates_count_in_the_summary() {
    let file = validated("duplicate-ids.samenscan.json");
    let mut data = Dataset::new();
    let report = merge_into(&mut data, file.contents.clone());
    let s = ImportSummary::new(&file, &report);
    // 1 response + 1 meeting new; the two conflicting response duplicates inside the file.
    assert_eq!((s.new, s.conflicting, s.skipped), (2, 2, 0));
    let file = validated("wrong-types.samenscan.json");
    let report = merge_into(&mut Dataset::new(), file.contents.clone());
    assert_eq!(ImportSummary::new(&file, &report).skipped, 7);
}

#[test]
fn a_withdrawn_tombstone_with_answers_wins_without_them() {
    let raw = export_of(&fixture("valid-v1.samenscan.json"));
    let mut data = Dataset::new();
    merge_into(&mut data, validate(raw.clone(), &no_known()).contents);
    // The same record, taken back in a later revision by some other tool that left the
    // answers on it: the withdrawal must still win, and what it carried is not kept.
    let mut later = raw;
    let complete = later.responses[0].as_json_mut().as_object_mut().unwrap();
    let id = complete["id"].as_str().unwrap().to_string();
    let revision = complete["revision"].as_u64().unwrap();
    complete.insert("status".into(), serde_json::json!("withdrawn"));
    complete.insert("revision".into(), serde_json::json!(revision + 1));
    assert!(!complete["answers"].as_object().unwrap().is_empty());
    let file = validate(later, &no_known());
    assert!(file.skipped.is_empty(), "{:?}", file.skipped);
    let tombstone = file.contents.responses.iter().find(|r| r.id == id).unwrap();
    assert_eq!(tombstone.status, Status::Withdrawn);
    assert!(tombstone.answers.is_empty());
    merge_into(&mut data, file.contents);
    let held = &data.responses[&id];
    assert_eq!(
        (held.status, held.revision, held.answers.len()),
        (Status::Withdrawn, revision + 1, 0)
    );
}

/// Makes complete responses like the fixture's first, with the given id and answers.
fn complete_like(raw: &RawExport) -> impl Fn(&str, serde_json::Value) -> RawResponse {
    let template = raw.responses[0].clone();
    move |id, answers| {
        let mut r = template.clone();
        let json = r.as_json_mut();
        json["id"] = serde_json::json!(id);
        json["status"] = serde_json::json!("complete");
        json["answers"] = answers;
        r
    }
}

#[test]
fn a_complete_record_is_kept_with_what_counts() {
    // Design §2: a hidden item's answer is "neither required nor scored". A complete record
    // that answered hidden items keeps its other answers and loses the hidden ones; one that
    // left a required item out is kept with that answer missing. (The second id is written in
    // upper case, which RFC 4122 allows on input; it is kept in lower case.)
    let mut raw = export_of(&fixture("valid-v1.samenscan.json"));
    let with = complete_like(&raw);
    raw.responses = vec![
        with(
            "11111111-1111-4111-8111-111111111111",
            serde_json::json!({"org": "gi", "team": "epe", "frequency": "nooit", "grade": 6,
                               "kennen_1": 4, "strengths": "Korte lijnen"}),
        ),
        with(
            "2222222A-2222-4222-8222-22222222222B",
            serde_json::json!({"org": "gi", "team": "epe", "frequency": "wekelijks", "grade": 8}),
        ),
        // A required answer written as null is missing too.
        with(
            "33333333-3333-4333-8333-333333333333",
            serde_json::json!({"org": "gi", "team": "epe", "frequency": "wekelijks", "grade": 7,
                               "phase": null}),
        ),
    ];
    raw.meetings.clear();
    let file = validate(raw, &no_known());
    assert!(file.skipped.is_empty(), "{:?}", file.skipped);
    let by_id = |id: &str| {
        let r = file.contents.responses.iter().find(|r| r.id == id).unwrap();
        let mut keys: Vec<&str> = r.answers.keys().map(|k| &**k).collect();
        keys.sort_unstable();
        keys
    };
    assert_eq!(
        by_id("11111111-1111-4111-8111-111111111111"),
        ["frequency", "org", "strengths", "team"],
        "grade and kennen_1 are hidden after \"nooit\""
    );
    assert_eq!(
        by_id("2222222a-2222-4222-8222-22222222222b"),
        ["frequency", "grade", "org", "team"],
        "phase is required but missing: the record is kept without it"
    );
    // The log says what was left out (found by an acceptance test: nothing told the
    // coordinator).
    assert_eq!(
        file.hidden_answers_dropped,
        samenscan::domain::exchange::HiddenAnswersDropped {
            responses: 1,
            answers: 2
        }
    );
    assert_eq!(
        file.hidden_answers_dropped.message(samenscan::domain::Lang::Nl).as_deref(),
        Some("2 antwoorden in 1 enquête weggelaten: ze horen bij vragen die door een ander antwoord niet van toepassing waren, zoals afronden in de app ze ook weglaat.")
    );
    // And that required answers are missing (the second and third records have no phase).
    assert_eq!(
        file.required_missing,
        samenscan::domain::exchange::RequiredMissing {
            responses: 2,
            answers: 2
        }
    );
    assert_eq!(
        file.required_missing.message(samenscan::domain::Lang::Nl).as_deref(),
        Some("2 afgeronde enquêtes zonder antwoord op verplichte vragen (2 samen): ze tellen mee, zonder die antwoorden.")
    );
    let one = samenscan::domain::exchange::RequiredMissing {
        responses: 1,
        answers: 1,
    };
    assert_eq!(
        one.message(samenscan::domain::Lang::Nl).as_deref(),
        Some("1 afgeronde enquête zonder antwoord op 1 verplichte vraag: die telt mee, zonder dat antwoord.")
    );
    let one = samenscan::domain::exchange::HiddenAnswersDropped {
        responses: 1,
        answers: 1,
    };
    assert_eq!(
        one.message(samenscan::domain::Lang::En).as_deref(),
        Some("1 answer in 1 response left out: it belongs to a question another answer made not applicable, as completing in the app leaves it out too.")
    );
    assert_eq!(
        samenscan::domain::exchange::HiddenAnswersDropped::default()
            .message(samenscan::domain::Lang::Nl),
        None
    );
    let lines = samenscan::domain::import_log::detail_lines(
        &file,
        &Default::default(),
        samenscan::domain::Lang::En,
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("2 answers in 1 response left out")),
        "{lines:?}"
    );
}

#[test]
fn null_is_no_answer_except_for_a_statement() {
    // Many tools write `null` for what was not answered. For a statement it means "not
    // applicable" (design §2) and is kept; for any other item it is taken as no answer and
    // dropped, not a reason to lose the record. A wrong value beside it still is one.
    let mut raw = export_of(&fixture("valid-v1.samenscan.json"));
    let with = complete_like(&raw);
    raw.responses = vec![
        with(
            "33333333-3333-4333-8333-333333333333",
            serde_json::json!({"org": "gi", "team": null, "frequency": "wekelijks",
                               "grade": null, "kennen_1": null, "phase": null,
                               "strengths": null, "concerns": "Wachttijd"}),
        ),
        with(
            "44444444-4444-4444-8444-444444444444",
            serde_json::json!({"org": "gi", "frequency": "wekelijks", "grade": null,
                               "kennen_1": "vier"}),
        ),
    ];
    raw.meetings.clear();
    let file = validate(raw, &no_known());
    let kept: Vec<&str> = file.contents.responses.iter().map(|r| &*r.id).collect();
    assert_eq!(kept, ["33333333-3333-4333-8333-333333333333"]);
    let r = &file.contents.responses[0];
    let mut keys: Vec<&str> = r.answers.keys().map(|k| &**k).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["concerns", "frequency", "kennen_1", "org"]);
    assert_eq!(r.answers.get("kennen_1"), Some(&serde_json::Value::Null));
    // The stored copy is written anew, without them (not the file's own text).
    let stored = samenscan::domain::exchange::encode_stored(&file, "0.0.0", "2026-11-23T10:00:00Z");
    let again = validate(export_of(stored.as_bytes()), &no_known());
    assert_eq!(again.contents.responses, file.contents.responses);
    assert!(again.skipped.is_empty(), "{:?}", again.skipped);
    assert_eq!(file.skipped.len(), 1);
    assert_eq!(
        file.skipped[0].id.as_deref(),
        Some("44444444-4444-4444-8444-444444444444")
    );
}

/// One complete response in a file of its own, with the built-in questionnaire.
fn one_response_file(revision: u64, updated_at: &str, grade: u8) -> Vec<u8> {
    serde_json::json!({
        "format": "samenscan/export", "format_version": 1,
        "responses": [{
            "id": "0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10",
            "questionnaire": {"id": "samenwerking", "version": 1},
            "revision": revision, "updated_at": updated_at, "status": "complete",
            "answers": {"org": "gi", "frequency": "maandelijks", "grade": grade}
        }]
    })
    .to_string()
    .into_bytes()
}

#[test]
fn a_record_in_conflict_counts_as_conflicting_only_whichever_version_is_kept() {
    let earlier = validate(
        export_of(&one_response_file(2, "2026-11-20T09:00:00Z", 6)),
        &no_known(),
    );
    let later = validate(
        export_of(&one_response_file(2, "2026-11-21T09:00:00Z", 8)),
        &no_known(),
    );
    let counts = |s: ImportSummary| (s.new, s.updated, s.unchanged, s.conflicting, s.skipped);
    // The later one arrives second and wins; or arrives first, and the earlier one loses.
    for (first, second) in [(&earlier, &later), (&later, &earlier)] {
        let mut data = Dataset::new();
        let report = merge_into(&mut data, first.contents.clone());
        assert_eq!(counts(ImportSummary::new(first, &report)), (1, 0, 0, 0, 0));
        let report = merge_into(&mut data, second.contents.clone());
        let summary = ImportSummary::new(second, &report);
        assert_eq!(counts(summary), (0, 0, 0, 1, 0));
        assert_eq!(
            summary.message(Lang::Nl),
            "0 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 in conflict, 0 overgeslagen"
        );
        let kept = data.responses.values().next().unwrap();
        assert_eq!(kept.answers.get("grade"), Some(&serde_json::json!(8)));
    }
    // A newer revision is no conflict: updated.
    let newer = validate(
        export_of(&one_response_file(3, "2026-11-19T09:00:00Z", 7)),
        &no_known(),
    );
    let mut data = Dataset::new();
    merge_into(&mut data, earlier.contents.clone());
    let report = merge_into(&mut data, newer.contents.clone());
    assert_eq!(counts(ImportSummary::new(&newer, &report)), (0, 1, 0, 0, 0));
}

/// The design's own examples (§2 questionnaire, response and meeting, §3 file) in one file,
/// written as another tool would: every record is kept, the file's definition is the one its
/// records are scored against (it shares its reference with the built-in one but has other
/// items), and the meeting keeps its note to a question the abbreviated definition lacks.
#[test]
fn the_design_examples_import_whole_and_report_with_their_own_definition() {
    let questionnaire = serde_json::json!({
      "id": "samenwerking", "version": 1,
      "title": {"nl": "Samenwerking evalueren", "en": "Evaluating collaboration"},
      "min_group_size": 5,
      "factors": [{"id": "kennen", "label": {"nl": "Elkaar kennen", "en": "Knowing each other"}}],
      "sections": [
        {"id": "context", "title": {"nl": "Over u", "en": "About you"}, "items": [
          {"id": "org", "kind": "choice", "required": true, "group_by": true,
           "label": {"nl": "Bij welke organisatie werkt u?", "en": "Which organisation do you work for?"},
           "options": [{"value": "lokaal_team", "label": {"nl": "Lokaal team / jeugdteam", "en": "Local team"}},
                       {"value": "gi", "label": {"nl": "Gecertificeerde instelling", "en": "Certified institution"}}]},
          {"id": "team", "kind": "choice", "required": true, "group_by": true, "label": {"nl": "…", "en": "…"},
           "options": [{"value": "apeldoorn", "label": {"nl": "Apeldoorn", "en": "Apeldoorn"}}]}
        ]},
        {"id": "oordeel", "title": {"nl": "…", "en": "…"}, "items": [
          {"id": "grade", "kind": "grade", "min": 1, "max": 10, "required": true, "label": {"nl": "…", "en": "…"}},
          {"id": "k1", "kind": "likert", "factor": "kennen", "reverse": false, "label": {"nl": "…", "en": "…"}},
          {"id": "strengths", "kind": "text", "label": {"nl": "…", "en": "…"},
           "show_if": {"item": "org", "in": ["lokaal_team", "gi"]}}
        ]}
      ],
      "meeting_questions": [{"id": "m1", "label": {"nl": "Hoe verloopt de samenwerking?", "en": "How is the collaboration going?"}}]
    });
    let grades = [8, 7, 7, 8, 8];
    let responses: Vec<serde_json::Value> = grades
        .iter()
        .enumerate()
        .map(|(i, grade)| {
            serde_json::json!({
                "id": format!("0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b1{i}"),
                "questionnaire": {"id": "samenwerking", "version": 1},
                "revision": 3, "updated_at": "2026-11-20T09:12:00Z", "status": "complete",
                "answers": {"org": "lokaal_team", "team": "apeldoorn", "grade": grade, "k1": 4, "strengths": "…"}
            })
        })
        .collect();
    let meeting = serde_json::json!({
        "id": "5d2c7a10-8f3e-4b6a-9c1d-3e4f5a6b7c8d", "revision": 2,
        "updated_at": "2026-11-21T15:00:00Z", "status": "complete",
        "questionnaire": {"id": "samenwerking", "version": 1},
        "municipality": "apeldoorn", "date": "2018-01-25",
        "attendance": {"veilig_thuis": 4, "lokaal_team": 7},
        "notes": {"m1": "Goed", "m2": "Meer overleg"},
        "cases": [{"summary": "…", "learning": "…"}],
        "actions": [{"text": "…", "scope": "general", "owner": "veilig_thuis"}],
        "strengths": ["…"], "concerns": ["…"]
    });
    let file = serde_json::json!({
        "format": "samenscan/export", "format_version": 1, "app_version": "0.1.0",
        "exported_at": "2026-11-22T10:00:00Z",
        "questionnaires": [questionnaire], "responses": responses, "meetings": [meeting]
    })
    .to_string();
    let file = validate(export_of(file.as_bytes()), &no_known());
    assert!(file.skipped.is_empty(), "{:?}", file.skipped);
    assert_eq!(file.contents.responses.len(), 5);
    assert_eq!(file.contents.meetings.len(), 1);
    let notes = &file.contents.meetings[0].notes;
    assert_eq!(notes.get("m2").map(String::as_str), Some("Meer overleg"));

    let mut data = Dataset::new();
    merge_into(&mut data, file.contents);
    let reference = QuestionnaireRef {
        id: "samenwerking".into(),
        version: 1,
    };
    let definition = data
        .questionnaires
        .get(&reference)
        .expect("the file's definition");
    assert_ne!(definition, builtin());
    let report = samenscan::domain::report::build_report(
        definition,
        data.responses.values(),
        &Default::default(),
    );
    let grade = report.grade.expect("a grade item").stats;
    let summary = &grade.shown().expect("five responses show figures").summary;
    assert_eq!((summary.n, summary.mean), (5, Some(7.6)));
    let kennen = report.factors[0].scores.shown().expect("factor shown");
    assert_eq!(kennen.mean, Some(4.0));
}

#[test]
fn the_same_record_written_another_way_is_the_same_record() {
    // Another tool may write the same moment with milliseconds or an offset, and a whole number
    // with a fraction or an exponent. Two copies of one record that differ only so are one
    // record: unchanged on the second import, not a conflict, and kept in one form (the moment
    // in UTC, the whole number without a fraction), read as typed records or as JSON values.
    let mut plain: serde_json::Value =
        serde_json::from_slice(&fixture("valid-v1.samenscan.json")).unwrap();
    plain["questionnaires"][0]["sections"][0]["items"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "jaren", "kind": "number", "label": {"nl": "Jaren"}}));
    plain["responses"][0]["answers"]["jaren"] = serde_json::json!(7);
    plain["responses"][1]["answers"]["jaren"] = serde_json::json!(25);
    let text = plain.to_string();
    let mut other = text.clone();
    for (from, to) in [
        (
            "\"2026-11-20T09:12:00Z\"",
            "\"2026-11-20T10:12:00.000+01:00\"",
        ),
        ("\"jaren\":7", "\"jaren\":7.0"),
        ("\"jaren\":25", "\"jaren\":2.5e1"),
        ("\"2026-11-19T16:00:00Z\"", "\"2026-11-19T16:00:00.000Z\""),
    ] {
        assert_eq!(other.matches(from).count(), 1, "{from} once in the fixture");
        other = other.replace(from, to);
    }
    let as_values = |mut raw: RawExport| {
        for r in raw.responses.iter_mut() {
            if let RawResponse::Typed(typed) = r {
                *r = RawResponse::Json(serde_json::to_value(&*typed).unwrap());
            }
        }
        raw
    };
    let first = validate(export_of(text.as_bytes()), &no_known());
    assert!(first.skipped.is_empty(), "{:?}", first.skipped);
    for raw in [
        export_of(other.as_bytes()),
        as_values(export_of(other.as_bytes())),
    ] {
        let second = validate(raw, &no_known());
        assert!(second.skipped.is_empty(), "{:?}", second.skipped);
        assert_eq!(second.contents, first.contents);
        let mut data = Dataset::new();
        merge_into(&mut data, first.contents.clone());
        let again = merge_into(&mut data, second.contents.clone());
        let s = ImportSummary::new(&second, &again);
        assert_eq!((s.new, s.updated, s.unchanged, s.conflicting), (0, 0, 4, 0));
    }
    // Written in another form alone, each is kept in the one form.
    let second = validate(export_of(other.as_bytes()), &no_known());
    let r = &second.contents.responses;
    let r0 = r.iter().find(|r| r.id == R0).unwrap();
    assert_eq!(r0.updated_at, "2026-11-20T09:12:00Z");
    assert_eq!(r0.answers["jaren"].to_string(), "7");
    assert!(r
        .iter()
        .any(|r| r.answers.get("jaren").map(|v| v.to_string()) == Some("25".into())));
    assert_eq!(
        second.contents.meetings[0].updated_at,
        "2026-11-19T16:00:00Z"
    );
    // A real fraction stays what it is.
    let fraction = text.replace("\"jaren\":7", "\"jaren\":7.5");
    let third = validate(export_of(fraction.as_bytes()), &no_known());
    let r0 = third
        .contents
        .responses
        .iter()
        .find(|r| r.id == R0)
        .unwrap();
    assert_eq!(r0.answers["jaren"].to_string(), "7.5");
}

#[test]
fn a_tombstone_needs_no_definition() {
    // Design §2 says what a withdrawal does, not which fields it keeps: another tool may write
    // it without `questionnaire`, or name a definition the file does not carry. Either way it
    // is a withdrawal, read as one (refused, it kept the withdrawn answers in every report),
    // in any order of files; and the dataset it is in exports and reads back.
    let full = validated("valid-v1.samenscan.json");
    let meeting_id = full.contents.meetings[0].id.clone();
    let bare = serde_json::json!({
        "format": "samenscan/export", "format_version": 1,
        "responses": [
            {"id": R0, "revision": 9, "updated_at": "2026-11-22T10:00:00Z", "status": "withdrawn"},
            {"id": "9d2b7f60-5c1e-4a8b-9e3d-2f6a1c0b7e54", "revision": 2,
             "updated_at": "2026-11-22T10:00:00Z", "status": "withdrawn",
             "questionnaire": {"id": "onbekend", "version": 7}}
        ],
        "meetings": [
            {"id": meeting_id, "revision": 9, "updated_at": "2026-11-22T10:00:00Z",
             "status": "withdrawn"}
        ]
    });
    let tombstones = validate(export_of(bare.to_string().as_bytes()), &no_known());
    assert!(tombstones.skipped.is_empty(), "{:?}", tombstones.skipped);
    assert_eq!(tombstones.contents.responses.len(), 2);
    assert!(tombstones.contents.responses[0].questionnaire.is_unnamed());

    let mut a = Dataset::new();
    merge_into(&mut a, full.contents.clone());
    merge_into(&mut a, tombstones.contents.clone());
    let mut b = Dataset::new();
    merge_into(&mut b, tombstones.contents.clone());
    merge_into(&mut b, full.contents.clone());
    assert_eq!(a.to_contents(), b.to_contents());
    assert_eq!(a.responses[R0].status, Status::Withdrawn);
    assert_eq!(a.meetings[&meeting_id].status, Status::Withdrawn);

    // Exported, the tombstones go without a definition nobody has, and read back the same.
    let contents = a.to_contents();
    let known: BTreeMap<_, _> = contents
        .questionnaires
        .iter()
        .map(|q| (q.reference(), q.clone()))
        .collect();
    let again = ExportContents::for_records(
        contents.responses.clone(),
        contents.meetings.clone(),
        &known,
    )
    .expect("tombstones need no definition");
    let text = encode_export(&again, "0.0.0", "2026-11-24T10:00:00Z");
    assert!(
        !text.contains("onbekend\",\"version\":7}]"),
        "no such definition is written"
    );
    let read = validate(export_of(text.as_bytes()), &no_known());
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    assert_eq!(read.contents.responses, contents.responses);
    assert_eq!(read.contents.meetings, contents.meetings);
    // A record that is not withdrawn still needs its definition named.
    let mut live = bare.clone();
    live["responses"][0]["status"] = serde_json::json!("complete");
    let file = validate(export_of(live.to_string().as_bytes()), &no_known());
    assert_eq!(file.skipped.len(), 1);
}

#[test]
fn a_tombstone_named_by_an_empty_id_is_unnamed_and_a_time_out_of_range_is_kept() {
    // Found by a review: a tombstone's reference with an empty id but a version ("version": 5)
    // was kept as written while the same tombstone without a reference read as version 0, so
    // the two copies conflicted and the dataset depended on import order.
    let tombstone = |questionnaire: Option<serde_json::Value>| {
        let mut r = serde_json::json!({"id": R0, "revision": 3,
            "updated_at": "2026-11-22T10:00:00Z", "status": "withdrawn"});
        if let Some(q) = questionnaire {
            r["questionnaire"] = q;
        }
        let file = serde_json::json!({"format": "samenscan/export", "format_version": 1,
            "responses": [r]});
        validate(export_of(file.to_string().as_bytes()), &no_known())
    };
    let with_version = tombstone(Some(serde_json::json!({"id": "", "version": 5})));
    let without = tombstone(None);
    assert!(
        with_version.skipped.is_empty(),
        "{:?}",
        with_version.skipped
    );
    assert_eq!(with_version.contents, without.contents);
    let mut data = Dataset::new();
    merge_into(&mut data, with_version.contents.clone());
    let again = merge_into(&mut data, without.contents.clone());
    assert_eq!(
        ImportSummary::new(&without, &again).unchanged,
        1,
        "the same tombstone"
    );

    // A time whose UTC form would fall outside years 0000-9999 is kept as written, not made
    // unreadable (which skipped the record).
    let mut early =
        serde_json::from_slice::<serde_json::Value>(&fixture("valid-v1.samenscan.json")).unwrap();
    early["responses"][0]["updated_at"] = serde_json::json!("0000-01-01T00:30:00+01:00");
    let file = validate(export_of(early.to_string().as_bytes()), &no_known());
    assert!(file.skipped.is_empty(), "{:?}", file.skipped);
    let r = file.contents.responses.iter().find(|r| r.id == R0).unwrap();
    assert_eq!(r.updated_at, "0000-01-01T00:30:00+01:00");
}

/// One file carrying two different copies of one definition: the stricter smallest group
/// holds, as between two files (found by review: inside one file the looser copy won alone).
#[test]
fn two_copies_of_a_definition_in_one_file_keep_the_stricter_minimum() {
    let copy = |min: usize, title: &str| -> serde_json::Value {
        serde_json::from_str(&common::regional_copy(min, title)).unwrap()
    };
    for order in [
        [copy(10, "Regio"), copy(5, "Regio (kopie)")],
        [copy(5, "Regio (kopie)"), copy(10, "Regio")],
    ] {
        let file = serde_json::json!({
            "format": "samenscan/export", "format_version": 1,
            "questionnaires": order, "responses": [], "meetings": [],
        });
        let checked = validate(export_of(file.to_string().as_bytes()), &no_known());
        assert_eq!(checked.contents.questionnaires.len(), 1);
        assert_eq!(checked.contents.questionnaires[0].min_group_size(), 10);
    }
}

/// A list named a letter or two off (an acceptance test's hand-edited `"respones"`) was passed
/// over without a word and its records lost; the file is refused, naming the list meant. A
/// record's misspelt field is named beside the field it lacks.
#[test]
fn a_misspelt_list_refuses_the_file_and_a_misspelt_field_is_named() {
    let text = String::from_utf8(fixture("valid-v1.samenscan.json")).unwrap();
    let p = refused(
        text.replacen("\"responses\"", "\"respones\"", 1).as_bytes(),
        MAX_FILE_BYTES,
        "bedoeld is waarschijnlijk “responses”",
        "“responses” was probably meant",
    );
    assert_eq!(
        p,
        FileProblem::MisspeltPart {
            found: "respones".into(),
            meant: "responses"
        }
    );
    let p = refused(
        text.replacen("\"meetings\"", "\"Meetings\"", 1).as_bytes(),
        MAX_FILE_BYTES,
        "“Meetings”",
        "“meetings” was probably meant",
    );
    assert!(matches!(
        p,
        FileProblem::MisspeltPart {
            meant: "meetings",
            ..
        }
    ));
    // A near name that holds no list is another tool's field, and the file reads.
    let reference = text.replacen(
        "\"meetings\"",
        "\"questionnaire\": {\"id\": \"samenwerking\"}, \"meetings\"",
        1,
    );
    let without = reference.replacen("\"questionnaires\"", "\"definitions\"", 1);
    assert!(matches!(
        decode(without.as_bytes(), MAX_FILE_BYTES),
        Ok(Decoded::Export(_))
    ));
    // Beside the list itself, a near name is another tool's note, and the file reads.
    let both = text.replacen("\"meetings\"", "\"meeting\": [], \"meetings\"", 1);
    assert_eq!(export_of(both.as_bytes()).meetings.len(), 1);
    // A record's "stauts": skipped, the message naming both.
    let file = validate(
        export_of(text.replacen("\"status\"", "\"stauts\"", 1).as_bytes()),
        &no_known(),
    );
    assert_eq!(file.skipped.len(), 1);
    assert_eq!(
        file.skipped[0].reasons,
        [SkipReason::Missing {
            field: "status",
            written: Some("stauts".into())
        }]
    );
    let line = file.skipped[0].message(Lang::Nl);
    assert!(
        line.contains("het veld “status” ontbreekt; er staat wel een veld “stauts”"),
        "{line}"
    );
}
