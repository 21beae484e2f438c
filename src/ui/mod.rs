//! The Leptos user interface: components that connect signals to the domain and to the browser.
//! Decisions (validation, scoring, merging) belong in [`crate::domain`]; Web APIs are reached
//! only through [`crate::browser`].
pub mod app;
pub mod components;
pub mod coordinator;
pub mod html;
pub mod i18n;
pub mod pages;
pub mod route;
pub mod store;

/// Starts the app: panics go to the console with their message (builds on stable: `trunk serve`,
/// the browser tests; the release build aborts at once instead, see `scripts/build_release.sh`),
/// the service worker is registered, and the app is mounted on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    crate::browser::offline::register_service_worker_in_background();
    // index.html's note for when the app does not start: it has started.
    crate::browser::dom::remove_element("boot-problem");
    leptos::mount::mount_to_body(app::App);
}
