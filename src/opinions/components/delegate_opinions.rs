//! A delegate's list of the opinions raised at their homes, newest first (masked, read-only).

use crate::i18n::{tr, tr_with};
use crate::kit::clock::local_time;
use crate::kit::loader::Loader;
use crate::opinions::client;
use leptos::prelude::*;

/// The first page of opinions concerning the signed-in delegate's homes.
#[component]
pub fn DelegateOpinions() -> impl IntoView {
    let list = LocalResource::new(|| client::delegate_opinions(1));
    view! {
        <section aria-labelledby="delegate-opinions-heading">
            <h2 id="delegate-opinions-heading">{tr(|c| c.delegate_opinions_heading)}</h2>
            <Loader resource=list let:page>
                {if page.items.is_empty() {
                    view! { <p>{tr(|c| c.delegate_opinions_empty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="outbox">
                            {page
                                .items
                                .into_iter()
                                .map(|o| {
                                    view! {
                                        <li class="outbox__item">
                                            <p>
                                                <strong>{o.title}</strong>
                                            </p>
                                            <p class="outbox__meta">
                                                <span class="booking__code">{o.tracking_number}</span>
                                                <span class="status status--waitlisted">
                                                    {tr_with(|c, s| c.opinion_status_name(s), o.status)}
                                                </span>
                                                <span class="tag">
                                                    {tr_with(|c, k| c.category_name(k), o.category)}
                                                </span>
                                            </p>
                                            <p class="hint">
                                                {tr_with(
                                                    |c, d: String| (c.date_time)(&d),
                                                    local_time(o.created_at_ms),
                                                )}
                                            </p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </Loader>
        </section>
    }
}
