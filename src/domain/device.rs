//! What this device keeps beside each of its own responses and meetings, and never exports: when
//! the record was started (the home screen lists them by start date, never by name) and which
//! revision was last exported (to remind the person of work that has not left the machine yet).

use super::sorting;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::meeting::Meeting;
use super::response::{Response, Status, Timestamp};

/// True when a record is complete (or withdrawn after an export, so the withdrawal must travel
/// too) and its current revision has not been exported yet.
fn needs_export(status: Status, revision: u64, exported_revision: Option<u64>) -> bool {
    let changed_since_export = exported_revision != Some(revision);
    match status {
        Status::Complete => changed_since_export,
        Status::Withdrawn => exported_revision.is_some() && changed_since_export,
        Status::Draft => false,
    }
}

/// Whether a record goes into an export: complete ones, and the withdrawals of ones that left
/// the machine before. Drafts never leave.
fn exportable(status: Status, exported_revision: Option<u64>) -> bool {
    match status {
        Status::Complete => true,
        Status::Withdrawn => exported_revision.is_some(),
        Status::Draft => false,
    }
}

/// One of this device's own evaluation meetings, with its local bookkeeping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnMeeting {
    /// The record itself, exactly as it would be exported.
    pub meeting: Meeting,
    /// When it was started on this device (RFC 3339 UTC).
    pub started_at: String,
    /// The revision that was in the last export, if it was ever exported.
    #[serde(default)]
    pub exported_revision: Option<u64>,
}

impl OwnMeeting {
    /// A meeting started now.
    pub fn new(meeting: Meeting) -> OwnMeeting {
        OwnMeeting {
            started_at: meeting.updated_at.clone(),
            meeting,
            exported_revision: None,
        }
    }

    /// As [`OwnResponse::needs_export`].
    pub fn needs_export(&self) -> bool {
        needs_export(
            self.meeting.status,
            self.meeting.revision,
            self.exported_revision,
        )
    }

    /// As [`OwnResponse::exportable`].
    pub fn exportable(&self) -> bool {
        exportable(self.meeting.status, self.exported_revision)
    }
}

/// One of this device's own responses, with its local bookkeeping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnResponse {
    /// The record itself, exactly as it would be exported.
    pub response: Response,
    /// When it was started on this device (RFC 3339 UTC).
    pub started_at: String,
    /// The revision that was in the last export, if it was ever exported.
    #[serde(default)]
    pub exported_revision: Option<u64>,
}

impl OwnResponse {
    /// A response started now.
    pub fn new(response: Response) -> OwnResponse {
        OwnResponse {
            started_at: response.updated_at.clone(),
            response,
            exported_revision: None,
        }
    }

    /// True when this response is complete (or withdrawn after an export, so the withdrawal must
    /// travel too) and its current revision has not been exported yet.
    pub fn needs_export(&self) -> bool {
        needs_export(
            self.response.status,
            self.response.revision,
            self.exported_revision,
        )
    }

    /// Whether it goes into an export: complete, or withdrawn after it was exported (so the
    /// coordinator removes it too). Drafts never leave.
    pub fn exportable(&self) -> bool {
        exportable(self.response.status, self.exported_revision)
    }
}

/// A change one tab made to a record, put on the copy another tab stored meanwhile (several tabs
/// of the app on one device, design §2's "one device"). `base` is the copy this tab changed,
/// `ours` the changed copy, `stored` what is stored now, at a later revision than `base`. Every
/// field this tab changed takes its value from `ours`; every other field keeps the stored one,
/// so neither tab's change is lost; a field both changed takes this tab's, the later write. A
/// withdrawal wins over any change, from either side. The result is one revision past both
/// `stored` and `ours`, even when it holds nothing new: it is written, and a write of this tab's
/// queued behind it (made to a copy that was never stored) compares with it in the same way.
/// Answers, attendance and notes are merged per item; a list (cases, actions) as a whole.
pub trait Rebase: Sized {
    /// See the trait.
    fn rebase(base: &Self, ours: &Self, stored: &Self) -> Self;
}

