//! The SQL after the vote: progress updates (staff) and inspections (delegates of the cycle's
//! congress) of adopted projects, the year-end evaluation window and its secret ballots, and
//! citizens' advisory ratings. Who evaluated (`project_evaluation_voters`) and what was chosen
//! (`project_evaluation_ballots`) share no column, as in the vote. Every staff and delegate
//! step is audited in its own transaction; the evaluation's audit entry says who evaluated,
//! not how.

use super::collection::Writer;
use super::{audit, lock_cycle};
use crate::opinions::store::counters;
use crate::photos::store::{account_uploader, attach, PhotoOwner};
use crate::platform::db::{Db, Tx};
use deputy_homes_api::projects::progress::{
    CitizenRatings, EvaluationState, EvaluationWindow, Inspection, ProgressUpdate,
};
use deputy_homes_api::projects::satisfaction::Satisfaction;
use deputy_homes_api::projects::CyclePhase;
use deputy_homes_api::ApiError;
use rand::Rng;
use sqlx::any::AnyRow;
use sqlx::Row;

/// The `id` column of each row.
fn ids_of(rows: &[AnyRow]) -> anyhow::Result<Vec<String>> {
    rows.iter().map(|r| Ok(r.try_get("id")?)).collect()
}

/// The stored code of a choice.
pub fn satisfaction_code(choice: Satisfaction) -> &'static str {
    match choice {
        Satisfaction::Satisfied => "satisfied",
        Satisfaction::BasicallySatisfied => "basically_satisfied",
        Satisfaction::Dissatisfied => "dissatisfied",
    }
}

/// A progress update to store: its check against the last update's percent runs in the
/// update's transaction.
pub struct NewUpdate<'a> {
    pub id: &'a str,
    pub percent: u32,
    pub done: &'a str,
    pub delay_reason: Option<&'a str>,
    pub lower_reason: Option<&'a str>,
    /// Photos its author uploaded, to attach.
    pub photo_ids: &'a [String],
    pub check: &'a (dyn Fn(Option<u32>) -> Result<(), ApiError> + Sync),
}

/// What posting a progress update came to.
#[derive(Debug)]
pub enum Posted {
    Done,
    /// The check against the last update refused it.
    Bad(ApiError),
    /// This photo is not one the author uploaded in the last day and no record took.
    PhotoUnavailable(String),
}

/// A delegate's inspection to store.
#[derive(Debug)]
pub struct NewVisit<'a> {
    pub id: &'a str,
    pub notes: &'a str,
    /// Photos the delegate uploaded, to attach.
    pub photo_ids: &'a [String],
}

/// What a delegate's inspection or evaluation came to.
#[derive(Debug)]
pub enum DelegateStep<T> {
    Done(T),
    /// Not a delegate of the cycle's congress (for an evaluation: when the window opened).
    NotMember,
    /// The evaluation window is not open.
    NotOpen,
    Bad(ApiError),
    AlreadyEvaluated,
    /// This photo is not one the delegate uploaded in the last day and no record took.
    PhotoUnavailable(String),
}

/// What a change of the evaluation window came to.
#[derive(Debug)]
pub enum WindowStep {
    Done(EvaluationWindow),
    NotFound,
    /// The vote is not closed.
    WrongPhase(CyclePhase),
    /// The window is not in the state the change needs (`None`: not opened).
    WrongState(Option<EvaluationState>),
    NoElectors,
}

/// What a citizen's rating came to.
#[derive(Debug)]
pub enum Rated {
    Done(CitizenRatings),
    AlreadyRated,
    Limited,
}

async fn window_in(tx: &mut Tx, cycle_id: &str) -> anyhow::Result<Option<EvaluationWindow>> {
    let row = sqlx::query(
        "SELECT cycle_id, state, eligible FROM project_evaluation_windows WHERE cycle_id = $1",
    )
    .bind(cycle_id)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|row| -> anyhow::Result<EvaluationWindow> {
        let state: String = row.try_get("state")?;
        Ok(EvaluationWindow {
            cycle_id: row.try_get("cycle_id")?,
            state: EvaluationState::from_code(&state)
                .ok_or_else(|| anyhow::anyhow!("stored evaluation state {state:?}"))?,
            eligible: u32::try_from(row.try_get::<i64, _>("eligible")?)?,
        })
    })
    .transpose()
}

