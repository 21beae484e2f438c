//! The app shell: header (name, language switch, quick exit, menu), the current screen, footer.

use crate::browser::dom;
use crate::ui::components::header::Header;
use crate::ui::coordinator::provide_coordinator;
use crate::ui::i18n::{provide_i18n, tr, Messages};
use crate::ui::pages::{
    export::ExportPage,
    fill::FillPage,
    home::HomePage,
    import::{provide_import_queue, ImportPage},
    meetings::{MeetingPage, MeetingsPage},
    not_found::NotFoundPage,
    privacy::PrivacyPage,
    report::ReportPage,
    survey::SurveyPage,
};
use crate::ui::route::{use_route, Route};
use crate::ui::store::{follow_other_tabs, provide_store};
use leptos::prelude::*;

/// The id of every page's `<h1>`, which receives focus after a page change so screen-reader and
/// keyboard users start at the top of the new screen.
pub const PAGE_TITLE_ID: &str = "page-title";

/// The heading of a screen in the menu, also used for the document title.
pub fn route_title(route: &Route, t: &Messages) -> &'static str {
    match route {
        Route::Home => t.nav_home,
        Route::Survey | Route::Response(_) => t.survey_title,
        Route::Export | Route::ExportEverything => t.export_title,
        Route::Meetings | Route::Meeting(_) => t.meetings_title,
        Route::Import => t.import_title,
        Route::Report => t.report_title,
        Route::Privacy => t.privacy_title,
        Route::NotFound => t.not_found_title,
    }
}

/// What a screen adds in front of the document title for the step it shows ("Stap 2 van 5: Uw
/// oordeel"), with the route it was set on: kept only while that route is shown.
#[derive(Clone, Copy)]
pub struct TitleDetail(RwSignal<Option<(Route, String)>>);

/// Puts `detail` in front of the document title while the current screen is shown (GOV.UK:
/// every page its own title, with "Fout:" when it shows errors).
pub fn set_title_detail(detail: String) {
    if let (Some(TitleDetail(slot)), Some(route)) = (
        use_context::<TitleDetail>(),
        use_context::<ReadSignal<Route>>(),
    ) {
        let mine = Some((route.get_untracked(), detail));
        slot.set(mine.clone());
        // Gone with the screen (or the step) that set it, unless another has set its own since.
        on_cleanup(move || {
            if slot.with_untracked(|now| *now == mine) {
                slot.set(None);
            }
        });
    }
}

/// Whether the current screen shows an error summary: "Fout:" goes in front of its title.
#[derive(Clone, Copy)]
pub struct TitleError(RwSignal<Option<Route>>);

/// Puts "Fout:" in front of the document title while `errors` holds and the current screen is
/// shown (GOV.UK). Call it from an effect that follows whether the screen's error summary shows.
pub fn set_title_error(errors: bool) {
    if let (Some(TitleError(slot)), Some(route)) = (
        use_context::<TitleError>(),
        use_context::<ReadSignal<Route>>(),
    ) {
        let mine = errors.then(|| route.get_untracked());
        slot.set(mine.clone());
        on_cleanup(move || {
            if mine.is_some() && slot.with_untracked(|now| *now == mine) {
                slot.set(None);
            }
        });
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    let store = provide_store();
    let coordinator = provide_coordinator();
    follow_other_tabs(store, coordinator);
    provide_import_queue();
    // A file dropped beside a drop zone would make the browser open it in place of the app;
    // the import screen takes files dropped anywhere on it, other screens none.
    let _ = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let _ = window_event_listener(leptos::ev::drop, |ev| ev.prevent_default());
    let route = use_route();
    provide_context(route);
    let detail = RwSignal::new(None::<(Route, String)>);
    provide_context(TitleDetail(detail));
    let title_error = RwSignal::new(None::<Route>);
    provide_context(TitleError(title_error));

    // Push state out to the document: the title follows the screen and the language.
    Effect::new(move |_| {
        let t = i18n.t();
        let current = route.get();
        let title = match current {
            Route::Home => t.app_name.to_string(),
            ref other => format!("{} – {}", route_title(other, t), t.app_name),
        };
        let title = match detail.get() {
            Some((on, detail)) if on == current => format!("{detail} – {title}"),
            _ => title,
        };
        let title = match title_error.get() {
            Some(on) if on == current => format!("{} {title}", t.error_prefix),
            _ => title,
        };
        dom::set_title(&title);
    });
    // After a page change (not on first load) move focus to the new screen's heading.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            dom::focus_element(PAGE_TITLE_ID);
        }
        current
    });

    // Served over plain http from another machine (not https, not this computer): answers are
    // still kept, but the browser gives no offline copy and no encryption there.
    let insecure = !dom::is_secure_context();

    view! {
        <Header route=route />
        <main id="main" tabindex="-1" class="page">
            {insecure.then(|| view! {
                <div class="notice notice-warning" id="insecure-notice"><p>{tr(|t| t.insecure_context)}</p></div>
            })}
            {move || match route.get() {
                Route::Home => view! { <HomePage /> }.into_any(),
                Route::Survey => view! { <SurveyPage /> }.into_any(),
                Route::Response(id) => view! { <FillPage id=id /> }.into_any(),
                Route::Privacy => view! { <PrivacyPage /> }.into_any(),
                Route::Export => view! { <ExportPage /> }.into_any(),
                Route::ExportEverything => view! { <ExportPage everything=true /> }.into_any(),
                Route::Import => view! { <ImportPage /> }.into_any(),
                Route::Report => view! { <ReportPage /> }.into_any(),
                Route::Meetings => view! { <MeetingsPage /> }.into_any(),
                Route::Meeting(id) => view! { <MeetingPage id=id /> }.into_any(),
                Route::NotFound => view! { <NotFoundPage /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>{tr(|t| t.footer_text)}</p>
        </footer>
    }
}
