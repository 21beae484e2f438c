//! The meeting record of design §2 (one facilitated evaluation meeting): its JSON shape and its
//! basic invariants. Attendance is counted per organisation, never by name. The meeting screens
//! and the synthesis of meetings in the report come later; this module neither renders nor
//! aggregates, and it reads no clock.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::questionnaire::Questionnaire;
use super::response::{check_common, parse_date, QuestionnaireRef, RecordIssue, Status};

/// Whether an agreed action applies everywhere or only in this municipality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionScope {
    /// Adjust the collaboration agreements everywhere.
    General,
    /// *Couleur locale*: only for this municipality.
    Local,
}

/// An anonymised case discussed in the meeting and what it taught.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingCase {
    /// What happened, without anything that identifies the family.
    #[serde(default)]
    pub summary: String,
    /// What the participants learned from it.
    #[serde(default)]
    pub learning: String,
}

/// A point of action agreed in the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingAction {
    /// What will be done.
    pub text: String,
    /// General or local.
    pub scope: ActionScope,
    /// The organisation that takes it up (an organisation, never a person); may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
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
    /// The definition whose `meeting_questions` the notes answer.
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

impl Meeting {
    /// Every record-level problem: id, revision, timestamp, a date that is not a calendar date
    /// (an empty date is allowed in a draft only), and an attendance key that is empty.
    pub fn check(&self) -> Vec<RecordIssue> {
        let mut issues = check_common(&self.id, self.revision, &self.updated_at);
        let date_missing_ok = self.date.is_empty() && self.status == Status::Draft;
        if !date_missing_ok && parse_date(&self.date).is_none() {
            issues.push(RecordIssue::BadDate);
        }
        if self.attendance.keys().any(|k| k.trim().is_empty()) {
            issues.push(RecordIssue::EmptyAttendanceKey);
        }
        issues
    }

    /// As [`Meeting::check`], plus notes keyed by questions the questionnaire does not have.
    pub fn check_against(&self, questionnaire: &Questionnaire) -> Vec<RecordIssue> {
        let mut issues = self.check();
        for key in self.notes.keys() {
            if !questionnaire
                .meeting_questions()
                .iter()
                .any(|m| &m.id == key)
            {
                issues.push(RecordIssue::UnknownMeetingQuestion { id: key.clone() });
            }
        }
        issues
    }

    /// The total number of people present.
    pub fn attendance_total(&self) -> u32 {
        self.attendance.values().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::questionnaire::builtin;
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
        assert_eq!(m.actions[0].scope, ActionScope::General);
        assert!(m.check_against(builtin()).is_empty());
        let back = serde_json::to_value(&m).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(DESIGN_EXAMPLE).unwrap());
    }

    #[test]
    fn meeting_check_reports_every_problem() {
        let mut m: Meeting = serde_json::from_str(DESIGN_EXAMPLE).unwrap();
        m.date = "2018-02-30".into();
        m.attendance.insert(" ".into(), 1);
        m.notes.insert("m9".into(), "x".into());
        assert_eq!(
            m.check_against(builtin()),
            vec![
                RecordIssue::BadDate,
                RecordIssue::EmptyAttendanceKey,
                RecordIssue::UnknownMeetingQuestion { id: "m9".into() }
            ]
        );
        // A draft may not know its date yet; a complete meeting must.
        m.date.clear();
        m.status = Status::Draft;
        assert!(!m.check().contains(&RecordIssue::BadDate));
        m.status = Status::Complete;
        assert!(m.check().contains(&RecordIssue::BadDate));
    }

    #[test]
    fn unknown_scope_is_refused() {
        let text = DESIGN_EXAMPLE.replace("\"general\"", "\"everywhere\"");
        assert!(serde_json::from_str::<Meeting>(&text).is_err());
    }
}
