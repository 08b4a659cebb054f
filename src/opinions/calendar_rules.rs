//! What the staff's holiday-calendar page decides without drawing anything: adding a run of
//! days to the working copy, grouping it by year, and the weekday of a date.

use deputy_homes_api::meetings::activity::{civil_from_days, parse_date};
use deputy_homes_api::opinions::units::CalendarDay;

/// Adds `new` days to the calendar, kept in date order. Refuses (naming the first such date)
/// when a date is already listed: staff remove it first, so nothing is overwritten by accident.
pub fn add_days(days: &[CalendarDay], new: Vec<CalendarDay>) -> Result<Vec<CalendarDay>, String> {
    if let Some(taken) = new.iter().find(|n| days.iter().any(|d| d.date == n.date)) {
        return Err(taken.date.clone());
    }
    let mut all: Vec<CalendarDay> = days.iter().cloned().chain(new).collect();
    all.sort_by(|a, b| a.date.cmp(&b.date));
    Ok(all)
}

/// The days grouped by year, newest year first (the one being entered is usually the latest);
/// each year's days in date order.
pub fn by_year(days: &[CalendarDay]) -> Vec<(i64, Vec<CalendarDay>)> {
    let mut years: Vec<(i64, Vec<CalendarDay>)> = Vec::new();
    for day in days {
        let Some(count) = parse_date(&day.date) else {
            continue;
        };
        let year = civil_from_days(count).0;
        match years.iter_mut().find(|(y, _)| *y == year) {
            Some((_, list)) => list.push(day.clone()),
            None => years.push((year, vec![day.clone()])),
        }
    }
    for (_, list) in years.iter_mut() {
        list.sort_by(|a, b| a.date.cmp(&b.date));
    }
    years.sort_by_key(|y| std::cmp::Reverse(y.0));
    years
}

/// Monday = 0 … Sunday = 6, for a `YYYY-MM-DD` date.
pub fn weekday(date: &str) -> Option<usize> {
    parse_date(date).map(|d| (d + 3).rem_euclid(7) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::opinions::units::{day_range, DayKind};

    fn day(date: &str, kind: DayKind) -> CalendarDay {
        CalendarDay {
            date: date.into(),
            name: "x".into(),
            kind,
        }
    }

    #[test]
    fn added_days_keep_date_order_and_never_overwrite() {
        let days = vec![day("2026-10-01", DayKind::Holiday)];
        let spring = day_range("2027-02-06", "2027-02-08", "春节", DayKind::Holiday).unwrap();
        let added = add_days(&days, spring).unwrap();
        let dates: Vec<&str> = added.iter().map(|d| d.date.as_str()).collect();
        assert_eq!(
            dates,
            ["2026-10-01", "2027-02-06", "2027-02-07", "2027-02-08"]
        );
        let again = day_range("2027-02-08", "2027-02-09", "春节", DayKind::Holiday).unwrap();
        assert_eq!(add_days(&added, again), Err("2027-02-08".to_owned()));
        let earlier = add_days(&added, vec![day("2026-01-01", DayKind::Holiday)]).unwrap();
        assert_eq!(earlier[0].date, "2026-01-01");
    }

    #[test]
    fn years_come_newest_first_with_their_days_in_order() {
        let days = vec![
            day("2026-10-01", DayKind::Holiday),
            day("2027-01-01", DayKind::Holiday),
            day("2026-02-14", DayKind::Workday),
        ];
        let years = by_year(&days);
        assert_eq!(years.len(), 2);
        assert_eq!(years[0].0, 2027);
        assert_eq!(years[1].0, 2026);
        assert_eq!(years[1].1[0].date, "2026-02-14");
        assert!(by_year(&[]).is_empty());
    }

    #[test]
    fn weekdays_count_from_monday() {
        assert_eq!(weekday("2026-11-30"), Some(0), "a Monday");
        assert_eq!(weekday("2026-02-14"), Some(5), "a Saturday");
        assert_eq!(weekday("2026-02-30"), None);
    }
}
