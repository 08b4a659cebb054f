//! Traditional Mongolian typed by people (citizens; staff's steps on opinions, replies among
//! them; delegates' reception records), brought to the standard encoding (UTN #57, as
//! GB/T 25914-2023) whichever keyboard sent it; every other text is left byte for byte.
//!
//! Vendor keyboards send Mongolian in encodings of their own: Menksoft's and Z52's shape codes
//! (one code per glyph, Menksoft's in the Private Use Area, Z52's squatting in the Mongolian
//! block's Todo and Ali Gali letters), and the Unicode letters spelled as Delehi's or Menksoft's
//! pre-UTN #57 fonts drew them. A font that follows UTN #57 (ours, Noto Sans Mongolian 3) draws
//! shape codes as nothing and legacy spellings with wrong forms. `mongol-convert` converts each
//! encoding but cannot tell which one a text is in; this module decides that ([`detect`]).
//!
//! Converted text comes out in `mongol-convert`'s spelling, `mongol-norm`'s canonical one: the
//! written units pinned with variation selectors, which draws the same word as the nominal
//! spelling but is not always that spelling (ᠮᠣᠩᠭᠣᠯ comes out as ᠮᠣᠠᠭ᠌ᠨ᠋ᠨ᠋ᠣᠯ). Shape codes hold no more
//! than the glyphs, so that is the best there is for them; Unicode text that UTN #57 already draws
//! as its keyboard meant is therefore kept as typed, not canonicalized, so a citizen who typed the
//! nominal spelling keeps it (search, copying and screen readers need it).
//!
//! This runs on the server only: the crates' tables would weigh on the browser's wasm.

use deputy_homes_api::meetings::booking::NewBooking;
use deputy_homes_api::meetings::reception::RecordInput;
use deputy_homes_api::opinions::handling::{
    AssignOpinion, BulkAction, ExtendOpinion, InternalNote, RejectOpinion, ReplyToOpinion, StepNote,
};
use deputy_homes_api::opinions::reply::RateOpinion;
use deputy_homes_api::opinions::NewOpinion;
use deputy_homes_api::projects::NewProposal;
use mongol_convert::{translate_with_options, CodeType, TranslationOptions};
use mongol_norm::{is_mongolian_word_char, Locale, Shaper};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The encoding a text's Mongolian was typed in, as far as it can be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Menksoft's shape codes, U+E234–U+E34F in the Private Use Area.
    MenkShape,
    /// ZVVNMOD's shape codes, U+E000–U+E144 in the Private Use Area.
    Zvvnmod,
    /// Z52's shape codes: the Mongolian block's Todo and Ali Gali letters, without any of the
    /// Hudum letters a Hohhot text is written in.
    Z52,
    /// Unicode letters spelled for Delehi's fonts.
    Delehi,
    /// Unicode letters spelled for Menksoft's Unicode fonts.
    MenkLetter,
}

impl Source {
    fn code_type(self) -> CodeType {
        match self {
            Source::MenkShape => CodeType::MenkShape,
            Source::Zvvnmod => CodeType::Zvvnmod,
            Source::Z52 => CodeType::Z52,
            Source::Delehi => CodeType::Delehi,
            Source::MenkLetter => CodeType::MenkLetter,
        }
    }
}

/// The text in the standard encoding: borrowed, unchanged, unless it holds Mongolian in another
/// encoding ([`detect`]). Text without Mongolian (Chinese, Latin, emoji) is never touched.
pub fn to_standard(text: &str) -> Cow<'_, str> {
    let Some(source) = detect(text) else {
        return Cow::Borrowed(text);
    };
    // Emoji stay emoji: iOS once sent some of Menksoft's codes as emoji, but a citizen typing
    // into our form means the emoji they see.
    let options = TranslationOptions {
        restore_menk_shape_emoji: false,
        ..TranslationOptions::default()
    };
    match translate_with_options(source.code_type(), CodeType::Utn57, text, &options) {
        Ok(converted) => Cow::Owned(converted.text),
        // A text the converter cannot read is kept as typed rather than refused or lost.
        Err(_) => Cow::Borrowed(text),
    }
}

/// Replaces `text` with its standard encoding when that differs.
pub fn standardize(text: &mut String) {
    if let Cow::Owned(converted) = to_standard(text) {
        *text = converted;
    }
}

/// Which encoding other than UTN #57 the text's Mongolian is in; `None` for UTN #57 text and
/// text without Mongolian.
pub fn detect(text: &str) -> Option<Source> {
    if !text.chars().any(|c| is_pua(c) || in_mongolian_block(c)) {
        return None;
    }
    shape_codes(text).or_else(|| legacy_spelling(text))
}

