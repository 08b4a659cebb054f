//! The SQL of the collection (征集): citizens' proposals and supports, each limited per phone
//! and per address by hourly counters bumped in its own transaction, and staff merging and
//! declining proposals (audited). Nothing is deleted.

use super::{audit, lock_cycle, Step};
use crate::opinions::store::counters;
use crate::photos::store::{attach, phone_uploader, PhotoOwner};
use crate::platform::db::{Db, Tx};
use deputy_homes_api::projects::{
    CyclePhase, NewProposal, Proposal, ProposalCategory, ProposalStatus, TRACKING_PREFIX,
};
use deputy_homes_api::District;
use sqlx::any::AnyRow;
use sqlx::Row;

/// What a citizen's proposal or support came to.
#[derive(Debug)]
pub enum CitizenWrite<T> {
    Done(T),
    NotFound,
    WrongPhase(CyclePhase),
    /// The proposal is merged or declined: it takes no support.
    NotOpen,
    AlreadySupported,
    /// This counter passed its limit.
    Limited(String),
    /// This photo is not one this phone uploaded in the last day and no record took.
    PhotoUnavailable(String),
}

/// A citizen's write: the hashed phone, and the hourly counters it bumps with their limits.
#[derive(Debug)]
pub struct Writer<'a> {
    pub phone_hash: &'a str,
    pub limits: &'a [(String, i64)],
    pub now_ms: i64,
}

impl Writer<'_> {
    /// Who the phone's photos name as their uploader.
    pub fn uploader(&self) -> String {
        phone_uploader(self.phone_hash)
    }
}

const PROPOSAL_COLUMNS: &str = "id, tracking_number, cycle_id, title, what_and_where, \
    beneficiaries, district, category, status, merged_into, decline_reason, supporters, \
    created_at_ms";

fn proposal_of(row: &AnyRow) -> anyhow::Result<Proposal> {
    let district: String = row.try_get("district")?;
    let category: String = row.try_get("category")?;
    let status: String = row.try_get("status")?;
    Ok(Proposal {
        tracking_number: row.try_get("tracking_number")?,
        cycle_id: row.try_get("cycle_id")?,
        title: row.try_get("title")?,
        what_and_where: row.try_get("what_and_where")?,
        beneficiaries: row.try_get("beneficiaries")?,
        district: District::from_code(&district)
            .ok_or_else(|| anyhow::anyhow!("stored district {district:?}"))?,
        category: ProposalCategory::from_code(&category)
            .ok_or_else(|| anyhow::anyhow!("stored category {category:?}"))?,
        status: ProposalStatus::from_code(&status)
            .ok_or_else(|| anyhow::anyhow!("stored status {status:?}"))?,
        merged_into: row.try_get("merged_into")?,
        decline_reason: row.try_get("decline_reason")?,
        supporters: u32::try_from(row.try_get::<i64, _>("supporters")?)?,
        created_at_ms: row.try_get("created_at_ms")?,
        photos: Vec::new(),
    })
}

/// The proposal with this tracking number, and its row id.
pub(crate) async fn proposal_in(
    tx: &mut Tx,
    tracking_number: &str,
) -> anyhow::Result<Option<(String, Proposal)>> {
    let row = sqlx::query(&format!(
        "SELECT {PROPOSAL_COLUMNS} FROM project_proposals WHERE tracking_number = $1"
    ))
    .bind(tracking_number)
    .fetch_optional(&mut **tx)
    .await?;
    match row {
        Some(row) => Ok(Some((row.try_get("id")?, proposal_of(&row)?))),
        None => Ok(None),
    }
}

/// Bumps each counter; the first past its limit, if any.
async fn over_limit(tx: &mut Tx, writer: &Writer<'_>) -> anyhow::Result<Option<String>> {
    for (name, limit) in writer.limits {
        if counters::bump(tx, name, writer.now_ms).await? > *limit {
            return Ok(Some(name.clone()));
        }
    }
    Ok(None)
}

