//! The response record of design §2 (one worker's enquête), its JSON shape, and the record-level
//! invariants that do not need the questionnaire: a UUID v4 id, a revision of at least 1 and an
//! RFC 3339 UTC timestamp. Answers stay an open JSON object here because the file format is open
//! JSON; checking them against a questionnaire is `validation`'s job, scoring is `scoring`'s.
//! Nothing here reads the clock or makes ids: the caller passes both in.

use std::cmp::Ordering;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::lang::Lang;

/// Names the questionnaire (definition) a record was made with.
///
/// The default, an empty id, is "not named": only a withdrawn record (a tombstone) may lack the
/// name, as it carries no answers to read with a definition.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    /// The questionnaire's id, e.g. `samenwerking`.
    pub id: String,
    /// Its version.
    pub version: u32,
}

impl QuestionnaireRef {
    /// True for a tombstone's missing name (see the type's documentation).
    pub fn is_unnamed(&self) -> bool {
        self.id.is_empty()
    }
}

/// Where a record stands (design §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Still being filled in; never counted.
    Draft,
    /// Handed in; the only status a report counts.
    Complete,
    /// Taken back by its owner: a tombstone that removes the record from every report.
    Withdrawn,
}

/// A whole number written with a fraction (`3.0`) made the whole number it is (`3`): JSON does
/// not tell them apart, and some tools write every number with one. Anything else is left as it
/// is (and a fraction like `3.5` stays the wrong type where a whole number is needed).
pub fn whole_number(v: &mut Value) {
    // Up to 2^53 every whole double is exact.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if let Value::Number(n) = v {
        if n.is_f64() {
            if let Some(x) = n.as_f64().filter(|x| x.fract() == 0.0 && x.abs() <= EXACT) {
                // `as` is exact here; -0.0 becomes 0.
                *v = if x < 0.0 {
                    Value::from(x as i64)
                } else {
                    Value::from(x as u64)
                };
            }
        }
    }
}

/// One worker's enquête, in the exact JSON shape of design §2.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// A random UUID v4 made on the worker's device (see [`is_uuid_v4`]).
    pub id: String,
    /// The definition the answers belong to; unnamed only on a tombstone that came without it.
    #[serde(default, skip_serializing_if = "QuestionnaireRef::is_unnamed")]
    pub questionnaire: QuestionnaireRef,
    /// 1 for a new record, one more for every saved change on the device that owns it.
    pub revision: u64,
    /// RFC 3339 UTC, e.g. `2026-11-20T09:12:00Z` (see [`Timestamp`]).
    pub updated_at: String,
    /// Draft, complete or withdrawn.
    pub status: Status,
    /// Item id → answer; an absent key means unanswered. Kept as open JSON: `validation` turns it
    /// into typed answers against the questionnaire.
    #[serde(default)]
    pub answers: Answers,
}

/// A response's answers: item id → answer, in id order. A sorted vector of exactly the answers
/// given, not a `BTreeMap`: its nodes have room for eleven entries each, which for a coordinator
/// holding 100,000 responses was tens of megabytes of empty slots. Looking up an answer is a
/// binary search; answers are changed one at a time, by a person typing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers(Vec<(ItemId, Value)>);

impl Answers {
    /// No answers.
    pub fn new() -> Answers {
        Answers(Vec::new())
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| (**k).cmp(key))
    }

    /// The answer to item `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.position(key).ok().map(|i| &self.0[i].1)
    }

    /// Whether item `key` is answered.
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_ok()
    }

    /// Sets the answer to item `key`; the earlier answer, if any.
    pub fn insert(&mut self, key: ItemId, value: Value) -> Option<Value> {
        match self.position(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// Removes the answer to item `key`; it, if there was one.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.position(key).ok().map(|i| self.0.remove(i).1)
    }

    /// The number of answers.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes every answer.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The answered item ids, in order.
    pub fn keys(&self) -> impl Iterator<Item = &ItemId> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The answers, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&ItemId, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The answers, in id order, each to change in place.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&ItemId, &mut Value)> {
        self.0.iter_mut().map(|(k, v)| (&*k, v))
    }
}

