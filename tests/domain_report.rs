//! The report model against hand-computed figures, and the suppression of small groups: the
//! rules of design §4 by example, then as properties over random data.

use samenscan::domain::report::{
    build_report, compare_rounds, open_answers_by, suppress_split, Cell, FigureCounts, FigureKind,
    GroupKey, Hidden, ItemCounts, Mean, Report, ReportOptions, SplitCounts,
};
use samenscan::domain::{statistics, Questionnaire, QuestionnaireRef, Response, Status};
use serde_json::{json, Value};

fn questionnaire(min_group_size: usize) -> Questionnaire {
    Questionnaire::from_json(
        &json!({"id": "t", "version": 1, "title": {"nl": "T"}, "min_group_size": min_group_size,
        "factors": [{"id": "f", "label": {"nl": "F"}}],
        "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "org", "kind": "choice", "group_by": true, "label": {"nl": "Org"},
             "options": [{"value": "lt", "label": {"nl": "Lokaal team"}}, {"value": "gi", "label": {"nl": "GI"}}]},
            {"id": "score", "kind": "grade", "label": {"nl": "Cijfer"}},
            {"id": "x1", "kind": "likert", "factor": "f", "label": {"nl": "1"}},
            {"id": "x2", "kind": "likert", "factor": "f", "reverse": true, "label": {"nl": "2"}},
            {"id": "sterk", "kind": "text", "label": {"nl": "Sterk"}}
        ]}]})
        .to_string(),
    )
    .unwrap()
}

fn response(n: u32, status: Status, version: u32, answers: Value) -> Response {
    Response {
        id: format!("00000000-0000-4000-8000-{n:012}"),
        questionnaire: QuestionnaireRef {
            id: "t".into(),
            version,
        },
        revision: 1,
        updated_at: "2026-11-20T09:00:00Z".into(),
        status,
        answers: serde_json::from_value(answers).unwrap(),
    }
}

