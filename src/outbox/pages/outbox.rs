//! The message outbox for staff: every text message to citizens, whether it went out, and how
//! many attempts it took.

use crate::accounts::session::use_auth;
use crate::i18n::{tr, tr_with};
use crate::kit::clock::local_time;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::outbox::client;
use deputy_homes_api::accounts::Role;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::platform::outbox::{Notification, NotificationStatus};
use leptos::prelude::*;

/// The page.
#[component]
pub fn OutboxPage() -> impl IntoView {
    use_page_title(|t| t.outbox_heading);
    let auth = use_auth();
    let is_staff = move || {
        auth.session
            .with(|s| s.as_ref().is_some_and(|s| s.account.role == Role::Staff))
    };
    view! {
        <p class="back">
            <a href=Page::Account.path()>{tr(|c| c.account_heading)}</a>
        </p>
        <h1>{tr(|c| c.outbox_heading)}</h1>
        <Show
            when=move || auth.checked.get()
            fallback=move || {
                view! {
                    <p class="loading" role="status">
                        {tr(|c| c.loading)}
                    </p>
                }
            }
        >
            <Show
                when=is_staff
                fallback=move || {
                    view! {
                        <p class="alert" role="alert">
                            {tr(|c| c.forbidden)}
                        </p>
                    }
                }
            >
                <OutboxList />
            </Show>
        </Show>
    }
}

#[component]
fn OutboxList() -> impl IntoView {
    let list = LocalResource::new(client::notifications_list);
    view! {
        <p class="hint">{tr(|c| c.outbox_intro)}</p>
        <Loader resource=list let:items>
            {if items.is_empty() {
                view! { <p>{tr(|c| c.outbox_empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="outbox">
                        {items.into_iter().map(|n| view! { <OutboxItem n /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </Loader>
    }
}

/// What a message is about: its booking's code or its opinion's tracking number.
fn subject(n: &Notification) -> String {
    n.booking_code
        .clone()
        .or_else(|| n.tracking_number.clone())
        .unwrap_or_default()
}

#[component]
fn OutboxItem(n: Notification) -> impl IntoView {
    let status = n.status;
    view! {
        <li class="outbox__item" data-code=subject(&n) data-kind=n.kind.code()>
            <p class="outbox__meta">
                <span
                    class="status"
                    class=("status--booked", status == NotificationStatus::Sent)
                    class=("status--waitlisted", status == NotificationStatus::Pending)
                    class=("status--cancelled", status == NotificationStatus::Failed)
                >
                    {tr_with(|c, s| c.notification_status(s), status)}
                </span>
                " "
                <span class="tag">{tr_with(|c, k| c.notification_kind(k), n.kind)}</span>
                " "
                <span class="booking__code">{subject(&n)}</span>
                " "
                <span>{n.phone.clone()}</span>
            </p>
            <p>{n.message.clone()}</p>
            <p class="hint">
                {tr_with(|c, d: String| (c.date_time)(&d), local_time(n.created_at_ms))} " · "
                {tr_with(|c, a| c.attempts(a), n.attempts)}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::platform::outbox::NotificationKind;

    #[test]
    fn a_message_is_listed_under_its_booking_code_or_its_tracking_number() {
        let mut n = Notification {
            id: "n1".into(),
            kind: NotificationKind::OpinionAccepted,
            booking_code: None,
            tracking_number: Some("YJ20261128-0001".into()),
            phone: "138******00".into(),
            message: String::new(),
            status: NotificationStatus::Pending,
            attempts: 0,
            created_at_ms: 0,
            sent_at_ms: None,
        };
        assert_eq!(subject(&n), "YJ20261128-0001");
        n.kind = NotificationKind::Confirmation;
        n.booking_code = Some("ACD34X".into());
        n.tracking_number = None;
        assert_eq!(subject(&n), "ACD34X");
    }
}
