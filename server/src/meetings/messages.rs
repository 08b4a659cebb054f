//! The messages about bookings: which template each change uses and its parameters. Each names
//! the home, the date and time, the kind of activity and the booking code, so it can be read on
//! its own; the wording is in `outbox::templates`.

pub use crate::meetings::store::texts::ActivityFacts;
use crate::meetings::store::texts::BookingTexts;
use crate::outbox::store::message::StoredMessage;
use crate::outbox::templates::{Message, Template};
use deputy_homes_api::meetings::booking::BookingStatus;

impl ActivityFacts {
    /// The values of the parameters date, time, home and activity.
    fn slot(&self) -> [String; 4] {
        [
            self.date.clone(),
            self.start.clone(),
            self.home_name.clone(),
            self.kind.name_zh().to_owned(),
        ]
    }
}

/// The date, time, home, activity and code: the parameters of most booking templates.
fn slot_and_code(template: Template, facts: &ActivityFacts, code: &str) -> Message {
    let [date, time, home, activity] = facts.slot();
    Message::new(template, [date, time, home, activity, code.to_owned()])
}

/// A booking was made: booked, or on the waitlist.
pub fn confirmation(facts: &ActivityFacts, code: &str, status: BookingStatus) -> Message {
    let template = match status {
        BookingStatus::Waitlisted => Template::BookingWaitlisted,
        _ => Template::BookingConfirmed,
    };
    slot_and_code(template, facts, code)
}

/// The booking moved to another activity, or its activity's time changed.
pub fn change(facts: &ActivityFacts, code: &str, status: BookingStatus) -> Message {
    let standing = match status {
        BookingStatus::Waitlisted => "候补中",
        _ => "已预约",
    };
    let [date, time, home, activity] = facts.slot();
    Message::new(
        Template::BookingChanged,
        [
            code.to_owned(),
            date,
            time,
            facts.end.clone(),
            home,
            activity,
            standing.to_owned(),
        ],
    )
}

/// The citizen cancelled.
pub fn cancellation(facts: &ActivityFacts, code: &str) -> Message {
    slot_and_code(Template::BookingCancelled, facts, code)
}

/// The activity was cancelled, and the booking with it.
pub fn activity_cancelled(facts: &ActivityFacts, code: &str, reason: &str) -> Message {
    let [date, time, home, activity] = facts.slot();
    Message::new(
        Template::ActivityCancelled,
        [
            date,
            time,
            home,
            activity,
            reason.to_owned(),
            code.to_owned(),
        ],
    )
}

/// A seat came free and went to this waitlisted booking.
pub fn promotion(facts: &ActivityFacts, code: &str) -> Message {
    slot_and_code(Template::BookingPromoted, facts, code)
}

/// The day before.
pub fn reminder(facts: &ActivityFacts, code: &str, status: BookingStatus) -> Message {
    let template = match status {
        BookingStatus::Waitlisted => Template::BookingReminderWaitlisted,
        _ => Template::BookingReminder,
    };
    let [date, time, home, activity] = facts.slot();
    Message::new(
        template,
        [
            date,
            time,
            home,
            activity,
            facts.address.clone(),
            code.to_owned(),
        ],
    )
}

/// The messages above, as the bookings' storage asks for them inside each change's transaction.
#[derive(Debug, Clone, Copy, Default)]
pub struct Texts;

