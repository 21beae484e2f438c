//! Answers against a questionnaire: every problem, each with the id of its item, and the typed
//! reading of one answer ([`parse_answer`]) that scoring uses too, so that what validation accepts
//! and what scoring counts can never drift apart. A draft may be incomplete, so "required but
//! missing" and "answered although hidden" are checked only in [`Mode::Complete`]. This module
//! decides what an answer means; it does not store, score or show anything.

use std::collections::BTreeSet;

use serde_json::Value;

use super::format::format_count;
use super::lang::Lang;
use super::questionnaire::{Item, ItemKind, Questionnaire, LIKERT_MAX, LIKERT_MIN, MAX_TEXT_CHARS};
use super::response::Answers;
use super::scoring::Scorer;

/// How strictly to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// While filling in: every given answer must be valid, but anything may still be missing,
    /// and an answer to an item that a later change hid is kept (switching back restores it).
    Draft,
    /// Before completing or when importing a complete record: also every visible required item
    /// answered and no answer to a hidden item.
    Complete,
}

/// A typed answer, read from its JSON value according to the item's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer<'a> {
    /// The chosen option value.
    Choice(&'a str),
    /// The chosen option values, distinct, in the order stored.
    Multi(Vec<&'a str>),
    /// The grade.
    Grade(i64),
    /// 1..=5 as given (not yet reversed), or `None` for "not applicable".
    Likert(Option<i64>),
    /// A number.
    Number(f64),
    /// Free text.
    Text(&'a str),
}

/// What is wrong with one answer.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerProblem {
    /// An answer for an item the questionnaire does not have.
    UnknownItem,
    /// A JSON value of the wrong type for the item's kind, e.g. a string for a grade.
    WrongKind {
        /// The kind the item is (`choice`, `grade`, …).
        expected: &'static str,
    },
    /// A whole number was needed.
    NotAnInteger,
    /// A number outside the item's range.
    OutOfRange {
        /// Lowest allowed, if bounded below.
        min: Option<f64>,
        /// Highest allowed, if bounded above.
        max: Option<f64>,
    },
    /// A value that is not one of the item's options.
    UnknownOption {
        /// The value given.
        value: String,
    },
    /// A multi answer that names the same option twice.
    DuplicateOption {
        /// The repeated value.
        value: String,
    },
    /// A text longer than [`MAX_TEXT_CHARS`] characters.
    TextTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// A visible required item without an answer ([`Mode::Complete`] only).
    Missing,
    /// An answer to an item that `show_if` hides ([`Mode::Complete`] only).
    AnsweredWhileHidden,
}

/// One problem with its item id.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerIssue {
    /// The item (the key in `answers`).
    pub item: String,
    /// What is wrong.
    pub problem: AnswerProblem,
}

