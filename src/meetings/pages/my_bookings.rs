//! "My bookings": the bookings remembered on this phone, each with its current state (a
//! waitlisted booking shows here when it is promoted), to cancel or move with code + phone;
//! and finding a booking made on another phone.

use crate::i18n::refusals;
use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::choice_fields::SelectField;
use crate::kit::dom::focus;
use crate::kit::http::ClientError;
use crate::kit::page_title::use_page_title;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::meetings::client;
use crate::meetings::components::activity_list::ActivityWhen;
use crate::meetings::pages::book::BookingCode;
use crate::meetings::saved_bookings::{self, Saved};
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::meetings::activity::Activity;
use deputy_homes_api::meetings::booking::{normalize_code, Booking, BookingStatus, CODE_LENGTH};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The page.
#[component]
pub fn MyBookingsPage() -> impl IntoView {
    use_page_title(|t| t.my_bookings_heading);
    let list = RwSignal::new(saved_bookings::load());
    view! {
        <h1>{tr(|c| c.my_bookings_heading)}</h1>
        <p class="hint">{tr(|c| c.my_bookings_note)}</p>
        <Show when=move || list.with(Vec::is_empty)>
            <p>{tr(|c| c.my_bookings_empty)}</p>
        </Show>
        <ul class="bookings">
            <For each=move || list.get() key=|s| (s.code.clone(), s.activity_id.clone()) let(saved)>
                <SavedBooking saved list />
            </For>
        </ul>
        <FindBooking list />
    }
}

async fn load(saved: Saved) -> Result<(Booking, Activity), ClientError> {
    let booking = client::booking_get(saved.code, saved.phone).await?;
    let activity = client::activity_get(booking.activity_id.clone()).await?;
    Ok((booking, activity))
}

#[component]
fn SavedBooking(saved: Saved, list: RwSignal<Vec<Saved>>) -> impl IntoView {
    let key = saved.clone();
    let data = LocalResource::new(move || load(key.clone()));
    let code = saved.code.clone();
    let forget = Callback::new(move |()| {
        saved_bookings::forget(&code);
        list.set(saved_bookings::load());
    });
    let attribute = saved.code.clone();
    view! {
        <li class="booking card" data-booking=attribute>
            <Transition fallback=move || {
                view! { <p class="loading">{tr(|c| c.loading)}</p> }
            }>
                {move || {
                    let saved = saved.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok((booking, activity)) => {
                                view! {
                                    <BookingState
                                        booking
                                        activity
                                        saved
                                        list
                                        reload=Callback::new(move |()| data.refetch())
                                    />
                                }
                                    .into_any()
                            }
                            Err(e) if e.is_not_found() => {
                                view! {
                                    <p class="alert">{tr(|c| c.booking_missing)}</p>
                                    <p class="booking__code">{saved.code.clone()}</p>
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| forget.run(())
                                    >
                                        {tr(|c| c.forget_booking)}
                                    </button>
                                }
                                    .into_any()
                            }
                            Err(e) => {
                                let (_, message) = refusals::booking(&e, use_i18n().t());
                                view! {
                                    <p class="alert" role="alert">
                                        {message}
                                    </p>
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| data.refetch()
                                    >
                                        {tr(|c| c.retry)}
                                    </button>
                                }
                                    .into_any()
                            }
                        }
                    })
                }}
            </Transition>
        </li>
    }
}

#[component]
fn BookingState(
    booking: Booking,
    activity: Activity,
    saved: Saved,
    list: RwSignal<Vec<Saved>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = booking.status;
    let live = status != BookingStatus::Cancelled;
    let confirming = RwSignal::new(false);
    let cancelling = Submission::new();
    let cancel = {
        let saved = saved.clone();
        move |_| {
            let request = client::booking_cancel(saved.code.clone(), saved.phone.clone());
            cancelling.send(request, move |answer| match answer {
                Ok(_) => reload.run(()),
                Err(e) => cancelling.refuse((None, refusals::booking(&e, i18n.t()).1)),
            });
        }
    };
    let calendar = client::calendar_href(&activity.id, &booking.code);
    let started = activity.cancel_reason.is_some();
    view! {
        <p class="booking__status">
            <span
                class="status"
                class=("status--booked", status == BookingStatus::Booked)
                class=("status--waitlisted", status == BookingStatus::Waitlisted)
                class=("status--cancelled", status == BookingStatus::Cancelled)
            >
                {tr_with(|c, s| (c.booking_status)(s), status)}
            </span>
        </p>
        <ActivityWhen activity=activity.clone() />
        {activity
            .cancel_reason
            .clone()
            .map(|r| {
                view! {
                    <p class="activity__cancelled">
                        {tr_with(|c, r: String| (c.cancelled)(&r), r)}
                    </p>
                }
            })}
        {if live {
            view! {
                <BookingCode code=booking.code.clone() />
                <p>
                    <a class="button button--wide" href=calendar download="">
                        {tr(|c| c.add_to_calendar)}
                    </a>
                </p>
                {(!started)
                    .then(|| {
                        view! {
                            <MoveBooking saved=saved.clone() current=activity.clone() list reload />
                        }
                    })}
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="button button--wide"
                                on:click=move |_| confirming.set(true)
                            >
                                {tr(|c| c.cancel_booking)}
                            </button>
                        }
                    }
                >
                    <div class="confirm">
                        <button
                            type="button"
                            class="button button--danger"
                            disabled=move || cancelling.busy()
                            on:click=cancel.clone()
                        >
                            {tr(|c| c.confirm_cancel)}
                        </button>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| confirming.set(false)
                        >
                            {tr(|c| c.keep_booking)}
                        </button>
                    </div>
                </Show>
            }
                .into_any()
        } else {
            view! { <p class="booking__code">{booking.code.clone()}</p> }.into_any()
        }}
        <FormStatus submission=cancelling />
    }
}

