//! The staff's actions on an opinion. Each is one transaction: lock the opinion's row (a no-op
//! `UPDATE`, so two staff acting at once take turns), check the chain allows the step, apply it,
//! add the timeline event, write the audit entry and, when the author gave a phone and hears of
//! this step, enqueue their text message.

use crate::opinions::store::counters;
use crate::opinions::store::notices::{tell_author, Author, OpinionTexts};
use crate::opinions::store::queue::status_of;
use crate::opinions::store::step::{ExtendTo, Step, StepRefusal};
use crate::opinions::store::timeline::insert_event;
use crate::platform::audit::{audit_write, Audit};
use crate::platform::db::Db;
use deputy_homes_api::meetings::activity::format_date;
use deputy_homes_api::opinions::workdays::{due_day, end_of_day_ms, hohhot_day};
use deputy_homes_api::opinions::OpinionStatus;
use sqlx::{Any, Row, Transaction};
use std::collections::BTreeMap;

/// The locked opinion's facts a step needs.
struct Locked {
    id: String,
    tracking_number: String,
    /// The contact's phone in full; `None` when anonymous.
    contact_phone: Option<String>,
    status: OpinionStatus,
    allow_publish: bool,
    due_at_ms: Option<i64>,
    assigned_at_ms: Option<i64>,
}

/// Locks the opinion's row and reads it.
async fn lock(
    tx: &mut Transaction<'_, Any>,
    tracking_number: &str,
) -> anyhow::Result<Option<Locked>> {
    let locked =
        sqlx::query("UPDATE opinions SET updated_at_ms = updated_at_ms WHERE tracking_number = $1")
            .bind(tracking_number)
            .execute(&mut **tx)
            .await?;
    if locked.rows_affected() == 0 {
        return Ok(None);
    }
    let row = sqlx::query(
        "SELECT id, tracking_number, contact_phone, status, allow_publish, due_at_ms, \
         assigned_at_ms FROM opinions WHERE tracking_number = $1",
    )
    .bind(tracking_number)
    .fetch_one(&mut **tx)
    .await?;
    Ok(Some(Locked {
        id: row.try_get("id")?,
        tracking_number: row.try_get("tracking_number")?,
        contact_phone: row.try_get("contact_phone")?,
        status: status_of(&row.try_get::<String, _>("status")?)?,
        allow_publish: row.try_get::<i64, _>("allow_publish")? != 0,
        due_at_ms: row.try_get("due_at_ms")?,
        assigned_at_ms: row.try_get("assigned_at_ms")?,
    }))
}

