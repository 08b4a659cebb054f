//! The HTTP handlers of accounts: the session (sign in, who am I, sign out) and staff's account management.

pub mod accounts;
pub mod session;

use crate::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The accounts' endpoints, each with its OpenAPI entry.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(
            session::session_get,
            session::session_create,
            session::session_delete
        ))
        .routes(routes!(session::session_change_password))
        .routes(routes!(accounts::accounts_list, accounts::accounts_create))
        .routes(routes!(accounts::accounts_set_homes))
        .routes(routes!(accounts::accounts_set_active))
        .routes(routes!(accounts::accounts_reset_password))
}
