#![cfg(not(target_arch = "wasm32"))]
//! The merge rules of design §3: hand-worked cases first, then property tests over random
//! datasets with overlapping ids, revisions, timestamps and contents: merging is commutative,
//! associative and idempotent, the order of files and of records inside a file does not matter,
//! and importing the same file twice changes nothing.

mod common;
use proptest::prelude::*;
use samenscan::domain::exchange::ExportContents;
use samenscan::domain::merge::{canonical_json, merge_into, Conflict, Dataset, RecordKind};
use samenscan::domain::{
    builtin, Lang, Meeting, Questionnaire, QuestionnaireRef, Response, Status,
};
use serde_json::{json, Value};

const IDS: [&str; 4] = [
    "0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10",
    "1b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10",
    "2b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10",
    "3b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10",
];

// Three texts for two instants ("…00Z" and "…00.000Z" are the same moment), and two later ones
// whose text sorts *lower* than "…00Z" ('.' < 'Z'), so comparing text instead of instants fails.
const TIMES: [&str; 5] = [
    "2026-11-20T09:00:00Z",
    "2026-11-20T09:00:00.000Z",
    "2026-11-20T09:00:00.5Z",
    "2026-11-20T09:00:00.25Z",
    "2026-11-20T10:00:00Z",
];

fn reference() -> QuestionnaireRef {
    builtin().reference()
}

fn response(id: &str, revision: u64, at: &str, status: Status, answers: Value) -> Response {
    Response {
        id: id.into(),
        questionnaire: reference(),
        revision,
        updated_at: at.into(),
        status,
        answers: serde_json::from_value(answers).unwrap(),
    }
}

fn meeting(id: &str, revision: u64, at: &str, note: &str) -> Meeting {
    serde_json::from_value(json!({
        "id": id, "revision": revision, "updated_at": at, "status": "complete",
        "questionnaire": {"id": "samenwerking", "version": 1}, "date": "2026-11-19",
        "notes": {"m1": note}
    }))
    .unwrap()
}

fn file(responses: Vec<Response>, meetings: Vec<Meeting>) -> ExportContents {
    ExportContents {
        questionnaires: vec![],
        responses,
        meetings,
    }
}

/// The whole dataset as one text: equal texts mean equal datasets, down to 0.0 versus -0.0.
fn fingerprint(d: &Dataset) -> String {
    let mut out = String::new();
    for q in d.questionnaires.values() {
        out += &canonical_json(&serde_json::to_value(q).unwrap());
    }
    for r in d.responses.values() {
        out += &canonical_json(&serde_json::to_value(r).unwrap());
    }
    for m in d.meetings.values() {
        out += &canonical_json(&serde_json::to_value(m).unwrap());
    }
    out
}

fn merged(files: &[ExportContents]) -> Dataset {
    let mut d = Dataset::new();
    for f in files {
        merge_into(&mut d, f.clone());
    }
    d
}

#[test]
fn higher_revision_wins_and_counts_say_so() {
    let mut d = Dataset::new();
    let r1 = response(IDS[0], 1, TIMES[4], Status::Draft, json!({"org": "gi"}));
    let r2 = response(IDS[0], 2, TIMES[0], Status::Complete, json!({"org": "gi"}));
    let report = merge_into(&mut d, file(vec![r2.clone()], vec![]));
    assert_eq!((report.responses.new, report.responses.total()), (1, 1));
    // An older revision changes nothing even though it was saved "later".
    let report = merge_into(&mut d, file(vec![r1.clone()], vec![]));
    assert_eq!((report.responses.unchanged, report.conflicts.len()), (1, 0));
    assert_eq!(d.responses[IDS[0]], r2);
    // A withdrawal raises the revision, so it wins over every older revision.
    let mut gone = r2.clone();
    gone.withdraw(TIMES[1]);
    assert_eq!(gone.revision, 3);
    let report = merge_into(&mut d, file(vec![gone.clone(), r1], vec![]));
    assert_eq!(
        (report.responses.updated, report.responses.unchanged),
        (1, 1)
    );
    assert_eq!(d.responses[IDS[0]].status, Status::Withdrawn);
}