thread_local! {
    static ANSWERS_DROPPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many answers were dropped so far, on this thread, for a later answer to the same item
/// (see [`Answers::from_iter`]): a reader compares the count before and after to learn whether
/// what it read lost anything.
pub fn answers_dropped() -> usize {
    ANSWERS_DROPPED.get()
}

impl FromIterator<(ItemId, Value)> for Answers {
    /// Answers in any order; of two answers to the same item the later one is kept (as a map
    /// would).
    fn from_iter<I: IntoIterator<Item = (ItemId, Value)>>(iter: I) -> Answers {
        let mut all: Vec<(ItemId, Value)> = iter.into_iter().collect();
        // Answers read from JSON arrive in order already (through an ordered map).
        if all.windows(2).all(|w| w[0].0 < w[1].0) {
            all.shrink_to_fit();
            return Answers(all);
        }
        if all.len() <= 64 {
            // A response's few dozen answers, in the order some other tool wrote them: the
            // positions in key order, then the answers moved there (see `key_order`).
            let order = key_order(&all);
            for i in 0..all.len() {
                let mut from = usize::from(order[i]);
                // Earlier places were filled by swaps: follow where that answer went.
                while from < i {
                    from = usize::from(order[from]);
                }
                all.swap(i, from);
            }
        } else {
            super::sorting::sort_by(&mut all, |a, b| a.0.cmp(&b.0));
        }
        // Equal keys are next to each other, in the order given: the later answer is kept.
        all.dedup_by(|later, kept| {
            if later.0 != kept.0 {
                return false;
            }
            std::mem::swap(&mut later.1, &mut kept.1);
            ANSWERS_DROPPED.set(ANSWERS_DROPPED.get() + 1);
            true
        });
        all.shrink_to_fit();
        Answers(all)
    }
}

/// For at most 64 answers in any order, the positions that put them in key order (stable:
/// equal keys keep the order given). One questionnaire's responses written by one tool list
/// their items the same way, so the last few orders are remembered by their shared keys
/// ([`item_id`]): a thousand files of a hundred responses each sort a few lists, not all.
fn key_order(all: &[(ItemId, Value)]) -> Vec<u8> {
    thread_local! {
        static ORDERS: std::cell::RefCell<super::recent::Recent<Vec<ItemId>, Vec<u8>>> =
            const { std::cell::RefCell::new(super::recent::Recent::new()) };
    }
    let same = |keys: &Vec<ItemId>| {
        keys.len() == all.len() && keys.iter().zip(all).all(|(k, (a, _))| Arc::ptr_eq(k, a))
    };
    if let Some(order) = ORDERS.with_borrow(|orders| orders.find(same)) {
        return order;
    }
    // Insertion of each position after the equal keys already placed (stable).
    let mut order: Vec<u8> = Vec::with_capacity(all.len());
    for i in 0..all.len() {
        let at = order.partition_point(|&j| all[usize::from(j)].0 <= all[i].0);
        order.insert(at, i as u8);
    }
    let keys = all.iter().map(|(k, _)| k.clone()).collect();
    ORDERS.with_borrow_mut(|orders| orders.remember(keys, order.clone()));
    order
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a ItemId, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (ItemId, Value)>,
        fn(&'a (ItemId, Value)) -> (&'a ItemId, &'a Value),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl std::ops::Index<&str> for Answers {
    type Output = Value;
    /// The answer to an item that is answered; panics otherwise (as a map does).
    fn index(&self, key: &str) -> &Value {
        self.get(key).expect("no answer to this item")
    }
}

impl Serialize for Answers {
    /// As a JSON object, item id → answer.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(&**k, v)?;
        }
        map.end()
    }
}

/// An item id as an answer's key. Shared: the ids of one questionnaire are held once however
/// many responses a coordinator merges (100,000 responses of 30 answers held 3 million copies).
pub type ItemId = Arc<str>;

/// The shared [`ItemId`] for `id`. Up to a few thousand distinct ids are shared; beyond that
/// (only a file full of made-up keys gets there) each gets its own.
///
/// Answers are read in key order, and one questionnaire's responses have the same keys, so
/// the id asked for is nearly always the one after the last: that is tried first, before a
/// binary search.
pub fn item_id(id: &str) -> ItemId {
    const MAX_SHARED: usize = 4096;
    /// The shared ids in order, and where the last one found was.
    struct Shared {
        sorted: Vec<ItemId>,
        next: usize,
    }
    thread_local! {
        static IDS: std::cell::RefCell<Shared> =
            const { std::cell::RefCell::new(Shared { sorted: Vec::new(), next: 0 }) };
    }
    IDS.with_borrow_mut(|ids| {
        if let Some(shared) = ids.sorted.get(ids.next).filter(|s| ***s == *id) {
            let shared = shared.clone();
            ids.next += 1;
            return shared;
        }
        match ids.sorted.binary_search_by(|s| (**s).cmp(id)) {
            Ok(at) => {
                ids.next = at + 1;
                ids.sorted[at].clone()
            }
            Err(at) => {
                let new: ItemId = Arc::from(id);
                if ids.sorted.len() < MAX_SHARED {
                    ids.sorted.insert(at, new.clone());
                    ids.next = at + 1;
                }
                new
            }
        }
    })
}

