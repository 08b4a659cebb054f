//! One form's sending: busy while its request is under way, and the refusals it shows, next to
//! the fields at fault or for the whole form.

use crate::i18n::{use_i18n, Text};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// Why a form was refused: the field at fault (as the form names it; `None` when the message
/// concerns the whole form) and the message.
pub type Refusal = (Option<&'static str>, &'static str);

/// The sending state of one form; it is `Copy`, so the submit handler and the view share it.
#[derive(Debug, Clone, Copy)]
pub struct Submission {
    busy: RwSignal<bool>,
    refusals: RwSignal<Vec<Refusal>>,
    succeeded: RwSignal<bool>,
}

impl Default for Submission {
    fn default() -> Submission {
        Submission::new()
    }
}

impl Submission {
    /// A form that is idle and has no refusal.
    pub fn new() -> Submission {
        Submission {
            busy: RwSignal::new(false),
            refusals: RwSignal::new(Vec::new()),
            succeeded: RwSignal::new(false),
        }
    }

    /// Whether the form's request is under way (tracked); its button is disabled meanwhile.
    ///
    /// The readers here tolerate a disposed form: a `Transition` keeps the old view on screen
    /// while its owner (and this form's signals) is already gone, and that view may re-render
    /// once more when the finished request marks the form idle.
    pub fn busy(self) -> bool {
        self.busy.try_get().unwrap_or(false)
    }

    /// Whether the form's request is under way, without tracking it (for a submit handler).
    pub fn busy_untracked(self) -> bool {
        self.busy.try_get_untracked().unwrap_or(false)
    }

    /// The first refusal shown, if any (tracked).
    pub fn refusal(self) -> Option<Refusal> {
        self.refusals.try_with(|all| all.first().copied()).flatten()
    }

    /// The message of the first refusal, whichever field it names (tracked).
    pub fn message(self) -> Option<&'static str> {
        self.refusal().map(|(_, message)| message)
    }

    /// The message of the refusal that names `field` (tracked).
    pub fn field_error(self, field: &'static str) -> Option<&'static str> {
        self.refusals
            .try_with(|all| {
                all.iter()
                    .find(|(f, _)| *f == Some(field))
                    .map(|(_, message)| *message)
            })
            .flatten()
    }

    /// The message of the refusal when it names `field`, as a signal for a field component.
    pub fn error(self, field: &'static str) -> Signal<Option<&'static str>> {
        Signal::derive(move || self.field_error(field))
    }

    /// Whether the last sending succeeded (tracked); a new sending or refusal resets it.
    pub fn succeeded(self) -> bool {
        self.succeeded.try_get().unwrap_or(false)
    }

    /// Marks the last sending as succeeded, for the form to say so.
    pub fn succeed(self) {
        self.succeeded.set(true);
    }

    /// The message of a refusal that concerns the whole form, or nothing (tracked).
    pub fn form_error(self) -> &'static str {
        self.refusals
            .try_with(|all| {
                all.iter()
                    .find(|(f, _)| f.is_none())
                    .map_or("", |(_, message)| *message)
            })
            .unwrap_or("")
    }

    /// Shows a refusal: the form's own check failed, or the server refused.
    pub fn refuse(self, refusal: Refusal) {
        self.refuse_all(vec![refusal]);
    }

    /// Shows several refusals at once (a form's own check found several fields at fault).
    pub fn refuse_all(self, refusals: Vec<Refusal>) {
        self.succeeded.set(false);
        self.refusals.set(refusals);
    }

    /// Takes the refusals away.
    pub fn clear(self) {
        self.refusals.set(Vec::new());
    }

    /// Sends the form: marks it busy and clears its refusal, waits for `request`, hands the
    /// answer to `done` (which may [`refuse`](Submission::refuse)), then marks it idle again.
    pub fn send<T: 'static>(
        self,
        request: impl Future<Output = T> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        self.busy.set(true);
        self.refusals.set(Vec::new());
        self.succeeded.set(false);
        spawn_local(async move {
            done(request.await);
            self.busy.set(false);
        });
    }
}

/// A fresh `Idempotency-Key` for one filled-in form: 128 random bits as hex. A retry of the same
/// form sends it again, so a request whose answer was lost is not done twice.
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The lines under a form: its refusal when the whole form was refused (an alert), and `ok`
/// once it succeeded (a status); screen readers hear either change.
#[component]
pub fn FormStatus(
    /// The form's sending state.
    submission: Submission,
    /// What the form says when it succeeded.
    #[prop(optional)]
    ok: Option<Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="form-error" role="alert">
            {move || submission.form_error()}
        </p>
        {ok
            .map(|ok| {
                view! {
                    <p class="form-ok" role="status">
                        {move || submission.succeeded().then(|| ok(i18n.t()))}
                    </p>
                }
            })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_shows_next_to_its_field_or_for_the_whole_form() {
        Owner::new().with(|| {
            let form = Submission::new();
            form.refuse((Some("phone"), "bad phone"));
            assert_eq!(form.field_error("phone"), Some("bad phone"));
            assert_eq!(form.field_error("name"), None);
            assert_eq!(form.form_error(), "");
            assert_eq!(form.message(), Some("bad phone"));
            form.refuse((None, "server down"));
            assert_eq!(form.field_error("phone"), None);
            assert_eq!(form.form_error(), "server down");
            form.refuse_all(vec![
                (Some("phone"), "bad phone"),
                (Some("name"), "no name"),
                (None, "check"),
            ]);
            assert_eq!(form.field_error("name"), Some("no name"));
            assert_eq!(form.field_error("phone"), Some("bad phone"));
            assert_eq!(form.form_error(), "check");
            form.succeed();
            assert!(form.succeeded());
            form.refuse((None, "server down"));
            assert!(!form.succeeded());
            form.clear();
            assert_eq!(form.message(), None);
            assert!(!form.busy_untracked());
        });
    }
}
