//! The text messages as templates with parameters, the only form Chinese SMS gateways send: each
//! message kind has one template (two where the wording depends on the booking's standing), a
//! stable name and an ordered list of named parameters. The Chinese wording lives here once; the
//! log sender and the outbox page get their text from it, a gateway gets the template's id and the
//! parameters in this order, so wording and parameters cannot drift apart.

use crate::outbox::store::message::StoredMessage;
use crate::outbox::store::Outgoing;
use anyhow::Context;
use deputy_homes_api::platform::outbox::NotificationKind;

/// The sender's name that opens every message; a gateway adds it from its sign name instead.
pub const SIGNATURE: &str = "【人大代表之家】";

/// What the outbox shows in place of a secret parameter (a verification code).
pub const HIDDEN: &str = "******";

/// A pre-approved text with `{name}` placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    BookingConfirmed,
    BookingWaitlisted,
    BookingChanged,
    BookingCancelled,
    ActivityCancelled,
    BookingPromoted,
    BookingReminder,
    BookingReminderWaitlisted,
    OpinionAccepted,
    OpinionRejected,
    OpinionAssigned,
    OpinionReplied,
    OpinionExtended,
    OpinionClosed,
    OpinionPublished,
    VerificationCode,
}

/// An opinion's message: its tracking number, the news, and where the citizen finds the status
/// page: the receipt's private link, or "我的" once the phone is verified (never the link's
/// token, and no digits of the phone that would open anything).
macro_rules! opinion {
    ($news:literal) => {
        concat!("您的意见{tracking}", $news, "详情见专属链接或“我的”页。")
    };
}

impl Template {
    /// Every template.
    pub const ALL: [Template; 16] = [
        Template::BookingConfirmed,
        Template::BookingWaitlisted,
        Template::BookingChanged,
        Template::BookingCancelled,
        Template::ActivityCancelled,
        Template::BookingPromoted,
        Template::BookingReminder,
        Template::BookingReminderWaitlisted,
        Template::OpinionAccepted,
        Template::OpinionRejected,
        Template::OpinionAssigned,
        Template::OpinionReplied,
        Template::OpinionExtended,
        Template::OpinionClosed,
        Template::OpinionPublished,
        Template::VerificationCode,
    ];