impl<'de> Deserialize<'de> for Answers {
    /// From a JSON object, with shared keys (see [`item_id`]): each key goes straight to its
    /// shared id, without a `String` or a map of its own. Of two answers to the same item the
    /// later one is kept, as a map would.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Answers, D::Error> {
        use serde::de::{DeserializeSeed, MapAccess, Visitor};

        struct Key;
        impl<'de> Visitor<'de> for Key {
            type Value = ItemId;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an item id")
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<ItemId, E> {
                Ok(item_id(id))
            }
        }
        impl<'de> DeserializeSeed<'de> for Key {
            type Value = ItemId;
            fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<ItemId, D::Error> {
                d.deserialize_str(Key)
            }
        }

        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Answers;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of answers")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Answers, M::Error> {
                let mut all = Vec::with_capacity(map.size_hint().unwrap_or(0).min(256));
                while let Some(key) = map.next_key_seed(Key)? {
                    all.push((key, map.next_value::<Value>()?));
                }
                Ok(all.into_iter().collect())
            }
        }

        d.deserialize_map(Entries)
    }
}

impl<const N: usize> From<[(ItemId, Value); N]> for Answers {
    fn from(answers: [(ItemId, Value); N]) -> Answers {
        answers.into_iter().collect()
    }
}

/// A record-level problem that needs no questionnaire to see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordIssue {
    /// The id is not a lower-case UUID v4.
    BadId,
    /// The revision is 0; revisions start at 1.
    RevisionZero,
    /// `updated_at` is not an RFC 3339 UTC timestamp.
    BadTimestamp,
    /// A withdrawn record still carries answers; a tombstone must not keep what was taken back.
    WithdrawnWithAnswers,
    /// A withdrawn meeting that still carries content.
    WithdrawnWithContent,
    /// A meeting's `date` is not a calendar date `YYYY-MM-DD`.
    BadDate,
    /// A complete meeting does not say which municipality it was for.
    MissingMunicipality,
    /// An action of a complete meeting is not marked general or local.
    ActionWithoutScope,
    /// A meeting's attendance names an organisation with an empty key.
    EmptyAttendanceKey,
    /// A meeting's municipality is not one of its questionnaire's.
    UnknownMunicipality,
    /// A meeting's attendance or an action's owner names no organisation of its questionnaire
    /// (attendance is counted per organisation, never by name: design §2).
    UnknownOrganisation,
}

impl RecordIssue {
    /// The problem in plain words, for an import log.
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let s = match self {
            RecordIssue::BadId => {
                if nl {
                    "de code van het record (id) is geen willekeurige UUID (versie 4), zoals \
                     Samenscan die maakt"
                } else {
                    "the record's id is not a random UUID (version 4), as Samenscan makes them"
                }
            }
            RecordIssue::RevisionZero => {
                if nl {
                    "het revisienummer moet 1 of hoger zijn"
                } else {
                    "the revision must be 1 or higher"
                }
            }
            RecordIssue::BadTimestamp => {
                if nl {
                    "het tijdstip van de laatste wijziging (updated_at) is onleesbaar: verwacht \
                     wordt een datum en tijd met tijdzone, zoals 2026-11-20T09:12:00Z"
                } else {
                    "the time of the last change (updated_at) cannot be read: expected is a date \
                     and time with a time zone, such as 2026-11-20T09:12:00Z"
                }
            }
            RecordIssue::WithdrawnWithAnswers => {
                if nl {
                    "een ingetrokken enquête bevat nog antwoorden"
                } else {
                    "a withdrawn response still contains answers"
                }
            }
            RecordIssue::WithdrawnWithContent => {
                if nl {
                    "een ingetrokken bijeenkomst bevat nog inhoud"
                } else {
                    "a withdrawn meeting still has content"
                }
            }
            RecordIssue::BadDate => {
                if nl {
                    "de datum is geen geldige datum"
                } else {
                    "the date is not a valid date"
                }
            }
            RecordIssue::MissingMunicipality => {
                if nl {
                    "een afgeronde bijeenkomst noemt geen gemeente"
                } else {
                    "a completed meeting names no municipality"
                }
            }
            RecordIssue::ActionWithoutScope => {
                if nl {
                    "een actie van een afgeronde bijeenkomst zegt niet of die algemeen of lokaal is \
                     (\"scope\": \"general\" of \"local\")"
                } else {
                    "an action of a completed meeting does not say whether it is general or local \
                     (\"scope\": \"general\" or \"local\")"
                }
            }
            RecordIssue::EmptyAttendanceKey => {
                if nl {
                    "bij de aanwezigen staat een organisatie zonder naam"
                } else {
                    "the attendance lists an organisation without a name"
                }
            }
            RecordIssue::UnknownMunicipality => {
                if nl {
                    "de gemeente staat niet in de lijst van de vragenlijst"
                } else {
                    "the municipality is not in the questionnaire's list"
                }
            }
            RecordIssue::UnknownOrganisation => {
                if nl {
                    "bij de aanwezigen of bij een actie staat een organisatie die niet in de lijst \
                     van de vragenlijst staat (aanwezigen worden per organisatie geteld, nooit bij \
                     naam)"
                } else {
                    "the attendance or an action names an organisation that is not in the \
                     questionnaire's list (attendance is counted per organisation, never by name)"
                }
            }
        };
        s.to_string()
    }
}

