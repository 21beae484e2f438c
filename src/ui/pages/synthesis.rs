//! The meetings in the regional report (design §4): which municipalities have had a completed
//! meeting and which not yet; the general actions grouped across municipalities (most raised
//! first); and per municipality its enquête figures (under the same suppression as the rest of
//! the report) beside its meeting's strengths, concerns, cases and actions.

use crate::browser::clock;
use crate::domain::report::{GroupKey, Report};
use crate::domain::synthesis::{synthesise, MunicipalityOutcome, Synthesis};
use crate::domain::{builtin, ChoiceOption, Dataset, Lang, Questionnaire};
use crate::ui::components::response_list::locale;
use crate::ui::coordinator::use_coordinator;
use crate::ui::i18n::{fill, use_i18n, Messages};
use crate::ui::pages::report::{mean_text, n_text};
use leptos::prelude::*;

/// The municipality list (or, with `organisations`, the organisation list) the synthesis is
/// read against: the reported questionnaire's, else the one the meetings were recorded with,
/// else the built-in one's.
fn list_options(
    q: Option<&Questionnaire>,
    dataset: &Dataset,
    organisations: bool,
) -> Vec<ChoiceOption> {
    let from = |q: &Questionnaire| {
        let item = if organisations {
            q.organisation_item()
        } else {
            q.municipality_item()
        };
        item.map(|i| i.kind.options().to_vec())
    };
    q.and_then(from)
        .or_else(|| {
            dataset
                .meetings
                .values()
                .find_map(|m| dataset.questionnaires.get(&m.questionnaire).and_then(from))
        })
        .or_else(|| from(builtin()))
        .unwrap_or_default()
}

/// The meetings section of the report.
#[component]
pub fn MeetingSynthesis(
    questionnaire: Memo<Option<Questionnaire>>,
    report: Memo<Option<Report>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let coordinator = use_coordinator();
    let data = Memo::new(move |_| {
        coordinator.dataset.with(|d| {
            let options = questionnaire.with(|q| list_options(q.as_ref(), d, false));
            let organisations = questionnaire.with(|q| list_options(q.as_ref(), d, true));
            let values: Vec<String> = options.iter().map(|o| o.value.clone()).collect();
            // Every municipality and organisation option of every known questionnaire, to name
            // the values of meetings recorded with another questionnaire than the report's.
            let mut fallback: Vec<ChoiceOption> = Vec::new();
            for q in d.questionnaires.values().chain(std::iter::once(builtin())) {
                for item in [q.municipality_item(), q.organisation_item()]
                    .into_iter()
                    .flatten()
                {
                    fallback.extend(item.kind.options().iter().cloned());
                }
            }
            (
                synthesise(d.meetings.values(), &values),
                options,
                organisations,
                fallback,
            )
        })
    });
    let split_item = Memo::new(move |_| {
        questionnaire.with(|q| {
            q.as_ref()
                .and_then(|q| q.municipality_item().map(|i| i.id.clone()))
        })
    });
    move || {
        let (synthesis, options, organisations, fallback) = data.get();
        let split_item = split_item.get();
        let has_surveys = questionnaire.with(Option::is_some);
        let t = i18n.t();
        let lang = i18n.lang();
        // A value's label in the report's list, else in any known questionnaire's, else the
        // value itself.
        let label_in = |list: &[ChoiceOption], value: &str| -> String {
            list.iter()
                .chain(fallback.iter())
                .find(|o| o.value == value)
                .map(|o| o.label.get(lang).to_string())
                .unwrap_or_else(|| value.to_string())
        };
        let name = |value: &str| -> String {
            if value.is_empty() {
                return t.synthesis_no_municipality.to_string();
            }
            label_in(&options, value)
        };
        let owner = |value: &str| label_in(&organisations, value);
        // The meeting's own questionnaire (the built-in one when it is not known here).
        let asked = |m: &crate::domain::Meeting| -> Vec<(String, String)> {
            coordinator.dataset.with_untracked(|d| {
                d.questionnaires
                    .get(&m.questionnaire)
                    .unwrap_or(builtin())
                    .meeting_questions()
                    .iter()
                    .map(|x| (x.id.clone(), x.label.get(lang).to_string()))
                    .collect()
            })
        };
        let body = if synthesis.municipalities.is_empty() {
            view! { <p id="synthesis-none">{t.synthesis_none}</p> }.into_any()
        } else {
            let per = synthesis
                .municipalities
                .iter()
                .map(|o| {
                    let figures = match split_item.as_deref() {
                        // No surveys at all: said below, as for a municipality without any.
                        None if !has_surveys => None,
                        None => Some(view! { <p>{t.synthesis_survey_no_split}</p> }.into_any()),
                        Some(item) => report.with(|r| {
                            r.as_ref()
                                .and_then(|r| survey_figures(r, item, &o.municipality, t, lang))
                        }),
                    };
                    municipality_view(o, &name(&o.municipality), &owner, &asked, figures, t, lang)
                })
                .collect_view();
            view! {
                {general_view(&synthesis, &name, &owner, t)}
                <h3>{t.synthesis_per_municipality}</h3>
                {per}
            }
            .into_any()
        };
        view! {
            <section class="report-section" aria-labelledby="synthesis-heading">
                <h2 id="synthesis-heading">{t.synthesis_title}</h2>
                {coverage_view(&synthesis, &name, t)}
                {body}
            </section>
        }
    }
}

