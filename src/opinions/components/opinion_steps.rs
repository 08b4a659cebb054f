//! The forms of the steps staff take on one opinion (accept, reject, assign, acknowledge, reply,
//! extend, publish, close, internal note). Only the steps the status allows are offered; the
//! server's refusal is shown next to the field it names.

use crate::i18n::refusals;
use crate::i18n::{tr, tr_with, use_i18n, I18n, Text};
use crate::kit::choice_fields::SelectField;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::opinions::client;
use crate::opinions::components::unit_picker::UnitPicker;
use crate::opinions::moderation_rules::{steps_from, StaffStep};
use deputy_homes_api::meetings::activity::{format_date, parse_date};
use deputy_homes_api::opinions::board::ReplyClass;
use deputy_homes_api::opinions::handling::{
    AssignOpinion, ExtendOpinion, InternalNote, RejectOpinion, RejectReason, ReplyToOpinion,
    StaffOpinionView, StepNote, MAX_TEXT_CHARS,
};
use deputy_homes_api::opinions::units::HandlingUnit;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde::Serialize;

/// The opinion being handled, shared by its forms.
#[derive(Debug, Clone, Copy)]
pub struct StepTarget {
    /// The opinion as last answered by the server; a step replaces it.
    pub view: RwSignal<StaffOpinionView>,
    /// The session's anti-forgery token.
    pub csrf: StoredValue<String>,
    /// Set after a step succeeded, for the page's status line.
    pub saved: RwSignal<Option<&'static str>>,
    /// The language, for the messages.
    pub i18n: I18n,
}

/// Sends one step; on success the page shows the opinion as it now is.
fn send_step<B: Serialize + 'static>(
    target: StepTarget,
    path: &'static str,
    body: B,
    submission: Submission,
) {
    let i18n = target.i18n;
    let tracking = target
        .view
        .with_untracked(|v| v.summary.tracking_number.clone());
    target.saved.set(None);
    let request = client::staff_opinion_step(tracking, path, body, target.csrf.get_value());
    submission.send(request, move |answer| match answer {
        Ok(view) => {
            target.view.set(view);
            target.saved.set(Some(i18n.t().step_done));
        }
        Err(e) => submission.refuse(refusals::step(&e, i18n.t())),
    });
}

/// The end of a form: its general refusal and its button.
#[component]
fn StepSubmit(label: Text, submission: Submission) -> impl IntoView {
    view! {
        <FormStatus submission />
        <button type="submit" class="button button--primary" disabled=move || submission.busy()>
            {tr(label)}
        </button>
    }
}

/// An optional note for the citizen, absent when blank.
fn optional(text: String) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

/// Every form the opinion's status allows, and the internal note.
#[component]
pub fn OpinionSteps(
    /// The opinion being handled.
    target: StepTarget,
    /// Every handling unit.
    #[prop(into)]
    units: Signal<Vec<HandlingUnit>>,
) -> impl IntoView {
    let status = Memo::new(move |_| target.view.with(|v| v.summary.status));
    view! {
        <section class="steps" aria-labelledby="steps-heading">
            <h2 id="steps-heading">{tr(|c| c.actions_heading)}</h2>
            {move || {
                let steps = steps_from(status.get());
                if steps.is_empty() {
                    return view! { <p class="hint">{tr(|c| c.no_steps_left)}</p> }.into_any();
                }
                steps
                    .iter()
                    .map(|step| match step {
                        StaffStep::Accept => {
                            view! {
                                <SimpleStep
                                    target
                                    step=*step
                                    label=|c| c.step_accept
                                    with_note=true
                                />
                            }
                                .into_any()
                        }
                        StaffStep::Acknowledge => {
                            view! {
                                <SimpleStep
                                    target
                                    step=*step
                                    label=|c| c.step_acknowledge
                                    with_note=false
                                />
                            }
                                .into_any()
                        }
                        StaffStep::Close => {
                            view! {
                                <SimpleStep
                                    target
                                    step=*step
                                    label=|c| c.step_close
                                    with_note=true
                                />
                            }
                                .into_any()
                        }
                        StaffStep::Publish => view! { <PublishStep target /> }.into_any(),
                        StaffStep::Reject => view! { <RejectStep target /> }.into_any(),
                        StaffStep::Assign => view! { <AssignStep target units /> }.into_any(),
                        StaffStep::Reply => view! { <ReplyStep target /> }.into_any(),
                        StaffStep::Extend => view! { <ExtendStep target /> }.into_any(),
                    })
                    .collect_view()
                    .into_any()
            }}
            <NoteStep target />
        </section>
    }
}

