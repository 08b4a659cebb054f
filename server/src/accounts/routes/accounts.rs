//! Staff manage accounts: list, create, assign delegates to homes, disable and enable, reset a
//! password.

use crate::accounts::rules::{self, check_home_ids};
use crate::platform::auth::password;
use crate::platform::auth::Staff;
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use deputy_homes_api::accounts::{
    validate_password, Account, AccountActive, AccountField, AccountHomes, NewAccount,
    PasswordReset,
};
use deputy_homes_api::ApiError;

/// Every account (staff only; phones in full, as staff manage them).
#[utoipa::path(get, path = "/api/accounts", tag = "accounts", security(("session" = ["staff"])),
    responses(
        (status = 200, description = "All accounts", body = Vec<Account>),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
    ))]
pub async fn accounts_list(
    State(state): State<AppState>,
    _staff: Staff,
) -> Result<Json<Vec<Account>>, AppError> {
    Ok(Json(state.db.accounts_all().await?))
}

/// Creates an account (staff only).
#[utoipa::path(post, path = "/api/accounts", tag = "accounts", security(("session" = ["staff"], "csrf" = [])), request_body = NewAccount,
    responses(
        (status = 201, description = "Created", body = Account),
        (status = 400, description = "A field is invalid; `field` names it", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 409, description = "Username or phone already in use", body = ApiError),
    ))]
pub async fn accounts_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    new: Result<Json<NewAccount>, JsonRejection>,
) -> Result<(StatusCode, Json<Account>), AppError> {
    let Json(new) = new?;
    let register = state.register.current(&state.db).await?;
    let home_ids = check_home_ids(&new.home_ids, |id| register.homes.get(id).is_some())?;
    let now = state.clock.now_ms();
    let account = rules::create_by(
        &state.db,
        &new,
        (home_ids, false),
        now,
        Some(&staff.account.id),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(account)))
}

/// Sets the homes a delegate belongs to (staff only).
#[utoipa::path(put, path = "/api/accounts/{id}/homes", tag = "accounts", security(("session" = ["staff"], "csrf" = [])), request_body = AccountHomes,
    params(("id" = String, Path, description = "The account's id")),
    responses(
        (status = 200, description = "The account with its new homes", body = Account),
        (status = 400, description = "An unknown home, or the account is not a delegate's", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such account", body = ApiError),
    ))]
pub async fn accounts_set_homes(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
    body: Result<Json<AccountHomes>, JsonRejection>,
) -> Result<Json<Account>, AppError> {
    let Json(body) = body?;
    let account = state
        .db
        .account_by_id(&id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("account {id}")))?;
    if account.role != deputy_homes_api::accounts::Role::Delegate {
        return Err(AppError::BadRequest(ApiError::bad_parameter(
            AccountField::HomeIds,
            "only delegates belong to homes",
        )));
    }
    let register = state.register.current(&state.db).await?;
    let home_ids = check_home_ids(&body.home_ids, |h| register.homes.get(h).is_some())?;
    let now = state.clock.now_ms();
    state
        .db
        .account_set_homes(&id, &home_ids, (&staff.account.id, now))
        .await?;
    let updated = state
        .db
        .account_by_id(&id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("account {id}")))?;
    Ok(Json(updated))
}

/// Disables an account, ending its sessions at once, or enables it again (staff only; audited).
/// A disabled account's sign-in is answered like a wrong password.
#[utoipa::path(put, path = "/api/accounts/{id}/active", tag = "accounts", security(("session" = ["staff"], "csrf" = [])), request_body = AccountActive,
    params(("id" = String, Path, description = "The account's id")),
    responses(
        (status = 200, description = "The account", body = Account),
        (status = 400, description = "The body is not `{\"active\": bool}`", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, no anti-forgery token, or one's own account", body = ApiError),
        (status = 404, description = "No such account", body = ApiError),
    ))]
pub async fn accounts_set_active(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
    body: Result<Json<AccountActive>, JsonRejection>,
) -> Result<Json<Account>, AppError> {
    let Json(body) = body?;
    if id == staff.account.id {
        return Err(AppError::Forbidden(
            "staff cannot disable or enable their own account".into(),
        ));
    }
    let not_found = || AppError::NotFound(format!("account {id}"));
    let now = state.clock.now_ms();
    if !state
        .db
        .account_set_active(&id, body.active, &staff.account.id, now)
        .await?
    {
        return Err(not_found());
    }
    let account = state.db.account_by_id(&id).await?.ok_or_else(not_found)?;
    Ok(Json(account))
}

/// Gives an account a temporary password (staff only; audited): its sessions end, and at its
/// next sign-in it must choose a new one before anything else.
#[utoipa::path(put, path = "/api/accounts/{id}/password", tag = "accounts", security(("session" = ["staff"], "csrf" = [])), request_body = PasswordReset,
    params(("id" = String, Path, description = "The account's id")),
    responses(
        (status = 204, description = "Reset; the account's sessions have ended"),
        (status = 400, description = "The password is not 10 to 256 characters", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, no anti-forgery token, or one's own account", body = ApiError),
        (status = 404, description = "No such account", body = ApiError),
    ))]
pub async fn accounts_reset_password(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
    body: Result<Json<PasswordReset>, JsonRejection>,
) -> Result<StatusCode, AppError> {
    let Json(body) = body?;
    if id == staff.account.id {
        return Err(AppError::Forbidden(
            "change your own password with PUT /api/session/password".into(),
        ));
    }
    validate_password(&body.password).map_err(|m| AppError::bad(AccountField::Password, m))?;
    let hash = {
        let _permit = state
            .password_checks
            .acquire()
            .await
            .map_err(anyhow::Error::from)?;
        password::hash(body.password.clone()).await?
    };
    let now = state.clock.now_ms();
    if !state
        .db
        .account_reset_password(&id, &hash, &staff.account.id, now)
        .await?
    {
        return Err(AppError::NotFound(format!("account {id}")));
    }
    Ok(StatusCode::NO_CONTENT)
}