#[test]
fn the_log_notes_withdrawals_older_versions_and_answers_already_withdrawn() {
    let mut d = Dataset::new();
    let a2 = response(IDS[0], 2, TIMES[0], Status::Complete, json!({"org": "gi"}));
    let mut b_gone = response(IDS[1], 1, TIMES[0], Status::Complete, json!({"org": "gi"}));
    b_gone.withdraw(TIMES[4]);
    let first = merge_into(&mut d, file(vec![a2.clone(), b_gone.clone()], vec![]));
    // A withdrawal that comes first is new, and noted as a withdrawal.
    assert_eq!((first.responses.new, first.responses.withdrawn), (2, 1));
    assert_eq!(
        first.notes(Lang::Nl),
        ["Ingetrokken, dus niet (meer) meegeteld: 1 enquête."]
    );

    let a1 = response(IDS[0], 1, TIMES[0], Status::Complete, json!({"org": "vt"}));
    let b1 = response(IDS[1], 1, TIMES[0], Status::Complete, json!({"org": "gi"}));
    let mut c_gone = response(IDS[2], 1, TIMES[0], Status::Complete, json!({}));
    let c1 = c_gone.clone();
    c_gone.withdraw(TIMES[4]);
    merge_into(&mut d, file(vec![c1], vec![]));
    let m2 = meeting(IDS[3], 2, TIMES[0], "nieuw");
    merge_into(&mut d, file(vec![], vec![m2]));
    let second = merge_into(
        &mut d,
        file(
            vec![a1, b1, c_gone, a2.clone()],
            vec![meeting(IDS[3], 1, TIMES[0], "oud")],
        ),
    );
    let r = second.responses;
    assert_eq!((r.new, r.updated, r.unchanged), (0, 1, 3));
    assert_eq!((r.withdrawn, r.older, r.after_withdrawal), (1, 1, 1));
    assert_eq!(second.meetings.older, 1);
    assert_eq!(
        second.notes(Lang::Nl),
        [
            "Ingetrokken, dus niet (meer) meegeteld: 1 enquête.",
            "Al aanwezig in een nieuwere versie, die blijft: 1 enquête en 1 bijeenkomst.",
            "Hier al ingetrokken, dus niet meegeteld: 1 enquête.",
        ]
    );
    assert_eq!(
        second.notes(Lang::En)[1],
        "Already present in a newer version, which stays: 1 survey and 1 meeting."
    );
    // The same file again: only what the counts leave unsaid.
    assert!(merge_into(&mut d, file(vec![a2], vec![]))
        .notes(Lang::Nl)
        .is_empty());
}

#[test]
fn equal_revisions_with_different_content_are_conflicts_won_by_the_later_instant() {
    let mut d = Dataset::new();
    let early = response(IDS[1], 2, TIMES[0], Status::Complete, json!({"grade": 8}));
    // TIMES[2] = 09:00:00.5Z is half a second after TIMES[0], though its text sorts lower.
    let late = response(IDS[1], 2, TIMES[2], Status::Complete, json!({"grade": 6}));
    merge_into(&mut d, file(vec![late.clone()], vec![]));
    let report = merge_into(&mut d, file(vec![early.clone()], vec![]));
    assert_eq!(
        report.conflicts,
        vec![Conflict {
            kind: RecordKind::Response,
            id: IDS[1].into(),
            version: None,
            revision: Some(2),
            incoming_won: false,
            same_moment: false
        }]
    );
    assert_eq!(report.responses.unchanged, 1);
    assert_eq!(d.responses[IDS[1]], late);
    // The other way round the later one comes in and wins.
    let mut d = Dataset::new();
    merge_into(&mut d, file(vec![early], vec![]));
    let report = merge_into(&mut d, file(vec![late.clone()], vec![]));
    assert!(report.conflicts[0].incoming_won);
    assert_eq!(report.responses.updated, 1);
    assert_eq!(d.responses[IDS[1]], late);
    assert!(report.conflicts[0]
        .message(samenscan::domain::Lang::Nl)
        .contains("hetzelfde revisienummer 2"));
}

