//! The questionnaire model: the built-in default covers every theme of design §2, definitions
//! round-trip through their JSON shape, and a broken definition reports every problem with its
//! path.

use std::collections::BTreeMap;

use samenscan::domain::questionnaire::JsonType;
use samenscan::domain::questionnaire::BUILTIN_JSON;
use samenscan::domain::{
    builtin, DefinitionIssue, DefinitionProblem, ItemKind, Label, Lang, Questionnaire,
};
use serde_json::{json, Value};

fn option_values(q: &Questionnaire, id: &str) -> Vec<String> {
    q.item(id)
        .unwrap_or_else(|| panic!("item {id}"))
        .kind
        .options()
        .iter()
        .map(|o| o.value.clone())
        .collect()
}

#[test]
fn builtin_parses_with_zero_issues() {
    let q = Questionnaire::from_json(BUILTIN_JSON).unwrap_or_else(|issues| {
        let text: Vec<String> = issues.iter().map(|i| i.message(Lang::En)).collect();
        panic!("built-in questionnaire has issues:\n{}", text.join("\n"))
    });
    assert_eq!(q.id(), "samenwerking");
    assert_eq!(q.version(), 1);
    assert_eq!(q.min_group_size(), 5);
    assert_eq!(&q, builtin());
}

#[test]
fn builtin_has_the_context_items_of_the_design() {
    let q = builtin();
    assert_eq!(
        option_values(q, "org"),
        ["lokaal_team", "gi", "veilig_thuis", "anders"]
    );
    let municipalities = [
        "aalten",
        "apeldoorn",
        "berkelland",
        "bronckhorst",
        "brummen",
        "doetinchem",
        "elburg",
        "epe",
        "ermelo",
        "harderwijk",
        "hattem",
        "heerde",
        "lochem",
        "montferland",
        "nunspeet",
        "oldebroek",
        "oost_gelre",
        "oude_ijsselstreek",
        "putten",
        "voorst",
        "winterswijk",
        "zutphen",
    ];
    assert_eq!(option_values(q, "team"), municipalities);
    assert_eq!(
        q.item("team")
            .unwrap()
            .option("oude_ijsselstreek")
            .unwrap()
            .label
            .get(Lang::Nl),
        "Oude IJsselstreek"
    );
    assert_eq!(
        option_values(q, "frequency"),
        ["nooit", "1_2_keer", "maandelijks", "wekelijks", "vaker"]
    );
    assert_eq!(
        option_values(q, "phase"),
        ["kennismaken", "opbouw", "verdieping"]
    );
    let group_by: Vec<&str> = q.group_by_items().map(|i| i.id.as_str()).collect();
    assert_eq!(group_by, ["org", "team", "frequency", "phase"]);
}

#[test]
fn builtin_has_grade_factors_open_questions_and_meeting_questions() {
    let q = builtin();
    let grade = q.grade_item().expect("a grade item");
    assert_eq!(grade.kind, ItemKind::Grade { min: 1, max: 10 });
    assert!(grade.required);

    let factor_ids: Vec<&str> = q.factors().iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        factor_ids,
        [
            "kennen",
            "veiligheid",
            "processtappen",
            "passende_hulp",
            "samen_optrekken",
            "casuistiek",
            "afspraken"
        ]
    );
    let mut reversed = 0;
    for f in q.factors() {
        let items: Vec<_> = q.factor_items(&f.id).collect();
        assert!(
            (2..=3).contains(&items.len()),
            "factor {} has {} items",
            f.id,
            items.len()
        );
        reversed += items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Likert { reverse: true, .. }))
            .count();
    }
    assert!(reversed >= 1, "at least one reverse-worded item");

    let texts: Vec<&str> = q.text_items().map(|i| i.id.as_str()).collect();
    assert_eq!(texts, ["strengths", "concerns", "improvements"]);
    assert_eq!(q.meeting_questions().len(), 5);
    assert_eq!(
        q.meeting_questions()[0].label.get(Lang::Nl),
        "Hoe verloopt de samenwerking?"
    );
    // Every text of the built-in definition exists in both languages.
    let json: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    fn walk(v: &Value, path: &str) {
        match v {
            Value::Object(m) => {
                if m.contains_key("nl") || m.contains_key("en") {
                    for lang in ["nl", "en"] {
                        let s = m.get(lang).and_then(Value::as_str).unwrap_or("");
                        assert!(!s.trim().is_empty(), "{path} lacks {lang}");
                    }
                }
                for (k, x) in m {
                    walk(x, &format!("{path}.{k}"));
                }
            }
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| walk(x, &format!("{path}[{i}]"))),
            _ => {}
        }
    }
    walk(&json, "");
}

#[test]
fn definitions_round_trip_through_their_json_shape() {
    let q = builtin();
    let again = Questionnaire::from_json(&q.to_json()).unwrap();
    assert_eq!(&again, q);
    // The serialised shape is the design's: same JSON as the file it came from.
    let original: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    assert_eq!(serde_json::to_value(q).unwrap(), original);
    // Deserialising runs the same checks.
    let broken = json!({"id": "x", "version": 1, "title": {"nl": "X"}, "sections": []});
    assert!(serde_json::from_value::<Questionnaire>(broken).is_err());
}

