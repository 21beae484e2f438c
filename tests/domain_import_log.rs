//! The coordinator's import log: importing a file merges it and records what happened; the
//! dataset rebuilt from the stored records equals the one built while importing.

use std::collections::BTreeMap;

use samenscan::domain::exchange::{decode, validate, Decoded, ImportSummary, MAX_FILE_BYTES};
use samenscan::domain::import_log::{
    contents_key, distinct_files, import_into, imported_files, rebuild, rebuild_into, ImportRecord,
    Rebuilder,
};
use samenscan::domain::{Dataset, Lang, ValidatedFile};

fn validated(name: &str) -> ValidatedFile {
    let path = format!(
        "{}/tests/fixtures/exchange/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    let Ok(Decoded::Export(raw)) = decode(&bytes, MAX_FILE_BYTES) else {
        panic!("{name} is a plain export");
    };
    validate(raw, &BTreeMap::new())
}

fn import(dataset: &mut Dataset, name: &str) -> ImportRecord {
    import_into(
        dataset,
        validated(name),
        name,
        "2026-11-22T10:00:00Z",
        false,
        "0.1.0",
    )
    .record
}

#[test]
fn a_second_import_of_the_same_file_changes_nothing_and_says_so() {
    let mut dataset = Dataset::new();
    let first = import(&mut dataset, "valid-v1.samenscan.json");
    let records = dataset.responses.len() + dataset.meetings.len();
    assert!(records > 0);
    assert_eq!(
        first.summary,
        ImportSummary {
            new: records,
            ..Default::default()
        }
    );
    let before = dataset.clone();
    let second = import(&mut dataset, "valid-v1.samenscan.json");
    assert_eq!(dataset, before);
    assert_eq!(
        second.summary,
        ImportSummary {
            unchanged: records,
            ..Default::default()
        }
    );
}

#[test]
fn a_file_imported_again_renamed_or_reordered_is_one_file_and_a_newer_one_is_another() {
    let mut dataset = Dataset::new();
    let first = import(&mut dataset, "valid-v1.samenscan.json");
    let mut renamed = import(&mut dataset, "valid-v1.samenscan.json");
    renamed.file_name = "kopie.samenscan.json".into();
    assert_eq!(first.contents, renamed.contents);
    assert!(first.contents.ends_with(&format!(
        "-{}",
        dataset.responses.len() + dataset.meetings.len() + dataset.questionnaires.len()
    )));
    // One record in a later revision, one record fewer, or one answer changed: another file.
    let key = |change: &dyn Fn(&mut ValidatedFile)| {
        let mut file = validated("valid-v1.samenscan.json");
        change(&mut file);
        contents_key(&file)
    };
    let unchanged = key(&|_| {});
    assert_eq!(unchanged, first.contents);
    assert_ne!(key(&|f| f.contents.responses[0].revision += 1), unchanged);
    assert_ne!(
        key(&|f| {
            f.contents.responses.pop();
        }),
        unchanged
    );
    assert_ne!(
        key(&|f| {
            let (_, value) = f.contents.responses[0]
                .answers
                .iter_mut()
                .next()
                .expect("an answer");
            *value = serde_json::json!("iets anders");
        }),
        unchanged
    );
    // Files whose records were all skipped, for different reasons, are different files.
    let bad = validated("wrong-types.samenscan.json");
    assert!(bad.contents.responses.is_empty() || !bad.skipped.is_empty());
    let mut other_bad = validated("wrong-types.samenscan.json");
    other_bad
        .skipped
        .truncate(other_bad.skipped.len().saturating_sub(1));
    assert_ne!(contents_key(&bad), contents_key(&other_bad));
    let mut empty = validated("valid-v1.samenscan.json");
    empty.contents.responses.clear();
    empty.contents.meetings.clear();
    assert_ne!(contents_key(&empty), contents_key(&bad));
    // With the file's own text of its responses (a compact file, as the app writes): the
    // same text is the same file, one answer changed is another.
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/exchange/valid-v1.samenscan.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let compact = |value: &serde_json::Value| {
        let Ok(Decoded::Export(raw)) = decode(value.to_string().as_bytes(), MAX_FILE_BYTES) else {
            panic!("a plain export");
        };
        let file = validate(raw, &BTreeMap::new());
        assert!(file.responses_text.is_some());
        contents_key(&file)
    };
    let original = compact(&value);
    assert_eq!(compact(&value), original);
    value["responses"][0]["answers"]["grade"] = serde_json::json!(9);
    assert_ne!(compact(&value), original);
    // The definition's part is remembered for the definitions last seen (a thousand files
    // carry the same one): another definition under the same id and version is still
    // another file, and the one before still gives its own key.
    let changed = compact(&value);
    let mut renamed_definition = value.clone();
    renamed_definition["questionnaires"][0]["title"]["nl"] = serde_json::json!("Anders");
    assert_ne!(compact(&renamed_definition), changed);
    assert_eq!(compact(&value), changed);

    let other = import(&mut dataset, "duplicate-ids.samenscan.json");
    assert_ne!(other.contents, first.contents);
    let log = [first.clone(), other, renamed];
    assert_eq!(distinct_files(&log), vec![vec![0, 2], vec![1]]);
    assert_eq!(imported_files(&log), 2);
    // A file read with every record skipped is in the log but not among the imported files.
    let mut refused = import(&mut Dataset::new(), "wrong-types.samenscan.json");
    refused.summary.new = 0;
    refused.summary.updated = 0;
    refused.summary.unchanged = 0;
    refused.summary.conflicting = 0;
    refused.questionnaires = 0;
    assert!(refused.summary.skipped > 0 && refused.nothing_taken());
    assert!(!log[1].nothing_taken());
    assert_eq!(imported_files(&[log[0].clone(), refused.clone()]), 1);
    assert_eq!(imported_files(&[refused]), 0);

    // A record stored before keys were kept gets its key from its data when read back.
    let mut old = first.clone();
    old.contents.clear();
    let rebuilt = rebuild_into(&mut Dataset::new(), &old, &BTreeMap::new());
    assert!(rebuilt.whole);
    assert_eq!(rebuilt.contents, Some(first.contents.clone()));
    // Without a key, each record stands alone.
    assert_eq!(distinct_files(&[old.clone(), old]), vec![vec![0], vec![1]]);
    // The key is kept with the stored record.
    let stored = ImportRecord::from_stored(&first.to_stored()).unwrap();
    assert_eq!(stored.contents, first.contents);
    assert_eq!(first.without_data().contents, first.contents);
}