/// A step that needs nothing but, perhaps, a note for the citizen.
#[component]
fn SimpleStep(target: StepTarget, step: StaffStep, label: Text, with_note: bool) -> impl IntoView {
    let submission = Submission::new();
    let note = RwSignal::new(String::new());
    let id: &'static str = match step {
        StaffStep::Accept => "accept-note",
        _ => "close-note",
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = StepNote {
            note: optional(note.get_untracked()),
        };
        send_step(target, step.path(), body, submission);
    };
    view! {
        <form class="form step card" on:submit=submit novalidate>
            <h3>{tr(label)}</h3>
            {with_note
                .then(|| {
                    view! {
                        <TextField
                            id=id
                            label=|c| c.step_note_label
                            value=note
                            rows=3
                            max_chars=MAX_TEXT_CHARS
                            error=submission.error("note")
                        />
                    }
                })}
            <StepSubmit label submission />
        </form>
    }
}

#[component]
fn PublishStep(target: StepTarget) -> impl IntoView {
    let submission = Submission::new();
    let allowed = target.view.with_untracked(|v| v.allow_publish);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send_step(
            target,
            StaffStep::Publish.path(),
            StepNote::default(),
            submission,
        );
    };
    view! {
        <form class="form step card" on:submit=submit novalidate>
            <h3>{tr(|c| c.step_publish)}</h3>
            {(!allowed)
                .then(|| {
                    view! {
                        <p class="hint" id="publish-why">
                            {tr(|c| c.publish_not_allowed)}
                        </p>
                    }
                })}
            <p class="form-error" role="alert">
                {move || submission.message().unwrap_or_default()}
            </p>
            <button
                type="submit"
                class="button button--primary"
                aria-describedby=(!allowed).then_some("publish-why")
                disabled=move || submission.busy() || !allowed
            >
                {tr(|c| c.step_publish)}
            </button>
        </form>
    }
}

#[component]
fn RejectStep(target: StepTarget) -> impl IntoView {
    let i18n = use_i18n();
    let submission = Submission::new();
    let reason_chosen = RwSignal::new(reason_code(RejectReason::Spam).to_owned());
    let reason = Signal::derive(move || {
        reason_chosen.with(|code| {
            REASONS
                .into_iter()
                .find(|r| reason_code(*r) == code)
                .unwrap_or(RejectReason::Spam)
        })
    });
    let (duplicate_of, message) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let reason = reason.get_untracked();
        let body = RejectOpinion {
            reason,
            duplicate_of: (reason == RejectReason::Duplicate)
                .then(|| duplicate_of.get_untracked().trim().to_uppercase()),
            message: message.get_untracked(),
        };
        if let Err(e) = body.validate() {
            submission.refuse(refusals::step_check(&e, i18n.t()));
            return;
        }
        send_step(target, StaffStep::Reject.path(), body, submission);
    };
    view! {
        <form class="form step card" on:submit=submit novalidate>
            <h3>{tr(|c| c.step_reject)}</h3>
            <SelectField id="reject-reason" label=|c| c.reject_reason_label value=reason_chosen>
                {REASONS
                    .map(|r| {
                        view! {
                            <option value=reason_code(
                                r,
                            )>{tr_with(|c, r| c.reject_reason_name(r), r)}</option>
                        }
                    })}
            </SelectField>
            <Show when=move || reason.get() == RejectReason::Duplicate>
                <TextField
                    id="reject-duplicate-of"
                    label=|c| c.duplicate_of_label
                    value=duplicate_of
                    autocapitalize="characters"
                    error=submission.error("duplicate_of")
                />
            </Show>
            <TextField
                id="reject-message"
                label=|c| c.reject_message_label
                value=message
                rows=3
                max_chars=MAX_TEXT_CHARS
                error=submission.error("message")
            />
            <StepSubmit label=|c| c.step_reject submission />
        </form>
    }
}

/// The reasons offered, in the order shown.
const REASONS: [RejectReason; 5] = [
    RejectReason::Spam,
    RejectReason::Abusive,
    RejectReason::Duplicate,
    RejectReason::OutOfScope,
    RejectReason::InLitigation,
];

/// The wire name of a reason, for the select's values.
fn reason_code(reason: RejectReason) -> &'static str {
    match reason {
        RejectReason::Spam => "spam",
        RejectReason::Abusive => "abusive",
        RejectReason::Duplicate => "duplicate",
        RejectReason::OutOfScope => "out_of_scope",
        RejectReason::InLitigation => "in_litigation",
    }
}

