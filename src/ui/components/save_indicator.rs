//! The quiet "saved" indicator shown while a record is being edited (design §7).

use crate::ui::i18n::use_i18n;
use crate::ui::store::{use_store, SaveStatus};
use leptos::prelude::*;

/// The quiet "saved" indicator.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    view! {
        <p class="save-status" role="status" aria-live="polite">
            {move || match store.save_status.get() {
                SaveStatus::Idle => String::new(),
                SaveStatus::Saving => i18n.t().saving.to_string(),
                SaveStatus::Saved => format!("✓ {}", i18n.t().saved),
                SaveStatus::Failed(e) => format!("{}: {}", i18n.t().not_saved, crate::ui::store::storage_error_text(&e, i18n.t())),
            }}
        </p>
    }
}
