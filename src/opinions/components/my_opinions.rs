//! The verified phone's opinions, as "我的" and the follow-up page list them: title, tracking
//! number, status and date, each opening its status page.

use crate::i18n::{tr, tr_with};
use crate::kit::clock::local_time;
use deputy_homes_api::citizens::MyOpinion;
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;

/// The list, or a line saying there is nothing in it.
#[component]
pub fn MyOpinions(opinions: Vec<MyOpinion>) -> impl IntoView {
    if opinions.is_empty() {
        return view! { <p>{tr(|c| c.mine_opinions_empty)}</p> }.into_any();
    }
    view! {
        <ul class="mine-opinions">
            {opinions
                .into_iter()
                .map(|opinion| {
                    let status = opinion.status;
                    let number = opinion.tracking_number;
                    let href = Page::OpinionByNumber(number.clone()).path();
                    let sent = local_time(opinion.submitted_at_ms);
                    let shown = tr_with(
                        |c, (n, d): (String, String)| format!("{n} · {}", (c.date_time)(&d)),
                        (number.clone(), sent),
                    );
                    view! {
                        <li class="card" data-tracking=number>
                            <p class="opinion__title">
                                <a href=href>{opinion.title}</a>
                            </p>
                            <p class="hint">{shown}</p>
                            <p>
                                <span class="status">
                                    {tr_with(|c, s| c.opinion_status_name(s), status)}
                                </span>
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
