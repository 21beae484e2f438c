//! One question of the enquête, with the control its kind needs: radio buttons for choice,
//! grade and likert (with "niet van toepassing"), checkboxes for multi, a text field for numbers
//! and a text area for free text. Every control has a real label, groups have fieldset and
//! legend, and an error is tied to its field with `aria-describedby`.
//!
//! A change is handed to `on_answer` at once (autosave); nothing is kept only in the page.

use crate::domain::{parse_decimal, response, AnswerProblem, Item, ItemKind, Label, Lang};
use crate::ui::components::privacy_hints::PrivacyHints;
use crate::ui::i18n::{fill, lang_attr, use_i18n, Messages};
use leptos::prelude::*;
use serde_json::{json, Value};

/// The answers of the response being filled in (tracked).
pub type Answers = Memo<response::Answers>;
/// Receives a new answer (`None` clears it).
pub type OnAnswer = Callback<(String, Option<Value>)>;

/// Fields whose text is not what is stored, by item id, with why, provided by the form: their
/// page cannot be left until that is put right.
/// - A number field whose text reads as no number: the stored answer is cleared meanwhile, so
///   what is stored is never a number the person has since typed over.
/// - A text longer than the limit (a long paste): its first [`MAX_TEXT_CHARS`] characters are
///   stored meanwhile, and the field keeps the whole text for the person to shorten.
///
/// [`MAX_TEXT_CHARS`]: crate::domain::questionnaire::MAX_TEXT_CHARS
#[derive(Clone, Copy)]
pub struct HeldFields(pub RwSignal<std::collections::BTreeMap<String, AnswerProblem>>);

impl HeldFields {
    /// Holds item `id` back for `problem`, or lets it go (`None`); nothing outside a form.
    fn note(held: Option<HeldFields>, id: &str, problem: Option<AnswerProblem>) {
        if let Some(HeldFields(map)) = held {
            map.try_update(|m| match problem {
                Some(p) => {
                    m.insert(id.to_string(), p);
                }
                None => {
                    m.remove(id);
                }
            });
        }
    }
}

/// The id of the element that wraps a question (error-summary links lead here).
pub fn field_id(item_id: &str) -> String {
    format!("field-{item_id}")
}

fn error_id(item_id: &str) -> String {
    format!("error-{item_id}")
}

