//! Activities at a home (接待日 and the rest): what delegates publish and citizens book.

use crate::homes::hours::format_clock;
use crate::platform::text::{check_text, Lines};
// The calendar is Hohhot's time's (`platform::time`); named here too, where dates were first read.
pub use crate::platform::time::{
    civil_from_days, days_from_civil, format_date, parse_date, shanghai_ms, weekday_of,
};
use crate::{ApiError, TimeRange};
use serde::{Deserialize, Serialize};

crate::form_fields! {
    /// The fields of publishing, editing and cancelling an activity.
    pub enum ActivityField {
        /// The kind of activity.
        Kind = "kind",
        /// The day.
        Date = "date",
        /// The start time.
        Start = "start",
        /// The end time.
        End = "end",
        /// How many seats.
        Capacity = "capacity",
        /// The topic.
        Topic = "topic",
        /// How many weeks a series runs.
        RepeatWeeks = "repeat_weeks",
        /// The delegates on duty.
        OnDuty = "on_duty",
        /// Why it is cancelled.
        Reason = "reason",
        /// The activity itself (its state, not a typed value).
        Id = "id",
    }
}

/// The kinds of activity a home holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// 接待日: citizens meet the delegates on duty.
    Reception,
    /// 与选民见面: delegates meet voters.
    VoterMeeting,
    /// 代表述职: delegates report on their work.
    DutyReport,
    /// 学习培训: training.
    Training,
    /// 便民服务: convenience services.
    ConvenienceService,
}

impl ActivityKind {
    /// Every kind.
    pub const ALL: [ActivityKind; 5] = [
        ActivityKind::Reception,
        ActivityKind::VoterMeeting,
        ActivityKind::DutyReport,
        ActivityKind::Training,
        ActivityKind::ConvenienceService,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            ActivityKind::Reception => "reception",
            ActivityKind::VoterMeeting => "voter_meeting",
            ActivityKind::DutyReport => "duty_report",
            ActivityKind::Training => "training",
            ActivityKind::ConvenienceService => "convenience_service",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<ActivityKind> {
        ActivityKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The Chinese name, as in text messages and calendar files.
    pub fn name_zh(self) -> &'static str {
        match self {
            ActivityKind::Reception => "接待日",
            ActivityKind::VoterMeeting => "与选民见面",
            ActivityKind::DutyReport => "代表述职",
            ActivityKind::Training => "学习培训",
            ActivityKind::ConvenienceService => "便民服务",
        }
    }
}

/// A delegate on duty at an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OnDuty {
    pub account_id: String,
    pub display_name: String,
}

/// An activity as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activity {
    pub id: String,
    pub home_id: String,
    /// The home's Chinese name from the register (empty if the home has left the register).
    pub home_name: String,
    pub kind: ActivityKind,
    /// Local date in Hohhot, `YYYY-MM-DD`.
    pub date: String,
    /// Local start and end, `HH:MM`.
    pub start: String,
    pub end: String,
    /// Start as milliseconds since the Unix epoch.
    pub starts_at_ms: i64,
    pub capacity: u32,
    /// Seats not yet taken (0 when full: new bookings join the waitlist).
    pub seats_left: u32,
    pub topic: String,
    pub on_duty: Vec<OnDuty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_reason: Option<String>,
}

/// Body of `POST /api/homes/{id}/activities`: one activity, or a weekly series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewActivities {
    pub kind: ActivityKind,
    /// First date, `YYYY-MM-DD` (Hohhot).
    pub date: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`, after `start` on the same day.
    pub end: String,
    /// Seats, 1 to 500.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 500))]
    pub capacity: u32,
    /// 1 to 100 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 100, pattern = "\\S")
    )]
    pub topic: String,
    /// Delegates on duty; they must belong to the home. Empty means the delegate publishing it.
    #[serde(default)]
    pub on_duty: Vec<String>,
    /// How many weeks in a row, 1 for a single activity (at most 26).
    #[serde(default = "one")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 26))]
    pub repeat_weeks: u32,
}

fn one() -> u32 {
    1
}

/// Body of `POST /api/activities/{id}/cancel`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CancelActivity {
    /// Told to everyone booked, 1 to 200 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub reason: String,
}

/// Longest reason for cancelling an activity, in characters.
pub const MAX_CANCEL_REASON_CHARS: usize = 200;

impl CancelActivity {
    /// The reason, trimmed, if it has 1 to 200 characters.
    pub fn validate(&self) -> Result<&str, ApiError> {
        check_text(ActivityField::Reason, &self.reason, Lines::Many)?;
        let reason = self.reason.trim();
        let chars = reason.chars().count();
        if chars == 0 || chars > MAX_CANCEL_REASON_CHARS {
            return Err(ApiError::bad_parameter(
                ActivityField::Reason,
                format!("give a reason of 1 to {MAX_CANCEL_REASON_CHARS} characters"),
            ));
        }
        Ok(reason)
    }
}

/// Body of `PUT /api/activities/{id}`: the new time, size and topic of one activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditActivity {
    /// `YYYY-MM-DD` (Hohhot).
    pub date: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`, after `start` on the same day.
    pub end: String,
    /// At least the seats already booked, and at most 500.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 500))]
    pub capacity: u32,
    /// 1 to 100 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 100, pattern = "\\S")
    )]
    pub topic: String,
    /// Delegates on duty; empty keeps the current ones.
    #[serde(default)]
    pub on_duty: Vec<String>,
}

