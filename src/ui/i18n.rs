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
};

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