#[test]
fn same_instant_written_differently_falls_back_to_canonical_json() {
    // TIMES[0] and TIMES[1] are the same instant. Canonical JSON of the two differs first in
    // "grade": 7 vs 9 → the 9 sorts higher and wins, from either side.
    let a = response(IDS[2], 1, TIMES[0], Status::Draft, json!({"grade": 9}));
    let b = response(IDS[2], 1, TIMES[1], Status::Draft, json!({"grade": 7}));
    for files in [[a.clone(), b.clone()], [b.clone(), a.clone()]] {
        let d = merged(&[file(files.to_vec(), vec![])]);
        assert_eq!(d.responses[IDS[2]], a);
    }
}

#[test]
fn questionnaires_merge_by_id_and_version_with_conflicts_reported() {
    let other_title = builtin().to_json().replacen(
        "Samenwerking evalueren",
        "Samenwerking evalueren (pilot)",
        1,
    );
    let variant = Questionnaire::from_json(&other_title).unwrap();
    assert_eq!(variant.reference(), builtin().reference());
    let f = |q: &Questionnaire| ExportContents {
        questionnaires: vec![q.clone()],
        ..ExportContents::default()
    };
    let mut d1 = Dataset::new();
    merge_into(&mut d1, f(builtin()));
    let r = merge_into(&mut d1, f(&variant));
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(r.conflicts[0].kind, RecordKind::Questionnaire);
    let mut d2 = Dataset::new();
    merge_into(&mut d2, f(&variant));
    merge_into(&mut d2, f(builtin()));
    assert_eq!(d1, d2, "the same definition wins from either side");
    let again = merge_into(&mut d2, f(builtin()));
    assert_eq!(again.questionnaires.unchanged, 1);
}

/// Two different copies of one custom definition: the stricter smallest group holds whichever
/// copy wins, in either order, and importing again changes nothing. (The text comparison that
/// decides the conflict ranks `"min_group_size":5` above `10`: a coordinator importing a file
/// with a loosened copy saw groups of 6 under a definition asking for 10.)
#[test]
fn the_stricter_smallest_group_of_two_copies_holds() {
    let custom = |min: usize, title: &str| {
        Questionnaire::from_json(&common::regional_copy(min, title)).unwrap()
    };
    let (strict, loose) = (custom(10, "Regio"), custom(5, "Regio (kopie)"));
    assert_eq!((strict.min_group_size(), loose.min_group_size()), (10, 5));
    let f = |q: &Questionnaire| ExportContents {
        questionnaires: vec![q.clone()],
        ..ExportContents::default()
    };
    for order in [[&strict, &loose], [&loose, &strict]] {
        let mut d = Dataset::new();
        merge_into(&mut d, f(order[0]));
        let r = merge_into(&mut d, f(order[1]));
        assert_eq!(r.conflicts.len(), 1);
        let held = &d.questionnaires[&strict.reference()];
        assert_eq!(held.min_group_size(), 10, "{order:?}");
        // The winner is still decided as before (by its text), only its minimum is kept.
        assert_eq!(held.title(), loose.title());
        let before = d.clone();
        let again = merge_into(&mut d, f(order[0]));
        assert_eq!(d.questionnaires[&strict.reference()].min_group_size(), 10);
        assert_eq!(again.questionnaires.new, 0);
        // The held copy again changes nothing at all.
        merge_into(&mut d, f(order[1]));
        let held_again = d.clone();
        merge_into(&mut d, f(order[1]));
        assert_eq!(d, held_again);
        assert_eq!(before.questionnaires.len(), d.questionnaires.len());
    }
}

