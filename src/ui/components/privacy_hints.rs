//! Likely personal data in a text, shown beside the field while the person types (design §5).
//! The same scanner runs again before export; this is the early warning.

use crate::domain::privacy::scan;
use crate::ui::i18n::{count, use_i18n};
use leptos::prelude::*;

/// The findings in `text`, as a list tied to its field by `id` (use it in the field's
/// `aria-describedby`). Renders nothing when there is nothing to say.
#[component]
pub fn PrivacyHints(id: String, #[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let findings = Memo::new(move |_| {
        let lang = i18n.lang();
        text.with(|t| {
            let mut messages: Vec<String> = Vec::new();
            for f in scan(t) {
                let message = f.message(lang);
                // The same text written twice is said once.
                if !messages.contains(&message) {
                    messages.push(message);
                }
            }
            messages
        })
    });
    // Shown once typing pauses (0.7 s), not at every key: a list that changed with every
    // letter flagged half-typed words ("“Jeugdrecla” lijkt een naam" on the way to "collega
    // Jeugdreclassering", a date's first digits) and moved what is below at every key. What is
    // there when the field opens is shown at once.
    let shown = RwSignal::new(findings.get_untracked());
    // Said to a screen reader later still (1.5 s), and only what changed: what was found since
    // it last spoke, how many are left when some went, or that none are left. What is there
    // when the field opens is not said (the field's description holds it).
    let announced = RwSignal::new(String::new());
    let said = StoredValue::new(findings.get_untracked());
    let said_in = StoredValue::new(i18n.lang_untracked());
    let generation = StoredValue::new(0u64);
    // Every change of the text starts the waits again: after a pause in typing, not after the
    // findings last changed (mid-sentence).
    Effect::new(move |seen: Option<()>| {
        text.track();
        let list = findings.get();
        if seen.is_none() {
            return;
        }
        // Another language words the same findings anew: shown at once, not said again (what
        // was said before leaves the status region, below: a sentence in the other language
        // stayed on a page read in this one, an acceptance test's find).
        let lang = i18n.lang_untracked();
        if said_in.get_value() != lang {
            said_in.set_value(lang);
            generation.set_value(generation.get_value() + 1);
            said.set_value(list.clone());
            shown.set(list);
            return;
        }
        let g = generation.get_value() + 1;
        generation.set_value(g);
        // The field may be gone by then (the person moved on): nothing to show or say.
        let current = move || generation.try_get_value() == Some(g);
        let to_show = list.clone();
        set_timeout(
            move || {
                if current() {
                    shown.try_set(to_show);
                }
            },
            std::time::Duration::from_millis(700),
        );
        set_timeout(
            move || {
                if !current() {
                    return;
                }
                let Some(before) = said.try_get_value() else {
                    return;
                };
                let t = i18n.t();
                let new: Vec<&String> = list.iter().filter(|m| !before.contains(m)).collect();
                let text = if !new.is_empty() {
                    let new: Vec<&str> = new.iter().map(|m| m.as_str()).collect();
                    format!("{} {}", t.privacy_hint_prefix, new.join(" "))
                } else if list.is_empty() && !before.is_empty() {
                    t.privacy_hints_none_left.to_string()
                } else if list.len() < before.len() {
                    count(t.privacy_hints_left, list.len())
                } else {
                    return;
                };
                said.try_set_value(list);
                announced.try_set(text);
            },
            std::time::Duration::from_millis(1500),
        );
    });
    // What was said goes from the status region when the language changes, also when the
    // findings do not (none left is none in either language).
    Effect::new(move |before: Option<crate::domain::Lang>| {
        let lang = i18n.lang();
        if before.is_some_and(|b| b != lang) {
            announced.set(String::new());
        }
        lang
    });
    let announce_id = format!("{id}-announce");
    view! {
        <p class="visually-hidden" role="status" id=announce_id>{move || announced.get()}</p>
        <div id=id class="privacy-hints">
            {move || {
                let list = shown.get();
                (!list.is_empty()).then(|| view! {
                    <p class="privacy-hint-title">{i18n.t().privacy_hint_prefix}</p>
                    <ul class="findings">
                        {list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                    // What to do about it, not only what was found.
                    <p class="hint">{i18n.t().privacy_hint_what_to_do}</p>
                })
            }}
        </div>
    }
}
