//! The browser edge: the only module that touches `web_sys`/`js_sys`. One small file per Web
//! API; each converts JavaScript errors into typed errors right there and decides nothing — the
//! decisions live in [`crate::domain`], the wiring in [`crate::ui`].
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
pub mod allocator;
pub mod clock;
pub mod crypto;
pub mod dom;
pub mod files;
pub mod idb;
pub mod offline;
pub mod repository;
pub mod settings;
pub mod storage;
pub mod tabs;
