//! Staff give an account a temporary password, which it must replace at its next sign-in.

use crate::accounts::client;
use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::dom::focus;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use deputy_homes_api::accounts::{validate_password, AccountField};
use deputy_homes_api::FormField;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The "reset password" button of the account `id`, and the form it opens.
#[component]
pub fn PasswordResetForm(
    /// The account's id.
    id: String,
    /// The session's anti-forgery token.
    csrf_token: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let password = RwSignal::new(String::new());
    let submission = Submission::new();
    let input_id = format!("reset-{id}");
    let focus_id = input_id.clone();
    let refused = move |refusal: (Option<&'static str>, &'static str)| {
        if refusal.0.is_some() {
            focus(&focus_id);
        }
        submission.refuse(refusal);
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let temporary = password.get_untracked();
        if validate_password(&temporary).is_err() {
            return refused(refusals::temporary_password_check(i18n.t()));
        }
        let request = client::account_password_reset(id.clone(), temporary, csrf_token.clone());
        let refused = refused.clone();
        submission.send(request, move |answer| match answer {
            Ok(()) => {
                password.set(String::new());
                open.set(false);
                submission.succeed();
            }
            Err(e) => refused(refusals::account_change(&e, i18n.t())),
        });
    };
    let start = move |_| {
        submission.clear();
        open.set(true);
    };
    view! {
        <Show
            when=move || open.get()
            fallback=move || {
                view! {
                    <button type="button" class="button" on:click=start>
                        {tr(|c| c.reset_password_button)}
                    </button>
                }
            }
        >
            <form class="form account-card__editor" on:submit=submit.clone() novalidate>
                <TextField
                    id=input_id.clone()
                    label=|c| c.temporary_password_label
                    hint=|c| c.temporary_password_hint
                    value=password
                    kind="password"
                    autocomplete="new-password"
                    error=submission.error(AccountField::Password.name())
                />
                <div class="button-row">
                    <button
                        type="submit"
                        class="button button--primary"
                        disabled=move || submission.busy()
                    >
                        {tr(|c| c.confirm_reset_button)}
                    </button>
                    <button type="button" class="button" on:click=move |_| open.set(false)>
                        {tr(|c| c.cancel_button)}
                    </button>
                </div>
            </form>
        </Show>
        <FormStatus submission ok=|c| c.password_reset_done />
    }
}
