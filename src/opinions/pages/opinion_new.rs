//! A citizen sends an opinion or suggestion: category, the home it concerns, title and text
//! (lengths shown as typed), up to 3 photos, an optional location, contact or anonymous, consent,
//! and whether it may be published with its reply. A retried or double-tapped submit sends the
//! same key, so it never creates a second opinion.

use crate::accounts::session::use_auth;
use crate::citizens::components::verify_phone::{Verification, VerifyPhone};
use crate::homes::client::homes_list;
use crate::i18n::{refusals, tr, tr_with, use_i18n, Text};
use crate::kit::choice_fields::{CheckField, SelectField};
use crate::kit::dom::{focus, scroll_to_top};
use crate::kit::geolocation::{request_position, Located};
use crate::kit::page_title::use_page_title;
use crate::kit::photos::PhotoPicker;
use crate::kit::submission::new_key;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::opinions::client;
use crate::opinions::saved_opinions::{self, SavedOpinion};
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::opinions::{
    Category, NewOpinion, OpinionContact, OpinionLocation, OpinionReceipt, MAX_BODY_CHARS,
    MAX_CONTACT_NAME_CHARS, MAX_TITLE_CHARS,
};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::platform::photos::Photo;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The page; `?home=ID` pre-fills the home.
#[component]
pub fn OpinionNewPage() -> impl IntoView {
    use_page_title(|t| t.opinion_new_heading);
    let query = use_query_map();
    let home = query.read_untracked().get("home").unwrap_or_default();
    let receipt = RwSignal::new(None::<OpinionReceipt>);
    view! {
        <h1>{tr(|c| c.opinion_new_heading)}</h1>
        {move || match receipt.get() {
            Some(r) => view! { <OpinionSent receipt=r /> }.into_any(),
            None => view! { <OpinionForm home=home.clone() receipt /> }.into_any(),
        }}
    }
}

/// The office app's page for staff entering the opinion of a citizen who came in person.
#[component]
pub fn WalkInPage() -> impl IntoView {
    use_page_title(|t| t.walk_in_heading);
    let receipt = RwSignal::new(None::<OpinionReceipt>);
    view! {
        <p class="back">
            <a href=Page::Queue.path()>{tr(|c| c.staff_queue_heading)}</a>
        </p>
        <h1>{tr(|c| c.walk_in_heading)}</h1>
        <p class="hint">{tr(|c| c.walk_in_intro)}</p>
        {move || match receipt.get() {
            Some(r) => view! { <OpinionSent receipt=r walk_in=true /> }.into_any(),
            None => view! { <OpinionForm home=String::new() receipt walk_in=true /> }.into_any(),
        }}
    }
}

