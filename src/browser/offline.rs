//! Registers the service worker (static/sw.js, completed by scripts/post_build.py) that keeps
//! the app working offline after the first visit.

/// Registers `./sw.js`. Where service workers are unavailable (an `http://` address other than
/// localhost, or a browser setting), the app still works online; registration failure is
/// reported as `false` rather than as an error on the console.
pub async fn register_service_worker() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // `navigator.serviceWorker` is undefined outside a secure context; calling it would throw.
    let has_sw = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has_sw {
        return false;
    }
    let promise = navigator.service_worker().register("./sw.js");
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// How long after start-up the service worker is registered. Registering makes the browser
/// start a worker and fetch every file of the app again to cache it: on a first visit that
/// work competed with drawing the first screen, so it waits until the screen is up.
const REGISTER_AFTER_MS: i32 = 1500;

/// Starts [`register_service_worker`] a moment after start-up, without waiting for it; the app
/// never depends on it.
pub fn register_service_worker_in_background() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let register = wasm_bindgen::closure::Closure::once_into_js(|| {
        wasm_bindgen_futures::spawn_local(async {
            register_service_worker().await;
        });
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        wasm_bindgen::JsCast::unchecked_ref(&register),
        REGISTER_AFTER_MS,
    );
}
