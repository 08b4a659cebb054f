//! The candidate list (初定) for staff: each candidate with its facts and origin proposals, a
//! withdrawal while the list is open, and the form that drafts a candidate from open proposals
//! with a responsible unit (the handling units), budget, target and deadline.

use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::choice_fields::SelectField;
use crate::kit::loader::Loader;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::opinions::client::units_list;
use crate::projects::office::rules::parse_yuan;
use crate::projects::office::{client, CandidateFacts};
use deputy_homes_api::opinions::units::HandlingUnit;
use deputy_homes_api::projects::{
    Candidate, CycleView, NewCandidate, ProjectField, ProposalStatus, DESCRIPTION_CHARS,
    SHORT_TEXT_CHARS, TITLE_CHARS,
};
use deputy_homes_api::FormField;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The list, and while it is open the drafting form.
#[component]
pub fn Candidates(view: CycleView, csrf: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let open = view.cycle.phase.list_is_open();
    let listed = view.candidates.iter().filter(|c| !c.withdrawn).count();
    let to_adopt = view.cycle.to_adopt;
    let proposals: Vec<(String, String)> = view
        .proposals
        .iter()
        .filter(|p| p.status == ProposalStatus::Open)
        .map(|p| (p.tracking_number.clone(), p.title.clone()))
        .collect();
    let cycle_id = view.cycle.id.clone();
    let csrf = StoredValue::new(csrf);
    view! {
        <h2>{tr(|c| c.project_office.candidates_heading)}</h2>
        <p class="hint">{move || i18n.t().project_office.margin_words(listed, to_adopt)}</p>
        <ul class="candidate-list">
            {view
                .candidates
                .into_iter()
                .map(|candidate| {
                    view! { <CandidateItem candidate open csrf=csrf.get_value() reload /> }
                })
                .collect_view()}
        </ul>
        {open
            .then(|| {
                view! { <NewCandidateForm cycle_id proposals csrf=csrf.get_value() reload /> }
            })}
    }
}

