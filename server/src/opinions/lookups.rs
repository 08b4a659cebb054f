//! How often an opinion may be looked up in vain: its status page or its rating asked for
//! without its private token or its phone's session. Failures are limited per record and per
//! client address per clock hour, counted and compared in the look-up's own transaction
//! (`store::lookups`), so requests sent together are counted one by one on every server.
//!
//! Tokens are random and sessions need a text code, so no failure guesses anything that could
//! succeed; the limits stop anyone from probing which tracking numbers exist, or from trying
//! many tokens, and bound the work of a flood. A citizen who mistypes nothing never fails.

use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::platform::rate_limits::{hour_window, HourlyCounter, Subject};

/// Failed look-ups of one opinion per hour before its look-ups are refused for the rest of the
/// hour. Its owner never fails, so 10 leave room for a stale link or two while a flood of
/// guesses is cut off; its private link is not limited per record (see [`FailedLookups::of`]).
pub const MAX_FAILED_LOOKUPS_PER_RECORD: i64 = 10;

/// Failed look-ups from one client address per hour (over all opinions): above one record's, so
/// that one caller can try a few records, and low enough that probing tracking numbers or
/// tokens gets nowhere. Many citizens behind one carrier address rarely fail at all.
pub const MAX_FAILED_LOOKUPS_PER_ADDRESS: i64 = 30;

/// The counters one look-up counts in, this hour.
#[derive(Debug, Clone)]
pub struct FailedLookups {
    /// `(counter, most)`, the record's first (the order every look-up takes them in).
    pub limits: Vec<(String, i64)>,
    pub retry_after_secs: i64,
}

impl FailedLookups {
    /// The counters of a look-up from `ip`, of the record `record` when it names one (by
    /// tracking number; a look-up by private token names none).
    pub fn of(record: Option<&Subject>, ip: &ClientIp, now_ms: i64) -> FailedLookups {
        let (hour, retry_after_secs) = hour_window(now_ms);
        let mut limits = Vec::with_capacity(2);
        if let Some(record) = record {
            limits.push((
                HourlyCounter::FailedLookups.name(record, hour),
                MAX_FAILED_LOOKUPS_PER_RECORD,
            ));
        }
        limits.push((
            HourlyCounter::FailedLookupsFromAddress
                .name(&Subject::hashed(&ip.limit_subject()), hour),
            MAX_FAILED_LOOKUPS_PER_ADDRESS,
        ));
        FailedLookups {
            limits,
            retry_after_secs,
        }
    }

    /// The 429 for a look-up refused because `counter` is at its limit.
    pub fn refused(&self, counter: &str) -> AppError {
        let whom = if counter.starts_with(&format!("{}:", HourlyCounter::FailedLookups.prefix())) {
            "this tracking number"
        } else {
            "this address"
        };
        AppError::Limited {
            message: format!(
                "too many failed look-ups of {whom} this hour; try again in {} s",
                self.retry_after_secs
            ),
            retry_after_secs: self.retry_after_secs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_look_up_counts_for_its_record_first_then_for_its_address() {
        let ip = ClientIp("203.0.113.7".parse().expect("an address"));
        let record = Subject::tracking_number("YJ20261128-0042").expect("a tracking number");
        let both = FailedLookups::of(Some(&record), &ip, 3_600_000 + 1_000);
        let names: Vec<&str> = both.limits.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[0], "lookup:YJ20261128-0042:1");
        assert!(names[1].starts_with("lookup-ip:") && names[1].ends_with(":1"));
        assert!(!names[1].contains("203.0.113.7"), "the address is hashed");
        assert_eq!(both.retry_after_secs, 3599);
        let by_token = FailedLookups::of(None, &ip, 0);
        assert_eq!(by_token.limits.len(), 1);
        for (counter, whom) in [(names[0], "tracking number"), (names[1], "address")] {
            let AppError::Limited { message, .. } = both.refused(counter) else {
                panic!("a 429");
            };
            assert!(message.contains(whom), "{message}");
        }
    }
}
