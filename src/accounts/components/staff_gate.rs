//! Shows its content to signed-in staff only, and tells anyone else why not (the server refuses
//! them too).

use crate::accounts::session::use_auth;
use crate::i18n::tr;
use deputy_homes_api::accounts::Role;
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;

/// The staff's content, or the reason it is not shown.
#[component]
pub fn StaffGate(
    /// Drawn with the session's anti-forgery token once a staff session is known.
    children: Box<dyn Fn(String) -> AnyView + Send + Sync>,
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
                Some(session) if session.account.role == Role::Staff => {
                    children.with_value(|draw| draw(session.csrf_token))
                }
                Some(_) => {
                    view! {
                        <p class="alert">{tr(|c| c.staff_only)}</p>
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
                        <p>{tr(|c| c.staff_sign_in_first)}</p>
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
