//! The deterministic merge of design §3: records merge by `id`, the higher `revision` wins; at an
//! equal revision with different content the later `updated_at` (as an instant) wins, then the
//! one whose canonical JSON sorts higher, and such a pair is a conflict. Questionnaires merge by
//! `(id, version)`, two different definitions under one key being a conflict resolved by canonical
//! JSON. Because the winner of two versions is the maximum under one total order, merging is
//! commutative, associative and idempotent: the same files in any order, any number of times,
//! give the same [`Dataset`].
//!
//! This module decides which version wins and counts what changed; it reads no files (that is
//! `exchange`), validates nothing (records arrive validated) and stores nothing. It runs in
//! O(n log n): every record costs one ordered-map look-up, and canonical JSON is only computed for
//! the rare equal-revision, equal-instant pairs.

use super::sorting;
use std::cmp::Ordering;
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::exchange::ExportContents;
use super::lang::Lang;
use super::meeting::Meeting;
use super::questionnaire::Questionnaire;
use super::response::{QuestionnaireRef, Response, Status, Timestamp};

/// Everything a device or a coordinator holds, keyed so that merging is a look-up per record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    /// Definitions by `(id, version)`.
    pub questionnaires: BTreeMap<QuestionnaireRef, Questionnaire>,
    /// Responses by id.
    pub responses: BTreeMap<String, Response>,
    /// Meetings by id.
    pub meetings: BTreeMap<String, Meeting>,
}

impl Dataset {
    /// An empty dataset.
    pub fn new() -> Dataset {
        Dataset::default()
    }

    /// Merges `incoming` into this dataset; see [`merge_into`].
    pub fn merge(&mut self, incoming: ExportContents) -> MergeReport {
        merge_into(self, incoming)
    }

    /// The records as lists in key order, ready to encode as an exchange file.
    pub fn to_contents(&self) -> ExportContents {
        ExportContents {
            questionnaires: self.questionnaires.values().cloned().collect(),
            responses: self.responses.values().cloned().collect(),
            meetings: self.meetings.values().cloned().collect(),
        }
    }
}

/// The kind of record a count, conflict or skipped record is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    /// A questionnaire definition.
    Questionnaire,
    /// A response (enquête).
    Response,
    /// An evaluation meeting.
    Meeting,
}

impl RecordKind {
    /// The kind in plain words, singular, lower case.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RecordKind::Questionnaire, Lang::Nl) => "vragenlijst",
            (RecordKind::Questionnaire, Lang::En) => "questionnaire",
            (RecordKind::Response, Lang::Nl) => "enquête",
            (RecordKind::Response, Lang::En) => "response",
            (RecordKind::Meeting, Lang::Nl) => "bijeenkomst",
            (RecordKind::Meeting, Lang::En) => "meeting",
        }
    }
}

/// What one merge did to one kind of record. Every incoming record is counted exactly once in
/// `new`, `updated` or `unchanged`; conflicts are listed apart in [`MergeReport::conflicts`]
/// and are also counted in `updated` (the incoming version won) or `unchanged` (it lost).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// Ids the dataset did not have.
    pub new: usize,
    /// Records whose incoming version replaced the one held.
    pub updated: usize,
    /// Records where the dataset already held the same or a winning version.
    pub unchanged: usize,
    /// Of the new and updated ones: withdrawals that took the place of answers, or came first.
    pub withdrawn: usize,
    /// Of the unchanged ones: an older revision than the one held, which was not withdrawn.
    pub older: usize,
    /// Of the unchanged ones: answers whose record was already withdrawn here.
    pub after_withdrawal: usize,
}

impl KindCounts {
    /// `new + updated + unchanged`: every record that took part in the merge.
    pub fn total(&self) -> usize {
        self.new + self.updated + self.unchanged
    }
}

/// Two different versions with the same key that neither revision decides: which one won.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Questionnaire, response or meeting.
    pub kind: RecordKind,
    /// The record id (for a questionnaire its id).
    pub id: String,
    /// The questionnaire version, for a questionnaire; `None` for records.
    pub version: Option<u32>,
    /// The revision both versions share, for records; `None` for questionnaires.
    pub revision: Option<u64>,
    /// True when the incoming version replaced the one held.
    pub incoming_won: bool,
    /// True when both versions were changed at the same moment, so their content decided
    /// (design §3's last tie-break); false when the later change won, and for questionnaires.
    pub same_moment: bool,
}

impl Conflict {
    /// A line for the import log.
    pub fn message(&self, lang: Lang) -> String {
        self.message_named(lang, None)
    }