#[test]
fn label_falls_back_to_the_other_language() {
    let only_nl = Label {
        nl: Some("Over u".into()),
        en: None,
    };
    assert_eq!(only_nl.get(Lang::En), "Over u");
    let blank_en = Label {
        nl: Some("Over u".into()),
        en: Some(" ".into()),
    };
    assert_eq!(blank_en.get(Lang::En), "Over u");
    let only_en = Label {
        nl: None,
        en: Some("About you".into()),
    };
    assert_eq!(only_en.get(Lang::Nl), "About you");
    assert_eq!(Label::default().get(Lang::Nl), "");
    // The language the text was found in, to mark it (WCAG 3.1.2).
    assert_eq!(only_nl.lang_of(Lang::En), Lang::Nl);
    assert_eq!(blank_en.lang_of(Lang::En), Lang::Nl);
    assert_eq!(only_en.lang_of(Lang::Nl), Lang::En);
    assert_eq!(only_nl.lang_of(Lang::Nl), Lang::Nl);
    assert_eq!(Label::default().lang_of(Lang::En), Lang::En);
}

/// A definition with one of nearly every problem; each must be reported at its path.
#[test]
fn every_definition_problem_is_reported_with_its_path() {
    let text = json!({
        "id": "", "version": 0, "title": {}, "min_group_size": 1,
        "factors": [
            {"id": "f", "label": {"nl": "F"}},
            {"id": "f", "label": {"nl": "F again"}},
            {"id": "unused", "label": {"en": "Unused"}}
        ],
        "sections": [
            {"id": "s", "title": {"nl": "S"}, "items": [
                {"id": "a", "kind": "choice", "label": {"nl": "A"},
                 "options": [{"value": "x", "label": {"nl": "X"}}, {"value": "x", "label": {"nl": "X"}}]},
                {"id": "b", "kind": "multi", "label": {"nl": "B"}, "options": []},
                {"id": "c", "kind": "grade", "min": 10, "max": 1, "label": {"nl": "C"}},
                {"id": "d", "kind": "grade", "min": 1.5, "label": {"nl": "D"}},
                {"id": "e", "kind": "likert", "factor": "nope", "label": {"nl": "E"}},
                {"id": "g", "kind": "text", "factor": "f", "label": {"nl": "G"}, "group_by": true}
            ]},
            {"id": "s", "title": {"en": "S2"}, "items": [
                {"id": "a", "kind": "likert", "factor": "f", "label": {"nl": "dup"}},
                {"id": "h", "kind": "text", "label": {"nl": "H"}, "show_if": {"item": "later", "in": ["x"]}},
                {"id": "i", "kind": "text", "label": {"nl": "I"}, "show_if": {"item": "zzz", "in": ["x"]}},
                {"id": "j", "kind": "text", "label": {"nl": "J"}, "show_if": {"item": "c", "in": ["x"]}},
                {"id": "k", "kind": "text", "label": {"nl": "K"}, "show_if": {"item": "a", "in": ["y"]}},
                {"id": "l", "kind": "text", "label": {"nl": "L"}, "show_if": {"item": "l", "in": []}},
                {"id": "later", "kind": "choice", "label": {"nl": "Later"},
                 "options": [{"value": "x", "label": {"nl": "X"}}]},
                {"id": "", "kind": "slider", "label": {}},
                {"id": "n", "kind": "number", "min": 5, "max": 2, "label": {"nl": "N"}},
                {"id": "with space", "kind": "text", "label": {"nl": "W"}}
            ]}
        ],
        "meeting_questions": [{"id": "m1", "label": {"nl": "M"}}, {"id": "m1", "label": {}}]
    });
    let issues = Questionnaire::from_json(&text.to_string()).unwrap_err();
    let found: BTreeMap<String, Vec<DefinitionProblem>> =
        issues.iter().fold(BTreeMap::new(), |mut m, i| {
            m.entry(i.path.clone()).or_default().push(i.problem.clone());
            m
        });
    let has = |path: &str, want: DefinitionProblem| {
        let at = found.get(path).cloned().unwrap_or_default();
        assert!(
            at.contains(&want),
            "expected {want:?} at {path}; found there {at:?}\nall: {found:#?}"
        );
    };
    use DefinitionProblem as P;
    has("id", P::EmptyId);
    has("version", P::VersionZero);
    has("title", P::MissingLabel);
    has("min_group_size", P::MinGroupSizeTooSmall { value: 1 });
    has("factors[1].id", P::DuplicateId { id: "f".into() });
    has("sections[1].id", P::DuplicateId { id: "s".into() });
    has(
        "sections[0].items[0].options[1].value",
        P::DuplicateId { id: "x".into() },
    );
    has("sections[0].items[1].options", P::NoOptions);
    has("sections[0].items[2].min", P::MinAboveMax);
    // A second grade item is allowed (the first is the report's grade); only its bound is wrong.
    assert!(
        !found.contains_key("sections[0].items[3].kind"),
        "a second grade is no problem: {found:#?}"
    );
    has("sections[0].items[3].min", P::NotAnInteger);
    has(
        "sections[0].items[4].factor",
        P::UnknownFactor {
            factor: "nope".into(),
        },
    );
    has("sections[1].items[0].id", P::DuplicateId { id: "a".into() });
    has(
        "sections[1].items[1].show_if.item",
        P::ShowIfNotEarlier {
            item: "later".into(),
        },
    );
    has(
        "sections[1].items[2].show_if.item",
        P::ShowIfUnknownItem { item: "zzz".into() },
    );
    // "x" for a grade (item c) can never be its answer.
    has(
        "sections[1].items[3].show_if.in[0]",
        P::ShowIfImpossibleValue { value: "x".into() },
    );
    has(
        "sections[1].items[4].show_if.in[0]",
        P::ShowIfUnknownValue { value: "y".into() },
    );
    has("sections[1].items[5].show_if.in", P::ShowIfEmpty);
    has(
        "sections[1].items[5].show_if.item",
        P::ShowIfNotEarlier { item: "l".into() },
    );
    has("sections[1].items[7].id", P::EmptyId);
    has(
        "sections[1].items[7].kind",
        P::UnknownKind {
            kind: "slider".into(),
        },
    );
    has("sections[1].items[7].label", P::MissingLabel);
    has("sections[1].items[8].min", P::MinAboveMax);
    has(
        "sections[1].items[9].id",
        P::InvalidId {
            id: "with space".into(),
        },
    );
    has(
        "meeting_questions[1].id",
        P::DuplicateId { id: "m1".into() },
    );
    has("meeting_questions[1].label", P::MissingLabel);
    // Messages name the path and read as words in both languages.
    let msg = issues
        .iter()
        .find(|i| i.path == "sections[0].items[1].options")
        .unwrap();
    assert_eq!(
        msg.message(Lang::Nl),
        "sections[0].items[1].options (vraag “b”): deze keuzevraag heeft geen antwoordmogelijkheden"
    );
    assert!(msg
        .message(Lang::En)
        .ends_with("this choice question has no options"));
}

