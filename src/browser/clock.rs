//! The clock, read only here: the domain never reads time itself, it is passed in.

/// Milliseconds since the Unix epoch, as the browser reports them.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
