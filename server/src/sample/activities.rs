//! Invented activities at the homes, within their opening hours, with their delegates on duty,
//! bookings (seated, waitlisted, cancelled, checked in once held) and reception records.

use crate::sample::store::Rows;
use crate::sample::texts;
use crate::sample::Plan;
use deputy_homes_api::homes::hours::format_clock;
use deputy_homes_api::meetings::activity::{format_date, shanghai_ms, ActivityKind};
use deputy_homes_api::meetings::booking::CODE_ALPHABET;
use deputy_homes_api::Home;
use rand::rngs::StdRng;
use rand::Rng;

const ACTIVITY_COLUMNS: &[&str] = &[
    "id",
    "home_id",
    "kind",
    "local_date",
    "start_clock",
    "end_clock",
    "starts_at_ms",
    "ends_at_ms",
    "capacity",
    "topic",
    "series_id",
    "created_by",
    "created_at_ms",
    "booked_count",
    "sample",
];
const BOOKING_COLUMNS: &[&str] = &[
    "id",
    "code",
    "activity_id",
    "seq",
    "status",
    "name",
    "phone",
    "topic",
    "access_needs",
    "created_at_ms",
    "updated_at_ms",
    "checked_in_at_ms",
    "checked_in_by",
];
const RECORD_COLUMNS: &[&str] = &[
    "activity_id",
    "raised",
    "follow_up",
    "booking_codes",
    "written_by",
    "created_at_ms",
    "updated_at_ms",
];

/// A home that holds sample activities, and the delegate on duty there.
#[derive(Debug, Clone)]
pub struct Venue<'a> {
    pub home: &'a Home,
    pub delegate: String,
}

/// The rows of one batch of activities.
#[derive(Debug, Clone)]
pub struct ActivityRows {
    pub activities: Rows,
    pub duty: Rows,
    pub bookings: Rows,
    pub records: Rows,
}

/// What numbers the next batch starts from, so ids, codes and phones never repeat.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counters {
    pub activities: usize,
    pub bookings: usize,
}

/// Makes `count` activities over the plan's days at these venues, with `bookings` bookings
/// between them.
pub fn batch(
    plan: &Plan,
    venues: &[Venue<'_>],
    (count, bookings): (usize, usize),
    next: &mut Counters,
    rng: &mut StdRng,
) -> ActivityRows {
    let mut rows = ActivityRows {
        activities: Rows::new("activities", ACTIVITY_COLUMNS),
        duty: Rows::new("activity_duty", &["activity_id", "account_id"]),
        bookings: Rows::new("bookings", BOOKING_COLUMNS),
        records: Rows::new("reception_records", RECORD_COLUMNS),
    };
    let per_activity = bookings / count.max(1);
    let mut left_over = bookings - per_activity * count;
    for _ in 0..count {
        let Some((venue, slot)) = pick_slot(plan, venues, rng) else {
            continue;
        };
        let mut wanted = per_activity;
        if left_over > 0 {
            wanted += 1;
            left_over -= 1;
        }
        next.activities += 1;
        let id = format!("sample-a{}-{}", plan.seed, next.activities);
        let kind = pick_kind(rng);
        let topics = texts::activity_topics(kind);
        // Most have seats to spare; some fill up and keep a waitlist.
        let capacity = ((wanted as f64 * rng.gen_range(0.9..1.5)) as i64).max(5);
        let mut seated = 0;
        for seq in 1..=wanted {
            seated += add_booking(
                plan,
                &mut rows.bookings,
                (&id, seq, capacity),
                (venue, &slot),
                next,
                rng,
            );
        }
        rows.activities.push(vec![
            id.clone().into(),
            venue.home.id.as_str().into(),
            kind.code().into(),
            format_date(slot.day).into(),
            format_clock(slot.start).into(),
            format_clock(slot.end).into(),
            slot.starts_at_ms().into(),
            slot.ends_at_ms().into(),
            capacity.into(),
            topics[rng.gen_range(0..topics.len())].into(),
            id.clone().into(),
            venue.delegate.as_str().into(),
            (slot.starts_at_ms() - rng.gen_range(3..15) * DAY_MS).into(),
            seated.into(),
            1.into(),
        ]);
        rows.duty
            .push(vec![id.clone().into(), venue.delegate.as_str().into()]);
        if kind == ActivityKind::Reception && slot.ends_at_ms() < plan.now_ms && rng.gen_bool(0.6) {
            rows.records.push(vec![
                id.into(),
                "居民集中反映停车难、老旧小区改造和养老助餐等问题。".into(),
                "已整理为意见建议，转交有关部门办理并跟踪反馈。".into(),
                "[]".into(),
                venue.delegate.as_str().into(),
                slot.ends_at_ms().into(),
                slot.ends_at_ms().into(),
            ]);
        }
    }
    rows
}

const DAY_MS: i64 = 86_400_000;

/// A day and clock span at one home.
#[derive(Debug, Clone, Copy)]
struct Slot {
    day: i64,
    start: u16,
    end: u16,
}

impl Slot {
    fn starts_at_ms(&self) -> i64 {
        shanghai_ms(self.day, self.start)
    }

    fn ends_at_ms(&self) -> i64 {
        shanghai_ms(self.day, self.end)
    }
}

/// A venue and a span of up to two hours inside one of its opening ranges, on a day of the
/// plan; `None` when no venue is open on the days tried.
fn pick_slot<'v, 'h>(
    plan: &Plan,
    venues: &'v [Venue<'h>],
    rng: &mut StdRng,
) -> Option<(&'v Venue<'h>, Slot)> {
    for _ in 0..50 {
        let venue = &venues[rng.gen_range(0..venues.len())];
        let day = rng.gen_range(plan.activity_days.0..=plan.activity_days.1);
        // 1970-01-01 was a Thursday (weekday 3 when Monday is 0).
        let weekday = (day + 3).rem_euclid(7) as usize;
        let ranges: Vec<_> = venue.home.hours.days[weekday]
            .iter()
            .filter(|r| !r.crosses_midnight() && r.end >= r.start + 60)
            .collect();
        if ranges.is_empty() {
            continue;
        }
        let range = ranges[rng.gen_range(0..ranges.len())];
        let length = (range.end - range.start).min(120);
        let latest_start = (range.end - length - range.start) / 30;
        let start = range.start + 30 * rng.gen_range(0..=latest_start);
        return Some((
            venue,
            Slot {
                day,
                start,
                end: start + length,
            },
        ));
    }
    None
}