impl AnswerIssue {
    /// The problem in plain words for the person filling in or importing (no item id: the
    /// screen shows the message next to the question itself).
    pub fn message(&self, lang: Lang) -> String {
        use AnswerProblem as P;
        let nl = lang == Lang::Nl;
        match &self.problem {
            P::UnknownItem => t(
                nl,
                "Deze vraag bestaat niet in de vragenlijst.",
                "This question is not in the questionnaire.",
            ),
            P::WrongKind { expected } => {
                let (nl_kind, en_kind) = match *expected {
                    "choice" => ("één antwoord uit de lijst", "one answer from the list"),
                    "multi" => (
                        "een of meer antwoorden uit de lijst",
                        "one or more answers from the list",
                    ),
                    "grade" => ("een cijfer", "a grade"),
                    "likert" => (
                        "een keuze van 1 tot en met 5, of ‘niet van toepassing’",
                        "a choice from 1 to 5, or ‘not applicable’",
                    ),
                    "number" => ("een getal", "a number"),
                    _ => ("tekst", "text"),
                };
                if nl {
                    format!("Het antwoord moet {nl_kind} zijn.")
                } else {
                    format!("The answer must be {en_kind}.")
                }
            }
            P::NotAnInteger => t(
                nl,
                "Vul een heel getal in, zonder komma.",
                "Enter a whole number, without decimals.",
            ),
            P::OutOfRange { min, max } => {
                let show = |x: f64| super::format::format_number(x, lang);
                match (min, max, nl) {
                    (Some(lo), Some(hi), true) => format!(
                        "Vul een getal in van {} tot en met {}.",
                        show(*lo),
                        show(*hi)
                    ),
                    (Some(lo), Some(hi), false) => {
                        format!("Enter a number from {} to {}.", show(*lo), show(*hi))
                    }
                    (Some(lo), None, true) => {
                        format!("Vul een getal in van {} of meer.", show(*lo))
                    }
                    (Some(lo), None, false) => format!("Enter a number of {} or more.", show(*lo)),
                    (None, Some(hi), true) => {
                        format!("Vul een getal in van {} of minder.", show(*hi))
                    }
                    (None, Some(hi), false) => format!("Enter a number of {} or less.", show(*hi)),
                    (None, None, _) => t(nl, "Dit getal kan niet.", "This number is not possible."),
                }
            }
            P::UnknownOption { value } => {
                if nl {
                    format!("“{value}” is geen van de antwoordmogelijkheden.")
                } else {
                    format!("“{value}” is not one of the options.")
                }
            }
            P::DuplicateOption { value } => {
                if nl {
                    format!("“{value}” is twee keer gekozen.")
                } else {
                    format!("“{value}” is chosen twice.")
                }
            }
            P::TextTooLong { chars } => {
                let (chars, max) = (
                    format_count(*chars, lang),
                    format_count(MAX_TEXT_CHARS, lang),
                );
                if nl {
                    format!("De tekst is {chars} tekens lang; het maximum is {max}.")
                } else {
                    format!("The text is {chars} characters long; the maximum is {max}.")
                }
            }
            P::Missing => t(nl, "Beantwoord deze vraag.", "Answer this question."),
            P::AnsweredWhileHidden => t(
                nl,
                "Deze vraag hoort bij een ander eerder antwoord en is nu niet van toepassing.",
                "This question belongs to a different earlier answer and does not apply now.",
            ),
        }
    }
}

impl AnswerIssue {
    /// The problem as a finding about a record someone else wrote, for the import log: it says
    /// what is wrong with the answer ("the number is outside 1 to 10") where [`Self::message`]
    /// tells the person filling in what to do ("Enter a number from 1 to 10"). An import never
    /// reports a missing or hidden answer (the record is kept), so those keep their message.
    pub fn finding(&self, lang: Lang) -> String {
        use AnswerProblem as P;
        let nl = lang == Lang::Nl;
        let show = |x: f64| super::format::format_number(x, lang);
        match &self.problem {
            P::NotAnInteger => t(
                nl,
                "het getal is geen heel getal",
                "the number is not a whole number",
            ),
            P::OutOfRange { min, max } => match (min, max, nl) {
                (Some(lo), Some(hi), true) => format!(
                    "het getal ligt buiten {} tot en met {}",
                    show(*lo),
                    show(*hi)
                ),
                (Some(lo), Some(hi), false) => {
                    format!("the number is outside {} to {}", show(*lo), show(*hi))
                }
                (Some(lo), None, true) => format!("het getal is kleiner dan {}", show(*lo)),
                (Some(lo), None, false) => format!("the number is less than {}", show(*lo)),
                (None, Some(hi), true) => format!("het getal is groter dan {}", show(*hi)),
                (None, Some(hi), false) => format!("the number is more than {}", show(*hi)),
                (None, None, _) => t(nl, "het getal kan niet", "the number is not possible"),
            },
            _ => {
                let message = self.message(lang);
                let message = message.trim_end_matches('.');
                let mut chars = message.chars();
                chars
                    .next()
                    .map(|first| first.to_lowercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        }
    }
}

fn t(nl: bool, dutch: &str, english: &str) -> String {
    if nl { dutch } else { english }.to_string()
}

/// Reads one answer as the item's kind, or says what is wrong with it.
pub fn parse_answer<'a>(item: &Item, value: &'a Value) -> Result<Answer<'a>, AnswerProblem> {
    let wrong = || AnswerProblem::WrongKind {
        expected: item.kind.name(),
    };
    match &item.kind {
        ItemKind::Choice { .. } => {
            let s = value.as_str().ok_or_else(wrong)?;
            known_option(item, s)?;
            Ok(Answer::Choice(s))
        }
        ItemKind::Multi { .. } => {
            let list = value.as_array().ok_or_else(wrong)?;
            let mut seen = BTreeSet::new();
            let mut out = Vec::with_capacity(list.len());
            for v in list {
                let s = v.as_str().ok_or_else(wrong)?;
                known_option(item, s)?;
                if !seen.insert(s) {
                    return Err(AnswerProblem::DuplicateOption {
                        value: s.to_string(),
                    });
                }
                out.push(s);
            }
            Ok(Answer::Multi(out))
        }
        ItemKind::Grade { min, max } => {
            let g = integer(value).map_err(|e| e.unwrap_or_else(wrong))?;
            in_range(g as f64, Some(*min as f64), Some(*max as f64))?;
            Ok(Answer::Grade(g))
        }
        ItemKind::Likert { .. } => {
            if value.is_null() {
                return Ok(Answer::Likert(None));
            }
            let x = integer(value).map_err(|e| e.unwrap_or_else(wrong))?;
            in_range(x as f64, Some(LIKERT_MIN as f64), Some(LIKERT_MAX as f64))?;
            Ok(Answer::Likert(Some(x)))
        }
        ItemKind::Number { min, max } => {
            let x = value.as_f64().ok_or_else(wrong)?;
            in_range(x, *min, *max)?;
            Ok(Answer::Number(x))
        }
        ItemKind::Text => {
            let s = value.as_str().ok_or_else(wrong)?;
            let chars = s.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(AnswerProblem::TextTooLong { chars });
            }
            Ok(Answer::Text(s))
        }
    }
}

