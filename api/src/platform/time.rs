//! Local time in Hohhot. Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so a
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

#[cfg(test)]
mod tests {
    use super::*;

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
