//! The quiet "saved" indicator shown while a record is being edited (design §7).

use crate::browser::idb::StorageError;
use crate::domain::AnswerProblem;
use crate::ui::components::question::HeldFields;
use crate::ui::i18n::use_i18n;
use crate::ui::store::{use_store, SaveStatus};
use leptos::prelude::*;

const SAVE_STATUS_ID: &str = "save-status";

/// The quiet "saved" indicator.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let failed = move || matches!(store.save_status.get(), SaveStatus::Failed(_));
    // A text over its limit is stored only in part: "saved" says so (see `HeldFields`).
    let held = use_context::<HeldFields>();
    let cut_short = move || {
        held.is_some_and(|HeldFields(map)| {
            map.with(|m| {
                m.values()
                    .any(|p| matches!(p, AnswerProblem::TextTooLong { .. }))
            })
        })
    };
    // What a screen reader hears of the line (a live region, design §7): a change of meaning
    // (saved, saved in part, not saved and why), not every save: the visible words, which turn
    // to "Bezig met opslaan…" and back at every key, are hidden from it, and this text stays as
    // it was while saving, and while typing goes on failing. Nothing is said of the state the
    // page opens in (a record opened after another was saved). A retry clears it first, so
    // that a retry failing again is said again.
    let said = RwSignal::new(String::new());
    Effect::new(move |opened: Option<()>| {
        let status = store.save_status.get();
        let cut = cut_short();
        if opened.is_none() {
            return;
        }
        let t = i18n.t();
        match status {
            SaveStatus::Idle => said.set(String::new()),
            SaveStatus::Saving => {}
            SaveStatus::Saved if cut => said.set(t.saved_but_too_long.to_string()),
            SaveStatus::Saved => said.set(t.saved.to_string()),
            SaveStatus::Failed(e) => said.set(format!(
                "{}: {}",
                t.not_saved,
                crate::ui::store::storage_error_text(&e, t)
            )),
        }
    });
    view! {
        <p class="save-status" class:save-failed=failed id=SAVE_STATUS_ID tabindex="-1" role="status" aria-live="polite" aria-atomic="false">
            {move || {
                let text = match store.save_status.get() {
                    SaveStatus::Idle | SaveStatus::Failed(_) => return None,
                    SaveStatus::Saving => i18n.t().saving.to_string(),
                    SaveStatus::Saved if cut_short() => format!("✓ {}", i18n.t().saved_but_too_long),
                    SaveStatus::Saved => format!("✓ {}", i18n.t().saved),
                };
                Some(view! { <span aria-hidden="true">{text}</span> })
            }}
            <span class="visually-hidden" id="save-announce">{move || said.get()}</span>
            // A failure is shown in a few words where the line stays in view (the full reason
            // covered a third of a phone's screen, and the question an error link led to); a
            // screen reader hears the whole reason above.
            {move || match store.save_status.get() {
                SaveStatus::Failed(e) => {
                    let t = i18n.t();
                    let short = t.not_saved_short[match e {
                        StorageError::QuotaExceeded => 0,
                        StorageError::Unavailable(_) => 1,
                        StorageError::VersionChanged => 2,
                        StorageError::Failed(_) => 3,
                        StorageError::Closed => 4,
                    }];
                    Some(view! {
                        <span aria-hidden="true">{format!("{}: {short}", t.not_saved)}</span>
                    })
                }
                _ => None,
            }}
            // What is on screen is kept in memory meanwhile: once there is room again, it is
            // written as it is.
            {move || failed().then(|| view! {
                " "
                <button type="button" class="button button-quiet" id="save-retry" on:click=move |_| {
                    said.set(String::new());
                    store.retry_unsaved();
                    // The button goes (or is drawn anew) with the outcome: focus stays on the
                    // indicator, which then says it.
                    crate::browser::dom::focus_element_after_render(SAVE_STATUS_ID);
                }>
                    {i18n.t().save_retry}
                </button>
            })}
        </p>
    }
}