#[test]
fn not_json_is_one_malformed_issue() {
    let issues = Questionnaire::from_json("{ not json").unwrap_err();
    assert_eq!(issues.len(), 1);
    assert!(matches!(
        issues[0].problem,
        DefinitionProblem::Malformed { .. }
    ));
    // JSON, but not an object: one issue for the whole document.
    let issues = Questionnaire::from_json("[1, 2]").unwrap_err();
    assert_eq!(
        issues,
        [DefinitionIssue {
            path: String::new(),
            problem: DefinitionProblem::WrongType {
                expected: JsonType::Object,
                found: JsonType::List
            },
            within: None,
        }]
    );
}

fn problems(issues: &[DefinitionIssue]) -> Vec<(&str, DefinitionProblem)> {
    issues
        .iter()
        .map(|i| (i.path.as_str(), i.problem.clone()))
        .collect()
}

/// Fields of the wrong JSON type, many in one file: each is one issue at its own path, and
/// nothing that only follows from leaving the field out is reported besides.
#[test]
fn wrongly_typed_fields_are_each_reported_at_their_path() {
    let text = json!({
        "id": "q", "version": 1, "title": {"nl": "Q"}, "min_group_size": "5",
        "factors": [{"id": "f", "label": {"nl": "F", "en": 7}}],
        "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "g", "kind": "grade", "min": "3", "required": "yes", "label": {"nl": "G"}},
            {"id": "c", "kind": "choice", "options": 5, "label": {"nl": "C"}},
            {"id": "l", "kind": "likert", "factor": "f", "reverse": 1, "label": {"nl": "L"}},
            {"id": "t", "kind": "text", "label": "T", "show_if": {"item": "c"}},
            42
        ]}, "not a section"],
        "meeting_questions": {"m1": "?"}
    });
    let issues = Questionnaire::from_json(&text.to_string()).unwrap_err();
    use DefinitionProblem::*;
    use JsonType::*;
    let wrong = |expected, found| WrongType { expected, found };
    let mut found = problems(&issues);
    found.sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(
        found,
        [
            ("factors[0].label.en", wrong(Text, WholeNumber)),
            ("meeting_questions", wrong(List, Object)),
            ("min_group_size", wrong(WholeNumber, Text)),
            ("sections[0].items[0].min", wrong(Number, Text)),
            ("sections[0].items[0].required", wrong(Boolean, Text)),
            ("sections[0].items[1].options", wrong(List, WholeNumber)),
            ("sections[0].items[2].reverse", wrong(Boolean, WholeNumber)),
            ("sections[0].items[3].label", wrong(Object, Text)),
            ("sections[0].items[3].show_if.in", MissingField),
            ("sections[0].items[4]", wrong(Object, WholeNumber)),
            ("sections[1]", wrong(Object, Text)),
        ]
    );
    let min = issues
        .iter()
        .find(|i| i.path == "sections[0].items[0].min")
        .unwrap();
    assert_eq!(
        min.message(Lang::Nl),
        "sections[0].items[0].min (vraag “g”): hier hoort een getal, maar er staat tekst tussen aanhalingstekens"
    );
    assert_eq!(
        min.message(Lang::En),
        "sections[0].items[0].min (question “g”): this should be a number, but it is text in quotes"
    );
    // Deserialising runs the same checks and says the same.
    let err = serde_json::from_value::<Questionnaire>(text).unwrap_err();
    assert!(
        err.to_string().contains("sections[0].items[1].options"),
        "{err}"
    );
}

/// Type problems and the other problems of a definition are reported together.
#[test]
fn type_problems_come_with_the_other_problems() {
    let text = json!({
        "id": "", "version": "1", "title": {"nl": "Q"},
        "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "g", "kind": "grade", "min": 10, "max": "1", "label": {"nl": "G"}},
            {"id": "n", "kind": "number", "min": 5, "max": 2, "label": {"nl": "N"}},
            {"id": "x", "kind": "slider", "label": {"nl": "X"}, "show_if": {"item": 3, "in": ["a", true]}}
        ]}]
    });
    let issues = Questionnaire::from_json(&text.to_string()).unwrap_err();
    use DefinitionProblem::*;
    use JsonType::*;
    let mut found = problems(&issues);
    found.sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(
        found,
        [
            ("id", EmptyId),
            (
                "sections[0].items[0].max",
                WrongType {
                    expected: Number,
                    found: Text
                }
            ),
            // min 10 against the default max 10 left after "1": not reported (it follows).
            ("sections[0].items[1].min", MinAboveMax),
            (
                "sections[0].items[2].kind",
                UnknownKind {
                    kind: "slider".into()
                }
            ),
            (
                "sections[0].items[2].show_if.in[1]",
                WrongType {
                    expected: Text,
                    found: Boolean
                }
            ),
            (
                "sections[0].items[2].show_if.item",
                WrongType {
                    expected: Text,
                    found: WholeNumber
                }
            ),
            (
                "version",
                WrongType {
                    expected: WholeNumber,
                    found: Text
                }
            ),
        ]
    );
}

