//! The handling chain (办理流程): a staff step on an opinion is decided here and written through
//! the opinions' storage in one transaction. Lock the opinion's row (two staff acting at once
//! take turns), check the chain allows the step and that it has what it needs (the citizen's
//! consent to publish, a real duplicate, active units, an extension within its limit), write
//! it, add the timeline event and the audit entry and, when the author gave a phone and hears of
//! this step, enqueue their text message. A refused step changes nothing.

use crate::opinions::messages::OpinionNotice;
use crate::opinions::step::{ExtendTo, Step, StepRefusal};
use crate::opinions::store::steps::{self, Locked};
use crate::opinions::store::{notices, queue, timeline};
use crate::outbox::store::enqueue_about_opinion;
use crate::platform::audit::{audit_write, Audit};
use crate::platform::db::{Db, Tx};
use deputy_homes_api::meetings::activity::format_date;
use deputy_homes_api::opinions::handling::StepField;
use deputy_homes_api::opinions::normalize_tracking_number;
use deputy_homes_api::opinions::workdays::{due_day, end_of_day_ms, hohhot_day};
use deputy_homes_api::opinions::OpinionStatus;
use std::collections::BTreeMap;

/// What a step leaves on the timeline: the note the citizen reads and the internal note.
type Notes = (Option<String>, Option<String>);

/// Takes a staff step on the opinion with this tracking number, as `actor` (an account id).
pub async fn take_step(
    db: &Db,
    tracking_number: &str,
    step: &Step<'_>,
    actor: &str,
    now_ms: i64,
) -> anyhow::Result<Result<OpinionStatus, StepRefusal>> {
    let mut tx = db.begin().await?;
    let Some(opinion) = steps::lock(&mut tx, tracking_number).await? else {
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
    let (note, internal_note) = match apply(&mut tx, &opinion, step, now_ms, &mut details).await? {
        Ok(notes) => notes,
        Err(refusal) => return Ok(Err(refusal)),
    };
    steps::set_status(&mut tx, &opinion.id, status, now_ms).await?;
    timeline::insert_event(
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
    let audit = Audit {
        actor,
        at_ms: now_ms,
        action: step.action(),
        target: tracking_number,
        details,
    };
    audit_write(&mut tx, &audit).await?;
    if let Some(phone) = &opinion.contact_phone {
        tell_author(&mut tx, &opinion, phone, step, now_ms).await?;
    }
    tx.commit().await?;
    Ok(Ok(status))
}

/// Checks and writes what is particular to a step; returns its notes.
async fn apply(
    tx: &mut Tx,
    opinion: &Locked,
    step: &Step<'_>,
    now_ms: i64,
    details: &mut BTreeMap<String, String>,
) -> anyhow::Result<Result<Notes, StepRefusal>> {
    let own = |t: Option<&str>| trimmed(t).map(str::to_owned);
    Ok(Ok(match step {
        Step::Accept { note } | Step::Acknowledge { note } | Step::Close { note } => {
            (own(*note), None)
        }
        Step::Publish { note } => {
            if !opinion.allow_publish {
                return Ok(Err(StepRefusal::PublishNotAllowed(
                    "the citizen did not allow this opinion to be published; close it instead"
                        .into(),
                )));
            }
            steps::set_published(tx, &opinion.id, now_ms).await?;
            (own(*note), None)
        }
        Step::Reject(reject) => {
            let duplicate_of = reject
                .duplicate_of
                .as_deref()
                .map(normalize_tracking_number);
            if let Some(original) = &duplicate_of {
                if !steps::other_opinion_exists(tx, original, &opinion.id).await? {
                    return Ok(Err(StepRefusal::BadParameter {
                        field: StepField::DuplicateOf,
                        message: format!("there is no other opinion {original}"),
                    }));
                }
                details.insert("duplicate_of".into(), original.clone());
            }
            let reason = serde_json::to_value(reject.reason)?;
            let reason = reason.as_str().unwrap_or_default();
            details.insert("reason".into(), reason.into());
            let message = reject.message.trim();
            steps::set_rejected(tx, &opinion.id, reason, duplicate_of.as_deref(), message).await?;
            (Some(message.to_owned()), None)
        }
        Step::Assign {
            unit_ids,
            note,
            due_at_ms,
        } => {
            for unit_id in unit_ids.iter() {
                if !steps::unit_is_active(tx, unit_id).await? {
                    return Ok(Err(StepRefusal::BadParameter {
                        field: StepField::UnitIds,
                        message: format!("there is no active handling unit {unit_id}"),
                    }));
                }
                steps::add_unit(tx, &opinion.id, unit_id, now_ms).await?;
            }
            steps::set_assigned(tx, &opinion.id, now_ms, *due_at_ms).await?;
            details.insert("unit_ids".into(), unit_ids.join(","));
            details.insert(
                "due_date".into(),
                queue::due_date_text(Some(*due_at_ms)).unwrap_or_default(),
            );
            (own(*note), None)
        }
        Step::Reply { class, text } => {
            steps::set_reply(tx, &opinion.id, *class, text.trim(), now_ms).await?;
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
                    field: StepField::DueDate,
                    message: format!(
                        "the new due date must be after {} and at most {max_working_days} \
                         working days after the assignment ({})",
                        format_date(current_day),
                        format_date(latest)
                    ),
                }));
            }
            steps::set_due(tx, &opinion.id, end_of_day_ms(new_day)).await?;
            details.insert("from_due".into(), format_date(current_day));
            details.insert("to_due".into(), format_date(new_day));
            (None, Some(reason.trim().to_owned()))
        }
        Step::Note { text } => (None, Some(text.trim().to_owned())),
    }))
}

/// Enqueues the message about `step` for the author, unless it is a step they are not told of
/// (acknowledgement, an internal note). Runs after the step's changes, so the units and the due
/// date it quotes are the new ones.
async fn tell_author(
    tx: &mut Tx,
    opinion: &Locked,
    phone: &str,
    step: &Step<'_>,
    now_ms: i64,
) -> anyhow::Result<()> {
    let units: Vec<String>;
    let due_date: String;
    let notice = match step {
        Step::Accept { .. } => OpinionNotice::Accepted,
        Step::Reject(reject) => OpinionNotice::Rejected {
            message: &reject.message,
        },
        Step::Assign { .. } => {
            units = queue::units_of_opinion(&mut **tx, &opinion.id)
                .await?
                .into_iter()
                .map(|u| u.name)
                .collect();
            due_date = notices::due_date_of(tx, &opinion.id).await?;
            OpinionNotice::Assigned {
                units: &units,
                due_date: &due_date,
            }
        }
        Step::Reply { class, .. } => OpinionNotice::Replied { class: *class },
        Step::Extend { .. } => {
            due_date = notices::due_date_of(tx, &opinion.id).await?;
            OpinionNotice::Extended {
                due_date: &due_date,
            }
        }
        Step::Close { .. } => OpinionNotice::Closed,
        Step::Publish { .. } => OpinionNotice::Published,
        Step::Acknowledge { .. } | Step::Note { .. } => return Ok(()),
    };
    let message = notice.message(&opinion.tracking_number).stored();
    enqueue_about_opinion(tx, &opinion.tracking_number, phone, &message, now_ms).await
}

fn trimmed(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}