    /// The stable name, as stored and as `DH_SMS_TEMPLATE_IDS` maps it to a gateway's id.
    pub fn name(self) -> &'static str {
        self.spec().0
    }

    /// The outbox's kind of message this template writes.
    pub fn kind(self) -> NotificationKind {
        self.spec().1
    }

    /// The parameters' names, in the order a gateway receives their values.
    pub fn parameters(self) -> &'static [&'static str] {
        self.spec().2
    }

    /// The Chinese wording after the signature, with a `{name}` for each parameter.
    pub fn wording(self) -> &'static str {
        self.spec().3
    }

    /// Parses a stored name.
    pub fn from_name(name: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Whether the outbox must never show this parameter.
    fn is_secret(self, parameter: &str) -> bool {
        self == Template::VerificationCode && parameter == "code"
    }

    fn spec(
        self,
    ) -> (
        &'static str,
        NotificationKind,
        &'static [&'static str],
        &'static str,
    ) {
        use NotificationKind as K;
        const SLOT: &[&str] = &["date", "time", "home", "activity", "code"];
        match self {
            Template::BookingConfirmed => (
                "booking_confirmed",
                K::Confirmation,
                SLOT,
                "您已预约 {date} {time} {home} {activity}，预约码 {code}。",
            ),
            Template::BookingWaitlisted => (
                "booking_waitlisted",
                K::Confirmation,
                SLOT,
                "{date} {time} {home} {activity} 名额已满，您已进入候补名单，预约码 {code}。有空位时将按顺序为您递补并短信通知。",
            ),
            Template::BookingChanged => (
                "booking_changed",
                K::Change,
                &["code", "date", "time", "end", "home", "activity", "standing"],
                "您的预约（预约码 {code}）已变更为 {date} {time}-{end} {home} {activity}，当前状态：{standing}。",
            ),
            Template::BookingCancelled => (
                "booking_cancelled",
                K::Cancellation,
                SLOT,
                "您已取消 {date} {time} {home} {activity} 的预约，预约码 {code}。",
            ),
            Template::ActivityCancelled => (
                "activity_cancelled",
                K::ActivityCancelled,
                &["date", "time", "home", "activity", "reason", "code"],
                "很抱歉，{date} {time} {home} {activity} 已取消，原因：{reason}。您的预约（预约码 {code}）随之取消。",
            ),
            Template::BookingPromoted => (
                "booking_promoted",
                K::Promotion,
                SLOT,
                "您已由候补转为正式预约：{date} {time} {home} {activity}，预约码 {code}。",
            ),
            Template::BookingReminder => (
                "booking_reminder",
                K::Reminder,
                &["date", "time", "home", "activity", "address", "code"],
                "提醒：{date} {time} {home} {activity} 即将开始，地址：{address}，预约码 {code}。",
            ),
            Template::BookingReminderWaitlisted => (
                "booking_reminder_waitlisted",
                K::Reminder,
                &["date", "time", "home", "activity", "address", "code"],
                "提醒：{date} {time} {home} {activity} 即将开始（您目前仍在候补名单中），地址：{address}，预约码 {code}。",
            ),
            Template::OpinionAccepted => (
                "opinion_accepted",
                K::OpinionAccepted,
                &["tracking"],
                opinion!("已受理，将转交承办单位办理。"),
            ),
            Template::OpinionRejected => (
                "opinion_rejected",
                K::OpinionRejected,
                &["tracking", "reason"],
                opinion!("不予受理：{reason}。"),
            ),
            Template::OpinionAssigned => (
                "opinion_assigned",
                K::OpinionAssigned,
                &["tracking", "units", "due_date"],
                opinion!("已交{units}办理，{due_date}前答复。"),
            ),
            Template::OpinionReplied => (
                "opinion_replied",
                K::OpinionReplied,
                &["tracking", "class"],
                opinion!("已答复（{class}）。"),
            ),
            Template::OpinionExtended => (
                "opinion_extended",
                K::OpinionExtended,
                &["tracking", "due_date"],
                opinion!("办理期限延长至{due_date}。"),
            ),
            Template::OpinionClosed => (
                "opinion_closed",
                K::OpinionClosed,
                &["tracking"],
                opinion!("已办结。"),
            ),
            Template::OpinionPublished => (
                "opinion_published",
                K::OpinionPublished,
                &["tracking"],
                opinion!("已办结，答复已在公开答复栏目公开（不含姓名和手机号）。"),
            ),
            Template::VerificationCode => (
                "verification_code",
                K::VerificationCode,
                &["code", "minutes"],
                "您的验证码为{code}，{minutes}分钟内有效，请勿告诉他人。",
            ),
        }
    }
}

/// A message: a template and its parameters' values, in the template's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    template: Template,
    values: Vec<String>,
}

impl Message {
    /// The message of `template` with these values, in the order of `template.parameters()`.
    ///
    /// # Panics
    /// When the number of values is not the template's: a mistake in the code that every
    /// kind's unit test catches.
    pub fn new<V: Into<String>>(
        template: Template,
        values: impl IntoIterator<Item = V>,
    ) -> Message {
        let values: Vec<String> = values.into_iter().map(Into::into).collect();
        assert_eq!(
            values.len(),
            template.parameters().len(),
            "the parameters of {}",
            template.name()
        );
        Message { template, values }
    }

    /// Its template.
    pub fn template(&self) -> Template {
        self.template
    }

    /// The parameters' values, in the template's order (what a gateway receives).
    pub fn values(&self) -> &[String] {
        &self.values
    }

    /// Each parameter's name and value, in the template's order.
    pub fn named(&self) -> Vec<(&'static str, &str)> {
        let names = self.template.parameters().iter().copied();
        names.zip(self.values.iter().map(String::as_str)).collect()
    }

    /// The whole text as the citizen reads it, signature first (what the log sender writes).
    pub fn text(&self) -> String {
        self.render(|_, value| value)
    }

    /// The text as staff see it in the outbox: a secret parameter shows as [`HIDDEN`].
    pub fn text_for_staff(&self) -> String {
        self.render(|name, value| match self.template.is_secret(name) {
            true => HIDDEN,
            false => value,
        })
    }

    /// Fills the placeholders in one pass, so a value that looks like a placeholder stays as
    /// written.
    fn render<'a>(&'a self, show: impl Fn(&str, &'a str) -> &'a str) -> String {
        let named = self.named();
        let mut text = String::from(SIGNATURE);
        let mut rest = self.template.wording();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            text.push_str(&rest[..open]);
            match named.iter().find(|(n, _)| *n == &rest[open + 1..close]) {
                Some((name, value)) => text.push_str(show(name, value)),
                None => text.push_str(&rest[open..=close]),
            }
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        text
    }

