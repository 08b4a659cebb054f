//! Bookings. Every change to an activity's seats starts by locking the activity's row (a no-op
//! update), so bookings, cancellations and promotions of one activity happen one at a time on
//! both databases, and capacity can never be exceeded. A booking also locks its phone number, so
//! that one phone booking several activities at once cannot pass the cap. A citizen's change
//! counts towards their limits (`change_limits`) first, in the same transaction.

use crate::meetings::store::change_limits::{count_change, ChangeLimits, Counted};
use crate::meetings::store::texts::BookingTexts;
use crate::outbox::store::{activity_facts, enqueue, Recipient};
use crate::platform::audit::{audit_write, Audit};
use crate::platform::data_revisions::activities_changed;
use crate::platform::db::take_turns;
use crate::platform::db::Db;
use anyhow::Context;
use deputy_homes_api::meetings::booking::{waitlist_cap, AccessNeed, Booking, BookingStatus};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Row, Transaction};

/// A booking to store.
#[derive(Debug, Clone)]
pub struct BookingRecord<'a> {
    pub id: &'a str,
    pub code: &'a str,
    pub activity_id: &'a str,
    pub name: &'a str,
    pub phone: &'a str,
    pub topic: &'a str,
    pub access_needs: &'a [AccessNeed],
    pub now_ms: i64,
    /// Most upcoming live bookings the phone may hold.
    pub phone_cap: i64,
    /// The request's `Idempotency-Key` and a hash of what it asked, if it sent one.
    pub idempotency: Option<(&'a str, &'a str)>,
    /// The citizen's limits on changes; `None` for a walk-in booking made by staff.
    pub limits: Option<ChangeLimits<'a>>,
    /// The staff account that booked for a citizen in person (audited); `None` online.
    pub walk_in_by: Option<&'a str>,
}

/// What booking did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookOutcome {
    Created(BookingStatus),
    /// This phone already holds a live booking for the activity.
    AlreadyBooked,
    /// The activity does not exist or was cancelled.
    Unavailable,
    /// The phone already holds `phone_cap` live bookings for upcoming activities.
    CapReached,
    /// Another booking has this code already: try again with a new one.
    CodeTaken,
    /// The key was used before for the same request: that booking's code and phone.
    Replayed {
        code: String,
        phone: String,
    },
    /// The key was used before for another request.
    KeyReused,
    /// The activity is full and so is its waitlist.
    WaitlistFull,
    /// The phone or the address changed bookings as often as allowed; wait this long.
    TooOften {
        wait_ms: i64,
    },
}

/// What moving a booking did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveOutcome {
    /// Moved, with a seat or on the waitlist there.
    Moved(BookingStatus),
    /// No live booking has this code and phone.
    NotFound,
    /// The phone already holds a live booking for the target activity.
    AlreadyThere,
    /// The target activity does not exist or was cancelled.
    TargetUnavailable,
    /// It was checked in already: the check-in belongs to the activity it was made at.
    CheckedIn,
    /// The target is full and so is its waitlist.
    WaitlistFull,
    /// The phone or the address changed bookings as often as allowed; wait this long.
    TooOften { wait_ms: i64 },
}

/// What cancelling did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CancelOutcome {
    /// Cancelled; the booking code of whoever was promoted from the waitlist, if anyone.
    Cancelled { promoted: Option<String> },
    /// No live booking has this code and phone.
    NotFound,
    /// Its activity has started: a seat freed now would be given away after the event.
    Started,
    /// It was checked in already.
    CheckedIn,
    /// The phone or the address changed bookings as often as allowed; wait this long.
    TooOften { wait_ms: i64 },
}

const BOOKING_COLUMNS: &str = "code, activity_id, status, name, phone, topic, access_needs";

