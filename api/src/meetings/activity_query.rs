//! The filters of `GET /api/activities`: parsed once and validated with messages, like
//! `query.rs` does for homes.

use crate::meetings::activity::{parse_date, ActivityKind};
use crate::platform::apps::{page_href, Page};
use crate::{ApiError, District};
use serde::{Deserialize, Serialize};

/// Most activities one answer lists.
pub const MAX_ACTIVITIES_LISTED: usize = 200;

crate::form_fields! {
    /// The parameters of the list of activities.
    pub enum ActivityQueryField {
        /// The district code.
        District = "district",
        /// The activity kind.
        Kind = "kind",
        /// The day.
        Date = "date",
    }
}

/// The query string as it arrives: every field optional and still text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ActivitiesQuery {
    /// District code, e.g. `xincheng`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<District>))]
    pub district: Option<String>,
    /// Activity kind code, e.g. `reception`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<ActivityKind>))]
    pub kind: Option<String>,
    /// Only this Hohhot day, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Only this home's activities (a home id, e.g. `xc-01`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<String>,
}

/// A validated query; `None` keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityFilter {
    pub district: Option<District>,
    pub kind: Option<ActivityKind>,
    /// `YYYY-MM-DD`, checked to be a real date.
    pub date: Option<String>,
    pub home: Option<String>,
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl ActivitiesQuery {
    /// The parameters given (not empty), in the order the activities page sends them.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("district", &self.district),
            ("kind", &self.kind),
            ("date", &self.date),
            ("home", &self.home),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value.clone().filter(|v| !v.is_empty())?)))
        .collect()
    }

    /// The activities page's URL with the parameters given.
    pub fn page_href(&self) -> String {
        let pairs = self.pairs().into_iter().map(|(name, v)| (name, Some(v)));
        page_href(&Page::Activities.path(), pairs)
    }

    /// Checks every parameter, naming the first one at fault.
    pub fn validate(&self) -> Result<ActivityFilter, ApiError> {
        let district = match non_empty(&self.district) {
            None => None,
            Some(code) => Some(District::from_code(code).ok_or_else(|| {
                ApiError::bad_parameter(
                    ActivityQueryField::District,
                    format!("district {code:?} is not one of the 9 district codes"),
                )
            })?),
        };
        let kind = match non_empty(&self.kind) {
            None => None,
            Some(code) => Some(ActivityKind::from_code(code).ok_or_else(|| {
                ApiError::bad_parameter(
                    ActivityQueryField::Kind,
                    format!("kind {code:?} is not an activity kind"),
                )
            })?),
        };
        let date = match non_empty(&self.date) {
            None => None,
            Some(text) => {
                parse_date(text).ok_or_else(|| {
                    ApiError::bad_parameter(
                        ActivityQueryField::Date,
                        format!("{text:?} is not a date like 2026-12-01"),
                    )
                })?;
                Some(text.to_owned())
            }
        };
        Ok(ActivityFilter {
            district,
            kind,
            date,
            home: non_empty(&self.home).map(str::to_owned),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(district: &str, kind: &str, date: &str, home: &str) -> ActivitiesQuery {
        let given = |v: &str| (!v.is_empty()).then(|| v.to_owned());
        ActivitiesQuery {
            district: given(district),
            kind: given(kind),
            date: given(date),
            home: given(home),
        }
    }

    #[test]
    fn a_request_names_what_is_given_in_a_fixed_order() {
        assert_eq!(
            query("saihan", "", "2026-12-01", "").pairs(),
            [("district", "saihan".into()), ("date", "2026-12-01".into())]
        );
        assert!(query("", "", "", "").pairs().is_empty());
        assert_eq!(
            query("saihan", "reception", "2026-12-01", "").page_href(),
            "/activities?district=saihan&kind=reception&date=2026-12-01"
        );
        assert_eq!(
            query("", "training", "", "").page_href(),
            "/activities?kind=training"
        );
        assert_eq!(query("", "", "", "").page_href(), "/activities");
    }

    #[test]
    fn every_filter_is_optional_and_blank_means_absent() {
        assert_eq!(
            ActivitiesQuery::default().validate(),
            Ok(ActivityFilter::default())
        );
        assert_eq!(
            query(" ", " ", " ", " ").validate(),
            Ok(ActivityFilter::default())
        );
    }

    #[test]
    fn known_codes_and_real_dates_are_read() {
        assert_eq!(
            query("saihan", "duty_report", "2028-02-29", " xc-01 ").validate(),
            Ok(ActivityFilter {
                district: Some(District::Saihan),
                kind: Some(ActivityKind::DutyReport),
                date: Some("2028-02-29".into()),
                home: Some("xc-01".into()),
            })
        );
    }

    #[test]
    fn unknown_codes_and_bad_dates_name_their_field() {
        let field = |q: ActivitiesQuery| q.validate().unwrap_err().field_name().unwrap().to_owned();
        assert_eq!(field(query("atlantis", "", "", "")), "district");
        assert_eq!(field(query("", "picnic", "", "")), "kind");
        assert_eq!(field(query("", "", "2027-02-29", "")), "date");
        assert_eq!(field(query("", "", "tomorrow", "")), "date");
    }
}
