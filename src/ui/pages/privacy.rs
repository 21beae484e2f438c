//! Privacy & gegevens: what is stored on this device, how much storage it uses, whether the
//! browser keeps it, exporting everything it can hand over, and erasing everything after one
//! confirmation.

use crate::browser::{dom, repository, settings, storage, tabs};
use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::components::storage_gate::StorageGate;
use crate::ui::coordinator::{use_coordinator, LoadState};
use crate::ui::i18n::{fill, fill_unfinished, tr, use_i18n};
use crate::ui::route::Route;
use crate::ui::store::{storage_error_text, use_store, StorageState};
use leptos::prelude::*;

/// An amount of storage in MB, or in GB from 1,000 MB on (`10,7 GB`, not `10737,5 MB`).
fn storage_size(bytes: Option<f64>, lang: crate::domain::Lang, unknown: &str) -> String {
    let decimal = |x: f64| crate::domain::format_decimal(x, 1, lang);
    match bytes {
        Some(b) if b >= 1e9 => format!("{} GB", decimal(b / 1e9)),
        Some(b) => format!("{} MB", decimal(b / 1e6)),
        None => unknown.to_string(),
    }
}

/// The privacy and data screen.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let coordinator = use_coordinator();
    let imports = crate::ui::pages::import::use_import_queue();
    let info = LocalResource::new(storage::info);
    // Counted once the database is open (on a page opened or reloaded here the count would
    // otherwise fail and read as nothing stored), again after every import (the log signal
    // changes) and after a wipe (below). None: not open yet; Some(None): the count failed.
    let import_count = LocalResource::new(move || {
        coordinator.log.track();
        let ready = store
            .state
            .with(|state| matches!(state, StorageState::Ready));
        async move {
            if ready {
                Some(repository::import_count().await.ok())
            } else {
                None
            }
        }
    });
    let confirming = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    let cancel_wipe = move || {
        confirming.set(false);
        dom::focus_element_after_render("wipe-open");
    };
    let wipe = move |_| {
        confirming.set(false);
        leptos::task::spawn_local(async move {
            let result = repository::wipe().await;
            dom::clear_local_storage(settings::PREFIX);
            match result {
                Ok(()) => {
                    // The other open tabs start afresh: none writes back what it held.
                    tabs::tell(&tabs::TabNews::Wiped);
                    store.responses.set(Vec::new());
                    store.meetings.set(Vec::new());
                    store.loaded.set(Vec::new());
                    store.last_export.set(None);
                    imports.forget_finished();
                    // The coordinator's merged data goes too: read back from the empty log.
                    if coordinator.state.get_untracked() != LoadState::NotLoaded {
                        coordinator.reload(store).await;
                    }
                    outcome.set(Some(i18n.t().wipe_done.to_string()));
                }
                Err(e) => outcome.set(Some(storage_error_text(&e, i18n.t()))),
            }
            info.refetch();
            import_count.refetch();
        });
    };
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.privacy_title)}</h1>
        <p class="lead">{tr(|t| t.privacy_intro)}</p>
        // The data belongs to this address and this browser: opened under another (another
        // port, "localhost" for 127.0.0.1) or in another browser, the app starts empty and
        // said there were no enquêtes (an acceptance test's find).
        <p id="privacy-address">{move || fill(i18n.t().privacy_address, &[("address", &crate::browser::dom::app_address())])}</p>
        <StorageGate>
            <h2>{tr(|t| t.privacy_stored)}</h2>
            <dl class="summary-list">
                <div class="summary-row">
                    <dt>{tr(|t| t.privacy_count_responses)}</dt>
                    <dd id="count-responses">{move || store.responses.with(Vec::len)}</dd>
                </div>
                <div class="summary-row">
                    <dt>{tr(|t| t.privacy_count_meetings)}</dt>
                    <dd id="count-meetings">{move || store.meetings.with(Vec::len)}</dd>
                </div>
                // What a coordinator or a worker given a questionnaire holds besides their own
                // records: the imported files (other people's answers) and the definitions.
                <div class="summary-row">
                    <dt>{tr(|t| t.privacy_count_imports)}</dt>
                    <dd id="count-imports">{move || match import_count.get().flatten() {
                        Some(Some(n)) => n.to_string(),
                        Some(None) => i18n.t().privacy_unknown.to_string(),
                        None => String::new(),
                    }}</dd>
                </div>
                <div class="summary-row">
                    <dt>{tr(|t| t.privacy_count_questionnaires)}</dt>
                    <dd id="count-questionnaires">{move || store.loaded.with(Vec::len)}</dd>
                </div>
            </dl>
            <p class="hint">{tr(|t| t.privacy_stored_also)}</p>
            <h2>{tr(|t| t.privacy_storage)}</h2>
            <Suspense fallback=move || view! { <p>{i18n.t().storage_opening}</p> }>
                {move || info.get().map(|info| {
                    let t = i18n.t();
                    let lang = i18n.lang();
                    view! {
                        <dl class="summary-list">
                            <div class="summary-row"><dt>{t.privacy_used}</dt><dd>{storage_size(info.used, lang, t.privacy_unknown)}</dd></div>
                            <div class="summary-row"><dt>{t.privacy_available}</dt><dd>{storage_size(info.quota, lang, t.privacy_unknown)}</dd></div>
                            <div class="summary-row"><dt>{t.privacy_persistent}</dt>
                                <dd>{if info.persisted { t.privacy_persistent_yes } else { t.privacy_persistent_no }}</dd></div>
                        </dl>
                    }
                })}
            </Suspense>
            <h2>{tr(|t| t.privacy_export_title)}</h2>
            <p>{tr(|t| t.privacy_export_text)}</p>
            {move || {
                let unfinished = store.unfinished();
                (unfinished.0 + unfinished.1 > 0).then(|| view! {
                    <p id="drafts-stay" class="notice notice-warning">
                        {fill_unfinished(i18n.t().privacy_export_drafts, i18n.t(), unfinished)}
                    </p>
                })
            }}
            <p>
                <a class="button button-link" id="export-everything" href=Route::ExportEverything.href()>
                    {tr(|t| t.privacy_export_button)}
                </a>
            </p>
            <h2>{tr(|t| t.wipe_title)}</h2>
            <p>{tr(|t| t.wipe_text)}</p>
            <p>
                <button type="button" class="button button-danger" id="wipe-open"
                    on:click=move |_| {
                        confirming.set(true);
                        // Onto the least destructive action (WAI-ARIA alert dialog).
                        dom::focus_element_after_render("wipe-cancel");
                    }
                    aria-expanded=move || confirming.get().to_string()>
                    {tr(|t| t.wipe_button)}
                </button>
            </p>
            // As the withdrawal's confirmation: focus moves into it, and back to the button
            // when it is cancelled (Annuleren or Escape).
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-label=tr(|t| t.wipe_title)
                    aria-describedby="wipe-question"
                    on:keydown=move |ev| if ev.key() == "Escape" { cancel_wipe() }>
                    <p id="wipe-question">{tr(|t| t.wipe_confirm)}</p>
                    <div class="actions">
                        <button type="button" class="button button-danger" id="wipe-yes" on:click=wipe>{tr(|t| t.wipe_yes)}</button>
                        <button type="button" class="button button-quiet" id="wipe-cancel" on:click=move |_| cancel_wipe()>{tr(|t| t.cancel)}</button>
                    </div>
                </div>
            </Show>
            <p role="status">{move || outcome.get()}</p>
        </StorageGate>
    }
}
