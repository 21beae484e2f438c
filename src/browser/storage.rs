//! The browser's storage manager: ask for persistent storage, and read how much is used.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How much this site stores and may store, in bytes, and whether the browser promised to keep it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StorageInfo {
    /// Bytes used by this site.
    pub used: Option<f64>,
    /// Bytes this site may use.
    pub quota: Option<f64>,
    /// True when the browser will not delete the data under storage pressure.
    pub persisted: bool,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"storage".into())
        .unwrap_or(false)
        .then(|| navigator.storage())
}

/// The boolean a storage-manager promise resolves to; false when it fails.
async fn resolved_bool(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> bool {
    match promise {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// Asks the browser to keep this site's data even under storage pressure. Returns whether it is
/// persistent now (browsers may say no without asking the person).
pub async fn request_persistence() -> bool {
    match manager() {
        Some(m) => resolved_bool(m.persist()).await,
        None => false,
    }
}

/// Storage used, quota and persistence, as far as the browser tells.
pub async fn info() -> StorageInfo {
    let Some(m) = manager() else {
        return StorageInfo::default();
    };
    let persisted = resolved_bool(m.persisted()).await;
    let estimate = match m.estimate() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .map(|v| v.unchecked_into::<web_sys::StorageEstimate>()),
        Err(_) => None,
    };
    StorageInfo {
        used: estimate.as_ref().and_then(|e| e.get_usage()),
        quota: estimate.as_ref().and_then(|e| e.get_quota()),
        persisted,
    }
}