    /// [`Conflict::message`], with a name for the record that a coordinator knows it by
    /// beside its id (a meeting's municipality and date: its id alone is seen nowhere else).
    pub fn message_named(&self, lang: Lang, name: Option<&str>) -> String {
        let kind = self.kind.name(lang);
        let id = match name {
            Some(name) => format!("{name} ({})", self.id),
            None => self.id.clone(),
        };
        let which = match (self.incoming_won, lang) {
            (true, Lang::Nl) => "de versie uit dit bestand is aangehouden",
            (false, Lang::Nl) => "de al aanwezige versie is aangehouden",
            (true, Lang::En) => "the version from this file was kept",
            (false, Lang::En) => "the version already present was kept",
        };
        match (self.kind, lang) {
            (RecordKind::Questionnaire, Lang::Nl) => format!(
                "Twee verschillende definities van {kind} “{}” versie {}; {which}.",
                self.id,
                self.version.unwrap_or(0)
            ),
            (RecordKind::Questionnaire, Lang::En) => format!(
                "Two different definitions of {kind} “{}” version {}; {which}.",
                self.id,
                self.version.unwrap_or(0)
            ),
            (_, Lang::Nl) => format!(
                "Twee verschillende versies van {kind} {} met hetzelfde revisienummer {}; {which} \
                 ({}).",
                id,
                self.revision.unwrap_or(0),
                if self.same_moment {
                    "beide op hetzelfde moment gewijzigd; de inhoud besliste, in elke volgorde van \
                     importeren hetzelfde"
                } else {
                    "de laatst gewijzigde"
                }
            ),
            (_, Lang::En) => format!(
                "Two different versions of {kind} {} with the same revision {}; {which} ({}).",
                id,
                self.revision.unwrap_or(0),
                if self.same_moment {
                    "both changed at the same moment; their content decided, the same in any \
                     import order"
                } else {
                    "the one changed last"
                }
            ),
        }
    }
}

/// What a merge did: counts per kind and every conflict, in key order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Questionnaire definitions.
    pub questionnaires: KindCounts,
    /// Responses.
    pub responses: KindCounts,
    /// Meetings.
    pub meetings: KindCounts,
    /// Equal-revision (or equal-key, for definitions) pairs with different content.
    pub conflicts: Vec<Conflict>,
}

impl MergeReport {
    /// True when the merge changed nothing: nothing new, nothing updated.
    pub fn changed_nothing(&self) -> bool {
        [self.questionnaires, self.responses, self.meetings]
            .iter()
            .all(|c| c.new == 0 && c.updated == 0)
    }

    /// Lines for the import log on what the counts do not say: withdrawals taken in, and
    /// records the dataset already held in a newer version or as withdrawn (both counted as
    /// unchanged, and neither counts in a report), e.g. "Ingetrokken, dus niet (meer)
    /// meegeteld: 1 enquête."
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        let (r, m) = (self.responses, self.meetings);
        let nl = lang == Lang::Nl;
        let records = |responses: usize, meetings: usize| {
            let word = |n: usize, one: &str, more: &str| {
                format!("{n} {}", if n == 1 { one } else { more })
            };
            let parts: Vec<String> = [
                (
                    responses,
                    if nl {
                        ("enquête", "enquêtes")
                    } else {
                        ("survey", "surveys")
                    },
                ),
                (
                    meetings,
                    if nl {
                        ("bijeenkomst", "bijeenkomsten")
                    } else {
                        ("meeting", "meetings")
                    },
                ),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, (one, more))| word(n, one, more))
            .collect();
            parts.join(if nl { " en " } else { " and " })
        };
        [
            (
                r.withdrawn,
                m.withdrawn,
                "Ingetrokken, dus niet (meer) meegeteld",
                "Withdrawn, so no longer counted",
            ),
            (
                r.older,
                m.older,
                "Al aanwezig in een nieuwere versie, die blijft",
                "Already present in a newer version, which stays",
            ),
            (
                r.after_withdrawal,
                m.after_withdrawal,
                "Hier al ingetrokken, dus niet meegeteld",
                "Already withdrawn here, so not counted",
            ),
        ]
        .into_iter()
        .filter(|(responses, meetings, ..)| responses + meetings > 0)
        .map(|(responses, meetings, dutch, english)| {
            format!(
                "{}: {}.",
                if nl { dutch } else { english },
                records(responses, meetings)
            )
        })
        .collect()
    }

    /// Responses and meetings together (what an import log counts as "records"), definitions
    /// left out.
    pub fn record_counts(&self) -> KindCounts {
        let (r, m) = (self.responses, self.meetings);
        KindCounts {
            new: r.new + m.new,
            updated: r.updated + m.updated,
            unchanged: r.unchanged + m.unchanged,
            withdrawn: r.withdrawn + m.withdrawn,
            older: r.older + m.older,
            after_withdrawal: r.after_withdrawal + m.after_withdrawal,
        }
    }
}

