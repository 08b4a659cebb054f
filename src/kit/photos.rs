//! Photos in a form and on a page. The picker uploads each chosen photo at once (the server
//! cleans it), refusing before sending what is over the size or the count; it shows what was
//! uploaded with a button to remove each. The gallery shows a record's thumbnails, each opening
//! its photo. Alt texts come from the feature, in the page's language.

use crate::i18n::{tr, use_i18n, Catalog};
use crate::kit::http::ClientError;
use crate::kit::submission::{Refusal, Submission};
use deputy_homes_api::platform::photos::{Photo, MAX_PHOTOS, MAX_PHOTO_BYTES};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// A photo's alt text by its number (from 1).
pub type PhotoAlt = fn(&Catalog, usize) -> String;

/// The files an input holds, then empties it so the same file can be chosen again.
fn chosen_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(files) = input.files() else {
        return Vec::new();
    };
    let chosen = (0..files.length()).filter_map(|i| files.get(i)).collect();
    input.set_value("");
    chosen
}

/// The form field refusals of a photo name.
const FIELD: &str = "photo";

/// A file input that uploads each chosen photo, up to [`MAX_PHOTOS`], and lists them. Refusals
/// go to `submission` on the form's `photo` field.
#[component]
pub fn PhotoPicker<U, Fut>(
    /// The input's id; its hint's and error's ids add `-hint` and `-error`.
    #[prop(into)]
    id: String,
    /// The uploaded photos, in order; the form sends their ids.
    photos: RwSignal<Vec<Photo>>,
    /// True while an upload is under way (the form waits for it).
    uploading: RwSignal<bool>,
    /// The form's sending state, where refusals show.
    submission: Submission,
    /// Uploads one file.
    upload: U,
    /// Words a refused upload.
    refusal: fn(&ClientError, &Catalog) -> Refusal,
    /// A photo's alt text.
    alt: PhotoAlt,
) -> impl IntoView
where
    U: Fn(web_sys::File) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<Photo, ClientError>> + 'static,
{
    let i18n = use_i18n();
    let on_files = move |input: web_sys::HtmlInputElement| {
        let mut chosen = chosen_files(&input);
        let room = MAX_PHOTOS.saturating_sub(photos.with_untracked(Vec::len));
        if chosen.len() > room {
            submission.refuse((Some(FIELD), i18n.t().error_photo_count));
            chosen.truncate(room);
        } else {
            submission.clear();
        }
        for file in chosen {
            if file.size() > MAX_PHOTO_BYTES as f64 {
                submission.refuse((Some(FIELD), i18n.t().error_photo_size));
                continue;
            }
            uploading.set(true);
            spawn_local(async move {
                match upload(file).await {
                    Ok(photo) => photos.update(|p| p.push(photo)),
                    Err(e) => submission.refuse(refusal(&e, i18n.t())),
                }
                uploading.set(false);
            });
        }
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{tr(|c| c.photos_label)}</label>
            <input
                id=id
                type="file"
                accept="image/jpeg,image/png,image/webp"
                multiple=true
                aria-describedby=format!("{hint_id} {error_id}")
                disabled=move || { photos.with(Vec::len) >= MAX_PHOTOS }
                on:change:target=move |ev| on_files(ev.target())
            />
            <p class="hint" id=hint_id>
                {tr(|c| c.photos_hint)}
            </p>
            <p class="field-error" id=error_id role="alert">
                {move || submission.field_error(FIELD)}
            </p>
            <Show when=move || uploading.get()>
                <p class="loading" role="status">
                    {tr(|c| c.photo_uploading)}
                </p>
            </Show>
            <ul class="photos">
                {move || {
                    photos
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, p)| {
                            let id = p.id.clone();
                            view! {
                                <li class="photo">
                                    <img
                                        src=p.thumbnail_url.clone()
                                        alt=move || alt(i18n.t(), i + 1)
                                    />
                                    <button
                                        type="button"
                                        class="button"
                                        aria-label=move || i18n.t().photo_remove(i + 1)
                                        on:click=move |_| {
                                            photos.update(|list| list.retain(|x| x.id != id))
                                        }
                                    >
                                        "✕"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// A record's photos as thumbnails, each a link to the photo; nothing when it has none.
#[component]
pub fn PhotoGallery(
    /// The record's photos.
    photos: Vec<Photo>,
    /// A photo's alt text.
    alt: PhotoAlt,
) -> impl IntoView {
    let i18n = use_i18n();
    (!photos.is_empty()).then(|| {
        view! {
            <ul class="photos">
                {photos
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| {
                        view! {
                            <li class="photo">
                                <a href=p.url>
                                    <img src=p.thumbnail_url alt=move || alt(i18n.t(), i + 1) />
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
