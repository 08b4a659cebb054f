//! Uploaded photos, cleaned, with their thumbnails: kept in the database so every server instance
//! serves the same bytes. One table holds the photos of every feature. An opinion's photo is an
//! anonymous upload; a project's names its uploader (a phone's hash or an account), and only that
//! uploader attaches it to a record, in the record's own transaction, once.

use crate::platform::db::{Db, Tx};
use deputy_homes_api::platform::photos::{Photo, OPINION_PHOTOS, PROJECT_PHOTOS};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::BTreeMap;

/// A photo ready to store.
#[derive(Debug, Clone)]
pub struct CleanPhoto {
    pub content_type: &'static str,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
    /// Always JPEG.
    pub thumbnail: Vec<u8>,
}

/// A photo's bytes as served.
#[derive(Debug, Clone)]
pub struct PhotoBytes {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Whose photos: each feature's are served under its own path, and only there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoKind {
    /// Anonymous uploads, for opinions.
    Opinion,
    /// Uploads that name their uploader, for livelihood projects.
    Project,
}

impl PhotoKind {
    /// Where the kind's photos are served.
    pub fn base(self) -> &'static str {
        match self {
            PhotoKind::Opinion => OPINION_PHOTOS,
            PhotoKind::Project => PROJECT_PHOTOS,
        }
    }

    /// The SQL condition a photo of this kind meets.
    fn condition(self) -> &'static str {
        match self {
            PhotoKind::Opinion => "uploader IS NULL",
            PhotoKind::Project => "uploader IS NOT NULL",
        }
    }
}

/// The kind of record photos belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoOwner {
    Opinion,
    /// A citizen's project proposal.
    Proposal,
    /// Staff's progress update of a project.
    Progress,
    /// A delegate's inspection of a project.
    Inspection,
}

impl PhotoOwner {
    fn column(self) -> &'static str {
        match self {
            PhotoOwner::Opinion => "opinion_id",
            PhotoOwner::Proposal => "proposal_id",
            PhotoOwner::Progress => "progress_id",
            PhotoOwner::Inspection => "inspection_id",
        }
    }

    fn kind(self) -> PhotoKind {
        match self {
            PhotoOwner::Opinion => PhotoKind::Opinion,
            _ => PhotoKind::Project,
        }
    }
}

/// The uploader a verified phone's photos name: its hash, never the phone.
pub fn phone_uploader(phone_hash: &str) -> String {
    format!("phone:{phone_hash}")
}

/// The uploader a staff's or delegate's photos name.
pub fn account_uploader(account_id: &str) -> String {
    format!("account:{account_id}")
}

/// The condition of a photo no record took yet: housekeeping deletes those a day old.
pub const UNATTACHED: &str = "opinion_id IS NULL AND proposal_id IS NULL \
    AND progress_id IS NULL AND inspection_id IS NULL";

/// A stored photo as the wire shows it (no bytes), served under `base`.
fn photo_from_row(row: &AnyRow, base: &str) -> anyhow::Result<Photo> {
    let width: i64 = row.try_get("width")?;
    let height: i64 = row.try_get("height")?;
    Ok(Photo::served(
        base,
        row.try_get("id")?,
        u32::try_from(width)?,
        u32::try_from(height)?,
    ))
}

/// Attaches each photo to the `owner` record `record_id`, if it is unattached, of the owner's
/// kind, and uploaded by `uploader` (`None` for an opinion's); the first photo that is not, if
/// any. On `Some` the caller rolls the transaction back.
pub async fn attach(
    tx: &mut Tx,
    (owner, record_id): (PhotoOwner, &str),
    ids: &[String],
    uploader: Option<&str>,
) -> anyhow::Result<Option<String>> {
    let sql = format!(
        "UPDATE photos SET {} = $1 WHERE id = $2 AND {UNATTACHED} AND {} \
         AND COALESCE(uploader, '') = $3",
        owner.column(),
        owner.kind().condition()
    );
    for id in ids {
        let attached = sqlx::query(&sql)
            .bind(record_id)
            .bind(id)
            .bind(uploader.unwrap_or_default())
            .execute(&mut **tx)
            .await?;
        if attached.rows_affected() != 1 {
            return Ok(Some(id.clone()));
        }
    }
    Ok(None)
}

impl Db {
    /// Stores a cleaned photo, not yet attached to a record; `uploader` is `None` for an
    /// opinion's photo.
    pub async fn photo_insert(
        &self,
        id: &str,
        photo: &CleanPhoto,
        uploader: Option<&str>,
        now_ms: i64,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO photos (id, content_type, width, height, bytes, thumbnail, \
             created_at_ms, uploader) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(photo.content_type)
        .bind(i64::from(photo.width))
        .bind(i64::from(photo.height))
        .bind(photo.bytes.clone())
        .bind(photo.thumbnail.clone())
        .bind(now_ms)
        .bind(uploader)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The photo's cleaned bytes, or its thumbnail (always JPEG), if it is of this kind.
    pub async fn photo_bytes(
        &self,
        id: &str,
        thumbnail: bool,
        kind: PhotoKind,
    ) -> anyhow::Result<Option<PhotoBytes>> {
        let columns = if thumbnail {
            "'image/jpeg' AS content_type, thumbnail AS bytes"
        } else {
            "content_type, bytes"
        };
        let sql = format!(
            "SELECT {columns} FROM photos WHERE id = $1 AND {}",
            kind.condition()
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(PhotoBytes {
                content_type: r.try_get("content_type")?,
                bytes: r.try_get("bytes")?,
            })
        })
        .transpose()
    }

    /// A record's photos, in the order they were uploaded.
    pub async fn photos_of(
        &self,
        owner: PhotoOwner,
        record_id: &str,
    ) -> anyhow::Result<Vec<Photo>> {
        let ids = [record_id.to_owned()];
        let mut each = self.photos_of_each(owner, &ids).await?;
        Ok(each.remove(record_id).unwrap_or_default())
    }

    /// The photos of each of these records (of one kind), in the order they were uploaded; a
    /// record without photos is absent.
    pub async fn photos_of_each(
        &self,
        owner: PhotoOwner,
        record_ids: &[String],
    ) -> anyhow::Result<BTreeMap<String, Vec<Photo>>> {
        let column = owner.column();
        let mut each: BTreeMap<String, Vec<Photo>> = BTreeMap::new();
        for chunk in record_ids.chunks(500) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT id, width, height, {column} AS record FROM photos \
                 WHERE {column} IN ({}) ORDER BY created_at_ms, id",
                placeholders.join(", ")
            );
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(id);
            }
            for row in query.fetch_all(&self.pool).await? {
                let record: String = row.try_get("record")?;
                let photo = photo_from_row(&row, owner.kind().base())?;
                each.entry(record).or_default().push(photo);
            }
        }
        Ok(each)
    }
}
