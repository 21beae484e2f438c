//! Routing by the location fragment (`#/rapport`): works from any folder of any static web
//! server and from the service worker's cache, with no server rewrites.
//!
//! The app keeps a single history entry: in-app links replace the fragment instead of pushing
//! a new entry. That is deliberate. After a quick exit (which replaces the current entry with a
//! neutral site) the Back button must not lead back into the app, as it would through the
//! entries of earlier screens. Screens that have steps (the enquête) offer their own back and
//! next buttons.

use crate::browser::dom;
use leptos::prelude::*;

/// A screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Survey,
    /// Filling in (or viewing) one of this device's responses, by id.
    Response(String),
    /// Exporting this device's finished work to a file.
    Export,
    /// The same, with everything this device can hand over chosen (from Privacy & gegevens).
    ExportEverything,
    Meetings,
    /// Recording (or viewing) one of this device's meetings, by id.
    Meeting(String),
    Import,
    Report,
    Privacy,
    NotFound,
}

impl Route {
    /// Every screen in the main navigation, in menu order.
    pub const MENU: [Route; 6] = [
        Route::Home,
        Route::Survey,
        Route::Meetings,
        Route::Import,
        Route::Report,
        Route::Privacy,
    ];

    /// The menu item this screen belongs to.
    pub fn menu_item(&self) -> Route {
        match self {
            Route::Response(_) => Route::Survey,
            // The export serves surveys and meetings alike: no menu item is current (it is
            // reached from both screens, and from Privacy & gegevens).
            Route::Meeting(_) => Route::Meetings,
            Route::ExportEverything => Route::Privacy,
            other => other.clone(),
        }
    }

    /// The fragment that leads to this screen (for a response: to the enquête overview; use
    /// [`Route::response_href`] for the response itself).
    pub fn href(&self) -> &'static str {
        match self {
            Route::Home | Route::NotFound => "#/",
            Route::Response(_) => "#/enquete",
            Route::Export => "#/exporteren",
            Route::ExportEverything => "#/exporteren/alles",
            Route::Survey => "#/enquete",
            Route::Meetings | Route::Meeting(_) => "#/bijeenkomsten",
            Route::Import => "#/importeren",
            Route::Report => "#/rapport",
            Route::Privacy => "#/privacy",
        }
    }

    /// The screen a fragment names. An empty fragment, or one that is not a route (`#main`),
    /// is the home screen; an unknown route (`#/elders`) is [`Route::NotFound`].
    pub fn from_hash(hash: &str) -> Route {
        let Some(path) = hash.strip_prefix("#/") else {
            return Route::Home;
        };
        let path = path.trim_end_matches('/');
        if let Some(id) = path.strip_prefix("enquete/") {
            return Route::Response(id.to_string());
        }
        if let Some(id) = path.strip_prefix("bijeenkomsten/") {
            return Route::Meeting(id.to_string());
        }
        match path {
            "" => Route::Home,
            "enquete" => Route::Survey,
            "bijeenkomsten" => Route::Meetings,
            "importeren" => Route::Import,
            "exporteren" => Route::Export,
            "exporteren/alles" => Route::ExportEverything,
            "rapport" => Route::Report,
            "privacy" => Route::Privacy,
            _ => Route::NotFound,
        }
    }
}

/// Moves to another screen from code (after starting a response or a meeting).
#[derive(Clone, Copy)]
pub struct Navigate(WriteSignal<Route>);

impl Navigate {
    /// Shows the screen of `hash` at once and replaces the history entry with it. The screen is
    /// switched in this task, not after a `hashchange` event: the screen being left is not
    /// drawn again in between (starting a response added it to this device's list, and
    /// formatting that row's date was most of the wait before the first question appeared).
    pub fn to(self, hash: &str) {
        self.0.set(Route::from_hash(hash));
        dom::replace_hash(hash);
    }
}

/// The [`Navigate`] of the app (read it while building a component, not in an event handler).
pub fn use_navigate() -> Navigate {
    expect_context::<Navigate>()
}

/// The current route, following `hashchange` (Back, Forward, an address typed or pasted).
/// Fragments that are not routes (`#main`) are ignored, so in-page links never leave the
/// screen. Route links replace the history entry and switch the screen themselves.
pub fn use_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::from_hash(&dom::location_hash()));
    provide_context(Navigate(set_route));
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = dom::location_hash();
        if hash.is_empty() || hash.starts_with("#/") {
            let next = Route::from_hash(&hash);
            // Already there when the app navigated itself.
            if route.with_untracked(|now| *now != next) {
                set_route.set(next);
            }
        }
    });
    let on_click = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(hash) = dom::route_link_target(&ev) {
            ev.prevent_default();
            let next = Route::from_hash(&hash);
            if route.with_untracked(|now| *now != next) {
                set_route.set(next);
            }
            dom::replace_hash(&hash);
        }
    });
    on_cleanup(move || {
        on_hash.remove();
        on_click.remove();
    });
    route
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_menu_route_round_trips_through_its_href() {
        for route in Route::MENU {
            assert_eq!(Route::from_hash(route.href()), route);
        }
        assert_eq!(
            Route::from_hash("#/enquete/0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10"),
            Route::Response("0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10".into())
        );
        assert_eq!(
            Route::from_hash("#/bijeenkomsten/0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10"),
            Route::Meeting("0b8c6a1e-3f4d-4c1a-9a53-2f7d1c9e8b10".into())
        );
        assert_eq!(
            Route::from_hash(Route::ExportEverything.href()),
            Route::ExportEverything
        );
        assert_eq!(Route::ExportEverything.menu_item(), Route::Privacy);
        assert!(!Route::MENU.contains(&Route::Export.menu_item()));
        assert_eq!(Route::from_hash(""), Route::Home);
        assert_eq!(Route::from_hash("#/rapport/"), Route::Report);
        assert_eq!(Route::from_hash("#main"), Route::Home);
        assert_eq!(Route::from_hash("#/onbekend"), Route::NotFound);
    }
}