#[test]
fn versions_out_of_range_are_reported_at_their_path() {
    let with = |version: &str| {
        format!(
            r#"{{"id":"q","version":{version},"title":{{"nl":"Q"}},"sections":[{{"id":"s",
            "title":{{"nl":"S"}},"items":[{{"id":"t","kind":"text","label":{{"nl":"T"}}}}]}}]}}"#
        )
    };
    let one = |version: &str| {
        let issues = Questionnaire::from_json(&with(version)).unwrap_err();
        assert_eq!(issues.len(), 1, "{issues:?}");
        (issues[0].path.clone(), issues[0].problem.clone())
    };
    assert_eq!(
        one("-1"),
        ("version".into(), DefinitionProblem::VersionZero)
    );
    assert_eq!(
        one("4294967296"),
        (
            "version".into(),
            DefinitionProblem::TooLarge {
                max: u64::from(u32::MAX)
            }
        )
    );
    assert_eq!(
        one("1.5"),
        (
            "version".into(),
            DefinitionProblem::WrongType {
                expected: JsonType::WholeNumber,
                found: JsonType::Number
            }
        )
    );
    assert!(Questionnaire::from_json(&with("4294967295")).is_ok());
    // null where a label's language may be missing is fine; null where an id is needed is not.
    assert!(Questionnaire::from_json(
        &with("1").replace(r#"{"nl":"Q"}"#, r#"{"nl":"Q","en":null}"#)
    )
    .is_ok());
}

#[test]
fn defaults_apply_when_fields_are_left_out() {
    let q = Questionnaire::from_json(
        r#"{"id": "q", "version": 2, "title": {"en": "Q"}, "sections": [{"id": "s", "title": {"en": "S"},
            "items": [{"id": "g", "kind": "grade", "label": {"en": "G"}},
                      {"id": "l", "kind": "likert", "label": {"en": "L"}}]}]}"#,
    )
    .unwrap();
    assert_eq!(q.min_group_size(), 5);
    assert_eq!(
        q.grade_item().unwrap().kind,
        ItemKind::Grade { min: 1, max: 10 }
    );
    assert_eq!(
        q.item("l").unwrap().kind,
        ItemKind::Likert {
            factor: None,
            reverse: false
        }
    );
    assert!(q.meeting_questions().is_empty());
    // The grade is found by its kind, whatever its id.
    assert_eq!(q.grade_item().unwrap().id, "g");
}

#[test]
fn visibility_follows_show_if_transitively() {
    let q = Questionnaire::from_json(
        &json!({"id": "v", "version": 1, "title": {"nl": "V"}, "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "a", "kind": "choice", "label": {"nl": "A"},
             "options": [{"value": "ja", "label": {"nl": "Ja"}}, {"value": "nee", "label": {"nl": "Nee"}}]},
            {"id": "b", "kind": "multi", "label": {"nl": "B"}, "show_if": {"item": "a", "in": ["ja"]},
             "options": [{"value": "x", "label": {"nl": "X"}}, {"value": "y", "label": {"nl": "Y"}}]},
            {"id": "c", "kind": "text", "label": {"nl": "C"}, "show_if": {"item": "b", "in": ["y"]}}
        ]}]})
        .to_string(),
    )
    .unwrap();
    let visible = |answers: Value| {
        let answers: BTreeMap<String, Value> = serde_json::from_value(answers).unwrap();
        let answers: samenscan::domain::response::Answers = answers
            .into_iter()
            .map(|(k, v)| (samenscan::domain::response::item_id(&k), v))
            .collect();
        q.items()
            .map(|i| q.is_visible(i, &answers))
            .collect::<Vec<bool>>()
    };
    assert_eq!(visible(json!({})), [true, false, false]);
    assert_eq!(
        visible(json!({"a": "ja", "b": ["x", "y"]})),
        [true, true, true]
    );
    assert_eq!(visible(json!({"a": "ja", "b": ["x"]})), [true, true, false]);
    // b still holds y, but b is hidden because a = nee, so c is hidden too.
    assert_eq!(
        visible(json!({"a": "nee", "b": ["y"]})),
        [true, false, false]
    );
}

#[test]
fn a_grade_scale_may_not_ask_for_billions_of_values() {
    // An imported definition with an absurd grade range is refused before any report would
    // count its values (min -9e18 .. max 9e18 would exhaust memory and overflow max - min).
    let base = r#"{"id":"q","version":1,"title":{"nl":"Q"},"sections":[{"id":"s","title":{"nl":"S"},
        "items":[{"id":"g","kind":"grade","label":{"nl":"Cijfer"},"min":MIN,"max":MAX}]}]}"#;
    let with = |min: &str, max: &str| base.replace("MIN", min).replace("MAX", max);
    let issues = Questionnaire::from_json(&with("-9000000000000000000", "9000000000000000000"))
        .expect_err("refused");
    assert!(issues.iter().any(|i| i.path == "sections[0].items[0].max"
        && i.problem == DefinitionProblem::GradeRangeTooWide));
    // 0..=100 is 101 values: the widest scale allowed; 0..=101 is one too many.
    assert!(Questionnaire::from_json(&with("0", "100")).is_ok());
    let issues = Questionnaire::from_json(&with("0", "101")).expect_err("refused");
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].problem, DefinitionProblem::GradeRangeTooWide);
}

