//! Two rounds side by side (design §4, issue #6 point 3): the same figures for two sets of the
//! coordinator's data — e.g. a pilot and a later measurement — with the change, each round under
//! its own suppression, and the two sets may share no response (else the change between them
//! would give away the few responses in one and not the other). A set is chosen by period (a response belongs to a period by the date of
//! its last change, `updated_at`) or by imported files (the merge of just those files).

use std::collections::{BTreeMap, BTreeSet};

use crate::browser::{clock, repository};
use crate::domain::format::{format_count, format_interval, format_percent};
use crate::domain::import_log::{distinct_files, rebuild, ImportRecord};
use crate::domain::report::{
    build_report, compare_rounds, hide_columns_hidden_in_either_round, protect_round,
    round_reference, Cell, Change, GroupKey, Report, ReportOptions, Side, SplitChange,
};
use crate::domain::response::in_period;
use crate::domain::sorting;
use crate::domain::statistics::ValueCount;
use crate::domain::{builtin, Lang, Questionnaire, QuestionnaireRef, Response};
use crate::ui::components::response_list::locale;
use crate::ui::coordinator::{known, use_coordinator};
use crate::ui::html::Html;
use crate::ui::i18n::{fill, tr, use_i18n, Messages};
use crate::ui::pages::report::{
    change_texts, chart_section_start, table_end, table_row, table_start, Bars,
};
use crate::ui::store::use_store;
use leptos::prelude::*;

type Period = (RwSignal<String>, RwSignal<String>);

/// Why two rounds are not compared.
#[derive(Clone, Debug, PartialEq, Eq)]
enum RoundsRefused {
    /// They share a response.
    Overlap,
    /// A file round holds an earlier version of a response than the data: the chosen file that
    /// holds it, and a stored file with the version the data has, by name.
    Outdated {
        file: Option<String>,
        newest: Option<String>,
    },
}

