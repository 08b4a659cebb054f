//! What a page shows when its data could not be loaded.

use crate::i18n::{tr, use_i18n};
use crate::kit::http::ClientError;
use deputy_homes_api::ErrorCode;
use leptos::prelude::*;

/// The message for an error, in the current language.
fn message(error: &ClientError, t: &crate::i18n::Catalog) -> &'static str {
    match error {
        ClientError::Network => t.error_network,
        ClientError::Api { error, .. } if error.code == ErrorCode::BadParameter => {
            t.error_bad_request
        }
        ClientError::Api { .. } | ClientError::BadResponse => t.error_server,
    }
}

/// An alert with the reason and a retry button.
#[component]
pub fn LoadError(
    /// What went wrong.
    error: ClientError,
    /// Called when the user asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="alert alert--error" role="alert">
            <p>{move || message(&error, i18n.t())}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {tr(|c| c.retry)}
            </button>
        </div>
    }
}
