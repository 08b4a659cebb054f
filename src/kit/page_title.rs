//! The browser tab's title, kept in step with the page shown and the language chosen.

use crate::i18n::{use_i18n, Catalog};
use leptos::prelude::*;

/// Keeps the tab's title as "heading · app title" in the current language while the page is
/// shown; `heading` may read signals (a home's name), and the title follows them too.
pub fn use_page_title<H: AsRef<str>>(heading: impl Fn(&'static Catalog) -> H + 'static) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let t = i18n.t();
        set_document_title(&page_title(heading(t).as_ref(), t.app_title));
    });
}

/// Keeps the tab's title as the app's own title, for the front page (the list of homes).
pub fn use_app_title() {
    let i18n = use_i18n();
    Effect::new(move |_| set_document_title(i18n.t().app_title));
}

/// "heading · app title".
fn page_title(heading: &str, app_title: &str) -> String {
    format!("{heading} · {app_title}")
}

fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_named_before_the_app() {
        assert_eq!(
            page_title("意见公开", "人大代表之家"),
            "意见公开 · 人大代表之家"
        );
    }
}
