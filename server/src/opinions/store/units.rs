//! Handling units and the holiday calendar, each change audited in its transaction.

use crate::opinions::store::revision::opinions_changed;
use crate::platform::audit::{audit_write, Audit};
use crate::platform::db::Db;
use deputy_homes_api::meetings::activity::{format_date, parse_date};
use deputy_homes_api::opinions::units::{CalendarDay, DayKind, HandlingUnit, HolidayCalendar};
use deputy_homes_api::opinions::workdays::{due_day, end_of_day_ms, hohhot_day};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::BTreeMap;

fn unit_from_row(row: &AnyRow) -> anyhow::Result<HandlingUnit> {
    Ok(HandlingUnit {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        active: row.try_get::<i64, _>("active")? != 0,
    })
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(e) if e.is_unique_violation())
}

/// What changing a unit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitOutcome {
    Saved(HandlingUnit),
    NotFound,
    /// Another unit has this name.
    NameTaken,
}

/// The holidays and make-up working days as day counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    pub holidays: Vec<i64>,
    pub workdays: Vec<i64>,
}

impl WorkCalendar {
    /// The day `n` working days after `day`, by this calendar.
    pub fn working_days_after(&self, day: i64, n: u32) -> i64 {
        deputy_homes_api::opinions::workdays::add_working_days(
            day,
            n,
            &self.holidays,
            &self.workdays,
        )
    }

    /// The day counts of a calendar's days (a date that does not parse is left out).
    pub fn of(days: &[CalendarDay]) -> WorkCalendar {
        let mut calendar = WorkCalendar::default();
        for day in days {
            let Some(date) = parse_date(&day.date) else {
                continue;
            };
            match day.kind {
                DayKind::Holiday => calendar.holidays.push(date),
                DayKind::Workday => calendar.workdays.push(date),
            }
        }
        calendar
    }
}

/// Every calendar day, in date order.
const HOLIDAYS_SQL: &str = "SELECT date, name, workday FROM holidays ORDER BY date";

/// The calendar days of rows read by [`HOLIDAYS_SQL`].
fn days_of(rows: &[AnyRow]) -> anyhow::Result<Vec<CalendarDay>> {
    rows.iter()
        .map(|row| {
            Ok(CalendarDay {
                date: row.try_get("date")?,
                name: row.try_get("name")?,
                kind: if row.try_get::<i64, _>("workday")? != 0 {
                    DayKind::Workday
                } else {
                    DayKind::Holiday
                },
            })
        })
        .collect()
}

impl Db {
    /// Every unit, active or not, by name.
    pub async fn units_list(&self) -> anyhow::Result<Vec<HandlingUnit>> {
        sqlx::query("SELECT id, name, active FROM handling_units ORDER BY name")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(unit_from_row)
            .collect()
    }

