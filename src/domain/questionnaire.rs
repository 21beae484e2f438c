//! The questionnaire (enquête definition) of design §2: its JSON shape, the validation of a
//! definition, the built-in default, and the look-ups the UI and the report need.
//!
//! A definition comes from outside (the built-in file, a facilitator's edit, an exchange file made
//! by another app), so it is parsed once, at the edge, by [`Questionnaire::from_json`] into a
//! [`Questionnaire`] whose invariants hold from then on: unique ids, `show_if` pointing back to an
//! earlier choice item and naming real options, factors that exist, ranges with `min <= max`.
//! Every problem is reported with its path, not just the first. This module does not look at
//! answers beyond what `show_if` needs (that is `validation`), does not score (that is `scoring`)
//! and never touches the browser.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::{Arc, OnceLock};

use super::recent::Recent;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use super::distance::edit_distance;
use super::lang::Lang;
use super::response::{whole_number, Answers};

/// The largest number of characters a `text` answer may have (design §2).
pub const MAX_TEXT_CHARS: usize = 5_000;

/// The most values a grade scale may have: a report counts each value, so an imported
/// definition must not ask for billions of them. A school grade has 10; 100 leaves room for
/// percentages.
pub const MAX_GRADE_STEPS: u64 = 101;

/// The lowest and highest answer of a likert item: 1 = strongly disagree … 5 = strongly agree.
pub const LIKERT_MIN: i64 = 1;
/// See [`LIKERT_MIN`].
pub const LIKERT_MAX: i64 = 5;

/// The `min_group_size` a definition gets when it names none (design §4).
pub const DEFAULT_MIN_GROUP_SIZE: usize = 5;

/// A text in both languages, `{"nl": "…", "en": "…"}`. Either may be missing; [`Label::get`]
/// falls back to the other, so a definition written only in Dutch still shows in English.
///
/// ```
/// use samenscan::domain::{Label, Lang};
/// let l = Label::new("Over u", "About you");
/// assert_eq!(l.get(Lang::En), "About you");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// The Dutch text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nl: Option<String>,
    /// The English text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Label {
    /// A label with both languages.
    pub fn new(nl: &str, en: &str) -> Label {
        Label {
            nl: Some(nl.to_string()),
            en: Some(en.to_string()),
        }
    }

    /// The text in `lang`, or in the other language when `lang` is missing or blank; `""` only
    /// when both are missing, which a validated definition never has.
    pub fn get(&self, lang: Lang) -> &str {
        let text = match self.lang_of(lang) {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        };
        text.as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or("")
    }

    /// The language [`Label::get`] finds its text in for `lang`: `lang` itself, or the other
    /// one when `lang`'s text is missing or blank (design §2), so the text can be marked with
    /// its own language (WCAG 3.1.2).
    pub fn lang_of(&self, lang: Lang) -> Lang {
        // A blank string counts as missing: an editor that clears a field leaves "" behind,
        // and showing nothing is worse than showing the other language.
        let has = |text: &Option<String>| text.as_deref().is_some_and(|s| !s.trim().is_empty());
        let (own, other, other_lang) = match lang {
            Lang::Nl => (&self.nl, &self.en, Lang::En),
            Lang::En => (&self.en, &self.nl, Lang::Nl),
        };
        if !has(own) && has(other) {
            other_lang
        } else {
            lang
        }
    }

    /// True when neither language has a non-blank text.
    pub fn is_empty(&self) -> bool {
        self.get(Lang::Nl).is_empty()
    }
}

/// A theme that likert items belong to (e.g. `kennen`); the report gives each factor a mean
/// score and Cronbach's alpha.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Factor {
    /// Unique among the factors.
    pub id: String,
    /// The name people see.
    pub label: Label,
}

/// One page of the enquête.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Unique among the sections.
    pub id: String,
    /// The page heading.
    pub title: Label,
    /// The questions on this page, in order.
    pub items: Vec<Item>,
}

/// One answer option of a `choice` or `multi` item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    /// The stored answer value; unique within its item.
    pub value: String,
    /// What people see.
    pub label: Label,
}

/// "Show this item only when item `item` is answered with one of `values`."
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowIf {
    /// The id of an earlier item.
    pub item: String,
    /// Answers of that item that show this one: option values of a `choice` or `multi` item
    /// (for a `multi`, any one selected value is enough), numbers for a `grade`, `likert` or
    /// `number` item (`{"item": "grade", "in": [1, 2, 3, 4, 5]}`), texts for a `text` item.
    #[serde(rename = "in")]
    pub values: Vec<ShowValue>,
}

/// One answer in a `show_if` list: a text (an option value) or a number, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShowValue {
    /// An option value, or a text answer.
    Text(String),
    /// A grade, statement or number answer; `8` and `8.0` are the same answer.
    Number(serde_json::Number),
}

