//! Shows content to signed-in accounts of one role only, and tells anyone else why not (the
//! server refuses them too). `StaffGate` is the staff's; other pages name their role.

use crate::accounts::session::use_auth;
use crate::i18n::{tr, Text};
use deputy_homes_api::accounts::Role;
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;

/// Content drawn with the session's anti-forgery token once a session of the role is known.
pub type GatedContent = Box<dyn Fn(String) -> AnyView + Send + Sync>;

/// The content for accounts of `role`, or the reason it is not shown.
#[component]
pub fn RoleGate(
    role: Role,
    /// Said to a signed-in account of another role.
    wrong_role: Text,
    /// Said to someone not signed in.
    sign_in_first: Text,
    children: GatedContent,
) -> impl IntoView {
    let auth = use_auth();
    let children = StoredValue::new(children);
    view! {
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
            {move || match auth.session.get() {
                Some(session) if session.account.role == role => {
                    children.with_value(|draw| draw(session.csrf_token))
                }
                Some(_) => {
                    view! {
                        <p class="alert">{tr(wrong_role)}</p>
                        <p>
                            <a class="button" href=Page::Account.path()>
                                {tr(|c| c.nav_account)}
                            </a>
                        </p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p>{tr(sign_in_first)}</p>
                        <a class="button button--primary" href=Page::SignIn.path()>
                            {tr(|c| c.nav_sign_in)}
                        </a>
                    }
                        .into_any()
                }
            }}
        </Show>
    }
}

/// The staff's content, or the reason it is not shown.
#[component]
pub fn StaffGate(children: GatedContent) -> impl IntoView {
    view! {
        <RoleGate
            role=Role::Staff
            wrong_role=|c| c.staff_only
            sign_in_first=|c| c.staff_sign_in_first
            children
        />
    }
}