fn booking_from_row(row: &AnyRow) -> anyhow::Result<Booking> {
    let code: String = row.try_get("code")?;
    let status: String = row.try_get("status")?;
    let needs: String = row.try_get("access_needs")?;
    Ok(Booking {
        activity_id: row.try_get("activity_id")?,
        status: BookingStatus::from_code(&status)
            .with_context(|| format!("booking {code} has status {status}"))?,
        name: row.try_get("name")?,
        phone: row.try_get("phone")?,
        topic: row.try_get("topic")?,
        access_needs: serde_json::from_str(&needs)?,
        code,
    })
}

/// Locks the activity's row for the rest of the transaction; false if it is gone or cancelled.
async fn lock_activity(tx: &mut Transaction<'_, Any>, activity_id: &str) -> anyhow::Result<bool> {
    let locked = sqlx::query(
        "UPDATE activities SET booked_count = booked_count WHERE id = $1 AND cancelled_at_ms IS NULL",
    )
    .bind(activity_id)
    .execute(&mut **tx)
    .await?;
    Ok(locked.rows_affected() == 1)
}

/// Locks an activity's row whatever its state; false if there is no such activity.
async fn lock_any_activity(conn: &mut AnyConnection, activity_id: &str) -> anyhow::Result<bool> {
    let locked = sqlx::query("UPDATE activities SET booked_count = booked_count WHERE id = $1")
        .bind(activity_id)
        .execute(conn)
        .await?;
    Ok(locked.rows_affected() == 1)
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

/// Takes a seat at an activity whose row the transaction has locked; false when it is full.
async fn take_seat(conn: &mut AnyConnection, activity_id: &str) -> anyhow::Result<bool> {
    let taken = sqlx::query(
        "UPDATE activities SET booked_count = booked_count + 1 WHERE id = $1 AND booked_count < capacity",
    )
    .bind(activity_id)
    .execute(&mut *conn)
    .await?;
    if taken.rows_affected() != 1 {
        return Ok(false);
    }
    activities_changed(conn).await?;
    Ok(true)
}

/// Gives a seat back to an activity whose row the transaction has locked.
async fn free_seat(conn: &mut AnyConnection, activity_id: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE activities SET booked_count = booked_count - 1 WHERE id = $1")
        .bind(activity_id)
        .execute(&mut *conn)
        .await?;
    activities_changed(conn).await
}

/// Whether the waitlist of an activity, whose row the transaction has locked, has room for one
/// more (see `waitlist_cap`).
async fn waitlist_has_room(conn: &mut AnyConnection, activity_id: &str) -> anyhow::Result<bool> {
    let row = sqlx::query(
        "SELECT a.capacity, (SELECT COUNT(*) FROM bookings b WHERE b.activity_id = a.id \
         AND b.status = 'waitlisted') AS waiting FROM activities a WHERE a.id = $1",
    )
    .bind(activity_id)
    .fetch_one(conn)
    .await?;
    let capacity = u32::try_from(row.try_get::<i64, _>("capacity")?).unwrap_or(u32::MAX);
    let waiting: i64 = row.try_get("waiting")?;
    Ok(waiting < i64::from(waitlist_cap(capacity)))
}

impl Db {
    /// Whether an activity has neither a seat nor room on its waitlist, read without taking its
    /// row: a booking that would be refused anyway is answered at once instead of waiting its
    /// turn behind every other booking of the activity (a burst of a thousand for ten seats).
    /// Refusing never exceeds capacity, and a refusal counts nothing; a seat given back a moment
    /// later is seen by the next request.
    async fn seats_and_waitlist_full(&self, activity_id: &str) -> anyhow::Result<bool> {
        let row = sqlx::query(
            "SELECT a.capacity, a.booked_count, (SELECT COUNT(*) FROM bookings b \
             WHERE b.activity_id = a.id AND b.status = 'waitlisted') AS waiting \
             FROM activities a WHERE a.id = $1",
        )
        .bind(activity_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(false);
        };
        let capacity: i64 = row.try_get("capacity")?;
        let booked: i64 = row.try_get("booked_count")?;
        let waiting: i64 = row.try_get("waiting")?;
        let cap = u32::try_from(capacity).unwrap_or(u32::MAX);
        Ok(booked >= capacity && waiting >= i64::from(waitlist_cap(cap)))
    }
}

/// The next place in an activity's waitlist order.
async fn next_seq(conn: &mut AnyConnection, activity_id: &str) -> anyhow::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM bookings WHERE activity_id = $1")
            .bind(activity_id)
            .fetch_one(conn)
            .await?,
    )
}

