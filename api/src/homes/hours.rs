//! Opening hours per weekday, and whether a home is open at a given local time.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Minutes in a day.
pub const DAY_MINUTES: u16 = 24 * 60;

/// One opening interval of a day, in minutes after local midnight. When `end <= start` the
/// interval runs past midnight and ends on the next day (an evening session until 01:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRange {
    pub start: u16,
    pub end: u16,
}

/// Why a time range could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeRangeError(pub String);

impl fmt::Display for TimeRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn parse_clock(text: &str) -> Option<u16> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    match (h, m) {
        (24, 0) => Some(DAY_MINUTES),
        (0..=23, 0..=59) => Some(h * 60 + m),
        _ => None,
    }
}

/// Formats minutes after midnight as `HH:MM` (24:00 for the end of the day).
pub fn format_clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl TimeRange {
    /// Reads `HH:MM-HH:MM`.
    pub fn parse(text: &str) -> Result<TimeRange, TimeRangeError> {
        let bad = || TimeRangeError(format!("{text:?} is not a time range like 08:30-17:30"));
        let (a, b) = text.trim().split_once('-').ok_or_else(bad)?;
        let start = parse_clock(a.trim())
            .filter(|m| *m < DAY_MINUTES)
            .ok_or_else(bad)?;
        let end = parse_clock(b.trim()).ok_or_else(bad)?;
        if start == end {
            return Err(TimeRangeError(format!(
                "{text:?} opens and closes at the same time"
            )));
        }
        Ok(TimeRange { start, end })
    }

    /// Whether the range runs past midnight into the next day.
    pub fn crosses_midnight(self) -> bool {
        self.end <= self.start
    }
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            format_clock(self.start),
            format_clock(self.end % DAY_MINUTES.max(1))
        )
    }
}

impl Serialize for TimeRange {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeRange {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        TimeRange::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The week's hours, Monday first; an empty day is closed. On the wire it is what
/// `#[serde(transparent)]` makes it: seven lists of `HH:MM-HH:MM` ranges, with no `days` key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WeeklyHours {
    /// Seven lists of `HH:MM-HH:MM` ranges, Monday first.
    pub days: [Vec<TimeRange>; 7],
}

/// The schema says what the JSON is (seven lists of ranges), which the derive would not: it
/// does not follow `#[serde(transparent)]` and described an object with a `days` key.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for WeeklyHours {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
        let range = ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(TIME_RANGE_PATTERN))
            .description(Some(
                "`HH:MM-HH:MM`, local time; an end at or before the start runs past midnight",
            ))
            .examples(["08:30-12:00"]);
        let day = ArrayBuilder::new()
            .items(range)
            .description(Some("One day's opening ranges; empty when closed"));
        ArrayBuilder::new()
            .items(day)
            .min_items(Some(7))
            .max_items(Some(7))
            .description(Some(
                "The week's opening hours: seven lists of ranges, Monday first",
            ))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for WeeklyHours {}

/// The form of one time range on the wire, as a regular expression for the OpenAPI schema.
pub const TIME_RANGE_PATTERN: &str =
    "^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$";

/// Whether a place is open now, and until or from when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenStatus {
    /// Open; closes at this minute of the day (`end` of the running range).
    OpenUntil(u16),
    /// Closed; opens again on this weekday (0 = Monday) at this minute, if ever this week.
    ClosedUntil { weekday: u8, minute: u16 },
    /// Never open.
    AlwaysClosed,
}

impl OpenStatus {
    /// Whether, closed at `minute` of `weekday`, it opens again later that same day (rather than
    /// on a later day, or a week on).
    pub fn opens_later_today(self, weekday: u8, minute: u16) -> bool {
        matches!(self, OpenStatus::ClosedUntil { weekday: day, minute: at } if day == weekday && at > minute)
    }
}

impl WeeklyHours {
    /// Reads one day's cell of the register: empty for closed, or ranges joined by `|`.
    pub fn parse_day(cell: &str) -> Result<Vec<TimeRange>, TimeRangeError> {
        let cell = cell.trim();
        if cell.is_empty() {
            return Ok(Vec::new());
        }
        cell.split('|').map(TimeRange::parse).collect()
    }

    /// Formats one day back into the register's cell form.
    pub fn format_day(ranges: &[TimeRange]) -> String {
        ranges
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("|")
    }

    /// The open range covering `minute` of `weekday` (0 = Monday), if any, including a range
    /// that began the evening before and runs past midnight.
    fn range_at(&self, weekday: u8, minute: u16) -> Option<TimeRange> {
        let today = &self.days[usize::from(weekday % 7)];
        let yesterday = &self.days[usize::from((weekday + 6) % 7)];
        today
            .iter()
            .copied()
            .find(|r| minute >= r.start && (r.crosses_midnight() || minute < r.end))
            .or_else(|| {
                yesterday
                    .iter()
                    .copied()
                    .find(|r| r.crosses_midnight() && minute < r.end)
            })
    }