// Written by hand rather than `#[serde(untagged)]`: the derived form buffers every value
// through serde's generic content type, which cost ~20 KB of the compressed app.
impl Serialize for ShowValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ShowValue::Text(s) => serializer.serialize_str(s),
            ShowValue::Number(n) => n.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for ShowValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ShowValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text or a number")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ShowValue, E> {
                Ok(ShowValue::Text(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<ShowValue, E> {
                Ok(ShowValue::Text(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ShowValue, E> {
                Ok(ShowValue::Number(v.into()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ShowValue, E> {
                Ok(ShowValue::Number(v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<ShowValue, E> {
                serde_json::Number::from_f64(v)
                    .map(ShowValue::Number)
                    .ok_or_else(|| E::custom("not a finite number"))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl ShowIf {
    /// The same condition with whole numbers written without a fraction (`8.0` as `8`), so two
    /// copies of a definition that write them differently are the same definition.
    fn whole(mut self) -> ShowIf {
        for v in &mut self.values {
            if let ShowValue::Number(n) = v {
                let written_with_fraction = n.is_f64();
                if let Some(x) = n
                    .as_f64()
                    .filter(|x| written_with_fraction && x.fract() == 0.0 && x.abs() < 9.0e15)
                {
                    *n = (x as i64).into();
                }
            }
        }
        self
    }
}

impl ShowValue {
    /// True when `answer` is this value; for a list (a `multi` answer), when any of it is.
    pub fn matches(&self, answer: &Value) -> bool {
        match (self, answer) {
            (ShowValue::Text(v), Value::String(a)) => v == a,
            (ShowValue::Number(v), Value::Number(a)) => v.as_f64() == a.as_f64(),
            (_, Value::Array(list)) => list.iter().any(|x| !x.is_array() && self.matches(x)),
            _ => false,
        }
    }
}

impl std::fmt::Display for ShowValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShowValue::Text(s) => f.write_str(s),
            ShowValue::Number(n) => write!(f, "{n}"),
        }
    }
}

/// Whether `answer` is one of the `values` that show a `show_if` item.
pub fn shows(answer: &Value, values: &[ShowValue]) -> bool {
    values.iter().any(|v| v.matches(answer))
}

/// What kind of answer an item takes, with the settings of that kind (design §2 table).
#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    /// One option; the answer is its value.
    Choice {
        /// The options, in the order shown.
        options: Vec<ChoiceOption>,
    },
    /// Any number of distinct options; the answer is an array of values.
    Multi {
        /// The options, in the order shown.
        options: Vec<ChoiceOption>,
    },
    /// The Dutch report grade (*rapportcijfer*): an integer in `min..=max`.
    Grade {
        /// Lowest grade, 1 unless the definition says otherwise.
        min: i64,
        /// Highest grade, 10 unless the definition says otherwise.
        max: i64,
    },
    /// A statement scored 1..=5, or `null` for "not applicable".
    Likert {
        /// The factor this item counts towards, if any.
        factor: Option<String>,
        /// True for a negatively worded statement: it scores as 6 − x.
        reverse: bool,
    },
    /// Any number, optionally bounded.
    Number {
        /// Lowest allowed value.
        min: Option<f64>,
        /// Highest allowed value.
        max: Option<f64>,
    },
    /// Free text of at most [`MAX_TEXT_CHARS`] characters.
    Text,
}

impl ItemKind {
    /// The `kind` string of the JSON shape.
    pub fn name(&self) -> &'static str {
        match self {
            ItemKind::Choice { .. } => "choice",
            ItemKind::Multi { .. } => "multi",
            ItemKind::Grade { .. } => "grade",
            ItemKind::Likert { .. } => "likert",
            ItemKind::Number { .. } => "number",
            ItemKind::Text => "text",
        }
    }

    /// Its place in the order the variants are declared (choice 0 … text 5), for tables of
    /// words per kind.
    pub fn index(&self) -> usize {
        match self {
            ItemKind::Choice { .. } => 0,
            ItemKind::Multi { .. } => 1,
            ItemKind::Grade { .. } => 2,
            ItemKind::Likert { .. } => 3,
            ItemKind::Number { .. } => 4,
            ItemKind::Text => 5,
        }
    }

    /// The options of a `choice` or `multi` item; empty for other kinds.
    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            ItemKind::Choice { options } | ItemKind::Multi { options } => options,
            _ => &[],
        }
    }
}

/// One question of the enquête.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Unique across the whole questionnaire: it is the key in `answers`.
    pub id: String,
    /// The question as people read it.
    pub label: Label,
    /// What the answer looks like.
    pub kind: ItemKind,
    /// A visible required item must be answered before a response can be completed.
    pub required: bool,
    /// Reports may split the responses by this item (only `choice` items may be).
    pub group_by: bool,
    /// When present, the item is shown (and answered, required, scored) only under this condition.
    pub show_if: Option<ShowIf>,
}

impl Item {
    /// The option with this value, for `choice` and `multi` items.
    pub fn option(&self, value: &str) -> Option<&ChoiceOption> {
        self.kind.options().iter().find(|o| o.value == value)
    }

    /// The factor of a likert item.
    pub fn factor(&self) -> Option<&str> {
        match &self.kind {
            ItemKind::Likert { factor, .. } => factor.as_deref(),
            _ => None,
        }
    }
}

/// One of the fixed questions that guide an evaluation meeting; meeting notes are keyed by its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingQuestion {
    /// Unique among the meeting questions.
    pub id: String,
    /// The question as the facilitator reads it out.
    pub label: Label,
}

/// Words of an id or question that make a split a list of places (a regional questionnaire's
/// municipality list, in Dutch or English): a word that begins with one of these
/// ("gemeenten", "wijkteam", "buurten", "provincie")…
const PLACE_STARTS: &[&str] = &[
    "gemeente",
    "municipal",
    "wijk",
    "buurt",
    "district",
    "woonplaats",
    "werkplaats",
    "gebied",
    "werkgebied",
    "locatie",
    "location",
    "provinc",
    "dorp",
    "village",
    "town",
    "neighbourhood",
    "neighborhood",
];

/// …or is one of these whole words: as the start of a word they misfire ("stadium",
/// "regionaal", "teamleider", "uithuisplaatsing", "area" of expertise is whole but rare).
const PLACE_WORDS: &[&str] = &[
    "regio",
    "regios",
    "region",
    "regions",
    "team",
    "teams",
    "plaats",
    "plaatsen",
    "place",
    "places",
    "stad",
    "steden",
    "stadsdeel",
    "city",
    "cities",
    "kern",
    "kernen",
    "area",
    "areas",
];

/// Words that make a split one of people's roles even when it names a place ("Wat is uw rol in
/// het team?", "Welke functie hebt u in de regio?").
const ROLE_WORDS: &[&str] = &[
    "rol",
    "functie",
    "beroep",
    "positie",
    "leider",
    "teamleider",
    "lid",
    "role",
    "function",
    "profession",
    "position",
    "job",
    "leader",
    "member",
    "manager",
];

/// Whether `item`'s id or question (either language) names a place and no role (see
/// [`PLACE_STARTS`], [`PLACE_WORDS`], [`ROLE_WORDS`]).
fn names_a_place(item: &Item) -> bool {
    let words: Vec<String> = [
        item.id.as_str(),
        item.label.get(Lang::Nl),
        item.label.get(Lang::En),
    ]
    .iter()
    .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
    .filter(|word| !word.is_empty())
    .map(str::to_lowercase)
    .collect();
    let place = words.iter().any(|word| {
        PLACE_WORDS.contains(&word.as_str())
            || PLACE_STARTS.iter().any(|start| word.starts_with(start))
    });
    place && !words.iter().any(|word| ROLE_WORDS.contains(&word.as_str()))
}

/// A validated questionnaire. The only ways to get one are [`Questionnaire::from_json`],
/// [`Questionnaire::from_value`], deserialising (which runs the same checks) and [`builtin`], so
/// every invariant listed in the module documentation holds; the fields are private for that
/// reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "RawQuestionnaire", try_from = "Value")]
pub struct Questionnaire {
    id: String,
    version: u32,
    title: Label,
    min_group_size: usize,
    /// The largest `min_group_size` of any other copy of this definition merged with it (two
    /// files with different definitions under one id and version): the stricter one holds
    /// whichever copy wins. Not written out; 0 for a definition as read.
    min_group_floor: usize,
    // Shared: a questionnaire is cloned for every file that carries it and every screen that
    // shows it, and never changes once made.
    factors: Arc<Vec<Factor>>,
    sections: Arc<Vec<Section>>,
    meeting_questions: Arc<Vec<MeetingQuestion>>,
}

/// Where a problem in a definition is (`sections[1].items[3].show_if.item`) and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct DefinitionIssue {
    /// A JSON path into the definition; empty for the document as a whole.
    pub path: String,
    /// What is wrong.
    pub problem: DefinitionProblem,
    /// The question, section, factor or meeting question the path is in, by its id: what a
    /// person editing the definition searches for (`sections[1].items[2]` counts from 0).
    pub within: Option<Within>,
}

/// The part of a definition an issue is in, named by its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Within {
    /// A question (an item), by its id.
    Item(String),
    /// A section, by its id.
    Section(String),
    /// A factor, by its id.
    Factor(String),
    /// A meeting question, by its id.
    MeetingQuestion(String),
}

/// The ids of a definition's parts by their place, to name the part an issue's path is in.
#[derive(Default)]
struct PartIds {
    sections: Vec<(Option<String>, Vec<Option<String>>)>,
    factors: Vec<Option<String>>,
    meeting_questions: Vec<Option<String>>,
}

impl PartIds {
    fn of(value: &Value) -> PartIds {
        // An empty id names nothing: the part around it is named instead.
        let id = |v: &Value| {
            v.get("id")
                .and_then(Value::as_str)
                .filter(|id| !id.trim().is_empty())
                .map(str::to_string)
        };
        let ids = |v: &Value, key: &str| -> Vec<Option<String>> {
            v.get(key)
                .and_then(Value::as_array)
                .map(|l| l.iter().map(id).collect())
                .unwrap_or_default()
        };
        PartIds {
            sections: value
                .get("sections")
                .and_then(Value::as_array)
                .map(|l| l.iter().map(|s| (id(s), ids(s, "items"))).collect())
                .unwrap_or_default(),
            factors: ids(value, "factors"),
            meeting_questions: ids(value, "meeting_questions"),
        }
    }

    /// The innermost named part `path` is in.
    fn within(&self, path: &str) -> Option<Within> {
        let index = |rest: &str, name: &str| -> Option<(usize, usize)> {
            let after = rest.strip_prefix(name)?.strip_prefix('[')?;
            let end = after.find(']')?;
            Some((after[..end].parse().ok()?, name.len() + end + 2))
        };
        let named = |list: &[Option<String>], i: usize| list.get(i).cloned().flatten();
        if let Some((i, _)) = index(path, "factors") {
            return named(&self.factors, i).map(Within::Factor);
        }
        if let Some((i, _)) = index(path, "meeting_questions") {
            return named(&self.meeting_questions, i).map(Within::MeetingQuestion);
        }
        let (s, used) = index(path, "sections")?;
        let (section, items) = self.sections.get(s)?;
        let item = path[used..]
            .strip_prefix('.')
            .and_then(|rest| index(rest, "items"))
            .and_then(|(i, _)| named(items, i));
        item.map(Within::Item)
            .or_else(|| section.clone().map(Within::Section))
    }
}

/// The kinds of JSON value, for [`DefinitionProblem::WrongType`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number without a fraction.
    WholeNumber,
    /// Any number.
    Number,
    /// A string.
    Text,
    /// An array.
    List,
    /// An object `{…}`.
    Object,
}

impl JsonType {
    /// The kind of `value`.
    pub fn of(value: &Value) -> JsonType {
        match value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(n) if n.is_i64() || n.is_u64() => JsonType::WholeNumber,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::Text,
            Value::Array(_) => JsonType::List,
            Value::Object(_) => JsonType::Object,
        }
    }

    /// The kind in plain words.
    pub fn name(self, lang: Lang) -> &'static str {
        let nl = lang == Lang::Nl;
        match self {
            JsonType::Null => pick(nl, "niets (null)", "nothing (null)"),
            JsonType::Boolean => pick(nl, "ja of nee (true/false)", "true or false"),
            JsonType::WholeNumber => pick(nl, "een geheel getal", "a whole number"),
            JsonType::Number => pick(nl, "een getal", "a number"),
            JsonType::Text => pick(nl, "tekst tussen aanhalingstekens", "text in quotes"),
            JsonType::List => pick(nl, "een lijst […]", "a list […]"),
            JsonType::Object => pick(nl, "een object {…}", "an object {…}"),
        }
    }
}