    /// The message as the outbox stores it: the template's name, the parameters as a JSON object
    /// and the text staff see.
    pub fn stored(&self) -> StoredMessage {
        let parameters: serde_json::Map<String, serde_json::Value> = self
            .named()
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value.into()))
            .collect();
        StoredMessage {
            kind: self.template.kind(),
            template: self.template.name(),
            parameters: serde_json::Value::Object(parameters).to_string(),
            text: self.text_for_staff(),
        }
    }

    /// The message a worker is to send; `None` for one written before templates, which has
    /// only its text.
    pub fn of(outgoing: &Outgoing) -> anyhow::Result<Option<Message>> {
        match (&outgoing.template, &outgoing.parameters) {
            (Some(template), Some(parameters)) => {
                Message::from_stored(template, parameters).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Reads a stored message back: the template's name and the JSON object of parameters.
    pub fn from_stored(template: &str, parameters: &str) -> anyhow::Result<Message> {
        let template = Template::from_name(template)
            .with_context(|| format!("unknown text-message template {template}"))?;
        let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(parameters)
            .with_context(|| {
            format!("the parameters of {} are no JSON object", template.name())
        })?;
        let values = template
            .parameters()
            .iter()
            .map(|name| {
                object
                    .get(*name)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned)
                    .with_context(|| format!("{} lacks its parameter {name}", template.name()))
            })
            .collect::<anyhow::Result<Vec<String>>>()?;
        Ok(Message { template, values })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The placeholders of a wording, in order.
    fn placeholders(wording: &str) -> Vec<&str> {
        wording
            .split('{')
            .skip(1)
            .map(|part| part.split('}').next().unwrap_or_default())
            .collect()
    }

    #[test]
    fn every_template_names_each_of_its_parameters_once_in_order_and_a_unique_name() {
        for template in Template::ALL {
            assert_eq!(
                placeholders(template.wording()),
                template.parameters(),
                "{}",
                template.name()
            );
            assert_eq!(Template::from_name(template.name()), Some(template));
        }
        let mut names: Vec<&str> = Template::ALL.iter().map(|t| t.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Template::ALL.len());
    }

    #[test]
    fn every_message_kind_has_a_template() {
        for kind in NotificationKind::ALL {
            assert!(
                Template::ALL.iter().any(|t| t.kind() == kind),
                "no template for {kind:?}"
            );
        }
    }

    #[test]
    fn a_message_renders_its_values_into_the_wording_after_the_signature() {
        let message = Message::new(Template::OpinionReplied, ["YJ20261128-0001", "A类"]);
        assert_eq!(
            message.text(),
            "【人大代表之家】您的意见YJ20261128-0001已答复（A类）。详情见专属链接或“我的”页。"
        );
        let tricky = Message::new(Template::OpinionRejected, ["YJ1", "{tracking}"]);
        assert!(
            tricky.text().contains("不予受理：{tracking}。"),
            "{}",
            tricky.text()
        );
    }

    #[test]
    fn the_verification_code_is_in_the_text_but_never_in_what_staff_see() {
        let message = Message::new(Template::VerificationCode, ["493817", "10"]);
        assert_eq!(
            message.text(),
            "【人大代表之家】您的验证码为493817，10分钟内有效，请勿告诉他人。"
        );
        let stored = message.stored();
        assert_eq!(
            stored.text,
            "【人大代表之家】您的验证码为******，10分钟内有效，请勿告诉他人。"
        );
        assert_eq!(stored.kind, NotificationKind::VerificationCode);
        assert_eq!(stored.template, "verification_code");
    }

    #[test]
    fn a_stored_message_reads_back_the_same() {
        let message = Message::new(Template::OpinionExtended, ["YJ20261128-0001", "2027-04-15"]);
        let stored = message.stored();
        assert_eq!(
            stored.parameters,
            r#"{"due_date":"2027-04-15","tracking":"YJ20261128-0001"}"#
        );
        let back = Message::from_stored(stored.template, &stored.parameters).unwrap();
        assert_eq!(back, message);
        assert!(Message::from_stored("fax", "{}").is_err());
        assert!(Message::from_stored("opinion_extended", r#"{"tracking":"YJ1"}"#).is_err());
    }
}
