//! Hourly limits, counted in the database (`opinion_counters`) so every server shares them. Each
//! counter is named for what it counts, whom, and the clock hour it counts in
//! (`<prefix>:<subject>:<hour>`); it is bumped only during that hour, so once the hour is over
//! it is never read again and housekeeping deletes it.
//!
//! A counter's subject is a [`Subject`], made only from checked parts (a hash, an account's id,
//! a well-formed tracking number), never from what a caller wrote: a path segment of 3,000
//! characters once made a counter name too long for PostgreSQL's index, a 500.
//!
//! Limits over a sliding window (text-message codes, booking changes) keep one row per event
//! instead and ask [`wait_before_next`] how long until one more fits.

use sha2::{Digest, Sha256};

/// Whom a counter counts: built only from checked parts, so its name is short and plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject(String);

impl Subject {
    /// The SHA-256 (hex) of a value that must not be stored plainly: an address, a phone.
    pub fn hashed(value: &str) -> Subject {
        Subject(
            Sha256::digest(value.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        )
    }

    /// A signed-in account, by its id (read from its session, not from the request).
    pub fn account(account_id: &str) -> Subject {
        Subject(account_id.to_owned())
    }

    /// A tracking number as typed, if it is one (see `parse_tracking_number`).
    pub fn tracking_number(typed: &str) -> Option<Subject> {
        deputy_homes_api::opinions::parse_tracking_number(typed).map(Subject)
    }
}

/// What an hourly counter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HourlyCounter {
    /// Opinions sent from one client address (hashed).
    OpinionsFromAddress,
    /// Opinions sent with one phone number (hashed).
    OpinionsFromPhone,
    /// Photos uploaded from one client address (hashed).
    PhotosFromAddress,
    /// Failed look-ups of one opinion, by its tracking number: its status page or rating asked
    /// for without its private token or its phone's session.
    FailedLookups,
    /// Failed look-ups of opinions (by tracking number or private token) from one client address
    /// (hashed).
    FailedLookupsFromAddress,
    /// Citizens' phones revealed by one staff account.
    PhoneReveals,
    /// Livelihood-project proposals and supports with one phone number (hashed).
    ProjectWritesFromPhone,
    /// Livelihood-project proposals and supports from one client address (hashed).
    ProjectWritesFromAddress,
}

impl HourlyCounter {
    /// Every kind, for housekeeping.
    pub const ALL: [HourlyCounter; 8] = [
        HourlyCounter::OpinionsFromAddress,
        HourlyCounter::OpinionsFromPhone,
        HourlyCounter::PhotosFromAddress,
        HourlyCounter::FailedLookups,
        HourlyCounter::FailedLookupsFromAddress,
        HourlyCounter::PhoneReveals,
        HourlyCounter::ProjectWritesFromPhone,
        HourlyCounter::ProjectWritesFromAddress,
    ];

    /// The first part of the counter's name.
    pub fn prefix(self) -> &'static str {
        match self {
            HourlyCounter::OpinionsFromAddress => "ip",
            HourlyCounter::OpinionsFromPhone => "phone",
            HourlyCounter::PhotosFromAddress => "photo-ip",
            HourlyCounter::FailedLookups => "lookup",
            HourlyCounter::FailedLookupsFromAddress => "lookup-ip",
            HourlyCounter::PhoneReveals => "reveal",
            HourlyCounter::ProjectWritesFromPhone => "project-phone",
            HourlyCounter::ProjectWritesFromAddress => "project-ip",
        }
    }

    /// The counter of `subject` in the clock hour `hour` (hours since the epoch).
    pub fn name(self, subject: &Subject, hour: i64) -> String {
        format!("{}:{}:{hour}", self.prefix(), subject.0)
    }
}

/// The clock hour `now` falls in (hours since the epoch) and the seconds until it ends.
pub fn hour_window(now_ms: i64) -> (i64, i64) {
    let hour = now_ms.div_euclid(3_600_000);
    let left_ms = (hour + 1) * 3_600_000 - now_ms;
    (hour, (left_ms + 999) / 1000)
}

/// The moment the clock hour of `now` began.
pub fn hour_start_ms(now_ms: i64) -> i64 {
    now_ms.div_euclid(3_600_000) * 3_600_000
}

/// How long until one more may happen under `limits` (each a window in ms and the most inside
/// it), given the times of those that happened (oldest first), or `None` when one may now.
pub fn wait_before_next(times: &[i64], limits: &[(i64, usize)], now_ms: i64) -> Option<i64> {
    limits
        .iter()
        .filter_map(|&(window, most)| {
            let inside: Vec<i64> = times
                .iter()
                .copied()
                .filter(|t| *t > now_ms - window)
                .collect();
            // The oldest send that must leave the window before another fits in it.
            (inside.len() >= most).then(|| inside[inside.len() - most] + window - now_ms)
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_hour_window_ends_on_the_hour() {
        assert_eq!(hour_window(3_600_000), (1, 3600));
        assert_eq!(hour_window(7_199_001), (1, 1));
        assert_eq!(hour_start_ms(7_199_001), 3_600_000);
    }

    #[test]
    fn counters_are_named_by_kind_subject_and_hour() {
        assert_eq!(
            HourlyCounter::PhoneReveals.name(&Subject::account("acc1"), 493_000),
            "reveal:acc1:493000"
        );
        let tracking = Subject::tracking_number(" yj20261128-0042 ").expect("a tracking number");
        assert_eq!(
            HourlyCounter::FailedLookups.name(&tracking, 1),
            "lookup:YJ20261128-0042:1"
        );
        for typed in [
            "",
            "YJ2026112-0042",
            "YJ20261128-042",
            "XX20261128-0042",
            "YJ20261128-0042-1",
        ] {
            assert_eq!(Subject::tracking_number(typed), None, "{typed:?}");
        }
        assert_eq!(Subject::tracking_number(&"9".repeat(3000)), None);
        assert_eq!(Subject::hashed("1.2.3.4").0.len(), 64);
        let prefixes: Vec<&str> = HourlyCounter::ALL.iter().map(|c| c.prefix()).collect();
        assert_eq!(
            prefixes,
            [
                "ip",
                "phone",
                "photo-ip",
                "lookup",
                "lookup-ip",
                "reveal",
                "project-phone",
                "project-ip"
            ]
        );
    }
}
