//! The staff's queue and full view of opinions (and a delegate's list), read side.

use crate::photos::store::PhotoOwner;
use crate::platform::db::Db;
use anyhow::Context;
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::meetings::activity::format_date;
use deputy_homes_api::opinions::board::{OpinionRating, OpinionReply, Rating, ReplyClass};
use deputy_homes_api::opinions::handling::{
    EventKind, OpinionChannel, OpinionSummary, RejectReason, Rejection, StaffOpinionEvent,
    StaffOpinionQuery, StaffOpinionView, UnitRef, PAGE_SIZE,
};
use deputy_homes_api::opinions::{Category, MaskedContact, OpinionLocation, OpinionStatus};
use deputy_homes_api::District;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, Row};
use std::collections::HashMap;

/// The columns of a summary: the opinion and its home's district.
const SUMMARY_SELECT: &str = "SELECT o.id, o.tracking_number, o.category, o.title, o.status, \
     o.home_id, h.district AS home_district, o.channel, o.contact_phone, o.created_at_ms, \
     o.due_at_ms FROM opinions o LEFT JOIN homes h ON h.id = o.home_id";

/// A parameter of a query built from filters.
#[derive(Debug, Clone)]
pub(crate) enum Bind {
    Text(String),
    Int(i64),
}

pub(crate) fn bind_all<'q>(
    mut query: Query<'q, Any, AnyArguments<'q>>,
    binds: &'q [Bind],
) -> Query<'q, Any, AnyArguments<'q>> {
    for bind in binds {
        query = match bind {
            Bind::Text(text) => query.bind(text.as_str()),
            Bind::Int(n) => query.bind(*n),
        };
    }
    query
}

pub(crate) fn status_of(text: &str) -> anyhow::Result<OpinionStatus> {
    OpinionStatus::from_code(text).with_context(|| format!("unknown opinion status {text}"))
}

pub(crate) fn category_of(text: &str) -> anyhow::Result<Category> {
    Category::from_code(text).with_context(|| format!("unknown opinion category {text}"))
}

fn kind_of(text: &str) -> anyhow::Result<EventKind> {
    serde_json::from_value(serde_json::Value::from(text))
        .with_context(|| format!("unknown event kind {text}"))
}

/// Whether an opinion at this status with this deadline is overdue now.
pub(crate) fn is_overdue(status: OpinionStatus, due_at_ms: Option<i64>, now_ms: i64) -> bool {
    matches!(
        status,
        OpinionStatus::Assigned | OpinionStatus::Acknowledged
    ) && due_at_ms.is_some_and(|due| due <= now_ms)
}

/// `YYYY-MM-DD` of a stored deadline.
pub(crate) fn due_date_text(due_at_ms: Option<i64>) -> Option<String> {
    due_at_ms.map(|ms| format_date(deputy_homes_api::opinions::workdays::due_day(ms)))
}

/// The filters of the staff queue (and the delegate's list) as SQL.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub query: StaffOpinionQuery,
    /// Only opinions raised at the homes of this delegate account.
    pub delegate: Option<String>,
}

impl QueueFilter {
    /// Whether the filter lets every opinion through (the staff's unfiltered queue).
    pub fn is_everything(&self) -> bool {
        self.where_clause(0).0.is_empty()
    }

    fn where_clause(&self, now_ms: i64) -> (String, Vec<Bind>) {
        let mut clauses: Vec<String> = Vec::new();
        let mut binds = Vec::new();
        let mut push = |clause: &str, bind: Bind| {
            binds.push(bind);
            clauses.push(clause.replace('?', &format!("${}", binds.len())));
        };
        let q = &self.query;
        if let Some(status) = q.status {
            push("o.status = ?", Bind::Text(status.code().into()));
        }
        if let Some(category) = q.category {
            push("o.category = ?", Bind::Text(category.code().into()));
        }
        if let Some(district) = q.district {
            push("h.district = ?", Bind::Text(district.code().into()));
        }
        if let Some(home) = q.home.as_deref().filter(|h| !h.is_empty()) {
            push("o.home_id = ?", Bind::Text(home.into()));
        }
        if let Some(unit) = q.unit.as_deref().filter(|u| !u.is_empty()) {
            push(
                "o.id IN (SELECT opinion_id FROM opinion_units WHERE unit_id = ?)",
                Bind::Text(unit.into()),
            );
        }
        if q.overdue == Some(true) {
            push(
                "o.status IN ('assigned', 'acknowledged') AND o.due_at_ms <= ?",
                Bind::Int(now_ms),
            );
        }
        if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            let escaped = text
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            push(
                "(LOWER(o.title) LIKE ? ESCAPE '\\' OR LOWER(o.body) LIKE ? ESCAPE '\\')",
                Bind::Text(format!("%{escaped}%")),
            );
        }
        if let Some(account) = &self.delegate {
            push(
                "o.home_id IN (SELECT home_id FROM account_homes WHERE account_id = ?)",
                Bind::Text(account.clone()),
            );
        }
        if clauses.is_empty() {
            (String::new(), binds)
        } else {
            (format!(" WHERE {}", clauses.join(" AND ")), binds)
        }
    }
}

