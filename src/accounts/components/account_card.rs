//! One account in the staff's list, with the editor of a delegate's homes and, on others'
//! accounts, disabling and resetting the password.

use crate::accounts::account_rules::home_name;
use crate::accounts::components::account_active::AccountActiveSwitch;
use crate::accounts::components::homes_editor::HomesEditor;
use crate::accounts::components::password_reset::PasswordResetForm;
use crate::i18n::{tr, tr_with, use_i18n};
use deputy_homes_api::accounts::{Account, MobileNumber, Role};
use deputy_homes_api::HomeSummary;
use leptos::prelude::*;
use std::sync::Arc;

/// The phone as the list shows it: masked, like everywhere but the owner's own page.
fn masked(phone: &str) -> String {
    MobileNumber::parse(phone)
        .map(|m| m.masked())
        .unwrap_or_else(|_| phone.to_owned())
}

/// Shows the account `id` of `accounts`; staff change a delegate's homes here.
#[component]
pub fn AccountCard(
    /// The account's id.
    id: String,
    /// The accounts listed on the page; a saved change replaces the account in it.
    accounts: RwSignal<Vec<Account>>,
    /// Every home in the register.
    #[prop(into)]
    homes: Signal<Arc<Vec<HomeSummary>>>,
    /// The session's anti-forgery token.
    csrf_token: String,
    /// Whether it is the signed-in staff member's own account (which they cannot disable or
    /// reset here).
    own: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let account_id = id.clone();
    let others = (!own).then(|| {
        view! {
            <div class="account-card__actions">
                <AccountActiveSwitch id=id.clone() accounts csrf_token=csrf_token.clone() />
                <PasswordResetForm id=id.clone() csrf_token=csrf_token.clone() />
            </div>
        }
    });
    let account = Memo::new(move |_| accounts.with(|l| l.iter().find(|a| a.id == id).cloned()));
    let editing = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let home_list = move |home_ids: Vec<String>| {
        let items = home_ids.into_iter().map(|id| {
            view! { <li>{move || home_name(&homes.get(), &id, i18n.lang())}</li> }
        });
        view! { <ul class="account-card__homes">{items.collect_view()}</ul> }
    };
    let details = move || {
        account.get().map(|a| {
            let phone = a.phone.as_deref().map(masked);
            let delegate = a.role == Role::Delegate;
            view! {
                <p class="account-card__name">{a.display_name}</p>
                <p class="account-card__meta">
                    <span class="tag">{tr_with(|c, r| c.role_name(r), a.role)}</span>
                    {(!a.active)
                        .then(|| {
                            view! {
                                <span class="tag tag--disabled">
                                    {tr(|c| c.account_disabled_tag)}
                                </span>
                            }
                        })}
                    <span>{tr_with(|c, u: String| c.username_shown(&u), a.username)}</span>
                    {phone
                        .map(|p| {
                            view! { <span>{tr_with(|c, p: String| c.phone_shown(&p), p)}</span> }
                        })}
                </p>
                {(delegate && a.home_ids.is_empty())
                    .then(|| view! { <p>{tr(|c| c.account_no_homes)}</p> })}
                {(delegate && !a.home_ids.is_empty()).then(|| home_list(a.home_ids))}
            }
        })
    };
    let is_delegate =
        move || account.with(|a| a.as_ref().is_some_and(|a| a.role == Role::Delegate));
    let start = move |_| {
        saved.set(false);
        editing.set(true);
    };
    view! {
        <li class="account-card">
            {details} <Show when=move || is_delegate() && !editing.get()>
                <button type="button" class="button" on:click=start>
                    {tr(|c| c.edit_homes_button)}
                </button>
            </Show> <Show when=move || editing.get()>
                <HomesEditor
                    id=account_id.clone()
                    accounts
                    homes
                    csrf_token=csrf_token.clone()
                    editing
                    saved
                />
            </Show> <p class="form-error form-ok" role="status">
                {move || saved.get().then(|| i18n.t().homes_saved)}
            </p> {others}
        </li>
    }
}