/// The fields merging needs from a response or meeting.
pub trait Revisioned: Serialize {
    /// The record id.
    fn id(&self) -> &str;
    /// Whether it is a withdrawal (a tombstone).
    fn is_withdrawn(&self) -> bool;
    /// The revision.
    fn revision(&self) -> u64;
    /// `updated_at` as written.
    fn updated_at(&self) -> &str;
    /// True when both versions serialise to the same canonical JSON. Must agree exactly with
    /// comparing [`canonical_json`] (which is what makes merging commutative), but is cheaper.
    fn same_content(&self, other: &Self) -> bool;
}

impl Revisioned for Response {
    fn id(&self) -> &str {
        &self.id
    }
    fn is_withdrawn(&self) -> bool {
        self.status == Status::Withdrawn
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn updated_at(&self) -> &str {
        &self.updated_at
    }
    fn same_content(&self, other: &Self) -> bool {
        // `PartialEq` on JSON numbers says 0.0 == -0.0, yet they serialise differently; answers
        // are compared with `identical` so that "same content" means "same canonical JSON".
        self.id == other.id
            && self.questionnaire == other.questionnaire
            && self.revision == other.revision
            && self.updated_at == other.updated_at
            && self.status == other.status
            && self.answers.len() == other.answers.len()
            && self
                .answers
                .iter()
                .zip(&other.answers)
                .all(|((ka, va), (kb, vb))| ka == kb && identical(va, vb))
    }
}

impl Revisioned for Meeting {
    fn id(&self) -> &str {
        &self.id
    }
    fn is_withdrawn(&self) -> bool {
        self.status == Status::Withdrawn
    }
    fn revision(&self) -> u64 {
        self.revision
    }
    fn updated_at(&self) -> &str {
        &self.updated_at
    }
    fn same_content(&self, other: &Self) -> bool {
        // A meeting holds no floating-point numbers, so structural equality is exact.
        self == other
    }
}

/// JSON equality that tells `0.0` from `-0.0` (and `1` from `1.0`), as their text does.
fn identical(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            if x.is_f64() || y.is_f64() {
                x.is_f64()
                    && y.is_f64()
                    && x.as_f64().map(f64::to_bits) == y.as_f64().map(f64::to_bits)
            } else {
                x == y
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| identical(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, p)| y.get(k).is_some_and(|q| identical(p, q)))
        }
        _ => a == b,
    }
}

/// How an incoming version relates to the one held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Same content: nothing to do.
    Identical,
    /// The incoming version wins on revision.
    IncomingNewer,
    /// The held version wins on revision.
    IncomingOlder,
    /// Equal revision, different content; `incoming_won` by the tie-breaks of design §3.
    Conflict {
        /// True when the incoming version wins.
        incoming_won: bool,
    },
}

impl Resolution {
    /// True when the incoming version replaces the held one.
    pub fn incoming_wins(self) -> bool {
        matches!(
            self,
            Resolution::IncomingNewer | Resolution::Conflict { incoming_won: true }
        )
    }
}

/// Decides between the version held and an incoming version of the same record by the merge
/// rules of design §3. The result depends only on the two versions, never on which is which
/// beyond the naming: `resolve(a, b)` and `resolve(b, a)` pick the same winner.
pub fn resolve<R: Revisioned>(held: &R, incoming: &R) -> Resolution {
    match incoming.revision().cmp(&held.revision()) {
        Ordering::Greater => return Resolution::IncomingNewer,
        Ordering::Less => return Resolution::IncomingOlder,
        Ordering::Equal => {}
    }
    if held.same_content(incoming) {
        return Resolution::Identical;
    }
    // An unreadable timestamp (only possible for records that skipped validation) sorts before
    // every readable one: `None < Some(_)`.
    let order = Timestamp::parse(incoming.updated_at())
        .cmp(&Timestamp::parse(held.updated_at()))
        .then_with(|| canonical_of(incoming).cmp(&canonical_of(held)));
    Resolution::Conflict {
        incoming_won: order == Ordering::Greater,
    }
}

