//! Photos as every feature takes them (opinions, livelihood projects): the limits of an upload,
//! the most one record carries, and a stored photo as the wire shows it.

use crate::{ApiError, FormField};
use serde::{Deserialize, Serialize};

/// Most photos one record (an opinion, a proposal, a progress update, an inspection) carries.
pub const MAX_PHOTOS: usize = 3;
/// Largest photo upload, in bytes (8 MiB).
pub const MAX_PHOTO_BYTES: usize = 8 * 1024 * 1024;
/// Longest side of a thumbnail, in pixels.
pub const THUMBNAIL_MAX_SIDE: u32 = 320;
/// Where opinions' photos are served.
pub const OPINION_PHOTOS: &str = "/api/opinion-photos";
/// Where livelihood projects' photos are served.
pub const PROJECT_PHOTOS: &str = "/api/project-photos";

/// A stored photo: the answer of an upload, and an item of a record's `photos`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Photo {
    pub id: String,
    pub width: u32,
    pub height: u32,
    /// The cleaned photo (no metadata), e.g. `/api/opinion-photos/{id}`.
    pub url: String,
    /// At most 320 px on its longer side, JPEG.
    pub thumbnail_url: String,
}

impl Photo {
    /// The photo `id` as served under `base` (`OPINION_PHOTOS` or `PROJECT_PHOTOS`).
    pub fn served(base: &str, id: String, width: u32, height: u32) -> Photo {
        Photo {
            url: format!("{base}/{id}"),
            thumbnail_url: format!("{base}/{id}/thumbnail"),
            width,
            height,
            id,
        }
    }
}

/// Checks a record's list of uploaded photos: at most [`MAX_PHOTOS`], each once.
pub fn check_photo_ids<F: FormField>(field: F, ids: &[String]) -> Result<(), ApiError> {
    if ids.len() > MAX_PHOTOS {
        return Err(ApiError::bad_parameter(
            field,
            format!("at most {MAX_PHOTOS} photos"),
        ));
    }
    let mut distinct = ids.to_vec();
    distinct.sort();
    distinct.dedup();
    if distinct.len() != ids.len() {
        return Err(ApiError::bad_parameter(field, "a photo is listed twice"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opinions::OpinionField;

    #[test]
    fn a_photo_is_served_with_its_thumbnail_under_its_features_path() {
        let photo = Photo::served(PROJECT_PHOTOS, "abc".into(), 4, 3);
        assert_eq!(photo.url, "/api/project-photos/abc");
        assert_eq!(photo.thumbnail_url, "/api/project-photos/abc/thumbnail");
    }

    #[test]
    fn a_record_takes_at_most_three_distinct_photos() {
        let ids = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let field = OpinionField::PhotoIds;
        assert!(check_photo_ids(field, &ids(&["a", "b", "c"])).is_ok());
        assert!(check_photo_ids(field, &ids(&[])).is_ok());
        assert!(check_photo_ids(field, &ids(&["a", "b", "c", "d"])).is_err());
        assert!(check_photo_ids(field, &ids(&["a", "a"])).is_err());
    }
}