#[component]
fn OpinionForm(
    home: String,
    receipt: RwSignal<Option<OpinionReceipt>>,
    /// Staff entering it for a citizen who came in person (the office app).
    #[prop(optional)]
    walk_in: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let homes = LocalResource::new(|| homes_list(HomeFilter::default()));
    let category = RwSignal::new(Category::UrbanConstruction.code().to_owned());
    let home_id = RwSignal::new(home);
    let (title, body) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let photos = RwSignal::new(Vec::<Photo>::new());
    let uploading = RwSignal::new(false);
    let located = RwSignal::new(Located::Idle);
    let use_location = RwSignal::new(false);
    let anonymous = RwSignal::new(false);
    let verification = Verification::new("opinion-contact");
    let (name, phone) = (RwSignal::new(String::new()), verification.phone);
    let consent = RwSignal::new(false);
    let allow_publish = RwSignal::new(true);
    let submission = Submission::new();
    let key = StoredValue::new(new_key());
    let field_error = move |field: &'static str| move || submission.field_error(field);
    let consent_label: Text = if walk_in {
        |c| c.walk_in_consent
    } else {
        |c| c.opinion_consent
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if submission.busy_untracked() || uploading.get_untracked() {
            return;
        }
        let location = match (use_location.get_untracked(), located.get_untracked()) {
            (true, Located::Found(p)) => Some(OpinionLocation {
                lat: p.lat,
                lon: p.lon,
            }),
            _ => None,
        };
        let body = NewOpinion {
            category: Category::from_code(&category.get_untracked())
                .unwrap_or(Category::UrbanConstruction),
            home_id: Some(home_id.get_untracked()).filter(|h| !h.is_empty()),
            title: title.get_untracked(),
            body: body.get_untracked(),
            location,
            contact: (!anonymous.get_untracked()).then(|| OpinionContact {
                name: name.get_untracked(),
                phone: phone.get_untracked(),
            }),
            consent: consent.get_untracked(),
            allow_publish: allow_publish.get_untracked(),
            photo_ids: photos.with_untracked(|p| p.iter().map(|p| p.id.clone()).collect()),
        };
        if let Err(e) = body.validate() {
            let (field, message) = refusals::opinion_check(&e, i18n.t());
            submission.refuse((field, message));
            if let Some(field) = field {
                focus(&format!("opinion-{}", field.replace('.', "-")));
            }
            return;
        }
        let with_contact = body.contact.is_some();
        let send = move || {
            let request = async move {
                if walk_in {
                    client::walk_in_create(body, key.get_value(), auth.csrf_token()).await
                } else {
                    let csrf = verification.csrf_token();
                    client::opinion_create(body, key.get_value(), csrf).await
                }
            };
            submission.send(request, move |sent| match sent {
                Ok(r) => {
                    // A walk-in's receipt is the citizen's, not this device's.
                    if !walk_in {
                        saved_opinions::remember(SavedOpinion {
                            tracking_number: r.tracking_number.clone(),
                            private_token: r.private_token.clone(),
                        });
                    }
                    receipt.set(Some(r));
                    scroll_to_top();
                }
                Err(e) if !walk_in && refusals::verification_ended(&e) => verification.ended(),
                // Nothing was stored, or the same key answers with the same receipt on retry.
                Err(e) => submission.refuse(refusals::opinion(&e, i18n.t())),
            });
        };
        // Contact details are the verified phone's (staff take a walk-in's consent in person).
        if with_contact && !walk_in {
            // The form's own refusals are settled; what is left is the phone's code.
            submission.clear();
            verification.then(send);
        } else {
            send();
        }
    };

    view! {
        <p>{tr(|c| c.opinion_intro)}</p>
        <form class="form" on:submit=submit novalidate>
            <SelectField id="opinion-category" label=|c| c.opinion_category value=category>
                {Category::ALL
                    .map(|c| {
                        view! {
                            <option value=c.code()>{tr_with(|t, c| t.category_name(c), c)}</option>
                        }
                    })}
            </SelectField>
            <SelectField id="opinion-home" label=|c| c.opinion_home value=home_id>
                <option value="">{tr(|c| c.opinion_no_home)}</option>
                {move || {
                    homes
                        .get()
                        .and_then(Result::ok)
                        .map(|r| {
                            r.items
                                .into_iter()
                                .map(|h| {
                                    let selected = h.id == home_id.get_untracked();
                                    let label = if i18n.lang().names_in_chinese() {
                                        h.name_zh
                                    } else {
                                        h.name_en
                                    };
                                    view! {
                                        <option value=h.id selected=selected>
                                            {label}
                                        </option>
                                    }
                                })
                                .collect_view()
                        })
                }}
            </SelectField>
            <TextField
                id="opinion-title"
                label=|c| c.opinion_title
                value=title
                error=field_error("title")
                max_chars=MAX_TITLE_CHARS
                count=true
            />
            <TextField
                id="opinion-body"
                label=|c| c.opinion_body
                value=body
                error=field_error("body")
                max_chars=MAX_BODY_CHARS
                count=true
                rows=6
            />
            <PhotoPicker
                id="opinion-photo"
                photos=photos
                uploading=uploading
                submission=submission
                upload=client::opinion_photo_upload
                refusal=refusals::opinion
                alt=|c, n| c.photo_alt(n)
            />
            <fieldset class="field checks">
                <legend>{tr(|c| c.opinion_location)}</legend>
                {move || match (use_location.get(), located.get()) {
                    (true, Located::Found(_)) => {
                        view! {
                            <p class="form-ok" role="status">
                                {tr(|c| c.opinion_location_added)}
                            </p>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| use_location.set(false)
                            >
                                {tr(|c| c.opinion_remove_location)}
                            </button>
                        }
                            .into_any()
                    }
                    (true, Located::Locating) => {
                        view! {
                            <p class="loading" role="status">
                                {tr(|c| c.locating)}
                            </p>
                        }
                            .into_any()
                    }
                    (true, Located::Denied) => {
                        view! {
                            <p class="field-error" role="alert">
                                {tr(|c| c.geo_denied)}
                            </p>
                        }
                            .into_any()
                    }
                    (true, Located::Idle) => ().into_any(),
                    (true, _) => {
                        view! {
                            <p class="field-error" role="alert">
                                {tr(|c| c.geo_unavailable)}
                            </p>
                        }
                            .into_any()
                    }
                    (false, _) => {
                        view! {
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    use_location.set(true);
                                    if !matches!(located.get_untracked(), Located::Found(_)) {
                                        request_position(located)
                                    }
                                }
                            >
                                {tr(|c| c.opinion_add_location)}
                            </button>
                        }
                            .into_any()
                    }
                }}
            </fieldset>
            <fieldset class="field checks">
                <legend>{tr(|c| c.opinion_contact)}</legend>
                <label class="check" for="opinion-named">
                    <input
                        id="opinion-named"
                        type="radio"
                        name="opinion-contact"
                        prop:checked=move || !anonymous.get()
                        on:change=move |_| anonymous.set(false)
                    />
                    <span>{tr(|c| c.opinion_with_contact)}</span>
                </label>
                <label class="check" for="opinion-anonymous">
                    <input
                        id="opinion-anonymous"
                        type="radio"
                        name="opinion-contact"
                        prop:checked=move || anonymous.get()
                        on:change=move |_| anonymous.set(true)
                    />
                    <span>{tr(|c| c.opinion_anonymous)}</span>
                </label>
            </fieldset>
            <Show when=move || !anonymous.get()>
                <TextField
                    id="opinion-contact-name"
                    label=|c| c.book_name
                    value=name
                    error=field_error("contact.name")
                    autocomplete="name"
                    max_chars=MAX_CONTACT_NAME_CHARS
                />
                {if walk_in {
                    view! {
                        <TextField
                            id="opinion-contact-phone"
                            label=|c| c.book_phone
                            value=phone
                            error=field_error("contact.phone")
                            kind="tel"
                            inputmode="numeric"
                            autocomplete="tel"
                        />
                    }
                        .into_any()
                } else {
                    view! {
                        <VerifyPhone
                            verification
                            label=|c| c.book_phone
                            error=field_error("contact.phone")
                        />
                    }
                        .into_any()
                }}
            </Show>
            <CheckField
                id="opinion-consent"
                label=consent_label
                checked=consent
                error=submission.error("consent")
                consent=true
            />
            <CheckField
                id="opinion-publish"
                label=|c| c.opinion_allow_publish
                checked=allow_publish
            />
            <FormStatus submission />
            <button
                type="submit"
                class="button button--primary button--wide"
                disabled=move || {
                    submission.busy() || uploading.get() || verification.submission.busy()
                }
            >
                {move || {
                    if submission.busy() || verification.submission.busy() {
                        i18n.t().submitting
                    } else {
                        i18n.t().opinion_submit
                    }
                }}
            </button>
        </form>
    }
}

