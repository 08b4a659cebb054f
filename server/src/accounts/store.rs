//! Accounts, their homes, sessions and failed sign-ins.

use crate::platform::audit::{audit_write, Audit};
use crate::platform::db::Db;
use anyhow::Context;
use deputy_homes_api::accounts::{Account, Role};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::BTreeMap;

/// An account with what signing in needs.
#[derive(Debug, Clone)]
pub struct StoredAccount {
    pub account: Account,
    pub password_hash: String,
    /// Staff reset its password: it must choose a new one.
    pub must_change_password: bool,
}

/// A new account to store.
#[derive(Debug, Clone)]
pub struct AccountRecord<'a> {
    pub id: &'a str,
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub phone: Option<&'a str>,
    pub password_hash: &'a str,
    pub home_ids: &'a [String],
    pub demo: bool,
    pub now_ms: i64,
    /// The staff account that created it, for the audit log; `None` for the command line and
    /// the demonstration accounts, which are not audited.
    pub created_by: Option<&'a str>,
}

/// A live session: its account, anti-forgery token and end.
#[derive(Debug, Clone)]
pub struct StoredSession {
    pub account: Account,
    pub csrf_token: String,
    pub expires_at_ms: i64,
    /// Its account must choose a new password before anything else.
    pub must_change_password: bool,
}

const ACCOUNT_COLUMNS: &str =
    "a.id, a.username, a.phone, a.display_name, a.role, a.demo, a.disabled_at_ms";

impl Db {
    async fn account_from_row(&self, row: &AnyRow) -> anyhow::Result<Account> {
        let id: String = row.try_get("id")?;
        let role: String = row.try_get("role")?;
        let home_ids: Vec<String> = sqlx::query_scalar(
            "SELECT home_id FROM account_homes WHERE account_id = $1 ORDER BY home_id",
        )
        .bind(&id)
        .fetch_all(&self.pool)
        .await?;
        Ok(Account {
            username: row.try_get("username")?,
            display_name: row.try_get("display_name")?,
            role: Role::from_code(&role)
                .with_context(|| format!("account {id} has unknown role {role}"))?,
            phone: row.try_get("phone")?,
            demo: row.try_get::<i64, _>("demo")? != 0,
            active: row.try_get::<Option<i64>, _>("disabled_at_ms")?.is_none(),
            home_ids,
            id,
        })
    }

    /// Stores a new account with its homes, in one transaction. Fails if the username or phone
    /// is taken (the unique constraints decide, so two servers cannot both succeed).
    pub async fn account_insert(&self, record: &AccountRecord<'_>) -> anyhow::Result<()> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO accounts (id, username, phone, display_name, role, password_hash, demo, created_at_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(record.id)
        .bind(record.username)
        .bind(record.phone)
        .bind(record.display_name)
        .bind(record.role.code())
        .bind(record.password_hash)
        .bind(i64::from(record.demo))
        .bind(record.now_ms)
        .execute(&mut *tx)
        .await?;
        for home_id in record.home_ids {
            sqlx::query("INSERT INTO account_homes (account_id, home_id) VALUES ($1, $2)")
                .bind(record.id)
                .bind(home_id)
                .execute(&mut *tx)
                .await?;
        }
        let details = BTreeMap::from([
            ("username".to_owned(), record.username.to_owned()),
            ("role".to_owned(), record.role.code().to_owned()),
            ("home_ids".to_owned(), record.home_ids.join(",")),
        ]);
        if let Some(actor) = record.created_by {
            let entry = Audit {
                actor,
                at_ms: record.now_ms,
                action: "account.create",
                target: &format!("account:{}", record.id),
                details,
            };
            audit_write(&mut tx, &entry).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The account whose username or phone is `login`, disabled or not.
    pub async fn account_by_login(&self, login: &str) -> anyhow::Result<Option<StoredAccount>> {
        let row = sqlx::query(&format!(
            "SELECT {ACCOUNT_COLUMNS}, a.password_hash, a.must_change_password \
             FROM accounts a \
             WHERE a.username = $1 OR a.phone = $1"
        ))
        .bind(login)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            None => Ok(None),
            Some(row) => Ok(Some(StoredAccount {
                account: self.account_from_row(&row).await?,
                password_hash: row.try_get("password_hash")?,
                must_change_password: row.try_get::<i64, _>("must_change_password")? != 0,
            })),
        }
    }

    /// One account by id.
    pub async fn account_by_id(&self, id: &str) -> anyhow::Result<Option<Account>> {
        let row = sqlx::query(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            None => Ok(None),
            Some(row) => Ok(Some(self.account_from_row(&row).await?)),
        }
    }

    /// Every account, staff first, then by username.
    pub async fn accounts_all(&self) -> anyhow::Result<Vec<Account>> {
        let rows = sqlx::query(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts a ORDER BY a.role DESC, a.username"
        ))
        .fetch_all(&self.pool)
        .await?;
        let mut accounts = Vec::with_capacity(rows.len());
        for row in &rows {
            accounts.push(self.account_from_row(row).await?);
        }
        Ok(accounts)
    }

