//! The choice of questionnaire when starting a response or a meeting, shown only when more than
//! one questionnaire is available (the built-in one, and those loaded into the app).

use crate::domain::Questionnaire;
use crate::ui::i18n::{fill, use_i18n};
use leptos::prelude::*;

/// Radio buttons named `name`, one per questionnaire, setting `chosen` to its position, under
/// the question `asked`; nothing when there is only one to choose.
pub fn questionnaire_choice(
    all: Vec<Questionnaire>,
    chosen: RwSignal<usize>,
    name: &'static str,
    asked: fn(&'static crate::ui::i18n::Messages) -> &'static str,
) -> Option<AnyView> {
    let i18n = use_i18n();
    (all.len() > 1).then(|| {
        view! {
            <fieldset class="field">
                <legend class="question">{asked(i18n.t())}</legend>
                <div class="choices">
                    {all.into_iter().enumerate().map(|(i, q)| {
                        let id = format!("{name}-{i}");
                        view! {
                            <div class="choice">
                                <input type="radio" name=name id=id.clone()
                                    prop:checked=move || chosen.get() == i
                                    on:change=move |_| chosen.set(i) />
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
