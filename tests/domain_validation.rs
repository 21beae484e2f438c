//! Answers against a questionnaire: every problem is reported with its item id, drafts may be
//! incomplete, completion needs every visible required item and nothing hidden.

use samenscan::domain::response::{item_id, Answers};
use samenscan::domain::validation::{parse_answer, without_hidden, Answer};
use samenscan::domain::{builtin, validate_answers, AnswerProblem, Lang, Mode, Questionnaire};
use serde_json::{json, Value};

fn answers(v: Value) -> Answers {
    let map: std::collections::BTreeMap<String, Value> = serde_json::from_value(v).unwrap();
    map.into_iter().map(|(k, v)| (item_id(&k), v)).collect()
}

fn problems(q: &Questionnaire, a: Value, mode: Mode) -> Vec<(String, AnswerProblem)> {
    validate_answers(q, &answers(a), mode)
        .into_iter()
        .map(|i| (i.item, i.problem))
        .collect()
}

fn small() -> Questionnaire {
    Questionnaire::from_json(
        &json!({"id": "t", "version": 1, "title": {"nl": "T"}, "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "role", "kind": "choice", "required": true, "label": {"nl": "Rol"},
             "options": [{"value": "a", "label": {"nl": "A"}}, {"value": "b", "label": {"nl": "B"}}]},
            {"id": "tags", "kind": "multi", "label": {"nl": "Tags"},
             "options": [{"value": "x", "label": {"nl": "X"}}, {"value": "y", "label": {"nl": "Y"}}]},
            {"id": "cijfer", "kind": "grade", "min": 1, "max": 10, "required": true, "label": {"nl": "C"}},
            {"id": "stelling", "kind": "likert", "required": true, "label": {"nl": "L"}},
            {"id": "uren", "kind": "number", "min": 0, "max": 40, "label": {"nl": "Uren"}},
            {"id": "toelichting", "kind": "text", "required": true, "label": {"nl": "Toelichting"},
             "show_if": {"item": "role", "in": ["b"]}}
        ]}]})
        .to_string(),
    )
    .unwrap()
}

#[test]
fn a_valid_complete_response_has_no_issues() {
    let q = small();
    let a = json!({"role": "b", "tags": ["y", "x"], "cijfer": 8, "stelling": null, "uren": 12.5,
                   "toelichting": "Goed overleg."});
    assert_eq!(problems(&q, a, Mode::Complete), []);
}

#[test]
fn every_wrong_answer_is_reported_with_its_item() {
    let q = small();
    let a = json!({"role": "c", "tags": ["x", "x"], "cijfer": "acht", "stelling": 6, "uren": -1,
                   "toelichting": "x".repeat(5_001), "extra": 1});
    use AnswerProblem as P;
    assert_eq!(
        problems(&q, a, Mode::Draft),
        [
            ("role".into(), P::UnknownOption { value: "c".into() }),
            ("tags".into(), P::DuplicateOption { value: "x".into() }),
            ("cijfer".into(), P::WrongKind { expected: "grade" }),
            (
                "stelling".into(),
                P::OutOfRange {
                    min: Some(1.0),
                    max: Some(5.0)
                }
            ),
            (
                "uren".into(),
                P::OutOfRange {
                    min: Some(0.0),
                    max: Some(40.0)
                }
            ),
            ("toelichting".into(), P::TextTooLong { chars: 5_001 }),
            ("extra".into(), P::UnknownItem),
        ]
    );
}

