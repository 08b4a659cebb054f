//! Sample data beside the sample register: the living sample a first start makes (activities
//! over the next four weeks at a third of the homes, about 60 opinions along the handling
//! chain) and, from the same generator, five years of a city for benchmarks (`generate`).
//! Deterministic for a seed; every row is marked `sample` and the official register's import
//! deletes it. Rows are written with multi-row inserts in one transaction, not through the API.

pub mod activities;
pub mod opinions;
pub mod store;
pub mod texts;

use crate::platform::auth::password;
use crate::platform::db::Db;
use crate::platform::ids::random_token;
use deputy_homes_api::accounts::Role;
use deputy_homes_api::opinions::workdays::hohhot_day;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use store::Rows;

const DAY_MS: i64 = 86_400_000;
/// Activities written per batch (their bookings with them).
const ACTIVITY_BATCH: usize = 1_000;
/// Opinions written per batch (their events, units and audit entries with them).
const OPINION_BATCH: usize = 2_000;

/// How much sample data to make, over which days.
#[derive(Debug, Clone)]
pub struct Plan {
    pub seed: u64,
    pub now_ms: i64,
    /// Usernames start with this (`sample`, `scale`).
    pub prefix: &'static str,
    /// The share of the homes that hold activities.
    pub home_share: f64,
    /// One delegate per home (else one delegate for them all).
    pub delegate_per_home: bool,
    pub activities: usize,
    /// The first and last Hohhot day (days since 1970-01-01) activities fall on.
    pub activity_days: (i64, i64),
    pub bookings: usize,
    pub opinions: usize,
    /// Opinions are submitted between these moments (milliseconds).
    pub opinion_span: (i64, i64),
    /// More opinions of late than long ago, so a small sample has some at every step.
    pub recent_bias: bool,
    /// Working days an assigned opinion has for its reply.
    pub due_working_days: u32,
    /// Personal data older than this many days is stored erased, as housekeeping leaves it.
    pub retention_days: u32,
    /// Booking codes are those of the numbers after this one.
    pub first_code: usize,
}

impl Plan {
    /// The living sample for newcomers.
    pub fn living(now_ms: i64, due_working_days: u32, retention_days: u32) -> Plan {
        let today = hohhot_day(now_ms);
        Plan {
            seed: 1,
            now_ms,
            prefix: "sample",
            home_share: 1.0 / 3.0,
            delegate_per_home: false,
            activities: 72,
            activity_days: (today + 1, today + 28),
            bookings: 150,
            opinions: 60,
            opinion_span: (now_ms - 150 * DAY_MS, now_ms - 3_600_000),
            recent_bias: true,
            due_working_days,
            retention_days,
            first_code: 0,
        }
    }

    /// Five years of a city at `scale` (1.0: 20,000 activities, 500,000 bookings, 100,000
    /// opinions), up to four weeks ahead.
    pub fn at_scale(scale: f64, now_ms: i64, due_working_days: u32, retention_days: u32) -> Plan {
        let today = hohhot_day(now_ms);
        let times = |n: f64| (n * scale).round() as usize;
        Plan {
            seed: 2,
            now_ms,
            prefix: "scale",
            home_share: 1.0,
            delegate_per_home: true,
            activities: times(20_000.0),
            activity_days: (today - 5 * 365, today + 28),
            bookings: times(500_000.0),
            opinions: times(100_000.0),
            opinion_span: (now_ms - 5 * 365 * DAY_MS, now_ms - 3_600_000),
            recent_bias: false,
            due_working_days,
            retention_days,
            first_code: 1_000_000,
        }
    }

    /// When the `i`th of the plan's opinions is submitted, `jitter` (0 to 1) into its share.
    fn submitted_at(&self, i: usize, jitter: f64) -> i64 {
        let (start, end) = self.opinion_span;
        let mut fraction = (i as f64 + jitter) / self.opinions.max(1) as f64;
        if self.recent_bias {
            // Ages shrink as cubes: a quarter within the last 3 days of 150.
            fraction = 1.0 - (1.0 - fraction).powi(3);
        }
        start + ((end - start) as f64 * fraction) as i64
    }

    /// Personal data of uses that ended before this moment is erased.
    pub fn personal_data_before_ms(&self) -> i64 {
        self.now_ms - i64::from(self.retention_days) * DAY_MS
    }
}

/// What was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Made {
    pub activities: usize,
    pub bookings: usize,
    pub opinions: usize,
    pub events: usize,
    pub audit_entries: usize,
}

/// Makes the living sample, once, when the register in place is the sample register; `None`
/// when it is official or the sample was made before (by an earlier start or another server).
pub async fn create_living_sample(db: &Db, plan: &Plan) -> anyhow::Result<Option<Made>> {
    generate(db, plan, true).await
}

/// Makes the plan's sample data beside the sample register; refused on an official register.
pub async fn create_at_scale(db: &Db, plan: &Plan) -> anyhow::Result<Made> {
    if !db.register_meta().await?.is_some_and(|m| m.sample) {
        anyhow::bail!("sample data is made only beside the sample register");
    }
    generate(db, plan, false)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the register changed while generating"))
}

