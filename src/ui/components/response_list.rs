//! This device's responses, newest first, by start date and status (never by name), with the
//! actions each allows; and the reminder to export finished work.

use crate::browser::clock;
use crate::domain::{sort_for_listing, OwnResponse, Status};
use crate::ui::components::keyed_list::keyed_list;
use crate::ui::i18n::{fill, tr, use_i18n, Messages};
use crate::ui::store::use_store;
use leptos::prelude::*;

/// The locale for dates in the chosen language.
pub fn locale(lang: crate::domain::Lang) -> &'static str {
    match lang {
        crate::domain::Lang::Nl => "nl-NL",
        crate::domain::Lang::En => "en-GB",
    }
}

/// The list of this device's responses.
#[component]
pub fn ResponseList() -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let sorted = Memo::new(move |_| {
        let mut list = store.responses.get();
        sort_for_listing(&mut list);
        list
    });
    // Withdrawing redraws the row (its revision is part of the key), so the button that was
    // pressed is gone: focus goes to this confirmation, which is also announced.
    let withdrawn = RwSignal::new(false);
    // The record whose withdrawal is being confirmed: kept here, so that the confirmation stays
    // open when its row is redrawn because another tab saved the record.
    let confirming = RwSignal::new(None::<String>);
    view! {
        <WithdrawnNotice id=WITHDRAWN_ID shown=withdrawn text=|t| t.withdrawn_done />
        <Show
            when=move || !sorted.with(Vec::is_empty)
            fallback=move || view! { <p>{i18n.t().no_responses}</p> }
        >
            <ul class="response-list">
                {keyed_list(
                    move || sorted.get(),
                    |own| (own.response.id.clone(), own.response.revision),
                    move |own| view! { <ResponseRow own=own withdrawn=withdrawn confirming=confirming /> }.into_any(),
                )}
            </ul>
        </Show>
    }
}

const WITHDRAWN_ID: &str = "response-withdrawn";

/// The confirmation, announced, that focus goes to after a record of a list was withdrawn:
/// withdrawing redraws the record's row, so the button that was pressed is gone.
#[component]
pub fn WithdrawnNotice(
    id: &'static str,
    shown: RwSignal<bool>,
    text: fn(&Messages) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p id=id class="notice" role="status" tabindex="-1" hidden=move || !shown.get()>
            {move || shown.get().then(|| text(i18n.t()))}
        </p>
    }
}

#[component]
fn ResponseRow(
    own: OwnResponse,
    withdrawn: RwSignal<bool>,
    confirming: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let id = own.response.id.clone();
    let started = own.started_at.clone();
    let href = format!("#/enquete/{id}");
    let about_id = format!("about-{id}");
    // Two drafts started in the same minute differ in how far they got.
    let progress = (own.response.status == Status::Draft)
        .then(|| store.questionnaire(&own.response.questionnaire))
        .flatten()
        .map(|q| q.progress(&own.response.answers));
    // With more than one questionnaire on this device, which one this is.
    let named = (store.questionnaires().len() > 1)
        .then(|| store.questionnaire(&own.response.questionnaire))
        .flatten();
    let withdraw = Callback::new(move |()| {
        store.update_response(&id, |r, now| r.withdraw(now));
        withdrawn.set(true);
        crate::browser::dom::focus_element_after_render(WITHDRAWN_ID);
    });
    view! {
        <li class="response-row">
            <p class="response-when" id=about_id>
                {tr(|t| t.started_on)} " "
                {move || clock::format_local(&started, locale(i18n.lang()))}
            </p>
            {named.map(|q| view! {
                <p class="response-questionnaire">
                    {move || fill(i18n.t().questionnaire_with_version, &[
                        ("title", q.title().get(i18n.lang())),
                        ("version", &q.version().to_string()),
                    ])}
                </p>
            })}
            {progress.map(|(answered, total)| view! {
                <p class="hint response-progress">
                    {move || fill(
                        i18n.t().draft_progress,
                        &[("answered", &answered.to_string()), ("total", &total.to_string())],
                    )}
                </p>
            })}
            <RecordActions status=own.response.status href=href confirm=|t| t.withdraw_confirm withdraw=withdraw confirming=confirming />
        </li>
    }
}

