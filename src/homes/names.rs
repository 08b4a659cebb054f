//! Which of a home's names and addresses a language shows: the register's Mongolian ones in
//! the Mongolian interface where it has them, the Chinese ones otherwise (upright in the vertical
//! text), the English name in English.

use crate::i18n::Lang;

/// A name or address as shown, with the language it is written in when that is not the page's
/// (so the browser picks the font and a screen reader the voice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// A BCP 47 tag for the element's `lang`, or `None` to inherit the page's.
    pub lang: Option<&'static str>,
}

/// A home's name in `lang`: Mongolian (tagged `mn-Mong-CN`) when the register gives one, else
/// Chinese (tagged `zh-CN`) in the Mongolian interface; Chinese or English as before elsewhere.
pub fn home_name(lang: Lang, zh: &str, en: &str, mn: Option<&str>) -> Shown {
    match (lang, mn) {
        (Lang::Mn, Some(mn)) => tagged(mn, Lang::Mn),
        (Lang::Mn, None) => tagged(zh, Lang::Zh),
        (Lang::Zh, _) => untagged(zh),
        (Lang::En, _) => untagged(en),
    }
}

/// A home's address in `lang`: the register's Mongolian one in the Mongolian interface when it
/// has one, else the Chinese one (tagged `zh-CN` in the Mongolian interface).
pub fn home_address(lang: Lang, zh: &str, mn: Option<&str>) -> Shown {
    match (lang, mn) {
        (Lang::Mn, Some(mn)) => tagged(mn, Lang::Mn),
        (Lang::Mn, None) => tagged(zh, Lang::Zh),
        _ => untagged(zh),
    }
}

fn tagged(text: &str, lang: Lang) -> Shown {
    Shown {
        text: text.to_owned(),
        lang: Some(lang.tag()),
    }
}

fn untagged(text: &str) -> Shown {
    Shown {
        text: text.to_owned(),
        lang: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MN: &str = "ᠬᠥᠬᠡᠬᠣᠲᠠ";

    #[test]
    fn the_mongolian_interface_shows_the_mongolian_name_when_the_register_has_one() {
        let shown = home_name(Lang::Mn, "新城区之家", "Xincheng", Some(MN));
        assert_eq!(shown.text, MN);
        assert_eq!(shown.lang, Some("mn-Mong-CN"));
        assert_eq!(home_address(Lang::Mn, "新华大街", Some(MN)).text, MN);
    }

    #[test]
    fn without_a_mongolian_name_the_chinese_one_is_shown_tagged_as_chinese() {
        let shown = home_name(Lang::Mn, "新城区之家", "Xincheng", None);
        assert_eq!(shown.text, "新城区之家");
        assert_eq!(shown.lang, Some("zh-CN"));
        assert_eq!(home_address(Lang::Mn, "新华大街", None).lang, Some("zh-CN"));
    }

    #[test]
    fn chinese_and_english_are_shown_as_before_whatever_the_register_has() {
        assert_eq!(
            home_name(Lang::Zh, "新城区之家", "Xincheng", Some(MN)),
            untagged("新城区之家")
        );
        assert_eq!(
            home_name(Lang::En, "新城区之家", "Xincheng", Some(MN)),
            untagged("Xincheng")
        );
        assert_eq!(
            home_address(Lang::En, "新华大街", Some(MN)),
            untagged("新华大街")
        );
    }
}
