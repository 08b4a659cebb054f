//! "我的": everything held for the verified phone of this browser, on any device: its bookings,
//! each with its current state (a waitlisted booking shows here when it is promoted), to cancel
//! or move, and its opinions with their status. Without a verified phone, the page verifies one
//! and shows the bookings remembered on this device (a cache: codes for the door).

use crate::citizens::client as citizens_client;
use crate::citizens::components::verify_phone::VerifyPhoneForm;
use crate::citizens::session::use_citizen;
use crate::i18n::refusals;
use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::choice_fields::SelectField;
use crate::kit::page_title::use_page_title;
use crate::kit::submission::{FormStatus, Submission};
use crate::meetings::client;
use crate::meetings::components::activity_list::ActivityWhen;
use crate::meetings::pages::book::BookingCode;
use crate::meetings::saved_bookings::{self, Saved};
use crate::opinions::components::my_opinions::MyOpinions;
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::citizens::Mine;
use deputy_homes_api::meetings::activity::Activity;
use deputy_homes_api::meetings::booking::{Booking, BookingStatus};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The page.
#[component]
pub fn MyBookingsPage() -> impl IntoView {
    use_page_title(|t| t.my_bookings_heading);
    let citizen = use_citizen();
    view! {
        <h1>{tr(|c| c.my_bookings_heading)}</h1>
        {move || match citizen.phone() {
            Some(phone) => view! { <MineOfPhone phone /> }.into_any(),
            None if !citizen.checked.get() => {
                view! { <p class="loading">{tr(|c| c.loading)}</p> }.into_any()
            }
            None => {
                view! {
                    <p>{tr(|c| c.mine_intro)}</p>
                    <VerifyPhoneForm prefix="mine" />
                    <DeviceBookings />
                }
                    .into_any()
            }
        }}
    }
}

