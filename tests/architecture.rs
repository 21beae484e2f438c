//! The architecture, enforced: dependencies point one way, `domain ← browser ← ui`.
//! - `src/domain` is pure: no leptos, web_sys, js_sys, wasm_bindgen, gloo, clock or randomness,
//!   and it uses neither `browser` nor `ui`.
//! - `src/browser` touches the Web APIs but decides nothing and never uses `ui` or leptos.
//! - only `src/browser` names `web_sys` or `js_sys`.
//! - no `regex` crate anywhere (it would swell the wasm build).
//! - no standard-library sort outside `domain::sorting` (one copy of the algorithm in the wasm).

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Every (file, line number, line) in `dir` that mentions one of `forbidden`, outside comments.
fn offences(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found = Vec::new();
    for file in rust_files(&root) {
        let text = fs::read_to_string(&file).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for word in forbidden {
                if code.contains(word) {
                    found.push(format!("{}:{}: `{word}` in {code}", file.display(), i + 1));
                }
            }
        }
    }
    found
}

#[test]
fn domain_is_pure() {
    let found = offences(
        "src/domain",
        &[
            "leptos",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "gloo",
            "crate::browser",
            "crate::ui",
            "SystemTime",
            "Instant::now",
            "rand::",
            "getrandom",
        ],
    );
    assert!(
        found.is_empty(),
        "domain must stay pure:\n{}",
        found.join("\n")
    );
}

#[test]
fn browser_decides_nothing_and_knows_no_ui() {
    let found = offences("src/browser", &["crate::ui", "leptos::"]);
    assert!(
        found.is_empty(),
        "browser must not use the UI:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_browser_touches_web_apis() {
    let found = offences("src/ui", &["web_sys::window", "js_sys::", "gloo_storage"]);
    assert!(
        found.is_empty(),
        "ui must reach Web APIs through browser:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_regex_crate() {
    let manifest =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    assert!(
        !manifest
            .lines()
            .any(|l| l.trim_start().starts_with("regex")),
        "the regex crate swells the wasm build"
    );
}

#[test]
fn sorting_goes_through_one_copy_of_the_algorithm() {
    // The standard sorts are compiled anew per element type and comparison closure (a tenth of
    // the wasm once); `domain::sorting` holds one copy. Its own tests compare with std's sort.
    let found: Vec<String> = offences(
        "src",
        &[".sort(", ".sort_by(", ".sort_by_key(", ".sort_unstable"],
    )
    .into_iter()
    .filter(|o| !o.contains("src/domain/sorting.rs"))
    .collect();
    assert!(
        found.is_empty(),
        "use domain::sorting instead of the standard sorts:\n{}",
        found.join("\n")
    );
}
