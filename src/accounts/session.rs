//! Who is signed in, shared by the header and the account pages. Citizens never sign in; this
//! is for delegates and staff.

use crate::accounts::client;
use deputy_homes_api::accounts::Session;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The session as the app knows it.
#[derive(Debug, Clone, Copy)]
pub struct AuthState {
    /// The signed-in account and its anti-forgery token; `None` when signed out.
    pub session: RwSignal<Option<Session>>,
    /// Whether the first check with the server has finished.
    pub checked: RwSignal<bool>,
}

impl AuthState {
    /// Asks the server once who is signed in (the cookie is HttpOnly, so only it can tell) and
    /// provides the state to the app.
    pub fn provide() -> AuthState {
        let state = AuthState {
            session: RwSignal::new(None),
            checked: RwSignal::new(false),
        };
        spawn_local(async move {
            // A network failure leaves the app signed out; the account page offers to sign in.
            if let Ok(session) = client::session_get().await {
                state.session.set(session);
            }
            state.checked.set(true);
        });
        provide_context(state);
        state
    }
}

impl AuthState {
    /// The session's anti-forgery token for a state-changing request (empty when signed out:
    /// the server then refuses, and the page says the session has ended).
    pub fn csrf_token(self) -> String {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.csrf_token.clone()))
            .unwrap_or_default()
    }
}

/// The app's session state.
pub fn use_auth() -> AuthState {
    expect_context::<AuthState>()
}