fn is_pua(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

fn in_mongolian_block(c: char) -> bool {
    ('\u{1800}'..='\u{18AF}').contains(&c)
}

/// The Hudum letters (U+1820–U+1842) that every Unicode encoding of Hohhot's Mongolian uses.
fn is_hudum_letter(c: char) -> bool {
    ('\u{1820}'..='\u{1842}').contains(&c)
}

/// Shape codes: every Private Use character in one vendor's range and in runs of two or more (a
/// word), or Z52's letters with no Hudum letter beside them. A lone Private Use character among
/// Chinese is more likely a rare Han character a font maps there, and is left alone.
fn shape_codes(text: &str) -> Option<Source> {
    let pua: Vec<char> = text.chars().filter(|c| is_pua(*c)).collect();
    if !pua.is_empty() {
        let in_words = pua_runs(text).all(|run| run >= 2);
        let all_in = |range: std::ops::RangeInclusive<char>| pua.iter().all(|c| range.contains(c));
        return match in_words {
            true if all_in('\u{E234}'..='\u{E34F}') => Some(Source::MenkShape),
            true if all_in('\u{E000}'..='\u{E144}') => Some(Source::Zvvnmod),
            _ => None,
        };
    }
    let z52 = text.chars().any(|c| ('\u{184F}'..='\u{18AA}').contains(&c));
    (z52 && !text.chars().any(is_hudum_letter)).then_some(Source::Z52)
}

/// The lengths of the runs of Private Use characters.
fn pua_runs(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.split(|c: char| !is_pua(c))
        .map(|run| run.chars().count())
        .filter(|n| *n > 0)
}

fn shaper() -> &'static Shaper {
    static SHAPER: OnceLock<Shaper> = OnceLock::new();
    SHAPER.get_or_init(|| Shaper::new(Locale::Mng))
}

/// A legacy Unicode spelling, told by three signs together: a variation selector that changes
/// nothing under UTN #57 (it meant something to the vendor's font), the text converts to UTN #57
/// and back to that vendor's spelling unchanged, and UTN #57 draws it otherwise than that vendor
/// did. Text UTN #57 draws as the vendor did is kept as typed: it looks right already.
fn legacy_spelling(text: &str) -> Option<Source> {
    if !text.chars().any(is_hudum_letter) || !has_idle_variation_selector(text) {
        return None;
    }
    let as_typed = shapes(text)?;
    let candidates: Vec<(Source, Vec<String>)> = [Source::MenkLetter, Source::Delehi]
        .into_iter()
        .filter_map(|source| {
            let utn57 = convert(source.code_type(), CodeType::Utn57, text)?;
            let back = convert(CodeType::Utn57, source.code_type(), &utn57)?;
            let drawn = shapes(&utn57)?;
            (back == text && drawn != as_typed).then_some((source, drawn))
        })
        .collect();
    match candidates.as_slice() {
        [(source, _)] => Some(*source),
        // Both vendors' readings draw the same: either converts it right.
        [(source, first), (_, second)] if first == second => Some(*source),
        _ => None,
    }
}

fn convert(from: CodeType, to: CodeType, text: &str) -> Option<String> {
    mongol_convert::translate(from, to, text).ok()
}

/// The written units UTN #57 draws for each Mongolian word of the text.
fn shapes(text: &str) -> Option<Vec<String>> {
    text.split(|c: char| !is_mongolian_word_char(c))
        .filter(|word| !word.is_empty())
        .map(|word| shaper().shape_str(word).ok())
        .collect()
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{180B}'..='\u{180D}' | '\u{180F}')
}

/// Whether some variation selector could be removed without changing what UTN #57 draws. Each
/// word is shaped on its own, so a long text costs its length, not its length squared.
fn has_idle_variation_selector(text: &str) -> bool {
    text.split(|c: char| !is_mongolian_word_char(c))
        .filter(|word| word.chars().any(is_variation_selector))
        .any(|word| {
            let Ok(as_typed) = shaper().shape_str(word) else {
                return false;
            };
            word.char_indices()
                .filter(|(_, c)| is_variation_selector(*c))
                .any(|(at, c)| {
                    let without = format!("{}{}", &word[..at], &word[at + c.len_utf8()..]);
                    shaper().shape_str(&without).ok().as_ref() == Some(&as_typed)
                })
        })
}

/// A request whose free text a citizen typed: each such field is brought to the standard
/// encoding before the request is checked and stored.
pub trait TypedText {
    /// Brings every field a person typed to the standard encoding.
    fn standardize_mongolian(&mut self);
}

impl TypedText for NewOpinion {
    fn standardize_mongolian(&mut self) {
        standardize(&mut self.title);
        standardize(&mut self.body);
        if let Some(contact) = &mut self.contact {
            standardize(&mut contact.name);
        }
    }
}

impl TypedText for RateOpinion {
    fn standardize_mongolian(&mut self) {
        if let Some(comment) = &mut self.comment {
            standardize(comment);
        }
    }
}

