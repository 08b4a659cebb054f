//! Small page effects the forms share: moving the keyboard focus and scrolling to the top.

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
