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

/// Starts [`register_service_worker`] without waiting for it; the app never depends on it.
pub fn register_service_worker_in_background() {
    wasm_bindgen_futures::spawn_local(async {
        register_service_worker().await;
    });
}