impl TypedText for NewBooking {
    fn standardize_mongolian(&mut self) {
        standardize(&mut self.name);
        standardize(&mut self.topic);
    }
}

impl TypedText for NewProposal {
    fn standardize_mongolian(&mut self) {
        standardize(&mut self.title);
        standardize(&mut self.what_and_where);
        standardize(&mut self.beneficiaries);
    }
}

/// A staff step's free text, where the citizen reads it or staff do (a note, a reply, a reason).
fn standardize_note(note: &mut Option<String>) {
    if let Some(note) = note {
        standardize(note);
    }
}

impl TypedText for StepNote {
    fn standardize_mongolian(&mut self) {
        standardize_note(&mut self.note);
    }
}

impl TypedText for RejectOpinion {
    fn standardize_mongolian(&mut self) {
        standardize(&mut self.message);
    }
}

impl TypedText for AssignOpinion {
    fn standardize_mongolian(&mut self) {
        standardize_note(&mut self.note);
    }
}

impl TypedText for ReplyToOpinion {
    fn standardize_mongolian(&mut self) {
        standardize(&mut self.text);
    }
}

impl TypedText for ExtendOpinion {
    fn standardize_mongolian(&mut self) {
        standardize(&mut self.reason);
    }
}

impl TypedText for InternalNote {
    fn standardize_mongolian(&mut self) {
        standardize(&mut self.text);
    }
}

impl TypedText for BulkAction {
    fn standardize_mongolian(&mut self) {
        standardize_note(&mut self.note);
    }
}

