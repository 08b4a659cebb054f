//! The SQL of livelihood projects: cycles and their phases, congress members (here), proposals
//! and supports (`collection`), the candidate list (`candidates`) and the secret ballot
//! (`ballots`), and what follows the vote (`progress`). Each step that changes state locks its cycle's row first, checks the phase
//! inside the same transaction, and writes its audit entry there.

pub mod ballots;
pub mod candidates;
pub mod collection;
pub mod progress;

use crate::platform::audit::{audit_write, Audit};
use crate::platform::db::{Db, Tx};
use deputy_homes_api::projects::{Cycle, CyclePhase};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::BTreeMap;

/// What a step on a cycle, a proposal or a candidate came to.
#[derive(Debug)]
pub enum Step<T> {
    Done(T),
    NotFound,
    /// The cycle is in this phase, which does not allow the step.
    WrongPhase(CyclePhase),
}

const CYCLE_COLUMNS: &str =
    "id, congress, year, phase, to_adopt, eligible, title, collection_closed_at_ms";

pub(crate) fn cycle_of(row: &AnyRow) -> anyhow::Result<Cycle> {
    let phase: String = row.try_get("phase")?;
    Ok(Cycle {
        id: row.try_get("id")?,
        congress: row.try_get("congress")?,
        year: i32::try_from(row.try_get::<i64, _>("year")?)?,
        phase: CyclePhase::from_code(&phase)
            .ok_or_else(|| anyhow::anyhow!("stored cycle phase {phase:?}"))?,
        to_adopt: u32::try_from(row.try_get::<i64, _>("to_adopt")?)?,
        eligible: u32::try_from(row.try_get::<i64, _>("eligible")?)?,
        title: row.try_get("title")?,
        collection_closed_at_ms: row.try_get("collection_closed_at_ms")?,
    })
}