/// The handling units of an opinion, by name, read through any connection (a step's transaction
/// too).
pub(crate) async fn units_of_opinion<'c, E>(
    executor: E,
    opinion_id: &str,
) -> anyhow::Result<Vec<UnitRef>>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let mut units = units_of_opinions(executor, &[opinion_id.to_owned()]).await?;
    Ok(units.remove(opinion_id).unwrap_or_default())
}

/// The handling units of each of these opinions, by name: one query for a page of them.
pub(crate) async fn units_of_opinions<'c, E>(
    executor: E,
    opinion_ids: &[String],
) -> anyhow::Result<HashMap<String, Vec<UnitRef>>>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let mut units: HashMap<String, Vec<UnitRef>> = HashMap::new();
    if opinion_ids.is_empty() {
        return Ok(units);
    }
    let placeholders: Vec<String> = (1..=opinion_ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT ou.opinion_id, u.id, u.name FROM opinion_units ou \
         JOIN handling_units u ON u.id = ou.unit_id \
         WHERE ou.opinion_id IN ({}) ORDER BY u.name",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for id in opinion_ids {
        query = query.bind(id);
    }
    for row in query.fetch_all(executor).await? {
        units
            .entry(row.try_get("opinion_id")?)
            .or_default()
            .push(UnitRef {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
            });
    }
    Ok(units)
}

/// The near duplicates found for an opinion, by tracking number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredNearDuplicates {
    /// Among every opinion: what staff see.
    pub of: Option<String>,
    /// Among the opinions of its own home: what the home's delegates see.
    pub at_home_of: Option<String>,
}

/// What near-duplicate detection compares of an opinion.
#[derive(Debug, Clone)]
pub struct OpinionText {
    pub tracking_number: String,
    pub created_at_ms: i64,
    pub home_id: Option<String>,
    /// The title and the body, on two lines.
    pub text: String,
}

impl Db {
    /// The handling units of an opinion, by name.
    pub(crate) async fn units_of(&self, opinion_id: &str) -> anyhow::Result<Vec<UnitRef>> {
        units_of_opinion(&self.pool, opinion_id).await
    }

    fn summary_of(
        row: &AnyRow,
        units: Vec<UnitRef>,
        now_ms: i64,
    ) -> anyhow::Result<OpinionSummary> {
        let status = status_of(&row.try_get::<String, _>("status")?)?;
        let district: Option<String> = row.try_get("home_district")?;
        let channel: String = row.try_get("channel")?;
        let phone: Option<String> = row.try_get("contact_phone")?;
        let due_at_ms: Option<i64> = row.try_get("due_at_ms")?;
        Ok(OpinionSummary {
            tracking_number: row.try_get("tracking_number")?,
            category: category_of(&row.try_get::<String, _>("category")?)?,
            title: row.try_get("title")?,
            status,
            home_id: row.try_get("home_id")?,
            district: district.as_deref().and_then(District::from_code),
            channel: if channel == "walk_in" {
                OpinionChannel::WalkIn
            } else {
                OpinionChannel::Online
            },
            phone_masked: phone.and_then(|p| MobileNumber::parse(&p).ok().map(|m| m.masked())),
            created_at_ms: row.try_get("created_at_ms")?,
            due_date: due_date_text(due_at_ms),
            overdue: is_overdue(status, due_at_ms, now_ms),
            units,
            near_duplicate_of: None,
        })
    }

    /// How many opinions match the filters.
    pub async fn opinion_queue_count(
        &self,
        filter: &QueueFilter,
        now_ms: i64,
    ) -> anyhow::Result<u64> {
        let (clause, binds) = filter.where_clause(now_ms);
        // The homes are joined only when a filter names them: counting needs no join otherwise.
        let join = if clause.contains("h.") {
            " LEFT JOIN homes h ON h.id = o.home_id"
        } else {
            ""
        };
        let count_sql = format!("SELECT COUNT(*) FROM opinions o{join}{clause}");
        let total: i64 = bind_all(sqlx::query(&count_sql), &binds)
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        Ok(u64::try_from(total)?)
    }

