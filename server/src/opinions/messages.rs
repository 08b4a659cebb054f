//! The messages about opinions: which template each step of the chain uses and its parameters.
//! Each names the tracking number and says where the status page is (the receipt's private link,
//! or "我的" with the verified phone); none carries the private link's token. They aim at one text message (70
//! characters); only what staff wrote or named (a reason, several units) is shortened to fit. The
//! wording is in `outbox::templates`.

use crate::outbox::templates::{Message, Template};
use deputy_homes_api::opinions::board::ReplyClass;
use deputy_homes_api::platform::outbox::NotificationKind;

/// The characters of one text message; longer ones go out as several.
pub const ONE_MESSAGE_CHARS: usize = 70;

/// A step of the chain that the opinion's author is told of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpinionNotice<'a> {
    /// 受理.
    Accepted,
    /// 不予受理, with what staff told the citizen.
    Rejected { message: &'a str },
    /// 分办: the handling units' names and the due date (`YYYY-MM-DD`).
    Assigned {
        units: &'a [String],
        due_date: &'a str,
    },
    /// 答复, with the reply's class.
    Replied { class: ReplyClass },
    /// The due date moved to this day (`YYYY-MM-DD`).
    Extended { due_date: &'a str },
    /// 办结.
    Closed,
    /// 办结 by publishing it with its reply on the public board.
    Published,
}

impl OpinionNotice<'_> {
    /// The outbox's kind for this message.
    pub fn kind(&self) -> NotificationKind {
        self.message("").template().kind()
    }

    /// The message about the opinion with this tracking number.
    pub fn message(&self, tracking_number: &str) -> Message {
        let tracking = tracking_number.to_owned();
        // What is left of one message for the one value staff wrote or named: the whole message
        // less its text with that value empty.
        let room = |template: Template, others: &[&str]| {
            let mut values = vec![tracking.clone(), String::new()];
            values.extend(others.iter().map(|v| (*v).to_owned()));
            ONE_MESSAGE_CHARS.saturating_sub(chars(&Message::new(template, values).text()))
        };
        match self {
            OpinionNotice::Accepted => Message::new(Template::OpinionAccepted, [tracking]),
            OpinionNotice::Rejected { message } => {
                let reason = shortened(message, room(Template::OpinionRejected, &[]));
                Message::new(Template::OpinionRejected, [tracking, reason])
            }
            OpinionNotice::Assigned { units, due_date } => {
                let names = unit_names(units, room(Template::OpinionAssigned, &[due_date]));
                let values = [tracking, names, (*due_date).to_owned()];
                Message::new(Template::OpinionAssigned, values)
            }
            OpinionNotice::Replied { class } => {
                let values = [tracking, class_name(*class).to_owned()];
                Message::new(Template::OpinionReplied, values)
            }
            OpinionNotice::Extended { due_date } => {
                let values = [tracking, (*due_date).to_owned()];
                Message::new(Template::OpinionExtended, values)
            }
            OpinionNotice::Closed => Message::new(Template::OpinionClosed, [tracking]),
            OpinionNotice::Published => Message::new(Template::OpinionPublished, [tracking]),
        }
    }

    /// The whole text about the opinion with this tracking number.
    pub fn text(&self, tracking_number: &str) -> String {
        self.message(tracking_number).text()
    }
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// The reply class as the citizen's status page names it.
fn class_name(class: ReplyClass) -> &'static str {
    match class {
        ReplyClass::A => "A类：已解决或采纳",
        ReplyClass::B => "B类：正在解决或列入计划",
        ReplyClass::C => "C类：留作参考",
    }
}

/// Staff's text on one line without its closing full stop, cut to `room` characters (at least
/// 10) with an ellipsis: the status page has it whole.
fn shortened(text: &str, room: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let line = line.trim_end_matches(['。', '.', '！', '!', '；', ';', '，', ',']);
    let room = room.max(10);
    if chars(line) <= room {
        return line.to_owned();
    }
    let mut cut: String = line.chars().take(room - 1).collect();
    cut.push('…');
    cut
}

