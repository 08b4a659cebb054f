//! Near-duplicate opinions: the same matter sent twice, or by neighbours in nearly the same
//! words. Texts are compared by the Jaccard similarity of their character bigrams after
//! normalisation, which suits Chinese (no word boundaries) and tolerates small edits.

use std::collections::BTreeSet;

/// Similarity at or above which two opinions are flagged as near duplicates.
pub const NEAR_DUPLICATE_THRESHOLD: f64 = 0.6;
/// How far back, in days, an opinion is compared with earlier ones.
pub const NEAR_DUPLICATE_WINDOW_DAYS: i64 = 90;

/// The text lowercased, with whitespace and punctuation removed (letters and digits of any
/// script stay).
pub fn normalize(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The set of adjacent character pairs of the normalised text (a one-character text is its own
/// single "pair").
pub fn bigrams(text: &str) -> BTreeSet<(char, char)> {
    let chars = normalize(text);
    match chars.len() {
        0 => BTreeSet::new(),
        1 => BTreeSet::from([(chars[0], chars[0])]),
        _ => chars.windows(2).map(|w| (w[0], w[1])).collect(),
    }
}

/// Jaccard similarity (|A ∩ B| / |A ∪ B|) of two texts' bigram sets, from 0 to 1; two empty
/// texts are 0 (nothing to compare).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (bigrams(a), bigrams(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// The key of the most similar candidate at or above the threshold (the first on a tie), if
/// any. The caller passes only earlier opinions of the window, never the opinion itself.
pub fn near_duplicate_of<'a>(text: &str, candidates: &[(&'a str, &str)]) -> Option<&'a str> {
    let mine = bigrams(text);
    let mut best: Option<(&'a str, f64)> = None;
    for (key, other) in candidates {
        let theirs = bigrams(other);
        let union = mine.union(&theirs).count();
        if union == 0 {
            continue;
        }
        let score = mine.intersection(&theirs).count() as f64 / union as f64;
        if score >= NEAR_DUPLICATE_THRESHOLD && best.is_none_or(|(_, s)| score > s) {
            best = Some((key, score));
        }
    }
    best.map(|(key, _)| key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_spaces_and_case_do_not_count() {
        assert_eq!(similarity("公交站，缺遮阳棚！", "公交站 缺遮阳棚"), 1.0);
        assert_eq!(similarity("Bus STOP", "bus stop"), 1.0);
        assert_eq!(similarity("", "。"), 0.0);
    }

    #[test]
    fn a_light_rewording_is_similar_and_another_matter_is_not() {
        let first = "新华大街公交站夏天很晒，老人等车困难，建议加装遮阳棚。";
        let reworded = "新华大街公交站夏天太晒了，老人等车困难，建议加装遮阳棚";
        let other = "小区门口路灯坏了很久，晚上出行不安全，请尽快维修。";
        assert!(similarity(first, reworded) >= NEAR_DUPLICATE_THRESHOLD);
        assert!(similarity(first, other) < 0.1);
    }

    #[test]
    fn the_most_similar_candidate_above_the_threshold_is_named() {
        let text = "新华大街公交站夏天很晒，建议加装遮阳棚";
        let candidates = [
            ("YJ1", "小区门口路灯坏了很久，请尽快维修"),
            ("YJ2", "新华大街公交站很晒，建议加装遮阳棚"),
            ("YJ3", "新华大街公交站夏天很晒，建议加装遮阳棚。"),
        ];
        assert_eq!(near_duplicate_of(text, &candidates), Some("YJ3"));
        assert_eq!(near_duplicate_of(text, &candidates[..1]), None);
        assert_eq!(near_duplicate_of(text, &[]), None);
    }
}
