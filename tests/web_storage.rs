//! Browser tests of IndexedDB storage, in headless Chromium: records round-trip through the
//! repository, a database written by an earlier schema version opens with every record intact,
//! a write of several records is all or nothing, and wiping empties every store.
#![cfg(target_arch = "wasm32")]

use samenscan::browser::idb::{self, Migration, StorageError, Write};
use samenscan::browser::repository::{self, MIGRATIONS};
use samenscan::domain::{builtin, Meeting, OwnMeeting, OwnResponse, Response, Status};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn own(id: &str, grade: i64) -> OwnResponse {
    let mut r = Response::new_draft(
        id.to_string(),
        builtin().reference(),
        "2026-11-20T09:00:00.000Z".into(),
    );
    r.set_answer("org", Some(json!("gi")), "2026-11-20T09:01:00.000Z");
    r.set_answer("grade", Some(json!(grade)), "2026-11-20T09:02:00.000Z");
    OwnResponse::new(r)
}

async fn fresh(name: &str, migrations: &'static [Migration]) {
    repository::close();
    idb::delete_database(name).await.unwrap();
    repository::open_at(name, migrations, || {}, |_| {})
        .await
        .unwrap();
}

const ID_A: &str = "0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10";
const ID_B: &str = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";

#[wasm_bindgen_test]
async fn responses_round_trip_and_a_later_save_replaces_the_earlier() {
    fresh("samenscan-test-roundtrip", &MIGRATIONS).await;
    let a = own(ID_A, 7);
    repository::save_own_response(None, &a).await.unwrap();
    repository::save_own_response(None, &own(ID_B, 9))
        .await
        .unwrap();
    assert_eq!(
        repository::own_response(ID_A).await.unwrap(),
        Some(a.clone())
    );

    let mut changed = a.clone();
    changed
        .response
        .set_answer("grade", Some(json!(8)), "2026-11-20T10:00:00.000Z");
    assert_eq!(
        repository::save_own_response(Some(&a), &changed)
            .await
            .unwrap(),
        None,
        "nothing stored in between: the change is stored as it is"
    );
    let all = repository::own_responses().await.unwrap();
    assert_eq!(all.len(), 2);
    let stored = repository::own_response(ID_A).await.unwrap().unwrap();
    assert_eq!(stored.response.answers["grade"], json!(8));
    assert_eq!(stored.response.revision, a.response.revision + 1);
    assert_eq!(repository::own_response("unknown").await.unwrap(), None);
    repository::close();
}

/// Two tabs change the same draft at the same moment: the second write was made to the copy both
/// started from, so it is put on what the first stored, in one transaction, and both changes stay.
#[wasm_bindgen_test]
async fn a_change_to_an_older_copy_is_put_on_what_another_tab_stored() {
    fresh("samenscan-test-rebase", &MIGRATIONS).await;
    let base = own(ID_A, 3);
    repository::save_own_response(None, &base).await.unwrap();
    let mut there = base.clone();
    there
        .response
        .set_answer("team", Some(json!("epe")), "2026-11-20T10:00:00.000Z");
    let mut here = base.clone();
    here.response.set_answer(
        "strengths",
        Some(json!("korte lijnen")),
        "2026-11-20T10:00:01.000Z",
    );
    assert_eq!(
        repository::save_own_response(Some(&base), &there)
            .await
            .unwrap(),
        None
    );
    let merged = repository::save_own_response(Some(&base), &here)
        .await
        .unwrap()
        .expect("the change is put on the other tab's copy");
    assert_eq!(merged.response.answers["team"], json!("epe"));
    assert_eq!(merged.response.answers["strengths"], json!("korte lijnen"));
    assert_eq!(merged.response.revision, there.response.revision + 1);
    assert_eq!(repository::own_response(ID_A).await.unwrap(), Some(merged));
    repository::close();
}

