//! The enquête screen: start a new response, and this device's responses to resume, view,
//! change or withdraw.

use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::components::response_list::{ExportReminder, ResponseList};
use crate::ui::components::storage_gate::StorageGate;
use crate::ui::i18n::{fill, use_i18n};
use crate::ui::store::use_store;
use leptos::prelude::*;

/// The enquête overview.
#[component]
pub fn SurveyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t().survey_title}</h1>
        <StorageGate>
            <StartSurvey />
            <ExportReminder />
            <p><a class="button button-quiet button-link-quiet" href=crate::ui::route::Route::Export.href()>
                {move || i18n.t().export_link}
            </a></p>
            <section aria-labelledby="own-heading">
                <h2 id="own-heading">{move || i18n.t().your_responses}</h2>
                <p class="hint">{move || i18n.t().your_responses_intro}</p>
                <ResponseList />
            </section>
        </StorageGate>
    }
}

/// Starts a new response: one button for the built-in questionnaire, or a choice when more
/// questionnaires were loaded.
#[component]
fn StartSurvey() -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let chosen = RwSignal::new(0usize);
    let start = move |_| {
        let all = store.questionnaires();
        if let Some(q) = all.get(chosen.get_untracked()) {
            let id = store.start_response(q);
            crate::browser::dom::replace_hash(&format!("#/enquete/{id}"));
        }
    };
    view! {
        {move || {
            let all = store.questionnaires();
            (all.len() > 1).then(|| view! {
                <fieldset class="field">
                    <legend class="question">{i18n.t().choose_questionnaire}</legend>
                    <div class="choices">
                        {all.into_iter().enumerate().map(|(i, q)| {
                            let id = format!("start-q-{i}");
                            view! {
                                <div class="choice">
                                    <input type="radio" name="start-q" id=id.clone()
                                        prop:checked=move || chosen.get() == i
                                        on:change=move |_| chosen.set(i) />
                                    <label for=id>
                                        {fill(i18n.t().questionnaire_with_version, &[
                                            ("title", q.title().get(i18n.lang())),
                                            ("version", &q.version().to_string()),
                                        ])}
                                    </label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            })
        }}
        <p>
            <button type="button" class="button button-start" on:click=start>
                {move || i18n.t().start_survey}
            </button>
        </p>
    }
}
