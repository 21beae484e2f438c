//! Samenscan: an offline app in which youth-care and child-protection organisations evaluate
//! their collaboration.
//!
//! The architecture in a paragraph: [`domain`] is plain Rust (questionnaires, validation,
//! scoring, statistics, the report model, the exchange format, merging, privacy checks) with no
//! browser types, no clock and no randomness, so `cargo test` runs it natively. [`browser`] is
//! the only place that touches `web_sys`/`js_sys` (IndexedDB, files, storage, the clock); it
//! converts JavaScript errors into typed errors and decides nothing. [`ui`] holds the Leptos
//! components that connect signals to the domain and to the browser. Dependencies point one way:
//! `domain ← browser ← ui` (enforced by `tests/architecture.rs`).
pub mod browser;
pub mod domain;
pub mod ui;

/// Talc instead of the standard library's dlmalloc on wasm32: importing 1,000 files makes
/// millions of small allocations (JSON objects, answer maps), and dlmalloc's `malloc` alone
/// took ~0.4 s of that import in a profile. Single-threaded wasm only (no atomics in this build);
/// the memory grows geometrically (see [`browser::allocator`]).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: browser::allocator::Allocator = browser::allocator::new();
