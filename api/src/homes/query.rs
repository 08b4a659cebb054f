//! The filters of `GET /api/homes`: parsed once, validated with messages, applied to the register.

use crate::homes::geo::{distance_m, LatLon};
use crate::homes::search::{Haystack, PreparedQuery, SearchIndex};
use crate::FormField;
use crate::{ApiError, District, Home, HomeSummary, HomeType};
use serde::{Deserialize, Serialize};

/// Longest text query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 100;

crate::form_fields! {
    /// The parameters of the homes list.
    pub enum HomesQueryField {
        /// The text searched for.
        Q = "q",
        /// The district code.
        District = "district",
        /// The home type.
        Type = "type",
        /// The latitude of "near me".
        Lat = "lat",
        /// The longitude of "near me".
        Lon = "lon",
    }
}

/// The query string as it arrives: every field optional and still text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct HomesQuery {
    /// Free text: name, district, street, address or professional field; at most
    /// 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// District code, e.g. `xincheng`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<District>))]
    pub district: Option<String>,
    /// Home type code, or `professional` for all seven professional homes.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(schema_with = type_filter_schema))]
    pub home_type: Option<String>,
    /// Latitude (WGS-84, degrees) to sort by distance from; needs `lon`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<f64>, minimum = -90, maximum = 90))]
    pub lat: Option<String>,
    /// Longitude (WGS-84, degrees) to sort by distance from; needs `lat`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<f64>, minimum = -180, maximum = 180))]
    pub lon: Option<String>,
}

impl HomesQuery {
    /// The parameters that have a value, in the order the app sends them.
    pub fn pairs(self) -> Vec<(&'static str, String)> {
        [
            ("q", self.q),
            ("district", self.district),
            ("type", self.home_type),
            ("lat", self.lat),
            ("lon", self.lon),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect()
    }
}

/// The schema of the `type` parameter: a home type code or `professional`. (utoipa leaves out
/// the field's own doc comment when it takes its schema from a function, so it is said here.)
#[cfg(feature = "openapi")]
fn type_filter_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let codes = HomeType::ALL
        .iter()
        .map(|t| t.code())
        .chain([TypeFilter::Professional.code()]);
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(codes))
        .description(Some(
            "Home type code, or `professional` for all seven professional homes.",
        ))
        .build()
}

/// Which types a list keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeFilter {
    Exactly(HomeType),
    Professional,
}

impl TypeFilter {
    /// Parses a type code or `professional`.
    pub fn from_code(code: &str) -> Option<TypeFilter> {
        if code == "professional" {
            return Some(TypeFilter::Professional);
        }
        HomeType::from_code(code).map(TypeFilter::Exactly)
    }

    /// The wire code.
    pub fn code(self) -> &'static str {
        match self {
            TypeFilter::Exactly(t) => t.code(),
            TypeFilter::Professional => "professional",
        }
    }

    fn keeps(self, t: HomeType) -> bool {
        match self {
            TypeFilter::Exactly(wanted) => t == wanted,
            TypeFilter::Professional => t.is_professional(),
        }
    }
}

/// A validated query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeFilter {
    pub text: String,
    pub district: Option<District>,
    pub home_type: Option<TypeFilter>,
    pub near: Option<LatLon>,
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn parse_coordinate(field: HomesQueryField, text: &str, limit: f64) -> Result<f64, ApiError> {
    let value: f64 = text.parse().map_err(|_| {
        ApiError::bad_parameter(
            field,
            format!("{} must be a number of degrees, not {text:?}", field.name()),
        )
    })?;
    if !value.is_finite() || value.abs() > limit {
        return Err(ApiError::bad_parameter(
            field,
            format!("{} must be between -{limit} and {limit}", field.name()),
        ));
    }
    Ok(value)
}

