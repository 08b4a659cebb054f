//! "支持这个建议": a verified phone supports an open proposal once while its cycle collects; a
//! second time, a closed collection or a merged proposal is told in words. Once collection has
//! closed, the form is not shown: the day it closed is.

use crate::citizens::components::verify_phone::{Verification, VerifiedSubmit, VerifyPhone};
use crate::i18n::{refusals, tr, tr_with};
use crate::kit::clock::local_time;
use crate::kit::submission::{FormStatus, Submission};
use crate::projects::client::{self, support as client_support};
use deputy_homes_api::projects::CyclePhase;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The support form while the proposal's cycle collects; once collection closed, when it did.
#[component]
pub fn SupportOrClosed(
    /// The proposal's tracking number.
    tracking_number: String,
    /// The proposal's cycle.
    cycle_id: String,
    /// The proposal's supporters, updated by the answer.
    supporters: RwSignal<u32>,
) -> impl IntoView {
    let cycles = LocalResource::new(client::cycles);
    let number = StoredValue::new(tracking_number);
    move || {
        let cycle = cycles
            .get()
            .and_then(Result::ok)
            .and_then(|list| list.into_iter().find(|c| c.id == cycle_id))?;
        Some(match (cycle.phase, cycle.collection_closed_at_ms) {
            (CyclePhase::Collecting, _) => {
                view! { <SupportForm tracking_number=number.get_value() supporters /> }.into_any()
            }
            (_, Some(at)) => view! {
                <p class="alert" role="note" data-collection-closed="">
                    {tr_with(|c, d: String| c.projects_collection_closed_on(&d), local_time(at))}
                </p>
            }
            .into_any(),
            _ => ().into_any(),
        })
    }
}

/// The support button with the phone it is given with.
#[component]
fn SupportForm(
    /// The proposal's tracking number.
    tracking_number: String,
    /// The proposal's supporters, updated by the answer.
    supporters: RwSignal<u32>,
) -> impl IntoView {
    let verification = Verification::new("support");
    let submission = Submission::new();
    let number = StoredValue::new(tracking_number);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if submission.busy_untracked() {
            return;
        }
        verification.send(
            submission,
            move |csrf| client_support(number.get_value(), csrf),
            move |s| {
                supporters.set(s.supporters);
                submission.succeed();
            },
            refusals::support,
        );
    };
    view! {
        <section class="card" aria-labelledby="support-heading">
            <h2 id="support-heading">{tr(|c| c.projects_support_heading)}</h2>
            <p class="hint">{tr(|c| c.projects_support_hint)}</p>
            <form class="form" on:submit=submit novalidate>
                <VerifyPhone verification label=|c| c.book_phone error=Signal::derive(|| None) />
                <FormStatus submission ok=|c| c.projects_supported />
                <VerifiedSubmit verification submission label=|c| c.projects_support_button />
            </form>
        </section>
    }
}