#[test]
fn skipped_records_and_duplicates_are_logged_in_both_languages() {
    let mut dataset = Dataset::new();
    let file = validated("wrong-types.samenscan.json");
    let skipped = file.skipped.len();
    assert!(skipped > 0);
    let record = import_into(
        &mut dataset,
        file,
        "x",
        "2026-11-22T10:00:00Z",
        false,
        "0.1.0",
    )
    .record;
    assert_eq!(record.summary.skipped, skipped);
    assert_eq!(record.details(Lang::Nl).len(), skipped);
    assert_eq!(record.details(Lang::En).len(), skipped);
    assert!(record.details(Lang::Nl)[0].contains("overgeslagen"));
    assert!(record.details(Lang::En)[0].contains("skipped"));

    let mut dataset = Dataset::new();
    let record = import(&mut dataset, "duplicate-ids.samenscan.json");
    // Every record of the file is in one count, the copies the rule dropped too: three of one
    // response (exact copies or a conflict) and two revisions of one meeting.
    let s = record.summary;
    assert_eq!(
        s.new + s.updated + s.unchanged + s.conflicting + s.skipped,
        5,
        "{s:?}"
    );
    assert_eq!(s.new, 2);
    assert!(!record.details(Lang::En).is_empty());
    assert!(record.details(Lang::En).iter().any(|l| l.contains("twice")));
}

#[test]
fn the_dataset_rebuilt_from_the_log_is_the_one_built_while_importing() {
    let mut dataset = Dataset::new();
    let names = [
        "valid-v1.samenscan.json",
        "duplicate-ids.samenscan.json",
        "answers-outside-questionnaire.samenscan.json",
        "valid-v1.samenscan.json",
    ];
    let log: Vec<ImportRecord> = names.iter().map(|n| import(&mut dataset, n)).collect();
    let (rebuilt, unreadable) = rebuild(&log, &BTreeMap::new());
    assert_eq!(unreadable, 0);
    assert_eq!(rebuilt, dataset);
    // In any order: merging is order-independent.
    let reversed: Vec<ImportRecord> = log.iter().rev().cloned().collect();
    assert_eq!(rebuild(&reversed, &BTreeMap::new()).0, dataset);
}

