//! Signing in and managing accounts: the rules between the HTTP handlers and the database.

use crate::accounts::store::AccountRecord;
use crate::platform::auth::{self, password};
use crate::platform::db::Db;
use crate::platform::error::AppError;
use deputy_homes_api::accounts::AccountField;
use deputy_homes_api::accounts::{
    validate_display_name, validate_password, validate_username, Account, MobileNumber, NewAccount,
    Role,
};
use deputy_homes_api::ErrorCode;

/// Failed sign-ins allowed per login within [`FAILURE_WINDOW_MS`] before further tries wait.
pub const MAX_FAILURES: i64 = 5;
/// How long failed sign-ins are remembered.
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;

/// A session just started: the cookie's token and the anti-forgery token.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub account: Account,
    pub token: String,
    pub csrf_token: String,
}

/// Checks a login and password, slowing down guessing, and starts a session.
pub async fn sign_in(
    db: &Db,
    login: &str,
    password: &str,
    session_ms: i64,
    now: i64,
) -> Result<NewSession, AppError> {
    // Throttle and look up by the login's one canonical form: a mobile number typed with other
    // spacing or a +86 prefix must count against the same failures, or the limit is void.
    let login = login.trim().to_lowercase();
    let login = match MobileNumber::parse(&login) {
        Ok(mobile) => mobile.as_str().to_owned(),
        Err(_) => login,
    };
    let too_many = |oldest: Option<i64>| AppError::TooManyAttempts {
        retry_after_secs: (oldest.unwrap_or(now) + FAILURE_WINDOW_MS - now) / 1000,
    };
    let stored = db.account_by_login(&login).await?;
    // Failures count per account, whichever of its username or phone was typed, so the two
    // logins of one account share one limit; unknown logins count by what was typed.
    let key = match &stored {
        Some(s) => format!("account:{}", s.account.id),
        None => format!("login:{login}"),
    };
    let (failures, oldest) = db
        .sign_in_failures_since(&key, now - FAILURE_WINDOW_MS)
        .await?;
    if failures >= MAX_FAILURES {
        return Err(too_many(oldest));
    }
    // The attempt counts as a failure before the password is checked, and is counted again:
    // otherwise guesses sent in parallel all pass the check above before any failure is stored.
    // A success below clears it.
    db.sign_in_failure_record(&key, now, now - FAILURE_WINDOW_MS)
        .await?;
    let (attempts, oldest) = db
        .sign_in_failures_since(&key, now - FAILURE_WINDOW_MS)
        .await?;
    if attempts > MAX_FAILURES {
        return Err(too_many(oldest));
    }
    let hash = stored.as_ref().map(|s| s.password_hash.clone());
    if !password::verify(password.to_owned(), hash).await? {
        return Err(AppError::BadCredentials);
    }
    let account = stored.map(|s| s.account).ok_or(AppError::BadCredentials)?;
    db.sign_in_failures_clear(&key).await?;
    let (token, csrf_token) = (auth::random_token(), auth::random_token());
    db.session_insert(
        &auth::token_hash(&token),
        &account.id,
        &csrf_token,
        now,
        now + session_ms,
    )
    .await?;
    Ok(NewSession {
        account,
        token,
        csrf_token,
    })
}

fn bad(field: AccountField, message: String) -> AppError {
    AppError::bad(field, message)
}

/// Checks that every home id is in the register.
pub fn check_home_ids(
    home_ids: &[String],
    known: impl Fn(&str) -> bool,
) -> Result<Vec<String>, AppError> {
    let mut ids: Vec<String> = home_ids.iter().map(|h| h.trim().to_owned()).collect();
    ids.sort();
    ids.dedup();
    match ids.iter().find(|id| !known(id)) {
        Some(unknown) => Err(bad(
            AccountField::HomeIds,
            format!("home {unknown} is not in the register"),
        )),
        None => Ok(ids),
    }
}

/// Validates and stores a new account. `home_ids` must already be checked.
pub async fn create(
    db: &Db,
    new: &NewAccount,
    home_ids: Vec<String>,
    demo: bool,
    now_ms: i64,
) -> Result<Account, AppError> {
    let username = new.username.trim().to_lowercase();
    validate_username(&username).map_err(|m| bad(AccountField::Username, m))?;
    validate_password(&new.password).map_err(|m| bad(AccountField::Password, m))?;
    validate_display_name(&new.display_name).map_err(|m| bad(AccountField::DisplayName, m))?;
    let display_name = new.display_name.trim();
    let phone = match new
        .phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        None => None,
        Some(p) => Some(MobileNumber::parse(p).map_err(|m| bad(AccountField::Phone, m))?),
    };
    if new.role == Role::Staff && !home_ids.is_empty() {
        return Err(bad(
            AccountField::HomeIds,
            "staff accounts belong to no home".into(),
        ));
    }
    let phone_str = phone.as_ref().map(MobileNumber::as_str);
    // A username starts with a letter and a phone is digits, so each lookup matches one kind.
    let taken = if db.account_by_login(&username).await?.is_some() {
        Some((AccountField::Username, "the username is already in use"))
    } else if let Some(p) = phone_str {
        db.account_by_login(p)
            .await?
            .map(|_| (AccountField::Phone, "the phone number is already in use"))
    } else {
        None
    };
    if let Some((field, message)) = taken {
        return Err(AppError::conflict_on(ErrorCode::Taken, field, message));
    }
    let id = auth::random_id();
    let password_hash = password::hash(new.password.clone()).await?;
    db.account_insert(&AccountRecord {
        id: &id,
        username: &username,
        display_name,
        role: new.role,
        phone: phone.as_ref().map(MobileNumber::as_str),
        password_hash: &password_hash,
        home_ids: &home_ids,
        demo,
        now_ms,
    })
    .await?;
    db.account_by_id(&id)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("account {id} vanished")))
}

/// Creates the demonstration accounts that come with the sample register and returns their
/// credentials, to be printed once. Does nothing if any account exists.
pub async fn create_demo_accounts(db: &Db) -> anyhow::Result<Vec<(Account, String)>> {
    if db.accounts_count().await? > 0 {
        return Ok(Vec::new());
    }
    let demo = [
        (
            "demo-staff",
            "演示工作人员 (demo staff)",
            Role::Staff,
            vec![],
        ),
        (
            "demo-delegate",
            "演示代表 (demo delegate)",
            Role::Delegate,
            vec!["xc-02".to_owned(), "pro-law".to_owned()],
        ),
    ];
    let mut created = Vec::new();
    for (username, display_name, role, home_ids) in demo {
        let password = auth::random_token()[..16].to_owned();
        let new = NewAccount {
            username: username.into(),
            display_name: display_name.into(),
            role,
            phone: None,
            password: password.clone(),
            home_ids: home_ids.clone(),
        };
        let account = create(
            db,
            &new,
            home_ids,
            true,
            crate::platform::clock::system_now_ms(),
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        created.push((account, password));
    }
    Ok(created)
}

/// The account as another person may see it: the phone masked unless `full`.
pub fn for_viewer(mut account: Account, full: bool) -> Account {
    if !full {
        account.phone = account.phone.map(|p| {
            MobileNumber::parse(&p)
                .map(|m| m.masked())
                .unwrap_or_default()
        });
    }
    account
}