    /// A page of opinions matching the filters, newest first. `near_duplicate_of` is left for
    /// the caller to fill.
    pub async fn opinion_queue(
        &self,
        filter: &QueueFilter,
        page: u32,
        now_ms: i64,
    ) -> anyhow::Result<Vec<OpinionSummary>> {
        let (clause, binds) = filter.where_clause(now_ms);
        let offset = i64::from(page - 1) * i64::from(PAGE_SIZE);
        // Overdue opinions are few (open ones past their due day) and `opinions_by_due` finds
        // them; ordering by the bare column would instead let the planner walk every opinion by
        // time hoping to meet 20 of them soon (PostgreSQL guesses a thousand overdue where there
        // are none). `+ 0` keeps the time index out of it: the few found are sorted.
        let newest_first = if filter.query.overdue == Some(true) {
            "o.created_at_ms + 0 DESC"
        } else {
            "o.created_at_ms DESC"
        };
        let sql = format!(
            "{SUMMARY_SELECT}{clause} ORDER BY {newest_first}, o.id \
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
        let items = rows
            .iter()
            .zip(&ids)
            .map(|(row, id)| Self::summary_of(row, units.remove(id).unwrap_or_default(), now_ms))
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(items)
    }

    /// The stored near duplicates of these opinions, by tracking number: one query for a page;
    /// an opinion never compared is left out.
    pub async fn opinions_near_duplicates(
        &self,
        tracking_numbers: &[&str],
    ) -> anyhow::Result<HashMap<String, StoredNearDuplicates>> {
        let mut found = HashMap::new();
        if tracking_numbers.is_empty() {
            return Ok(found);
        }
        let placeholders: Vec<String> = (1..=tracking_numbers.len())
            .map(|i| format!("${i}"))
            .collect();
        let sql = format!(
            "SELECT tracking_number, near_duplicate_of, near_duplicate_at_home_of FROM opinions \
             WHERE near_duplicates_checked = 1 AND tracking_number IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for number in tracking_numbers {
            query = query.bind(*number);
        }
        for row in query.fetch_all(&self.pool).await? {
            found.insert(
                row.try_get("tracking_number")?,
                StoredNearDuplicates {
                    of: row.try_get("near_duplicate_of")?,
                    at_home_of: row.try_get("near_duplicate_at_home_of")?,
                },
            );
        }
        Ok(found)
    }

    /// Stores the near duplicates found for an opinion.
    pub async fn opinion_near_duplicates_store(
        &self,
        tracking_number: &str,
        found: &StoredNearDuplicates,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE opinions SET near_duplicate_of = $1, near_duplicate_at_home_of = $2, \
             near_duplicates_checked = 1 WHERE tracking_number = $3",
        )
        .bind(&found.of)
        .bind(&found.at_home_of)
        .bind(tracking_number)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// `(tracking number, submitted at, title and body)` of every opinion submitted in
    /// `[from_ms, to_ms]`, for near-duplicate detection.
    pub async fn opinion_texts(
        &self,
        from_ms: i64,
        to_ms: i64,
    ) -> anyhow::Result<Vec<OpinionText>> {
        sqlx::query(
            "SELECT tracking_number, created_at_ms, home_id, title, body FROM opinions \
             WHERE created_at_ms >= $1 AND created_at_ms <= $2 ORDER BY created_at_ms, id",
        )
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            let title: String = row.try_get("title")?;
            let body: String = row.try_get("body")?;
            Ok(OpinionText {
                tracking_number: row.try_get("tracking_number")?,
                created_at_ms: row.try_get("created_at_ms")?,
                home_id: row.try_get("home_id")?,
                text: format!("{title}\n{body}"),
            })
        })
        .collect()
    }

    /// Whether an opinion has this tracking number.
    pub async fn opinion_exists(&self, tracking_number: &str) -> anyhow::Result<bool> {
        let found: Option<String> =
            sqlx::query_scalar("SELECT id FROM opinions WHERE tracking_number = $1")
                .bind(tracking_number)
                .fetch_optional(&self.pool)
                .await?;
        Ok(found.is_some())
    }

    /// The staff's full view of an opinion, or `None`; `near_duplicate_of` is left to the caller.
    pub async fn staff_opinion(
        &self,
        tracking_number: &str,
        now_ms: i64,
    ) -> anyhow::Result<Option<StaffOpinionView>> {
        let sql = format!("{SUMMARY_SELECT} WHERE o.tracking_number = $1");
        let Some(row) = sqlx::query(&sql)
            .bind(tracking_number)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let id: String = row.try_get("id")?;
        let summary = Self::summary_of(&row, self.units_of(&id).await?, now_ms)?;
        let detail = sqlx::query(
            "SELECT body, lat, lon, contact_name, contact_phone, allow_publish, reject_reason, \
             duplicate_of, reject_message, reply_class, reply_text, replied_at_ms, rating, \
             rating_comment, rated_at_ms, personal_data_erased_at_ms FROM opinions WHERE id = $1",
        )
        .bind(&id)
        .fetch_one(&self.pool)
        .await?;
        let lat: Option<f64> = detail.try_get("lat")?;
        let lon: Option<f64> = detail.try_get("lon")?;
        let name: Option<String> = detail.try_get("contact_name")?;
        let reason: Option<String> = detail.try_get("reject_reason")?;
        let rejection = match reason {
            Some(reason) => Some(Rejection {
                reason: serde_json::from_value::<RejectReason>(serde_json::Value::from(reason))?,
                duplicate_of: detail.try_get("duplicate_of")?,
                message: detail
                    .try_get::<Option<String>, _>("reject_message")?
                    .unwrap_or_default(),
            }),
            None => None,
        };
        Ok(Some(StaffOpinionView {
            body: detail.try_get("body")?,
            location: lat.zip(lon).map(|(lat, lon)| OpinionLocation { lat, lon }),
            contact: name
                .zip(summary.phone_masked.clone())
                .map(|(name, phone_masked)| MaskedContact { name, phone_masked }),
            personal_data_erased_at_ms: detail.try_get("personal_data_erased_at_ms")?,
            allow_publish: detail.try_get::<i64, _>("allow_publish")? != 0,
            rejection,
            reply: reply_of(&detail)?,
            rating: rating_of(&detail)?,
            timeline: self.staff_timeline(&id).await?,
            photos: self.photos_of(PhotoOwner::Opinion, &id).await?,
            summary,
        }))
    }

    async fn staff_timeline(&self, opinion_id: &str) -> anyhow::Result<Vec<StaffOpinionEvent>> {
        sqlx::query(
            "SELECT e.kind, e.status, e.at_ms, e.actor, a.display_name, e.note, e.internal_note \
             FROM opinion_events e LEFT JOIN accounts a ON a.id = e.actor \
             WHERE e.opinion_id = $1 ORDER BY e.at_ms, e.id",
        )
        .bind(opinion_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            let actor: String = row.try_get("actor")?;
            let name: Option<String> = row.try_get("display_name")?;
            let by_staff = actor != "citizen";
            Ok(StaffOpinionEvent {
                kind: kind_of(&row.try_get::<String, _>("kind")?)?,
                status: status_of(&row.try_get::<String, _>("status")?)?,
                at_ms: row.try_get("at_ms")?,
                actor_name: name.unwrap_or_else(|| "市民".to_owned()),
                actor_account_id: by_staff.then_some(actor),
                note: row.try_get("note")?,
                internal_note: row.try_get("internal_note")?,
            })
        })
        .collect()
    }
}

