//! The form a delegate publishes activities with (a single one or a weekly series).

use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::meetings::client;
use deputy_homes_api::meetings::activity::{ActivityKind, NewActivities};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Publishes activities at one home.
#[component]
pub fn PublishActivity(
    /// The home.
    home_id: String,
    /// The session's anti-forgery token.
    csrf_token: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(ActivityKind::Reception);
    let (date, start, end) = (
        RwSignal::new(String::new()),
        RwSignal::new("09:00".to_owned()),
        RwSignal::new("11:30".to_owned()),
    );
    let (capacity, topic, weeks) = (
        RwSignal::new("10".to_owned()),
        RwSignal::new(String::new()),
        RwSignal::new("1".to_owned()),
    );
    let outcome = RwSignal::new(None::<Result<usize, String>>);
    let busy = RwSignal::new(false);
    let prefix = format!("publish-{home_id}");
    let id = move |name: &str| format!("{prefix}-{name}");
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = NewActivities {
            kind: kind.get_untracked(),
            date: date.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            capacity: capacity.get_untracked().trim().parse().unwrap_or(0),
            topic: topic.get_untracked(),
            on_duty: Vec::new(),
            repeat_weeks: weeks.get_untracked().trim().parse().unwrap_or(0),
        };
        let (home_id, csrf_token) = (home_id.clone(), csrf_token.clone());
        busy.set(true);
        spawn_local(async move {
            let result = client::activities_create(home_id, body, csrf_token).await;
            outcome.set(Some(
                result
                    .map(|list| list.len())
                    .map_err(|e| refusals::activity(&e, i18n.t())),
            ));
            busy.set(false);
        });
    };
    view! {
        <form class="form publish" on:submit=submit novalidate>
            <div class="field">
                <label for=id("kind")>{tr(|c| c.activity_kind_label)}</label>
                <select
                    id=id("kind")
                    on:change:target=move |ev| {
                        if let Some(k) = ActivityKind::from_code(&ev.target().value()) {
                            kind.set(k)
                        }
                    }
                >
                    {ActivityKind::ALL
                        .map(|k| {
                            view! {
                                <option value=k
                                    .code()>{tr_with(|c, k| (c.activity_kind)(k), k)}</option>
                            }
                        })}
                </select>
            </div>
            <div class="field">
                <label for=id("date")>{tr(|c| c.activity_date)}</label>
                <input
                    id=id("date")
                    type="date"
                    required
                    prop:value=move || date.get()
                    on:input:target=move |ev| date.set(ev.target().value())
                />
            </div>
            <div class="field-row">
                <div class="field">
                    <label for=id("start")>{tr(|c| c.activity_start)}</label>
                    <input
                        id=id("start")
                        type="time"
                        required
                        prop:value=move || start.get()
                        on:input:target=move |ev| start.set(ev.target().value())
                    />
                </div>
                <div class="field">
                    <label for=id("end")>{tr(|c| c.activity_end)}</label>
                    <input
                        id=id("end")
                        type="time"
                        required
                        prop:value=move || end.get()
                        on:input:target=move |ev| end.set(ev.target().value())
                    />
                </div>
            </div>
            <div class="field">
                <label for=id("topic")>{tr(|c| c.activity_topic)}</label>
                <input
                    id=id("topic")
                    type="text"
                    maxlength="100"
                    required
                    prop:value=move || topic.get()
                    on:input:target=move |ev| topic.set(ev.target().value())
                />
            </div>
            <div class="field-row">
                <div class="field">
                    <label for=id("capacity")>{tr(|c| c.activity_capacity)}</label>
                    <input
                        id=id("capacity")
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max="500"
                        prop:value=move || capacity.get()
                        on:input:target=move |ev| capacity.set(ev.target().value())
                    />
                </div>
                <div class="field">
                    <label for=id("weeks")>{tr(|c| c.activity_repeat)}</label>
                    <input
                        id=id("weeks")
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max="26"
                        prop:value=move || weeks.get()
                        on:input:target=move |ev| weeks.set(ev.target().value())
                    />
                </div>
            </div>
            <p
                class="form-error"
                class:form-ok=move || matches!(outcome.get(), Some(Ok(_)))
                role="status"
            >
                {move || match outcome.get() {
                    Some(Ok(n)) => (i18n.t().published)(n),
                    Some(Err(m)) => m,
                    None => String::new(),
                }}
            </p>
            <button type="submit" class="button button--primary" disabled=move || busy.get()>
                {tr(|c| c.publish_button)}
            </button>
        </form>
    }
}
