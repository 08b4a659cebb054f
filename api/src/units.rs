//! What staff maintain for handling opinions: the handling units (承办单位) opinions are sent
//! to, and the calendar of public holidays and make-up working days (调休) that due dates count
//! around.

use crate::activity::parse_date;
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
    pub name: String,
}

/// Body of `PUT /api/units/{id}`: what to change; an absent field stays as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitChange {
    /// The new name, 2 to 40 characters, unique among units.
    #[serde(default)]
    pub name: Option<String>,
    /// `false` to deactivate, `true` to take opinions again.
    #[serde(default)]
    pub active: Option<bool>,
}

/// Checks a unit's name (trimmed); the message names the limits.
pub fn validate_unit_name(name: &str) -> Result<(), ApiError> {
    let count = name.trim().chars().count();
    if !(MIN_UNIT_NAME_CHARS..=MAX_UNIT_NAME_CHARS).contains(&count) {
        return Err(ApiError::bad_parameter(
            "name",
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
    /// What the day is for, e.g. `春节` or `春节调休`.
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
                    "days.date",
                    format!("{} is not a YYYY-MM-DD date", day.date),
                )
            })?;
            if !seen.insert(date) {
                return Err(ApiError::bad_parameter(
                    "days.date",
                    format!("{} is listed twice", day.date),
                ));
            }
            let name_chars = day.name.trim().chars().count();
            if name_chars == 0 || name_chars > MAX_DAY_NAME_CHARS {
                return Err(ApiError::bad_parameter(
                    "days.name",
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
        assert_eq!(holidays, vec![crate::activity::days_from_civil(2026, 5, 1)]);
        assert_eq!(workdays, vec![crate::activity::days_from_civil(2026, 5, 9)]);
    }

    #[test]
    fn bad_dates_repeated_dates_and_empty_names_are_refused() {
        let field = |days: Vec<CalendarDay>| HolidayCalendar { days }.validate().unwrap_err().field;
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
}
