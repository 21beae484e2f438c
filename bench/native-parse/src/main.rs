//! Parses every `*.json` file of a folder with serde_json, several times, and prints the timings
//! as JSON on stdout: the native floor the browser import is compared with.
//!
//!     samenscan-native-parse <folder> [runs]
//!
//! The files are read into memory first; only the parse is timed. Two parses are timed, each
//! over all files per run: into `serde_json::Value` (what the app's `decode` does first) and into
//! a small typed struct of the exchange format (records typed, answers and questionnaires left as
//! `Value`). Each run counts the responses it parsed, so nothing can be optimised away.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::Deserialize;
use serde_json::Value;

#[allow(dead_code)]
#[derive(Deserialize)]
struct Export {
    format: String,
    format_version: u32,
    app_version: String,
    exported_at: String,
    #[serde(default)]
    questionnaires: Vec<Value>,
    #[serde(default)]
    responses: Vec<Response>,
    #[serde(default)]
    meetings: Vec<Value>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct QuestionnaireRef {
    id: String,
    version: u32,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Response {
    id: String,
    questionnaire: QuestionnaireRef,
    revision: u64,
    updated_at: String,
    status: String,
    #[serde(default)]
    answers: BTreeMap<String, Value>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: samenscan-native-parse <folder> [runs]");
    let runs: usize = args.next().map(|r| r.parse().expect("runs: a number")).unwrap_or(5);

    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("read the folder")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let files: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).expect("read a file")).collect();
    let bytes: usize = files.iter().map(Vec::len).sum();

    let mut value_ms = Vec::new();
    let mut typed_ms = Vec::new();
    let mut responses = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let mut n = 0;
        for f in &files {
            let v: Value = serde_json::from_slice(f).expect("valid JSON");
            n += v["responses"].as_array().map_or(0, Vec::len);
        }
        value_ms.push(start.elapsed().as_secs_f64() * 1000.0);
        responses = n;

        let start = Instant::now();
        let mut n = 0;
        for f in &files {
            let e: Export = serde_json::from_slice(f).expect("an exchange file");
            n += e.responses.len();
        }
        typed_ms.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(n, responses, "both parses see the same responses");
    }
    let list = |v: &[f64]| {
        v.iter().map(|x| format!("{x:.3}")).collect::<Vec<_>>().join(",")
    };
    println!(
        "{{\"files\":{},\"bytes\":{},\"responses\":{},\"value_ms\":[{}],\"typed_ms\":[{}]}}",
        files.len(),
        bytes,
        responses,
        list(&value_ms),
        list(&typed_ms)
    );
}
