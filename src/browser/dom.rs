//! Small document and location operations the UI needs: the page title, the `<html lang>`
//! attribute, the route fragment, focus, and the quick exit.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The address the browser keeps the app's data under: its origin (`http://127.0.0.1:8080`),
/// scheme, host and port; every folder of one server shares it.
pub fn app_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Sets `<html lang>` so screen readers pronounce the page in the chosen language.
pub fn set_document_lang(code: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// Removes the element with this id, if there is one.
pub fn remove_element(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.remove();
    }
}

/// Sets the document title (what the tab and screen readers announce on a page change).
pub fn set_title(title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

/// The current location fragment, e.g. `"#/rapport"`, or an empty string.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Moves keyboard focus to the element with this id (which must be focusable, e.g. with
/// `tabindex="-1"`), without scrolling past it.
pub fn focus_element(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        // An element taller than the window (an error summary at 400% zoom) is scrolled to
        // only partly; its start, where its heading is, comes into view (below the bar).
        if el.get_bounding_client_rect().top() < 0.0 {
            el.scroll_into_view_with_bool(true);
        }
    }
}

/// Whether keyboard focus is nowhere in particular: on the page's body, or on nothing (the
/// element that had it was removed).
pub fn focus_lost() -> bool {
    document()
        .and_then(|d| Some((d.active_element(), d.body()?)))
        .is_none_or(|(active, body)| {
            let body: &web_sys::Element = body.as_ref();
            active.is_none_or(|a| a == *body)
        })
}

/// Leaves the app at once for `neutral_url`: empties the page first, so nothing of it stays on
/// screen while the other site loads, then replaces the current history entry, so the Back
/// button does not return to the app. Every change is saved as it is made, so nothing is lost
/// (except a change made in the first moments after opening, before the browser's database
/// was open, which leaves with the page).
pub fn quick_exit(neutral_url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Leaving must never wait on a question, not even "an import is running".
    guard_unload(false);
    if let Some(doc) = window.document() {
        doc.set_title("");
        if let Some(body) = doc.body() {
            body.set_inner_html("");
        }
    }
    let _ = window.location().replace(neutral_url);
}

/// Says that what is under the pointer has just been replaced (a form's next page): for a
/// second, the second click of a double click does nothing anywhere on the page. It was aimed
/// at what was there before: a double click on "Volgende" went back from the next page's
/// "Vorige" in its place, submitted that page unanswered, or ticked one of its answers. A key
/// press has a click count of 0 and is never held back.
pub fn page_replaced() {
    thread_local! {
        static REPLACED_AT: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
        static HOLD: Closure<dyn Fn(web_sys::Event)> = Closure::new(|ev: web_sys::Event| {
            let repeated = ev.dyn_ref::<web_sys::UiEvent>().is_some_and(|ev| ev.detail() > 1);
            if repeated && crate::browser::clock::now_ms() - REPLACED_AT.get() < 1000.0 {
                ev.prevent_default();
                ev.stop_immediate_propagation();
            }
        });
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    REPLACED_AT.set(crate::browser::clock::now_ms());
    if LISTENING.get() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    // On the window in the capture phase: before the page's own handlers see the click.
    let added = HOLD.with(|hold| {
        window.add_event_listener_with_callback_and_bool(
            "click",
            hold.as_ref().unchecked_ref(),
            true,
        )
    });
    LISTENING.set(added.is_ok());
}

/// While `on`, closing or reloading the tab first asks the browser's own "leave this page?"
/// question (its words; a page cannot set them): an import under way would stop, with the
/// files not yet read left out.
pub fn guard_unload(on: bool) {
    thread_local! {
        static ASK: Closure<dyn Fn(web_sys::Event)> =
            Closure::new(|ev: web_sys::Event| ev.prevent_default());
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if on {
        ASK.with(|ask| window.set_onbeforeunload(Some(ask.as_ref().unchecked_ref())));
    } else {
        window.set_onbeforeunload(None);
    }
}

/// For a click inside HTML text (the report's answer lists): the `attribute` of the nearest
/// element matching `selector` at or above what was clicked, e.g. a button's `data-list`.
pub fn clicked_data(ev: &web_sys::Event, selector: &str, attribute: &str) -> Option<String> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest(selector).ok()??.get_attribute(attribute)
}

/// Moves keyboard focus to the element with this id in the next animation frame: after the
/// change that is under way has replaced the HTML that held the old element.
pub fn focus_element_after_render(id: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let id = id.to_string();
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || focus_element(&id));
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Like [`focus_element_after_render`], only when focus was lost meanwhile (it is on the page's
/// body: the element that had it was taken away), so focus is not taken from where the person
/// put it.
pub fn focus_element_after_render_if_lost(id: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let id = id.to_string();
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        let lost = document()
            .map(|d| d.active_element().is_none() || d.active_element() == d.body().map(Into::into))
            .unwrap_or(false);
        if lost {
            focus_element(&id);
        }
    });
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// If `ev` is a plain left click on a link to a route (`href="#/…"`), returns that fragment.
/// Clicks with a modifier key (new tab, new window) are left to the browser.
pub fn route_link_target(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = target.closest("a[href^='#/']").ok()??;
    link.get_attribute("href")
}

/// Changes the fragment *without* a new history entry and without the browser's fragment
/// navigation: no `hashchange` (the caller shows the screen itself) and no scrolling to an
/// anchor, which made the browser lay out the screen being left before the next one was drawn.
pub fn replace_hash(hash: &str) {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
        }
    }
}