/// One listed record's status, its actions (resume, or view and change; withdraw) and the
/// confirmation before withdrawing: the same for a response and a meeting.
#[component]
pub fn RecordActions(
    status: Status,
    href: String,
    /// What the confirmation asks.
    confirm: fn(&'static Messages) -> &'static str,
    withdraw: Callback<()>,
    /// The list's record being confirmed, by the last part of its address.
    confirming: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Focus moves into the confirmation when it opens, onto its least destructive action
    // ("Annuleren", as the WAI-ARIA alert dialog pattern asks: a second Enter must not erase),
    // and back to "Intrekken" when it is cancelled (the pressed button is gone either way). Ids
    // from the record's own address.
    let key = href.rsplit('/').next().unwrap_or_default().to_string();
    let (trigger_id, cancel_id) = (format!("withdraw-{key}"), format!("withdraw-cancel-{key}"));
    let question_id = format!("withdraw-question-{key}");
    // Which record the actions are for (the row's first line, `about-{key}`): a list of
    // buttons read "Intrekken, Intrekken" without it.
    let about_id = format!("about-{key}");
    let shown = {
        let key = key.clone();
        move || status != Status::Withdrawn && confirming.with(|c| c.as_deref() == Some(&key))
    };
    // Drawn again (another tab saved the record) while the question was open: it stays open,
    // and focus, lost with the old row, comes back to it.
    if shown() && crate::browser::dom::focus_lost() {
        crate::browser::dom::focus_element_after_render(&cancel_id);
    }
    let open = {
        let (key, cancel_id) = (key.clone(), cancel_id.clone());
        move |_| {
            confirming.set(Some(key.clone()));
            crate::browser::dom::focus_element_after_render(&cancel_id);
        }
    };
    let cancel = {
        let trigger_id = trigger_id.clone();
        move || {
            confirming.set(None);
            crate::browser::dom::focus_element_after_render(&trigger_id);
        }
    };
    view! {
        <p>
            <strong class=format!("tag tag-{status:?}").to_lowercase()>
                {move || match status {
                    Status::Draft => i18n.t().status_draft,
                    Status::Complete => i18n.t().status_complete,
                    Status::Withdrawn => i18n.t().status_withdrawn,
                }}
            </strong>
        </p>
        <div class="actions">
            {(status != Status::Withdrawn).then(|| view! {
                <a class="button button-link" href=href.clone() aria-describedby=about_id.clone()>
                    {move || if status == Status::Draft { i18n.t().resume } else { i18n.t().view_edit }}
                </a>
                <button
                    type="button"
                    class="button button-quiet"
                    id=trigger_id.clone()
                    aria-describedby=about_id.clone()
                    on:click=open.clone()
                    aria-expanded={
                        let shown = shown.clone();
                        move || shown().to_string()
                    }
                >
                    {tr(|t| t.withdraw)}
                </button>
            })}
        </div>
        <Show when=shown>
            <div class="confirm" role="alertdialog" aria-label=tr(|t| t.withdraw)
                aria-describedby=question_id.clone()
                on:keydown={
                    let cancel = cancel.clone();
                    move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { cancel() }
                }>
                <p id=question_id.clone()>{move || confirm(i18n.t())}</p>
                <div class="actions">
                    <button type="button" class="button button-danger" on:click=move |_| {
                        withdraw.run(());
                        confirming.set(None);
                    }>
                        {tr(|t| t.withdraw_yes)}
                    </button>
                    <button type="button" class="button button-quiet" id=cancel_id.clone() on:click={
                        let cancel = cancel.clone();
                        move |_| cancel()
                    }>
                        {tr(|t| t.cancel)}
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// A reminder when finished surveys or meetings have not been exported (shown only then), with
/// the link to the export. With `with_button`, the way to the export is offered as a quiet
/// button when nothing waits (one link to the export on the page, never two).
#[component]
pub fn ExportReminder(#[prop(optional)] with_button: bool) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    // (finished work, withdrawals) that have not left the device yet: a withdrawal is not work
    // kept on this device, but the coordinator has to be told of it.
    let waiting = Memo::new(move |_| {
        let mut waiting = (0, 0);
        let mut add = |status: Status| match status {
            Status::Complete => waiting.0 += 1,
            Status::Withdrawn => waiting.1 += 1,
            Status::Draft => {}
        };
        store.responses.with(|l| {
            l.iter()
                .filter(|r| r.needs_export())
                .for_each(|r| add(r.response.status))
        });
        store.meetings.with(|l| {
            l.iter()
                .filter(|m| m.needs_export())
                .for_each(|m| add(m.meeting.status))
        });
        waiting
    });
    let finished = Memo::new(move |_| {
        store
            .responses
            .with(|list| list.iter().any(|r| r.response.status != Status::Draft))
            || store
                .meetings
                .with(|list| list.iter().any(|m| m.meeting.status != Status::Draft))
    });
    view! {
        <Show
            when=move || { waiting.get() != (0, 0) }
            fallback=move || with_button.then(|| view! {
                <p><a class="button button-quiet button-link-quiet" href=crate::ui::route::Route::Export.href()>
                    {tr(|t| t.export_link)}
                </a></p>
            })
        >
            <div class="notice notice-warning" role="status">
                {move || (waiting.get().0 > 0).then(|| view! {
                    <p><strong>{i18n.t().export_reminder} " " {waiting.get().0}</strong></p>
                    <p>{i18n.t().export_reminder_detail}</p>
                })}
                {move || (waiting.get().1 > 0).then(|| view! {
                    <p><strong>{i18n.t().export_reminder_withdrawals} " " {waiting.get().1}</strong></p>
                    <p>{i18n.t().export_reminder_withdrawals_detail}</p>
                })}
                <p class="links"><a href=crate::ui::route::Route::Export.href()>{tr(|t| t.export_link)}</a></p>
            </div>
        </Show>
        // "Never exported" says something only once there is finished work to export.
        {move || {
            let text = match store.last_export.get() {
                Some(at) => format!("{} {}", i18n.t().last_export, clock::format_local(&at, locale(i18n.lang()))),
                None if finished.get() => i18n.t().never_exported.to_string(),
                None => return None,
            };
            Some(view! { <p class="hint last-export">{text}</p> })
        }}
    }
}
