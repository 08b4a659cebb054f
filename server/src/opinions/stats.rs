//! Figures over every opinion, computed from the rows the database gives (`db::StatsRow`).

use crate::opinions::store::StatsRow;
use deputy_homes_api::opinions::board::{
    median, share, NamedCount, OpinionStats, Rating, Satisfaction, UnitScore,
};
use deputy_homes_api::opinions::{Category, OpinionStatus};
use std::collections::BTreeMap;

const DAY_MS: f64 = 86_400_000.0;

fn counts<K: Ord>(keys: impl Iterator<Item = K>) -> BTreeMap<K, u64> {
    let mut map = BTreeMap::new();
    for key in keys {
        *map.entry(key).or_default() += 1;
    }
    map
}

/// One unit's figures as they are gathered.
#[derive(Default)]
struct UnitTally {
    name: String,
    assigned: u64,
    replied: u64,
    on_time: u64,
    days: Vec<f64>,
    ratings: Vec<Rating>,
}

/// The Hohhot year an opinion was submitted in.
fn year_of(row: &StatsRow) -> i64 {
    deputy_homes_api::meetings::activity::civil_from_days(
        deputy_homes_api::opinions::workdays::hohhot_day(row.created_at_ms),
    )
    .0
}

/// The statistics of one year (or of all) as made once per data revision (`stats_cache`): all
/// but the count of overdue opinions, which moves with the clock and is counted per request
/// from the sorted due times of the open ones.
#[derive(Debug)]
pub struct Figures {
    stats: OpinionStats,
    open_due_ms: Vec<i64>,
}

impl Figures {
    /// The figures of the opinions submitted in `year` (all when `None`).
    pub fn new(all: &[StatsRow], year: Option<i64>, per_home: bool) -> Figures {
        let mut open_due_ms: Vec<i64> = all
            .iter()
            .filter(|r| year.is_none_or(|y| year_of(r) == y))
            .filter(|r| {
                matches!(
                    r.status,
                    OpinionStatus::Assigned | OpinionStatus::Acknowledged
                )
            })
            .filter_map(|r| r.due_at_ms)
            .collect();
        open_due_ms.sort_unstable();
        Figures {
            stats: compute_for(all, year, per_home, i64::MIN),
            open_due_ms,
        }
    }

    /// The figures at `now_ms`.
    pub fn at(&self, now_ms: i64) -> OpinionStats {
        let mut stats = self.stats.clone();
        stats.overdue = self.open_due_ms.partition_point(|due| *due <= now_ms) as u64;
        stats
    }
}

/// The statistics at `now_ms` of the opinions submitted in `year` (all when `None`); with
/// `per_home`, also the counts per home (staff's figures).
pub fn compute_for(
    all: &[StatsRow],
    year: Option<i64>,
    per_home: bool,
    now_ms: i64,
) -> OpinionStats {
    let mut years: Vec<i64> = all.iter().map(year_of).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let rows: Vec<StatsRow> = all
        .iter()
        .filter(|r| year.is_none_or(|y| year_of(r) == y))
        .cloned()
        .collect();
    let mut stats = compute(&rows, now_ms);
    stats.year = year;
    stats.years = years;
    if per_home {
        let by_home = counts(rows.iter().filter_map(|r| r.home_id.as_deref()));
        let mut by_home: Vec<NamedCount> = by_home
            .into_iter()
            .filter_map(|(h, n)| named(h, Some(&n)))
            .collect();
        by_home.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        stats.by_home = by_home;
    }
    stats
}