fn coverage_view(s: &Synthesis, name: &dyn Fn(&str) -> String, t: &'static Messages) -> AnyView {
    if s.covered.is_empty() && s.missing.is_empty() {
        return ().into_any();
    }
    let list = |values: &[String]| {
        values
            .iter()
            .map(|v| name(v))
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <h3>{t.synthesis_coverage}</h3>
        <dl class="summary-list" id="synthesis-coverage">
            <div class="summary-row">
                <dt>{fill(t.synthesis_covered, &[("n", &s.covered.len().to_string())])}</dt>
                <dd id="synthesis-covered">{list(&s.covered)}</dd>
            </div>
            <div class="summary-row">
                <dt>{fill(t.synthesis_missing, &[("n", &s.missing.len().to_string())])}</dt>
                <dd id="synthesis-missing">{list(&s.missing)}</dd>
            </div>
        </dl>
    }
    .into_any()
}

fn general_view(
    s: &Synthesis,
    name: &dyn Fn(&str) -> String,
    owner: &dyn Fn(&str) -> String,
    t: &'static Messages,
) -> AnyView {
    let rows = s
        .general_actions
        .iter()
        .map(|g| {
            let others: Vec<&String> = g.wordings.iter().filter(|w| **w != g.text).collect();
            let places = g.municipalities.iter().map(|m| name(m)).collect::<Vec<_>>().join(", ");
            view! {
                <tr>
                    <td>
                        {g.text.clone()}
                        {(!others.is_empty()).then(|| view! {
                            <p class="hint">{t.synthesis_wordings} " "
                                {others.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>().join(", ")}
                            </p>
                        })}
                    </td>
                    <td>{format!("{} ({})", g.municipalities.len(), places)}</td>
                    <td>{g.owners.iter().map(|o| owner(o)).collect::<Vec<_>>().join(", ")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{t.synthesis_general}</h3>
        <p class="hint">{t.synthesis_general_intro}</p>
        {if s.general_actions.is_empty() {
            view! { <p>{t.synthesis_general_none}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="synthesis-general-caption">
                <table class="data-table" id="synthesis-general">
                    <caption id="synthesis-general-caption">{t.synthesis_general_caption}</caption>
                    <thead><tr>
                        <th scope="col">{t.synthesis_action}</th>
                        <th scope="col">{t.synthesis_raised_by}</th>
                        <th scope="col">{t.synthesis_owner}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                </div>
            }.into_any()
        }}
    }
    .into_any()
}

/// A bulleted list, or nothing when it is empty.
fn bullets(title: &'static str, items: Vec<String>) -> AnyView {
    let items: Vec<String> = items.into_iter().filter(|s| !s.trim().is_empty()).collect();
    if items.is_empty() {
        return ().into_any();
    }
    view! {
        <h5>{title}</h5>
        <ul>{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
    }
    .into_any()
}

fn municipality_view(
    o: &MunicipalityOutcome,
    name: &str,
    owner: &dyn Fn(&str) -> String,
    asked: &dyn Fn(&crate::domain::Meeting) -> Vec<(String, String)>,
    figures: Option<AnyView>,
    t: &'static Messages,
    lang: Lang,
) -> AnyView {
    let meetings = o
        .meetings
        .iter()
        .map(|m| {
            let date = clock::format_date(&m.date, locale(lang));
            let cases: Vec<String> = m
                .cases
                .iter()
                .filter(|c| !(c.summary.trim().is_empty() && c.learning.trim().is_empty()))
                .map(|c| match (c.summary.trim(), c.learning.trim()) {
                    (summary, "") => summary.to_string(),
                    ("", learning) => format!("→ {learning}"),
                    (summary, learning) => format!("{summary} → {learning}"),
                })
                .collect();
            // In the order the questionnaire asks them; notes to questions it lacks after.
            let questions = asked(m);
            let mut ordered: Vec<(String, &String)> = questions
                .iter()
                .filter_map(|(id, label)| m.notes.get(id).map(|text| (label.clone(), text)))
                .collect();
            ordered.extend(
                m.notes
                    .iter()
                    .filter(|(id, _)| !questions.iter().any(|(q, _)| q == *id))
                    .map(|(id, text)| (id.clone(), text)),
            );
            let notes = ordered
                .into_iter()
                .filter(|(_, text)| !text.trim().is_empty())
                .map(|(label, text)| view! {
                    <dt>{label}</dt>
                    <dd>{text.trim().to_string()}</dd>
                })
                .collect_view();
            view! {
                <p class="hint">{fill(t.synthesis_meeting_on, &[("date", &date), ("n", &m.attendance_total().to_string())])}</p>
                <dl class="meeting-notes">{notes}</dl>
                {bullets(t.synthesis_cases, cases)}
            }
        })
        .collect_view();
    let action_text = |a: &crate::domain::MeetingAction| {
        if a.owner.trim().is_empty() {
            a.text.clone()
        } else {
            format!("{} ({})", a.text, owner(&a.owner))
        }
    };
    let slug: String = o
        .municipality
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    view! {
        <article class="municipality" id=format!("synthesis-{slug}")>
            <h4>{name.to_string()}</h4>
            <div class="side-by-side">
                <div>
                    <h5>{t.synthesis_survey_figures}</h5>
                    {figures.unwrap_or_else(|| view! { <p>{t.synthesis_survey_none}</p> }.into_any())}
                </div>
                <div>
                    {meetings}
                    {bullets(t.meeting_strengths, o.strengths.clone())}
                    {bullets(t.meeting_concerns, o.concerns.clone())}
                    {bullets(t.synthesis_general_here, o.general_actions.iter().map(action_text).collect())}
                    {bullets(t.synthesis_local, o.local_actions.iter().map(action_text).collect())}
                </div>
            </div>
        </article>
    }
    .into_any()
}

/// The municipality's group in the report's split by the municipality item: its n (or why it
/// is hidden), grade mean and factor means, exactly as the split table shows them.
fn survey_figures(
    r: &Report,
    split_item: &str,
    municipality: &str,
    t: &'static Messages,
    lang: Lang,
) -> Option<AnyView> {
    let split = r.splits.iter().find(|s| s.item_id == split_item)?;
    let group = split.group(&GroupKey::Option(municipality.to_string()))?;
    let min = r.min_group_size;
    let factors = r
        .factors
        .iter()
        .zip(&group.factor_means)
        .map(|(f, m)| {
            view! {
                <div class="summary-row">
                    <dt>{f.label.get(lang).to_string()}</dt>
                    <dd>{mean_text(m, lang, t)}</dd>
                </div>
            }
        })
        .collect_view();
    Some(
        view! {
            <dl class="summary-list">
                <div class="summary-row">
                    <dt>{t.report_n}</dt>
                    <dd class="synthesis-n">{n_text(group, min, lang, t)}</dd>
                </div>
                <div class="summary-row">
                    <dt>{t.report_grade}</dt>
                    <dd class="synthesis-grade">{mean_text(&group.grade_mean, lang, t)}</dd>
                </div>
                {factors}
            </dl>
        }
        .into_any(),
    )
}