/// Gives the free seats of an activity, whose row the transaction has locked, to the first on
/// its waitlist in order, telling each; returns their codes.
pub(crate) async fn fill_from_waitlist(
    conn: &mut AnyConnection,
    activity_id: &str,
    now_ms: i64,
    texts: &dyn BookingTexts,
) -> anyhow::Result<Vec<String>> {
    let mut promoted = Vec::new();
    while take_seat(conn, activity_id).await? {
        let next = sqlx::query(
            "SELECT code, phone, status FROM bookings WHERE activity_id = $1 AND status = 'waitlisted'              ORDER BY seq LIMIT 1",
        )
        .bind(activity_id)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(next) = next else {
            free_seat(conn, activity_id).await?;
            break;
        };
        let to = Recipient::from_row(&next)?;
        sqlx::query("UPDATE bookings SET status = 'booked', updated_at_ms = $1 WHERE code = $2")
            .bind(now_ms)
            .bind(&to.code)
            .execute(&mut *conn)
            .await?;
        let facts = activity_facts(conn, activity_id).await?;
        let message = texts.promotion(&facts, &to.code);
        enqueue(conn, &to, activity_id, &message, now_ms).await?;
        promoted.push(to.code);
    }
    Ok(promoted)
}

impl Db {
    /// Books a seat, or a place on the waitlist when the activity is full.
    pub async fn booking_create(
        &self,
        record: &BookingRecord<'_>,
        texts: &dyn BookingTexts,
    ) -> anyhow::Result<BookOutcome> {
        // A request with a key may be a replay, answered from its first booking below.
        if record.idempotency.is_none() && self.seats_and_waitlist_full(record.activity_id).await? {
            return Ok(BookOutcome::WaitlistFull);
        }
        let mut tx = self.begin().await?;
        // The key first: a request with a key in use waits here for the first to finish, then
        // finds its row and replays it (or is refused, if it asked something else).
        if let Some((key, hash)) = record.idempotency {
            let claimed = sqlx::query(
                "INSERT INTO booking_idempotency (idempotency_key, request_hash, booking_id, \
                 created_at_ms) VALUES ($1, $2, $3, $4)",
            )
            .bind(key)
            .bind(hash)
            .bind(record.id)
            .bind(record.now_ms)
            .execute(&mut *tx)
            .await;
            match claimed {
                Ok(_) => {}
                Err(e) if is_unique_violation(&e) => {
                    tx.rollback().await?;
                    return self.booking_replay(key, hash).await;
                }
                Err(e) => return Err(e.into()),
            }
        }
        if let Some(limits) = &record.limits {
            if let Counted::TooOften { wait_ms } =
                count_change(&mut tx, self.backend, limits, record.now_ms).await?
            {
                return Ok(BookOutcome::TooOften { wait_ms });
            }
        }
        if !lock_activity(&mut tx, record.activity_id).await? {
            return Ok(BookOutcome::Unavailable);
        }
        // Bookings of one phone at different activities lock different rows; on PostgreSQL lock
        // the phone too (SQLite let this transaction in as the only writer already), so the count
        // below sees every other booking of this phone. The first key, 5 (this migration's
        // number), keeps these locks apart from any others.
        take_turns(&mut tx, self.backend, 5, &[record.phone]).await?;
        let held: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings b JOIN activities a ON a.id = b.activity_id \
             WHERE b.phone = $1 AND b.status <> 'cancelled' AND a.starts_at_ms > $2 \
             AND a.cancelled_at_ms IS NULL",
        )
        .bind(record.phone)
        .bind(record.now_ms)
        .fetch_one(&mut *tx)
        .await?;
        if held >= record.phone_cap {
            return Ok(BookOutcome::CapReached);
        }
        let status = if take_seat(&mut tx, record.activity_id).await? {
            BookingStatus::Booked
        } else if waitlist_has_room(&mut tx, record.activity_id).await? {
            BookingStatus::Waitlisted
        } else {
            return Ok(BookOutcome::WaitlistFull);
        };
        let seq = next_seq(&mut tx, record.activity_id).await?;
        let inserted = sqlx::query(
            "INSERT INTO bookings (id, code, activity_id, seq, status, name, phone, topic, access_needs, created_at_ms, \
             updated_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
        )
        .bind(record.id)
        .bind(record.code)
        .bind(record.activity_id)
        .bind(seq)
        .bind(status.code())
        .bind(record.name)
        .bind(record.phone)
        .bind(record.topic)
        .bind(serde_json::to_string(record.access_needs)?)
        .bind(record.now_ms)
        .execute(&mut *tx)
        .await;
        match inserted {
            Ok(_) => {
                let to = Recipient {
                    code: record.code.to_owned(),
                    phone: record.phone.to_owned(),
                    status,
                };
                let facts = activity_facts(&mut tx, record.activity_id).await?;
                let message = texts.confirmation(&facts, record.code, status);
                enqueue(&mut tx, &to, record.activity_id, &message, record.now_ms).await?;
                if let Some(staff) = record.walk_in_by {
                    audit_walk_in(&mut tx, staff, record).await?;
                }
                tx.commit().await?;
                Ok(BookOutcome::Created(status))
            }
            Err(e) if is_unique_violation(&e) => {
                // Roll back first, giving back the seat taken above and the locks: looking needs
                // a second connection, which must not be awaited while holding this one.
                tx.rollback().await?;
                if self.phone_has_live_booking(record).await? {
                    Ok(BookOutcome::AlreadyBooked)
                } else if self.code_exists(record.code).await? {
                    Ok(BookOutcome::CodeTaken)
                } else {
                    Err(e.into())
                }
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The booking made earlier under `key`, if it was made for the same request.
    async fn booking_replay(&self, key: &str, hash: &str) -> anyhow::Result<BookOutcome> {
        let row = sqlx::query(
            "SELECT k.request_hash, b.code, b.phone FROM booking_idempotency k \
             JOIN bookings b ON b.id = k.booking_id WHERE k.idempotency_key = $1",
        )
        .bind(key)
        .fetch_one(&self.pool)
        .await
        .context("the idempotency key's booking is missing")?;
        let stored: String = row.try_get("request_hash")?;
        if stored != hash {
            return Ok(BookOutcome::KeyReused);
        }
        Ok(BookOutcome::Replayed {
            code: row.try_get("code")?,
            phone: row.try_get("phone")?,
        })
    }

    async fn code_exists(&self, code: &str) -> anyhow::Result<bool> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE code = $1")
            .bind(code)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    async fn phone_has_live_booking(&self, record: &BookingRecord<'_>) -> anyhow::Result<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE activity_id = $1 AND phone = $2 AND status <> 'cancelled'",
        )
        .bind(record.activity_id)
        .bind(record.phone)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// The newest bookings made with `phone`, most `limit`: the phone's "我的".
    pub async fn bookings_of_phone(&self, phone: &str, limit: i64) -> anyhow::Result<Vec<Booking>> {
        let rows = sqlx::query(&format!(
            "SELECT {BOOKING_COLUMNS} FROM bookings WHERE phone = $1 \
             ORDER BY created_at_ms DESC, code LIMIT $2"
        ))
        .bind(phone)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(booking_from_row).collect()
    }

    /// One booking by code and phone (both must match).
    pub async fn booking_by_code(
        &self,
        code: &str,
        phone: &str,
    ) -> anyhow::Result<Option<Booking>> {
        let row = sqlx::query(&format!(
            "SELECT {BOOKING_COLUMNS} FROM bookings WHERE code = $1 AND phone = $2"
        ))
        .bind(code)
        .bind(phone)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(booking_from_row).transpose()
    }

    /// Cancels a live booking, telling its owner; a freed seat goes to the first on the
    /// waitlist. The booking is read again once its activity's row is locked: a move that
    /// committed in between changed the activity, and then the cancel starts over at the new one
    /// (it never frees a seat of an activity the booking has left).
    pub async fn booking_cancel(
        &self,
        code: &str,
        phone: &str,
        limits: &ChangeLimits<'_>,
        now_ms: i64,
        texts: &dyn BookingTexts,
    ) -> anyhow::Result<CancelOutcome> {
        // Each round loses only to a move that committed meanwhile; a few rounds are plenty.
        for _ in 0..5 {
            let Some(booking) = self.booking_by_code(code, phone).await? else {
                return Ok(CancelOutcome::NotFound);
            };
            if booking.status == BookingStatus::Cancelled {
                return Ok(CancelOutcome::NotFound);
            }
            let mut tx = self.begin().await?;
            if let Counted::TooOften { wait_ms } =
                count_change(&mut tx, self.backend, limits, now_ms).await?
            {
                return Ok(CancelOutcome::TooOften { wait_ms });
            }
            // Lock even a cancelled activity's row: the seat count must stay exact.
            lock_any_activity(&mut tx, &booking.activity_id).await?;
            let row = sqlx::query(
                "SELECT b.code, b.phone, b.status, b.activity_id, b.checked_in_at_ms, \
                 a.starts_at_ms FROM bookings b JOIN activities a ON a.id = b.activity_id \
                 WHERE b.code = $1",
            )
            .bind(code)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(row) = row else {
                return Ok(CancelOutcome::NotFound);
            };
            let to = Recipient::from_row(&row)?;
            if to.status == BookingStatus::Cancelled {
                return Ok(CancelOutcome::NotFound);
            }
            let activity_id: String = row.try_get("activity_id")?;
            if activity_id != booking.activity_id {
                // Moved while this request read: start over at the activity it is at now.
                continue;
            }
            if row.try_get::<Option<i64>, _>("checked_in_at_ms")?.is_some() {
                return Ok(CancelOutcome::CheckedIn);
            }
            if row.try_get::<i64, _>("starts_at_ms")? <= now_ms {
                return Ok(CancelOutcome::Started);
            }
            sqlx::query(
                "UPDATE bookings SET status = 'cancelled', updated_at_ms = $1 WHERE code = $2",
            )
            .bind(now_ms)
            .bind(code)
            .execute(&mut *tx)
            .await?;
            let facts = activity_facts(&mut tx, &activity_id).await?;
            let message = texts.cancellation(&facts, code);
            enqueue(&mut tx, &to, &activity_id, &message, now_ms).await?;
            let mut promoted = None;
            if to.status == BookingStatus::Booked {
                free_seat(&mut tx, &activity_id).await?;
                promoted = fill_from_waitlist(&mut tx, &activity_id, now_ms, texts)
                    .await?
                    .pop();
            }
            tx.commit().await?;
            return Ok(CancelOutcome::Cancelled { promoted });
        }
        anyhow::bail!("booking {code} kept moving while it was being cancelled")
    }

    /// Moves a live booking, code and all, to another activity: a seat there if one is free, else
    /// the back of its waitlist. A seat left behind goes to the first on the old waitlist. Both
    /// activities' rows are locked, in the order of their ids so that two opposite moves cannot
    /// deadlock.
    pub async fn booking_move(
        &self,
        code: &str,
        limits: &ChangeLimits<'_>,
        target_id: &str,
        now_ms: i64,
        texts: &dyn BookingTexts,
    ) -> anyhow::Result<MoveOutcome> {
        let Some(booking) = self.booking_by_code(code, limits.phone).await? else {
            return Ok(MoveOutcome::NotFound);
        };
        if booking.status == BookingStatus::Cancelled {
            return Ok(MoveOutcome::NotFound);
        }
        let from = booking.activity_id.as_str();
        if from == target_id {
            return Ok(MoveOutcome::AlreadyThere);
        }
        let mut tx = self.begin().await?;
        if let Counted::TooOften { wait_ms } =
            count_change(&mut tx, self.backend, limits, now_ms).await?
        {
            return Ok(MoveOutcome::TooOften { wait_ms });
        }
        let (first, second) = if from < target_id {
            (from, target_id)
        } else {
            (target_id, from)
        };
        lock_any_activity(&mut tx, first).await?;
        lock_any_activity(&mut tx, second).await?;
        let row = sqlx::query(
            "SELECT code, phone, status, activity_id, checked_in_at_ms FROM bookings WHERE code = $1",
        )
        .bind(code)
        .fetch_one(&mut *tx)
        .await?;
        let mover = Recipient::from_row(&row)?;
        let still_from: String = row.try_get("activity_id")?;
        if mover.status == BookingStatus::Cancelled || still_from != from {
            // Cancelled or moved by a request that finished while this one read.
            return Ok(MoveOutcome::NotFound);
        }
        if row.try_get::<Option<i64>, _>("checked_in_at_ms")?.is_some() {
            return Ok(MoveOutcome::CheckedIn);
        }
        let open: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM activities WHERE id = $1 AND cancelled_at_ms IS NULL",
        )
        .bind(target_id)
        .fetch_one(&mut *tx)
        .await?;
        if open == 0 {
            return Ok(MoveOutcome::TargetUnavailable);
        }
        let there: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE activity_id = $1 AND phone = $2 AND status <> 'cancelled'",
        )
        .bind(target_id)
        .bind(&mover.phone)
        .fetch_one(&mut *tx)
        .await?;
        if there > 0 {
            return Ok(MoveOutcome::AlreadyThere);
        }
        let status = if take_seat(&mut tx, target_id).await? {
            BookingStatus::Booked
        } else if waitlist_has_room(&mut tx, target_id).await? {
            BookingStatus::Waitlisted
        } else {
            return Ok(MoveOutcome::WaitlistFull);
        };
        let seq = next_seq(&mut tx, target_id).await?;
        // A check-in takes no activity lock, only this row: the update holds only if no
        // check-in came in since the read above (PostgreSQL re-checks the condition on the row
        // a concurrent check-in wrote).
        let moved = sqlx::query(
            "UPDATE bookings SET activity_id = $1, seq = $2, status = $3, updated_at_ms = $4 \
             WHERE code = $5 AND checked_in_at_ms IS NULL",
        )
        .bind(target_id)
        .bind(seq)
        .bind(status.code())
        .bind(now_ms)
        .bind(code)
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(MoveOutcome::CheckedIn);
        }
        if mover.status == BookingStatus::Booked {
            free_seat(&mut tx, from).await?;
            fill_from_waitlist(&mut tx, from, now_ms, texts).await?;
        }
        let facts = activity_facts(&mut tx, target_id).await?;
        let message = texts.change(&facts, code, status);
        let moved = Recipient { status, ..mover };
        enqueue(&mut tx, &moved, target_id, &message, now_ms).await?;
        tx.commit().await?;
        Ok(MoveOutcome::Moved(status))
    }

    /// Seats taken at an activity.
    pub async fn activity_booked_count(&self, activity_id: &str) -> anyhow::Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT booked_count FROM activities WHERE id = $1")
                .bind(activity_id)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}

/// Writes the audit entry of a walk-in booking: which staff account booked whom, where.
async fn audit_walk_in(
    conn: &mut Transaction<'_, Any>,
    staff: &str,
    record: &BookingRecord<'_>,
) -> anyhow::Result<()> {
    let details = std::collections::BTreeMap::from([
        ("activity_id".to_owned(), record.activity_id.to_owned()),
        ("channel".to_owned(), "walk_in".to_owned()),
        ("consent".to_owned(), "in_person".to_owned()),
    ]);
    let entry = Audit {
        actor: staff,
        at_ms: record.now_ms,
        action: "booking.walk_in",
        target: &format!("booking:{}", record.code),
        details,
    };
    audit_write(conn, &entry).await
}
