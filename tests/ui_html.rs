//! The HTML writer behind the report's read-only parts: whatever text it is given (open answers
//! come from other people's files) stays text.

use proptest::prelude::*;
use samenscan::ui::html::{escape, Html};

#[test]
fn writes_elements_attributes_and_escaped_text() {
    let mut h = Html::new();
    h.open("table", &[("class", "data-table"), ("id", "t")])
        .open("tr", &[])
        .leaf("th", &[("scope", "row")], "Zorg & veiligheid")
        .leaf("td", &[("title", "\"7\" <b>")], "7,5")
        .close("tr")
        .close("table");
    assert_eq!(
        h.finish(),
        "<table class=\"data-table\" id=\"t\"><tr><th scope=\"row\">Zorg &amp; veiligheid</th>\
         <td title=\"&quot;7&quot; &lt;b&gt;\">7,5</td></tr></table>"
    );
}

#[test]
fn markup_in_an_answer_is_shown_as_text() {
    assert_eq!(
        escape("<img src=x onerror='alert(1)'>"),
        "&lt;img src=x onerror=&#39;alert(1)&#39;&gt;"
    );
    assert_eq!(escape("gewoon tekst, één"), "gewoon tekst, één");
}

proptest! {
    /// No text can open a tag, end an attribute value or start a character reference of its own.
    #[test]
    fn escaped_text_holds_no_markup(text in any::<String>()) {
        let out = escape(&text);
        prop_assert!(!out.contains(['<', '>', '"', '\'']));
        // Every '&' starts one of the five references written for it.
        for (i, _) in out.match_indices('&') {
            let rest = &out[i..];
            prop_assert!(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|r| rest.starts_with(r)));
        }
        // And reading the references back gives the text.
        let back = out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        prop_assert_eq!(back, text);
    }
}

/// A grade on another scale than the Dutch report grade's 1 to 10 says its scale wherever the
/// report names it: 3,2 out of 5 is no failing mark (an acceptance test's find).
#[test]
fn a_grade_on_another_scale_is_named_with_it() {
    use samenscan::domain::report::{build_report, ReportOptions};
    use samenscan::domain::{builtin, Questionnaire};
    use samenscan::ui::i18n::{EN, NL};
    use samenscan::ui::pages::report::grade_name;
    let q = Questionnaire::from_value(serde_json::json!({
        "id": "schaal", "version": 1, "title": {"nl": "Schaal"},
        "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "score", "kind": "grade", "min": 0, "max": 5, "label": {"nl": "Score"}}
        ]}]
    }))
    .unwrap();
    let report = build_report(&q, &[], &ReportOptions::default());
    assert_eq!(
        grade_name(NL.report_grade, &report, &NL),
        "Rapportcijfer voor de samenwerking (schaal 0–5)"
    );
    assert_eq!(
        grade_name(EN.report_grade_short, &report, &EN),
        "Grade (scale 0–5)"
    );
    let builtin = build_report(builtin(), &[], &ReportOptions::default());
    assert_eq!(
        grade_name(NL.report_grade_short, &builtin, &NL),
        "Rapportcijfer"
    );
}

/// The report grade is the collaboration's for the built-in enquête only: another
/// questionnaire's grade may be for anything (a coordinator's acceptance test).
#[test]
fn only_the_built_in_grade_is_called_the_collaborations() {
    use samenscan::domain::report::{build_report, ReportOptions};
    use samenscan::domain::{builtin, Questionnaire};
    use samenscan::ui::i18n::{EN, NL};
    use samenscan::ui::pages::report::grade_heading;
    let q = Questionnaire::from_value(serde_json::json!({
        "id": "teamoverleg", "version": 3, "title": {"nl": "Teamoverleg"},
        "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "cijfer", "kind": "grade", "label": {"nl": "Cijfer voor het overleg"}}
        ]}]
    }))
    .unwrap();
    let other = build_report(&q, &[], &ReportOptions::default());
    assert_eq!(grade_heading(&other, &NL), "Rapportcijfer");
    assert_eq!(grade_heading(&other, &EN), "Grade");
    let ours = build_report(builtin(), &[], &ReportOptions::default());
    assert_eq!(
        grade_heading(&ours, &NL),
        "Rapportcijfer voor de samenwerking"
    );
}

/// An open question is named without the instruction after its question mark; a label that
/// is only a question, has nothing after it or asks a second question stays whole.
#[test]
fn an_open_question_is_named_without_its_instruction() {
    use samenscan::ui::i18n::question_only;
    assert_eq!(
        question_only("Wat gaat er goed in de samenwerking? Noem geen namen of andere gegevens."),
        "Wat gaat er goed in de samenwerking?"
    );
    assert_eq!(question_only("Wat gaat goed?"), "Wat gaat goed?");
    assert_eq!(question_only("Wat gaat goed?  "), "Wat gaat goed?  ");
    assert_eq!(question_only("Toelichting"), "Toelichting");
    // Two questions: both stay.
    let two = "Werkt u samen met Veilig Thuis? Zo ja, hoe gaat dat?";
    assert_eq!(question_only(two), two);
}

/// Sentences on unfinished work leave a count of none out, with the word joining it.
#[test]
fn unfinished_work_is_counted_without_a_count_of_none() {
    use samenscan::ui::i18n::{fill_unfinished, EN, NL};
    assert_eq!(
        fill_unfinished(NL.export_drafts_staying, &NL, (1, 0)),
        "Niet in dit bestand, want nog niet afgerond: 1 enquête. Dat blijft op dit apparaat."
    );
    assert_eq!(
        fill_unfinished(EN.export_drafts_waiting, &EN, (0, 2)),
        "Not completed yet: 2 meetings. What you complete can be included."
    );
    assert_eq!(
        fill_unfinished(NL.export_drafts_waiting, &NL, (2, 1)),
        "Nog niet afgerond: 2 enquêtes en 1 bijeenkomst. Wat u afrondt, kan mee."
    );
}