fn trimmed(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

impl Db {
    /// Takes a staff step on the opinion with this tracking number, as `actor` (an account id).
    pub async fn opinion_step(
        &self,
        tracking_number: &str,
        step: &Step<'_>,
        actor: &str,
        now_ms: i64,
        texts: &dyn OpinionTexts,
    ) -> anyhow::Result<Result<OpinionStatus, StepRefusal>> {
        let mut tx = self.pool.begin().await?;
        let Some(opinion) = lock(&mut tx, tracking_number).await? else {
            return Ok(Err(StepRefusal::NotFound));
        };
        let status = match step.target() {
            Some(to) if !opinion.status.can_become(to) => {
                return Ok(Err(StepRefusal::NotAllowed {
                    from: opinion.status,
                }))
            }
            Some(to) => to,
            None => opinion.status,
        };
        let mut details = BTreeMap::new();
        let (note, internal_note) =
            match apply(&mut tx, &opinion, step, now_ms, &mut details).await? {
                Ok(notes) => notes,
                Err(refusal) => return Ok(Err(refusal)),
            };
        sqlx::query("UPDATE opinions SET status = $2, updated_at_ms = $3 WHERE id = $1")
            .bind(&opinion.id)
            .bind(status.code())
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        insert_event(
            &mut tx,
            &opinion.id,
            step.kind(),
            status,
            actor,
            note.as_deref(),
            internal_note.as_deref(),
            now_ms,
        )
        .await?;
        if let Some(note) = &note {
            details.insert("note".into(), note.clone());
        }
        if let Some(internal) = &internal_note {
            details.insert("internal_note".into(), internal.clone());
        }
        details.insert("from".into(), opinion.status.code().into());
        details.insert("to".into(), status.code().into());
        audit_write(
            &mut tx,
            &Audit {
                actor,
                at_ms: now_ms,
                action: step.action(),
                target: tracking_number,
                details,
            },
        )
        .await?;
        if let Some(phone) = &opinion.contact_phone {
            let author = Author {
                opinion_id: &opinion.id,
                tracking_number: &opinion.tracking_number,
                phone,
            };
            tell_author(&mut tx, &author, step, now_ms, texts).await?;
        }
        tx.commit().await?;
        Ok(Ok(status))
    }

    /// The contact's phone in full, with an audit entry of the reveal, counted against the
    /// hourly `limit` of the counter named `counter` (the staff member's reveals this hour). A
    /// refused reveal, or one of an opinion with no phone, counts nothing and is not audited.
    pub async fn opinion_reveal_phone(
        &self,
        tracking_number: &str,
        actor: &str,
        (counter, limit): (&str, i64),
        now_ms: i64,
    ) -> anyhow::Result<RevealOutcome> {
        let mut tx = self.pool.begin().await?;
        let phone: Option<Option<String>> =
            sqlx::query_scalar("SELECT contact_phone FROM opinions WHERE tracking_number = $1")
                .bind(tracking_number)
                .fetch_optional(&mut *tx)
                .await?;
        let phone = match phone {
            None => return Ok(RevealOutcome::NotFound),
            Some(None) => return Ok(RevealOutcome::NoPhone),
            Some(Some(phone)) => phone,
        };
        if counters::bump(&mut tx, counter, now_ms).await? > limit {
            tx.rollback().await?;
            return Ok(RevealOutcome::LimitReached);
        }
        audit_write(
            &mut tx,
            &Audit {
                actor,
                at_ms: now_ms,
                action: "opinion.reveal_phone",
                target: tracking_number,
                details: BTreeMap::new(),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(RevealOutcome::Revealed(phone))
    }
}

/// What asking for a contact's phone found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RevealOutcome {
    /// The phone in full (the reveal is audited).
    Revealed(String),
    /// No opinion has this tracking number.
    NotFound,
    /// The opinion is anonymous, or its contact was erased after the retention period.
    NoPhone,
    /// The staff member revealed as many phones as allowed this hour.
    LimitReached,
}

/// Applies what is particular to a step; returns the citizen's note and the internal note.
async fn apply(
    tx: &mut Transaction<'_, Any>,
    opinion: &Locked,
    step: &Step<'_>,
    now_ms: i64,
    details: &mut BTreeMap<String, String>,
) -> anyhow::Result<Result<(Option<String>, Option<String>), StepRefusal>> {
    let own = |t: Option<&str>| trimmed(t).map(str::to_owned);
    Ok(Ok(match step {
        Step::Accept { note } | Step::Acknowledge { note } | Step::Close { note } => {
            (own(*note), None)
        }
        Step::Publish { note } => {
            if !opinion.allow_publish {
                return Ok(Err(StepRefusal::Conflict(
                    "the citizen did not allow this opinion to be published; close it instead"
                        .into(),
                )));
            }
            sqlx::query("UPDATE opinions SET published_at_ms = $2 WHERE id = $1")
                .bind(&opinion.id)
                .bind(now_ms)
                .execute(&mut **tx)
                .await?;
            (own(*note), None)
        }
        Step::Reject(reject) => {
            let duplicate_of = reject
                .duplicate_of
                .as_deref()
                .map(deputy_homes_api::opinions::normalize_tracking_number);
            if let Some(original) = &duplicate_of {
                let found: Option<String> = sqlx::query_scalar(
                    "SELECT id FROM opinions WHERE tracking_number = $1 AND id <> $2",
                )
                .bind(original)
                .bind(&opinion.id)
                .fetch_optional(&mut **tx)
                .await?;
                if found.is_none() {
                    return Ok(Err(StepRefusal::BadParameter {
                        field: "duplicate_of",
                        message: format!("there is no other opinion {original}"),
                    }));
                }
                details.insert("duplicate_of".into(), original.clone());
            }
            let reason = serde_json::to_value(reject.reason)?;
            let reason = reason.as_str().unwrap_or_default();
            details.insert("reason".into(), reason.into());
            sqlx::query(
                "UPDATE opinions SET reject_reason = $2, duplicate_of = $3, reject_message = $4 \
                 WHERE id = $1",
            )
            .bind(&opinion.id)
            .bind(reason)
            .bind(duplicate_of)
            .bind(reject.message.trim())
            .execute(&mut **tx)
            .await?;
            (Some(reject.message.trim().to_owned()), None)
        }
        Step::Assign {
            unit_ids,
            note,
            due_at_ms,
        } => {
            for unit_id in unit_ids.iter() {
                let active: Option<i64> =
                    sqlx::query_scalar("SELECT active FROM handling_units WHERE id = $1")
                        .bind(unit_id)
                        .fetch_optional(&mut **tx)
                        .await?;
                if active != Some(1) {
                    return Ok(Err(StepRefusal::BadParameter {
                        field: "unit_ids",
                        message: format!("there is no active handling unit {unit_id}"),
                    }));
                }
                sqlx::query(
                    "INSERT INTO opinion_units (opinion_id, unit_id, assigned_at_ms) \
                     VALUES ($1, $2, $3)",
                )
                .bind(&opinion.id)
                .bind(unit_id)
                .bind(now_ms)
                .execute(&mut **tx)
                .await?;
            }
            sqlx::query("UPDATE opinions SET assigned_at_ms = $2, due_at_ms = $3 WHERE id = $1")
                .bind(&opinion.id)
                .bind(now_ms)
                .bind(due_at_ms)
                .execute(&mut **tx)
                .await?;
            details.insert("unit_ids".into(), unit_ids.join(","));
            details.insert(
                "due_date".into(),
                crate::opinions::store::queue::due_date_text(Some(*due_at_ms)).unwrap_or_default(),
            );
            (own(*note), None)
        }
        Step::Reply { class, text } => {
            sqlx::query(
                "UPDATE opinions SET reply_class = $2, reply_text = $3, replied_at_ms = $4 \
                 WHERE id = $1",
            )
            .bind(&opinion.id)
            .bind(class.code())
            .bind(text.trim())
            .bind(now_ms)
            .execute(&mut **tx)
            .await?;
            details.insert("class".into(), class.code().into());
            (Some(text.trim().to_owned()), None)
        }
        Step::Extend {
            reason,
            to,
            calendar,
            max_working_days,
        } => {
            let (Some(current), Some(assigned), true) = (
                opinion.due_at_ms,
                opinion.assigned_at_ms,
                matches!(
                    opinion.status,
                    OpinionStatus::Assigned | OpinionStatus::Acknowledged
                ),
            ) else {
                return Ok(Err(StepRefusal::NotAllowed {
                    from: opinion.status,
                }));
            };
            let current_day = due_day(current);
            let new_day = match *to {
                ExtendTo::Day(day) => day,
                ExtendTo::WorkingDays(n) => calendar.working_days_after(current_day, n),
            };
            let latest = calendar.working_days_after(hohhot_day(assigned), *max_working_days);
            if new_day <= current_day || new_day > latest {
                return Ok(Err(StepRefusal::BadParameter {
                    field: "due_date",
                    message: format!(
                        "the new due date must be after {} and at most {max_working_days} \
                         working days after the assignment ({})",
                        format_date(current_day),
                        format_date(latest)
                    ),
                }));
            }
            sqlx::query("UPDATE opinions SET due_at_ms = $2 WHERE id = $1")
                .bind(&opinion.id)
                .bind(end_of_day_ms(new_day))
                .execute(&mut **tx)
                .await?;
            details.insert("from_due".into(), format_date(current_day));
            details.insert("to_due".into(), format_date(new_day));
            (None, Some(reason.trim().to_owned()))
        }
        Step::Note { text } => (None, Some(text.trim().to_owned())),
    }))
}