/// The answer to `item` in `answers` when it is present, valid and visible; `None` otherwise.
/// This is what counts for scoring: a hidden or malformed answer is as good as none.
pub fn counted_answer<'a>(
    questionnaire: &Questionnaire,
    item: &Item,
    answers: &'a Answers,
) -> Option<Answer<'a>> {
    let value = answers.get(item.id.as_str())?;
    if !questionnaire.is_visible(item, answers) {
        return None;
    }
    parse_answer(item, value).ok()
}

fn known_option(item: &Item, s: &str) -> Result<(), AnswerProblem> {
    if item.option(s).is_some() {
        Ok(())
    } else {
        Err(AnswerProblem::UnknownOption {
            value: s.to_string(),
        })
    }
}

/// An integer from a JSON number. `8.0` counts as 8 (some tools write every number with a
/// fraction); `7.5` is [`AnswerProblem::NotAnInteger`]; a non-number is `Err(None)` so the caller
/// reports the wrong kind.
fn integer(value: &Value) -> Result<i64, Option<AnswerProblem>> {
    if let Some(i) = value.as_i64() {
        return Ok(i);
    }
    let x = value.as_f64().ok_or(None)?;
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Ok(x as i64)
    } else {
        Err(Some(AnswerProblem::NotAnInteger))
    }
}

fn in_range(x: f64, min: Option<f64>, max: Option<f64>) -> Result<(), AnswerProblem> {
    let below = min.is_some_and(|lo| x < lo);
    let above = max.is_some_and(|hi| x > hi);
    if below || above {
        Err(AnswerProblem::OutOfRange { min, max })
    } else {
        Ok(())
    }
}

