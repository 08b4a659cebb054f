//! Local time and dates in Hohhot. Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so a
//! fixed offset is exact for every date the app will see.

/// Offset of Asia/Shanghai from UTC, in minutes.
pub const SHANGHAI_OFFSET_MINUTES: i64 = 8 * 60;

/// A moment as a weekday (0 = Monday) and minute of the day in Asia/Shanghai.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub weekday: u8,
    pub minute: u16,
}

/// Converts milliseconds since the Unix epoch to Asia/Shanghai weekday and minute.
pub fn shanghai_local(unix_ms: i64) -> LocalTime {
    let minutes = unix_ms.div_euclid(60_000) + SHANGHAI_OFFSET_MINUTES;
    let days = minutes.div_euclid(1440);
    // 1970-01-01 was a Thursday, weekday 3 when Monday is 0.
    let weekday = (days + 3).rem_euclid(7) as u8;
    LocalTime {
        weekday,
        minute: minutes.rem_euclid(1440) as u16,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count (inverse of [`days_from_civil`]).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Reads `YYYY-MM-DD` as a day count, refusing dates that do not exist.
pub fn parse_date(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let days = days_from_civil(y, m, d);
    (civil_from_days(days) == (y, m, d)).then_some(days)
}

/// The weekday (0 = Monday) of a `YYYY-MM-DD` date.
pub fn weekday_of(date: &str) -> Option<usize> {
    parse_date(date).map(|days| (days + 3).rem_euclid(7) as usize)
}

/// Formats a day count as `YYYY-MM-DD`.
pub fn format_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Unix milliseconds of a local Hohhot date and minute of the day.
pub fn shanghai_ms(days: i64, minute: u16) -> i64 {
    (days * 1440 + i64::from(minute) - SHANGHAI_OFFSET_MINUTES) * 60_000
}

/// A moment (milliseconds since the Unix epoch) as `YYYY-MM-DD HH:MM` in Hohhot, as pages
/// write it.
pub fn local_time(unix_ms: i64) -> String {
    let minutes = unix_ms.div_euclid(60_000) + SHANGHAI_OFFSET_MINUTES;
    let date = format_date(minutes.div_euclid(1440));
    let minute = minutes.rem_euclid(1440);
    format!("{date} {:02}:{:02}", minute / 60, minute % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_in_hohhot() {
        // 2025-12-31 16:30 UTC is 2026-01-01 00:30 in Hohhot.
        assert_eq!(local_time(1_767_198_600_000), "2026-01-01 00:30");
    }

    #[test]
    fn the_epoch_was_thursday_eight_in_the_morning_in_hohhot() {
        assert_eq!(
            shanghai_local(0),
            LocalTime {
                weekday: 3,
                minute: 8 * 60
            }
        );
    }

    #[test]
    fn late_sunday_evening_utc_is_already_monday_in_hohhot() {
        // 2026-11-29 (a Sunday) 17:30 UTC is Monday 01:30 in Hohhot.
        let ms = 1_795_973_400_000;
        assert_eq!(
            shanghai_local(ms),
            LocalTime {
                weekday: 0,
                minute: 90
            }
        );
    }
}
