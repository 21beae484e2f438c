//! An unknown `#/…` address.

use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::i18n::use_i18n;
use crate::ui::route::Route;
use leptos::prelude::*;

/// The screen for an address that is not a screen of the app.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t().not_found_title}</h1>
        <p>{move || i18n.t().not_found_text}</p>
        <p><a href=Route::Home.href()>{move || i18n.t().back_home}</a></p>
    }
}
