//! What an opinion's text message quotes, read inside the step's transaction so it is the new
//! state: the due date as it stands.

use crate::opinions::store::queue::due_date_text;
use crate::platform::db::Tx;

/// The opinion's due date as it stands in the transaction, `YYYY-MM-DD`.
pub(crate) async fn due_date_of(tx: &mut Tx, opinion_id: &str) -> anyhow::Result<String> {
    let due_at_ms: Option<i64> = sqlx::query_scalar("SELECT due_at_ms FROM opinions WHERE id = $1")
        .bind(opinion_id)
        .fetch_one(&mut **tx)
        .await?;
    due_date_text(due_at_ms)
        .ok_or_else(|| anyhow::anyhow!("opinion {opinion_id} has no due date after its step"))
}
