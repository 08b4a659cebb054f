//! One activity, for its home's delegates and staff: who booked, check-in by booking code, and
//! the reception record.

use crate::accounts::session::use_auth;
use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::kit::dom::focus;
use crate::kit::http::ClientError;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::meetings::client;
use crate::meetings::components::activity_list::ActivityWhen;
use crate::meetings::components::manage_activity::ManageActivity;
use crate::meetings::components::walk_in_booking::WalkInBooking;
use deputy_homes_api::accounts::Role;
use deputy_homes_api::meetings::activity::Activity;
use deputy_homes_api::meetings::booking::BookingStatus;
use deputy_homes_api::meetings::reception::{RecordInput, Roster, RosterEntry, MAX_RECORD_CHARS};
use deputy_homes_api::platform::apps::Page;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

/// The page of the activity in the URL.
#[component]
pub fn ReceptionPage() -> impl IntoView {
    use_page_title(|t| t.manage_link);
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
    let auth = use_auth();
    view! {
        <p class="back">
            <a href=Page::Account.path()>{tr(|c| c.account_heading)}</a>
        </p>
        <h1>{tr(|c| c.manage_link)}</h1>
        <Show
            when=move || auth.checked.get()
            fallback=move || {
                view! {
                    <p class="loading" role="status">
                        {tr(|c| c.loading)}
                    </p>
                }
            }
        >
            <Show
                when=move || auth.session.with(Option::is_some)
                fallback=move || {
                    view! {
                        <p>{tr(|c| c.signed_out)}</p>
                        <a class="button button--primary" href=Page::SignIn.path()>
                            {tr(|c| c.nav_sign_in)}
                        </a>
                    }
                }
            >
                <Loader resource=activity not_found let:activity>
                    <Reception activity />
                </Loader>
            </Show>
        </Show>
    }
}

