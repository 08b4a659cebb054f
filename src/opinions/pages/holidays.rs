//! `/staff/holidays`: the holiday calendar due dates count around. Staff add runs of days off or
//! make-up working days to a working copy, remove wrong ones, and save the whole calendar; the
//! page says which years due dates may reach without any holiday listed.

use crate::accounts::components::staff_gate::StaffGate;
use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::kit::choice_fields::SelectField;
use crate::kit::dom::focus;
use crate::kit::http::ClientError;
use crate::kit::load_error::LoadError;
use crate::kit::page_title::use_page_title;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::opinions::calendar_rules::{add_days, by_year, weekday};
use crate::opinions::client;
use deputy_homes_api::opinions::units::{
    day_range, CalendarDay, DayKind, HolidayCalendar, MAX_DAY_NAME_CHARS,
};
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

#[component]
fn HolidayEditor(csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let days = RwSignal::new(Vec::<CalendarDay>::new());
    let missing = RwSignal::new(Vec::<i64>::new());
    let loaded = RwSignal::new(None::<Result<(), ClientError>>);
    let dirty = RwSignal::new(false);
    let recomputed = RwSignal::new(None::<u32>);
    let saving = Submission::new();
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
        recomputed.set(None);
        let calendar = HolidayCalendar {
            days: days.get_untracked(),
        };
        let request = client::holidays_put(calendar, csrf.get_value());
        saving.send(request, move |answer| match answer {
            Ok(view) => {
                days.set(view.days);
                missing.set(view.missing_years);
                dirty.set(false);
                recomputed.set(Some(view.recomputed.unwrap_or(0)));
            }
            Err(e) => saving.refuse((None, refusals::holidays(&e, i18n.t()))),
        });
    };
    let changed = move || {
        dirty.set(true);
        recomputed.set(None);
        saving.clear();
    };
    let remove = Callback::new(move |date: String| {
        days.update(|list| list.retain(|d| d.date != date));
        changed();
    });
    let add = Callback::new(move |new: Vec<CalendarDay>| -> Result<(), String> {
        let next = add_days(&days.get_untracked(), new)?;
        days.set(next);
        changed();
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
                                {tr_with(|c, y: String| c.holidays_missing(&y), list)}
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
                    disabled=move || saving.busy() || !dirty.get()
                >
                    {tr(|c| c.holidays_save)}
                </button>
                <p class="form-ok" role="status">
                    {move || match recomputed.get() {
                        Some(n) => Some(i18n.t().holidays_saved(n)),
                        None if dirty.get() => Some(i18n.t().holidays_unsaved.to_owned()),
                        None => None,
                    }}
                </p>
                <FormStatus submission=saving />
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
                                <h2>{tr_with(|c, y| c.year_heading(y), year)}</h2>
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
                {tr_with(|c, d: String| (c.date)(&d), day.date.clone())} " "
                {move || wd.map(|w| i18n.t().weekdays()[w])}
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
                aria-label=tr_with(|c, d: String| c.holidays_remove(&d), day.date.clone())
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
    let kind = RwSignal::new("holiday".to_owned());
    let adding = Submission::new();
    let taken = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        taken.set(None);
        adding.clear();
        let kind = if kind.get_untracked() == "workday" {
            DayKind::Workday
        } else {
            DayKind::Holiday
        };
        let range = day_range(
            &from.get_untracked(),
            &to.get_untracked(),
            &name.get_untracked(),
            kind,
        );
        match range.map(|new| add.run(new)) {
            Err(e) => {
                let (field, message) = refusals::holiday_check(&e, t);
                adding.refuse((Some(field.name()), message));
                focus(&format!("day-{}", field.name()));
            }
            Ok(Err(date)) => {
                taken.set(Some(t.holidays_date_taken(&date)));
                focus("day-from");
            }
            Ok(Ok(())) => {
                from.set(String::new());
                to.set(String::new());
            }
        }
    };
    view! {
        <details class="disclosure" open>
            <summary>{tr(|c| c.holidays_add_heading)}</summary>
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id="day-from"
                    label=|c| c.holidays_from
                    value=from
                    kind="date"
                    error=adding.error("from")
                />
                <TextField
                    id="day-to"
                    label=|c| c.holidays_to
                    value=to
                    kind="date"
                    error=adding.error("to")
                />
                <TextField
                    id="day-name"
                    label=|c| c.holidays_name
                    value=name
                    max_chars=MAX_DAY_NAME_CHARS
                    error=adding.error("name")
                />
                <SelectField id="day-kind" label=|c| c.holidays_kind value=kind>
                    <option value="holiday">{tr(|c| c.holiday_kind_holiday)}</option>
                    <option value="workday">{tr(|c| c.holiday_kind_workday)}</option>
                </SelectField>
                <p class="form-error" role="alert">
                    {move || taken.get()}
                </p>
                <button type="submit" class="button">
                    {tr(|c| c.holidays_add_button)}
                </button>
            </form>
        </details>
    }
}
