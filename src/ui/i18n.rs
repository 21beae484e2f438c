//! The words of the user interface in Dutch and English, and the language context.
//!
//! Every text is a field of [`Messages`], so a text missing in one language is a compile error,
//! not a blank on screen. Questionnaire labels are data and come with their own translations
//! (see `domain::questionnaire`); this file holds only the app's own words.

use crate::browser::{dom, settings};
use crate::domain::Lang;
use leptos::prelude::*;

/// The app's own texts in one language.
pub struct Messages {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_survey: &'static str,
    pub nav_meetings: &'static str,
    pub nav_import: &'static str,
    pub nav_report: &'static str,
    pub nav_privacy: &'static str,
    /// The label of the button that switches *to the other* language, in that language.
    pub switch_language: &'static str,
    pub switch_language_hint: &'static str,
    pub quick_exit: &'static str,
    pub quick_exit_hint: &'static str,
    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_roles_heading: &'static str,
    pub role_survey_title: &'static str,
    pub role_survey_text: &'static str,
    pub role_meeting_title: &'static str,
    pub role_meeting_text: &'static str,
    pub role_report_title: &'static str,
    pub role_report_text: &'static str,
    pub home_privacy_heading: &'static str,
    pub home_privacy_text: &'static str,
    pub survey_title: &'static str,
    pub meetings_title: &'static str,
    pub import_title: &'static str,
    pub report_title: &'static str,
    pub privacy_title: &'static str,
    pub not_built_yet: &'static str,
    pub not_built_yet_detail: &'static str,
    pub back_home: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub footer_text: &'static str,
    pub storage_opening: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_quota: &'static str,
    pub storage_blocked: &'static str,
    pub storage_version_changed: &'static str,
    pub storage_failed: &'static str,
    pub reload: &'static str,
    pub your_responses: &'static str,
    pub your_responses_intro: &'static str,
    pub no_responses: &'static str,
    pub started_on: &'static str,
    pub status_draft: &'static str,
    pub status_complete: &'static str,
    pub status_withdrawn: &'static str,
    pub resume: &'static str,
    pub view_edit: &'static str,
    pub withdraw: &'static str,
    pub withdraw_confirm: &'static str,
    pub withdraw_yes: &'static str,
    pub cancel: &'static str,
    pub withdrawn_done: &'static str,
    pub start_survey: &'static str,
    pub choose_questionnaire: &'static str,
    pub export_reminder: &'static str,
    pub export_reminder_detail: &'static str,
    pub step_of: &'static str,
    pub check_answers: &'static str,
    pub next: &'static str,
    pub previous: &'static str,
    pub to_summary: &'static str,
    pub change: &'static str,
    pub not_answered: &'static str,
    pub complete_survey: &'static str,
    pub complete_hint: &'static str,
    pub completed_title: &'static str,
    pub completed_text: &'static str,
    pub back_to_list: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub not_saved: &'static str,
    pub optional: &'static str,
    pub error_summary_title: &'static str,
    pub error_prefix: &'static str,
    pub missing_answer: &'static str,
    pub not_a_number: &'static str,
    pub likert_1: &'static str,
    pub likert_2: &'static str,
    pub likert_3: &'static str,
    pub likert_4: &'static str,
    pub likert_5: &'static str,
    pub likert_na: &'static str,
    pub grade_low: &'static str,
    pub grade_high: &'static str,
    pub characters_left: &'static str,
    pub response_not_found: &'static str,
    pub questionnaire_missing: &'static str,
    pub edit_reopened: &'static str,
    pub privacy_intro: &'static str,
    pub privacy_stored: &'static str,
    pub privacy_count_responses: &'static str,
    pub privacy_storage: &'static str,
    pub privacy_used: &'static str,
    pub privacy_available: &'static str,
    pub privacy_persistent: &'static str,
    pub privacy_persistent_yes: &'static str,
    pub privacy_persistent_no: &'static str,
    pub privacy_unknown: &'static str,
    pub wipe_title: &'static str,
    pub wipe_text: &'static str,
    pub wipe_button: &'static str,
    pub wipe_confirm: &'static str,
    pub wipe_yes: &'static str,
    pub wipe_done: &'static str,
    pub export_title: &'static str,
    pub export_intro: &'static str,
    pub export_what: &'static str,
    pub export_count_complete: &'static str,
    pub export_count_withdrawn: &'static str,
    pub export_nothing: &'static str,
    pub export_findings_title: &'static str,
    pub export_findings_intro: &'static str,
    pub export_findings_none: &'static str,
    pub export_keep: &'static str,
    pub export_in_question: &'static str,
    pub export_save: &'static str,
    pub export_blocked: &'static str,
    pub export_saved: &'static str,
    pub export_failed: &'static str,
    pub export_link: &'static str,
    pub last_export: &'static str,
    pub never_exported: &'static str,
}

