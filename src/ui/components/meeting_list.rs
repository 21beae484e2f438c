//! This device's evaluation meetings, newest first: municipality, date and status, with the
//! actions each allows (resume or change, withdraw after confirmation).

use crate::browser::clock;
use crate::domain::{sort_meetings_for_listing, OwnMeeting, Status};
use crate::ui::components::keyed_list::keyed_list;
use crate::ui::components::response_list::{locale, RecordActions, WithdrawnNotice};
use crate::ui::i18n::tr;
use crate::ui::i18n::use_i18n;
use crate::ui::store::use_store;
use leptos::prelude::*;

/// The people-facing name of a municipality value: its label in the questionnaire's team list,
/// else the value as recorded.
pub fn municipality_label(store: crate::ui::store::Store, own: &OwnMeeting) -> Option<String> {
    let value = own.meeting.municipality.clone();
    if value.is_empty() {
        return None;
    }
    let i18n = use_i18n();
    let label = store
        .questionnaire(&own.meeting.questionnaire)
        .and_then(|q| {
            q.municipality_item()
                .and_then(|i| i.option(&value))
                .map(|o| o.label.get(i18n.lang_untracked()).to_string())
        });
    Some(label.unwrap_or(value))
}

/// The list of this device's meetings.
#[component]
pub fn MeetingList() -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let sorted = Memo::new(move |_| {
        let mut list = store.meetings.get();
        sort_meetings_for_listing(&mut list);
        list
    });
    // Withdrawing redraws the row (its revision is part of the key): focus goes to the
    // confirmation instead of the pressed button, which is gone.
    let withdrawn = RwSignal::new(false);
    // As in the list of responses: the confirmation outlives a redraw of its row.
    let confirming = RwSignal::new(None::<String>);
    view! {
        <WithdrawnNotice id=WITHDRAWN_ID shown=withdrawn text=|t| t.meeting_withdrawn_done />
        <Show
            when=move || !sorted.with(Vec::is_empty)
            fallback=move || view! { <p>{i18n.t().no_meetings}</p> }
        >
            <ul class="response-list meeting-list">
                {keyed_list(
                    move || sorted.get(),
                    |own| (own.meeting.id.clone(), own.meeting.revision),
                    move |own| view! { <MeetingRow own=own withdrawn=withdrawn confirming=confirming /> }.into_any(),
                )}
            </ul>
        </Show>
    }
}

const WITHDRAWN_ID: &str = "meeting-withdrawn";

#[component]
fn MeetingRow(
    own: OwnMeeting,
    withdrawn: RwSignal<bool>,
    confirming: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let id = own.meeting.id.clone();
    let status = own.meeting.status;
    let started = own.started_at.clone();
    let date = own.meeting.date.clone();
    let place = municipality_label(store, &own);
    let href = format!("#/bijeenkomsten/{id}");
    let about_id = format!("about-{id}");
    let withdraw = Callback::new(move |()| {
        store.update_meeting(&id, |m, now| m.withdraw(now));
        withdrawn.set(true);
        crate::browser::dom::focus_element_after_render(WITHDRAWN_ID);
    });
    view! {
        <li class="response-row">
            <p class="response-when" id=about_id>
                <strong>
                    {move || match &place {
                        Some(p) => p.clone(),
                        None if status == Status::Withdrawn => i18n.t().meeting_withdrawn_title.to_string(),
                        None => i18n.t().meeting_no_municipality.to_string(),
                    }}
                </strong>
                {(!date.is_empty()).then_some(move || format!(" · {}", clock::format_date(&date, locale(i18n.lang()))))}
            </p>
            <p class="hint">
                {tr(|t| t.started_on)} " "
                {move || clock::format_local(&started, locale(i18n.lang()))}
            </p>
            <RecordActions status=status href=href confirm=|t| t.meeting_withdraw_confirm withdraw=withdraw confirming=confirming />
        </li>
    }
}
