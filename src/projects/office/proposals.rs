//! The proposals of a cycle for staff: each with its supporters and status; while the list is
//! open an open proposal can be merged into another (a duplicate) or declined with a reason that
//! is published. Nothing is deleted.

use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::choice_fields::SelectField;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::projects::office::client;
use deputy_homes_api::projects::{
    Decline, Merge, ProjectField, Proposal, ProposalStatus, SHORT_TEXT_CHARS,
};
use deputy_homes_api::FormField;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The proposals, with the moderation forms while `open`.
#[component]
pub fn Proposals(
    proposals: Vec<Proposal>,
    open: bool,
    csrf: String,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open_numbers: Vec<(String, String)> = proposals
        .iter()
        .filter(|p| p.status == ProposalStatus::Open)
        .map(|p| (p.tracking_number.clone(), p.title.clone()))
        .collect();
    let count = proposals.len();
    let others = StoredValue::new(open_numbers);
    let csrf = StoredValue::new(csrf);
    view! {
        <h2>{move || i18n.t().project_office.proposals_heading(count)}</h2>
        {(count == 0)
            .then(|| view! { <p class="hint">{tr(|c| c.project_office.no_proposals)}</p> })}
        <ul class="proposal-list">
            {proposals
                .into_iter()
                .map(|proposal| {
                    let moderate = open && proposal.status == ProposalStatus::Open;
                    view! {
                        <ProposalItem
                            proposal
                            moderate
                            others=others.get_value()
                            csrf=csrf.get_value()
                            reload
                        />
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn ProposalItem(
    proposal: Proposal,
    moderate: bool,
    others: Vec<(String, String)>,
    csrf: String,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let number = proposal.tracking_number.clone();
    let status = proposal.status;
    let supporters = proposal.supporters;
    let district = proposal.district;
    let merged_into = proposal.merged_into.clone();
    let reason = proposal.decline_reason.clone();
    let others: Vec<(String, String)> = others.into_iter().filter(|(n, _)| *n != number).collect();
    let data_proposal = number.clone();
    let shown_number = number.clone();
    view! {
        <li class="card proposal-item" data-proposal=data_proposal>
            <p>
                <strong>{proposal.title.clone()}</strong>
            </p>
            <p class="hint">
                {shown_number} " · " {move || (i18n.t().district_name)(district)} " · "
                {move || i18n.t().project_office.supporters(supporters)}
            </p>
            <p>{proposal.what_and_where.clone()}</p>
            <p>
                <span class="tag">{move || i18n.t().project_office.proposal_status(status)}</span>
                {merged_into
                    .map(|into| {
                        view! {
                            " "
                            {move || i18n.t().project_office.merged_into(&into)}
                        }
                    })}
            </p>
            {reason
                .map(|r| view! { <p>{move || i18n.t().project_office.declined_because(&r)}</p> })}
            {moderate
                .then(|| {
                    view! {
                        <MergeForm number=number.clone() others csrf=csrf.clone() reload />
                        <DeclineForm number csrf reload />
                    }
                })}
        </li>
    }
}

#[component]
fn MergeForm(
    number: String,
    others: Vec<(String, String)>,
    csrf: String,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let into = RwSignal::new(String::new());
    let merging = Submission::new();
    let select_id = format!("merge-{number}");
    let ids = StoredValue::new((number, csrf));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let target = into.get_untracked();
        if target.is_empty() {
            merging.refuse((
                Some(ProjectField::Into.name()),
                i18n.t().project_office.error_into,
            ));
            return;
        }
        let (number, csrf) = ids.get_value();
        merging.send(
            client::proposal_merge(number, Merge { into: target }, csrf),
            move |answer| match answer {
                Ok(_) => reload.run(()),
                Err(e) => merging.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <details class="disclosure">
            <summary>{tr(|c| c.project_office.merge_summary)}</summary>
            <form class="form" on:submit=submit novalidate>
                <SelectField
                    id=select_id
                    label=|c| c.project_office.merge_into_label
                    value=into
                    error=merging.error("into")
                >
                    <option value="">{tr(|c| c.project_office.choose_one)}</option>
                    {others
                        .into_iter()
                        .map(|(n, title)| {
                            view! { <option value=n.clone()>{format!("{n} {title}")}</option> }
                        })
                        .collect_view()}
                </SelectField>
                <FormStatus submission=merging />
                <button type="submit" class="button" disabled=move || merging.busy()>
                    {tr(|c| c.project_office.merge_button)}
                </button>
            </form>
        </details>
    }
}

#[component]
fn DeclineForm(number: String, csrf: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let declining = Submission::new();
    let input_id = format!("decline-{number}");
    let ids = StoredValue::new((number, csrf));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = Decline {
            reason: reason.get_untracked(),
        };
        if let Err(e) = body.validate() {
            declining.refuse(refusals::project_office_check(&e, i18n.t()));
            return;
        }
        let (number, csrf) = ids.get_value();
        declining.send(
            client::proposal_decline(number, body, csrf),
            move |answer| match answer {
                Ok(_) => reload.run(()),
                Err(e) => declining.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <details class="disclosure">
            <summary>{tr(|c| c.project_office.decline_summary)}</summary>
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id=input_id
                    label=|c| c.project_office.decline_reason_label
                    hint=|c| c.project_office.decline_reason_hint
                    value=reason
                    rows=2
                    max_chars=SHORT_TEXT_CHARS.1
                    error=declining.error("reason")
                />
                <FormStatus submission=declining />
                <button type="submit" class="button" disabled=move || declining.busy()>
                    {tr(|c| c.project_office.decline_button)}
                </button>
            </form>
        </details>
    }
}
