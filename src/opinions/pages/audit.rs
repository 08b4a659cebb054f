//! `/staff/audit`: the append-only audit log, newest first, filtered by target (read-only).

use crate::accounts::components::staff_gate::StaffGate;
use crate::i18n::{tr, tr_with};
use crate::kit::clock::local_time;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::kit::pager::Pager;
use crate::opinions::client;
use deputy_homes_api::opinions::handling::{AuditEntry, AuditQuery, SYSTEM_ACTOR};
use deputy_homes_api::platform::apps::page_href;
use deputy_homes_api::platform::apps::Page;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The log's URL for a target and page.
fn audit_href(target: Option<&str>, page: u32) -> String {
    page_href(
        &Page::Audit.path(),
        [
            (
                "target",
                target.filter(|t| !t.is_empty()).map(str::to_owned),
            ),
            ("page", (page > 1).then(|| page.to_string())),
        ],
    )
}

/// The page.
#[component]
pub fn AuditPage() -> impl IntoView {
    use_page_title(|t| t.audit_heading);
    view! {
        <p class="back">
            <a href=Page::Account.path()>{tr(|c| c.account_heading)}</a>
        </p>
        <h1>{tr(|c| c.audit_heading)}</h1>
        <StaffGate children=Box::new(|_| view! { <AuditLog /> }.into_any()) />
    }
}

#[component]
fn AuditLog() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|p| AuditQuery {
            target: p.get("target").filter(|t| !t.is_empty()),
            actor: None,
            page: p.get("page").and_then(|n| n.parse().ok()),
        })
    });
    let log = LocalResource::new(move || client::audit_list(query.get()));
    let target = RwSignal::new(query.get_untracked().target.unwrap_or_default());
    let navigate = use_navigate();
    let search = move |ev: SubmitEvent| {
        ev.prevent_default();
        navigate(
            &audit_href(Some(target.get_untracked().trim()), 1),
            Default::default(),
        );
    };
    let page_href =
        Callback::new(move |page| audit_href(query.get_untracked().target.as_deref(), page));
    view! {
        <form class="filters" role="search" on:submit=search>
            <div class="field">
                <label for="audit-target">{tr(|c| c.audit_target_label)}</label>
                <div class="search-row">
                    <input
                        id="audit-target"
                        type="search"
                        autocomplete="off"
                        prop:value=move || target.get()
                        on:input:target=move |ev| target.set(ev.target().value())
                    />
                    <button type="submit" class="button">
                        {tr(|c| c.search_button)}
                    </button>
                </div>
            </div>
        </form>
        <Loader resource=log let:page>
            {if page.items.is_empty() {
                view! { <p>{tr(|c| c.audit_empty)}</p> }.into_any()
            } else {
                view! {
                    <p class="result-count" role="status">
                        {tr_with(|c, n| c.queue_count(n), page.total)}
                    </p>
                    <ul class="outbox audit">
                        {page
                            .items
                            .into_iter()
                            .map(|entry| view! { <AuditItem entry /> })
                            .collect_view()}
                    </ul>
                    <Pager
                        page=page.page
                        total=page.total
                        page_size=page.page_size
                        href=page_href
                    />
                }
                    .into_any()
            }}
        </Loader>
    }
}

#[component]
fn AuditItem(entry: AuditEntry) -> impl IntoView {
    let target_href = audit_href(Some(&entry.target), 1);
    // The server's own entries (housekeeping) have no account behind them.
    let actor = if entry.actor_account_id == SYSTEM_ACTOR {
        tr(|c| c.audit_actor_system).into_any()
    } else {
        entry.actor_name.into_any()
    };
    view! {
        <li class="outbox__item">
            <p class="outbox__meta">
                <span class="tag">{entry.action}</span>
                <a href=target_href>{entry.target}</a>
            </p>
            <p class="hint">{local_time(entry.at_ms)} " · " {actor}</p>
            {(!entry.details.is_empty())
                .then(|| {
                    view! {
                        <dl class="audit__details">
                            {entry
                                .details
                                .into_iter()
                                .map(|(k, v)| {
                                    view! {
                                        <div>
                                            <dt>{k}</dt>
                                            <dd>{v}</dd>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </dl>
                    }
                })}
        </li>
    }
}
