//! The texts of the messages about opinions, in Chinese (zh-CN), plain text. Each names the
//! tracking number and says that it and the phone's last four digits open the status page; none
//! carries the private link's token. They aim at one text message (70 characters); only what
//! staff wrote or named (a reason, several units) is shortened to fit.

use crate::meetings::messages::SIGNATURE;
use deputy_homes_api::opinions::board::ReplyClass;
use deputy_homes_api::platform::outbox::NotificationKind;

/// The characters of one text message; longer ones go out as several.
pub const ONE_MESSAGE_CHARS: usize = 70;

/// How a citizen finds the status page.
const LOOK_UP: &str = "凭查询码和手机号后四位可查详情。";

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
        match self {
            OpinionNotice::Accepted => NotificationKind::OpinionAccepted,
            OpinionNotice::Rejected { .. } => NotificationKind::OpinionRejected,
            OpinionNotice::Assigned { .. } => NotificationKind::OpinionAssigned,
            OpinionNotice::Replied { .. } => NotificationKind::OpinionReplied,
            OpinionNotice::Extended { .. } => NotificationKind::OpinionExtended,
            OpinionNotice::Closed => NotificationKind::OpinionClosed,
            OpinionNotice::Published => NotificationKind::OpinionPublished,
        }
    }

    /// The text about the opinion with this tracking number.
    pub fn text(&self, tracking_number: &str) -> String {
        let opening = format!("{SIGNATURE}您的意见{tracking_number}");
        // What is left of one message for what staff wrote or named.
        let room = |fixed: &str| {
            ONE_MESSAGE_CHARS.saturating_sub(chars(&opening) + chars(fixed) + chars(LOOK_UP))
        };
        let news = match self {
            OpinionNotice::Accepted => "已受理，将转交承办单位办理。".to_owned(),
            OpinionNotice::Rejected { message } => {
                let fixed = "不予受理：。";
                format!("不予受理：{}。", shortened(message, room(fixed)))
            }
            OpinionNotice::Assigned { units, due_date } => {
                let fixed = format!("已交办理，{due_date}前答复。");
                format!(
                    "已交{}办理，{due_date}前答复。",
                    unit_names(units, room(&fixed))
                )
            }
            OpinionNotice::Replied { class } => format!("已答复（{}）。", class_name(*class)),
            OpinionNotice::Extended { due_date } => format!("办理期限延长至{due_date}。"),
            OpinionNotice::Closed => "已办结。".to_owned(),
            OpinionNotice::Published => {
                "已办结，答复已在公开答复栏目公开（不含姓名和手机号）。".to_owned()
            }
        };
        format!("{opening}{news}{LOOK_UP}")
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
             凭查询码和手机号后四位可查详情。"
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
            texts[1].contains("不予受理：属于广告信息。凭"),
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
}