/// Locks a cycle's row for the rest of the transaction and reads it (`None`: no such cycle).
pub(crate) async fn lock_cycle(tx: &mut Tx, id: &str) -> anyhow::Result<Option<Cycle>> {
    sqlx::query("UPDATE project_cycles SET phase = phase WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    let row = sqlx::query(&format!(
        "SELECT {CYCLE_COLUMNS} FROM project_cycles WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    row.as_ref().map(cycle_of).transpose()
}

/// Writes an audit entry of a projects step.
pub(crate) async fn audit(
    tx: &mut Tx,
    actor: &str,
    now_ms: i64,
    action: &str,
    target: &str,
    details: &[(&str, &str)],
) -> anyhow::Result<()> {
    let details: BTreeMap<String, String> = details
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    audit_write(
        tx,
        &Audit {
            actor,
            at_ms: now_ms,
            action,
            target,
            details,
        },
    )
    .await
}

/// Why the vote may not open.
#[derive(Debug)]
pub enum OpenRefusal {
    /// Candidates on the list, and the number to adopt.
    NoMargin {
        candidates: i64,
        to_adopt: u32,
    },
    NoElectors,
}

impl Db {
    /// Makes a cycle in the `preparing` phase (audited); `None` when the congress has one for
    /// that year.
    pub async fn project_cycle_create(
        &self,
        id: &str,
        congress: &str,
        year: i32,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<Option<Cycle>> {
        let mut tx = self.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO project_cycles (id, congress, year, phase, created_at_ms) \
             VALUES ($1, $2, $3, 'preparing', $4) ON CONFLICT (congress, year) DO NOTHING",
        )
        .bind(id)
        .bind(congress)
        .bind(i64::from(year))
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Ok(None);
        }
        let target = format!("project-cycle:{id}");
        let year_text = year.to_string();
        let details = [("congress", congress), ("year", year_text.as_str())];
        audit(
            &mut tx,
            actor,
            now_ms,
            "project.cycle_create",
            &target,
            &details,
        )
        .await?;
        let cycle = lock_cycle(&mut tx, id).await?;
        tx.commit().await?;
        cycle
            .ok_or_else(|| anyhow::anyhow!("the new cycle is gone"))
            .map(Some)
    }

    /// Every cycle, newest year first.
    pub async fn project_cycles(&self) -> anyhow::Result<Vec<Cycle>> {
        let rows = sqlx::query(&format!(
            "SELECT {CYCLE_COLUMNS} FROM project_cycles ORDER BY year DESC, congress"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(cycle_of).collect()
    }

    /// One cycle.
    pub async fn project_cycle(&self, id: &str) -> anyhow::Result<Option<Cycle>> {
        let row = sqlx::query(&format!(
            "SELECT {CYCLE_COLUMNS} FROM project_cycles WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(cycle_of).transpose()
    }

    /// Gives a cycle the title its public pages show, in any phase (audited).
    pub async fn project_title_set(
        &self,
        id: &str,
        title: &str,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<Option<Cycle>> {
        let mut tx = self.begin().await?;
        if lock_cycle(&mut tx, id).await?.is_none() {
            return Ok(None);
        }
        sqlx::query("UPDATE project_cycles SET title = $1 WHERE id = $2")
            .bind(title)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let target = format!("project-cycle:{id}");
        audit(
            &mut tx,
            actor,
            now_ms,
            "project.title",
            &target,
            &[("title", title)],
        )
        .await?;
        let cycle = lock_cycle(&mut tx, id).await?;
        tx.commit().await?;
        Ok(cycle)
    }

    /// Sets how many projects the vote adopts, while the list is open (audited).
    pub async fn project_to_adopt_set(
        &self,
        id: &str,
        to_adopt: u32,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<Step<Cycle>> {
        let mut tx = self.begin().await?;
        let Some(cycle) = lock_cycle(&mut tx, id).await? else {
            return Ok(Step::NotFound);
        };
        if !cycle.phase.list_is_open() {
            return Ok(Step::WrongPhase(cycle.phase));
        }
        sqlx::query("UPDATE project_cycles SET to_adopt = $1 WHERE id = $2")
            .bind(i64::from(to_adopt))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let target = format!("project-cycle:{id}");
        let count = to_adopt.to_string();
        audit(
            &mut tx,
            actor,
            now_ms,
            "project.to_adopt",
            &target,
            &[("to_adopt", count.as_str())],
        )
        .await?;
        let cycle = lock_cycle(&mut tx, id).await?;
        tx.commit().await?;
        Ok(cycle.map_or(Step::NotFound, Step::Done))
    }

    /// Moves a cycle to its next phase (audited). Opening the vote needs more candidates than
    /// projects to adopt (差额) and fixes the electors: the congress's members then, delegates
    /// whose accounts are enabled. Closing it rewrites the ballots in their random slots' order.
    pub async fn project_phase_step(
        &self,
        id: &str,
        next: CyclePhase,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<Step<Result<Cycle, OpenRefusal>>> {
        let mut tx = self.begin().await?;
        let Some(cycle) = lock_cycle(&mut tx, id).await? else {
            return Ok(Step::NotFound);
        };
        if !cycle.phase.can_become(next) {
            return Ok(Step::WrongPhase(cycle.phase));
        }
        if next == CyclePhase::Voting {
            let candidates: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM project_candidates WHERE cycle_id = $1 AND withdrawn = 0",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            if cycle.to_adopt == 0 || candidates <= i64::from(cycle.to_adopt) {
                let to_adopt = cycle.to_adopt;
                return Ok(Step::Done(Err(OpenRefusal::NoMargin {
                    candidates,
                    to_adopt,
                })));
            }
            let electors = sqlx::query(
                "INSERT INTO project_electors (cycle_id, account_id) \
                 SELECT $1, m.account_id FROM congress_members m \
                 JOIN accounts a ON a.id = m.account_id \
                 WHERE m.congress = $2 AND a.role = 'delegate' AND a.disabled_at_ms IS NULL",
            )
            .bind(id)
            .bind(&cycle.congress)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if electors == 0 {
                return Ok(Step::Done(Err(OpenRefusal::NoElectors)));
            }
            sqlx::query("UPDATE project_cycles SET eligible = $1 WHERE id = $2")
                .bind(i64::try_from(electors)?)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if next == CyclePhase::Shortlisting {
            sqlx::query("UPDATE project_cycles SET collection_closed_at_ms = $1 WHERE id = $2")
                .bind(now_ms)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if next == CyclePhase::Closed {
            ballots::rewrite_in_slot_order(&mut tx, id).await?;
            sqlx::query("UPDATE project_cycles SET closed_at_ms = $1 WHERE id = $2")
                .bind(now_ms)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE project_cycles SET phase = $1 WHERE id = $2")
            .bind(next.code())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let target = format!("project-cycle:{id}");
        audit(
            &mut tx,
            actor,
            now_ms,
            "project.phase",
            &target,
            &[("phase", next.code())],
        )
        .await?;
        let cycle = lock_cycle(&mut tx, id).await?;
        tx.commit().await?;
        Ok(cycle.map_or(Step::NotFound, |c| Step::Done(Ok(c))))
    }

    /// The delegates' accounts that sit in a congress.
    pub async fn congress_members(&self, congress: &str) -> anyhow::Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT account_id FROM congress_members WHERE congress = $1 ORDER BY account_id",
        )
        .bind(congress)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Replaces a congress's members (audited); `Err` names an id that is no delegate's account.
    pub async fn congress_members_set(
        &self,
        congress: &str,
        account_ids: &[String],
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<Result<(), String>> {
        let mut tx = self.begin().await?;
        for account_id in account_ids {
            let role: Option<String> =
                sqlx::query_scalar("SELECT role FROM accounts WHERE id = $1")
                    .bind(account_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if role.as_deref() != Some("delegate") {
                return Ok(Err(account_id.clone()));
            }
        }
        sqlx::query("DELETE FROM congress_members WHERE congress = $1")
            .bind(congress)
            .execute(&mut *tx)
            .await?;
        for account_id in account_ids {
            sqlx::query(
                "INSERT INTO congress_members (congress, account_id) VALUES ($1, $2) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(congress)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        }
        let target = format!("congress:{congress}");
        let count = account_ids.len().to_string();
        audit(
            &mut tx,
            actor,
            now_ms,
            "congress.members",
            &target,
            &[("members", count.as_str())],
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}