/// A withdrawal stored by another tab while this tab had two changes on their way: neither
/// brings the answers back, although the second was made to a copy that was never stored.
#[wasm_bindgen_test]
async fn writes_queued_behind_a_withdrawal_elsewhere_do_not_undo_it() {
    fresh("samenscan-test-rebase-withdrawn", &MIGRATIONS).await;
    let base = own(ID_A, 3);
    repository::save_own_response(None, &base).await.unwrap();
    let mut withdrawn = base.clone();
    withdrawn.response.withdraw("2026-11-20T10:00:00.000Z");
    repository::save_own_response(Some(&base), &withdrawn)
        .await
        .unwrap();
    let mut first = base.clone();
    first
        .response
        .set_answer("strengths", Some(json!("k")), "2026-11-20T10:00:01.000Z");
    let mut second = first.clone();
    second
        .response
        .set_answer("strengths", Some(json!("ko")), "2026-11-20T10:00:02.000Z");
    for (base, change) in [(&base, &first), (&first, &second)] {
        let shown = repository::save_own_response(Some(base), change)
            .await
            .unwrap()
            .expect("put on the withdrawal");
        assert_eq!(shown.response.status, Status::Withdrawn);
        assert!(shown.response.answers.is_empty());
        assert!(shown.response.revision > change.response.revision);
        assert_eq!(repository::own_response(ID_A).await.unwrap(), Some(shown));
    }
    repository::close();
}

#[wasm_bindgen_test]
async fn meetings_round_trip_and_a_later_save_replaces_the_earlier() {
    fresh("samenscan-test-meetings", &MIGRATIONS).await;
    let mut own = OwnMeeting::new(Meeting::new_draft(
        ID_A.into(),
        builtin().reference(),
        "2026-11-20T09:00:00.000Z".into(),
    ));
    repository::save_own_meeting(None, &own).await.unwrap();
    let first = own.clone();
    own.meeting.edit("2026-11-20T09:05:00.000Z", |m| {
        m.municipality = "epe".into();
        m.attendance.insert("gi".into(), 3);
        m.strengths = vec!["Korte lijnen".into()];
    });
    own.exported_revision = Some(2);
    repository::save_own_meeting(Some(&first), &own)
        .await
        .unwrap();
    assert_eq!(repository::own_meetings().await.unwrap(), vec![own]);
    // Responses and meetings live in their own stores.
    assert!(repository::own_responses().await.unwrap().is_empty());
    repository::close();
}

// The schema as version 1 of the app had it: the first step only.
static SCHEMA_V1: [Migration; 1] = [MIGRATIONS[0]];

#[wasm_bindgen_test]
async fn a_database_written_at_schema_1_opens_at_the_current_schema_with_records_intact() {
    let name = "samenscan-test-migration";
    fresh(name, &SCHEMA_V1).await;
    assert_eq!(
        repository::store_names().unwrap(),
        vec!["responses", "settings"]
    );
    let a = own(ID_A, 6);
    let b = own(ID_B, 10);
    repository::save_own_response(None, &a).await.unwrap();
    repository::save_own_response(None, &b).await.unwrap();
    repository::save_setting("last_export", &json!("2026-11-21T08:00:00.000Z"))
        .await
        .unwrap();
    repository::close();

    repository::open_at(name, &MIGRATIONS, || {}, |_| {})
        .await
        .unwrap();
    let mut names = repository::store_names().unwrap();
    names.sort();
    assert_eq!(
        names,
        vec![
            "imports",
            "meetings",
            "questionnaires",
            "responses",
            "settings"
        ]
    );
    assert_eq!(repository::own_response(ID_A).await.unwrap(), Some(a));
    assert_eq!(repository::own_response(ID_B).await.unwrap(), Some(b));
    assert_eq!(
        repository::setting("last_export").await.unwrap(),
        Some(json!("2026-11-21T08:00:00.000Z"))
    );
    // The new stores work.
    repository::save_questionnaire(builtin()).await.unwrap();
    assert_eq!(
        repository::questionnaires().await.unwrap(),
        vec![builtin().clone()]
    );
    repository::close();
}