fn pick_kind(rng: &mut StdRng) -> ActivityKind {
    match rng.gen_range(0..10) {
        0..=4 => ActivityKind::Reception,
        5 | 6 => ActivityKind::VoterMeeting,
        7 => ActivityKind::DutyReport,
        8 => ActivityKind::Training,
        _ => ActivityKind::ConvenienceService,
    }
}

/// Adds one booking; returns 1 when it holds a seat.
fn add_booking(
    plan: &Plan,
    bookings: &mut Rows,
    (activity_id, seq, capacity): (&str, usize, i64),
    (venue, slot): (&Venue<'_>, &Slot),
    next: &mut Counters,
    rng: &mut StdRng,
) -> i64 {
    next.bookings += 1;
    let n = next.bookings;
    let created = slot.starts_at_ms() - rng.gen_range(1..10 * 24) * 3_600_000;
    let (status, seated) = if rng.gen_bool(0.05) {
        ("cancelled", 0)
    } else if seq as i64 > capacity {
        ("waitlisted", 0)
    } else {
        ("booked", 1)
    };
    let held = slot.ends_at_ms() < plan.now_ms;
    let checked_in = (held && seated == 1 && rng.gen_bool(0.75))
        .then(|| slot.starts_at_ms() + rng.gen_range(0..30) * 60_000);
    // Bookings of activities past the retention period are kept anonymised, as housekeeping
    // leaves them.
    let erased = slot.ends_at_ms() < plan.personal_data_before_ms();
    let person = |text: String| if erased { String::new() } else { text };
    bookings.push(vec![
        format!("sample-b{}-{n}", plan.seed).into(),
        booking_code(plan.first_code + n).into(),
        activity_id.into(),
        (seq as i64).into(),
        status.into(),
        person(texts::citizen_name(n)).into(),
        // Phones repeat across activities (people come back) but never within one.
        person(texts::citizen_phone(n % 200_000)).into(),
        person(texts::BOOKING_TOPICS[n % texts::BOOKING_TOPICS.len()].to_owned()).into(),
        "[]".into(),
        created.into(),
        created.into(),
        checked_in.into(),
        checked_in.map(|_| venue.delegate.clone()).into(),
    ]);
    seated
}

/// The booking code of a number: a bijection of 0..25⁶ onto the codes, so distinct numbers
/// give distinct codes that do not look consecutive.
pub fn booking_code(n: usize) -> String {
    const CODES: u64 = 25u64.pow(6);
    // Prime to 25, so multiplying permutes the residues.
    let mut x = (n as u64 % CODES * 48_271 + 12_345) % CODES;
    let mut code = [0u8; 6];
    for c in code.iter_mut().rev() {
        *c = CODE_ALPHABET[(x % 25) as usize];
        x /= 25;
    }
    String::from_utf8_lossy(&code).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn booking_codes_of_distinct_numbers_are_distinct_and_well_formed() {
        let codes: HashSet<String> = (0..200_000).map(booking_code).collect();
        assert_eq!(codes.len(), 200_000);
        assert!(codes
            .iter()
            .all(|c| deputy_homes_api::meetings::booking::is_code(c)));
    }
}
