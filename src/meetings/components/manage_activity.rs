//! Changing or cancelling an activity that has not started; everyone booked is told.

use crate::accounts::session::use_auth;
use crate::i18n::{refusals, tr, use_i18n, Catalog};
use crate::meetings::client;
use deputy_homes_api::meetings::activity::{Activity, EditActivity};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The forms; `changed` receives the activity as it now is.
#[component]
pub fn ManageActivity(activity: Activity, changed: Callback<Activity>) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let csrf = move || auth.csrf_token();
    let (date, start, end) = (
        RwSignal::new(activity.date.clone()),
        RwSignal::new(activity.start.clone()),
        RwSignal::new(activity.end.clone()),
    );
    let capacity = RwSignal::new(activity.capacity.to_string());
    let topic = RwSignal::new(activity.topic.clone());
    let edited = RwSignal::new(None::<Result<(), String>>);
    let id = activity.id.clone();
    let save = {
        let id = id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let body = EditActivity {
                date: date.get_untracked(),
                start: start.get_untracked(),
                end: end.get_untracked(),
                capacity: capacity.get_untracked().trim().parse().unwrap_or(0),
                topic: topic.get_untracked(),
                on_duty: Vec::new(),
            };
            let (id, token) = (id.clone(), csrf());
            spawn_local(async move {
                match client::activity_edit(id, body, token).await {
                    Ok(activity) => {
                        edited.set(Some(Ok(())));
                        changed.run(activity);
                    }
                    Err(e) => edited.set(Some(Err(refusals::activity(&e, i18n.t())))),
                }
            });
        }
    };
    let reason = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let cancelled = RwSignal::new(None::<Result<(), String>>);
    let cancel = move |ev: SubmitEvent| {
        ev.prevent_default();
        if reason.with_untracked(|r| r.trim().is_empty()) {
            cancelled.set(Some(Err(i18n.t().error_reason.to_owned())));
            return;
        }
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        let (id, token, why) = (id.clone(), csrf(), reason.get_untracked());
        spawn_local(async move {
            match client::activity_cancel(id, why, token).await {
                Ok(activity) => {
                    cancelled.set(Some(Ok(())));
                    changed.run(activity);
                }
                Err(e) => cancelled.set(Some(Err(refusals::activity(&e, i18n.t())))),
            }
            confirming.set(false);
        });
    };
    let status = |outcome: RwSignal<Option<Result<(), String>>>,
                  ok: fn(&Catalog) -> &'static str| {
        move || match outcome.get() {
            Some(Ok(())) => ok(i18n.t()).to_owned(),
            Some(Err(m)) => m,
            None => String::new(),
        }
    };
    view! {
        <details class="manage">
            <summary class="button button--link button--wide">
                {tr(|c| c.manage_activity_heading)}
            </summary>
            <form class="form" on:submit=save novalidate>
                <div class="field">
                    <label for="edit-date">{tr(|c| c.activity_date)}</label>
                    <input
                        id="edit-date"
                        type="date"
                        prop:value=move || date.get()
                        on:input:target=move |ev| date.set(ev.target().value())
                    />
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="edit-start">{tr(|c| c.activity_start)}</label>
                        <input
                            id="edit-start"
                            type="time"
                            prop:value=move || start.get()
                            on:input:target=move |ev| start.set(ev.target().value())
                        />
                    </div>
                    <div class="field">
                        <label for="edit-end">{tr(|c| c.activity_end)}</label>
                        <input
                            id="edit-end"
                            type="time"
                            prop:value=move || end.get()
                            on:input:target=move |ev| end.set(ev.target().value())
                        />
                    </div>
                </div>
                <div class="field">
                    <label for="edit-topic">{tr(|c| c.activity_topic)}</label>
                    <input
                        id="edit-topic"
                        type="text"
                        maxlength="100"
                        prop:value=move || topic.get()
                        on:input:target=move |ev| topic.set(ev.target().value())
                    />
                </div>
                <div class="field">
                    <label for="edit-capacity">{tr(|c| c.activity_capacity)}</label>
                    <input
                        id="edit-capacity"
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max="500"
                        prop:value=move || capacity.get()
                        on:input:target=move |ev| capacity.set(ev.target().value())
                    />
                </div>
                <p
                    class="form-error"
                    class:form-ok=move || matches!(edited.get(), Some(Ok(())))
                    role="status"
                >
                    {status(edited, |c| c.edit_saved)}
                </p>
                <button type="submit" class="button button--primary">
                    {tr(|c| c.edit_save)}
                </button>
            </form>
            <form class="form cancel-activity" on:submit=cancel novalidate>
                <div class="field">
                    <label for="cancel-reason">{tr(|c| c.cancel_reason_label)}</label>
                    <textarea
                        id="cancel-reason"
                        rows="2"
                        maxlength="200"
                        prop:value=move || reason.get()
                        on:input:target=move |ev| reason.set(ev.target().value())
                    ></textarea>
                </div>
                <p
                    class="form-error"
                    class:form-ok=move || matches!(cancelled.get(), Some(Ok(())))
                    role="status"
                >
                    {status(cancelled, |c| c.activity_cancelled_done)}
                </p>
                <button type="submit" class="button button--danger">
                    {move || {
                        if confirming.get() {
                            i18n.t().confirm_cancel_activity
                        } else {
                            i18n.t().cancel_activity_button
                        }
                    }}
                </button>
            </form>
        </details>
    }
}