#[test]
fn a_hundred_thousand_responses_merge_and_re_merge() {
    // Not timed (budgets are measured by the benchmark); this shows the sizes the benchmark uses
    // go through, once as new and once as unchanged.
    let n = 100_000;
    let responses: Vec<Response> = (0..n)
        .map(|i| {
            response(
                &format!("{i:08x}-0000-4000-8000-000000000000"),
                1,
                TIMES[0],
                Status::Complete,
                json!({"grade": (i % 10) + 1}),
            )
        })
        .collect();
    let mut d = Dataset::new();
    let first = merge_into(&mut d, file(responses.clone(), vec![]));
    assert_eq!(first.responses.new, n);
    let second = merge_into(&mut d, file(responses, vec![]));
    assert_eq!(second.responses.unchanged, n);
    assert!(second.conflicts.is_empty());
}

// ------------------------------------------------------------------------------------------
// Property tests.

fn answer_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(7)),
        Just(json!(8)),
        Just(json!(8.0)),
        Just(json!(0.0)),
        Just(json!(-0.0)),
        Just(json!(null)),
        Just(json!("gi")),
        Just(json!(["a", "b"])),
    ]
}

fn arb_response() -> impl Strategy<Value = Response> {
    (
        0..IDS.len(),
        1u64..=3,
        0..TIMES.len(),
        prop_oneof![
            Just(Status::Draft),
            Just(Status::Complete),
            Just(Status::Withdrawn)
        ],
        proptest::collection::btree_map(
            prop_oneof![Just("grade".to_string()), Just("org".to_string())],
            answer_value(),
            0..=2,
        ),
    )
        .prop_map(|(id, revision, at, status, answers)| Response {
            id: IDS[id].into(),
            questionnaire: reference(),
            revision,
            updated_at: TIMES[at].into(),
            status,
            answers: answers
                .into_iter()
                .map(|(k, v)| (samenscan::domain::response::item_id(&k), v))
                .collect::<samenscan::domain::response::Answers>(),
        })
}

fn arb_meeting() -> impl Strategy<Value = Meeting> {
    (
        0..IDS.len(),
        1u64..=3,
        0..TIMES.len(),
        prop_oneof![Just("goed"), Just("matig"), Just("")],
    )
        .prop_map(|(id, revision, at, note)| meeting(IDS[id], revision, TIMES[at], note))
}

fn questionnaire_variants() -> &'static [Questionnaire] {
    static VARIANTS: std::sync::OnceLock<Vec<Questionnaire>> = std::sync::OnceLock::new();
    VARIANTS.get_or_init(make_variants)
}

fn make_variants() -> Vec<Questionnaire> {
    let titled = |title: &str| {
        Questionnaire::from_json(
            &builtin()
                .to_json()
                .replacen("Samenwerking evalueren", title, 1),
        )
        .unwrap()
    };
    let v2 = Questionnaire::from_json(&builtin().to_json().replacen(
        "\"version\": 1",
        "\"version\": 2",
        1,
    ))
    .unwrap();
    vec![builtin().clone(), titled("Pilot A"), titled("Pilot B"), v2]
}

fn arb_file() -> impl Strategy<Value = ExportContents> {
    (
        proptest::collection::vec(0..4usize, 0..=2),
        proptest::collection::vec(arb_response(), 0..=6),
        proptest::collection::vec(arb_meeting(), 0..=3),
    )
        .prop_map(|(qs, responses, meetings)| {
            let variants = questionnaire_variants();
            ExportContents {
                questionnaires: qs.into_iter().map(|i| variants[i].clone()).collect(),
                responses,
                meetings,
            }
        })
}

