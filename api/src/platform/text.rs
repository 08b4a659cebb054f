//! The characters free text may hold: no control characters (line breaks only where the text
//! has several lines) and no bidirectional overrides or isolates, which can make a name read
//! differently on a staff screen than it was typed.

use crate::platform::fields::FormField;
use crate::ApiError;

/// Whether a text is one line (a name, a topic, a reason) or may have several (an opinion's
/// body, a reply, a record).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: no control character at all.
    One,
    /// Several lines: line feeds, carriage returns and tabs are allowed, no other control.
    Many,
}

/// Whether `c` is one of the bidirectional embedding, override or isolate controls
/// (U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What is wrong with the characters of `text`, if anything, in words for developers.
pub fn text_problem(text: &str, lines: Lines) -> Option<&'static str> {
    for c in text.chars() {
        if is_bidi_control(c) {
            return Some("bidirectional override and isolate characters are not allowed");
        }
        if c.is_control() && !(lines == Lines::Many && matches!(c, '\n' | '\r' | '\t')) {
            return Some(match lines {
                Lines::One => "control characters and line breaks are not allowed",
                Lines::Many => "control characters other than line breaks are not allowed",
            });
        }
    }
    None
}

/// Refuses `text` as a bad `field` if it holds a character [`text_problem`] refuses.
pub fn check_text<F: FormField>(field: F, text: &str, lines: Lines) -> Result<(), ApiError> {
    match text_problem(text, lines) {
        Some(problem) => Err(ApiError::bad_parameter(
            field,
            format!("{}: {problem}", field.name()),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_in_any_script_passes() {
        assert_eq!(text_problem("张三 Zhang San, 第3号", Lines::One), None);
        assert_eq!(text_problem("line one\r\nline two\tend", Lines::Many), None);
    }

    #[test]
    fn control_characters_are_refused_and_line_breaks_only_in_one_line_text() {
        for text in ["a\u{0}b", "a\u{7}b", "a\u{1b}[31m", "a\u{7f}", "a\u{85}b"] {
            assert!(text_problem(text, Lines::One).is_some(), "{text:?}");
            assert!(text_problem(text, Lines::Many).is_some(), "{text:?}");
        }
        for text in ["a\nb", "a\rb", "a\tb"] {
            assert!(text_problem(text, Lines::One).is_some(), "{text:?}");
            assert_eq!(text_problem(text, Lines::Many), None, "{text:?}");
        }
    }

    #[test]
    fn bidirectional_overrides_and_isolates_are_refused_everywhere() {
        for c in ('\u{202A}'..='\u{202E}').chain('\u{2066}'..='\u{2069}') {
            let text = format!("abc{c}def");
            assert!(text_problem(&text, Lines::One).is_some(), "{c:?}");
            assert!(text_problem(&text, Lines::Many).is_some(), "{c:?}");
        }
        assert!(!is_bidi_control('\u{2029}'));
        assert!(!is_bidi_control('\u{206A}'));
    }
}