    /// Whether the place is open at `minute` of `weekday` (0 = Monday), local time.
    pub fn is_open_at(&self, weekday: u8, minute: u16) -> bool {
        self.range_at(weekday, minute).is_some()
    }

    /// Open-or-closed with the next change, for "open now until 17:30" or "opens Mon 08:30".
    pub fn status_at(&self, weekday: u8, minute: u16) -> OpenStatus {
        if let Some(range) = self.range_at(weekday, minute) {
            return OpenStatus::OpenUntil(range.end % DAY_MINUTES);
        }
        for offset in 0..8u8 {
            let day = (weekday + offset) % 7;
            let next = self.days[usize::from(day)]
                .iter()
                .filter(|r| offset > 0 || r.start > minute)
                .map(|r| r.start)
                .min();
            if let Some(start) = next {
                return OpenStatus::ClosedUntil {
                    weekday: day,
                    minute: start,
                };
            }
        }
        OpenStatus::AlwaysClosed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(cells: [&str; 7]) -> WeeklyHours {
        WeeklyHours {
            days: cells.map(|c| WeeklyHours::parse_day(c).unwrap()),
        }
    }

    const MON: u8 = 0;
    const TUE: u8 = 1;
    const SAT: u8 = 5;
    const SUN: u8 = 6;

    fn at(h: u16, m: u16) -> u16 {
        h * 60 + m
    }

    #[test]
    fn an_office_day_is_open_inside_its_ranges_and_closed_at_lunch() {
        let w = week(["08:30-12:00|14:30-17:30", "", "", "", "", "", ""]);
        assert!(!w.is_open_at(MON, at(8, 29)));
        assert!(w.is_open_at(MON, at(8, 30)));
        assert!(
            !w.is_open_at(MON, at(12, 0)),
            "the end minute is already closed"
        );
        assert!(!w.is_open_at(MON, at(13, 0)));
        assert!(w.is_open_at(MON, at(17, 29)));
        assert_eq!(
            w.status_at(MON, at(13, 0)),
            OpenStatus::ClosedUntil {
                weekday: MON,
                minute: at(14, 30)
            }
        );
    }

    #[test]
    fn a_range_past_midnight_keeps_the_place_open_into_the_next_day() {
        let w = week(["", "", "", "", "", "19:00-01:00", ""]);
        assert!(w.is_open_at(SAT, at(23, 59)));
        assert!(
            w.is_open_at(SUN, at(0, 30)),
            "Saturday's session runs into Sunday"
        );
        assert!(!w.is_open_at(SUN, at(1, 0)));
        assert!(
            !w.is_open_at(SAT, at(0, 30)),
            "nothing ran into Saturday from Friday"
        );
        assert_eq!(w.status_at(SUN, at(0, 30)), OpenStatus::OpenUntil(at(1, 0)));
    }

    #[test]
    fn sunday_night_runs_into_monday() {
        let w = week(["", "", "", "", "", "", "22:00-02:00"]);
        assert!(w.is_open_at(MON, at(1, 59)));
        assert!(!w.is_open_at(TUE, at(1, 0)));
    }

    #[test]
    fn a_closed_day_says_when_it_opens_next() {
        let w = week(["09:00-17:00", "", "", "", "", "", ""]);
        assert!(!w.is_open_at(SUN, at(10, 0)));
        assert_eq!(
            w.status_at(SUN, at(10, 0)),
            OpenStatus::ClosedUntil {
                weekday: MON,
                minute: at(9, 0)
            }
        );
        // After closing on Monday the next opening is a week later, on Monday again.
        assert_eq!(
            w.status_at(MON, at(18, 0)),
            OpenStatus::ClosedUntil {
                weekday: MON,
                minute: at(9, 0)
            }
        );
    }

    #[test]
    fn a_week_with_no_hours_is_always_closed() {
        assert_eq!(
            WeeklyHours::default().status_at(TUE, 600),
            OpenStatus::AlwaysClosed
        );
    }

    #[test]
    fn ranges_are_read_and_written_in_the_register_form() {
        assert_eq!(
            WeeklyHours::format_day(&WeeklyHours::parse_day("08:30-12:00|14:30-24:00").unwrap()),
            "08:30-12:00|14:30-00:00"
        );
        assert!(TimeRange::parse("8:30-12:00").is_err());
        assert!(TimeRange::parse("08:30-25:00").is_err());
        assert!(TimeRange::parse("09:00-09:00").is_err());
        assert!(TimeRange::parse("nine to five").is_err());
    }

    #[test]
    fn hours_cross_the_wire_as_strings() {
        let w = week(["08:30-12:00", "", "", "", "", "", "19:00-01:00"]);
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(json, r#"[["08:30-12:00"],[],[],[],[],[],["19:00-01:00"]]"#);
        assert_eq!(serde_json::from_str::<WeeklyHours>(&json).unwrap(), w);
    }
}
