//! The staff queue's bulk action: accept, assign to units, or close the opinions ticked. Each
//! opinion is done on its own; those the server refused are listed with the reason.

use crate::i18n::refusals;
use crate::i18n::{tr, use_i18n};
use crate::kit::choice_fields::SelectField;
use crate::kit::submission::Submission;
use crate::opinions::client;
use crate::opinions::components::unit_picker::UnitPicker;
use deputy_homes_api::opinions::handling::{BulkAction, BulkKind, BulkResults};
use deputy_homes_api::opinions::units::HandlingUnit;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The bulk form; shown once something is ticked.
#[component]
pub fn BulkActionForm(
    /// The tracking numbers ticked.
    selected: RwSignal<Vec<String>>,
    /// Every handling unit.
    #[prop(into)]
    units: Signal<Vec<HandlingUnit>>,
    /// The session's anti-forgery token.
    csrf: String,
    /// Called after the action, to reload the queue.
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new("accept".to_owned());
    let kind = Memo::new(move |_| match chosen.get().as_str() {
        "assign" => BulkKind::Assign,
        "close" => BulkKind::Close,
        _ => BulkKind::Accept,
    });
    let unit_ids = RwSignal::new(Vec::<String>::new());
    let submission = Submission::new();
    let results = RwSignal::new(None::<BulkResults>);
    let csrf = StoredValue::new(csrf);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let action = kind.get_untracked();
        let ids = unit_ids.get_untracked();
        if action == BulkKind::Assign && ids.is_empty() {
            submission.refuse((None, i18n.t().error_units));
            return;
        }
        let body = BulkAction {
            action,
            trackings: selected.get_untracked(),
            unit_ids: if action == BulkKind::Assign {
                ids
            } else {
                Vec::new()
            },
            note: None,
        };
        let request = client::staff_opinions_bulk(body, csrf.get_value());
        submission.send(request, move |answer| match answer {
            Ok(r) => {
                results.set(Some(r));
                selected.set(Vec::new());
                on_done.run(());
            }
            Err(e) => submission.refuse((None, refusals::step(&e, i18n.t()).1)),
        });
    };
    view! {
        <Show when=move || !selected.with(Vec::is_empty)>
            <form class="form bulk card" on:submit=submit novalidate>
                <p>
                    <strong>{move || i18n.t().bulk_selected(selected.with(Vec::len))}</strong>
                </p>
                <SelectField id="bulk-kind" label=|c| c.bulk_action_label value=chosen>
                    <option value="accept">{tr(|c| c.step_accept)}</option>
                    <option value="assign">{tr(|c| c.step_assign)}</option>
                    <option value="close">{tr(|c| c.step_close)}</option>
                </SelectField>
                <Show when=move || kind.get() == BulkKind::Assign>
                    <UnitPicker
                        units
                        selected=unit_ids
                        id_prefix="bulk-units"
                        error=Signal::derive(move || submission.message())
                    />
                </Show>
                <p class="form-error" role="alert">
                    {move || submission.message()}
                </p>
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || submission.busy()
                >
                    {tr(|c| c.bulk_apply)}
                </button>
            </form>
        </Show>
        {move || {
            results
                .get()
                .map(|r| {
                    let ok = r.results.iter().filter(|x| x.ok).count();
                    let failed: Vec<_> = r.results.into_iter().filter(|x| !x.ok).collect();
                    let refused = failed.len();
                    view! {
                        <div class="card bulk-results" role="status">
                            <p>{move || i18n.t().bulk_done(ok, refused)}</p>
                            <ul>
                                {failed
                                    .into_iter()
                                    .map(|f| {
                                        let reason = f.error;
                                        view! {
                                            <li>
                                                <span class="booking__code">{f.tracking_number}</span>
                                                " "
                                                {move || {
                                                    reason.as_ref().map(|e| refusals::step_check(e, i18n.t()).1)
                                                }}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })
        }}
    }
}
