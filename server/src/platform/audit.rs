//! The append-only audit log: every staff action on opinions, units and the holiday calendar,
//! written inside the action's own transaction. Nothing here updates or deletes a row.

use crate::platform::db::Db;
use deputy_homes_api::opinions::handling::{AuditEntry, AuditPage, AuditQuery, PAGE_SIZE};
use sqlx::{Any, Row, Transaction};
use std::collections::BTreeMap;

/// One audit entry to write.
#[derive(Debug, Clone)]
pub struct Audit<'a> {
    /// The staff account that acted.
    pub actor: &'a str,
    pub at_ms: i64,
    /// e.g. `opinion.accept`.
    pub action: &'a str,
    /// A tracking number, `unit:<id>` or `holidays`.
    pub target: &'a str,
    pub details: BTreeMap<String, String>,
}

/// Writes an entry inside the caller's transaction, so it stands or falls with the action.
pub(crate) async fn audit_write(
    tx: &mut Transaction<'_, Any>,
    entry: &Audit<'_>,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (id, actor_account_id, at_ms, action, target, details, seq) \
         VALUES ($1, $2, $3, $4, $5, $6, (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log))",
    )
    .bind(crate::platform::ids::random_id())
    .bind(entry.actor)
    .bind(entry.at_ms)
    .bind(entry.action)
    .bind(entry.target)
    .bind(serde_json::to_string(&entry.details)?)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The audit log's filters given (target, actor), as a `WHERE` clause over `a` and its binds:
/// only the filters given go into the query, so each can use its index.
fn audit_filter(query: &AuditQuery) -> (String, Vec<&str>) {
    let target = query.target.as_deref().map(str::trim).unwrap_or_default();
    let actor = query.actor.as_deref().map(str::trim).unwrap_or_default();
    let mut clauses = Vec::new();
    let mut binds = Vec::new();
    for (column, value) in [("a.target", target), ("a.actor_account_id", actor)] {
        if !value.is_empty() {
            binds.push(value);
            clauses.push(format!("{column} = ${}", binds.len()));
        }
    }
    if clauses.is_empty() {
        (String::new(), binds)
    } else {
        (format!(" WHERE {}", clauses.join(" AND ")), binds)
    }
}

impl Db {
    /// The sequence number of the newest audit entry (0 when none): it moves with every entry.
    pub async fn audit_last_seq(&self) -> anyhow::Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM audit_log")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// How many entries the audit log's filters match.
    pub async fn audit_count(&self, query: &AuditQuery) -> anyhow::Result<u64> {
        let (filter, binds) = audit_filter(query);
        let count_sql = format!("SELECT COUNT(*) FROM audit_log a{filter}");
        let mut count = sqlx::query_scalar(&count_sql);
        for value in &binds {
            count = count.bind(*value);
        }
        let total: i64 = count.fetch_one(&self.pool).await?;
        Ok(u64::try_from(total)?)
    }

    /// A page of the audit log, newest first, filtered by target and actor, of `total` matches.
    pub async fn audit_list(
        &self,
        query: &AuditQuery,
        page: u32,
        total: u64,
    ) -> anyhow::Result<AuditPage> {
        let (filter, binds) = audit_filter(query);
        let offset = i64::from(page - 1) * i64::from(PAGE_SIZE);
        let sql = format!(
            "SELECT a.id, a.actor_account_id, COALESCE(c.display_name, '') AS actor_name, \
             a.at_ms, a.action, a.target, a.details \
             FROM audit_log a LEFT JOIN accounts c ON c.id = a.actor_account_id{filter} \
             ORDER BY a.at_ms DESC, a.seq DESC, a.id LIMIT {PAGE_SIZE} OFFSET {offset}"
        );
        let mut rows = sqlx::query(&sql);
        for value in &binds {
            rows = rows.bind(*value);
        }
        let rows = rows.fetch_all(&self.pool).await?;
        let items = rows
            .iter()
            .map(|row| {
                let details: String = row.try_get("details")?;
                Ok(AuditEntry {
                    id: row.try_get("id")?,
                    actor_account_id: row.try_get("actor_account_id")?,
                    actor_name: row.try_get("actor_name")?,
                    at_ms: row.try_get("at_ms")?,
                    action: row.try_get("action")?,
                    target: row.try_get("target")?,
                    details: serde_json::from_str(&details)?,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(AuditPage {
            items,
            total,
            page,
            page_size: PAGE_SIZE,
        })
    }
}
