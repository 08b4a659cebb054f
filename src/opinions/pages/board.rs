//! `/board`: opinions published with their replies (公开答复), filtered by category. The server
//! sends no name, phone, place, home or photo; this page shows what it gets as text.

use crate::i18n::{tr, tr_with};
use crate::kit::clock::local_time;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::kit::pager::Pager;
use crate::opinions::client;
use deputy_homes_api::opinions::board::{PublicBoardQuery, PublicOpinion};
use deputy_homes_api::opinions::Category;
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The category chosen in the form the server drew, before the app started, kept in the URL
/// (`kit::dom::keep_typed_filter`): another category than the URL's starts at its first page,
/// as choosing it in the app does.
pub fn keep_chosen_category() {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    // Category codes are plain letters, written unencoded.
    let in_url = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("category="))
        .and_then(Category::from_code);
    crate::kit::dom::keep_typed_filter(&Page::Board.path(), "board-category", |value| {
        let chosen = value("board-category").and_then(|c| Category::from_code(&c));
        (chosen != in_url).then(|| {
            PublicBoardQuery {
                category: chosen,
                page: None,
            }
            .page_href(1)
        })
    });
}

/// The page.
#[component]
pub fn BoardPage() -> impl IntoView {
    use_page_title(|t| t.board_heading);
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|p| {
            PublicBoardQuery::from_page(p.get("category").as_deref(), p.get("page").as_deref())
        })
    });
    let list = LocalResource::new(move || client::public_opinions(query.get()));
    let navigate = use_navigate();
    let page_href = Callback::new(move |page| query.with_untracked(|q| q.page_href(page)));
    view! {
        <h1>{tr(|c| c.board_heading)}</h1>
        <p>{tr(|c| c.board_intro)}</p>
        <p class="inline-links">
            <a href=Page::Stats.path()>{tr(|c| c.stats_heading)}</a>
        </p>
        <form class="field filters" on:submit=|ev| ev.prevent_default()>
            <label for="board-category">{tr(|c| c.opinion_category)}</label>
            <select
                id="board-category"
                name="category"
                prop:value=move || query.with(|q| q.category.map(|c| c.code()).unwrap_or_default())
                on:change=move |ev| navigate(
                    &PublicBoardQuery {
                        category: Category::from_code(&event_target_value(&ev)),
                        page: None,
                    }
                        .page_href(1),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                )
            >
                <option value="">{tr(|c| c.all_categories)}</option>
                {Category::ALL
                    .map(|k| {
                        view! {
                            <option
                                value=k.code()
                                selected=move || query.with(|q| q.category == Some(k))
                            >
                                {tr_with(|c, k| c.category_name(k), k)}
                            </option>
                        }
                    })}
            </select>
            <button class="button filters__submit" type="submit">
                {tr(|c| c.show_button)}
            </button>
        </form>
        <Loader resource=list let:page>
            {if page.items.is_empty() {
                view! { <p class="result-count">{tr(|c| c.board_empty)}</p> }.into_any()
            } else {
                view! {
                    <p class="result-count" role="status">
                        {tr_with(|c, n| c.queue_count(n), page.total)}
                    </p>
                    <ul class="board">
                        {page
                            .items
                            .into_iter()
                            .map(|item| view! { <BoardItem item /> })
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

/// One published opinion and its reply.
#[component]
fn BoardItem(item: PublicOpinion) -> impl IntoView {
    let tracking = item.tracking_number.clone();
    view! {
        <li class="card board__item" data-tracking=tracking>
            <h2 class="opinion__title">{item.title}</h2>
            <p class="opinion__meta">
                <span class="booking__code">{item.tracking_number}</span>
                <span class="tag">{tr_with(|c, k| c.category_name(k), item.category)}</span>
                {item
                    .district
                    .map(|d| {
                        view! { <span class="tag">{tr_with(|c, d| (c.district_name)(d), d)}</span> }
                    })}
            </p>
            <p class="hint">
                {tr_with(
                    |c, d: String| c.opinion_submitted_at(&d),
                    local_time(item.submitted_at_ms),
                )}
            </p>
            <p class="opinion__body">{item.body}</p>
            <div class="reply">
                <h3>{tr(|c| c.reply_heading)}</h3>
                <p>
                    <strong>{tr_with(|c, k| c.reply_class_name(k), item.reply_class)}</strong>
                </p>
                {(!item.units.is_empty())
                    .then(|| {
                        view! {
                            <p class="hint">
                                {tr_with(
                                    |c, u: String| c.assigned_units(&u),
                                    item.units.join("、"),
                                )}
                            </p>
                        }
                    })}
                <p class="opinion__body">{item.reply_text}</p>
                <p class="hint">
                    {tr_with(|c, d: String| c.replied_at(&d), local_time(item.replied_at_ms))}
                </p>
            </div>
            {item.rating.map(|r| view! { <p>{tr_with(|c, r| c.rating_public(r), r)}</p> })}
        </li>
    }
}
