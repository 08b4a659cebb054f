//! `/staff/opinions/:tracking`: everything staff see of one opinion (full text, photos, the
//! masked contact with a button that reveals the phone, the timeline with internal notes and who
//! did what), and the forms of the steps its status allows.

use crate::accounts::components::staff_gate::StaffGate;
use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::kit::clock::local_time;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::kit::photos::PhotoGallery;
use crate::kit::submission::{FormStatus, Submission};
use crate::opinions::client;
use crate::opinions::components::opinion_steps::{OpinionSteps, StepTarget};
use deputy_homes_api::opinions::handling::{OpinionChannel, StaffOpinionView};
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The page.
#[component]
pub fn StaffOpinionPage() -> impl IntoView {
    use_page_title(|t| t.staff_queue_heading);
    view! {
        <p class="back">
            <a href=Page::Queue.path()>{tr(|c| c.staff_queue_heading)}</a>
        </p>
        <StaffGate children=Box::new(|csrf| view! { <StaffOpinionLoader csrf /> }.into_any()) />
    }
}

#[component]
fn StaffOpinionLoader(csrf: String) -> impl IntoView {
    let params = use_params_map();
    let tracking = Memo::new(move |_| params.read().get("tracking").unwrap_or_default());
    let opinion = LocalResource::new(move || client::staff_opinion(tracking.get()));
    let not_found = || {
        view! {
            <h1>{tr(|c| c.staff_queue_heading)}</h1>
            <p class="alert" role="alert">
                {tr(|c| c.error_tracking_not_found)}
            </p>
        }
    };
    let csrf = StoredValue::new(csrf);
    view! {
        <Loader resource=opinion not_found let:view>
            <StaffOpinion view csrf=csrf.get_value() />
        </Loader>
    }
}

#[component]
fn StaffOpinion(view: StaffOpinionView, csrf: String) -> impl IntoView {
    let target = StepTarget {
        view: RwSignal::new(view),
        csrf: StoredValue::new(csrf),
        saved: RwSignal::new(None),
        i18n: use_i18n(),
    };
    let units_res = LocalResource::new(client::units_list);
    let units = Signal::derive(move || units_res.get().and_then(Result::ok).unwrap_or_default());
    let v = target.view;
    view! {
        {move || v.with(|view| view! { <OpinionFacts view=view.clone() target /> })}
        <p class="form-ok" role="status">
            {move || target.saved.get()}
        </p>
        <OpinionSteps target units />
        {move || v.with(|view| view! { <StaffTimeline view=view.clone() /> })}
    }
}

