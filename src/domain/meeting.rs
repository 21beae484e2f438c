//! The meeting record of design §2 (one facilitated evaluation meeting): its JSON shape, its
//! invariants and its editing (every saved change raises the revision, like a response).
//! Attendance is counted per organisation, never by name. The synthesis of many meetings is
//! `domain::synthesis`; this module neither renders nor aggregates, and it reads no clock.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::questionnaire::Questionnaire;
use super::response::{check_common, parse_date, QuestionnaireRef, RecordIssue, Status};

/// The entries of a list typed one per line: each line trimmed, empty lines left out.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether an agreed action applies everywhere or only in this municipality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionScope {
    /// Adjust the collaboration agreements everywhere.
    General,
    /// *Couleur locale*: only for this municipality.
    Local,
}

/// Text that another tool may write as `null` for "nothing": read as empty.
fn text_or_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Option::<String>::deserialize(d).map(Option::unwrap_or_default)
}

/// An anonymised case discussed in the meeting and what it taught.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingCase {
    /// What happened, without anything that identifies the family.
    #[serde(default, deserialize_with = "text_or_null")]
    pub summary: String,
    /// What the participants learned from it.
    #[serde(default, deserialize_with = "text_or_null")]
    pub learning: String,
}

/// A point of action agreed in the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingAction {
    /// What will be done.
    pub text: String,
    /// General or local; `None` until the facilitator chooses (nothing is chosen for them:
    /// a forgotten choice must not make a local action regional). Only a draft may lack it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<ActionScope>,
    /// The organisation that takes it up (an organisation, never a person); may be empty.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "text_or_null"
    )]
    pub owner: String,
}

/// One evaluation meeting, in the exact JSON shape of design §2.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// A random UUID v4 made on the facilitator's device.
    pub id: String,
    /// 1 for a new record, one more for every saved change.
    pub revision: u64,
    /// RFC 3339 UTC.
    pub updated_at: String,
    /// Draft, complete or withdrawn.
    pub status: Status,
    /// The definition whose `meeting_questions` the notes answer; unnamed only on a tombstone
    /// that came without it.
    #[serde(default, skip_serializing_if = "QuestionnaireRef::is_unnamed")]
    pub questionnaire: QuestionnaireRef,
    /// The municipality (usually a `team` option value, e.g. `apeldoorn`).
    #[serde(default)]
    pub municipality: String,
    /// The day of the meeting, `YYYY-MM-DD`; empty while not yet known in a draft.
    #[serde(default)]
    pub date: String,
    /// Organisation → number of people present; never names.
    #[serde(default)]
    pub attendance: BTreeMap<String, u32>,
    /// Meeting question id → notes.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// Cases discussed.
    #[serde(default)]
    pub cases: Vec<MeetingCase>,
    /// Actions agreed.
    #[serde(default)]
    pub actions: Vec<MeetingAction>,
    /// Strengths (*krachten*) named.
    #[serde(default)]
    pub strengths: Vec<String>,
    /// Concerns (*zorgen*) named.
    #[serde(default)]
    pub concerns: Vec<String>,
}

/// What a meeting needs before it can be marked complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingForCompletion {
    /// Which municipality (or team) the meeting was for.
    Municipality,
    /// The day of the meeting, as a calendar date.
    Date,
    /// The date is after today: a meeting is recorded once it was held (a mistyped year, such
    /// as 2062 for 2026). Only the screen asks this ([`Meeting::dated_after`]); a file's record
    /// is not refused for it, as the clocks of two devices may differ.
    DateInFuture,
    /// The date is before [`EARLIEST_DATE`]: a mistyped year (0201 for 2021, which a date field
    /// takes as typed). Only the screen asks this, as [`MissingForCompletion::DateInFuture`].
    DateTooEarly,
    /// The action at this index has an organisation or is marked local but says nothing:
    /// completing would leave it out (as it leaves out an action added and never touched). Only
    /// the screen asks this ([`Meeting::actions_without_text`]).
    ActionText(usize),
    /// The action at this index says something but is not marked general or local
    /// ([`Meeting::actions_without_scope`]).
    ActionScope(usize),
}

