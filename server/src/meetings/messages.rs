//! The texts of the messages about bookings, in Chinese (zh-CN), plain text. Each names the
//! home, the date and time, the kind of activity and the booking code, so it can be read on its
//! own.

pub use crate::meetings::store::texts::ActivityFacts;
use crate::meetings::store::texts::BookingTexts;
use deputy_homes_api::meetings::booking::BookingStatus;

/// The sender's name that opens every message.
pub(crate) const SIGNATURE: &str = "【人大代表之家】";

impl ActivityFacts {
    /// `2026-12-01 09:00 新城区…代表之家 接待日`.
    fn when_where(&self) -> String {
        format!(
            "{} {} {} {}",
            self.date,
            self.start,
            self.home_name,
            self.kind.name_zh()
        )
    }
}

/// A booking was made: booked, or on the waitlist.
pub fn confirmation(facts: &ActivityFacts, code: &str, status: BookingStatus) -> String {
    match status {
        BookingStatus::Waitlisted => format!(
            "{SIGNATURE}{} 名额已满，您已进入候补名单，预约码 {code}。有空位时将按顺序为您递补并短信通知。",
            facts.when_where()
        ),
        _ => format!(
            "{SIGNATURE}您已预约 {}，预约码 {code}。",
            facts.when_where()
        ),
    }
}

/// The booking moved to another activity, or its activity's time changed.
pub fn change(facts: &ActivityFacts, code: &str, status: BookingStatus) -> String {
    let standing = match status {
        BookingStatus::Waitlisted => "候补中",
        _ => "已预约",
    };
    format!(
        "{SIGNATURE}您的预约（预约码 {code}）已变更为 {} {}-{} {} {}，当前状态：{standing}。",
        facts.date,
        facts.start,
        facts.end,
        facts.home_name,
        facts.kind.name_zh()
    )
}

/// The citizen cancelled.
pub fn cancellation(facts: &ActivityFacts, code: &str) -> String {
    format!(
        "{SIGNATURE}您已取消 {} 的预约，预约码 {code}。",
        facts.when_where()
    )
}

/// The activity was cancelled, and the booking with it.
pub fn activity_cancelled(facts: &ActivityFacts, code: &str, reason: &str) -> String {
    format!(
        "{SIGNATURE}很抱歉，{} 已取消，原因：{reason}。您的预约（预约码 {code}）随之取消。",
        facts.when_where()
    )
}

/// A seat came free and went to this waitlisted booking.
pub fn promotion(facts: &ActivityFacts, code: &str) -> String {
    format!(
        "{SIGNATURE}您已由候补转为正式预约：{}，预约码 {code}。",
        facts.when_where()
    )
}

/// The day before.
pub fn reminder(facts: &ActivityFacts, code: &str, status: BookingStatus) -> String {
    let standing = match status {
        BookingStatus::Waitlisted => "（您目前仍在候补名单中）",
        _ => "",
    };
    format!(
        "{SIGNATURE}提醒：{} 即将开始{standing}，地址：{}，预约码 {code}。",
        facts.when_where(),
        facts.address
    )
}

/// The texts above, as the bookings' storage asks for them inside each change's transaction.
#[derive(Debug, Clone, Copy, Default)]
pub struct Texts;

impl BookingTexts for Texts {
    fn confirmation(&self, facts: &ActivityFacts, code: &str, status: BookingStatus) -> String {
        confirmation(facts, code, status)
    }
    fn change(&self, facts: &ActivityFacts, code: &str, status: BookingStatus) -> String {
        change(facts, code, status)
    }
    fn cancellation(&self, facts: &ActivityFacts, code: &str) -> String {
        cancellation(facts, code)
    }
    fn activity_cancelled(&self, facts: &ActivityFacts, code: &str, reason: &str) -> String {
        activity_cancelled(facts, code, reason)
    }
    fn promotion(&self, facts: &ActivityFacts, code: &str) -> String {
        promotion(facts, code)
    }
    fn reminder(&self, facts: &ActivityFacts, code: &str, status: BookingStatus) -> String {
        reminder(facts, code, status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::meetings::activity::ActivityKind;

    fn facts() -> ActivityFacts {
        ActivityFacts {
            kind: ActivityKind::Reception,
            date: "2026-12-01".into(),
            start: "09:00".into(),
            end: "11:30".into(),
            home_name: "新城区海拉尔东路街道代表之家".into(),
            address: "海拉尔东路1号".into(),
        }
    }

    #[test]
    fn a_confirmation_names_the_home_the_time_the_kind_and_the_code() {
        assert_eq!(
            confirmation(&facts(), "ACD34X", BookingStatus::Booked),
            "【人大代表之家】您已预约 2026-12-01 09:00 新城区海拉尔东路街道代表之家 接待日，预约码 ACD34X。"
        );
        assert!(confirmation(&facts(), "ACD34X", BookingStatus::Waitlisted).contains("候补"));
    }

    #[test]
    fn every_message_carries_the_signature_date_time_home_and_code() {
        let f = facts();
        let texts = [
            change(&f, "ACD34X", BookingStatus::Waitlisted),
            cancellation(&f, "ACD34X"),
            activity_cancelled(&f, "ACD34X", "代表外出开会"),
            promotion(&f, "ACD34X"),
            reminder(&f, "ACD34X", BookingStatus::Booked),
        ];
        for text in &texts {
            for part in [SIGNATURE, "2026-12-01", "09:00", &f.home_name, "ACD34X"] {
                assert!(text.contains(part), "{text:?} lacks {part:?}");
            }
        }
        assert!(texts[0].contains("09:00-11:30") && texts[0].contains("候补中"));
        assert!(texts[2].contains("代表外出开会"));
        assert!(texts[4].contains("海拉尔东路1号"));
    }
}
