//! Word between this app's tabs open on the same device, over a `BroadcastChannel` (which
//! never leaves the browser): a tab that has stored a record says which, and the other tabs
//! read it back, so no tab goes on editing, and writing back, a stale copy; a wipe in one tab
//! empties them all.
//!
//! Without `BroadcastChannel` (a very old browser) each tab works on its own, as before.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

/// The channel's name (one per origin, like the database).
const CHANNEL: &str = "samenscan";

/// What one tab tells the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabNews {
    /// One of this device's responses was stored (its id).
    Response(String),
    /// One of this device's meetings was stored (its id).
    Meeting(String),
    /// Files were added to the coordinator's import log (and the definitions they brought).
    Imports,
    /// A setting was stored (the last export's time, the files refused at import).
    Settings,
    /// Every record of the app was erased.
    Wiped,
}

impl TabNews {
    /// The message text.
    pub fn encode(&self) -> String {
        match self {
            TabNews::Response(id) => format!("response:{id}"),
            TabNews::Meeting(id) => format!("meeting:{id}"),
            TabNews::Imports => "imports".into(),
            TabNews::Settings => "settings".into(),
            TabNews::Wiped => "wiped".into(),
        }
    }

    /// Reads a message text; anything else (another version's news) is `None`.
    pub fn decode(text: &str) -> Option<TabNews> {
        if let Some(id) = text.strip_prefix("response:") {
            return Some(TabNews::Response(id.to_string()));
        }
        if let Some(id) = text.strip_prefix("meeting:") {
            return Some(TabNews::Meeting(id.to_string()));
        }
        match text {
            "imports" => Some(TabNews::Imports),
            "settings" => Some(TabNews::Settings),
            "wiped" => Some(TabNews::Wiped),
            _ => None,
        }
    }
}

thread_local! {
    // The page's one channel; a tab does not hear its own messages on it.
    static OPEN: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

/// Opens the channel for this page and hands every message of another tab to `on_news`.
pub fn listen(on_news: impl Fn(TabNews) + 'static) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        if let Some(news) = ev.data().as_string().as_deref().and_then(TabNews::decode) {
            on_news(news);
        }
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget(); // lives as long as the channel, i.e. the page
    OPEN.with_borrow_mut(|open| *open = Some(channel));
}

/// Tells the other tabs (nothing happens before [`listen`]).
pub fn tell(news: &TabNews) {
    OPEN.with_borrow(|open| {
        if let Some(channel) = open {
            let _ = channel.post_message(&news.encode().into());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_reads_back_as_written() {
        for news in [
            TabNews::Response("r-1:2".into()),
            TabNews::Meeting("m-9".into()),
            TabNews::Imports,
            TabNews::Settings,
            TabNews::Wiped,
        ] {
            assert_eq!(TabNews::decode(&news.encode()), Some(news));
        }
        assert_eq!(TabNews::decode("reload"), None);
        assert_eq!(TabNews::decode(""), None);
    }
}
