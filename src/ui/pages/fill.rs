//! Filling in one response: a section per page with "Stap 2 van 5", back and next, required
//! answers checked when moving on (errors beside the field and summarised at the top), then a
//! summary to check before completing. Every change is saved at once.

use crate::browser::dom;
use crate::domain::response;
use crate::domain::sorting;
use crate::domain::validation::{hiding_questions, without_hidden};
use crate::domain::{
    validate_answers, AnswerIssue, AnswerProblem, Label, Lang, Mode, Questionnaire, Status,
};
use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::components::question::{answer_text, field_id, HeldFields, Question};
use crate::ui::components::save_indicator::SaveIndicator;
use crate::ui::components::storage_gate::StorageGate;
use crate::ui::i18n::{fill, lang_attr, tr, use_i18n, Messages};
use crate::ui::route::Route;
use crate::ui::store::{storage_error_text, use_store, SaveStatus};
use leptos::prelude::*;
use serde_json::Value;

/// The screen for response `id`.
#[component]
pub fn FillPage(id: String) -> impl IntoView {
    let store = use_store();
    // A response started while the database opens is shown at once (its writes wait).
    let in_memory = {
        let id = id.clone();
        Signal::derive(move || {
            store
                .responses
                .with(|l| l.iter().any(|r| r.response.id == id))
        })
    };
    // Withdrawn in another tab while open here: the form goes, and says so.
    let withdrawn = {
        let id = id.clone();
        Memo::new(move |_| {
            store.responses.with(|l| {
                l.iter()
                    .any(|r| r.response.id == id && r.response.status == Status::Withdrawn)
            })
        })
    };
    view! {
        <StorageGate usable_early=in_memory title=|t| t.survey_title>
            {
                let id = id.clone();
                move || {
                    let _ = withdrawn.get();
                    fill_or_missing(id.clone())
                }
            }
        </StorageGate>
    }
}

fn fill_or_missing(id: String) -> AnyView {
    let store = use_store();
    let i18n = use_i18n();
    let own = store
        .responses
        .with_untracked(|l| l.iter().find(|r| r.response.id == id).cloned());
    let questionnaire = own
        .as_ref()
        .and_then(|o| store.questionnaire(&o.response.questionnaire));
    match (own, questionnaire) {
        (Some(own), Some(q)) if own.response.status != Status::Withdrawn => {
            view! { <FillForm id=id questionnaire=q start_at_summary=own.response.status == Status::Complete /> }.into_any()
        }
        (Some(_), None) => missing(i18n.t().questionnaire_missing).into_any(),
        _ => missing(i18n.t().response_not_found).into_any(),
    }
}

fn missing(text: &'static str) -> impl IntoView {
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.survey_title)}</h1>
        <p>{text}</p>
        <p class="links"><a href=Route::Survey.href()>{tr(|t| t.back_to_list)}</a></p>
    }
}

/// An error to show: which item, and what is wrong; worded when drawn, so the words follow a
/// language switch made while the error is on screen.
#[derive(Clone, Debug, PartialEq)]
struct ShownError {
    item: String,
    section: usize,
    issue: AnswerIssue,
    /// The question, named in the summary at the top.
    question: Label,
    /// Its kind, which words what is missing ("Kies een rapportcijfer.").
    kind: usize,
}

impl ShownError {
    /// Beside the field.
    fn text(&self, t: &Messages, lang: Lang) -> String {
        match self.issue.problem {
            AnswerProblem::Missing => t.missing_answer[self.kind].to_string(),
            // Text typed in a number field that reads as no number: as beside the field.
            AnswerProblem::WrongKind { expected: "number" } => t.not_a_number.to_string(),
            // A long paste held on its page: the numbers as the count beside it writes them.
            AnswerProblem::TextTooLong { chars } => {
                let max = crate::domain::questionnaire::MAX_TEXT_CHARS;
                let n = |x| crate::domain::format_count(x, lang);
                fill(t.text_too_long, &[("n", &n(chars)), ("max", &n(max))])
            }
            _ => self.issue.message(lang),
        }
    }

    /// In the summary at the top.
    fn summary(&self, t: &Messages, lang: Lang) -> String {
        format!("{} – {}", self.question.get(lang), self.text(t, lang))
    }
}

