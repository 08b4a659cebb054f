//! On a delegate's account page: their year in numbers, and the upcoming activities of their
//! homes with the way to each one's bookings and check-in.

use crate::i18n::{tr, tr_with};
use crate::kit::http::ClientError;
use crate::meetings::client;
use crate::meetings::components::activity_list::ActivityWhen;
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;

/// This year's activities held, people met and records written.
#[component]
pub fn YearSummaryCard(account_id: String) -> impl IntoView {
    let summary = LocalResource::new(move || client::year_summary(account_id.clone()));
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                summary
                    .await
                    .ok()
                    .map(|s| {
                        view! {
                            <section class="summary" aria-labelledby="summary-heading">
                                <h2 id="summary-heading">
                                    {tr_with(|c, y| c.summary_heading(y), s.year)}
                                </h2>
                                <dl class="summary__figures">
                                    <div>
                                        <dt>{tr(|c| c.summary_activities)}</dt>
                                        <dd data-figure="activities">{s.activities}</dd>
                                    </div>
                                    <div>
                                        <dt>{tr(|c| c.summary_people)}</dt>
                                        <dd data-figure="people_met">{s.people_met}</dd>
                                    </div>
                                    <div>
                                        <dt>{tr(|c| c.summary_records)}</dt>
                                        <dd data-figure="records">{s.records}</dd>
                                    </div>
                                </dl>
                            </section>
                        }
                    })
            })}
        </Transition>
    }
}

/// Upcoming activities of the given homes, each linking to its bookings and check-in.
#[component]
pub fn DutyActivities(home_ids: Vec<String>) -> impl IntoView {
    let activities = LocalResource::new(move || {
        let ids = home_ids.clone();
        async move {
            let mut all = Vec::new();
            for id in ids {
                all.extend(client::home_activities(id).await?);
            }
            all.sort_by_key(|a| a.starts_at_ms);
            Ok::<_, ClientError>(all)
        }
    });
    view! {
        <section aria-labelledby="duty-heading">
            <h2 id="duty-heading">{tr(|c| c.my_activities_heading)}</h2>
            <Transition fallback=move || {
                view! { <p class="loading">{tr(|c| c.loading)}</p> }
            }>
                {move || Suspend::new(async move {
                    match activities.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p>{tr(|c| c.no_activities)}</p> }.into_any()
                        }
                        Ok(list) => {
                            view! {
                                <ul class="activities">
                                    {list
                                        .into_iter()
                                        .map(|a| {
                                            let href = Page::Reception(a.id.clone()).path();
                                            let cancelled = a.cancel_reason.clone();
                                            let is_cancelled = cancelled.is_some();
                                            view! {
                                                <li class="activity" class:activity--cancelled=is_cancelled>
                                            <ActivityWhen activity=a />
                                            {cancelled.map(|r| view! { <p class="activity__cancelled">{tr_with(|c, r: String| c.cancelled(&r), r)}</p> })}
                                            <a class="button" href=href>{tr(|c| c.manage_link)}</a>
                                        </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(_) => {
                            view! { <p class="alert">{tr(|c| c.activities_unavailable)}</p> }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