/// Focuses the first form control inside the element with this id (an error summary's links
/// lead to the question, not to its wrapper). The whole question is scrolled to first, to the
/// top of the window below the header bar (`scroll-padding-top`): focus alone shows the control
/// and may leave its question under the bar.
pub fn focus_first_control(container_id: &str) {
    let Some(doc) = document() else {
        return;
    };
    let selector =
        format!("#{container_id} input, #{container_id} textarea, #{container_id} select");
    if let Some(el) = doc
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        if let Some(container) = doc.get_element_by_id(container_id) {
            container.scroll_into_view_with_bool(true);
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// [`focus_first_control`] two animation frames from now: after a page change is drawn and
/// after the focus its heading takes in the first of them ([`focus_element_after_render`]).
pub fn focus_first_control_after_render(container_id: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let id = container_id.to_string();
    let second = move || {
        let callback =
            wasm_bindgen::closure::Closure::once_into_js(move || focus_first_control(&id));
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(callback.unchecked_ref());
        }
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(second);
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// True when the page runs in a secure context (https, or this computer): only there does the
/// browser give service workers and WebCrypto.
pub fn is_secure_context() -> bool {
    web_sys::window().is_none_or(|w| w.is_secure_context())
}

/// Opens the browser's print dialog (to paper or PDF).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Reloads the page.
pub fn reload() {
    // A reload the app asks for itself (after a wipe) does not ask the person first.
    guard_unload(false);
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Removes every `localStorage` key that starts with `prefix`.
pub fn clear_local_storage(prefix: &str) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

/// Keeps what the browser scrolls to (a focused field, a question an error summary leads to)
/// below the header bar that stays at the top of the window: `scroll-padding-top` on the root
/// element becomes the bar's height plus a margin, now and whenever the bar's height changes
/// (with the width, and with the language: its buttons' words). Until the first report the
/// style sheet's values by width stand.
///
/// A `ResizeObserver` reports the height after the browser's own layout of each frame, so
/// measuring never forces a layout of its own (measuring with `getBoundingClientRect` at start-up
/// forced a whole-page layout, ~19 ms of the cold start). The bar lives as long as the page, and
/// so does its observer.
pub fn keep_scroll_below(bar_selector: &str) {
    let Some(doc) = document() else {
        return;
    };
    let (Some(bar), Some(root)) = (
        doc.query_selector(bar_selector).ok().flatten(),
        doc.document_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    ) else {
        return;
    };
    let follow = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let height = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::ResizeObserverEntry>().ok())
            .and_then(|entry| {
                entry
                    .border_box_size()
                    .get(0)
                    .dyn_into::<web_sys::ResizeObserverSize>()
                    .ok()
            })
            .map(|size| size.block_size());
        if let Some(height) = height {
            // Whole pixels as integers: formatting an f64 pulls core's float printing into the
            // start (it was 4 ms of the cold start's first frame).
            let (up, down) = (height.ceil() as i64, height.floor() as i64);
            let style = root.style();
            let _ = style.set_property("scroll-padding-top", &format!("{}px", up + 16));
            // For what stays in view just below the bar (the enquête's saved indicator): rounded
            // down, so it tucks under the bar (drawn above it) rather than leaving a hairline
            // through which the page showed as it scrolled (a 114.3 px bar, a strip at 115 px).
            let _ = style.set_property("--bar-height", &format!("{down}px"));
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(follow.as_ref().unchecked_ref()) {
        observer.observe(&bar);
        std::mem::forget(observer);
        follow.forget();
    }
}