#[component]
fn CandidateItem(
    candidate: Candidate,
    open: bool,
    csrf: String,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let withdrawing = Submission::new();
    let withdrawn = candidate.withdrawn;
    let origin = candidate.proposals.join("、");
    let ids = StoredValue::new((candidate.id.clone(), csrf));
    let withdraw = move |_| {
        let (id, csrf) = ids.get_value();
        withdrawing.send(
            client::candidate_withdraw(id, csrf),
            move |answer| match answer {
                Ok(_) => reload.run(()),
                Err(e) => withdrawing.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <li class="card candidate-item" class=("candidate-item--withdrawn", withdrawn)>
            <p>
                <strong>{candidate.title.clone()}</strong>
                {withdrawn
                    .then(|| {
                        view! {
                            " "
                            <span class="tag">{tr(|c| c.project_office.withdrawn)}</span>
                        }
                    })}
            </p>
            <CandidateFacts candidate />
            <p class="hint">{move || i18n.t().project_office.from_proposals(&origin)}</p>
            {(open && !withdrawn)
                .then(|| {
                    view! {
                        <FormStatus submission=withdrawing />
                        <button
                            type="button"
                            class="button button--link"
                            disabled=move || withdrawing.busy()
                            on:click=withdraw
                        >
                            {tr(|c| c.project_office.withdraw_button)}
                        </button>
                    }
                })}
        </li>
    }
}

#[component]
fn NewCandidateForm(
    cycle_id: String,
    proposals: Vec<(String, String)>,
    csrf: String,
    reload: Callback<()>,
) -> impl IntoView {
    let units = LocalResource::new(units_list);
    let ids = StoredValue::new((cycle_id, csrf));
    let proposals = StoredValue::new(proposals);
    view! {
        <section class="card" aria-labelledby="new-candidate">
            <h3 id="new-candidate">{tr(|c| c.project_office.new_candidate_heading)}</h3>
            <Loader resource=units let:units>
                <CandidateFields
                    units
                    proposals=proposals.get_value()
                    cycle_id=ids.get_value().0
                    csrf=ids.get_value().1
                    reload
                />
            </Loader>
        </section>
    }
}

#[component]
fn CandidateFields(
    units: Vec<HandlingUnit>,
    proposals: Vec<(String, String)>,
    cycle_id: String,
    csrf: String,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let summary = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let budget = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let deadline = RwSignal::new(String::new());
    let origin = RwSignal::new(Vec::<String>::new());
    let adding = Submission::new();
    let ids = StoredValue::new((cycle_id, csrf));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let Some(budget_yuan) = parse_yuan(&budget.get_untracked()) else {
            adding.refuse((
                Some(ProjectField::BudgetYuan.name()),
                t.project_office.error_budget,
            ));
            return;
        };
        if unit.get_untracked().is_empty() {
            adding.refuse((
                Some(ProjectField::UnitId.name()),
                t.project_office.error_unit,
            ));
            return;
        }
        let body = NewCandidate {
            title: title.get_untracked(),
            summary: summary.get_untracked(),
            unit_id: unit.get_untracked(),
            budget_yuan,
            target: target.get_untracked(),
            deadline: deadline.get_untracked(),
            proposals: origin.get_untracked(),
        };
        if let Err(e) = body.validate() {
            adding.refuse(refusals::project_office_check(&e, t));
            return;
        }
        let (id, csrf) = ids.get_value();
        adding.send(
            client::candidate_create(id, body, csrf),
            move |answer| match answer {
                Ok(_) => reload.run(()),
                Err(e) => adding.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <TextField
                id="candidate-title"
                label=|c| c.project_office.candidate_title_label
                value=title
                max_chars=TITLE_CHARS.1
                error=adding.error("title")
            />
            <TextField
                id="candidate-summary"
                label=|c| c.project_office.candidate_summary_label
                value=summary
                rows=3
                max_chars=DESCRIPTION_CHARS.1
                error=adding.error("summary")
            />
            <SelectField
                id="candidate-unit"
                label=|c| c.project_office.unit_label
                value=unit
                error=adding.error("unit_id")
            >
                <option value="">{tr(|c| c.project_office.choose_one)}</option>
                {units
                    .into_iter()
                    .filter(|u| u.active)
                    .map(|u| view! { <option value=u.id>{u.name}</option> })
                    .collect_view()}
            </SelectField>
            <TextField
                id="candidate-budget"
                label=|c| c.project_office.budget_input_label
                value=budget
                inputmode="numeric"
                error=adding.error("budget_yuan")
            />
            <TextField
                id="candidate-target"
                label=|c| c.project_office.target_label
                value=target
                max_chars=SHORT_TEXT_CHARS.1
                error=adding.error("target")
            />
            <TextField
                id="candidate-deadline"
                label=|c| c.project_office.deadline_label
                value=deadline
                kind="date"
                error=adding.error("deadline")
            />
            <fieldset class="checks" aria-describedby="candidate-proposals-error">
                <legend>{tr(|c| c.project_office.origin_legend)}</legend>
                {proposals
                    .into_iter()
                    .map(|(number, title)| {
                        let n = number.clone();
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    on:change:target=move |ev| {
                                        let on = ev.target().checked();
                                        origin
                                            .update(|o| {
                                                o.retain(|x| *x != n);
                                                if on {
                                                    o.push(n.clone());
                                                }
                                            });
                                    }
                                />
                                {format!("{number} {title}")}
                            </label>
                        }
                    })
                    .collect_view()}
                <p class="field-error" id="candidate-proposals-error">
                    {move || adding.field_error("proposals")}
                </p>
            </fieldset>
            <FormStatus submission=adding />
            <button type="submit" class="button button--primary" disabled=move || adding.busy()>
                {tr(|c| c.project_office.add_candidate_button)}
            </button>
        </form>
    }
}
