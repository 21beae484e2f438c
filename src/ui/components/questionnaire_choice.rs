//! The choice of questionnaire when starting a response or a meeting, shown only when more than
//! one questionnaire is available (the built-in one, and those loaded into the app).

use crate::browser::dom;
use crate::domain::Questionnaire;
use crate::ui::i18n::{fill, use_i18n, Messages};
use leptos::prelude::*;

/// What to start a response or meeting with: the only questionnaire there is, or the one the
/// person chose. `None` when there is a choice and none was made yet.
pub fn chosen_questionnaire(
    all: &[Questionnaire],
    chosen: Option<usize>,
) -> Option<&Questionnaire> {
    match all {
        [only] => Some(only),
        _ => all.get(chosen?),
    }
}

/// Radio buttons named `name`, one per questionnaire, setting `chosen` to its position, under
/// the question `asked`; nothing when there is only one to choose. None is chosen beforehand
/// (GOV.UK: a preselected option is more often left as it is by mistake; with a questionnaire
/// loaded for a region, the built-in one preselected started the wrong survey). `missing`
/// shows the error a start without a choice gets.
pub fn questionnaire_choice(
    all: Vec<Questionnaire>,
    chosen: RwSignal<Option<usize>>,
    missing: RwSignal<bool>,
    name: &'static str,
    asked: fn(&'static Messages) -> &'static str,
) -> Option<AnyView> {
    let i18n = use_i18n();
    let error_id = format!("{name}-error");
    (all.len() > 1).then(|| {
        let described = error_id.clone();
        view! {
            <fieldset class="field" class:field-error=move || missing.get()
                aria-describedby=move || missing.get().then(|| described.clone())>
                <legend class="question">{asked(i18n.t())}</legend>
                {move || missing.get().then(|| view! {
                    <p class="error-message" id=error_id.clone()>
                        <span class="visually-hidden">{i18n.t().error_prefix} " "</span>
                        {i18n.t().choose_questionnaire_missing}
                    </p>
                })}
                <div class="choices">
                    {all.into_iter().enumerate().map(|(i, q)| {
                        let id = format!("{name}-{i}");
                        view! {
                            <div class="choice">
                                <input type="radio" name=name id=id.clone()
                                    prop:checked=move || chosen.get() == Some(i)
                                    on:change=move |_| {
                                        chosen.set(Some(i));
                                        missing.set(false);
                                    } />
                                <label for=id>
                                    {fill(i18n.t().questionnaire_with_version, &[
                                        ("title", q.title().get(i18n.lang())),
                                        ("version", &q.version().to_string()),
                                    ])}
                                </label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        }
        .into_any()
    })
}

/// After a start without a choice: says so, and puts focus on the first option.
pub fn ask_for_choice(missing: RwSignal<bool>, name: &'static str) {
    missing.set(true);
    dom::focus_element(&format!("{name}-0"));
}
