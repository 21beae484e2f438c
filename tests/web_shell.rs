//! Browser tests of the app shell, run in headless Chromium by wasm-bindgen-test: the app mounts,
//! speaks Dutch by default, switches to English and remembers it.
#![cfg(target_arch = "wasm32")]

use samenscan::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is not on the page"))
        .text_content()
        .unwrap_or_default()
}

fn html_lang() -> Option<String> {
    document().document_element().unwrap().get_attribute("lang")
}

async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn mounts_in_dutch_and_switches_to_english_and_remembers_it() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("samenscan.lang").unwrap();
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), App);

    assert_eq!(text_of("h1"), "Samen evalueren hoe de samenwerking gaat");
    assert_eq!(html_lang().as_deref(), Some("nl"));
    let button: web_sys::HtmlElement = document()
        .query_selector(".lang-switch")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("English"));
    button.click();
    next_tick().await;

    assert_eq!(
        text_of("h1"),
        "Evaluating together how the collaboration is going"
    );
    assert_eq!(html_lang().as_deref(), Some("en"));
    drop(handle);
    host.remove();

    // A new start of the app (as after closing the tab) remembers English.
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), App);
    assert_eq!(
        text_of("h1"),
        "Evaluating together how the collaboration is going"
    );
    assert_eq!(text_of(".lang-switch"), "Nederlands");
    drop(handle);
    host.remove();
    storage.remove_item("samenscan.lang").unwrap();
}

#[wasm_bindgen_test]
fn moments_are_shown_as_the_browser_writes_them_per_language() {
    use samenscan::browser::clock::format_local;
    let browser = |moment: &str, locale: &str| {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into()).unwrap();
        js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into()).unwrap();
        String::from(js_sys::Date::new(&moment.into()).to_locale_string(locale, &options))
    };
    let moments = [
        "2026-11-22T10:12:01.000Z",
        "2026-11-22T10:12:59.999Z",
        "2026-11-22T10:13:00.000Z",
        "2026-11-22T11:12:05+01:00",
        "2025-03-30T01:59:30Z",
        // Amsterdam was 19 minutes 32 seconds ahead of UTC before 1937: seconds matter there.
        "1930-06-01T10:12:20Z",
        "1930-06-01T10:12:40Z",
    ];
    for locale in ["nl-NL", "en-GB", "nl-NL"] {
        for moment in moments {
            assert_eq!(
                format_local(moment, locale),
                browser(moment, locale),
                "{moment} {locale}"
            );
        }
    }
    assert_ne!(
        format_local(moments[1], "nl-NL"),
        format_local(moments[2], "nl-NL")
    );
    assert_ne!(
        format_local(moments[2], "nl-NL"),
        format_local(moments[2], "en-GB")
    );
    assert_eq!(format_local("not a moment", "nl-NL"), "not a moment");
}

#[wasm_bindgen_test]
fn the_browsers_own_words_for_an_unreadable_file_are_quoted_as_its_own() {
    use samenscan::domain::Lang;
    use samenscan::ui::coordinator::Rejection;
    use samenscan::ui::i18n::messages;
    let problem = Rejection::Unreadable("NotReadableError: The file could not be read.".into());
    assert_eq!(
        problem.message(Lang::Nl, messages(Lang::Nl)),
        "De browser kon het bestand niet lezen. Staat het er nog en is het niet geopend in een \
         ander programma? Kies het dan opnieuw. (melding van de browser: “NotReadableError: The \
         file could not be read.”)"
    );
    assert!(problem.message(Lang::En, messages(Lang::En)).ends_with(
        "Then pick it again. (the browser says: “NotReadableError: The file could not be read.”)"
    ));
}
