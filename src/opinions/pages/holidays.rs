//! `/staff/holidays`: the holiday calendar due dates count around. Staff add runs of days off or
//! make-up working days to a working copy, remove wrong ones, and save the whole calendar; the
//! page says which years due dates may reach without any holiday listed.

use crate::accounts::components::staff_gate::StaffGate;
use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::kit::http::ClientError;
use crate::kit::load_error::LoadError;
use crate::kit::page_title::use_page_title;
use crate::opinions::calendar_rules::{add_days, by_year, weekday};
use crate::opinions::client;
use deputy_homes_api::opinions::units::{day_range, CalendarDay, DayKind, HolidayCalendar};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::FormField;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The page.
#[component]
pub fn HolidaysPage() -> impl IntoView {
    use_page_title(|t| t.holidays_heading);
    view! {
        <p class="back">
            <a href=Page::Account.path()>{tr(|c| c.account_heading)}</a>
        </p>
        <h1>{tr(|c| c.holidays_heading)}</h1>
        <p class="hint">{tr(|c| c.holidays_intro)}</p>
        <StaffGate children=Box::new(|csrf| view! { <HolidayEditor csrf /> }.into_any()) />
    }
}

/// What the last save did.
#[derive(Debug, Clone, PartialEq)]
enum Saved {
    Not,
    Done(u32),
    Failed(&'static str),
}

#[component]
fn HolidayEditor(csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let days = RwSignal::new(Vec::<CalendarDay>::new());
    let missing = RwSignal::new(Vec::<i64>::new());
    let loaded = RwSignal::new(None::<Result<(), ClientError>>);
    let dirty = RwSignal::new(false);
    let saved = RwSignal::new(Saved::Not);
    let busy = RwSignal::new(false);
    let load = move || {
        loaded.set(None);
        spawn_local(async move {
            let result = client::holidays_get().await.map(|view| {
                days.set(view.days);
                missing.set(view.missing_years);
                dirty.set(false);
            });
            loaded.set(Some(result));
        });
    };
    load();
    let csrf = StoredValue::new(csrf);
    let save = move |_| {
        busy.set(true);
        saved.set(Saved::Not);
        let calendar = HolidayCalendar {
            days: days.get_untracked(),
        };
        spawn_local(async move {
            match client::holidays_put(calendar, csrf.get_value()).await {
                Ok(view) => {
                    days.set(view.days);
                    missing.set(view.missing_years);
                    dirty.set(false);
                    saved.set(Saved::Done(view.recomputed.unwrap_or(0)));
                }
                Err(e) => saved.set(Saved::Failed(refusals::holidays(&e, i18n.t()))),
            }
            busy.set(false);
        });
    };
    let remove = Callback::new(move |date: String| {
        days.update(|list| list.retain(|d| d.date != date));
        dirty.set(true);
        saved.set(Saved::Not);
    });
    let add = Callback::new(move |new: Vec<CalendarDay>| -> Result<(), String> {
        let next = add_days(&days.get_untracked(), new)?;
        days.set(next);
        dirty.set(true);
        saved.set(Saved::Not);
        Ok(())
    });
    move || match loaded.get() {
        None => view! {
            <p class="loading" role="status">
                {tr(|c| c.loading)}
            </p>
        }
        .into_any(),
        Some(Err(error)) => {
            view! { <LoadError error on_retry=Callback::new(move |()| load()) /> }.into_any()
        }
        Some(Ok(())) => view! {
            {move || {
                let years = missing.get();
                (!years.is_empty())
                    .then(|| {
                        let list = years.iter().map(i64::to_string).collect::<Vec<_>>().join("、");
                        view! {
                            <p class="alert alert--error" role="alert">
                                {tr_with(|c, y: String| (c.holidays_missing)(&y), list)}
                            </p>
                        }
                    })
            }}
            <AddDays add />
            <div class="save-bar" class=("save-bar--sticky", move || dirty.get())>
                <button
                    type="button"
                    class="button button--primary"
                    on:click=save
                    disabled=move || busy.get() || !dirty.get()
                >
                    {tr(|c| c.holidays_save)}
                </button>
                <p class="form-ok" role="status">
                    {move || match saved.get() {
                        Saved::Done(n) => Some((i18n.t().holidays_saved)(n)),
                        _ if dirty.get() => Some(i18n.t().holidays_unsaved.to_owned()),
                        _ => None,
                    }}
                </p>
                <p class="form-error" role="alert">
                    {move || match saved.get() {
                        Saved::Failed(message) => Some(message),
                        _ => None,
                    }}
                </p>
            </div>
            {move || {
                let years = by_year(&days.get());
                if years.is_empty() {
                    return view! { <p>{tr(|c| c.holidays_empty)}</p> }.into_any();
                }
                years
                    .into_iter()
                    .map(|(year, list)| {
                        view! {
                            <section class="calendar-year">
                                <h2>{tr_with(|c, y| (c.year_heading)(y), year)}</h2>
                                <ul class="calendar-days">
                                    {list
                                        .into_iter()
                                        .map(|day| view! { <DayRow day remove /> })
                                        .collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        }
        .into_any(),
    }
}

/// One listed day with its weekday and a remove button.
#[component]
fn DayRow(day: CalendarDay, remove: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let wd = weekday(&day.date);
    let date = day.date.clone();
    let workday = day.kind == DayKind::Workday;
    view! {
        <li class="calendar-day" class=("calendar-day--workday", workday)>
            <span class="calendar-day__date">
                {day.date.clone()} " " {move || wd.map(|w| i18n.t().weekdays[w])}
            </span>
            <span class="calendar-day__name">{day.name.clone()}</span>
            <span class="tag">
                {move || {
                    if workday {
                        i18n.t().holiday_kind_workday
                    } else {
                        i18n.t().holiday_kind_holiday
                    }
                }}
            </span>
            <button
                type="button"
                class="button button--link"
                aria-label=tr_with(|c, d: String| (c.holidays_remove)(&d), day.date.clone())
                on:click=move |_| remove.run(date.clone())
            >
                {tr(|c| c.remove_button)}
            </button>
        </li>
    }
}

/// The form that adds one day or a run of days (e.g. the nine days of 春节) to the working copy.
#[component]
fn AddDays(add: Callback<Vec<CalendarDay>, Result<(), String>>) -> impl IntoView {
    let i18n = use_i18n();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(DayKind::Holiday);
    let error = RwSignal::new(None::<(&'static str, String)>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let range = day_range(
            &from.get_untracked(),
            &to.get_untracked(),
            &name.get_untracked(),
            kind.get_untracked(),
        );
        let result = match range {
            Err(e) => {
                let (field, message) = refusals::holiday_check(&e, t);
                Err((field.name(), message.to_owned()))
            }
            Ok(new) => add
                .run(new)
                .map_err(|date| ("from", (t.holidays_date_taken)(&date))),
        };
        match result {
            Ok(()) => {
                error.set(None);
                from.set(String::new());
                to.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let invalid =
        move |field: &'static str| error.with(|e| e.as_ref().is_some_and(|(f, _)| *f == field));
    view! {
        <details class="disclosure" open>
            <summary>{tr(|c| c.holidays_add_heading)}</summary>
            <form class="form" on:submit=submit novalidate>
                <div class="field">
                    <label for="day-from">{tr(|c| c.holidays_from)}</label>
                    <input
                        id="day-from"
                        type="date"
                        required
                        aria-invalid=move || invalid("from").to_string()
                        prop:value=move || from.get()
                        on:input:target=move |ev| from.set(ev.target().value())
                    />
                </div>
                <div class="field">
                    <label for="day-to">{tr(|c| c.holidays_to)}</label>
                    <input
                        id="day-to"
                        type="date"
                        aria-invalid=move || invalid("to").to_string()
                        prop:value=move || to.get()
                        on:input:target=move |ev| to.set(ev.target().value())
                    />
                </div>
                <div class="field">
                    <label for="day-name">{tr(|c| c.holidays_name)}</label>
                    <input
                        id="day-name"
                        type="text"
                        required
                        maxlength="20"
                        aria-invalid=move || invalid("name").to_string()
                        prop:value=move || name.get()
                        on:input:target=move |ev| name.set(ev.target().value())
                    />
                </div>
                <div class="field">
                    <label for="day-kind">{tr(|c| c.holidays_kind)}</label>
                    <select
                        id="day-kind"
                        on:change:target=move |ev| {
                            kind.set(
                                if ev.target().value() == "workday" {
                                    DayKind::Workday
                                } else {
                                    DayKind::Holiday
                                },
                            )
                        }
                    >
                        <option value="holiday" selected=move || kind.get() == DayKind::Holiday>
                            {tr(|c| c.holiday_kind_holiday)}
                        </option>
                        <option value="workday" selected=move || kind.get() == DayKind::Workday>
                            {tr(|c| c.holiday_kind_workday)}
                        </option>
                    </select>
                </div>
                <p class="form-error" role="alert">
                    {move || error.get().map(|(_, m)| m)}
                </p>
                <button type="submit" class="button">
                    {tr(|c| c.holidays_add_button)}
                </button>
            </form>
        </details>
    }
}
