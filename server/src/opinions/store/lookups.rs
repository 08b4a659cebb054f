//! Look-ups of one opinion by its owner's proof (the private token, or the session of its phone),
//! limited by counters of failed look-ups that are counted and compared in the look-up's own
//! transaction: each counter's row is bumped first, which holds it until commit, so look-ups
//! sent together for one record (or from one address) take turns, and no more of them are
//! compared than the limit allows. A look-up that finds its opinion gives its tries back: only
//! failures count. A refused one rolls back and counts nothing.

use crate::opinions::store::counters;
use crate::platform::db::{Db, Tx};

/// The counters a look-up counts in, each with the most failures it may reach.
pub type LookupLimits<'a> = &'a [(String, i64)];

/// What a look-up did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Looked {
    /// The opinion with this tracking number; its tries were given back.
    Found(String),
    /// Nothing matched; the failure is counted.
    Missed,
    /// This counter was at its limit already: nothing was compared or counted.
    Refused(String),
}

/// What the owner proves an opinion with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpinionKey<'a> {
    /// The SHA-256 of the receipt's private token.
    TokenHash(&'a str),
    /// A tracking number and the phone of the caller's session, if they have one.
    Phone {
        tracking_number: &'a str,
        phone: Option<&'a str>,
    },
}

/// Takes a try from each counter, in order; the name of the first past its limit, if any (the
/// caller must then roll back, so the refused request counts nothing).
pub(crate) async fn take_tries(
    tx: &mut Tx,
    limits: LookupLimits<'_>,
    now_ms: i64,
) -> anyhow::Result<Option<String>> {
    for (counter, most) in limits {
        if counters::bump(tx, counter, now_ms).await? > *most {
            return Ok(Some(counter.clone()));
        }
    }
    Ok(None)
}

/// Gives back the tries of a look-up that found its opinion.
pub(crate) async fn give_back(tx: &mut Tx, limits: LookupLimits<'_>) -> anyhow::Result<()> {
    for (counter, _) in limits {
        sqlx::query("UPDATE opinion_counters SET value = value - 1 WHERE name = $1")
            .bind(counter)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The tracking number of the opinion `key` opens, if any.
async fn opened_by(tx: &mut Tx, key: OpinionKey<'_>) -> anyhow::Result<Option<String>> {
    let found = match key {
        OpinionKey::TokenHash(hash) => {
            sqlx::query_scalar("SELECT tracking_number FROM opinions WHERE private_token_hash = $1")
                .bind(hash)
                .fetch_optional(&mut **tx)
                .await?
        }
        OpinionKey::Phone {
            tracking_number,
            phone: Some(phone),
        } => {
            sqlx::query_scalar(
                "SELECT tracking_number FROM opinions \
                 WHERE tracking_number = $1 AND contact_phone = $2",
            )
            .bind(tracking_number)
            .bind(phone)
            .fetch_optional(&mut **tx)
            .await?
        }
        OpinionKey::Phone { phone: None, .. } => None,
    };
    Ok(found)
}

impl Db {
    /// Finds the opinion `key` opens, counting a failure in each of `limits` (see the module).
    pub async fn opinion_lookup(
        &self,
        key: OpinionKey<'_>,
        limits: LookupLimits<'_>,
        now_ms: i64,
    ) -> anyhow::Result<Looked> {
        let mut tx = self.begin().await?;
        if let Some(counter) = take_tries(&mut tx, limits, now_ms).await? {
            tx.rollback().await?;
            return Ok(Looked::Refused(counter));
        }
        let looked = match opened_by(&mut tx, key).await? {
            Some(tracking_number) => {
                give_back(&mut tx, limits).await?;
                Looked::Found(tracking_number)
            }
            None => Looked::Missed,
        };
        tx.commit().await?;
        Ok(looked)
    }
}