#[test]
fn integers_are_checked_and_whole_floats_accepted() {
    let q = small();
    use AnswerProblem as P;
    assert_eq!(
        problems(&q, json!({"cijfer": 7.5, "stelling": 2.5}), Mode::Draft),
        [
            ("cijfer".into(), P::NotAnInteger),
            ("stelling".into(), P::NotAnInteger)
        ]
    );
    assert_eq!(
        problems(&q, json!({"cijfer": 8.0, "stelling": 2}), Mode::Draft),
        []
    );
    assert_eq!(
        problems(
            &q,
            json!({"cijfer": 0, "tags": "x", "role": 1}),
            Mode::Draft
        ),
        [
            ("role".into(), P::WrongKind { expected: "choice" }),
            ("tags".into(), P::WrongKind { expected: "multi" }),
            (
                "cijfer".into(),
                P::OutOfRange {
                    min: Some(1.0),
                    max: Some(10.0)
                }
            ),
        ]
    );
}

#[test]
fn text_length_counts_characters_not_bytes() {
    let q = small();
    // "ë" is two bytes in UTF-8; 5,000 of them are 5,000 characters and allowed.
    let ok = json!({"role": "b", "toelichting": "ë".repeat(5_000)});
    assert_eq!(problems(&q, ok, Mode::Draft), []);
}

#[test]
fn drafts_may_be_incomplete_but_completion_may_not() {
    let q = small();
    assert_eq!(problems(&q, json!({}), Mode::Draft), []);
    use AnswerProblem as P;
    // toelichting is required but hidden (role is not b), so it is not missing.
    assert_eq!(
        problems(&q, json!({"role": "a"}), Mode::Complete),
        [
            ("cijfer".into(), P::Missing),
            ("stelling".into(), P::Missing)
        ]
    );
    // Visible and required: blank text and an empty list are missing; null likert is an answer.
    assert_eq!(
        problems(
            &q,
            json!({"role": "b", "cijfer": 7, "stelling": null, "toelichting": "  "}),
            Mode::Complete
        ),
        [("toelichting".into(), P::Missing)]
    );
}

#[test]
fn answers_to_hidden_items_are_kept_in_drafts_but_refused_on_completion() {
    let q = small();
    let a = json!({"role": "a", "cijfer": 7, "stelling": 3, "toelichting": "from when role was b"});
    assert_eq!(problems(&q, a.clone(), Mode::Draft), []);
    assert_eq!(
        problems(&q, a.clone(), Mode::Complete),
        [("toelichting".into(), AnswerProblem::AnsweredWhileHidden)]
    );
    let cleaned = without_hidden(&q, &answers(a));
    assert!(!cleaned.contains_key("toelichting"));
    assert_eq!(validate_answers(&q, &cleaned, Mode::Complete), []);
}

#[test]
fn parse_answer_gives_typed_values() {
    let q = small();
    let item = |id| q.item(id).unwrap();
    assert_eq!(
        parse_answer(item("role"), &json!("a")),
        Ok(Answer::Choice("a"))
    );
    assert_eq!(
        parse_answer(item("tags"), &json!(["y"])),
        Ok(Answer::Multi(vec!["y"]))
    );
    assert_eq!(
        parse_answer(item("cijfer"), &json!(9)),
        Ok(Answer::Grade(9))
    );
    assert_eq!(
        parse_answer(item("stelling"), &json!(null)),
        Ok(Answer::Likert(None))
    );
    assert_eq!(
        parse_answer(item("uren"), &json!(3.5)),
        Ok(Answer::Number(3.5))
    );
    assert_eq!(
        parse_answer(item("toelichting"), &json!("t")),
        Ok(Answer::Text("t"))
    );
}

#[test]
fn messages_are_plain_words_in_both_languages() {
    let q = small();
    let issues = validate_answers(
        &q,
        &answers(json!({"cijfer": 11, "extra": 1})),
        Mode::Complete,
    );
    let cijfer = issues.iter().find(|i| i.item == "cijfer").unwrap();
    assert_eq!(
        cijfer.message(Lang::Nl),
        "Vul een getal in van 1 tot en met 10."
    );
    assert_eq!(cijfer.message(Lang::En), "Enter a number from 1 to 10.");
    let missing = issues
        .iter()
        .find(|i| i.problem == AnswerProblem::Missing)
        .unwrap();
    assert_eq!(missing.message(Lang::Nl), "Beantwoord deze vraag.");
}

