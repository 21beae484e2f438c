//! Quick exit ("Snel weg"): a visible button, and Shift pressed three times, leave the app at
//! once for a neutral website, as GOV.UK's exit-this-page does. Everything is saved as it is
//! typed, so leaving loses nothing.

use crate::browser::{clock, dom};
use crate::ui::i18n::tr;
use leptos::prelude::*;

/// Where the quick exit goes: a weather site, the convention for a page that draws no
/// attention (GOV.UK sends people to a weather page too).
pub const NEUTRAL_URL: &str = "https://www.buienradar.nl/";

/// How many Shift presses in a row trigger the exit.
pub const SHIFT_PRESSES: u32 = 3;
/// The longest pause between two of those presses, in milliseconds.
pub const SHIFT_WINDOW_MS: f64 = 5_000.0;

/// Counts Shift presses. Time is passed in, so the rule is testable without a browser.
/// Any other key resets the count, so typing capitals (Shift+letter) never triggers the exit.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ShiftPresses {
    count: u32,
    last_ms: Option<f64>,
}

impl ShiftPresses {
    /// Records a key press at `now_ms`; returns true when it completes the sequence (and resets).
    pub fn press(&mut self, is_shift: bool, now_ms: f64) -> bool {
        if !is_shift {
            *self = ShiftPresses::default();
            return false;
        }
        let in_time = self
            .last_ms
            .is_some_and(|last| now_ms - last <= SHIFT_WINDOW_MS);
        self.count = if in_time { self.count + 1 } else { 1 };
        self.last_ms = Some(now_ms);
        if self.count >= SHIFT_PRESSES {
            *self = ShiftPresses::default();
            true
        } else {
            false
        }
    }
}

/// The quick-exit button; also listens for Shift pressed three times anywhere on the page.
#[component]
pub fn QuickExit() -> impl IntoView {
    let presses = StoredValue::new(ShiftPresses::default());
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.repeat() {
            return;
        }
        let triggered = presses
            .try_update_value(|p| p.press(ev.key() == "Shift", clock::now_ms()))
            .unwrap_or(false);
        if triggered {
            dom::quick_exit(NEUTRAL_URL);
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <button
            type="button"
            class="button quick-exit"
            title=tr(|t| t.quick_exit_hint)
            on:click=|_| dom::quick_exit(NEUTRAL_URL)
        >
            {tr(|t| t.quick_exit)}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_shifts_within_five_seconds_each_trigger() {
        let mut p = ShiftPresses::default();
        assert!(!p.press(true, 0.0));
        assert!(!p.press(true, 4_000.0)); // 4 s after the first: in time
        assert!(p.press(true, 8_900.0)); // 4.9 s after the second: in time, third press
    }

    #[test]
    fn a_slow_press_starts_a_new_sequence() {
        let mut p = ShiftPresses::default();
        p.press(true, 0.0);
        p.press(true, 1_000.0);
        assert!(!p.press(true, 6_001.0)); // 5.001 s later: counts as the first press again
        assert!(!p.press(true, 6_500.0));
        assert!(p.press(true, 7_000.0));
    }

    #[test]
    fn typing_capitals_never_triggers() {
        let mut p = ShiftPresses::default();
        for i in 0..10 {
            let t = f64::from(i) * 100.0;
            assert!(!p.press(true, t)); // Shift down …
            assert!(!p.press(false, t + 10.0)); // … then a letter resets the count
        }
    }
}