/// Puts the change from `base` to `ours` on `merged`, as a whole.
fn take_changed<T: PartialEq + Clone>(base: &T, ours: &T, merged: &mut T) {
    if base != ours {
        *merged = ours.clone();
    }
}

/// Puts each entry `ours` changed, added or removed since `base` on `merged`.
fn take_changed_entries<V: PartialEq + Clone>(
    base: &BTreeMap<String, V>,
    ours: &BTreeMap<String, V>,
    merged: &mut BTreeMap<String, V>,
) {
    for key in base.keys().chain(ours.keys()) {
        match (base.get(key), ours.get(key)) {
            (b, o) if b == o => {}
            (_, Some(v)) => {
                merged.insert(key.clone(), v.clone());
            }
            (_, None) => {
                merged.remove(key);
            }
        }
    }
}

/// The bookkeeping of a rebased record: one revision past both the stored one and this tab's,
/// at the later time.
fn next_of(stored: (u64, &str), ours: (u64, &str)) -> (u64, String) {
    let at = if Timestamp::parse(ours.1) >= Timestamp::parse(stored.1) {
        ours.1
    } else {
        stored.1
    };
    (stored.0.max(ours.0) + 1, at.to_string())
}

/// The export mark after a rebase: the later of the two when this tab set one.
fn take_export_mark(base: Option<u64>, ours: Option<u64>, merged: &mut Option<u64>) {
    if base != ours {
        *merged = (*merged).max(ours);
    }
}

impl Rebase for Response {
    fn rebase(base: &Response, ours: &Response, stored: &Response) -> Response {
        let mut merged = stored.clone();
        if stored.status == Status::Withdrawn {
            // Nothing of this tab's change is taken.
        } else if ours.status == Status::Withdrawn {
            merged.status = Status::Withdrawn;
            merged.answers.clear();
        } else {
            for key in base.answers.keys().chain(ours.answers.keys()) {
                match (base.answers.get(key), ours.answers.get(key)) {
                    (b, o) if b == o => {}
                    (_, Some(v)) => {
                        merged.answers.insert(key.clone(), v.clone());
                    }
                    (_, None) => {
                        merged.answers.remove(key);
                    }
                }
            }
            // Completing was checked on this tab's answers: it holds only when the other tab
            // changed none of them; otherwise the record stays a draft, to be checked again.
            if ours.status != Status::Complete || stored.answers == base.answers {
                take_changed(&base.status, &ours.status, &mut merged.status);
            }
        }
        (merged.revision, merged.updated_at) = next_of(
            (stored.revision, &stored.updated_at),
            (ours.revision, &ours.updated_at),
        );
        merged
    }
}

impl Rebase for Meeting {
    fn rebase(base: &Meeting, ours: &Meeting, stored: &Meeting) -> Meeting {
        let mut merged = stored.clone();
        if stored.status == Status::Withdrawn {
            // Nothing of this tab's change is taken.
        } else if ours.status == Status::Withdrawn {
            merged.status = Status::Withdrawn;
            merged.clear_content();
        } else {
            take_changed(
                &base.municipality,
                &ours.municipality,
                &mut merged.municipality,
            );
            take_changed(&base.date, &ours.date, &mut merged.date);
            take_changed_entries(&base.attendance, &ours.attendance, &mut merged.attendance);
            take_changed_entries(&base.notes, &ours.notes, &mut merged.notes);
            take_changed(&base.cases, &ours.cases, &mut merged.cases);
            take_changed(&base.actions, &ours.actions, &mut merged.actions);
            take_changed(&base.strengths, &ours.strengths, &mut merged.strengths);
            take_changed(&base.concerns, &ours.concerns, &mut merged.concerns);
            take_changed(&base.status, &ours.status, &mut merged.status);
            // A complete meeting always has what completing needs (as `Meeting::edit` keeps it).
            if merged.status == Status::Complete && !merged.missing_for_completion().is_empty() {
                merged.status = Status::Draft;
            }
        }
        (merged.revision, merged.updated_at) = next_of(
            (stored.revision, &stored.updated_at),
            (ours.revision, &ours.updated_at),
        );
        merged
    }
}

