//! What the staff's opinion pages decide without drawing anything: which steps an opinion's
//! status allows, how the queue's filters live in the URL, which units a search shows, and how a
//! refusal from the server is worded next to its field.

use deputy_homes_api::homes::search::{Haystack, PreparedQuery};
use deputy_homes_api::opinions::handling::StaffOpinionQuery;
use deputy_homes_api::opinions::units::HandlingUnit;
use deputy_homes_api::opinions::{Category, OpinionStatus};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::District;

/// A step staff can take on one opinion; each is `POST /api/staff/opinions/{tracking}/{path}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffStep {
    Accept,
    Reject,
    Assign,
    Acknowledge,
    Reply,
    Extend,
    Publish,
    Close,
}

impl StaffStep {
    /// The last segment of the step's path.
    pub fn path(self) -> &'static str {
        match self {
            StaffStep::Accept => "accept",
            StaffStep::Reject => "reject",
            StaffStep::Assign => "assign",
            StaffStep::Acknowledge => "acknowledge",
            StaffStep::Reply => "reply",
            StaffStep::Extend => "extend",
            StaffStep::Publish => "publish",
            StaffStep::Close => "close",
        }
    }
}

/// The steps the chain allows from a status, in the order the page offers them. Extending the
/// due date is possible while a reply is awaited; an internal note is always possible.
pub fn steps_from(status: OpinionStatus) -> &'static [StaffStep] {
    use OpinionStatus as S;
    match status {
        S::Submitted => &[StaffStep::Accept, StaffStep::Reject],
        S::Accepted => &[StaffStep::Assign],
        S::Assigned => &[StaffStep::Acknowledge, StaffStep::Extend],
        S::Acknowledged => &[StaffStep::Reply, StaffStep::Extend],
        S::Replied | S::Rated => &[StaffStep::Publish, StaffStep::Close],
        S::Rejected | S::Published | S::Closed => &[],
    }
}

/// Reads the queue's filters from the page's URL parameters; unknown values are ignored.
pub fn queue_query(param: impl Fn(&str) -> Option<String>) -> StaffOpinionQuery {
    let text = |name: &str| {
        param(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    StaffOpinionQuery {
        status: text("status").and_then(|s| OpinionStatus::from_code(&s)),
        category: text("category").and_then(|c| Category::from_code(&c)),
        district: text("district").and_then(|d| District::from_code(&d)),
        home: text("home"),
        unit: text("unit"),
        overdue: text("overdue").filter(|o| o == "true").map(|_| true),
        q: text("q"),
        page: text("page").and_then(|p| p.parse().ok()).filter(|p| *p > 1),
    }
}

/// The queue's URL for a set of filters (the inverse of [`queue_query`]).
pub fn queue_href(query: &StaffOpinionQuery) -> String {
    let pairs = [
        ("status", query.status.map(|s| s.code().to_owned())),
        ("category", query.category.map(|c| c.code().to_owned())),
        ("district", query.district.map(|d| d.code().to_owned())),
        ("home", query.home.clone()),
        ("unit", query.unit.clone()),
        (
            "overdue",
            query.overdue.filter(|o| *o).map(|_| "true".into()),
        ),
        ("q", query.q.clone()),
        ("page", query.page.filter(|p| *p > 1).map(|p| p.to_string())),
    ];
    deputy_homes_api::platform::apps::page_href(&Page::Queue.path(), pairs)
}

/// The active units whose name matches a search (all of them for an empty search).
pub fn matching_units<'a>(units: &'a [HandlingUnit], search: &str) -> Vec<&'a HandlingUnit> {
    units_named(units, search)
        .into_iter()
        .filter(|u| u.active)
        .collect()
}

/// Every unit, active or not, whose name matches the search (all for an empty search).
pub fn units_named<'a>(units: &'a [HandlingUnit], search: &str) -> Vec<&'a HandlingUnit> {
    let query = PreparedQuery::new(search);
    units
        .iter()
        .filter(|u| Haystack::new([u.name.as_str()]).matches_prepared(&query))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_offers_only_the_steps_the_chain_allows() {
        assert_eq!(
            steps_from(OpinionStatus::Submitted),
            &[StaffStep::Accept, StaffStep::Reject]
        );
        assert_eq!(steps_from(OpinionStatus::Accepted), &[StaffStep::Assign]);
        assert!(steps_from(OpinionStatus::Acknowledged).contains(&StaffStep::Reply));
        assert!(steps_from(OpinionStatus::Published).is_empty());
        assert!(steps_from(OpinionStatus::Rated).contains(&StaffStep::Publish));
    }

    #[test]
    fn queue_filters_survive_the_round_trip_through_the_url() {
        let query = StaffOpinionQuery {
            status: Some(OpinionStatus::Assigned),
            category: Some(Category::Transport),
            district: Some(District::Saihan),
            home: Some("sh-01".into()),
            unit: Some("u 1".into()),
            overdue: Some(true),
            q: Some("公交 站".into()),
            page: Some(3),
        };
        let href = queue_href(&query);
        assert!(href.starts_with("/staff/opinions?status=assigned&"));
        let params: Vec<(String, String)> = href
            .split_once('?')
            .unwrap()
            .1
            .split('&')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap();
                (k.to_owned(), js_decode(v))
            })
            .collect();
        let back = queue_query(|name| {
            params
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(back, query);
        assert_eq!(queue_href(&StaffOpinionQuery::default()), "/staff/opinions");
    }

    fn js_decode(v: &str) -> String {
        let bytes = v.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn unknown_filter_values_and_page_one_are_left_out() {
        let query = queue_query(|name| match name {
            "status" => Some("nonsense".into()),
            "page" => Some("1".into()),
            "overdue" => Some("false".into()),
            _ => None,
        });
        assert_eq!(query, StaffOpinionQuery::default());
    }

    #[test]
    fn only_active_units_are_offered() {
        let unit = |id: &str, name: &str, active| HandlingUnit {
            id: id.into(),
            name: name.into(),
            active,
        };
        let units = [
            unit("a", "市交通运输局", true),
            unit("b", "市教育局", true),
            unit("c", "市交通旧局", false),
        ];
        let ids = |s: &str| -> Vec<String> {
            matching_units(&units, s)
                .into_iter()
                .map(|u| u.id.clone())
                .collect()
        };
        assert_eq!(ids(""), ["a", "b"]);
        assert_eq!(ids("交通"), ["a"]);
    }
}
