//! Shows its children only when storage is ready; otherwise says plainly what is wrong. Never a
//! blank screen.

use crate::browser::dom;
use crate::browser::idb::StorageError;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{storage_error_text, use_store, StorageState};
use leptos::prelude::*;

/// Gate for screens that need stored data.
#[component]
pub fn StorageGate(children: ChildrenFn) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    move || match store.state.get() {
        StorageState::Opening => {
            view! { <p class="loading" role="status">{i18n.t().storage_opening}</p> }.into_any()
        }
        StorageState::Blocked => view! {
            <div class="notice notice-warning" role="alert">
                <p>{i18n.t().storage_blocked}</p>
            </div>
        }
        .into_any(),
        StorageState::Failed(error) => {
            let reload = matches!(error, StorageError::VersionChanged);
            view! {
                <div class="notice notice-error" role="alert">
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
        StorageState::Ready => children().into_any(),
    }
}
