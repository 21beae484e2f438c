//! Evaluation meetings (design §2, Meeting): the overview (start a new one; this device's
//! meetings to resume, change or withdraw) and the form of one meeting. Every change is saved at
//! once, like the enquête: municipality and date, attendance counted per organisation (never
//! names), notes per meeting question, anonymised cases, strengths, concerns and actions marked
//! general or local with an owner organisation. Likely personal data in any text is shown beside
//! the field while typing.

use crate::browser::{clock, dom};
use crate::domain::meeting::{lines, EARLIEST_DATE, MAX_ATTENDANCE};
use crate::domain::{
    builtin, ActionScope, ChoiceOption, Meeting, MeetingAction, MeetingCase, MissingForCompletion,
    Questionnaire, Status,
};
use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::components::meeting_list::{municipality_label, MeetingList};
use crate::ui::components::privacy_hints::PrivacyHints;
use crate::ui::components::questionnaire_choice::{
    ask_for_choice, chosen_questionnaire, questionnaire_choice,
};
use crate::ui::components::response_list::{locale, ExportReminder};
use crate::ui::components::save_indicator::SaveIndicator;
use crate::ui::components::storage_gate::{StorageGate, WhenStored};
use crate::ui::i18n::{fill, tr, use_i18n, Messages};
use crate::ui::route::Route;
use crate::ui::store::{use_store, Store};
use leptos::prelude::*;

/// The meetings overview.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.meetings_title)}</h1>
        <p class="lead">{tr(|t| t.meetings_intro)}</p>
        // Starting needs nothing stored: the button is there while the database opens.
        <StorageGate usable_early=true>
            <StartMeeting />
            <WhenStored>
                <ExportReminder with_button=true />
                <section aria-labelledby="own-meetings-heading">
                    <h2 id="own-meetings-heading">{tr(|t| t.your_meetings)}</h2>
                    <MeetingList />
                </section>
            </WhenStored>
        </StorageGate>
    }
}

/// Starts a new meeting: with the built-in questionnaire's meeting questions, or a choice when
/// more questionnaires with meeting questions were loaded.
#[component]
fn StartMeeting() -> impl IntoView {
    let store = use_store();
    let chosen = RwSignal::new(None::<usize>);
    let missing = RwSignal::new(false);
    Effect::new(move |_| crate::ui::app::set_title_error(missing.get()));
    let candidates = move || {
        store
            .startable()
            .into_iter()
            .filter(|q| !q.meeting_questions().is_empty())
            .collect::<Vec<_>>()
    };
    let navigate = crate::ui::route::use_navigate();
    // On a device with questionnaires loaded, starting waits until they can be offered.
    let waits = crate::browser::settings::has_loaded_questionnaires();
    let disabled = move || waits && store.state.get() != crate::ui::store::StorageState::Ready;
    let start = move |_| {
        let all = candidates();
        let q = match all.as_slice() {
            [] => builtin(),
            _ => match chosen_questionnaire(&all, chosen.get_untracked()) {
                Some(q) => q,
                None => return ask_for_choice(missing, "start-m"),
            },
        };
        store.start_meeting(q, |id| navigate.to(&format!("#/bijeenkomsten/{id}")));
    };
    view! {
        {move || questionnaire_choice(candidates(), chosen, missing, "start-m", |t| t.choose_meeting_questionnaire)}
        <p>
            <button type="button" class="button button-start" id="start-meeting" on:click=start disabled=disabled>
                {tr(|t| t.start_meeting)}
            </button>
        </p>
    }
}

/// The screen of meeting `id`.
#[component]
pub fn MeetingPage(id: String) -> impl IntoView {
    let store = use_store();
    let in_memory = {
        let id = id.clone();
        Signal::derive(move || {
            store
                .meetings
                .with(|l| l.iter().any(|m| m.meeting.id == id))
        })
    };
    // The form keeps its own text while typing; when another tab changes this meeting, it is
    // drawn again from the stored record, so this tab never writes back what it held before.
    let elsewhere = store.changes_elsewhere(&id);
    view! {
        <StorageGate usable_early=in_memory title=|t| t.meeting_title>
            {
                let id = id.clone();
                move || {
                    // Read, not only tracked: a memo is computed when read.
                    let _ = elsewhere.get();
                    form_or_missing(id.clone())
                }
            }
        </StorageGate>
    }
}

