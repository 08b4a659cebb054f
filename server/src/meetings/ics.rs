//! iCalendar files (RFC 5545) for one activity, so a citizen can put it in the phone's calendar.
//!
//! A small writer rather than a crate: one event with seven properties needs only escaping,
//! UTC times and line folding, all tested here.

use deputy_homes_api::meetings::activity::civil_from_days;

/// One event to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<'a> {
    /// Globally unique and stable, so a second download updates the first.
    pub uid: &'a str,
    /// When the file was made.
    pub stamp_ms: i64,
    pub starts_at_ms: i64,
    pub ends_at_ms: i64,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    pub cancelled: bool,
}

/// Longest line, in octets, before folding (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// A calendar holding the one event, with CRLF line endings and folded lines.
pub fn calendar(event: &Event) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//deputy-homes//Hohhot representatives' homes//ZH".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape_text(event.uid)),
        format!("DTSTAMP:{}", utc(event.stamp_ms)),
        format!("DTSTART:{}", utc(event.starts_at_ms)),
        format!("DTEND:{}", utc(event.ends_at_ms)),
        format!("SUMMARY:{}", escape_text(event.summary)),
        format!("LOCATION:{}", escape_text(event.location)),
        format!("DESCRIPTION:{}", escape_text(event.description)),
    ];
    if event.cancelled {
        lines.push("STATUS:CANCELLED".to_owned());
    }
    lines.push("END:VEVENT".to_owned());
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in &lines {
        fold_into(line, &mut out);
    }
    out
}

/// A moment as `YYYYMMDDTHHMMSSZ` (UTC).
pub fn utc(unix_ms: i64) -> String {
    let secs = unix_ms.div_euclid(1000);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let day_secs = secs.rem_euclid(86_400);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        day_secs / 3600,
        day_secs / 60 % 60,
        day_secs % 60
    )
}

/// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash,
/// line breaks become `\n`.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line with CRLF, folded so no line exceeds 75 octets; a fold never splits a
/// UTF-8 character, and each continuation starts with one space (which counts).
fn fold_into(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event<'a>(description: &'a str) -> Event<'a> {
        Event {
            uid: "activity-abc@deputy-homes",
            stamp_ms: 1_795_838_400_000,
            starts_at_ms: 1_796_086_800_000,
            ends_at_ms: 1_796_095_800_000,
            summary: "接待日 · 新城区海拉尔东路街道代表之家",
            location: "新城区海拉尔东路1号, 2楼; 东门",
            description,
            cancelled: false,
        }
    }

    /// Splits a file into its content lines, checking CRLF endings and line length, then
    /// unfolds them.
    fn unfold(text: &str) -> Vec<String> {
        assert!(text.ends_with("\r\n"));
        let physical: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
        let mut lines: Vec<String> = Vec::new();
        for line in physical {
            assert!(
                !line.contains('\n') && !line.contains('\r'),
                "bare line break"
            );
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line:?}",
                line.len()
            );
            match line.strip_prefix(' ') {
                Some(rest) => lines.last_mut().expect("a first line").push_str(rest),
                None => lines.push(line.to_owned()),
            }
        }
        lines
    }

    #[test]
    fn times_are_written_in_utc() {
        // 2026-11-28 12:00 in Hohhot.
        assert_eq!(utc(1_795_838_400_000), "20261128T040000Z");
        assert_eq!(utc(0), "19700101T000000Z");
        assert_eq!(utc(-1000), "19691231T235959Z");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\r\ne\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn long_chinese_lines_fold_at_75_octets_between_characters_and_unfold_back() {
        let description = "主题：社区停车难，".repeat(20);
        let text = calendar(&event(&description));
        let lines = unfold(&text);
        let folded = text.split("\r\n").filter(|l| l.starts_with(' ')).count();
        assert!(folded > 5, "the description was folded: {text}");
        let found = lines
            .iter()
            .find_map(|l| l.strip_prefix("DESCRIPTION:"))
            .expect("a DESCRIPTION");
        assert_eq!(found, escape_text(&description));
    }

    #[test]
    fn the_calendar_has_one_event_with_every_required_property() {
        let lines = unfold(&calendar(&event("预约码：ACD34X")));
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        for expected in [
            "VERSION:2.0",
            "BEGIN:VEVENT",
            "UID:activity-abc@deputy-homes",
            "DTSTAMP:20261128T040000Z",
            "DTSTART:20261201T010000Z",
            "DTEND:20261201T033000Z",
            "SUMMARY:接待日 · 新城区海拉尔东路街道代表之家",
            "LOCATION:新城区海拉尔东路1号\\, 2楼\\; 东门",
            "DESCRIPTION:预约码：ACD34X",
            "END:VEVENT",
        ] {
            assert!(
                lines.iter().any(|l| l == expected),
                "no {expected:?} in {lines:?}"
            );
        }
        assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
        assert!(!lines.iter().any(|l| l.starts_with("STATUS:")));
        let cancelled = calendar(&Event {
            cancelled: true,
            ..event("")
        });
        assert!(unfold(&cancelled).iter().any(|l| l == "STATUS:CANCELLED"));
    }
}
