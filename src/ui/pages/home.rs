//! Home: the three entries by role, this device's responses (and meetings) with their status (and a reminder
//! to export finished work), and what the app promises about data.

use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::components::meeting_list::MeetingList;
use crate::ui::components::response_list::{ExportReminder, ResponseList};
use crate::ui::components::storage_gate::StorageGate;
use crate::ui::i18n::use_i18n;
use crate::ui::route::Route;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// The home screen.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let t = move || i18n.t();
    // Told once, on the start that followed a wipe in another tab.
    let wiped_elsewhere = crate::browser::settings::take_wiped_elsewhere();
    let role = move |route: Route,
                     title: fn(&'static crate::ui::i18n::Messages) -> &'static str,
                     text: fn(&'static crate::ui::i18n::Messages) -> &'static str| {
        view! {
            <li class="role-card">
                <h3>
                    <a href=route.href()>{move || title(t())}</a>
                </h3>
                <p>{move || text(t())}</p>
            </li>
        }
    };
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{move || t().home_title}</h1>
        <p class="lead">{move || t().home_intro}</p>
        {wiped_elsewhere.then(|| view! {
            <p class="notice notice-warning" id="wiped-elsewhere" role="status">{move || t().wiped_elsewhere}</p>
        })}
        <section aria-labelledby="roles-heading">
            <h2 id="roles-heading">{move || t().home_roles_heading}</h2>
            <ul class="role-cards">
                {role(Route::Survey, |t| t.role_survey_title, |t| t.role_survey_text)}
                {role(Route::Meetings, |t| t.role_meeting_title, |t| t.role_meeting_text)}
                {role(Route::Import, |t| t.role_report_title, |t| t.role_report_text)}
            </ul>
        </section>
        <StorageGate>
            <ExportReminder />
            <section aria-labelledby="own-heading">
                <h2 id="own-heading">{move || t().your_responses}</h2>
                <p class="hint">{move || t().your_responses_intro}</p>
                <ResponseList />
            </section>
            <Show when=move || !store.meetings.with(Vec::is_empty)>
                <section aria-labelledby="own-meetings-heading">
                    <h2 id="own-meetings-heading">{move || t().your_meetings}</h2>
                    <MeetingList />
                </section>
            </Show>
        </StorageGate>
        <section class="notice" aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{move || t().home_privacy_heading}</h2>
            <p>{move || t().home_privacy_text}</p>
        </section>
    }
}
