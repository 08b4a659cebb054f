//! The browser's geolocation, as a signal the "near me" button can watch.

use deputy_homes_api::LatLon;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What asking for the position led to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Located {
    Idle,
    Locating,
    Found(LatLon),
    Denied,
    Unavailable,
    TimedOut,
    Unsupported,
}

/// Asks the browser once for the position and writes the outcome into `state`.
pub fn request_position(state: RwSignal<Located>) {
    let Some(geolocation) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        state.set(Located::Unsupported);
        return;
    };
    state.set(Located::Locating);
    let on_success = Closure::once_into_js(move |position: web_sys::Position| {
        let coords = position.coords();
        state.set(Located::Found(LatLon::new(
            coords.latitude(),
            coords.longitude(),
        )));
    });
    let on_error = Closure::once_into_js(move |error: web_sys::PositionError| {
        state.set(match error.code() {
            web_sys::PositionError::PERMISSION_DENIED => Located::Denied,
            web_sys::PositionError::TIMEOUT => Located::TimedOut,
            _ => Located::Unavailable,
        });
    });
    let options = web_sys::PositionOptions::new();
    options.set_timeout(15_000);
    options.set_maximum_age(60_000);
    let asked = geolocation.get_current_position_with_error_callback_and_options(
        on_success.unchecked_ref(),
        Some(on_error.unchecked_ref()),
        &options,
    );
    if asked.is_err() {
        state.set(Located::Unavailable);
    }
}
