//! Livelihood projects decided by the delegates' vote (民生实事项目代表票决制): cycles per congress
//! and year, the collection of citizens' proposals, the candidate list, and the secret ballot
//! with its published result (`routes`); the SQL (`store`). The rules (phases, adoption,
//! satisfaction) are in `deputy_homes_api::projects`.

pub mod routes;
pub mod store;

use crate::platform::auth::SignedIn;
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use deputy_homes_api::accounts::Role;

/// A signed-in delegate: only delegates vote (in the congresses they are members of).
#[derive(Debug, Clone)]
pub struct Delegate(pub SignedIn);

impl FromRequestParts<AppState> for Delegate {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let signed_in = SignedIn::from_request_parts(parts, state).await?;
        if signed_in.account.role != Role::Delegate {
            return Err(AppError::Forbidden("only delegates may do this".into()));
        }
        Ok(Delegate(signed_in))
    }
}
