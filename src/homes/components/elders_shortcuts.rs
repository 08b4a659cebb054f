//! Elders' mode's first screen: the three things people come for, as the biggest buttons —
//! call the nearest home, book a meeting, send an opinion.

use crate::homes::client;
use crate::i18n::{tr, use_i18n, Lang};
use crate::kit::elders::use_elders;
use crate::kit::geolocation::{request_position, Located};
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::Home;
use leptos::prelude::*;

/// The nearest home to `located`, with its phone, once the position is known.
async fn nearest(located: Located) -> Option<Home> {
    let Located::Found(point) = located else {
        return None;
    };
    let filter = HomeFilter {
        near: Some(point),
        ..HomeFilter::default()
    };
    let first = client::homes_list(filter)
        .await
        .ok()?
        .items
        .into_iter()
        .next()?;
    client::home_get(first.id).await.ok()
}

/// Shown at the top of the home page in elders' mode only.
#[component]
pub fn EldersShortcuts() -> impl IntoView {
    let elders = use_elders();
    view! {
        <Show when=move || elders.on()>
            <nav class="elders-tasks" aria-label=tr(|c| c.elders_tasks_label)>
                <CallNearest />
                <a class="button button--primary elders-task" href=Page::Activities.path()>
                    {tr(|c| c.elders_book)}
                </a>
                <a class="button button--primary elders-task" href=Page::NewOpinion.path()>
                    {tr(|c| c.elders_opinion)}
                </a>
            </nav>
        </Show>
    }
}

/// Asks for the position on the first tap; then the button calls the nearest home.
#[component]
fn CallNearest() -> impl IntoView {
    let i18n = use_i18n();
    let located = expect_context::<RwSignal<Located>>();
    let home = LocalResource::new(move || nearest(located.get()));
    let failed = move || {
        matches!(
            located.get(),
            Located::Denied | Located::Unavailable | Located::TimedOut | Located::Unsupported
        )
    };
    let ask = move || {
        view! {
            <button
                type="button"
                class="button button--primary elders-task"
                disabled=move || located.get() == Located::Locating
                on:click=move |_| request_position(located)
            >
                {move || {
                    if located.get() == Located::Locating {
                        i18n.t().locating
                    } else {
                        i18n.t().call_nearest
                    }
                }}
            </button>
        }
    };
    view! {
        {move || match home.get().flatten() {
            Some(h) => {
                let tel = format!("tel:{}", h.phone.replace('-', ""));
                let name = if i18n.lang() == Lang::Zh { h.name_zh } else { h.name_en };
                view! {
                    <a class="button button--primary elders-task" href=tel>
                        {i18n.t().call_nearest_home(&name, &h.phone)}
                    </a>
                }
                    .into_any()
            }
            None => ask().into_any(),
        }}
        <Show when=failed>
            <p class="alert" role="alert">
                {tr(|c| c.call_nearest_failed)}
            </p>
        </Show>
    }
}
