//! Shows its children only when storage is ready; otherwise says plainly what is wrong. Never a
//! blank screen.

use crate::browser::dom;
use crate::browser::idb::StorageError;
use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::i18n::{use_i18n, Messages};
use crate::ui::store::{storage_error_text, use_store, StorageState};
use leptos::prelude::*;

const NOTICE_ID: &str = "storage-notice";

/// Gate for screens that need stored data.
///
/// `usable_early`: the children may show while the database is still opening, because what
/// they need is already in memory (a response started a moment ago). Writes made meanwhile
/// wait for the database (see `Store::write`). Once shown, the children stay when the
/// database becomes ready; they give way to the notice if another tab blocks it or it fails.
///
/// `title`: the screen's heading, for a screen whose `<h1>` is among the children (a response
/// or a meeting being filled in): shown above the notice, so the screen keeps its heading.
#[component]
pub fn StorageGate(
    children: ChildrenFn,
    #[prop(optional, into)] usable_early: Option<Signal<bool>>,
    #[prop(optional)] title: Option<fn(&Messages) -> &'static str>,
) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let heading = move || {
        title.map(
            |title| view! { <h1 id=PAGE_TITLE_ID tabindex="-1">{move || title(i18n.t())}</h1> },
        )
    };
    let open = Memo::new(move |_| match store.state.get() {
        StorageState::Ready => true,
        StorageState::Opening => usable_early.is_some_and(|s| s.get()),
        StorageState::Blocked | StorageState::Failed(_) => false,
    });
    move || {
        if open.get() {
            return children().into_any();
        }
        (move || match store.state.get() {
            StorageState::Opening | StorageState::Ready => view! {
                {heading()}
                <p class="loading" role="status">{i18n.t().storage_opening}</p>
            }
            .into_any(),
            StorageState::Blocked => view! {
                {heading()}
                <div class="notice notice-warning" role="alert">
                    <p>{i18n.t().storage_blocked}</p>
                </div>
            }
            .into_any(),
            StorageState::Failed(error) => {
                let reload = matches!(error, StorageError::VersionChanged | StorageError::Closed);
                // What had focus went with the screen: focus goes to the notice, not to the
                // start of the page.
                dom::focus_element_after_render_if_lost(NOTICE_ID);
                view! {
                    {heading()}
                    <div class="notice notice-error" role="alert" id=NOTICE_ID tabindex="-1">
                        <p>{storage_error_text(&error, i18n.t())}</p>
                        {reload.then(|| view! {
                            <button type="button" class="button" on:click=|_| dom::reload()>
                                {i18n.t().reload}
                            </button>
                        })}
                    </div>
                }
                .into_any()
            }
        })
        .into_any()
    }
}

/// Inside a gate opened early: shows its children once the stored data is loaded, and says it
/// is loading until then.
#[component]
pub fn WhenStored(children: ChildrenFn) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let ready = Memo::new(move |_| store.state.get() == StorageState::Ready);
    view! {
        <Show
            when=move || ready.get()
            fallback=move || view! { <p class="loading" role="status">{i18n.t().storage_opening}</p> }
        >
            {children()}
        </Show>
    }
}