#[test]
fn a_file_imported_again_is_not_read_again_when_rebuilding() {
    let mut dataset = Dataset::new();
    let first = import(&mut dataset, "valid-v1.samenscan.json");
    assert!(!first.meetings.is_empty());
    let mut other = Dataset::new();
    let different = import(&mut other, "duplicate-ids.samenscan.json");
    // A copy with the first one's contents key is taken as holding what the first held: its
    // data is not read (here it holds another file's, which would show if it were).
    let mut again = first.clone();
    again.file_name = "opnieuw.samenscan.json".into();
    again.data = different.data.clone();
    let mut rebuilder = Rebuilder::default();
    let known = BTreeMap::new();
    assert!(rebuilder.add(&first, &known).whole);
    let skipped = rebuilder.add(&again, &known);
    assert!(skipped.whole);
    assert_eq!(
        skipped.meetings, first.meetings,
        "its meetings are the first's"
    );
    assert_eq!(rebuilder.dataset, dataset);
    // Under a key of its own, the same data is read.
    again.contents = different.contents.clone();
    assert!(rebuilder.add(&again, &known).whole);
    assert_ne!(rebuilder.dataset, dataset);
    // A first copy damaged in storage is read past: the next copy is read itself.
    let mut damaged = first.clone();
    damaged.data.truncate(damaged.data.len() / 2);
    let mut rebuilder = Rebuilder::default();
    assert!(!rebuilder.add(&damaged, &known).whole);
    assert!(rebuilder.add(&first, &known).whole);
    assert_eq!(rebuilder.dataset, dataset);
    // Records stored before contents keys were kept are each read.
    let mut old = first.clone();
    old.contents = String::new();
    let mut rebuilder = Rebuilder::default();
    let read = rebuilder.add(&old, &known);
    assert_eq!(read.contents.as_deref(), Some(first.contents.as_str()));
    let mut old_different = different.clone();
    old_different.contents = String::new();
    rebuilder.add(&old_different, &known);
    assert_ne!(rebuilder.dataset, dataset);
}

#[test]
fn a_stored_record_damaged_in_storage_is_left_out_and_counted() {
    let mut dataset = Dataset::new();
    let good = import(&mut dataset, "valid-v1.samenscan.json");
    let mut damaged = good.clone();
    damaged.data.truncate(damaged.data.len() / 2);
    let (rebuilt, unreadable) = rebuild(&[damaged, good], &BTreeMap::new());
    assert_eq!(unreadable, 1);
    assert_eq!(rebuilt, dataset);
}

#[test]
fn the_log_record_survives_storage() {
    let mut dataset = Dataset::new();
    let record = import(&mut dataset, "valid-v1.samenscan.json");
    assert!(!record.data.is_empty() && record.data.contains('"'));
    // Which meetings it held: said beside two records that may be one meeting.
    assert_eq!(record.meetings, ["c3d4e5f6-a7b8-4c9d-b0e1-f2a3b4c5d6e7"]);
    let stored = record.to_stored();
    // The fields, one newline, then the data as it is: not escaped inside the JSON.
    let (fields, data) = stored.split_once('\n').unwrap();
    assert_eq!(data, record.data);
    assert!(!fields.contains("\"data\""));
    assert_eq!(ImportRecord::from_stored(&stored).unwrap(), record);
    assert_eq!(record.stored_parts().concat(), stored);
    assert_eq!(
        ImportRecord::from_stored_bytes(stored.as_bytes()).unwrap(),
        record
    );
    let mut broken = stored.clone().into_bytes();
    broken.push(0xff);
    assert!(ImportRecord::from_stored_bytes(&broken).is_err());
    // What earlier builds stored (one JSON object, data inside) is read the same.
    let earlier = serde_json::json!({
        "file_name": record.file_name, "imported_at": record.imported_at,
        "encrypted": record.encrypted, "summary": record.summary,
        "questionnaires": record.questionnaires, "details_nl": record.details_nl,
        "details_en": record.details_en, "data": record.data,
    })
    .to_string();
    // (They kept no contents key and no meeting ids: the coordinator's loading fills them in
    // from the data.)
    let without_key = ImportRecord {
        contents: String::new(),
        meetings: Vec::new(),
        ..record.clone()
    };
    assert_eq!(ImportRecord::from_stored(&earlier).unwrap(), without_key);
    let read_again = rebuild_into(&mut Dataset::new(), &without_key, &BTreeMap::new());
    assert_eq!(read_again.meetings, record.meetings);
    assert!(ImportRecord::from_stored("{\"file_name\":").is_err());
    assert!(record.without_data().data.is_empty());
}

