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

/// Today on this device, as a calendar date (`2026-11-24`): the local day, not the UTC one (a
/// meeting held this evening in the Netherlands is today's, also after 23:00 UTC).
pub fn today_local() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// A new random UUID v4 from the browser's cryptographic random source. From
/// `crypto.getRandomValues`, which every context has: `crypto.randomUUID` only exists in a
/// secure one, and the app served over plain http from another machine could start nothing.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    match super::crypto::random(16) {
        Ok(random) => bytes.copy_from_slice(&random),
        // Never seen (every browser that runs WebAssembly has getRandomValues), but an id of
        // zeros would make every new record overwrite the last: then Math.random keeps them
        // apart, which is all an id needs.
        Err(_) => bytes
            .iter_mut()
            .for_each(|b| *b = (js_sys::Math::random() * 256.0) as u8),
    }
    crate::domain::response::uuid_v4_from(bytes)
}

/// A moment (RFC 3339) as local date and time for people, e.g. "22 november 2026 om 10:12";
/// the text itself when it is not a moment. The browser's formatter is made once per language
/// (and again when the device's time zone offset changes): `toLocaleString` made one on every
/// call, a few milliseconds each in a log of a thousand files. The last answer is kept too (the
/// files of one import batch share their moment).
pub fn format_local(moment: &str, locale: &str) -> String {
    type Formats = Vec<(String, f64, js_sys::Function)>;
    thread_local! {
        static LAST: std::cell::RefCell<(f64, f64, String, String)> = Default::default();
        static FORMATS: std::cell::RefCell<Formats> = Default::default();
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(moment));
    let time = date.get_time();
    if time.is_nan() {
        return moment.to_string();
    }
    // A formatter keeps the time zone it was made in; the device's current offset tells when
    // that zone changed (a laptop taken abroad, a summer-time switch: made anew once).
    let offset = js_sys::Date::new_0().get_timezone_offset();
    if let Some(hit) = LAST.with_borrow(|(t, o, l, text)| {
        (*t == time && *o == offset && l == locale).then(|| text.clone())
    }) {
        return hit;
    }
    let format = FORMATS.with_borrow_mut(|formats| {
        if let Some((_, _, f)) = formats.iter().find(|(l, o, _)| l == locale && *o == offset) {
            return f.clone();
        }
        formats.retain(|(l, _, _)| l != locale);
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        let locales = js_sys::Array::of1(&locale.into());
        let f = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
        formats.push((locale.to_string(), offset, f.clone()));
        f
    });
    let text = format
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_else(|| String::from(date.to_locale_string(locale, &js_sys::Object::new())));
    LAST.set((time, offset, locale.to_string(), text.clone()));
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