impl HomesQuery {
    /// Checks every parameter, naming the first one at fault.
    pub fn validate(&self) -> Result<HomeFilter, ApiError> {
        let text = non_empty(&self.q).unwrap_or_default().to_owned();
        if text.chars().count() > MAX_QUERY_CHARS {
            return Err(ApiError::bad_parameter(
                HomesQueryField::Q,
                format!("q is longer than {MAX_QUERY_CHARS} characters"),
            ));
        }
        let district = match non_empty(&self.district) {
            None => None,
            Some(code) => Some(District::from_code(code).ok_or_else(|| {
                ApiError::bad_parameter(
                    HomesQueryField::District,
                    format!("district {code:?} is not one of the 9 district codes"),
                )
            })?),
        };
        let home_type = match non_empty(&self.home_type) {
            None => None,
            Some(code) => Some(TypeFilter::from_code(code).ok_or_else(|| {
                ApiError::bad_parameter(
                    HomesQueryField::Type,
                    format!("type {code:?} is not a home type"),
                )
            })?),
        };
        let near = match (non_empty(&self.lat), non_empty(&self.lon)) {
            (None, None) => None,
            (Some(lat), Some(lon)) => Some(LatLon::new(
                parse_coordinate(HomesQueryField::Lat, lat, 90.0)?,
                parse_coordinate(HomesQueryField::Lon, lon, 180.0)?,
            )),
            (Some(_), None) => {
                return Err(ApiError::bad_parameter(
                    HomesQueryField::Lon,
                    "lat was given without lon",
                ))
            }
            (None, Some(_)) => {
                return Err(ApiError::bad_parameter(
                    HomesQueryField::Lat,
                    "lon was given without lat",
                ))
            }
        };
        Ok(HomeFilter {
            text,
            district,
            home_type,
            near,
        })
    }
}

impl HomeFilter {
    /// The query string that asks the server for this filter (empty fields left out).
    pub fn to_query(&self) -> HomesQuery {
        HomesQuery {
            q: Some(self.text.clone()).filter(|t| !t.is_empty()),
            district: self.district.map(|d| d.code().to_owned()),
            home_type: self.home_type.map(|t| t.code().to_owned()),
            lat: self.near.map(|p| format!("{:.6}", p.lat)),
            lon: self.near.map(|p| format!("{:.6}", p.lon)),
        }
    }

    /// Whether one home passes the district and type filters and the prepared text query.
    fn keeps(&self, home: &Home, haystack: &Haystack, query: &PreparedQuery) -> bool {
        self.district.is_none_or(|d| home.district == d)
            && self.home_type.is_none_or(|t| t.keeps(home.home_type))
            && haystack.matches_prepared(query)
    }

    /// The homes that pass, in register order, or nearest first with distances.
    pub fn apply(&self, index: &SearchIndex) -> Vec<HomeSummary> {
        let query = PreparedQuery::new(&self.text);
        let mut items: Vec<HomeSummary> = index
            .entries()
            .filter(|(h, hay)| self.keeps(h, hay, &query))
            .map(|(h, _)| {
                HomeSummary::from_home(
                    h,
                    self.near.map(|p| distance_m(p, LatLon::new(h.lat, h.lon))),
                )
            })
            .collect();
        if self.near.is_some() {
            items.sort_by(|a, b| {
                a.distance_m
                    .unwrap_or(f64::MAX)
                    .total_cmp(&b.distance_m.unwrap_or(f64::MAX))
            });
        }
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn query(pairs: &[(&str, &str)]) -> HomesQuery {
        let mut q = HomesQuery::default();
        for (k, v) in pairs {
            let v = Some(v.to_string());
            match *k {
                "q" => q.q = v,
                "district" => q.district = v,
                "type" => q.home_type = v,
                "lat" => q.lat = v,
                "lon" => q.lon = v,
                _ => unreachable!(),
            }
        }
        q
    }

    #[test]
    fn an_empty_query_is_valid_and_filters_nothing() {
        assert_eq!(
            HomesQuery::default().validate().unwrap(),
            HomeFilter::default()
        );
    }

    #[test]
    fn bad_parameters_name_the_field_at_fault() {
        for (pairs, field) in [
            (vec![("district", "未知区")], "district"),
            (vec![("type", "castle")], "type"),
            (vec![("lat", "40.8")], "lon"),
            (vec![("lat", "north"), ("lon", "111.6")], "lat"),
            (vec![("lat", "40.8"), ("lon", "200")], "lon"),
            (vec![("lat", "NaN"), ("lon", "111")], "lat"),
        ] {
            let err = query(&pairs).validate().unwrap_err();
            assert_eq!(err.code, ErrorCode::BadParameter);
            assert_eq!(err.field_name(), Some(field), "{pairs:?}");
        }
        let long = "字".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(
            query(&[("q", &long)]).validate().unwrap_err().field_name(),
            Some("q")
        );
    }

    #[test]
    fn a_valid_filter_round_trips_through_its_query_string_form() {
        let filter = query(&[
            ("q", "法律"),
            ("district", "saihan"),
            ("type", "professional"),
            ("lat", "40.8"),
            ("lon", "111.7"),
        ])
        .validate()
        .unwrap();
        assert_eq!(filter.to_query().validate().unwrap(), filter);
    }
}
