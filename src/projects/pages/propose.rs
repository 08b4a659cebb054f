//! `/project-cycles/:id/propose`: a citizen proposes a livelihood project while the cycle
//! collects: title, what and where, who benefits, district and category, up to 3 photos, with
//! the phone verified by a text code. The answer is the tracking number and the proposal's
//! public page.

use crate::citizens::components::verify_phone::{Verification, VerifiedSubmit, VerifyPhone};
use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::kit::choice_fields::SelectField;
use crate::kit::dom::{focus, scroll_to_top};
use crate::kit::loader::Loader;
use crate::kit::not_found::NotFoundPage;
use crate::kit::page_title::use_page_title;
use crate::kit::photos::PhotoPicker;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::projects::client;
use crate::projects::pages::cycle::cycle_name;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::platform::photos::Photo;
use deputy_homes_api::projects::{
    CyclePhase, CycleView, NewProposal, Proposal, ProposalCategory, DESCRIPTION_CHARS,
    SHORT_TEXT_CHARS, TITLE_CHARS,
};
use deputy_homes_api::District;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The page.
#[component]
pub fn ProposeProjectPage() -> impl IntoView {
    use_page_title(|t| t.projects_propose_heading);
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let cycle = LocalResource::new(move || client::cycle(id.get()));
    let sent = RwSignal::new(None::<Proposal>);
    view! {
        <p class="back">
            <a href=move || {
                Page::ProjectCycle(id.get()).path()
            }>{tr(|c| c.projects_back_to_cycle)}</a>
        </p>
        <h1>{tr(|c| c.projects_propose_heading)}</h1>
        {move || match sent.get() {
            Some(p) => view! { <ProposalSent proposal=p /> }.into_any(),
            None => {
                view! {
                    <Loader resource=cycle not_found=|| view! { <NotFoundPage /> } let:v>
                        <FormOrClosed view=v sent />
                    </Loader>
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn FormOrClosed(view: CycleView, sent: RwSignal<Option<Proposal>>) -> impl IntoView {
    let name = cycle_name(&view.cycle);
    let cycle = view.cycle;
    view! {
        <p>
            <strong>{name}</strong>
        </p>
        {if cycle.phase == CyclePhase::Collecting {
            view! { <ProposalForm cycle_id=cycle.id congress=cycle.congress sent /> }.into_any()
        } else {
            view! {
                <p class="alert" role="note">
                    {tr(|c| c.projects_not_collecting)}
                </p>
            }
                .into_any()
        }}
    }
}

#[component]
fn ProposalForm(
    cycle_id: String,
    congress: String,
    sent: RwSignal<Option<Proposal>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let beneficiaries = RwSignal::new(String::new());
    // A district's congress takes its own district's proposals; the city's, any district's.
    let district = RwSignal::new(
        District::from_code(&congress)
            .unwrap_or(District::Xincheng)
            .code()
            .to_owned(),
    );
    let category = RwSignal::new(ProposalCategory::Other.code().to_owned());
    let photos = RwSignal::new(Vec::<Photo>::new());
    let uploading = RwSignal::new(false);
    let verification = Verification::new("proposal");
    let submission = Submission::new();
    let cycle_id = StoredValue::new(cycle_id);
    let field_error = move |field: &'static str| move || submission.field_error(field);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if submission.busy_untracked() || uploading.get_untracked() {
            return;
        }
        let body = NewProposal {
            title: title.get_untracked(),
            what_and_where: what.get_untracked(),
            beneficiaries: beneficiaries.get_untracked(),
            district: District::from_code(&district.get_untracked()).unwrap_or(District::Xincheng),
            category: ProposalCategory::from_code(&category.get_untracked())
                .unwrap_or(ProposalCategory::Other),
            photo_ids: photos.with_untracked(|p| p.iter().map(|p| p.id.clone()).collect()),
        };
        if let Err(e) = body.validate() {
            let (field, message) = refusals::proposal_check(&e, i18n.t());
            submission.refuse((field, message));
            if let Some(field) = field {
                focus(&format!("proposal-{}", field.replace('_', "-")));
            }
            return;
        }
        verification.send(
            submission,
            move |csrf| client::propose(cycle_id.get_value(), body, csrf),
            move |p| {
                sent.set(Some(p));
                scroll_to_top();
            },
            refusals::proposal,
        );
    };

    view! {
        <p>{tr(|c| c.projects_propose_intro)}</p>
        <form class="form" on:submit=submit novalidate>
            <TextField
                id="proposal-title"
                label=|c| c.projects_field_title
                value=title
                error=field_error("title")
                max_chars=TITLE_CHARS.1
                count=true
            />
            <TextField
                id="proposal-what-and-where"
                label=|c| c.projects_field_what
                hint=|c| c.projects_field_what_hint
                value=what
                error=field_error("what_and_where")
                max_chars=DESCRIPTION_CHARS.1
                count=true
                rows=5
            />
            <TextField
                id="proposal-beneficiaries"
                label=|c| c.projects_field_beneficiaries
                value=beneficiaries
                error=field_error("beneficiaries")
                max_chars=SHORT_TEXT_CHARS.1
            />
            <SelectField id="proposal-district" label=|c| c.projects_field_district value=district>
                {District::ALL
                    .map(|d| {
                        let selected = d.code() == district.get_untracked();
                        view! {
                            <option value=d.code() selected=selected>
                                {tr_with(|t, d| (t.district_name)(d), d)}
                            </option>
                        }
                    })}
            </SelectField>
            <SelectField id="proposal-category" label=|c| c.projects_field_category value=category>
                {ProposalCategory::ALL
                    .map(|k| {
                        let selected = k.code() == category.get_untracked();
                        view! {
                            <option value=k.code() selected=selected>
                                {tr_with(|t, k| t.projects_category_name(k), k)}
                            </option>
                        }
                    })}
            </SelectField>
            <VerifyPhone
                verification
                label=|c| c.book_phone
                hint=|c| c.projects_phone_hint
                error=field_error("phone")
            />
            <ProposalPhotos verification photos uploading submission />
            <FormStatus submission />
            <VerifiedSubmit verification submission label=|c| c.projects_propose_submit />
        </form>
    }
}

/// The proposal's photos: uploaded in the verified phone's session, so before the phone is
/// verified a button verifies the code typed, without sending the proposal.
#[component]
fn ProposalPhotos(
    verification: Verification,
    photos: RwSignal<Vec<Photo>>,
    uploading: RwSignal<bool>,
    submission: Submission,
) -> impl IntoView {
    view! {
        <Show
            when=move || verification.verified()
            fallback=move || {
                view! {
                    <div class="field">
                        <p class="hint" id="proposal-photo-hint">
                            {tr(|c| c.projects_photos_verify_first)}
                        </p>
                        <button
                            type="button"
                            class="button"
                            aria-describedby="proposal-photo-hint"
                            on:click=move |_| verification.then(|| ())
                        >
                            {tr(|c| c.verify_button)}
                        </button>
                    </div>
                }
            }
        >
            <PhotoPicker
                id="proposal-photo"
                photos
                uploading
                submission
                upload=move |file| client::proposal_photo_upload(file, verification.csrf_token())
                refusal=refusals::proposal
                alt=|c, n| c.projects_proposal_photo_alt(n)
            />
        </Show>
    }
}

/// The tracking number and the way to the proposal's page.
#[component]
fn ProposalSent(proposal: Proposal) -> impl IntoView {
    let link = Page::ProjectProposal(proposal.tracking_number.clone()).path();
    view! {
        <section class="booking-done" aria-labelledby="proposal-sent-heading">
            <h2 id="proposal-sent-heading">{tr(|c| c.projects_proposal_sent)}</h2>
            <div class="booking-code">
                <p class="booking-code__label">{tr(|c| c.projects_tracking)}</p>
                <p class="tracking-number" data-tracking=proposal.tracking_number.clone()>
                    {proposal.tracking_number.clone()}
                </p>
            </div>
            <p class="hint">{tr(|c| c.projects_proposal_sent_note)}</p>
            <p>
                <a class="button button--link button--wide" href=link>
                    {tr(|c| c.projects_see_proposal)}
                </a>
            </p>
        </section>
    }
}
