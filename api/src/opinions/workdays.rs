//! Working days in mainland China: Monday to Friday, minus public holidays, plus the official
//! make-up working days (调休) that fall on a weekend. Dates are day counts since 1970-01-01
//! (see [`crate::meetings::activity::days_from_civil`]). Due dates are a Hohhot date some
//! working days ahead, stored as the moment that day ends.

/// Whether a day count falls on a Saturday or Sunday (1970-01-01 was a Thursday).
pub fn is_weekend(day: i64) -> bool {
    // 0 = Monday … 6 = Sunday.
    let weekday = (day + 3).rem_euclid(7);
    weekday >= 5
}

/// Whether people work on `day`: a make-up working day always, a holiday never, otherwise
/// Monday to Friday.
pub fn is_working_day(day: i64, holidays: &[i64], extra_workdays: &[i64]) -> bool {
    if extra_workdays.contains(&day) {
        return true;
    }
    !holidays.contains(&day) && !is_weekend(day)
}

/// The `n`-th working day after `start` (`start` itself is not counted); `start` for `n == 0`.
/// A deadline of "60 working days from today" is `add_working_days(today, 60, …)`.
pub fn add_working_days(start: i64, n: u32, holidays: &[i64], extra_workdays: &[i64]) -> i64 {
    let mut day = start;
    let mut left = n;
    while left > 0 {
        day += 1;
        if is_working_day(day, holidays, extra_workdays) {
            left -= 1;
        }
    }
    day
}

/// The Hohhot day count (days since 1970-01-01) of a moment.
pub fn hohhot_day(ms: i64) -> i64 {
    (ms.div_euclid(60_000) + crate::platform::time::SHANGHAI_OFFSET_MINUTES).div_euclid(1440)
}

/// The moment a due day ends (midnight after it, Hohhot time): a reply before it is on time.
pub fn end_of_day_ms(day: i64) -> i64 {
    crate::meetings::activity::shanghai_ms(day + 1, 0)
}

/// The due day of a stored deadline (the inverse of [`end_of_day_ms`]).
pub fn due_day(deadline_ms: i64) -> i64 {
    hohhot_day(deadline_ms - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::activity::{days_from_civil, format_date};

    fn day(y: i64, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d)
    }

    #[test]
    fn weekends_are_saturday_and_sunday() {
        // 2026-05-09 is a Saturday, 2026-05-11 a Monday.
        assert!(is_weekend(day(2026, 5, 9)));
        assert!(is_weekend(day(2026, 5, 10)));
        assert!(!is_weekend(day(2026, 5, 11)));
        assert!(!is_weekend(day(1970, 1, 1)));
    }

    #[test]
    fn a_friday_plus_one_working_day_is_the_monday() {
        let friday = day(2026, 3, 13);
        assert_eq!(
            format_date(add_working_days(friday, 1, &[], &[])),
            "2026-03-16"
        );
        assert_eq!(
            format_date(add_working_days(friday, 5, &[], &[])),
            "2026-03-20"
        );
        assert_eq!(add_working_days(friday, 0, &[], &[]), friday);
    }

    #[test]
    fn holidays_are_skipped_and_make_up_days_are_counted() {
        // Labour Day 2026: 1–5 May off; Saturday 9 May is a make-up working day.
        let holidays: Vec<i64> = (1..=5).map(|d| day(2026, 5, d)).collect();
        let extra = [day(2026, 5, 9)];
        let thursday = day(2026, 4, 30);
        // Without the calendar: Fri 1 May.
        assert_eq!(
            format_date(add_working_days(thursday, 1, &[], &[])),
            "2026-05-01"
        );
        // With it: 1–5 May are off, so the first working day is Wed 6 May.
        assert_eq!(
            format_date(add_working_days(thursday, 1, &holidays, &extra)),
            "2026-05-06"
        );
        // 6, 7, 8, then Saturday 9 (make-up), then Monday 11.
        assert_eq!(
            format_date(add_working_days(thursday, 4, &holidays, &extra)),
            "2026-05-09"
        );
        assert_eq!(
            format_date(add_working_days(thursday, 5, &holidays, &extra)),
            "2026-05-11"
        );
        assert!(!is_working_day(day(2026, 5, 4), &holidays, &extra));
    }

    #[test]
    fn a_due_day_ends_at_hohhot_midnight_and_reads_back() {
        let day = days_from_civil(2026, 11, 30);
        let end = end_of_day_ms(day);
        assert_eq!(due_day(end), day);
        assert_eq!(hohhot_day(end - 1), day);
        assert_eq!(hohhot_day(end), day + 1);
    }
}