/// The answer as people read it, in `lang`.
pub fn answer_text(item: &Item, value: &Value, t: &Messages, lang: Lang) -> String {
    let option_label = |v: &str| {
        item.option(v)
            .map(|o| o.label.get(lang).to_string())
            .unwrap_or_else(|| v.to_string())
    };
    match (&item.kind, value) {
        (ItemKind::Likert { .. }, Value::Null) => t.likert_na.to_string(),
        (ItemKind::Likert { .. }, Value::Number(n)) => match n.as_i64() {
            Some(1) => t.likert_1.into(),
            Some(2) => t.likert_2.into(),
            Some(3) => t.likert_3.into(),
            Some(4) => t.likert_4.into(),
            Some(5) => t.likert_5.into(),
            _ => n.to_string(),
        },
        (ItemKind::Choice { .. }, Value::String(s)) => option_label(s),
        (ItemKind::Multi { .. }, Value::Array(values)) => values
            .iter()
            .filter_map(Value::as_str)
            .map(option_label)
            .collect::<Vec<_>>()
            .join(", "),
        (ItemKind::Number { .. }, Value::Number(n)) => number_text(n.as_f64().unwrap_or(0.0), lang),
        (_, Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}

/// One question. `error` is the message to show beside it, if any.
#[component]
pub fn Question(
    item: Item,
    answers: Answers,
    on_answer: OnAnswer,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    question_view(item, answers, on_answer, error)
}

// Non-generic on purpose: one copy of this large body in the wasm binary.
fn question_view(
    item: Item,
    answers: Answers,
    on_answer: OnAnswer,
    error: Signal<Option<String>>,
) -> AnyView {
    let i18n = use_i18n();
    let id = item.id.clone();
    let required = item.required;
    let label = item.label.clone();
    // The question in its own language (a definition may have it in one only), then
    // "(optioneel)" in the interface's.
    let question_text = move || {
        let ui = i18n.lang();
        let text = label.get(ui).to_string();
        let optional = (!required).then(|| format!(" {}", i18n.t().optional));
        view! { <span lang=lang_attr(&label, ui)>{text}</span>{optional} }.into_any()
    };
    let err_id = error_id(&id);
    let described = {
        let err_id = err_id.clone();
        move || error.get().map(|_| err_id.clone())
    };
    let error_view = {
        let err_id = err_id.clone();
        move || {
            error.get().map(|message| {
                view! {
                    <p class="error-message" id=err_id.clone()>
                        <span class="visually-hidden">{i18n.t().error_prefix} " "</span>
                        {message}
                    </p>
                }
            })
        }
    };
    let current = {
        let id = id.clone();
        move || answers.with(|a| a.get(id.as_str()).cloned())
    };
    let set = {
        let id = id.clone();
        move |value: Option<Value>| on_answer.run((id.clone(), value))
    };

    let body = match &item.kind {
        ItemKind::Choice { options } => {
            let choices: Vec<(Value, Label)> = options
                .iter()
                .map(|o| (json!(o.value), o.label.clone()))
                .collect();
            radio_group(&id, choices, "choices", current, set).into_any()
        }
        ItemKind::Grade { min, max } => {
            let choices: Vec<(Value, Label)> = (*min..=*max)
                .map(|g| (json!(g), Label::new(&g.to_string(), &g.to_string())))
                .collect();
            let (low, high) = (min.to_string(), max.to_string());
            let label = item.label.clone();
            // Not when the question already says what the ends mean, as the built-in one does
            // ("… (1 = heel slecht, 10 = uitstekend)"): said twice, one below the other.
            let hint = move || {
                let question = label.get(i18n.lang());
                // "1 =" but not inside "11 =" or "-1 =".
                let says = |end: &str| {
                    question.match_indices(end).any(|(at, _)| {
                        let before = question[..at].chars().next_back();
                        let after = question[at + end.len()..].trim_start_matches(' ');
                        !before.is_some_and(|c| c.is_ascii_digit() || c == '-')
                            && after.starts_with('=')
                    })
                };
                let explained = says(&low) && says(&high);
                (!explained).then(|| {
                    format!(
                        "{low} = {}, {high} = {}",
                        i18n.t().grade_low,
                        i18n.t().grade_high
                    )
                })
            };
            view! {
                {move || hint().map(|text| view! { <p class="hint">{text}</p> })}
                {radio_group(&id, choices, "scale", current, set)}
            }
            .into_any()
        }
        ItemKind::Likert { .. } => {
            let t_nl = crate::ui::i18n::messages(Lang::Nl);
            let t_en = crate::ui::i18n::messages(Lang::En);
            let pick = |f: fn(&Messages) -> &'static str| Label::new(f(t_nl), f(t_en));
            let choices = vec![
                (json!(1), pick(|t| t.likert_1)),
                (json!(2), pick(|t| t.likert_2)),
                (json!(3), pick(|t| t.likert_3)),
                (json!(4), pick(|t| t.likert_4)),
                (json!(5), pick(|t| t.likert_5)),
                (Value::Null, pick(|t| t.likert_na)),
            ];
            radio_group(&id, choices, "likert", current, set).into_any()
        }
        ItemKind::Multi { options } => {
            let boxes = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let input_id = format!("q-{id}-{i}");
                    let value = o.value.clone();
                    let all: Vec<String> = options.iter().map(|o| o.value.clone()).collect();
                    let option_label = o.label.clone();
            let option_lang = o.label.clone();
                    let is_checked = {
                        let current = current.clone();
                        let value = value.clone();
                        move || {
                            current()
                                .and_then(|v| v.as_array().cloned())
                                .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(&value)))
                        }
                    };
                    let on_change = {
                        let current = current.clone();
                        let set = set.clone();
                        move |ev: leptos::ev::Event| {
                            let checked = event_target_checked(&ev);
                            let mut chosen: Vec<String> = current()
                                .and_then(|v| v.as_array().cloned())
                                .unwrap_or_default()
                                .iter()
                                .filter_map(|x| x.as_str().map(str::to_string))
                                .filter(|x| *x != value)
                                .collect();
                            if checked {
                                chosen.push(value.clone());
                            }
                            // Stored in the order of the options, whatever the order of clicks.
                            let ordered: Vec<&String> =
                                all.iter().filter(|v| chosen.contains(v)).collect();
                            set((!ordered.is_empty()).then(|| json!(ordered)));
                        }
                    };
                    view! {
                        <div class="choice checkbox">
                            <input type="checkbox" id=input_id.clone() prop:checked=is_checked on:change=on_change />
                            <label for=input_id lang=move || lang_attr(&option_lang, i18n.lang())>{move || option_label.get(i18n.lang()).to_string()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! { <div class="choices">{boxes}</div> }.into_any()
        }
        ItemKind::Number { .. } => return number_field(item, question_text, error, current, set),
        ItemKind::Text => {
            return text_field(
                item,
                question_text,
                error,
                error_view,
                described,
                current,
                set,
            )
        }
    };

    let fid = field_id(&id);
    view! {
        <div class="field" class:field-error=move || error.get().is_some() id=fid>
            <fieldset aria-describedby=described>
                <legend class="question">{question_text}</legend>
                {error_view}
                {body}
            </fieldset>
        </div>
    }
    .into_any()
}

fn radio_group(
    item_id: &str,
    choices: Vec<(Value, Label)>,
    class: &'static str,
    current: impl Fn() -> Option<Value> + Clone + Send + Sync + 'static,
    set: impl Fn(Option<Value>) + Clone + Send + Sync + 'static,
) -> AnyView {
    let i18n = use_i18n();
    let name = format!("q-{item_id}");
    let buttons = choices
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            let input_id = format!("q-{item_id}-{i}");
            let label_lang = label.clone();
            let checked = {
                let current = current.clone();
                let value = value.clone();
                move || current().as_ref() == Some(&value)
            };
            let set = set.clone();
            let is_na = value.is_null();
            view! {
                <div class="choice" class:choice-na=is_na>
                    <input
                        type="radio"
                        id=input_id.clone()
                        name=name.clone()
                        prop:checked=checked
                        on:change=move |_| set(Some(value.clone()))
                    />
                    <label for=input_id lang=move || lang_attr(&label_lang, i18n.lang())>{move || label.get(i18n.lang()).to_string()}</label>
                </div>
            }
        })
        .collect_view();
    view! { <div class=class>{buttons}</div> }.into_any()
}

