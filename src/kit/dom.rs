//! Small page effects the forms share: moving the keyboard focus, scrolling to the top, and
//! keeping what was chosen in a server-drawn form before the app started.

use wasm_bindgen::JsCast;

/// Moves the keyboard focus to the element with this id, so a screen reader reads its message
/// and the person can correct it.
pub fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls to the top of the page (after a form is replaced by its result).
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// What someone typed or chose in the filters of a first screen the server drew (the page at
/// `path`, whose form has a field with the id `drawn`), before the app started: `href` makes the
/// page's URL from the fields' values (by id, `None` when empty), which replaces the current
/// one, so the app, which replaces that form with its own, starts from it. Another page, a page
/// the server did not draw (the plain page: its URL is the app's to read as it is), or an
/// `href` of `None` leaves the URL alone.
pub fn keep_typed_filter(
    path: &str,
    drawn: &str,
    href: impl FnOnce(&dyn Fn(&str) -> Option<String>) -> Option<String>,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Some(document), Ok(here), Ok(search)) = (
        window.document(),
        window.location().pathname(),
        window.location().search(),
    ) else {
        return;
    };
    if here != path || document.get_element_by_id(drawn).is_none() {
        return;
    }
    let value = |id: &str| {
        let element = document.get_element_by_id(id)?;
        let value = match element.dyn_into::<web_sys::HtmlInputElement>() {
            Ok(input) => input.value(),
            Err(other) => other.dyn_into::<web_sys::HtmlSelectElement>().ok()?.value(),
        };
        Some(value).filter(|v| !v.is_empty())
    };
    let Some(href) = href(&value) else {
        return;
    };
    if href != format!("{here}{search}") {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    }
}
