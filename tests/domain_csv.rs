//! The CSV export: one row per complete response, codes or labels, quoting, formula defusing,
//! and a codebook row per column.

use samenscan::domain::csv::{codebook_csv, responses_csv, CsvOptions, Separator, BOM};
use samenscan::domain::{builtin, Lang, Response, Status};
use serde_json::json;

fn response(id: &str, status: Status, answers: serde_json::Value) -> Response {
    let mut r: Response = serde_json::from_value(json!({
        "id": id,
        "questionnaire": {"id": "samenwerking", "version": 1},
        "revision": 2,
        "updated_at": "2026-11-20T09:00:00Z",
        "status": "complete",
        "answers": answers,
    }))
    .unwrap();
    r.status = status;
    r
}

fn options(labels: bool, separator: Separator) -> CsvOptions {
    CsvOptions {
        labels,
        separator,
        lang: Lang::Nl,
    }
}

#[test]
fn one_row_per_complete_response_with_codes_and_semicolons() {
    let rows = [
        response(
            "b0000000-0000-4000-8000-000000000002",
            Status::Complete,
            json!({"org": "gi", "team": "epe", "frequency": "wekelijks", "grade": 8, "kennen_1": null, "strengths": "Snel; \"direct\" contact"}),
        ),
        response(
            "a0000000-0000-4000-8000-000000000001",
            Status::Complete,
            json!({"org": "lokaal_team"}),
        ),
        response(
            "c0000000-0000-4000-8000-000000000003",
            Status::Draft,
            json!({}),
        ),
        response(
            "d0000000-0000-4000-8000-000000000004",
            Status::Withdrawn,
            json!({}),
        ),
    ];
    let csv = responses_csv(builtin(), &rows, &options(false, Separator::Semicolon));
    assert!(csv.starts_with(BOM));
    let lines: Vec<&str> = csv[BOM.len()..].trim_end().split("\r\n").collect();
    assert_eq!(
        lines.len(),
        3,
        "header + the two complete responses, drafts and withdrawn left out"
    );
    let header: Vec<&str> = lines[0].split(';').collect();
    let columns = 6 + builtin().items().count();
    assert_eq!(header.len(), columns);
    assert_eq!(header[6], "org");
    // Sorted by id: a… first.
    assert!(lines[1].starts_with("a0000000-0000-4000-8000-000000000001;samenwerking;1;2;2026-11-20T09:00:00Z;complete;lokaal_team;"));
    let b = lines[2];
    assert!(b.contains(";gi;epe;wekelijks;8;"), "{b}");
    assert!(b.contains(";nvt;"), "not applicable has its code: {b}");
    // The text holds the separator and quotes: quoted, quotes doubled.
    assert!(b.contains("\"Snel; \"\"direct\"\" contact\""), "{b}");
}

#[test]
fn labels_in_the_language_and_commas_on_request() {
    let rows = [response(
        "a0000000-0000-4000-8000-000000000001",
        Status::Complete,
        json!({"org": "gi", "kennen_1": null}),
    )];
    let csv = responses_csv(builtin(), &rows, &options(true, Separator::Comma));
    let line = csv.trim_end().split("\r\n").nth(1).unwrap();
    assert!(
        line.contains(",Gecertificeerde instelling (jeugdbescherming of jeugdreclassering),"),
        "{line}"
    );
    assert!(line.contains(",niet van toepassing,"), "{line}");
}

#[test]
fn text_that_a_spreadsheet_would_run_as_a_formula_is_defused() {
    let rows = [response(
        "a0000000-0000-4000-8000-000000000001",
        Status::Complete,
        json!({"strengths": "=HYPERLINK(\"http://x\")", "concerns": "-1 wachtlijst", "improvements": "Niets"}),
    )];
    let csv = responses_csv(builtin(), &rows, &options(false, Separator::Comma));
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
    assert!(csv.contains(",'-1 wachtlijst,"), "{csv}");
    assert!(csv.contains(",Niets"), "{csv}");
}