impl Db {
    /// Records a proposal in a cycle whose collection window is open, with the next tracking
    /// number of the cycle's year.
    pub async fn project_propose(
        &self,
        cycle_id: &str,
        id: &str,
        proposal: &NewProposal,
        writer: &Writer<'_>,
    ) -> anyhow::Result<CitizenWrite<Proposal>> {
        let mut tx = self.begin().await?;
        let Some(cycle) = lock_cycle(&mut tx, cycle_id).await? else {
            return Ok(CitizenWrite::NotFound);
        };
        if cycle.phase != CyclePhase::Collecting {
            return Ok(CitizenWrite::WrongPhase(cycle.phase));
        }
        if let Some(counter) = over_limit(&mut tx, writer).await? {
            return Ok(CitizenWrite::Limited(counter));
        }
        let sequence = format!("project-seq:{}", cycle.year);
        let number = counters::bump(&mut tx, &sequence, writer.now_ms).await?;
        let tracking_number = format!("{TRACKING_PREFIX}{}-{number:04}", cycle.year);
        sqlx::query(
            "INSERT INTO project_proposals (id, tracking_number, cycle_id, title, what_and_where, \
             beneficiaries, district, category, phone_hash, status, created_at_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10)",
        )
        .bind(id)
        .bind(&tracking_number)
        .bind(cycle_id)
        .bind(proposal.title.trim())
        .bind(proposal.what_and_where.trim())
        .bind(proposal.beneficiaries.trim())
        .bind(proposal.district.code())
        .bind(proposal.category.code())
        .bind(writer.phone_hash)
        .bind(writer.now_ms)
        .execute(&mut *tx)
        .await?;
        let uploader = writer.uploader();
        let owner = (PhotoOwner::Proposal, id);
        if let Some(gone) = attach(&mut tx, owner, &proposal.photo_ids, Some(&uploader)).await? {
            tx.rollback().await?;
            return Ok(CitizenWrite::PhotoUnavailable(gone));
        }
        let saved = proposal_in(&mut tx, &tracking_number).await?;
        tx.commit().await?;
        let saved = saved.ok_or_else(|| anyhow::anyhow!("the new proposal is gone"))?;
        Ok(CitizenWrite::Done(
            self.with_photos(vec![saved]).await?.remove(0),
        ))
    }

    /// Adds a phone's support to an open proposal while its cycle collects; once per phone.
    pub async fn project_support(
        &self,
        tracking_number: &str,
        writer: &Writer<'_>,
    ) -> anyhow::Result<CitizenWrite<u32>> {
        let mut tx = self.begin().await?;
        let Some((id, proposal)) = proposal_in(&mut tx, tracking_number).await? else {
            return Ok(CitizenWrite::NotFound);
        };
        let Some(cycle) = lock_cycle(&mut tx, &proposal.cycle_id).await? else {
            return Ok(CitizenWrite::NotFound);
        };
        if cycle.phase != CyclePhase::Collecting {
            return Ok(CitizenWrite::WrongPhase(cycle.phase));
        }
        if proposal.status != ProposalStatus::Open {
            return Ok(CitizenWrite::NotOpen);
        }
        let inserted = sqlx::query(
            "INSERT INTO project_supports (proposal_id, phone_hash, at_ms) VALUES ($1, $2, $3) \
             ON CONFLICT (proposal_id, phone_hash) DO NOTHING",
        )
        .bind(&id)
        .bind(writer.phone_hash)
        .bind(writer.now_ms)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Ok(CitizenWrite::AlreadySupported);
        }
        if let Some(counter) = over_limit(&mut tx, writer).await? {
            return Ok(CitizenWrite::Limited(counter));
        }
        let supporters: i64 = sqlx::query_scalar(
            "UPDATE project_proposals SET supporters = supporters + 1 WHERE id = $1 \
             RETURNING supporters",
        )
        .bind(&id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(CitizenWrite::Done(u32::try_from(supporters)?))
    }

    /// A proposal's public page.
    pub async fn project_proposal(
        &self,
        tracking_number: &str,
    ) -> anyhow::Result<Option<Proposal>> {
        let row = sqlx::query(&format!(
            "SELECT {PROPOSAL_COLUMNS} FROM project_proposals WHERE tracking_number = $1"
        ))
        .bind(tracking_number)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let found = vec![(row.try_get("id")?, proposal_of(&row)?)];
        Ok(self.with_photos(found).await?.pop())
    }