fn form_or_missing(id: String) -> AnyView {
    let store = use_store();
    let i18n = use_i18n();
    let own = store
        .meetings
        .with_untracked(|l| l.iter().find(|m| m.meeting.id == id).cloned());
    let text = match &own {
        Some(own) if own.meeting.status != Status::Withdrawn => {
            let q = store
                .questionnaire(&own.meeting.questionnaire)
                .unwrap_or_else(|| builtin().clone());
            return view! { <MeetingForm id=id questionnaire=q /> }.into_any();
        }
        Some(_) => i18n.t().meeting_withdrawn_text,
        None => i18n.t().meeting_not_found,
    };
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.meeting_title)}</h1>
        <p>{text}</p>
        <p class="links"><a href=Route::Meetings.href()>{tr(|t| t.back_to_meetings)}</a></p>
    }
    .into_any()
}

/// Applies a change to meeting `id` and saves it when it changed anything.
fn edit(store: Store, id: StoredValue<String>, change: impl FnOnce(&mut Meeting)) {
    let id = id.get_value();
    store.update_meeting(&id, |m, now| {
        m.edit(now, change);
    });
}

/// The form of one meeting.
#[component]
fn MeetingForm(id: String, questionnaire: Questionnaire) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let id = StoredValue::new(id);
    let current = Memo::new(move |_| store.meeting(&id.get_value()).map(|o| o.meeting));
    let initial = current.get_untracked().expect("the meeting exists");
    let municipalities = questionnaire.meeting_options(false).to_vec();
    let organisations = StoredValue::new(questionnaire.meeting_options(true).to_vec());
    let tried = RwSignal::new(false);
    let status = Memo::new(move |_| current.with(|m| m.as_ref().map(|m| m.status)));
    // A completed meeting that loses its municipality or date becomes a draft again: say so,
    // and show what is missing.
    let completed_once = RwSignal::new(initial.status == Status::Complete);
    Effect::new(move |_| {
        if status.get() == Some(Status::Complete) {
            completed_once.set(true);
        }
    });
    let reverted = Memo::new(move |_| completed_once.get() && status.get() == Some(Status::Draft));
    let twin = Memo::new(move |_| {
        current.with(|m| {
            let Some(m) = m
                .as_ref()
                .filter(|m| !m.municipality.is_empty() && !m.date.is_empty())
            else {
                return false;
            };
            store.meetings.with(|list| {
                list.iter().any(|o| {
                    o.meeting.id != m.id
                        && o.meeting.status != Status::Withdrawn
                        && o.meeting.municipality == m.municipality
                        && o.meeting.date == m.date
                })
            })
        })
    });
    let missing = Memo::new(move |_| {
        if !tried.get() && !reverted.get() {
            return Vec::new();
        }
        current.with(|m| {
            m.as_ref()
                .map(|m| {
                    let mut missing = m.missing_for_completion();
                    // Asked when completing, or of a completed meeting dated later here (a
                    // draft again); not of a meeting completed elsewhere.
                    if m.status == Status::Draft && m.dated_after(&clock::today_local()) {
                        missing.push(MissingForCompletion::DateInFuture);
                    }
                    if m.status == Status::Draft && m.dated_before(EARLIEST_DATE) {
                        missing.push(MissingForCompletion::DateTooEarly);
                    }
                    if m.status == Status::Draft {
                        missing.extend(
                            m.actions_without_text()
                                .into_iter()
                                .map(MissingForCompletion::ActionText),
                        );
                    }
                    missing
                })
                .unwrap_or_default()
        })
    });
    // The date in words, in the app's language: the browser's date field follows the browser's
    // language, and on an English browser a Dutch facilitator typing 02-10-2026 stores 10
    // February without a word (an acceptance test's find).
    let date_words = move || {
        let date = current.with(|m| m.as_ref().map(|m| m.date.clone()))?;
        crate::domain::response::parse_date(&date)?;
        let t = i18n.t();
        Some(fill(
            t.date_in_words,
            &[("date", &clock::format_date(&date, locale(i18n.lang())))],
        ))
    };
    let date_error = move || {
        missing.with(|m| {
            let t = i18n.t();
            if m.contains(&MissingForCompletion::Date) {
                Some(t.meeting_missing_date)
            } else if m.contains(&MissingForCompletion::DateInFuture) {
                Some(t.meeting_date_in_future)
            } else if m.contains(&MissingForCompletion::DateTooEarly) {
                Some(t.meeting_date_too_early)
            } else {
                None
            }
        })
    };
    // Attendance fields whose text is not a count (by organisation value): nothing of them is
    // stored, so completing waits until they are put right.
    let wrong_attendance = RwSignal::new(std::collections::BTreeSet::<String>::new());
    let shown_wrong = Memo::new(move |_| {
        if !tried.get() {
            return Vec::new();
        }
        let wrong = wrong_attendance.get();
        organisations.with_value(|all| {
            all.iter()
                .filter(|o| wrong.contains(&o.value))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Completed before and a draft again through an edit: complete again as soon as the edit is
    // put right (the choice made, the year typed out), without a button far up the page.
    Effect::new(move |_| {
        if reverted.get() && missing.with(Vec::is_empty) && wrong_attendance.with(|w| w.is_empty())
        {
            let today = clock::today_local();
            store.update_meeting(&id.get_value(), |m, now| {
                m.complete_again(now, &today);
            });
        }
    });
    let complete = move |_| {
        tried.set(true);
        if missing.get_untracked().is_empty() && wrong_attendance.with_untracked(|w| w.is_empty()) {
            store.update_meeting(&id.get_value(), |m, now| m.complete(now));
            dom::focus_element("meeting-status");
        } else {
            // The summary appears on the next render.
            request_animation_frame(|| dom::focus_element("error-summary"));
        }
    };
    let place = move || {
        store
            .meeting(&id.get_value())
            .and_then(|own| municipality_label(store, &own))
    };
    let heading = move || match place() {
        Some(p) => format!("{} {p}", i18n.t().meeting_title),
        None => i18n.t().meeting_title.to_string(),
    };
    Effect::new(move |_| crate::ui::app::set_title_detail(heading()));
    Effect::new(move |_| {
        crate::ui::app::set_title_error(
            !missing.with(Vec::is_empty) || !shown_wrong.with(Vec::is_empty),
        )
    });

    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{heading}</h1>
        <SaveIndicator />
        <div id="meeting-status" tabindex="-1">
            {move || (status.get() == Some(Status::Complete)).then(|| view! {
                <div class="notice notice-success" role="status">
                    <p>{i18n.t().meeting_completed}</p>
                    // The next step, as after completing an enquête.
                    <p><a class="button button-link" href=Route::Export.href()>{i18n.t().export_link}</a></p>
                </div>
            })}
            {move || reverted.get().then(|| view! {
                <div class="notice notice-warning" role="status"><p>{i18n.t().meeting_reverted}</p></div>
            })}
        </div>
        <MissingSummary missing=missing wrong_attendance=shown_wrong />

        <section aria-labelledby="where-when">
            <h2 id="where-when">{tr(|t| t.meeting_where_when)}</h2>
            // Which fields finishing needs, said before the attempt (WCAG 3.3.2).
            <p class="hint" id="meeting-required-hint">{tr(|t| t.meeting_required_hint)}</p>
            {municipality_field(store, id, current, missing, municipalities, initial.municipality.clone())}
            <div class="field" class:field-error=move || date_error().is_some()>
                <label class="question" for="meeting-date">{tr(|t| t.meeting_date)}</label>
                {move || date_error().map(|text| view! {
                    <p class="error-message" id="meeting-date-error">{text}</p>
                })}
                // A four-digit year: without bounds the browser takes "25012026" as the year
                // 12026.
                <input type="date" class="input input-date" id="meeting-date" min="2000-01-01" max=clock::today_local()
                    aria-describedby=move || match (date_error().is_some(), date_words().is_some()) {
                        (true, true) => Some("meeting-date-error meeting-date-words"),
                        (true, false) => Some("meeting-date-error"),
                        (false, true) => Some("meeting-date-words"),
                        (false, false) => None,
                    }
                    aria-invalid=move || date_error().map(|_| "true")
                    prop:value=initial.date.clone()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        let today = clock::today_local();
                        store.update_meeting(&id.get_value(), |m, now| {
                            // A completed meeting dated after today is a draft again, as one
                            // that loses its date (and the screen says so).
                            if m.edit(now, |m| m.date = value)
                                && m.status == Status::Complete
                                && (m.dated_after(&today) || m.dated_before(EARLIEST_DATE))
                            {
                                m.status = Status::Draft;
                            }
                        });
                    } />
                {move || date_words().map(|words| view! {
                    <p class="hint date-in-words" id="meeting-date-words">{words}</p>
                })}
            </div>
            // The same municipality and date as another meeting on this device: said here, as
            // the coordinator's report would say it later (two facilitators may each record it,
            // but on one device it is more often a second start by mistake).
            {move || twin.get().then(|| view! {
                <div class="notice" id="meeting-twin" role="status"><p>{tr(|t| t.meeting_twin)}</p></div>
            })}
        </section>

        <fieldset class="field attendance" aria-describedby="attendance-hint">
            <legend><h2 id="attendance-heading">{tr(|t| t.meeting_attendance)}</h2></legend>
            <p class="hint" id="attendance-hint">{tr(|t| t.meeting_attendance_hint)}</p>
            {organisations.get_value().into_iter().map(|o| {
                let field = format!("attendance-{}", o.value);
                let error_id = format!("{field}-error");
                let start = initial.attendance.get(&o.value).map(|n| n.to_string()).unwrap_or_default();
                let key = o.value.clone();
                // Text, not type=number: the browser would hand "2,5" over as empty, and the
                // person would never hear that it was not taken.
                let wrong = RwSignal::new(false);
                let describedby = {
                    let error_id = error_id.clone();
                    move || wrong.get().then(|| error_id.clone())
                };
                view! {
                    <div class="field field-inline" class:field-error=move || wrong.get()>
                        <label class="question" for=field.clone()>{move || o.label.get(i18n.lang()).to_string()}</label>
                        <input type="text" class="input input-number" id=field inputmode="numeric" autocomplete="off"
                            aria-describedby=describedby aria-invalid=move || wrong.get().then_some("true")
                            prop:value=start
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                let text = text.trim();
                                let count = if text.is_empty() { Some(0) } else { text.parse::<u32>().ok().filter(|&n| n <= MAX_ATTENDANCE) };
                                wrong.set(count.is_none());
                                wrong_attendance.update(|w| {
                                    if count.is_none() {
                                        w.insert(key.clone());
                                    } else {
                                        w.remove(&key);
                                    }
                                });
                                // Text that is no count clears the stored one meanwhile, as
                                // the enquête's number fields do: what is stored (and exported)
                                // is never a number the person has since typed over.
                                let key = key.clone();
                                edit(store, id, move |m| match count {
                                    Some(0) | None => {
                                        m.attendance.remove(&key);
                                    }
                                    Some(count) => {
                                        m.attendance.insert(key, count);
                                    }
                                });
                            } />
                        {move || wrong.get().then(|| view! {
                            <p class="error-message" id=error_id.clone()>{i18n.t().meeting_attendance_wrong}</p>
                        })}
                    </div>
                }
            }).collect_view()}
            <p id="attendance-total">
                {move || fill(i18n.t().meeting_attendance_total, &[(
                    "n",
                    &current.with(|m| m.as_ref().map(Meeting::attendance_total).unwrap_or(0)).to_string(),
                )])}
            </p>
        </fieldset>

        <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">{tr(|t| t.meeting_questions_heading)}</h2>
            {questionnaire.meeting_questions().iter().map(|question| {
                let q_id = question.id.clone();
                let label = question.label.clone();
                let text = {
                    let q_id = q_id.clone();
                    Signal::derive(move || current.with(|m| {
                        m.as_ref().and_then(|m| m.notes.get(&q_id).cloned()).unwrap_or_default()
                    }))
                };
                let start = initial.notes.get(&q_id).cloned().unwrap_or_default();
                let on_input = Callback::new(move |value: String| {
                    let q_id = q_id.clone();
                    edit(store, id, move |m| {
                        if value.trim().is_empty() {
                            m.notes.remove(&q_id);
                        } else {
                            m.notes.insert(q_id, value);
                        }
                    });
                });
                text_field(
                    format!("note-{}", question.id),
                    Signal::derive(move || label.get(i18n.lang()).to_string()),
                    None,
                    start,
                    text,
                    on_input,
                    None,
                )
            }).collect_view()}
        </section>

        <Cases store=store id=id current=current />

        <section aria-labelledby="strengths-concerns">
            // Seen too: without it the strengths field read as part of the cases above.
            <h2 id="strengths-concerns">{tr(|t| t.meeting_strengths_concerns)}</h2>
            {list_field(store, id, "meeting-strengths", |t| t.meeting_strengths, initial.strengths.join("\n"), |m, v| m.strengths = v)}
            {list_field(store, id, "meeting-concerns", |t| t.meeting_concerns, initial.concerns.join("\n"), |m, v| m.concerns = v)}
        </section>

        <Actions store=store id=id current=current organisations=organisations missing=missing />

        <div class="actions">
            {move || (status.get() == Some(Status::Draft)).then(|| view! {
                <button type="button" class="button" id="meeting-complete" on:click=complete>
                    {i18n.t().meeting_complete}
                </button>
            })}
        </div>
        <p class="links"><a href=Route::Meetings.href()>{tr(|t| t.back_to_meetings)}</a></p>
    }
}