/// The kinds of problem a questionnaire definition can have.
#[derive(Clone, Debug, PartialEq)]
pub enum DefinitionProblem {
    /// Not JSON at all; `detail` is the parser's own words.
    Malformed {
        /// The parser's message, with line and column.
        detail: String,
    },
    /// A field holds the wrong kind of JSON value, e.g. `"min": "3"` or `"options": 5`.
    WrongType {
        /// What the field takes.
        expected: JsonType,
        /// What it holds.
        found: JsonType,
    },
    /// A field that must be there is missing (`show_if` needs `item` and `in`).
    MissingField,
    /// A whole number too large for the field (`version` above 4,294,967,295).
    TooLarge {
        /// The largest value the field takes.
        max: u64,
    },
    /// An id or option value is empty.
    EmptyId,
    /// An id or option value contains white space or a control character.
    InvalidId {
        /// The offending id.
        id: String,
    },
    /// An id that must be unique occurs more than once; reported at the later occurrence.
    DuplicateId {
        /// The repeated id.
        id: String,
    },
    /// A label or title with neither a Dutch nor an English text.
    MissingLabel,
    /// `version` is 0; versions start at 1.
    VersionZero,
    /// `min_group_size` below 2: a group of one is one person.
    MinGroupSizeTooSmall {
        /// The value in the definition.
        value: i64,
    },
    /// The questionnaire has no items at all.
    NoItems,
    /// `kind` is not one of choice, multi, grade, likert, number, text.
    UnknownKind {
        /// The value found (empty when `kind` is missing).
        kind: String,
    },
    /// A choice or multi item without options.
    NoOptions,
    /// A grade bound that is not an integer.
    NotAnInteger,
    /// `min` is greater than `max`.
    MinAboveMax,
    /// A grade scale wider than [`MAX_GRADE_STEPS`] values (a report counts every value).
    GradeRangeTooWide,
    /// A likert item names a factor that `factors` does not list.
    UnknownFactor {
        /// The factor id named.
        factor: String,
    },
    /// `show_if.item` names no item.
    ShowIfUnknownItem {
        /// The id named.
        item: String,
    },
    /// `show_if.item` names the item itself or a later one: people answer in order, so the
    /// condition must already be known when the item comes up.
    ShowIfNotEarlier {
        /// The id named.
        item: String,
    },
    /// A `show_if.in` value that can never be the named item's answer: a number for a choice
    /// or a text, a text for a grade, a grade or statement value out of its range.
    ShowIfImpossibleValue {
        /// The value, as written.
        value: String,
    },
    /// A `show_if.in` value is not an option of the named item.
    ShowIfUnknownValue {
        /// The value.
        value: String,
    },
    /// `show_if.in` is empty, so the item could never be shown.
    ShowIfEmpty,
    /// A field this app does not know, spelt nearly as one it does (`"revers"`, `"group-by"`,
    /// `"min_grup_size"`): read as a typo, since ignoring it would change what the definition
    /// means (a reversed statement scored as it stands). Fields unlike any known one are ignored.
    MisspeltField {
        /// The field that was probably meant.
        meant: &'static str,
    },
    /// `optional`, another tool's word: this app marks the opposite, `required`.
    OptionalField,
}

impl DefinitionIssue {
    /// The problem in plain words, with its path, for the person loading the definition.
    pub fn message(&self, lang: Lang) -> String {
        use DefinitionProblem as P;
        let nl = lang == Lang::Nl;
        let what = match &self.problem {
            P::Malformed { detail } => {
                if nl {
                    format!("het bestand is geen geldige vragenlijst ({detail})")
                } else {
                    format!("the file is not a valid questionnaire ({detail})")
                }
            }
            P::WrongType { expected, found } => pick2(
                nl,
                format!(
                    "hier hoort {}, maar er staat {}",
                    expected.name(lang),
                    found.name(lang)
                ),
                format!(
                    "this should be {}, but it is {}",
                    expected.name(lang),
                    found.name(lang)
                ),
            ),
            P::MissingField => pick(nl, "dit veld ontbreekt", "this field is missing").into(),
            P::TooLarge { max } => pick2(
                nl,
                format!("dit getal is te groot (hoogstens {max})"),
                format!("this number is too large (at most {max})"),
            ),
            P::EmptyId => pick(nl, "de code is leeg", "the id is empty").into(),
            P::InvalidId { id } => pick2(
                nl,
                format!("de code “{id}” bevat spaties of onzichtbare tekens"),
                format!("the id “{id}” contains spaces or invisible characters"),
            ),
            P::DuplicateId { id } => pick2(
                nl,
                format!("de code “{id}” komt vaker voor"),
                format!("the id “{id}” occurs more than once"),
            ),
            P::MissingLabel => pick(
                nl,
                "er is geen tekst, in het Nederlands noch in het Engels",
                "there is no text, neither in Dutch nor in English",
            )
            .into(),
            P::VersionZero => pick(
                nl,
                "het versienummer moet 1 of hoger zijn",
                "the version must be 1 or higher",
            )
            .into(),
            P::MinGroupSizeTooSmall { value } => pick2(
                nl,
                format!("de kleinste groepsgrootte is {value}; die moet minstens 2 zijn"),
                format!("the minimum group size is {value}; it must be at least 2"),
            ),
            P::NoItems => pick(
                nl,
                "de vragenlijst heeft geen vragen",
                "the questionnaire has no questions",
            )
            .into(),
            P::UnknownKind { kind } => pick2(
                nl,
                format!("onbekend soort vraag “{kind}”"),
                format!("unknown kind of question “{kind}”"),
            ),
            P::NoOptions => pick(
                nl,
                "deze keuzevraag heeft geen antwoordmogelijkheden",
                "this choice question has no options",
            )
            .into(),
            P::NotAnInteger => pick(
                nl,
                "dit moet een geheel getal zijn",
                "this must be a whole number",
            )
            .into(),
            P::MinAboveMax => pick(
                nl,
                "het minimum is groter dan het maximum",
                "the minimum is greater than the maximum",
            )
            .into(),
            P::GradeRangeTooWide => format!(
                "{} {MAX_GRADE_STEPS}",
                pick(
                    nl,
                    "een cijferschaal heeft hoogstens zoveel waarden:",
                    "a grade scale has at most this many values:",
                )
            ),
            P::UnknownFactor { factor } => pick2(
                nl,
                format!("de factor “{factor}” bestaat niet"),
                format!("the factor “{factor}” does not exist"),
            ),
            P::ShowIfUnknownItem { item } => pick2(
                nl,
                format!("de voorwaarde noemt een vraag “{item}” die niet bestaat"),
                format!("the condition names a question “{item}” that does not exist"),
            ),
            P::ShowIfNotEarlier { item } => pick2(
                nl,
                format!(
                    "de voorwaarde noemt vraag “{item}”, die niet eerder in de vragenlijst staat"
                ),
                format!("the condition names question “{item}”, which does not come earlier"),
            ),
            P::ShowIfImpossibleValue { value } => pick2(
                nl,
                format!("“{value}” kan nooit het antwoord zijn op de vraag in de voorwaarde"),
                format!("“{value}” can never be the answer to the question in the condition"),
            ),
            P::ShowIfUnknownValue { value } => pick2(
                nl,
                format!("“{value}” is geen antwoordmogelijkheid van de vraag in de voorwaarde"),
                format!("“{value}” is not an option of the question in the condition"),
            ),
            P::ShowIfEmpty => pick(
                nl,
                "de voorwaarde noemt geen enkel antwoord, dus de vraag wordt nooit getoond",
                "the condition lists no answer, so the question is never shown",
            )
            .into(),
            P::OptionalField => pick(
                nl,
                "dit veld kent de app niet; schrijf “required”: false voor een vraag die niet \
                 verplicht is, of “required”: true voor een verplichte",
                "the app does not know this field; write “required”: false for a question that \
                 is not required, or “required”: true for one that is",
            )
            .into(),
            P::MisspeltField { meant } => pick2(
                nl,
                format!("dit veld kent de app niet; bedoeld is waarschijnlijk “{meant}”"),
                format!("the app does not know this field; “{meant}” was probably meant"),
            ),
        };
        let within = self.within.as_ref().map(|w| {
            let (nl_word, en_word, id) = match w {
                Within::Item(id) => ("vraag", "question", id),
                Within::Section(id) => ("sectie", "section", id),
                Within::Factor(id) => ("factor", "factor", id),
                Within::MeetingQuestion(id) => ("gespreksvraag", "meeting question", id),
            };
            format!(" ({} “{id}”)", pick(nl, nl_word, en_word))
        });
        if self.path.is_empty() {
            what
        } else {
            format!("{}{}: {what}", self.path, within.unwrap_or_default())
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

fn pick2(nl: bool, dutch: String, english: String) -> String {
    if nl {
        dutch
    } else {
        english
    }
}

/// The issues of a rejected definition, as one error value for serde's `try_from`.
#[derive(Clone, Debug, PartialEq)]
pub struct DefinitionIssues(pub Vec<DefinitionIssue>);

impl fmt::Display for DefinitionIssues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|i| i.message(Lang::En)).collect();
        write!(f, "invalid questionnaire: {}", parts.join("; "))
    }
}