/// What was sent, by whom (masked), where it stands.
#[component]
fn OpinionFacts(view: StaffOpinionView, target: StepTarget) -> impl IntoView {
    let s = view.summary.clone();
    let units: Vec<String> = s.units.iter().map(|u| u.name.clone()).collect();
    view! {
        <article class="opinion" data-tracking=s.tracking_number.clone()>
            <h1 class="opinion__title">{s.title.clone()}</h1>
            <p class="opinion__meta">
                <span class="booking__code">{s.tracking_number.clone()}</span>
                <span class="status status--waitlisted">
                    {tr_with(|c, st| c.opinion_status_name(st), s.status)}
                </span>
                <span class="tag">{tr_with(|c, k| c.category_name(k), s.category)}</span>
                {s
                    .district
                    .map(|d| {
                        view! { <span class="tag">{tr_with(|c, d| (c.district_name)(d), d)}</span> }
                    })}
                {(s.channel == OpinionChannel::WalkIn)
                    .then(|| view! { <span class="tag">{tr(|c| c.channel_walk_in)}</span> })}
            </p>
            <p class="hint">
                {tr_with(|c, d: String| c.opinion_submitted_at(&d), local_time(s.created_at_ms))}
            </p>
            {s.due_date.clone().map(|d| view! { <p>{tr_with(|c, d: String| c.due_on(&d), d)}</p> })}
            {s.overdue.then(|| view! { <p class="overdue">{tr(|c| c.overdue)}</p> })}
            {s
                .near_duplicate_of
                .clone()
                .map(|d| {
                    let href = Page::StaffOpinion(d.clone()).path();
                    view! {
                        <p class="near-duplicate">
                            <a href=href>{tr_with(|c, d: String| c.near_duplicate_of(&d), d)}</a>
                        </p>
                    }
                })}
            {(!units.is_empty())
                .then(|| {
                    view! {
                        <p>{tr_with(|c, u: String| c.assigned_units(&u), units.join("、"))}</p>
                    }
                })}
            <p class="opinion__body">{view.body.clone()}</p>
            <PhotoGallery photos=view.photos.clone() alt=|c, n| c.photo_alt(n) />
            {match (view.contact.clone(), view.personal_data_erased_at_ms) {
                (Some(c), _) => {
                    view! { <Contact name=c.name masked=c.phone_masked target /> }.into_any()
                }
                (None, Some(at)) => {
                    view! {
                        <p class="hint">
                            {tr_with(|c, d: String| c.opinion_contact_erased(&d), local_time(at))}
                        </p>
                    }
                        .into_any()
                }
                (None, None) => {
                    view! { <p class="hint">{tr(|c| c.opinion_anonymous_shown)}</p> }.into_any()
                }
            }}
            <p class="hint">{tr_with(|c, p| c.opinion_publish_shown(p), view.allow_publish)}</p>
            {view
                .rejection
                .clone()
                .map(|r| {
                    view! {
                        <div class="card">
                            <p>
                                <strong>{tr_with(|c, r| c.reject_reason_name(r), r.reason)}</strong>
                                {r
                                    .duplicate_of
                                    .map(|d| {
                                        view! {
                                            " "
                                            <span class="booking__code">{d}</span>
                                        }
                                    })}
                            </p>
                            <p class="opinion__body">{r.message}</p>
                        </div>
                    }
                })}
            {view
                .reply
                .clone()
                .map(|r| {
                    view! {
                        <div class="card reply">
                            <h2>{tr(|c| c.reply_heading)}</h2>
                            <p>
                                <strong>{tr_with(|c, k| c.reply_class_name(k), r.class)}</strong>
                                " "
                                <span class="hint">{local_time(r.at_ms)}</span>
                            </p>
                            <p class="opinion__body">{r.text}</p>
                        </div>
                    }
                })}
            {view
                .rating
                .clone()
                .map(|r| {
                    view! {
                        <div class="card">
                            <p>
                                <strong>{tr_with(|c, r| c.rating_shown(r), r.rating)}</strong>
                            </p>
                            {r.comment.map(|c| view! { <p class="opinion__body">{c}</p> })}
                        </div>
                    }
                })}
        </article>
    }
}

/// The contact's name and masked phone, and the button that reveals the phone (audited).
#[component]
fn Contact(name: String, masked: String, target: StepTarget) -> impl IntoView {
    let phone = RwSignal::new(None::<String>);
    let revealing = Submission::new();
    let reveal = move |_| {
        let tracking = target
            .view
            .with_untracked(|v| v.summary.tracking_number.clone());
        let i18n = target.i18n;
        let request = client::reveal_phone(tracking, target.csrf.get_value());
        revealing.send(request, move |answer| match answer {
            Ok(r) => phone.set(Some(r.phone)),
            Err(e) => revealing.refuse((None, refusals::reveal(&e, i18n.t()))),
        });
    };
    view! {
        <div class="contact">
            <p>
                {tr_with(
                    |t, (n, p): (String, String)| t.opinion_contact_shown(&n, &p),
                    (name, masked),
                )}
            </p>
            {move || match phone.get() {
                Some(p) => {
                    view! {
                        <p>
                            <a class="button" href=format!("tel:{p}")>
                                {p.clone()}
                            </a>
                        </p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <button
                            type="button"
                            class="button"
                            on:click=reveal
                            disabled=move || revealing.busy()
                            aria-describedby="reveal-note"
                        >
                            {tr(|c| c.reveal_phone)}
                        </button>
                        <p class="hint" id="reveal-note">
                            {tr(|c| c.reveal_phone_note)}
                        </p>
                    }
                        .into_any()
                }
            }}
            <FormStatus submission=revealing />
        </div>
    }
}

/// Every step, oldest first, with who did it; internal notes marked as such.
#[component]
fn StaffTimeline(view: StaffOpinionView) -> impl IntoView {
    view! {
        <h2>{tr(|c| c.opinion_timeline)}</h2>
        <ol class="timeline">
            {view
                .timeline
                .into_iter()
                .map(|e| {
                    view! {
                        <li>
                            <span class="timeline__when">{local_time(e.at_ms)}</span>
                            " "
                            <strong>{tr_with(|c, k| c.event_kind_name(k), e.kind)}</strong>
                            " · "
                            <span>{e.actor_name}</span>
                            {e.note.map(|n| view! { <p class="opinion__body">{n}</p> })}
                            {e
                                .internal_note
                                .map(|n| {
                                    view! {
                                        <p class="internal-note">
                                            <span class="tag">{tr(|c| c.internal_note_label)}</span>
                                            " "
                                            {n}
                                        </p>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
