//! Staff give a cycle its title (e.g. 2027年 呼和浩特市民生实事项目), which its public pages show
//! instead of the generic heading.

use crate::i18n::{refusals, use_i18n};
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::projects::office::client;
use deputy_homes_api::projects::{CycleTitle, TITLE_CHARS};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The title field of the cycle `id`, filled with its `current` title.
#[component]
pub fn TitleForm(id: String, current: Option<String>, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(current.unwrap_or_default());
    let saving = Submission::new();
    let ids = StoredValue::new((id, csrf));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let body = CycleTitle {
            title: title.get_untracked(),
        };
        if let Err(e) = body.validate() {
            saving.refuse(refusals::project_office_check(&e, i18n.t()));
            return;
        }
        let (id, csrf) = ids.get_value();
        saving.send(
            client::title_set(id, body, csrf),
            move |answer| match answer {
                Ok(_) => saving.succeed(),
                Err(e) => saving.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <form class="form card" on:submit=submit novalidate>
            <TextField
                id="cycle-title"
                label=|c| c.project_office.cycle_title_label
                hint=|c| c.project_office.cycle_title_hint
                value=title
                max_chars=TITLE_CHARS.1
                error=saving.error("title")
            />
            <FormStatus submission=saving ok=|c| c.project_office.cycle_title_saved />
            <button type="submit" class="button" disabled=move || saving.busy()>
                {move || i18n.t().project_office.cycle_title_save}
            </button>
        </form>
    }
}