#[test]
fn only_questionnaires_other_than_the_built_in_one_count_as_made_available() {
    let mut dataset = Dataset::new();
    let record = import(&mut dataset, "valid-v1.samenscan.json");
    assert_eq!(
        record.questionnaires, 0,
        "valid-v1 carries only the built-in questionnaire"
    );
}

#[test]
fn a_questionnaire_imported_before_is_not_said_to_be_new_again() {
    let builtin: serde_json::Value =
        serde_json::from_str(include_str!("../src/domain/default_questionnaire.json")).unwrap();
    let mut custom = builtin.clone();
    custom["id"] = "samenwerking-oost".into();
    let file = serde_json::json!({
        "format": "samenscan/export", "format_version": 1,
        "exported_at": "2026-11-22T09:00:00Z", "questionnaires": [custom],
    })
    .to_string();
    let mut dataset = Dataset::new();
    let mut once = |name: &str| {
        let Ok(Decoded::Export(raw)) = decode(file.as_bytes(), MAX_FILE_BYTES) else {
            panic!("a plain export");
        };
        let validated = validate(raw, &BTreeMap::new());
        import_into(
            &mut dataset,
            validated,
            name,
            "2026-11-22T10:00:00Z",
            false,
            "0.1.0",
        )
        .record
        .questionnaires
    };
    assert_eq!(once("oost.samenscan.json"), 1);
    assert_eq!(once("oost-kopie.samenscan.json"), 0, "already available");
}

#[test]
fn skipped_answers_are_described_for_the_coordinator_not_as_instructions_to_fill_in() {
    let mut dataset = Dataset::new();
    let record = import(&mut dataset, "answers-outside-questionnaire.samenscan.json");
    let nl = record.details(Lang::Nl);
    let en = record.details(Lang::En);
    assert!(!nl.is_empty());
    let all = nl.join("\n");
    // The filling-in instructions ("Vul een getal in", "Beantwoord deze vraag") are for the
    // person at the form; the log says what is wrong with a record someone else wrote.
    for instruction in ["Vul een", "Beantwoord", "Kies "] {
        assert!(!all.contains(instruction), "{instruction} in:\n{all}");
    }
    // Each answer's question by its words (a coordinator can point a worker to it), with the
    // item id; a question of more than 80 characters is cut.
    assert!(
        all.contains("antwoord op de vraag “Welk rapportcijfer geeft u de samenwerking? (1 = heel slecht, 10 = uitstekend)” (grade): het getal ligt buiten 1 tot en met 10"),
        "{all}"
    );
    assert!(
        all.contains("antwoord op de vraag “In welke gemeente werkt u het meest?” (team): “amsterdam” is geen"),
        "{all}"
    );
    assert!(
        all.contains("antwoord op de vraag “Ik weet wie ik bij de andere organisatie kan bereiken als ik een vraag heb.” (kennen_1)"),
        "{all}"
    );
    assert!(
        all.contains("antwoord op “favourite_colour”: deze vraag bestaat niet"),
        "{all}"
    );
    let all = en.join("\n");
    for instruction in ["Enter a", "Answer this", "Choose "] {
        assert!(!all.contains(instruction), "{instruction} in:\n{all}");
    }
    assert!(
        all.contains("answer to the question “What grade do you give the collaboration? (1 = very poor, 10 = excellent)” (grade): the number is outside 1 to 10"),
        "{all}"
    );
    // An item no question has is named by its id.
    assert!(all.contains("answer to “favourite_colour”: "), "{all}");
}

