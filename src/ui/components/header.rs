//! The header on every screen: skip link, app name, language switch, quick exit and the menu.

use crate::browser::dom;
use crate::ui::app::route_title;
use crate::ui::components::quick_exit::QuickExit;
use crate::ui::i18n::tr;
use crate::ui::i18n::use_i18n;
use crate::ui::route::Route;
use leptos::prelude::*;

/// The site header. `route` marks the current menu item with `aria-current="page"`.
#[component]
pub fn Header(route: ReadSignal<Route>) -> impl IntoView {
    let i18n = use_i18n();
    let other_lang = move || match i18n.lang() {
        crate::domain::Lang::Nl => "en",
        crate::domain::Lang::En => "nl",
    };
    // Whatever is scrolled to comes to rest below the bar, at every width and in both
    // languages (the bar is watched for changes of its height).
    Effect::new(|_| dom::keep_scroll_below(".site-header"));
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                // The fragment is the router's; move focus without changing it.
                ev.prevent_default();
                dom::focus_element("main");
            }
        >
            {tr(|t| t.skip_to_content)}
        </a>
        // The bar (name, language, quick exit) is the whole header and stays at the top of the
        // window however far the page scrolls; the menu below it scrolls away.
        <header class="site-header bar">
            <a class="brand" href=Route::Home.href()>
                <span class="brand-name">{tr(|t| t.app_name)}</span>
                <span class="brand-tagline">{tr(|t| t.tagline)}</span>
            </a>
            <div class="tools">
                <button
                    type="button"
                    class="button button-secondary lang-switch"
                    lang=other_lang
                    title=tr(|t| t.switch_language_hint)
                    on:click=move |_| i18n.toggle()
                >
                    {tr(|t| t.switch_language)}
                </button>
                <QuickExit />
            </div>
        </header>
        <nav class="menu" aria-label=tr(|t| t.nav_label)>
            <ul>
                {Route::MENU
                    .into_iter()
                    .map(|item| {
                        let href = item.href();
                        let label_item = item.clone();
                        view! {
                            <li>
                                <a
                                    href=href
                                    aria-current=move || (route.get().menu_item() == item).then_some("page")
                                >
                                    {move || route_title(&label_item, i18n.t())}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