impl Rebase for OwnResponse {
    fn rebase(base: &OwnResponse, ours: &OwnResponse, stored: &OwnResponse) -> OwnResponse {
        let mut merged = stored.clone();
        merged.response = Response::rebase(&base.response, &ours.response, &stored.response);
        take_export_mark(
            base.exported_revision,
            ours.exported_revision,
            &mut merged.exported_revision,
        );
        merged
    }
}

impl Rebase for OwnMeeting {
    fn rebase(base: &OwnMeeting, ours: &OwnMeeting, stored: &OwnMeeting) -> OwnMeeting {
        let mut merged = stored.clone();
        merged.meeting = Meeting::rebase(&base.meeting, &ours.meeting, &stored.meeting);
        take_export_mark(
            base.exported_revision,
            ours.exported_revision,
            &mut merged.exported_revision,
        );
        merged
    }
}

/// Sorts meetings for listing: the most recently started first, then by id.
pub fn sort_meetings_for_listing(meetings: &mut [OwnMeeting]) {
    sorting::sort_by(meetings, |a, b| {
        Timestamp::parse(&b.started_at)
            .cmp(&Timestamp::parse(&a.started_at))
            .then_with(|| a.meeting.id.cmp(&b.meeting.id))
    });
}

/// Sorts responses for listing: the most recently started first, then by id so the order is
/// stable.
pub fn sort_for_listing(responses: &mut [OwnResponse]) {
    sorting::sort_by(responses, |a, b| {
        // As moments, not strings: `…:00.5Z` sorts before `…:00Z` as text.
        Timestamp::parse(&b.started_at)
            .cmp(&Timestamp::parse(&a.started_at))
            .then_with(|| a.response.id.cmp(&b.response.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::QuestionnaireRef;

    fn own(status: Status, revision: u64, exported: Option<u64>) -> OwnResponse {
        let mut r = Response::new_draft(
            "0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10".into(),
            QuestionnaireRef {
                id: "samenwerking".into(),
                version: 1,
            },
            "2026-11-20T09:00:00Z".into(),
        );
        r.status = status;
        r.revision = revision;
        OwnResponse {
            started_at: "2026-11-20T09:00:00Z".into(),
            response: r,
            exported_revision: exported,
        }
    }

    #[test]
    fn export_reminder_follows_status_and_revision() {
        assert!(
            !own(Status::Draft, 4, None).needs_export(),
            "drafts never leave"
        );
        assert!(own(Status::Complete, 4, None).needs_export());
        assert!(!own(Status::Complete, 4, Some(4)).needs_export());
        assert!(
            own(Status::Complete, 5, Some(4)).needs_export(),
            "edited after export"
        );
        assert!(
            !own(Status::Withdrawn, 6, None).needs_export(),
            "never left: nothing to take back"
        );
        assert!(
            own(Status::Withdrawn, 6, Some(4)).needs_export(),
            "the tombstone must travel"
        );
    }

    #[test]
    fn listing_is_newest_first_and_stable() {
        let mut a = own(Status::Draft, 1, None);
        a.started_at = "2026-11-20T09:00:00Z".into();
        let mut b = own(Status::Draft, 1, None);
        b.started_at = "2026-11-21T09:00:00Z".into();
        b.response.id = "1b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10".into();
        let mut list = vec![a.clone(), b.clone()];
        sort_for_listing(&mut list);
        assert_eq!(list, vec![b, a]);
    }

    fn answered(
        mut own: OwnResponse,
        item: &str,
        value: serde_json::Value,
        now: &str,
    ) -> OwnResponse {
        own.response.set_answer(item, Some(value), now);
        own
    }

    #[test]
    fn two_tabs_changing_different_answers_keep_both() {
        let base = answered(
            own(Status::Draft, 1, None),
            "org",
            "gi".into(),
            "2026-11-20T09:01:00Z",
        );
        // This tab types a strength; the other tab meanwhile answered the team and the grade.
        let mut ours = base.clone();
        ours.response.set_answer(
            "strengths",
            Some("korte lijnen".into()),
            "2026-11-20T09:03:00Z",
        );
        let mut stored = base.clone();
        stored
            .response
            .set_answer("team", Some("epe".into()), "2026-11-20T09:02:00Z");
        stored
            .response
            .set_answer("grade", Some(7.into()), "2026-11-20T09:02:30Z");
        let merged = OwnResponse::rebase(&base, &ours, &stored);
        let a = &merged.response.answers;
        assert_eq!(a.get("org"), Some(&"gi".into()));
        assert_eq!(a.get("team"), Some(&"epe".into()));
        assert_eq!(a.get("grade"), Some(&7.into()));
        assert_eq!(a.get("strengths"), Some(&"korte lijnen".into()));
        assert_eq!(merged.response.revision, stored.response.revision + 1);
        assert_eq!(merged.response.updated_at, "2026-11-20T09:03:00Z");
    }

    #[test]
    fn a_rebase_takes_removals_and_the_later_write_of_one_answer() {
        let base = answered(
            own(Status::Draft, 1, None),
            "org",
            "gi".into(),
            "2026-11-20T09:01:00Z",
        );
        let base = answered(base, "team", "epe".into(), "2026-11-20T09:01:10Z");
        let mut ours = base.clone();
        ours.response
            .set_answer("team", None, "2026-11-20T09:03:00Z");
        ours.response
            .set_answer("org", Some("vt".into()), "2026-11-20T09:03:00Z");
        let mut stored = base.clone();
        stored
            .response
            .set_answer("org", Some("lokaal_team".into()), "2026-11-20T09:02:00Z");
        let merged = Response::rebase(&base.response, &ours.response, &stored.response);
        assert_eq!(merged.answers.get("team"), None, "the removal here is kept");
        assert_eq!(
            merged.answers.get("org"),
            Some(&"vt".into()),
            "both changed it: the later write"
        );
        // A copy stored with nothing this tab changed keeps its content.
        let same = Response::rebase(&base.response, &base.response, &stored.response);
        assert_eq!(same.answers, stored.response.answers);
        assert_eq!(same.revision, stored.response.revision + 1);
    }

    #[test]
    fn a_withdrawal_on_either_side_wins() {
        let base = answered(
            own(Status::Draft, 1, None),
            "org",
            "gi".into(),
            "2026-11-20T09:01:00Z",
        );
        let mut withdrawn = base.clone();
        withdrawn.response.withdraw("2026-11-20T09:02:00Z");
        let typed = answered(base.clone(), "team", "epe".into(), "2026-11-20T09:03:00Z");
        let mut stored_with_more = base.clone();
        stored_with_more
            .response
            .set_answer("grade", Some(6.into()), "2026-11-20T09:02:00Z");
        // Withdrawn here, answered there: withdrawn, and nothing of either tab's answers kept.
        let merged = Response::rebase(
            &base.response,
            &withdrawn.response,
            &stored_with_more.response,
        );
        assert_eq!(merged.status, Status::Withdrawn);
        assert!(merged.answers.is_empty());
        assert!(merged.answers.is_empty() && merged.status == Status::Withdrawn);
        // Withdrawn there, typed here: the withdrawal stays.
        let merged = Response::rebase(&base.response, &typed.response, &withdrawn.response);
        assert_eq!(merged.status, Status::Withdrawn);
        assert!(merged.answers.is_empty());
    }

    #[test]
    fn meetings_merge_per_field_per_note_and_per_organisation() {
        use crate::domain::meeting::Meeting;
        let q = QuestionnaireRef {
            id: "samenwerking".into(),
            version: 1,
        };
        let mut base = Meeting::new_draft("m1".into(), q, "2026-11-20T09:00:00Z".into());
        base.edit("2026-11-20T09:01:00Z", |m| {
            m.municipality = "epe".into();
            m.notes.insert("q1".into(), "eerst".into());
        });
        let mut ours = base.clone();
        ours.edit("2026-11-20T09:03:00Z", |m| {
            m.notes.insert("q2".into(), "hier getypt".into());
            m.attendance.insert("gi".into(), 3);
        });
        let mut stored = base.clone();
        stored.edit("2026-11-20T09:02:00Z", |m| {
            m.date = "2026-11-19".into();
            m.notes.insert("q1".into(), "daar aangevuld".into());
            m.attendance.insert("vt".into(), 2);
        });
        let merged = Meeting::rebase(&base, &ours, &stored);
        assert_eq!(merged.municipality, "epe");
        assert_eq!(merged.date, "2026-11-19");
        assert_eq!(
            merged.notes.get("q1").map(String::as_str),
            Some("daar aangevuld")
        );
        assert_eq!(
            merged.notes.get("q2").map(String::as_str),
            Some("hier getypt")
        );
        assert_eq!(merged.attendance.get("gi"), Some(&3));
        assert_eq!(merged.attendance.get("vt"), Some(&2));
        assert_eq!(merged.revision, stored.revision + 1);
        let mut withdrawn = base.clone();
        withdrawn.withdraw("2026-11-20T09:04:00Z");
        let merged = Meeting::rebase(&base, &withdrawn, &stored);
        assert_eq!(merged.status, Status::Withdrawn);
        assert!(merged.notes.is_empty() && merged.date.is_empty());
    }

    #[test]
    fn the_export_mark_travels_with_a_rebase() {
        let base = own(Status::Complete, 4, None);
        let mut ours = base.clone();
        ours.exported_revision = Some(4);
        let stored = answered(base.clone(), "org", "gi".into(), "2026-11-20T09:02:00Z");
        let merged = OwnResponse::rebase(&base, &ours, &stored);
        assert_eq!(merged.exported_revision, Some(4));
        assert_eq!(
            merged.response.answers, stored.response.answers,
            "only the mark changed here"
        );
        assert!(
            merged.needs_export(),
            "the other tab's change has not left yet"
        );
    }

    #[test]
    fn completing_holds_only_on_the_answers_it_was_checked_on() {
        let base = answered(
            own(Status::Draft, 1, None),
            "org",
            "gi".into(),
            "2026-11-20T09:01:00Z",
        );
        let mut completed = base.clone();
        completed.response.complete("2026-11-20T09:03:00Z");
        let mut changed_there = base.clone();
        changed_there
            .response
            .set_answer("org", None, "2026-11-20T09:02:00Z");
        let merged = Response::rebase(&base.response, &completed.response, &changed_there.response);
        assert_eq!(merged.status, Status::Draft, "to be checked again");
        let untouched_there = {
            let mut r = base.clone();
            r.exported_revision = Some(1);
            r
        };
        let merged = OwnResponse::rebase(&base, &completed, &untouched_there);
        assert_eq!(merged.response.status, Status::Complete);
        assert!(merged.response.revision > completed.response.revision);
    }

    #[test]
    fn a_merged_meeting_is_complete_only_with_what_completing_needs() {
        use crate::domain::meeting::Meeting;
        let q = QuestionnaireRef {
            id: "samenwerking".into(),
            version: 1,
        };
        let mut base = Meeting::new_draft("m1".into(), q, "2026-11-20T09:00:00Z".into());
        base.edit("2026-11-20T09:01:00Z", |m| {
            m.municipality = "epe".into();
            m.date = "2026-11-19".into();
        });
        let mut completed = base.clone();
        completed.complete("2026-11-20T09:03:00Z");
        assert_eq!(completed.status, Status::Complete);
        let mut date_cleared = base.clone();
        date_cleared.edit("2026-11-20T09:02:00Z", |m| m.date.clear());
        let merged = Meeting::rebase(&base, &completed, &date_cleared);
        assert_eq!(merged.status, Status::Draft);
        assert!(!merged.missing_for_completion().is_empty());
    }

    #[test]
    fn a_later_export_mark_stored_elsewhere_stays() {
        let base = own(Status::Complete, 6, Some(4));
        let mut ours = base.clone();
        ours.exported_revision = Some(5);
        let mut stored = base.clone();
        stored.exported_revision = Some(6);
        assert_eq!(
            OwnResponse::rebase(&base, &ours, &stored).exported_revision,
            Some(6)
        );
    }
}
