//! What this device keeps beside each of its own responses and meetings, and never exports: when
//! the record was started (the home screen lists them by start date, never by name) and which
//! revision was last exported (to remind the person of work that has not left the machine yet).

use super::sorting;
use serde::{Deserialize, Serialize};

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
}
