//! What staff maintain for handling opinions: the handling units (承办单位) opinions are sent
//! to, and the calendar of public holidays and make-up working days (调休) that due dates count
//! around.

use crate::meetings::activity::parse_date;
use crate::platform::text::{check_text, Lines};
use crate::ApiError;
use serde::{Deserialize, Serialize};

/// Shortest unit name, in characters.
pub const MIN_UNIT_NAME_CHARS: usize = 2;
/// Longest unit name, in characters.
pub const MAX_UNIT_NAME_CHARS: usize = 40;
/// Longest name of a calendar day (e.g. `春节`), in characters.
pub const MAX_DAY_NAME_CHARS: usize = 20;

/// A handling unit (承办单位), e.g. 市住房和城乡建设局.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandlingUnit {
    /// Stable id; opinions refer to the unit by it.
    pub id: String,
    /// The unit's official name.
    pub name: String,
    /// Inactive units keep their history but take no new opinions.
    pub active: bool,
}

/// Body of `POST /api/units`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewUnit {
    /// 2 to 40 characters, unique among units.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 2, max_length = 40, pattern = "\\S[\\s\\S]*\\S")
    )]
    pub name: String,
}

crate::form_fields! {
    /// The fields of the holiday calendar and of a run of days added to it.
    pub enum HolidayField {
        /// The first day of a run.
        From = "from",
        /// The last day of a run.
        To = "to",
        /// The name of a run of days.
        Name = "name",
        /// A day's date in the calendar.
        DaysDate = "days.date",
        /// A day's name in the calendar.
        DaysName = "days.name",
    }
}

crate::form_fields! {
    /// The fields of a handling unit.
    pub enum UnitField {
        /// The unit's name.
        Name = "name",
    }
}

/// Body of `PUT /api/units/{id}`: what to change; an absent field stays as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitChange {
    /// The new name, 2 to 40 characters, unique
    /// among units.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 2, max_length = 40, pattern = "\\S[\\s\\S]*\\S")
    )]
    pub name: Option<String>,
    /// `false` to deactivate, `true` to take opinions again.
    #[serde(default)]
    pub active: Option<bool>,
}

/// Checks a unit's name (trimmed); the message names the limits.
pub fn validate_unit_name(name: &str) -> Result<(), ApiError> {
    check_text(UnitField::Name, name, Lines::One)?;
    let count = name.trim().chars().count();
    if !(MIN_UNIT_NAME_CHARS..=MAX_UNIT_NAME_CHARS).contains(&count) {
        return Err(ApiError::bad_parameter(
            UnitField::Name,
            format!("name must be {MIN_UNIT_NAME_CHARS} to {MAX_UNIT_NAME_CHARS} characters"),
        ));
    }
    Ok(())
}

/// Whether a calendar day is a day off or a make-up working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A public holiday: nobody works, even on a weekday.
    Holiday,
    /// A make-up working day (调休): people work, even on a weekend.
    Workday,
}

/// One day of the holiday calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarDay {
    /// `YYYY-MM-DD`, Hohhot's date.
    pub date: String,
    /// What the day is for, e.g. `春节` or `春节调休`: 1 to 20 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 20, pattern = "\\S")
    )]
    pub name: String,
    /// A day off or a make-up working day.
    pub kind: DayKind,
}

/// Answer of `GET /api/holidays` and body of `PUT /api/holidays` (which replaces the whole
/// calendar).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HolidayCalendar {
    /// Every listed day, in date order; days not listed follow the weekday rule.
    pub days: Vec<CalendarDay>,
}