/// The earliest date the meeting screen takes without asking: the collaboration evaluated
/// here started in the 2010s, and a year before 2000 is a typing error.
pub const EARLIEST_DATE: &str = "2000-01-01";

/// The most people of one organisation the meeting screen takes as present: more is a typing
/// error (attendance is counted per organisation at one meeting).
pub const MAX_ATTENDANCE: u32 = 999;

impl Meeting {
    /// A new, empty draft at revision 1. `id` and `now` come from the browser.
    pub fn new_draft(id: String, questionnaire: QuestionnaireRef, now: String) -> Meeting {
        Meeting {
            id,
            revision: 1,
            updated_at: now,
            status: Status::Draft,
            questionnaire,
            municipality: String::new(),
            date: String::new(),
            attendance: BTreeMap::new(),
            notes: BTreeMap::new(),
            cases: Vec::new(),
            actions: Vec::new(),
            strengths: Vec::new(),
            concerns: Vec::new(),
        }
    }

    /// Applies `change` to the content and records it: the revision goes up by one and
    /// `updated_at` becomes `now`, as design §2 asks for every saved change. A change that
    /// leaves the content as it was is not a change. A withdrawn meeting is not edited.
    /// Returns whether anything changed.
    pub fn edit(&mut self, now: &str, change: impl FnOnce(&mut Meeting)) -> bool {
        if self.status == Status::Withdrawn {
            return false;
        }
        let before = self.clone();
        change(self);
        // The bookkeeping is not the caller's to change.
        self.id = before.id.clone();
        self.revision = before.revision;
        self.updated_at = before.updated_at.clone();
        self.status = before.status;
        self.questionnaire = before.questionnaire.clone();
        if *self == before {
            return false;
        }
        // A complete meeting that loses what completing requires is a draft again (and the
        // screen says so): a complete record always passes `check`.
        if self.status == Status::Complete && !self.missing_for_completion().is_empty() {
            self.status = Status::Draft;
        }
        self.touch(now);
        true
    }

    /// What is still missing before the meeting can be completed (empty when nothing is).
    pub fn missing_for_completion(&self) -> Vec<MissingForCompletion> {
        let mut missing = Vec::new();
        if self.municipality.trim().is_empty() {
            missing.push(MissingForCompletion::Municipality);
        }
        if parse_date(&self.date).is_none() {
            missing.push(MissingForCompletion::Date);
        }
        missing.extend(
            self.actions_without_scope()
                .into_iter()
                .map(MissingForCompletion::ActionScope),
        );
        missing
    }

