//! The end of the opinions chain as citizens see it: the reply's class, the citizen's rating
//! (评价), the public board (公开) and the statistics.

// The reply and its rating live in `reply`, which the status page's view uses too; they are
// named here as well because the board shows them.
pub use crate::opinions::reply::{
    OpinionRating, OpinionReply, RateOpinion, Rating, ReplyClass, MAX_COMMENT_CHARS,
};
use crate::opinions::Category;
use crate::platform::apps::{page_href, Page};
use crate::District;
use serde::{Deserialize, Serialize};

crate::form_fields! {
    /// The parameters of the statistics.
    pub enum StatsField {
        /// The year counted.
        Year = "year",
    }
}

/// Query of `GET /api/public/opinions`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PublicBoardQuery {
    /// Only this category.
    #[serde(default)]
    pub category: Option<Category>,
    /// 1-based page number (20 per page), at most 1,000,000; 1 when absent or 0.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(minimum = 0, maximum = 1000000))]
    pub page: Option<u32>,
}

impl PublicBoardQuery {
    /// The board's query as its page's URL gives it (`/board?category=…&page=…`): a category or
    /// page number that does not read is left out, as if absent.
    pub fn from_page(category: Option<&str>, page: Option<&str>) -> PublicBoardQuery {
        PublicBoardQuery {
            category: category.and_then(Category::from_code),
            page: page.and_then(|n| n.parse().ok()),
        }
    }

    /// The parameters of the API request, in the order they are sent.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let category = self.category.map(|c| ("category", c.code().to_owned()));
        let page = self.page.map(|p| ("page", p.to_string()));
        category.into_iter().chain(page).collect()
    }

    /// The board's page URL for this query's category at `page`.
    pub fn page_href(&self, page: u32) -> String {
        page_href(
            &Page::Board.path(),
            [
                ("category", self.category.map(|c| c.code().to_owned())),
                ("page", (page > 1).then(|| page.to_string())),
            ],
        )
    }
}

/// A published opinion on the public board: what was asked and answered, never who asked or
/// where they are (no name, phone, location, home or photos).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicOpinion {
    /// e.g. `YJ20261128-0042`.
    pub tracking_number: String,
    /// What it is about.
    pub category: Category,
    /// The district of the home it was raised at, if any (coarse enough to identify nobody).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<District>,
    /// The citizen's title.
    pub title: String,
    /// The citizen's text.
    pub body: String,
    /// The handling units' names.
    pub units: Vec<String>,
    /// The reply's class.
    pub reply_class: ReplyClass,
    /// The reply.
    pub reply_text: String,
    /// Submitted, Unix milliseconds.
    pub submitted_at_ms: i64,
    /// Replied, Unix milliseconds.
    pub replied_at_ms: i64,
    /// Published, Unix milliseconds.
    pub published_at_ms: i64,
    /// The citizen's verdict, if they rated (the comment is not shown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

/// Answer of `GET /api/public/opinions`, newest published first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicOpinionPage {
    /// This page's opinions, at most 20.
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub items: Vec<PublicOpinion>,
    /// How many match, over all pages.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// Items per page.
    pub page_size: u32,
}

/// A count under a name: a status, category, district (`none` when no home) or unit code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NamedCount {
    /// The wire code of the status, category or district, or a unit's id.
    pub key: String,
    /// How many opinions.
    pub count: u64,
}

/// Shares of the ratings given, each from 0 to 1; all 0 when nobody rated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Satisfaction {
    /// How many rated.
    pub rated: u64,
    /// Share satisfied.
    pub satisfied: f64,
    /// Share fairly satisfied.
    pub fairly: f64,
    /// Share not satisfied.
    pub not: f64,
}

/// One handling unit's scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitScore {
    /// The unit's id.
    pub unit_id: String,
    /// The unit's name.
    pub name: String,
    /// Opinions assigned to it.
    pub assigned: u64,
    /// Of those, replied.
    pub replied: u64,
    /// Share of the replies given by the due date (0 to 1); absent before any reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_time_share: Option<f64>,
    /// Median days from assignment to reply; absent before any reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_days_to_reply: Option<f64>,
    /// The citizens' ratings of its replies.
    pub satisfaction: Satisfaction,
}

