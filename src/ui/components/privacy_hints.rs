//! Likely personal data in a text, shown beside the field while the person types (design §5).
//! The same scanner runs again before export; this is the early warning.

use crate::domain::privacy::scan;
use crate::ui::i18n::use_i18n;
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
    // Said to a screen reader once typing pauses, not at every key: live, the list read out
    // "“Jan” lijkt een naam", "“Jans”…", "“Janse”…" while a name was typed. What is there
    // when the field opens is not said (the field's description holds it).
    let announced = RwSignal::new(String::new());
    let generation = StoredValue::new(0u64);
    // Every change of the text starts the wait again: said after a pause in typing, not
    // 1.5 s after the findings last changed (mid-sentence).
    Effect::new(move |seen: Option<()>| {
        text.track();
        let list = findings.get();
        if seen.is_none() {
            return;
        }
        let g = generation.get_value() + 1;
        generation.set_value(g);
        let text = if list.is_empty() {
            String::new()
        } else {
            format!("{} {}", i18n.t().privacy_hint_prefix, list.join(" "))
        };
        // The field may be gone by then (the person moved on): nothing to say, nothing to set.
        set_timeout(
            move || {
                if generation.try_get_value() == Some(g) {
                    announced.try_set(text);
                }
            },
            std::time::Duration::from_millis(1500),
        );
    });
    let announce_id = format!("{id}-announce");
    view! {
        <p class="visually-hidden" role="status" id=announce_id>{move || announced.get()}</p>
        <div id=id class="privacy-hints">
            {move || {
                let list = findings.get();
                (!list.is_empty()).then(|| view! {
                    <p class="privacy-hint-title">{i18n.t().privacy_hint_prefix}</p>
                    <ul class="findings">
                        {list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}