#[test]
fn reading_the_same_definition_again_gives_the_same_and_a_changed_one_is_read_anew() {
    let value: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    let first = Questionnaire::from_value(value.clone()).unwrap();
    for _ in 0..3 {
        assert_eq!(Questionnaire::from_value(value.clone()).unwrap(), first);
    }
    // One changed word is another definition, not the one remembered.
    let mut retitled = value.clone();
    retitled["title"]["nl"] = json!("Samenwerking evalueren, tweede ronde");
    let second = Questionnaire::from_value(retitled).unwrap();
    assert_eq!(
        second.title().get(Lang::Nl),
        "Samenwerking evalueren, tweede ronde"
    );
    // A broken copy is reported, whatever valid copies were read before.
    let mut broken = value.clone();
    broken["version"] = json!(0);
    assert!(Questionnaire::from_value(broken).is_err());
    assert_eq!(Questionnaire::from_value(value).unwrap(), first);
}

#[test]
fn an_unanswered_condition_may_still_show_its_items() {
    // What the step counter counts: before the frequency is answered the grade may be asked;
    // after "nooit" it will not be; after "wekelijks" it is.
    let q = builtin();
    let grade = q.grade_item().unwrap();
    let answers = |frequency: Option<&str>| -> samenscan::domain::response::Answers {
        let mut map = serde_json::Map::new();
        map.insert("org".into(), json!("gi"));
        if let Some(f) = frequency {
            map.insert("frequency".into(), json!(f));
        }
        serde_json::from_value(Value::Object(map)).unwrap()
    };
    let seen = |frequency| {
        let a = answers(frequency);
        (q.is_visible(grade, &a), q.may_be_visible(grade, &a))
    };
    assert_eq!(seen(None), (false, true));
    assert_eq!(seen(Some("nooit")), (false, false));
    assert_eq!(seen(Some("wekelijks")), (true, true));
}

/// What other tools write and nothing misreads is accepted: a factor no statement uses yet,
/// fields of another kind (a statement's `min`/`max`, a text's `factor`), `group_by` on an item
/// that cannot split (ignored), and `null` for `required` or `group_by` (absent).
#[test]
fn harmless_extras_in_a_definition_are_accepted() {
    let q = Questionnaire::from_json(
        &json!({
            "id": "ruim", "version": 1, "title": {"nl": "Ruim"},
            "factors": [{"id": "f", "label": {"nl": "F"}}, {"id": "leeg", "label": {"nl": "Leeg"}}],
            "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
                {"id": "org", "kind": "choice", "group_by": true, "required": null, "label": {"nl": "Org"},
                 "options": [{"value": "gi", "label": {"nl": "GI"}}]},
                {"id": "rollen", "kind": "multi", "group_by": true, "label": {"nl": "Rollen"},
                 "options": [{"value": "a", "label": {"nl": "A"}}, {"value": "b", "label": {"nl": "B"}}]},
                {"id": "cijfer", "kind": "grade", "group_by": true, "options": [], "label": {"nl": "Cijfer"}},
                {"id": "k1", "kind": "likert", "factor": "f", "min": 1, "max": 5, "label": {"nl": "K1"}},
                {"id": "t", "kind": "text", "factor": "f", "max": 500, "group_by": null, "label": {"nl": "T"}},
                {"id": "t2", "kind": "text", "factor": 3, "options": [{"value": 1}], "min": "x", "label": {"nl": "T2"}}
            ]}]
        })
        .to_string(),
    )
    .unwrap_or_else(|issues| panic!("{issues:?}"));
    let splits: Vec<&str> = q.group_by_items().map(|i| i.id.as_str()).collect();
    assert_eq!(splits, ["org"]);
    assert_eq!(q.factors().len(), 2);
    assert_eq!(q.factor_items("leeg").count(), 0);
    assert_eq!(q.factor_items("f").count(), 1);
    assert!(!q.items().any(|i| i.required));
    // Its report: the empty factor has no figures, nothing fails.
    let report = samenscan::domain::report::build_report(&q, &[], &Default::default());
    assert_eq!(report.factors.len(), 2);
}

