//! The coordinator's regional report (design §4), computed on this device from the merged
//! dataset: headline figures, the grade's distribution, factor means, splits by every
//! `group_by` item, two groups side by side, open answers, printing and CSV. Every figure comes
//! from `domain::report`, whose model never holds a hidden figure.

use crate::ui::i18n::lang_attr;
use std::collections::BTreeMap;

use crate::browser::{clock, dom, files};
use crate::domain::csv::{codebook_csv, responses_csv, CsvOptions, Separator};
use crate::domain::format::shown_difference;
use crate::domain::import_log::imported_files;
use crate::domain::report::{
    build_report, open_answers_by, tally_answers, Cell, Change, GradeStats, Group, GroupKey,
    Hidden, ItemCounts, Mean, OpenAnswerGroup, OpenAnswers, Report, ReportOptions, Split,
};
use crate::domain::sorting;
use crate::domain::{
    builtin, format_count, format_decimal, format_interval, format_percent, Label, Lang,
    Questionnaire, QuestionnaireRef, Status,
};
use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::components::response_list::locale;
use crate::ui::components::storage_gate::StorageGate;
use crate::ui::coordinator::{use_coordinator, LoadState};
use crate::ui::html::Html;
use crate::ui::i18n::{count_in, fill, tr, use_i18n, Messages};
use crate::ui::pages::synthesis::MeetingSynthesis;
use crate::ui::route::Route;
use crate::ui::store::{storage_error_text, use_store};
use leptos::prelude::*;

/// The report screen.
#[component]
pub fn ReportPage() -> impl IntoView {
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.report_title)}</h1>
        <StorageGate>
            <ReportScreen />
        </StorageGate>
    }
}

/// The questionnaires the dataset has complete responses for: (reference, definition, count),
/// most responses first.
fn reported_questionnaires(
    dataset: &crate::domain::Dataset,
) -> Vec<(QuestionnaireRef, Questionnaire, usize)> {
    // Counted by reference to the responses' own refs: 100,000 responses nearly all name the
    // same one or two, so the last one counted is tried before the map.
    let mut counts: BTreeMap<&QuestionnaireRef, usize> = BTreeMap::new();
    let mut last: Option<(&QuestionnaireRef, usize)> = None;
    for r in dataset.responses.values() {
        if r.status != Status::Complete {
            continue;
        }
        match &mut last {
            Some((reference, n)) if *reference == &r.questionnaire => *n += 1,
            _ => {
                if let Some((reference, n)) = last.replace((&r.questionnaire, 1)) {
                    *counts.entry(reference).or_default() += n;
                }
            }
        }
    }
    if let Some((reference, n)) = last {
        *counts.entry(reference).or_default() += n;
    }
    let mut list: Vec<_> = counts
        .into_iter()
        .filter_map(|(r, n)| {
            let r = r.clone();
            let q = dataset
                .questionnaires
                .get(&r)
                .cloned()
                .or_else(|| (r == builtin().reference()).then(|| builtin().clone()))?;
            Some((r, q, n))
        })
        .collect();
    sorting::sort_by(&mut list, |a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    list
}

/// The reader's choices in the report's tables, kept by the screen: the report's body is drawn
/// anew when the language changes, and a sorted table or a chosen comparison went back to its
/// default then (an acceptance test's find).
#[derive(Clone, Copy)]
struct ReportChoices {
    /// Per split (its item id): the column sorted by, and whether turned around.
    sorts: StoredValue<Vec<(String, (SortBy, bool))>>,
    /// The comparison: its split and its two groups.
    compare: StoredValue<Option<(String, GroupKey, GroupKey)>>,
}

#[component]
fn ReportScreen() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let coordinator = use_coordinator();
    coordinator.ensure_loaded(store);
    coordinator.showing_report.set(true);
    on_cleanup(move || {
        coordinator.showing_report.set(false);
        if coordinator.outdated.get_untracked() {
            leptos::task::spawn_local(coordinator.reload(store));
        }
    });

    let available = Memo::new(move |_| coordinator.dataset.with(reported_questionnaires));
    let chosen = RwSignal::new(None::<QuestionnaireRef>);
    let questionnaire = Memo::new(move |_| {
        available.with(|list| {
            let wanted = chosen.get();
            list.iter()
                .find(|(r, _, _)| Some(r) == wanted.as_ref())
                .or_else(|| list.first())
                .map(|(_, q, _)| q.clone())
        })
    });
    let open_by = RwSignal::new(None::<String>);
    let meetings_flagged = Memo::new(move |_| {
        questionnaire.with(|q| {
            coordinator.dataset.with(|d| {
                crate::ui::pages::synthesis::flagged_meeting_texts(&d.meetings, q.as_ref())
            })
        })
    });
    provide_context(ReportChoices {
        sorts: StoredValue::new(Vec::new()),
        compare: StoredValue::new(None),
    });
    // The report with open answers by the first split; changing that split recomputes only the
    // open answers (below), so the rest of the page is not drawn again.
    let report = Memo::new(move |_| {
        let q = questionnaire.get()?;
        let options = ReportOptions {
            open_answers_by: q.group_by_items().next().map(|i| i.id.clone()),
        };
        Some(
            coordinator
                .dataset
                .with(|d| build_report(&q, d.responses.values(), &options)),
        )
    });
    // What the report stands on: the moment of the last import (the data's, not the
    // drawing's: the same data printed on two days carries one date) and how many files (an
    // acceptance test found no date on paper; the next one, a date that moved at every reload).
    let made = Memo::new(move |_| {
        coordinator
            .log
            .with(|log| {
                log.iter()
                    .map(|r| r.imported_at.as_str())
                    .max()
                    .map(str::to_string)
            })
            .unwrap_or_else(clock::now_rfc3339)
    });
    let made_text = move || {
        let (t, lang) = (i18n.t(), i18n.lang());
        let files = coordinator.log.with(|log| imported_files(log));
        fill(
            t.report_made,
            &[
                ("moment", &clock::format_local(&made.get(), locale(lang))),
                ("files", &count_in(t.count_imported_files, files, lang)),
            ],
        )
    };
    let open_answers = Memo::new(move |_| {
        let by = open_by.get();
        report.with(|r| {
            let r = r.as_ref()?;
            match by {
                Some(id) if r.open_answers.by.as_deref() != Some(id.as_str()) => {
                    let q = questionnaire.get_untracked()?;
                    Some(std::sync::Arc::new(open_answers_by(&q, r, Some(&id))))
                }
                _ => Some(r.open_answers.clone()),
            }
        })
    });

    move || {
        match coordinator.state.get() {
        LoadState::NotLoaded | LoadState::Loading => {
            view! { <p class="loading" role="status">{i18n.t().import_loading}</p> }.into_any()
        }
        LoadState::Failed(e) => view! {
            <div class="notice notice-error" role="alert"><p>{storage_error_text(&e, i18n.t())}</p></div>
        }
        .into_any(),
        LoadState::Ready if available.with(Vec::is_empty) && coordinator.dataset.with(|d| d.meetings.is_empty()) => view! {
            <p>{i18n.t().report_no_data}</p>
            <p class="links"><a href=Route::Import.href()>{i18n.t().report_to_import}</a></p>
        }
        .into_any(),
        LoadState::Ready => view! {
            <QuestionnaireChoice available=available chosen=chosen />
            <div class="actions no-print">
                <button type="button" class="button" on:click=move |_| dom::print()>
                    {tr(|t| t.report_print)}
                </button>
            </div>
            // Before printing, not only far down at the meetings.
            {move || {
                let n = meetings_flagged.get();
                (n > 0).then(|| view! {
                    <p class="hint privacy-flag no-print" id="report-privacy">
                        <a href="#synthesis-privacy" on:click=move |ev| {
                            ev.prevent_default();
                            dom::focus_element("synthesis-privacy");
                        }>{count_in(i18n.t().report_privacy_before_print, n, i18n.lang())}</a>
                    </p>
                })
            }}
            <p class="hint" id="report-made">{made_text}</p>
            // Drawn again when the language changes: the body reads it once.
            {move || { i18n.lang(); report.get().map(|r| view! { <ReportBody report=r open_by=open_by open_answers=open_answers /> }) }}
            <MeetingSynthesis questionnaire=questionnaire report=report />
            {move || (!available.with(Vec::is_empty)).then(|| view! {
                <crate::ui::pages::rounds::Rounds questionnaire=questionnaire main=report />
                <CsvExport questionnaire=questionnaire />
            })}
            // Last, held at the bottom of the window: it shifts nothing being read, and shows
            // wherever the reader is on the page. The live region is there from the start, so
            // what comes into it is announced.
            <div class="report-outdated" role="status">
                <Show when=move || coordinator.outdated.get()>
                    <div class="notice notice-warning no-print" id="report-outdated">
                        <p>{tr(|t| t.report_outdated)}</p>
                        <button type="button" class="button" id="report-update" on:click=move |_| {
                            leptos::task::spawn_local(async move {
                                coordinator.reload(store).await;
                                // The button is gone with the notice; the updated report is read
                                // from its top.
                                dom::focus_element(PAGE_TITLE_ID);
                            });
                        }>
                            {tr(|t| t.report_bring_up_to_date)}
                        </button>
                    </div>
                </Show>
            </div>
        }
        .into_any(),
    }
    }
}