impl Questionnaire {
    /// Parses and validates a definition, reporting every problem with its path.
    ///
    /// ```
    /// use samenscan::domain::Questionnaire;
    /// let issues = Questionnaire::from_json(r#"{"id": "", "version": 1}"#).unwrap_err();
    /// assert!(issues.len() >= 2); // empty id, missing title, no items
    /// ```
    pub fn from_json(json: &str) -> Result<Questionnaire, Vec<DefinitionIssue>> {
        let value: Value = serde_json::from_str(json).map_err(malformed)?;
        // Not through the memory of `from_value`: a definition given as text (the built-in
        // one, one stored on this device) is read once, not once per imported file.
        Questionnaire::read_value(value)
    }

    /// As [`Questionnaire::from_json`], for a definition already parsed as JSON (an exchange file
    /// carries its definitions inside one document).
    ///
    /// Fields of the wrong JSON type are found first, each at its path, by walking the value
    /// ([`check_types`]); they are then left out, so that the typed reading can go on and report
    /// the other problems too. What follows only from a left-out field (an empty id after
    /// `"id": 5`) is not reported twice.
    ///
    /// The last few definitions read are remembered with the JSON they were read from: a
    /// coordinator's thousand files each carry the same definition, and reading it is then a
    /// comparison instead of a thousand checks. The result is the same either way (a valid
    /// definition is a pure function of its JSON; only valid ones are remembered).
    pub fn from_value(value: Value) -> Result<Questionnaire, Vec<DefinitionIssue>> {
        thread_local! {
            static READ: RefCell<Recent<Value, Questionnaire>> = const { RefCell::new(Recent::new()) };
        }
        if let Some(q) = READ.with_borrow(|read| read.find(|json| *json == value)) {
            return Ok(q);
        }
        let json = value.clone();
        let q = Questionnaire::read_value(value)?;
        READ.with_borrow_mut(|read| read.remember(json, q.clone()));
        Ok(q)
    }

    /// A valid definition read from its JSON text, the last few remembered by that text: each of
    /// a coordinator's thousand files carries the same definition, written the same way, and
    /// comparing the texts spares parsing them (a definition is a sixth of a typical file).
    /// The same as [`Questionnaire::from_value`] of the parsed text; `None` when the text is not
    /// a valid definition (that reading then names its problems). Only valid ones are remembered.
    pub fn from_text_remembered(text: &str) -> Option<Questionnaire> {
        thread_local! {
            static READ: RefCell<Recent<Box<str>, Questionnaire>> = const { RefCell::new(Recent::new()) };
        }
        let seen = READ.with_borrow(|read| read.find(|json| **json == *text));
        if seen.is_some() {
            return seen;
        }
        let value: Value = serde_json::from_str(text).ok()?;
        let q = Questionnaire::from_value(value).ok()?;
        READ.with_borrow_mut(|read| read.remember(text.into(), q.clone()));
        Some(q)
    }

    fn read_value(mut value: Value) -> Result<Questionnaire, Vec<DefinitionIssue>> {
        let (type_issues, renamed) = check_types(&mut value);
        // Only a few dozen ids; each issue then names the part it is in.
        let parts = PartIds::of(&value);
        let raw: RawQuestionnaire = match serde_json::from_value(value) {
            Ok(raw) => raw,
            // The walk above leaves only what the typed reading accepts; this is a safety net.
            Err(e) => return Err(type_issues.into_iter().chain(malformed(e)).collect()),
        };
        let issues = match validate_definition(raw) {
            Ok(q) if type_issues.is_empty() => return Ok(q),
            Ok(_) => type_issues,
            Err(issues) => {
                let follows = |path: &str| type_issues.iter().any(|t| follows_from(&t.path, path));
                let own: Vec<DefinitionIssue> =
                    issues.into_iter().filter(|i| !follows(&i.path)).collect();
                type_issues.into_iter().chain(own).collect()
            }
        };
        // What follows from reading a misspelt field as the one meant is about a path that is
        // not in the file: the misspelling, said at its own path, is what to fix.
        // Only at that path: problems inside it are the file's own (its "Sections" hold them).
        let from_renamed = |path: &str| renamed.iter().any(|r| r == path);
        Err(issues
            .into_iter()
            .filter(|issue| !from_renamed(&issue.path))
            .map(|mut issue| {
                issue.within = parts.within(&issue.path);
                issue
            })
            .collect())
    }

    /// The definition as compact JSON in the shape of design §2, for an exchange file: the same
    /// text as `serde_json::to_string`. The last few written are remembered with the definition
    /// they were written from: the import stores each of a thousand files with its definition,
    /// nearly always the same one, read once ([`Questionnaire::from_text_remembered`]), and
    /// writing it anew each time was a twentieth of the import.
    pub fn to_compact_json(&self) -> Box<RawValue> {
        thread_local! {
            static WRITTEN: RefCell<Recent<Questionnaire, Box<RawValue>>> = const { RefCell::new(Recent::new()) };
        }
        if let Some(text) = WRITTEN.with_borrow(|written| written.find(|q| q.same_reading(self))) {
            return text;
        }
        let text = serde_json::to_string(self).expect("a questionnaire always serialises");
        let text = RawValue::from_string(text).expect("serde_json writes valid JSON");
        WRITTEN.with_borrow_mut(|written| written.remember(self.clone(), text.clone()));
        text
    }

    /// Whether `other` is this very definition, from the same reading: the parts a clone
    /// shares are the same allocations (never reused while `other` holds them), and the rest is
    /// equal. A cheap test of equality for definitions that were copied, not read again.
    pub fn same_reading(&self, other: &Questionnaire) -> bool {
        Arc::ptr_eq(&self.factors, &other.factors)
            && Arc::ptr_eq(&self.sections, &other.sections)
            && Arc::ptr_eq(&self.meeting_questions, &other.meeting_questions)
            && self.id == other.id
            && self.version == other.version
            && self.title == other.title
            && self.min_group_size == other.min_group_size
            && self.min_group_floor == other.min_group_floor
    }

