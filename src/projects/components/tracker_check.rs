//! "核对我的选票凭证": a delegate types the tracker their ballot gave them; its SHA-256 is worked
//! out on the device and looked for in the published list, and the answer is found or not found.
//! The tracker itself is never sent.

use crate::i18n::{tr, use_i18n};
use crate::kit::digest::sha256_hex;
use crate::kit::text_field::TextField;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Whether a tracker's digest is on the published list (digests in lowercase hex).
pub fn is_listed(digest: &str, published: &[String]) -> bool {
    published.iter().any(|d| d.eq_ignore_ascii_case(digest))
}

/// The check against `published`, the digests of the counted ballots' trackers.
#[component]
pub fn TrackerCheck(published: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let found = RwSignal::new(None::<bool>);
    let published = StoredValue::new(published);
    let check = move |ev: SubmitEvent| {
        ev.prevent_default();
        let tracker = typed.get_untracked().trim().to_owned();
        if tracker.is_empty() {
            found.set(Some(false));
            return;
        }
        spawn_local(async move {
            let digest = sha256_hex(&tracker).await;
            let listed = digest.is_some_and(|d| published.with_value(|p| is_listed(&d, p)));
            found.set(Some(listed));
        });
    };
    view! {
        <form class="form tracker-check" on:submit=check novalidate>
            <TextField
                id="tracker-check"
                label=|c| c.projects_check_tracker_label
                hint=|c| c.projects_check_tracker_hint
                value=typed
                error=Signal::derive(|| None)
            />
            <button type="submit" class="button">
                {tr(|c| c.projects_check_tracker_button)}
            </button>
            <p class="tracker-check__answer" role="status">
                {move || {
                    found
                        .get()
                        .map(|listed| {
                            if listed {
                                i18n.t().projects_tracker_found
                            } else {
                                i18n.t().projects_tracker_not_found
                            }
                        })
                }}
            </p>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_is_found_on_the_list_whatever_its_hex_case() {
        let published = vec!["ab12".to_owned(), "cd34".to_owned()];
        assert!(is_listed("ab12", &published));
        assert!(is_listed("CD34", &published));
        assert!(!is_listed("ef56", &published));
        assert!(!is_listed("", &published));
    }
}