    /// The actions that say something but are not marked general or local, by index: a
    /// meeting is completed only once each is (an action added and never touched is left out
    /// when completing, so it needs no choice).
    pub fn actions_without_scope(&self) -> Vec<usize> {
        self.actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.scope.is_none() && !a.text.trim().is_empty())
            .map(|(i, _)| i)
            .collect()
    }

    /// The actions that were given an organisation or marked general or local but have no text,
    /// by index: completing would leave them out with what was chosen for them.
    pub fn actions_without_text(&self) -> Vec<usize> {
        self.actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.text.trim().is_empty() && (!a.owner.is_empty() || a.scope.is_some()))
            .map(|(i, _)| i)
            .collect()
    }

    /// True when the meeting's date is a calendar date after `today` (`YYYY-MM-DD`).
    pub fn dated_after(&self, today: &str) -> bool {
        match (parse_date(&self.date), parse_date(today)) {
            (Some(date), Some(today)) => date > today,
            _ => false,
        }
    }

    /// Whether its date is a valid date before `earliest` ([`EARLIEST_DATE`]).
    pub fn dated_before(&self, earliest: &str) -> bool {
        match (parse_date(&self.date), parse_date(earliest)) {
            (Some(date), Some(earliest)) => date < earliest,
            _ => false,
        }
    }

    /// Marks the meeting complete (the caller checked [`Meeting::missing_for_completion`], and
    /// the screen asked about [`Meeting::actions_without_text`]), and leaves out the cases,
    /// actions, strengths and concerns that were added but never filled in.
    pub fn complete(&mut self, now: &str) {
        if self.status == Status::Draft {
            self.cases
                .retain(|c| !(c.summary.trim().is_empty() && c.learning.trim().is_empty()));
            self.actions.retain(|a| !a.text.trim().is_empty());
            self.strengths.retain(|x| !x.trim().is_empty());
            self.concerns.retain(|x| !x.trim().is_empty());
            self.status = Status::Complete;
            self.touch(now);
        }
    }

    /// Makes a completed meeting that an edit turned into a draft ([`Meeting::edit`]) complete
    /// again once nothing is missing (`today` for the date's bounds, as completing asks): an
    /// action's text typed before its choice of general or local, or a year typed digit by
    /// digit (0002, 0020, 0202, 2026), made an exported meeting a draft that stayed one, and its
    /// correction never reached the coordinator (an acceptance test's find). Unlike
    /// [`Meeting::complete`] it leaves nothing out: a case just added, still empty, stays on the
    /// screen. The caller knows the meeting was completed before. Returns whether it changed.
    pub fn complete_again(&mut self, now: &str, today: &str) -> bool {
        let ready = self.status == Status::Draft
            && self.missing_for_completion().is_empty()
            && self.actions_without_text().is_empty()
            && !self.dated_after(today)
            && !self.dated_before(EARLIEST_DATE);
        if ready {
            self.status = Status::Complete;
            self.touch(now);
        }
        ready
    }

    /// Takes the meeting back: status `withdrawn` and every content field emptied, so the
    /// tombstone that travels to the coordinator carries nothing of what was taken back.
    pub fn withdraw(&mut self, now: &str) {
        if self.status != Status::Withdrawn || self.has_content() {
            self.status = Status::Withdrawn;
            self.clear_content();
            self.touch(now);
        }
    }

    /// Empties every content field (what a tombstone holds: id, questionnaire, revision, time
    /// and status only).
    pub(crate) fn clear_content(&mut self) {
        let empty = Meeting::new_draft(self.id.clone(), self.questionnaire.clone(), String::new());
        *self = Meeting {
            revision: self.revision,
            updated_at: std::mem::take(&mut self.updated_at),
            status: self.status,
            ..empty
        };
    }

    /// Whether any content field holds something.
    pub fn has_content(&self) -> bool {
        !(self.municipality.is_empty()
            && self.date.is_empty()
            && self.attendance.is_empty()
            && self.notes.is_empty()
            && self.cases.is_empty()
            && self.actions.is_empty()
            && self.strengths.is_empty()
            && self.concerns.is_empty())
    }

    fn touch(&mut self, now: &str) {
        self.revision += 1;
        self.updated_at = now.to_string();
    }

    /// Every record-level problem: id, revision, timestamp, a date that is not a calendar date
    /// (an empty date is allowed in a draft, and in a withdrawn tombstone, only), a complete
    /// meeting without a municipality, an attendance key that is empty, and a tombstone that
    /// still carries content.
    pub fn check(&self) -> Vec<RecordIssue> {
        let mut issues = check_common(&self.id, self.revision, &self.updated_at);
        if self.status == Status::Withdrawn && self.has_content() {
            issues.push(RecordIssue::WithdrawnWithContent);
        }
        if self.status == Status::Complete && self.municipality.trim().is_empty() {
            issues.push(RecordIssue::MissingMunicipality);
        }
        // An action that says nothing is left out of the report anyway (and a completed
        // meeting may get one, added and not yet filled in).
        if self.status == Status::Complete && !self.actions_without_scope().is_empty() {
            issues.push(RecordIssue::ActionWithoutScope);
        }
        let date_missing_ok = self.date.is_empty() && self.status != Status::Complete;
        if !date_missing_ok && parse_date(&self.date).is_none() {
            issues.push(RecordIssue::BadDate);
        }
        if self.attendance.keys().any(|k| k.trim().is_empty()) {
            issues.push(RecordIssue::EmptyAttendanceKey);
        }
        issues
    }

    /// What does not fit the lists of its questionnaire `q` ([`Questionnaire::meeting_options`])
    /// or the built-in ones: a municipality, or an organisation present or taking up an action,
    /// that neither has (a name in the attendance, a town outside the region). The built-in
    /// lists count too: a definition may carry only part of them, as the design's own example
    /// does (its meeting counts Veilig Thuis, its questionnaire lists two organisations). A
    /// draft's empty municipality and an action without owner fit.
    pub fn check_options(&self, q: &Questionnaire) -> Vec<RecordIssue> {
        let has = |organisations: bool, value: &str| {
            [q, super::questionnaire::builtin()].iter().any(|q| {
                q.meeting_options(organisations)
                    .iter()
                    .any(|o| o.value == value)
            })
        };
        let mut issues = Vec::new();
        if !self.municipality.is_empty() && !has(false, &self.municipality) {
            issues.push(RecordIssue::UnknownMunicipality);
        }
        let owners = self
            .actions
            .iter()
            .map(|a| a.owner.as_str())
            .filter(|o| !o.is_empty());
        if self
            .attendance
            .keys()
            .map(String::as_str)
            .chain(owners)
            .any(|o| !has(true, o))
        {
            issues.push(RecordIssue::UnknownOrganisation);
        }
        issues
    }

    /// The text of a free-text field by its path as `privacy::scan_meeting` names it
    /// (`notes.m1`, `cases[0].summary`, `cases[0].learning`, `actions[2].text`, `strengths[1]`,
    /// `concerns[0]`), for the export screen to show and change a finding in place.
    pub fn text_field_mut(&mut self, path: &str) -> Option<&mut String> {
        if let Some(question) = path.strip_prefix("notes.") {
            return self.notes.get_mut(question);
        }
        let (list, rest) = path.split_once('[')?;
        let (index, field) = rest.split_once(']')?;
        let index: usize = index.parse().ok()?;
        match (list, field) {
            ("cases", ".summary") => self.cases.get_mut(index).map(|c| &mut c.summary),
            ("cases", ".learning") => self.cases.get_mut(index).map(|c| &mut c.learning),
            ("actions", ".text") => self.actions.get_mut(index).map(|a| &mut a.text),
            ("strengths", "") => self.strengths.get_mut(index),
            ("concerns", "") => self.concerns.get_mut(index),
            _ => None,
        }
    }

    /// The total number of people present.
    pub fn attendance_total(&self) -> u32 {
        self.attendance.values().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const DESIGN_EXAMPLE: &str = r#"{"id": "0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10", "revision": 2, "updated_at": "2018-01-25T16:00:00Z", "status": "complete",
 "questionnaire": {"id": "samenwerking", "version": 1},
 "municipality": "apeldoorn", "date": "2018-01-25",
 "attendance": {"veilig_thuis": 4, "lokaal_team": 7},
 "notes": {"m1": "…", "m2": "…"},
 "cases": [{"summary": "…", "learning": "…"}],
 "actions": [{"text": "…", "scope": "general", "owner": "veilig_thuis"}],
 "strengths": ["…"], "concerns": ["…"]}"#;

    #[test]
    fn meeting_round_trips_the_design_shape() {
        let m: Meeting = serde_json::from_str(DESIGN_EXAMPLE).unwrap();
        assert_eq!(m.attendance_total(), 11); // 4 + 7
        assert_eq!(m.actions[0].scope, Some(ActionScope::General));
        assert!(m.check().is_empty());
        let back = serde_json::to_value(&m).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(DESIGN_EXAMPLE).unwrap());
    }

    #[test]
    fn meeting_check_reports_every_problem() {
        let mut m: Meeting = serde_json::from_str(DESIGN_EXAMPLE).unwrap();
        m.date = "2018-02-30".into();
        m.attendance.insert(" ".into(), 1);
        // A note to a question the questionnaire lacks is no problem (see exchange::validate).
        m.notes.insert("m9".into(), "x".into());
        assert_eq!(
            m.check(),
            vec![RecordIssue::BadDate, RecordIssue::EmptyAttendanceKey]
        );
        // A date after today is asked about by the screen, not refused in a record.
        m.date = "2062-01-25".into();
        assert!(m.dated_after("2026-11-24"));
        assert!(!m.dated_after("2062-01-25"));
        assert!(!m.dated_after("not a date"));
        m.date = "2026-11-23".into();
        assert!(!m.dated_after("2026-11-24"));
        // So is a year before 2000 (0201 typed for 2021).
        assert!(!m.dated_before(EARLIEST_DATE));
        m.date = "0201-01-25".into();
        assert!(m.dated_before(EARLIEST_DATE));
        assert!(!m.check().contains(&RecordIssue::BadDate));
        m.date = "2026-11-23".into();
        assert!(!m.check().contains(&RecordIssue::BadDate));
        // A draft may not know its date yet; a complete meeting must.
        m.date.clear();
        m.status = Status::Draft;
        assert!(!m.check().contains(&RecordIssue::BadDate));
        m.status = Status::Complete;
        assert!(m.check().contains(&RecordIssue::BadDate));
    }

    #[test]
    fn an_action_is_general_or_local_only_when_chosen() {
        let mut m: Meeting = serde_json::from_str(DESIGN_EXAMPLE).unwrap();
        assert!(m.check().is_empty());
        // A complete meeting's action without a scope is refused (another tool left it out).
        let text = DESIGN_EXAMPLE.replace(r#""scope": "general", "#, "");
        let without: Meeting = serde_json::from_str(&text).unwrap();
        assert_eq!(without.actions[0].scope, None);
        assert_eq!(without.check(), vec![RecordIssue::ActionWithoutScope]);
        // A draft may wait for the choice, and completing asks for it, by the action's index.
        m.status = Status::Draft;
        m.actions.push(MeetingAction {
            text: "Spreekuur in de bibliotheek".into(),
            scope: None,
            owner: String::new(),
        });
        // Added and never touched: left out when completing, so no choice is asked.
        m.actions.push(MeetingAction {
            text: " ".into(),
            scope: None,
            owner: String::new(),
        });
        assert!(m.check().is_empty());
        // Nor of a completed meeting's record: an empty action added to it after completing
        // (which stays complete) is no reason to skip the meeting at the coordinator's.
        let mut completed = m.clone();
        completed.status = Status::Complete;
        completed.actions[1].scope = Some(ActionScope::Local);
        assert!(completed.check().is_empty());
        assert_eq!(m.actions_without_scope(), vec![1]);
        assert_eq!(
            m.missing_for_completion(),
            vec![MissingForCompletion::ActionScope(1)]
        );
        assert_eq!(m.actions_without_text(), Vec::<usize>::new());
        // Chosen without any text: completing would drop the choice, so the text is asked for.
        m.actions[2].scope = Some(ActionScope::Local);
        assert_eq!(m.actions_without_text(), vec![2]);
        m.actions[1].scope = Some(ActionScope::Local);
        m.actions[2].scope = None;
        assert!(m.missing_for_completion().is_empty());
        m.complete("2026-11-24T10:00:00Z");
        assert_eq!(m.actions.len(), 2);
        assert!(m.check().is_empty());
        // Not chosen is not written: the stored draft reads back the same.
        let draft = MeetingAction {
            text: "x".into(),
            scope: None,
            owner: String::new(),
        };
        assert_eq!(serde_json::to_string(&draft).unwrap(), r#"{"text":"x"}"#);
    }

    #[test]
    fn unknown_scope_is_refused() {
        let text = DESIGN_EXAMPLE.replace("\"general\"", "\"everywhere\"");
        assert!(serde_json::from_str::<Meeting>(&text).is_err());
    }
}