impl BookingTexts for Texts {
    fn confirmation(
        &self,
        facts: &ActivityFacts,
        code: &str,
        status: BookingStatus,
    ) -> StoredMessage {
        confirmation(facts, code, status).stored()
    }
    fn change(&self, facts: &ActivityFacts, code: &str, status: BookingStatus) -> StoredMessage {
        change(facts, code, status).stored()
    }
    fn cancellation(&self, facts: &ActivityFacts, code: &str) -> StoredMessage {
        cancellation(facts, code).stored()
    }
    fn activity_cancelled(&self, facts: &ActivityFacts, code: &str, reason: &str) -> StoredMessage {
        activity_cancelled(facts, code, reason).stored()
    }
    fn promotion(&self, facts: &ActivityFacts, code: &str) -> StoredMessage {
        promotion(facts, code).stored()
    }
    fn reminder(&self, facts: &ActivityFacts, code: &str, status: BookingStatus) -> StoredMessage {
        reminder(facts, code, status).stored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::templates::SIGNATURE;
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
            confirmation(&facts(), "ACD34X", BookingStatus::Booked).text(),
            "【人大代表之家】您已预约 2026-12-01 09:00 新城区海拉尔东路街道代表之家 接待日，预约码 ACD34X。"
        );
        let waitlisted = confirmation(&facts(), "ACD34X", BookingStatus::Waitlisted);
        assert!(waitlisted.text().contains("候补"));
    }

    #[test]
    fn every_message_carries_the_signature_date_time_home_and_code() {
        let f = facts();
        let texts = [
            change(&f, "ACD34X", BookingStatus::Waitlisted).text(),
            cancellation(&f, "ACD34X").text(),
            activity_cancelled(&f, "ACD34X", "代表外出开会").text(),
            promotion(&f, "ACD34X").text(),
            reminder(&f, "ACD34X", BookingStatus::Booked).text(),
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

    /// The template and named parameters of a message.
    fn parts(message: &Message) -> (&'static str, Vec<(&'static str, &str)>) {
        (message.template().name(), message.named())
    }

    #[test]
    fn each_booking_message_has_its_template_and_parameters() {
        let f = facts();
        let (date, time, home, activity) = (
            "2026-12-01",
            "09:00",
            "新城区海拉尔东路街道代表之家",
            "接待日",
        );
        let slot = |code| {
            vec![
                ("date", date),
                ("time", time),
                ("home", home),
                ("activity", activity),
                ("code", code),
            ]
        };
        let booked = BookingStatus::Booked;
        let waitlisted = BookingStatus::Waitlisted;
        assert_eq!(
            parts(&confirmation(&f, "ACD34X", booked)),
            ("booking_confirmed", slot("ACD34X"))
        );
        assert_eq!(
            parts(&confirmation(&f, "ACD34X", waitlisted)),
            ("booking_waitlisted", slot("ACD34X"))
        );
        assert_eq!(
            parts(&change(&f, "ACD34X", waitlisted)),
            (
                "booking_changed",
                vec![
                    ("code", "ACD34X"),
                    ("date", date),
                    ("time", time),
                    ("end", "11:30"),
                    ("home", home),
                    ("activity", activity),
                    ("standing", "候补中"),
                ]
            )
        );
        assert_eq!(change(&f, "ACD34X", booked).values()[6], "已预约");
        assert_eq!(
            parts(&cancellation(&f, "ACD34X")),
            ("booking_cancelled", slot("ACD34X"))
        );
        assert_eq!(
            parts(&activity_cancelled(&f, "ACD34X", "代表外出开会")),
            (
                "activity_cancelled",
                vec![
                    ("date", date),
                    ("time", time),
                    ("home", home),
                    ("activity", activity),
                    ("reason", "代表外出开会"),
                    ("code", "ACD34X"),
                ]
            )
        );
        assert_eq!(
            parts(&promotion(&f, "ACD34X")),
            ("booking_promoted", slot("ACD34X"))
        );
        let reminder_parameters = vec![
            ("date", date),
            ("time", time),
            ("home", home),
            ("activity", activity),
            ("address", "海拉尔东路1号"),
            ("code", "ACD34X"),
        ];
        assert_eq!(
            parts(&reminder(&f, "ACD34X", booked)),
            ("booking_reminder", reminder_parameters.clone())
        );
        assert_eq!(
            parts(&reminder(&f, "ACD34X", waitlisted)),
            ("booking_reminder_waitlisted", reminder_parameters)
        );
    }

    #[test]
    fn a_stored_booking_message_holds_the_text_and_the_parameters() {
        let stored = Texts.cancellation(&facts(), "ACD34X");
        assert_eq!(stored.template, "booking_cancelled");
        assert_eq!(stored.text, cancellation(&facts(), "ACD34X").text());
        assert!(stored.parameters.contains(r#""code":"ACD34X""#));
    }
}
