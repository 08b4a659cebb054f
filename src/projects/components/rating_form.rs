//! The citizens' advisory rating of an adopted project, 1 to 5, once per verified phone, shown
//! apart from the delegates' evaluation.

use crate::citizens::components::verify_phone::{Verification, VerifiedSubmit, VerifyPhone};
use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::kit::submission::{FormStatus, Submission};
use crate::projects::client;
use deputy_homes_api::projects::progress::{CitizenRatings, ProjectView};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The average of ratings counted by value (index 0 is 1 point), to one decimal; `None` when
/// nobody rated.
pub fn average(by_rating: &[u32]) -> Option<f64> {
    let count: u32 = by_rating.iter().sum();
    if count == 0 {
        return None;
    }
    let points: u64 = by_rating
        .iter()
        .zip(1u64..)
        .map(|(n, value)| u64::from(*n) * value)
        .sum();
    Some((points as f64 / f64::from(count) * 10.0).round() / 10.0)
}

/// How many rated, and their average.
#[component]
pub fn CitizenRatingsView(ratings: CitizenRatings) -> impl IntoView {
    match average(&ratings.by_rating) {
        Some(avg) => view! {
            <p class="citizen-ratings__summary">
                {tr_with(
                    |t, n: (u32, f64)| t.projects_ratings_summary(n.0, n.1),
                    (ratings.count, avg),
                )}
            </p>
        }
        .into_any(),
        None => view! { <p>{tr(|c| c.projects_no_ratings)}</p> }.into_any(),
    }
}

/// The 1-to-5 choice with the phone it is given with.
#[component]
pub fn RatingForm(
    /// The adopted project's id.
    project_id: String,
    /// The project's page, replaced by the answer.
    view_now: RwSignal<ProjectView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let verification = Verification::new("rating");
    let submission = Submission::new();
    let chosen = RwSignal::new(None::<u32>);
    let id = StoredValue::new(project_id);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if submission.busy_untracked() {
            return;
        }
        let Some(rating) = chosen.get_untracked() else {
            submission.refuse((Some("rating"), i18n.t().projects_rating_needed));
            return;
        };
        verification.send(
            submission,
            move |csrf| client::rate(id.get_value(), rating, csrf),
            move |v| {
                view_now.set(v);
                submission.succeed();
            },
            refusals::rating,
        );
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <fieldset class="field checks rating-choice" aria-describedby="rating-error">
                <legend>{tr(|c| c.projects_rating_legend)}</legend>
                {(1..=5u32)
                    .map(|n| {
                        let id = format!("rating-{n}");
                        let label_for = id.clone();
                        view! {
                            <label class="check" for=label_for>
                                <input
                                    id=id
                                    type="radio"
                                    name="project-rating"
                                    prop:checked=move || chosen.get() == Some(n)
                                    on:change=move |_| chosen.set(Some(n))
                                />
                                <span>{tr_with(|t, n| t.projects_rating_value(n), n)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
                <p class="field-error" id="rating-error" role="alert">
                    {move || submission.field_error("rating")}
                </p>
            </fieldset>
            <VerifyPhone verification label=|c| c.book_phone error=Signal::derive(|| None) />
            <FormStatus submission ok=|c| c.projects_rated />
            <VerifiedSubmit verification submission label=|c| c.projects_rate_button />
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_average_weighs_each_value_by_its_count() {
        assert_eq!(average(&[0, 0, 0, 0, 0]), None);
        assert_eq!(average(&[0, 0, 0, 1, 1]), Some(4.5));
        assert_eq!(average(&[1, 0, 0, 0, 2]), Some(3.7));
    }
}