    /// The definition as pretty JSON in the shape of design §2.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a questionnaire always serialises")
    }

    /// The id, e.g. `samenwerking`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The version; records name `{id, version}`.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The title people see.
    pub fn title(&self) -> &Label {
        &self.title
    }

    /// Groups smaller than this are never shown in a report (design §4); at least 2. A definition
    /// under the built-in questionnaire's id and version never goes below the built-in one's:
    /// a file may carry its own copy of it (design §3, and its examples do), and a copy that
    /// lowered it would show small groups' figures in every report on that enquête.
    pub fn min_group_size(&self) -> usize {
        let shipped = builtin();
        let own = self.min_group_size.max(self.min_group_floor);
        if self.id == shipped.id && self.version == shipped.version {
            own.max(shipped.min_group_size)
        } else {
            own
        }
    }

    /// Keeps groups smaller than `size` hidden too, as another copy of this definition asks
    /// ([`Questionnaire::min_group_size`] never goes below it).
    pub(crate) fn keep_min_group_size(&mut self, size: usize) {
        // Only above its own: a copy that asks no less keeps equal to itself as read.
        if size > self.min_group_size {
            self.min_group_floor = self.min_group_floor.max(size);
        }
    }

    /// The factors, in definition order.
    pub fn factors(&self) -> &[Factor] {
        &self.factors
    }

    /// The factor with this id.
    pub fn factor(&self, id: &str) -> Option<&Factor> {
        self.factors.iter().find(|f| f.id == id)
    }

    /// The sections (pages), in order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The questions that guide an evaluation meeting.
    pub fn meeting_questions(&self) -> &[MeetingQuestion] {
        &self.meeting_questions
    }

    /// Every item in the order people meet them, section by section.
    pub fn items(&self) -> impl Iterator<Item = &Item> + '_ {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    /// The grade item (the *rapportcijfer*), found by its kind whatever its id: the first one when
    /// a questionnaire asks for more than one grade (a later grade, say for one partner, is
    /// reported among the other questions).
    pub fn grade_item(&self) -> Option<&Item> {
        self.items()
            .find(|i| matches!(i.kind, ItemKind::Grade { .. }))
    }

    /// The list evaluation meetings are held for: the `choice` item with id `team`, `gemeente`
    /// or `municipality` (in that order), else the first `group_by` choice item that is not the
    /// organisation item and names a place in its id or question (a regional questionnaire's
    /// `regio`, "In welke wijk werkt u?"). Meetings are one per municipality or team; a split
    /// by role or function is no list of places to hold them in.
    pub fn municipality_item(&self) -> Option<&Item> {
        self.choice_item_named(&["team", "gemeente", "municipality"])
            .or_else(|| {
                let org = self.organisation_item().map(|i| i.id.as_str());
                self.group_by_items().find(|i| {
                    matches!(i.kind, ItemKind::Choice { .. })
                        && Some(i.id.as_str()) != org
                        && names_a_place(i)
                })
            })
    }

    /// The options a meeting chooses its municipality from (`organisations` false), or counts
    /// attendance and names an action's owner by (true): this questionnaire's lists, or the
    /// built-in ones when it has none.
    pub fn meeting_options(&self, organisations: bool) -> &[ChoiceOption] {
        fn list(q: &Questionnaire, organisations: bool) -> Option<&[ChoiceOption]> {
            if organisations {
                q.organisation_item()
            } else {
                q.municipality_item()
            }
            .map(|i| i.kind.options())
        }
        list(self, organisations)
            .or_else(|| list(builtin(), organisations))
            .unwrap_or_default()
    }

    /// The organisations attendance is counted by: the `choice` item with id `org`,
    /// `organisatie` or `organisation` (in that order).
    pub fn organisation_item(&self) -> Option<&Item> {
        self.choice_item_named(&["org", "organisatie", "organisation"])
    }

    fn choice_item_named(&self, ids: &[&str]) -> Option<&Item> {
        ids.iter().find_map(|id| {
            self.item(id)
                .filter(|i| matches!(i.kind, ItemKind::Choice { .. }))
        })
    }

    /// The items a report splits by, in order.
    pub fn group_by_items(&self) -> impl Iterator<Item = &Item> + '_ {
        self.items().filter(|i| i.group_by)
    }

    /// The likert items of one factor, in order.
    pub fn factor_items<'a>(&'a self, factor_id: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items().filter(move |i| i.factor() == Some(factor_id))
    }

    /// The free-text items, in order.
    pub fn text_items(&self) -> impl Iterator<Item = &Item> + '_ {
        self.items().filter(|i| matches!(i.kind, ItemKind::Text))
    }

    /// The `{id, version}` pair that records use to name this questionnaire.
    pub fn reference(&self) -> super::response::QuestionnaireRef {
        super::response::QuestionnaireRef {
            id: self.id.clone(),
            version: self.version,
        }
    }

    /// Whether `item` is shown given `answers`: its `show_if` (if any) is met, and the item that
    /// condition names is itself visible, and so on up the chain. A hidden item is neither asked,
    /// required nor scored, even if an old answer to it is still stored.
    pub fn is_visible(&self, item: &Item, answers: &Answers) -> bool {
        self.shown(item, answers, false)
    }

    /// Whether `item` is shown, or may still be: as [`Questionnaire::is_visible`], except that a
    /// condition on a question not answered yet counts as met while that question may itself be
    /// shown. What a step counter counts, so that "Stap 1 van 5" does not start as "van 2"
    /// until the question the other pages depend on is answered.
    pub fn may_be_visible(&self, item: &Item, answers: &Answers) -> bool {
        self.shown(item, answers, true)
    }

    /// How far a response has got: (questions answered, questions asked or still to be asked).
    /// Counted as the step count is ([`Questionnaire::may_be_visible`]), so a new response is
    /// "0 of 27", not "0 of 3" until the question the others depend on is answered; an answer
    /// kept for a question that is now hidden does not count.
    pub fn progress(&self, answers: &Answers) -> (usize, usize) {
        self.items()
            .filter(|item| self.may_be_visible(item, answers))
            .fold((0, 0), |(answered, total), item| {
                let done = answers.get(&item.id).is_some() && self.is_visible(item, answers);
                (answered + usize::from(done), total + 1)
            })
    }

    fn shown(&self, item: &Item, answers: &Answers, unanswered_may_show: bool) -> bool {
        let mut current = item;
        // The chain always points to earlier items (validated), so it ends; the bound is a
        // second guard. Counted only for a long chain: this runs for every item of every
        // imported response.
        for step in 0usize.. {
            if step > 16 && step > self.items().count() {
                break;
            }
            let Some(cond) = &current.show_if else {
                return true;
            };
            let Some(target) = self.item(&cond.item) else {
                return false;
            };
            let met = match answers.get(target.id.as_str()) {
                None | Some(Value::Null) => unanswered_may_show,
                Some(answer) => shows(answer, &cond.values),
            };
            if !met {
                return false;
            }
            current = target;
        }
        false
    }
}

/// The built-in default questionnaire `samenwerking` version 1 (design §2), parsed and validated
/// once and then shared.
pub fn builtin() -> &'static Questionnaire {
    static BUILTIN: OnceLock<Questionnaire> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        Questionnaire::from_json(BUILTIN_JSON)
            .expect("the built-in questionnaire is valid (checked by its tests)")
    })
}

/// The JSON text of the built-in questionnaire, as it ships.
pub const BUILTIN_JSON: &str = include_str!("default_questionnaire.json");

fn malformed(e: serde_json::Error) -> Vec<DefinitionIssue> {
    vec![DefinitionIssue {
        path: String::new(),
        problem: DefinitionProblem::Malformed {
            detail: e.to_string(),
        },
        within: None,
    }]
}

fn default_min_group_size() -> i64 {
    DEFAULT_MIN_GROUP_SIZE as i64
}

fn is_false(b: &bool) -> bool {
    !*b
}

// The raw shapes mirror the JSON of design §2 loosely: ids, kinds and labels default to empty so
// that a missing one becomes a reported issue with its path rather than a serde error that stops
// at the first problem; fields of every kind live on one struct so that a field on the wrong kind
// can be reported instead of silently dropped. Unknown fields are ignored, so a definition with
// extra decoration (`"description"`, `"_comment"`) still loads, unless one is spelt nearly as a
// known field (`Checker::misspelt`): that is a typo, and ignoring it would change the meaning.