/// Moving a booking to another activity at the same home.
#[component]
fn MoveBooking(
    saved: Saved,
    current: Activity,
    list: RwSignal<Vec<Saved>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let home_id = current.home_id.clone();
    let current_id = current.id.clone();
    let options = LocalResource::new(move || {
        let (home_id, current_id) = (home_id.clone(), current_id.clone());
        async move {
            if !open.get() {
                return Ok(Vec::new());
            }
            client::home_activities(home_id).await.map(|list| {
                list.into_iter()
                    .filter(|a| a.id != current_id && a.cancel_reason.is_none())
                    .collect::<Vec<_>>()
            })
        }
    });
    let target = RwSignal::new(String::new());
    let moving = Submission::new();
    let select_id = format!("move-{}", saved.code);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (saved, to) = (saved.clone(), target.get_untracked());
        if to.is_empty() {
            return;
        }
        let request = client::booking_move(saved.code.clone(), saved.phone.clone(), to.clone());
        moving.send(request, move |answer| match answer {
            Ok(_) => {
                saved_bookings::remember(Saved {
                    activity_id: to,
                    ..saved
                });
                moving.succeed();
                list.set(saved_bookings::load());
                reload.run(());
            }
            Err(e) => moving.refuse((None, refusals::booking(&e, i18n.t()).1)),
        });
    };
    view! {
        <details class="move" on:toggle:target=move |ev| open.set(ev.target().open())>
            <summary class="button button--link button--wide">{tr(|c| c.move_booking)}</summary>
            <Transition fallback=move || {
                view! { <p class="loading">{tr(|c| c.loading)}</p> }
            }>
                {move || {
                    let (submit, select_id) = (submit.clone(), select_id.clone());
                    Suspend::new(async move {
                        match options.await {
                            Ok(list) if list.is_empty() => {
                                view! { <p>{tr(|c| c.no_other_activities)}</p> }.into_any()
                            }
                            Ok(list) => {
                                if target.get_untracked().is_empty() {
                                    target.set(list[0].id.clone());
                                }
                                view! {
                                    <form class="form" on:submit=submit>
                                        <SelectField
                                            id=select_id
                                            label=|c| c.move_booking
                                            value=target
                                        >
                                            {list
                                                .into_iter()
                                                .map(|a| {
                                                    let label = format!(
                                                        "{} {}–{} {}",
                                                        a.date,
                                                        a.start,
                                                        a.end,
                                                        a.topic,
                                                    );
                                                    let full = a.seats_left == 0;
                                                    view! {
                                                        <option value=a
                                                            .id
                                                            .clone()>
                                                            {label}
                                                            {move || {
                                                                if full {
                                                                    format!(" ({})", i18n.t().join_waitlist)
                                                                } else {
                                                                    String::new()
                                                                }
                                                            }}
                                                        </option>
                                                    }
                                                })
                                                .collect_view()}
                                        </SelectField>
                                        <button
                                            type="submit"
                                            class="button button--primary"
                                            disabled=move || moving.busy()
                                        >
                                            {tr(|c| c.move_button)}
                                        </button>
                                    </form>
                                }
                                    .into_any()
                            }
                            Err(e) => {
                                view! { <p class="alert">{refusals::booking(&e, i18n.t()).1}</p> }
                                    .into_any()
                            }
                        }
                    })
                }}
            </Transition>
            <FormStatus submission=moving ok=|c| c.moved />
        </details>
    }
}

/// Finding a booking made on another phone, by code and number.
#[component]
fn FindBooking(list: RwSignal<Vec<Saved>>) -> impl IntoView {
    let i18n = use_i18n();
    let (code, phone) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let finding = Submission::new();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let typed = normalize_code(&code.get_untracked());
        if typed.chars().count() != CODE_LENGTH {
            finding.refuse((Some("code"), t.error_code_format));
            focus("find-code");
            return;
        }
        let Ok(number) = MobileNumber::parse(&phone.get_untracked()) else {
            finding.refuse((Some("phone"), t.error_phone));
            focus("find-phone");
            return;
        };
        let request = client::booking_get(typed, number.as_str().to_owned());
        finding.send(request, move |answer| match answer {
            Ok(booking) => {
                saved_bookings::remember(Saved {
                    code: booking.code,
                    phone: number.as_str().to_owned(),
                    activity_id: booking.activity_id,
                });
                list.set(saved_bookings::load());
                code.set(String::new());
            }
            Err(e) if e.is_not_found() => finding.refuse((None, i18n.t().error_booking_not_found)),
            Err(e) => finding.refuse((None, refusals::booking(&e, i18n.t()).1)),
        });
    };
    view! {
        <section class="card" aria-labelledby="find-heading">
            <h2 id="find-heading">{tr(|c| c.find_booking_heading)}</h2>
            <form class="form" on:submit=submit novalidate>
                <div class="field-row">
                    <TextField
                        id="find-code"
                        label=|c| c.booking_code_label
                        value=code
                        autocapitalize="characters"
                        error=finding.error("code")
                    />
                    <TextField
                        id="find-phone"
                        label=|c| c.book_phone
                        value=phone
                        kind="tel"
                        inputmode="numeric"
                        autocomplete="tel"
                        error=finding.error("phone")
                    />
                </div>
                <FormStatus submission=finding />
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || finding.busy()
                >
                    {tr(|c| c.find_booking_button)}
                </button>
            </form>
        </section>
    }
}
