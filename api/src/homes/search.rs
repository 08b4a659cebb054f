//! Forgiving text search: full-width and half-width forms, letter case and spacing do not matter.

use crate::Home;

/// Separates fields in a haystack so that a term never matches across two fields.
const FIELD_SEPARATOR: char = '\u{1}';

/// Folds full-width ASCII (ＡＢＣ１２３) to half-width, the ideographic space to a space, and
/// letters to lower case.
fn fold_char(c: char) -> char {
    let c = match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_lowercase().next().unwrap_or(c)
}

/// Characters a citizen may type or leave out without meaning anything by it.
fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '·' | '・' | '-' | '_' | '\'' | '’' | '.' | '。' | ',' | '，' | '、'
        )
}

/// The comparable form of a text: folded, with spacing and punctuation removed.
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(fold_char)
        .filter(|c| !is_ignorable(*c))
        .collect()
}

/// The query's terms: split at any spacing (full-width included), each normalized.
pub fn query_terms(query: &str) -> Vec<String> {
    query
        .chars()
        .map(fold_char)
        .collect::<String>()
        .split_whitespace()
        .map(normalize)
        .filter(|t| !t.is_empty())
        .collect()
}

/// A prepared text to search in, built from several fields.
#[derive(Debug, Clone)]
pub struct Haystack(String);

impl Haystack {
    /// Joins and normalizes the fields.
    pub fn new<'a>(fields: impl IntoIterator<Item = &'a str>) -> Self {
        let parts: Vec<String> = fields.into_iter().map(normalize).collect();
        Haystack(parts.join(&FIELD_SEPARATOR.to_string()))
    }

    /// Whether every term of the query occurs, or the whole query does once spacing is ignored.
    pub fn matches(&self, query: &str) -> bool {
        self.matches_prepared(&PreparedQuery::new(query))
    }

    /// Like [`Haystack::matches`], with the query normalized once for many haystacks.
    pub fn matches_prepared(&self, query: &PreparedQuery) -> bool {
        query.terms.is_empty()
            || query.terms.iter().all(|t| self.0.contains(t.as_str()))
            || self.0.contains(&query.whole)
    }
}

/// A query normalized once, to test against many haystacks.
#[derive(Debug, Clone)]
pub struct PreparedQuery {
    terms: Vec<String>,
    whole: String,
}

impl PreparedQuery {
    /// Splits and normalizes the query.
    pub fn new(query: &str) -> Self {
        PreparedQuery {
            terms: query_terms(query),
            whole: normalize(query),
        }
    }
}

/// The register prepared for searching: each home beside its normalized text, built once per
/// register rather than once per request.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<(Home, Haystack)>,
}

impl SearchIndex {
    /// Prepares the homes, keeping their order.
    pub fn new(homes: Vec<Home>) -> Self {
        SearchIndex {
            entries: homes
                .into_iter()
                .map(|h| {
                    let hay = home_haystack(&h);
                    (h, hay)
                })
                .collect(),
        }
    }

    /// The homes with their prepared text, in register order.
    pub fn entries(&self) -> impl Iterator<Item = (&Home, &Haystack)> {
        self.entries.iter().map(|(h, hay)| (h, hay))
    }

    /// Number of homes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no homes.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// One home by id.
    pub fn get(&self, id: &str) -> Option<&Home> {
        self.entries.iter().map(|(h, _)| h).find(|h| h.id == id)
    }
}

/// Everything a citizen may search a home by: names, district, street, address and field.
pub fn home_haystack(home: &Home) -> Haystack {
    Haystack::new([
        home.name_zh.as_str(),
        home.name_en.as_str(),
        home.district.name_zh(),
        home.district.name_en(),
        home.street.as_str(),
        home.address.as_str(),
        home.home_type.search_terms_zh(),
        home.home_type.code(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_letters_digits_and_spaces_fold_to_half_width() {
        assert_eq!(normalize("ＡＢＣ　１２３"), "abc123");
        assert_eq!(normalize("Xincheng District"), "xinchengdistrict");
    }

    #[test]
    fn spacing_and_punctuation_do_not_matter() {
        let h = Haystack::new(["海拉尔东路街道人大代表之家"]);
        assert!(h.matches("海拉尔 东路"));
        assert!(
            !h.matches("海拉尔東路"),
            "traditional characters are not folded"
        );
        assert!(h.matches(" 海拉尔东路 "));
    }

    #[test]
    fn every_term_must_match_somewhere() {
        let h = Haystack::new(["法律专业人大代表之家", "新城区"]);
        assert!(h.matches("新城区 法律"));
        assert!(
            h.matches("新城区　法律"),
            "ideographic space separates terms too"
        );
        assert!(!h.matches("赛罕区 法律"));
    }

    #[test]
    fn a_term_never_matches_across_two_fields() {
        let h = Haystack::new(["之家", "新城"]);
        assert!(!h.matches("之家新城"));
    }

    #[test]
    fn an_empty_query_matches_everything() {
        assert!(Haystack::new(["x"]).matches("  　 "));
    }
}
