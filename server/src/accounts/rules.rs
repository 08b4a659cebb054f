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
use tokio::sync::Semaphore;

/// Failed sign-ins allowed per login from one client address within [`FAILURE_WINDOW_MS`]
/// before that address waits: the lock-out. Counted per login *and* address, so an attacker
/// guessing a staff member's password from elsewhere does not lock the staff member out.
pub const MAX_FAILURES: i64 = 5;
/// How long failed sign-ins are remembered for the lock-out and the limit per address.
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;
/// Failed sign-ins allowed from one client address, whatever the logins, within
/// [`FAILURE_WINDOW_MS`]: each costs a full argon2 check, so trying new login names is bounded.
pub const MAX_FAILURES_PER_ADDRESS: i64 = 30;
/// Failed sign-ins allowed per login from all addresses together within
/// [`LOGIN_WINDOW_MS`]: the slower overall limit on guessing one password from many addresses.
pub const MAX_FAILURES_PER_LOGIN: i64 = 50;
/// How long failed sign-ins count towards [`MAX_FAILURES_PER_LOGIN`].
pub const LOGIN_WINDOW_MS: i64 = 60 * 60 * 1000;

/// A session just started: the cookie's token and the anti-forgery token.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub account: Account,
    /// Staff reset the password: the session may only choose a new one.
    pub must_change_password: bool,
    pub token: String,
    pub csrf_token: String,
}

/// One limit on failed sign-ins: the key its failures are stored under, how many it allows and
/// over how long.
struct FailureLimit {
    key: String,
    max: i64,
    window_ms: i64,
}

impl FailureLimit {
    /// Counts this attempt as a failure and refuses it if the limit is then exceeded; a limit
    /// already reached refuses without counting, so hammering a closed door adds nothing.
    ///
    /// The attempt is stored before it is counted and each statement commits on its own: of
    /// guesses sent in parallel, the n-th to be stored counts at least n, so no more than `max`
    /// pass. (Inside one transaction PostgreSQL would not see the others' rows until they
    /// commit, and all would pass.) A success clears the failures it counted.
    async fn count(&self, db: &Db, now: i64) -> Result<(), AppError> {
        let since = now - self.window_ms;
        let refuse = |oldest: Option<i64>| AppError::TooManyAttempts {
            retry_after_secs: ((oldest.unwrap_or(now) + self.window_ms - now) / 1000).max(1),
        };
        let (failures, oldest) = db.sign_in_failures_since(&self.key, since).await?;
        if failures >= self.max {
            return Err(refuse(oldest));
        }
        db.sign_in_failure_record(&self.key, now, now - LOGIN_WINDOW_MS.max(FAILURE_WINDOW_MS))
            .await?;
        let (attempts, oldest) = db.sign_in_failures_since(&self.key, since).await?;
        if attempts > self.max {
            return Err(refuse(oldest));
        }
        Ok(())
    }
}

/// Checks a login and password from a client address (`address`, as limits count it), slowing
/// down guessing, and starts a session. At most `checks`' permits of argon2 run at once.
pub async fn sign_in(
    db: &Db,
    checks: &Semaphore,
    (login, password): (&str, &str),
    address: &str,
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
    // A disabled account is answered as if there were none, password and all.
    let stored = db
        .account_by_login(&login)
        .await?
        .filter(|s| s.account.active);
    // Failures count per account, whichever of its username or phone was typed, so the two
    // logins of one account share one limit; unknown logins count by what was typed.
    let who = match &stored {
        Some(s) => format!("account:{}", s.account.id),
        None => format!("login:{login}"),
    };
    let address = auth::token_hash(address);
    let per_pair = FailureLimit {
        key: format!("{who}@{address}"),
        max: MAX_FAILURES,
        window_ms: FAILURE_WINDOW_MS,
    };
    let per_address = FailureLimit {
        key: format!("address:{address}"),
        max: MAX_FAILURES_PER_ADDRESS,
        window_ms: FAILURE_WINDOW_MS,
    };
    let per_login = FailureLimit {
        key: who,
        max: MAX_FAILURES_PER_LOGIN,
        window_ms: LOGIN_WINDOW_MS,
    };
    // In this order: an address refused by its own limits adds nothing to the login's overall
    // count, so one address cannot use it up.
    for limit in [&per_pair, &per_address, &per_login] {
        limit.count(db, now).await?;
    }
    let hash = stored.as_ref().map(|s| s.password_hash.clone());
    let matches = {
        let _permit = checks.acquire().await.map_err(anyhow::Error::from)?;
        password::verify(password.to_owned(), hash).await?
    };
    if !matches {
        return Err(AppError::BadCredentials);
    }
    let stored = stored.ok_or(AppError::BadCredentials)?;
    let (account, must_change_password) = (stored.account, stored.must_change_password);
    // The address's count stays: signing in to one's own account must not buy more guesses at
    // others'.
    db.sign_in_failures_clear(&per_pair.key).await?;
    db.sign_in_failures_clear(&per_login.key).await?;
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
        must_change_password,
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

/// Validates and stores a new account, not audited (the command line, the demonstration
/// accounts). `home_ids` must already be checked.
pub async fn create(
    db: &Db,
    new: &NewAccount,
    home_ids: Vec<String>,
    demo: bool,
    now_ms: i64,
) -> Result<Account, AppError> {
    create_by(db, new, (home_ids, demo), now_ms, None).await
}

/// The audit log's actor for an account made by the server's `create-staff` command, which no
/// account runs.
pub const COMMAND_LINE_ACTOR: &str = "command-line";

/// Creates a staff account from the `create-staff` command, audited as made there.
pub async fn create_by_command(
    db: &Db,
    new: &NewAccount,
    now_ms: i64,
) -> Result<Account, AppError> {
    create_by(
        db,
        new,
        (Vec::new(), false),
        now_ms,
        Some(COMMAND_LINE_ACTOR),
    )
    .await
}

/// Validates and stores a new account, audited as made by `actor` when one is given.
/// `home_ids` must already be checked.
pub async fn create_by(
    db: &Db,
    new: &NewAccount,
    (home_ids, demo): (Vec<String>, bool),
    now_ms: i64,
    actor: Option<&str>,
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
        created_by: actor,
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