#[component]
fn AssignStep(target: StepTarget, #[prop(into)] units: Signal<Vec<HandlingUnit>>) -> impl IntoView {
    let i18n = use_i18n();
    let submission = Submission::new();
    let chosen = RwSignal::new(Vec::<String>::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let unit_ids = chosen.get_untracked();
        if unit_ids.is_empty() {
            submission.refuse((Some("unit_ids"), i18n.t().error_units));
            return;
        }
        send_step(
            target,
            StaffStep::Assign.path(),
            AssignOpinion {
                unit_ids,
                note: None,
            },
            submission,
        );
    };
    view! {
        <form class="form step card" on:submit=submit novalidate>
            <h3>{tr(|c| c.step_assign)}</h3>
            <UnitPicker
                units
                selected=chosen
                id_prefix="assign-units"
                error=Signal::derive(move || submission.field_error("unit_ids"))
            />
            <StepSubmit label=|c| c.step_assign submission />
        </form>
    }
}

#[component]
fn ReplyStep(target: StepTarget) -> impl IntoView {
    let submission = Submission::new();
    let class = RwSignal::new(ReplyClass::A);
    let text = RwSignal::new(String::new());
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = ReplyToOpinion {
            class: class.get_untracked(),
            text: text.get_untracked(),
        };
        send_step(target, StaffStep::Reply.path(), body, submission);
    };
    view! {
        <form class="form step card" on:submit=submit novalidate>
            <h3>{tr(|c| c.step_reply)}</h3>
            <fieldset class="field checks">
                <legend>{tr(|c| c.reply_class_label)}</legend>
                {[ReplyClass::A, ReplyClass::B, ReplyClass::C]
                    .map(|k| {
                        let id = format!("reply-class-{}", k.code());
                        let label_for = id.clone();
                        view! {
                            <label class="check" for=label_for>
                                <input
                                    id=id
                                    type="radio"
                                    name="reply-class"
                                    prop:checked=move || class.get() == k
                                    on:change=move |_| class.set(k)
                                />
                                <span>{tr_with(|c, k| c.reply_class_name(k), k)}</span>
                            </label>
                        }
                    })}
            </fieldset>
            <TextField
                id="reply-text"
                label=|c| c.reply_text_label
                value=text
                rows=3
                max_chars=MAX_TEXT_CHARS
                error=submission.error("text")
            />
            <StepSubmit label=|c| c.step_reply submission />
        </form>
    }
}

#[component]
fn ExtendStep(target: StepTarget) -> impl IntoView {
    let submission = Submission::new();
    // The form starts from the current due date; a new one must come after it.
    let current = target.view.with_untracked(|v| v.summary.due_date.clone());
    let earliest = current
        .as_deref()
        .and_then(parse_date)
        .map(|d| format_date(d + 1));
    let (reason, date) = (
        RwSignal::new(String::new()),
        RwSignal::new(current.clone().unwrap_or_default()),
    );
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = ExtendOpinion {
            reason: reason.get_untracked(),
            due_date: optional(date.get_untracked()),
            working_days: None,
        };
        send_step(target, StaffStep::Extend.path(), body, submission);
    };
    view! {
        <form class="form step card" on:submit=submit novalidate>
            <h3>{tr(|c| c.step_extend)}</h3>
            {current
                .map(|d| {
                    view! {
                        <p class="hint" id="extend-date-current">
                            {tr_with(|c, d: String| c.due_on(&d), d)}
                        </p>
                    }
                })}
            <TextField
                id="extend-date"
                label=|c| c.extend_date_label
                value=date
                kind="date"
                min=earliest.unwrap_or_default()
                error=submission.error("due_date")
            />
            <TextField
                id="extend-reason"
                label=|c| c.extend_reason_label
                value=reason
                rows=3
                max_chars=MAX_TEXT_CHARS
                error=submission.error("reason")
            />
            <StepSubmit label=|c| c.step_extend submission />
        </form>
    }
}

#[component]
fn NoteStep(target: StepTarget) -> impl IntoView {
    let submission = Submission::new();
    let text = RwSignal::new(String::new());
    // A saved note empties the box for the next one.
    Effect::new(move |_| {
        target.view.track();
        text.set(String::new());
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send_step(
            target,
            "note",
            InternalNote {
                text: text.get_untracked(),
            },
            submission,
        );
    };
    view! {
        <form class="form step card" on:submit=submit novalidate>
            <h3>{tr(|c| c.add_note)}</h3>
            <TextField
                id="note-text"
                label=|c| c.note_label
                value=text
                rows=3
                max_chars=MAX_TEXT_CHARS
                error=submission.error("text")
            />
            <StepSubmit label=|c| c.add_note submission />
        </form>
    }
}
