//! One account in the staff's list, with the editor of a delegate's homes.

use crate::accounts::account_rules::{home_name, refusal, AccountField};
use crate::accounts::client;
use crate::accounts::components::home_picker::HomePicker;
use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::submission::{FormStatus, Submission};
use deputy_homes_api::accounts::{Account, MobileNumber, Role};
use deputy_homes_api::{FormField, HomeSummary};
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
) -> impl IntoView {
    let i18n = use_i18n();
    let account_id = id.clone();
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
                    <span class="tag">{tr_with(|c, r| (c.role_name)(r), a.role)}</span>
                    <span>{tr_with(|c, u: String| (c.username_shown)(&u), a.username)}</span>
                    {phone
                        .map(|p| {
                            view! { <span>{tr_with(|c, p: String| (c.phone_shown)(&p), p)}</span> }
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
            </p>
        </li>
    }
}

/// Edits the homes of the delegate `id`; saving replaces the account in `accounts`.
#[component]
fn HomesEditor(
    id: String,
    accounts: RwSignal<Vec<Account>>,
    homes: Signal<Arc<Vec<HomeSummary>>>,
    csrf_token: String,
    /// Cleared when the editor closes.
    editing: RwSignal<bool>,
    /// Set when the change is saved.
    saved: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current =
        accounts.with_untracked(|l| l.iter().find(|a| a.id == id).map(|a| a.home_ids.clone()));
    let draft = RwSignal::new(current.unwrap_or_default());
    let submission = Submission::new();
    let prefix = format!("edit-{id}");
    let save = move |_| {
        let request =
            client::account_homes_set(id.clone(), draft.get_untracked(), csrf_token.clone());
        submission.send(request, move |answer| match answer {
            Ok(updated) => {
                accounts.update(|list| {
                    list.iter_mut()
                        .filter(|a| a.id == updated.id)
                        .for_each(|a| *a = updated.clone())
                });
                saved.set(true);
                editing.set(false);
            }
            Err(e) => submission.refuse_all(refusal(&e).shown(i18n.t())),
        });
    };
    let homes_error = submission.error(AccountField::HomeIds.name());
    view! {
        <div class="account-card__editor">
            <HomePicker homes selected=draft id_prefix=prefix error=homes_error />
            <FormStatus submission />
            <div class="button-row">
                <button
                    type="button"
                    class="button button--primary"
                    disabled=move || submission.busy()
                    on:click=save
                >
                    {tr(|c| c.save_homes_button)}
                </button>
                <button type="button" class="button" on:click=move |_| editing.set(false)>
                    {tr(|c| c.cancel_button)}
                </button>
            </div>
        </div>
    }
}
