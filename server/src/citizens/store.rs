//! The verification codes texted to citizens and their sessions. A code is kept only as a
//! salted hash and a session only as the hash of its token, so a leaked table opens nothing.

use crate::platform::db::{self, Backend, Db, Tx};
use sqlx::Row;

/// A code that may still be tried.
#[derive(Debug, Clone)]
pub struct LiveCode {
    pub id: String,
    pub code_hash: String,
    pub wrong_tries: i64,
}

/// A live citizen session.
#[derive(Debug, Clone)]
pub struct StoredCitizenSession {
    pub phone: String,
    pub csrf_token: String,
    pub expires_at_ms: i64,
}

/// A new code to store.
#[derive(Debug, Clone)]
pub struct CodeRecord<'a> {
    pub id: &'a str,
    pub phone: &'a str,
    pub code_hash: &'a str,
    pub address_key: &'a str,
    pub now_ms: i64,
    pub expires_at_ms: i64,
}

/// Takes turns with every other transaction about `phone` and `address_key`, so the counts that
/// follow see every code sent before this one; the phone is always locked first.
pub async fn take_turns(
    tx: &mut Tx,
    backend: Backend,
    phone: &str,
    address_key: &str,
) -> anyhow::Result<()> {
    // 14: the citizens' migration.
    db::take_turns(tx, backend, 14, &[phone, address_key]).await
}

/// How many codes went to `phone` since `since_ms`, and when the last one did.
pub async fn codes_to_phone_since(
    tx: &mut Tx,
    phone: &str,
    since_ms: i64,
) -> anyhow::Result<(i64, Option<i64>)> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, MAX(created_at_ms) AS last FROM verification_codes \
         WHERE phone = $1 AND created_at_ms > $2",
    )
    .bind(phone)
    .bind(since_ms)
    .fetch_one(&mut **tx)
    .await?;
    Ok((row.try_get("n")?, row.try_get("last")?))
}

/// The send times of the codes asked for from `address_key` since `since_ms`, oldest first.
pub async fn codes_from_address_since(
    tx: &mut Tx,
    address_key: &str,
    since_ms: i64,
) -> anyhow::Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT created_at_ms FROM verification_codes \
         WHERE address_key = $1 AND created_at_ms > $2 ORDER BY created_at_ms",
    )
    .bind(address_key)
    .bind(since_ms)
    .fetch_all(&mut **tx)
    .await?)
}

/// The send times of the codes that went to `phone` since `since_ms`, oldest first.
pub async fn code_times_to_phone_since(
    tx: &mut Tx,
    phone: &str,
    since_ms: i64,
) -> anyhow::Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT created_at_ms FROM verification_codes \
         WHERE phone = $1 AND created_at_ms > $2 ORDER BY created_at_ms",
    )
    .bind(phone)
    .bind(since_ms)
    .fetch_all(&mut **tx)
    .await?)
}

/// Stores a new code; earlier codes of the phone stop counting (only the newest may be tried).
pub async fn code_insert(tx: &mut Tx, record: &CodeRecord<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE verification_codes SET expires_at_ms = $2 \
         WHERE phone = $1 AND used_at_ms IS NULL AND expires_at_ms > $2",
    )
    .bind(record.phone)
    .bind(record.now_ms)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO verification_codes \
         (id, phone, code_hash, address_key, created_at_ms, expires_at_ms, wrong_tries) \
         VALUES ($1, $2, $3, $4, $5, $6, 0)",
    )
    .bind(record.id)
    .bind(record.phone)
    .bind(record.code_hash)
    .bind(record.address_key)
    .bind(record.now_ms)
    .bind(record.expires_at_ms)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The newest code of `phone` that is unused, unexpired and not void, locked for this
/// transaction (two tries of one code take turns, so each wrong one counts).
pub async fn live_code(
    tx: &mut Tx,
    backend: Backend,
    phone: &str,
    max_wrong_tries: i64,
    now_ms: i64,
) -> anyhow::Result<Option<LiveCode>> {
    let lock = if backend == Backend::Postgres {
        " FOR UPDATE"
    } else {
        ""
    };
    let row = sqlx::query(&format!(
        "SELECT id, code_hash, wrong_tries FROM verification_codes \
         WHERE phone = $1 AND used_at_ms IS NULL AND expires_at_ms > $2 AND wrong_tries < $3 \
         ORDER BY created_at_ms DESC LIMIT 1{lock}"
    ))
    .bind(phone)
    .bind(now_ms)
    .bind(max_wrong_tries)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|row| {
        Ok(LiveCode {
            id: row.try_get("id")?,
            code_hash: row.try_get("code_hash")?,
            wrong_tries: row.try_get("wrong_tries")?,
        })
    })
    .transpose()
}

/// Counts a wrong try of a code.
pub async fn code_wrong_try(tx: &mut Tx, id: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE verification_codes SET wrong_tries = wrong_tries + 1 WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Marks a code used: it opens no second session.
pub async fn code_use(tx: &mut Tx, id: &str, now_ms: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE verification_codes SET used_at_ms = $2 WHERE id = $1")
        .bind(id)
        .bind(now_ms)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Starts a session for a verified phone.
pub async fn session_insert(
    tx: &mut Tx,
    token_hash: &str,
    phone: &str,
    csrf_token: &str,
    now_ms: i64,
    expires_at_ms: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO citizen_sessions (token_hash, phone, csrf_token, created_at_ms, expires_at_ms) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(phone)
    .bind(csrf_token)
    .bind(now_ms)
    .bind(expires_at_ms)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Db {
    /// The citizen session whose token hashes to `token_hash`, if there is one.
    pub async fn citizen_session(
        &self,
        token_hash: &str,
    ) -> anyhow::Result<Option<StoredCitizenSession>> {
        let row = sqlx::query(
            "SELECT phone, csrf_token, expires_at_ms FROM citizen_sessions WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(StoredCitizenSession {
                phone: row.try_get("phone")?,
                csrf_token: row.try_get("csrf_token")?,
                expires_at_ms: row.try_get("expires_at_ms")?,
            })
        })
        .transpose()
    }

    /// Ends a citizen session.
    pub async fn citizen_session_delete(&self, token_hash: &str) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM citizen_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