impl EditActivity {
    /// The same request as a single new activity, so both follow one set of rules.
    pub fn as_new(&self, kind: ActivityKind) -> NewActivities {
        NewActivities {
            kind,
            date: self.date.clone(),
            start: self.start.clone(),
            end: self.end.clone(),
            capacity: self.capacity,
            topic: self.topic.clone(),
            on_duty: self.on_duty.clone(),
            repeat_weeks: 1,
        }
    }
}

/// Most weeks one request may schedule.
pub const MAX_REPEAT_WEEKS: u32 = 26;
/// Largest capacity of one activity.
pub const MAX_CAPACITY: u32 = 500;
/// Longest topic, in characters.
pub const MAX_TOPIC_CHARS: usize = 100;

/// One scheduled occurrence: local date and its start and end as Unix milliseconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub date: String,
    pub starts_at_ms: i64,
    pub ends_at_ms: i64,
}

impl NewActivities {
    /// Checks the request and lists its occurrences; none may have started by `now_ms`.
    pub fn occurrences(&self, now_ms: i64) -> Result<Vec<Occurrence>, ApiError> {
        let first = parse_date(&self.date).ok_or_else(|| {
            ApiError::bad_parameter(
                ActivityField::Date,
                format!("{:?} is not a date like 2026-12-01", self.date),
            )
        })?;
        if self.start.trim() == self.end.trim() {
            return Err(ApiError::bad_parameter(
                ActivityField::End,
                "the end must be after the start",
            ));
        }
        let range = TimeRange::parse(&format!("{}-{}", self.start, self.end))
            .map_err(|e| ApiError::bad_parameter(ActivityField::Start, e.0))?;
        if range.crosses_midnight() {
            return Err(ApiError::bad_parameter(
                ActivityField::End,
                "the end must be after the start on the same day",
            ));
        }
        if !(1..=MAX_CAPACITY).contains(&self.capacity) {
            return Err(ApiError::bad_parameter(
                ActivityField::Capacity,
                format!("capacity must be 1 to {MAX_CAPACITY}"),
            ));
        }
        check_text(ActivityField::Topic, &self.topic, Lines::One)?;
        let topic_chars = self.topic.trim().chars().count();
        if topic_chars == 0 || topic_chars > MAX_TOPIC_CHARS {
            return Err(ApiError::bad_parameter(
                ActivityField::Topic,
                format!("topic must be 1 to {MAX_TOPIC_CHARS} characters"),
            ));
        }
        if !(1..=MAX_REPEAT_WEEKS).contains(&self.repeat_weeks) {
            return Err(ApiError::bad_parameter(
                ActivityField::RepeatWeeks,
                format!("repeat_weeks must be 1 to {MAX_REPEAT_WEEKS}"),
            ));
        }
        let occurrences: Vec<Occurrence> = (0..i64::from(self.repeat_weeks))
            .map(|week| {
                let days = first + 7 * week;
                Occurrence {
                    date: format_date(days),
                    starts_at_ms: shanghai_ms(days, range.start),
                    ends_at_ms: shanghai_ms(days, range.end),
                }
            })
            .collect();
        if occurrences[0].starts_at_ms <= now_ms {
            return Err(ApiError::bad_parameter(
                ActivityField::Date,
                "the activity would start in the past",
            ));
        }
        Ok(occurrences)
    }

    /// The start and end as written back (`HH:MM`), normalised.
    pub fn clock_range(&self) -> Option<(String, String)> {
        let range = TimeRange::parse(&format!("{}-{}", self.start, self.end)).ok()?;
        Some((format_clock(range.start), format_clock(range.end)))
    }
}