#[component]
fn Reception(activity: Activity) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let csrf = move || auth.csrf_token();
    let id = activity.id.clone();
    let roster_id = id.clone();
    let roster = LocalResource::new(move || client::roster_get(roster_id.clone()));
    let code = RwSignal::new(String::new());
    let arrived = RwSignal::new(None::<String>);
    let checking = Submission::new();
    let check_in = {
        let id = id.clone();
        Callback::new(move |typed: String| {
            arrived.set(None);
            let request = client::check_in(id.clone(), typed, csrf());
            checking.send(request, move |answer| match answer {
                Ok(entry) => {
                    arrived.set(Some(entry.name));
                    code.set(String::new());
                    roster.refetch();
                }
                Err(e) => {
                    checking.refuse(refusals::reception(&e, i18n.t()));
                    focus("check-in-code");
                }
            });
        })
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        check_in.run(code.get_untracked());
    };
    let current = RwSignal::new(activity.clone());
    let walk_in_id = id.clone();
    let staff = move || {
        auth.session
            .with(|s| s.as_ref().is_some_and(|s| s.account.role == Role::Staff))
    };
    let changeable = move || {
        current.with(|a| {
            a.cancel_reason.is_none() && a.starts_at_ms > web_sys::js_sys::Date::now() as i64
        })
    };
    view! {
        <div class="card">
            {move || view! { <ActivityWhen activity=current.get() /> }}
            {move || {
                current
                    .get()
                    .cancel_reason
                    .map(|r| {
                        view! {
                            <p class="activity__cancelled">
                                {tr_with(|c, r: String| c.cancelled(&r), r)}
                            </p>
                        }
                    })
            }}
        </div>
        <Show when=changeable>
            <ManageActivity
                activity=current.get_untracked()
                changed=Callback::new(move |a| current.set(a))
            />
        </Show>
        <section aria-labelledby="check-in-heading">
            <h2 id="check-in-heading">{tr(|c| c.check_in_button)}</h2>
            <form class="form check-in" on:submit=submit novalidate>
                <TextField
                    id="check-in-code"
                    label=|c| c.check_in_label
                    value=code
                    autocapitalize="characters"
                    enterkeyhint="go"
                    error=checking.error("code")
                />
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || checking.busy()
                >
                    {tr(|c| c.check_in_button)}
                </button>
            </form>
            <FormStatus submission=checking />
            <p class="form-ok" role="status">
                {move || arrived.get().map(|name| i18n.t().checked_in_name(&name))}
            </p>
        </section>
        <Show when=move || staff() && changeable()>
            <WalkInBooking
                activity_id=walk_in_id.clone()
                booked=Callback::new(move |()| roster.refetch())
            />
        </Show>
        <section aria-labelledby="roster-heading">
            <h2 id="roster-heading">{tr(|c| c.roster_heading)}</h2>
            <Transition fallback=move || {
                view! { <p class="loading">{tr(|c| c.loading)}</p> }
            }>
                {move || Suspend::new(async move {
                    match roster.await {
                        Ok(roster) => view! { <RosterList roster check_in /> }.into_any(),
                        Err(e) => {
                            view! {
                                <p class="alert" role="alert">
                                    {refusals::reception(&e, i18n.t()).1}
                                </p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
        <RecordForm activity_id=id roster />
    }
}

#[component]
fn RosterList(roster: Roster, check_in: Callback<String>) -> impl IntoView {
    let full = roster.phones_in_full;
    view! {
        {(!full).then(|| view! { <p class="hint">{tr(|c| c.phones_masked_note)}</p> })}
        {roster.entries.is_empty().then(|| view! { <p>{tr(|c| c.roster_empty)}</p> })}
        <ul class="roster">
            {roster
                .entries
                .into_iter()
                .map(|e| view! { <RosterItem entry=e full check_in /> })
                .collect_view()}
        </ul>
    }
}

#[component]
fn RosterItem(entry: RosterEntry, full: bool, check_in: Callback<String>) -> impl IntoView {
    let seated = entry.status == BookingStatus::Booked;
    let arrived = entry.checked_in_at_ms.is_some();
    let phone = entry.phone.clone();
    let code = entry.code.clone();
    view! {
        <li class="roster__item" data-code=entry.code.clone() class:roster__item--in=arrived>
            <p class="roster__who">
                <strong>{entry.name.clone()}</strong> " "
                {if full {
                    view! { <a href=format!("tel:{phone}")>{phone.clone()}</a> }.into_any()
                } else {
                    view! { <span>{phone.clone()}</span> }.into_any()
                }}
            </p>
            <p>{entry.topic.clone()}</p>
            {(!entry.access_needs.is_empty()).then(|| view! {
                <p>{entry.access_needs.iter().map(|n| view! { <span class="tag">{tr_with(|c, n| c.access_need(n), *n)}</span> " " }).collect_view()}</p>
            })}
            <p class="roster__state">
                <span class="booking__code">{entry.code.clone()}</span> " · "
                <span>{tr_with(|c, s| c.booking_status(s), entry.status)}</span> " · "
                {if arrived { tr(|c| c.checked_in).into_any() } else { tr(|c| c.not_checked_in).into_any() }}
            </p>
            {(seated && !arrived).then(|| view! {
                <button type="button" class="button" on:click=move |_| check_in.run(code.clone())>{tr(|c| c.check_in_button)}</button>
            })}
        </li>
    }
}

#[component]
fn RecordForm(
    activity_id: String,
    roster: LocalResource<Result<Roster, ClientError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let (raised, follow_up) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let linked = RwSignal::new(Vec::<String>::new());
    let written_by = RwSignal::new(None::<String>);
    let saving = Submission::new();
    let refuse = move |(field, message): (Option<&'static str>, &'static str)| {
        saving.refuse((field, message));
        if let Some(field) = field {
            focus(&format!("record-{}", field.replace('_', "-")));
        }
    };
    let load_id = activity_id.clone();
    spawn_local(async move {
        if let Ok(Some(record)) = client::record_get(load_id).await {
            raised.set(record.raised);
            follow_up.set(record.follow_up);
            linked.set(record.booking_codes);
            written_by.set(Some(record.written_by_name));
        }
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = RecordInput {
            raised: raised.get_untracked(),
            follow_up: follow_up.get_untracked(),
            booking_codes: linked.get_untracked(),
        };
        if let Err(e) = body.validate() {
            refuse(refusals::reception_check(&e, i18n.t()));
            return;
        }
        let request = client::record_put(activity_id.clone(), body, auth.csrf_token());
        saving.send(request, move |answer| match answer {
            Ok(record) => {
                written_by.set(Some(record.written_by_name));
                saving.succeed();
            }
            Err(e) => refuse(refusals::reception(&e, i18n.t())),
        });
    };
    view! {
        <section aria-labelledby="record-heading">
            <h2 id="record-heading">{tr(|c| c.record_heading)}</h2>
            {move || {
                written_by
                    .get()
                    .map(|name| view! { <p class="hint">{i18n.t().record_written_by(&name)}</p> })
            }}
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id="record-raised"
                    label=|c| c.record_raised
                    value=raised
                    max_chars=MAX_RECORD_CHARS
                    count=true
                    rows=5
                    error=saving.error("raised")
                />
                <TextField
                    id="record-follow-up"
                    label=|c| c.record_follow_up
                    value=follow_up
                    max_chars=MAX_RECORD_CHARS
                    rows=3
                    error=saving.error("follow_up")
                />
                <fieldset class="field checks">
                    <legend>{tr(|c| c.record_bookings)}</legend>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            let entries = roster.await.map(|r| r.entries).unwrap_or_default();
                            entries
                                .into_iter()
                                .filter(|e| e.status == BookingStatus::Booked)
                                .map(|e| {
                                    let id = format!("record-code-{}", e.code);
                                    let for_id = id.clone();
                                    let code = e.code.clone();
                                    let code_check = code.clone();
                                    view! {
                                        <label class="check" for=for_id>
                                            <input
                                                id=id
                                                type="checkbox"
                                                prop:checked=move || {
                                                    linked.with(|l| l.contains(&code_check))
                                                }
                                                on:change:target=move |ev| {
                                                    let on = ev.target().checked();
                                                    let code = code.clone();
                                                    linked
                                                        .update(|l| {
                                                            l.retain(|c| *c != code);
                                                            if on {
                                                                l.push(code)
                                                            }
                                                        });
                                                }
                                            />
                                            <span>{e.name.clone()} " (" {e.code.clone()} ")"</span>
                                        </label>
                                    }
                                })
                                .collect_view()
                        })}
                    </Transition>
                </fieldset>
                <FormStatus submission=saving ok=|c| c.record_saved />
                <button type="submit" class="button button--primary" disabled=move || saving.busy()>
                    {tr(|c| c.record_save)}
                </button>
            </form>
        </section>
    }
}
