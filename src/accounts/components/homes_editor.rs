//! Staff change the homes a delegate belongs to, from the delegate's card in the list.

use crate::accounts::account_rules::{refusal, AccountField};
use crate::accounts::client;
use crate::accounts::components::home_picker::HomePicker;
use crate::i18n::{tr, use_i18n};
use crate::kit::submission::{FormStatus, Submission};
use deputy_homes_api::accounts::Account;
use deputy_homes_api::{FormField, HomeSummary};
use leptos::prelude::*;
use std::sync::Arc;

/// Edits the homes of the delegate `id`; saving replaces the account in `accounts`.
#[component]
pub fn HomesEditor(
    /// The delegate's account id.
    id: String,
    /// The accounts listed on the page.
    accounts: RwSignal<Vec<Account>>,
    /// Every home in the register.
    homes: Signal<Arc<Vec<HomeSummary>>>,
    /// The session's anti-forgery token.
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
