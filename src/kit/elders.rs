//! Elders' mode (长辈版), after the 2021 elderly-friendly design rules for apps and websites:
//! larger text and tap targets (the stylesheet, under `html[data-elders]`), the three main tasks
//! first on the home page, no counter that ticks by itself, and reading a page's main text
//! aloud with the browser's speech synthesis. The choice is remembered on this device.

use crate::i18n::{tr, use_i18n, Lang};
use crate::kit::device_store::keep_cookie;
use deputy_homes_api::platform::first_answers::ELDERS_COOKIE;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub(crate) const STORAGE_KEY: &str = "deputy-homes.elders";
/// The attribute on `<html>` the stylesheet keys on.
const ATTRIBUTE: &str = "data-elders";

/// Whether elders' mode is on, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Elders {
    on: RwSignal<bool>,
}

impl Elders {
    /// Reads the stored choice (off when there is none) and provides it to the app.
    pub fn provide() -> Elders {
        let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let elders = Elders {
            on: RwSignal::new(stored.as_deref() == Some("on")),
        };
        // The server learns the choice too (a phone that chose before it was told learns it now).
        keep_cookie(
            ELDERS_COOKIE,
            if elders.on.get_untracked() {
                "on"
            } else {
                "off"
            },
        );
        Effect::new(move |_| mark_document(elders.on.get()));
        provide_context(elders);
        elders
    }

    /// Whether the mode is on (tracked).
    pub fn on(self) -> bool {
        self.on.get()
    }

    /// Turns the mode on or off and remembers the choice on this device.
    pub fn set(self, on: bool) {
        if let Some(s) = storage() {
            // Private browsing may refuse storage; the switch still applies to this visit.
            let _ = s.set_item(STORAGE_KEY, if on { "on" } else { "off" });
        }
        keep_cookie(ELDERS_COOKIE, if on { "on" } else { "off" });
        self.on.set(on);
    }
}

/// The mode of this page.
pub fn use_elders() -> Elders {
    expect_context::<Elders>()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn mark_document(on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = if on {
            root.set_attribute(ATTRIBUTE, "")
        } else {
            root.remove_attribute(ATTRIBUTE)
        };
    }
}

/// The switch: a button that says "长辈版" and whether it is on.
#[component]
pub fn EldersSwitch() -> impl IntoView {
    let elders = use_elders();
    view! {
        <button
            type="button"
            role="switch"
            class="elders-switch"
            aria-checked=move || if elders.on() { "true" } else { "false" }
            on:click=move |_| elders.set(!elders.on.get_untracked())
        >
            <span class="elders-switch__track" aria-hidden="true"></span>
            {tr(|c| c.elders_mode)}
        </button>
    }
}

/// The language prefix a voice must have to read this interface's text.
fn voice_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
        Lang::Mn => "mn",
    }
}

/// Whether the browser has a voice whose language starts with `prefix`.
fn has_voice(prefix: &str) -> bool {
    let Some(speech) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return false;
    };
    speech.get_voices().iter().any(|voice| {
        voice
            .unchecked_into::<web_sys::SpeechSynthesisVoice>()
            .lang()
            .to_ascii_lowercase()
            .starts_with(prefix)
    })
}

/// The page's text marked for reading (`data-read` inside `main`), in page order.
fn marked_text() -> String {
    let Some(nodes) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("main [data-read]").ok())
    else {
        return String::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|e| e.inner_text().trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// "朗读" in elders' mode: reads the page's marked text aloud in the interface's language.
/// Hidden when the browser has no voice for that language (many phones, headless browsers).
#[component]
pub fn ReadAloud() -> impl IntoView {
    let i18n = use_i18n();
    // Voices arrive after the page loads on some browsers: look again when they change.
    let voices_changed = RwSignal::new(0u32);
    let speaking = RwSignal::new(false);
    if let Some(speech) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) {
        let on_change = Closure::<dyn Fn()>::new(move || {
            voices_changed.try_update(|n| *n += 1);
        });
        let _ = speech
            .add_event_listener_with_callback("voiceschanged", on_change.as_ref().unchecked_ref());
        let on_change = StoredValue::new_local(Some(on_change));
        on_cleanup(move || {
            let speech = web_sys::window().and_then(|w| w.speech_synthesis().ok());
            if let (Some(speech), Some(f)) = (speech, on_change.try_update_value(Option::take)) {
                let _ = f.and_then(|f| {
                    speech
                        .remove_event_listener_with_callback(
                            "voiceschanged",
                            f.as_ref().unchecked_ref(),
                        )
                        .ok()
                });
                speech.cancel();
            }
        });
    }
    let elders = use_context::<Elders>();
    let available = move || {
        voices_changed.track();
        elders.is_some_and(Elders::on) && has_voice(voice_prefix(i18n.lang()))
    };
    let toggle = move |_| {
        let Some(speech) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
            return;
        };
        speech.cancel();
        if speaking.get_untracked() {
            speaking.set(false);
            return;
        }
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&marked_text()) else {
            return;
        };
        utterance.set_lang(i18n.lang().tag());
        utterance.set_rate(0.9);
        let done = Closure::once_into_js(move || speaking.try_set(false));
        utterance.set_onend(Some(done.unchecked_ref()));
        speaking.set(true);
        speech.speak(&utterance);
    };
    view! {
        <Show when=available>
            <button
                type="button"
                class="button read-aloud"
                aria-pressed=move || if speaking.get() { "true" } else { "false" }
                on:click=toggle
            >
                {move || if speaking.get() { i18n.t().stop_reading } else { i18n.t().read_aloud }}
            </button>
        </Show>
    }
}
