//! A citizen books a seat at an activity: name, mobile, topic, help needed and consent; the
//! answer is a booking code with its QR code and a calendar file, remembered on this phone.

use crate::citizens::components::verify_phone::{Verification, VerifyPhone};
use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::kit::choice_fields::CheckField;
use crate::kit::dom::{focus, scroll_to_top};
use crate::kit::elders::ReadAloud;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::kit::submission::{new_key, FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::meetings::client;
use crate::meetings::components::activity_list::ActivityWhen;
use crate::meetings::saved_bookings::{self, Saved};
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::meetings::activity::Activity;
use deputy_homes_api::meetings::booking::{
    AccessNeed, Booking, BookingStatus, NewBooking, MAX_NAME_CHARS, MAX_TOPIC_CHARS,
};
use deputy_homes_api::platform::apps::Page;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The booking page of the activity in the URL.
#[component]
pub fn BookPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let activity = LocalResource::new(move || client::activity_get(id.get()));
    let not_found = || {
        view! {
            <p class="alert" role="alert">
                {tr(|c| c.activity_not_found)}
            </p>
        }
    };
    use_page_title(|t| t.book_heading);
    view! {
        <h1>{tr(|c| c.book_heading)}</h1>
        <Loader resource=activity not_found let:activity>
            <BookActivity activity />
        </Loader>
    }
}

#[component]
fn BookActivity(activity: Activity) -> impl IntoView {
    let done = RwSignal::new(None::<Booking>);
    let home_href = Page::Home(activity.home_id.clone()).path();
    let open = activity.cancel_reason.is_none();
    let shown = activity.clone();
    let seats = activity.seats_left;
    view! {
        <div class="card" data-read="">
            <ActivityWhen activity=shown />
            {move || {
                (open && seats > 0 && done.with(Option::is_none))
                    .then(|| {
                        view! { <p class="hint">{tr_with(|c, n| c.seats_left(n), seats)}</p> }
                    })
            }}
            <p class="back">
                <a href=home_href>{tr(|c| c.view_home)}</a>
            </p>
        </div>
        <ReadAloud />
        {move || match done.get() {
            Some(booking) => view! { <BookingDone booking /> }.into_any(),
            None if open => view! { <BookForm activity=activity.clone() done /> }.into_any(),
            None => view! { <p class="alert">{tr(|c| c.error_activity_cancelled)}</p> }.into_any(),
        }}
    }
}

