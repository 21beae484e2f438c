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
    view! {
        <div id=id class="privacy-hints" aria-live="polite">
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
