//! The screen of a part that is not built yet: it says so plainly and shows no data.

use crate::ui::app::{route_title, PAGE_TITLE_ID};
use crate::ui::i18n::use_i18n;
use crate::ui::route::Route;
use leptos::prelude::*;

/// A placeholder screen for `route`.
#[component]
pub fn NotBuiltPage(route: Route) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{move || route_title(&route, i18n.t())}</h1>
        <div class="notice" role="status">
            <p><strong>{move || i18n.t().not_built_yet}</strong></p>
            <p>{move || i18n.t().not_built_yet_detail}</p>
        </div>
        <p><a href=Route::Home.href()>{move || i18n.t().back_home}</a></p>
    }
}
