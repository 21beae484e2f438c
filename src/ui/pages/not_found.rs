//! An unknown `#/…` address.

use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::i18n::tr;
use crate::ui::route::Route;
use leptos::prelude::*;

/// The screen for an address that is not a screen of the app.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.not_found_title)}</h1>
        <p>{tr(|t| t.not_found_text)}</p>
        <p class="links"><a href=Route::Home.href()>{tr(|t| t.back_home)}</a></p>
    }
}