#[test]
fn a_long_question_is_cut_in_the_log_and_an_unknown_item_is_named_by_its_id() {
    let path = format!(
        "{}/tests/fixtures/exchange/valid-v1.samenscan.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    file["responses"][0]["answers"]["processtappen_2"] = 9.into();
    // Not an item of its questionnaire, though another definition might have one of that id.
    file["responses"][1]["answers"]["tevredenheid"] = 3.into();
    let bytes = serde_json::to_vec(&file).unwrap();
    let Ok(Decoded::Export(raw)) = decode(&bytes, MAX_FILE_BYTES) else {
        panic!("a plain export");
    };
    let mut dataset = Dataset::new();
    let record = import_into(
        &mut dataset,
        validate(raw, &BTreeMap::new()),
        "lang.samenscan.json",
        "2026-11-22T10:00:00Z",
        false,
        "0.1.0",
    )
    .record;
    let all = record.details(Lang::Nl).join("\n");
    assert!(
        all.contains("antwoord op de vraag “Het is duidelijk wanneer en hoe een gezin van het lokale team naar…” (processtappen_2): het getal ligt buiten 1 tot en met 5"),
        "{all}"
    );
    assert!(
        all.contains("antwoord op “tevredenheid”: deze vraag bestaat niet"),
        "{all}"
    );
}

#[test]
fn an_answer_is_named_by_the_question_of_its_own_file_never_by_another_definition() {
    let path = format!(
        "{}/tests/fixtures/exchange/valid-v1.samenscan.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let details = |file: &serde_json::Value, known: &BTreeMap<_, _>| {
        let bytes = serde_json::to_vec(file).unwrap();
        let Ok(Decoded::Export(raw)) = decode(&bytes, MAX_FILE_BYTES) else {
            panic!("a plain export");
        };
        let record = import_into(
            &mut Dataset::new(),
            validate(raw, known),
            "eigen.samenscan.json",
            "2026-11-22T10:00:00Z",
            false,
            "0.1.0",
        )
        .record;
        record.details(Lang::Nl).join("\n")
    };
    // A definition of its own whose item "team" (as in the built-in one) asks something else.
    let mut own = original.clone();
    own["questionnaires"][0]["id"] = "eigen".into();
    for section in own["questionnaires"][0]["sections"].as_array_mut().unwrap() {
        for item in section["items"].as_array_mut().unwrap() {
            if item["id"] == "team" {
                item["label"]["nl"] = "In welk wijkteam werkt u?".into();
            }
        }
    }
    for response in own["responses"].as_array_mut().unwrap() {
        response["questionnaire"]["id"] = "eigen".into();
    }
    own["responses"][0]["answers"]["team"] = "amsterdam".into();
    let all = details(&own, &BTreeMap::new());
    assert!(
        all.contains("antwoord op de vraag “In welk wijkteam werkt u?” (team)"),
        "{all}"
    );
    // A file without its definition (known to the app): the item id alone, never a label of
    // another definition that happens to have an item of that id.
    let mut bare = original.clone();
    bare["questionnaires"] = serde_json::json!([]);
    bare["responses"][0]["answers"]["team"] = "amsterdam".into();
    let builtin = samenscan::domain::builtin();
    let known = BTreeMap::from([(builtin.reference(), builtin.clone())]);
    let all = details(&bare, &known);
    assert!(all.contains("antwoord op “team”: “amsterdam”"), "{all}");
}

/// A meeting's conflict names the meeting by its municipality and date beside its id: the id
/// alone is seen nowhere else (an acceptance test's coordinator could not tell which it was).
#[test]
fn a_meetings_conflict_is_named_by_its_municipality_and_date() {
    let path = format!(
        "{}/tests/fixtures/exchange/valid-v1.samenscan.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let file = |text: &str| {
        let Ok(Decoded::Export(raw)) = decode(text.as_bytes(), MAX_FILE_BYTES) else {
            panic!("a plain export");
        };
        validate(raw, &BTreeMap::new())
    };
    let mut dataset = Dataset::new();
    import_into(
        &mut dataset,
        file(&text),
        "a.json",
        "2026-11-22T10:00:00Z",
        false,
        "0.1.0",
    );
    // The same revision with other notes: a conflict.
    let other = text.replacen("Afstemming bij crisis.", "Afstemming bij een crisis.", 1);
    let record = import_into(
        &mut dataset,
        file(&other),
        "b.json",
        "2026-11-22T10:05:00Z",
        false,
        "0.1.0",
    )
    .record;
    assert_eq!(record.summary.conflicting, 1);
    let line = record
        .details_nl
        .iter()
        .find(|l| l.contains("hetzelfde revisienummer"))
        .unwrap();
    assert!(
        line.contains("bijeenkomst Apeldoorn, 2026-11-19 (c3d4e5f6-a7b8-4c9d-b0e1-f2a3b4c5d6e7)"),
        "{line}"
    );
    assert!(record
        .details_en
        .iter()
        .any(|l| l.contains("meeting Apeldoorn, 2026-11-19 (")));
}
