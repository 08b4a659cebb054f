//! A congress's delegates (who may vote and evaluate in its cycles): staff find delegates by
//! name, tick their accounts and save the list.

use crate::accounts::client::accounts_list;
use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::http::ClientError;
use crate::kit::loader::Loader;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::projects::office::rules::name_matches;
use crate::projects::office::{client, congress_name};
use deputy_homes_api::accounts::{Account, Role};
use deputy_homes_api::projects::CongressMembers;
use leptos::prelude::*;

/// The members of `congress`, editable.
#[component]
pub fn Members(congress: String, csrf: String) -> impl IntoView {
    let code = congress.clone();
    let loaded = LocalResource::new(move || {
        let code = code.clone();
        async move {
            let members = client::members_get(code).await?;
            let accounts = accounts_list().await?;
            Ok::<_, ClientError>((members, accounts))
        }
    });
    let ids = StoredValue::new((congress, csrf));
    view! {
        <Loader resource=loaded let:pair>
            <MembersForm
                members=pair.0
                accounts=pair.1
                congress=ids.get_value().0
                csrf=ids.get_value().1
            />
        </Loader>
    }
}

#[component]
fn MembersForm(
    members: CongressMembers,
    accounts: Vec<Account>,
    congress: String,
    csrf: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(members.account_ids);
    let saving = Submission::new();
    let delegates: Vec<Account> = accounts
        .into_iter()
        .filter(|a| a.role == Role::Delegate && a.active)
        .collect();
    let delegates = StoredValue::new(delegates);
    let search_id = format!("members-search-{congress}");
    let typed = RwSignal::new(String::new());
    let ids = StoredValue::new((congress.clone(), csrf));
    let save = move |_| {
        let (congress, csrf) = ids.get_value();
        let body = CongressMembers {
            account_ids: chosen.get_untracked(),
        };
        saving.send(
            client::members_put(congress, body, csrf),
            move |answer| match answer {
                Ok(saved) => {
                    chosen.set(saved.account_ids);
                    saving.succeed();
                }
                Err(e) => saving.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <details class="disclosure members">
            <summary>
                {move || {
                    i18n.t()
                        .project_office
                        .members_summary(&congress_name(i18n.t(), &congress), chosen.with(Vec::len))
                }}
            </summary>
            <p class="hint">{tr(|c| c.project_office.members_hint)}</p>
            <TextField
                id=search_id
                label=|c| c.project_office.members_search
                value=typed
                kind="search"
                error=Signal::derive(|| None)
            />
            <fieldset class="checks">
                <legend>{tr(|c| c.project_office.members_legend)}</legend>
                {move || {
                    let typed = typed.get();
                    let found: Vec<Account> = delegates
                        .with_value(|list| {
                            list.iter()
                                .filter(|a| name_matches(&a.display_name, &typed))
                                .cloned()
                                .collect()
                        });
                    if found.is_empty() {
                        return view! {
                            <p class="hint">{tr(|c| c.project_office.members_none_found)}</p>
                        }
                            .into_any();
                    }
                    found
                        .into_iter()
                        .map(|account| {
                            let id = account.id.clone();
                            let checked = {
                                let id = id.clone();
                                move || chosen.with(|c| c.contains(&id))
                            };
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        prop:checked=checked
                                        on:change:target=move |ev| {
                                            let on = ev.target().checked();
                                            chosen
                                                .update(|c| {
                                                    c.retain(|x| *x != id);
                                                    if on {
                                                        c.push(id.clone());
                                                    }
                                                });
                                        }
                                    />
                                    {account.display_name.clone()}
                                </label>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </fieldset>
            <FormStatus submission=saving ok=|c| c.project_office.members_saved />
            <button type="button" class="button" disabled=move || saving.busy() on:click=save>
                {tr(|c| c.project_office.members_save)}
            </button>
        </details>
    }
}
