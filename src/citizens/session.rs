//! The verified phone of this browser, shared by every page that books, sends contact details
//! or lists "我的". The cookie is HttpOnly, so only the server can say whether there is one; it
//! is asked once, the first time a page needs to know.

use crate::citizens::client;
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::citizens::CitizenSession;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The citizen's session as the app knows it.
#[derive(Debug, Clone, Copy)]
pub struct CitizenState {
    /// The verified phone and its anti-forgery token; `None` when no phone is verified here.
    pub session: RwSignal<Option<CitizenSession>>,
    /// Whether the server has been asked (and answered).
    pub checked: RwSignal<bool>,
    asked: StoredValue<bool>,
}

impl CitizenState {
    /// Provides the (not yet checked) state to the app.
    pub fn provide() -> CitizenState {
        let state = CitizenState {
            session: RwSignal::new(None),
            checked: RwSignal::new(false),
            asked: StoredValue::new(false),
        };
        provide_context(state);
        state
    }

    /// Asks the server who is verified here, once per page load.
    fn check(self) {
        if self.asked.get_value() {
            return;
        }
        self.asked.set_value(true);
        spawn_local(async move {
            // A network failure leaves the phone unverified; verifying again is always possible.
            if let Ok(session) = client::session_get().await {
                if self.session.with_untracked(Option::is_none) {
                    self.session.set(session);
                }
            }
            self.checked.set(true);
        });
    }

    /// The verified number (11 digits), tracked.
    pub fn phone(self) -> Option<String> {
        self.session.with(|s| s.as_ref().map(|s| s.phone.clone()))
    }

    /// Whether `typed` is the verified number, however it was typed.
    pub fn is_verified(self, typed: &str) -> bool {
        let Ok(typed) = MobileNumber::parse(typed) else {
            return false;
        };
        self.session
            .with(|s| s.as_ref().is_some_and(|s| s.phone == typed.as_str()))
    }

    /// The session's anti-forgery token (empty without one: the server then refuses, and the
    /// form asks to verify again).
    pub fn csrf_token(self) -> String {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.csrf_token.clone()))
            .unwrap_or_default()
    }

    /// Forgets the session here (after "退出", or when the server says it has ended).
    pub fn forget(self) {
        self.session.set(None);
    }
}

/// The citizen's session state; the first call asks the server.
pub fn use_citizen() -> CitizenState {
    let state = expect_context::<CitizenState>();
    state.check();
    state
}