#[component]
fn FillForm(id: String, questionnaire: Questionnaire, start_at_summary: bool) -> impl IntoView {
    let store = use_store();
    let i18n = use_i18n();
    let q = StoredValue::new(questionnaire);
    let rid = StoredValue::new(id.clone());
    let answers = Memo::new(move |_| {
        rid.with_value(|id| store.response(id))
            .map(|o| o.response.answers)
            .unwrap_or_default()
    });
    let status = Memo::new(move |_| {
        rid.with_value(|id| store.response(id))
            .map(|o| o.response.status)
            .unwrap_or(Status::Draft)
    });
    // Indices of the sections that have at least one visible question, in order.
    let sections = Memo::new(move |_| {
        answers.with(|a| {
            q.with_value(|q| {
                q.sections()
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.items.iter().any(|i| q.is_visible(i, a)))
                    .map(|(i, _)| i)
                    .collect::<Vec<usize>>()
            })
        })
    });
    // The page: a position in `sections`; `sections.len()` is the summary. A draft opens where
    // the person left off: the last page with an answer, or the page after it when that one is
    // done (the summary after the last page, which lists whatever is still open), unless an
    // earlier page has a required question open; the summary once every question asked is
    // answered.
    let resume_at = move || {
        answers.with_untracked(|a| {
            q.with_value(|q| {
                sections.with_untracked(|pages| {
                    let items = |p: usize| {
                        q.sections()[pages[p]]
                            .items
                            .iter()
                            .filter(|i| q.is_visible(i, a))
                    };
                    let done = |p: usize| items(p).all(|i| a.contains_key(&i.id));
                    if !pages.is_empty() && (0..pages.len()).all(done) {
                        return usize::MAX;
                    }
                    let left_off = match (0..pages.len())
                        .rev()
                        .find(|&p| items(p).any(|i| a.contains_key(&i.id)))
                    {
                        None => 0,
                        Some(p) if done(p) => p + 1,
                        Some(p) => p,
                    };
                    // An earlier page with a required question open comes first: a change
                    // (frequency "nooit" to "wekelijks") may have brought one in behind.
                    (0..left_off)
                        .find(|&p| items(p).any(|i| i.required && !a.contains_key(&i.id)))
                        .unwrap_or(left_off)
                })
            })
        })
    };
    let step = RwSignal::new(if start_at_summary {
        usize::MAX
    } else {
        resume_at()
    });
    let page = Memo::new(move |_| step.get().min(sections.with(Vec::len)));
    // The section on that page, `None` on the summary: the page is drawn anew when it changes,
    // also at the same position. A page another tab's answer took away (frequency "nooit"
    // there) stayed drawn here, "Stap 3 van 2" without questions and a "Volgende" that did
    // nothing (an acceptance test's find); now that position is the summary, which lists what
    // is open.
    let shown_section = Memo::new(move |_| {
        let current = page.get();
        sections.with(|s| s.get(current).copied())
    });
    let errors = RwSignal::new(Vec::<ShownError>::new());
    // Number fields showing text that is no number: their page is not left until it is.
    let held = RwSignal::new(std::collections::BTreeMap::<String, AnswerProblem>::new());
    provide_context(HeldFields(held));
    // A page opened with "Wijzigen" from the summary, with the pages there were then: "next"
    // goes back to the summary, through any page the change brought in.
    let returning = RwSignal::new(None::<Vec<usize>>);
    let just_completed = RwSignal::new(false);
    let reopened = RwSignal::new(false);

    // After a page change focus goes to the new page's heading, once it is drawn: the effect
    // may run before the page is, after an answer changed which pages apply.
    Effect::new(move |previous: Option<usize>| {
        let current = page.get();
        if previous.is_some_and(|p| p != current) {
            dom::focus_element_after_render(PAGE_TITLE_ID);
        }
        current
    });

    let on_answer = Callback::new(move |(item, value): (String, Option<Value>)| {
        errors.update(|e| e.retain(|x| x.item != item));
        let id = rid.get_value();
        q.with_value(|q| {
            store.update_response(&id, |r, now| {
                r.set_answer(&item, value, now);
                if r.status == Status::Complete {
                    // A finished response stays finished only while it is still complete, and
                    // only while no answer is hidden by this change: an answer hidden by a
                    // slip (frequency "nooit" for a moment) is kept in a draft, as while filling
                    // in, and comes back when the slip is undone; completing again drops what
                    // is still hidden.
                    let cleaned = without_hidden(q, &r.answers);
                    if cleaned != r.answers
                        || !validate_answers(q, &cleaned, Mode::Complete).is_empty()
                    {
                        r.status = Status::Draft;
                        reopened.set(true);
                    }
                }
            });
        });
    });

    let section_errors = move |section: usize| -> Vec<ShownError> {
        q.with_value(|q| {
            let ids: Vec<&str> = q.sections()[section]
                .items
                .iter()
                .map(|i| i.id.as_str())
                .collect();
            let held = held.get_untracked();
            let typed_over = ids.iter().filter_map(|id| {
                held.get(*id).map(|problem| AnswerIssue {
                    item: id.to_string(),
                    problem: problem.clone(),
                })
            });
            answers.with(|a| {
                let mut found: Vec<AnswerIssue> = validate_answers(q, a, Mode::Complete)
                    .into_iter()
                    .filter(|issue| ids.contains(&issue.item.as_str()))
                    .filter(|issue| !held.contains_key(&issue.item))
                    .chain(typed_over)
                    .collect();
                // In the order of the page.
                sorting::sort_by_key(&mut found, |issue| {
                    ids.iter().position(|id| *id == issue.item)
                });
                found
                    .into_iter()
                    .filter(|issue| issue.problem != AnswerProblem::AnsweredWhileHidden)
                    .map(|issue| {
                        let item = q.item(&issue.item);
                        ShownError {
                            section,
                            question: item.map(|i| i.label.clone()).unwrap_or_default(),
                            kind: item.map_or(0, |i| i.kind.index()),
                            item: issue.item.clone(),
                            issue,
                        }
                    })
                    .collect()
            })
        })
    };

    // A page the summary's "Wijzigen" change left with a question to answer (one it brought in
    // or made required): every page was in order when the summary was reached.
    let needs_answers = move |section: usize| !section_errors(section).is_empty();
    let go_next = move || {
        let current = page.get_untracked();
        let Some(section) = sections.with_untracked(|s| s.get(current).copied()) else {
            return;
        };
        let found = section_errors(section);
        if found.is_empty() {
            errors.set(Vec::new());
            let brought_in = |before: &Vec<usize>| {
                sections.with_untracked(|now| page_brought_in(before, now, current, needs_answers))
            };
            match returning.with_untracked(|r| r.as_ref().map(brought_in)) {
                Some(Some(next)) => step.set(next),
                Some(None) => {
                    returning.set(None);
                    step.set(usize::MAX);
                }
                None => step.set(current + 1),
            }
        } else {
            errors.set(found);
            dom::focus_element_after_render("error-summary");
        }
    };
    let go_back = move || {
        // A text over the limit holds going back too: only its first 5,000 characters are
        // stored, and the rest, kept by the field alone, would go with the page.
        let current = page.get_untracked();
        if let Some(section) = sections.with_untracked(|s| s.get(current).copied()) {
            let too_long: Vec<ShownError> = section_errors(section)
                .into_iter()
                .filter(|e| matches!(e.issue.problem, AnswerProblem::TextTooLong { .. }))
                .collect();
            if !too_long.is_empty() {
                errors.set(too_long);
                dom::focus_element_after_render("error-summary");
                return;
            }
        }
        errors.set(Vec::new());
        returning.set(None);
        step.set(current.saturating_sub(1));
    };
    let complete = move || {
        let id = rid.get_value();
        let all_errors: Vec<ShownError> = sections
            .get_untracked()
            .into_iter()
            .flat_map(section_errors)
            .collect();
        if !all_errors.is_empty() {
            errors.set(all_errors);
            dom::focus_element_after_render("error-summary");
            return;
        }
        q.with_value(|q| {
            store.update_response(&id, |r, now| {
                let cleaned = without_hidden(q, &r.answers);
                if cleaned != r.answers {
                    r.answers = cleaned;
                }
                r.complete(now);
            });
        });
        errors.set(Vec::new());
        reopened.set(false);
        // What follows (the thank-you, or the error if it could not be stored) takes focus
        // once the write has ended: see `summary_page`.
        just_completed.set(true);
    };

    // The pages counted in "Stap 1 van 5": those shown, and those an unanswered question may
    // still bring (so the count does not start low and jump once it is answered). Followed
    // live: an answer can add or remove pages.
    let total = Memo::new(move |_| {
        // Never fewer than the pages shown: what is visible may be.
        answers.with(|a| {
            q.with_value(|q| {
                q.sections()
                    .iter()
                    .filter(|s| s.items.iter().any(|i| q.may_be_visible(i, a)))
                    .count()
            })
        })
    });
    // "Fout:" in front of the summary's title while it lists errors (a section page puts it in
    // its own title detail).
    Effect::new(move |_| {
        let on_summary = sections.with(|s| page.get() >= s.len());
        crate::ui::app::set_title_error(on_summary && errors.with(|e| !e.is_empty()));
    });
    view! {
        <div class="fill">
            <SaveIndicator />
            {move || reopened.get().then(|| view! {
                <div class="notice notice-warning" role="status"><p>{i18n.t().edit_reopened}</p></div>
            })}
            <ErrorSummary errors=errors step=step sections=sections />
            {move || {
                let current = page.get();
                // A double click's second click is not for the page now drawn (dom.rs).
                dom::page_replaced();
                match shown_section.get() {
                    Some(section) => section_page(section, current, total, sections, returning, needs_answers, q, answers, on_answer, errors, go_back, go_next).into_any(),
                    None => summary_page(q, answers, sections, status, just_completed, step, returning, complete).into_any(),
                }
            }}
        </div>
    }
}

