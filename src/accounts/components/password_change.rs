//! The signed-in account changes its own password: on its page, or first thing after staff
//! reset it.

use crate::accounts::client;
use crate::accounts::session::use_auth;
use crate::i18n::{refusals, tr, use_i18n, Text};
use crate::kit::dom::focus;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use deputy_homes_api::accounts::{ChangePassword, PasswordField};
use deputy_homes_api::FormField;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The id of the input of a field, to move the focus to its problem.
fn element_id(field: Option<&str>) -> &'static str {
    if field == Some(PasswordField::NewPassword.name()) {
        "change-new-password"
    } else {
        "change-present-password"
    }
}

/// Asks for the present password and a new one; once changed, the session no longer has to
/// change it and the form says so.
#[component]
pub fn PasswordChangeForm(
    /// The label of the present password (after a reset it is the temporary one).
    present_label: Text,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let (present, new) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submission = Submission::new();
    let refused = move |refusal: (Option<&'static str>, &'static str)| {
        focus(element_id(refusal.0));
        let mut shown = vec![refusal];
        if refusal.0.is_some() {
            shown.push((None, i18n.t().form_has_errors));
        }
        submission.refuse_all(shown);
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = ChangePassword {
            password: present.get_untracked(),
            new_password: new.get_untracked(),
        };
        if body.password.is_empty() {
            let field = PasswordField::Password.name();
            return refused((Some(field), i18n.t().error_present_password_required));
        }
        if let Err(e) = body.validate() {
            return refused(refusals::password_change_check(&e, i18n.t()));
        }
        let request = client::session_password_change(body, auth.csrf_token());
        submission.send(request, move |answer| match answer {
            Ok(()) => {
                present.set(String::new());
                new.set(String::new());
                submission.succeed();
                // Only a session that had to change it is updated: a change of the session
                // redraws the account page, which would take this form and its message away.
                let had_to = auth
                    .session
                    .with_untracked(|s| s.as_ref().is_some_and(|s| s.must_change_password));
                if had_to {
                    auth.session.update(|s| {
                        if let Some(s) = s {
                            s.must_change_password = false;
                        }
                    });
                }
            }
            Err(e) => refused(refusals::password_change(&e, i18n.t())),
        });
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <TextField
                id="change-present-password"
                label=present_label
                value=present
                kind="password"
                autocomplete="current-password"
                error=submission.error(PasswordField::Password.name())
            />
            <TextField
                id="change-new-password"
                label=|c| c.new_password_label
                hint=|c| c.new_password_hint
                value=new
                kind="password"
                autocomplete="new-password"
                error=submission.error(PasswordField::NewPassword.name())
            />
            <FormStatus submission ok=|c| c.password_changed />
            <button type="submit" class="button button--primary" disabled=move || submission.busy()>
                {move || {
                    if submission.busy() {
                        i18n.t().changing_password
                    } else {
                        i18n.t().change_password_button
                    }
                }}
            </button>
        </form>
    }
}

/// What a session that must change its password sees instead of any page: why, the form, and
/// signing out.
#[component]
pub fn PasswordChangeRequired() -> impl IntoView {
    crate::kit::page_title::use_page_title(|t| t.must_change_heading);
    let i18n = use_i18n();
    let auth = use_auth();
    let signing_out = Submission::new();
    let sign_out = move |_| {
        let request = client::session_delete(auth.csrf_token());
        signing_out.send(request, move |answer| match answer {
            Ok(()) => auth.session.set(None),
            Err(_) => signing_out.refuse((None, i18n.t().error_network)),
        });
    };
    view! {
        <h1>{tr(|c| c.must_change_heading)}</h1>
        <p class="notice">{tr(|c| c.must_change_intro)}</p>
        <PasswordChangeForm present_label=|c| c.temporary_password_present_label />
        <FormStatus submission=signing_out />
        <button type="button" class="button" on:click=sign_out disabled=move || signing_out.busy()>
            {tr(|c| c.sign_out)}
        </button>
    }
}