/// Seven complete responses (f = factor score, x2 reversed as 6 − x2):
/// 1 lt 8  x1 4 x2 2 → f (4+4)/2 = 4    "Korte lijnen"
/// 2 lt 7  x1 3 x2 4 → f (3+2)/2 = 2.5
/// 3 lt 9  x1 5 x2 1 → f (5+5)/2 = 5    "Fijne samenwerking"
/// 4 gi 6  x1 2 x2 – → f 2 (1 of 2 answered is half)   "Bereikbaarheid"
/// 5 gi 7  x1 4 x2 2 → f 4              "   " (blank: not listed)
/// 6 gi 8  x1 – x2 – → no factor score
/// 7 (no org) 10 x1 5 x2 1 → f 5        "Alleen ik"
/// plus a draft, a withdrawn response and one of another version, which never count.
fn dataset() -> Vec<Response> {
    use Status::*;
    vec![
        response(
            1,
            Complete,
            1,
            json!({"org": "lt", "score": 8, "x1": 4, "x2": 2, "sterk": "Korte lijnen"}),
        ),
        response(
            2,
            Complete,
            1,
            json!({"org": "lt", "score": 7, "x1": 3, "x2": 4}),
        ),
        response(
            3,
            Complete,
            1,
            json!({"org": "lt", "score": 9, "x1": 5, "x2": 1, "sterk": "Fijne samenwerking"}),
        ),
        response(
            4,
            Complete,
            1,
            json!({"org": "gi", "score": 6, "x1": 2, "x2": null, "sterk": "Bereikbaarheid"}),
        ),
        response(
            5,
            Complete,
            1,
            json!({"org": "gi", "score": 7, "x1": 4, "x2": 2, "sterk": "   "}),
        ),
        response(
            6,
            Complete,
            1,
            json!({"org": "gi", "score": 8, "x1": null, "x2": null}),
        ),
        response(
            7,
            Complete,
            1,
            json!({"score": 10, "x1": 5, "x2": 1, "sterk": "Alleen ik"}),
        ),
        response(8, Draft, 1, json!({"org": "lt", "score": 1})),
        response(9, Withdrawn, 1, json!({})),
        response(10, Complete, 2, json!({"org": "lt", "score": 1})),
    ]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn headline_figures_by_hand() {
    let report = build_report(&questionnaire(3), &dataset(), &ReportOptions::default());
    assert_eq!(report.n, Cell::Shown(7));
    assert_eq!(
        (
            report.ignored.drafts,
            report.ignored.withdrawn,
            report.ignored.other_questionnaire
        ),
        (1, 1, 1)
    );
    // A draft or a withdrawal of another version is of that version: "other", not this
    // version's drafts or withdrawals (an acceptance test read version 3's drafts in a report
    // on version 2).
    let mut more = dataset();
    more.push(response(11, Status::Draft, 2, json!({"org": "lt"})));
    more.push(response(12, Status::Withdrawn, 2, json!({})));
    let other = build_report(&questionnaire(3), &more, &ReportOptions::default()).ignored;
    assert_eq!(
        (other.drafts, other.withdrawn, other.other_questionnaire),
        (1, 1, 3)
    );
    // A round leaves out only the complete ones of the other version.
    assert_eq!(other.other_complete, 1);
    // A tombstone that names no questionnaire (another tool's, as the README allows) is a
    // withdrawal, not another questionnaire's record (found by an acceptance test).
    let mut unnamed = dataset();
    let mut tombstone = response(13, Status::Withdrawn, 1, json!({}));
    tombstone.questionnaire = Default::default();
    unnamed.push(tombstone);
    let ignored = build_report(&questionnaire(3), &unnamed, &ReportOptions::default()).ignored;
    assert_eq!((ignored.withdrawn, ignored.other_questionnaire), (2, 1));
    let grade = report.grade.as_ref().unwrap();
    assert_eq!(grade.item_id, "score");
    let stats = grade.stats.shown().unwrap();
    // Grades 8,7,9,6,7,8,10: sum 55, mean 55/7; sorted 6,7,7,8,8,9,10 → median 8.
    assert_eq!(stats.summary.n, 7);
    assert!(close(stats.summary.mean.unwrap(), 55.0 / 7.0));
    assert_eq!(stats.summary.median, Some(8.0));
    // Σx² = 64+49+81+36+49+64+100 = 443; variance (443 − 55²/7)/6.
    let var: f64 = (443.0 - 55.0 * 55.0 / 7.0) / 6.0;
    assert!(close(stats.summary.sd.unwrap(), var.sqrt()));
    let counts: Vec<usize> = stats.distribution.iter().map(|c| c.count).collect();
    // 1..=10: one 6, two 7s, two 8s, one 9, one 10.
    assert_eq!(counts, [0, 0, 0, 0, 0, 1, 2, 2, 1, 1]);

    let f = &report.factors[0];
    let scores = f.scores.shown().unwrap();
    // Factor scores 4, 2.5, 5, 2, 4, 5: n 6, sum 22.5, mean 3.75.
    assert_eq!(scores.n, 6);
    assert!(close(scores.mean.unwrap(), 3.75));
    // Alpha over the 5 responses with both items: x1 = 4,3,5,4,5 (var 2.8/4 = 0.7);
    // reversed x2 = 4,2,5,4,5 (var 6/4 = 1.5); totals 8,5,10,8,10 (var 16.8/4 = 4.2);
    // alpha = 2 · (1 − 2.2/4.2) = 0.952380952…
    let alpha = f.alpha.shown().unwrap();
    assert_eq!(alpha.n, 5);
    assert!(close(alpha.alpha.unwrap(), 2.0 * (1.0 - 2.2 / 4.2)));
}

#[test]
fn small_groups_are_hidden_with_a_partner() {
    // Minimum 3; responses 1–7 plus three more lt and three more gi, so lt 6, gi 6, not
    // answered 1. "Not answered" (1 < 3) is too small. Hiding it alone gives it away as
    // 13 − 6 − 6, so the smaller other group is hidden too (lt and gi tie; the first, lt).
    let mut data = dataset();
    for i in 0..3u32 {
        data.push(response(
            20 + i,
            Status::Complete,
            1,
            json!({"org": "lt", "score": 8, "x1": 4, "x2": 2}),
        ));
        data.push(response(
            30 + i,
            Status::Complete,
            1,
            json!({"org": "gi", "score": 6, "x1": 3, "x2": 3}),
        ));
    }
    let report = build_report(&questionnaire(3), &data, &ReportOptions::default());
    let split = report.split("org").unwrap();
    let keys: Vec<&GroupKey> = split.groups.iter().map(|g| &g.key).collect();
    assert_eq!(
        keys,
        [
            &GroupKey::Option("lt".into()),
            &GroupKey::Option("gi".into()),
            &GroupKey::NotAnswered
        ]
    );
    let [lt, gi, na] = &split.groups[..] else {
        panic!()
    };
    assert_eq!(
        (lt.hidden, gi.hidden, na.hidden),
        (
            Some(Hidden::ProtectsSmallGroup),
            None,
            Some(Hidden::TooSmall)
        )
    );
    assert_eq!(
        (&lt.n, &gi.n, &na.n),
        (&Cell::Suppressed, &Cell::Shown(6), &Cell::Suppressed)
    );
    assert!(lt.grade_mean.is_suppressed() && na.grade_mean.is_suppressed());
    // gi: grades 6,7,8 and three 6s → mean 39/6; its share 6/13.
    assert_eq!(gi.grade_mean, Cell::Shown(Mean { n: 6, mean: 6.5 }));
    assert!(close(*gi.share.shown().unwrap(), 6.0 / 13.0));
    // gi's factor mean rests on 5 scores (2, 4, and three of (3 + 3)/2 = 3): shown.
    assert_eq!(
        gi.factor_means[0],
        Cell::Shown(Mean {
            n: 5,
            mean: 15.0 / 5.0
        })
    );
}

/// The labels say something about sizes ("fewer than 3" is 1 or 2, "protecting" at least 3),
/// so in the 7 responses of `dataset()` — lt 3, gi 3, not answered 1 — hiding lt with the
/// small group would tell both sizes: 7 − 3 = 4 = 1 + 3 is the only sum that fits. Every group
/// is hidden as a whole split instead.
#[test]
fn labels_that_would_give_sizes_away_hide_the_whole_split() {
    let report = build_report(&questionnaire(3), &dataset(), &ReportOptions::default());
    let split = report.split("org").unwrap();
    for g in &split.groups {
        assert_eq!(g.hidden, Some(Hidden::WholeSplit), "{:?}", g.key);
        assert!(g.n.is_suppressed() && g.grade_mean.is_suppressed());
    }
    // The headline figures are not affected.
    assert_eq!(report.n, Cell::Shown(7));
}

/// Figures rest on different responses: the grade of a group hidden to protect a group that
/// was never asked the grade would be the total grade minus the shown ones, so another grade
/// is hidden with it, though that group itself is shown.
#[test]
fn each_figure_of_a_split_is_protected_on_its_own() {
    let split = SplitCounts {
        groups: vec![3, 7, 9, 12],
        figures: vec![FigureCounts {
            kind: FigureKind::Values,
            counts: vec![0, 7, 9, 12],
        }],
    };
    let s = suppress_split(&split, 5);
    assert_eq!(
        s.groups,
        [
            Some(Hidden::TooSmall),
            Some(Hidden::ProtectsSmallGroup),
            None,
            None
        ]
    );
    assert_eq!(s.figures[0], [true, true, true, false]);
    // A figure only the hidden groups hold equals the dataset's own figure: shown.
    let split = SplitCounts {
        groups: vec![3, 7, 9],
        figures: vec![FigureCounts {
            kind: FigureKind::Values,
            counts: vec![0, 7, 0],
        }],
    };
    let s = suppress_split(&split, 5);
    assert_eq!(s.figures[0], [true, false, false]);
    // Open answers: the hidden rest must come from two groups, of any size.
    let split = SplitCounts {
        groups: vec![3, 7, 9, 12],
        figures: vec![FigureCounts {
            kind: FigureKind::Texts,
            counts: vec![2, 0, 1, 4],
        }],
    };
    let s = suppress_split(&split, 5);
    assert_eq!(s.figures[0], [true, true, true, false]);
}

#[test]
fn open_answers_are_listed_per_group_and_hidden_with_their_group() {
    let q = questionnaire(3);
    let all = build_report(&q, &dataset(), &ReportOptions::default());
    assert_eq!(all.open_answers.by, None);
    let texts = &all.open_answers.groups[0].texts;
    assert_eq!(
        texts[0].answers.shown().unwrap(),
        &[
            "Alleen ik",
            "Bereikbaarheid",
            "Fijne samenwerking",
            "Korte lijnen"
        ]
    );

    let options = ReportOptions {
        open_answers_by: Some("org".into()),
    };
    let by_org = build_report(&q, &dataset(), &options);
    assert_eq!(by_org.open_answers.by.as_deref(), Some("org"));
    let groups = &by_org.open_answers.groups;
    assert_eq!(groups.len(), 3);
    // lt 3, gi 3, not answered 1: the whole split is hidden (see the test above).
    assert!(groups.iter().all(|g| g.texts[0].answers.is_suppressed()));
    // With three more lt and gi, lt is hidden to protect "not answered", and "Bereikbaarheid"
    // alone is left of gi's answers.
    let mut data = dataset();
    for i in 0..3u32 {
        for (k, org) in ["lt", "gi"].into_iter().enumerate() {
            data.push(response(
                20 + 2 * i + k as u32,
                Status::Complete,
                1,
                json!({"org": org, "score": 7}),
            ));
        }
    }
    let by_org = build_report(&q, &data, &options);
    let groups = &by_org.open_answers.groups;
    assert_eq!(
        groups.iter().map(|g| g.hidden).collect::<Vec<_>>(),
        [
            Some(Hidden::ProtectsSmallGroup),
            None,
            Some(Hidden::TooSmall)
        ]
    );
    assert!(groups[0].texts[0].answers.is_suppressed(), "lt is hidden");
    assert_eq!(
        groups[1].texts[0].answers.shown().unwrap(),
        &["Bereikbaarheid"]
    );
    assert!(
        groups[2].texts[0].answers.is_suppressed(),
        "not answered is hidden"
    );
    // Everyone answered the split's question: no empty "not answered" group is listed.
    data.retain(|r| r.answers.contains_key("org"));
    let by_org = build_report(&q, &data, &options);
    let keys: Vec<_> = by_org
        .open_answers
        .groups
        .iter()
        .map(|g| g.key.clone())
        .collect();
    assert_eq!(
        keys,
        [GroupKey::Option("lt".into()), GroupKey::Option("gi".into())]
    );
}

#[test]
fn a_dataset_below_the_minimum_shows_no_figures() {
    let q = questionnaire(3);
    let two: Vec<Response> = dataset().into_iter().take(2).collect();
    let report = build_report(&q, &two, &ReportOptions::default());
    assert!(report.is_below_minimum());
    assert_eq!(report.n, Cell::Suppressed);
    assert!(report.grade.as_ref().unwrap().stats.is_suppressed());
    assert!(report.factors[0].scores.is_suppressed() && report.factors[0].alpha.is_suppressed());
    for g in &report.split("org").unwrap().groups {
        assert!(g.n.is_suppressed() && g.share.is_suppressed() && g.grade_mean.is_suppressed());
    }
    assert!(report.open_answers.groups[0].texts[0]
        .answers
        .is_suppressed());
    // No responses at all is not small: it is zero, shown as such, with nothing to hide.
    let empty = build_report(&q, &[], &ReportOptions::default());
    assert_eq!(empty.n, Cell::Shown(0));
    assert_eq!(empty.grade.unwrap().stats, Cell::Empty);
    assert_eq!(empty.splits[0].groups[0].n, Cell::Shown(0));
}

#[test]
fn a_copy_of_the_built_in_definition_cannot_lower_its_smallest_group() {
    // A file may carry its own definition under the built-in id and version (the design's
    // examples do); one that set min_group_size 2 showed a group of 2 in every report.
    let mut definition: Value =
        serde_json::from_str(samenscan::domain::questionnaire::BUILTIN_JSON).unwrap();
    definition["min_group_size"] = json!(2);
    let lowered = Questionnaire::from_json(&definition.to_string()).unwrap();
    assert_eq!(lowered.min_group_size(), 5);
    let data: Vec<Response> = (0..8)
        .map(|n| {
            let mut r = response(
                n,
                Status::Complete,
                1,
                json!({"org": if n < 2 { "veilig_thuis" } else { "lokaal_team" }, "team": "epe",
                       "frequency": "wekelijks", "grade": 7 + n % 3, "phase": "opbouw"}),
            );
            r.questionnaire = lowered.reference();
            r
        })
        .collect();
    let report = build_report(&lowered, &data, &ReportOptions::default());
    assert_eq!(report.min_group_size, 5);
    let vt = report
        .split("org")
        .unwrap()
        .groups
        .iter()
        .find(|g| g.key == GroupKey::Option("veilig_thuis".into()))
        .unwrap()
        .clone();
    assert!(vt.grade_mean.is_suppressed(), "{vt:?}");
    // Another questionnaire keeps the smallest group it sets.
    assert_eq!(questionnaire(2).min_group_size(), 2);
}

#[test]
fn two_groups_compared_factor_by_factor() {
    let q = questionnaire(2);
    // Without response 7 everyone answered org: lt 3, gi 3, not answered 0 → nothing hidden.
    let data: Vec<Response> = dataset()
        .into_iter()
        .filter(|r| !r.id.ends_with("07"))
        .collect();
    let report = build_report(&q, &data, &ReportOptions::default());
    let c = report
        .compare_groups(
            "org",
            &GroupKey::Option("lt".into()),
            &GroupKey::Option("gi".into()),
        )
        .unwrap();
    // lt grades (8+7+9)/3 = 8; gi (6+7+8)/3 = 7; gi − lt = −1.
    assert_eq!(
        (c.grade_mean.a.clone(), c.grade_mean.b.clone()),
        (Cell::Shown(8.0), Cell::Shown(7.0))
    );
    assert_eq!(c.grade_mean.change, Cell::Shown(-1.0));
    // Factor: lt (4+2.5+5)/3 = 11.5/3; gi (2+4)/2 = 3; change 3 − 11.5/3.
    let f = &c.factors[0];
    assert_eq!(f.factor_id, "f");
    assert!(close(*f.mean.change.shown().unwrap(), 3.0 - 11.5 / 3.0));
    assert_eq!(c.n.change, Cell::Shown(0.0));
    // The not-answered group is empty: shown as 0, its figures empty, so no difference.
    let with_na = report
        .compare_groups(
            "org",
            &GroupKey::Option("lt".into()),
            &GroupKey::NotAnswered,
        )
        .unwrap();
    assert_eq!(with_na.grade_mean.change, Cell::Empty);
    assert!(report
        .compare_groups(
            "org",
            &GroupKey::Option("zz".into()),
            &GroupKey::NotAnswered
        )
        .is_none());
}

#[test]
fn two_rounds_side_by_side_with_the_change() {
    let q = questionnaire(3);
    let round_a: Vec<Response> = dataset().into_iter().take(6).collect();
    let a = build_report(&q, &round_a, &ReportOptions::default());
    let b = build_report(&q, &dataset(), &ReportOptions::default());
    let cmp = compare_rounds(&a, &b);
    assert_eq!(cmp.n.change, Cell::Shown(1.0)); // 7 − 6
                                                // Round a: grades 8,7,9,6,7,8 → 45/6 = 7.5; round b: 55/7.
    assert_eq!(cmp.grade_mean.a, Cell::Shown(7.5));
    assert!(close(
        *cmp.grade_mean.change.shown().unwrap(),
        55.0 / 7.0 - 7.5
    ));
    // The grade's median, sd and interval are each round's own.
    let summary = |r: &samenscan::domain::Report| match &r.grade.as_ref().unwrap().stats {
        Cell::Shown(g) => g.summary,
        other => panic!("grade shown: {other:?}"),
    };
    let (sa, sb) = (summary(&a), summary(&b));
    assert_eq!(cmp.grade_spread.median.a, Cell::Shown(sa.median.unwrap()));
    assert_eq!(cmp.grade_spread.median.b, Cell::Shown(sb.median.unwrap()));
    assert_eq!(cmp.grade_spread.sd.a, Cell::Shown(sa.sd.unwrap()));
    assert_eq!(
        cmp.grade_spread.ci95,
        [Cell::Shown(sa.ci95.unwrap()), Cell::Shown(sb.ci95.unwrap())]
    );
    assert_eq!(sa.median, Some(7.5)); // 6 7 7 8 8 9

    // And so is the distribution: round a's grades 6 7 7 8 8 9 counted over the grade's range.
    let Cell::Shown(dist_a) = &cmp.grade_spread.distribution[0] else {
        panic!(
            "distribution of round a: {:?}",
            cmp.grade_spread.distribution[0]
        );
    };
    let counted: Vec<(i64, usize)> = dist_a
        .iter()
        .filter(|v| v.count > 0)
        .map(|v| (v.value, v.count))
        .collect();
    assert_eq!(counted, [(6, 1), (7, 2), (8, 2), (9, 1)]);
    assert_eq!(dist_a.first().map(|v| v.value), Some(1));
    assert_eq!(dist_a.last().map(|v| v.value), Some(10));
    let Cell::Shown(dist_b) = &cmp.grade_spread.distribution[1] else {
        panic!("distribution of round b shown");
    };
    assert_eq!(dist_b.iter().map(|v| v.count).sum::<usize>(), 7);
    // Factor: a: 4, 2.5, 5, 2, 4 → 17.5/5 = 3.5; b: 3.75 → +0.25.
    assert!(close(*cmp.factors[0].mean.change.shown().unwrap(), 0.25));
    // In round a nobody skipped org (lt 3, gi 3, all shown); in round b the org split is
    // hidden as a whole (see labels_that_would_give_sizes_away_hide_the_whole_split), so the
    // changes are hidden too.
    let org = &cmp.splits[0];
    assert_eq!(org.groups[0].key, GroupKey::Option("lt".into()));
    assert_eq!(org.groups[0].grade_mean.a, Cell::Shown(8.0));
    assert_eq!(org.groups[0].grade_mean.change, Cell::Suppressed);
    assert_eq!(org.groups[1].grade_mean.a, Cell::Shown(7.0));
    assert_eq!(org.groups[1].grade_mean.change, Cell::Suppressed);
}

#[test]
fn a_round_on_a_later_version_is_reported_against_that_version() {
    use samenscan::domain::report::round_reference;
    let v1 = questionnaire(3);
    // Version 2 renames the grade item: its figures are still found by kind.
    let v2 = Questionnaire::from_json(
        &v1.to_json()
            .replacen("\"version\": 1", "\"version\": 2", 1)
            .replacen("\"score\"", "\"cijfer\"", 1),
    )
    .unwrap();
    let pilot: Vec<Response> = dataset().into_iter().take(6).collect();
    let later: Vec<Response> = (0..4)
        .map(|i| {
            response(
                20 + i,
                Status::Complete,
                2,
                json!({"org": "gi", "cijfer": 9, "x1": 5, "x2": 1}),
            )
        })
        .collect();
    let chosen = v1.reference();
    assert_eq!(round_reference(&chosen, &pilot), chosen);
    assert_eq!(round_reference(&chosen, &later), v2.reference());
    // A round is reported on the version most of it uses: one stray response of the chosen
    // version does not turn four of version 2 into a round of one.
    let mixed: Vec<Response> = later.iter().chain(&pilot[..1]).cloned().collect();
    assert_eq!(round_reference(&chosen, &mixed), v2.reference());
    let mostly_v1: Vec<Response> = pilot.iter().chain(&later[..1]).cloned().collect();
    assert_eq!(round_reference(&chosen, &mostly_v1), chosen);
    // On a tie the chosen version.
    let tie: Vec<Response> = pilot[..4].iter().chain(&later).cloned().collect();
    assert_eq!(round_reference(&chosen, &tie), chosen);
    // A round with nothing of this questionnaire keeps the chosen one (its report is empty).
    assert_eq!(round_reference(&chosen, &[]), chosen);

    let a = build_report(&v1, &pilot, &ReportOptions::default());
    let b = build_report(&v2, &later, &ReportOptions::default());
    let cmp = compare_rounds(&a, &b);
    assert_eq!(cmp.n.b, Cell::Shown(4.0));
    // Pilot grades 8,7,9,6,7,8 → 7.5; later 9 → +1.5.
    assert_eq!(cmp.grade_mean.change, Cell::Shown(1.5));
    // Factor: pilot 3.5 (see two_rounds_side_by_side_with_the_change), later (5 + 5)/2 = 5.
    assert!(close(*cmp.factors[0].mean.change.shown().unwrap(), 1.5));
}

/// Rounds `a` and `b` of `all`, compared and protected against the full report on `q` as the
/// rounds screen does.
fn protected_rounds(
    q: &Questionnaire,
    all: &[Response],
    a: &[Response],
    b: &[Response],
) -> samenscan::domain::report::RoundComparison {
    use samenscan::domain::report::{protect_round, Side};
    let options = ReportOptions::default();
    let refs: Vec<&Response> = all.iter().collect();
    let main = build_report(q, all, &options);
    let mut cmp = compare_rounds(&build_report(q, a, &options), &build_report(q, b, &options));
    protect_round(&mut cmp, Side::A, q, &main, a, Some(b), &refs);
    protect_round(&mut cmp, Side::B, q, &main, b, Some(a), &refs);
    samenscan::domain::report::hide_columns_hidden_in_either_round(&mut cmp);
    cmp
}

/// Rounds by period beside the full report (design §4: no hidden figure can be worked out).
/// October: one local-team response (grade 2) and five GI ones; November: five local-team ones.
/// The full report shows the local team (6); November shows it (5): their difference would be
/// October's single local-team response, so November's local-team figures are hidden too.
#[test]
fn a_round_beside_the_full_report_never_gives_a_small_group_away() {
    let q = questionnaire(3);
    let at = |mut r: Response, month: &str| {
        r.updated_at = format!("2026-{month}-15T10:00:00Z");
        r
    };
    let mut october = vec![at(
        response(
            1,
            Status::Complete,
            1,
            json!({"org": "lt", "score": 2, "x1": 1, "x2": 5}),
        ),
        "10",
    )];
    october.extend((2..7).map(|n| {
        at(
            response(
                n,
                Status::Complete,
                1,
                json!({"org": "gi", "score": 6, "x1": 3, "x2": 3}),
            ),
            "10",
        )
    }));
    let november: Vec<Response> = (7..12)
        .map(|n| {
            at(
                response(
                    n,
                    Status::Complete,
                    1,
                    json!({"org": "lt", "score": 8, "x1": 4, "x2": 2}),
                ),
                "11",
            )
        })
        .collect();
    let all: Vec<Response> = october.iter().chain(&november).cloned().collect();
    let options = ReportOptions::default();
    let main = build_report(&q, &all, &options);
    let lt = GroupKey::Option("lt".into());
    assert_eq!(
        main.split("org").unwrap().group(&lt).unwrap().n,
        Cell::Shown(6)
    );

    let cmp = protected_rounds(&q, &all, &october, &november);
    // Overall each part holds at least 3: shown.
    assert_eq!(cmp.n.a, Cell::Shown(6.0));
    assert_eq!(cmp.n.b, Cell::Shown(5.0));
    let org = &cmp.splits[0];
    let lt_change = org.groups.iter().find(|g| g.key == lt).unwrap();
    // Unprotected, November would show the local team's 5 and their grade 8 (see below).
    assert_eq!(lt_change.n.b, Cell::Suppressed);
    assert_eq!(lt_change.grade_mean.b, Cell::Suppressed);
    assert_eq!(lt_change.grade_mean.change, Cell::Suppressed);
    assert!(lt_change
        .factors
        .iter()
        .all(|f| f.mean.b == Cell::Suppressed));
    // November has no GI response: "–" there would say so, and with the full report give
    // October's GI figures and so, from October's total, its one local-team response.
    let gi = GroupKey::Option("gi".into());
    let gi_change = org.groups.iter().find(|g| g.key == gi).unwrap();
    assert_eq!(gi_change.grade_mean.b, Cell::Suppressed);
    assert_eq!(gi_change.n.b, Cell::Suppressed);
    let unprotected = compare_rounds(
        &build_report(&q, &october, &options),
        &build_report(&q, &november, &options),
    );
    let lt_raw = unprotected.splits[0]
        .groups
        .iter()
        .find(|g| g.key == lt)
        .unwrap();
    assert_eq!(lt_raw.grade_mean.b, Cell::Shown(8.0));

    // One more local-team response in October (two there now, still below 3) in the full data
    // changes nothing; with three in October every part holds 0 or at least 3 and all shows.
    let mut october3 = october.clone();
    for n in 12..14 {
        october3.push(at(
            response(
                n,
                Status::Complete,
                1,
                json!({"org": "lt", "score": 5, "x1": 2, "x2": 4}),
            ),
            "10",
        ));
    }
    let all3: Vec<Response> = october3.iter().chain(&november).cloned().collect();
    let cmp3 = protected_rounds(&q, &all3, &october3, &november);
    let lt3 = cmp3.splits[0].groups.iter().find(|g| g.key == lt).unwrap();
    assert_eq!(lt3.n.a, Cell::Shown(3.0));
    assert_eq!(lt3.grade_mean.b, Cell::Shown(8.0));

    // A rest outside both rounds that is small gives itself away through the totals: one
    // response from September hides the overall figures of the rounds.
    let september = at(
        response(20, Status::Complete, 1, json!({"org": "gi", "score": 1})),
        "09",
    );
    let all4: Vec<Response> = all3.iter().cloned().chain([september]).collect();
    let cmp4 = protected_rounds(&q, &all4, &october3, &november);
    assert_eq!(cmp4.n.a, Cell::Suppressed);
    assert_eq!(cmp4.grade_mean.b, Cell::Suppressed);
    // The rest of the grade's figures go with its mean: a median or an interval would give it
    // away as well as the mean would.
    for side in 0..2 {
        assert_eq!(cmp4.grade_spread.ci95[side], Cell::Suppressed);
        assert_eq!(cmp4.grade_spread.distribution[side], Cell::Suppressed);
    }
    assert_eq!(cmp4.grade_spread.median.a, Cell::Suppressed);
    assert_eq!(cmp4.grade_spread.sd.b, Cell::Suppressed);
    assert_eq!(cmp4.grade_spread.median.change, Cell::Suppressed);
    // Where the mean is shown, so are they.
    assert!(matches!(cmp3.grade_spread.median.a, Cell::Shown(_)));
    assert!(matches!(cmp3.grade_spread.ci95[1], Cell::Shown(_)));
    assert!(matches!(cmp3.grade_spread.distribution[0], Cell::Shown(_)));
}

/// A split the full report hides anything of is not shown in the rounds: its counts would say
/// which groups a round holds (November = exactly Apeldoorn, whose grade the full report hides
/// to protect Lochem's single grade), and the round's grade would then be Apeldoorn's.
#[test]
fn a_split_with_hidden_groups_in_the_full_report_is_not_split_in_the_rounds() {
    let q = samenscan::domain::builtin();
    let make = |n: u32, team: &str, month: &str, answers: Value| {
        let mut r = response(n, Status::Complete, 1, answers);
        r.questionnaire = q.reference();
        r.updated_at = format!("2026-{month}-15T10:00:00Z");
        let mut a = serde_json::to_value(&r.answers).unwrap();
        a["team"] = json!(team);
        a["org"] = json!("gi");
        r.answers = serde_json::from_value(a).unwrap();
        r
    };
    let weekly = |grade: i64| json!({"frequency": "wekelijks", "grade": grade, "phase": "opbouw"});
    let mut october: Vec<Response> = (0..10)
        .map(|n| make(n, "zutphen", "10", weekly(8)))
        .collect();
    october.push(make(10, "lochem", "10", weekly(3)));
    october.extend((11..15).map(|n| make(n, "lochem", "10", json!({"frequency": "nooit"}))));
    let november: Vec<Response> = (20..30)
        .map(|n| make(n, "apeldoorn", "11", weekly(7)))
        .collect();
    let all: Vec<Response> = october.iter().chain(&november).cloned().collect();
    let options = ReportOptions::default();
    let main = build_report(q, &all, &options);
    let lochem = GroupKey::Option("lochem".into());
    assert_eq!(
        main.split("team")
            .unwrap()
            .group(&lochem)
            .unwrap()
            .grade_mean,
        Cell::Suppressed
    );
    let cmp = protected_rounds(q, &all, &october, &november);
    let team = cmp.splits.iter().find(|s| s.item_id == "team").unwrap();
    for g in &team.groups {
        assert_eq!(
            (&g.n.a, &g.n.b),
            (&Cell::Suppressed, &Cell::Suppressed),
            "{:?}",
            g.key
        );
        assert_eq!(g.grade_mean.b, Cell::Suppressed, "{:?}", g.key);
    }
    // The frequency split hides "nooit" (4) in the full report: not split in the rounds either.
    let frequency = cmp
        .splits
        .iter()
        .find(|s| s.item_id == "frequency")
        .unwrap();
    assert!(frequency.groups.iter().all(|g| g.n.b == Cell::Suppressed));
    // The organisation split is whole in the full report: shown, with its counts.
    let org = cmp.splits.iter().find(|s| s.item_id == "org").unwrap();
    let gi = org
        .groups
        .iter()
        .find(|g| g.key == GroupKey::Option("gi".into()))
        .unwrap();
    assert_eq!((&gi.n.a, &gi.n.b), (&Cell::Shown(15.0), &Cell::Shown(10.0)));
}

#[test]
fn figures_follow_kinds_not_ids_for_the_builtin_too() {
    // A response to the built-in questionnaire scores through the same code: the grade item
    // is found by its kind, the splits by group_by.
    let q = samenscan::domain::builtin();
    let mut data = Vec::new();
    for i in 0..5u32 {
        let mut r = response(
            i,
            Status::Complete,
            1,
            json!({"org": "gi", "team": "epe",
            "frequency": "wekelijks", "grade": 6 + i, "phase": "opbouw", "kennen_1": 4, "kennen_3": 2}),
        );
        r.questionnaire = q.reference();
        data.push(r);
    }
    let report = build_report(q, &data, &ReportOptions::default());
    // Grades 6..=10 → mean 8. kennen: (4 + (6−2))/2 = 4 for each (2 of 3 items answered).
    assert_eq!(report.grade_mean(), Cell::Shown(8.0));
    assert_eq!(report.factors[0].scores.shown().unwrap().mean, Some(4.0));
    let splits: Vec<&str> = report.splits.iter().map(|s| s.item_id.as_str()).collect();
    assert_eq!(splits, ["org", "team", "frequency", "phase"]);
    assert_eq!(
        report
            .split("team")
            .unwrap()
            .group(&GroupKey::Option("epe".into()))
            .unwrap()
            .n,
        Cell::Shown(5)
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// The invariant of design §4 on one column: among hidden groups that have responses, none,
    /// or at least two holding at least `min` together, or every group with responses hidden.
    fn check_column(counts: &[usize], hidden: &[bool], min: usize) -> Result<(), TestCaseError> {
        let nz_hidden: Vec<usize> = (0..counts.len())
            .filter(|&i| hidden[i] && counts[i] > 0)
            .collect();
        let sum: usize = nz_hidden.iter().map(|&i| counts[i]).sum();
        let all_nz_hidden = (0..counts.len()).all(|i| counts[i] == 0 || hidden[i]);
        prop_assert!(
            nz_hidden.is_empty() || (nz_hidden.len() >= 2 && sum >= min) || all_nz_hidden,
            "counts {:?} hidden {:?}",
            counts,
            hidden
        );
        // Every small group with responses is hidden.
        for i in 0..counts.len() {
            if counts[i] > 0 && counts[i] < min {
                prop_assert!(hidden[i]);
            }
        }
        Ok(())
    }

    proptest! {
        // The suppression rule itself is attacked over random splits in domain_suppression.rs.

        #[test]
        fn statistics_do_not_depend_on_order(
            values in prop::collection::vec(1.0f64..10.0, 0..40).prop_shuffle(),
        ) {
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let a = statistics::summarize(&values);
            let b = statistics::summarize(&sorted);
            prop_assert_eq!(a.n, b.n);
            prop_assert_eq!(a.median, b.median);
            let near = |x: Option<f64>, y: Option<f64>| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * (1.0 + x.abs()),
                (None, None) => true,
                _ => false,
            };
            prop_assert!(near(a.mean, b.mean) && near(a.sd, b.sd));
            prop_assert!(near(a.ci95.map(|c| c.low), b.ci95.map(|c| c.low)));
        }

        #[test]
        fn the_median_is_the_middle_of_the_sorted_values(
            values in prop::collection::vec(
                prop_oneof![(1i64..=10).prop_map(|x| x as f64), -1e6f64..1e6],
                1..300,
            ),
        ) {
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let mid = sorted.len() / 2;
            let expected = if sorted.len() % 2 == 1 {
                sorted[mid]
            } else {
                (sorted[mid - 1] + sorted[mid]) / 2.0
            };
            prop_assert_eq!(statistics::median(&values), Some(expected));
        }

        #[test]
        fn alpha_is_at_most_one_and_finite(
            rows in prop::collection::vec(prop::collection::vec(1u8..=5, 3), 0..30),
        ) {
            let rows: Vec<Vec<f64>> = rows.iter().map(|r| r.iter().map(|&x| f64::from(x)).collect()).collect();
            let a = statistics::cronbach_alpha(&rows);
            if let Some(alpha) = a.alpha {
                // A last-bit rounding excess over 1 is tolerated; anything more is a bug.
                prop_assert!(alpha.is_finite() && alpha <= 1.0 + 1e-12, "{}", alpha);
            }
            prop_assert_eq!(a.n, rows.len());
        }

        /// The open answers by another split, computed on their own from the report's index
        /// and suppression, are exactly those of a whole report built with that split: the same
        /// groups, answers and hiding. Drafts and other versions do not count in either.
        #[test]
        fn open_answers_by_another_split_equal_a_whole_report(
            people in prop::collection::vec(
                (prop::option::weighted(0.8, 0usize..2), prop::option::of(0usize..4), 0u8..10),
                0..40,
            ),
            min in 2usize..6,
        ) {
            let q = questionnaire(min);
            let orgs = ["lt", "gi"];
            let texts = ["Korte lijnen", "  ", "Bereikbaarheid", "Fijne samenwerking"];
            let data: Vec<Response> = people.iter().enumerate().map(|(i, (org, text, kind))| {
                let mut a = serde_json::Map::new();
                if let Some(o) = org { a.insert("org".into(), json!(orgs[*o])); }
                a.insert("score".into(), json!(7));
                if let Some(t) = text { a.insert("sterk".into(), json!(texts[*t])); }
                let (status, version) = match kind {
                    0 => (Status::Draft, 1),
                    1 => (Status::Complete, 2),
                    _ => (Status::Complete, 1),
                };
                response(i as u32, status, version, Value::Object(a))
            }).collect();
            let by_none = build_report(&q, &data, &ReportOptions::default());
            let by_org = build_report(&q, &data, &ReportOptions { open_answers_by: Some("org".into()) });
            prop_assert_eq!(&open_answers_by(&q, &by_none, Some("org")), &*by_org.open_answers);
            prop_assert_eq!(&open_answers_by(&q, &by_org, None), &*by_none.open_answers);
            prop_assert_eq!(&open_answers_by(&q, &by_org, Some("no-such-item")), &*by_none.open_answers);
            // And against the responses themselves: every group that is shown lists non-blank
            // answers of its own counted responses, sorted, and with the answers listed under
            // no group they are every counted answer, each once.
            let counted: Vec<(Option<usize>, Option<usize>)> = people
                .iter()
                .filter(|(_, _, kind)| *kind >= 2)
                .map(|(org, text, _)| (*org, text.filter(|t| !texts[*t].trim().is_empty())))
                .collect();
            let answers_of = |in_group: &dyn Fn(&Option<usize>) -> bool| -> Vec<String> {
                let mut found: Vec<String> = counted
                    .iter()
                    .filter(|(org, _)| in_group(org))
                    .filter_map(|(_, t)| t.map(|t| texts[t].to_string()))
                    .collect();
                found.sort();
                found
            };
            let all_counted = answers_of(&|_| true);
            let mut listed: Vec<String> = Vec::new();
            for (g, group) in by_org.open_answers.groups.iter().enumerate() {
                if let Cell::Shown(answers) = &group.texts[0].answers {
                    let in_group = |org: &Option<usize>| if g < 2 { *org == Some(g) } else { org.is_none() };
                    let mut own = answers_of(&in_group);
                    for a in answers {
                        let at = own.iter().position(|x| x == a);
                        prop_assert!(at.is_some(), "{a:?} is not an answer of group {g}");
                        own.remove(at.unwrap());
                    }
                    prop_assert!(answers.windows(2).all(|w| w[0] <= w[1]));
                    listed.extend(answers.iter().cloned());
                }
            }
            match &by_org.open_answers.untied[0].answers {
                Cell::Shown(apart) => listed.extend(apart.iter().cloned()),
                _ => prop_assert!(by_org.n.is_suppressed()),
            }
            if !by_org.n.is_suppressed() {
                listed.sort();
                prop_assert_eq!(listed, all_counted);
            }
        }

        /// Whole reports over random data: groups and figures are right where shown, and every
        /// column of every split keeps the suppression invariant.
        #[test]
        fn reports_suppress_consistently_and_ignore_order(
            people in prop::collection::vec(
                (prop::option::weighted(0.9, 0usize..2), 1i64..=10, prop::option::of(1i64..=5)),
                0..40,
            ),
            min in 2usize..7,
            seed in any::<u64>(),
        ) {
            let q = questionnaire(min);
            let orgs = ["lt", "gi"];
            let data: Vec<Response> = people.iter().enumerate().map(|(i, (org, grade, x1))| {
                let mut a = serde_json::Map::new();
                if let Some(o) = org { a.insert("org".into(), json!(orgs[*o])); }
                a.insert("score".into(), json!(grade));
                if let Some(x) = x1 { a.insert("x1".into(), json!(x)); }
                response(i as u32, Status::Complete, 1, Value::Object(a))
            }).collect();
            let report = build_report(&q, &data, &ReportOptions::default());

            // The same report for the same responses in another order.
            let mut shuffled = data.clone();
            let len = shuffled.len();
            if len > 1 {
                let mut s = seed;
                for i in (1..len).rev() {
                    s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    shuffled.swap(i, (s >> 33) as usize % (i + 1));
                }
            }
            let again = build_report(&q, &shuffled, &ReportOptions::default());
            prop_assert!(same_figures(&report, &again));

            let total = data.len();
            let split = report.split("org").unwrap();
            // True counts and grade sums per group: lt, gi, not answered.
            let key = |p: &(Option<usize>, i64, Option<i64>)| p.0.unwrap_or(2);
            let mut counts = [0usize; 3];
            let mut sums = [0i64; 3];
            for p in &people { counts[key(p)] += 1; sums[key(p)] += p.1; }
            let hidden: Vec<bool> = split.groups.iter().map(|g| g.n.is_suppressed()).collect();
            if total > 0 && total < min {
                prop_assert!(hidden.iter().all(|&h| h));
                prop_assert!(report.grade_mean().is_suppressed());
                return Ok(());
            }
            check_column(&counts, &hidden, min)?;
            let total_sum: i64 = sums.iter().sum();
            let shown_sum: i64 = (0..3).filter(|&g| !hidden[g]).map(|g| sums[g]).sum();
            for g in 0..3 {
                match &split.groups[g].n {
                    Cell::Shown(n) => prop_assert_eq!(*n, counts[g]),
                    _ => {
                        // Grades are ≥ 1, so a hidden group with responses has a positive sum
                        // and the rest of the hidden groups too: the remainder is never its own.
                        prop_assert!(total_sum - shown_sum != sums[g] || counts[g] == 0);
                    }
                }
                if let Cell::Shown(m) = &split.groups[g].grade_mean {
                    prop_assert!((m.mean - sums[g] as f64 / counts[g] as f64).abs() < 1e-9);
                }
            }
            // The factor column (x1 only; x2 never answered so 1 of 2 items is half).
            let f_counts: Vec<usize> = (0..3)
                .map(|g| people.iter().filter(|p| key(p) == g && p.2.is_some()).count())
                .collect();
            let f_hidden: Vec<bool> = split.groups.iter().map(|g| g.factor_means[0].is_suppressed()).collect();
            check_column(&f_counts, &f_hidden, min)?;
        }
    }

    /// Compares two reports figure by figure, allowing for rounding in the last bits of sums.
    fn same_figures(a: &Report, b: &Report) -> bool {
        fn near(x: f64, y: f64) -> bool {
            (x - y).abs() <= 1e-9 * (1.0 + x.abs())
        }
        fn cells(a: &Cell<Mean>, b: &Cell<Mean>) -> bool {
            match (a, b) {
                (Cell::Shown(x), Cell::Shown(y)) => x.n == y.n && near(x.mean, y.mean),
                (Cell::Empty, Cell::Empty) | (Cell::Suppressed, Cell::Suppressed) => true,
                _ => false,
            }
        }
        let means = |r: &Report| {
            r.factors
                .iter()
                .map(|f| f.scores.map(|s| s.mean))
                .collect::<Vec<_>>()
        };
        let factor_ok = means(a).iter().zip(means(b)).all(|(x, y)| match (x, y) {
            (Cell::Shown(Some(x)), Cell::Shown(Some(y))) => near(*x, y),
            (x, y) => {
                x.is_suppressed() == y.is_suppressed() && x.shown().is_none() == y.shown().is_none()
            }
        });
        let grade_ok = match (
            &a.grade.as_ref().unwrap().stats,
            &b.grade.as_ref().unwrap().stats,
        ) {
            (Cell::Shown(x), Cell::Shown(y)) => {
                let opt = |p: Option<f64>, q: Option<f64>| match (p, q) {
                    (Some(p), Some(q)) => near(p, q),
                    (p, q) => p.is_none() && q.is_none(),
                };
                x.distribution == y.distribution
                    && x.summary.median == y.summary.median
                    && opt(x.summary.mean, y.summary.mean)
                    && opt(x.summary.sd, y.summary.sd)
                    && opt(
                        x.summary.ci95.map(|c| c.high),
                        y.summary.ci95.map(|c| c.high),
                    )
            }
            (x, y) => x == y,
        };
        a.n == b.n
            && grade_ok
            && factor_ok
            && a.open_answers == b.open_answers
            && a.splits.iter().zip(&b.splits).all(|(s, t)| {
                s.groups.iter().zip(&t.groups).all(|(g, h)| {
                    g.n == h.n
                        && cells(&g.grade_mean, &h.grade_mean)
                        && g.factor_means
                            .iter()
                            .zip(&h.factor_means)
                            .all(|(x, y)| cells(x, y))
                })
            })
    }
}

#[test]
fn identical_open_answers_are_counted_once_most_given_first() {
    use samenscan::domain::report::tally_answers;
    let answers: Vec<String> = [
        "Korte lijnen.",
        "Wachtlijsten.",
        " Korte lijnen.",
        "Anders",
        "Korte lijnen.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(
        tally_answers(&answers),
        [
            ("Korte lijnen.".to_string(), 3),
            ("Anders".to_string(), 1),
            ("Wachtlijsten.".to_string(), 1)
        ]
    );
    assert!(tally_answers(&[]).is_empty());
}

/// Two files carried different definitions under one id and version (a facilitator added an
/// option without raising the version): the dataset keeps one, and responses that answered the
/// other's extra option, or a grade outside the kept range, do not fit it. Before, they counted
/// as "not answered" in the split and dropped out of the grade while the total still held them,
/// silently (an acceptance test's find). Now they are left out of every figure and of the CSV,
/// and the report says how many.
#[test]
fn responses_that_do_not_fit_the_kept_definition_are_left_out_and_counted_as_such() {
    use samenscan::domain::csv::{responses_csv, CsvOptions, Separator};
    use samenscan::domain::Lang;
    use Status::*;
    let q = questionnaire(3);
    let mut data = dataset();
    data.push(response(20, Complete, 1, json!({"org": "vt", "score": 9})));
    data.push(response(21, Complete, 1, json!({"org": "lt", "score": 0})));
    data.push(response(
        22,
        Complete,
        1,
        json!({"org": "lt", "score": 7, "nieuw": "x"}),
    ));
    let report = build_report(&q, &data, &ReportOptions::default());
    let before = build_report(&q, &dataset(), &ReportOptions::default());
    assert_eq!(report.ignored.not_fitting, 3);
    assert_eq!(report.n, before.n, "the three are in no figure");
    assert_eq!(report.grade_mean(), before.grade_mean());
    let org = report.split("org").unwrap();
    assert_eq!(org.groups, before.split("org").unwrap().groups);
    let csv = responses_csv(
        &q,
        &data,
        &CsvOptions {
            labels: false,
            separator: Separator::Comma,
            lang: Lang::Nl,
        },
    );
    for id in ["000000000020", "000000000021", "000000000022"] {
        assert!(!csv.contains(id), "{id} in the CSV");
    }
    assert!(csv.contains("000000000001"));
}

/// A round hides a group of its own (here team x, whose figures minus the local team's would
/// expose one response), while the other round and the full report show that column: the full
/// report minus the other round gave the hidden cell back (an acceptance test's find). The
/// column is then hidden in both rounds.
#[test]
fn a_column_hidden_in_one_round_is_hidden_in_both() {
    let q = Questionnaire::from_value(json!({
        "id": "t2", "version": 1, "title": {"nl": "T"}, "min_group_size": 3,
        "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "org", "kind": "choice", "group_by": true, "label": {"nl": "Org"},
             "options": [{"value": "lt", "label": {"nl": "LT"}}, {"value": "gi", "label": {"nl": "GI"}}]},
            {"id": "team", "kind": "choice", "group_by": true, "label": {"nl": "Team"},
             "options": [{"value": "x", "label": {"nl": "X"}}, {"value": "y", "label": {"nl": "Y"}}]},
            {"id": "score", "kind": "grade", "label": {"nl": "Cijfer"}}
        ]}]
    }))
    .unwrap();
    let make = |first: u32, cells: &[(&str, &str, usize)]| -> Vec<Response> {
        let mut out = Vec::new();
        for &(org, team, n) in cells {
            for _ in 0..n {
                let i = first + out.len() as u32;
                let mut r = response(
                    i,
                    Status::Complete,
                    1,
                    json!({"org": org, "team": team, "score": 5 + i % 5}),
                );
                r.questionnaire.id = "t2".into();
                out.push(r);
            }
        }
        out
    };
    let a = make(100, &[("lt", "x", 5), ("lt", "y", 1), ("gi", "y", 5)]);
    let b = make(
        200,
        &[
            ("lt", "x", 4),
            ("lt", "y", 4),
            ("gi", "x", 4),
            ("gi", "y", 4),
        ],
    );
    let all: Vec<Response> = a.iter().chain(&b).cloned().collect();
    let cmp = protected_rounds(&q, &all, &a, &b);
    for split in &cmp.splits {
        for column in [
            |g: &samenscan::domain::report::GroupChange| g.n.clone(),
            |g: &samenscan::domain::report::GroupChange| g.grade_mean.clone(),
        ] {
            let cells: Vec<_> = split.groups.iter().map(column).collect();
            let any_hidden = cells
                .iter()
                .any(|c| c.a.is_suppressed() || c.b.is_suppressed());
            if any_hidden {
                assert!(
                    cells
                        .iter()
                        .all(|c| c.a.is_suppressed() && c.b.is_suppressed()),
                    "{}: {cells:?}",
                    split.item_id
                );
            }
        }
    }
    // Round A did hide something of its own.
    assert!(cmp
        .splits
        .iter()
        .any(|s| s.groups.iter().any(|g| g.n.a.is_suppressed())));
}

