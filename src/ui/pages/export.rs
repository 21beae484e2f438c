//! Export: what goes (the finished responses, the meetings, the loaded questionnaires, each
//! chosen on its own), what will leave the machine (counts), every likely piece of personal data
//! in the free text of what goes (to change, or knowingly keep), and saving the
//! `.samenscan.json` file. Finished responses and meetings go, and the withdrawals of ones
//! exported before (so the coordinator removes them too). Drafts never leave.

use std::collections::BTreeSet;

use crate::browser::{clock, crypto, files, repository, tabs};
use crate::domain::exchange::{
    encode_export, encrypted_envelope_json, export_file_name, file_tag, ExportContents,
    PBKDF2_ITERATIONS,
};
use crate::domain::privacy::{scan_meeting, scan_response, sentences_with};
use crate::domain::sorting;
use crate::domain::{builtin, OwnMeeting, OwnResponse, Status};
use crate::ui::app::PAGE_TITLE_ID;
use crate::ui::components::keyed_list::keyed_list;
use crate::ui::components::meeting_list::municipality_label;
use crate::ui::components::response_list::locale;
use crate::ui::components::storage_gate::StorageGate;
use crate::ui::i18n::{count, fill, fill_unfinished, tr, use_i18n, Messages};
use crate::ui::pages::meetings::meeting_field_label;
use crate::ui::route::Route;
use crate::ui::store::use_store;
use leptos::prelude::*;
use serde_json::json;

/// The save button, which gets focus back after encrypting.
const SAVE_ID: &str = "export-save";

/// The shortest passphrase accepted for an encrypted export.
const MIN_PASSPHRASE_CHARS: usize = 10;

/// What is wrong with the passphrase typed for an encrypted export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PassphraseProblem {
    /// Nothing typed yet.
    Empty,
    /// Fewer than [`MIN_PASSPHRASE_CHARS`] characters.
    Short,
    /// The repetition differs.
    Mismatch,
}

impl PassphraseProblem {
    /// The field it is about (the error summary links to it, and it is marked invalid).
    fn field(self) -> &'static str {
        match self {
            PassphraseProblem::Empty | PassphraseProblem::Short => "passphrase",
            PassphraseProblem::Mismatch => "passphrase-repeat",
        }
    }

    /// What the field and the error summary say.
    fn message(self, t: &'static Messages) -> &'static str {
        match self {
            PassphraseProblem::Empty => t.export_problem_passphrase_empty,
            PassphraseProblem::Short => t.export_problem_passphrase_short,
            PassphraseProblem::Mismatch => t.export_problem_passphrase_mismatch,
        }
    }
}

/// A free-text field with findings: which record (a response, or a meeting), which field (an
/// item id, or a meeting field path).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct FieldKey {
    meeting: bool,
    response: String,
    item: String,
}

/// Every field with findings, in the order of the records and their fields, each with its
/// distinct findings as (found text, message).
type Findings = Vec<(FieldKey, Vec<(String, String)>)>;

/// How many records of one kind (responses or meetings) this device has to send, before the
/// person chooses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Available {
    /// Complete records.
    complete: usize,
    /// Withdrawals of records exported before.
    withdrawn: usize,
}

impl Available {
    /// Counts one kind's records, each given as its status and whether it is exportable (an
    /// exportable record that is not complete is a withdrawal).
    fn of(records: impl IntoIterator<Item = (Status, bool)>) -> Available {
        let mut out = Available::default();
        for (status, exportable) in records {
            match (exportable, status) {
                (false, _) => {}
                (true, Status::Complete) => out.complete += 1,
                (true, _) => out.withdrawn += 1,
            }
        }
        out
    }

    /// Whether there is anything of this kind to send.
    fn any(self) -> bool {
        self.complete + self.withdrawn > 0
    }
}

/// The export screen. `everything`: opened from Privacy & gegevens to export everything this
/// device can hand over, so the loaded questionnaires are chosen too.
#[component]
pub fn ExportPage(#[prop(optional)] everything: bool) -> impl IntoView {
    view! {
        <h1 id=PAGE_TITLE_ID tabindex="-1">{tr(|t| t.export_title)}</h1>
        <p class="lead">{tr(|t| t.export_intro)}</p>
        <StorageGate>
            <ExportForm everything=everything />
        </StorageGate>
    }
}