impl HolidayCalendar {
    /// Checks every day (a real date, a name of 1 to 20 characters, each date once) and returns
    /// the holidays' and make-up days' day counts, in that order.
    pub fn validate(&self) -> Result<(Vec<i64>, Vec<i64>), ApiError> {
        let mut holidays = Vec::new();
        let mut workdays = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for day in &self.days {
            let date = parse_date(&day.date).ok_or_else(|| {
                ApiError::bad_parameter(
                    HolidayField::DaysDate,
                    format!("{} is not a YYYY-MM-DD date", day.date),
                )
            })?;
            if !seen.insert(date) {
                return Err(ApiError::bad_parameter(
                    HolidayField::DaysDate,
                    format!("{} is listed twice", day.date),
                ));
            }
            check_text(HolidayField::DaysName, &day.name, Lines::One)?;
            let name_chars = day.name.trim().chars().count();
            if name_chars == 0 || name_chars > MAX_DAY_NAME_CHARS {
                return Err(ApiError::bad_parameter(
                    HolidayField::DaysName,
                    format!("a day's name must be 1 to {MAX_DAY_NAME_CHARS} characters"),
                ));
            }
            match day.kind {
                DayKind::Holiday => holidays.push(date),
                DayKind::Workday => workdays.push(date),
            }
        }
        Ok((holidays, workdays))
    }
}

/// Longest run of days [`day_range`] adds at once (a holiday is at most a couple of weeks).
pub const MAX_RANGE_DAYS: i64 = 31;

/// Answer of `GET /api/holidays` and `PUT /api/holidays`: the calendar and what it lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HolidayCalendarView {
    /// Every listed day, in date order.
    pub days: Vec<CalendarDay>,
    /// Years that due dates set today may reach but that have no holiday listed: until staff
    /// add them, due dates count only weekends there, so they may come too early.
    pub missing_years: Vec<i64>,
    /// After a `PUT`: how many open due dates, set by the rule and not extended, were counted
    /// again on the new calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recomputed: Option<u32>,
}

/// The years with at least one holiday listed (every real year has 元旦).
pub fn covered_years(days: &[CalendarDay]) -> std::collections::BTreeSet<i64> {
    days.iter()
        .filter(|d| d.kind == DayKind::Holiday)
        .filter_map(|d| parse_date(&d.date))
        .map(|d| crate::meetings::activity::civil_from_days(d).0)
        .collect()
}

/// The years from `from_day` to `to_day` (day counts) that the calendar does not cover.
pub fn missing_years(days: &[CalendarDay], from_day: i64, to_day: i64) -> Vec<i64> {
    let covered = covered_years(days);
    let first = crate::meetings::activity::civil_from_days(from_day).0;
    let last = crate::meetings::activity::civil_from_days(to_day).0;
    (first..=last).filter(|y| !covered.contains(y)).collect()
}