#[test]
fn ids_codes_and_labels_of_a_questionnaire_from_a_file_are_defused_too() {
    // A questionnaire travels as a file: its ids, codes and labels are as untrusted as free text.
    let mut definition: serde_json::Value =
        serde_json::from_str(samenscan::domain::questionnaire::BUILTIN_JSON).unwrap();
    definition["id"] = json!("vreemd");
    let org = &mut definition["sections"][0]["items"][0];
    org["label"]["nl"] = json!("=HYPERLINK(\"http://x\",\"klik\")");
    org["options"][1]["value"] = json!("=3+4");
    org["options"][1]["label"]["nl"] = json!("@SUM(1)");
    definition["sections"][0]["items"][2]["id"] = json!("+1+2");
    let text = definition.to_string().replace("\"frequency\"", "\"+1+2\"");
    let q = samenscan::domain::Questionnaire::from_json(&text).expect("a valid definition");
    let mut r = response(
        "a0000000-0000-4000-8000-000000000001",
        Status::Complete,
        json!({"org": "=3+4", "team": "epe", "+1+2": "nooit"}),
    );
    r.questionnaire.id = "vreemd".into();
    for labels in [false, true] {
        let csv = responses_csv(&q, &[r.clone()], &options(labels, Separator::Semicolon));
        assert!(csv.contains(";'+1+2;"), "{csv}");
        assert!(
            !csv.contains(";=3+4;") && !csv.contains(";@SUM(1);"),
            "{csv}"
        );
        assert!(
            csv.contains(if labels { ";'@SUM(1);" } else { ";'=3+4;" }),
            "{csv}"
        );
    }
    let book = codebook_csv(&q, &options(false, Separator::Semicolon));
    let cells: Vec<&str> = book.split(['\n', ';']).collect();
    assert!(
        cells
            .iter()
            .all(|c| !c.trim_start_matches('"').starts_with(['=', '@', '+'])),
        "{book}"
    );
    assert!(book.contains("'=HYPERLINK"), "{book}");
}

#[test]
fn the_codebook_describes_every_column() {
    let book = codebook_csv(builtin(), &options(false, Separator::Semicolon));
    let lines: Vec<&str> = book[BOM.len()..].trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 6 + builtin().items().count());
    assert!(lines[0]
        .starts_with("kolom;vraag;soort;codes;factor;omgekeerd;vragenlijst;versie;voorwaarde"));
    let org = lines.iter().find(|l| l.starts_with("org;")).unwrap();
    assert!(
        org.contains("lokaal_team = Lokaal team / jeugdteam"),
        "{org}"
    );
    assert!(org.ends_with(";samenwerking;1;"), "{org}");
    assert!(lines
        .iter()
        .any(|l| l.starts_with("grade;") && l.contains("1–10")));
    assert!(
        lines
            .iter()
            .any(|l| l.contains(";ja (score = 6 − antwoord);")),
        "a reverse item"
    );
}

/// An item asked only after a given answer says so, with the answers that ask it: its empty
/// cells for everyone else mean "not asked", not "not answered".
#[test]
fn the_codebook_names_the_answer_an_item_is_asked_after() {
    let q = samenscan::domain::Questionnaire::from_json(
        r#"{"id": "vv", "version": 1, "title": {"nl": "VV"},
            "sections": [{"id": "a", "title": {"nl": "A"}, "items": [
                {"id": "org", "kind": "choice", "label": {"nl": "Org", "en": "Org"},
                 "options": [{"value": "gi", "label": {"nl": "GI"}}, {"value": "vt", "label": {"nl": "VT"}}, {"value": "lt", "label": {"nl": "LT"}}]},
                {"id": "rollen", "kind": "multi", "label": {"nl": "Rollen"},
                 "options": [{"value": "x", "label": {"nl": "X"}}, {"value": "y", "label": {"nl": "Y"}}]},
                {"id": "grade", "kind": "grade", "label": {"nl": "Cijfer"}},
                {"id": "waarom", "kind": "text", "label": {"nl": "Waarom?"}, "show_if": {"item": "org", "in": ["gi", "vt"]}},
                {"id": "laag", "kind": "text", "label": {"nl": "Laag"}, "show_if": {"item": "grade", "in": [1, 2, 3]}},
                {"id": "xy", "kind": "text", "label": {"nl": "XY"}, "show_if": {"item": "rollen", "in": ["y"]}},
                {"id": "uren", "kind": "number", "label": {"nl": "Uren"}},
                {"id": "veel", "kind": "text", "label": {"nl": "Veel"}, "show_if": {"item": "uren", "in": [2.5, 40]}}
            ]}]}"#,
    )
    .unwrap();
    let book = codebook_csv(&q, &options(false, Separator::Semicolon));
    let line = |id: &str| {
        book.split("\r\n")
            .find(|l| l.starts_with(&format!("{id};")))
            .unwrap()
            .to_string()
    };
    // Last, after the questionnaire's id and version, so the columns before it stay in place.
    assert!(
        line("waarom").ends_with(";vv;1;alleen gevraagd als org = gi of vt"),
        "{book}"
    );
    assert!(
        line("laag").ends_with(";vv;1;alleen gevraagd als grade = 1 of 2 of 3"),
        "{book}"
    );
    assert!(
        line("xy").ends_with(";vv;1;alleen gevraagd als bij rollen gekozen: y"),
        "{book}"
    );
    assert!(
        line("veel").ends_with(";vv;1;alleen gevraagd als uren = 2,5 of 40"),
        "{book}"
    );
    assert!(line("org").ends_with(";vv;1;"), "{book}");
    // With labels, the values as the data file writes them.
    let labelled = codebook_csv(&q, &options(true, Separator::Semicolon));
    assert!(
        labelled.contains(";alleen gevraagd als org = ‘GI’ of ‘VT’"),
        "{labelled}"
    );
    let mut english = options(false, Separator::Comma);
    english.lang = samenscan::domain::Lang::En;
    let book = codebook_csv(&q, &english);
    assert!(
        book.contains(",vv,1,only asked if org = gi or vt"),
        "{book}"
    );
    assert!(
        book.contains(",vv,1,only asked if rollen includes y"),
        "{book}"
    );
    assert!(
        book.contains(",vv,1,only asked if uren = 2.5 or 40"),
        "{book}"
    );
}