/// Dutch, the default.
pub static NL: Messages = Messages {
    app_name: "Samenscan",
    tagline: "Samenwerking in jeugdhulp en jeugdbescherming evalueren",
    skip_to_content: "Naar de inhoud",
    nav_label: "Hoofdmenu",
    nav_home: "Start",
    nav_survey: "Enquête",
    nav_meetings: "Bijeenkomsten",
    nav_import: "Importeren",
    nav_report: "Rapport",
    nav_privacy: "Privacy & gegevens",
    switch_language: "English",
    switch_language_hint: "Switch to English",
    quick_exit: "Snel weg",
    quick_exit_hint: "Verlaat deze pagina direct (of druk drie keer op Shift)",
    home_title: "Samen evalueren hoe de samenwerking gaat",
    home_intro:
        "Met Samenscan evalueren lokale teams, gecertificeerde instellingen en Veilig Thuis \
                 hun samenwerking. Alles wat u invult blijft op dit apparaat, tot u het zelf \
                 exporteert.",
    home_roles_heading: "Wat wilt u doen?",
    role_survey_title: "Enquête invullen",
    role_survey_text: "Geef als medewerker uw oordeel over de samenwerking. Uw antwoorden worden \
                       tijdens het invullen op dit apparaat bewaard.",
    role_meeting_title: "Bijeenkomst vastleggen",
    role_meeting_text: "Leg als gespreksleider een evaluatiebijeenkomst per gemeente vast: \
                        vragen, casuïstiek en acties.",
    role_report_title: "Bestanden samenvoegen en rapport",
    role_report_text: "Voeg als coördinator de bestanden van medewerkers en bijeenkomsten samen \
                       en bekijk het regionale rapport.",
    home_privacy_heading: "Uw gegevens blijven hier",
    home_privacy_text: "Samenscan werkt zonder internet en zonder server. Er gaat niets van dit \
                        apparaat af, behalve bestanden die u zelf exporteert.",
    survey_title: "Enquête",
    meetings_title: "Bijeenkomsten",
    import_title: "Importeren",
    report_title: "Rapport",
    privacy_title: "Privacy & gegevens",
    not_built_yet: "Dit scherm is nog niet gebouwd.",
    not_built_yet_detail: "Dit onderdeel komt in een volgende versie van Samenscan. Er wordt hier \
                           nog niets getoond of bewaard.",
    back_home: "Terug naar start",
    not_found_title: "Pagina niet gevonden",
    not_found_text: "Deze pagina bestaat niet in Samenscan.",
    footer_text: "Samenscan werkt volledig op dit apparaat. Er worden geen gegevens verstuurd.",
    storage_opening: "Gegevens worden geladen…",
    storage_unavailable: "Deze browser staat niet toe dat Samenscan gegevens bewaart (bijvoorbeeld in een privévenster of door een instelling). Open Samenscan in een gewoon browservenster; zonder opslag kunnen antwoorden niet worden bewaard.",
    storage_quota: "De opslag van deze browser is vol. Uw laatste wijziging is niet bewaard. Exporteer en verwijder oude gegevens, of maak ruimte vrij in de browser.",
    storage_blocked: "Samenscan is in een ander tabblad nog met een oudere versie geopend. Sluit dat tabblad; daarna gaat het hier verder.",
    storage_version_changed: "Samenscan is in een ander tabblad bijgewerkt. Herlaad deze pagina om verder te gaan; uw antwoorden zijn bewaard.",
    storage_failed: "Er ging iets mis bij het bewaren of lezen van gegevens:",
    reload: "Pagina herladen",
    your_responses: "Enquêtes op dit apparaat",
    your_responses_intro: "Meerdere mensen kunnen dit apparaat gebruiken. Enquêtes staan hier op de datum waarop ze zijn begonnen, nooit op naam.",
    no_responses: "Er zijn op dit apparaat nog geen enquêtes ingevuld.",
    started_on: "Begonnen op",
    status_draft: "Nog niet afgerond",
    status_complete: "Afgerond",
    status_withdrawn: "Ingetrokken",
    resume: "Verder invullen",
    view_edit: "Bekijken of wijzigen",
    withdraw: "Intrekken",
    withdraw_confirm: "Weet u zeker dat u deze enquête wilt intrekken? Uw antwoorden worden gewist. Als de enquête al was geëxporteerd, gaat bij de volgende export het bericht mee dat ze is ingetrokken.",
    withdraw_yes: "Ja, intrekken",
    cancel: "Annuleren",
    withdrawn_done: "De enquête is ingetrokken en de antwoorden zijn gewist.",
    start_survey: "Nieuwe enquête beginnen",
    choose_questionnaire: "Welke vragenlijst wilt u invullen?",
    export_reminder: "Afgeronde antwoorden die nog niet zijn geëxporteerd:",
    export_reminder_detail: "Ze staan alleen op dit apparaat. Exporteer ze en geef het bestand aan de coördinator. Sommige browsers (zoals Safari) wissen gegevens van websites die u 7 dagen niet bezoekt.",
    step_of: "Stap {n} van {total}",
    check_answers: "Controleer uw antwoorden",
    next: "Volgende",
    previous: "Vorige",
    to_summary: "Naar het overzicht",
    change: "Wijzigen",
    not_answered: "Niet beantwoord",
    complete_survey: "Enquête afronden",
    complete_hint: "Na het afronden kunt u uw antwoorden nog wijzigen of de enquête intrekken.",
    completed_title: "Dank u wel, de enquête is afgerond",
    completed_text: "Uw antwoorden staan op dit apparaat. Ze gaan pas naar de coördinator als u ze exporteert en het bestand zelf overdraagt.",
    back_to_list: "Terug naar het overzicht",
    saved: "Opgeslagen",
    saving: "Bezig met opslaan…",
    not_saved: "Niet opgeslagen",
    optional: "(niet verplicht)",
    error_summary_title: "Er is een probleem",
    error_prefix: "Fout:",
    missing_answer: "Beantwoord deze vraag.",
    not_a_number: "Vul een getal in, zoals 12 of 3,5.",
    likert_1: "Helemaal mee oneens",
    likert_2: "Mee oneens",
    likert_3: "Neutraal",
    likert_4: "Mee eens",
    likert_5: "Helemaal mee eens",
    likert_na: "Niet van toepassing",
    grade_low: "zeer slecht",
    grade_high: "uitstekend",
    characters_left: "Nog {n} tekens",
    response_not_found: "Deze enquête staat niet (meer) op dit apparaat.",
    questionnaire_missing: "De vragenlijst van deze enquête is niet op dit apparaat.",
    edit_reopened: "Door deze wijziging is de enquête niet meer volledig. Vul de ontbrekende antwoorden in en rond opnieuw af.",
    privacy_intro: "Samenscan bewaart alles in deze browser op dit apparaat. Er is geen server; er wordt niets verstuurd.",
    privacy_stored: "Wat hier bewaard is",
    privacy_count_responses: "Enquêtes",
    privacy_storage: "Opslag",
    privacy_used: "In gebruik",
    privacy_available: "Beschikbaar",
    privacy_persistent: "Blijvende opslag",
    privacy_persistent_yes: "Ja: de browser wist deze gegevens niet vanzelf.",
    privacy_persistent_no: "Nee: de browser kan deze gegevens wissen als er ruimte nodig is. Exporteer afgeronde antwoorden op tijd.",
    privacy_unknown: "onbekend",
    wipe_title: "Alles wissen",
    wipe_text: "Wis alle gegevens van Samenscan in deze browser: enquêtes, bijeenkomsten, geïmporteerde bestanden en instellingen. Dit kan niet ongedaan worden gemaakt.",
    wipe_button: "Alle gegevens wissen",
    wipe_confirm: "Weet u het zeker? Alles wat niet is geëxporteerd, is daarna weg.",
    wipe_yes: "Ja, alles wissen",
    wipe_done: "Alle gegevens zijn gewist.",
    export_title: "Exporteren",
    export_intro: "Hier maakt u een bestand met uw afgeronde antwoorden voor de coördinator. Alleen dit bestand gaat van dit apparaat af, en alleen als u het zelf doorgeeft.",
    export_what: "Wat gaat er mee",
    export_count_complete: "Afgeronde enquêtes",
    export_count_withdrawn: "Intrekkingen van eerder geëxporteerde enquêtes",
    export_nothing: "Er is niets om te exporteren: er zijn op dit apparaat geen afgeronde enquêtes.",
    export_findings_title: "Controleer op persoonsgegevens",
    export_findings_intro: "In uw antwoorden staat tekst die op persoonsgegevens lijkt. Antwoorden gaan over de samenwerking, niet over cliënten of collega's. Pas de tekst aan, of geef aan dat het geen persoonsgegeven is.",
    export_findings_none: "Er is geen tekst gevonden die op persoonsgegevens lijkt.",
    export_keep: "Dit is geen persoonsgegeven; het mag mee",
    export_in_question: "Bij de vraag",
    export_save: "Bestand opslaan",
    export_blocked: "Los eerst elke melding hierboven op.",
    export_saved: "Het bestand is opgeslagen:",
    export_failed: "Het bestand kon niet worden opgeslagen.",
    export_link: "Antwoorden exporteren",
    last_export: "Laatste export:",
    never_exported: "Nog nooit geëxporteerd.",
};