/// True when an answer leaves a required item unanswered in substance: an empty `multi` list or
/// blank text. A likert `null` ("not applicable") *is* an answer.
pub fn is_empty_answer(value: &Value) -> bool {
    match value {
        Value::Array(a) => a.is_empty(),
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// Every problem of `answers` against `questionnaire`, in questionnaire order (answers to unknown
/// items last, by id). Empty means valid for `mode`.
///
/// ```
/// use samenscan::domain::{builtin, validate_answers, Mode};
/// let answers = [("grade".into(), serde_json::json!("acht"))].into();
/// let issues = validate_answers(builtin(), &answers, Mode::Draft);
/// assert_eq!(issues[0].item, "grade");
/// ```
pub fn validate_answers(
    questionnaire: &Questionnaire,
    answers: &Answers,
    mode: Mode,
) -> Vec<AnswerIssue> {
    validate_answers_with(&Scorer::new(questionnaire), answers, mode)
}

/// [`validate_answers`] with the questionnaire prepared once (see [`Scorer`]), for checking
/// many responses: an import checks 100,000.
pub fn validate_answers_with(scorer: &Scorer, answers: &Answers, mode: Mode) -> Vec<AnswerIssue> {
    let mut issues = Vec::new();
    let mut push = |item: &str, problem| {
        issues.push(AnswerIssue {
            item: item.to_string(),
            problem,
        })
    };
    let (values, visible) = scorer.answers_by_position(answers);
    // Answers that belong to an item; when that is all of them, none needs looking up below.
    let mut known = 0;
    for ((item, value), &visible) in scorer.items().iter().zip(values).zip(&visible) {
        match value {
            Some(value) => {
                known += 1;
                if let Err(problem) = parse_answer(item, value) {
                    push(&item.id, problem);
                } else if mode == Mode::Complete && !visible {
                    push(&item.id, AnswerProblem::AnsweredWhileHidden);
                } else if mode == Mode::Complete
                    && visible
                    && item.required
                    && is_empty_answer(value)
                {
                    push(&item.id, AnswerProblem::Missing);
                }
            }
            None => {
                if mode == Mode::Complete && visible && item.required {
                    push(&item.id, AnswerProblem::Missing);
                }
            }
        }
    }
    if known < answers.len() {
        for key in answers.keys() {
            if scorer.questionnaire().item(key).is_none() {
                push(key, AnswerProblem::UnknownItem);
            }
        }
    }
    issues
}

/// The answers without those to hidden items: what the UI stores when a response is completed,
/// so that a complete record carries only what counts.
pub fn without_hidden(questionnaire: &Questionnaire, answers: &Answers) -> Answers {
    answers
        .iter()
        .filter(|(key, _)| match questionnaire.item(key) {
            Some(item) => questionnaire.is_visible(item, answers),
            None => true,
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// The questions whose answers hide answered ones ([`without_hidden`] drops those), in the
/// questionnaire's order: for each answer to a hidden question, the condition's question, or
/// the first one up the chain that is itself shown. What to change to keep them ("Hoe vaak hebt
/// u samengewerkt?"), named instead of "that other answer" (an acceptance test's find).
pub fn hiding_questions<'q>(questionnaire: &'q Questionnaire, answers: &Answers) -> Vec<&'q Item> {
    let mut found: Vec<&str> = Vec::new();
    for key in answers.keys() {
        let Some(mut item) = questionnaire.item(key) else {
            continue;
        };
        if questionnaire.is_visible(item, answers) {
            continue;
        }
        // Up the chain of conditions, to the first question that is shown (a definition's
        // conditions refer to earlier items, so this ends).
        while let Some(up) = item
            .show_if
            .as_ref()
            .and_then(|c| questionnaire.item(&c.item))
        {
            item = up;
            if questionnaire.is_visible(up, answers) {
                break;
            }
        }
        if !found.contains(&item.id.as_str()) {
            found.push(&item.id);
        }
    }
    questionnaire
        .items()
        .filter(|i| found.contains(&i.id.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_question_that_hides_answers_is_named() {
        let q = crate::domain::builtin();
        let answers: Answers =
            serde_json::from_value(json!({"org": "gi", "frequency": "nooit", "grade": 7})).unwrap();
        let named: Vec<&str> = hiding_questions(q, &answers)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(named, ["frequency"]);
        let shown: Answers =
            serde_json::from_value(json!({"org": "gi", "frequency": "wekelijks", "grade": 7}))
                .unwrap();
        assert!(hiding_questions(q, &shown).is_empty());
    }

    #[test]
    fn integers_from_json_numbers() {
        assert_eq!(integer(&json!(8)), Ok(8));
        assert_eq!(integer(&json!(8.0)), Ok(8));
        assert_eq!(integer(&json!(7.5)), Err(Some(AnswerProblem::NotAnInteger)));
        assert_eq!(integer(&json!("8")), Err(None));
    }

    #[test]
    fn emptiness_for_required_items() {
        assert!(is_empty_answer(&json!([])));
        assert!(is_empty_answer(&json!(" \n")));
        assert!(
            !is_empty_answer(&json!(null)),
            "not applicable is an answer"
        );
        assert!(!is_empty_answer(&json!(0)));
    }
}
