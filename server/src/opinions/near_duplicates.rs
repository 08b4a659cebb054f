//! Near duplicates in the staff's queue: for each opinion on a page, the most similar earlier
//! opinion of the 90 days before it (character bigrams, see `deputy_homes_api::opinions::similarity`).

use crate::opinions::store::queue::OpinionText;
use crate::platform::db::Db;
use crate::platform::error::AppError;
use deputy_homes_api::opinions::handling::OpinionSummary;
use deputy_homes_api::opinions::similarity::{near_duplicate_of, NEAR_DUPLICATE_WINDOW_DAYS};

/// Fills `near_duplicate_of`: the most similar earlier opinion of the 90 days before each;
/// with `homes` (a delegate's), only opinions raised at those homes are compared, as the
/// delegate may not see the others.
pub async fn mark_near_duplicates(
    db: &Db,
    items: &mut [OpinionSummary],
    homes: Option<&[String]>,
) -> Result<(), AppError> {
    let window_ms = NEAR_DUPLICATE_WINDOW_DAYS * 86_400_000;
    let (Some(first), Some(last)) = (
        items.iter().map(|i| i.created_at_ms).min(),
        items.iter().map(|i| i.created_at_ms).max(),
    ) else {
        return Ok(());
    };
    let visible = |t: &OpinionText| {
        homes.is_none_or(|homes| t.home_id.as_ref().is_some_and(|h| homes.contains(h)))
    };
    let texts: Vec<OpinionText> = db
        .opinion_texts(first - window_ms, last)
        .await?
        .into_iter()
        .filter(visible)
        .collect();
    for item in items.iter_mut() {
        let Some(index) = texts
            .iter()
            .position(|t| t.tracking_number == item.tracking_number)
        else {
            continue;
        };
        let since = item.created_at_ms - window_ms;
        let earlier: Vec<(&str, &str)> = texts[..index]
            .iter()
            .filter(|t| t.created_at_ms >= since)
            .map(|t| (t.tracking_number.as_str(), t.text.as_str()))
            .collect();
        item.near_duplicate_of = near_duplicate_of(&texts[index].text, &earlier).map(str::to_owned);
    }
    Ok(())
}