/// Rewrites a cycle's evaluation ballots in the order of their random slots.
async fn rewrite_in_slot_order(tx: &mut Tx, cycle_id: &str) -> anyhow::Result<()> {
    let rows: Vec<(i64, Option<String>, String)> = sqlx::query_as(
        "SELECT CAST(slot AS BIGINT) AS slot, tracker_hash, choices \
         FROM project_evaluation_ballots WHERE cycle_id = $1 ORDER BY slot",
    )
    .bind(cycle_id)
    .fetch_all(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM project_evaluation_ballots WHERE cycle_id = $1")
        .bind(cycle_id)
        .execute(&mut **tx)
        .await?;
    for (slot, tracker_hash, choices) in rows {
        sqlx::query(
            "INSERT INTO project_evaluation_ballots (slot, cycle_id, tracker_hash, choices) \
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

impl Db {
    /// The cycle a candidate is on.
    pub async fn project_candidate_cycle(
        &self,
        candidate_id: &str,
    ) -> anyhow::Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT cycle_id FROM project_candidates WHERE id = $1")
                .bind(candidate_id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// When a cycle's vote closed.
    pub async fn project_closed_at(&self, cycle_id: &str) -> anyhow::Result<Option<i64>> {
        Ok(sqlx::query_scalar::<_, Option<i64>>(
            "SELECT closed_at_ms FROM project_cycles WHERE id = $1",
        )
        .bind(cycle_id)
        .fetch_optional(&self.pool)
        .await?
        .flatten())
    }

    /// Posts a progress update of an adopted project (the caller checked the adoption, which a
    /// closed vote no longer changes), audited. `Err` is the refused check.
    pub async fn project_progress_add(
        &self,
        cycle_id: &str,
        candidate_id: &str,
        update: &NewUpdate<'_>,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<Posted> {
        let mut tx = self.begin().await?;
        lock_cycle(&mut tx, cycle_id).await?;
        let last: Option<i64> = sqlx::query_scalar(
            "SELECT percent FROM project_progress WHERE candidate_id = $1 \
             ORDER BY at_ms DESC, id DESC LIMIT 1",
        )
        .bind(candidate_id)
        .fetch_optional(&mut *tx)
        .await?;
        let last = last.map(u32::try_from).transpose()?;
        if let Err(e) = (update.check)(last) {
            return Ok(Posted::Bad(e));
        }
        sqlx::query(
            "INSERT INTO project_progress (id, candidate_id, percent, done, delay_reason, \
             lower_reason, author_id, at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(update.id)
        .bind(candidate_id)
        .bind(i64::from(update.percent))
        .bind(update.done)
        .bind(update.delay_reason)
        .bind(update.lower_reason)
        .bind(actor)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        let owner = (PhotoOwner::Progress, update.id);
        let uploader = account_uploader(actor);
        if let Some(gone) = attach(&mut tx, owner, update.photo_ids, Some(&uploader)).await? {
            tx.rollback().await?;
            return Ok(Posted::PhotoUnavailable(gone));
        }
        let target = format!("project:{candidate_id}");
        let percent = update.percent.to_string();
        audit(
            &mut tx,
            actor,
            now_ms,
            "project.progress",
            &target,
            &[("percent", percent.as_str())],
        )
        .await?;
        tx.commit().await?;
        Ok(Posted::Done)
    }

    /// A project's progress updates, oldest first.
    pub async fn project_progress(
        &self,
        candidate_id: &str,
    ) -> anyhow::Result<Vec<ProgressUpdate>> {
        let rows = sqlx::query(
            "SELECT id, percent, done, delay_reason, lower_reason, at_ms FROM project_progress \
             WHERE candidate_id = $1 ORDER BY at_ms, id",
        )
        .bind(candidate_id)
        .fetch_all(&self.pool)
        .await?;
        let ids = ids_of(&rows)?;
        let mut photos = self.photos_of_each(PhotoOwner::Progress, &ids).await?;
        rows.iter()
            .zip(&ids)
            .map(|(row, id)| {
                Ok(ProgressUpdate {
                    percent: u32::try_from(row.try_get::<i64, _>("percent")?)?,
                    done: row.try_get("done")?,
                    delay_reason: row.try_get("delay_reason")?,
                    lower_reason: row.try_get("lower_reason")?,
                    at_ms: row.try_get("at_ms")?,
                    photos: photos.remove(id).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Records a delegate's inspection of an adopted project, when the delegate sits in the
    /// cycle's congress (audited).
    pub async fn project_inspect(
        &self,
        cycle_id: &str,
        candidate_id: &str,
        visit: &NewVisit<'_>,
        delegate: &str,
        now_ms: i64,
    ) -> anyhow::Result<DelegateStep<()>> {
        let mut tx = self.begin().await?;
        let Some(cycle) = lock_cycle(&mut tx, cycle_id).await? else {
            return Ok(DelegateStep::NotMember);
        };
        let member: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM congress_members WHERE congress = $1 AND account_id = $2",
        )
        .bind(&cycle.congress)
        .bind(delegate)
        .fetch_one(&mut *tx)
        .await?;
        if member == 0 {
            return Ok(DelegateStep::NotMember);
        }
        sqlx::query(
            "INSERT INTO project_inspections (id, candidate_id, account_id, notes, at_ms) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(visit.id)
        .bind(candidate_id)
        .bind(delegate)
        .bind(visit.notes)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        let owner = (PhotoOwner::Inspection, visit.id);
        let uploader = account_uploader(delegate);
        if let Some(gone) = attach(&mut tx, owner, visit.photo_ids, Some(&uploader)).await? {
            tx.rollback().await?;
            return Ok(DelegateStep::PhotoUnavailable(gone));
        }
        let target = format!("project:{candidate_id}");
        audit(&mut tx, delegate, now_ms, "project.inspect", &target, &[]).await?;
        tx.commit().await?;
        Ok(DelegateStep::Done(()))
    }

    /// How many delegates have evaluated in a cycle's window (who, and what they chose, is not
    /// told).
    pub async fn project_evaluation_count(&self, cycle_id: &str) -> anyhow::Result<u32> {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM project_evaluation_voters WHERE cycle_id = $1",
        )
        .bind(cycle_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(u32::try_from(count)?)
    }

    /// A project's inspections with the delegates' names, oldest first.
    pub async fn project_inspections(&self, candidate_id: &str) -> anyhow::Result<Vec<Inspection>> {
        let rows = sqlx::query(
            "SELECT i.id, a.display_name, i.notes, i.at_ms FROM project_inspections i \
             JOIN accounts a ON a.id = i.account_id WHERE i.candidate_id = $1 \
             ORDER BY i.at_ms, i.id",
        )
        .bind(candidate_id)
        .fetch_all(&self.pool)
        .await?;
        let ids = ids_of(&rows)?;
        let mut photos = self.photos_of_each(PhotoOwner::Inspection, &ids).await?;
        rows.iter()
            .zip(&ids)
            .map(|(row, id)| {
                Ok(Inspection {
                    delegate_name: row.try_get("display_name")?,
                    notes: row.try_get("notes")?,
                    at_ms: row.try_get("at_ms")?,
                    photos: photos.remove(id).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Opens a closed vote's evaluation window (fixing the evaluators: the congress's enabled
    /// delegates then) or closes an open one, audited.
    pub async fn project_evaluation_set(
        &self,
        cycle_id: &str,
        next: EvaluationState,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<WindowStep> {
        let mut tx = self.begin().await?;
        let Some(cycle) = lock_cycle(&mut tx, cycle_id).await? else {
            return Ok(WindowStep::NotFound);
        };
        if cycle.phase != CyclePhase::Closed {
            return Ok(WindowStep::WrongPhase(cycle.phase));
        }
        let window = window_in(&mut tx, cycle_id).await?;
        match (next, window.as_ref().map(|w| w.state)) {
            (EvaluationState::Open, None) => {
                let evaluators = sqlx::query(
                    "INSERT INTO project_evaluators (cycle_id, account_id) \
                     SELECT $1, m.account_id FROM congress_members m \
                     JOIN accounts a ON a.id = m.account_id \
                     WHERE m.congress = $2 AND a.role = 'delegate' AND a.disabled_at_ms IS NULL",
                )
                .bind(cycle_id)
                .bind(&cycle.congress)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if evaluators == 0 {
                    return Ok(WindowStep::NoElectors);
                }
                sqlx::query(
                    "INSERT INTO project_evaluation_windows (cycle_id, state, eligible) \
                     VALUES ($1, 'open', $2)",
                )
                .bind(cycle_id)
                .bind(i64::try_from(evaluators)?)
                .execute(&mut *tx)
                .await?;
            }
            (EvaluationState::Closed, Some(EvaluationState::Open)) => {
                rewrite_in_slot_order(&mut tx, cycle_id).await?;
                sqlx::query(
                    "UPDATE project_evaluation_windows SET state = 'closed' WHERE cycle_id = $1",
                )
                .bind(cycle_id)
                .execute(&mut *tx)
                .await?;
            }
            (_, state) => return Ok(WindowStep::WrongState(state)),
        }
        let target = format!("project-cycle:{cycle_id}");
        audit(
            &mut tx,
            actor,
            now_ms,
            "project.evaluation",
            &target,
            &[("state", next.code())],
        )
        .await?;
        let window = window_in(&mut tx, cycle_id).await?;
        tx.commit().await?;
        window
            .map(WindowStep::Done)
            .ok_or_else(|| anyhow::anyhow!("the evaluation window is gone"))
    }

    /// A cycle's evaluation window, if opened.
    pub async fn project_evaluation_window(
        &self,
        cycle_id: &str,
    ) -> anyhow::Result<Option<EvaluationWindow>> {
        let mut tx = self.pool.begin().await?;
        let window = window_in(&mut tx, cycle_id).await?;
        tx.commit().await?;
        Ok(window)
    }

    /// Counts a delegate's one evaluation ballot while the window is open: who evaluated is
    /// written apart from the choices, which go to a random slot with the tracker's hash.
    /// `check` gives the choices.
    pub async fn project_evaluate(
        &self,
        cycle_id: &str,
        delegate: &str,
        tracker_hash: &str,
        check: &(dyn Fn() -> Result<Vec<(String, Satisfaction)>, ApiError> + Sync),
        now_ms: i64,
    ) -> anyhow::Result<DelegateStep<u32>> {
        let mut tx = self.begin().await?;
        lock_cycle(&mut tx, cycle_id).await?;
        let window = window_in(&mut tx, cycle_id).await?;
        if window.map(|w| w.state) != Some(EvaluationState::Open) {
            return Ok(DelegateStep::NotOpen);
        }
        let evaluator: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM project_evaluators WHERE cycle_id = $1 AND account_id = $2",
        )
        .bind(cycle_id)
        .bind(delegate)
        .fetch_one(&mut *tx)
        .await?;
        if evaluator == 0 {
            return Ok(DelegateStep::NotMember);
        }
        let choices = match check() {
            Ok(choices) => choices,
            Err(e) => return Ok(DelegateStep::Bad(e)),
        };
        let evaluated = sqlx::query(
            "INSERT INTO project_evaluation_voters (cycle_id, account_id) VALUES ($1, $2) \
             ON CONFLICT (cycle_id, account_id) DO NOTHING",
        )
        .bind(cycle_id)
        .bind(delegate)
        .execute(&mut *tx)
        .await?;
        if evaluated.rows_affected() == 0 {
            return Ok(DelegateStep::AlreadyEvaluated);
        }
        let text = choices
            .iter()
            .map(|(project, choice)| format!("{project}={}", satisfaction_code(*choice)))
            .collect::<Vec<_>>()
            .join(",");
        loop {
            let slot: i64 = rand::rngs::OsRng.gen_range(1..i64::from(i32::MAX));
            let inserted = sqlx::query(
                "INSERT INTO project_evaluation_ballots (slot, cycle_id, tracker_hash, choices) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (slot) DO NOTHING",
            )
            .bind(slot)
            .bind(cycle_id)
            .bind(tracker_hash)
            .bind(&text)
            .execute(&mut *tx)
            .await?;
            if inserted.rows_affected() == 1 {
                break;
            }
        }
        let target = format!("project-cycle:{cycle_id}");
        audit(&mut tx, delegate, now_ms, "project.evaluate", &target, &[]).await?;
        tx.commit().await?;
        Ok(DelegateStep::Done(u32::try_from(choices.len())?))
    }

    /// Whether an account may evaluate a cycle's projects, and whether it has.
    pub async fn project_evaluator_state(
        &self,
        cycle_id: &str,
        account_id: &str,
    ) -> anyhow::Result<(bool, bool)> {
        let may: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM project_evaluators WHERE cycle_id = $1 AND account_id = $2",
        )
        .bind(cycle_id)
        .bind(account_id)
        .fetch_one(&self.pool)
        .await?;
        let did: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM project_evaluation_voters WHERE cycle_id = $1 AND account_id = $2",
        )
        .bind(cycle_id)
        .bind(account_id)
        .fetch_one(&self.pool)
        .await?;
        Ok((may > 0, did > 0))
    }

    /// The hashes of a cycle's evaluation ballots' trackers, sorted.
    pub async fn project_evaluation_trackers(&self, cycle_id: &str) -> anyhow::Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT tracker_hash FROM project_evaluation_ballots \
             WHERE cycle_id = $1 AND tracker_hash IS NOT NULL ORDER BY tracker_hash",
        )
        .bind(cycle_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A cycle's evaluation ballots, each as `project=choice` pairs.
    pub async fn project_evaluation_ballots(
        &self,
        cycle_id: &str,
    ) -> anyhow::Result<Vec<Vec<(String, String)>>> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT choices FROM project_evaluation_ballots WHERE cycle_id = $1 ORDER BY choices",
        )
        .bind(cycle_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|text| {
                text.split(',')
                    .filter_map(|pair| pair.split_once('='))
                    .map(|(p, c)| (p.to_owned(), c.to_owned()))
                    .collect()
            })
            .collect())
    }

    /// A citizen's advisory rating of a project, once per phone, its limits counted in the
    /// rating's transaction.
    pub async fn project_rate(
        &self,
        candidate_id: &str,
        rating: u32,
        writer: &Writer<'_>,
    ) -> anyhow::Result<Rated> {
        let mut tx = self.begin().await?;
        for (name, limit) in writer.limits {
            if counters::bump(&mut tx, name, writer.now_ms).await? > *limit {
                return Ok(Rated::Limited);
            }
        }
        let inserted = sqlx::query(
            "INSERT INTO project_ratings (candidate_id, phone_hash, rating, at_ms) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (candidate_id, phone_hash) DO NOTHING",
        )
        .bind(candidate_id)
        .bind(writer.phone_hash)
        .bind(i64::from(rating))
        .bind(writer.now_ms)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            tx.commit().await?;
            return Ok(Rated::AlreadyRated);
        }
        tx.commit().await?;
        Ok(Rated::Done(self.project_ratings(candidate_id).await?))
    }

    /// Citizens' ratings of a project.
    pub async fn project_ratings(&self, candidate_id: &str) -> anyhow::Result<CitizenRatings> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT rating, COUNT(*) FROM project_ratings WHERE candidate_id = $1 GROUP BY rating",
        )
        .bind(candidate_id)
        .fetch_all(&self.pool)
        .await?;
        let mut by_rating = vec![0_u32; 5];
        for (rating, count) in rows {
            if let Some(slot) = usize::try_from(rating - 1)
                .ok()
                .and_then(|i| by_rating.get_mut(i))
            {
                *slot = u32::try_from(count)?;
            }
        }
        Ok(CitizenRatings {
            count: by_rating.iter().sum(),
            by_rating,
        })
    }
}
