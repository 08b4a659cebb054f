//! The SQL of the candidate list (初定): staff add candidates made from a cycle's open proposals,
//! each with its responsible unit, budget, target and deadline, and withdraw them while the list
//! is open (audited; nothing is deleted).

use super::collection::proposal_in;
use super::{audit, lock_cycle, Step};
use crate::platform::db::{Db, Tx};
use deputy_homes_api::projects::{Candidate, NewCandidate, ProposalStatus};
use sqlx::any::AnyRow;
use sqlx::Row;

/// Why a candidate could not be added.
#[derive(Debug)]
pub enum CandidateRefusal {
    /// The unit is unknown or inactive.
    Unit,
    /// This tracking number is no open proposal of the cycle.
    Proposal(String),
}

async fn candidate_of(tx: &mut Tx, row: &AnyRow) -> anyhow::Result<Candidate> {
    let id: String = row.try_get("id")?;
    let proposals: Vec<String> = sqlx::query_scalar(
        "SELECT p.tracking_number FROM project_candidate_sources s \
         JOIN project_proposals p ON p.id = s.proposal_id WHERE s.candidate_id = $1 \
         ORDER BY p.tracking_number",
    )
    .bind(&id)
    .fetch_all(&mut **tx)
    .await?;
    Ok(Candidate {
        id,
        title: row.try_get("title")?,
        summary: row.try_get("summary")?,
        unit_id: row.try_get("unit_id")?,
        unit_name: row.try_get("unit_name")?,
        budget_yuan: row.try_get("budget_yuan")?,
        target: row.try_get("target")?,
        deadline: row.try_get("deadline")?,
        proposals,
        withdrawn: row.try_get::<i64, _>("withdrawn")? != 0,
    })
}

const CANDIDATE_SELECT: &str = "SELECT c.id, c.cycle_id, c.title, c.summary, c.unit_id, \
    u.name AS unit_name, c.budget_yuan, c.target, c.deadline, c.withdrawn \
    FROM project_candidates c JOIN handling_units u ON u.id = c.unit_id";

/// A cycle's candidates in the order they were added (withdrawn ones too).
pub(crate) async fn candidates_in(tx: &mut Tx, cycle_id: &str) -> anyhow::Result<Vec<Candidate>> {
    let rows = sqlx::query(&format!(
        "{CANDIDATE_SELECT} WHERE c.cycle_id = $1 ORDER BY c.created_at_ms, c.id"
    ))
    .bind(cycle_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        out.push(candidate_of(tx, row).await?);
    }
    Ok(out)
}

impl Db {
    /// A cycle's candidates in the order they were added (withdrawn ones too).
    pub async fn project_candidates(&self, cycle_id: &str) -> anyhow::Result<Vec<Candidate>> {
        let mut tx = self.pool.begin().await?;
        let list = candidates_in(&mut tx, cycle_id).await?;
        tx.commit().await?;
        Ok(list)
    }

    /// Adds a candidate to a cycle's list while it is open (audited).
    pub async fn project_candidate_add(
        &self,
        cycle_id: &str,
        id: &str,
        new: &NewCandidate,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<Step<Result<Candidate, CandidateRefusal>>> {
        let mut tx = self.begin().await?;
        let Some(cycle) = lock_cycle(&mut tx, cycle_id).await? else {
            return Ok(Step::NotFound);
        };
        if !cycle.phase.list_is_open() {
            return Ok(Step::WrongPhase(cycle.phase));
        }
        let active: Option<i64> =
            sqlx::query_scalar("SELECT active FROM handling_units WHERE id = $1")
                .bind(&new.unit_id)
                .fetch_optional(&mut *tx)
                .await?;
        if active != Some(1) {
            return Ok(Step::Done(Err(CandidateRefusal::Unit)));
        }
        let mut sources = Vec::new();
        for number in &new.proposals {
            match proposal_in(&mut tx, number).await? {
                Some((pid, p)) if p.cycle_id == cycle_id && p.status == ProposalStatus::Open => {
                    sources.push(pid)
                }
                _ => return Ok(Step::Done(Err(CandidateRefusal::Proposal(number.clone())))),
            }
        }
        sqlx::query(
            "INSERT INTO project_candidates (id, cycle_id, title, summary, unit_id, budget_yuan, \
             target, deadline, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id)
        .bind(cycle_id)
        .bind(new.title.trim())
        .bind(new.summary.trim())
        .bind(&new.unit_id)
        .bind(new.budget_yuan)
        .bind(new.target.trim())
        .bind(&new.deadline)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        sources.sort();
        sources.dedup();
        for source in &sources {
            sqlx::query(
                "INSERT INTO project_candidate_sources (candidate_id, proposal_id) VALUES ($1, $2)",
            )
            .bind(id)
            .bind(source)
            .execute(&mut *tx)
            .await?;
        }
        let target = format!("project-candidate:{id}");
        let details = [("cycle", cycle_id), ("title", new.title.trim())];
        audit(
            &mut tx,
            actor,
            now_ms,
            "project.candidate_add",
            &target,
            &details,
        )
        .await?;
        let row = sqlx::query(&format!("{CANDIDATE_SELECT} WHERE c.id = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let candidate = candidate_of(&mut tx, &row).await?;
        tx.commit().await?;
        Ok(Step::Done(Ok(candidate)))
    }

    /// Takes a candidate off its cycle's list while the list is open (audited); it is kept.
    pub async fn project_candidate_withdraw(
        &self,
        id: &str,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<Step<Candidate>> {
        let mut tx = self.begin().await?;
        let cycle_id: Option<String> =
            sqlx::query_scalar("SELECT cycle_id FROM project_candidates WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some(cycle_id) = cycle_id else {
            return Ok(Step::NotFound);
        };
        let Some(cycle) = lock_cycle(&mut tx, &cycle_id).await? else {
            return Ok(Step::NotFound);
        };
        if !cycle.phase.list_is_open() {
            return Ok(Step::WrongPhase(cycle.phase));
        }
        sqlx::query("UPDATE project_candidates SET withdrawn = 1 WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let target = format!("project-candidate:{id}");
        audit(
            &mut tx,
            actor,
            now_ms,
            "project.candidate_withdraw",
            &target,
            &[],
        )
        .await?;
        let row = sqlx::query(&format!("{CANDIDATE_SELECT} WHERE c.id = $1"))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let candidate = candidate_of(&mut tx, &row).await?;
        tx.commit().await?;
        Ok(Step::Done(candidate))
    }
}
