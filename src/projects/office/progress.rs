//! An adopted project in the office: its facts, votes, progress bar and flags, the progress
//! timeline, inspections and the year-end result; staff post progress under it, delegates
//! record an inspection.

use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::clock::local_time;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::projects::office::client;
use crate::projects::office::CandidateFacts;
use deputy_homes_api::projects::progress::{NewInspection, NewProgress, ProjectView, REPORT_CHARS};
use deputy_homes_api::projects::SHORT_TEXT_CHARS;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// What the signed-in person may add to a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectAction {
    /// Staff post progress.
    Report,
    /// A delegate records an inspection.
    Inspect,
}

/// One adopted project, kept up to date by the form under it.
#[component]
pub fn ProjectCard(project: ProjectView, action: ProjectAction, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let id = project.project.id.clone();
    let view_of = RwSignal::new(project);
    let updated = Callback::new(move |p: ProjectView| view_of.set(p));
    let heading_id = format!("project-{id}");
    let labelled_by = heading_id.clone();
    let data_project = id.clone();
    view! {
        <article class="card project-card" aria-labelledby=labelled_by data-project=data_project>
            <h3 id=heading_id>{move || view_of.with(|p| p.project.title.clone())}</h3>
            {move || {
                let p = view_of.get();
                let percent = p.percent_done;
                let label = (i18n.t().project_office.percent_done)(percent);
                view! {
                    <p class="project-votes">
                        {(i18n.t().project_office.votes_of)(p.votes, p.eligible)}
                    </p>
                    <div
                        class="progress"
                        role="progressbar"
                        aria-valuemin="0"
                        aria-valuemax="100"
                        aria-valuenow=percent.to_string()
                        aria-label=i18n.t().project_office.progress_label
                    >
                        <svg
                            class="progress__bar"
                            viewBox="0 0 100 10"
                            preserveAspectRatio="none"
                            aria-hidden="true"
                            focusable="false"
                        >
                            <rect x="0" y="0" width=percent.to_string() height="10" />
                        </svg>
                    </div>
                    <p class="progress-text">{label}</p>
                    {p
                        .flags
                        .iter()
                        .map(|f| {
                            view! { <p class="flag">{(i18n.t().project_office.flag_words)(*f)}</p> }
                        })
                        .collect_view()}
                    <CandidateFacts candidate=p.project.clone() />
                    <Timeline project=p />
                }
            }}
            {match action {
                ProjectAction::Report => view! { <ProgressForm id csrf updated /> }.into_any(),
                ProjectAction::Inspect => view! { <InspectionForm id csrf updated /> }.into_any(),
            }}
        </article>
    }
}

