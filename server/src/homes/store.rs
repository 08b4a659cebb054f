//! Queries on the homes register.

use crate::platform::db::Db;
use anyhow::Context;
use deputy_homes_api::{District, Facility, Home, HomeType, WeeklyHours};
use sqlx::any::AnyRow;
use sqlx::Row;

const HOME_COLUMNS: &str =
    "id, name_zh, name_en, home_type, district, street, address, lat, lon, phone, \
     hours, facilities, description_zh, description_en, name_mn, address_mn";

/// Where the register came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterMeta {
    pub sample: bool,
    pub source_name: String,
    pub imported_at_ms: i64,
}

fn home_from_row(row: &AnyRow) -> anyhow::Result<Home> {
    let id: String = row.try_get("id")?;
    let context = || format!("home {id} in the database is malformed");
    let home_type: String = row.try_get("home_type")?;
    let district: String = row.try_get("district")?;
    let hours: String = row.try_get("hours")?;
    let facilities: String = row.try_get("facilities")?;
    Ok(Home {
        name_zh: row.try_get("name_zh")?,
        name_en: row.try_get("name_en")?,
        home_type: HomeType::from_code(&home_type).with_context(context)?,
        district: District::from_code(&district).with_context(context)?,
        street: row.try_get("street")?,
        address: row.try_get("address")?,
        lat: row.try_get("lat")?,
        lon: row.try_get("lon")?,
        phone: row.try_get("phone")?,
        hours: serde_json::from_str::<WeeklyHours>(&hours).with_context(context)?,
        facilities: serde_json::from_str::<Vec<Facility>>(&facilities).with_context(context)?,
        description_zh: row.try_get("description_zh")?,
        description_en: row.try_get("description_en")?,
        name_mn: row.try_get("name_mn")?,
        address_mn: row.try_get("address_mn")?,
        id,
    })
}

impl Db {
    /// Every home, in register order.
    pub async fn homes_all(&self) -> anyhow::Result<Vec<Home>> {
        let rows = sqlx::query(&format!(
            "SELECT {HOME_COLUMNS} FROM homes ORDER BY position"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(home_from_row).collect()
    }

    /// Number of homes in the register.
    pub async fn homes_count(&self) -> anyhow::Result<usize> {
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM homes")
            .fetch_one(&self.pool)
            .await?;
        Ok(usize::try_from(count).unwrap_or_default())
    }

    /// Where the register came from, if one was ever imported.
    pub async fn register_meta(&self) -> anyhow::Result<Option<RegisterMeta>> {
        let row = sqlx::query(
            "SELECT sample, source_name, imported_at_ms FROM register_meta WHERE id = 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(RegisterMeta {
                sample: r.try_get::<i64, _>("sample")? != 0,
                source_name: r.try_get("source_name")?,
                imported_at_ms: r.try_get("imported_at_ms")?,
            })
        })
        .transpose()
    }

    /// The token of the register's current version, if one was ever imported.
    pub async fn register_revision(&self) -> anyhow::Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT revision FROM register_meta WHERE id = 1")
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Replaces the whole register in one transaction: readers see the old register or the new
    /// one, never a mix, and a failure leaves the old one in place.
    pub async fn replace_register(
        &self,
        homes: &[Home],
        meta: &RegisterMeta,
    ) -> anyhow::Result<()> {
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM homes").execute(&mut *tx).await?;
        for (position, home) in homes.iter().enumerate() {
            sqlx::query(&format!(
                "INSERT INTO homes (position, {HOME_COLUMNS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
            ))
            .bind(i64::try_from(position)?)
            .bind(&home.id)
            .bind(&home.name_zh)
            .bind(&home.name_en)
            .bind(home.home_type.code())
            .bind(home.district.code())
            .bind(&home.street)
            .bind(&home.address)
            .bind(home.lat)
            .bind(home.lon)
            .bind(&home.phone)
            .bind(serde_json::to_string(&home.hours)?)
            .bind(serde_json::to_string(&home.facilities)?)
            .bind(&home.description_zh)
            .bind(&home.description_en)
            .bind(&home.name_mn)
            .bind(&home.address_mn)
            .execute(&mut *tx)
            .await
            .with_context(|| format!("cannot store home {}", home.id))?;
        }
        if !meta.sample {
            // Sample activities and opinions go with the sample register, first, since they
            // point at the demonstration accounts.
            crate::sample::store::delete_sample_data(&mut tx).await?;
            // The demonstration accounts come with sample data and go with it: the official
            // register is not served with a published password (their sessions go too).
            sqlx::query("DELETE FROM accounts WHERE demo <> 0")
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM register_meta")
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO register_meta (id, sample, source_name, imported_at_ms, revision) VALUES (1, $1, $2, $3, $4)",
        )
        .bind(i64::from(meta.sample))
        .bind(&meta.source_name)
        .bind(meta.imported_at_ms)
        .bind(new_revision(meta.imported_at_ms))
        .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A token unique to one import: its time and 64 random bits.
fn new_revision(imported_at_ms: i64) -> String {
    use std::hash::{BuildHasher, RandomState};
    let random = RandomState::new().hash_one(imported_at_ms);
    format!("{imported_at_ms}-{random:016x}")
}
