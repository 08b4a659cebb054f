//! The phone field of every form that books or leaves contact details, with its text code:
//! "获取验证码" (then a countdown), the code, and the form's own button verifies it before the
//! form goes on. Everything else typed in the form stays where it is while the citizen waits for
//! the text.

use crate::citizens::client;
use crate::citizens::session::{use_citizen, CitizenState};
use crate::i18n::{refusals, tr, tr_with, use_i18n, Catalog, I18n, Text};
use crate::kit::dom::focus;
use crate::kit::elders::Elders;
use crate::kit::http::ClientError;
use crate::kit::submission::{Refusal, Submission};
use crate::kit::text_field::TextField;
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::citizens::{VerifyCode, CODE_DIGITS};
use leptos::prelude::*;
use std::future::Future;
use std::time::Duration;

/// The state of one form's verification: the phone as typed, the code as typed, and what the
/// server said about them.
#[derive(Debug, Clone, Copy)]
pub struct Verification {
    /// The phone, shared with the form (it is the form's phone field).
    pub phone: RwSignal<String>,
    /// The code as typed.
    pub code: RwSignal<String>,
    /// Where the number the last code went to is shown, masked, with its minutes.
    sent: RwSignal<Option<(String, i64)>>,
    /// Seconds before another code may be asked for.
    wait: RwSignal<i64>,
    /// Refusals of asking for a code or of verifying it.
    pub submission: Submission,
    citizen: CitizenState,
    i18n: I18n,
    /// The form's id prefix: the fields are `{prefix}-phone` and `{prefix}-code`.
    prefix: &'static str,
}

impl Verification {
    /// A verification for the form whose ids start with `prefix`; the phone starts as the
    /// verified one when this browser has one.
    pub fn new(prefix: &'static str) -> Verification {
        let citizen = use_citizen();
        let phone = RwSignal::new(untrack(|| citizen.phone()).unwrap_or_default());
        // The session may arrive after the form: fill an untouched phone field with it.
        Effect::new(move |_| {
            if let Some(verified) = citizen.phone() {
                if phone.with_untracked(String::is_empty) {
                    phone.set(verified);
                }
            }
        });
        Verification {
            phone,
            code: RwSignal::new(String::new()),
            sent: RwSignal::new(None),
            wait: RwSignal::new(0),
            submission: Submission::new(),
            citizen,
            i18n: use_i18n(),
            prefix,
        }
    }

    /// Whether the phone typed is the verified one (tracked).
    pub fn verified(self) -> bool {
        self.phone.with(|p| self.citizen.is_verified(p))
    }

    /// The session's anti-forgery token, for the form's request.
    pub fn csrf_token(self) -> String {
        self.citizen.csrf_token()
    }

    /// Runs `go` once the phone is verified: at once when it is, else after the typed code is
    /// verified. A missing or refused code is shown at the code field instead.
    pub fn then(self, go: impl FnOnce() + 'static) {
        if self.phone.with_untracked(|p| self.citizen.is_verified(p)) {
            self.submission.clear();
            go();
            return;
        }
        let t = self.i18n.t();
        let body = VerifyCode {
            phone: self.phone.get_untracked(),
            code: self.code.get_untracked(),
        };
        if body.code.trim().is_empty() {
            self.submission.refuse((Some("code"), t.error_code_needed));
            let first = self.sent.with_untracked(Option::is_none);
            focus(&format!(
                "{}-{}",
                self.prefix,
                if first { "get-code" } else { "code" }
            ));
            return;
        }
        if let Err(e) = body.validate() {
            let refusal = refusals::verification_check(&e, t);
            self.refuse(refusal);
            return;
        }
        let citizen = self.citizen;
        let request = client::session_create(body.phone, body.code);
        self.submission.send(request, move |answer| match answer {
            Ok(session) => {
                citizen.session.set(Some(session));
                self.code.set(String::new());
                self.sent.set(None);
                go();
            }
            Err(e) => self.refuse(refusals::verification(&e, self.i18n.t())),
        });
    }

    /// Sends a form's request once the phone is verified: `request` gets the session's
    /// anti-forgery token and `done` the answer. A session the server has ended asks for a new
    /// code; any other refusal is worded by `words` and shown on the form's `submission`.
    pub fn send<T, F>(
        self,
        submission: Submission,
        request: impl FnOnce(String) -> F + 'static,
        done: impl FnOnce(T) + 'static,
        words: fn(&ClientError, &Catalog) -> Refusal,
    ) where
        T: 'static,
        F: Future<Output = Result<T, ClientError>> + 'static,
    {
        submission.clear();
        self.then(move || {
            let sent = request(self.csrf_token());
            submission.send(sent, move |answer| match answer {
                Ok(value) => done(value),
                Err(e) if refusals::verification_ended(&e) => self.ended(),
                Err(e) => submission.refuse(words(&e, self.i18n.t())),
            });
        });
    }

    /// The session has ended on the server: forget it here and ask for a new code.
    pub fn ended(self) {
        self.citizen.forget();
        self.refuse((Some("code"), self.i18n.t().error_verification_ended));
    }

