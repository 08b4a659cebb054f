//! The form a delegate publishes activities with (a single one or a weekly series).

use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::kit::choice_fields::SelectField;
use crate::kit::dom::focus;
use crate::kit::submission::Submission;
use crate::kit::text_field::TextField;
use crate::meetings::client;
use deputy_homes_api::meetings::activity::{
    ActivityKind, NewActivities, MAX_CAPACITY, MAX_REPEAT_WEEKS, MAX_TOPIC_CHARS,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// Publishes activities at one home.
#[component]
pub fn PublishActivity(
    /// The home.
    home_id: String,
    /// The session's anti-forgery token.
    csrf_token: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(ActivityKind::Reception.code().to_owned());
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
    let published = RwSignal::new(None::<usize>);
    let submission = Submission::new();
    let prefix = format!("publish-{home_id}");
    let id = move |name: &str| format!("{prefix}-{name}");
    let focus_id = id.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = NewActivities {
            kind: ActivityKind::from_code(&kind.get_untracked()).unwrap_or(ActivityKind::Reception),
            date: date.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            capacity: capacity.get_untracked().trim().parse().unwrap_or(0),
            topic: topic.get_untracked(),
            on_duty: Vec::new(),
            repeat_weeks: weeks.get_untracked().trim().parse().unwrap_or(0),
        };
        let focus_id = focus_id.clone();
        let refuse = move |(field, message): (Option<&'static str>, &'static str)| {
            submission.refuse((field, message));
            if let Some(field) = field {
                focus(&focus_id(field));
            }
        };
        published.set(None);
        let now = web_sys::js_sys::Date::now() as i64;
        if let Err(e) = body.occurrences(now) {
            refuse(refusals::activity_check(&e, i18n.t()));
            return;
        }
        let request = client::activities_create(home_id.clone(), body, csrf_token.clone());
        submission.send(request, move |answer| match answer {
            Ok(list) => {
                published.set(Some(list.len()));
                submission.succeed();
            }
            Err(e) => refuse(refusals::activity(&e, i18n.t())),
        });
    };
    view! {
        <form class="form publish" on:submit=submit novalidate>
            <SelectField id=id("kind") label=|c| c.activity_kind_label value=kind>
                {ActivityKind::ALL
                    .map(|k| {
                        view! {
                            <option value=k.code()>{tr_with(|c, k| c.activity_kind(k), k)}</option>
                        }
                    })}
            </SelectField>
            <TextField
                id=id("date")
                label=|c| c.activity_date
                value=date
                kind="date"
                error=submission.error("date")
            />
            <div class="field-row">
                <TextField
                    id=id("start")
                    label=|c| c.activity_start
                    value=start
                    kind="time"
                    error=submission.error("start")
                />
                <TextField
                    id=id("end")
                    label=|c| c.activity_end
                    value=end
                    kind="time"
                    error=submission.error("end")
                />
            </div>
            <TextField
                id=id("topic")
                label=|c| c.activity_topic
                value=topic
                max_chars=MAX_TOPIC_CHARS
                error=submission.error("topic")
            />
            <div class="field-row">
                <TextField
                    id=id("capacity")
                    label=|c| c.activity_capacity
                    value=capacity
                    kind="number"
                    inputmode="numeric"
                    min="1"
                    max=MAX_CAPACITY.to_string()
                    error=submission.error("capacity")
                />
                <TextField
                    id=id("repeat_weeks")
                    label=|c| c.activity_repeat
                    value=weeks
                    kind="number"
                    inputmode="numeric"
                    min="1"
                    max=MAX_REPEAT_WEEKS.to_string()
                    error=submission.error("repeat_weeks")
                />
            </div>
            <p class="form-error" role="alert">
                {move || submission.form_error()}
            </p>
            <p class="form-ok" role="status">
                {move || published.get().map(|n| i18n.t().published(n))}
            </p>
            <button type="submit" class="button button--primary" disabled=move || submission.busy()>
                {tr(|c| c.publish_button)}
            </button>
        </form>
    }
}