/// Answer of `GET /api/public/stats` and `GET /api/staff/stats`: figures over every opinion
/// (no personal data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionStats {
    /// Every opinion received.
    pub total: u64,
    /// Per status (codes as `OpinionStatus`), only those with opinions.
    pub by_status: Vec<NamedCount>,
    /// Per category (codes as `Category`).
    pub by_category: Vec<NamedCount>,
    /// Per district of the home raised at (codes as `District`; `none`: no home given).
    pub by_district: Vec<NamedCount>,
    /// Assigned and not replied, past the due date.
    pub overdue: u64,
    /// Median days from submission to reply; absent before any reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_days_to_reply: Option<f64>,
    /// Share of replies given by the due date (0 to 1); absent before any reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_time_share: Option<f64>,
    /// The citizens' ratings.
    pub satisfaction: Satisfaction,
    /// Per handling unit, every unit that was ever assigned an opinion, by name.
    pub units: Vec<UnitScore>,
    /// The year (Hohhot time, by submission) the figures are limited to; absent for all years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
    /// The years that have opinions, newest first, to choose from.
    #[serde(default)]
    pub years: Vec<i64>,
    /// Staff only: per home raised at (the home's id), most first; empty in the public answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_home: Vec<NamedCount>,
}

/// Query of `GET /api/public/stats` and `GET /api/staff/stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct StatsQuery {
    /// Only opinions submitted in this year (2000 to 2100, Hohhot time).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(minimum = 2000, maximum = 2100))]
    pub year: Option<i64>,
}

/// The median of some values (the mean of the middle two for an even count); `None` when empty.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

/// `part / whole`, or `None` when `whole` is 0.
pub fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

impl Satisfaction {
    /// Shares from the ratings given.
    pub fn of(ratings: &[Rating]) -> Satisfaction {
        let rated = ratings.len() as u64;
        let count = |r: Rating| share(ratings.iter().filter(|x| **x == r).count() as u64, rated);
        Satisfaction {
            rated,
            satisfied: count(Rating::Satisfied).unwrap_or(0.0),
            fairly: count(Rating::Fairly).unwrap_or(0.0),
            not: count(Rating::Not).unwrap_or(0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boards_url_and_request_carry_only_what_reads() {
        let query = PublicBoardQuery::from_page(Some("transport"), Some("2"));
        assert_eq!(query.category, Some(Category::Transport));
        assert_eq!(
            query.pairs(),
            [("category", "transport".into()), ("page", "2".into())]
        );
        assert_eq!(query.page_href(3), "/board?category=transport&page=3");
        assert_eq!(query.page_href(1), "/board?category=transport");
        let unread = PublicBoardQuery::from_page(Some("nonsense"), Some("x"));
        assert_eq!(unread, PublicBoardQuery::default());
        assert!(unread.pairs().is_empty());
        assert_eq!(unread.page_href(2), "/board?page=2");
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 10.0]), Some(3.5));
    }

    #[test]
    fn satisfaction_shares_add_up_and_nobody_rated_is_all_zero() {
        let s = Satisfaction::of(&[
            Rating::Satisfied,
            Rating::Satisfied,
            Rating::Not,
            Rating::Fairly,
        ]);
        assert_eq!(
            (s.rated, s.satisfied, s.fairly, s.not),
            (4, 0.5, 0.25, 0.25)
        );
        let none = Satisfaction::of(&[]);
        assert_eq!((none.rated, none.satisfied), (0, 0.0));
        assert_eq!(share(1, 0), None);
    }

    #[test]
    fn a_rating_needs_a_short_comment_and_leaves_ownership_to_the_server() {
        let rate = RateOpinion {
            rating: Rating::Fairly,
            comment: Some("还可以".into()),
            private_token: None,
        };
        // Without a token the session of the opinion's phone proves it; the server checks.
        assert!(rate.validate().is_ok());
        let control = RateOpinion {
            comment: Some("还可以\u{0}".into()),
            ..rate.clone()
        };
        assert_eq!(
            control.validate().unwrap_err().field_name(),
            Some("comment")
        );
        let long = RateOpinion {
            comment: Some("字".repeat(501)),
            ..rate
        };
        assert_eq!(long.validate().unwrap_err().field_name(), Some("comment"));
        assert_eq!(Rating::from_score(Rating::Not.score()), Some(Rating::Not));
        assert_eq!(serde_json::to_value(ReplyClass::B).unwrap(), "B");
    }
}