/// The reply of a row with `reply_class`, `reply_text` and `replied_at_ms`.
pub(crate) fn reply_of(row: &AnyRow) -> anyhow::Result<Option<OpinionReply>> {
    let class: Option<String> = row.try_get("reply_class")?;
    let text: Option<String> = row.try_get("reply_text")?;
    let at: Option<i64> = row.try_get("replied_at_ms")?;
    Ok(match (class, text, at) {
        (Some(class), Some(text), Some(at_ms)) => Some(OpinionReply {
            class: ReplyClass::from_code(&class)
                .with_context(|| format!("unknown reply class {class}"))?,
            text,
            at_ms,
        }),
        _ => None,
    })
}

/// The rating of a row with `rating`, `rating_comment` and `rated_at_ms`.
pub(crate) fn rating_of(row: &AnyRow) -> anyhow::Result<Option<OpinionRating>> {
    let score: Option<i64> = row.try_get("rating")?;
    let at: Option<i64> = row.try_get("rated_at_ms")?;
    Ok(match (score, at) {
        (Some(score), Some(at_ms)) => Some(OpinionRating {
            rating: Rating::from_score(score).with_context(|| format!("unknown rating {score}"))?,
            comment: row.try_get("rating_comment")?,
            at_ms,
        }),
        _ => None,
    })
}