impl TypedText for RecordInput {
    fn standardize_mongolian(&mut self) {
        standardize(&mut self.raised);
        standardize(&mut self.follow_up);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words and phrases in UTN #57's nominal spelling.
    const WORDS: [&str; 14] = [
        "ᠮᠣᠩᠭᠣᠯ",
        "ᠰᠠᠶᠢᠨ",
        "ᠬᠥᠬᠡᠬᠣᠲᠠ",
        "ᠪᠢᠴᠢᠭ",
        "ᠠᠷᠠᠳ ᠤᠨ",
        "ᠭᠡᠷ ᠪᠦᠯᠢ",
        "ᠰᠤᠷᠭᠠᠭᠤᠯᠢ",
        "ᠵᠠᠮ ᠤᠨ ᠠᠰᠠᠭᠤᠳᠠᠯ",
        "ᠨᠠᠳᠤᠮ",
        "ᠬᠠᠷᠢᠶ᠎ᠠ",
        "ᠶᠠᠭᠤ",
        "ᠣᠷᠣᠨ ᠰᠠᠭᠤᠴᠠ",
        "ᠡᠭᠦᠳᠡ",
        "ᠳᠡᠯᠭᠡᠭᠦᠷ",
    ];

    fn encoded(word: &str, to: CodeType) -> String {
        mongol_convert::translate(CodeType::Utn57, to, word).expect("the word converts")
    }

    fn looks_like(converted: &str, word: &str) {
        assert_eq!(
            shapes(converted),
            shapes(word),
            "{converted:?} does not draw as {word:?}"
        );
        assert!(
            !converted.chars().any(is_pua),
            "{converted:?} still holds shape codes"
        );
    }

    #[test]
    fn menksoft_shape_codes_become_unicode_that_draws_the_same_word() {
        for word in WORDS {
            let typed = encoded(word, CodeType::MenkShape);
            assert_eq!(detect(&typed), Some(Source::MenkShape), "{word}");
            looks_like(&to_standard(&typed), word);
        }
    }

    #[test]
    fn z52_and_zvvnmod_shape_codes_become_unicode_that_draws_the_same_word() {
        for word in WORDS {
            for (code, source) in [
                (CodeType::Z52, Source::Z52),
                (CodeType::Zvvnmod, Source::Zvvnmod),
            ] {
                let typed = encoded(word, code);
                assert_eq!(detect(&typed), Some(source), "{word} in {code:?}");
                looks_like(&to_standard(&typed), word);
            }
        }
    }

    #[test]
    fn legacy_unicode_spellings_that_utn57_draws_wrong_are_converted() {
        // Menksoft's Unicode spells ᠰᠠᠶᠢᠨ with two selectors UTN #57 reads as another word;
        // Delehi spells the final G of ᠪᠢᠴᠢᠭ as H with a selector.
        for (word, code, source) in [
            ("ᠰᠠᠶᠢᠨ", CodeType::MenkLetter, Source::MenkLetter),
            ("ᠪᠢᠴᠢᠭ", CodeType::Delehi, Source::Delehi),
        ] {
            let typed = encoded(word, code);
            assert_ne!(
                shapes(&typed),
                shapes(word),
                "UTN #57 draws {typed:?} right"
            );
            assert_eq!(detect(&typed), Some(source));
            looks_like(&to_standard(&typed), word);
        }
    }

    #[test]
    fn every_legacy_spelling_of_the_word_list_ends_drawn_right() {
        for word in WORDS {
            for code in [CodeType::Delehi, CodeType::MenkLetter] {
                let typed = encoded(word, code);
                looks_like(&to_standard(&typed), word);
            }
        }
    }

    #[test]
    fn unicode_in_the_standard_spelling_is_kept_byte_for_byte() {
        for word in WORDS {
            assert_eq!(detect(word), None, "{word}");
            assert!(matches!(to_standard(word), Cow::Borrowed(w) if w == word));
        }
        let sentence = "ᠬᠥᠬᠡᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠥᠭᠡᠯᠡᠭᠴᠢ ᠶᠢᠨ ᠭᠡᠷ᠃";
        assert_eq!(to_standard(sentence), sentence);
    }

    #[test]
    fn chinese_english_and_emoji_are_never_touched() {
        for text in [
            "小区门口的路灯坏了三个月，晚上老人出门很不方便。",
            "The street light has been broken for three months.",
            "路灯 😀👍🏽 ok",
            "🇨🇳 ❤️ 👨‍👩‍👧",
            "",
        ] {
            assert_eq!(detect(text), None, "{text}");
            assert!(matches!(to_standard(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn a_lone_private_use_character_among_chinese_is_left_alone() {
        // A rare Han character some input methods map into the Private Use Area.
        let name = "王\u{E2F1}华";
        assert_eq!(detect(name), None);
        assert_eq!(to_standard(name), name);
    }

    #[test]
    fn chinese_and_emoji_around_menksoft_codes_come_through_unchanged() {
        let typed = format!("路灯 {} 😀", encoded("ᠮᠣᠩᠭᠣᠯ", CodeType::MenkShape));
        let standard = to_standard(&typed);
        assert!(standard.starts_with("路灯 ") && standard.ends_with(" 😀"));
        looks_like(
            &standard[("路灯 ".len())..standard.len() - " 😀".len()],
            "ᠮᠣᠩᠭᠣᠯ",
        );
    }

    #[test]
    fn literal_menksoft_codes_of_mongol_become_unicode() {
        // ᠮᠣᠩᠭᠣᠯ as Menksoft's keyboard sends it, written out.
        let typed = "\u{E2F1}\u{E291}\u{E2BD}\u{E2D9}\u{E291}\u{E2F9}";
        assert_eq!(detect(typed), Some(Source::MenkShape));
        looks_like(&to_standard(typed), "ᠮᠣᠩᠭᠣᠯ");
    }

    #[test]
    fn every_field_a_citizen_types_in_an_opinion_a_rating_and_a_proposal_is_standardized() {
        let menk = encoded("ᠰᠠᠶᠢᠨ", CodeType::MenkShape);
        let mut opinion: NewOpinion = serde_json::from_value(serde_json::json!({
            "category": "transport", "title": menk, "body": menk, "consent": true,
            "contact": { "name": menk, "phone": "13800138000" },
        }))
        .expect("an opinion");
        opinion.standardize_mongolian();
        let contact = opinion.contact.as_ref().expect("a contact");
        for text in [&opinion.title, &opinion.body, &contact.name] {
            looks_like(text, "ᠰᠠᠶᠢᠨ");
        }
        let mut rating: RateOpinion =
            serde_json::from_value(serde_json::json!({ "rating": "fairly", "comment": menk }))
                .expect("a rating");
        rating.standardize_mongolian();
        looks_like(rating.comment.as_deref().expect("a comment"), "ᠰᠠᠶᠢᠨ");
        let mut proposal: NewProposal = serde_json::from_value(serde_json::json!({
            "title": menk, "what_and_where": menk, "beneficiaries": menk,
            "district": "xincheng", "category": "transport",
        }))
        .expect("a proposal");
        proposal.standardize_mongolian();
        for text in [
            &proposal.title,
            &proposal.what_and_where,
            &proposal.beneficiaries,
        ] {
            looks_like(text, "ᠰᠠᠶᠢᠨ");
        }
    }

    #[test]
    fn every_field_a_citizen_types_in_a_booking_is_standardized() {
        let menk = encoded("ᠰᠠᠶᠢᠨ", CodeType::MenkShape);
        let mut booking = NewBooking {
            name: menk.clone(),
            phone: "13800138000".into(),
            topic: menk,
            access_needs: Vec::new(),
            consent: true,
        };
        booking.standardize_mongolian();
        looks_like(&booking.name, "ᠰᠠᠶᠢᠨ");
        looks_like(&booking.topic, "ᠰᠠᠶᠢᠨ");
        assert_eq!(booking.phone, "13800138000");
    }
}
