//! Dates and times in traditional Mongolian, written by the app itself: CLDR has no patterns for
//! `mn-Mong-CN`. As the regional government's Mongolian site does, numbers stay Arabic digits and
//! the words for year, month and day follow them, each case suffix joined by a narrow no-break
//! space (U+202F), the month's final vowel separated by the vowel separator (U+180E). The words
//! are strings of the Mongolian catalog (`date_year_of` … `clock_minute`, written in `mn.rs`), so
//! they reach the browser with it; these functions are used only while it is the one in use.

use super::{CatalogText, Lang};

/// The Mongolian catalog's strings, with the words for year, month, day, hour and minute.
fn words() -> &'static CatalogText {
    Lang::Mn.catalog()
}

/// Parses a run of ASCII digits of the given length.
fn number(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `2026-03-05` → "2026 ᠣᠨ ᠤ 3 ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 5 ᠡᠳᠦᠷ"; anything else is returned as it is.
pub fn date(iso: &str) -> String {
    let mut parts = iso.split('-');
    let parsed = (|| {
        let year = number(parts.next()?, 4)?;
        let month = number(parts.next()?, 2).filter(|m| (1..=12).contains(m))?;
        let day = number(parts.next()?, 2).filter(|d| (1..=31).contains(d))?;
        parts.next().is_none().then_some((year, month, day))
    })();
    match parsed {
        Some((year, month, day)) => {
            let w = words();
            let (year_of, month_of, day_word) = (w.date_year_of, w.date_month_of, w.date_day);
            format!("{year} {year_of} {month} {month_of} {day} {day_word}")
        }
        None => iso.to_owned(),
    }
}

/// `09:30` → "9 ᠴᠠᠭ 30 ᠮᠢᠨᠦ᠋ᠲ", `14:00` → "14 ᠴᠠᠭ"; anything else is returned as it is.
pub fn clock(time: &str) -> String {
    let parsed = time.split_once(':').and_then(|(h, m)| {
        let hour = number(h, 2).filter(|h| *h < 24)?;
        let minute = number(m, 2).filter(|m| *m < 60)?;
        Some((hour, minute))
    });
    let (hour_word, minute_word) = (words().clock_hour, words().clock_minute);
    match parsed {
        Some((hour, 0)) => format!("{hour} {hour_word}"),
        Some((hour, minute)) => format!("{hour} {hour_word} {minute} {minute_word}"),
        None => time.to_owned(),
    }
}

/// `2026-03-05 09:30` → the date and then the time; anything else is returned as it is.
pub fn date_time(moment: &str) -> String {
    match moment.split_once(' ') {
        Some((d, t)) if date(d) != d && clock(t) != t => format!("{} {}", date(d), clock(t)),
        _ => moment.to_owned(),
    }
}

/// Every `HH:MM` inside a text (such as the opening hours `09:00–12:00、14:00–17:00`) written
/// by `write` (a catalog's `clock`), the rest of the text kept.
pub fn clocks_in(text: &str, write: fn(&str) -> String) -> String {
    let bytes = text.as_bytes();
    let is_clock = |i: usize| {
        bytes
            .get(i..i + 5)
            .is_some_and(|w| w[2] == b':' && [0, 1, 3, 4].iter().all(|&k| w[k].is_ascii_digit()))
    };
    let (mut out, mut i, mut copied) = (String::new(), 0, 0);
    while i < bytes.len() {
        if is_clock(i) {
            out.push_str(&text[copied..i]);
            out.push_str(&write(&text[i..i + 5]));
            i += 5;
            copied = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Hour" (o'clock): ᠴᠠᠭ.
    const HOUR: &str = "\u{1834}\u{1820}\u{182D}";
    /// "Minute", a loan word whose second-syllable ü takes FVS1: ᠮᠢᠨᠦ᠋ᠲ.
    const MINUTE: &str = "\u{182E}\u{1822}\u{1828}\u{1826}\u{180B}\u{1832}";

    #[test]
    fn a_date_has_arabic_digits_and_mongolian_words_for_year_month_and_day() {
        assert_eq!(
            date("2026-03-05"),
            "2026 \u{1823}\u{1828}\u{202F}\u{1824} 3 \u{1830}\u{1820}\u{1837}\u{180E}\u{1820}\u{202F}\u{1836}\u{1822}\u{1828} 5 \u{1821}\u{1833}\u{1826}\u{1837}"
        );
        assert!(date("2026-12-31").starts_with("2026 ") && date("2026-12-31").contains(" 12 "));
    }

    #[test]
    fn suffixes_are_joined_by_a_narrow_no_break_space_never_a_plain_one() {
        let written = date("2026-11-30");
        assert_eq!(written.matches('\u{202F}').count(), 2);
        assert!(!written.contains("\u{1823}\u{1828} \u{1824}"));
    }

    #[test]
    fn times_drop_leading_zeros_and_whole_hours_have_no_minutes() {
        assert_eq!(clock("09:30"), format!("9 {HOUR} 30 {MINUTE}"));
        assert_eq!(clock("14:00"), format!("14 {HOUR}"));
        assert_eq!(clock("00:05"), format!("0 {HOUR} 5 {MINUTE}"));
    }

    #[test]
    fn a_moment_is_its_date_then_its_time() {
        assert_eq!(
            date_time("2026-01-01 00:30"),
            format!("{} {}", date("2026-01-01"), clock("00:30"))
        );
        assert_eq!(
            clocks_in("09:00–12:00、14:30–17:00", clock),
            format!("9 {HOUR}–12 {HOUR}、14 {HOUR} 30 {MINUTE}–17 {HOUR}")
        );
    }

    #[test]
    fn what_is_not_a_date_or_time_is_left_as_it_is() {
        for text in [
            "",
            "2026-13-01",
            "2026-1-1",
            "26-01-01",
            "2026-01-01-01",
            "YJ20260101",
        ] {
            assert_eq!(date(text), text);
        }
        for text in ["24:00", "9:30", "09:60", "noon"] {
            assert_eq!(clock(text), text);
        }
        assert_eq!(date_time("2026-01-01"), "2026-01-01");
    }
}