impl Response {
    /// A new, empty draft at revision 1. `id` comes from the browser's random source and `now`
    /// from its clock: the domain makes neither.
    pub fn new_draft(id: String, questionnaire: QuestionnaireRef, now: String) -> Response {
        Response {
            id,
            questionnaire,
            revision: 1,
            updated_at: now,
            status: Status::Draft,
            answers: Answers::new(),
        }
    }

    /// Sets (`Some`) or clears (`None`) one answer and records the change: the revision goes up
    /// by one, as design §2 asks for every saved change. An unchanged value is not a change.
    /// A withdrawn response takes no answers (another tab may still show its form).
    pub fn set_answer(&mut self, item_id: &str, value: Option<Value>, now: &str) {
        if self.status == Status::Withdrawn {
            return;
        }
        let changed = match &value {
            Some(v) => self.answers.get(item_id) != Some(v),
            None => self.answers.contains_key(item_id),
        };
        if !changed {
            return;
        }
        match value {
            Some(v) => self.answers.insert(self::item_id(item_id), v),
            None => self.answers.remove(item_id),
        };
        self.touch(now);
    }

    /// Marks the response complete (the caller checked it with `validation` first).
    pub fn complete(&mut self, now: &str) {
        if self.status == Status::Draft {
            self.status = Status::Complete;
            self.touch(now);
        }
    }

    /// Takes the response back: status `withdrawn` and the answers removed, so the tombstone
    /// that travels to the coordinator carries nothing of what was taken back.
    pub fn withdraw(&mut self, now: &str) {
        if self.status != Status::Withdrawn || !self.answers.is_empty() {
            self.status = Status::Withdrawn;
            self.answers.clear();
            self.touch(now);
        }
    }

    fn touch(&mut self, now: &str) {
        self.revision += 1;
        self.updated_at = now.to_string();
    }

    /// Every record-level problem (id, revision, timestamp, tombstone), empty when none.
    pub fn check(&self) -> Vec<RecordIssue> {
        let mut issues = check_common(&self.id, self.revision, &self.updated_at);
        if self.status == Status::Withdrawn && !self.answers.is_empty() {
            issues.push(RecordIssue::WithdrawnWithAnswers);
        }
        issues
    }
}

/// The checks every record shares (responses and meetings).
pub(crate) fn check_common(id: &str, revision: u64, updated_at: &str) -> Vec<RecordIssue> {
    let mut issues = Vec::new();
    if !is_uuid_v4(id) {
        issues.push(RecordIssue::BadId);
    }
    if revision == 0 {
        issues.push(RecordIssue::RevisionZero);
    }
    if Timestamp::parse(updated_at).is_none() {
        issues.push(RecordIssue::BadTimestamp);
    }
    issues
}

/// The UUID version 4 made of 16 random bytes: version and variant bits set, lower-case hex
/// with dashes, as `crypto.randomUUID` writes it (which only secure contexts have).
///
/// ```
/// use samenscan::domain::response::{is_uuid_v4, uuid_v4_from};
/// assert_eq!(uuid_v4_from([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
/// assert!(is_uuid_v4(&uuid_v4_from([0; 16])));
/// ```
pub fn uuid_v4_from(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    out
}

