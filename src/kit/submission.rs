//! One form's sending: busy while its request is under way, and the refusal it shows, next to the
//! field at fault or for the whole form.

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
    refusal: RwSignal<Option<Refusal>>,
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
            refusal: RwSignal::new(None),
        }
    }

    /// Whether the form's request is under way (tracked); its button is disabled meanwhile.
    pub fn busy(self) -> bool {
        self.busy.get()
    }

    /// Whether the form's request is under way, without tracking it (for a submit handler).
    pub fn busy_untracked(self) -> bool {
        self.busy.get_untracked()
    }

    /// The refusal shown, if any (tracked).
    pub fn refusal(self) -> Option<Refusal> {
        self.refusal.get()
    }

    /// The message of the refusal, whichever field it names (tracked).
    pub fn message(self) -> Option<&'static str> {
        self.refusal.get().map(|(_, message)| message)
    }

    /// The message of the refusal when it names `field` (tracked).
    pub fn field_error(self, field: &'static str) -> Option<&'static str> {
        match self.refusal.get() {
            Some((Some(f), message)) if f == field => Some(message),
            _ => None,
        }
    }

    /// The message of a refusal that concerns the whole form, or nothing (tracked).
    pub fn form_error(self) -> &'static str {
        match self.refusal.get() {
            Some((None, message)) => message,
            _ => "",
        }
    }

    /// Shows a refusal: the form's own check failed, or the server refused.
    pub fn refuse(self, refusal: Refusal) {
        self.refusal.set(Some(refusal));
    }

    /// Takes the refusal away.
    pub fn clear(self) {
        self.refusal.set(None);
    }

    /// Sends the form: marks it busy and clears its refusal, waits for `request`, hands the
    /// answer to `done` (which may [`refuse`](Submission::refuse)), then marks it idle again.
    pub fn send<T: 'static>(
        self,
        request: impl Future<Output = T> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        self.busy.set(true);
        self.refusal.set(None);
        spawn_local(async move {
            done(request.await);
            self.busy.set(false);
        });
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
            form.clear();
            assert_eq!(form.message(), None);
            assert!(!form.busy_untracked());
        });
    }
}
