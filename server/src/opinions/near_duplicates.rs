//! Near duplicates in the staff's queue: for each opinion on a page, the most similar earlier
//! opinion of the 90 days before it (character bigrams, see `deputy_homes_api::opinions::similarity`).

use crate::platform::db::Db;
use crate::platform::error::AppError;
use deputy_homes_api::opinions::handling::OpinionSummary;
use deputy_homes_api::opinions::similarity::{near_duplicate_of, NEAR_DUPLICATE_WINDOW_DAYS};

/// Fills `near_duplicate_of`: the most similar earlier opinion of the 90 days before each.
pub async fn mark_near_duplicates(db: &Db, items: &mut [OpinionSummary]) -> Result<(), AppError> {
    let window_ms = NEAR_DUPLICATE_WINDOW_DAYS * 86_400_000;
    let (Some(first), Some(last)) = (
        items.iter().map(|i| i.created_at_ms).min(),
        items.iter().map(|i| i.created_at_ms).max(),
    ) else {
        return Ok(());
    };
    let texts = db.opinion_texts(first - window_ms, last).await?;
    for item in items.iter_mut() {
        let Some(index) = texts.iter().position(|t| t.0 == item.tracking_number) else {
            continue;
        };
        let since = item.created_at_ms - window_ms;
        let earlier: Vec<(&str, &str)> = texts[..index]
            .iter()
            .filter(|t| t.1 >= since)
            .map(|t| (t.0.as_str(), t.2.as_str()))
            .collect();
        item.near_duplicate_of = near_duplicate_of(&texts[index].2, &earlier).map(str::to_owned);
    }
    Ok(())
}