    /// Number of accounts.
    pub async fn accounts_count(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Replaces the homes an account belongs to, audited as done by `actor` at `now_ms`.
    pub async fn account_set_homes(
        &self,
        account_id: &str,
        home_ids: &[String],
        (actor, now_ms): (&str, i64),
    ) -> anyhow::Result<()> {
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM account_homes WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        for home_id in home_ids {
            sqlx::query("INSERT INTO account_homes (account_id, home_id) VALUES ($1, $2)")
                .bind(account_id)
                .bind(home_id)
                .execute(&mut *tx)
                .await?;
        }
        let entry = Audit {
            actor,
            at_ms: now_ms,
            action: "account.homes",
            target: &format!("account:{account_id}"),
            details: BTreeMap::from([("home_ids".to_owned(), home_ids.join(","))]),
        };
        audit_write(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Disables an account and ends its sessions, or enables it again, with an audit entry by
    /// `actor`, in one transaction; false if no account has this id.
    pub async fn account_set_active(
        &self,
        account_id: &str,
        active: bool,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<bool> {
        let mut tx = self.begin().await?;
        let changed = sqlx::query("UPDATE accounts SET disabled_at_ms = $1 WHERE id = $2")
            .bind((!active).then_some(now_ms))
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        if changed.rows_affected() != 1 {
            return Ok(false);
        }
        if !active {
            sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
        }
        let entry = Audit {
            actor,
            at_ms: now_ms,
            action: if active {
                "account.enable"
            } else {
                "account.disable"
            },
            target: &format!("account:{account_id}"),
            details: BTreeMap::new(),
        };
        audit_write(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// An account's password hash, if the account exists.
    pub async fn account_password_hash(&self, account_id: &str) -> anyhow::Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
                .bind(account_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Sets an account's password hash and ends its sessions but `keep` (the one that asked),
    /// audited as done by the account itself, in one transaction.
    pub async fn account_change_password(
        &self,
        account_id: &str,
        password_hash: &str,
        keep: &str,
        now_ms: i64,
    ) -> anyhow::Result<()> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "UPDATE accounts SET password_hash = $1, must_change_password = 0 WHERE id = $2",
        )
        .bind(password_hash)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
            .bind(account_id)
            .bind(keep)
            .execute(&mut *tx)
            .await?;
        let entry = Audit {
            actor: account_id,
            at_ms: now_ms,
            action: "account.password",
            target: &format!("account:{account_id}"),
            details: BTreeMap::new(),
        };
        audit_write(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives an account a temporary password it must replace at its next sign-in, ending all
    /// its sessions, audited as done by `actor`, in one transaction; false if no such account.
    pub async fn account_reset_password(
        &self,
        account_id: &str,
        password_hash: &str,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<bool> {
        let mut tx = self.begin().await?;
        let changed = sqlx::query(
            "UPDATE accounts SET password_hash = $1, must_change_password = 1 WHERE id = $2",
        )
        .bind(password_hash)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        let entry = Audit {
            actor,
            at_ms: now_ms,
            action: "account.password_reset",
            target: &format!("account:{account_id}"),
            details: BTreeMap::new(),
        };
        audit_write(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Starts a session.
    pub async fn session_insert(
        &self,
        token_hash: &str,
        account_id: &str,
        csrf_token: &str,
        now_ms: i64,
        expires_at_ms: i64,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at_ms, expires_at_ms) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(csrf_token)
        .bind(now_ms)
        .bind(expires_at_ms)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The session with this token hash, if it exists (expired or not).
    pub async fn session_by_token_hash(
        &self,
        token_hash: &str,
    ) -> anyhow::Result<Option<StoredSession>> {
        let row = sqlx::query(&format!(
            "SELECT {ACCOUNT_COLUMNS}, s.csrf_token, s.expires_at_ms, a.must_change_password \
             FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1 \
             AND a.disabled_at_ms IS NULL"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            None => Ok(None),
            Some(row) => Ok(Some(StoredSession {
                account: self.account_from_row(&row).await?,
                csrf_token: row.try_get("csrf_token")?,
                expires_at_ms: row.try_get("expires_at_ms")?,
                must_change_password: row.try_get::<i64, _>("must_change_password")? != 0,
            })),
        }
    }

    /// Ends a session.
    pub async fn session_delete(&self, token_hash: &str) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records a failed sign-in for `login` and forgets those older than `forget_before_ms`.
    pub async fn sign_in_failure_record(
        &self,
        login: &str,
        now_ms: i64,
        forget_before_ms: i64,
    ) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sign_in_failures WHERE at_ms < $1")
            .bind(forget_before_ms)
            .execute(&self.pool)
            .await?;
        sqlx::query("INSERT INTO sign_in_failures (login, at_ms) VALUES ($1, $2)")
            .bind(login)
            .bind(now_ms)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Failed sign-ins for `login` since `since_ms`: their number and the oldest's time.
    pub async fn sign_in_failures_since(
        &self,
        login: &str,
        since_ms: i64,
    ) -> anyhow::Result<(i64, Option<i64>)> {
        let row = sqlx::query("SELECT COUNT(*) AS n, MIN(at_ms) AS oldest FROM sign_in_failures WHERE login = $1 AND at_ms >= $2")
            .bind(login)
            .bind(since_ms)
            .fetch_one(&self.pool)
            .await?;
        Ok((row.try_get("n")?, row.try_get("oldest")?))
    }

    /// Forgets the failed sign-ins of `login` after a successful one.
    pub async fn sign_in_failures_clear(&self, login: &str) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sign_in_failures WHERE login = $1")
            .bind(login)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
