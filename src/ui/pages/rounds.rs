//! Two rounds side by side (design §4, issue #6 point 3): the same figures for two periods of the
//! merged data — e.g. a pilot and a later measurement — with the change, each round under its own
//! suppression. A response belongs to a period by the date of its last change (`updated_at`).

use crate::domain::report::{build_report, compare_rounds, Cell, Change, ReportOptions};
use crate::domain::response::in_period;
use crate::domain::{format_decimal, Lang, Questionnaire};
use crate::ui::coordinator::use_coordinator;
use crate::ui::i18n::{fill, use_i18n, Messages};
use leptos::prelude::*;

fn change_texts(c: &Change, lang: Lang, t: &Messages, decimals: usize) -> [String; 3] {
    let text = |cell: &Cell<f64>, signed: bool| match cell {
        Cell::Shown(x) if signed && *x > 0.0 => format!("+{}", format_decimal(*x, decimals, lang)),
        Cell::Shown(x) => format_decimal(*x, decimals, lang),
        Cell::Empty => "–".to_string(),
        Cell::Suppressed => t.report_hidden.to_string(),
    };
    [text(&c.a, false), text(&c.b, false), text(&c.change, true)]
}

/// Two periods chosen by date, and their figures side by side.
#[component]
pub fn Rounds(questionnaire: Memo<Option<Questionnaire>>) -> impl IntoView {
    let i18n = use_i18n();
    let coordinator = use_coordinator();
    let periods = [
        (RwSignal::new(String::new()), RwSignal::new(String::new())),
        (RwSignal::new(String::new()), RwSignal::new(String::new())),
    ];
    let ready = move || {
        periods
            .iter()
            .all(|(from, to)| !from.get().is_empty() || !to.get().is_empty())
    };
    let comparison = Memo::new(move |_| {
        if !ready() {
            return None;
        }
        let q = questionnaire.get()?;
        let report_of = |(from, to): &(RwSignal<String>, RwSignal<String>)| {
            let (from, to) = (from.get(), to.get());
            coordinator.dataset.with(|d| {
                build_report(
                    &q,
                    d.responses
                        .values()
                        .filter(|r| in_period(r, Some(from.as_str()), Some(to.as_str()))),
                    &ReportOptions::default(),
                )
            })
        };
        Some(compare_rounds(
            &report_of(&periods[0]),
            &report_of(&periods[1]),
        ))
    });
    let date_field = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="field inline-field">
                <label class="question" for=id>{label}</label>
                <input type="date" class="input date-input" id=id
                    prop:value=move || value.get()
                    on:change=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <section class="report-section" aria-labelledby="report-rounds">
            <h2 id="report-rounds">{move || i18n.t().report_rounds}</h2>
            <p>{move || i18n.t().report_rounds_intro}</p>
            <fieldset class="field no-print">
                <legend class="question">{move || i18n.t().report_round_a}</legend>
                {date_field("round-a-from", i18n.t().report_round_from, periods[0].0)}
                {date_field("round-a-to", i18n.t().report_round_to, periods[0].1)}
            </fieldset>
            <fieldset class="field no-print">
                <legend class="question">{move || i18n.t().report_round_b}</legend>
                {date_field("round-b-from", i18n.t().report_round_from, periods[1].0)}
                {date_field("round-b-to", i18n.t().report_round_to, periods[1].1)}
            </fieldset>
            {move || {
                let t = i18n.t();
                let lang = i18n.lang();
                let Some(c) = comparison.get() else {
                    return view! { <p class="hint">{t.report_rounds_choose}</p> }.into_any();
                };
                let describe = |(from, to): &(RwSignal<String>, RwSignal<String>)| {
                    fill(t.report_round_period, &[("from", &from.get()), ("to", &to.get())])
                };
                let (a, b) = (describe(&periods[0]), describe(&periods[1]));
                let n = change_texts(&c.n, lang, t, 0);
                let grade = change_texts(&c.grade_mean, lang, t, 1);
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
                                <tr><th scope="row">{t.report_grade_short}</th>
                                    <td class="num">{grade[0].clone()}</td><td class="num">{grade[1].clone()}</td><td class="num">{grade[2].clone()}</td></tr>
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
                    {c.splits.iter().map(|s| view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label=fill(t.report_rounds_split, &[("item", s.label.get(lang))])>
                            <table class="data-table rounds-split">
                                <caption>{fill(t.report_rounds_split, &[("item", s.label.get(lang))])}</caption>
                                <thead><tr>
                                    <th scope="col">{t.report_group}</th>
                                    <th scope="col" class="num">{t.report_round_a}</th>
                                    <th scope="col" class="num">{t.report_round_b}</th>
                                    <th scope="col" class="num">{t.report_change}</th>
                                </tr></thead>
                                <tbody>
                                    {s.groups.iter().map(|g| {
                                        let x = change_texts(&g.grade_mean, lang, t, 1);
                                        view! {
                                            <tr><th scope="row">{g.label.get(lang).to_string()}</th>
                                                <td class="num">{x[0].clone()}</td><td class="num">{x[1].clone()}</td><td class="num">{x[2].clone()}</td></tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }).collect_view()}
                }
                .into_any()
            }}
        </section>
    }
}