/// Progress updates, inspections and the evaluation, oldest first.
#[component]
fn Timeline(project: ProjectView) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().project_office;
    view! {
        <h4>{tr(|c| c.project_office.progress_heading)}</h4>
        {if project.progress.is_empty() {
            view! { <p class="hint">{tr(|c| c.project_office.no_progress)}</p> }.into_any()
        } else {
            view! {
                <ol class="timeline">
                    {project
                        .progress
                        .iter()
                        .map(|u| {
                            let u = u.clone();
                            view! {
                                <li>
                                    <p class="hint">
                                        {local_time(u.at_ms)} " · " {(t().percent_done)(u.percent)}
                                    </p>
                                    <p>{u.done.clone()}</p>
                                    {u
                                        .delay_reason
                                        .clone()
                                        .map(|r| {
                                            view! { <p class="flag">{(t().delay_words)(&r)}</p> }
                                        })}
                                    {u
                                        .lower_reason
                                        .clone()
                                        .map(|r| view! { <p>{(t().lower_words)(&r)}</p> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
                .into_any()
        }}
        <h4>{tr(|c| c.project_office.inspections_heading)}</h4>
        {if project.inspections.is_empty() {
            view! { <p class="hint">{tr(|c| c.project_office.no_inspections)}</p> }.into_any()
        } else {
            view! {
                <ul class="timeline">
                    {project
                        .inspections
                        .iter()
                        .map(|i| {
                            let i = i.clone();
                            view! {
                                <li>
                                    <p class="hint">
                                        {local_time(i.at_ms)} " · " {i.delegate_name.clone()}
                                    </p>
                                    <p>{i.notes.clone()}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
        {project
            .evaluation
            .map(|e| {
                view! {
                    <p class="evaluation-result">
                        {move || (i18n.t().project_office.evaluation_result)(&e)}
                    </p>
                }
            })}
    }
}

/// Staff post a progress update.
#[component]
fn ProgressForm(id: String, csrf: String, updated: Callback<ProjectView>) -> impl IntoView {
    let i18n = use_i18n();
    let percent = RwSignal::new(String::new());
    let done = RwSignal::new(String::new());
    let delay = RwSignal::new(String::new());
    let lower = RwSignal::new(String::new());
    let posting = Submission::new();
    let ids = StoredValue::new((id.clone(), csrf));
    let field = move |name: &str| format!("{name}-{id}");
    let optional = |text: String| {
        let text = text.trim().to_owned();
        (!text.is_empty()).then_some(text)
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let Ok(value) = percent.get_untracked().trim().parse::<u32>() else {
            posting.refuse((Some("percent"), t.project_office.error_percent));
            return;
        };
        let body = NewProgress {
            percent: value,
            done: done.get_untracked(),
            delay_reason: optional(delay.get_untracked()),
            lower_reason: optional(lower.get_untracked()),
        };
        if let Err(e) = body.validate(None) {
            posting.refuse(refusals::project_office_check(&e, t));
            return;
        }
        let (id, csrf) = ids.get_value();
        posting.send(
            client::progress_post(id, body, csrf),
            move |answer| match answer {
                Ok(view) => {
                    percent.set(String::new());
                    done.set(String::new());
                    delay.set(String::new());
                    lower.set(String::new());
                    posting.succeed();
                    updated.run(view);
                }
                Err(e) => posting.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <details class="disclosure">
            <summary>{tr(|c| c.project_office.post_progress)}</summary>
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id=field("percent")
                    label=|c| c.project_office.percent_label
                    value=percent
                    kind="number"
                    inputmode="numeric"
                    min="0"
                    max="100"
                    error=posting.error("percent")
                />
                <TextField
                    id=field("done")
                    label=|c| c.project_office.done_label
                    value=done
                    rows=3
                    max_chars=REPORT_CHARS.1
                    error=posting.error("done")
                />
                <TextField
                    id=field("delay")
                    label=|c| c.project_office.delay_label
                    hint=|c| c.project_office.delay_hint
                    value=delay
                    max_chars=SHORT_TEXT_CHARS.1
                    error=posting.error("delay_reason")
                />
                <TextField
                    id=field("lower")
                    label=|c| c.project_office.lower_label
                    hint=|c| c.project_office.lower_hint
                    value=lower
                    max_chars=SHORT_TEXT_CHARS.1
                    error=posting.error("lower_reason")
                />
                <FormStatus submission=posting ok=|c| c.project_office.progress_posted />
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || posting.busy()
                >
                    {tr(|c| c.project_office.post_progress_button)}
                </button>
            </form>
        </details>
    }
}

/// A delegate records an inspection.
#[component]
fn InspectionForm(id: String, csrf: String, updated: Callback<ProjectView>) -> impl IntoView {
    let i18n = use_i18n();
    let notes = RwSignal::new(String::new());
    let recording = Submission::new();
    let input_id = format!("notes-{id}");
    let ids = StoredValue::new((id, csrf));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = NewInspection {
            notes: notes.get_untracked(),
        };
        if let Err(e) = body.validate() {
            recording.refuse(refusals::project_office_check(&e, i18n.t()));
            return;
        }
        let (id, csrf) = ids.get_value();
        recording.send(
            client::inspection_post(id, body, csrf),
            move |answer| match answer {
                Ok(view) => {
                    notes.set(String::new());
                    recording.succeed();
                    updated.run(view);
                }
                Err(e) => recording.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <details class="disclosure">
            <summary>{tr(|c| c.project_office.inspect_summary)}</summary>
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id=input_id
                    label=|c| c.project_office.notes_label
                    value=notes
                    rows=4
                    max_chars=REPORT_CHARS.1
                    error=recording.error("notes")
                />
                <FormStatus submission=recording ok=|c| c.project_office.inspection_recorded />
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || recording.busy()
                >
                    {tr(|c| c.project_office.inspect_button)}
                </button>
            </form>
        </details>
    }
}