fn number_json(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// A stored number as the field shows it, in a form the field reads back: 2.125 is "2,1250",
/// since "2,125" is refused as possibly a thousands separator (`parse_decimal`).
fn number_text(x: f64, lang: Lang) -> String {
    let text = crate::domain::format_number(x, lang);
    if parse_decimal(&text).is_some() {
        text
    } else {
        text + "0"
    }
}

fn number_field(
    item: Item,
    question_text: impl Fn() -> AnyView + Send + Sync + 'static,
    error: Signal<Option<String>>,
    current: impl Fn() -> Option<Value> + Send + Sync + 'static,
    set: impl Fn(Option<Value>) + Send + Sync + 'static,
) -> AnyView {
    let i18n = use_i18n();
    let input_id = format!("q-{}", item.id);
    let initial = current()
        .and_then(|v| v.as_f64())
        .map(|x| number_text(x, i18n.lang()))
        .unwrap_or_default();
    let typed_error = RwSignal::new(false);
    let field = NodeRef::<leptos::html::Input>::new();
    let held = use_context::<HeldFields>();
    let note = {
        let id = item.id.clone();
        move |bad: bool| {
            let problem = bad.then_some(AnswerProblem::WrongKind { expected: "number" });
            HeldFields::note(held, &id, problem);
        }
    };
    let mark = {
        let note = note.clone();
        move |bad: bool| {
            typed_error.set(bad);
            note(bad);
        }
    };
    // A field that goes (its question hidden, the page left) holds nothing back.
    on_cleanup({
        let note = note.clone();
        move || note(false)
    });
    // A number changed in another tab is shown here (as for text, see `text_field`). Text that
    // reads as no number stands for no answer, as stored.
    Effect::new({
        let mark = mark.clone();
        move |_| {
            let stored = current().and_then(|v| v.as_f64());
            let Some(input) = field.get_untracked() else {
                return;
            };
            let text = input.value();
            let shown = (!text.trim().is_empty())
                .then(|| parse_decimal(&text))
                .flatten();
            if stored != shown {
                input.set_value(
                    &stored
                        .map(|x| number_text(x, i18n.lang_untracked()))
                        .unwrap_or_default(),
                );
                mark(false);
            }
        }
    });
    let shown_error = Signal::derive(move || {
        if typed_error.get() {
            Some(i18n.t().not_a_number.to_string())
        } else {
            error.get()
        }
    });
    let fid = field_id(&item.id);
    let err_id = error_id(&item.id);
    // The range, said before anyone types outside it.
    let (min, max) = match item.kind {
        ItemKind::Number { min, max } => (min, max),
        _ => (None, None),
    };
    let hint_id = format!("hint-{}", item.id);
    let range = move || {
        let t = i18n.t();
        let n = |x: f64| crate::domain::format_number(x, i18n.lang());
        let (text, values) = match (min, max) {
            (Some(lo), Some(hi)) => (t.number_between, [("min", n(lo)), ("max", n(hi))]),
            (Some(lo), None) => (t.number_at_least, [("min", n(lo)), ("max", String::new())]),
            (None, Some(hi)) => (t.number_at_most, [("min", String::new()), ("max", n(hi))]),
            (None, None) => return None,
        };
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Some(fill(text, &values))
    };
    let has_range = min.is_some() || max.is_some();
    let described = {
        let err_id = err_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let ids: Vec<String> = has_range
                .then(|| hint_id.clone())
                .into_iter()
                .chain(shown_error.get().map(|_| err_id.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-error=move || shown_error.get().is_some() id=fid>
            <label class="question" for=input_id.clone()>{question_text}</label>
            {has_range.then(|| view! { <p class="hint" id=hint_id.clone()>{range}</p> })}
            {move || shown_error.get().map(|message| view! {
                <p class="error-message" id=err_id.clone()>
                    <span class="visually-hidden">{i18n.t().error_prefix} " "</span>
                    {message}
                </p>
            })}
            <input
                type="text"
                inputmode="decimal"
                class="input input-number"
                node_ref=field
                id=input_id
                value=initial
                aria-describedby=described
                aria-invalid=move || shown_error.get().is_some().to_string()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    if text.trim().is_empty() {
                        mark(false);
                        set(None);
                    } else if let Some(x) = parse_decimal(&text) {
                        mark(false);
                        set(Some(number_json(x)));
                    } else {
                        mark(true);
                        set(None);
                    }
                }
            />
        </div>
    }
    .into_any()
}

fn text_field(
    item: Item,
    question_text: impl Fn() -> AnyView + Send + Sync + 'static,
    error: Signal<Option<String>>,
    error_view: impl IntoView + 'static,
    described: impl Fn() -> Option<String> + Send + Sync + 'static,
    current: impl Fn() -> Option<Value> + Send + Sync + 'static,
    set: impl Fn(Option<Value>) + Send + Sync + 'static,
) -> AnyView {
    let i18n = use_i18n();
    let max = crate::domain::questionnaire::MAX_TEXT_CHARS;
    let input_id = format!("q-{}", item.id);
    let count_id = format!("count-{}", item.id);
    // The text area owns its text while typing; it is set once from the stored answer, so
    // saving never moves the cursor.
    let initial = current()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let length = RwSignal::new(initial.chars().count());
    // A text over the limit is held on its page (see `HeldFields`), not cut.
    let held = use_context::<HeldFields>();
    let hold = {
        let id = item.id.clone();
        move |chars: usize| {
            let problem = (chars > max).then_some(AnswerProblem::TextTooLong { chars });
            HeldFields::note(held, &id, problem);
        }
    };
    on_cleanup({
        let hold = hold.clone();
        move || hold(0)
    });
    // Likely personal data is pointed out while typing, as in the meeting form; export checks
    // it again.
    let typed = RwSignal::new(initial.clone());
    // An answer changed in another tab (see `store::follow_other_tabs`) is shown here, so the
    // next keystroke is not made to, and saved over it from, the old text. The field's own
    // changes are what it shows already.
    let area = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        let stored = current()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let shown = typed.get_untracked();
        // A text over the limit is stored cut short (see `HeldFields`): that is no change.
        let shown_stored: String = shown.chars().take(max).collect();
        if stored != shown_stored && !(stored.is_empty() && shown.trim().is_empty()) {
            if let Some(area) = area.get_untracked() {
                area.set_value(&stored);
            }
            length.set(stored.chars().count());
            typed.set(stored);
        }
    });
    let over = move || length.get() > max;
    let hints_id = format!("privacy-{}", item.id);
    let fid = field_id(&item.id);
    let describedby = {
        let count_id = count_id.clone();
        let hints_id = hints_id.clone();
        move || match described() {
            Some(e) => format!("{e} {count_id} {hints_id}"),
            None => format!("{count_id} {hints_id}"),
        }
    };
    view! {
        <div class="field" class:field-error=move || error.get().is_some() id=fid>
            <label class="question" for=input_id.clone()>{question_text}</label>
            {error_view}
            <textarea
                class="input textarea"
                node_ref=area
                id=input_id
                rows="5"
                aria-describedby=describedby
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=initial
                on:input=move |ev| {
                    // The limit counts characters, as an import does (design §2); `maxlength`
                    // would count UTF-16 units and stop at 2,500 emoji, and would cut a long
                    // paste without a word. Over the limit the whole text stays in the field,
                    // the count says how much is too much and the page is held (GOV.UK's
                    // character count); meanwhile the first `max` characters are stored.
                    let text = event_target_value(&ev);
                    let count = text.chars().count();
                    length.set(count);
                    hold(count);
                    let stored: String = if count > max { text.chars().take(max).collect() } else { text.clone() };
                    set((!stored.trim().is_empty()).then(|| json!(stored)));
                    typed.set(text);
                }
            ></textarea>
            <p class="hint" class:count-over=over id=count_id>
                {move || {
                    let (length, t) = (length.get(), i18n.t());
                    let (words, n) = match length.checked_sub(max) {
                        Some(over) if over > 0 => (t.characters_over, over),
                        _ => (t.characters_left, max - length),
                    };
                    fill(words[usize::from(n != 1)], &[("n", &crate::domain::format_count(n, i18n.lang()))])
                }}
            </p>
            <PrivacyHints id=hints_id text=typed />
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_shown_so_that_it_reads_back() {
        assert_eq!(number_text(2.125, Lang::Nl), "2,1250");
        assert_eq!(parse_decimal(&number_text(2.125, Lang::Nl)), Some(2.125));
        assert_eq!(number_text(12.5, Lang::Nl), "12,5");
        assert_eq!(number_text(1000.0, Lang::En), "1000");
    }

    #[test]
    fn numbers_stored_as_integers_when_whole() {
        assert_eq!(number_json(12.0), json!(12));
        assert_eq!(number_json(3.5), json!(3.5));
    }
}