/// Every unit's name when they fit in `room` characters, or else the first's "and others".
fn unit_names(units: &[String], room: usize) -> String {
    let all = units.join("、");
    match units {
        [first, _, ..] if chars(&all) > room => format!("{first}等"),
        _ => all,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::templates::SIGNATURE;

    /// How a citizen finds the status page.
    const LOOK_UP: &str = "详情见专属链接或“我的”页。";

    const TRACKING: &str = "YJ20261128-0001";

    fn every_notice<'a>(units: &'a [String], reason: &'a str) -> Vec<OpinionNotice<'a>> {
        vec![
            OpinionNotice::Accepted,
            OpinionNotice::Rejected { message: reason },
            OpinionNotice::Assigned {
                units,
                due_date: "2027-03-02",
            },
            OpinionNotice::Replied {
                class: ReplyClass::B,
            },
            OpinionNotice::Extended {
                due_date: "2027-04-15",
            },
            OpinionNotice::Closed,
            OpinionNotice::Published,
        ]
    }

    #[test]
    fn an_acceptance_names_the_tracking_number_and_how_to_look_it_up() {
        assert_eq!(
            OpinionNotice::Accepted.text(TRACKING),
            "【人大代表之家】您的意见YJ20261128-0001已受理，将转交承办单位办理。\
             详情见专属链接或“我的”页。"
        );
    }

    #[test]
    fn every_message_fits_one_text_and_names_the_number_and_the_look_up() {
        let units = ["市交通运输局".to_owned(), "市住房和城乡建设局".to_owned()];
        let long_reason = "您反映的问题已进入诉讼程序，依法不属于人大代表意见建议的受理范围，请通过司法途径解决。";
        for notice in every_notice(&units, long_reason) {
            let text = notice.text(TRACKING);
            assert!(
                chars(&text) <= ONE_MESSAGE_CHARS,
                "{} chars: {text}",
                chars(&text)
            );
            for part in [SIGNATURE, TRACKING, LOOK_UP] {
                assert!(text.contains(part), "{text:?} lacks {part:?}");
            }
        }
    }

    #[test]
    fn each_message_says_what_happened() {
        let units = ["市交通运输局".to_owned()];
        let texts: Vec<String> = every_notice(&units, "属于广告信息。")
            .iter()
            .map(|n| n.text(TRACKING))
            .collect();
        assert!(
            texts[1].contains("不予受理：属于广告信息。详情见"),
            "{}",
            texts[1]
        );
        assert!(
            texts[2].contains("已交市交通运输局办理，2027-03-02前答复"),
            "{}",
            texts[2]
        );
        assert!(texts[3].contains("B类：正在解决或列入计划"), "{}", texts[3]);
        assert!(texts[4].contains("延长至2027-04-15"), "{}", texts[4]);
        assert!(texts[5].contains("已办结"), "{}", texts[5]);
    }

    #[test]
    fn a_long_reason_is_cut_with_an_ellipsis_and_a_short_one_kept_whole() {
        assert_eq!(shortened("  重复提交。\n", 20), "重复提交");
        let cut = shortened(&"很".repeat(40), 20);
        assert_eq!((chars(&cut), cut.ends_with('…')), (20, true));
        assert_eq!(chars(&shortened(&"很".repeat(40), 0)), 10, "at least ten");
    }

    #[test]
    fn units_that_do_not_fit_are_named_by_the_first_and_others() {
        let two = ["市交通运输局".to_owned(), "市住房和城乡建设局".to_owned()];
        assert_eq!(unit_names(&two, 30), "市交通运输局、市住房和城乡建设局");
        assert_eq!(unit_names(&two, 10), "市交通运输局等");
        assert_eq!(
            unit_names(&two[..1], 3),
            "市交通运输局",
            "one unit is named whole"
        );
    }

    #[test]
    fn each_opinion_message_has_its_template_and_parameters() {
        let units = ["市交通运输局".to_owned()];
        let parts: Vec<(&str, Vec<(&str, String)>)> = every_notice(&units, "属于广告信息。")
            .iter()
            .map(|notice| {
                let message = notice.message(TRACKING);
                let named = message.named().into_iter();
                let named = named.map(|(n, v)| (n, v.to_owned())).collect();
                (message.template().name(), named)
            })
            .collect();
        let tracking = ("tracking", TRACKING.to_owned());
        let with =
            |name: &'static str, value: &str| vec![tracking.clone(), (name, value.to_owned())];
        assert_eq!(
            parts,
            vec![
                ("opinion_accepted", vec![tracking.clone()]),
                ("opinion_rejected", with("reason", "属于广告信息")),
                (
                    "opinion_assigned",
                    vec![
                        tracking.clone(),
                        ("units", "市交通运输局".to_owned()),
                        ("due_date", "2027-03-02".to_owned()),
                    ]
                ),
                ("opinion_replied", with("class", "B类：正在解决或列入计划")),
                ("opinion_extended", with("due_date", "2027-04-15")),
                ("opinion_closed", vec![tracking.clone()]),
                ("opinion_published", vec![tracking.clone()]),
            ]
        );
        let kinds: Vec<NotificationKind> =
            every_notice(&units, "x").iter().map(|n| n.kind()).collect();
        assert_eq!(kinds, NotificationKind::ALL[6..13]);
    }
}
