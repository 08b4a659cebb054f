//! The time in Hohhot: now, from the browser's clock, and a moment as the pages write it.

use deputy_homes_api::platform::time::{shanghai_local, LocalTime, SHANGHAI_OFFSET_MINUTES};

/// Now, as a weekday and minute in Asia/Shanghai.
pub fn now_in_hohhot() -> LocalTime {
    shanghai_local(web_sys::js_sys::Date::now() as i64)
}

/// `YYYY-MM-DD HH:MM` in Hohhot.
pub fn local_time(ms: i64) -> String {
    let minutes = ms.div_euclid(60_000) + SHANGHAI_OFFSET_MINUTES;
    let date = deputy_homes_api::meetings::activity::format_date(minutes.div_euclid(1440));
    let minute = minutes.rem_euclid(1440);
    format!("{date} {:02}:{:02}", minute / 60, minute % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_in_hohhot() {
        // 2025-12-31 16:30 UTC is 2026-01-01 00:30 in Hohhot.
        assert_eq!(local_time(1_767_198_600_000), "2026-01-01 00:30");
    }
}