/// True for the textual form of a UUID version 4 in lower-case hex:
/// `xxxxxxxx-xxxx-4xxx-Yxxx-xxxxxxxxxxxx` with `Y` one of `8 9 a b` (the RFC 4122 variant).
///
/// ```
/// use samenscan::domain::is_uuid_v4;
/// assert!(is_uuid_v4("0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10"));
/// assert!(!is_uuid_v4("0B8C6A1E-3F4D-4C1A-9A53-2F7D1C9E8B10"));
/// ```
pub fn is_uuid_v4(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 36 {
        return false;
    }
    for (i, &c) in b.iter().enumerate() {
        let ok = match i {
            8 | 13 | 18 | 23 => c == b'-',
            14 => c == b'4',
            19 => matches!(c, b'8' | b'9' | b'a' | b'b'),
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(&c),
        };
        if !ok {
            return false;
        }
    }
    true
}

/// A validated RFC 3339 UTC timestamp (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`) that orders by the
/// moment it names. Plain string comparison is wrong as soon as one side has a fraction
/// (`…:00.5Z` sorts before `…:00Z` because `.` < `Z`), and merging relies on this order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timestamp {
    // Seconds-level fields as one sortable number, and the fraction as digits without trailing
    // zeros so that "0.50" and "0.5" are the same moment.
    seconds: i64,
    fraction: String,
}

impl Timestamp {
    /// Parses an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS[.fraction]` then `Z` or an offset
    /// `±HH:MM` (so `+00:00` is UTC too, and another offset names its moment in UTC); `T` and
    /// `Z` in either case, as RFC 3339 allows. `None` for anything else (impossible dates, a
    /// leap second, a missing offset).
    pub fn parse(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() < 20 || !matches!(b[10], b'T' | b't') {
            return None;
        }
        let (time_end, offset_seconds) = match *b.last()? {
            b'Z' | b'z' => (b.len() - 1, 0),
            _ => {
                let at = b.len().checked_sub(6)?;
                let sign = match b[at] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                if b[at + 3] != b':' {
                    return None;
                }
                let oh = two_digits(&b[at + 1..at + 3])?;
                let om = two_digits(&b[at + 4..at + 6])?;
                if oh > 23 || om > 59 {
                    return None;
                }
                (at, sign * (i64::from(oh) * 3600 + i64::from(om) * 60))
            }
        };
        if time_end < 19 {
            return None;
        }
        let date = parse_date(&s[..10])?;
        let time = &b[11..time_end];
        if time.len() < 8 || time[2] != b':' || time[5] != b':' {
            return None;
        }
        let hh = two_digits(&time[0..2])?;
        let mm = two_digits(&time[3..5])?;
        let ss = two_digits(&time[6..8])?;
        if hh > 23 || mm > 59 || ss > 59 {
            return None;
        }
        let fraction = match &time[8..] {
            [] => "",
            [b'.', digits @ ..] if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) => {
                std::str::from_utf8(digits).ok()?
            }
            _ => return None,
        };
        let days = date.days_since_epoch();
        Some(Timestamp {
            seconds: days * 86_400 + i64::from(hh) * 3600 + i64::from(mm) * 60 + i64::from(ss)
                - offset_seconds,
            fraction: fraction.trim_end_matches('0').to_string(),
        })
    }
}

impl Timestamp {
    /// The moment as RFC 3339 in UTC, `YYYY-MM-DDTHH:MM:SS[.fraction]Z`: what a file wrote with
    /// an offset (`…14:34:00+01:00`) as design §2 asks for it (`…13:34:00Z`). One text per
    /// moment: a fraction is written with at least the three digits of milliseconds, as the
    /// app's own clock writes it (`.250`, `.123456`), and none when it is zero.
    pub fn to_utc_string(&self) -> String {
        let days = self.seconds.div_euclid(86_400);
        let secs = self.seconds.rem_euclid(86_400);
        // Days since 1970-01-01 to a civil date (the inverse of `days_since_epoch`).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let fraction = if self.fraction.is_empty() {
            String::new()
        } else {
            format!(".{:0<3}", self.fraction)
        };
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}{fraction}Z",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        // Fractions without trailing zeros compare correctly as strings: "05" < "5" as it should
        // (0.05 < 0.5), and a prefix is the smaller value ("5" < "51").
        self.seconds
            .cmp(&other.seconds)
            .then_with(|| self.fraction.cmp(&other.fraction))
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A calendar date (proleptic Gregorian), as in a meeting's `date`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarDate {
    /// The year, 0000–9999.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31, valid for the month.
    pub day: u8,
}

impl CalendarDate {
    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-from-days algorithm.
    fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

/// Parses `YYYY-MM-DD`, checking the day against the month (and leap years).
pub fn parse_date(s: &str) -> Option<CalendarDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = u16::from(two_digits(&b[0..2])?) * 100 + u16::from(two_digits(&b[2..4])?);
    let month = two_digits(&b[5..7])?;
    let day = two_digits(&b[8..10])?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    Some(CalendarDate { year, month, day })
}