    /// Adds an active unit (audited as `unit.create`).
    pub async fn unit_create(
        &self,
        id: &str,
        name: &str,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<UnitOutcome> {
        let mut tx = self.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO handling_units (id, name, active, created_at_ms) VALUES ($1, $2, 1, $3)",
        )
        .bind(id)
        .bind(name)
        .bind(now_ms)
        .execute(&mut *tx)
        .await;
        match inserted {
            Ok(_) => {}
            Err(e) if is_unique_violation(&e) => return Ok(UnitOutcome::NameTaken),
            Err(e) => return Err(e.into()),
        }
        let target = format!("unit:{id}");
        let details = BTreeMap::from([("name".to_owned(), name.to_owned())]);
        audit_write(
            &mut tx,
            &Audit {
                actor,
                at_ms: now_ms,
                action: "unit.create",
                target: &target,
                details,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(UnitOutcome::Saved(HandlingUnit {
            id: id.to_owned(),
            name: name.to_owned(),
            active: true,
        }))
    }

    /// Renames and/or (de)activates a unit (audited as `unit.update`).
    pub async fn unit_update(
        &self,
        id: &str,
        name: Option<&str>,
        active: Option<bool>,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<UnitOutcome> {
        let mut tx = self.begin().await?;
        let updated = sqlx::query(
            "UPDATE handling_units SET name = COALESCE($2, name), \
             active = COALESCE($3, active) WHERE id = $1",
        )
        .bind(id)
        .bind(name)
        .bind(active.map(i64::from))
        .execute(&mut *tx)
        .await;
        match updated {
            Ok(done) if done.rows_affected() == 0 => return Ok(UnitOutcome::NotFound),
            Ok(_) => {}
            Err(e) if is_unique_violation(&e) => return Ok(UnitOutcome::NameTaken),
            Err(e) => return Err(e.into()),
        }
        let row = sqlx::query("SELECT id, name, active FROM handling_units WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let unit = unit_from_row(&row)?;
        // The statistics name the units.
        opinions_changed(&mut tx).await?;
        let mut details = BTreeMap::new();
        if let Some(name) = name {
            details.insert("name".to_owned(), name.to_owned());
        }
        if let Some(active) = active {
            details.insert("active".to_owned(), active.to_string());
        }
        let target = format!("unit:{id}");
        audit_write(
            &mut tx,
            &Audit {
                actor,
                at_ms: now_ms,
                action: "unit.update",
                target: &target,
                details,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(UnitOutcome::Saved(unit))
    }

    /// The holiday calendar, in date order.
    pub async fn holidays_get(&self) -> anyhow::Result<HolidayCalendar> {
        let rows = sqlx::query(HOLIDAYS_SQL).fetch_all(&self.pool).await?;
        Ok(HolidayCalendar {
            days: days_of(&rows)?,
        })
    }

    /// The calendar as day counts, for due dates.
    pub async fn work_calendar(&self) -> anyhow::Result<WorkCalendar> {
        Ok(WorkCalendar::of(&self.holidays_get().await?.days))
    }

    /// Replaces the whole calendar (validated by the caller; audited as `holidays.replace`), and
    /// counts again the open due dates that were set by the rule (`due_working_days` after the
    /// assignment) and not extended, so a holiday added late still gives units their days. Each
    /// moved date is audited on its opinion. Answers how many moved.
    pub async fn holidays_replace(
        &self,
        calendar: &HolidayCalendar,
        due_working_days: u32,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<u32> {
        let mut tx = self.begin().await?;
        // Replacements run one after another: a no-op update locks the calendar's rows first
        // (SQLite's transaction holds the write lock already), so the next one reads what this
        // one wrote. Should the calendar be empty, the upsert below keeps two replacements from
        // colliding on a date.
        sqlx::query("UPDATE holidays SET workday = workday")
            .execute(&mut *tx)
            .await?;
        let old_rows = sqlx::query(HOLIDAYS_SQL).fetch_all(&mut *tx).await?;
        let old = WorkCalendar::of(&days_of(&old_rows)?);
        sqlx::query("DELETE FROM holidays")
            .execute(&mut *tx)
            .await?;
        for day in &calendar.days {
            sqlx::query(
                "INSERT INTO holidays (date, name, workday) VALUES ($1, $2, $3) \
                 ON CONFLICT (date) DO UPDATE SET name = excluded.name, workday = excluded.workday",
            )
            .bind(&day.date)
            .bind(day.name.trim())
            .bind(i64::from(day.kind == DayKind::Workday))
            .execute(&mut *tx)
            .await?;
        }
        let new = WorkCalendar::of(&calendar.days);
        let open = sqlx::query(
            "SELECT id, tracking_number, assigned_at_ms, due_at_ms FROM opinions \
             WHERE status IN ('assigned', 'acknowledged') \
             AND assigned_at_ms IS NOT NULL AND due_at_ms IS NOT NULL",
        )
        .fetch_all(&mut *tx)
        .await?;
        let mut recomputed = 0u32;
        for row in open {
            let due: i64 = row.try_get("due_at_ms")?;
            let start = hohhot_day(row.try_get("assigned_at_ms")?);
            let by_old_rule = end_of_day_ms(old.working_days_after(start, due_working_days));
            let by_new_rule = end_of_day_ms(new.working_days_after(start, due_working_days));
            if due != by_old_rule || due == by_new_rule {
                continue;
            }
            let id: String = row.try_get("id")?;
            let tracking: String = row.try_get("tracking_number")?;
            sqlx::query("UPDATE opinions SET due_at_ms = $2 WHERE id = $1")
                .bind(&id)
                .bind(by_new_rule)
                .execute(&mut *tx)
                .await?;
            let details = BTreeMap::from([
                ("from_due".to_owned(), format_date(due_day(due))),
                ("to_due".to_owned(), format_date(due_day(by_new_rule))),
            ]);
            audit_write(
                &mut tx,
                &Audit {
                    actor,
                    at_ms: now_ms,
                    action: "opinion.due_recomputed",
                    target: &tracking,
                    details,
                },
            )
            .await?;
            recomputed += 1;
        }
        if recomputed > 0 {
            opinions_changed(&mut tx).await?;
        }
        let details = BTreeMap::from([
            ("days".to_owned(), calendar.days.len().to_string()),
            ("recomputed".to_owned(), recomputed.to_string()),
        ]);
        audit_write(
            &mut tx,
            &Audit {
                actor,
                at_ms: now_ms,
                action: "holidays.replace",
                target: "holidays",
                details,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(recomputed)
    }
}