/// The first page after `position` in `now` (pages by section) that an answer changed after
/// "Wijzigen" brought in: one `before` did not have, or one that now `needs` answers (a
/// required question it shows since).
fn page_brought_in(
    before: &[usize],
    now: &[usize],
    position: usize,
    needs: impl Fn(usize) -> bool,
) -> Option<usize> {
    (position + 1..now.len()).find(|&p| !before.contains(&now[p]) || needs(now[p]))
}

#[allow(clippy::too_many_arguments)]
fn section_page(
    section: usize,
    position: usize,
    total: Memo<usize>,
    sections: Memo<Vec<usize>>,
    returning: RwSignal<Option<Vec<usize>>>,
    needs_answers: impl Fn(usize) -> bool + Copy + Send + Sync + 'static,
    q: StoredValue<Questionnaire>,
    answers: Memo<response::Answers>,
    on_answer: Callback<(String, Option<Value>)>,
    errors: RwSignal<Vec<ShownError>>,
    go_back: impl Fn() + Copy + Send + Sync + 'static,
    go_next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = q.with_value(|q| q.sections()[section].title.clone());
    let q_title = q.with_value(|q| q.title().clone());
    let (title_lang, q_title_lang) = (title.clone(), q_title.clone());
    let items = q.with_value(|q| q.sections()[section].items.clone());
    let n = (position + 1).to_string();
    {
        let (n, title) = (n.clone(), title.clone());
        Effect::new(move |_| {
            let t = i18n.t();
            let step = fill(t.step_of, &[("n", &n), ("total", &total.get().to_string())]);
            let error = if errors.with(Vec::is_empty) {
                String::new()
            } else {
                format!("{} ", t.error_prefix)
            };
            crate::ui::app::set_title_detail(format!("{error}{step}: {}", title.get(i18n.lang())));
        });
    }
    view! {
        <p class="caption">
            // Each in its own language: a definition may have a text in one only.
            <span lang=move || lang_attr(&q_title_lang, i18n.lang())>{move || q_title.get(i18n.lang()).to_string()}</span> " – "
            {move || fill(i18n.t().step_of, &[("n", &n), ("total", &total.get().to_string())])}
        </p>
        <h1 id=PAGE_TITLE_ID tabindex="-1" lang=move || lang_attr(&title_lang, i18n.lang())>{move || title.get(i18n.lang()).to_string()}</h1>
        <form
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                go_next();
            }
        >
            {items
                .into_iter()
                .map(|item| {
                    let visible_item = item.clone();
                    let visible = move || answers.with(|a| q.with_value(|q| q.is_visible(&visible_item, a)));
                    let item_id = item.id.clone();
                    let error = Signal::derive(move || {
                        errors.with(|e| {
                            e.iter()
                                .find(|x| x.item == item_id)
                                .map(|x| x.text(i18n.t(), i18n.lang()))
                        })
                    });
                    view! {
                        <Show when=visible>
                            <Question item=item.clone() answers=answers on_answer=on_answer error=error />
                        </Show>
                    }
                })
                .collect_view()}
            <div class="actions">
                {(position > 0).then(|| view! {
                    <button type="button" class="button button-secondary-dark" on:click=move |_| go_back()>
                        {tr(|t| t.previous)}
                    </button>
                })}
                <button type="submit" class="button">
                    {move || {
                        // Back to the summary next, unless a page comes first: the following one,
                        // or after "Wijzigen" one the change brought in.
                        let last = sections.with(|now| match returning.get() {
                            Some(before) => page_brought_in(&before, now, position, needs_answers).is_none(),
                            None => position + 1 == now.len(),
                        });
                        if last { i18n.t().to_summary } else { i18n.t().next }
                    }}
                </button>
            </div>
        </form>
    }
}

