//! `/project-proposals/:tracking`: a proposed project's public page: what it asks for, with its
//! photos, its status (open, merged into another, declined with the published reason), its
//! supporters, and the support button for a verified phone while the cycle collects (after, the
//! day collection closed).

use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::clock::local_time;
use crate::kit::loader::Loader;
use crate::kit::not_found::NotFoundPage;
use crate::kit::page_title::use_page_title;
use crate::kit::photos::PhotoGallery;
use crate::projects::client;
use crate::projects::components::support_form::SupportOrClosed;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::projects::{Proposal, ProposalStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The page.
#[component]
pub fn ProjectProposalPage() -> impl IntoView {
    use_page_title(|t| t.projects_proposal_heading);
    let params = use_params_map();
    let number = Memo::new(move |_| params.with(|p| p.get("tracking").unwrap_or_default()));
    let proposal = LocalResource::new(move || client::proposal(number.get()));
    view! {
        <Loader resource=proposal not_found=|| view! { <NotFoundPage /> } let:p>
            <ProposalView proposal=p />
        </Loader>
    }
}

#[component]
fn ProposalView(proposal: Proposal) -> impl IntoView {
    let i18n = use_i18n();
    let supporters = RwSignal::new(proposal.supporters);
    let status = proposal.status;
    view! {
        <p class="back">
            <a href=Page::ProjectCycle(proposal.cycle_id.clone())
                .path()>{tr(|c| c.projects_back_to_cycle)}</a>
        </p>
        <p class="hint">{tr(|c| c.projects_proposal_heading)}</p>
        <h1>{proposal.title}</h1>
        <p class="opinion__meta">
            <span class="booking__code">{proposal.tracking_number.clone()}</span>
            <span class="tag">
                {tr_with(|t, k| t.projects_category_name(k), proposal.category)}
            </span>
            <span class="tag">{tr_with(|t, d| (t.district_name)(d), proposal.district)}</span>
        </p>
        <p class="hint">
            {tr_with(|c, d: String| c.opinion_submitted_at(&d), local_time(proposal.created_at_ms))}
        </p>
        <h2>{tr(|c| c.projects_field_what)}</h2>
        <p class="opinion__body">{proposal.what_and_where}</p>
        <PhotoGallery photos=proposal.photos alt=|c, n| c.projects_proposal_photo_alt(n) />
        <h2>{tr(|c| c.projects_field_beneficiaries)}</h2>
        <p>{proposal.beneficiaries}</p>
        <h2>{tr(|c| c.projects_status_heading)}</h2>
        <p>
            <span class=format!(
                "status proposal-status--{}",
                status.code(),
            )>{tr_with(|t, s| t.projects_status_name(s), status)}</span>
        </p>
        {proposal
            .merged_into
            .map(|into| {
                let href = Page::ProjectProposal(into.clone()).path();
                view! {
                    <p>
                        {tr(|c| c.projects_merged_into)} " "
                        <a class="project-inline-link" href=href>
                            {into}
                        </a>
                    </p>
                }
            })}
        {proposal
            .decline_reason
            .map(|reason| {
                view! {
                    <p>
                        <strong>{tr(|c| c.projects_decline_reason)}</strong>
                        " "
                        {reason}
                    </p>
                }
            })}
        <p class="project-supporters" role="status">
            {move || i18n.t().projects_supporters(supporters.get())}
        </p>
        {(status == ProposalStatus::Open)
            .then(|| {
                view! {
                    <SupportOrClosed
                        tracking_number=proposal.tracking_number
                        cycle_id=proposal.cycle_id.clone()
                        supporters
                    />
                }
            })}
    }
}
