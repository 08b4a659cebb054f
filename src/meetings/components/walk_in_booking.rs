//! Staff book a seat for a citizen who came to the home in person: no text code, consent taken
//! there and then. The booking code is read out or written down for them.

use crate::accounts::session::use_auth;
use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::choice_fields::CheckField;
use crate::kit::dom::focus;
use crate::kit::submission::{new_key, FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::meetings::client;
use deputy_homes_api::meetings::booking::{NewBooking, MAX_NAME_CHARS, MAX_TOPIC_CHARS};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The form, folded until opened; `booked` runs after each booking (the roster reloads).
#[component]
pub fn WalkInBooking(activity_id: String, booked: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let (name, phone, topic) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let consent = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let submission = Submission::new();
    let key = StoredValue::new(new_key());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        let body = NewBooking {
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            topic: topic.get_untracked(),
            access_needs: Vec::new(),
            consent: consent.get_untracked(),
        };
        if let Err(e) = body.validate() {
            let (field, message) = refusals::booking_check(&e, i18n.t());
            submission.refuse((field, message));
            focus(&format!("walk-in-{}", field.unwrap_or("consent")));
            return;
        }
        let request = client::walk_in_booking_create(
            activity_id.clone(),
            body,
            key.get_value(),
            auth.csrf_token(),
        );
        submission.send(request, move |answer| match answer {
            Ok(booking) => {
                done.set(Some(format!("{} {}", booking.name, booking.code)));
                for field in [name, phone, topic] {
                    field.set(String::new());
                }
                consent.set(false);
                key.set_value(new_key());
                booked.run(());
            }
            Err(e) => {
                let (field, message) = refusals::booking(&e, i18n.t());
                submission.refuse((field, message));
                if let Some(field) = field {
                    focus(&format!("walk-in-{field}"));
                }
            }
        });
    };
    view! {
        <details class="card walk-in">
            <summary class="button button--link button--wide">
                {tr(|c| c.walk_in_booking_heading)}
            </summary>
            <p class="hint">{tr(|c| c.walk_in_booking_intro)}</p>
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id="walk-in-name"
                    label=|c| c.book_name
                    value=name
                    error=submission.error("name")
                    max_chars=MAX_NAME_CHARS
                />
                <TextField
                    id="walk-in-phone"
                    label=|c| c.book_phone
                    value=phone
                    error=submission.error("phone")
                    kind="tel"
                    inputmode="numeric"
                />
                <TextField
                    id="walk-in-topic"
                    label=|c| c.book_topic
                    value=topic
                    error=submission.error("topic")
                    max_chars=MAX_TOPIC_CHARS
                    rows=2
                />
                <CheckField
                    id="walk-in-consent"
                    label=|c| c.walk_in_consent
                    checked=consent
                    error=submission.error("consent")
                    consent=true
                />
                <FormStatus submission />
                <p class="form-ok" role="status">
                    {move || done.get().map(|d| i18n.t().walk_in_booked(&d))}
                </p>
                <button
                    type="submit"
                    class="button button--primary button--wide"
                    disabled=move || submission.busy()
                >
                    {tr(|c| c.book_submit)}
                </button>
            </form>
        </details>
    }
}
