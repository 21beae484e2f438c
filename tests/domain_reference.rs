//! Agreement with an independent reference. tests/fixtures/reference/expected.json was made by
//! hand with `python3 compute.py` in that folder (Python's `statistics` module for mean, median
//! and sd, SciPy's `t.ppf` for the t quantile, its own implementation of the scoring rules of
//! design §4); see the top of compute.py. The dataset responses.json was made once by
//! make_responses.py there. Plain figures must agree within 1e-9, t-based ones within 1e-6.

use samenscan::domain::report::{build_report, Cell, GroupKey, Hidden, Mean, ReportOptions};
use samenscan::domain::{builtin, Response};
use serde_json::Value;

const RESPONSES: &str = include_str!("fixtures/reference/responses.json");
const EXPECTED: &str = include_str!("fixtures/reference/expected.json");

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn assert_near(actual: Option<f64>, expected: &Value, tol: f64, what: &str) {
    match (actual, num(expected)) {
        (Some(a), Some(e)) => assert!((a - e).abs() <= tol, "{what}: {a} vs expected {e}"),
        (None, None) => {}
        (a, _) => panic!("{what}: {a:?} vs expected {expected}"),
    }
}

fn load() -> (Vec<Response>, Value) {
    let responses: Vec<Response> = serde_json::from_str(RESPONSES).unwrap();
    let expected: Value = serde_json::from_str(EXPECTED).unwrap();
    (responses, expected)
}

#[test]
fn fixture_records_are_valid() {
    let (responses, _) = load();
    assert!(responses.len() >= 40);
    for r in &responses {
        assert_eq!(r.check(), [], "record {}", r.id);
    }
}

#[test]
fn grade_and_factor_figures_match_the_reference() {
    let (responses, expected) = load();
    let report = build_report(builtin(), &responses, &ReportOptions::default());
    assert_eq!(
        report.n,
        Cell::Shown(expected["n"].as_u64().unwrap() as usize)
    );

    let grade = report
        .grade
        .as_ref()
        .unwrap()
        .stats
        .shown()
        .expect("grade shown");
    let e = &expected["grade"];
    assert_eq!(grade.summary.n as u64, e["n"].as_u64().unwrap());
    assert_near(grade.summary.mean, &e["mean"], 1e-9, "grade mean");
    assert_near(grade.summary.median, &e["median"], 1e-9, "grade median");
    assert_near(grade.summary.sd, &e["sd"], 1e-9, "grade sd");
    assert_near(
        grade.summary.ci95.map(|c| c.low),
        &e["ci_low"],
        1e-6,
        "grade ci low",
    );
    assert_near(
        grade.summary.ci95.map(|c| c.high),
        &e["ci_high"],
        1e-6,
        "grade ci high",
    );
    let dist: Vec<u64> = grade.distribution.iter().map(|c| c.count as u64).collect();
    let e_dist: Vec<u64> = e["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(dist, e_dist);

    assert_eq!(
        report.factors.len(),
        expected["factors"].as_object().unwrap().len()
    );
    for f in &report.factors {
        let e = &expected["factors"][&f.factor_id];
        let what = |s: &str| format!("{} {s}", f.factor_id);
        let s = f
            .scores
            .shown()
            .unwrap_or_else(|| panic!("{} shown", f.factor_id));
        assert_eq!(s.n as u64, e["n"].as_u64().unwrap(), "{}", what("n"));
        assert_near(s.mean, &e["mean"], 1e-9, &what("mean"));
        assert_near(s.median, &e["median"], 1e-9, &what("median"));
        assert_near(s.sd, &e["sd"], 1e-9, &what("sd"));
        assert_near(s.ci95.map(|c| c.low), &e["ci_low"], 1e-6, &what("ci low"));
        assert_near(
            s.ci95.map(|c| c.high),
            &e["ci_high"],
            1e-6,
            &what("ci high"),
        );
        match &f.alpha {
            Cell::Shown(a) => {
                assert_eq!(
                    a.n as u64,
                    e["alpha_n"].as_u64().unwrap(),
                    "{}",
                    what("alpha n")
                );
                assert_near(a.alpha, &e["alpha"], 1e-9, &what("alpha"));
            }
            other => {
                // Only a complete-case n below the minimum may hide alpha.
                assert!(
                    e["alpha_n"].as_u64().unwrap() < 5,
                    "{}: {other:?}",
                    what("alpha")
                );
            }
        }
    }
}

/// Every figure the report shows in a split matches the reference, and nothing small is shown.
/// Whether the hidden figures stay hidden (cannot be worked out from what is shown) is checked
/// by an attacker of its own in tests/domain_suppression.rs, not by re-running the app's rule.
#[test]
fn shown_split_figures_match_the_reference() {
    let (responses, expected) = load();
    let report = build_report(builtin(), &responses, &ReportOptions::default());
    let min = report.min_group_size;
    let mut hidden_seen = 0;
    for split in &report.splits {
        let e_groups = expected["splits"][&split.item_id].as_array().unwrap();
        assert_eq!(split.groups.len(), e_groups.len(), "{}", split.item_id);
        for (g, e) in split.groups.iter().zip(e_groups) {
            let key = match &g.key {
                GroupKey::Option(v) => Value::String(v.clone()),
                _ => Value::Null,
            };
            assert_eq!(key, e["key"]);
            let what = format!("{} {}", split.item_id, e["key"]);
            let e_n = e["n"].as_u64().unwrap() as usize;
            // A group is labelled too small exactly when it is.
            assert_eq!(
                g.hidden == Some(Hidden::TooSmall),
                e_n > 0 && e_n < min,
                "{what}"
            );
            match g.hidden {
                None => assert_eq!(g.n, Cell::Shown(e_n), "{what}"),
                Some(h) => {
                    hidden_seen += 1;
                    assert_eq!(g.n, Cell::Suppressed, "{what}");
                    if h == Hidden::ProtectsSmallGroup {
                        assert!(e_n >= min, "{what}: protecting groups are not small");
                    }
                }
            }
            let columns = std::iter::once(("grade".to_string(), &g.grade_mean)).chain(
                report
                    .factors
                    .iter()
                    .map(|f| f.factor_id.clone())
                    .zip(&g.factor_means),
            );
            for (name, cell) in columns {
                let ec = &e[&name];
                let what = format!("{what} {name}");
                match cell {
                    Cell::Shown(Mean { n, mean }) => {
                        assert_eq!(*n as u64, ec["n"].as_u64().unwrap(), "{what}");
                        assert!(*n >= min, "{what}: a figure of {n} responses is shown");
                        assert_near(Some(*mean), &ec["mean"], 1e-9, &what);
                    }
                    Cell::Suppressed => {}
                    Cell::Empty => assert_eq!(ec["n"].as_u64(), Some(0), "{what}"),
                }
            }
        }
    }
    // The fixture has small teams and organisations, so suppression is really exercised.
    assert!(hidden_seen >= 4, "only {hidden_seen} hidden groups");
}