/// The days from `from` to `to` (`YYYY-MM-DD`, both included; `to` empty for one day), each
/// with the same name and kind, e.g. the nine days of 春节. Checks the dates and the length.
pub fn day_range(
    from: &str,
    to: &str,
    name: &str,
    kind: DayKind,
) -> Result<Vec<CalendarDay>, ApiError> {
    let first = parse_date(from.trim()).ok_or_else(|| {
        ApiError::bad_parameter(
            HolidayField::From,
            format!("{from} is not a YYYY-MM-DD date"),
        )
    })?;
    let last = if to.trim().is_empty() {
        first
    } else {
        parse_date(to.trim()).ok_or_else(|| {
            ApiError::bad_parameter(HolidayField::To, format!("{to} is not a YYYY-MM-DD date"))
        })?
    };
    if last < first || last - first >= MAX_RANGE_DAYS {
        return Err(ApiError::bad_parameter(
            HolidayField::To,
            format!(
                "the last day must be on or after the first and at most {MAX_RANGE_DAYS} days on"
            ),
        ));
    }
    check_text(HolidayField::Name, name, Lines::One)?;
    let name_chars = name.trim().chars().count();
    if name_chars == 0 || name_chars > MAX_DAY_NAME_CHARS {
        return Err(ApiError::bad_parameter(
            HolidayField::Name,
            format!("a day's name must be 1 to {MAX_DAY_NAME_CHARS} characters"),
        ));
    }
    Ok((first..=last)
        .map(|d| CalendarDay {
            date: crate::meetings::activity::format_date(d),
            name: name.trim().to_owned(),
            kind,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(date: &str, kind: DayKind) -> CalendarDay {
        CalendarDay {
            date: date.into(),
            name: "劳动节".into(),
            kind,
        }
    }

    #[test]
    fn a_calendar_splits_into_holidays_and_make_up_days() {
        let calendar = HolidayCalendar {
            days: vec![
                day("2026-05-01", DayKind::Holiday),
                day("2026-05-09", DayKind::Workday),
            ],
        };
        let (holidays, workdays) = calendar.validate().unwrap();
        assert_eq!(
            holidays,
            vec![crate::meetings::activity::days_from_civil(2026, 5, 1)]
        );
        assert_eq!(
            workdays,
            vec![crate::meetings::activity::days_from_civil(2026, 5, 9)]
        );
    }

    #[test]
    fn bad_dates_repeated_dates_and_empty_names_are_refused() {
        let field = |days: Vec<CalendarDay>| {
            HolidayCalendar { days }
                .validate()
                .unwrap_err()
                .field_name()
                .map(str::to_owned)
        };
        assert_eq!(
            field(vec![day("2026-02-30", DayKind::Holiday)]).as_deref(),
            Some("days.date")
        );
        assert_eq!(
            field(vec![
                day("2026-05-01", DayKind::Holiday),
                day("2026-05-01", DayKind::Workday)
            ])
            .as_deref(),
            Some("days.date")
        );
        let unnamed = CalendarDay {
            name: " ".into(),
            ..day("2026-05-01", DayKind::Holiday)
        };
        assert_eq!(field(vec![unnamed]).as_deref(), Some("days.name"));
    }

    #[test]
    fn unit_names_are_2_to_40_characters() {
        assert!(validate_unit_name("市教育局").is_ok());
        assert!(validate_unit_name(" 局 ").is_err());
        assert!(validate_unit_name(&"局".repeat(41)).is_err());
    }

    #[test]
    fn a_year_without_holidays_is_missing() {
        let days = vec![
            day("2026-05-01", DayKind::Holiday),
            day("2027-02-06", DayKind::Workday),
        ];
        let from = crate::meetings::activity::days_from_civil(2026, 11, 28);
        let to = crate::meetings::activity::days_from_civil(2027, 3, 1);
        // A make-up day alone does not cover 2027.
        assert_eq!(missing_years(&days, from, to), vec![2027]);
        assert!(missing_years(&days, from, from).is_empty());
        let mut with_2027 = days.clone();
        with_2027.push(day("2027-01-01", DayKind::Holiday));
        assert!(missing_years(&with_2027, from, to).is_empty());
    }

    #[test]
    fn a_range_lists_each_day_once_within_a_month() {
        let spring = day_range("2026-02-15", "2026-02-23", " 春节 ", DayKind::Holiday).unwrap();
        assert_eq!(spring.len(), 9);
        assert_eq!(spring[0].date, "2026-02-15");
        assert_eq!(spring[8].date, "2026-02-23");
        assert!(spring.iter().all(|d| d.name == "春节"));
        assert_eq!(
            day_range("2026-02-14", "", "春节调休", DayKind::Workday)
                .unwrap()
                .len(),
            1
        );
        let field = |from, to, name| {
            day_range(from, to, name, DayKind::Holiday)
                .unwrap_err()
                .field_name()
                .map(str::to_owned)
        };
        assert_eq!(field("2026-02-30", "", "x").as_deref(), Some("from"));
        assert_eq!(
            field("2026-02-15", "2026-02-14", "x").as_deref(),
            Some("to")
        );
        assert_eq!(
            field("2026-01-01", "2026-02-01", "x").as_deref(),
            Some("to")
        );
        assert_eq!(
            field("2026-01-01", "2026-01-31", "").as_deref(),
            Some("name")
        );
        assert!(day_range("2026-01-01", "2026-01-31", "x", DayKind::Holiday).is_ok());
    }
}
