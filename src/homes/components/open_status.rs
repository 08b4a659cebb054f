//! "Open now" in Hohhot time, worded for the current language.

use crate::i18n::{use_i18n, Catalog};
use crate::kit::clock::now_in_hohhot;
use deputy_homes_api::homes::hours::{format_clock, OpenStatus};
use deputy_homes_api::platform::time::LocalTime;
use deputy_homes_api::WeeklyHours;
use leptos::prelude::*;

/// Whether it is open, and the sentence that says so.
pub fn describe(hours: &WeeklyHours, now: LocalTime, t: &Catalog) -> (bool, String) {
    let status = hours.status_at(now.weekday, now.minute);
    match status {
        OpenStatus::OpenUntil(end) => (true, t.open_until(&format_clock(end))),
        OpenStatus::ClosedUntil { minute, .. }
            if status.opens_later_today(now.weekday, now.minute) =>
        {
            (false, t.closed_opens_today(&format_clock(minute)))
        }
        OpenStatus::ClosedUntil { weekday, minute } => (
            false,
            t.closed_opens_on(t.weekdays()[usize::from(weekday)], &format_clock(minute)),
        ),
        OpenStatus::AlwaysClosed => (false, t.never_open.to_owned()),
    }
}

/// A badge: green when open now, grey when closed, with the next change.
#[component]
pub fn OpenBadge(
    /// The home's week.
    hours: WeeklyHours,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = Memo::new(move |_| describe(&hours, now_in_hohhot(), i18n.t()));
    view! {
        <span class="open-badge" class:open-badge--open=move || status.get().0>
            {move || status.get().1}
        </span>
    }
}