#[wasm_bindgen_test]
async fn a_failing_write_leaves_nothing_of_its_transaction() {
    let name = "samenscan-test-atomic";
    repository::close();
    idb::delete_database(name).await.unwrap();
    let db = idb::open(name, &MIGRATIONS, || {}, |_| {}).await.unwrap();
    // The second write names a store that does not exist: the whole transaction is refused.
    let result = idb::write_all(
        &db,
        &[
            Write::Put {
                store: "responses",
                key: ID_A,
                json: "{}".into(),
            },
            Write::Put {
                store: "no-such-store",
                key: ID_B,
                json: "{}".into(),
            },
        ],
    )
    .await;
    assert!(matches!(result, Err(StorageError::Failed(_))), "{result:?}");
    assert!(idb::get_all(&db, "responses").await.unwrap().is_empty());
    // A put is already made inside the transaction when a later write fails (an add without a
    // key to a store that needs one): the transaction is aborted and the put is gone too.
    let result = idb::write_all(
        &db,
        &[
            Write::Put {
                store: "responses",
                key: ID_A,
                json: "\"first\"".into(),
            },
            Write::Add {
                store: "responses",
                json: "\"keyless\"".into(),
            },
        ],
    )
    .await;
    assert!(result.is_err(), "{result:?}");
    assert!(idb::get_all(&db, "responses").await.unwrap().is_empty());
    // Several writes to several stores commit together.
    let result = idb::write_all(
        &db,
        &[
            Write::Put {
                store: "responses",
                key: ID_B,
                json: "\"second\"".into(),
            },
            Write::Add {
                store: "imports",
                json: "\"log\"".into(),
            },
            Write::Add {
                store: "imports",
                json: "\"log 2\"".into(),
            },
        ],
    )
    .await;
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(
        idb::get_all(&db, "responses").await.unwrap(),
        vec!["\"second\"".to_string()]
    );
    assert_eq!(idb::get_all(&db, "imports").await.unwrap().len(), 2);
    db.close();
}

#[wasm_bindgen_test]
async fn wipe_empties_every_store() {
    fresh("samenscan-test-wipe", &MIGRATIONS).await;
    repository::save_own_response(None, &own(ID_A, 5))
        .await
        .unwrap();
    repository::save_setting("x", &json!(1)).await.unwrap();
    repository::save_questionnaire(builtin()).await.unwrap();
    repository::wipe().await.unwrap();
    assert!(repository::own_responses().await.unwrap().is_empty());
    assert!(repository::questionnaires().await.unwrap().is_empty());
    assert_eq!(repository::setting("x").await.unwrap(), None);
    repository::close();
}

#[wasm_bindgen_test]
async fn the_import_log_is_stored_as_bytes_and_text_stored_earlier_still_reads() {
    use samenscan::domain::import_log::{ImportRecord, Imported};
    let name = "samenscan-test-imports";
    fresh(name, &MIGRATIONS).await;
    let record = |file: &str, data: &str| ImportRecord {
        file_name: file.into(),
        imported_at: "2026-11-22T10:00:00.000Z".into(),
        encrypted: false,
        summary: Default::default(),
        contents: format!("key-of-{file}"),
        questionnaires: 0,
        meetings: vec![format!("meeting-of-{file}")],
        details_nl: vec!["één regel".into()],
        details_en: vec!["one line".into()],
        data: data.into(),
    };
    let earlier = record(
        "eerder.samenscan.json",
        "{\"format\":\"samenscan/export\"}\n€",
    );
    let now = record("nu.samenscan.json", "{\"responses\":[\"Ærø\"]}");
    // What earlier builds stored: the same form, as a string.
    let db = idb::open(name, &MIGRATIONS, || {}, |_| {}).await.unwrap();
    idb::write_all(
        &db,
        &[Write::Add {
            store: "imports",
            json: earlier.to_stored(),
        }],
    )
    .await
    .unwrap();
    repository::save_imports(&[Imported {
        record: now.clone(),
        questionnaires: Vec::new(),
    }])
    .await
    .unwrap();
    let stored = idb::get_all_js(&db, "imports").await.unwrap();
    assert!(stored.get(0).is_string());
    assert!(wasm_bindgen::JsCast::is_instance_of::<js_sys::Uint8Array>(
        &stored.get(1)
    ));
    assert_eq!(repository::imports().await.unwrap(), vec![earlier, now]);
    db.close();
    repository::close();
}