fn two_digits(b: &[u8]) -> Option<u8> {
    match b {
        [x, y] if x.is_ascii_digit() && y.is_ascii_digit() => Some((x - b'0') * 10 + (y - b'0')),
        _ => None,
    }
}

/// True when the response was last changed within `from..=to`: dates `YYYY-MM-DD`, compared with
/// the date part of `updated_at`, in UTC (the form an import keeps it in; the app's own clock
/// writes UTC too); a missing or empty bound is open.
pub fn in_period(response: &Response, from: Option<&str>, to: Option<&str>) -> bool {
    let date = response.updated_at.get(..10).unwrap_or("");
    from.filter(|f| !f.is_empty()).is_none_or(|f| date >= f)
        && to.filter(|t| !t.is_empty()).is_none_or(|t| date <= t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_withdrawn_response_takes_no_answer_and_is_not_completed() {
        let reference = QuestionnaireRef {
            id: "q".into(),
            version: 1,
        };
        let mut r = Response::new_draft("r1".into(), reference, "2026-11-23T10:00:00Z".into());
        r.set_answer("org", Some(json!("gi")), "2026-11-23T10:01:00Z");
        r.withdraw("2026-11-23T10:02:00Z");
        let withdrawn = r.clone();
        // Another tab still showing the form types on, or completes it.
        r.set_answer(
            "concerns",
            Some(json!("Jan Jansen")),
            "2026-11-23T10:03:00Z",
        );
        r.complete("2026-11-23T10:04:00Z");
        assert_eq!(r, withdrawn);
        assert!(r.answers.is_empty() && r.status == Status::Withdrawn);
    }

    #[test]
    fn answers_behave_as_a_map_in_id_order() {
        let mut a: Answers = [
            (item_id("org"), json!("gi")),
            (item_id("grade"), json!(6)),
            (item_id("org"), json!("lt")),
        ]
        .into();
        // Of two answers to one item the later is kept; ids in order.
        assert_eq!(a.len(), 2);
        assert_eq!(a.get("org"), Some(&json!("lt")));
        assert_eq!(a.keys().map(|k| &**k).collect::<Vec<_>>(), ["grade", "org"]);
        assert_eq!(a.insert(item_id("grade"), json!(8)), Some(json!(6)));
        assert_eq!(a.insert(item_id("fase"), json!(["start"])), None);
        assert_eq!(
            a.keys().map(|k| &**k).collect::<Vec<_>>(),
            ["fase", "grade", "org"]
        );
        assert!(a.contains_key("fase") && !a.contains_key("team"));
        assert_eq!(a.get("team"), None);
        assert_eq!(a.remove("fase"), Some(json!(["start"])));
        assert_eq!(a.remove("fase"), None);
        assert_eq!(a["grade"], json!(8));
        let text = serde_json::to_string(&a).unwrap();
        assert_eq!(text, r#"{"grade":8,"org":"lt"}"#);
        assert_eq!(serde_json::from_str::<Answers>(&text).unwrap(), a);
        a.clear();
        assert!(a.is_empty());
    }

    #[test]
    fn answers_in_a_remembered_order_come_out_sorted_with_their_own_values() {
        // The same keys in the same unsorted order, three times (the second and third from
        // the remembered order), with other values each time; and once with an item twice.
        let keys = ["q_z", "q_a", "q_m", "q_b", "q_y"];
        for round in 0..3i64 {
            let answers: Answers = keys
                .iter()
                .enumerate()
                .map(|(i, k)| (item_id(k), json!(round * 10 + i as i64)))
                .collect();
            let got: Vec<(String, Value)> = answers
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect();
            let want: Vec<(String, Value)> =
                [("q_a", 1), ("q_b", 3), ("q_m", 2), ("q_y", 4), ("q_z", 0)]
                    .iter()
                    .map(|(k, i)| (k.to_string(), json!(round * 10 + i)))
                    .collect();
            assert_eq!(got, want, "round {round}");
        }
        let before = answers_dropped();
        let twice: Answers = ["q_m", "q_a", "q_m"]
            .iter()
            .enumerate()
            .map(|(i, k)| (item_id(k), json!(i)))
            .collect();
        let got: Vec<(String, Value)> = twice
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        assert_eq!(
            got,
            vec![("q_a".into(), json!(1)), ("q_m".into(), json!(2))]
        );
        assert_eq!(answers_dropped(), before + 1);
    }

    proptest::proptest! {
        /// Answers in any order, with repeats, short (insertion) and long (merge sort) alike:
        /// the same as a map that keeps the later of two answers to one item.
        #[test]
        fn answers_from_any_order_are_a_map(pairs in proptest::collection::vec((0u8..40, 0i64..5), 0..100)) {
            let answers: Answers = pairs
                .iter()
                .map(|(k, v)| (item_id(&format!("i{k}")), json!(v)))
                .collect();
            let map: std::collections::BTreeMap<String, Value> = pairs
                .iter()
                .map(|(k, v)| (format!("i{k}"), json!(v)))
                .collect();
            let got: Vec<(String, Value)> =
                answers.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
            proptest::prop_assert_eq!(got, map.into_iter().collect::<Vec<_>>());
        }
    }

    #[test]
    fn answer_keys_are_shared_between_responses() {
        let text = |id: &str| {
            format!(
                r#"{{"id": "{id}", "questionnaire": {{"id": "q", "version": 1}}, "revision": 1,
                "updated_at": "2026-11-20T09:12:00Z", "status": "complete",
                "answers": {{"grade": 8, "org": "gi"}}}}"#
            )
        };
        let a: Response = serde_json::from_str(&text("a")).unwrap();
        let b: Response = serde_json::from_str(&text("b")).unwrap();
        let key = |r: &Response| r.answers.keys().next().unwrap().clone();
        assert!(Arc::ptr_eq(&key(&a), &key(&b)));
        assert_eq!(&*key(&a), "grade");
        assert!(Arc::ptr_eq(&item_id("org"), &item_id("org")));
        // In any order, with new ids coming in between: the same id is the same Arc, and every
        // id reads as itself.
        let order = [
            "k1", "k2", "k3", "a0", "k2", "z9", "k1", "k3", "k3", "m5", "a0", "k1",
        ];
        let first: Vec<ItemId> = order.iter().map(|id| item_id(id)).collect();
        for (id, shared) in order.iter().zip(&first) {
            assert_eq!(&**shared, *id);
            assert!(Arc::ptr_eq(shared, &item_id(id)));
        }
        // Serialised as plain keys again.
        assert_eq!(
            serde_json::to_value(&a).unwrap()["answers"],
            json!({"grade": 8, "org": "gi"})
        );
    }

    const ID: &str = "0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10";

    #[test]
    fn uuid_v4_accepts_only_lower_case_version_4_with_rfc_variant() {
        assert!(is_uuid_v4(ID));
        assert!(!is_uuid_v4(&ID.to_uppercase()));
        assert!(
            !is_uuid_v4("0b8c6a1e-3f4d-1c1a-9a53-2f7d1c9e8b10"),
            "version 1"
        );
        assert!(
            !is_uuid_v4("0b8c6a1e-3f4d-4c1a-7a53-2f7d1c9e8b10"),
            "variant 0"
        );
        assert!(!is_uuid_v4("0b8c6a1e3f4d4c1a9a532f7d1c9e8b10"), "no dashes");
        assert!(
            !is_uuid_v4("0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b1g"),
            "g is not hex"
        );
        assert!(!is_uuid_v4(""));
    }

    #[test]
    fn response_has_the_json_shape_of_the_design() {
        let text = r#"{"id": "0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10", "questionnaire": {"id": "samenwerking", "version": 1},
 "revision": 3, "updated_at": "2026-11-20T09:12:00Z", "status": "complete",
 "answers": {"org": "lokaal_team", "team": "apeldoorn", "grade": 8, "k1": 4, "strengths": "…"}}"#;
        let r: Response = serde_json::from_str(text).unwrap();
        assert_eq!(r.revision, 3);
        assert_eq!(r.status, Status::Complete);
        assert_eq!(r.answers["grade"], json!(8));
        assert!(r.check().is_empty());
        let back: Value = serde_json::to_value(&r).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn changes_raise_the_revision_and_withdrawing_leaves_no_answers() {
        let q = QuestionnaireRef {
            id: "samenwerking".into(),
            version: 1,
        };
        let mut r = Response::new_draft(ID.into(), q, "2026-11-20T09:00:00Z".into());
        r.set_answer("grade", Some(json!(8)), "2026-11-20T09:01:00Z");
        r.set_answer("grade", Some(json!(8)), "2026-11-20T09:02:00Z"); // no change
        assert_eq!(r.revision, 2);
        assert_eq!(r.updated_at, "2026-11-20T09:01:00Z");
        r.set_answer("grade", None, "2026-11-20T09:03:00Z");
        assert_eq!(r.revision, 3);
        r.set_answer("org", Some(json!("gi")), "2026-11-20T09:04:00Z");
        r.withdraw("2026-11-20T09:05:00Z");
        assert_eq!((r.revision, r.status), (5, Status::Withdrawn));
        assert!(r.answers.is_empty());
        assert!(r.check().is_empty());
    }

    #[test]
    fn check_reports_every_record_problem() {
        let r = Response {
            id: "not-a-uuid".into(),
            questionnaire: QuestionnaireRef {
                id: "x".into(),
                version: 1,
            },
            revision: 0,
            updated_at: "20-11-2026".into(),
            status: Status::Withdrawn,
            answers: [(item_id("grade"), json!(8))].into(),
        };
        assert_eq!(
            r.check(),
            vec![
                RecordIssue::BadId,
                RecordIssue::RevisionZero,
                RecordIssue::BadTimestamp,
                RecordIssue::WithdrawnWithAnswers
            ]
        );
    }

    #[test]
    fn timestamps_parse_strictly_and_order_by_moment() {
        let t = |s: &str| Timestamp::parse(s).unwrap_or_else(|| panic!("{s} should parse"));
        assert!(t("2026-11-20T09:12:00.5Z") > t("2026-11-20T09:12:00Z"));
        assert!(t("2026-11-20T09:12:00.05Z") < t("2026-11-20T09:12:00.5Z"));
        assert_eq!(t("2026-11-20T09:12:00.50Z"), t("2026-11-20T09:12:00.5Z"));
        assert!(t("2026-12-31T23:59:59Z") < t("2027-01-01T00:00:00Z"));
        assert!(t("2024-02-29T00:00:00Z") < t("2024-03-01T00:00:00Z"));
        // Other spellings of a moment RFC 3339 allows.
        assert_eq!(t("2026-11-20T09:12:00+00:00"), t("2026-11-20T09:12:00Z"));
        assert_eq!(t("2026-11-20t09:12:00z"), t("2026-11-20T09:12:00Z"));
        assert_eq!(
            t("2026-11-20T10:12:00.5+01:00"),
            t("2026-11-20T09:12:00.5Z")
        );
        assert_eq!(t("2026-11-19T23:30:00-09:42"), t("2026-11-20T09:12:00Z"));
        assert_eq!(t("2026-01-01T00:30:00+01:00"), t("2025-12-31T23:30:00Z"));
        for bad in [
            "2026-11-20 09:12:00Z",
            "2026-11-20T09:12:00",
            "2026-11-20T09:12:00+0100",
            "2026-11-20T09:12:00+24:00",
            "2026-11-20T09:12:00+01:60",
            "2026-11-20T09:12+01:00",
            "2026-11-20T09:12:00.+01:00",
            "2026-11-20T24:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-11-20T09:12:00.Z",
            "2026-11-20T09:12Z",
        ] {
            assert!(Timestamp::parse(bad).is_none(), "{bad} should be refused");
        }
    }

    #[test]
    fn a_moment_is_written_in_utc() {
        let utc = |s: &str| Timestamp::parse(s).unwrap().to_utc_string();
        assert_eq!(utc("2025-03-01T14:34:00+01:00"), "2025-03-01T13:34:00Z");
        assert_eq!(
            utc("2026-01-01T00:30:00.250+02:00"),
            "2025-12-31T22:30:00.250Z"
        );
        // One text per moment: milliseconds at least, no zero fraction.
        assert_eq!(utc("2026-11-20T09:12:00.5Z"), "2026-11-20T09:12:00.500Z");
        assert_eq!(
            utc("2026-11-20T09:12:00.123400Z"),
            "2026-11-20T09:12:00.1234Z"
        );
        assert_eq!(utc("2026-11-20T09:12:00.000Z"), "2026-11-20T09:12:00Z");
        assert_eq!(utc("2024-02-28T23:00:00-01:00"), "2024-02-29T00:00:00Z");
        assert_eq!(utc("1969-12-31T23:59:59Z"), "1969-12-31T23:59:59Z");
        assert_eq!(utc("2026-11-20T09:12:00Z"), "2026-11-20T09:12:00Z");
    }

    #[test]
    fn days_since_epoch_matches_known_dates() {
        let d = |s| parse_date(s).unwrap().days_since_epoch();
        assert_eq!(d("1970-01-01"), 0);
        // 2000-03-01: 30 years × 365 + 7 leap days (1972..1996) + 31 (Jan) + 29 (Feb) = 11_017.
        assert_eq!(d("2000-03-01"), 10_950 + 7 + 31 + 29);
        assert_eq!(d("1969-12-31"), -1);
    }
}