/// Decides between two definitions under the same `(id, version)`: identical, or a conflict won
/// by the one whose canonical JSON sorts higher.
pub fn resolve_questionnaire(held: &Questionnaire, incoming: &Questionnaire) -> Resolution {
    // Structural equality is the cheap, common case (every file carries the built-in
    // definition). It implies equal canonical text: the only floats in a definition are number
    // bounds, written whole numbers without a fraction, so 0.0 and -0.0 both serialise as `0`.
    if held == incoming {
        return Resolution::Identical;
    }
    let (a, b) = (canonical_of(held), canonical_of(incoming));
    if a == b {
        Resolution::Identical
    } else {
        Resolution::Conflict {
            incoming_won: b > a,
        }
    }
}

fn canonical_of<T: Serialize>(record: &T) -> String {
    // Serialising our own types to a `Value` cannot fail: they have string keys and no
    // non-finite numbers. Should it ever, every such record ties at "" — still deterministic.
    serde_json::to_value(record)
        .map(|v| canonical_json(&v))
        .unwrap_or_default()
}

/// JSON with object keys sorted (by their UTF-8 bytes) and no white space: one text per value,
/// so that comparing texts is a total, deterministic order on records.
///
/// ```
/// use samenscan::domain::merge::canonical_json;
/// let v = serde_json::json!({"b": [1, 2.5, null], "a": "é\n"});
/// assert_eq!(canonical_json(&v), r#"{"a":"é\n","b":[1,2.5,null]}"#);
/// ```
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            sorting::sort_by(&mut entries, |a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        Value::String(s) => write_string(s, out),
        // null, booleans and numbers have one text form in serde_json already.
        other => out.push_str(&other.to_string()),
    }
}

fn write_string(s: &str, out: &mut String) {
    // serde_json's escaping is fixed (", \, control characters), so it is canonical.
    out.push_str(&Value::String(s.to_string()).to_string());
}

/// Merges `incoming` into `dataset` by the rules of design §3 and reports what changed. Records
/// within `incoming` that share an id are merged with each other by the same rules, so the order
/// of records inside a file does not matter either.
///
/// ```
/// use samenscan::domain::merge::{merge_into, Dataset};
/// use samenscan::domain::exchange::ExportContents;
/// let mut data = Dataset::new();
/// let report = merge_into(&mut data, ExportContents::default());
/// assert!(report.changed_nothing());
/// ```
pub fn merge_into(dataset: &mut Dataset, incoming: ExportContents) -> MergeReport {
    let mut report = MergeReport::default();
    for q in incoming.questionnaires {
        let counts = &mut report.questionnaires;
        match dataset.questionnaires.entry(q.reference()) {
            Entry::Vacant(slot) => {
                counts.new += 1;
                slot.insert(q);
            }
            Entry::Occupied(mut slot) => {
                let resolution = resolve_questionnaire(slot.get(), &q);
                if let Resolution::Conflict { incoming_won } = resolution {
                    report.conflicts.push(Conflict {
                        kind: RecordKind::Questionnaire,
                        id: q.id().to_string(),
                        version: Some(q.version()),
                        revision: None,
                        incoming_won,
                        same_moment: false,
                    });
                }
                // Of two different copies, the stricter smallest group holds whichever wins:
                // a copy that lowered it would show small groups' figures (a file's own copy
                // cannot loosen what another file's asks).
                let strictest = slot.get().min_group_size().max(q.min_group_size());
                let conflict = matches!(resolution, Resolution::Conflict { .. });
                if resolution.incoming_wins() {
                    counts.updated += 1;
                    slot.insert(q);
                } else {
                    counts.unchanged += 1;
                }
                // Only between different copies: the same copy again changes nothing.
                if conflict {
                    slot.get_mut().keep_min_group_size(strictest);
                }
            }
        }
    }
    merge_records(
        &mut dataset.responses,
        incoming.responses,
        RecordKind::Response,
        &mut report.responses,
        &mut report.conflicts,
    );
    merge_records(
        &mut dataset.meetings,
        incoming.meetings,
        RecordKind::Meeting,
        &mut report.meetings,
        &mut report.conflicts,
    );
    sorting::sort_by(&mut report.conflicts, |a, b| {
        (a.kind, &a.id, a.version, a.revision).cmp(&(b.kind, &b.id, b.version, b.revision))
    });
    report
}

