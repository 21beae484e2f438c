//! The clock and the random source, read only here: the domain never reads time or makes ids
//! itself; they are passed in.

/// Milliseconds since the Unix epoch, as the browser reports them.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The current moment as RFC 3339 UTC with milliseconds, e.g. `2026-11-22T10:00:00.123Z`.
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A new random UUID v4 from the browser's cryptographic random source.
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .expect("crypto.randomUUID is available in every secure context the app runs in")
}

/// A moment (RFC 3339) as local date and time for people, e.g. "22 november 2026 om 10:12";
/// the text itself when it is not a moment. The last answer is kept: the files of one import
/// batch share their moment, and a log of a thousand files asked the browser a thousand times.
pub fn format_local(moment: &str, locale: &str) -> String {
    thread_local! {
        static LAST: std::cell::RefCell<(String, String, String)> = Default::default();
    }
    if let Some(hit) =
        LAST.with_borrow(|(m, l, text)| (m == moment && l == locale).then(|| text.clone()))
    {
        return hit;
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(moment));
    if date.get_time().is_nan() {
        return moment.to_string();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let text = String::from(date.to_locale_string(locale, &options));
    LAST.set((moment.to_string(), locale.to_string(), text.clone()));
    text
}

/// A calendar date (`YYYY-MM-DD`) for people, e.g. "25 januari 2018"; the text itself when it
/// is not a date. Read as that day wherever the reader is (no time zone shifts it).
pub fn format_date(date: &str, locale: &str) -> String {
    if crate::domain::response::parse_date(date).is_none() {
        return date.to_string();
    }
    let moment = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&format!(
        "{date}T12:00:00Z"
    )));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    String::from(moment.to_locale_date_string(locale, &options))
}