    /// Proposals (with their row ids) with their photos.
    async fn with_photos(&self, found: Vec<(String, Proposal)>) -> anyhow::Result<Vec<Proposal>> {
        let ids: Vec<String> = found.iter().map(|(id, _)| id.clone()).collect();
        let mut photos = self.photos_of_each(PhotoOwner::Proposal, &ids).await?;
        Ok(found
            .into_iter()
            .map(|(id, mut proposal)| {
                proposal.photos = photos.remove(&id).unwrap_or_default();
                proposal
            })
            .collect())
    }

    /// A cycle's proposals, newest first.
    pub async fn project_proposals(&self, cycle_id: &str) -> anyhow::Result<Vec<Proposal>> {
        let rows = sqlx::query(&format!(
            "SELECT {PROPOSAL_COLUMNS} FROM project_proposals WHERE cycle_id = $1 \
             ORDER BY created_at_ms DESC, tracking_number DESC"
        ))
        .bind(cycle_id)
        .fetch_all(&self.pool)
        .await?;
        let found = rows
            .iter()
            .map(|row| Ok((row.try_get("id")?, proposal_of(row)?)))
            .collect::<anyhow::Result<Vec<_>>>()?;
        self.with_photos(found).await
    }

    /// Merges an open proposal into another open one of its cycle, or declines it with a
    /// published reason, while the list is open (audited). `into` and `reason`: one of them.
    pub async fn project_proposal_close(
        &self,
        tracking_number: &str,
        close: &Closing<'_>,
        actor: &str,
        now_ms: i64,
    ) -> anyhow::Result<Step<Result<Proposal, ClosingRefusal>>> {
        let mut tx = self.begin().await?;
        let Some((id, proposal)) = proposal_in(&mut tx, tracking_number).await? else {
            return Ok(Step::NotFound);
        };
        let Some(cycle) = lock_cycle(&mut tx, &proposal.cycle_id).await? else {
            return Ok(Step::NotFound);
        };
        if !cycle.phase.list_is_open() {
            return Ok(Step::WrongPhase(cycle.phase));
        }
        if proposal.status != ProposalStatus::Open {
            return Ok(Step::Done(Err(ClosingRefusal::NotOpen)));
        }
        let target = format!("project-proposal:{tracking_number}");
        match close {
            Closing::Merge(into) => {
                let found = proposal_in(&mut tx, into).await?;
                let fits = found.as_ref().is_some_and(|(other, p)| {
                    *other != id
                        && p.cycle_id == proposal.cycle_id
                        && p.status == ProposalStatus::Open
                });
                if !fits {
                    return Ok(Step::Done(Err(ClosingRefusal::BadTarget)));
                }
                sqlx::query(
                    "UPDATE project_proposals SET status = 'merged', merged_into = $1 WHERE id = $2",
                )
                .bind(*into)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
                audit(
                    &mut tx,
                    actor,
                    now_ms,
                    "project.merge",
                    &target,
                    &[("into", *into)],
                )
                .await?;
            }
            Closing::Decline(reason) => {
                sqlx::query(
                    "UPDATE project_proposals SET status = 'declined', decline_reason = $1 \
                     WHERE id = $2",
                )
                .bind(*reason)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
                audit(
                    &mut tx,
                    actor,
                    now_ms,
                    "project.decline",
                    &target,
                    &[("reason", *reason)],
                )
                .await?;
            }
        }
        let saved = proposal_in(&mut tx, tracking_number).await?;
        tx.commit().await?;
        let Some(saved) = saved else {
            return Ok(Step::NotFound);
        };
        Ok(Step::Done(Ok(self
            .with_photos(vec![saved])
            .await?
            .remove(0))))
    }
}

/// How staff close a proposal: merged into another (by tracking number), or declined.
#[derive(Debug)]
pub enum Closing<'a> {
    Merge(&'a str),
    Decline(&'a str),
}

/// Why a proposal could not be merged or declined.
#[derive(Debug)]
pub enum ClosingRefusal {
    /// It is merged or declined already.
    NotOpen,
    /// The proposal to merge into is itself, of another cycle, not open, or missing.
    BadTarget,
}