/// Design §4: figures follow item kinds. A choice that is no split, a multiple choice and a
/// number get their own figures over all counted responses (an acceptance test found them
/// nowhere in the report), hidden below the minimum.
#[test]
fn other_questions_get_counts_and_means_by_their_kind() {
    let q = Questionnaire::from_json(
        &json!({"id": "t", "version": 1, "title": {"nl": "T"}, "min_group_size": 3,
        "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "org", "kind": "choice", "group_by": true, "label": {"nl": "Org"},
             "options": [{"value": "lt", "label": {"nl": "LT"}}, {"value": "gi", "label": {"nl": "GI"}}]},
            {"id": "vorm", "kind": "choice", "label": {"nl": "Vorm"},
             "options": [{"value": "fysiek", "label": {"nl": "Fysiek"}}, {"value": "online", "label": {"nl": "Online"}}]},
            {"id": "kanalen", "kind": "multi", "label": {"nl": "Kanalen"},
             "options": [{"value": "tel", "label": {"nl": "Telefoon"}}, {"value": "mail", "label": {"nl": "Mail"}}]},
            {"id": "uren", "kind": "number", "label": {"nl": "Uren"}},
            {"id": "zeldzaam", "kind": "number", "label": {"nl": "Zeldzaam"}},
            {"id": "los", "kind": "likert", "label": {"nl": "Een losse stelling"}},
            {"id": "cijfer", "kind": "grade", "label": {"nl": "Cijfer"}},
            {"id": "cijfer_gi", "kind": "grade", "min": 0, "max": 5, "label": {"nl": "Cijfer voor de GI"}}
        ]}]})
        .to_string(),
    )
    .unwrap();
    let answers = [
        json!({"org": "lt", "vorm": "fysiek", "kanalen": ["tel", "mail"], "uren": 2, "zeldzaam": 1, "los": 4, "cijfer": 8, "cijfer_gi": 0}),
        json!({"org": "lt", "vorm": "online", "kanalen": ["tel"], "uren": 4, "los": 2, "cijfer": 6, "cijfer_gi": 5}),
        json!({"org": "gi", "vorm": "fysiek", "kanalen": [], "uren": 9, "los": 5, "cijfer": 7, "cijfer_gi": 4}),
        json!({"org": "gi", "kanalen": ["mail"], "uren": 1, "los": null, "cijfer": 9}),
    ];
    let responses: Vec<Response> = answers
        .into_iter()
        .enumerate()
        .map(|(i, a)| response(i as u32 + 1, Status::Complete, 1, a))
        .collect();
    let report = build_report(&q, &responses, &ReportOptions::default());
    let ids: Vec<&str> = report
        .other_items
        .iter()
        .map(|i| i.item_id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["vorm", "kanalen", "uren", "zeldzaam", "los", "cijfer_gi"],
        "not the split, not the report's grade"
    );
    // Two grade questions: the first is the report's grade, the second one of the other
    // questions with its mean and median on its own scale.
    let grade = report.grade.as_ref().unwrap();
    assert_eq!((grade.item_id.as_str(), grade.max), ("cijfer", 10));
    assert_eq!(report.grade_mean(), Cell::Shown(7.5));
    let gi = report
        .other_items
        .iter()
        .find(|i| i.item_id == "cijfer_gi")
        .unwrap();
    assert_eq!(gi.n, Cell::Shown(3));
    assert_eq!(
        gi.figures,
        Some(ItemCounts::Number {
            mean: 3.0,
            median: 4.0
        })
    );
    // A statement in no theme: its mean and median, "not applicable" left out.
    let los = report
        .other_items
        .iter()
        .find(|i| i.item_id == "los")
        .unwrap();
    assert_eq!(los.n, Cell::Shown(3));
    assert_eq!(
        los.figures,
        Some(ItemCounts::Number {
            mean: 11.0 / 3.0,
            median: 4.0
        })
    );
    let of = |id: &str| report.other_items.iter().find(|i| i.item_id == id).unwrap();
    let counts = |id: &str| match &of(id).figures {
        Some(ItemCounts::Options { counts, .. }) => {
            counts.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>()
        }
        other => panic!("{id}: {other:?}"),
    };
    // An option chosen by 1 to the minimum − 1 is hidden, and with a single choice one more
    // (the total is shown): 2 + 1 of 3.
    assert_eq!(of("vorm").n, Cell::Shown(3));
    assert_eq!(counts("vorm"), [Cell::Suppressed, Cell::Suppressed]);
    // Both counts are small ones ("fysiek" 2, "online" 1): neither only protects the other.
    assert!(matches!(
        of("vorm").figures,
        Some(ItemCounts::Options { protects: None, .. })
    ));
    // An empty list is no answer; options add up to more than n.
    assert_eq!(of("kanalen").n, Cell::Shown(3));
    assert_eq!(counts("kanalen"), [Cell::Suppressed, Cell::Suppressed]);
    assert_eq!(of("uren").n, Cell::Shown(4));
    assert_eq!(
        of("uren").figures,
        Some(ItemCounts::Number {
            mean: 4.0,
            median: 3.0
        })
    );
    // One answer is below the minimum of 3: no figures.
    assert_eq!(of("zeldzaam").n, Cell::Suppressed);
    assert_eq!(of("zeldzaam").figures, None);
    // With enough answers the counts are shown; a multiple choice hides no partner.
    let more: Vec<Response> = (0..8)
        .map(|i| {
            let kanalen = if i < 7 {
                json!(["tel", "mail"])
            } else {
                json!(["mail"])
            };
            let vorm = if i < 5 { "fysiek" } else { "online" };
            response(
                i + 10,
                Status::Complete,
                1,
                json!({"vorm": vorm, "kanalen": kanalen}),
            )
        })
        .collect();
    let report = build_report(&q, &more, &ReportOptions::default());
    let of = |id: &str| report.other_items.iter().find(|i| i.item_id == id).unwrap();
    let counts = |id: &str| match &of(id).figures {
        Some(ItemCounts::Options {
            counts,
            multi,
            protects,
        }) => (
            counts.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>(),
            *multi,
            *protects,
        ),
        other => panic!("{id}: {other:?}"),
    };
    assert_eq!(
        counts("vorm"),
        (vec![Cell::Shown(5), Cell::Shown(3)], false, None)
    );
    assert_eq!(
        counts("kanalen"),
        (vec![Cell::Shown(7), Cell::Shown(8)], true, None)
    );
    // One small count (2 "online") and its partner (6 "fysiek"): the partner is named as such,
    // its count being no small one (an acceptance test saw 9 labelled "fewer than 6").
    let partner: Vec<Response> = (0..8)
        .map(|i| {
            let vorm = if i < 6 { "fysiek" } else { "online" };
            response(i + 30, Status::Complete, 1, json!({"vorm": vorm}))
        })
        .collect();
    let report = build_report(&q, &partner, &ReportOptions::default());
    match &report.other_items[0].figures {
        Some(ItemCounts::Options {
            counts, protects, ..
        }) => {
            assert_eq!(counts[0].1, Cell::Suppressed);
            assert_eq!(counts[1].1, Cell::Suppressed);
            assert_eq!(*protects, Some(0));
        }
        other => panic!("{other:?}"),
    }
    // A question asked only after a split's answer, or one a split item is asked after, has
    // no figures here: its count would be a split group's size.
    let tied = Questionnaire::from_json(
        &json!({"id": "t", "version": 1, "title": {"nl": "T"}, "min_group_size": 3,
        "sections": [{"id": "s", "title": {"nl": "S"}, "items": [
            {"id": "werkt", "kind": "choice", "label": {"nl": "Werkt u samen?"},
             "options": [{"value": "ja", "label": {"nl": "Ja"}}, {"value": "nee", "label": {"nl": "Nee"}}]},
            {"id": "org", "kind": "choice", "group_by": true, "label": {"nl": "Org"},
             "show_if": {"item": "werkt", "in": ["ja"]},
             "options": [{"value": "lt", "label": {"nl": "LT"}}, {"value": "gi", "label": {"nl": "GI"}}]},
            {"id": "uren", "kind": "number", "label": {"nl": "Uren"}, "show_if": {"item": "org", "in": ["gi"]}},
            {"id": "los", "kind": "number", "label": {"nl": "Los"}}
        ]}]})
        .to_string(),
    )
    .unwrap();
    let report = build_report(&tied, &more, &ReportOptions::default());
    let ids: Vec<&str> = report
        .other_items
        .iter()
        .map(|i| i.item_id.as_str())
        .collect();
    assert_eq!(ids, ["los"]);
    // A dataset below the minimum shows none at all.
    let small = build_report(&q, &responses[..2], &ReportOptions::default());
    assert!(small
        .other_items
        .iter()
        .all(|i| i.n == Cell::Suppressed && i.figures.is_none()));
}