/// The receipt: tracking number and private link.
#[component]
fn OpinionSent(
    receipt: OpinionReceipt,
    /// Entered by staff for a walk-in citizen: the receipt is to be handed over.
    #[prop(optional)]
    walk_in: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let link = Page::OpinionByToken(receipt.private_token.clone()).path();
    let full_link = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .map(|o| format!("{o}{link}"))
        .unwrap_or_else(|| link.clone());
    view! {
        <section class="booking-done" aria-labelledby="opinion-sent-heading">
            <h2 id="opinion-sent-heading">{tr(|c| c.opinion_sent_heading)}</h2>
            <div class="booking-code">
                <p class="booking-code__label">{tr(|c| c.opinion_tracking)}</p>
                <p class="tracking-number" data-tracking=receipt.tracking_number.clone()>
                    {receipt.tracking_number.clone()}
                </p>
            </div>
            <p>
                {tr(|c| c.opinion_private_link)} ": " <a class="private-link" href=link>
                    {full_link}
                </a>
            </p>
            <p class="hint">
                {move || {
                    if walk_in { i18n.t().walk_in_sent_note } else { i18n.t().opinion_sent_note }
                }}
            </p>
            <p>
                <a class="button button--link button--wide" href=Page::Opinions.path()>
                    {tr(|c| c.opinion_lookup_heading)}
                </a>
            </p>
        </section>
    }
}
