//! The coordinator's regional report (design §4), computed on this device from the merged
//! dataset: headline figures, the grade's distribution, factor means, splits by every
//! `group_by` item, two groups side by side, open answers, printing and CSV. Every figure comes
//! from `domain::report`, whose model never holds a hidden figure.

use std::collections::BTreeMap;

use crate::browser::{clock, dom, files};
use crate::domain::csv::{codebook_csv, responses_csv, CsvOptions, Separator};
use crate::domain::report::{
    build_report, open_answers_by, tally_answers, Cell, Change, GradeStats, Group, GroupKey,
    Hidden, Mean, OpenAnswers, Report, ReportOptions, Split,
};
use crate::domain::sorting;
use crate::domain::{
    builtin, format_count, format_decimal, format_interval, format_percent, Lang, Questionnaire,
    QuestionnaireRef, Status,
};
use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::components::storage_gate::StorageGate;
use crate::ui::coordinator::{use_coordinator, LoadState};
use crate::ui::i18n::{fill, use_i18n, Messages};
use crate::ui::pages::synthesis::MeetingSynthesis;
use crate::ui::route::Route;
use crate::ui::store::{storage_error_text, use_store};
use leptos::prelude::*;

/// The report screen.
#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{move || i18n.t().report_title}</h1>
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
    let mut counts: BTreeMap<QuestionnaireRef, usize> = BTreeMap::new();
    for r in dataset.responses.values() {
        if r.status == Status::Complete {
            *counts.entry(r.questionnaire.clone()).or_default() += 1;
        }
    }
    let mut list: Vec<_> = counts
        .into_iter()
        .filter_map(|(r, n)| {
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

#[component]
fn ReportScreen() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let coordinator = use_coordinator();
    coordinator.ensure_loaded(store);

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
            <p><a href=Route::Import.href()>{i18n.t().report_to_import}</a></p>
        }
        .into_any(),
        LoadState::Ready => view! {
            <QuestionnaireChoice available=available chosen=chosen />
            <div class="actions no-print">
                <button type="button" class="button" on:click=move |_| dom::print()>
                    {move || i18n.t().report_print}
                </button>
            </div>
            // Drawn again when the language changes: the body reads it once.
            {move || { i18n.lang(); report.get().map(|r| view! { <ReportBody report=r open_by=open_by open_answers=open_answers /> }) }}
            <MeetingSynthesis questionnaire=questionnaire report=report />
            {move || (!available.with(Vec::is_empty)).then(|| view! {
                <crate::ui::pages::rounds::Rounds questionnaire=questionnaire />
                <CsvExport questionnaire=questionnaire />
            })}
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
                                        ("n", &format_count(*n, lang)),
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
    let t = i18n.t();
    let lang = i18n.lang();
    let min = report.min_group_size;
    let ignored = report.ignored;
    let below = report.is_below_minimum();
    let headline = match (&report.n, report.grade.as_ref().map(|g| &g.stats)) {
        (Cell::Shown(n), grade) => {
            let grade_line = match grade {
                Some(Cell::Shown(GradeStats { summary, .. })) => summary.mean.map(|mean| {
                    let ci = summary
                        .ci95
                        .map(|ci| {
                            fill(
                                t.report_ci,
                                &[("ci", &format_interval(ci.low, ci.high, 1, lang))],
                            )
                        })
                        .unwrap_or_default();
                    (format_decimal(mean, 1, lang), ci, *summary)
                }),
                _ => None,
            };
            Some((*n, grade_line))
        }
        _ => None,
    };
    view! {
        <p class="lead">{fill(t.report_intro, &[("title", report.title.get(lang))])}</p>
        {below.then(|| view! {
            <div class="notice notice-warning" role="status">
                <p>{fill(t.report_below_minimum, &[("min", &min.to_string())])}</p>
            </div>
        })}
        <section aria-labelledby="report-headline">
            <h2 id="report-headline">{t.report_headline}</h2>
            <dl class="summary-list headline">
                <div class="summary-row">
                    <dt>{t.report_n}</dt>
                    <dd id="report-n">{match &report.n {
                        Cell::Shown(n) => format_count(*n, lang),
                        _ => fill(t.report_fewer_than, &[("min", &min.to_string())]),
                    }}</dd>
                </div>
                {headline.and_then(|(_, g)| g).map(|(mean, ci, summary)| view! {
                    <div class="summary-row">
                        <dt>{t.report_grade}</dt>
                        <dd><span id="report-grade" class="big-figure">{mean}</span>" "<span class="hint">{ci}</span></dd>
                    </div>
                    <div class="summary-row">
                        <dt>{t.report_grade_n}</dt>
                        <dd id="report-grade-n">{format_count(summary.n, lang)}</dd>
                    </div>
                    <div class="summary-row">
                        <dt>{t.report_median}</dt>
                        <dd id="report-median">{summary.median.map(|m| format_decimal(m, 1, lang)).unwrap_or("–".into())}</dd>
                    </div>
                    <div class="summary-row">
                        <dt>{t.report_sd}</dt>
                        <dd id="report-sd">{summary.sd.map(|m| format_decimal(m, 2, lang)).unwrap_or("–".into())}</dd>
                    </div>
                })}
            </dl>
            {(ignored.drafts + ignored.withdrawn + ignored.other_questionnaire > 0).then(|| view! {
                <p class="hint">{fill(t.report_ignored, &[
                    ("drafts", &ignored.drafts.to_string()),
                    ("withdrawn", &ignored.withdrawn.to_string()),
                    ("other", &ignored.other_questionnaire.to_string()),
                ])}</p>
            })}
        </section>
        {report.grade.as_ref().and_then(|g| g.stats.shown().cloned()).map(|stats| view! {
            <GradeDistribution stats=stats />
        })}
        <Factors report=report.clone() />
        {report.splits.iter().map(|split| view! { <SplitTable split=split.clone() report=report.clone() /> }).collect_view()}
        <GroupComparisonView report=report.clone() />
        <OpenAnswersView report=report.clone() open_by=open_by open_answers=open_answers />
    }
}

/// The grade's distribution: a bar chart and the same figures as a table.
#[component]
fn GradeDistribution(stats: GradeStats) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let lang = i18n.lang();
    let bars: Vec<(String, usize)> = stats
        .distribution
        .iter()
        .map(|v| (v.value.to_string(), v.count))
        .collect();
    let total = stats.summary.n.max(1);
    let description = bars
        .iter()
        .map(|(v, c)| format!("{v}: {c}"))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section aria-labelledby="report-distribution" class="report-section">
            <h2 id="report-distribution">{t.report_distribution}</h2>
            <figure class="chart">
                <ColumnChart bars=bars.clone() label=format!("{}: {description}", t.report_distribution) />
                <figcaption>{t.report_distribution_caption}</figcaption>
            </figure>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="distribution-caption">
                <table class="data-table" id="grade-distribution">
                    <caption id="distribution-caption">{t.report_distribution_table}</caption>
                    <thead><tr>
                        <th scope="col">{t.report_grade_value}</th>
                        <th scope="col" class="num">{t.report_count}</th>
                        <th scope="col" class="num">{t.report_share}</th>
                    </tr></thead>
                    <tbody>
                        {bars.into_iter().map(|(v, c)| view! {
                            <tr>
                                <th scope="row">{v}</th>
                                <td class="num">{c}</td>
                                <td class="num">{format_percent(c as f64 / total as f64, 0, lang)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Vertical bars with their values, as an SVG with a text alternative.
#[component]
fn ColumnChart(bars: Vec<(String, usize)>, label: String) -> impl IntoView {
    let title = label.clone();
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1) as f64;
    let width = 40.0 * bars.len() as f64 + 20.0;
    let height = 180.0;
    let plot = 130.0;
    view! {
        <svg class="chart-svg" role="img" aria-label=label.clone() viewBox=format!("0 0 {width} {height}")
            preserveAspectRatio="xMinYMin meet">
            <title>{title}</title>
            {bars.into_iter().enumerate().map(|(i, (name, count))| {
                let h = plot * count as f64 / max;
                let x = 10.0 + 40.0 * i as f64;
                let y = 20.0 + plot - h;
                view! {
                    <g>
                        <rect class="bar" x=format!("{}", x + 6.0) y=format!("{y:.1}") width="28" height=format!("{h:.1}") />
                        <text class="bar-value" x=format!("{}", x + 20.0) y=format!("{:.1}", y - 4.0) text-anchor="middle">{count}</text>
                        <text class="bar-label" x=format!("{}", x + 20.0) y=format!("{}", height - 12.0) text-anchor="middle">{name}</text>
                    </g>
                }
            }).collect_view()}
            <line class="axis" x1="10" x2=format!("{}", width - 10.0) y1=format!("{}", 20.0 + plot) y2=format!("{}", 20.0 + plot) />
        </svg>
    }
}

/// Factor means: a bar chart on the 1–5 scale and a table with n and Cronbach's alpha.
#[component]
fn Factors(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let lang = i18n.lang();
    if report.factors.is_empty() {
        return ().into_any();
    }
    let rows: Vec<(String, Option<f64>, String, String)> = report
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
                            ("n", &a.n.to_string()),
                        ],
                    ),
                    None => "–".into(),
                },
                Cell::Empty => "–".into(),
                Cell::Suppressed => t.report_hidden.into(),
            };
            (f.label.get(lang).to_string(), mean, n, alpha)
        })
        .collect();
    let description = rows
        .iter()
        .map(|(name, mean, _, _)| {
            format!(
                "{name}: {}",
                mean.map(|m| format_decimal(m, 1, lang))
                    .unwrap_or("–".into())
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section aria-labelledby="report-factors" class="report-section">
            <h2 id="report-factors">{t.report_factors}</h2>
            <p>{t.report_factors_intro}</p>
            <figure class="chart">
                <svg class="chart-svg" role="img" aria-label=format!("{}: {description}", t.report_factors)
                    viewBox=format!("0 0 600 {}", 30 * rows.len() + 30) preserveAspectRatio="xMinYMin meet">
                    <title>{format!("{}: {description}", t.report_factors)}</title>
                    {rows.iter().enumerate().map(|(i, (name, mean, _, _))| {
                        let y = 10 + 30 * i;
                        let w = mean.map(|m| (m - 1.0).max(0.0) / 4.0 * 300.0).unwrap_or(0.0);
                        let value = mean.map(|m| format_decimal(m, 1, lang)).unwrap_or("–".into());
                        view! {
                            <g>
                                <text class="bar-label" x="0" y=format!("{}", y + 16)>{name.clone()}</text>
                                <rect class="bar" x="250" y=format!("{}", y + 3) width=format!("{w:.1}") height="18" />
                                <text class="bar-value" x=format!("{:.1}", 256.0 + w) y=format!("{}", y + 16)>{value}</text>
                            </g>
                        }
                    }).collect_view()}
                </svg>
                <figcaption>{t.report_factors_caption}</figcaption>
            </figure>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="factors-caption">
                <table class="data-table" id="factor-table">
                    <caption id="factors-caption">{t.report_factors_table}</caption>
                    <thead><tr>
                        <th scope="col">{t.report_factor}</th>
                        <th scope="col" class="num">{t.report_mean}</th>
                        <th scope="col" class="num">"n"</th>
                        <th scope="col" class="num">{t.report_alpha}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(name, mean, n, alpha)| view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td class="num">{mean.map(|m| format_decimal(m, 1, lang)).unwrap_or("–".into())}</td>
                                <td class="num">{n}</td>
                                <td class="num">{alpha}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// What a split table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    /// The order of the options in the questionnaire.
    Definition,
    /// Number of responses, largest first.
    Size,
    /// Mean grade, highest first.
    Grade,
    /// A factor's mean, highest first.
    Factor(usize),
}

fn sort_value(group: &Group, by: SortBy) -> Option<f64> {
    match by {
        SortBy::Definition => None,
        SortBy::Size => group.n.shown().map(|n| *n as f64),
        SortBy::Grade => group.grade_mean.shown().map(|m| m.mean),
        SortBy::Factor(f) => group
            .factor_means
            .get(f)
            .and_then(|c| c.shown().map(|m| m.mean)),
    }
}

/// One split: per group n, share, grade mean and factor means, sortable by any column.
#[component]
fn SplitTable(split: Split, report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let sort = RwSignal::new(SortBy::Definition);
    let min = report.min_group_size;
    let factor_names: Vec<crate::domain::Label> =
        report.factors.iter().map(|f| f.label.clone()).collect();
    let has_grade = report.grade.is_some();
    let id = format!("split-{}", split.item_id);
    let caption_id = format!("{id}-caption");
    let region_labelled_by = caption_id.clone();
    let heading_id = format!("{id}-heading");
    let section_labelled_by = heading_id.clone();
    let header = move |label: String, by: SortBy| {
        view! {
            <th scope="col" class="num"
                aria-sort=move || if sort.get() == by { "descending" } else { "none" }>
                <button type="button" class="sort-button" on:click=move |_| sort.set(by)>
                    {label}
                </button>
            </th>
        }
    };
    let groups = split.groups.clone();
    view! {
        <section class="report-section" aria-labelledby=section_labelled_by>
            <h2 id=heading_id>{move || fill(i18n.t().report_split_heading, &[("item", split.label.get(i18n.lang()))])}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=region_labelled_by>
                <table class="data-table split-table" id=id>
                    <caption id=caption_id>{move || fill(i18n.t().report_split_caption, &[("min", &min.to_string())])}</caption>
                    <thead><tr>
                        <th scope="col" aria-sort=move || if sort.get() == SortBy::Definition { "ascending" } else { "none" }>
                            <button type="button" class="sort-button" on:click=move |_| sort.set(SortBy::Definition)>
                                {move || i18n.t().report_group}
                            </button>
                        </th>
                        {header(i18n.t().report_n_short.to_string(), SortBy::Size)}
                        <th scope="col" class="num">{move || i18n.t().report_share}</th>
                        {has_grade.then(|| header(i18n.t().report_grade_short.to_string(), SortBy::Grade))}
                        {factor_names.iter().enumerate().map(|(f, name)| header(name.get(i18n.lang()).to_string(), SortBy::Factor(f))).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || {
                            let t = i18n.t();
                            let lang = i18n.lang();
                            let by = sort.get();
                            let mut rows = groups.clone();
                            if by != SortBy::Definition {
                                // Shown figures first, highest first; hidden ones after, in
                                // definition order (a stable sort), so order reveals nothing.
                                sorting::sort_by(&mut rows, |a, b| {
                                    let (x, y) = (sort_value(a, by), sort_value(b, by));
                                    y.partial_cmp(&x).unwrap_or(std::cmp::Ordering::Equal)
                                        .then_with(|| y.is_some().cmp(&x.is_some()))
                                });
                                sorting::sort_by_key(&mut rows, |g| sort_value(g, by).is_none());
                            }
                            rows.into_iter().map(|g| {
                                let share = match &g.share {
                                    Cell::Shown(s) => format_percent(*s, 0, lang),
                                    Cell::Empty => "–".into(),
                                    Cell::Suppressed => t.report_hidden.into(),
                                };
                                view! {
                                    <tr class:hidden-group=g.hidden.is_some()>
                                        <th scope="row">{g.label.get(lang).to_string()}</th>
                                        <td class="num">{n_text(&g, min, lang, t)}</td>
                                        <td class="num">{share}</td>
                                        {has_grade.then(|| view! { <td class="num">{mean_text(&g.grade_mean, lang, t)}</td> })}
                                        {g.factor_means.iter().map(|c| view! { <td class="num">{mean_text(c, lang, t)}</td> }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A split as the comparison offers it: item id, question, and its groups (not "not answered").
type SplitChoice = (
    String,
    crate::domain::Label,
    Vec<(GroupKey, crate::domain::Label)>,
);

/// Two groups of one split side by side, factor by factor, with the difference: e.g. how local
/// teams and GIs each see the collaboration. Any split and any two of its groups can be chosen.
#[component]
fn GroupComparisonView(report: Report) -> impl IntoView {
    let i18n = use_i18n();
    let Some(first) = report.splits.first() else {
        return ().into_any();
    };
    let split_id = RwSignal::new(first.item_id.clone());
    let a = RwSignal::new(0usize);
    let b = RwSignal::new(1usize);
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
                    .map(|g| (g.key.clone(), g.label.clone()))
                    .collect(),
            )
        })
        .collect();
    let splits = StoredValue::new(splits);
    let groups_of = move || {
        splits.with_value(|list| {
            list.iter()
                .find(|s| s.0 == split_id.get())
                .map(|s| s.2.clone())
                .unwrap_or_default()
        })
    };
    let report = StoredValue::new(report);
    let comparison = move || {
        let groups = groups_of();
        let (ka, kb) = (
            groups.get(a.get())?.0.clone(),
            groups.get(b.get())?.0.clone(),
        );
        report.with_value(|r| r.compare_groups(&split_id.get(), &ka, &kb))
    };
    let change_cells = move |c: &Change, lang: Lang, t: &Messages| {
        let text = |cell: &Cell<f64>, signed: bool| match cell {
            Cell::Shown(x) if signed && *x > 0.0 => format!("+{}", format_decimal(*x, 1, lang)),
            Cell::Shown(x) => format_decimal(*x, 1, lang),
            Cell::Empty => "–".to_string(),
            Cell::Suppressed => t.report_hidden.to_string(),
        };
        (text(&c.a, false), text(&c.b, false), text(&c.change, true))
    };
    let group_select = move |id: &'static str, label: &'static str, which: RwSignal<usize>| {
        view! {
            <div class="field inline-field">
                <label class="question" for=id>{label}</label>
                <select id=id class="select" on:change=move |ev| which.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {move || groups_of().into_iter().enumerate().map(|(i, (_, name))| view! {
                        <option value=i.to_string() selected=move || which.get() == i>{name.get(i18n.lang()).to_string()}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <section class="report-section" aria-labelledby="report-compare">
            <h2 id="report-compare">{move || i18n.t().report_compare}</h2>
            <p>{move || i18n.t().report_compare_intro}</p>
            <div class="compare-choices no-print">
                <div class="field inline-field">
                    <label class="question" for="compare-split">{move || i18n.t().report_compare_split}</label>
                    <select id="compare-split" class="select" on:change=move |ev| {
                        split_id.set(event_target_value(&ev));
                        a.set(0);
                        b.set(1);
                    }>
                        {splits.with_value(|list| list.iter().map(|(id, label, _)| {
                            let id = id.clone();
                            let selected = split_id.get_untracked() == id;
                            view! { <option value=id selected=selected>{label.get(i18n.lang_untracked()).to_string()}</option> }
                        }).collect_view())}
                    </select>
                </div>
                {group_select("compare-a", i18n.t().report_compare_a, a)}
                {group_select("compare-b", i18n.t().report_compare_b, b)}
            </div>
            {move || {
                let t = i18n.t();
                let lang = i18n.lang();
                let groups = groups_of();
                let name = |i: usize| groups.get(i).map(|g| g.1.get(lang).to_string()).unwrap_or_default();
                comparison().map(|c| {
                    let (na, nb) = (name(a.get()), name(b.get()));
                    let grade = change_cells(&c.grade_mean, lang, t);
                    view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-caption">
                            <table class="data-table" id="compare-table">
                                <caption id="compare-caption">{fill(t.report_compare_caption, &[("a", &na), ("b", &nb)])}</caption>
                                <thead><tr>
                                    <th scope="col">{t.report_factor}</th>
                                    <th scope="col" class="num">{na.clone()}</th>
                                    <th scope="col" class="num">{nb.clone()}</th>
                                    <th scope="col" class="num">{t.report_difference}</th>
                                </tr></thead>
                                <tbody>
                                    <tr>
                                        <th scope="row">{t.report_grade_short}</th>
                                        <td class="num">{grade.0}</td><td class="num">{grade.1}</td><td class="num">{grade.2}</td>
                                    </tr>
                                    {c.factors.iter().map(|f| {
                                        let (x, y, d) = change_cells(&f.mean, lang, t);
                                        view! {
                                            <tr>
                                                <th scope="row">{f.label.get(lang).to_string()}</th>
                                                <td class="num">{x}</td><td class="num">{y}</td><td class="num">{d}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                })
            }}
        </section>
    }
    .into_any()
}

/// Strengths, concerns and improvements per group of a chosen split, under the same suppression.
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
    let options: Vec<(String, String)> = report
        .splits
        .iter()
        .map(|s| (s.item_id.clone(), s.label.get(lang).to_string()))
        .collect();
    view! {
        <section class="report-section" aria-labelledby="report-open">
            <h2 id="report-open">{t.report_open}</h2>
            <div class="field inline-field no-print">
                <label class="question" for="open-by">{t.report_open_by}</label>
                <select id="open-by" class="select" on:change=move |ev| open_by.set(Some(event_target_value(&ev)))>
                    {options.into_iter().map(|(id, label)| {
                        let selected = id == current;
                        view! { <option value=id selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            // Read in place: the lists hold every answer of up to 100,000 responses.
            {move || open_answers.with(|open| open.as_ref().map(|open| open.groups.iter().map(|g| {
                let any = g.texts.iter().any(|x| !matches!(x.answers, Cell::Shown(ref a) if a.is_empty()));
                let hidden = g.hidden.map(|h| match h {
                    Hidden::TooSmall => fill(t.report_open_fewer, &[("min", &min.to_string())]),
                    Hidden::ProtectsSmallGroup => t.report_hidden_protects.to_string(),
                    Hidden::WholeSplit => t.report_hidden_whole_split.to_string(),
                });
                view! {
                    <div class="open-group">
                        <h3>{g.label.get(lang).to_string()}</h3>
                        {match hidden {
                            Some(text) => view! { <p class="hint">{text}</p> }.into_any(),
                            None if !any => view! { <p class="hint">{t.report_open_none}</p> }.into_any(),
                            None => g.texts.iter().map(|x| {
                                let body = match &x.answers {
                                    Cell::Shown(list) if list.is_empty() => None,
                                    Cell::Shown(list) => Some(open_answer_list(tally_answers(list), t)),
                                    _ => Some(view! { <p class="hint">{t.report_hidden_protects}</p> }.into_any()),
                                };
                                body.map(|body| view! {
                                    <h4>{x.label.get(lang).to_string()}</h4>
                                    {body}
                                })
                            }).collect_view().into_any(),
                        }}
                    </div>
                }
            }).collect_view()))}
        </section>
    }
}

/// How many different answers a list shows before "show all": a report of thousands of
/// responses stays readable (and light), and the CSV has every answer.
const OPEN_ANSWERS_SHOWN: usize = 20;

/// The different answers to one open question, each once with how many gave it; the most
/// given first, the rest behind a button.
fn open_answer_list(tally: Vec<(String, usize)>, t: &'static Messages) -> AnyView {
    let all = tally.len();
    let more = RwSignal::new(false);
    let item = |(text, n): (String, usize)| {
        view! {
            <li>{text}{(n > 1).then(|| view! { <span class="answer-count">{format!(" ({n}×)")}</span> })}</li>
        }
    };
    let mut first = tally;
    let rest = first.split_off(all.min(OPEN_ANSWERS_SHOWN));
    let rest = StoredValue::new(rest);
    view! {
        <ul class="open-answers">
            {first.into_iter().map(item).collect_view()}
            {move || more.get().then(|| rest.get_value().into_iter().map(item).collect_view())}
        </ul>
        {(all > OPEN_ANSWERS_SHOWN).then(|| view! {
            <p class="no-print">
                <button type="button" class="button button-quiet" aria-expanded=move || more.get().to_string()
                    on:click=move |_| more.update(|m| *m = !*m)>
                    {move || if more.get() {
                        t.report_open_fewer_button.to_string()
                    } else {
                        fill(t.report_open_all, &[("n", &all.to_string())])
                    }}
                </button>
            </p>
        })}
    }
    .into_any()
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
                &format!("{base}-codeboek.csv"),
                &book,
                "text/csv;charset=utf-8",
            );
        saved.set(Some(ok));
    };
    view! {
        <section class="report-section no-print" aria-labelledby="report-csv">
            <h2 id="report-csv">{move || i18n.t().report_csv}</h2>
            <div class="notice notice-warning"><p>{move || i18n.t().report_csv_warning}</p></div>
            <fieldset class="field">
                <legend class="question">{move || i18n.t().report_csv_values}</legend>
                <div class="choice">
                    <input type="radio" name="csv-values" id="csv-codes" prop:checked=move || !labels.get() on:change=move |_| labels.set(false) />
                    <label for="csv-codes">{move || i18n.t().report_csv_codes}</label>
                </div>
                <div class="choice">
                    <input type="radio" name="csv-values" id="csv-labels" prop:checked=move || labels.get() on:change=move |_| labels.set(true) />
                    <label for="csv-labels">{move || i18n.t().report_csv_labels}</label>
                </div>
            </fieldset>
            <fieldset class="field">
                <legend class="question">{move || i18n.t().report_csv_separator}</legend>
                <div class="choice">
                    <input type="radio" name="csv-sep" id="csv-semicolon" prop:checked=move || semicolon.get() on:change=move |_| semicolon.set(true) />
                    <label for="csv-semicolon">{move || i18n.t().report_csv_semicolon}</label>
                </div>
                <div class="choice">
                    <input type="radio" name="csv-sep" id="csv-comma" prop:checked=move || !semicolon.get() on:change=move |_| semicolon.set(false) />
                    <label for="csv-comma">{move || i18n.t().report_csv_comma}</label>
                </div>
            </fieldset>
            <div class="actions">
                <button type="button" class="button" on:click=save>{move || i18n.t().report_csv_save}</button>
            </div>
            <p role="status">{move || match saved.get() {
                Some(true) => i18n.t().report_csv_saved,
                Some(false) => i18n.t().export_failed,
                None => "",
            }}</p>
        </section>
    }
}