/// A field spelt nearly as a known one is a typo that would change the meaning if ignored (a
/// reversed statement scored as it stands, a split that is none, the default group size): it
/// is refused at its path, naming the field meant. A field unlike any known one is ignored.
#[test]
fn misspelt_fields_are_refused_and_unlike_ones_ignored() {
    let text = json!({
        "id": "typo", "version": 1, "title": {"nl": "Typo", "En": "Typo"}, "min_grup_size": 3,
        "description": "Voor de pilot", "_comment": "door de facilitator",
        "factors": [{"id": "f", "lable": {"nl": "F"}}],
        "sections": [{"id": "s", "title": {"nl": "S"}, "item": [], "items": [
            {"id": "team", "kind": "choice", "group-by": true, "label": {"nl": "Team"},
             "options": [{"value": "a", "label": {"nl": "A"}, "help": "x"}, {"valeu": "b", "label": {"nl": "B"}}]},
            {"id": "k1", "kind": "likert", "factor": "f", "revers": true, "label": {"nl": "K1"}},
            {"id": "k2", "kind": "likert", "factors": "f", "requried": true, "label": {"nl": "K2"}},
            {"id": "t", "kind": "text", "showIf": {"item": "team", "in": ["a"]}, "label": {"nl": "T"}, "hint": "kort"},
            {"id": "u", "kind": "text", "show_if": {"items": "team", "in": ["a"]}, "label": {"nl": "U"}},
            {"id": "k3", "kind": "likert", "factors": ["f"], "optional": false, "label": {"nl": "K3"}},
            {"id": "k4", "type": "likert", "factor_id": "f", "label": {"nl": "K4"}}
        ]}]
    });
    let issues = Questionnaire::from_json(&text.to_string()).unwrap_err();
    let misspelt: Vec<(String, &str)> = issues
        .iter()
        .filter_map(|i| match i.problem {
            DefinitionProblem::MisspeltField { meant } => Some((i.path.clone(), meant)),
            _ => None,
        })
        .collect();
    let expected: Vec<(String, &str)> = [
        ("title.En", "en"),
        ("min_grup_size", "min_group_size"),
        ("factors[0].lable", "label"),
        ("sections[0].item", "items"),
        ("sections[0].items[0].group-by", "group_by"),
        ("sections[0].items[0].options[1].valeu", "value"),
        ("sections[0].items[1].revers", "reverse"),
        ("sections[0].items[2].factors", "factor"),
        ("sections[0].items[2].requried", "required"),
        ("sections[0].items[3].showIf", "show_if"),
        ("sections[0].items[4].show_if.items", "item"),
        // A list where a text belongs: the misspelling is said, not the type of what it holds.
        ("sections[0].items[5].factors", "factor"),
        // Other tools' words for a field, and a field with more after it, are no decoration.
        ("sections[0].items[6].type", "kind"),
        ("sections[0].items[6].factor_id", "factor"),
    ]
    .iter()
    .map(|&(p, m)| (p.to_string(), m))
    .collect();
    let mut sorted = misspelt.clone();
    sorted.sort();
    let mut want = expected.clone();
    want.sort();
    assert_eq!(sorted, want);
    // "optional" says the opposite of "required": its own words.
    let optional = issues
        .iter()
        .find(|i| i.path == "sections[0].items[5].optional")
        .unwrap();
    assert_eq!(optional.problem, DefinitionProblem::OptionalField);
    assert!(optional
        .message(Lang::Nl)
        .contains("schrijf “required”: false"));
    // Nothing else: a misspelt field is not also called missing ("label", "value", "item").
    assert_eq!(issues.len(), misspelt.len() + 1, "{issues:#?}");
    let revers = issues
        .iter()
        .find(|i| i.path == "sections[0].items[1].revers")
        .unwrap();
    assert_eq!(
        revers.message(Lang::Nl),
        "sections[0].items[1].revers (vraag “k1”): dit veld kent de app niet; bedoeld is waarschijnlijk “reverse”"
    );
    assert_eq!(
        revers.message(Lang::En),
        "sections[0].items[1].revers (question “k1”): the app does not know this field; “reverse” was probably meant"
    );

    // Each names the part it is in by its id, what a person editing the file searches for.
    let within = |path: &str| {
        issues
            .iter()
            .find(|i| i.path == path)
            .unwrap()
            .within
            .clone()
    };
    use samenscan::domain::questionnaire::Within;
    assert_eq!(within("factors[0].lable"), Some(Within::Factor("f".into())));
    assert_eq!(
        within("sections[0].item"),
        Some(Within::Section("s".into()))
    );
    assert_eq!(
        within("sections[0].items[0].options[1].valeu"),
        Some(Within::Item("team".into()))
    );
    assert_eq!(within("title.En"), None);
    assert_eq!(
        issues.iter().find(|i| i.path == "factors[0].lable").unwrap().message(Lang::En),
        "factors[0].lable (factor “f”): the app does not know this field; “label” was probably meant"
    );

    // What is inside a misspelt field is still checked: its problems are the file's own.
    let inside = Questionnaire::from_json(
        &json!({"id": "q", "version": 1, "title": {"nl": "Q"}, "Sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "a", "kind": "text", "label": {"nl": "A"}}, {"id": "a", "kind": "text", "label": {"nl": "B"}}]}]})
        .to_string(),
    )
    .unwrap_err();
    let mut said = problems(&inside);
    said.sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(
        said,
        [
            (
                "Sections",
                DefinitionProblem::MisspeltField { meant: "sections" }
            ),
            (
                "sections[0].items[1].id",
                DefinitionProblem::DuplicateId { id: "a".into() }
            ),
        ]
    );

    // Spelt right, the same definition loads, its decoration ("description", "help", "hint")
    // ignored, and the statement is reversed.
    let right = json!({
        "id": "typo", "version": 1, "title": {"nl": "Typo"}, "min_group_size": 3,
        "description": "Voor de pilot", "_comment": "door de facilitator", "$schema": "x",
        "factors": [{"id": "f", "label": {"nl": "F"}}],
        "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "team", "kind": "choice", "group_by": true, "label": {"nl": "Team"},
             "options": [{"value": "a", "label": {"nl": "A"}, "help": "x"}, {"value": "b", "label": {"nl": "B"}}]},
            {"id": "k1", "kind": "likert", "factor": "f", "reverse": true, "label": {"nl": "K1"}, "hint": "kort",
             "_reverse": false, "type": "statement"},
            {"id": "k2", "kind": "likert", "factor": "f", "label": {"nl": "K2"}, "_show_if": {"item": "team", "in": ["a"]}}
        ]}]
    });
    let q = Questionnaire::from_json(&right.to_string()).unwrap_or_else(|i| panic!("{i:?}"));
    assert_eq!(q.min_group_size(), 3);
    assert!(matches!(
        q.item("k1").unwrap().kind,
        samenscan::domain::questionnaire::ItemKind::Likert { reverse: true, .. }
    ));
    assert_eq!(q.group_by_items().count(), 1);
}

