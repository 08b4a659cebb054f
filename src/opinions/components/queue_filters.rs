//! The staff queue's filters: status, category, district, home, unit, overdue and a search. Each
//! change goes to the URL (page 1 again), so a filtered queue can be reloaded and shared.

use crate::i18n::{tr, tr_with, use_i18n};
use crate::opinions::moderation_rules::queue_href;
use deputy_homes_api::opinions::handling::StaffOpinionQuery;
use deputy_homes_api::opinions::units::HandlingUnit;
use deputy_homes_api::opinions::{Category, OpinionStatus};
use deputy_homes_api::{District, HomeSummary};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The filter form of the queue.
#[component]
pub fn QueueFilters(
    /// The filters in the URL.
    #[prop(into)]
    query: Signal<StaffOpinionQuery>,
    /// Every handling unit.
    #[prop(into)]
    units: Signal<Vec<HandlingUnit>>,
    /// Every home of the register.
    #[prop(into)]
    homes: Signal<Vec<HomeSummary>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let go = move |change: &dyn Fn(&mut StaffOpinionQuery)| {
        let mut next = query.get_untracked();
        change(&mut next);
        next.page = None;
        navigate(
            &queue_href(&next),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    };
    let choose = move |ev: leptos::ev::Event| -> Option<String> {
        Some(event_target_value(&ev)).filter(|v| !v.is_empty())
    };
    let words = RwSignal::new(query.get_untracked().q.unwrap_or_default());
    let (g1, g2, g3, g4, g5, g6, g7) = (
        go.clone(),
        go.clone(),
        go.clone(),
        go.clone(),
        go.clone(),
        go.clone(),
        go,
    );
    let search = move |ev: SubmitEvent| {
        ev.prevent_default();
        let q = Some(words.get_untracked().trim().to_owned()).filter(|q| !q.is_empty());
        g7(&|next| next.q = q.clone());
    };
    let value = move |f: fn(&StaffOpinionQuery) -> Option<String>| {
        move || query.with(f).unwrap_or_default()
    };
    view! {
        <form class="filters" role="search" on:submit=search>
            <div class="field-row">
                <div class="field">
                    <label for="queue-status">{tr(|c| c.queue_status)}</label>
                    <select
                        id="queue-status"
                        prop:value=value(|q| q.status.map(|s| s.code().to_owned()))
                        on:change=move |ev| {
                            let v = choose(ev);
                            g1(&|n| n.status = v.as_deref().and_then(OpinionStatus::from_code))
                        }
                    >
                        <option value="">{tr(|c| c.all_statuses)}</option>
                        {OpinionStatus::ALL
                            .map(|s| {
                                view! {
                                    <option value=s
                                        .code()>
                                        {tr_with(|c, s| c.opinion_status_name(s), s)}
                                    </option>
                                }
                            })}
                    </select>
                </div>
                <div class="field">
                    <label for="queue-category">{tr(|c| c.opinion_category)}</label>
                    <select
                        id="queue-category"
                        prop:value=value(|q| q.category.map(|c| c.code().to_owned()))
                        on:change=move |ev| {
                            let v = choose(ev);
                            g2(&|n| n.category = v.as_deref().and_then(Category::from_code))
                        }
                    >
                        <option value="">{tr(|c| c.all_categories)}</option>
                        {Category::ALL
                            .map(|k| {
                                view! {
                                    <option value=k
                                        .code()>{tr_with(|c, k| c.category_name(k), k)}</option>
                                }
                            })}
                    </select>
                </div>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="queue-district">{tr(|c| c.district_label)}</label>
                    <select
                        id="queue-district"
                        prop:value=value(|q| q.district.map(|d| d.code().to_owned()))
                        on:change=move |ev| {
                            let v = choose(ev);
                            g3(&|n| n.district = v.as_deref().and_then(District::from_code))
                        }
                    >
                        <option value="">{tr(|c| c.all_districts)}</option>
                        {District::ALL
                            .map(|d| {
                                view! {
                                    <option value=d
                                        .code()>{tr_with(|c, d| (c.district_name)(d), d)}</option>
                                }
                            })}
                    </select>
                </div>
                <div class="field">
                    <label for="queue-unit">{tr(|c| c.units_label)}</label>
                    <select
                        id="queue-unit"
                        prop:value=value(|q| q.unit.clone())
                        on:change=move |ev| {
                            let v = choose(ev);
                            g4(&|n| n.unit = v.clone())
                        }
                    >
                        <option value="">{tr(|c| c.all_units)}</option>
                        {move || {
                            units
                                .get()
                                .into_iter()
                                .map(|u| {
                                    let selected = query
                                        .with_untracked(|q| {
                                            q.unit.as_deref() == Some(u.id.as_str())
                                        });
                                    view! {
                                        <option value=u.id selected=selected>
                                            {u.name}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for="queue-home">{tr(|c| c.queue_home)}</label>
                <select
                    id="queue-home"
                    prop:value=value(|q| q.home.clone())
                    on:change=move |ev| {
                        let v = choose(ev);
                        g5(&|n| n.home = v.clone())
                    }
                >
                    <option value="">{tr(|c| c.all_homes)}</option>
                    {move || {
                        homes
                            .get()
                            .into_iter()
                            .map(|h| {
                                let selected = query
                                    .with_untracked(|q| q.home.as_deref() == Some(h.id.as_str()));
                                let name = if i18n.lang().names_in_chinese() {
                                    h.name_zh
                                } else {
                                    h.name_en
                                };
                                view! {
                                    <option value=h.id selected=selected>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <label class="check" for="queue-overdue">
                <input
                    id="queue-overdue"
                    type="checkbox"
                    prop:checked=move || query.with(|q| q.overdue == Some(true))
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        g6(&|n| n.overdue = on.then_some(true))
                    }
                />
                <span>{tr(|c| c.queue_overdue_only)}</span>
            </label>
            <div class="field">
                <label for="queue-q">{tr(|c| c.queue_search)}</label>
                <div class="search-row">
                    <input
                        id="queue-q"
                        type="search"
                        autocomplete="off"
                        prop:value=move || words.get()
                        on:input:target=move |ev| words.set(ev.target().value())
                    />
                    <button type="submit" class="button">
                        {tr(|c| c.search_button)}
                    </button>
                </div>
            </div>
        </form>
    }
}
