//! Due dates: a Hohhot date `n` working days ahead, stored as the moment that day ends.

use deputy_homes_api::opinions::workdays::add_working_days;
use deputy_homes_api::platform::time::SHANGHAI_OFFSET_MINUTES;

use crate::opinions::store::WorkCalendar;

/// The Hohhot day count (days since 1970-01-01) of a moment.
pub fn hohhot_day(ms: i64) -> i64 {
    (ms.div_euclid(60_000) + SHANGHAI_OFFSET_MINUTES).div_euclid(1440)
}

/// The moment a due day ends (midnight after it, Hohhot time): a reply before it is on time.
pub fn end_of_day_ms(day: i64) -> i64 {
    deputy_homes_api::meetings::activity::shanghai_ms(day + 1, 0)
}

/// The due day of a stored deadline (the inverse of [`end_of_day_ms`]).
pub fn due_day(deadline_ms: i64) -> i64 {
    hohhot_day(deadline_ms - 1)
}

/// The day `n` working days after `day`, by the calendar.
pub fn working_days_after(day: i64, n: u32, calendar: &WorkCalendar) -> i64 {
    add_working_days(day, n, &calendar.holidays, &calendar.workdays)
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::meetings::activity::days_from_civil;

    #[test]
    fn a_due_day_ends_at_hohhot_midnight_and_reads_back() {
        let day = days_from_civil(2026, 11, 30);
        let end = end_of_day_ms(day);
        assert_eq!(due_day(end), day);
        assert_eq!(hohhot_day(end - 1), day);
        assert_eq!(hohhot_day(end), day + 1);
    }
}