/// Two measurements, chosen by period or by imported files, and their figures side by side.
#[component]
pub fn Rounds(
    questionnaire: Memo<Option<Questionnaire>>,
    /// The full report on `questionnaire` (the page's own), which each round is set beside.
    main: Memo<Option<Report>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let coordinator = use_coordinator();
    let periods: [Period; 2] = [
        (RwSignal::new(String::new()), RwSignal::new(String::new())),
        (RwSignal::new(String::new()), RwSignal::new(String::new())),
    ];
    let by_import = RwSignal::new(false);
    // The split tables' figure: "" for the grade, else a factor id.
    let figure = RwSignal::new(String::new());
    // The stored files with their data, read once when files are first chosen by.
    let records = RwSignal::new(None::<Vec<ImportRecord>>);
    let files: [RwSignal<BTreeSet<usize>>; 2] = [
        RwSignal::new(BTreeSet::new()),
        RwSignal::new(BTreeSet::new()),
    ];
    Effect::new(move |_| {
        if by_import.get() && records.with_untracked(Option::is_none) {
            leptos::task::spawn_local(async move {
                records.set(Some(repository::imports().await.unwrap_or_default()));
            });
        }
    });
    // Reloaded after every import: the stored list changed.
    Effect::new(move |_| {
        coordinator.log.track();
        records.set(None);
        if by_import.get_untracked() {
            leptos::task::spawn_local(async move {
                records.set(Some(repository::imports().await.unwrap_or_default()));
            });
        }
    });
    let ready = move || {
        if by_import.get() {
            records.with(Option::is_some) && files.iter().all(|f| !f.with(BTreeSet::is_empty))
        } else {
            periods
                .iter()
                .all(|(from, to)| !from.get().is_empty() || !to.get().is_empty())
        }
    };
    let comparison = Memo::new(move |_| {
        if !ready() {
            return None;
        }
        let q = questionnaire.get()?;
        let options = ReportOptions::default();
        // Each round's responses (as owned records: a file round is its own merge). Two rounds
        // that share a response are refused: the change between them would give away the
        // answers of the few responses in one but not the other.
        // A round on another version of the chosen questionnaire (a pilot on version 1, a
        // later measurement on version 2) is reported against that version's definition:
        // `compare_rounds` pairs figures by factor, split and option.
        let definition =
            |list: &[Response], definitions: &BTreeMap<QuestionnaireRef, Questionnaire>| {
                let reference = round_reference(&q.reference(), list);
                if reference == q.reference() {
                    return q.clone();
                }
                definitions
                    .get(&reference)
                    .cloned()
                    .or_else(|| (reference == builtin().reference()).then(|| builtin().clone()))
                    .unwrap_or_else(|| q.clone())
            };
        let rounds: [(Vec<Response>, Questionnaire); 2] = if by_import.get() {
            let known = known(store);
            records.with(|all| {
                let all = all.as_deref().unwrap_or_default();
                files.map(|chosen| {
                    let picked: Vec<ImportRecord> =
                        chosen.with(|c| c.iter().filter_map(|&i| all.get(i).cloned()).collect());
                    let (dataset, _) = rebuild(&picked, &known);
                    let list: Vec<Response> = dataset.responses.into_values().collect();
                    let q = definition(&list, &dataset.questionnaires);
                    (list, q)
                })
            })
        } else {
            periods.map(|(from, to)| {
                let (from, to) = (from.get(), to.get());
                coordinator.dataset.with(|d| {
                    let list: Vec<Response> = d
                        .responses
                        .values()
                        .filter(|r| in_period(r, Some(from.as_str()), Some(to.as_str())))
                        .cloned()
                        .collect();
                    let q = definition(&list, &d.questionnaires);
                    (list, q)
                })
            })
        };
        let in_a = sorting::set_from(rounds[0].0.iter().map(|r| r.id.as_str()));
        if rounds[1].0.iter().any(|r| in_a.contains(r.id.as_str())) {
            return Some(Err(RoundsRefused::Overlap));
        }
        // A file round holding an earlier version of a response than the data (or one since
        // withdrawn) is refused: the full report minus the round would show how that one
        // response changed.
        let outdated = coordinator.dataset.with(|d| {
            rounds
                .iter()
                .flat_map(|(list, _)| list)
                .find(|r| d.responses.get(&r.id) != Some(*r))
                .map(|r| (r.clone(), d.responses.get(&r.id).cloned()))
        });
        if let Some((old, current)) = outdated {
            // Named, so the coordinator knows which file to add: the chosen one holding the
            // earlier version, and one holding the version the data has (a file is read on its
            // own for this; only on a refusal).
            let known = known(store);
            let (file, newest) = records.with_untracked(|all| {
                let all = all.as_deref().unwrap_or_default();
                let holds = |i: usize, version: Option<&Response>| {
                    let (one, _) = rebuild(std::slice::from_ref(&all[i]), &known);
                    version.is_some_and(|v| one.responses.get(&v.id) == Some(v))
                };
                let name = |i: usize| all[i].file_name.clone();
                let chosen: Vec<usize> = files
                    .iter()
                    .flat_map(|f| f.get_untracked().into_iter())
                    .collect();
                (
                    chosen.into_iter().find(|&i| holds(i, Some(&old))).map(name),
                    (0..all.len())
                        .rev()
                        .find(|&i| holds(i, current.as_ref()))
                        .map(name),
                )
            });
            return Some(Err(RoundsRefused::Outdated { file, newest }));
        }
        let reports = [0, 1].map(|i| build_report(&rounds[i].1, &rounds[i].0, &options));
        let mut comparison = compare_rounds(&reports[0], &reports[1]);
        // Each round beside the full report on its questionnaire and the other round: what
        // would give a small group away is hidden (see `protect_round`).
        coordinator.dataset.with(|d| {
            let all: Vec<&Response> = d.responses.values().collect();
            let chosen = main.get();
            for (side, i) in [(Side::A, 0), (Side::B, 1)] {
                let (list, round_q) = &rounds[i];
                let (other_list, other_q) = &rounds[1 - i];
                let other =
                    (other_q.reference() == round_q.reference()).then_some(other_list.as_slice());
                let built;
                let full = match &chosen {
                    Some(r) if round_q.reference() == q.reference() => r,
                    _ => {
                        built = build_report(round_q, all.iter().copied(), &options);
                        &built
                    }
                };
                protect_round(&mut comparison, side, round_q, full, list, other, &all);
            }
        });
        hide_columns_hidden_in_either_round(&mut comparison);
        Some(Ok(comparison))
    });
    let date_field = move |id: &'static str,
                           label: fn(&'static Messages) -> &'static str,
                           value: RwSignal<String>| {
        view! {
            <div class="field inline-field">
                <label class="question" for=id>{move || label(i18n.t())}</label>
                <input type="date" class="input input-date" id=id
                    aria-describedby=format!("{id}-words")
                    prop:value=move || value.get()
                    on:change=move |ev| value.set(event_target_value(&ev)) />
                // In words, in the app's language: the field follows the browser's.
                <span class="hint date-in-words" id=format!("{id}-words")>{move || {
                    let date = value.get();
                    crate::domain::response::parse_date(&date).map(|_| fill(
                        i18n.t().date_in_words,
                        &[("date", &clock::format_date(&date, locale(i18n.lang())))],
                    ))
                }}</span>
            </div>
        }
    };
    // One checkbox per imported file, for round `round` ("a" or "b").
    let file_choice = move |round: usize| {
        let letter = if round == 0 { "a" } else { "b" };
        move || {
            let t = i18n.t();
            let log = coordinator.log.get();
            if log.is_empty() {
                return view! { <p class="hint">{t.report_rounds_no_imports}</p> }.into_any();
            }
            // A file imported again (or renamed) is listed once, at its first import: the
            // copies hold the same records.
            let groups = distinct_files(&log);
            let firsts: Vec<usize> = groups.iter().map(|group| group[0]).collect();
            // The other names it was imported under, said beside it: a coordinator looking for
            // "r2-worker-03" did not find it under its copy's name, picked first (an acceptance
            // test's find).
            let also: Vec<String> = groups
                .iter()
                .map(|group| {
                    let mut names: Vec<&str> = Vec::new();
                    for &k in &group[1..] {
                        let name = log[k].file_name.as_str();
                        if name != log[group[0]].file_name && !names.contains(&name) {
                            names.push(name);
                        }
                    }
                    names.join(", ")
                })
                .collect();
            let chosen = files[round];
            // With many files, one box takes them all (or none) first.
            let all = (firsts.len() > 2).then(|| {
                let every = firsts.clone();
                let id = format!("round-{letter}-all");
                view! {
                    <div class="choice checkbox">
                        <input type="checkbox" id=id.clone()
                            prop:checked=move || chosen.with(|c| every.iter().all(|i| c.contains(i)))
                            on:change={
                                let every = firsts.clone();
                                move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| if on { c.extend(every.iter().copied()) } else { c.clear() });
                                }
                            } />
                        <label for=id>{fill(t.report_rounds_all_files, &[("n", &firsts.len().to_string())])}</label>
                    </div>
                }
            });
            let boxes = firsts
                .iter()
                .zip(also)
                .map(|(&i, also)| {
                    let record = &log[i];
                    let id = format!("round-{letter}-import-{i}");
                    let when = clock::format_local(&record.imported_at, locale(i18n.lang()));
                    view! {
                        <div class="choice checkbox">
                            <input type="checkbox" id=id.clone()
                                prop:checked=move || chosen.with(|c| c.contains(&i))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| { if on { c.insert(i); } else { c.remove(&i); } });
                                } />
                            <label for=id>{format!("{} ({when})", record.file_name)}
                                {(!also.is_empty()).then(|| format!(" {}", fill(t.report_rounds_also_as, &[("names", &also)])))}
                            </label>
                        </div>
                    }
                })
                .collect_view();
            // Hundreds of files would make two lists metres long: past a dozen they scroll in
            // a box of their own (the box to take them all stays above it).
            let many = firsts.len() > 12;
            view! { {all} <div class="file-choices" class:file-choices-many=many>{boxes}</div> }
                .into_any()
        }
    };
    let mode_radio =
        move |value: bool, id: &'static str, label: fn(&'static Messages) -> &'static str| {
            view! {
                <div class="choice">
                    <input type="radio" name="rounds-by" id=id
                        prop:checked=move || by_import.get() == value
                        on:change=move |_| by_import.set(value) />
                    <label for=id>{move || label(i18n.t())}</label>
                </div>
            }
        };
    view! {
        <section class="report-section" aria-labelledby="report-rounds">
            <h2 id="report-rounds">{tr(|t| t.report_rounds)}</h2>
            <p>{move || { let t = i18n.t(); if by_import.get() { t.report_rounds_intro_files } else { t.report_rounds_intro } }}</p>
            // What the comparison below now shows, or why not, for a screen reader: the tables
            // themselves are redrawn silently.
            <p class="visually-hidden" role="status" id="rounds-status">{move || {
                let t = i18n.t();
                match comparison.get() {
                    // "verborgen en verborgen afgeronde enquêtes" says nothing: a hidden count
                    // is "een verborgen aantal", and two are said in one sentence.
                    Some(Ok(c)) if !matches!(c.n.a, Cell::Shown(_)) && !matches!(c.n.b, Cell::Shown(_)) => {
                        t.report_rounds_compared_hidden.to_string()
                    }
                    Some(Ok(c)) => {
                        let n = change_texts(&c.n, i18n.lang(), t, 0);
                        let said = |cell: &Cell<f64>, text: &str| match cell {
                            Cell::Shown(_) => text.to_string(),
                            _ => t.report_rounds_hidden_count.to_string(),
                        };
                        fill(t.report_rounds_compared, &[("a", &said(&c.n.a, &n[0])), ("b", &said(&c.n.b, &n[1]))])
                    }
                    Some(Err(RoundsRefused::Overlap)) => t.report_rounds_overlap.to_string(),
                    Some(Err(RoundsRefused::Outdated { .. })) => t.report_rounds_outdated.to_string(),
                    None => String::new(),
                }
            }}</p>
            <fieldset class="field no-print">
                <legend class="question">{tr(|t| t.report_rounds_by)}</legend>
                <div class="choices">
                    {mode_radio(false, "rounds-by-date", |t| t.report_rounds_by_date)}
                    {mode_radio(true, "rounds-by-import", |t| t.report_rounds_by_import)}
                </div>
            </fieldset>
            <Show when=move || !by_import.get()>
                <fieldset class="field no-print">
                    <legend class="question">{tr(|t| t.report_round_a)}</legend>
                    {date_field("round-a-from", |t| t.report_round_from, periods[0].0)}
                    {date_field("round-a-to", |t| t.report_round_to, periods[0].1)}
                </fieldset>
                <fieldset class="field no-print">
                    <legend class="question">{tr(|t| t.report_round_b)}</legend>
                    {date_field("round-b-from", |t| t.report_round_from, periods[1].0)}
                    {date_field("round-b-to", |t| t.report_round_to, periods[1].1)}
                </fieldset>
            </Show>
            <Show when=move || by_import.get()>
                <fieldset class="field no-print">
                    <legend class="question">{tr(|t| t.report_round_a)}</legend>
                    {file_choice(0)}
                </fieldset>
                <fieldset class="field no-print">
                    <legend class="question">{tr(|t| t.report_round_b)}</legend>
                    {file_choice(1)}
                </fieldset>
            </Show>
            {move || {
                let t = i18n.t();
                let lang = i18n.lang();
                let c = match comparison.get() {
                    Some(Ok(c)) => c,
                    Some(Err(RoundsRefused::Overlap)) => {
                        return view! { <p class="notice notice-warning" id="rounds-overlap">{t.report_rounds_overlap}</p> }.into_any();
                    }
                    Some(Err(RoundsRefused::Outdated { file: Some(file), newest: Some(newest) })) => {
                        let text = fill(t.report_rounds_outdated_named, &[("file", &file), ("newest", &newest)]);
                        return view! { <p class="notice notice-warning" id="rounds-outdated">{text}</p> }.into_any();
                    }
                    Some(Err(RoundsRefused::Outdated { .. })) => {
                        return view! { <p class="notice notice-warning" id="rounds-outdated">{t.report_rounds_outdated}</p> }.into_any();
                    }
                    None => {
                        let hint = if by_import.get() { t.report_rounds_choose_files } else { t.report_rounds_choose };
                        return view! { <p class="hint no-print">{hint}</p> }.into_any();
                    }
                };
                let describe = |round: usize| {
                    if by_import.get() {
                        let names: Vec<String> = coordinator.log.with(|log| {
                            files[round].with(|c| c.iter().filter_map(|&i| log.get(i).map(|r| r.file_name.clone())).collect())
                        });
                        // A long list is named by its first few.
                        let n = names.len().to_string();
                        if names.len() > 4 {
                            let more = (names.len() - 3).to_string();
                            fill(t.report_round_files_more, &[("n", &n), ("names", &names[..3].join(", ")), ("more", &more)])
                        } else {
                            fill(t.report_round_files[usize::from(names.len() != 1)], &[("n", &n), ("names", &names.join(", "))])
                        }
                    } else {
                        let (from, to) = &periods[round];
                        // Dates as the rest of the report writes them ("1 oktober 2026").
                        let date = |d: String| clock::format_date(&d, locale(lang));
                        fill(t.report_round_period, &[("from", &date(from.get())), ("to", &date(to.get()))])
                    }
                };
                let (a, b) = (describe(0), describe(1));
                let n = change_texts(&c.n, lang, t, 0);
                let grade = change_texts(&c.grade_mean, lang, t, 1);
                let median = change_texts(&c.grade_spread.median, lang, t, 1);
                // Two decimals, as the full report writes it.
                let sd = change_texts(&c.grade_spread.sd, lang, t, 2);
                let ci = c.grade_spread.ci95.clone().map(|cell| match cell {
                    Cell::Shown(i) => format_interval(i.low, i.high, 1, lang),
                    Cell::Empty => "–".to_string(),
                    Cell::Suppressed => t.report_hidden.to_string(),
                });
                let grade_label = main.with(|m| match m {
                    Some(r) => crate::ui::pages::report::grade_name(t.report_grade_short, r, t),
                    None => t.report_grade_short.to_string(),
                });
                // What each round is reported on, and what it leaves out: a pilot on version 1
                // beside a measurement on version 2 compares themes that may differ.
                let [qa, qb] = &c.questionnaires;
                let mut notes = Vec::new();
                if qa != qb {
                    notes.push(fill(t.report_rounds_versions, &[("a", &qa.version.to_string()), ("b", &qb.version.to_string())]));
                }
                if c.not_counted != [0, 0] {
                    notes.push(fill(t.report_rounds_not_counted, &[("a", &c.not_counted[0].to_string()), ("b", &c.not_counted[1].to_string())]));
                }
                let hidden = |x: &Change| x.a.is_suppressed() || x.b.is_suppressed();
                // Said where "verborgen" is drawn: here for the table above (the distribution is
                // hidden with the grade), in the split tables for theirs.
                let any_hidden = hidden(&c.n)
                    || hidden(&c.grade_mean)
                    || c.factors.iter().any(|f| hidden(&f.mean));
                if any_hidden {
                    let min = main.with(|m| m.as_ref().map_or(0, |m| m.min_group_size));
                    notes.push(fill(t.report_rounds_hidden_why, &[("min", &min.to_string())]));
                }
                let notes = notes.into_iter().map(|text| view! { <p class="hint">{text}</p> }).collect_view();
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="rounds-caption">
                        <table class="data-table" id="rounds-table">
                            <caption id="rounds-caption">{fill(t.report_rounds_caption, &[("a", &a), ("b", &b)])}</caption>
                            <thead><tr>
                                <th scope="col">{t.report_figure}</th>
                                <th scope="col" class="num">{t.report_round_a}</th>
                                <th scope="col" class="num">{t.report_round_b}</th>
                                <th scope="col" class="num">{t.report_change}</th>
                            </tr></thead>
                            <tbody>
                                <tr><th scope="row">{t.report_n}</th>
                                    <td class="num">{n[0].clone()}</td><td class="num">{n[1].clone()}</td><td class="num">{n[2].clone()}</td></tr>
                                <tr><th scope="row">{grade_label.clone()}</th>
                                    <td class="num">{grade[0].clone()}</td><td class="num">{grade[1].clone()}</td><td class="num">{grade[2].clone()}</td></tr>
                                <tr><th scope="row">{t.report_rounds_grade_median}</th>
                                    <td class="num">{median[0].clone()}</td><td class="num">{median[1].clone()}</td><td class="num">{median[2].clone()}</td></tr>
                                <tr><th scope="row">{t.report_rounds_grade_sd}</th>
                                    <td class="num">{sd[0].clone()}</td><td class="num">{sd[1].clone()}</td><td class="num">{sd[2].clone()}</td></tr>
                                <tr><th scope="row">{t.report_rounds_grade_ci}</th>
                                    <td class="num">{ci[0].clone()}</td><td class="num">{ci[1].clone()}</td><td class="num">"–"</td></tr>
                                {c.factors.iter().map(|f| {
                                    let x = change_texts(&f.mean, lang, t, 1);
                                    view! {
                                        <tr><th scope="row">{f.label.get(lang).to_string()}</th>
                                            <td class="num">{x[0].clone()}</td><td class="num">{x[1].clone()}</td><td class="num">{x[2].clone()}</td></tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <div id="rounds-notes">{notes}</div>
                    <div class="report-part" inner_html=distribution_html(&c.grade_spread.distribution, lang, t)></div>
                    {(!c.splits.is_empty()).then(|| {
                        let splits = c.splits.clone();
                        let min = main.with(|m| m.as_ref().map_or(0, |m| m.min_group_size));
                        // Which figure the split tables show beside the counts: the grade, or a
                        // theme (design §4: the same figures as the full report's splits).
                        let choices: Vec<(String, String)> = std::iter::once((String::new(), grade_label.clone()))
                            .chain(c.factors.iter().map(|f| (f.factor_id.clone(), f.label.get(lang).to_string())))
                            .collect();
                        let current = figure.get_untracked();
                        let current = if choices.iter().any(|(id, _)| *id == current) { current } else { String::new() };
                        let chooser = (choices.len() > 1).then(|| view! {
                            <div class="field inline-field no-print">
                                <label class="question" for="rounds-figure">{t.report_rounds_figure}</label>
                                <select id="rounds-figure" class="select" on:change=move |ev| figure.set(event_target_value(&ev))>
                                    {choices.iter().map(|(id, label)| {
                                        let selected = *id == current;
                                        let text = if id.is_empty() { label.clone() } else { fill(t.report_rounds_theme, &[("theme", label)]) };
                                        view! { <option value=id.clone() selected=selected>{text}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                        });
                        view! {
                            <h3 id="rounds-groups">{t.report_rounds_groups}</h3>
                            {chooser}
                            <div id="rounds-splits" inner_html=move || {
                                figure.with(|f| split_tables_html(&splits, f, &choices, min, lang, t))
                            }></div>
                        }
                    })}
                }
                .into_any()
            }}
        </section>
    }
}

/// How many gave a grade in a round, and their share in percent.
type CountShare = (usize, f64);

/// The grade's distribution in both rounds (design §4: the same figures side by side): a chart
/// of each grade's share, since the rounds differ in size, and a table with the counts, the
/// shares and the change in percentage points. Empty when neither round shows its grade.
fn distribution_html(rounds: &[Cell<Vec<ValueCount>>; 2], lang: Lang, t: &Messages) -> String {
    if !rounds.iter().any(|r| matches!(r, Cell::Shown(_))) {
        return String::new();
    }
    // Every grade either round's range holds, low to high (two versions may differ).
    let values: BTreeSet<i64> = rounds
        .iter()
        .filter_map(Cell::shown)
        .flat_map(|d| d.iter().map(|v| v.value))
        .collect();
    let total = |d: &[ValueCount]| d.iter().map(|v| v.count).sum::<usize>();
    // Per round, for one grade: its count and share in percent, or the cell as shown.
    let share = |round: &Cell<Vec<ValueCount>>, value: i64| match round {
        // A grade outside this round's own range (another version's scale) is no 0 here.
        Cell::Shown(d) => match d.iter().find(|v| v.value == value) {
            Some(v) => Cell::Shown((v.count, 100.0 * v.count as f64 / total(d).max(1) as f64)),
            None => Cell::Empty,
        },
        Cell::Suppressed => Cell::Suppressed,
        Cell::Empty => Cell::Empty,
    };
    let rows: Vec<(String, [Cell<CountShare>; 2])> = values
        .iter()
        .map(|&v| (v.to_string(), [share(&rounds[0], v), share(&rounds[1], v)]))
        .collect();
    let described = |k: usize| {
        let figures: Vec<String> = rows
            .iter()
            .filter_map(|(name, cells)| {
                let p = cells[k].shown()?.1;
                Some(format!("{name}: {}", format_percent(p / 100.0, 0, lang)))
            })
            .collect();
        match &rounds[k] {
            Cell::Suppressed => t.report_hidden.to_string(),
            Cell::Empty => "–".to_string(),
            Cell::Shown(_) => figures.join(", "),
        }
    };
    let label = format!(
        "{}. {}: {}. {}: {}.",
        t.report_rounds_distribution,
        t.report_round_a,
        described(0),
        t.report_round_b,
        described(1)
    );

    let bars: Vec<Bars> = rows
        .iter()
        .map(|(name, cells)| {
            let shares = cells.iter().map(|c| {
                c.shown()
                    .map(|&(_, p)| (p, format_percent(p / 100.0, 0, lang)))
            });
            (name.clone(), shares.collect())
        })
        .collect();
    let mut h = Html::new();
    chart_section_start(
        &mut h,
        ("h3", "rounds-distribution", t.report_rounds_distribution),
        &bars,
        &[t.report_round_a, t.report_round_b],
        &label,
        t.report_rounds_distribution_caption,
    );
    table_start(
        &mut h,
        "rounds-distribution-table",
        "rounds-distribution-caption",
        t.report_rounds_distribution_table,
        &[
            t.report_grade_value,
            t.report_round_a,
            t.report_round_b,
            t.report_rounds_share_change,
        ],
    );
    for (name, cells) in &rows {
        let text = |c: &Cell<CountShare>| match c {
            Cell::Shown((count, p)) => format!(
                "{} ({})",
                format_count(*count, lang),
                format_percent(p / 100.0, 0, lang)
            ),
            Cell::Empty => "–".to_string(),
            Cell::Suppressed => t.report_hidden.to_string(),
        };
        let points = |c: &Cell<CountShare>| c.map(|&(_, p)| p);
        let change = change_texts(
            &Change::new(points(&cells[0]), points(&cells[1])),
            lang,
            t,
            0,
        );
        table_row(
            &mut h,
            &[],
            (name, None),
            &[&text(&cells[0]), &text(&cells[1]), &change[2]],
        );
    }
    table_end(&mut h);
    h.close("section");
    h.finish()
}

/// The splits in both rounds: per group the counts and `figure` ("" the grade, else a factor
/// id; `choices` names each) with its change. An empty "not answered" row (a required item)
/// says nothing and is left out.
fn split_tables_html(
    splits: &[SplitChange],
    figure: &str,
    choices: &[(String, String)],
    min: usize,
    lang: Lang,
    t: &Messages,
) -> String {
    // A theme chosen before the questionnaire or the rounds changed may be gone: the grade then.
    let (figure, name) = choices
        .iter()
        .find(|(id, _)| id == figure)
        .or(choices.first())
        .map_or(("", ""), |(id, label)| (id.as_str(), label.as_str()));
    let grade = figure.is_empty();
    let mut h = Html::new();
    // A split hidden whole (every count, both rounds) is named in one sentence, not drawn as a
    // grid of "verborgen".
    let whole = |s: &&SplitChange| {
        s.groups
            .iter()
            .all(|g| g.n.a.is_suppressed() && g.n.b.is_suppressed())
    };
    let hidden: Vec<&str> = splits
        .iter()
        .filter(whole)
        .map(|s| s.label.get(lang))
        .collect();
    if !hidden.is_empty() {
        h.open("div", &[("class", "hint"), ("id", "rounds-splits-hidden")])
            .leaf(
                "p",
                &[],
                &fill(t.report_rounds_splits_hidden, &[("min", &min.to_string())]),
            )
            .open("ul", &[]);
        for item in hidden {
            h.leaf("li", &[], item);
        }
        h.close("ul").close("div");
    }
    let mut any_hidden = false;
    for s in splits.iter().filter(|s| !whole(s)) {
        let caption = if grade {
            fill(t.report_rounds_split, &[("item", s.label.get(lang))])
        } else {
            fill(
                t.report_rounds_split_theme,
                &[("item", s.label.get(lang)), ("theme", name)],
            )
        };
        h.open(
            "div",
            &[
                ("class", "table-scroll"),
                ("tabindex", "0"),
                ("role", "region"),
                ("aria-label", &caption),
            ],
        )
        .open("table", &[("class", "data-table rounds-split")])
        .leaf("caption", &[], &caption)
        .open("thead", &[])
        .open("tr", &[])
        .leaf("th", &[("scope", "col")], t.report_group);
        // "Meting A" stays on one line: "Aantal (Meting" over "A)" read badly.
        let of = |text: &str, round: &str| fill(text, &[("round", &round.replace(' ', "\u{a0}"))]);
        let figure_of = |round: &str| format!("{name} ({})", round.replace(' ', "\u{a0}"));
        for header in [
            of(t.report_rounds_n_of, t.report_round_a),
            of(t.report_rounds_n_of, t.report_round_b),
            figure_of(t.report_round_a),
            figure_of(t.report_round_b),
            t.report_change.to_string(),
        ] {
            h.leaf("th", &[("scope", "col"), ("class", "num")], &header);
        }
        h.close("tr").close("thead").open("tbody", &[]);
        let none = |x: &Cell<f64>| matches!(x, Cell::Empty | Cell::Shown(0.0));
        // A group nobody answered in either round is named under the table, not a row of
        // zeros (most of a region's municipalities, early on).
        let nobody = |g: &&crate::domain::report::GroupChange| none(&g.n.a) && none(&g.n.b);
        let silent: Vec<&str> = s
            .groups
            .iter()
            .filter(|g| nobody(g) && g.key != GroupKey::NotAnswered)
            .map(|g| g.label.get(lang))
            .collect();
        for g in s.groups.iter().filter(|g| !nobody(g)) {
            let n = change_texts(&g.n, lang, t, 0);
            let empty = Change::new(Cell::Empty, Cell::Empty);
            let x = if grade {
                &g.grade_mean
            } else {
                g.factors
                    .iter()
                    .find(|f| f.factor_id == figure)
                    .map_or(&empty, |f| &f.mean)
            };
            any_hidden |= [&g.n, x]
                .iter()
                .any(|c| c.a.is_suppressed() || c.b.is_suppressed());
            let x = change_texts(x, lang, t, 1);
            table_row(
                &mut h,
                &[],
                (
                    g.label.get(lang),
                    crate::ui::i18n::lang_attr(&g.label, lang),
                ),
                &[&n[0], &n[1], &x[0], &x[1], &x[2]],
            );
        }
        h.close("tbody").close("table").close("div");
        if let Some(text) = crate::ui::pages::report::nobody_answered(&silent, lang, t) {
            h.leaf("p", &[("class", "hint")], &text);
        }
    }
    if any_hidden {
        h.leaf(
            "p",
            &[("class", "hint")],
            &fill(t.report_rounds_hidden_why, &[("min", &min.to_string())]),
        );
    }
    h.finish()
}