impl Activity {
    /// When the activity ends, as milliseconds since the Unix epoch (from its date and clock).
    pub fn ends_at_ms(&self) -> Option<i64> {
        let days = parse_date(&self.date)?;
        let range = TimeRange::parse(&format!("{}-{}", self.start, self.end)).ok()?;
        Some(shanghai_ms(days, range.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weekday_of_a_date_is_monday_based() {
        assert_eq!(weekday_of("2026-11-30"), Some(0), "a Monday");
        assert_eq!(weekday_of("2026-11-29"), Some(6), "a Sunday");
        assert_eq!(weekday_of("2026-02-30"), None);
    }

    fn request(date: &str, start: &str, end: &str, weeks: u32) -> NewActivities {
        NewActivities {
            kind: ActivityKind::Reception,
            date: date.into(),
            start: start.into(),
            end: end.into(),
            capacity: 10,
            topic: "社区停车难".into(),
            on_duty: vec![],
            repeat_weeks: weeks,
        }
    }

    const NOV_28_2026_NOON_HOHHOT: i64 = 1_795_838_400_000;

    #[test]
    fn dates_round_trip_and_impossible_dates_are_refused() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(format_date(parse_date("2028-02-29").unwrap()), "2028-02-29");
        assert_eq!(parse_date("2027-02-29"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("2026-1-01"), None);
    }

    #[test]
    fn a_local_time_in_hohhot_is_eight_hours_ahead_of_utc() {
        // 2026-11-28 12:00 in Hohhot is 04:00 UTC.
        assert_eq!(
            shanghai_ms(parse_date("2026-11-28").unwrap(), 12 * 60),
            NOV_28_2026_NOON_HOHHOT
        );
    }

    #[test]
    fn a_weekly_series_lands_on_the_same_weekday_each_week() {
        let occ = request("2026-12-29", "09:00", "11:30", 3)
            .occurrences(NOV_28_2026_NOON_HOHHOT)
            .unwrap();
        let dates: Vec<&str> = occ.iter().map(|o| o.date.as_str()).collect();
        assert_eq!(dates, ["2026-12-29", "2027-01-05", "2027-01-12"]);
        assert_eq!(occ[0].ends_at_ms - occ[0].starts_at_ms, 150 * 60_000);
    }

    #[test]
    fn an_edit_follows_the_rules_of_a_single_new_activity() {
        let edit = EditActivity {
            date: "2026-12-01".into(),
            start: "9:00".into(),
            end: "11:00".into(),
            capacity: 5,
            topic: "停车".into(),
            on_duty: vec![],
        };
        let err = edit
            .as_new(ActivityKind::Training)
            .occurrences(NOV_28_2026_NOON_HOHHOT);
        assert_eq!(err.unwrap_err().field_name(), Some("start"));
        let fixed = EditActivity {
            start: "09:00".into(),
            ..edit
        };
        let new = fixed.as_new(ActivityKind::Training);
        assert_eq!((new.kind, new.repeat_weeks), (ActivityKind::Training, 1));
        assert_eq!(new.occurrences(NOV_28_2026_NOON_HOHHOT).unwrap().len(), 1);
    }

    #[test]
    fn an_activity_ends_on_its_date_at_its_end_clock_in_hohhot() {
        let activity = Activity {
            id: "a".into(),
            home_id: "xc-01".into(),
            home_name: "家".into(),
            kind: ActivityKind::Reception,
            date: "2026-11-28".into(),
            start: "09:00".into(),
            end: "24:00".into(),
            starts_at_ms: 0,
            capacity: 1,
            seats_left: 1,
            topic: "t".into(),
            on_duty: vec![],
            cancel_reason: None,
        };
        assert_eq!(
            activity.ends_at_ms(),
            Some(NOV_28_2026_NOON_HOHHOT + 12 * 3_600_000)
        );
    }

    #[test]
    fn bad_requests_name_their_field() {
        let now = NOV_28_2026_NOON_HOHHOT;
        let field = |r: NewActivities| {
            r.occurrences(now)
                .unwrap_err()
                .field_name()
                .unwrap()
                .to_owned()
        };
        assert_eq!(
            field(request("2026-11-28", "09:00", "11:00", 1)),
            "date",
            "already started"
        );
        assert_eq!(field(request("2026-12-01", "11:00", "09:00", 1)), "end");
        assert_eq!(field(request("2026-12-01", "10:00", "10:00", 1)), "end");
        assert_eq!(field(request("2026-12-01", "9am", "11:00", 1)), "start");
        assert_eq!(
            field(request("2026-12-01", "09:00", "11:00", 27)),
            "repeat_weeks"
        );
        assert_eq!(
            field(NewActivities {
                capacity: 0,
                ..request("2026-12-01", "09:00", "11:00", 1)
            }),
            "capacity"
        );
        assert_eq!(
            field(NewActivities {
                topic: " ".into(),
                ..request("2026-12-01", "09:00", "11:00", 1)
            }),
            "topic"
        );
    }
}
