//! The staff's actions on an opinion. Each is one transaction: lock the opinion's row (a no-op
//! `UPDATE`, so two staff acting at once take turns), check the chain allows the step, apply it,
//! add the timeline event, write the audit entry and, when the author gave a phone and hears of
//! this step, enqueue their text message.

use super::audit::{audit_write, Audit};
use super::moderation::status_of;
use super::opinion_notices::{tell_author, Author};
use super::{Db, WorkCalendar};
use crate::due::{due_day, end_of_day_ms, hohhot_day, working_days_after};
use deputy_homes_api::meetings::activity::format_date;
use deputy_homes_api::opinions::handling::{EventKind, RejectOpinion};
use deputy_homes_api::opinions::OpinionStatus;
use deputy_homes_api::opinions::board::ReplyClass;
use sqlx::{Any, Row, Transaction};
use std::collections::BTreeMap;

/// A staff action and what it carries (validated by the route).
#[derive(Debug, Clone)]
pub enum Step<'a> {
    Accept {
        note: Option<&'a str>,
    },
    Reject(&'a RejectOpinion),
    /// `due_at_ms` is the end of the due day, computed from today and the calendar.
    Assign {
        unit_ids: &'a [String],
        note: Option<&'a str>,
        due_at_ms: i64,
    },
    Acknowledge {
        note: Option<&'a str>,
    },
    Reply {
        class: ReplyClass,
        text: &'a str,
    },
    /// Moves the deadline later, at most `max_working_days` after the assignment.
    Extend {
        reason: &'a str,
        to: ExtendTo,
        calendar: &'a WorkCalendar,
        max_working_days: u32,
    },
    Publish {
        note: Option<&'a str>,
    },
    Close {
        note: Option<&'a str>,
    },
    Note {
        text: &'a str,
    },
}

impl Step<'_> {
    fn kind(&self) -> EventKind {
        match self {
            Step::Accept { .. } => EventKind::Accepted,
            Step::Reject(_) => EventKind::Rejected,
            Step::Assign { .. } => EventKind::Assigned,
            Step::Acknowledge { .. } => EventKind::Acknowledged,
            Step::Reply { .. } => EventKind::Replied,
            Step::Extend { .. } => EventKind::Extended,
            Step::Publish { .. } => EventKind::Published,
            Step::Close { .. } => EventKind::Closed,
            Step::Note { .. } => EventKind::Note,
        }
    }

    /// The status this step leads to; `None` for a step that keeps the status.
    fn target(&self) -> Option<OpinionStatus> {
        Some(match self {
            Step::Accept { .. } => OpinionStatus::Accepted,
            Step::Reject(_) => OpinionStatus::Rejected,
            Step::Assign { .. } => OpinionStatus::Assigned,
            Step::Acknowledge { .. } => OpinionStatus::Acknowledged,
            Step::Reply { .. } => OpinionStatus::Replied,
            Step::Publish { .. } => OpinionStatus::Published,
            Step::Close { .. } => OpinionStatus::Closed,
            Step::Extend { .. } | Step::Note { .. } => return None,
        })
    }

    /// The audit action's name, e.g. `opinion.accept`.
    fn action(&self) -> &'static str {
        match self {
            Step::Accept { .. } => "opinion.accept",
            Step::Reject(_) => "opinion.reject",
            Step::Assign { .. } => "opinion.assign",
            Step::Acknowledge { .. } => "opinion.acknowledge",
            Step::Reply { .. } => "opinion.reply",
            Step::Extend { .. } => "opinion.extend",
            Step::Publish { .. } => "opinion.publish",
            Step::Close { .. } => "opinion.close",
            Step::Note { .. } => "opinion.note",
        }
    }
}

/// Where an extension moves the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtendTo {
    /// To this Hohhot day count.
    Day(i64),
    /// This many working days past the current due date.
    WorkingDays(u32),
}

/// Why a step was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepRefusal {
    NotFound,
    /// The chain does not go from `from` to this step.
    NotAllowed {
        from: OpinionStatus,
    },
    /// The opinion's state forbids it (e.g. publishing without the citizen's permission).
    Conflict(String),
    /// A named input is wrong (e.g. an unknown unit).
    BadParameter {
        field: &'static str,
        message: String,
    },
}

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

/// Inserts a timeline event.
#[expect(clippy::too_many_arguments, reason = "one row's columns")]
pub(super) async fn insert_event(
    tx: &mut Transaction<'_, Any>,
    opinion_id: &str,
    kind: EventKind,
    status: OpinionStatus,
    actor: &str,
    note: Option<&str>,
    internal_note: Option<&str>,
    at_ms: i64,
) -> anyhow::Result<()> {
    let kind = serde_json::to_value(kind)?;
    sqlx::query(
        "INSERT INTO opinion_events (id, opinion_id, kind, status, actor, note, internal_note, at_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(crate::auth::random_id())
    .bind(opinion_id)
    .bind(kind.as_str().unwrap_or_default())
    .bind(status.code())
    .bind(actor)
    .bind(note)
    .bind(internal_note)
    .bind(at_ms)
    .execute(&mut **tx)
    .await?;
    Ok(())
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
            tell_author(&mut tx, &author, step, now_ms).await?;
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
        if super::opinions::bump(&mut tx, counter, now_ms).await? > limit {
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
                super::moderation::due_date_text(Some(*due_at_ms)).unwrap_or_default(),
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
                ExtendTo::WorkingDays(n) => working_days_after(current_day, n, calendar),
            };
            let latest = working_days_after(hohhot_day(assigned), *max_working_days, calendar);
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
