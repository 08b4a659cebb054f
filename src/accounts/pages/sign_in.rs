//! Delegates and staff sign in.

use crate::accounts::client;
use crate::accounts::session::use_auth;
use crate::i18n::{tr, use_i18n, Catalog};
use crate::kit::dom::focus;
use crate::kit::http::ClientError;
use crate::kit::page_title::use_page_title;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::ErrorCode;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// What went wrong, worded for the person signing in.
fn message(error: &ClientError, t: &Catalog) -> &'static str {
    match error.code() {
        Some(ErrorCode::BadCredentials) => t.error_bad_credentials,
        Some(ErrorCode::TooManyAttempts) => t.error_too_many_attempts,
        _ if *error == ClientError::Network => t.error_network,
        _ => t.error_server,
    }
}

/// The sign-in form.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(|t| t.sign_in_heading);
    let auth = use_auth();
    let navigate = use_navigate();
    let (login, password) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submission = Submission::new();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (l, p) = (login.get_untracked(), password.get_untracked());
        if l.trim().is_empty() {
            submission.refuse((Some("login"), i18n.t().error_required));
            focus("login");
            return;
        }
        if p.is_empty() {
            submission.refuse((Some("password"), i18n.t().error_required));
            focus("password");
            return;
        }
        let navigate = navigate.clone();
        submission.send(client::session_create(l, p), move |answer| match answer {
            Ok(session) => {
                auth.session.set(Some(session));
                navigate(&Page::Account.path(), Default::default());
            }
            Err(e) => submission.refuse((None, message(&e, i18n.t()))),
        });
    };
    view! {
        <h1>{tr(|c| c.sign_in_heading)}</h1>
        <p class="hint">{tr(|c| c.sign_in_intro)}</p>
        <form class="form" on:submit=submit novalidate>
            <TextField
                id="login"
                name="username"
                label=|c| c.login_label
                value=login
                autocomplete="username"
                error=submission.error("login")
            />
            <TextField
                id="password"
                label=|c| c.password_label
                value=password
                kind="password"
                autocomplete="current-password"
                error=submission.error("password")
            />
            <FormStatus submission />
            <button type="submit" class="button button--primary" disabled=move || submission.busy()>
                {move || {
                    if submission.busy() { i18n.t().signing_in } else { i18n.t().sign_in_button }
                }}
            </button>
        </form>
    }
}
