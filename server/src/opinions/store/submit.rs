//! Opinions: the submission transaction, and the status page's view.
//!
//! A submission is one transaction whose first statement inserts its `Idempotency-Key`. Of
//! identical requests arriving at once, on PostgreSQL the others wait on that key's row and then
//! fail to insert it; on SQLite writers take turns. Either way exactly one makes the opinion, and
//! the others read its receipt. Counters (the tracking number's day sequence, the hourly limits)
//! are bumped with an upsert that holds their row until commit, so several servers on one
//! database never hand out one tracking number twice nor miss a count.

use crate::opinions::store::counters;
use crate::opinions::store::timeline::insert_event;
use crate::photos::store::{attach, PhotoOwner};
use crate::platform::db::Db;
use anyhow::Context;
use deputy_homes_api::opinions::{
    Category, MaskedContact, NewOpinion, OpinionEvent, OpinionLocation, OpinionReceipt,
    OpinionStatus, OpinionView,
};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

/// A submission to store; the route has validated it.
#[derive(Debug, Clone)]
pub struct OpinionRecord<'a> {
    pub id: &'a str,
    pub idempotency_key: &'a str,
    /// SHA-256 of the body, to tell a retry from another opinion under the same key.
    pub request_hash: &'a str,
    pub private_token: &'a str,
    pub private_token_hash: &'a str,
    pub opinion: &'a NewOpinion,
    /// The contact's phone, normalised; `None` when anonymous.
    pub phone: Option<&'a str>,
    /// The Hohhot date of submission as `(year, month, day)`.
    pub date: (i64, u32, u32),
    /// Counters to bump with the most each may reach (the hourly limits).
    pub limits: &'a [(String, i64)],
    pub now_ms: i64,
    /// The staff account that entered a walk-in citizen's opinion (audited); `None` online.
    pub entered_by: Option<&'a str>,
}

/// What submitting did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitOutcome {
    Created(OpinionReceipt),
    /// The key was used before with the same body: the receipt of then.
    Replayed(OpinionReceipt),
    /// The key was used before with another body.
    KeyReused,
    /// This counter is at its limit.
    LimitReached(String),
    /// The photo does not exist or belongs to an opinion already.
    PhotoUnavailable(String),
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

const OPINION_COLUMNS: &str = "id, tracking_number, category, home_id, title, body, lat, lon, \
     contact_name, contact_phone, allow_publish, status, created_at_ms, due_at_ms, reply_class, \
     reply_text, replied_at_ms, rating, rating_comment, rated_at_ms, personal_data_erased_at_ms";

fn status_of(text: &str) -> anyhow::Result<OpinionStatus> {
    OpinionStatus::from_code(text).with_context(|| format!("unknown opinion status {text}"))
}

