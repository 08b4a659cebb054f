//! The citizen's rating, the public board, and the rows statistics are computed from.

use crate::opinions::store::lookups::{give_back, take_tries, LookupLimits};
use crate::opinions::store::queue::{bind_all, category_of, status_of, units_of_opinions, Bind};
use crate::opinions::store::timeline::insert_event;
use crate::platform::db::Db;
use deputy_homes_api::citizens::MyOpinion;
use deputy_homes_api::opinions::board::{PublicOpinion, PublicOpinionPage, Rating, ReplyClass};
use deputy_homes_api::opinions::handling::{EventKind, PAGE_SIZE};
use deputy_homes_api::opinions::{Category, OpinionStatus};
use deputy_homes_api::District;
use sqlx::Row;
use std::collections::HashMap;

/// How a citizen proves an opinion is theirs: either is enough.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RatingProof {
    /// The SHA-256 of the private token sent with the rating.
    pub token_hash: Option<String>,
    /// The phone of the caller's citizen session.
    pub phone: Option<String>,
}

/// What rating did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RateOutcome {
    /// Stored; the opinion is now at this status.
    Rated(OpinionStatus),
    /// No opinion has this tracking number and proof (the failure is counted).
    NotFound,
    /// This failed look-ups' counter was at its limit: nothing was compared or counted.
    TooManyFailures(String),
    /// There is no reply to rate yet.
    NotReplied,
    /// It was rated before; a rating is given once.
    AlreadyRated,
}

/// One opinion as statistics see it.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsRow {
    pub status: OpinionStatus,
    pub category: Category,
    pub district: Option<District>,
    pub home_id: Option<String>,
    pub created_at_ms: i64,
    pub replied_at_ms: Option<i64>,
    pub due_at_ms: Option<i64>,
    pub rating: Option<Rating>,
    /// `(unit id, unit name, assigned at)`.
    pub units: Vec<(String, String, i64)>,
}