/// Where completing stands on the summary page.
#[derive(Clone, Debug, PartialEq)]
enum Completion {
    /// Not asked for (or left by changing an answer).
    Not,
    /// Asked for; the write has not ended.
    Pending,
    /// Stored.
    Done,
    /// The write failed.
    Failed(crate::browser::idb::StorageError),
}

const COMPLETED_NOT_SAVED_ID: &str = "completed-not-saved";

#[allow(clippy::too_many_arguments)]
fn summary_page(
    q: StoredValue<Questionnaire>,
    answers: Memo<response::Answers>,
    sections: Memo<Vec<usize>>,
    status: Memo<Status>,
    just_completed: RwSignal<bool>,
    step: RwSignal<usize>,
    returning: RwSignal<Option<Vec<usize>>>,
    complete: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // Completing is thanked for only once it is stored: until the write ends the summary stays,
    // then comes the thank-you or, if it failed (the storage full), the error.
    let completion = Memo::new(move |_| {
        if !just_completed.get() {
            return Completion::Not;
        }
        match store.save_status.get() {
            SaveStatus::Saving => Completion::Pending,
            SaveStatus::Failed(e) => Completion::Failed(e),
            SaveStatus::Idle | SaveStatus::Saved => Completion::Done,
        }
    });
    // Focus follows: the thank-you's heading, or the error (drawn anew each time).
    Effect::new(move |before: Option<Completion>| {
        let now = completion.get();
        if before.is_some_and(|b| b != now) {
            match now {
                Completion::Done => dom::focus_element_after_render(PAGE_TITLE_ID),
                Completion::Failed(_) => dom::focus_element_after_render(COMPLETED_NOT_SAVED_ID),
                Completion::Not | Completion::Pending => {}
            }
        }
        now
    });
    Effect::new(move |_| {
        let t = i18n.t();
        crate::ui::app::set_title_detail(
            if completion.get() == Completion::Done {
                t.completed_title
            } else {
                t.check_answers
            }
            .to_string(),
        );
    });
    let rows = move || {
        let t = i18n.t();
        let lang = i18n.lang();
        let a = answers.get();
        sections
            .get()
            .into_iter()
            .enumerate()
            .map(|(position, section)| {
                let (title, title_lang, items) = q.with_value(|q| {
                    let s = &q.sections()[section];
                    let items: Vec<(String, Option<&str>, String)> = s
                        .items
                        .iter()
                        .filter(|i| q.is_visible(i, &a))
                        .map(|i| {
                            let shown = a
                                .get(i.id.as_str())
                                .map(|v| answer_text(i, v, t, lang))
                                .unwrap_or_else(|| t.not_answered.to_string());
                            (i.label.get(lang).to_string(), lang_attr(&i.label, lang), shown)
                        })
                        .collect();
                    (s.title.get(lang).to_string(), lang_attr(&s.title, lang), items)
                });
                view! {
                    <section class="summary-section">
                        <div class="summary-head">
                            <h2 lang=title_lang>{title.clone()}</h2>
                            <button type="button" class="button button-quiet" on:click=move |_| {
                                just_completed.set(false);
                                returning.set(Some(sections.get_untracked()));
                                step.set(position);
                            }>
                                {t.change}<span class="visually-hidden">{format!(" ({title})")}</span>
                            </button>
                        </div>
                        <dl class="summary-list">
                            {items.into_iter().map(|(question, question_lang, answer)| view! {
                                <div class="summary-row"><dt lang=question_lang>{question}</dt><dd>{answer}</dd></div>
                            }).collect_view()}
                        </dl>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        {move || if let Completion::Failed(e) = completion.get() {
            // Completing was not stored: no thank-you (after a reload it would be a draft again).
            let reason = storage_error_text(&e, i18n.t());
            view! {
                <h1 id=PAGE_TITLE_ID tabindex="-1">{i18n.t().check_answers}</h1>
                <div class="notice notice-error" role="alert" id=COMPLETED_NOT_SAVED_ID tabindex="-1">
                    <p>{fill(i18n.t().completed_not_saved, &[("reason", &reason)])}</p>
                    <p><button type="button" class="button" on:click=move |_| store.retry_unsaved()>
                        {i18n.t().save_retry}
                    </button></p>
                </div>
            }.into_any()
        } else if completion.get() == Completion::Done {
            view! {
                // Focus goes to the heading, which is read then; the text is said by its own
                // status (the heading inside a status was said twice).
                <div class="panel-done">
                    <h1 id=PAGE_TITLE_ID tabindex="-1">{i18n.t().completed_title}</h1>
                    <p role="status">{i18n.t().completed_text}</p>
                </div>
                // The next step the text names, at hand.
                <p><a class="button" href=Route::Export.href()>{i18n.t().export_link}</a></p>
            }.into_any()
        } else {
            view! {
                <h1 id=PAGE_TITLE_ID tabindex="-1">{i18n.t().check_answers}</h1>
                {(status.get() == Status::Complete).then(|| view! {
                    <p><strong class="tag tag-complete">{i18n.t().status_complete}</strong></p>
                })}
            }.into_any()
        }}
        {rows}
        // Answers a later answer made irrelevant are kept in a draft (a slip can be undone) but
        // erased on finishing: said before, with their number, never silently.
        {move || {
            let (dropped, questions) = answers.with(|a| {
                q.with_value(|q| {
                    let lang = i18n.lang();
                    // The questions to change to keep them, by their question alone.
                    let names: Vec<String> = hiding_questions(q, a)
                        .iter()
                        .map(|i| format!("“{}”", crate::ui::i18n::question_only(i.label.get(lang))))
                        .collect();
                    (a.len() - without_hidden(q, a).len(), names)
                })
            });
            (status.get() == Status::Draft && dropped > 0).then(|| {
                let t = i18n.t();
                let text = t.complete_drops_hidden[usize::from(dropped != 1)];
                let questions = match questions.split_last() {
                    Some((last, [])) => last.clone(),
                    Some((last, rest)) => format!("{} {} {last}", rest.join(", "), t.and),
                    None => String::new(),
                };
                view! {
                    <div class="notice notice-warning" id="complete-drops-hidden">
                        <p>{fill(text, &[("n", &dropped.to_string()), ("questions", &questions)])}</p>
                    </div>
                }
            })
        }}
        {move || (status.get() == Status::Draft).then(|| view! {
            <p class="hint">{i18n.t().complete_hint}</p>
            <p><button type="button" class="button" on:click=move |_| complete()>{i18n.t().complete_survey}</button></p>
        })}
        <p class="links"><a href=Route::Survey.href()>{tr(|t| t.back_to_list)}</a></p>
    }
}

/// The summary of errors at the top of the page, each a link that moves focus to its question.
#[component]
fn ErrorSummary(
    errors: RwSignal<Vec<ShownError>>,
    step: RwSignal<usize>,
    sections: Memo<Vec<usize>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{tr(|t| t.error_summary_title)}</h2>
                <ul>
                    {move || errors.get().into_iter().map(|e| {
                        let target = field_id(&e.item);
                        let position = sections.with_untracked(|s| s.iter().position(|x| *x == e.section));
                        view! {
                            <li>
                                <a href=format!("#{target}") on:click=move |ev| {
                                    ev.prevent_default();
                                    if let Some(p) = position {
                                        if step.get_untracked() != p {
                                            step.set(p);
                                        }
                                    }
                                    // After a page change the question exists only once the
                                    // page is drawn, and the new page's heading takes focus then:
                                    // the question takes it after that.
                                    dom::focus_first_control_after_render(&target);
                                }>{move || e.summary(i18n.t(), i18n.lang())}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