impl Db {
    /// Stores an opinion with its first event and photos, unless its key was used already, a
    /// limit is reached, or a photo is unavailable (then nothing is stored).
    pub async fn opinion_submit(
        &self,
        record: &OpinionRecord<'_>,
    ) -> anyhow::Result<SubmitOutcome> {
        let mut tx = self.begin().await?;
        let claimed = sqlx::query(
            "INSERT INTO opinion_idempotency \
             (idempotency_key, request_hash, opinion_id, private_token, created_at_ms) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(record.idempotency_key)
        .bind(record.request_hash)
        .bind(record.id)
        .bind(record.private_token)
        .bind(record.now_ms)
        .execute(&mut *tx)
        .await;
        match claimed {
            Ok(_) => {}
            Err(e) if is_unique_violation(&e) => {
                tx.rollback().await?;
                return self.replay(record).await;
            }
            Err(e) => return Err(e.into()),
        }
        for (counter, limit) in record.limits {
            if counters::bump(&mut tx, counter, record.now_ms).await? > *limit {
                tx.rollback().await?;
                return Ok(SubmitOutcome::LimitReached(counter.clone()));
            }
        }
        let (year, month, day) = record.date;
        let day_key = format!("day:{year:04}{month:02}{day:02}");
        let sequence = counters::bump(&mut tx, &day_key, record.now_ms).await?;
        let tracking_number =
            deputy_homes_api::opinions::tracking_number(year, month, day, sequence);
        insert_opinion(&mut tx, record, &tracking_number).await?;
        if let Some(staff) = record.entered_by {
            let details =
                std::collections::BTreeMap::from([("channel".to_owned(), "walk_in".to_owned())]);
            let entry = crate::platform::audit::Audit {
                actor: staff,
                at_ms: record.now_ms,
                action: "opinion.walk_in",
                target: &tracking_number,
                details,
            };
            crate::platform::audit::audit_write(&mut tx, &entry).await?;
        }
        let photos = &record.opinion.photo_ids;
        let owner = (PhotoOwner::Opinion, record.id);
        if let Some(gone) = attach(&mut tx, owner, photos, None).await? {
            tx.rollback().await?;
            return Ok(SubmitOutcome::PhotoUnavailable(gone));
        }
        tx.commit().await?;
        Ok(SubmitOutcome::Created(OpinionReceipt {
            tracking_number,
            private_token: record.private_token.to_owned(),
            status: OpinionStatus::Submitted,
        }))
    }

    /// The receipt of an earlier submission under the record's key.
    async fn replay(&self, record: &OpinionRecord<'_>) -> anyhow::Result<SubmitOutcome> {
        let row = sqlx::query(
            "SELECT k.request_hash, k.private_token, o.tracking_number, o.status \
             FROM opinion_idempotency k JOIN opinions o ON o.id = k.opinion_id \
             WHERE k.idempotency_key = $1",
        )
        .bind(record.idempotency_key)
        .fetch_one(&self.pool)
        .await
        .context("the idempotency key's opinion is missing")?;
        let hash: String = row.try_get("request_hash")?;
        if hash != record.request_hash {
            return Ok(SubmitOutcome::KeyReused);
        }
        let status: String = row.try_get("status")?;
        Ok(SubmitOutcome::Replayed(OpinionReceipt {
            tracking_number: row.try_get("tracking_number")?,
            private_token: row.try_get("private_token")?,
            status: status_of(&status)?,
        }))
    }

    /// The opinion with this tracking number, with its contact's phone in full (for the caller
    /// to check), or `None`.
    pub async fn opinion_by_tracking_number(
        &self,
        tracking_number: &str,
    ) -> anyhow::Result<Option<(OpinionView, Option<String>)>> {
        let sql = format!("SELECT {OPINION_COLUMNS} FROM opinions WHERE tracking_number = $1");
        let row = sqlx::query(&sql)
            .bind(tracking_number)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => {
                let phone: Option<String> = row.try_get("contact_phone")?;
                Ok(Some((self.view_of(&row).await?, phone)))
            }
            None => Ok(None),
        }
    }