#[derive(Clone, Debug, Serialize, Deserialize)]
struct RawQuestionnaire {
    #[serde(default)]
    id: String,
    #[serde(default)]
    version: u32,
    #[serde(default)]
    title: Label,
    #[serde(default = "default_min_group_size")]
    min_group_size: i64,
    #[serde(default)]
    factors: Vec<RawFactor>,
    #[serde(default)]
    sections: Vec<RawSection>,
    #[serde(default)]
    meeting_questions: Vec<RawMeetingQuestion>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct RawFactor {
    #[serde(default)]
    id: String,
    #[serde(default)]
    label: Label,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct RawMeetingQuestion {
    #[serde(default)]
    id: String,
    #[serde(default)]
    label: Label,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct RawSection {
    #[serde(default)]
    id: String,
    #[serde(default)]
    title: Label,
    #[serde(default)]
    items: Vec<RawItem>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct RawOption {
    #[serde(default)]
    value: String,
    #[serde(default)]
    label: Label,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct RawItem {
    #[serde(default)]
    id: String,
    #[serde(default)]
    kind: String,
    #[serde(default, skip_serializing_if = "is_false")]
    required: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    group_by: bool,
    #[serde(default)]
    label: Label,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    options: Option<Vec<RawOption>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<serde_json::Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<serde_json::Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    factor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reverse: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    show_if: Option<ShowIf>,
}

impl TryFrom<Value> for Questionnaire {
    type Error = DefinitionIssues;

    fn try_from(value: Value) -> Result<Self, Self::Error> {
        Questionnaire::from_value(value).map_err(DefinitionIssues)
    }
}

impl From<Questionnaire> for RawQuestionnaire {
    fn from(q: Questionnaire) -> RawQuestionnaire {
        RawQuestionnaire {
            id: q.id,
            version: q.version,
            title: q.title,
            min_group_size: q.min_group_size as i64,
            factors: Arc::unwrap_or_clone(q.factors)
                .into_iter()
                .map(|f| RawFactor {
                    id: f.id,
                    label: f.label,
                })
                .collect(),
            sections: Arc::unwrap_or_clone(q.sections)
                .into_iter()
                .map(|s| RawSection {
                    id: s.id,
                    title: s.title,
                    items: s.items.into_iter().map(raw_item).collect(),
                })
                .collect(),
            meeting_questions: Arc::unwrap_or_clone(q.meeting_questions)
                .into_iter()
                .map(|m| RawMeetingQuestion {
                    id: m.id,
                    label: m.label,
                })
                .collect(),
        }
    }
}

fn raw_item(item: Item) -> RawItem {
    let mut raw = RawItem {
        id: item.id,
        kind: item.kind.name().to_string(),
        required: item.required,
        group_by: item.group_by,
        label: item.label,
        options: None,
        min: None,
        max: None,
        factor: None,
        reverse: None,
        show_if: item.show_if,
    };
    let raw_options = |options: Vec<ChoiceOption>| {
        Some(
            options
                .into_iter()
                .map(|o| RawOption {
                    value: o.value,
                    label: o.label,
                })
                .collect(),
        )
    };
    match item.kind {
        ItemKind::Choice { options } | ItemKind::Multi { options } => {
            raw.options = raw_options(options)
        }
        ItemKind::Grade { min, max } => {
            raw.min = Some(min.into());
            raw.max = Some(max.into());
        }
        ItemKind::Likert { factor, reverse } => {
            raw.factor = factor;
            raw.reverse = Some(reverse);
        }
        ItemKind::Number { min, max } => {
            raw.min = min.and_then(json_number);
            raw.max = max.and_then(json_number);
        }
        ItemKind::Text => {}
    }
    raw
}

/// A bound as JSON: whole numbers without a fraction, so `{"min": 0}` round-trips as written.
fn json_number(x: f64) -> Option<serde_json::Number> {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Some((x as i64).into())
    } else {
        serde_json::Number::from_f64(x)
    }
}

/// True when the problem at `path` only follows from the wrongly typed field at `typed` having
/// been left out: it is at that field or inside it, or it compares a grade or number bound with
/// the other bound of the same item.
fn follows_from(typed: &str, path: &str) -> bool {
    let inside = typed.is_empty()
        || path == typed
        || path
            .strip_prefix(typed)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['));
    fn bound(p: &str) -> Option<&str> {
        p.strip_suffix(".min").or_else(|| p.strip_suffix(".max"))
    }
    inside || matches!((bound(typed), bound(path)), (Some(a), Some(b)) if a == b)
}

/// Finds every field of the wrong JSON type in a definition, with its path, and leaves each one
/// out of `value` (or, in a list, puts an empty value of the right type in its place, so that
/// later paths keep their indices). What is left reads as a [`RawQuestionnaire`]. Unknown fields
/// are ignored, as the typed reading ignores them.
fn check_types(value: &mut Value) -> (Vec<DefinitionIssue>, Vec<String>) {
    let mut c = Checker {
        issues: Vec::new(),
        renamed: Vec::new(),
    };
    let Value::Object(root) = value else {
        c.wrong(String::new(), JsonType::Object, value);
        *value = Value::Object(serde_json::Map::new());
        return (c.issues, c.renamed);
    };
    c.misspelt(root, "", QUESTIONNAIRE_FIELDS);
    c.required(root, "", &["id", "version", "title"]);
    c.text(root, "", "id", false);
    c.whole(root, "", "version", 0, u64::from(u32::MAX));
    c.label_object(root, "", "title");
    c.whole(root, "", "min_group_size", i64::MIN, i64::MAX as u64);
    c.objects(root, "", "factors", false, |c, obj, path| {
        c.misspelt(obj, path, &["id", "label"]);
        c.required(obj, path, &["id", "label"]);
        c.text(obj, path, "id", false);
        c.label_object(obj, path, "label");
    });
    c.objects(root, "", "meeting_questions", false, |c, obj, path| {
        c.misspelt(obj, path, &["id", "label"]);
        c.required(obj, path, &["id", "label"]);
        c.text(obj, path, "id", false);
        c.label_object(obj, path, "label");
    });
    c.objects(root, "", "sections", false, |c, obj, path| {
        c.misspelt(obj, path, &["id", "title", "items"]);
        c.required(obj, path, &["id", "title"]);
        c.text(obj, path, "id", false);
        c.label_object(obj, path, "title");
        c.objects(obj, path, "items", false, |c, item, path| {
            c.misspelt(item, path, ITEM_FIELDS);
            c.required(item, path, &["id", "kind", "label"]);
            c.text(item, path, "id", false);
            c.text(item, path, "kind", false);
            // Fields of another kind are ignored, as unknown fields are, whatever they hold.
            let own: &[&str] = match item.get("kind").and_then(Value::as_str) {
                Some("choice" | "multi") => &["options"],
                Some("grade" | "number") => &["min", "max"],
                Some("likert") => &["factor", "reverse"],
                Some("text") => &[],
                _ => &["options", "min", "max", "factor", "reverse"],
            };
            for field in ["options", "min", "max", "factor", "reverse"] {
                if !own.contains(&field) {
                    item.remove(field);
                }
            }
            // `null` is read as absent: not required, not a split.
            c.boolean(item, path, "required", true);
            c.boolean(item, path, "group_by", true);
            for key in ["required", "group_by"] {
                if item.get(key).is_some_and(Value::is_null) {
                    item.remove(key);
                }
            }
            c.label_object(item, path, "label");
            c.objects(item, path, "options", true, |c, option, path| {
                c.misspelt(option, path, &["value", "label"]);
                c.required(option, path, &["value", "label"]);
                c.text(option, path, "value", false);
                c.label_object(option, path, "label");
            });
            c.number(item, path, "min");
            c.number(item, path, "max");
            c.text(item, path, "factor", true);
            c.boolean(item, path, "reverse", true);
            c.show_if(item, path);
        });
    });
    (c.issues, c.renamed)
}

type Fields = serde_json::Map<String, Value>;

/// The fields of a definition's top level (design §2).
const QUESTIONNAIRE_FIELDS: &[&str] = &[
    "id",
    "version",
    "title",
    "min_group_size",
    "factors",
    "sections",
    "meeting_questions",
];

/// The fields of an item, of every kind.
const ITEM_FIELDS: &[&str] = &[
    "id", "kind", "required", "group_by", "label", "options", "min", "max", "factor", "reverse",
    "show_if",
];

/// Other tools' words for a known field: refused, naming the field, when that field is not
/// there too ("type" beside "kind" is another tool's decoration). "optional" says the opposite
/// of "required" and has its own words ([`DefinitionProblem::OptionalField`]).
const FIELD_ALIASES: &[(&str, &str)] = &[("optional", "required"), ("type", "kind")];

/// The known field `key` is probably a misspelling of: the same letters when case, `-`, `_`
/// and spaces are left out (`groupBy`, `show-if`), or, for a field of four letters or more,
/// one or two letters off (one for five letters or fewer): left out, added, changed or two
/// swapped (`revers`, `requried`, `min_grup_size`, `factors` on an item). `None` for a known
/// field or one unlike any (`description`), and one set aside the way hand-written JSON
/// comments a field out (`_reverse`, `$schema`): those change nothing and are ignored. Another
/// tool's word for a field ([`FIELD_ALIASES`]: `optional`, `type`) names it.
pub(crate) fn meant_field(key: &str, known: &[&'static str]) -> Option<&'static str> {
    if known.contains(&key) || key.starts_with(['_', '$']) {
        return None;
    }
    let lower = key.to_lowercase();
    if let Some(&(_, meant)) = FIELD_ALIASES
        .iter()
        .find(|(alias, meant)| *alias == lower && known.contains(meant))
    {
        return known.iter().find(|k| **k == meant).copied();
    }
    let plain = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let found = plain(key);
    known
        .iter()
        .filter_map(|&k| {
            let k_plain = plain(k);
            let limit = match k_plain.len() {
                0..=3 => 0,
                4..=5 => 1,
                _ => 2,
            };
            // Lengths first: a key of a million letters is no typo, and is not compared.
            if found.len().abs_diff(k_plain.len()) > limit {
                return None;
            }
            let d = edit_distance(&found, &k_plain);
            (d <= limit).then_some((d, k))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Checker {
    /// Reports each of `keys` that `obj` lacks as missing (rather than as what its default, an
    /// empty id or version 0, would be called).
    fn required(&mut self, obj: &Fields, path: &str, keys: &[&str]) {
        for key in keys {
            if !obj.contains_key(*key) {
                self.push(join(path, key), DefinitionProblem::MissingField);
            }
        }
    }

    /// Reports each field of `obj` that is probably a misspelling of one of `known`
    /// ([`meant_field`]). The definition is refused for it; its value is then read as the field
    /// meant (when that is not there too), so that the checks after this one do not also call
    /// that field missing, which the person can see it is not.
    fn misspelt(&mut self, obj: &mut Fields, path: &str, known: &[&'static str]) {
        let found: Vec<(String, &'static str)> = obj
            .keys()
            .filter_map(|key| meant_field(key, known).map(|meant| (key.clone(), meant)))
            .collect();
        for (key, meant) in found {
            let alias = FIELD_ALIASES.iter().any(|(a, _)| *a == key.to_lowercase());
            if alias && obj.contains_key(meant) {
                continue;
            }
            if key.eq_ignore_ascii_case("optional") {
                // Not read as "required": it means the opposite.
                self.push(join(path, &key), DefinitionProblem::OptionalField);
                continue;
            }
            self.push(join(path, &key), DefinitionProblem::MisspeltField { meant });
            if !obj.contains_key(meant) {
                if let Some(value) = obj.remove(&key) {
                    obj.insert(meant.to_string(), value);
                    self.renamed.push(join(path, meant));
                }
            }
        }
    }

    fn wrong(&mut self, path: String, expected: JsonType, found: &Value) {
        self.push(
            path,
            DefinitionProblem::WrongType {
                expected,
                found: JsonType::of(found),
            },
        );
    }

    /// Checks field `key` with `ok`; a wrong value is reported as `expected` and left out.
    fn field(
        &mut self,
        obj: &mut Fields,
        path: &str,
        key: &str,
        nullable: bool,
        expected: JsonType,
        ok: impl Fn(&Value) -> bool,
    ) {
        match obj.get(key) {
            None => {}
            Some(Value::Null) if nullable => {}
            Some(v) if ok(v) => {}
            Some(v) => {
                self.wrong(join(path, key), expected, v);
                obj.remove(key);
            }
        }
    }

    fn text(&mut self, obj: &mut Fields, path: &str, key: &str, nullable: bool) {
        self.field(obj, path, key, nullable, JsonType::Text, Value::is_string);
    }

    fn boolean(&mut self, obj: &mut Fields, path: &str, key: &str, nullable: bool) {
        self.field(
            obj,
            path,
            key,
            nullable,
            JsonType::Boolean,
            Value::is_boolean,
        );
    }

    fn number(&mut self, obj: &mut Fields, path: &str, key: &str) {
        // A whole bound written with a fraction (`10.0`) is the whole number: a grade's bounds
        // must be whole, and a number item's are written back without the fraction anyway.
        if let Some(v) = obj.get_mut(key) {
            whole_number(v);
        }
        self.field(obj, path, key, true, JsonType::Number, Value::is_number);
    }

    /// A whole number in `lo..=hi` (also when written with a fraction, `5.0`); a negative
    /// `version` is reported as version 0 is.
    fn whole(&mut self, obj: &mut Fields, path: &str, key: &str, lo: i64, hi: u64) {
        if let Some(v) = obj.get_mut(key) {
            whole_number(v);
        }
        let Some(v) = obj.get(key) else { return };
        let at = join(path, key);
        let problem = match v {
            Value::Number(n) if n.as_u64().is_some_and(|x| x > hi) => {
                Some(DefinitionProblem::TooLarge { max: hi })
            }
            Value::Number(n) if n.as_i64().is_some_and(|x| x < lo) => {
                Some(DefinitionProblem::VersionZero)
            }
            Value::Number(n) if n.is_i64() || n.is_u64() => None,
            other => Some(DefinitionProblem::WrongType {
                expected: JsonType::WholeNumber,
                found: JsonType::of(other),
            }),
        };
        if let Some(problem) = problem {
            self.push(at, problem);
            obj.remove(key);
        }
    }

    /// A label `{"nl": "…", "en": "…"}`.
    fn label_object(&mut self, obj: &mut Fields, path: &str, key: &str) {
        match obj.get_mut(key) {
            None => {}
            Some(Value::Object(label)) => {
                let at = join(path, key);
                self.misspelt(label, &at, &["nl", "en"]);
                self.text(label, &at, "nl", true);
                self.text(label, &at, "en", true);
            }
            Some(v) => {
                let v = v.clone();
                self.wrong(join(path, key), JsonType::Object, &v);
                obj.remove(key);
            }
        }
    }

    /// A list of objects, each checked by `each`; an element that is no object is reported and
    /// replaced by `{}` so that the elements after it keep their index.
    fn objects(
        &mut self,
        obj: &mut Fields,
        path: &str,
        key: &str,
        nullable: bool,
        each: impl Fn(&mut Checker, &mut Fields, &str),
    ) {
        let at = join(path, key);
        match obj.get_mut(key) {
            None => {}
            Some(Value::Null) if nullable => {}
            Some(Value::Array(list)) => {
                for (i, element) in list.iter_mut().enumerate() {
                    let path = format!("{at}[{i}]");
                    match element {
                        Value::Object(fields) => each(self, fields, &path),
                        other => {
                            self.wrong(path, JsonType::Object, other);
                            *other = Value::Object(Fields::new());
                        }
                    }
                }
            }
            Some(v) => {
                let v = v.clone();
                self.wrong(at, JsonType::List, &v);
                obj.remove(key);
            }
        }
    }

    /// `show_if`: `{"item": "…", "in": ["…"]}`, both required; left out when either is wrong.
    fn show_if(&mut self, item: &mut Fields, path: &str) {
        let at = join(path, "show_if");
        let cond = match item.get_mut("show_if") {
            None | Some(Value::Null) => return,
            Some(Value::Object(cond)) => cond,
            Some(v) => {
                let v = v.clone();
                self.wrong(at, JsonType::Object, &v);
                item.remove("show_if");
                return;
            }
        };
        self.misspelt(cond, &at, &["item", "in"]);
        let mut usable = true;
        match cond.get("item") {
            Some(Value::String(_)) => {}
            None => {
                self.push(join(&at, "item"), DefinitionProblem::MissingField);
                usable = false;
            }
            Some(v) => {
                let v = v.clone();
                self.wrong(join(&at, "item"), JsonType::Text, &v);
                usable = false;
            }
        }
        match cond.get_mut("in") {
            Some(Value::Array(values)) => {
                for (k, v) in values.iter_mut().enumerate() {
                    if !v.is_string() && !v.is_number() {
                        self.wrong(format!("{at}.in[{k}]"), JsonType::Text, v);
                        // Kept as "" so later values keep their index; "" is no option, and
                        // that follow-up problem at the same path is not reported twice.
                        *v = Value::String(String::new());
                    }
                }
            }
            None => {
                self.push(join(&at, "in"), DefinitionProblem::MissingField);
                usable = false;
            }
            Some(v) => {
                let v = v.clone();
                self.wrong(join(&at, "in"), JsonType::List, &v);
                usable = false;
            }
        }
        if !usable {
            item.remove("show_if");
        }
    }
}

/// Collects issues while walking a definition.
struct Checker {
    issues: Vec<DefinitionIssue>,
    /// Paths of misspelt fields' values, read as the field meant: what later checks say about
    /// them is about a path not in the file, and left out (the misspelling is said).
    renamed: Vec<String>,
}

impl Checker {
    fn push(&mut self, path: impl Into<String>, problem: DefinitionProblem) {
        self.issues.push(DefinitionIssue {
            path: path.into(),
            problem,
            within: None,
        });
    }

    fn id(&mut self, path: String, id: &str, seen: &mut BTreeSet<String>) {
        if id.is_empty() {
            self.push(path, DefinitionProblem::EmptyId);
        } else if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
            // Ids become JSON keys, CSV column names and codebook entries; spaces there are
            // an invitation to typos that no one can see.
            self.push(path, DefinitionProblem::InvalidId { id: id.to_string() });
        } else if !seen.insert(id.to_string()) {
            self.push(path, DefinitionProblem::DuplicateId { id: id.to_string() });
        }
    }

    fn label(&mut self, path: String, label: &Label) {
        if label.is_empty() {
            self.push(path, DefinitionProblem::MissingLabel);
        }
    }
}

fn validate_definition(raw: RawQuestionnaire) -> Result<Questionnaire, Vec<DefinitionIssue>> {
    use DefinitionProblem as P;
    let mut c = Checker {
        issues: Vec::new(),
        renamed: Vec::new(),
    };

    c.id("id".into(), &raw.id, &mut BTreeSet::new());
    if raw.version == 0 {
        c.push("version", P::VersionZero);
    }
    c.label("title".into(), &raw.title);
    if raw.min_group_size < 2 {
        c.push(
            "min_group_size",
            P::MinGroupSizeTooSmall {
                value: raw.min_group_size,
            },
        );
    }

    let mut factor_ids = BTreeSet::new();
    for (i, f) in raw.factors.iter().enumerate() {
        c.id(format!("factors[{i}].id"), &f.id, &mut factor_ids);
        c.label(format!("factors[{i}].label"), &f.label);
    }
    let mut meeting_ids = BTreeSet::new();
    for (i, m) in raw.meeting_questions.iter().enumerate() {
        c.id(
            format!("meeting_questions[{i}].id"),
            &m.id,
            &mut meeting_ids,
        );
        c.label(format!("meeting_questions[{i}].label"), &m.label);
    }

    // Item ids with their position in answering order, to check that `show_if` looks back.
    let mut item_ids = BTreeSet::new();
    let mut position: BTreeMap<&str, (usize, &RawItem)> = BTreeMap::new();
    let mut order = 0usize;
    for (s, section) in raw.sections.iter().enumerate() {
        for (i, item) in section.items.iter().enumerate() {
            c.id(
                format!("sections[{s}].items[{i}].id"),
                &item.id,
                &mut item_ids,
            );
            position.entry(&item.id).or_insert((order, item));
            order += 1;
        }
    }
    if order == 0 {
        c.push("sections", P::NoItems);
    }

    let mut section_ids = BTreeSet::new();
    let mut sections = Vec::with_capacity(raw.sections.len());
    let mut order = 0usize;
    for (s, section) in raw.sections.iter().enumerate() {
        c.id(format!("sections[{s}].id"), &section.id, &mut section_ids);
        c.label(format!("sections[{s}].title"), &section.title);
        let mut items = Vec::with_capacity(section.items.len());
        for (i, item) in section.items.iter().enumerate() {
            let path = format!("sections[{s}].items[{i}]");
            if let Some(kind) = check_item(&mut c, &path, item, &factor_ids) {
                // A split needs exactly one group per response: only a single choice splits;
                // `group_by` on another kind is ignored.
                let group_by = item.group_by && matches!(kind, ItemKind::Choice { .. });
                items.push(Item {
                    id: item.id.clone(),
                    label: item.label.clone(),
                    kind,
                    required: item.required,
                    group_by,
                    show_if: item.show_if.clone().map(ShowIf::whole),
                });
            }
            if let Some(cond) = &item.show_if {
                check_show_if(&mut c, &path, cond, order, &position);
            }
            order += 1;
        }
        sections.push(Section {
            id: section.id.clone(),
            title: section.title.clone(),
            items,
        });
    }

    if !c.issues.is_empty() {
        return Err(c.issues);
    }
    Ok(Questionnaire {
        id: raw.id,
        version: raw.version,
        title: raw.title,
        min_group_size: raw.min_group_size as usize,
        min_group_floor: 0,
        factors: Arc::new(
            raw.factors
                .into_iter()
                .map(|f| Factor {
                    id: f.id,
                    label: f.label,
                })
                .collect(),
        ),
        sections: Arc::new(sections),
        meeting_questions: Arc::new(
            raw.meeting_questions
                .into_iter()
                .map(|m| MeetingQuestion {
                    id: m.id,
                    label: m.label,
                })
                .collect(),
        ),
    })
}

/// Checks one item's own fields and builds its kind; `None` when the kind itself is unknown.
fn check_item(
    c: &mut Checker,
    path: &str,
    item: &RawItem,
    factor_ids: &BTreeSet<String>,
) -> Option<ItemKind> {
    use DefinitionProblem as P;
    c.label(format!("{path}.label"), &item.label);
    let kind_name: &'static str = match item.kind.as_str() {
        "choice" => "choice",
        "multi" => "multi",
        "grade" => "grade",
        "likert" => "likert",
        "number" => "number",
        "text" => "text",
        other => {
            c.push(
                format!("{path}.kind"),
                P::UnknownKind {
                    kind: other.to_string(),
                },
            );
            return None;
        }
    };
    // Fields of another kind (`min` and `max` on a statement, `factor` on a text) are ignored,
    // as unknown fields are: they change nothing about how an answer is read.

    let kind = match kind_name {
        "choice" | "multi" => {
            let options = item.options.as_deref().unwrap_or(&[]);
            if options.is_empty() {
                c.push(format!("{path}.options"), P::NoOptions);
            }
            let mut values = BTreeSet::new();
            for (o, opt) in options.iter().enumerate() {
                c.id(
                    format!("{path}.options[{o}].value"),
                    &opt.value,
                    &mut values,
                );
                c.label(format!("{path}.options[{o}].label"), &opt.label);
            }
            let options = options
                .iter()
                .map(|o| ChoiceOption {
                    value: o.value.clone(),
                    label: o.label.clone(),
                })
                .collect();
            if kind_name == "choice" {
                ItemKind::Choice { options }
            } else {
                ItemKind::Multi { options }
            }
        }
        "grade" => {
            let mut bound = |field: &str, n: &Option<serde_json::Number>, default: i64| match n {
                None => default,
                Some(n) => match n.as_i64() {
                    Some(v) => v,
                    None => {
                        c.push(format!("{path}.{field}"), P::NotAnInteger);
                        default
                    }
                },
            };
            let min = bound("min", &item.min, 1);
            let max = bound("max", &item.max, 10);
            if min > max {
                c.push(format!("{path}.min"), P::MinAboveMax);
            } else if max.abs_diff(min) >= MAX_GRADE_STEPS {
                // Also keeps `max - min` far from overflow in the distribution.
                c.push(format!("{path}.max"), P::GradeRangeTooWide);
            }
            ItemKind::Grade { min, max }
        }
        "likert" => {
            if let Some(f) = &item.factor {
                if !factor_ids.contains(f) {
                    c.push(
                        format!("{path}.factor"),
                        P::UnknownFactor { factor: f.clone() },
                    );
                }
            }
            ItemKind::Likert {
                factor: item.factor.clone(),
                reverse: item.reverse.unwrap_or(false),
            }
        }
        "number" => {
            let min = item.min.as_ref().and_then(serde_json::Number::as_f64);
            let max = item.max.as_ref().and_then(serde_json::Number::as_f64);
            if let (Some(lo), Some(hi)) = (min, max) {
                if lo > hi {
                    c.push(format!("{path}.min"), P::MinAboveMax);
                }
            }
            ItemKind::Number { min, max }
        }
        _ => ItemKind::Text,
    };
    Some(kind)
}

fn check_show_if(
    c: &mut Checker,
    path: &str,
    cond: &ShowIf,
    order: usize,
    position: &BTreeMap<&str, (usize, &RawItem)>,
) {
    use DefinitionProblem as P;
    let target_path = format!("{path}.show_if.item");
    if cond.values.is_empty() {
        c.push(format!("{path}.show_if.in"), P::ShowIfEmpty);
    }
    let Some(&(target_order, target)) = position.get(cond.item.as_str()) else {
        c.push(
            target_path,
            P::ShowIfUnknownItem {
                item: cond.item.clone(),
            },
        );
        return;
    };
    if target_order >= order {
        c.push(
            target_path.clone(),
            P::ShowIfNotEarlier {
                item: cond.item.clone(),
            },
        );
    }
    let options = target.options.as_deref().unwrap_or(&[]);
    let chooses = target.kind == "choice" || target.kind == "multi";
    let numeric = matches!(target.kind.as_str(), "grade" | "likert" | "number");
    for (v, value) in cond.values.iter().enumerate() {
        let problem = match value {
            ShowValue::Text(text) if chooses => {
                (!options.iter().any(|o| &o.value == text)).then(|| P::ShowIfUnknownValue {
                    value: text.clone(),
                })
            }
            ShowValue::Text(_) if target.kind == "text" => None,
            ShowValue::Number(n) if numeric => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                let bound = |b: &Option<serde_json::Number>, default: f64| {
                    b.as_ref()
                        .and_then(serde_json::Number::as_f64)
                        .unwrap_or(default)
                };
                let possible = match target.kind.as_str() {
                    "grade" => {
                        x.fract() == 0.0
                            && x >= bound(&target.min, 1.0)
                            && x <= bound(&target.max, 10.0)
                    }
                    "likert" => x.fract() == 0.0 && (1.0..=5.0).contains(&x),
                    _ => {
                        x >= bound(&target.min, f64::NEG_INFINITY)
                            && x <= bound(&target.max, f64::INFINITY)
                    }
                };
                (!possible).then(|| P::ShowIfImpossibleValue {
                    value: value.to_string(),
                })
            }
            // A number for a choice or a text, a text for a grade: never met.
            other => Some(P::ShowIfImpossibleValue {
                value: other.to_string(),
            }),
        };
        if let Some(problem) = problem {
            c.push(format!("{path}.show_if.in[{v}]"), problem);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_bounds_keep_their_written_form() {
        // A whole bound is written back without a fraction, a fractional one as is.
        assert_eq!(json_number(0.0).unwrap().to_string(), "0");
        assert_eq!(json_number(-3.0).unwrap().to_string(), "-3");
        assert_eq!(json_number(2.5).unwrap().to_string(), "2.5");
        let q = Questionnaire::from_json(
            r#"{"id": "n", "version": 1, "title": {"nl": "N"}, "sections": [{"id": "s",
               "title": {"nl": "S"}, "items": [{"id": "uren", "kind": "number", "min": 0,
               "max": 37.5, "label": {"nl": "Uren"}}]}]}"#,
        )
        .unwrap();
        let json: Value = serde_json::from_str(&q.to_json()).unwrap();
        let item = &json["sections"][0]["items"][0];
        assert_eq!(
            (item["min"].to_string(), item["max"].to_string()),
            ("0".into(), "37.5".into())
        );
    }

    #[test]
    fn compact_json_is_the_derived_text_and_never_another_definitions() {
        let derived = |q: &Questionnaire| serde_json::to_string(q).unwrap();
        let first = builtin().clone();
        assert_eq!(first.to_compact_json().get(), derived(&first));
        // A copy is found by its shared parts: the same text again.
        assert_eq!(first.clone().to_compact_json().get(), derived(&first));
        // Another reading of another definition with the same id and version, and one that
        // differs only in a field the parts do not hold, are written as themselves.
        let changed = BUILTIN_JSON.replacen("Samenwerking evalueren", "Anders", 1);
        let other = Questionnaire::from_json(&changed).unwrap();
        assert_eq!((other.id(), other.version()), (first.id(), first.version()));
        assert_ne!(derived(&other), derived(&first));
        assert_eq!(other.to_compact_json().get(), derived(&other));
        // Copies that share every part but differ in one other field: each written as itself.
        let mut regrouped = first.clone();
        regrouped.min_group_size += 1;
        assert_eq!(regrouped.to_compact_json().get(), derived(&regrouped));
        let mut retitled = first.clone();
        retitled.title = Label::new("Anders", "Other");
        assert_eq!(retitled.to_compact_json().get(), derived(&retitled));
        let mut renamed = first.clone();
        renamed.id.push_str("-oost");
        assert_eq!(renamed.to_compact_json().get(), derived(&renamed));
        let mut versioned = first.clone();
        versioned.version += 1;
        assert_eq!(versioned.to_compact_json().get(), derived(&versioned));
        assert_eq!(first.to_compact_json().get(), derived(&first));
    }

    #[test]
    fn builtin_is_parsed_once_and_shared() {
        assert!(std::ptr::eq(builtin(), builtin()));
        assert_eq!(builtin().grade_item().map(|i| i.id.as_str()), Some("grade"));
    }
}