/// English.
pub static EN: Messages = Messages {
    app_name: "Samenscan",
    tagline: "Evaluating collaboration in youth care and child protection",
    skip_to_content: "Skip to content",
    nav_label: "Main menu",
    nav_home: "Start",
    nav_survey: "Survey",
    nav_meetings: "Meetings",
    nav_import: "Import",
    nav_report: "Report",
    nav_privacy: "Privacy & data",
    switch_language: "Nederlands",
    switch_language_hint: "Schakel over naar Nederlands",
    quick_exit: "Leave quickly",
    quick_exit_hint: "Leave this page at once (or press Shift three times)",
    home_title: "Evaluating together how the collaboration is going",
    home_intro: "With Samenscan, local teams, certified institutions and Veilig Thuis evaluate \
                 their collaboration. Everything you enter stays on this device until you export \
                 it yourself.",
    home_roles_heading: "What would you like to do?",
    role_survey_title: "Fill in the survey",
    role_survey_text: "As a worker, give your view of the collaboration. Your answers are kept on \
                       this device while you type.",
    role_meeting_title: "Record a meeting",
    role_meeting_text: "As a facilitator, record an evaluation meeting per municipality: \
                        questions, cases and actions.",
    role_report_title: "Merge files and report",
    role_report_text: "As a coordinator, merge the files of workers and meetings and read the \
                       regional report.",
    home_privacy_heading: "Your data stays here",
    home_privacy_text: "Samenscan works without internet and without a server. Nothing leaves \
                        this device except files you export yourself.",
    survey_title: "Survey",
    meetings_title: "Meetings",
    import_title: "Import",
    report_title: "Report",
    privacy_title: "Privacy & data",
    not_built_yet: "This screen has not been built yet.",
    not_built_yet_detail: "This part comes in a later version of Samenscan. Nothing is shown or \
                           stored here yet.",
    back_home: "Back to start",
    not_found_title: "Page not found",
    not_found_text: "This page does not exist in Samenscan.",
    footer_text: "Samenscan works entirely on this device. No data is sent anywhere.",
    storage_opening: "Loading data…",
    storage_unavailable: "This browser does not let Samenscan keep data (for example in a private window, or because of a setting). Open Samenscan in a normal browser window; without storage, answers cannot be kept.",
    storage_quota: "This browser's storage is full. Your last change was not saved. Export and remove old data, or free up space in the browser.",
    storage_blocked: "Samenscan is still open with an older version in another tab. Close that tab; this one then continues.",
    storage_version_changed: "Samenscan was updated in another tab. Reload this page to continue; your answers are saved.",
    storage_failed: "Something went wrong while saving or reading data:",
    reload: "Reload page",
    your_responses: "Surveys on this device",
    your_responses_intro: "Several people may use this device. Surveys are listed by the date they were started, never by name.",
    no_responses: "No surveys have been filled in on this device yet.",
    started_on: "Started on",
    status_draft: "Not finished yet",
    status_complete: "Finished",
    status_withdrawn: "Withdrawn",
    resume: "Continue",
    view_edit: "View or change",
    withdraw: "Withdraw",
    withdraw_confirm: "Are you sure you want to withdraw this survey? Your answers are erased. If it was exported before, the next export tells the coordinator it was withdrawn.",
    withdraw_yes: "Yes, withdraw",
    cancel: "Cancel",
    withdrawn_done: "The survey was withdrawn and its answers erased.",
    start_survey: "Start a new survey",
    choose_questionnaire: "Which questionnaire do you want to fill in?",
    export_reminder: "Finished answers that have not been exported yet:",
    export_reminder_detail: "They exist only on this device. Export them and give the file to the coordinator. Some browsers (such as Safari) erase the data of sites you have not visited for 7 days.",
    step_of: "Step {n} of {total}",
    check_answers: "Check your answers",
    next: "Next",
    previous: "Previous",
    to_summary: "To the summary",
    change: "Change",
    not_answered: "Not answered",
    complete_survey: "Finish the survey",
    complete_hint: "After finishing you can still change your answers or withdraw the survey.",
    completed_title: "Thank you, the survey is finished",
    completed_text: "Your answers are on this device. They reach the coordinator only when you export them and hand the file over yourself.",
    back_to_list: "Back to the overview",
    saved: "Saved",
    saving: "Saving…",
    not_saved: "Not saved",
    optional: "(optional)",
    error_summary_title: "There is a problem",
    error_prefix: "Error:",
    missing_answer: "Answer this question.",
    not_a_number: "Enter a number, such as 12 or 3.5.",
    likert_1: "Strongly disagree",
    likert_2: "Disagree",
    likert_3: "Neutral",
    likert_4: "Agree",
    likert_5: "Strongly agree",
    likert_na: "Not applicable",
    grade_low: "very poor",
    grade_high: "excellent",
    characters_left: "{n} characters left",
    response_not_found: "This survey is not (or no longer) on this device.",
    questionnaire_missing: "The questionnaire of this survey is not on this device.",
    edit_reopened: "This change made the survey incomplete. Fill in the missing answers and finish again.",
    privacy_intro: "Samenscan keeps everything in this browser on this device. There is no server; nothing is sent.",
    privacy_stored: "What is stored here",
    privacy_count_responses: "Surveys",
    privacy_storage: "Storage",
    privacy_used: "In use",
    privacy_available: "Available",
    privacy_persistent: "Persistent storage",
    privacy_persistent_yes: "Yes: the browser will not erase this data by itself.",
    privacy_persistent_no: "No: the browser may erase this data when it needs space. Export finished answers in good time.",
    privacy_unknown: "unknown",
    wipe_title: "Erase everything",
    wipe_text: "Erase all of Samenscan's data in this browser: surveys, meetings, imported files and settings. This cannot be undone.",
    wipe_button: "Erase all data",
    wipe_confirm: "Are you sure? Anything not exported will be gone.",
    wipe_yes: "Yes, erase everything",
    wipe_done: "All data has been erased.",
    export_title: "Export",
    export_intro: "Here you make a file with your finished answers for the coordinator. Only this file leaves this device, and only when you hand it over yourself.",
    export_what: "What goes in the file",
    export_count_complete: "Finished surveys",
    export_count_withdrawn: "Withdrawals of surveys exported before",
    export_nothing: "There is nothing to export: there are no finished surveys on this device.",
    export_findings_title: "Check for personal data",
    export_findings_intro: "Your answers contain text that looks like personal data. Answers are about the collaboration, not about clients or colleagues. Change the text, or confirm it is not personal data.",
    export_findings_none: "No text that looks like personal data was found.",
    export_keep: "This is not personal data; it may go",
    export_in_question: "In the question",
    export_save: "Save file",
    export_blocked: "First resolve every finding above.",
    export_saved: "The file was saved:",
    export_failed: "The file could not be saved.",
    export_link: "Export answers",
    last_export: "Last export:",
    never_exported: "Never exported.",
};

/// Fills `{name}` placeholders of a text, e.g. `fill(t.step_of, &[("n", "2"), ("total", "5")])`.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(text.to_string(), |acc, (name, value)| {
        acc.replace(&format!("{{{name}}}"), value)
    })
}

/// The texts of a language.
pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// The language context: the chosen language, remembered across visits.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The chosen language (tracked).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The texts of the chosen language (tracked).
    pub fn t(self) -> &'static Messages {
        messages(self.lang.get())
    }

    /// Switches the language, remembers it and updates `<html lang>`.
    pub fn set(self, lang: Lang) {
        settings::save_lang_code(lang.code());
        dom::set_document_lang(lang.code());
        self.lang.set(lang);
    }

    /// Switches to the other language.
    pub fn toggle(self) {
        let next = match self.lang.get_untracked() {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        };
        self.set(next);
    }
}

/// Creates the language context from the remembered choice (Dutch when none) and provides it.
pub fn provide_i18n() -> I18n {
    let lang = settings::load_lang_code()
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default();
    dom::set_document_lang(lang.code());
    let i18n = I18n {
        lang: RwSignal::new(lang),
    };
    provide_context(i18n);
    i18n
}

/// The language context; panics outside [`provide_i18n`]'s tree, which is a programming error.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