fn merge_records<R: Revisioned>(
    held: &mut BTreeMap<String, R>,
    incoming: Vec<R>,
    kind: RecordKind,
    counts: &mut KindCounts,
    conflicts: &mut Vec<Conflict>,
) {
    for record in incoming {
        match held.entry(record.id().to_string()) {
            Entry::Vacant(slot) => {
                counts.new += 1;
                counts.withdrawn += usize::from(record.is_withdrawn());
                slot.insert(record);
            }
            Entry::Occupied(mut slot) => {
                let resolution = resolve(slot.get(), &record);
                if let Resolution::Conflict { incoming_won } = resolution {
                    conflicts.push(Conflict {
                        kind,
                        id: record.id().to_string(),
                        version: None,
                        revision: Some(record.revision()),
                        incoming_won,
                        same_moment: Timestamp::parse(slot.get().updated_at())
                            == Timestamp::parse(record.updated_at()),
                    });
                }
                let held = slot.get();
                if resolution.incoming_wins() {
                    counts.updated += 1;
                    counts.withdrawn += usize::from(record.is_withdrawn() && !held.is_withdrawn());
                    slot.insert(record);
                } else {
                    counts.unchanged += 1;
                    if held.is_withdrawn() && !record.is_withdrawn() {
                        counts.after_withdrawal += 1;
                    } else if held.revision() > record.revision() {
                        counts.older += 1;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::{item_id, Status};
    use serde_json::json;

    const ID: &str = "0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10";

    fn response(revision: u64, updated_at: &str, grade: Value) -> Response {
        Response {
            id: ID.into(),
            questionnaire: QuestionnaireRef {
                id: "samenwerking".into(),
                version: 1,
            },
            revision,
            updated_at: updated_at.into(),
            status: Status::Complete,
            answers: [(item_id("grade"), grade)].into(),
        }
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_level_and_drops_white_space() {
        let v: Value = serde_json::from_str(
            r#"{ "z": {"b": 1, "a": [ {"y": true, "x": null} ]}, "a": -0.0 }"#,
        )
        .unwrap();
        assert_eq!(
            canonical_json(&v),
            r#"{"a":-0.0,"z":{"a":[{"x":null,"y":true}],"b":1}}"#
        );
        assert_eq!(canonical_json(&json!("a\"b\\c\u{1}")), r#""a\"b\\c\u0001""#);
    }

    #[test]
    fn revision_then_instant_then_canonical_json() {
        let a = response(2, "2026-11-20T09:00:00Z", json!(7));
        let b = response(3, "2026-11-01T09:00:00Z", json!(7));
        assert_eq!(resolve(&a, &b), Resolution::IncomingNewer);
        assert_eq!(resolve(&b, &a), Resolution::IncomingOlder);

        // Same revision: the later instant wins even though its text sorts lower
        // ("…00.5Z" < "…00Z" as text because '.' < 'Z', but 0.5 s later as a moment).
        let early = response(2, "2026-11-20T09:00:00Z", json!(7));
        let late = response(2, "2026-11-20T09:00:00.5Z", json!(8));
        assert_eq!(
            resolve(&early, &late),
            Resolution::Conflict { incoming_won: true }
        );
        assert_eq!(
            resolve(&late, &early),
            Resolution::Conflict {
                incoming_won: false
            }
        );

        // Same revision and instant: canonical JSON decides; "grade":8 > "grade":7.
        let seven = response(2, "2026-11-20T09:00:00Z", json!(7));
        let eight = response(2, "2026-11-20T09:00:00.000Z", json!(8));
        assert_eq!(
            resolve(&seven, &eight),
            Resolution::Conflict { incoming_won: true }
        );
        assert_eq!(
            resolve(&eight, &seven),
            Resolution::Conflict {
                incoming_won: false
            }
        );
        assert_eq!(resolve(&seven, &seven.clone()), Resolution::Identical);
    }

    #[test]
    fn zero_and_negative_zero_are_different_content() {
        let pos = response(1, "2026-11-20T09:00:00Z", json!(0.0));
        let neg = response(1, "2026-11-20T09:00:00Z", json!(-0.0));
        assert_eq!(pos, neg, "PartialEq cannot tell them apart");
        // canonical "…-0.0…" < "…0.0…" because '-' (0x2D) < '0' (0x30): the positive one wins
        // whichever side it is on.
        assert_eq!(
            resolve(&pos, &neg),
            Resolution::Conflict {
                incoming_won: false
            }
        );
        assert_eq!(
            resolve(&neg, &pos),
            Resolution::Conflict { incoming_won: true }
        );
    }
}
