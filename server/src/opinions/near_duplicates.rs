//! Near duplicates: for an opinion, the most similar earlier opinion of the 90 days before it
//! (character bigrams, see `deputy_homes_api::opinions::similarity`), among all opinions (for
//! staff) and among those of its own home (for the home's delegates, who may not see others).
//! They are found once, when the opinion is submitted, and stored; an opinion stored before
//! that (an upgraded database) is compared the first time a page shows it.

use crate::opinions::store::queue::{OpinionText, StoredNearDuplicates};
use crate::platform::db::Db;
use crate::platform::error::AppError;
use deputy_homes_api::opinions::handling::OpinionSummary;
use deputy_homes_api::opinions::similarity::{near_duplicate_of, NEAR_DUPLICATE_WINDOW_DAYS};

/// Compares an opinion with the earlier ones of its window and stores what it finds.
pub async fn find_near_duplicates(
    db: &Db,
    tracking_number: &str,
    created_at_ms: i64,
) -> Result<StoredNearDuplicates, AppError> {
    let window_ms = NEAR_DUPLICATE_WINDOW_DAYS * 86_400_000;
    let texts = db
        .opinion_texts(created_at_ms - window_ms, created_at_ms)
        .await?;
    let tracking = tracking_number.to_owned();
    // Comparing with a few thousand texts is work for a blocking thread, not the async ones.
    let found = tokio::task::spawn_blocking(move || compare(&texts, &tracking))
        .await
        .map_err(anyhow::Error::from)?;
    db.opinion_near_duplicates_store(tracking_number, &found)
        .await?;
    Ok(found)
}

/// The most similar of the texts before `tracking_number`'s own, overall and at its home.
fn compare(texts: &[OpinionText], tracking_number: &str) -> StoredNearDuplicates {
    let Some(index) = texts
        .iter()
        .position(|t| t.tracking_number == tracking_number)
    else {
        return StoredNearDuplicates::default();
    };
    let me = &texts[index];
    let earlier = |same_home: bool| -> Vec<(&str, &str)> {
        texts[..index]
            .iter()
            .filter(|t| !same_home || (me.home_id.is_some() && t.home_id == me.home_id))
            .map(|t| (t.tracking_number.as_str(), t.text.as_str()))
            .collect()
    };
    StoredNearDuplicates {
        of: near_duplicate_of(&me.text, &earlier(false)).map(str::to_owned),
        at_home_of: near_duplicate_of(&me.text, &earlier(true)).map(str::to_owned),
    }
}

/// Fills `near_duplicate_of` from what is stored (finding it first for an opinion never
/// compared): for a delegate's list (`at_home`), the one of the opinion's own home only.
pub async fn mark_near_duplicates(
    db: &Db,
    items: &mut [OpinionSummary],
    at_home: bool,
) -> Result<(), AppError> {
    let numbers: Vec<&str> = items.iter().map(|i| i.tracking_number.as_str()).collect();
    let mut stored = db.opinions_near_duplicates(&numbers).await?;
    for item in items.iter_mut() {
        let found = match stored.remove(&item.tracking_number) {
            Some(found) => found,
            None => find_near_duplicates(db, &item.tracking_number, item.created_at_ms).await?,
        };
        item.near_duplicate_of = if at_home { found.at_home_of } else { found.of };
    }
    Ok(())
}
