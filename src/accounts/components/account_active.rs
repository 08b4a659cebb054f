//! Staff disable an account (it is signed out at once) or enable it again, after confirming.

use crate::accounts::client;
use crate::i18n::{refusals, tr, use_i18n, Text};
use crate::kit::submission::{FormStatus, Submission};
use deputy_homes_api::accounts::Account;
use leptos::prelude::*;

/// The words of one direction of the switch: the button, what it does, the confirmation and
/// the result.
struct Direction {
    button: Text,
    explained: Text,
    confirm: Text,
    done: Text,
}

/// The words for an account that is `active` now: disabling it, or else enabling it.
fn direction(active: bool) -> Direction {
    if active {
        Direction {
            button: |c| c.disable_account_button,
            explained: |c| c.disable_account_explained,
            confirm: |c| c.confirm_disable_button,
            done: |c| c.account_disabled_done,
        }
    } else {
        Direction {
            button: |c| c.enable_account_button,
            explained: |c| c.enable_account_explained,
            confirm: |c| c.confirm_enable_button,
            done: |c| c.account_enabled_done,
        }
    }
}

/// The button that disables or enables the account `id`, with its confirmation step; the
/// changed account replaces the old one in `accounts`.
#[component]
pub fn AccountActiveSwitch(
    /// The account's id.
    id: String,
    /// The accounts listed on the page.
    accounts: RwSignal<Vec<Account>>,
    /// The session's anti-forgery token.
    csrf_token: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let account_id = id.clone();
    let active = Memo::new(move |_| {
        accounts.with(|l| {
            l.iter()
                .find(|a| a.id == account_id)
                .is_none_or(|a| a.active)
        })
    });
    let words = move || direction(active.get());
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<Text>);
    let submission = Submission::new();
    let switch = move |_| {
        let was_active = active.get_untracked();
        let request = client::account_active_set(id.clone(), !was_active, csrf_token.clone());
        submission.send(request, move |answer| match answer {
            Ok(updated) => {
                accounts.update(|list| {
                    list.iter_mut()
                        .filter(|a| a.id == updated.id)
                        .for_each(|a| *a = updated.clone())
                });
                confirming.set(false);
                done.set(Some(direction(was_active).done));
            }
            Err(e) => submission.refuse((None, refusals::account_change(&e, i18n.t()).1)),
        });
    };
    let start = move |_| {
        done.set(None);
        submission.clear();
        confirming.set(true);
    };
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || {
                view! {
                    <button type="button" class="button" on:click=start>
                        {move || (words().button)(i18n.t())}
                    </button>
                }
            }
        >
            <div class="account-card__confirm">
                <p>{move || (words().explained)(i18n.t())}</p>
                <div class="button-row">
                    <button
                        type="button"
                        class="button"
                        class=("button--danger", move || active.get())
                        class=("button--primary", move || !active.get())
                        disabled=move || submission.busy()
                        on:click=switch.clone()
                    >
                        {move || (words().confirm)(i18n.t())}
                    </button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>
                        {tr(|c| c.cancel_button)}
                    </button>
                </div>
            </div>
        </Show>
        <FormStatus submission />
        <p class="form-ok" role="status">
            {move || done.get().map(|text| text(i18n.t()))}
        </p>
    }
}