#[test]
fn decimals_have_a_comma_beside_semicolons_and_a_dot_beside_commas() {
    let q = samenscan::domain::Questionnaire::from_json(
        r#"{"id": "uren", "version": 1, "title": {"nl": "Uren", "en": "Hours"},
            "sections": [{"id": "a", "title": {"nl": "Tijd", "en": "Time"}, "items": [
                {"id": "uren", "kind": "number", "label": {"nl": "Uren", "en": "Hours"}}]}]}"#,
    )
    .unwrap();
    let mut row = response(
        "a0000000-0000-4000-8000-000000000001",
        Status::Complete,
        json!({"uren": 12.5}),
    );
    row.questionnaire = q.reference();
    let dutch = responses_csv(
        &q,
        std::slice::from_ref(&row),
        &options(false, Separator::Semicolon),
    );
    assert!(dutch.trim_end().ends_with(";12,5"), "{dutch}");
    let international = responses_csv(&q, &[row], &options(false, Separator::Comma));
    assert!(
        international.trim_end().ends_with(",12.5"),
        "{international}"
    );
}

/// A multi-choice answer is written in the definition's option order, however it was ticked:
/// the same set of answers is one category in SPSS or R (from an acceptance test).
#[test]
fn a_multi_choice_answer_in_option_order() {
    let q = samenscan::domain::Questionnaire::from_json(
        r#"{"id": "kanaal", "version": 1, "title": {"nl": "Kanalen"},
            "sections": [{"id": "a", "title": {"nl": "A"}, "items": [
                {"id": "kanalen", "kind": "multi", "label": {"nl": "Kanalen"},
                 "options": [{"value": "telefoon", "label": {"nl": "Telefoon"}},
                             {"value": "overleg", "label": {"nl": "Overleg"}},
                             {"value": "huisbezoek", "label": {"nl": "Huisbezoek"}}]}]}]}"#,
    )
    .unwrap();
    let rows: Vec<_> = [
        (
            "a0000000-0000-4000-8000-000000000001",
            json!(["huisbezoek", "telefoon"]),
        ),
        (
            "a0000000-0000-4000-8000-000000000002",
            json!(["telefoon", "huisbezoek"]),
        ),
    ]
    .into_iter()
    .map(|(id, kanalen)| {
        let mut row = response(id, Status::Complete, json!({ "kanalen": kanalen }));
        row.questionnaire = q.reference();
        row
    })
    .collect();
    let csv = responses_csv(&q, &rows, &options(false, Separator::Semicolon));
    let cells: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.rsplit(';').next().unwrap())
        .collect();
    assert_eq!(
        cells,
        ["telefoon | huisbezoek", "telefoon | huisbezoek"],
        "{csv}"
    );
}
