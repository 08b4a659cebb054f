//! Following an opinion: with the verified phone that sent it (its list, then one by tracking
//! number), or by the receipt's private link (the only way for an anonymous one).

use crate::citizens::client as citizens_client;
use crate::citizens::components::verify_phone::VerifyPhoneForm;
use crate::citizens::session::use_citizen;
use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::kit::clock::local_time;
use crate::kit::elders::ReadAloud;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::kit::photos::PhotoGallery;
use crate::opinions::client;
use crate::opinions::components::my_opinions::MyOpinions;
use crate::opinions::components::opinion_reply::{Proof, ReplyAndRating};
use crate::opinions::saved_opinions;
use deputy_homes_api::opinions::{normalize_tracking_number, OpinionStatus, OpinionView};
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/opinions`: the verified phone's opinions (verifying it first), and the private links of the
/// opinions sent from this device (the only way to follow an anonymous one).
#[component]
pub fn OpinionLookupPage() -> impl IntoView {
    use_page_title(|t| t.opinion_lookup_heading);
    let citizen = use_citizen();
    let device = saved_opinions::load();
    view! {
        <h1>{tr(|c| c.opinion_lookup_heading)}</h1>
        <p>
            <a class="button button--primary button--wide" href=Page::NewOpinion.path()>
                {tr(|c| c.new_opinion_link)}
            </a>
        </p>
        {move || match citizen.phone() {
            Some(_) => view! { <PhoneOpinions /> }.into_any(),
            None if !citizen.checked.get() => {
                view! { <p class="loading">{tr(|c| c.loading)}</p> }.into_any()
            }
            None => {
                view! {
                    <p>{tr(|c| c.opinion_lookup_intro)}</p>
                    <VerifyPhoneForm prefix="lookup" />
                }
                    .into_any()
            }
        }}
        <p class="hint">{tr(|c| c.opinion_anonymous_note)}</p>
        {(!device.is_empty())
            .then(|| {
                view! {
                    <section aria-labelledby="my-opinions-heading">
                        <h2 id="my-opinions-heading">{tr(|c| c.my_opinions_heading)}</h2>
                        <ul class="link-list">
                            {device
                                .into_iter()
                                .map(|o| {
                                    view! {
                                        <li>
                                            <a href=Page::OpinionByToken(o.private_token)
                                                .path()>{o.tracking_number}</a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })}
    }
}

/// The verified phone's opinions.
#[component]
fn PhoneOpinions() -> impl IntoView {
    let i18n = use_i18n();
    let mine = LocalResource::new(citizens_client::mine);
    view! {
        <section aria-labelledby="phone-opinions">
            <h2 id="phone-opinions">{tr(|c| c.mine_opinions_heading)}</h2>
            <Transition fallback=move || {
                view! { <p class="loading">{tr(|c| c.loading)}</p> }
            }>
                {move || Suspend::new(async move {
                    match mine.await {
                        Ok(mine) => view! { <MyOpinions opinions=mine.opinions /> }.into_any(),
                        Err(e) => {
                            view! {
                                <p class="alert" role="alert">
                                    {refusals::lookup(&e, i18n.t())}
                                </p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// `/opinions/n/:tracking`: an opinion of the verified phone, by its tracking number.
#[component]
pub fn OpinionNumberPage() -> impl IntoView {
    use_page_title(|t| t.opinion_lookup_heading);
    let citizen = use_citizen();
    let params = use_params_map();
    let number = Memo::new(move |_| params.read().get("tracking").unwrap_or_default());
    view! {
        <p class="back">
            <a href=Page::Opinions.path()>{tr(|c| c.opinion_lookup_heading)}</a>
        </p>
        {move || match citizen.phone() {
            Some(_) => view! { <NumberedOpinion number /> }.into_any(),
            None if !citizen.checked.get() => {
                view! { <p class="loading">{tr(|c| c.loading)}</p> }.into_any()
            }
            None => {
                view! {
                    <h1>{tr(|c| c.opinion_lookup_heading)}</h1>
                    <p>{tr(|c| c.opinion_lookup_intro)}</p>
                    <VerifyPhoneForm prefix="lookup" />
                    <p class="hint">{tr(|c| c.opinion_anonymous_note)}</p>
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn NumberedOpinion(number: Memo<String>) -> impl IntoView {
    let opinion = LocalResource::new(move || {
        client::opinion_by_number(normalize_tracking_number(&number.get()))
    });
    let not_found = || {
        view! {
            <h1>{tr(|c| c.opinion_lookup_heading)}</h1>
            <p class="alert" role="alert">
                {tr(|c| c.error_tracking_not_found)}
            </p>
        }
    };
    view! {
        <Loader resource=opinion not_found let:view>
            <OpinionDetails view heading_level=1 proof=Proof::Session />
        </Loader>
    }
}

/// `/opinions/t/:token`: the private link.
#[component]
pub fn OpinionTokenPage() -> impl IntoView {
    use_page_title(|t| t.opinion_lookup_heading);
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let opinion = LocalResource::new(move || client::opinion_by_token(token.get()));
    let not_found = || {
        view! {
            <h1>{tr(|c| c.opinion_lookup_heading)}</h1>
            <p class="alert" role="alert">
                {tr(|c| c.error_tracking_not_found)}
            </p>
        }
    };
    view! {
        <p class="back">
            <a href=Page::Opinions.path()>{tr(|c| c.opinion_lookup_heading)}</a>
        </p>
        <Loader resource=opinion not_found let:view>
            <OpinionDetails view heading_level=1 proof=Proof::Token(token.get_untracked()) />
        </Loader>
    }
}

/// An opinion as its author sees it: what was sent, and every step since, with dates. All text
/// is shown as text.
#[component]
pub fn OpinionDetails(
    view: OpinionView,
    /// 1 on a page of its own, 2 inside another page.
    #[prop(optional)]
    heading_level: u8,
    /// How the author opened it, for rating the reply.
    #[prop(optional)]
    proof: Option<Proof>,
) -> impl IntoView {
    let title = view.title.clone();
    let heading = if heading_level == 1 {
        view! {
            <h1 class="opinion__title" data-read="">
                {title}
            </h1>
            <ReadAloud />
        }
        .into_any()
    } else {
        view! { <h2 class="opinion__title">{title}</h2> }.into_any()
    };
    let submitted = local_time(view.created_at_ms);
    let timeline_heading = if heading_level == 1 {
        view! { <h2>{tr(|c| c.opinion_timeline)}</h2> }.into_any()
    } else {
        view! { <h3>{tr(|c| c.opinion_timeline)}</h3> }.into_any()
    };
    view! {
        <article class="opinion card" data-tracking=view.tracking_number.clone()>
            {heading}
            <p class="opinion__meta" data-read="">
                <span class="status status--waitlisted">
                    {tr_with(|c, s| c.opinion_status_name(s), view.status)}
                </span>
                " "
                <span class="tag">{tr_with(|c, k| c.category_name(k), view.category)}</span>
                " "
                <span class="booking__code">{view.tracking_number.clone()}</span>
            </p>
            <p class="hint">{tr_with(|c, d: String| c.opinion_submitted_at(&d), submitted)}</p>
            <p class="opinion__body">{view.body.clone()}</p>
            <PhotoGallery photos=view.photos.clone() alt=|c, n| c.photo_alt(n) />
            <p class="hint">
                {match (view.contact.clone(), view.personal_data_erased_at_ms) {
                    (Some(c), _) => {
                        tr_with(
                                |t, (n, p): (String, String)| t.opinion_contact_shown(&n, &p),
                                (c.name, c.phone_masked),
                            )
                            .into_any()
                    }
                    (None, Some(at)) => {
                        tr_with(|c, d: String| c.opinion_contact_erased(&d), local_time(at))
                            .into_any()
                    }
                    (None, None) => tr(|c| c.opinion_anonymous_shown).into_any(),
                }} " · " {tr_with(|c, p| c.opinion_publish_shown(p), view.allow_publish)}
            </p>
            {(!view.units.is_empty())
                .then(|| {
                    view! {
                        <p class="opinion__units">
                            {tr_with(|c, u: String| c.opinion_units(&u), view.units.join("、"))}
                        </p>
                    }
                })}
            {view
                .reply
                .clone()
                .map(|reply| {
                    view! {
                        <ReplyAndRating
                            tracking_number=view.tracking_number.clone()
                            reply
                            rating=view.rating.clone()
                            can_rate=view.status.can_become(OpinionStatus::Rated)
                            proof=proof.clone()
                        />
                    }
                })}
            {timeline_heading}
            <ol class="timeline">
                {view
                    .timeline
                    .iter()
                    .map(|e| {
                        view! {
                            <li>
                                <span class="timeline__when">{local_time(e.at_ms)}</span>
                                " "
                                <strong>
                                    {tr_with(|c, s| c.opinion_status_name(s), e.status)}
                                </strong>
                                {e.note.clone().map(|n| view! { <p>{n}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </article>
    }
}