#[component]
fn BookForm(activity: Activity, done: RwSignal<Option<Booking>>) -> impl IntoView {
    let i18n = use_i18n();
    let verification = Verification::new("book");
    let phone = verification.phone;
    let (name, topic) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let needs = RwSignal::new(Vec::<AccessNeed>::new());
    let consent = RwSignal::new(false);
    let submission = Submission::new();
    // One key per filled-in form: sending it again after a lost answer gives the same booking.
    let key = StoredValue::new(new_key());
    let field_error = move |field: &'static str| move || submission.field_error(field);
    let full = activity.seats_left == 0;
    let activity_id = activity.id.clone();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = NewBooking {
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            topic: topic.get_untracked(),
            access_needs: needs.get_untracked(),
            consent: consent.get_untracked(),
        };
        let t = i18n.t();
        if let Err(e) = body.validate() {
            let (field, message) = refusals::booking_check(&e, t);
            submission.refuse((field, message));
            focus(&format!("book-{}", field.unwrap_or("consent")));
            return;
        }
        let stored_phone = MobileNumber::parse(&body.phone)
            .map(|m| m.as_str().to_owned())
            .unwrap_or_default();
        let activity_id = activity_id.clone();
        // The booking goes once the phone is verified: at once, or after its code is checked.
        submission.clear();
        verification.then(move || {
            let request = client::booking_create(
                activity_id.clone(),
                body,
                key.get_value(),
                verification.csrf_token(),
            );
            submission.send(request, move |answer| match answer {
                Ok(booking) => {
                    saved_bookings::remember(Saved {
                        code: booking.code.clone(),
                        phone: stored_phone,
                        activity_id,
                    });
                    done.set(Some(booking));
                    scroll_to_top();
                }
                Err(e) if refusals::verification_ended(&e) => verification.ended(),
                Err(e) => {
                    let (field, message) = refusals::booking(&e, i18n.t());
                    submission.refuse((field, message));
                    if let Some(field) = field {
                        focus(&format!("book-{field}"));
                    }
                }
            });
        });
    };
    view! {
        <p>{tr(|c| c.book_intro)}</p>
        {full.then(|| view! { <p class="alert">{tr(|c| c.activity_full)}</p> })}
        <form class="form" on:submit=submit novalidate>
            <TextField
                id="book-name"
                label=|c| c.book_name
                value=name
                error=field_error("name")
                autocomplete="name"
                max_chars=MAX_NAME_CHARS
            />
            <VerifyPhone
                verification
                label=|c| c.book_phone
                hint=|c| c.book_phone_hint
                error=field_error("phone")
            />
            <TextField
                id="book-topic"
                label=|c| c.book_topic
                value=topic
                error=field_error("topic")
                max_chars=MAX_TOPIC_CHARS
                count=true
                rows=3
            />
            <fieldset class="field checks">
                <legend>{tr(|c| c.access_needs_label)}</legend>
                {AccessNeed::ALL
                    .map(|need| {
                        let id = format!("book-need-{}", need.code());
                        let for_id = id.clone();
                        view! {
                            <label class="check" for=for_id>
                                <input
                                    id=id
                                    type="checkbox"
                                    value=need.code()
                                    prop:checked=move || needs.with(|n| n.contains(&need))
                                    on:change:target=move |ev| {
                                        let on = ev.target().checked();
                                        needs
                                            .update(|n| {
                                                n.retain(|x| *x != need);
                                                if on {
                                                    n.push(need)
                                                }
                                            });
                                    }
                                />
                                <span>{tr_with(|c, n| c.access_need(n), need)}</span>
                            </label>
                        }
                    })}
            </fieldset>
            <CheckField
                id="book-consent"
                label=|c| c.consent_text
                checked=consent
                error=submission.error("consent")
                consent=true
            />
            <FormStatus submission />
            <button
                type="submit"
                class="button button--primary button--wide"
                disabled=move || submission.busy() || verification.submission.busy()
            >
                {move || {
                    if submission.busy() || verification.submission.busy() {
                        i18n.t().submitting
                    } else if full {
                        i18n.t().join_waitlist
                    } else {
                        i18n.t().book_submit
                    }
                }}
            </button>
        </form>
    }
}

/// The booking code, its QR code, the calendar file, and what happens next.
#[component]
pub fn BookingDone(booking: Booking) -> impl IntoView {
    let waitlisted = booking.status == BookingStatus::Waitlisted;
    let code = booking.code.clone();
    view! {
        <section class="booking-done" aria-labelledby="booking-done-heading" tabindex="-1">
            <h2 id="booking-done-heading">
                {move || {
                    if waitlisted {
                        tr(|c| c.waitlisted_heading)()
                    } else {
                        tr(|c| c.booked_heading)()
                    }
                }}
            </h2>
            {waitlisted.then(|| view! { <p>{tr(|c| c.waitlisted_note)}</p> })}
            <BookingCode code=code.clone() />
            <p>
                <a
                    class="button button--wide"
                    href=client::calendar_href(&booking.activity_id, &code)
                    download=""
                >
                    {tr(|c| c.add_to_calendar)}
                </a>
            </p>
            <p class="hint">{tr(|c| c.show_at_door)}</p>
            <p>
                <a class="button button--link button--wide" href=Page::MyBookings.path()>
                    {tr(|c| c.nav_my_bookings)}
                </a>
            </p>
        </section>
    }
}

/// A booking code in large letters with its QR code.
#[component]
pub fn BookingCode(code: String) -> impl IntoView {
    let alt = code.clone();
    view! {
        <div class="booking-code">
            <p class="booking-code__label">{tr(|c| c.booking_code_label)}</p>
            <p class="booking-code__value" data-code=code.clone()>
                {code.clone()}
            </p>
            <img
                class="booking-code__qr"
                src=client::booking_qr_src(&code)
                width="200"
                height="200"
                alt=tr_with(|c, a: String| c.qr_alt(&a), alt)
            />
        </div>
    }
}
