//! The SQL of the secret ballot (票决). Who voted (`project_voters`) and what was chosen
//! (`project_ballots`) are written in one transaction but share no column: a ballot row holds
//! its cycle, a random slot, its tracker's hash and the sorted choices, nothing else. The audit
//! entry says that the delegate voted, not how.

use super::candidates::candidates_in;
use super::{audit, lock_cycle};
use crate::platform::db::{Db, Tx};
use deputy_homes_api::projects::{Candidate, Cycle, CyclePhase};
use rand::Rng;

/// What a ballot came to.
#[derive(Debug)]
pub enum Cast {
    Counted,
    NotFound,
    WrongPhase(CyclePhase),
    /// The delegate is not an elector of this cycle (not a member of its congress when the vote
    /// opened).
    NotElector,
    /// A choice is no candidate on the list.
    UnknownChoice(String),
    /// More choices than the number to adopt, or one twice.
    BadChoices(deputy_homes_api::ApiError),
    AlreadyVoted,
}

/// A delegate's ballot: the chosen candidates and the hash of its tracker.
#[derive(Debug)]
pub struct Ballot<'a> {
    pub voter: &'a str,
    pub choices: &'a [String],
    pub tracker_hash: &'a str,
    pub now_ms: i64,
}

/// What a ballot needs checked before it is counted, given the cycle: its choices sorted.
pub type CheckChoices<'a> =
    &'a (dyn Fn(&Cycle) -> Result<Vec<String>, deputy_homes_api::ApiError> + Sync);

/// Writes the cycle's ballots anew in the order of their random slots, so the order rows were
/// stored in (PostgreSQL's heap) no longer follows the order they came in.
pub(crate) async fn rewrite_in_slot_order(tx: &mut Tx, cycle_id: &str) -> anyhow::Result<()> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT CAST(slot AS BIGINT) AS slot, tracker_hash, choices FROM project_ballots WHERE cycle_id = $1 ORDER BY slot",
    )
    .bind(cycle_id)
    .fetch_all(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM project_ballots WHERE cycle_id = $1")
        .bind(cycle_id)
        .execute(&mut **tx)
        .await?;
    for (slot, tracker_hash, choices) in rows {
        sqlx::query(
            "INSERT INTO project_ballots (slot, cycle_id, tracker_hash, choices) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(slot)
        .bind(cycle_id)
        .bind(tracker_hash)
        .bind(choices)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Stores the ballot's choices in a free random slot.
async fn insert_ballot(tx: &mut Tx, cycle_id: &str, ballot: &Ballot<'_>) -> anyhow::Result<()> {
    let choices = ballot.choices.join(",");
    loop {
        let slot: i64 = rand::rngs::OsRng.gen_range(1..i64::from(i32::MAX));
        let inserted = sqlx::query(
            "INSERT INTO project_ballots (slot, cycle_id, tracker_hash, choices) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (slot) DO NOTHING",
        )
        .bind(slot)
        .bind(cycle_id)
        .bind(ballot.tracker_hash)
        .bind(&choices)
        .execute(&mut **tx)
        .await?;
        if inserted.rows_affected() == 1 {
            return Ok(());
        }
    }
}

impl Db {
    /// Counts a delegate's ballot once: the cycle must be voting, the delegate one of its
    /// electors who has not voted, the choices candidates on its list.
    pub async fn project_vote(
        &self,
        cycle_id: &str,
        ballot: &Ballot<'_>,
        check: CheckChoices<'_>,
    ) -> anyhow::Result<Cast> {
        let mut tx = self.begin().await?;
        let Some(cycle) = lock_cycle(&mut tx, cycle_id).await? else {
            return Ok(Cast::NotFound);
        };
        if cycle.phase != CyclePhase::Voting {
            return Ok(Cast::WrongPhase(cycle.phase));
        }
        let elector: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM project_electors WHERE cycle_id = $1 AND account_id = $2",
        )
        .bind(cycle_id)
        .bind(ballot.voter)
        .fetch_one(&mut *tx)
        .await?;
        if elector == 0 {
            return Ok(Cast::NotElector);
        }
        let choices = match check(&cycle) {
            Ok(choices) => choices,
            Err(e) => return Ok(Cast::BadChoices(e)),
        };
        let listed: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM project_candidates WHERE cycle_id = $1 AND withdrawn = 0",
        )
        .bind(cycle_id)
        .fetch_all(&mut *tx)
        .await?;
        if let Some(unknown) = choices.iter().find(|c| !listed.contains(c)) {
            return Ok(Cast::UnknownChoice(unknown.clone()));
        }
        let voted = sqlx::query(
            "INSERT INTO project_voters (cycle_id, account_id) VALUES ($1, $2) \
             ON CONFLICT (cycle_id, account_id) DO NOTHING",
        )
        .bind(cycle_id)
        .bind(ballot.voter)
        .execute(&mut *tx)
        .await?;
        if voted.rows_affected() == 0 {
            return Ok(Cast::AlreadyVoted);
        }
        let sorted = Ballot {
            choices: &choices,
            ..*ballot
        };
        insert_ballot(&mut tx, cycle_id, &sorted).await?;
        let target = format!("project-cycle:{cycle_id}");
        audit(
            &mut tx,
            ballot.voter,
            ballot.now_ms,
            "project.vote",
            &target,
            &[],
        )
        .await?;
        tx.commit().await?;
        Ok(Cast::Counted)
    }

    /// Whether an account is an elector of a cycle, and whether it has voted.
    pub async fn project_voter_state(
        &self,
        cycle_id: &str,
        account_id: &str,
    ) -> anyhow::Result<(bool, bool)> {
        let elector: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM project_electors WHERE cycle_id = $1 AND account_id = $2",
        )
        .bind(cycle_id)
        .bind(account_id)
        .fetch_one(&self.pool)
        .await?;
        let voted: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM project_voters WHERE cycle_id = $1 AND account_id = $2",
        )
        .bind(cycle_id)
        .bind(account_id)
        .fetch_one(&self.pool)
        .await?;
        Ok((elector > 0, voted > 0))
    }

    /// A closed cycle's ballots: each one's choices, and the trackers' hashes sorted.
    pub async fn project_ballots(
        &self,
        cycle_id: &str,
    ) -> anyhow::Result<(Vec<Vec<String>>, Vec<String>)> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT tracker_hash, choices FROM project_ballots WHERE cycle_id = $1 \
             ORDER BY tracker_hash",
        )
        .bind(cycle_id)
        .fetch_all(&self.pool)
        .await?;
        let choices = rows
            .iter()
            .map(|(_, c)| {
                c.split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .collect();
        Ok((choices, rows.into_iter().map(|(t, _)| t).collect()))
    }

    /// The candidates of a cycle still on its list.
    pub async fn project_listed(&self, cycle_id: &str) -> anyhow::Result<Vec<Candidate>> {
        let mut tx = self.pool.begin().await?;
        let list = candidates_in(&mut tx, cycle_id).await?;
        tx.commit().await?;
        Ok(list.into_iter().filter(|c| !c.withdrawn).collect())
    }
}
