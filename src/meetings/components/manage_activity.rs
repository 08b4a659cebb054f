//! Changing or cancelling an activity that has not started; everyone booked is told.

use crate::accounts::session::use_auth;
use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::dom::focus;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::meetings::client;
use deputy_homes_api::meetings::activity::{
    Activity, CancelActivity, EditActivity, MAX_CANCEL_REASON_CHARS, MAX_CAPACITY, MAX_TOPIC_CHARS,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Shows a refusal and moves the focus to the field it names (the inputs are `edit-<field>`).
fn refuse(form: Submission, (field, message): (Option<&'static str>, &'static str)) {
    form.refuse((field, message));
    if let Some(field) = field {
        focus(&format!("edit-{field}"));
    }
}

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
    let editing = Submission::new();
    let id = activity.id.clone();
    let kind = activity.kind;
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
            let now = web_sys::js_sys::Date::now() as i64;
            if let Err(e) = body.as_new(kind).occurrences(now) {
                refuse(editing, refusals::activity_check(&e, i18n.t()));
                return;
            }
            let request = client::activity_edit(id.clone(), body, csrf());
            editing.send(request, move |answer| match answer {
                Ok(activity) => {
                    editing.succeed();
                    changed.run(activity);
                }
                Err(e) => refuse(editing, refusals::activity(&e, i18n.t())),
            });
        }
    };
    let reason = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let cancelling = Submission::new();
    let cancel = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = CancelActivity {
            reason: reason.get_untracked(),
        };
        if let Err(e) = body.validate() {
            refuse(cancelling, refusals::activity_check(&e, i18n.t()));
            return;
        }
        if !confirming.get_untracked() {
            cancelling.clear();
            confirming.set(true);
            return;
        }
        let request = client::activity_cancel(id.clone(), body.reason, csrf());
        cancelling.send(request, move |answer| {
            match answer {
                Ok(activity) => {
                    cancelling.succeed();
                    changed.run(activity);
                }
                Err(e) => refuse(cancelling, refusals::activity(&e, i18n.t())),
            }
            confirming.set(false);
        });
    };
    view! {
        <details class="manage">
            <summary class="button button--link button--wide">
                {tr(|c| c.manage_activity_heading)}
            </summary>
            <form class="form" on:submit=save novalidate>
                <TextField
                    id="edit-date"
                    label=|c| c.activity_date
                    value=date
                    kind="date"
                    error=editing.error("date")
                />
                <div class="field-row">
                    <TextField
                        id="edit-start"
                        label=|c| c.activity_start
                        value=start
                        kind="time"
                        error=editing.error("start")
                    />
                    <TextField
                        id="edit-end"
                        label=|c| c.activity_end
                        value=end
                        kind="time"
                        error=editing.error("end")
                    />
                </div>
                <TextField
                    id="edit-topic"
                    label=|c| c.activity_topic
                    value=topic
                    max_chars=MAX_TOPIC_CHARS
                    error=editing.error("topic")
                />
                <TextField
                    id="edit-capacity"
                    label=|c| c.activity_capacity
                    value=capacity
                    kind="number"
                    inputmode="numeric"
                    min="1"
                    max=MAX_CAPACITY.to_string()
                    error=editing.error("capacity")
                />
                <FormStatus submission=editing ok=|c| c.edit_saved />
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || editing.busy()
                >
                    {tr(|c| c.edit_save)}
                </button>
            </form>
            <form class="form cancel-activity" on:submit=cancel novalidate>
                <TextField
                    id="edit-reason"
                    label=|c| c.cancel_reason_label
                    value=reason
                    max_chars=MAX_CANCEL_REASON_CHARS
                    rows=2
                    error=cancelling.error("reason")
                />
                <FormStatus submission=cancelling ok=|c| c.activity_cancelled_done />
                <button
                    type="submit"
                    class="button button--danger"
                    disabled=move || cancelling.busy()
                >
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