/// The verified phone's bookings and opinions, and "退出".
#[component]
fn MineOfPhone(phone: String) -> impl IntoView {
    let i18n = use_i18n();
    let citizen = use_citizen();
    let mine = LocalResource::new(citizens_client::mine);
    let reload = Callback::new(move |()| mine.refetch());
    let leaving = Submission::new();
    let leave = move |_| {
        let request = citizens_client::session_delete(citizen.csrf_token());
        leaving.send(request, move |answer| match answer {
            Ok(()) => citizen.forget(),
            Err(e) if refusals::verification_ended(&e) => citizen.forget(),
            Err(e) => leaving.refuse((None, refusals::booking(&e, i18n.t()).1)),
        });
    };
    let masked = MobileNumber::parse(&phone)
        .map(|m| m.masked())
        .unwrap_or_default();
    view! {
        <div class="card mine-phone">
            <p>{tr_with(|c, m: String| c.mine_phone(&m), masked)}</p>
            <button type="button" class="button" disabled=move || leaving.busy() on:click=leave>
                {tr(|c| c.mine_sign_out)}
            </button>
            <FormStatus submission=leaving />
        </div>
        <Transition fallback=move || {
            view! { <p class="loading">{tr(|c| c.loading)}</p> }
        }>
            {move || Suspend::new(async move {
                match mine.await {
                    Ok(mine) => view! { <MineLists mine reload /> }.into_any(),
                    Err(e) if refusals::verification_ended(&e) => {
                        citizen.forget();
                        ().into_any()
                    }
                    Err(e) => {
                        let (_, message) = refusals::booking(&e, i18n.t());
                        view! {
                            <p class="alert" role="alert">
                                {message}
                            </p>
                            <button type="button" class="button" on:click=move |_| mine.refetch()>
                                {tr(|c| c.retry)}
                            </button>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn MineLists(mine: Mine, reload: Callback<()>) -> impl IntoView {
    let no_bookings = mine.bookings.is_empty();
    view! {
        <section aria-labelledby="mine-bookings">
            <h2 id="mine-bookings">{tr(|c| c.mine_bookings_heading)}</h2>
            {no_bookings.then(|| view! { <p>{tr(|c| c.my_bookings_empty)}</p> })}
            <ul class="bookings">
                {mine
                    .bookings
                    .into_iter()
                    .map(|mine| {
                        let code = mine.booking.code.clone();
                        view! {
                            <li class="booking card" data-booking=code>
                                <BookingState booking=mine.booking activity=mine.activity reload />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="mine-opinions">
            <h2 id="mine-opinions">{tr(|c| c.mine_opinions_heading)}</h2>
            <MyOpinions opinions=mine.opinions />
        </section>
    }
}

/// The bookings remembered on this device, shown without a verified phone: the activity and the
/// code for the door; their state and changes need the phone verified.
#[component]
fn DeviceBookings() -> impl IntoView {
    let list = RwSignal::new(saved_bookings::load());
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <section aria-labelledby="device-bookings">
                <h2 id="device-bookings">{tr(|c| c.mine_device_heading)}</h2>
                <p class="hint">{tr(|c| c.mine_device_note)}</p>
                <ul class="bookings">
                    <For
                        each=move || list.get()
                        key=|s| (s.code.clone(), s.activity_id.clone())
                        let(saved)
                    >
                        <DeviceBooking saved list />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn DeviceBooking(saved: Saved, list: RwSignal<Vec<Saved>>) -> impl IntoView {
    let activity_id = saved.activity_id.clone();
    let activity = LocalResource::new(move || client::activity_get(activity_id.clone()));
    let code = saved.code.clone();
    let forget = move |_| {
        saved_bookings::forget(&code);
        list.set(saved_bookings::load());
    };
    view! {
        <li class="booking card" data-booking=saved.code.clone()>
            <Transition fallback=move || {
                view! { <p class="loading">{tr(|c| c.loading)}</p> }
            }>
                {move || Suspend::new(async move {
                    activity.await.ok().map(|activity| view! { <ActivityWhen activity /> })
                })}
            </Transition>
            <BookingCode code=saved.code.clone() />
            <button type="button" class="button" on:click=forget>
                {tr(|c| c.forget_booking)}
            </button>
        </li>
    }
}

#[component]
fn BookingState(booking: Booking, activity: Activity, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let citizen = use_citizen();
    let status = booking.status;
    let live = status != BookingStatus::Cancelled;
    let confirming = RwSignal::new(false);
    let cancelling = Submission::new();
    let cancel = {
        let code = booking.code.clone();
        move |_| {
            let request = client::booking_cancel(code.clone(), citizen.csrf_token());
            cancelling.send(request, move |answer| match answer {
                Ok(_) => reload.run(()),
                Err(e) if refusals::verification_ended(&e) => citizen.forget(),
                Err(e) => cancelling.refuse((None, refusals::booking(&e, i18n.t()).1)),
            });
        }
    };
    let calendar = client::calendar_href(&activity.id, &booking.code);
    let started = activity.cancel_reason.is_some();
    let code = booking.code.clone();
    view! {
        <p class="booking__status">
            <span
                class="status"
                class=("status--booked", status == BookingStatus::Booked)
                class=("status--waitlisted", status == BookingStatus::Waitlisted)
                class=("status--cancelled", status == BookingStatus::Cancelled)
            >
                {tr_with(|c, s| c.booking_status(s), status)}
            </span>
        </p>
        <ActivityWhen activity=activity.clone() />
        {activity
            .cancel_reason
            .clone()
            .map(|r| {
                view! {
                    <p class="activity__cancelled">{tr_with(|c, r: String| c.cancelled(&r), r)}</p>
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
                        view! { <MoveBooking code=code.clone() current=activity.clone() reload /> }
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
fn MoveBooking(code: String, current: Activity, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let citizen = use_citizen();
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
    let select_id = format!("move-{code}");
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (code, to) = (code.clone(), target.get_untracked());
        if to.is_empty() {
            return;
        }
        let request = client::booking_move(code.clone(), to.clone(), citizen.csrf_token());
        moving.send(request, move |answer| match answer {
            Ok(booking) => {
                // The device's copy follows the booking to its new activity.
                saved_bookings::remember(Saved {
                    code,
                    phone: citizen
                        .session
                        .with_untracked(|s| s.as_ref().map(|s| s.phone.clone()))
                        .unwrap_or_default(),
                    activity_id: booking.activity_id,
                });
                moving.succeed();
                reload.run(());
            }
            Err(e) if refusals::verification_ended(&e) => citizen.forget(),
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
                                                    let label = tr_with(
                                                        |c, a: (String, String, String, String)| {
                                                            format!(
                                                                "{} {}–{} {}",
                                                                (c.date)(&a.0),
                                                                (c.clock)(&a.1),
                                                                (c.clock)(&a.2),
                                                                a.3,
                                                            )
                                                        },
                                                        (
                                                            a.date.clone(),
                                                            a.start.clone(),
                                                            a.end.clone(),
                                                            a.topic.clone(),
                                                        ),
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