/// The statistics of these opinions at `now_ms`.
pub fn compute(rows: &[StatsRow], now_ms: i64) -> OpinionStats {
    let by_status = counts(rows.iter().map(|r| r.status.code()));
    let by_category = counts(rows.iter().map(|r| r.category.code()));
    let by_district = counts(rows.iter().map(|r| r.district.map_or("none", |d| d.code())));
    let replied: Vec<&StatsRow> = rows.iter().filter(|r| r.replied_at_ms.is_some()).collect();
    let on_time = |r: &StatsRow| match (r.replied_at_ms, r.due_at_ms) {
        (Some(replied), Some(due)) => replied <= due,
        _ => false,
    };
    let days: Vec<f64> = replied
        .iter()
        .filter_map(|r| Some((r.replied_at_ms? - r.created_at_ms) as f64 / DAY_MS))
        .collect();
    let ratings: Vec<Rating> = rows.iter().filter_map(|r| r.rating).collect();
    let mut units: BTreeMap<String, UnitTally> = BTreeMap::new();
    for row in rows {
        for (id, name, assigned_at) in &row.units {
            let tally = units.entry(id.clone()).or_default();
            tally.name.clone_from(name);
            tally.assigned += 1;
            if let Some(replied_at) = row.replied_at_ms {
                tally.replied += 1;
                tally.on_time += u64::from(on_time(row));
                tally.days.push((replied_at - assigned_at) as f64 / DAY_MS);
            }
            tally.ratings.extend(row.rating);
        }
    }
    let mut units: Vec<UnitScore> = units
        .into_iter()
        .map(|(unit_id, t)| UnitScore {
            unit_id,
            on_time_share: share(t.on_time, t.replied),
            median_days_to_reply: median(&t.days),
            satisfaction: Satisfaction::of(&t.ratings),
            name: t.name,
            assigned: t.assigned,
            replied: t.replied,
        })
        .collect();
    units.sort_by(|a, b| a.name.cmp(&b.name));
    OpinionStats {
        total: rows.len() as u64,
        by_status: OpinionStatus::ALL
            .iter()
            .filter_map(|s| named(s.code(), by_status.get(s.code())))
            .collect(),
        by_category: Category::ALL
            .iter()
            .filter_map(|c| named(c.code(), by_category.get(c.code())))
            .collect(),
        by_district: by_district
            .iter()
            .filter_map(|(d, n)| named(d, Some(n)))
            .collect(),
        overdue: rows
            .iter()
            .filter(|r| {
                matches!(
                    r.status,
                    OpinionStatus::Assigned | OpinionStatus::Acknowledged
                ) && r.due_at_ms.is_some_and(|due| due <= now_ms)
            })
            .count() as u64,
        median_days_to_reply: median(&days),
        on_time_share: share(
            replied.iter().filter(|r| on_time(r)).count() as u64,
            replied.len() as u64,
        ),
        satisfaction: Satisfaction::of(&ratings),
        units,
        year: None,
        years: Vec::new(),
        by_home: Vec::new(),
    }
}

fn named(key: &str, count: Option<&u64>) -> Option<NamedCount> {
    count.map(|n| NamedCount {
        key: key.to_owned(),
        count: *n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::District;

    const DAY: i64 = 86_400_000;

    fn row(status: OpinionStatus, replied_day: Option<i64>, rating: Option<Rating>) -> StatsRow {
        StatsRow {
            status,
            category: Category::Transport,
            district: Some(District::Xincheng),
            home_id: Some("xc-01".into()),
            created_at_ms: 0,
            replied_at_ms: replied_day.map(|d| d * DAY),
            due_at_ms: Some(10 * DAY),
            rating,
            units: vec![("u1".into(), "市交通运输局".into(), DAY)],
        }
    }

    #[test]
    fn figures_of_a_small_known_set() {
        let rows = [
            row(OpinionStatus::Rated, Some(5), Some(Rating::Satisfied)),
            row(OpinionStatus::Replied, Some(12), None),
            row(OpinionStatus::Assigned, None, None),
        ];
        let stats = compute(&rows, 11 * DAY);
        assert_eq!(stats.total, 3);
        assert_eq!(stats.overdue, 1);
        assert_eq!(stats.median_days_to_reply, Some(8.5));
        assert_eq!(stats.on_time_share, Some(0.5));
        assert_eq!(stats.satisfaction.rated, 1);
        let unit = &stats.units[0];
        assert_eq!((unit.assigned, unit.replied), (3, 2));
        assert_eq!(unit.median_days_to_reply, Some(7.5));
        assert_eq!(stats.by_district[0].key, "xincheng");
    }

    #[test]
    fn a_year_limits_the_figures_and_staff_get_counts_per_home() {
        // 2026-12-31 23:00 and 2027-01-01 01:00 in Hohhot (UTC+8).
        let late_2026 = deputy_homes_api::meetings::activity::shanghai_ms(
            deputy_homes_api::meetings::activity::days_from_civil(2026, 12, 31),
            23 * 60,
        );
        let early_2027 = late_2026 + 2 * 3_600_000;
        let mut rows = vec![
            row(OpinionStatus::Submitted, None, None),
            row(OpinionStatus::Submitted, None, None),
            row(OpinionStatus::Submitted, None, None),
        ];
        rows[0].created_at_ms = late_2026;
        rows[1].created_at_ms = early_2027;
        rows[2].created_at_ms = early_2027;
        rows[2].home_id = Some("hm-01".into());
        let all = compute_for(&rows, None, false, early_2027);
        assert_eq!((all.total, all.year), (3, None));
        assert_eq!(all.years, vec![2027, 2026]);
        assert!(all.by_home.is_empty(), "the public gets no per-home counts");
        let y2026 = compute_for(&rows, Some(2026), true, early_2027);
        assert_eq!((y2026.total, y2026.year), (1, Some(2026)));
        assert_eq!(y2026.years, vec![2027, 2026], "every year stays choosable");
        let y2027 = compute_for(&rows, Some(2027), true, early_2027);
        assert_eq!(y2027.total, 2);
        let homes: Vec<(&str, u64)> = y2027
            .by_home
            .iter()
            .map(|n| (n.key.as_str(), n.count))
            .collect();
        assert_eq!(homes, [("hm-01", 1), ("xc-01", 1)]);
        assert_eq!(compute_for(&rows, Some(2025), true, early_2027).total, 0);
    }
}
