//! The forms under an adopted project in the office: staff post a progress update, a delegate
//! records an inspection; each with up to 3 photos, uploaded as they are chosen.

use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::photos::PhotoPicker;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::projects::office::client;
use deputy_homes_api::platform::photos::Photo;
use deputy_homes_api::projects::progress::{NewInspection, NewProgress, ProjectView, REPORT_CHARS};
use deputy_homes_api::projects::SHORT_TEXT_CHARS;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The ids of the photos uploaded for a form.
fn photo_ids(photos: RwSignal<Vec<Photo>>) -> Vec<String> {
    photos.with_untracked(|p| p.iter().map(|p| p.id.clone()).collect())
}

/// Staff post a progress update.
#[component]
pub fn ProgressForm(id: String, csrf: String, updated: Callback<ProjectView>) -> impl IntoView {
    let i18n = use_i18n();
    let percent = RwSignal::new(String::new());
    let done = RwSignal::new(String::new());
    let delay = RwSignal::new(String::new());
    let lower = RwSignal::new(String::new());
    let posting = Submission::new();
    let photos = RwSignal::new(Vec::<Photo>::new());
    let uploading = RwSignal::new(false);
    let ids = StoredValue::new((id.clone(), csrf));
    let upload = move |file| client::staff_photo_upload(file, ids.get_value().1);
    let field = move |name: &str| format!("{name}-{id}");
    let optional = |text: String| {
        let text = text.trim().to_owned();
        (!text.is_empty()).then_some(text)
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if uploading.get_untracked() {
            return;
        }
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
            photo_ids: photo_ids(photos),
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
                    photos.set(Vec::new());
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
                <PhotoPicker
                    id=field("photo")
                    photos
                    uploading
                    submission=posting
                    upload
                    refusal=refusals::project_office
                    alt=|c, n| c.projects_progress_photo_alt(n)
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
pub fn InspectionForm(id: String, csrf: String, updated: Callback<ProjectView>) -> impl IntoView {
    let i18n = use_i18n();
    let notes = RwSignal::new(String::new());
    let recording = Submission::new();
    let photos = RwSignal::new(Vec::<Photo>::new());
    let uploading = RwSignal::new(false);
    let input_id = format!("notes-{id}");
    let photo_id = format!("inspection-photo-{id}");
    let ids = StoredValue::new((id, csrf));
    let upload = move |file| client::delegate_photo_upload(file, ids.get_value().1);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if uploading.get_untracked() {
            return;
        }
        let body = NewInspection {
            notes: notes.get_untracked(),
            photo_ids: photo_ids(photos),
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
                    photos.set(Vec::new());
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
                <PhotoPicker
                    id=photo_id
                    photos
                    uploading
                    submission=recording
                    upload
                    refusal=refusals::project_office
                    alt=|c, n| c.projects_inspection_photo_alt(n)
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
