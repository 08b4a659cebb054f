//! The form staff create a delegate's (or a colleague's) account with.

use crate::accounts::account_rules::{check_new_account, refusal, AccountField, Problem, Refusal};
use crate::accounts::client;
use crate::accounts::components::home_picker::HomePicker;
use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::choice_fields::SelectField;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use deputy_homes_api::accounts::{Account, NewAccount, Role};
use deputy_homes_api::{FormField, HomeSummary};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use std::sync::Arc;

/// The id of the element that holds a field's value, to move the focus to its problem.
fn element_id(field: AccountField) -> &'static str {
    match field {
        AccountField::DisplayName => "new-display-name",
        AccountField::Username => "new-username",
        AccountField::Phone => "new-phone",
        AccountField::Password => "new-password",
        AccountField::HomeIds => "new-homes-search",
        // Not fields of this form: the first one is the nearest place to start again.
        AccountField::Login | AccountField::Role => "new-display-name",
    }
}

/// Moves the keyboard focus to a field, so its message is read out and it can be corrected.
fn focus(field: AccountField) {
    crate::kit::dom::focus(element_id(field));
}

/// Creates an account; on success it joins `accounts` and the form empties, otherwise the form
/// keeps what was typed and shows each problem next to its field.
#[component]
pub fn AccountCreate(
    /// Every home in the register.
    #[prop(into)]
    homes: Signal<Arc<Vec<HomeSummary>>>,
    /// The accounts listed on the page.
    accounts: RwSignal<Vec<Account>>,
    /// The session's anti-forgery token.
    csrf_token: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let [display_name, username, phone, password] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let role_code = RwSignal::new(Role::Delegate.code().to_owned());
    let role = Signal::derive(move || {
        role_code.with(|code| Role::from_code(code).unwrap_or(Role::Delegate))
    });
    let home_ids = RwSignal::new(Vec::<String>::new());
    let submission = Submission::new();
    let created = RwSignal::new(None::<String>);
    let error = move |field: AccountField| submission.error(field.name());
    let refused = move |found: Vec<Problem>| {
        let t = i18n.t();
        if let Some(first) = found.first() {
            focus(first.field());
        }
        let mut shown: Vec<_> = found
            .iter()
            .map(|p| (Some(p.field().name()), p.message(t)))
            .collect();
        shown.push((None, t.form_has_errors));
        submission.refuse_all(shown);
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let new = NewAccount {
            username: username.get_untracked(),
            display_name: display_name.get_untracked(),
            role: role.get_untracked(),
            phone: Some(phone.get_untracked()).filter(|p| !p.trim().is_empty()),
            password: password.get_untracked(),
            home_ids: match role.get_untracked() {
                Role::Delegate => home_ids.get_untracked(),
                Role::Staff => Vec::new(),
            },
        };
        let found = check_new_account(&new);
        if !found.is_empty() {
            return refused(found);
        }
        created.set(None);
        let request = client::accounts_create(new, csrf_token.clone());
        submission.send(request, move |answer| match answer {
            Ok(account) => {
                created.set(Some(account.display_name.clone()));
                accounts.update(|list| list.push(account));
                for field in [display_name, username, phone, password] {
                    field.set(String::new());
                }
                home_ids.set(Vec::new());
            }
            Err(e) => match refusal(&e) {
                Refusal::Field(p) => refused(vec![p]),
                other => submission.refuse((None, other.message(i18n.t()))),
            },
        });
    };
    view! {
        <form class="form account-form" on:submit=submit novalidate>
            <TextField
                id="new-display-name"
                label=|c| c.display_name_label
                value=display_name
                error=error(AccountField::DisplayName)
                autocomplete="off"
            />
            <TextField
                id="new-username"
                label=|c| c.username_label
                value=username
                error=error(AccountField::Username)
                hint=|c| c.username_hint
            />
            <TextField
                id="new-phone"
                label=|c| c.phone_label
                value=phone
                kind="tel"
                inputmode="tel"
                error=error(AccountField::Phone)
            />
            <TextField
                id="new-password"
                label=|c| c.initial_password_label
                value=password
                error=error(AccountField::Password)
                hint=|c| c.password_hint
                kind="password"
                autocomplete="new-password"
            />
            <SelectField id="new-role" label=|c| c.role_label value=role_code>
                {[Role::Delegate, Role::Staff]
                    .map(|r| {
                        view! {
                            <option value=r.code()>{tr_with(|c, r| c.role_name(r), r)}</option>
                        }
                    })}
            </SelectField>
            <Show
                when=move || role.get() == Role::Delegate
                fallback=|| view! { <p class="hint">{tr(|c| c.staff_have_no_homes)}</p> }
            >
                <HomePicker
                    homes
                    selected=home_ids
                    id_prefix="new-homes".to_owned()
                    error=error(AccountField::HomeIds)
                />
            </Show>
            <FormStatus submission />
            <p class="form-ok" role="status">
                {move || created.get().map(|name| i18n.t().account_created(&name))}
            </p>
            <button type="submit" class="button button--primary" disabled=move || submission.busy()>
                {move || {
                    if submission.busy() {
                        i18n.t().creating_account
                    } else {
                        i18n.t().create_account_button
                    }
                }}
            </button>
        </form>
    }
}