impl Db {
    /// The newest opinions sent with `phone` as their contact, most `limit`: the phone's "我的".
    pub async fn opinions_of_phone(
        &self,
        phone: &str,
        limit: i64,
    ) -> anyhow::Result<Vec<MyOpinion>> {
        let rows = sqlx::query(
            "SELECT tracking_number, title, status, created_at_ms FROM opinions \
             WHERE contact_phone = $1 ORDER BY created_at_ms DESC, tracking_number DESC LIMIT $2",
        )
        .bind(phone)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(MyOpinion {
                    tracking_number: row.try_get("tracking_number")?,
                    title: row.try_get("title")?,
                    status: status_of(&row.try_get::<String, _>("status")?)?,
                    submitted_at_ms: row.try_get("created_at_ms")?,
                })
            })
            .collect()
    }

    /// Records the citizen's rating of the reply, once. The status becomes `rated` when the
    /// chain allows it (an opinion already published or closed keeps its status). A wrong proof
    /// is a failed look-up, counted in `limits` in this transaction (see `store::lookups`).
    pub async fn opinion_rate(
        &self,
        tracking_number: &str,
        proof: &RatingProof,
        (rating, comment): (Rating, Option<&str>),
        limits: LookupLimits<'_>,
        now_ms: i64,
    ) -> anyhow::Result<RateOutcome> {
        let mut tx = self.begin().await?;
        if let Some(counter) = take_tries(&mut tx, limits, now_ms).await? {
            tx.rollback().await?;
            return Ok(RateOutcome::TooManyFailures(counter));
        }
        let locked = sqlx::query(
            "UPDATE opinions SET updated_at_ms = updated_at_ms WHERE tracking_number = $1",
        )
        .bind(tracking_number)
        .execute(&mut *tx)
        .await?;
        if locked.rows_affected() == 0 {
            tx.commit().await?;
            return Ok(RateOutcome::NotFound);
        }
        let row = sqlx::query(
            "SELECT id, status, contact_phone, private_token_hash, replied_at_ms, rating \
             FROM opinions WHERE tracking_number = $1",
        )
        .bind(tracking_number)
        .fetch_one(&mut *tx)
        .await?;
        let phone: Option<String> = row.try_get("contact_phone")?;
        let token_hash: String = row.try_get("private_token_hash")?;
        let owner = proof.token_hash.as_ref() == Some(&token_hash)
            || (phone.is_some() && proof.phone == phone);
        if !owner {
            tx.commit().await?;
            return Ok(RateOutcome::NotFound);
        }
        give_back(&mut tx, limits).await?;
        if row.try_get::<Option<i64>, _>("replied_at_ms")?.is_none() {
            return Ok(RateOutcome::NotReplied);
        }
        if row.try_get::<Option<i64>, _>("rating")?.is_some() {
            return Ok(RateOutcome::AlreadyRated);
        }
        let id: String = row.try_get("id")?;
        let from = status_of(&row.try_get::<String, _>("status")?)?;
        let status = if from.can_become(OpinionStatus::Rated) {
            OpinionStatus::Rated
        } else {
            from
        };
        let comment = comment.map(str::trim).filter(|c| !c.is_empty());
        sqlx::query(
            "UPDATE opinions SET rating = $2, rating_comment = $3, rated_at_ms = $4, \
             status = $5, updated_at_ms = $4 WHERE id = $1",
        )
        .bind(&id)
        .bind(rating.score())
        .bind(comment)
        .bind(now_ms)
        .bind(status.code())
        .execute(&mut *tx)
        .await?;
        insert_event(
            &mut tx,
            &id,
            EventKind::Rated,
            status,
            "citizen",
            comment,
            None,
            now_ms,
        )
        .await?;
        tx.commit().await?;
        Ok(RateOutcome::Rated(status))
    }

    /// A page of the public board: published opinions whose authors allowed it, newest first.
    pub async fn public_opinions(
        &self,
        category: Option<Category>,
        page: u32,
    ) -> anyhow::Result<PublicOpinionPage> {
        let mut clause = "o.status = 'published' AND o.allow_publish = 1".to_owned();
        let mut binds = Vec::new();
        if let Some(category) = category {
            clause.push_str(" AND o.category = $1");
            binds.push(Bind::Text(category.code().into()));
        }
        let total: i64 = bind_all(
            sqlx::query(&format!("SELECT COUNT(*) FROM opinions o WHERE {clause}")),
            &binds,
        )
        .fetch_one(&self.pool)
        .await?
        .try_get(0)?;
        let offset = i64::from(page - 1) * i64::from(PAGE_SIZE);
        let sql = format!(
            "SELECT o.id, o.tracking_number, o.category, h.district AS home_district, o.title, \
             o.body, o.reply_class, o.reply_text, o.created_at_ms, o.replied_at_ms, \
             o.published_at_ms, o.rating FROM opinions o LEFT JOIN homes h ON h.id = o.home_id \
             WHERE {clause} ORDER BY o.published_at_ms DESC, o.id \
             LIMIT {PAGE_SIZE} OFFSET {offset}"
        );
        let rows = bind_all(sqlx::query(&sql), &binds)
            .fetch_all(&self.pool)
            .await?;
        let ids = rows
            .iter()
            .map(|row| row.try_get("id"))
            .collect::<Result<Vec<String>, _>>()?;
        let mut units = units_of_opinions(&self.pool, &ids).await?;
        let mut items = Vec::with_capacity(rows.len());
        for (row, id) in rows.iter().zip(&ids) {
            let district: Option<String> = row.try_get("home_district")?;
            let class: Option<String> = row.try_get("reply_class")?;
            let rating: Option<i64> = row.try_get("rating")?;
            items.push(PublicOpinion {
                tracking_number: row.try_get("tracking_number")?,
                category: category_of(&row.try_get::<String, _>("category")?)?,
                district: district.as_deref().and_then(District::from_code),
                title: row.try_get("title")?,
                body: row.try_get("body")?,
                units: units
                    .remove(id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|u| u.name)
                    .collect(),
                reply_class: class
                    .as_deref()
                    .and_then(ReplyClass::from_code)
                    .ok_or_else(|| anyhow::anyhow!("a published opinion without a reply"))?,
                reply_text: row
                    .try_get::<Option<String>, _>("reply_text")?
                    .unwrap_or_default(),
                submitted_at_ms: row.try_get("created_at_ms")?,
                replied_at_ms: row
                    .try_get::<Option<i64>, _>("replied_at_ms")?
                    .unwrap_or_default(),
                published_at_ms: row
                    .try_get::<Option<i64>, _>("published_at_ms")?
                    .unwrap_or_default(),
                rating: rating.and_then(Rating::from_score),
            });
        }
        Ok(PublicOpinionPage {
            items,
            total: u64::try_from(total)?,
            page,
            page_size: PAGE_SIZE,
        })
    }

    /// Every opinion with what statistics need, and its units.
    pub async fn stats_rows(&self) -> anyhow::Result<Vec<StatsRow>> {
        let mut units: HashMap<String, Vec<(String, String, i64)>> = HashMap::new();
        let unit_rows = sqlx::query(
            "SELECT ou.opinion_id, u.id, u.name, ou.assigned_at_ms FROM opinion_units ou \
             JOIN handling_units u ON u.id = ou.unit_id",
        )
        .fetch_all(&self.pool)
        .await?;
        for row in &unit_rows {
            units.entry(row.try_get("opinion_id")?).or_default().push((
                row.try_get("id")?,
                row.try_get("name")?,
                row.try_get("assigned_at_ms")?,
            ));
        }
        sqlx::query(
            "SELECT o.id, o.status, o.category, o.home_id, h.district AS home_district, o.created_at_ms, \
             o.replied_at_ms, o.due_at_ms, o.rating FROM opinions o \
             LEFT JOIN homes h ON h.id = o.home_id",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            let id: String = row.try_get("id")?;
            let district: Option<String> = row.try_get("home_district")?;
            let rating: Option<i64> = row.try_get("rating")?;
            Ok(StatsRow {
                status: status_of(&row.try_get::<String, _>("status")?)?,
                category: category_of(&row.try_get::<String, _>("category")?)?,
                district: district.as_deref().and_then(District::from_code),
                home_id: row.try_get("home_id")?,
                created_at_ms: row.try_get("created_at_ms")?,
                replied_at_ms: row.try_get("replied_at_ms")?,
                due_at_ms: row.try_get("due_at_ms")?,
                rating: rating.and_then(Rating::from_score),
                units: units.remove(&id).unwrap_or_default(),
            })
        })
        .collect()
    }
}