/// The municipality: a choice from the questionnaire's list.
fn municipality_field(
    store: Store,
    id: StoredValue<String>,
    current: Memo<Option<Meeting>>,
    missing: Memo<Vec<MissingForCompletion>>,
    options: Vec<ChoiceOption>,
    start: String,
) -> AnyView {
    let i18n = use_i18n();
    let error = move || missing.get().contains(&MissingForCompletion::Municipality);
    // A value recorded elsewhere that this list does not have stays choosable.
    let recorded = current
        .with_untracked(|m| m.as_ref().map(|m| m.municipality.clone()))
        .filter(|v| !v.is_empty() && !options.iter().any(|o| &o.value == v));
    view! {
        <div class="field" class:field-error=error>
            <label class="question" for="meeting-municipality">{tr(|t| t.meeting_municipality)}</label>
            {move || error().then(|| view! {
                <p class="error-message" id="meeting-municipality-error">{i18n.t().meeting_missing_municipality}</p>
            })}
            <select id="meeting-municipality" class="select"
                // The first field: tabbing into the form hears what finishing needs.
                aria-describedby=move || if error() {
                    "meeting-municipality-error meeting-required-hint"
                } else {
                    "meeting-required-hint"
                }
                aria-invalid=move || error().then_some("true")
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    edit(store, id, |m| m.municipality = value);
                }>
                <option value="" selected=start.is_empty()>{tr(|t| t.meeting_choose_municipality)}</option>
                {recorded.map(|v| view! { <option value=v.clone() selected=true>{v.clone()}</option> })}
                {options.into_iter().map(|o| {
                    let selected = o.value == start;
                    view! {
                        <option value=o.value.clone() selected=selected>{move || o.label.get(i18n.lang()).to_string()}</option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// A free-text field with its privacy hints. Rendered once with `start`; what is typed goes to
/// `on_input`, and `text` (the stored value) feeds the hints.
fn text_field(
    field_id: String,
    label: Signal<String>,
    hint: Option<Signal<String>>,
    start: String,
    text: Signal<String>,
    on_input: Callback<String>,
    error: Option<Signal<Option<String>>>,
) -> AnyView {
    let hints_id = format!("{field_id}-hints");
    let hint_id = format!("{field_id}-hint");
    let error_id = format!("{field_id}-error");
    let error = error.unwrap_or_default();
    let described = {
        let (hint_id, hints_id, error_id) = (hint_id.clone(), hints_id.clone(), error_id.clone());
        move || {
            let mut ids: Vec<&str> = Vec::new();
            if hint.is_some() {
                ids.push(&hint_id);
            }
            if error.with(Option::is_some) {
                ids.push(&error_id);
            }
            ids.push(&hints_id);
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:field-error=move || error.with(Option::is_some)>
            <label class="question" for=field_id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {move || error.get().map(|text| view! {
                <p class="error-message" id=error_id.clone()>{text}</p>
            })}
            <textarea class="input textarea" id=field_id rows="4" aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=start
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
            <PrivacyHints id=hints_id text=text />
        </div>
    }
    .into_any()
}

/// A list typed one entry per line (strengths, concerns).
fn list_field(
    store: Store,
    id: StoredValue<String>,
    field_id: &'static str,
    label: fn(&'static Messages) -> &'static str,
    start: String,
    set: fn(&mut Meeting, Vec<String>),
) -> AnyView {
    let i18n = use_i18n();
    let typed = RwSignal::new(start.clone());
    text_field(
        field_id.to_string(),
        Signal::derive(move || label(i18n.t()).to_string()),
        Some(Signal::derive(move || {
            i18n.t().meeting_one_per_line.to_string()
        })),
        start,
        typed.into(),
        Callback::new(move |value: String| {
            let entries = lines(&value);
            typed.set(value);
            edit(store, id, move |m| set(m, entries));
        }),
        None,
    )
}

/// The anonymised cases: summary and learning each, added and removed one by one.
#[component]
fn Cases(store: Store, id: StoredValue<String>, current: Memo<Option<Meeting>>) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| current.with(|m| m.as_ref().map_or(0, |m| m.cases.len())));
    // The case just removed, with its place: one press puts it back.
    let removed = RwSignal::new(None::<(usize, MeetingCase)>);
    let add = move |_| {
        let n = count.get_untracked();
        removed.set(None);
        edit(store, id, |m| m.cases.push(MeetingCase::default()));
        // The new case's summary, once it is on screen.
        request_animation_frame(move || dom::focus_element(&format!("case-{n}-summary")));
    };
    view! {
        <section aria-labelledby="cases-heading">
            <h2 id="cases-heading">{tr(|t| t.meeting_cases)}</h2>
            <p class="hint">{tr(|t| t.meeting_cases_hint)}</p>
            // Re-rendered only when a case is added or removed, never while typing.
            {move || (0..count.get()).map(|i| {
                let case = current.with_untracked(|m| m.as_ref().and_then(|m| m.cases.get(i).cloned())).unwrap_or_default();
                let number = (i + 1).to_string();
                let part = move |learning: bool| {
                    let text = Signal::derive(move || current.with(|m| {
                        m.as_ref().and_then(|m| m.cases.get(i)).map(|c| if learning { c.learning.clone() } else { c.summary.clone() }).unwrap_or_default()
                    }));
                    let on_input = Callback::new(move |value: String| edit(store, id, move |m| {
                        if let Some(c) = m.cases.get_mut(i) {
                            if learning { c.learning = value } else { c.summary = value }
                        }
                    }));
                    let label = Signal::derive(move || if learning { i18n.t().meeting_case_learning } else { i18n.t().meeting_case_summary }.to_string());
                    let field = format!("case-{i}-{}", if learning { "learning" } else { "summary" });
                    let start = if learning { case.learning.clone() } else { case.summary.clone() };
                    text_field(field, label, None, start, text, on_input, None)
                };
                let remove_label = {
                    let number = number.clone();
                    move || fill(i18n.t().meeting_remove_case, &[("n", &number)])
                };
                view! {
                    <fieldset class="field repeat-group">
                        <legend class="question">{
                            let number = number.clone();
                            move || fill(i18n.t().meeting_case_n, &[("n", &number)])
                        }</legend>
                        {part(false)}
                        {part(true)}
                        <button type="button" class="button button-text" on:click=move |_| {
                            let taken = current.with_untracked(|m| m.as_ref().and_then(|m| m.cases.get(i).cloned()));
                            edit(store, id, |m| { if i < m.cases.len() { m.cases.remove(i); } });
                            removed.set(taken.map(|case| (i, case)));
                            request_animation_frame(|| dom::focus_element("undo-case"));
                        }>{remove_label}</button>
                    </fieldset>
                }
            }).collect_view()}
            {undo_removal(removed, "undo-case", |t| (t.meeting_case_removed, t.meeting_restore_case), move |at, case| {
                edit(store, id, move |m| m.cases.insert(at.min(m.cases.len()), case));
                request_animation_frame(move || dom::focus_element(&format!("case-{at}-summary")));
            })}
            <button type="button" class="button button-quiet" id="add-case" on:click=add>
                {tr(|t| t.meeting_add_case)}
            </button>
        </section>
    }
}

/// The actions: text, general or local, and the organisation that takes it up.
#[component]
fn Actions(
    store: Store,
    id: StoredValue<String>,
    current: Memo<Option<Meeting>>,
    organisations: StoredValue<Vec<ChoiceOption>>,
    /// What completing still waits for (an action's missing text is said beside it).
    missing: Memo<Vec<MissingForCompletion>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| current.with(|m| m.as_ref().map_or(0, |m| m.actions.len())));
    let removed = RwSignal::new(None::<(usize, MeetingAction)>);
    let add = move |_| {
        let n = count.get_untracked();
        removed.set(None);
        edit(store, id, |m| {
            m.actions.push(MeetingAction {
                text: String::new(),
                scope: None,
                owner: String::new(),
            })
        });
        // The new action's text, once it is on screen.
        request_animation_frame(move || dom::focus_element(&format!("action-{n}-text")));
    };
    view! {
        <section aria-labelledby="actions-heading">
            <h2 id="actions-heading">{tr(|t| t.meeting_actions)}</h2>
            <p class="hint">{tr(|t| t.meeting_actions_hint)}</p>
            {move || (0..count.get()).map(|i| {
                let action = current.with_untracked(|m| m.as_ref().and_then(|m| m.actions.get(i).cloned()));
                let Some(action) = action else { return ().into_any() };
                let number = (i + 1).to_string();
                let text = Signal::derive(move || current.with(|m| {
                    m.as_ref().and_then(|m| m.actions.get(i)).map(|a| a.text.clone()).unwrap_or_default()
                }));
                let on_text = Callback::new(move |value: String| edit(store, id, move |m| {
                    if let Some(a) = m.actions.get_mut(i) { a.text = value }
                }));
                let scope_now = move || current.with(|m| m.as_ref().and_then(|m| m.actions.get(i)).and_then(|a| a.scope));
                let set_scope = move |scope: ActionScope| edit(store, id, move |m| {
                    if let Some(a) = m.actions.get_mut(i) { a.scope = Some(scope) }
                });
                let scope_radio = move |scope: ActionScope| {
                    let (suffix, label): (&str, fn(&'static Messages) -> &'static str) = match scope {
                        ActionScope::General => ("general", |t| t.scope_general),
                        ActionScope::Local => ("local", |t| t.scope_local),
                    };
                    let radio = format!("action-{i}-scope-{suffix}");
                    view! {
                        <div class="choice">
                            <input type="radio" name=format!("action-{i}-scope") id=radio.clone()
                                prop:checked=move || scope_now() == Some(scope)
                                on:change=move |_| set_scope(scope) />
                            <label for=radio>{move || label(i18n.t())}</label>
                        </div>
                    }
                };
                // Asked when completing (nothing is chosen for the facilitator).
                let scope_error = move || missing.with(|m| m.contains(&MissingForCompletion::ActionScope(i)));
                let scope_error_id = format!("action-{i}-scope-error");
                let owner_id = format!("action-{i}-owner");
                let owner_start = action.owner.clone();
                let number_legend = number.clone();
                view! {
                    <fieldset class="field repeat-group">
                        <legend class="question">{move || fill(i18n.t().meeting_action_n, &[("n", &number_legend)])}</legend>
                        {text_field(
                            format!("action-{i}-text"),
                            Signal::derive(move || i18n.t().meeting_action_text.to_string()),
                            None,
                            action.text.clone(),
                            text,
                            on_text,
                            // Asked when completing; on a completed meeting (which stays
                            // complete) said at once, as the report would leave it out.
                            Some(Signal::derive(move || {
                                let asked = missing
                                    .with(|m| m.contains(&MissingForCompletion::ActionText(i)));
                                let completed = current.with(|m| {
                                    m.as_ref().is_some_and(|m| {
                                        m.status == Status::Complete
                                            && m.actions_without_text().contains(&i)
                                    })
                                });
                                (asked || completed)
                                    .then(|| i18n.t().meeting_action_text_needed.to_string())
                            })),
                        )}
                        <fieldset class="field" class:field-error=scope_error
                            aria-describedby=move || scope_error().then(|| scope_error_id.clone())>
                            <legend class="question">{tr(|t| t.meeting_action_scope)}</legend>
                            {move || scope_error().then(|| view! {
                                <p class="error-message" id=format!("action-{i}-scope-error")>{tr(|t| t.meeting_action_scope_needed)}</p>
                            })}
                            <div class="choices">
                                {scope_radio(ActionScope::General)}
                                {scope_radio(ActionScope::Local)}
                            </div>
                        </fieldset>
                        <div class="field">
                            <label class="question" for=owner_id.clone()>{tr(|t| t.meeting_action_owner)}</label>
                            <select class="select" id=owner_id on:change=move |ev| {
                                let owner = event_target_value(&ev);
                                edit(store, id, move |m| { if let Some(a) = m.actions.get_mut(i) { a.owner = owner } });
                            }>
                                <option value="" selected=owner_start.is_empty()>{tr(|t| t.meeting_owner_none)}</option>
                                {organisations.get_value().into_iter().map(|o| {
                                    let selected = o.value == owner_start;
                                    view! { <option value=o.value.clone() selected=selected>{move || o.label.get(i18n.lang()).to_string()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="button" class="button button-text" on:click=move |_| {
                            let taken = current.with_untracked(|m| m.as_ref().and_then(|m| m.actions.get(i).cloned()));
                            edit(store, id, |m| { if i < m.actions.len() { m.actions.remove(i); } });
                            removed.set(taken.map(|action| (i, action)));
                            request_animation_frame(|| dom::focus_element("undo-action"));
                        }>{
                            let number = number.clone();
                            move || fill(i18n.t().meeting_remove_action, &[("n", &number)])
                        }</button>
                    </fieldset>
                }.into_any()
            }).collect_view()}
            {undo_removal(removed, "undo-action", |t| (t.meeting_action_removed, t.meeting_restore_action), move |at, action| {
                edit(store, id, move |m| m.actions.insert(at.min(m.actions.len()), action));
                request_animation_frame(move || dom::focus_element(&format!("action-{at}-text")));
            })}
            <button type="button" class="button button-quiet" id="add-action" on:click=add>
                {tr(|t| t.meeting_add_action)}
            </button>
        </section>
    }
}

/// After a case or action was removed: says so, with a button (which gets focus) that puts it
/// back in its place. A removal is one press, and what was typed in it is gone with it.
fn undo_removal<T: Clone + Send + Sync + 'static>(
    removed: RwSignal<Option<(usize, T)>>,
    button_id: &'static str,
    words: fn(&Messages) -> (&'static str, &'static str),
    restore: impl Fn(usize, T) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let number = move || {
        removed
            .with(|r| r.as_ref().map_or(0, |r| r.0 + 1))
            .to_string()
    };
    view! {
        <Show when=move || removed.with(Option::is_some)>
            <p class="notice undo-notice" role="status">
                {move || fill(words(i18n.t()).0, &[("n", &number())])} " "
                <button type="button" class="button button-quiet" id=button_id on:click={
                    let restore = restore.clone();
                    move |_| {
                        if let Some((at, item)) = removed.get_untracked() {
                            removed.set(None);
                            restore(at, item);
                        }
                    }
                }>{move || fill(words(i18n.t()).1, &[("n", &number())])}</button>
            </p>
        </Show>
    }
}

/// What is missing or wrong before completing, summarised at the top with links to the fields.
#[component]
fn MissingSummary(
    missing: Memo<Vec<MissingForCompletion>>,
    /// Organisations whose attendance is not a count.
    wrong_attendance: Memo<Vec<ChoiceOption>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || !missing.with(Vec::is_empty) || !wrong_attendance.with(Vec::is_empty)>
            <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{tr(|t| t.error_summary_title)}</h2>
                <ul>
                    {move || missing.get().into_iter().map(|m| {
                        let t = i18n.t();
                        let (target, text) = match m {
                            MissingForCompletion::Municipality => ("meeting-municipality".to_string(), t.meeting_missing_municipality.to_string()),
                            MissingForCompletion::Date => ("meeting-date".to_string(), t.meeting_missing_date.to_string()),
                            MissingForCompletion::DateInFuture => ("meeting-date".to_string(), t.meeting_date_in_future.to_string()),
                            MissingForCompletion::DateTooEarly => ("meeting-date".to_string(), t.meeting_date_too_early.to_string()),
                            MissingForCompletion::ActionText(i) => (
                                format!("action-{i}-text"),
                                fill(t.meeting_action_text_missing, &[("n", &(i + 1).to_string())]),
                            ),
                            MissingForCompletion::ActionScope(i) => (
                                format!("action-{i}-scope-general"),
                                fill(t.meeting_action_scope_missing, &[("n", &(i + 1).to_string())]),
                            ),
                        };
                        view! {
                            <li><a href=format!("#{target}") on:click=move |ev| {
                                ev.prevent_default();
                                dom::focus_element(&target);
                            }>{text}</a></li>
                        }
                    }).collect_view()}
                    {move || wrong_attendance.get().into_iter().map(|o| {
                        let target = format!("attendance-{}", o.value);
                        let text = format!(
                            "{} – {}",
                            o.label.get(i18n.lang()),
                            i18n.t().meeting_attendance_wrong
                        );
                        view! {
                            <li><a href=format!("#{target}") on:click=move |ev| {
                                ev.prevent_default();
                                dom::focus_element(&target);
                            }>{text}</a></li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// A meeting field path (as `privacy::scan_meeting` names it) for people: "Casus 1 – Wat speelde
/// er?", the meeting question, "Actie 2", "Krachten".
pub fn meeting_field_label(
    q: &Questionnaire,
    path: &str,
    t: &'static Messages,
    lang: crate::domain::Lang,
) -> String {
    if let Some(question) = path.strip_prefix("notes.") {
        return q
            .meeting_questions()
            .iter()
            .find(|m| m.id == question)
            .map(|m| m.label.get(lang).to_string())
            .unwrap_or_else(|| question.to_string());
    }
    let number = |rest: &str| {
        rest.split_once(']')
            .and_then(|(n, _)| n.parse::<usize>().ok())
            .map(|n| (n + 1).to_string())
            .unwrap_or_default()
    };
    match path.split_once('[') {
        Some(("cases", rest)) => {
            let part = if rest.ends_with(".learning") {
                t.meeting_case_learning
            } else {
                t.meeting_case_summary
            };
            format!(
                "{} – {part}",
                fill(t.meeting_case_n, &[("n", &number(rest))])
            )
        }
        Some(("actions", rest)) => fill(t.meeting_action_n, &[("n", &number(rest))]),
        Some(("strengths", _)) => t.meeting_strengths.to_string(),
        Some(("concerns", _)) => t.meeting_concerns.to_string(),
        _ => path.to_string(),
    }
}