async fn generate(db: &Db, plan: &Plan, once: bool) -> anyhow::Result<Option<Made>> {
    let homes = db.homes_all().await?;
    let calendar = db.work_calendar().await?;
    // Nobody knows this password: the sample's accounts only sign the rows they made.
    let password_hash = password::hash(random_token()).await?;
    let mut tx = db.begin().await?;
    let claimed = store::claim_living_sample(&mut tx, plan.now_ms).await?;
    if once && (!claimed || store::sample_rows_exist(&mut tx).await?) {
        tx.commit().await?;
        return Ok(None);
    }
    if homes.is_empty() {
        anyhow::bail!("there are no homes to make sample data at");
    }
    let mut rng = StdRng::seed_from_u64(plan.seed);
    let mut shuffled: Vec<_> = homes.iter().collect();
    shuffled.shuffle(&mut rng);
    let venue_count = ((homes.len() as f64 * plan.home_share).ceil() as usize).max(1);
    let staff = format!("{}-{}-staff", plan.prefix, plan.seed);
    let mut accounts = Rows::new("accounts", ACCOUNT_COLUMNS);
    let mut account_homes = Rows::new("account_homes", &["account_id", "home_id"]);
    let mut account = |id: &str, username: String, name: &str, role: Role| {
        accounts.push(vec![
            id.into(),
            username.into(),
            name.into(),
            role.code().into(),
            password_hash.as_str().into(),
            1.into(),
            plan.now_ms.into(),
        ]);
    };
    account(
        &staff,
        format!("{}-staff", plan.prefix),
        "示例工作人员（示例数据）",
        Role::Staff,
    );
    let venues: Vec<activities::Venue<'_>> = shuffled[..venue_count.min(homes.len())]
        .iter()
        .map(|home| {
            let who = if plan.delegate_per_home {
                home.id.as_str()
            } else {
                "delegate"
            };
            activities::Venue {
                home,
                delegate: format!("{}-{}-{who}", plan.prefix, plan.seed),
            }
        })
        .collect();
    let mut delegates: Vec<&str> = venues.iter().map(|v| v.delegate.as_str()).collect();
    delegates.dedup();
    for delegate in &delegates {
        let username = delegate.replacen(&format!("-{}-", plan.seed), "-", 1);
        account(delegate, username, "示例代表（示例数据）", Role::Delegate);
    }
    for venue in &venues {
        account_homes.push(vec![
            venue.delegate.as_str().into(),
            venue.home.id.as_str().into(),
        ]);
    }
    store::insert_all(&mut tx, db.backend(), &accounts).await?;
    store::insert_all(&mut tx, db.backend(), &account_homes).await?;
    let mut made = Made::default();
    let mut next = activities::Counters::default();
    let mut left = (plan.activities, plan.bookings);
    while left.0 > 0 {
        let count = left.0.min(ACTIVITY_BATCH);
        let bookings = left.1 * count / left.0;
        left = (left.0 - count, left.1 - bookings);
        let rows = activities::batch(plan, &venues, (count, bookings), &mut next, &mut rng);
        made.activities += rows.activities.rows.len();
        made.bookings += rows.bookings.rows.len();
        for table in [&rows.activities, &rows.duty, &rows.bookings, &rows.records] {
            store::insert_all(&mut tx, db.backend(), table).await?;
        }
    }
    let home_ids: Vec<String> = homes.iter().map(|h| h.id.clone()).collect();
    let unit_ids = store::active_unit_ids(&mut tx).await?;
    if unit_ids.is_empty() {
        anyhow::bail!("there is no active handling unit to assign sample opinions to");
    }
    let before = store::day_counters(&mut tx).await?;
    let mut context = opinions::Context {
        home_ids: &home_ids,
        unit_ids: &unit_ids,
        calendar: &calendar,
        staff: &staff,
        day_counters: before.clone(),
        next_audit_seq: store::last_audit_seq(&mut tx).await?,
        made: 0,
    };
    let mut done = 0;
    while done < plan.opinions {
        let count = (plan.opinions - done).min(OPINION_BATCH);
        let submitted: Vec<i64> = (done..done + count)
            .map(|i| plan.submitted_at(i, rng.gen()))
            .collect();
        let rows = opinions::batch(plan, &mut context, &submitted, &mut rng)?;
        done += count;
        made.opinions += rows.opinions.rows.len();
        made.events += rows.events.rows.len();
        made.audit_entries += rows.audit.rows.len();
        for table in [&rows.opinions, &rows.events, &rows.units, &rows.audit] {
            store::insert_all(&mut tx, db.backend(), table).await?;
        }
    }
    let raised: Vec<(String, i64)> = context
        .day_counters
        .into_iter()
        .filter(|(name, value)| before.get(name) != Some(value))
        .collect();
    store::raise_day_counters(&mut tx, &raised, plan.now_ms).await?;
    crate::opinions::store::revision::opinions_changed(&mut tx).await?;
    crate::platform::data_revisions::activities_changed(&mut tx).await?;
    tx.commit().await?;
    Ok(Some(made))
}

const ACCOUNT_COLUMNS: &[&str] = &[
    "id",
    "username",
    "display_name",
    "role",
    "password_hash",
    "demo",
    "created_at_ms",
];