/// A field left out is called missing, not by what its default would be ("version 0", "an
/// empty id", "unknown kind “”"), and nothing that follows from it is reported besides.
#[test]
fn fields_left_out_are_called_missing() {
    let text = json!({
        "title": {"nl": "Q"},
        "factors": [{"label": {"nl": "F"}}],
        "sections": [{"id": "s", "items": [
            {"id": "c", "label": {"nl": "C"}},
            {"kind": "choice", "label": {"nl": "D"}, "options": [{"label": {"nl": "A"}}, {"value": "b"}]}
        ]}]
    });
    let issues = Questionnaire::from_json(&text.to_string()).unwrap_err();
    let mut found = problems(&issues);
    found.sort_by(|a, b| a.0.cmp(b.0));
    use DefinitionProblem::MissingField;
    assert_eq!(
        found,
        [
            ("factors[0].id", MissingField),
            ("id", MissingField),
            ("sections[0].items[0].kind", MissingField),
            ("sections[0].items[1].id", MissingField),
            ("sections[0].items[1].options[0].value", MissingField),
            ("sections[0].items[1].options[1].label", MissingField),
            ("sections[0].title", MissingField),
            ("version", MissingField),
        ]
    );
    let kind = issues
        .iter()
        .find(|i| i.path == "sections[0].items[0].kind")
        .unwrap();
    assert_eq!(
        kind.message(Lang::Nl),
        "sections[0].items[0].kind (vraag “c”): dit veld ontbreekt"
    );
}

/// `show_if` on a grade, statement or number item lists numbers (design §2: "hides an item
/// unless the named item's answer is in the list"): concerns asked only after a low grade.
#[test]
fn show_if_on_a_grade_lists_numbers() {
    let q = Questionnaire::from_json(
        &json!({
            "id": "laag", "version": 1, "title": {"nl": "Laag"},
            "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
                {"id": "cijfer", "kind": "grade", "label": {"nl": "Cijfer"}},
                {"id": "zorgen", "kind": "text", "label": {"nl": "Zorgen"},
                 "show_if": {"item": "cijfer", "in": [1, 2, 3, 4, 5.0]}},
                {"id": "uitleg", "kind": "text", "label": {"nl": "Uitleg"},
                 "show_if": {"item": "zorgen", "in": ["ja"]}}
            ]}]
        })
        .to_string(),
    )
    .unwrap_or_else(|issues| panic!("{issues:?}"));
    let zorgen = q.item("zorgen").unwrap();
    let visible = |answers: Value| {
        let answers: samenscan::domain::response::Answers =
            serde_json::from_value(answers).unwrap();
        q.is_visible(zorgen, &answers)
    };
    assert!(visible(json!({"cijfer": 4})));
    assert!(visible(json!({"cijfer": 5})));
    assert!(!visible(json!({"cijfer": 8})));
    assert!(!visible(json!({})));
    // Written back as read: numbers stay numbers, and 5.0 is 5 (the same definition as one
    // that writes 5).
    let again = Questionnaire::from_json(&q.to_json()).unwrap();
    assert_eq!(again, q);
    let written_whole = Questionnaire::from_json(&q.to_json().replace("5.0", "5")).unwrap();
    assert_eq!(written_whole, q);
    assert_eq!(
        Questionnaire::from_json(&q.to_json().replace("5", "5.0")).unwrap(),
        q
    );

    // A text for a grade, or a number for a choice, can never be met: refused with the value.
    let bad = json!({
        "id": "mis", "version": 1, "title": {"nl": "Mis"},
        "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "org", "kind": "choice", "label": {"nl": "Org"}, "options": [{"value": "gi", "label": {"nl": "GI"}}]},
            {"id": "cijfer", "kind": "grade", "label": {"nl": "Cijfer"}},
            {"id": "a", "kind": "text", "label": {"nl": "A"}, "show_if": {"item": "org", "in": [1]}},
            {"id": "b", "kind": "text", "label": {"nl": "B"}, "show_if": {"item": "cijfer", "in": ["laag"]}},
            {"id": "s", "kind": "likert", "label": {"nl": "S"}},
            {"id": "c", "kind": "text", "label": {"nl": "C"}, "show_if": {"item": "cijfer", "in": [11, 7.5, 10]}},
            {"id": "d", "kind": "text", "label": {"nl": "D"}, "show_if": {"item": "s", "in": [0, 6, 5]}}
        ]}]
    });
    let issues = Questionnaire::from_json(&bad.to_string()).unwrap_err();
    let problems: Vec<(String, DefinitionProblem)> =
        issues.into_iter().map(|i| (i.path, i.problem)).collect();
    assert_eq!(
        problems,
        [
            (
                "sections[0].items[2].show_if.in[0]".to_string(),
                DefinitionProblem::ShowIfImpossibleValue { value: "1".into() }
            ),
            (
                "sections[0].items[3].show_if.in[0]".to_string(),
                DefinitionProblem::ShowIfImpossibleValue {
                    value: "laag".into()
                }
            ),
            // A grade of 11 or 7.5 on a 1–10 scale, a statement of 0 or 6: never answered.
            (
                "sections[0].items[5].show_if.in[0]".to_string(),
                DefinitionProblem::ShowIfImpossibleValue { value: "11".into() }
            ),
            (
                "sections[0].items[5].show_if.in[1]".to_string(),
                DefinitionProblem::ShowIfImpossibleValue {
                    value: "7.5".into()
                }
            ),
            (
                "sections[0].items[6].show_if.in[0]".to_string(),
                DefinitionProblem::ShowIfImpossibleValue { value: "0".into() }
            ),
            (
                "sections[0].items[6].show_if.in[1]".to_string(),
                DefinitionProblem::ShowIfImpossibleValue { value: "6".into() }
            ),
        ]
    );
}