/// The choice of questionnaire, when the data holds responses to more than one.
#[component]
fn QuestionnaireChoice(
    available: Memo<Vec<(QuestionnaireRef, Questionnaire, usize)>>,
    chosen: RwSignal<Option<QuestionnaireRef>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = available.get();
        (list.len() > 1).then(|| {
            let lang = i18n.lang();
            let t = i18n.t();
            view! {
                <div class="field no-print">
                    <label class="question" for="report-questionnaire">{t.report_questionnaire}</label>
                    <select id="report-questionnaire" class="select"
                        on:change=move |ev| {
                            let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                            chosen.set(available.with_untracked(|l| l.get(i).map(|x| x.0.clone())));
                        }>
                        {list.iter().enumerate().map(|(i, (r, q, n))| {
                            let selected = chosen.get_untracked().as_ref() == Some(r);
                            view! {
                                <option value=i.to_string() selected=selected>
                                    {fill(t.report_questionnaire_option, &[
                                        ("title", q.title().get(lang)),
                                        ("version", &q.version().to_string()),
                                        ("n", &fill(t.count_completed[usize::from(*n != 1)], &[("n", &format_count(*n, lang))])),
                                    ])}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
            }
        })
    }
}

/// A mean for a table cell: the figure, "–" when nobody answered, or the hidden wording.
pub(crate) fn mean_text(cell: &Cell<Mean>, lang: Lang, t: &Messages) -> String {
    match cell {
        Cell::Shown(m) => format_decimal(m.mean, 1, lang),
        Cell::Empty => "–".into(),
        Cell::Suppressed => t.report_hidden.into(),
    }
}

/// A group's n as the table shows it: the count, or why it is hidden.
pub(crate) fn n_text(group: &Group, min: usize, lang: Lang, t: &Messages) -> String {
    match (&group.n, group.hidden) {
        (Cell::Shown(n), _) => format_count(*n, lang),
        (_, Some(Hidden::TooSmall)) => fill(t.report_fewer_than, &[("min", &min.to_string())]),
        (_, Some(Hidden::ProtectsSmallGroup)) => t.report_hidden_protects.into(),
        (_, Some(Hidden::WholeSplit)) => t.report_hidden_whole_split.into(),
        _ => "–".into(),
    }
}

#[component]
fn ReportBody(
    report: Report,
    open_by: RwSignal<Option<String>>,
    open_answers: Memo<Option<std::sync::Arc<OpenAnswers>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = summary_html(&report, i18n.lang(), i18n.t());
    // Below the smallest group size as a whole (the notice above says so), every group of every
    // split is hidden too: a page of tables reading "verborgen" says nothing more.
    let parts = matches!(report.n, Cell::Shown(_)).then(|| {
        view! {
            {report.splits.iter().map(|split| view! { <SplitTable split=split.clone() report=report.clone() /> }).collect_view()}
            <GroupComparisonView report=report.clone() />
            {other_items_html(&report, i18n.lang(), i18n.t()).map(|html| view! { <div class="report-part" inner_html=html></div> })}
            <OpenAnswersView report=report.clone() open_by=open_by open_answers=open_answers />
        }
    });
    view! {
        <div class="report-part" inner_html=summary></div>
        {parts}
    }
}

/// The questions the report has no other figures for ([`Report::other_items`]): per option how
/// many chose it and their share of those who answered, or a number's mean and median; `None`
/// when the questionnaire has none (the built-in one).
fn other_items_html(report: &Report, lang: Lang, t: &Messages) -> Option<String> {
    if report.other_items.is_empty() {
        return None;
    }
    let min = report.min_group_size.to_string();
    let mut h = Html::new();
    h.open(
        "section",
        &[
            ("class", "report-section"),
            ("aria-labelledby", "report-other"),
        ],
    )
    .leaf("h2", &[("id", "report-other")], t.report_other);
    for (i, item) in report.other_items.iter().enumerate() {
        let label = crate::ui::i18n::question_only(item.label.get(lang));
        h.leaf_lang("h3", label, lang_attr(&item.label, lang));
        match (&item.n, &item.figures) {
            (
                Cell::Shown(n),
                Some(ItemCounts::Options {
                    counts,
                    multi,
                    protects,
                }),
            ) => {
                let (table_id, caption_id) = (format!("other-{i}"), format!("other-{i}-caption"));
                // The note beside the table, not in its caption: a caption is as wide as its
                // table.
                let note = if *multi {
                    t.report_other_note_multi
                } else {
                    t.report_other_note
                };
                h.leaf(
                    "p",
                    &[("class", "hint")],
                    &fill(note, &[("n", &format_count(*n, lang)), ("min", &min)]),
                );
                // Named with its question: every such table's region would read the same.
                let caption = fill(t.report_other_table, &[("question", label)]);
                table_start(
                    &mut h,
                    &table_id,
                    &caption_id,
                    &caption,
                    &[t.report_other_option, t.report_count, t.report_share],
                );
                let fewer = fill(t.report_fewer_than, &[("min", &min)]);
                for (o, (option, count)) in counts.iter().enumerate() {
                    let (count, share) = match count {
                        Cell::Shown(c) => (
                            format_count(*c, lang),
                            format_percent(*c as f64 / *n as f64, 0, lang),
                        ),
                        _ if *protects == Some(o) => (
                            t.report_hidden_protects.to_string(),
                            t.report_hidden.to_string(),
                        ),
                        _ => (fewer.clone(), t.report_hidden.to_string()),
                    };
                    table_row(
                        &mut h,
                        &[],
                        (option.get(lang), lang_attr(option, lang)),
                        &[&count, &share],
                    );
                }
                table_end(&mut h);
            }
            (Cell::Shown(n), Some(ItemCounts::Number { mean, median })) => {
                h.leaf(
                    "p",
                    &[("id", &format!("other-{i}"))],
                    &fill(
                        t.report_other_number,
                        &[
                            ("n", &format_count(*n, lang)),
                            ("mean", &format_decimal(*mean, 1, lang)),
                            ("median", &format_decimal(*median, 1, lang)),
                        ],
                    ),
                );
            }
            (Cell::Suppressed, _) => {
                h.leaf(
                    "p",
                    &[("class", "hint"), ("id", &format!("other-{i}"))],
                    &fill(t.report_other_hidden, &[("min", &min)]),
                );
            }
            _ => {
                h.leaf(
                    "p",
                    &[("class", "hint"), ("id", &format!("other-{i}"))],
                    t.report_other_none,
                );
            }
        }
    }
    h.close("section");
    Some(h.finish())
}

/// The report's fixed part as HTML text: introduction, headline figures, the grade's
/// distribution and the factor means.
fn summary_html(report: &Report, lang: Lang, t: &Messages) -> String {
    let min = report.min_group_size.to_string();
    let fewer = fill(t.report_fewer_than, &[("min", &min)]);
    let mut h = Html::new();
    h.leaf(
        "p",
        &[("class", "lead")],
        &fill(
            t.report_intro,
            &[
                ("title", report.title.get(lang)),
                ("version", &report.questionnaire.version.to_string()),
            ],
        ),
    );
    if report.is_below_minimum() {
        h.open(
            "div",
            &[("class", "notice notice-warning"), ("role", "status")],
        )
        .leaf("p", &[], &fill(t.report_below_minimum, &[("min", &min)]))
        .close("div");
    }
    h.open("section", &[("aria-labelledby", "report-headline")])
        .leaf("h2", &[("id", "report-headline")], t.report_headline)
        .open("dl", &[("class", "summary-list headline")]);
    let n = match &report.n {
        Cell::Shown(n) => format_count(*n, lang),
        _ => fewer,
    };
    summary_row(&mut h, t.report_n, "report-n", &n);
    let grade = match (&report.n, report.grade.as_ref().map(|g| &g.stats)) {
        (Cell::Shown(_), Some(Cell::Shown(GradeStats { summary, .. }))) => Some(summary),
        _ => None,
    };
    if let Some((summary, mean)) = grade.and_then(|s| Some((s, s.mean?))) {
        // The interval itself on one line (a printed headline broke it after the dash).
        let (before_ci, after_ci) = t.report_ci.split_once("{ci}").unwrap_or((t.report_ci, ""));
        let ci = summary
            .ci95
            .map(|ci| format_interval(ci.low, ci.high, 1, lang));
        h.open("div", &[("class", "summary-row")])
            .leaf("dt", &[], &grade_name(grade_heading(report, t), report, t))
            .open("dd", &[])
            .leaf(
                "span",
                &[("id", "report-grade"), ("class", "big-figure")],
                &format_decimal(mean, 1, lang),
            )
            .text(" ");
        if let Some(ci) = ci {
            h.open("span", &[("class", "hint")])
                .text(before_ci)
                .leaf("span", &[("class", "nowrap")], &ci)
                .text(after_ci)
                .close("span");
        }
        h.close("dd").close("div");
        let or_dash = |x: Option<f64>, decimals| {
            x.map_or("–".into(), |x| format_decimal(x, decimals, lang))
        };
        summary_row(
            &mut h,
            t.report_grade_n,
            "report-grade-n",
            &format_count(summary.n, lang),
        );
        summary_row(
            &mut h,
            t.report_median,
            "report-median",
            &or_dash(summary.median, 1),
        );
        summary_row(&mut h, t.report_sd, "report-sd", &or_dash(summary.sd, 2));
    } else if let (Cell::Shown(_), Some(stats)) =
        (&report.n, report.grade.as_ref().map(|g| &g.stats))
    {
        // Enough responses, but too few grades (or none): the row says so, rather than the
        // questionnaire seeming to have no grade.
        let why = match stats {
            Cell::Empty => t.report_grade_none.to_string(),
            _ => fill(t.report_grade_hidden, &[("min", &min)]),
        };
        summary_row(
            &mut h,
            &grade_name(grade_heading(report, t), report, t),
            "report-grade",
            &why,
        );
    }
    h.close("dl");
    if report
        .grade
        .as_ref()
        .is_some_and(|g| g.stats.shown().is_some())
    {
        h.leaf("p", &[("class", "hint")], t.report_grade_hint);
    }
    let ignored = report.ignored;
    if ignored.drafts + ignored.withdrawn + ignored.other_questionnaire > 0 {
        let text = fill(
            t.report_ignored,
            &[
                ("drafts", &count_in(t.count_drafts, ignored.drafts, lang)),
                ("withdrawn", &format_count(ignored.withdrawn, lang)),
                ("other", &format_count(ignored.other_questionnaire, lang)),
            ],
        );
        h.leaf("p", &[("class", "hint")], &text);
    }
    if ignored.not_fitting > 0 {
        let text = count_in(t.report_not_fitting, ignored.not_fitting, lang);
        h.leaf(
            "p",
            &[
                ("class", "notice notice-warning"),
                ("id", "report-not-fitting"),
            ],
            &text,
        );
    }
    h.close("section");
    if let Some(stats) = report.grade.as_ref().and_then(|g| g.stats.shown()) {
        grade_distribution(&mut h, stats, lang, t);
    }
    factors(&mut h, report, lang, t);
    h.finish()
}

/// One row of the headline list: `<dt>` label, `<dd id>` figure.
fn summary_row(h: &mut Html, label: &str, id: &str, figure: &str) {
    h.open("div", &[("class", "summary-row")])
        .leaf("dt", &[], label)
        .leaf("dd", &[("id", id)], figure)
        .close("div");
}

/// A number for an SVG coordinate: one decimal, a dot.
fn coordinate(x: f64) -> String {
    format_decimal(x, 1, Lang::En)
}

/// The opening of a scrollable table region with its caption and column headers; the first
/// header is the row-label column, the others are numeric.
pub(crate) fn table_start(
    h: &mut Html,
    table_id: &str,
    caption_id: &str,
    caption: &str,
    headers: &[&str],
) {
    h.open(
        "div",
        &[
            ("class", "table-scroll"),
            ("tabindex", "0"),
            ("role", "region"),
            ("aria-labelledby", caption_id),
        ],
    )
    .open("table", &[("class", "data-table"), ("id", table_id)])
    .leaf("caption", &[("id", caption_id)], caption)
    .open("thead", &[])
    .open("tr", &[]);
    for (i, header) in headers.iter().enumerate() {
        let attrs: &[_] = if i == 0 {
            &[("scope", "col")]
        } else {
            &[("scope", "col"), ("class", "num")]
        };
        h.leaf("th", attrs, header);
    }
    h.close("tr").close("thead").open("tbody", &[]);
}

/// The end of what [`table_start`] opened.
pub(crate) fn table_end(h: &mut Html) {
    h.close("tbody").close("table").close("div");
}

/// A row's label as shown, and its `lang` when that is not the screen's language
/// ([`lang_attr`]: a questionnaire's text with only Dutch, on the English screen).
pub(crate) type RowLabel<'a> = (&'a str, Option<&'static str>);

/// A body row: a row header (marked with its language where needed) and numeric cells.
pub(crate) fn table_row(
    h: &mut Html,
    attrs: &[(&'static str, &str)],
    (label, label_lang): RowLabel,
    cells: &[&str],
) {
    match label_lang {
        Some(code) => h
            .open("tr", attrs)
            .leaf("th", &[("scope", "row"), ("lang", code)], label),
        None => h.open("tr", attrs).leaf("th", &[("scope", "row")], label),
    };
    for cell in cells {
        h.leaf("td", &[("class", "num")], cell);
    }
    h.close("tr");
}

/// The grade's distribution: a bar chart and the same figures as a table.
fn grade_distribution(h: &mut Html, stats: &GradeStats, lang: Lang, t: &Messages) {
    let bars: Vec<(String, usize)> = stats
        .distribution
        .iter()
        .map(|v| (v.value.to_string(), v.count))
        .collect();
    let total = stats.summary.n.max(1);
    let description = bars
        .iter()
        .map(|(v, c)| format!("{v}: {}", format_count(*c, lang)))
        .collect::<Vec<_>>()
        // Not ", ": English counts have commas of their own ("7: 1,234").
        .join("; ");
    let rows: Vec<Bars> = bars
        .iter()
        .map(|(v, c)| (v.clone(), vec![Some((*c as f64, format_count(*c, lang)))]))
        .collect();
    chart_section_start(
        h,
        ("h2", "report-distribution", t.report_distribution),
        &rows,
        &[],
        &format!("{}: {description}", t.report_distribution),
        t.report_distribution_caption,
    );
    table_start(
        h,
        "grade-distribution",
        "distribution-caption",
        t.report_distribution_table,
        &[t.report_grade_value, t.report_count, t.report_share],
    );
    for (v, c) in &bars {
        let share = format_percent(*c as f64 / total as f64, 0, lang);
        table_row(h, &[], (v, None), &[&format_count(*c, lang), &share]);
    }
    table_end(h);
    h.close("section");
}

/// Opens a report section with its heading (`tag`, `id`, `title`) and a figure of
/// [`row_chart`] with its caption; the caller adds what follows (a table) and closes the section.
pub(crate) fn chart_section_start(
    h: &mut Html,
    (tag, id, title): (&'static str, &str, &str),
    rows: &[Bars],
    series: &[&str],
    label: &str,
    caption: &str,
) {
    h.open(
        "section",
        &[("aria-labelledby", id), ("class", "report-section")],
    )
    .leaf(tag, &[("id", id)], title)
    .open("figure", &[("class", "chart")]);
    row_chart(h, rows, series, label);
    h.leaf("figcaption", &[], caption).close("figure");
}

/// One row of a bar chart: its name and, per series, the bar's length and the value written
/// after it (`None`: no bar, e.g. a round whose figures are hidden).
pub(crate) type Bars = (String, Vec<Option<(f64, String)>>);

/// Bars in rows (one per series, touching), the rows' names on the left and, for more than one
/// series, a legend above: an SVG with a text alternative. In rows, ten grades (by two rounds)
/// fit a phone's width with their text still ~12 px; the second series is drawn as
/// `bar bar-b` (light, outlined).
fn row_chart(h: &mut Html, rows: &[Bars], series: &[&str], label: &str) {
    const WIDTH: usize = 360;
    const LEFT: f64 = 44.0; // where the bars start, after the row names
    const LENGTH: f64 = 260.0; // the longest bar
    let k = series.len().max(1);
    let row = 8 + 16 * k; // bars of 14 and the gaps
    let top = if k > 1 { 34 } else { 6 }; // below the legend
    let max = rows
        .iter()
        .flat_map(|r| r.1.iter().flatten())
        .fold(0.0, |m: f64, b| m.max(b.0));
    let max = if max > 0.0 { max } else { 1.0 };
    let height = top + row * rows.len() + 6;
    let class = |k: usize| if k == 0 { "bar" } else { "bar bar-b" };
    h.open(
        "svg",
        &[
            ("class", "chart-svg chart-rows"),
            ("role", "img"),
            ("aria-label", label),
            ("viewBox", &format!("0 0 {WIDTH} {height}")),
            // Drawn at its own size, narrower only when the screen is.
            ("width", &WIDTH.to_string()),
            ("preserveAspectRatio", "xMinYMin meet"),
        ],
    )
    .leaf("title", &[], label);
    if k > 1 {
        for (i, name) in series.iter().enumerate() {
            let x = LEFT + 150.0 * i as f64;
            h.leaf(
                "rect",
                &[
                    ("class", class(i)),
                    ("x", &coordinate(x)),
                    ("y", "6"),
                    ("width", "14"),
                    ("height", "14"),
                ],
                "",
            )
            .leaf("text", &[("x", &coordinate(x + 20.0)), ("y", "18")], name);
        }
    }
    for (i, (name, bars)) in rows.iter().enumerate() {
        let y0 = top + row * i;
        h.open("g", &[]).leaf(
            "text",
            &[
                ("class", "bar-label"),
                ("x", &coordinate(LEFT - 10.0)),
                ("y", &(y0 + row / 2 + 5).to_string()),
                ("text-anchor", "end"),
            ],
            name,
        );
        for (s, bar) in bars.iter().enumerate() {
            let Some((value, text)) = bar else {
                continue;
            };
            let length = LENGTH * value / max;
            let y = y0 + 4 + 16 * s;
            h.leaf(
                "rect",
                &[
                    ("class", class(s)),
                    ("x", &coordinate(LEFT)),
                    ("y", &y.to_string()),
                    ("width", &coordinate(length)),
                    ("height", "14"),
                ],
                "",
            )
            .leaf(
                "text",
                &[
                    ("class", "bar-value"),
                    ("x", &coordinate(LEFT + length + 4.0)),
                    ("y", &(y + 12).to_string()),
                ],
                text,
            );
        }
        h.close("g");
    }
    h.leaf(
        "line",
        &[
            ("class", "axis"),
            ("x1", &coordinate(LEFT)),
            ("x2", &coordinate(LEFT)),
            ("y1", &(top - 2).to_string()),
            ("y2", &(height - 4).to_string()),
        ],
        "",
    )
    .close("svg");
}

/// Factor means: a bar chart on the 1–5 scale and a table with n and Cronbach's alpha.
fn factors(h: &mut Html, report: &Report, lang: Lang, t: &Messages) {
    if report.factors.is_empty() {
        return;
    }
    // Per factor: label, mean shown, mean, n, alpha.
    let rows: Vec<(RowLabel, String, Option<f64>, String, String)> = report
        .factors
        .iter()
        .map(|f| {
            let mean = f.scores.shown().and_then(|s| s.mean);
            let n = match &f.scores {
                Cell::Shown(s) => format_count(s.n, lang),
                Cell::Empty => "0".into(),
                Cell::Suppressed => t.report_hidden.into(),
            };
            let alpha = match &f.alpha {
                Cell::Shown(a) => match a.alpha {
                    Some(x) => fill(
                        t.report_alpha_value,
                        &[
                            ("alpha", &format_decimal(x, 2, lang)),
                            ("n", &format_count(a.n, lang)),
                        ],
                    ),
                    None => "–".into(),
                },
                Cell::Empty => "–".into(),
                Cell::Suppressed => t.report_hidden.into(),
            };
            // "–" says that nobody answered; a mean kept back below the minimum says so.
            let shown = match (&f.scores, mean) {
                (Cell::Suppressed, _) => t.report_hidden.to_string(),
                (_, Some(m)) => format_decimal(m, 1, lang),
                (_, None) => "–".into(),
            };
            (
                (f.label.get(lang), lang_attr(&f.label, lang)),
                shown,
                mean,
                n,
                alpha,
            )
        })
        .collect();
    let description = rows
        .iter()
        .map(|((name, _), shown, ..)| format!("{name}: {shown}"))
        .collect::<Vec<_>>()
        .join(", ");
    let label = format!("{}: {description}", t.report_factors);
    h.open(
        "section",
        &[
            ("aria-labelledby", "report-factors"),
            ("class", "report-section"),
        ],
    )
    .leaf("h2", &[("id", "report-factors")], t.report_factors)
    .leaf("p", &[], t.report_factors_intro)
    .open("figure", &[("class", "chart")])
    .open(
        "svg",
        &[
            ("class", "chart-svg"),
            ("role", "img"),
            ("aria-label", &label),
            ("viewBox", &format!("0 0 600 {}", 30 * rows.len() + 30)),
            ("width", "600"),
            ("preserveAspectRatio", "xMinYMin meet"),
        ],
    )
    .leaf("title", &[], &label);
    for (i, ((name, _), shown, mean, ..)) in rows.iter().enumerate() {
        let y = 10 + 30 * i;
        let w = mean.map_or(0.0, |m| (m - 1.0).max(0.0) / 4.0 * 300.0);
        h.open("g", &[])
            .leaf(
                "text",
                &[
                    ("class", "bar-label"),
                    ("x", "0"),
                    ("y", &(y + 16).to_string()),
                ],
                name,
            )
            .leaf(
                "rect",
                &[
                    ("class", "bar"),
                    ("x", "250"),
                    ("y", &(y + 3).to_string()),
                    ("width", &coordinate(w)),
                    ("height", "18"),
                ],
                "",
            )
            .leaf(
                "text",
                &[
                    ("class", "bar-value"),
                    ("x", &coordinate(256.0 + w)),
                    ("y", &(y + 16).to_string()),
                ],
                shown,
            )
            .close("g");
    }
    h.close("svg")
        .leaf("figcaption", &[], t.report_factors_caption)
        .close("figure");
    table_start(
        h,
        "factor-table",
        "factors-caption",
        t.report_factors_table,
        &[
            t.report_factor,
            t.report_mean,
            t.report_n_short,
            t.report_alpha,
        ],
    );
    for (name, shown, _, n, alpha) in &rows {
        table_row(h, &[], *name, &[shown, n, alpha]);
    }
    table_end(h);
    // Said where there is an alpha to read.
    if report
        .factors
        .iter()
        .any(|f| matches!(&f.alpha, Cell::Shown(a) if a.alpha.is_some()))
    {
        h.leaf("p", &[("class", "hint")], t.report_alpha_hint);
    }
    h.close("section");
}

/// What a split table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    /// The order of the options in the questionnaire: the table's own order before any choice
    /// (no column says it is sorted).
    Definition,
    /// The group's name, A to Z (the order a coordinator expects of "Groep": the questionnaire's
    /// order reversed was announced as "descending", an acceptance test's find).
    Name,
    /// Number of responses, largest first.
    Size,
    /// Mean grade, highest first.
    Grade,
    /// A factor's mean, highest first.
    Factor(usize),
}

fn sort_value(group: &Group, by: SortBy) -> Option<f64> {
    match by {
        SortBy::Definition | SortBy::Name => None,
        SortBy::Size => group.n.shown().map(|n| *n as f64),
        SortBy::Grade => group.grade_mean.shown().map(|m| m.mean),
        SortBy::Factor(f) => group
            .factor_means
            .get(f)
            .and_then(|c| c.shown().map(|m| m.mean)),
    }
}

/// One split: per group n, share, grade mean and factor means, sortable by any column. The
/// column headers are buttons (views, so they keep focus); the rows are HTML text.
#[component]
fn SplitTable(split: Split, report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let lang = i18n.lang();
    // The column sorted by, and whether its order is turned around (a second press): as the
    // reader left it when the table was drawn before.
    let choices = use_context::<ReportChoices>();
    let sort = RwSignal::new(
        choices
            .and_then(|c| {
                c.sorts.with_value(|sorts| {
                    sorts
                        .iter()
                        .find(|(id, _)| *id == split.item_id)
                        .map(|(_, by)| *by)
                })
            })
            .unwrap_or((SortBy::Definition, false)),
    );
    let split_key = StoredValue::new(split.item_id.clone());
    // Said after a press: a changed aria-sort is often not read out, and focus stays on a
    // button whose name does not change.
    let sorted_said = RwSignal::new(String::new());
    let min = report.min_group_size;
    let has_grade = report.grade.is_some();
    let report_has_factors = !report.factors.is_empty();
    let id = format!("split-{}", split.item_id);
    let caption_id = format!("{id}-caption");
    let heading_id = format!("{id}-heading");
    // The region is named by its heading and caption together: every split's caption is the
    // same words, and a screen reader lists regions by name.
    let (region_labelled_by, section_labelled_by) =
        (format!("{heading_id} {caption_id}"), heading_id.clone());
    // Each header with the language of its words where a theme's name has only the other one
    // (a screen reader reads it in the right voice).
    let mut columns = vec![
        (t.report_group.to_string(), SortBy::Name, None),
        (t.report_n_short.to_string(), SortBy::Size, None),
    ];
    if has_grade {
        columns.push((
            grade_name(t.report_grade_short, &report, t),
            SortBy::Grade,
            None,
        ));
    }
    columns.extend(report.factors.iter().enumerate().map(|(f, factor)| {
        (
            factor.label.get(lang).to_string(),
            SortBy::Factor(f),
            lang_attr(&factor.label, lang),
        )
    }));
    let header = move |(label, by, label_lang): (String, SortBy, Option<&'static str>)| {
        let (class, sorted) = match by {
            SortBy::Definition | SortBy::Name => ("", "ascending"),
            _ => ("num", "descending"),
        };
        let reversed = if sorted == "ascending" {
            "descending"
        } else {
            "ascending"
        };
        let said_label = label.clone();
        // On paper the header is this label (style/main.css): Chromium leaves a button out of
        // a table header repeated on the next page.
        let printed_label = label.clone();
        view! {
            <th scope="col" class=class data-label=printed_label lang=label_lang aria-sort=move || match sort.get() {
                (b, false) if b == by => sorted,
                (b, true) if b == by => reversed,
                _ => "none",
            }>
                <button type="button" class="sort-button" on:click={
                    move |_| {
                        sort.update(|(b, turned)| {
                            if *b == by {
                                *turned = !*turned;
                            } else {
                                (*b, *turned) = (by, false);
                            }
                        });
                        if let Some(c) = choices {
                            let now = sort.get_untracked();
                            let key = split_key.get_value();
                            c.sorts.update_value(|sorts| {
                                sorts.retain(|(id, _)| *id != key);
                                sorts.push((key, now));
                            });
                        }
                        let t = i18n.t();
                        let ascending = match sort.get_untracked() {
                            (_, false) => sorted == "ascending",
                            (_, true) => sorted != "ascending",
                        };
                        let order = if ascending { t.report_sorted_ascending } else { t.report_sorted_descending };
                        sorted_said.set(fill(t.report_sorted, &[("column", &said_label), ("order", order)]));
                    }
                }>{label}</button>
            </th>
        }
    };
    let mut columns = columns.into_iter();
    let first = columns.next().map(header);
    let size = columns.next().map(header);
    let groups = split.groups;
    // Options nobody answered (most of a region's municipalities, early on) are named in one
    // line under the table, not as rows of zeros between the groups that have figures.
    let nobody = |g: &Group| g.n == Cell::Shown(0);
    let silent: Vec<&str> = groups
        .iter()
        .filter(|g| nobody(g) && g.key != GroupKey::NotAnswered)
        .map(|g| g.label.get(lang))
        .collect();
    // On paper a short table keeps together; a long one (a region's teams) runs on over pages,
    // its header repeated, rather than leaving most of a page empty before it.
    let table_class = if groups.iter().filter(|g| !nobody(g)).count() > 12 {
        "data-table split-table long-table"
    } else {
        "data-table split-table"
    };
    let empty_note = nobody_answered(&silent, lang, t).map(|text| {
        view! { <p class="hint" id=format!("{id}-empty")>{text}</p> }
    });
    let rows = move || {
        let (by, turned) = sort.get();
        // "Niet beantwoord 0 0% – – –" says nothing: a row for a group only when it has
        // responses (those who did not answer too: their count is shown then, so the groups
        // still add up).
        let mut rows: Vec<&Group> = groups.iter().filter(|g| !nobody(g)).collect();
        if by == SortBy::Name {
            // By name, those who did not answer last either way.
            sorting::sort_by_key(&mut rows, |g| g.label.get(lang).to_lowercase());
            if turned {
                rows.reverse();
            }
            sorting::sort_by_key(&mut rows, |g| g.key == GroupKey::NotAnswered);
        } else if by != SortBy::Definition {
            // Shown figures first, highest first; hidden ones after, in definition order (a
            // stable sort), so order reveals nothing.
            sorting::sort_by(&mut rows, |a, b| {
                let (x, y) = (sort_value(a, by), sort_value(b, by));
                y.partial_cmp(&x)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then_with(|| y.is_some().cmp(&x.is_some()))
            });
            sorting::sort_by_key(&mut rows, |g| sort_value(g, by).is_none());
            // Turned around: the shown figures lowest first; hidden ones stay after them.
            if turned {
                let shown = rows
                    .iter()
                    .take_while(|g| sort_value(g, by).is_some())
                    .count();
                rows[..shown].reverse();
            }
        }
        let mut h = Html::new();
        for g in rows {
            let share = match &g.share {
                Cell::Shown(s) => format_percent(*s, 0, lang),
                Cell::Empty => "–".into(),
                Cell::Suppressed => t.report_hidden.into(),
            };
            let mut cells = vec![n_text(g, min, lang, t), share];
            if has_grade {
                cells.push(mean_text(&g.grade_mean, lang, t));
            }
            cells.extend(g.factor_means.iter().map(|c| mean_text(c, lang, t)));
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            let attrs: &[_] = if g.hidden.is_some() {
                &[("class", "hidden-group")]
            } else {
                &[]
            };
            table_row(
                &mut h,
                attrs,
                (g.label.get(lang), lang_attr(&g.label, lang)),
                &cells,
            );
        }
        h.finish()
    };
    let table_labelled_by = region_labelled_by.clone();
    view! {
        <section class="report-section" aria-labelledby=section_labelled_by>
            <h2 id=heading_id lang=lang_attr(&split.label, lang)>{fill(t.report_split_heading, &[("item", split.label.get(lang))])}</h2>
            // Beside the table, not in its caption: a caption is as wide as its table, and the
            // table may be wider than the screen.
            <p class="hint">
                {fill(t.report_split_note, &[("min", &min.to_string())])}
                <span class="no-print">" "{t.report_sort_hint}</span>
            </p>
            <div class="table-with-note">
            <div class="table-scroll table-wide" tabindex="0" role="region" aria-labelledby=region_labelled_by>
                // Named as its region is: every split's caption is the same words.
                <table class=table_class id=id aria-labelledby=table_labelled_by>
                    <caption id=caption_id>
                        {match (has_grade, report_has_factors) {
                            (true, true) => t.report_split_caption,
                            (false, true) => t.report_split_caption_no_grade,
                            (true, false) => t.report_split_caption_no_themes,
                            (false, false) => t.report_split_caption_counts,
                        }}
                    </caption>
                    <thead><tr>
                        {first}
                        {size}
                        <th scope="col" class="num">{t.report_share}</th>
                        {columns.map(header).collect_view()}
                    </tr></thead>
                    <tbody inner_html=rows></tbody>
                </table>
            </div>
            {empty_note}
            </div>
            <p class="visually-hidden" role="status">{move || sorted_said.get()}</p>
        </section>
    }
}

/// The line under a split table naming the groups nobody answered in ("Zonder antwoorden (17):
/// Aalten, …"), instead of a row of zeros each; `None` when every group has answers.
pub(crate) fn nobody_answered(names: &[&str], lang: Lang, t: &Messages) -> Option<String> {
    (!names.is_empty()).then(|| {
        fill(
            t.report_split_empty,
            &[
                ("n", &format_count(names.len(), lang)),
                ("groups", &names.join(", ")),
            ],
        )
    })
}

/// The two figures of a [`Change`] and their difference as shown: the difference of the
/// rounded figures (see [`shown_difference`]), with a plus sign when it is positive.
pub(crate) fn change_texts(c: &Change, lang: Lang, t: &Messages, decimals: usize) -> [String; 3] {
    let text = |cell: &Cell<f64>| match cell {
        Cell::Shown(x) => format_decimal(*x, decimals, lang),
        Cell::Empty => "–".to_string(),
        Cell::Suppressed => t.report_hidden.to_string(),
    };
    let change = match (&c.a, &c.b, &c.change) {
        (Cell::Shown(a), Cell::Shown(b), Cell::Shown(_)) => {
            let d = shown_difference(*a, *b, decimals);
            let written = format_decimal(d, decimals, lang);
            if d > 0.0 && written.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
                format!("+{written}")
            } else {
                written
            }
        }
        (_, _, cell) => text(cell),
    };
    [text(&c.a), text(&c.b), change]
}

/// A split as the comparison offers it: item id, question, and its groups (not "not answered").
type SplitChoice = (
    String,
    crate::domain::Label,
    Vec<(GroupKey, crate::domain::Label, usize)>,
);

/// Two groups of one split side by side, factor by factor, with the difference: e.g. how local
/// teams and GIs each see the collaboration. Any split and any two of its groups can be chosen.
#[component]
fn GroupComparisonView(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let lang = i18n.lang();
    let Some(first) = report.splits.first() else {
        return ().into_any();
    };
    // Nothing to compare without a grade or a theme (a table of its header alone).
    if report.grade.is_none() && report.factors.is_empty() {
        return ().into_any();
    }
    let split_id = RwSignal::new(first.item_id.clone());
    let a = RwSignal::new(0usize);
    let b = RwSignal::new(1usize);
    // A split's two groups with the most figures shown, the first ones first (a hidden group
    // compares as nothing but "verborgen", an empty one as dashes, and a shown group may still
    // hide its grade or a theme), else its first two.
    let first_shown = |groups: &[(GroupKey, crate::domain::Label, usize)]| {
        let mut order: Vec<usize> = (0..groups.len()).filter(|&i| groups[i].2 > 0).collect();
        sorting::sort_by(&mut order, |&x, &y| groups[y].2.cmp(&groups[x].2));
        match order[..] {
            [x, y, ..] => (x.min(y), x.max(y)),
            _ => (0, 1),
        }
    };
    let splits: Vec<SplitChoice> = report
        .splits
        .iter()
        .map(|s| {
            (
                s.item_id.clone(),
                s.label.clone(),
                s.groups
                    .iter()
                    .filter(|g| g.key != GroupKey::NotAnswered)
                    // Figures to compare: how many of its grade and theme means are shown,
                    // when someone is in it.
                    .map(|g| {
                        let figures = if matches!(g.n, Cell::Shown(n) if n > 0) {
                            std::iter::once(&g.grade_mean)
                                .chain(&g.factor_means)
                                .filter(|m| matches!(m, Cell::Shown(_)))
                                .count()
                        } else {
                            0
                        };
                        (g.key.clone(), g.label.clone(), figures)
                    })
                    .collect(),
            )
        })
        .collect();
    let (x, y) = first_shown(&splits[0].2);
    a.set(x);
    b.set(y);
    // As the reader left it when the report was drawn before (another language), when that
    // split and its groups are still there.
    let choices = use_context::<ReportChoices>();
    if let Some((id, ka, kb)) = choices.and_then(|c| c.compare.get_value()) {
        let at = |groups: &[(GroupKey, crate::domain::Label, usize)], k: &GroupKey| {
            groups.iter().position(|g| g.0 == *k)
        };
        if let Some((x, y)) = splits
            .iter()
            .find(|s| s.0 == id)
            .and_then(|s| Some((at(&s.2, &ka)?, at(&s.2, &kb)?)))
        {
            split_id.set(id);
            a.set(x);
            b.set(y);
        }
    }
    let splits = StoredValue::new(splits);
    let groups_of = move || {
        splits.with_value(|list| {
            list.iter()
                .find(|s| s.0 == split_id.get())
                .map(|s| s.2.clone())
                .unwrap_or_default()
        })
    };
    if let Some(c) = choices {
        Effect::new(move |_| {
            let groups = groups_of();
            if let (Some(ga), Some(gb)) = (groups.get(a.get()), groups.get(b.get())) {
                c.compare
                    .set_value(Some((split_id.get(), ga.0.clone(), gb.0.clone())));
            }
        });
    }
    let report = StoredValue::new(report);
    let table = move || {
        let groups = groups_of();
        let (ga, gb) = (groups.get(a.get())?, groups.get(b.get())?);
        let c = report.with_value(|r| r.compare_groups(&split_id.get(), &ga.0, &gb.0))?;
        let (na, nb) = (ga.1.get(lang), gb.1.get(lang));
        let mut h = Html::new();
        table_start(
            &mut h,
            "compare-table",
            "compare-caption",
            &fill(t.report_compare_caption, &[("a", na), ("b", nb)]),
            &[t.report_factor, na, nb, t.report_difference],
        );
        let mut row = |label: RowLabel, change: &Change| {
            let cells = change_texts(change, lang, t, 1);
            table_row(&mut h, &[], label, &[&cells[0], &cells[1], &cells[2]]);
        };
        // A questionnaire without a grade has no grade row ("– – –" would read as nobody).
        if let Some(name) = report.with_value(|r| {
            r.grade
                .as_ref()
                .map(|_| grade_name(t.report_grade_short, r, t))
        }) {
            row((&name, None), &c.grade_mean);
        }
        for f in &c.factors {
            row((f.label.get(lang), lang_attr(&f.label, lang)), &f.mean);
        }
        table_end(&mut h);
        Some(h.finish())
    };
    let group_select = move |id: &'static str, label: &'static str, which: RwSignal<usize>| {
        view! {
            <div class="field inline-field">
                <label class="question" for=id>{label}</label>
                <select id=id class="select" on:change=move |ev| which.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {move || groups_of().into_iter().enumerate().map(|(i, (_, name, _))| view! {
                        // The property, not the attribute: once a person has chosen, the
                        // attribute no longer moves the selection (a new split's first two
                        // groups were listed but not shown as chosen).
                        <option value=i.to_string() prop:selected=move || which.get() == i lang=lang_attr(&name, lang)>{name.get(lang).to_string()}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <section class="report-section" aria-labelledby="report-compare">
            <h2 id="report-compare">{t.report_compare}</h2>
            <p>{t.report_compare_intro}</p>
            <div class="compare-choices no-print">
                <div class="field inline-field">
                    <label class="question" for="compare-split">{t.report_compare_split}</label>
                    <select id="compare-split" class="select" on:change=move |ev| {
                        split_id.set(event_target_value(&ev));
                        let (x, y) = first_shown(&groups_of());
                        a.set(x);
                        b.set(y);
                    }>
                        {splits.with_value(|list| list.iter().map(|(id, label, _)| {
                            let id = id.clone();
                            let selected = split_id.get_untracked() == id;
                            view! { <option value=id selected=selected lang=lang_attr(label, lang)>{label.get(lang).to_string()}</option> }
                        }).collect_view())}
                    </select>
                </div>
                {group_select("compare-a", t.report_compare_a, a)}
                {group_select("compare-b", t.report_compare_b, b)}
            </div>
            <div class="report-part" inner_html=move || table().unwrap_or_default()></div>
        </section>
    }
    .into_any()
}

/// How many different answers a list shows before "show all": a report of thousands of
/// responses stays readable (and light), and the CSV has every answer.
const OPEN_ANSWERS_SHOWN: usize = 20;

/// Strengths, concerns and improvements per group of a chosen split, under the same
/// suppression. Each list shows its different answers once, with how many gave each, the most
/// given first; past [`OPEN_ANSWERS_SHOWN`] the rest is behind a button.
#[component]
fn OpenAnswersView(
    report: Report,
    open_by: RwSignal<Option<String>>,
    open_answers: Memo<Option<std::sync::Arc<OpenAnswers>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let lang = i18n.lang();
    let min = report.min_group_size;
    let current = open_by
        .get_untracked()
        .or(report.open_answers.by.clone())
        .unwrap_or_default();
    let options: Vec<(String, String, Option<&'static str>)> = report
        .splits
        .iter()
        .map(|s| {
            (
                s.item_id.clone(),
                s.label.get(lang).to_string(),
                lang_attr(&s.label, lang),
            )
        })
        .collect();
    let printed_by: Vec<(String, String)> = options
        .iter()
        .map(|(id, label, _)| (id.clone(), label.clone()))
        .collect();
    let first_by = current.clone();
    let groups = move || {
        // The lists that show all their answers, as "group-text" numbers; a new split starts
        // with every list short again.
        let expanded = RwSignal::new(Vec::<String>::new());
        open_answers.with(|open| {
            open.as_ref().map(|open| {
                // The answers listed under no group, after the groups, when there are any.
                let apart = open
                    .untied
                    .iter()
                    .any(|x| matches!(&x.answers, Cell::Shown(list) if !list.is_empty()))
                    .then(|| OpenAnswerGroup {
                        key: GroupKey::All,
                        label: Label::new(t.report_open_apart, t.report_open_apart),
                        hidden: None,
                        empty: false,
                        texts: open.untied.clone(),
                    });
                // A group nobody is in (a municipality that did not take part) gets no block
                // of its own: they are named together in one line.
                let (nobody, listed): (Vec<&OpenAnswerGroup>, Vec<&OpenAnswerGroup>) =
                    open.groups.iter().partition(|g| g.empty);
                let names: Vec<&str> = nobody.iter().map(|g| g.label.get(lang)).collect();
                let nobody = nobody_answered(&names, lang, t)
                    .map(|text| view! { <p class="hint" id="open-nobody">{text}</p> });
                // Where answers are listed apart, the reader is told before the groups, so
                // that a group's short list does not read as answers gone missing.
                let note = apart.is_some().then(|| {
                    view! { <p class="hint" id="open-apart-note">{t.report_open_apart_note}</p> }
                });
                let apart_index = listed.len();
                let blocks = listed
                    .into_iter()
                    .chain(apart.as_ref())
                    .enumerate()
                    .map(|(i, g)| {
                        let texts = g
                            .texts
                            .iter()
                            .map(|x| {
                                let tally = match &x.answers {
                                    Cell::Shown(list) => Some(tally_answers(list)),
                                    _ => None,
                                };
                                OpenList {
                                    label: crate::ui::i18n::question_only(x.label.get(lang))
                                        .to_string(),
                                    label_lang: lang_attr(&x.label, lang),
                                    tally,
                                }
                            })
                            .collect();
                        let intro = (i == apart_index)
                            .then(|| fill(t.report_open_apart_hint, &[("min", &min.to_string())]));
                        // A group with nothing under it, in a view that lists answers apart,
                        // may still have answers: there.
                        let none = if apart.is_some() && !g.empty {
                            t.report_open_none_here
                        } else {
                            t.report_open_none
                        };
                        let notes = GroupNotes { intro, none };
                        let render = open_group_html(i, g, texts, notes, min, t, lang);
                        view! { <OpenGroup render=render expanded=expanded /> }.into_any()
                    })
                    .collect::<Vec<_>>();
                // The groups nobody is in come before the answers listed apart, which the note
                // says are at the end.
                let mut blocks = blocks;
                let last = apart.is_some().then(|| blocks.pop()).flatten();
                view! { {note} {blocks} {nobody} {last} }
            })
        })
    };
    view! {
        <section class="report-section" aria-labelledby="report-open">
            <h2 id="report-open">{t.report_open}</h2>
            // On paper the choice is not there: the grouping is said instead.
            <p class="print-only">{move || {
                let by = open_by.get().unwrap_or_else(|| first_by.clone());
                printed_by.iter().find(|(id, _)| *id == by).map(|(_, label)| format!("{} {label}", t.report_open_by))
            }}</p>
            <div class="field inline-field no-print">
                <label class="question" for="open-by">{t.report_open_by}</label>
                <select id="open-by" class="select" on:change=move |ev| open_by.set(Some(event_target_value(&ev)))>
                    {options.into_iter().map(|(id, label, label_lang)| {
                        let selected = id == current;
                        view! { <option value=id selected=selected lang=label_lang>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            {groups}
        </section>
    }
}

/// The report grade's name: the built-in enquête's grade is for the collaboration; another
/// questionnaire's grade may be for anything, so it is just the report grade.
pub fn grade_heading<'a>(report: &Report, t: &'a Messages) -> &'a str {
    if report.questionnaire.id == crate::domain::builtin().id() {
        t.report_grade
    } else {
        t.report_grade_short
    }
}

/// The grade's name, with its scale when that is not the Dutch report grade's 1 to 10 (a 3,2
/// on a scale of 0 to 5 is no failing mark).
pub fn grade_name(name: &str, report: &Report, t: &Messages) -> String {
    match &report.grade {
        Some(g) if (g.min, g.max) != (1, 10) => format!(
            "{name} ({})",
            fill(
                t.report_scale,
                &[("min", &g.min.to_string()), ("max", &g.max.to_string())]
            )
        ),
        _ => name.to_string(),
    }
}

/// One text item's answers in one group: the question, and each different answer with how
/// many gave it (`None` when they are hidden).
struct OpenList {
    label: String,
    /// The label's `lang` when it is not the screen's language.
    label_lang: Option<&'static str>,
    tally: Option<Vec<(String, usize)>>,
}

/// What a block of open answers says besides its answers: a note under its name (the block of
/// answers listed apart explains itself), and what it says when it lists nothing.
struct GroupNotes {
    intro: Option<String>,
    none: &'static str,
}

/// Writes one group's open answers, given the keys of the lists that show all their answers.
type RenderGroup = std::sync::Arc<dyn Fn(&[String]) -> String + Send + Sync>;

/// One group of open answers. Its "show all" buttons are plain HTML buttons with a
/// `data-list` number; a click here toggles that list and keeps keyboard focus on its button.
#[component]
fn OpenGroup(render: RenderGroup, expanded: RwSignal<Vec<String>>) -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(list) = dom::clicked_data(&ev, "button[data-list]", "data-list") else {
            return;
        };
        expanded.update(|open| match open.iter().position(|x| *x == list) {
            Some(i) => {
                open.remove(i);
            }
            None => open.push(list.clone()),
        });
        dom::focus_element_after_render(&format!("open-more-{list}"));
    };
    view! {
        <div class="open-group" on:click=on_click inner_html=move || expanded.with(|open| render(open))></div>
    }
}

/// How to write one group of open answers (group number `index`): its name, then per text item
/// the different answers or why they are hidden.
fn open_group_html(
    index: usize,
    g: &OpenAnswerGroup,
    texts: Vec<OpenList>,
    GroupNotes { intro, none }: GroupNotes,
    min: usize,
    t: &'static Messages,
    lang: Lang,
) -> RenderGroup {
    let name = g.label.get(lang).to_string();
    let name_lang = lang_attr(&g.label, lang);
    let hidden = g.hidden.map(|h| match h {
        Hidden::TooSmall => fill(t.report_open_fewer, &[("min", &min.to_string())]),
        Hidden::ProtectsSmallGroup => t.report_hidden_protects.to_string(),
        Hidden::WholeSplit => t.report_hidden_whole_split.to_string(),
    });
    let any = texts
        .iter()
        .any(|x| !matches!(&x.tally, Some(list) if list.is_empty()));
    let too_few_asked = fill(t.report_open_too_few_asked, &[("min", &min.to_string())]);
    let render = move |expanded: &[String]| {
        let mut h = Html::new();
        h.leaf_lang("h3", &name, name_lang);
        if let Some(intro) = &intro {
            h.leaf("p", &[("class", "hint")], intro);
        }
        match &hidden {
            Some(text) => {
                h.leaf("p", &[("class", "hint")], text);
            }
            None if !any => {
                h.leaf("p", &[("class", "hint")], none);
            }
            None => {
                for (
                    j,
                    OpenList {
                        label,
                        label_lang,
                        tally,
                    },
                ) in texts.iter().enumerate()
                {
                    match tally {
                        Some(list) if list.is_empty() => {}
                        Some(list) => {
                            h.leaf_lang("h4", label, *label_lang);
                            let key = format!("{index}-{j}");
                            open_answer_list(
                                &mut h,
                                list,
                                (&key, expanded.contains(&key)),
                                t,
                                lang,
                            );
                        }
                        None => {
                            h.leaf_lang("h4", label, *label_lang).leaf(
                                "p",
                                &[("class", "hint")],
                                &too_few_asked,
                            );
                        }
                    }
                }
            }
        }
        h.finish()
    };
    std::sync::Arc::new(render)
}

/// The privacy check's findings in `text`, remembered by text: the report counts and then marks
/// the same texts, and draws them again in another language (each check ~0.2 ms).
pub(crate) fn privacy_findings(text: &str) -> std::rc::Rc<Vec<crate::domain::privacy::Finding>> {
    type Seen = rustc_hash::FxHashMap<String, std::rc::Rc<Vec<crate::domain::privacy::Finding>>>;
    thread_local! {
        static SEEN: std::cell::RefCell<Seen> = Default::default();
    }
    if let Some(hit) = SEEN.with_borrow(|seen| seen.get(text).cloned()) {
        return hit;
    }
    let found = std::rc::Rc::new(crate::domain::privacy::scan(text));
    SEEN.with_borrow_mut(|seen| {
        // The texts of one report's meetings; a new dataset's start afresh past a limit.
        if seen.len() >= 4096 {
            seen.clear();
        }
        seen.insert(text.to_string(), found.clone());
    });
    found
}

/// What the privacy check (design §5) finds in a text of the report, marked beside it on
/// screen: a worker or facilitator may have let a name or a number go along at export ("het
/// mag mee"), and the report is what is shared and printed (an acceptance test's meeting case
/// with a name, an address and a BSN went onto paper without a word). Not printed: it is for
/// the coordinator, who asks its writer to change it. True when something was found. Used for
/// meetings' texts; workers' open answers are not marked: the check takes ~0.2 ms a text
/// (native, release), and a region's report shows over a thousand answers.
pub(crate) fn privacy_flag(h: &mut Html, text: &str, t: &Messages, lang: Lang) -> bool {
    let mut found: Vec<String> = Vec::new();
    for f in privacy_findings(text).iter() {
        let message = f.message(lang);
        if !found.contains(&message) {
            found.push(message);
        }
    }
    if !found.is_empty() {
        h.text(" ").leaf(
            "span",
            &[("class", "privacy-flag no-print")],
            &format!("⚠ {} {}", t.privacy_hint_prefix, found.join(" ")),
        );
    }
    !found.is_empty()
}

/// The different answers to one open question, each once with how many gave it, and the
/// "show all" button of list `key` when there are more than [`OPEN_ANSWERS_SHOWN`].
fn open_answer_list(
    h: &mut Html,
    tally: &[(String, usize)],
    (key, all): (&str, bool),
    t: &Messages,
    lang: Lang,
) {
    let shown = if all {
        tally.len()
    } else {
        tally.len().min(OPEN_ANSWERS_SHOWN)
    };
    let list_id = format!("open-list-{key}");
    h.open("ul", &[("class", "open-answers"), ("id", &list_id)]);
    for (text, n) in &tally[..shown] {
        h.open("li", &[]).text(text);
        if *n > 1 {
            h.leaf(
                "span",
                &[("class", "answer-count")],
                &format!(" ({}×)", format_count(*n, lang)),
            );
        }
        h.close("li");
    }
    h.close("ul");
    if tally.len() > OPEN_ANSWERS_SHOWN {
        let label = if all {
            t.report_open_fewer_button.to_string()
        } else {
            fill(
                t.report_open_all,
                &[("n", &format_count(tally.len(), lang))],
            )
        };
        h.open("p", &[("class", "no-print")])
            .leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "button button-quiet"),
                    ("id", &format!("open-more-{key}")),
                    ("data-list", key),
                    ("aria-controls", &list_id),
                    ("aria-expanded", if all { "true" } else { "false" }),
                ],
                &label,
            )
            .close("p");
    }
}

/// Says whether a save worked, in a status line: cleared first and said again a moment later,
/// since a live region does not announce the same words twice and a second save must be heard
/// too.
pub fn say_saved(saved: RwSignal<Option<bool>>, ok: bool) {
    saved.set(None);
    set_timeout(
        move || {
            saved.try_set(Some(ok));
        },
        std::time::Duration::from_millis(100),
    );
}

/// The CSV export of the records, with the codebook: record-level data for the coordinator's own
/// analysis (design §4), which the screen says before saving.
#[component]
fn CsvExport(questionnaire: Memo<Option<Questionnaire>>) -> impl IntoView {
    let i18n = use_i18n();
    let coordinator = use_coordinator();
    let labels = RwSignal::new(false);
    let semicolon = RwSignal::new(true);
    let saved = RwSignal::new(None::<bool>);
    let save = move |_| {
        let Some(q) = questionnaire.get_untracked() else {
            return;
        };
        let options = CsvOptions {
            labels: labels.get_untracked(),
            separator: if semicolon.get_untracked() {
                Separator::Semicolon
            } else {
                Separator::Comma
            },
            lang: i18n.lang_untracked(),
        };
        let data = coordinator
            .dataset
            .with_untracked(|d| responses_csv(&q, d.responses.values(), &options));
        let book = codebook_csv(&q, &options);
        let stamp = clock::now_rfc3339();
        let stamp = stamp.get(..10).unwrap_or("export");
        let base = format!("samenscan-{}-v{}-{stamp}", q.id(), q.version());
        let ok = files::save_text_file(&format!("{base}.csv"), &data, "text/csv;charset=utf-8")
            && files::save_text_file(
                &format!(
                    "{base}-{}.csv",
                    match options.lang {
                        Lang::Nl => "codeboek",
                        Lang::En => "codebook",
                    }
                ),
                &book,
                "text/csv;charset=utf-8",
            );
        say_saved(saved, ok);
    };
    view! {
        <section class="report-section no-print" aria-labelledby="report-csv">
            <h2 id="report-csv">{tr(|t| t.report_csv)}</h2>
            <div class="notice notice-warning"><p>{tr(|t| t.report_csv_warning)}</p></div>
            <fieldset class="field">
                <legend class="question">{tr(|t| t.report_csv_values)}</legend>
                <div class="choice">
                    <input type="radio" name="csv-values" id="csv-codes" prop:checked=move || !labels.get() on:change=move |_| labels.set(false) />
                    <label for="csv-codes">{tr(|t| t.report_csv_codes)}</label>
                </div>
                <div class="choice">
                    <input type="radio" name="csv-values" id="csv-labels" prop:checked=move || labels.get() on:change=move |_| labels.set(true) />
                    <label for="csv-labels">{tr(|t| t.report_csv_labels)}</label>
                </div>
            </fieldset>
            <fieldset class="field">
                <legend class="question">{tr(|t| t.report_csv_separator)}</legend>
                <div class="choice">
                    <input type="radio" name="csv-sep" id="csv-semicolon" prop:checked=move || semicolon.get() on:change=move |_| semicolon.set(true) />
                    <label for="csv-semicolon">{tr(|t| t.report_csv_semicolon)}</label>
                </div>
                <div class="choice">
                    <input type="radio" name="csv-sep" id="csv-comma" prop:checked=move || !semicolon.get() on:change=move |_| semicolon.set(false) />
                    <label for="csv-comma">{tr(|t| t.report_csv_comma)}</label>
                </div>
            </fieldset>
            <div class="actions">
                <button type="button" class="button" on:click=save>{tr(|t| t.report_csv_save)}</button>
            </div>
            <p role="status">{move || match saved.get() {
                Some(true) => i18n.t().report_csv_saved,
                Some(false) => i18n.t().export_failed,
                None => "",
            }}</p>
        </section>
    }
}
