//! The enquête screen: start a new response, and this device's responses to resume, view,
//! change or withdraw.

use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::components::questionnaire_choice::{
    ask_for_choice, chosen_questionnaire, questionnaire_choice,
};
use crate::ui::components::response_list::{ExportReminder, ResponseList};
use crate::ui::components::storage_gate::{StorageGate, WhenStored};
use crate::ui::i18n::tr;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// The enquête overview.
#[component]
pub fn SurveyPage() -> impl IntoView {
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.survey_title)}</h1>
        // Starting needs nothing stored: the button is there while the database opens.
        <StorageGate usable_early=true>
            <StartSurvey />
            <WhenStored>
                <ExportReminder with_button=true />
                <section aria-labelledby="own-heading">
                    <h2 id="own-heading">{tr(|t| t.your_responses)}</h2>
                    <p class="hint">{tr(|t| t.your_responses_intro)}</p>
                    <ResponseList />
                </section>
            </WhenStored>
        </StorageGate>
    }
}

/// Starts a new response: one button for the built-in questionnaire, or a choice when more
/// questionnaires were loaded.
#[component]
fn StartSurvey() -> impl IntoView {
    let store = use_store();
    let chosen = RwSignal::new(None::<usize>);
    let missing = RwSignal::new(false);
    Effect::new(move |_| crate::ui::app::set_title_error(missing.get()));
    let navigate = crate::ui::route::use_navigate();
    // On a device with questionnaires loaded, starting waits until they can be offered.
    let waits = crate::browser::settings::has_loaded_questionnaires();
    let disabled = move || waits && store.state.get() != crate::ui::store::StorageState::Ready;
    let start = move |_| {
        let all = store.startable();
        match chosen_questionnaire(&all, chosen.get_untracked()) {
            Some(q) => store.start_response(q, |id| navigate.to(&format!("#/enquete/{id}"))),
            None => ask_for_choice(missing, "start-q"),
        }
    };
    view! {
        {move || questionnaire_choice(store.startable(), chosen, missing, "start-q", |t| t.choose_questionnaire)}
        <p>
            <button type="button" class="button button-start" on:click=start disabled=disabled>
                {tr(|t| t.start_survey)}
            </button>
        </p>
    }
}