/// A file as `validate` hands it over: one version per key (a file merged into nothing).
fn deduped(f: &ExportContents) -> ExportContents {
    merged(std::slice::from_ref(f)).to_contents()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn merge_is_commutative(a in arb_file(), b in arb_file()) {
        prop_assert_eq!(fingerprint(&merged(&[a.clone(), b.clone()])), fingerprint(&merged(&[b, a])));
    }

    #[test]
    fn merge_is_associative(a in arb_file(), b in arb_file(), c in arb_file()) {
        let left = merged(&[a.clone(), b.clone(), c.clone()]);
        let bc = merged(&[b, c]).to_contents();
        let right = merged(&[a, bc]);
        prop_assert_eq!(fingerprint(&left), fingerprint(&right));
    }

    #[test]
    fn merge_is_idempotent(a in arb_file(), b in arb_file()) {
        let once = merged(&[a.clone(), b.clone()]);
        let twice = merged(&[a.clone(), b.clone(), a.clone(), b, a]);
        prop_assert_eq!(fingerprint(&once), fingerprint(&twice));
    }

    #[test]
    fn order_of_files_and_of_records_does_not_matter(
        files in proptest::collection::vec(arb_file(), 1..=5),
        seed in any::<u64>(),
    ) {
        let expected = fingerprint(&merged(&files));
        // Reverse the files and rotate the records inside each by a seed-dependent amount.
        let mut shuffled: Vec<ExportContents> = files.into_iter().rev().collect();
        for (i, f) in shuffled.iter_mut().enumerate() {
            let k = (seed as usize).wrapping_add(i);
            if !f.responses.is_empty() {
                let n = k % f.responses.len();
                f.responses.rotate_left(n);
            }
            f.meetings.reverse();
            f.questionnaires.reverse();
        }
        prop_assert_eq!(fingerprint(&merged(&shuffled)), expected);
    }

    #[test]
    fn importing_a_file_twice_changes_nothing(base in arb_file(), f in arb_file()) {
        let f = deduped(&f);
        let mut d = merged(&[base]);
        let first = merge_into(&mut d, f.clone());
        let after_first = fingerprint(&d);
        let second = merge_into(&mut d, f.clone());
        prop_assert_eq!(fingerprint(&d), after_first);
        prop_assert!(second.changed_nothing());
        // A conflict the file lost the first time is lost (and reported) again; one it won is
        // now identical. Either way the second import changes nothing.
        let lost: Vec<_> = first.conflicts.iter().filter(|c| !c.incoming_won).cloned().collect();
        prop_assert_eq!(&second.conflicts, &lost);
        prop_assert_eq!(second.responses.unchanged, f.responses.len());
        prop_assert_eq!(second.meetings.unchanged, f.meetings.len());
        prop_assert_eq!(second.questionnaires.unchanged, f.questionnaires.len());
        // Every record of the file is counted once in the first report too.
        prop_assert_eq!(first.responses.total(), f.responses.len());
        prop_assert_eq!(first.meetings.total(), f.meetings.len());
    }

    #[test]
    fn the_winner_is_the_maximum_revision(files in proptest::collection::vec(arb_file(), 1..=4)) {
        let d = merged(&files);
        for (id, kept) in &d.responses {
            let max = files
                .iter()
                .flat_map(|f| &f.responses)
                .filter(|r| &r.id == id)
                .map(|r| r.revision)
                .max();
            prop_assert_eq!(Some(kept.revision), max);
        }
    }
}

/// Same revision, same moment, different content: the content decides (design §3's last
/// tie-break), and the log says so instead of "the one changed last" (an acceptance test's find).
#[test]
fn a_conflict_decided_by_content_is_logged_as_such() {
    let a = response(IDS[2], 3, TIMES[0], Status::Complete, json!({"grade": 8}));
    let b = response(IDS[2], 3, TIMES[0], Status::Complete, json!({"grade": 6}));
    let mut d = Dataset::new();
    merge_into(&mut d, file(vec![a], vec![]));
    let report = merge_into(&mut d, file(vec![b], vec![]));
    assert_eq!(report.conflicts.len(), 1);
    let conflict = &report.conflicts[0];
    assert!(conflict.same_moment);
    assert!(
        conflict.message(Lang::Nl).contains("hetzelfde moment"),
        "{}",
        conflict.message(Lang::Nl)
    );
    assert!(!conflict.message(Lang::En).contains("changed last"));
}
