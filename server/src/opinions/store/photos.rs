//! Uploaded photos, cleaned, with their thumbnails: kept in the database so every server instance
//! serves the same bytes.

use crate::platform::db::Db;
use deputy_homes_api::opinions::OpinionPhoto;
use sqlx::any::AnyRow;
use sqlx::Row;

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

/// A stored photo as the wire shows it (no bytes).
pub(crate) fn photo_from_row(row: &AnyRow) -> anyhow::Result<OpinionPhoto> {
    let id: String = row.try_get("id")?;
    let width: i64 = row.try_get("width")?;
    let height: i64 = row.try_get("height")?;
    Ok(OpinionPhoto {
        url: OpinionPhoto::url_of(&id),
        thumbnail_url: OpinionPhoto::thumbnail_url_of(&id),
        width: u32::try_from(width)?,
        height: u32::try_from(height)?,
        id,
    })
}

impl Db {
    /// Stores a cleaned photo, not yet attached to an opinion.
    pub async fn photo_insert(
        &self,
        id: &str,
        photo: &CleanPhoto,
        now_ms: i64,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO photos (id, content_type, width, height, bytes, thumbnail, created_at_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(photo.content_type)
        .bind(i64::from(photo.width))
        .bind(i64::from(photo.height))
        .bind(photo.bytes.clone())
        .bind(photo.thumbnail.clone())
        .bind(now_ms)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The photo's cleaned bytes, or its thumbnail (always JPEG).
    pub async fn photo_bytes(
        &self,
        id: &str,
        thumbnail: bool,
    ) -> anyhow::Result<Option<PhotoBytes>> {
        let sql = if thumbnail {
            "SELECT 'image/jpeg' AS content_type, thumbnail AS bytes FROM photos WHERE id = $1"
        } else {
            "SELECT content_type, bytes FROM photos WHERE id = $1"
        };
        let row = sqlx::query(sql).bind(id).fetch_optional(&self.pool).await?;
        row.map(|r| {
            Ok(PhotoBytes {
                content_type: r.try_get("content_type")?,
                bytes: r.try_get("bytes")?,
            })
        })
        .transpose()
    }
}
