//! Staff manage accounts: the list with a search, a new account, a delegate's homes, disabling
//! and enabling, resetting a password.

use crate::accounts::account_rules::{accounts_matching, refusal, Refusal};
use crate::accounts::client;
use crate::accounts::components::account_card::AccountCard;
use crate::accounts::components::account_create::AccountCreate;
use crate::accounts::session::use_auth;
use crate::homes::client::homes_list;
use crate::i18n::{tr, use_i18n};
use crate::kit::http::ClientError;
use crate::kit::load_error::LoadError;
use crate::kit::page_title::use_page_title;
use deputy_homes_api::accounts::{Account, Role};
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The accounts page; anyone but staff is told why it shows nothing (the server refuses them too).
#[component]
pub fn StaffAccountsPage() -> impl IntoView {
    use_page_title(|t| t.staff_accounts_heading);
    let auth = use_auth();
    view! {
        <h1>{tr(|c| c.staff_accounts_heading)}</h1>
        <Show
            when=move || auth.checked.get()
            fallback=move || {
                view! {
                    <p class="loading" role="status">
                        {tr(|c| c.loading)}
                    </p>
                }
            }
        >
            {move || match auth.session.get() {
                Some(session) if session.account.role == Role::Staff => {
                    view! {
                        <StaffAccounts csrf_token=session.csrf_token own_id=session.account.id />
                    }
                        .into_any()
                }
                Some(_) => {
                    view! {
                        <p class="alert">{tr(|c| c.staff_only)}</p>
                        <p>
                            <a class="button" href=Page::Account.path()>
                                {tr(|c| c.nav_account)}
                            </a>
                        </p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p>{tr(|c| c.staff_sign_in_first)}</p>
                        <a class="button button--primary" href=Page::SignIn.path()>
                            {tr(|c| c.nav_sign_in)}
                        </a>
                    }
                        .into_any()
                }
            }}
        </Show>
    }
}

#[component]
fn StaffAccounts(csrf_token: String, own_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let register = LocalResource::new(|| homes_list(HomeFilter::default()));
    let homes = Memo::new(move |_| {
        let items = register.get().and_then(Result::ok).map(|r| r.items);
        Arc::new(items.unwrap_or_default())
    });
    let accounts = RwSignal::new(Vec::<Account>::new());
    let loaded = RwSignal::new(None::<Result<(), ClientError>>);
    let load = move || {
        loaded.set(None);
        spawn_local(async move {
            let result = client::accounts_list().await;
            loaded.set(Some(result.map(|list| accounts.set(list))));
        });
    };
    load();
    let query = RwSignal::new(String::new());
    let shown = Memo::new(move |_| accounts.with(|l| accounts_matching(l, &query.get())));
    let list_csrf = csrf_token.clone();
    let list = move || match loaded.get() {
        None => view! {
            <p class="loading" role="status">
                {tr(|c| c.loading)}
            </p>
        }
        .into_any(),
        Some(Err(e)) => match refusal(&e) {
            why @ (Refusal::SessionEnded | Refusal::NotStaff) => view! {
                <p class="alert alert--error" role="alert">
                    {move || why.message(i18n.t())}
                </p>
            }
            .into_any(),
            _ => view! { <LoadError error=e on_retry=Callback::new(move |_| load()) /> }.into_any(),
        },
        Some(Ok(())) => {
            let csrf_token = list_csrf.clone();
            let own_id = own_id.clone();
            view! {
                <p class="result-count" role="status">
                    {move || i18n.t().accounts_shown(shown.with(Vec::len), accounts.with(Vec::len))}
                </p>
                <Show when=move || shown.with(Vec::is_empty)>
                    <p>{tr(|c| c.accounts_none_match)}</p>
                </Show>
                <ul class="account-list">
                    <For each=move || shown.get() key=|a| a.id.clone() let:account>
                        <AccountCard
                            own=account.id == own_id
                            id=account.id
                            accounts
                            homes
                            csrf_token=csrf_token.clone()
                        />
                    </For>
                </ul>
            }
            .into_any()
        }
    };
    view! {
        <p class="hint">{tr(|c| c.staff_accounts_intro)}</p>
        {move || {
            register
                .get()
                .and_then(Result::err)
                .map(|_| view! { <p class="notice">{tr(|c| c.homes_unavailable)}</p> })
        }}
        <details class="disclosure">
            <summary>{tr(|c| c.create_account_heading)}</summary>
            <AccountCreate homes accounts csrf_token />
        </details>
        <h2>{tr(|c| c.accounts_list_heading)}</h2>
        <div class="field">
            <label for="accounts-search">{tr(|c| c.accounts_search_label)}</label>
            <input
                id="accounts-search"
                type="search"
                autocomplete="off"
                prop:value=move || query.get()
                on:input:target=move |ev| query.set(ev.target().value())
            />
        </div>
        {list}
    }
}