    /// The opinion whose private token has this SHA-256, or `None`.
    pub async fn opinion_by_token_hash(&self, hash: &str) -> anyhow::Result<Option<OpinionView>> {
        let sql = format!("SELECT {OPINION_COLUMNS} FROM opinions WHERE private_token_hash = $1");
        let row = sqlx::query(&sql)
            .bind(hash)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => Ok(Some(self.view_of(&row).await?)),
            None => Ok(None),
        }
    }

    /// Adds 1 to a counter outside any submission (e.g. failed look-ups) and returns its value.
    pub async fn counter_bump(&self, name: &str, now_ms: i64) -> anyhow::Result<i64> {
        let mut tx = self.begin().await?;
        let value = counters::bump(&mut tx, name, now_ms).await?;
        tx.commit().await?;
        Ok(value)
    }

    /// A counter's value (0 if it was never bumped).
    pub async fn counter_value(&self, name: &str) -> anyhow::Result<i64> {
        let value: Option<i64> =
            sqlx::query_scalar("SELECT value FROM opinion_counters WHERE name = $1")
                .bind(name)
                .fetch_optional(&self.pool)
                .await?;
        Ok(value.unwrap_or(0))
    }

    /// The status page's view of an opinion row: the phone masked, the timeline, the photos.
    async fn view_of(&self, row: &AnyRow) -> anyhow::Result<OpinionView> {
        let id: String = row.try_get("id")?;
        let events = sqlx::query(
            "SELECT kind, at_ms, note FROM opinion_events WHERE opinion_id = $1 \
             AND kind NOT IN ('note', 'extended') ORDER BY at_ms, id",
        )
        .bind(&id)
        .fetch_all(&self.pool)
        .await?;
        let timeline = events
            .iter()
            .map(|e| {
                let status: String = e.try_get("kind")?;
                Ok(OpinionEvent {
                    status: status_of(&status)?,
                    at_ms: e.try_get("at_ms")?,
                    note: e.try_get("note")?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let photos = self.photos_of(PhotoOwner::Opinion, &id).await?;
        let units = self
            .units_of(&id)
            .await?
            .into_iter()
            .map(|u| u.name)
            .collect();
        let category: String = row.try_get("category")?;
        let status: String = row.try_get("status")?;
        let lat: Option<f64> = row.try_get("lat")?;
        let lon: Option<f64> = row.try_get("lon")?;
        let name: Option<String> = row.try_get("contact_name")?;
        let phone: Option<String> = row.try_get("contact_phone")?;
        let contact = match (name, phone) {
            (Some(name), Some(phone)) => Some(MaskedContact {
                name,
                phone_masked: deputy_homes_api::accounts::MobileNumber::parse(&phone)
                    .map(|m| m.masked())
                    .unwrap_or_default(),
            }),
            _ => None,
        };
        Ok(OpinionView {
            tracking_number: row.try_get("tracking_number")?,
            category: Category::from_code(&category)
                .with_context(|| format!("unknown opinion category {category}"))?,
            home_id: row.try_get("home_id")?,
            title: row.try_get("title")?,
            body: row.try_get("body")?,
            location: lat.zip(lon).map(|(lat, lon)| OpinionLocation { lat, lon }),
            contact,
            personal_data_erased_at_ms: row.try_get("personal_data_erased_at_ms")?,
            allow_publish: row.try_get::<i64, _>("allow_publish")? != 0,
            created_at_ms: row.try_get("created_at_ms")?,
            status: status_of(&status)?,
            timeline,
            photos,
            due_date: crate::opinions::store::queue::due_date_text(row.try_get("due_at_ms")?),
            reply: crate::opinions::store::queue::reply_of(row)?,
            rating: crate::opinions::store::queue::rating_of(row)?,
            units,
        })
    }
}

/// Inserts the opinion and its first event, `submitted` by the citizen.
async fn insert_opinion(
    tx: &mut Transaction<'_, Any>,
    record: &OpinionRecord<'_>,
    tracking_number: &str,
) -> anyhow::Result<()> {
    let opinion = record.opinion;
    let contact_name = opinion.contact.as_ref().map(|c| c.name.trim().to_owned());
    sqlx::query(
        "INSERT INTO opinions (id, tracking_number, private_token_hash, category, home_id, title, \
         body, lat, lon, contact_name, contact_phone, consent_at_ms, allow_publish, status, \
         created_at_ms, updated_at_ms, channel) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(record.id)
    .bind(tracking_number)
    .bind(record.private_token_hash)
    .bind(opinion.category.code())
    .bind(opinion.home_id.as_deref())
    .bind(opinion.title.trim())
    .bind(opinion.body.trim())
    .bind(opinion.location.map(|l| l.lat))
    .bind(opinion.location.map(|l| l.lon))
    .bind(contact_name)
    .bind(record.phone)
    .bind(record.now_ms)
    .bind(i64::from(opinion.allow_publish))
    .bind(OpinionStatus::Submitted.code())
    .bind(record.now_ms)
    .bind(record.now_ms)
    .bind(if record.entered_by.is_some() {
        "walk_in"
    } else {
        "online"
    })
    .execute(&mut **tx)
    .await?;
    insert_event(
        tx,
        record.id,
        deputy_homes_api::opinions::handling::EventKind::Submitted,
        OpinionStatus::Submitted,
        record.entered_by.unwrap_or("citizen"),
        None,
        None,
        record.now_ms,
    )
    .await
}