    fn refuse(self, refusal: Refusal) {
        let field = refusal.0.unwrap_or("code");
        self.submission.refuse(refusal);
        focus(&format!("{}-{field}", self.prefix));
    }

    /// Asks for a code for the typed phone and starts the countdown.
    pub fn ask(self) {
        let t = self.i18n.t();
        let phone = match MobileNumber::parse(&self.phone.get_untracked()) {
            Ok(phone) => phone,
            Err(_) => {
                self.refuse((Some("phone"), t.error_phone));
                return;
            }
        };
        let request = client::code_request(phone.as_str().to_owned());
        self.submission.send(request, move |answer| match answer {
            Ok(sent) => {
                self.sent.set(Some((sent.phone_masked, sent.valid_minutes)));
                self.wait.set(sent.resend_after_seconds.max(1));
                focus(&format!("{}-code", self.prefix));
            }
            Err(e) => self.refuse(refusals::verification(&e, self.i18n.t())),
        });
    }
}

/// The phone field with its code: the form's phone, verified by a text code.
#[component]
pub fn VerifyPhone(
    verification: Verification,
    /// The phone's label.
    label: Text,
    /// A hint under the phone's label.
    #[prop(optional)]
    hint: Option<Text>,
    /// The form's own refusal of the phone (such as a booking already held), when it has one.
    #[prop(into)]
    error: Signal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let elders = use_context::<Elders>();
    let v = verification;
    let prefix = v.prefix;
    // Room for a space or two typed between the digits.
    let code_chars = CODE_DIGITS + 2;
    // One tick a second while a countdown runs.
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if v.wait.get_untracked() > 0 {
                v.wait.update(|w| *w -= 1);
            }
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    let phone_error =
        Signal::derive(move || v.submission.field_error("phone").or_else(|| error.get()));
    let code_error = Signal::derive(move || v.submission.field_error("code"));
    let waiting = move || v.wait.get() > 0 || v.submission.busy();
    let masked = move || {
        MobileNumber::parse(&v.phone.get())
            .map(|m| m.masked())
            .unwrap_or_default()
    };
    view! {
        <TextField
            id=format!("{prefix}-phone")
            label=label
            value=v.phone
            error=phone_error
            hint=hint.unwrap_or(|c| c.verify_phone_hint)
            kind="tel"
            inputmode="numeric"
            autocomplete="tel"
        />
        <Show
            when=move || !v.verified()
            fallback=move || {
                view! {
                    <p class="verified" role="status">
                        {move || tr_with(|c, m: String| c.verify_verified(&m), masked())()}
                    </p>
                }
            }
        >
            <div class="code-row">
                <TextField
                    id=format!("{prefix}-code")
                    label=|c| c.verify_code_label
                    value=v.code
                    error=code_error
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    enterkeyhint="done"
                    max_chars=code_chars
                />
                <button
                    type="button"
                    id=format!("{prefix}-get-code")
                    class="button code-row__ask"
                    disabled=waiting
                    on:click=move |_| v.ask()
                >
                    {move || {
                        let wait = v.wait.get();
                        if wait > 0 && elders.is_some_and(Elders::on) {
                            i18n.t().verify_resend_later.to_owned()
                        } else if wait > 0 {
                            i18n.t().verify_resend_in(wait)
                        } else {
                            i18n.t().verify_get_code.to_owned()
                        }
                    }}
                </button>
            </div>
            {move || {
                v.sent
                    .get()
                    .map(|(to, minutes)| {
                        view! {
                            <p class="hint" role="status">
                                {move || i18n.t().verify_code_sent(&to, minutes)}
                            </p>
                        }
                    })
            }}
            {move || {
                v.submission
                    .refusal()
                    .filter(|(field, _)| field.is_none())
                    .map(|(_, message)| {
                        view! {
                            <p class="alert" role="alert">
                                {message}
                            </p>
                        }
                    })
            }}
        </Show>
    }
}

/// Standalone verification ("我的" without a session): the phone, its code and a button.
#[component]
pub fn VerifyPhoneForm(
    /// The ids' prefix: `{prefix}-phone`, `{prefix}-code`, `{prefix}-get-code`.
    prefix: &'static str,
) -> impl IntoView {
    let v = Verification::new(prefix);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        v.then(|| ());
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <VerifyPhone verification=v label=|c| c.book_phone error=Signal::derive(|| None) />
            <button
                type="submit"
                class="button button--primary button--wide"
                disabled=move || v.submission.busy()
            >
                {tr(|c| c.verify_button)}
            </button>
        </form>
    }
}

/// The submit button of a form with a phone to verify: busy, and saying so, while the form or
/// the code's verification is under way.
#[component]
pub fn VerifiedSubmit(
    /// The form's phone verification.
    verification: Verification,
    /// The form's own sending.
    submission: Submission,
    /// The button's words when idle.
    label: Text,
) -> impl IntoView {
    let i18n = use_i18n();
    let busy = move || submission.busy() || verification.submission.busy();
    view! {
        <button type="submit" class="button button--primary button--wide" disabled=busy>
            {move || if busy() { i18n.t().submitting } else { label(i18n.t()) }}
        </button>
    }
}
