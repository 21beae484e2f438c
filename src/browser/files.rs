//! Files leave the app only when a person saves them: a text file offered as a download. Files
//! come in only when a person picks or drops them: read here as bytes.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file named `name` (the browser's download: the person chooses where it
/// goes, or it lands in their downloads folder). Returns false when the browser refused.
pub fn save_text_file(name: &str, text: &str, mime: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let saved = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    // The download has started from the click; the URL is not needed after this task.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    saved
}

/// The files of a file list (a picker's selection or a drop), in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The whole content of a picked or dropped file. The error is the browser's words (a file
/// removed or changed since it was picked, or unreadable). Reading starts at the call, so several
/// files can be read at once and awaited one by one.
pub fn read_bytes(
    file: &web_sys::File,
) -> impl std::future::Future<Output = Result<Vec<u8>, String>> + 'static {
    let reading = wasm_bindgen_futures::JsFuture::from(file.array_buffer());
    async move {
        let buffer = reading.await.map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.dyn_ref::<web_sys::DomException>().map(|e| e.message()))
                .unwrap_or_else(|| format!("{e:?}"))
        })?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}
