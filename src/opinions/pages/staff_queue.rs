//! `/staff/opinions`: the staff's queue of opinions, filtered from the URL, paged, with a bulk
//! action (accept, assign, close) on the ones ticked.

use crate::accounts::components::staff_gate::StaffGate;
use crate::homes::client::homes_list;
use crate::i18n::{tr, tr_with};
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::kit::pager::Pager;
use crate::opinions::client;
use crate::opinions::components::bulk_action::BulkActionForm;
use crate::opinions::components::queue_filters::QueueFilters;
use crate::opinions::moderation_rules::{queue_href, queue_query};
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::opinions::handling::OpinionSummary;
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The page.
#[component]
pub fn StaffQueuePage() -> impl IntoView {
    use_page_title(|t| t.staff_queue_heading);
    view! {
        <p class="back">
            <a href=Page::Account.path()>{tr(|c| c.account_heading)}</a>
        </p>
        <h1>{tr(|c| c.staff_queue_heading)}</h1>
        <p>
            <a class="button" href=Page::WalkIn.path()>
                {tr(|c| c.walk_in_link)}
            </a>
        </p>
        <StaffGate children=Box::new(|csrf| view! { <StaffQueue csrf /> }.into_any()) />
    }
}

#[component]
fn StaffQueue(csrf: String) -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| queue_query(|name| p.get(name))));
    let units_res = LocalResource::new(client::units_list);
    let units = Signal::derive(move || units_res.get().and_then(Result::ok).unwrap_or_default());
    let homes_res = LocalResource::new(|| homes_list(HomeFilter::default()));
    let homes = Signal::derive(move || {
        homes_res
            .get()
            .and_then(Result::ok)
            .map(|r| r.items)
            .unwrap_or_default()
    });
    let list = LocalResource::new(move || client::staff_opinions(query.get()));
    let retry = Callback::new(move |()| list.refetch());
    let selected = RwSignal::new(Vec::<String>::new());
    let page_href = Callback::new(move |page: u32| {
        let mut q = query.get_untracked();
        q.page = Some(page);
        queue_href(&q)
    });
    let calendar = LocalResource::new(client::holidays_get);
    let missing_years = move || {
        let years = calendar.get().and_then(Result::ok)?.missing_years;
        (!years.is_empty()).then(|| {
            let list = years
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join("、");
            view! {
                <div class="notice notice--action">
                    <p>{tr_with(|c, y: String| c.holidays_queue_notice(&y), list)}</p>
                    <a class="button button--link" href=Page::Holidays.path()>
                        {tr(|c| c.holidays_heading)}
                    </a>
                </div>
            }
        })
    };
    view! {
        {missing_years}
        <QueueFilters query units homes />
        <Loader resource=list let:page>
            {if page.items.is_empty() {
                view! { <p class="result-count">{tr(|c| c.queue_empty)}</p> }.into_any()
            } else {
                view! {
                    <p class="result-count" role="status">
                        {tr_with(|c, n| c.queue_count(n), page.total)}
                    </p>
                    <ul class="queue">
                        {page
                            .items
                            .into_iter()
                            .map(|item| view! { <QueueItem item selected /> })
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
        <BulkActionForm selected units csrf on_done=retry />
    }
}

/// One line of the queue. All text is shown as text.
#[component]
fn QueueItem(item: OpinionSummary, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let tracking = item.tracking_number.clone();
    let (check_t, toggle_t) = (tracking.clone(), tracking.clone());
    let href = Page::StaffOpinion(tracking.clone()).path();
    let units: Vec<String> = item.units.iter().map(|u| u.name.clone()).collect();
    view! {
        <li
            class="queue__item card"
            class=("queue__item--overdue", item.overdue)
            data-tracking=tracking.clone()
        >
            <label class="check queue__select">
                <input
                    type="checkbox"
                    aria-label=tr_with(|c, t: String| c.select_opinion(&t), tracking.clone())
                    prop:checked=move || selected.with(|s| s.contains(&check_t))
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        selected
                            .update(|s| {
                                s.retain(|x| *x != toggle_t);
                                if on {
                                    s.push(toggle_t.clone())
                                }
                            });
                    }
                />
            </label>
            <div class="queue__body">
                <p class="queue__title">
                    <a href=href>{item.title.clone()}</a>
                </p>
                <p class="opinion__meta">
                    <span class="booking__code">{tracking.clone()}</span>
                    <span class="status status--waitlisted">
                        {tr_with(|c, s| c.opinion_status_name(s), item.status)}
                    </span>
                    <span class="tag">{tr_with(|c, k| c.category_name(k), item.category)}</span>
                    {item
                        .district
                        .map(|d| {
                            view! {
                                <span class="tag">{tr_with(|c, d| (c.district_name)(d), d)}</span>
                            }
                        })}
                </p>
                {item
                    .due_date
                    .clone()
                    .map(|d| {
                        view! { <p class="hint">{tr_with(|c, d: String| c.due_on(&d), d)}</p> }
                    })}
                {item.overdue.then(|| view! { <p class="overdue">{tr(|c| c.overdue)}</p> })}
                {item
                    .near_duplicate_of
                    .clone()
                    .map(|d| {
                        view! {
                            <p class="near-duplicate">
                                {tr_with(|c, d: String| c.near_duplicate_of(&d), d)}
                            </p>
                        }
                    })}
                {(!units.is_empty())
                    .then(|| {
                        view! {
                            <p class="hint">
                                {tr_with(|c, u: String| c.assigned_units(&u), units.join("、"))}
                            </p>
                        }
                    })}
            </div>
        </li>
    }
}
