//! The signed-in delegate's or staff member's own page: homes, duties, changing the password,
//! signing out.

use crate::accounts::client;
use crate::accounts::components::password_change::PasswordChangeForm;
use crate::accounts::session::use_auth;
use crate::homes::client::homes_list;
use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::page_title::use_page_title;
use crate::kit::submission::{FormStatus, Submission};
use crate::meetings::components::duty::{DutyActivities, YearSummaryCard};
use crate::meetings::components::publish_activity::PublishActivity;
use crate::opinions::components::delegate_opinions::DelegateOpinions;
use crate::projects::office::vote_card::DelegateProjectsCard;
use deputy_homes_api::accounts::{Role, Session};
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;

/// Shows who is signed in, their homes, and signing out.
#[component]
pub fn AccountPage() -> impl IntoView {
    use_page_title(|t| t.account_heading);
    let auth = use_auth();
    view! {
        <h1>{tr(|c| c.account_heading)}</h1>
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
                Some(session) => view! { <AccountDetails session /> }.into_any(),
                None => {
                    view! {
                        <p>{tr(|c| c.signed_out)}</p>
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
fn AccountDetails(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let account = session.account;
    let csrf = session.csrf_token;
    let publish_csrf = csrf.clone();
    let role = account.role;
    let home_ids = account.home_ids.clone();
    let homes = LocalResource::new(|| homes_list(HomeFilter::default()));
    let signing_out = Submission::new();
    // A home's name in the current language, once the register has loaded (its id until then).
    let home_name = move |id: &str| {
        let found = homes
            .get()
            .and_then(|r| r.ok())
            .and_then(|r| r.items.into_iter().find(|h| h.id == id));
        match found {
            Some(h) if i18n.lang().names_in_chinese() => h.name_zh,
            Some(h) => h.name_en,
            None => id.to_owned(),
        }
    };
    let publish_forms = (role == Role::Delegate).then(|| {
        home_ids
            .iter()
            .cloned()
            .map(|id| {
                let heading = id.clone();
                view! {
                    <section class="publish-section">
                        <h2>{move || i18n.t().publish_heading(&home_name(&heading))}</h2>
                        <PublishActivity home_id=id csrf_token=publish_csrf.clone() />
                    </section>
                }
            })
            .collect_view()
    });
    let sign_out = move |_| {
        signing_out.send(
            client::session_delete(csrf.clone()),
            move |answer| match answer {
                Ok(()) => auth.session.set(None),
                Err(_) => signing_out.refuse((None, i18n.t().error_network)),
            },
        );
    };
    view! {
        <p class="account-name">
            {tr_with(|c, a: String| c.signed_in_as(&a), account.display_name.clone())}
        </p>
        <p>
            <span class="tag">{tr_with(|c, r| c.role_name(r), role)}</span>
        </p>
        {account.demo.then(|| view! { <p class="notice">{tr(|c| c.demo_account_notice)}</p> })}
        {(role == Role::Delegate).then(|| view! { <DelegateProjectsCard /> })}
        {(role == Role::Staff)
            .then(|| {
                view! {
                    <p>
                        <a class="button" href=Page::Queue.path()>
                            {tr(|c| c.staff_queue_link)}
                        </a>
                    </p>
                    <p>
                        <a class="button" href=Page::Stats.path()>
                            {tr(|c| c.stats_heading)}
                        </a>
                    </p>
                    <p>
                        <a class="button" href=Page::Audit.path()>
                            {tr(|c| c.audit_heading)}
                        </a>
                    </p>
                    <p>
                        <a class="button" href=Page::StaffAccounts.path()>
                            {tr(|c| c.staff_accounts_link)}
                        </a>
                    </p>
                    <p>
                        <a class="button" href=Page::Units.path()>
                            {tr(|c| c.units_heading)}
                        </a>
                    </p>
                    <p>
                        <a class="button" href=Page::Holidays.path()>
                            {tr(|c| c.holidays_heading)}
                        </a>
                    </p>
                    <p>
                        <a class="button" href=Page::Outbox.path()>
                            {tr(|c| c.outbox_link)}
                        </a>
                    </p>
                    <p>
                        <a class="button" href=Page::StaffProjects.path()>
                            {tr(|c| c.project_office.staff_heading)}
                        </a>
                    </p>
                }
            })}
        <h2>{tr(|c| c.account_homes)}</h2>
        {if home_ids.is_empty() {
            view! { <p>{tr(|c| c.account_no_homes)}</p> }.into_any()
        } else {
            view! {
                <ul class="link-list">
                    {home_ids
                        .iter()
                        .cloned()
                        .map(|id| {
                            let href = Page::Home(id.clone()).path();
                            view! {
                                <li>
                                    <a href=href>{move || home_name(&id)}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
        {(role == Role::Delegate)
            .then(|| view! { <YearSummaryCard account_id=account.id.clone() /> })}
        {(role == Role::Delegate).then(|| view! { <DelegateOpinions /> })}
        {(!home_ids.is_empty()).then(|| view! { <DutyActivities home_ids=home_ids.clone() /> })}
        {publish_forms}
        <details class="disclosure">
            <summary>{tr(|c| c.password_change_heading)}</summary>
            <PasswordChangeForm present_label=|c| c.present_password_label />
        </details>
        <FormStatus submission=signing_out />
        <button type="button" class="button" on:click=sign_out disabled=move || signing_out.busy()>
            {tr(|c| c.sign_out)}
        </button>
    }
}