#[component]
fn ExportForm(everything: bool) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let responses_available = Memo::new(move |_| {
        store
            .responses
            .with(|list| Available::of(list.iter().map(|r| (r.response.status, r.exportable()))))
    });
    let meetings_available = Memo::new(move |_| {
        store
            .meetings
            .with(|list| Available::of(list.iter().map(|m| (m.meeting.status, m.exportable()))))
    });
    // Questionnaires loaded into this app (not the built-in one): a facilitator hands a
    // customised enquête out by exporting it.
    let loaded = Memo::new(move |_| {
        store.loaded.with(|l| {
            l.iter()
                .filter(|q| q.reference() != builtin().reference())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // What the person chose; `None` until they touch the box: then responses and meetings go
    // when there are any, and questionnaires stay at home (unless everything was asked for).
    let responses_choice = RwSignal::new(None::<bool>);
    let meetings_choice = RwSignal::new(None::<bool>);
    let with_responses = Memo::new(move |_| match responses_choice.get() {
        Some(chosen) => chosen,
        None => responses_available.get().any(),
    });
    let with_meetings = Memo::new(move |_| match meetings_choice.get() {
        Some(chosen) => chosen,
        None => meetings_available.get().any(),
    });
    let with_questionnaires = RwSignal::new(everything);
    // What will leave the machine: only the chosen kinds count.
    let counts = Memo::new(move |_| {
        let responses = if with_responses.get() {
            responses_available.get()
        } else {
            Available::default()
        };
        let meetings = if with_meetings.get() {
            meetings_available.get()
        } else {
            Available::default()
        };
        (
            responses.complete,
            responses.withdrawn + meetings.withdrawn,
            meetings.complete,
        )
    });
    // Whether this device has anything it could send at all.
    let available = Memo::new(move |_| {
        responses_available.get().any()
            || meetings_available.get().any()
            || !loaded.with(Vec::is_empty)
    });
    // Whether the file, as chosen, would carry anything.
    let anything = Memo::new(move |_| {
        (with_responses.get() && responses_available.get().any())
            || (with_meetings.get() && meetings_available.get().any())
            || (with_questionnaires.get() && !loaded.with(Vec::is_empty))
    });
    // Every current finding in what goes, by field, in the order the person filled the fields
    // in (record by record, question by question); recomputed as the person edits or chooses.
    let findings = Memo::new(move |_| {
        let mut by_field: Findings = Vec::new();
        // A finding is decided on as what it is (its kind and words) in the sentences of its
        // field that hold it: the same words kept in a sentence that changed around them are
        // asked about again ("12-03-2015" kept as an event, then "… geboren" added beside
        // it), and an edit elsewhere in the field keeps the decision (with the whole field's
        // text as the key, fixing one finding silently undid the ticks of the others).
        let mut add =
            |meeting: bool, id: &str, field_text: &str, f: crate::domain::FieldFinding| {
                let key = FieldKey {
                    meeting,
                    response: id.to_string(),
                    item: f.field.clone(),
                };
                let at = match by_field.iter().position(|(k, _)| *k == key) {
                    Some(at) => at,
                    None => {
                        by_field.push((key, Vec::new()));
                        by_field.len() - 1
                    }
                };
                let list = &mut by_field[at].1;
                // The same text twice in one field is one finding: one decision keeps both.
                let what = format!(
                    "{:?}/{}/{:016x}",
                    f.finding.kind,
                    f.finding.text,
                    fnv(&sentences_with(field_text, &f.finding.text))
                );
                if !list.iter().any(|(seen, _)| *seen == what) {
                    list.push((what, f.finding.message(i18n.lang())));
                }
            };
        let scan_responses = with_responses.get();
        let scan_meetings = with_meetings.get();
        // In the order of the lists on the Enquête and Bijeenkomsten screens (when each was
        // begun, newest first): the store's own order is that of loading and adding, so the
        // fields swapped places between two visits.
        let mut responses: Vec<OwnResponse> = store.responses.with(|list| {
            list.iter()
                .filter(|r| scan_responses && r.response.status == Status::Complete)
                .cloned()
                .collect()
        });
        crate::domain::sort_for_listing(&mut responses);
        let mut meetings: Vec<OwnMeeting> = store.meetings.with(|list| {
            list.iter()
                .filter(|m| scan_meetings && m.meeting.status == Status::Complete)
                .cloned()
                .collect()
        });
        crate::domain::sort_meetings_for_listing(&mut meetings);
        for own in &responses {
            let Some(q) = store.questionnaire(&own.response.questionnaire) else {
                continue;
            };
            for f in scan_response(&q, &own.response) {
                let text = own
                    .response
                    .answers
                    .get(f.field.as_str())
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string();
                add(false, &own.response.id, &text, f);
            }
        }
        for own in &meetings {
            let questions = store
                .questionnaire(&own.meeting.questionnaire)
                .map(|q| q.meeting_questions().to_vec())
                .unwrap_or_default();
            let mut texts = own.meeting.clone();
            for f in scan_meeting(&own.meeting, &questions) {
                let text = texts.text_field_mut(&f.field).cloned().unwrap_or_default();
                add(true, &own.meeting.id, &text, f);
            }
        }
        by_field
    });
    // Fields stay on screen once shown, so a text box does not vanish while it is being fixed;
    // only those of what goes are listed.
    let shown_fields = RwSignal::new(Vec::<FieldKey>::new());
    Effect::new(move |_| {
        let now: Vec<FieldKey> = findings.with(|f| f.iter().map(|(key, _)| key.clone()).collect());
        shown_fields.update(|shown| {
            for key in now {
                if !shown.contains(&key) {
                    shown.push(key);
                }
            }
        });
    });
    let listed_fields = Memo::new(move |_| {
        let (responses, meetings) = (with_responses.get(), with_meetings.get());
        shown_fields.with(|shown| {
            shown
                .iter()
                .filter(|key| if key.meeting { meetings } else { responses })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Decisions of earlier visits hold: a finding kept once is not asked about again at the
    // next export (the same record, field and text).
    let kept = RwSignal::new(
        crate::browser::settings::kept_findings()
            .into_iter()
            .collect::<BTreeSet<String>>(),
    );
    let open_findings = Memo::new(move |_| {
        findings.with(|f| {
            kept.with(|kept| {
                f.iter()
                    .flat_map(|(key, list)| list.iter().map(move |(text, _)| keep_id(key, text)))
                    .filter(|id| !kept.contains(id))
                    .count()
            })
        })
    });
    // The text box of the first field with a finding not yet resolved (the error summary's link).
    let first_open_field = Memo::new(move |_| {
        findings.with(|f| {
            kept.with(|kept| {
                f.iter()
                    .find(|(key, list)| {
                        list.iter()
                            .any(|(text, _)| !kept.contains(&keep_id(key, text)))
                    })
                    .map(|(key, _)| field_input_id(key))
            })
        })
    });
    let saved_as = RwSignal::new(None::<Result<String, ()>>);
    let encrypt = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    // Whether saving was pressed while something still held it back: from then on the error
    // summary lists what does, until nothing does (the button is never disabled for it, so a
    // keyboard or screen-reader user can always reach it and hear why).
    let tried = RwSignal::new(false);
    // The passphrase problem, if encryption is chosen.
    let passphrase_problem = Memo::new(move |_| {
        if !encrypt.get() {
            None
        } else if passphrase.with(String::is_empty) {
            Some(PassphraseProblem::Empty)
        } else if passphrase.with(|p| p.chars().count() < MIN_PASSPHRASE_CHARS) {
            Some(PassphraseProblem::Short)
        } else if passphrase.get() != repeat.get() {
            Some(PassphraseProblem::Mismatch)
        } else {
            None
        }
    });

    let shown_problem = move || passphrase_problem.get().filter(|_| tried.get());
    let problem_at = move |field: &str| shown_problem().is_some_and(|p| p.field() == field);
    let problem_text_at = move |field: &'static str| {
        shown_problem()
            .filter(|p| p.field() == field)
            .map(|p| p.message(i18n.t()))
    };
    let problems = Memo::new(move |_| {
        let t = i18n.t();
        let mut out: Vec<(String, String)> = Vec::new();
        if !anything.get() {
            out.push((
                "export-with-responses".into(),
                t.export_problem_nothing.into(),
            ));
        }
        let open = open_findings.get();
        if let Some(target) = first_open_field.get().filter(|_| open > 0) {
            out.push((target, count(t.export_problem_findings, open)));
        }
        if let Some(p) = passphrase_problem.get() {
            out.push((p.field().into(), p.message(t).into()));
        }
        out
    });

    Effect::new(move |_| {
        crate::ui::app::set_title_error(tried.get() && !problems.with(Vec::is_empty))
    });

    let export = move |_| {
        if busy.get_untracked() {
            return;
        }
        if !problems.with_untracked(Vec::is_empty) {
            tried.set(true);
            // The line about an earlier save would stand under the summary of why this one
            // did not happen.
            saved_as.set(None);
            crate::browser::dom::focus_element_after_render("error-summary");
            return;
        }
        let chosen: Vec<OwnResponse> = if with_responses.get_untracked() {
            store
                .responses
                .get_untracked()
                .into_iter()
                .filter(OwnResponse::exportable)
                .collect()
        } else {
            Vec::new()
        };
        let chosen_meetings: Vec<OwnMeeting> = if with_meetings.get_untracked() {
            store
                .meetings
                .get_untracked()
                .into_iter()
                .filter(OwnMeeting::exportable)
                .collect()
        } else {
            Vec::new()
        };
        let known = sorting::map_from(
            store
                .questionnaires()
                .into_iter()
                .map(|q| (q.reference(), q)),
        );
        let responses = chosen.iter().map(|o| o.response.clone()).collect();
        let meetings = chosen_meetings.iter().map(|o| o.meeting.clone()).collect();
        let Ok(mut contents) = ExportContents::for_records(responses, meetings, &known) else {
            saved_as.set(Some(Err(())));
            return;
        };
        if with_questionnaires.get_untracked() {
            contents.add_questionnaires(loaded.get_untracked());
        }
        let now = clock::now_rfc3339();
        let lang = i18n.lang_untracked();
        let tag = file_tag(crypto::random_bytes());
        let plain = encode_export(&contents, env!("CARGO_PKG_VERSION"), &now);
        let secret = encrypt.get_untracked().then(|| passphrase.get_untracked());
        let secret_used = secret.is_some();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let file = match secret {
                None => Some((export_file_name(&now, &tag, None), plain)),
                Some(secret) => crypto::seal(plain.as_bytes(), &secret, PBKDF2_ITERATIONS)
                    .await
                    .ok()
                    .map(|sealed| {
                        let envelope = encrypted_envelope_json(
                            &sealed.salt,
                            &sealed.iv,
                            &sealed.ciphertext,
                            PBKDF2_ITERATIONS,
                        );
                        (export_file_name(&now, &tag, Some(lang)), envelope)
                    }),
            };
            busy.set(false);
            // The button was disabled while encrypting, which took keyboard focus from it.
            if secret_used {
                crate::browser::dom::focus_element_after_render(SAVE_ID);
            }
            let Some((name, text)) = file else {
                saved_as.set(Some(Err(())));
                return;
            };
            if !files::save_text_file(&name, &text, "application/json") {
                saved_as.set(Some(Err(())));
                return;
            }
            // Marked on the copies held now, which another tab may have changed meanwhile.
            for own in chosen {
                store.mark_exported(&own.response.id, own.response.revision);
            }
            for own in chosen_meetings {
                store.mark_meeting_exported(&own.meeting.id, own.meeting.revision);
            }
            store.last_export.set(Some(now.clone()));
            if repository::save_setting("last_export", &json!(now))
                .await
                .is_ok()
            {
                tabs::tell(&tabs::TabNews::Settings);
            }
            saved_as.set(Some(Ok(name)));
        });
    };

    view! {
        <Show when=move || tried.get() && !problems.with(Vec::is_empty)>
            <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{tr(|t| t.error_summary_title)}</h2>
                <ul>
                    {move || problems.get().into_iter().map(|(target, text)| view! {
                        <li><a href=format!("#{target}") on:click=move |ev| {
                            ev.prevent_default();
                            crate::browser::dom::focus_element(&target);
                        }>{text}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
        <h2>{tr(|t| t.export_what)}</h2>
        <dl class="summary-list">
            <div class="summary-row">
                <dt>{tr(|t| t.export_count_complete)}</dt>
                <dd id="export-count-complete">{move || counts.get().0}</dd>
            </div>
            <div class="summary-row">
                <dt>{tr(|t| t.export_count_meetings)}</dt>
                <dd id="export-count-meetings">{move || counts.get().2}</dd>
            </div>
            <div class="summary-row">
                <dt>{tr(|t| t.export_count_withdrawn)}</dt>
                <dd>{move || counts.get().1}</dd>
            </div>
        </dl>
        // What stays behind is said too: a draft meeting or enquête is not in the file.
        {move || {
            let unfinished = store.unfinished();
            (available.get() && unfinished.0 + unfinished.1 > 0).then(|| {
                let t = i18n.t();
                view! {
                    <p class="hint" id="export-drafts-staying">
                        {fill_unfinished(t.export_drafts_staying, t, unfinished)}
                    </p>
                }
            })
        }}
        // A correction that made an exported record a draft again would otherwise never leave
        // the device, the older version staying in the report (with or without anything else
        // to export now).
        {move || {
            let before = store.unfinished_exported_before();
            (before.0 + before.1 > 0).then(|| view! {
                <div class="notice notice-warning" id="export-drafts-exported-before">
                    <p>{fill_unfinished(i18n.t().export_drafts_exported_before, i18n.t(), before)}</p>
                </div>
            })
        }}
        <Show
            when=move || available.get()
            fallback=move || {
                let unfinished = store.unfinished();
                let t = i18n.t();
                view! {
                    <p>{t.export_nothing}</p>
                    {(unfinished.0 + unfinished.1 > 0).then(|| view! {
                        <p id="export-drafts-waiting">
                            {fill_unfinished(t.export_drafts_waiting, t, unfinished)}
                        </p>
                        <p class="links">
                            <a href=Route::Survey.href()>{t.survey_title}</a>
                            " · "
                            <a href=Route::Meetings.href()>{t.meetings_title}</a>
                        </p>
                    })}
                }
            }
        >
            <fieldset class="field export-choose">
                <legend class="question">{tr(|t| t.export_choose)}</legend>
                <div class="choice checkbox">
                    <input type="checkbox" id="export-with-responses" prop:checked=move || with_responses.get()
                        on:change=move |ev| responses_choice.set(Some(event_target_checked(&ev))) />
                    <label for="export-with-responses">{tr(|t| t.export_include_responses)}</label>
                </div>
                <div class="choice checkbox">
                    <input type="checkbox" id="export-with-meetings" prop:checked=move || with_meetings.get()
                        on:change=move |ev| meetings_choice.set(Some(event_target_checked(&ev))) />
                    <label for="export-with-meetings">{tr(|t| t.export_include_meetings)}</label>
                </div>
                <Show when=move || !loaded.with(Vec::is_empty)>
                    <div class="choice checkbox">
                        <input type="checkbox" id="export-with-questionnaires" prop:checked=move || with_questionnaires.get()
                            on:change=move |ev| with_questionnaires.set(event_target_checked(&ev)) />
                        <label for="export-with-questionnaires">
                            {move || fill(i18n.t().export_include_questionnaires, &[("n", &loaded.with(Vec::len).to_string())])}
                        </label>
                    </div>
                </Show>
            </fieldset>
            <h2>{tr(|t| t.export_findings_title)}</h2>
            <Show
                when=move || !listed_fields.with(Vec::is_empty)
                fallback=move || view! { <p>{i18n.t().export_findings_none}</p> }
            >
                <p>{tr(|t| t.export_findings_intro)}</p>
                <p class="notice" id="export-findings-done" role="status" hidden=move || { open_findings.get() != 0 }>
                    {move || (open_findings.get() == 0).then(|| i18n.t().export_findings_done)}
                </p>
                {keyed_list(
                    move || listed_fields.get(),
                    |key| (format!("{}\u{1f}{}", key.response, key.item), u64::from(key.meeting)),
                    move |key| view! { <FindingField key=key findings=findings kept=kept /> }.into_any(),
                )}
            </Show>
            // The heading names the section; the checkbox under it says the choice.
            <h2>{tr(|t| t.export_encrypt_heading)}</h2>
            <div class="choice checkbox">
                <input type="checkbox" id="export-encrypt" prop:checked=move || encrypt.get()
                    aria-describedby="export-encrypt-hint"
                    on:change=move |ev| encrypt.set(event_target_checked(&ev)) />
                <label for="export-encrypt">{tr(|t| t.export_encrypt)}</label>
            </div>
            <p class="hint" id="export-encrypt-hint">{tr(|t| t.export_encrypt_hint)}</p>
            <Show when=move || encrypt.get()>
                // The fields say what is wrong once saving was tried (GOV.UK: errors after an
                // attempt, not while the person has not typed yet), in the words of the summary.
                // Each field with its own error, between its label and the box (GOV.UK): "too
                // short" is about the first field, "not the same" about the repeat.
                <div class="field" class:field-error=move || problem_at("passphrase")>
                    <label class="question" for="passphrase">{tr(|t| t.passphrase)}</label>
                    // The rule before typing, not only once it is broken.
                    <p class="hint" id="passphrase-hint">{tr(|t| t.passphrase_rule)}</p>
                    <p class="error-message" id="passphrase-problem">{move || problem_text_at("passphrase")}</p>
                    <input type="password" class="input" id="passphrase" autocomplete="new-password"
                        aria-describedby="passphrase-hint passphrase-problem"
                        aria-invalid=move || problem_at("passphrase").to_string()
                        on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                </div>
                <div class="field" class:field-error=move || problem_at("passphrase-repeat")>
                    <label class="question" for="passphrase-repeat">{tr(|t| t.passphrase_repeat)}</label>
                    <p class="error-message" id="passphrase-repeat-problem">{move || problem_text_at("passphrase-repeat")}</p>
                    <input type="password" class="input" id="passphrase-repeat" autocomplete="new-password"
                        aria-describedby="passphrase-repeat-problem"
                        aria-invalid=move || problem_at("passphrase-repeat").to_string()
                        on:input=move |ev| repeat.set(event_target_value(&ev)) />
                </div>
            </Show>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    id=SAVE_ID
                    on:click=export
                    prop:disabled=move || busy.get()
                    aria-describedby="export-blocked"
                >
                    {tr(|t| t.export_save)}
                </button>
                <p class="hint" id="export-blocked">
                    {move || {
                        if !anything.get() {
                            Some(i18n.t().export_nothing_chosen)
                        } else if open_findings.get() > 0 {
                            Some(i18n.t().export_blocked)
                        } else if shown_problem().is_some() {
                            // Only once saving was tried, as the fields' own errors: before, an
                            // empty pair of fields sent the person to errors not yet shown.
                            Some(i18n.t().export_blocked_passphrase)
                        } else {
                            None
                        }
                    }}
                </p>
            </div>
            <p role="status" id="export-status">
                {move || busy.get().then(|| i18n.t().export_encrypting)}
                {move || match saved_as.get() {
                    Some(Ok(name)) => format!("{} {name}", i18n.t().export_saved),
                    Some(Err(())) => i18n.t().export_failed.to_string(),
                    None => String::new(),
                }}
            </p>
        </Show>
    }
}

/// One free-text field with its findings: the text to change in place, and per finding a box
/// to keep it. The field is a response's answer or a meeting's text.
#[component]
fn FindingField(
    key: FieldKey,
    findings: Memo<Findings>,
    kept: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let record_id = key.response.clone();
    let field = key.item.clone();
    // Where the text is (for the label, worded when drawn so it follows the language), when the
    // record was started, the text, and how to change it.
    let found = if key.meeting {
        store
            .meetings
            .with_untracked(|l| l.iter().find(|m| m.meeting.id == record_id).cloned())
            .map(|mut own| {
                let q = store
                    .questionnaire(&own.meeting.questionnaire)
                    .unwrap_or_else(|| builtin().clone());
                let label = {
                    let own = own.clone();
                    let field = field.clone();
                    Signal::derive(move || {
                        let t = i18n.t();
                        let place = municipality_label(store, &own).unwrap_or_default();
                        let what = meeting_field_label(&q, &field, t, i18n.lang());
                        // The meeting's own date says more than when it was started.
                        let date = &own.meeting.date;
                        let when = if date.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", clock::format_date(date, locale(i18n.lang())))
                        };
                        format!("{} {place}{when}: {what}", t.export_in_meeting)
                    })
                };
                let text = own
                    .meeting
                    .text_field_mut(&field)
                    .cloned()
                    .unwrap_or_default();
                let on_input = Callback::new(move |value: String| {
                    store.update_meeting(&record_id, |m, now| {
                        m.edit(now, |m| {
                            if let Some(slot) = m.text_field_mut(&field) {
                                *slot = value;
                            }
                        });
                    })
                });
                (label, own.started_at, text, on_input)
            })
    } else {
        store
            .responses
            .with_untracked(|l| l.iter().find(|r| r.response.id == record_id).cloned())
            .map(|own| {
                let question = store
                    .questionnaire(&own.response.questionnaire)
                    .and_then(|q| q.item(&field).map(|i| i.label.clone()))
                    .unwrap_or_default();
                let label = Signal::derive(move || {
                    let t = i18n.t();
                    format!(
                        "{} “{}”",
                        t.export_in_question,
                        crate::ui::i18n::question_only(question.get(i18n.lang()))
                    )
                });
                let text = own
                    .response
                    .answers
                    .get(field.as_str())
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string();
                let on_input = Callback::new(move |value: String| {
                    let value = (!value.trim().is_empty()).then(|| json!(value));
                    store.update_response(&record_id, |r, now| r.set_answer(&field, value, now));
                });
                (label, own.started_at, text, on_input)
            })
    };
    let Some((label, started, initial, on_input)) = found else {
        return ().into_any();
    };
    let input_id = field_input_id(&key);
    let here = {
        let key = key.clone();
        move || {
            findings.with(|f| {
                f.iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, list)| list.clone())
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <div class="finding-field field">
            <label class="question" for=input_id.clone()>
                {label}
                <span class="hint">
                    {move || format!(" ({} {})", i18n.t().started_on.to_lowercase(),
                        clock::format_local(&started, locale(i18n.lang())))}
                </span>
            </label>
            <textarea
                class="input textarea"
                id=input_id.clone()
                aria-describedby=format!("{input_id}-findings")
                rows="4"
                prop:value=initial
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
            <ul class="findings" id=format!("{input_id}-findings")>
                {move || here().into_iter().enumerate().map(|(i, (text, message))| {
                    let id = keep_id(&key, &text);
                    // By place, not by text: "06-1234" and "06 1234" would make one id.
                    let box_id = format!("keep-{}-{i}", field_input_id(&key));
                    // The box says which finding it keeps: six boxes with the same words
                    // told a screen reader nothing.
                    let message_id = format!("{box_id}-what");
                    let checked = {
                        let id = id.clone();
                        move || kept.with(|k| k.contains(&id))
                    };
                    view! {
                        <li>
                            <p class="finding-message" id=message_id.clone()>{message}</p>
                            <div class="choice checkbox">
                                <input type="checkbox" id=box_id.clone() aria-describedby=message_id prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        kept.update(|k| { if on { k.insert(id.clone()); } else { k.remove(&id); } });
                                        crate::browser::settings::remember_kept_finding(&id, on);
                                    } />
                                <label for=box_id>{tr(|t| t.export_keep)}</label>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// The id of a field's text box on the export screen.
fn field_input_id(key: &FieldKey) -> String {
    format!("finding-{}-{}", key.response, key.item).replace(
        |c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_',
        "-",
    )
}

/// What a "keep" decision is remembered by: a fingerprint of the record, the field and what
/// was found in it (its kind, words and the field's whole text; 64-bit FNV-1a, stored between
/// visits, so not the text itself).
fn keep_id(key: &FieldKey, found: &str) -> String {
    let h = fnv(&[key.response.as_str(), "/", key.item.as_str(), "/", found]);
    format!("{h:016x}")
}

/// 64-bit FNV-1a of the parts, one after the other.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        // A byte no UTF-8 text holds ends each part: "ab" + "c" is not "a" + "bc".
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}