/// A draft's progress counts what is asked or may still be: 24 questions of the built-in
/// enquête until "nooit" leaves out the 18 about working together.
#[test]
fn progress_counts_what_is_or_may_still_be_asked() {
    let q = samenscan::domain::builtin();
    let progress = |answers: Value| {
        let answers: samenscan::domain::response::Answers =
            serde_json::from_value(answers).unwrap();
        q.progress(&answers)
    };
    assert_eq!(q.items().count(), 24);
    assert_eq!(progress(json!({})), (0, 24));
    assert_eq!(
        progress(json!({"org": "gi", "frequency": "wekelijks", "grade": 7, "kennen_1": null})),
        (4, 24)
    );
    // "Nooit" hides the grade, the phase and the 16 statements; a grade kept from before does
    // not count.
    assert_eq!(
        progress(json!({"org": "gi", "frequency": "nooit", "grade": 7})),
        (2, 6)
    );
}

/// Meetings are held per option of the municipality list: the item named so, else a regional
/// questionnaire's first split other than the organisation that names a place (an acceptance
/// test got the built-in Gelderland municipalities for a questionnaire split by `regio`).
#[test]
fn the_municipality_list_is_named_or_the_first_split_of_places_besides_the_organisation() {
    let q = |items: serde_json::Value| {
        Questionnaire::from_value(serde_json::json!({
            "id": "regionaal", "version": 1, "title": {"nl": "Regionaal"},
            "sections": [{"id": "s", "title": {"nl": "S"}, "items": items}]
        }))
        .unwrap()
    };
    let choice = |id: &str, group_by: bool| {
        serde_json::json!({"id": id, "kind": "choice", "group_by": group_by, "label": {"nl": id},
            "options": [{"value": "a", "label": {"nl": "A"}}, {"value": "b", "label": {"nl": "B"}}]})
    };
    let regional = q(serde_json::json!([
        choice("org", true),
        choice("regio", true),
        choice("rol", true)
    ]));
    assert_eq!(regional.municipality_item().unwrap().id, "regio");
    let named = q(serde_json::json!([
        choice("regio", true),
        choice("gemeente", false)
    ]));
    assert_eq!(named.municipality_item().unwrap().id, "gemeente");
    let none = q(serde_json::json!([
        choice("org", true),
        choice("kleur", false)
    ]));
    assert!(none.municipality_item().is_none());
    assert_eq!(builtin().municipality_item().unwrap().id, "team");
    // A split by role or function is no list of places to hold meetings in (an acceptance test
    // saw "Nog niet: Aandachtsfunctionaris, Begeleider" among the municipalities); a place named
    // in the question counts, in either language, but not a word merely containing one.
    let by_role = q(serde_json::json!([
        choice("org", true),
        choice("functie", true)
    ]));
    assert!(by_role.municipality_item().is_none());
    let asked = |id: &str, nl: &str, en: &str| {
        serde_json::json!({"id": id, "kind": "choice", "group_by": true,
            "label": {"nl": nl, "en": en},
            "options": [{"value": "a", "label": {"nl": "A"}}, {"value": "b", "label": {"nl": "B"}}]})
    };
    let by_district = q(serde_json::json!([
        asked(
            "plaatsing",
            "Was er een uithuisplaatsing?",
            "Was a child placed out of home?"
        ),
        asked(
            "werkveld",
            "Waar werkt u?",
            "In which district do you work?"
        )
    ]));
    assert_eq!(by_district.municipality_item().unwrap().id, "werkveld");
    // Words that only begin like a place, or a role asked about within one, are no list of
    // places; a neighbourhood or province is one.
    for (nl, en) in [
        (
            "Wat is uw rol in het team?",
            "What is your role in the team?",
        ),
        ("Bent u teamleider?", "Are you a team leader?"),
        ("In welk stadium is de hulp?", "At what stage is the help?"),
        (
            "Werkt u lokaal of regionaal?",
            "Do you work locally or regionally?",
        ),
        (
            "Welke functie hebt u in de regio?",
            "Which job do you have in the region?",
        ),
    ] {
        let q1 = q(serde_json::json!([
            choice("org", true),
            asked("vraag", nl, en)
        ]));
        assert!(q1.municipality_item().is_none(), "{nl}");
    }
    for (nl, en) in [
        (
            "In welke buurt werkt u?",
            "In which neighbourhood do you work?",
        ),
        (
            "In welke provincie werkt u?",
            "In which province do you work?",
        ),
        ("Op welke plaatsen werkt u?", "In which places do you work?"),
        (
            "Met welk team werkt u het meest?",
            "Which team do you work with most?",
        ),
    ] {
        let q1 = q(serde_json::json!([
            choice("org", true),
            asked("vraag", nl, en)
        ]));
        assert_eq!(
            q1.municipality_item().map(|i| i.id.as_str()),
            Some("vraag"),
            "{nl}"
        );
    }
}
