//! A home's upcoming activities, with the delegates on duty.

use crate::i18n::{tr, tr_with, use_i18n};
use crate::meetings::client;
use deputy_homes_api::meetings::activity::{weekday_of, Activity};
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;

/// Loads and lists the home's upcoming activities.
#[component]
pub fn ActivityList(
    /// The home.
    home_id: String,
) -> impl IntoView {
    let activities = LocalResource::new(move || client::home_activities(home_id.clone()));
    view! {
        <section aria-labelledby="activities-heading">
            <h2 id="activities-heading">{tr(|c| c.activities_heading)}</h2>
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
                                        .map(|a| view! { <ActivityItem activity=a /> })
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

/// When, what and who of an activity (shared by the lists and the booking page).
#[component]
pub fn ActivityWhen(activity: Activity) -> impl IntoView {
    let i18n = use_i18n();
    let weekday = weekday_of(&activity.date);
    let (date, start, end) = (
        activity.date.clone(),
        activity.start.clone(),
        activity.end.clone(),
    );
    let when = move || {
        let t = i18n.t();
        format!(
            "{} {}–{}",
            (t.date)(&date),
            (t.clock)(&start),
            (t.clock)(&end)
        )
    };
    let names = activity
        .on_duty
        .iter()
        .map(|d| d.display_name.clone())
        .collect::<Vec<_>>()
        .join("、");
    view! {
        <p class="activity__when">{when} " " {move || weekday.map(|w| i18n.t().weekdays()[w])}</p>
        <p class="activity__what">
            <span class="tag">{tr_with(|c, k| c.activity_kind(k), activity.kind)}</span>
            " "
            {activity.topic.clone()}
        </p>
        {(!activity.home_name.is_empty())
            .then(|| view! { <p class="activity__home">{activity.home_name.clone()}</p> })}
        {(!names.is_empty())
            .then(|| view! { <p>{tr_with(|c, n: String| c.on_duty(&n), names)}</p> })}
    }
}

/// One activity in a list: seats left and the way to book, or why it is cancelled.
#[component]
pub fn ActivityItem(
    activity: Activity,
    /// Whether to name the home (lists of several homes do).
    #[prop(optional)]
    with_home: bool,
) -> impl IntoView {
    let cancelled = activity.cancel_reason.clone();
    let is_cancelled = cancelled.is_some();
    let seats = activity.seats_left;
    let book_href = Page::Book(activity.id.clone()).path();
    let mut shown = activity.clone();
    if !with_home {
        shown.home_name.clear();
    }
    view! {
        <li class="activity" class:activity--cancelled=is_cancelled>
            <ActivityWhen activity=shown />
            {match cancelled {
                Some(reason) => view! { <p class="activity__cancelled">{tr_with(|c, r: String| c.cancelled(&r), reason)}</p> }.into_any(),
                None => view! {
                    <div class="activity__book">
                        <span class="hint">
                            {if seats > 0 { tr_with(|c, n| c.seats_left(n), seats).into_any() } else { tr(|c| c.activity_full).into_any() }}
                        </span>
                        <a class="button button--primary" href=book_href>
                            {if seats > 0 { tr(|c| c.book_button).into_any() } else { tr(|c| c.join_waitlist).into_any() }}
                        </a>
                    </div>
                }.into_any(),
            }}
        </li>
    }
}
