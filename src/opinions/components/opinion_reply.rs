//! The reply as its author reads it, and the one-time rating of it (satisfied, fairly, not, and
//! a comment). Ownership is proved with the private link's token or the verified phone's
//! session.

use crate::citizens::session::use_citizen;
use crate::i18n::refusals;
use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::clock::local_time;
use crate::kit::submission::Submission;
use crate::kit::text_field::TextField;
use crate::opinions::client;
use deputy_homes_api::opinions::board::{
    OpinionRating, OpinionReply, RateOpinion, Rating, MAX_COMMENT_CHARS,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// How the author proved the opinion is theirs when they opened it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proof {
    /// The private link's token.
    Token(String),
    /// The session of the verified phone given with it.
    Session,
}

/// The reply, the rating given, or the form to give it.
#[component]
pub fn ReplyAndRating(
    /// The opinion's tracking number.
    tracking_number: String,
    /// The handling unit's reply.
    reply: OpinionReply,
    /// The rating, if given.
    rating: Option<OpinionRating>,
    /// Whether the status allows rating now.
    can_rate: bool,
    /// How the author opened it; without it there is no form.
    proof: Option<Proof>,
) -> impl IntoView {
    let given = RwSignal::new(rating.map(|r| r.rating));
    view! {
        <section class="card reply" aria-labelledby="reply-heading">
            <h2 id="reply-heading" data-read="">
                {tr(|c| c.reply_heading)}
            </h2>
            <p data-read="">
                <strong>{tr_with(|c, k| c.reply_class_name(k), reply.class)}</strong>
            </p>
            <p class="opinion__body" data-read="">
                {reply.text}
            </p>
            <p class="hint">{tr_with(|c, d: String| c.replied_at(&d), local_time(reply.at_ms))}</p>
            {move || match (given.get(), proof.clone()) {
                (Some(r), _) => {
                    view! {
                        <p class="form-ok" role="status">
                            {tr_with(|c, r| c.rating_shown(r), r)}
                        </p>
                    }
                        .into_any()
                }
                (None, Some(proof)) if can_rate => {
                    view! { <RatingForm tracking_number=tracking_number.clone() proof given /> }
                        .into_any()
                }
                _ => ().into_any(),
            }}
        </section>
    }
}

#[component]
fn RatingForm(
    tracking_number: String,
    proof: Proof,
    given: RwSignal<Option<Rating>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let citizen = use_citizen();
    let choice = RwSignal::new(None::<Rating>);
    let comment = RwSignal::new(String::new());
    let submission = Submission::new();
    let tracking = StoredValue::new(tracking_number);
    let proof = StoredValue::new(proof);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(rating) = choice.get_untracked() else {
            submission.refuse((Some("rating"), i18n.t().error_rating_choice));
            return;
        };
        let private_token = match proof.get_value() {
            Proof::Session => None,
            Proof::Token(t) => Some(t),
        };
        let body = RateOpinion {
            rating,
            comment: Some(comment.get_untracked().trim().to_owned()).filter(|c| !c.is_empty()),
            private_token,
        };
        if let Err(e) = body.validate() {
            submission.refuse(refusals::step_check(&e, i18n.t()));
            return;
        }
        let request = client::opinion_rate(tracking.get_value(), body, citizen.csrf_token());
        submission.send(request, move |answer| match answer {
            Ok(_) => given.set(Some(rating)),
            Err(e) => submission.refuse(refusals::step(&e, i18n.t())),
        });
    };
    let field_error = move |field: &'static str| move || submission.field_error(field);
    view! {
        <form class="form" on:submit=submit novalidate>
            <fieldset class="field checks" aria-describedby="rating-error">
                <legend>{tr(|c| c.rating_legend)}</legend>
                {[Rating::Satisfied, Rating::Fairly, Rating::Not]
                    .map(|r| {
                        let id = format!("rating-{}", r.score());
                        let label_for = id.clone();
                        view! {
                            <label class="check" for=label_for>
                                <input
                                    id=id
                                    type="radio"
                                    name="rating"
                                    prop:checked=move || choice.get() == Some(r)
                                    on:change=move |_| {
                                        choice.set(Some(r));
                                        submission.clear()
                                    }
                                />
                                <span>{tr_with(|c, r| c.rating_name(r), r)}</span>
                            </label>
                        }
                    })}
                <p class="field-error" id="rating-error">
                    {field_error("rating")}
                </p>
            </fieldset>
            <TextField
                id="rating-comment"
                label=|c| c.rating_comment_label
                value=comment
                rows=3
                max_chars=MAX_COMMENT_CHARS
                error=submission.error("comment")
            />
            <p class="form-error" role="alert">
                {move || match submission.refusal() {
                    Some((None, m)) => Some(m),
                    _ => None,
                }}
            </p>
            <button type="submit" class="button button--primary" disabled=move || submission.busy()>
                {tr(|c| c.rating_submit)}
            </button>
        </form>
    }
}