#[test]
fn the_builtin_accepts_a_realistic_complete_response() {
    let a = json!({"org": "gi", "team": "oost_gelre", "frequency": "maandelijks", "grade": 8,
        "phase": "opbouw", "kennen_1": 4, "kennen_2": 3, "kennen_3": 2, "afspraken_1": 4,
        "afspraken_2": null, "afspraken_3": 2, "casuistiek_1": 3, "casuistiek_2": 4,
        "veiligheid_1": 5, "veiligheid_2": 4, "processtappen_1": 4, "processtappen_2": 3,
        "passende_hulp_1": 4, "passende_hulp_2": 4, "samen_optrekken_1": 3, "samen_optrekken_2": 2,
        "strengths": "Korte lijnen."});
    assert_eq!(problems(builtin(), a, Mode::Complete), []);
    // Someone who never worked with the other organisation is not asked for a grade.
    let never = json!({"org": "lokaal_team", "team": "epe", "frequency": "nooit"});
    assert_eq!(problems(builtin(), never, Mode::Complete), []);
}

/// The check item by item, as written before answers were matched to items in one pass:
/// visibility by following each `show_if` chain, answers looked up one by one.
fn reference_problems(q: &Questionnaire, a: &Answers, mode: Mode) -> Vec<(String, AnswerProblem)> {
    let mut out = Vec::new();
    for item in q.items() {
        let visible = q.is_visible(item, a);
        let complete = mode == Mode::Complete;
        match a.get(item.id.as_str()) {
            Some(value) => match parse_answer(item, value) {
                Err(problem) => out.push((item.id.clone(), problem)),
                Ok(_) if complete && !visible => {
                    out.push((item.id.clone(), AnswerProblem::AnsweredWhileHidden))
                }
                Ok(_)
                    if complete
                        && item.required
                        && samenscan::domain::validation::is_empty_answer(value) =>
                {
                    out.push((item.id.clone(), AnswerProblem::Missing))
                }
                Ok(_) => {}
            },
            None if complete && visible && item.required => {
                out.push((item.id.clone(), AnswerProblem::Missing))
            }
            None => {}
        }
    }
    for key in a.keys() {
        if q.item(key).is_none() {
            out.push((key.to_string(), AnswerProblem::UnknownItem));
        }
    }
    out
}

proptest::proptest! {
    /// Any answers to the built-in questionnaire (each item left out, answered with one of its
    /// options, or with something wrong, and keys it does not have): the same problems as the
    /// item-by-item reference, in both modes.
    #[test]
    fn one_pass_check_agrees_with_item_by_item(
        picks in proptest::collection::vec(0usize..8, 40),
        extra in proptest::option::of("[a-z]{1,6}"),
        complete: bool,
    ) {
        let q = builtin();
        let mut given: Vec<(samenscan::domain::response::ItemId, Value)> = Vec::new();
        for (item, pick) in q.items().zip(picks.iter().cycle()) {
            let options: Vec<&str> = item.kind.options().iter().map(|o| o.value.as_str()).collect();
            let value = match pick {
                0 | 1 => continue,
                2 if !options.is_empty() => json!(options[0]),
                3 if !options.is_empty() => json!(options[options.len() - 1]),
                4 if !options.is_empty() => json!([options[0]]),
                5 => json!(3),
                6 => json!("tekst"),
                _ => json!(null),
            };
            given.push((item_id(&item.id), value));
        }
        if let Some(key) = extra {
            given.push((item_id(&key), json!(1)));
        }
        let a: Answers = given.into_iter().collect();
        let mode = if complete { Mode::Complete } else { Mode::Draft };
        let got: Vec<(String, AnswerProblem)> = validate_answers(q, &a, mode)
            .into_iter()
            .map(|i| (i.item, i.problem))
            .collect();
        proptest::prop_assert_eq!(got, reference_problems(q, &a, mode));
    }
}
