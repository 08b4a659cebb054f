//! The nine county-level areas (旗县区) of Hohhot.

use serde::{Deserialize, Serialize};

/// One of Hohhot's nine county-level areas. The wire form is the short code (`xincheng`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum District {
    Xincheng,
    Huimin,
    Yuquan,
    Saihan,
    TumedLeft,
    Togtoh,
    Horinger,
    Qingshuihe,
    Wuchuan,
}

/// A latitude/longitude box, in WGS-84 degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    pub lat_min: f64,
    pub lat_max: f64,
    pub lon_min: f64,
    pub lon_max: f64,
}

impl BoundingBox {
    /// Whether the point lies inside the box (edges included).
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.lat_min..=self.lat_max).contains(&lat) && (self.lon_min..=self.lon_max).contains(&lon)
    }
}

const fn bbox(lat_min: f64, lat_max: f64, lon_min: f64, lon_max: f64) -> BoundingBox {
    BoundingBox {
        lat_min,
        lat_max,
        lon_min,
        lon_max,
    }
}

impl District {
    /// All nine, urban districts first, in the order the city lists them.
    pub const ALL: [District; 9] = [
        District::Xincheng,
        District::Huimin,
        District::Yuquan,
        District::Saihan,
        District::TumedLeft,
        District::Togtoh,
        District::Horinger,
        District::Qingshuihe,
        District::Wuchuan,
    ];

    /// The wire code, as used in URLs and JSON.
    pub fn code(self) -> &'static str {
        match self {
            District::Xincheng => "xincheng",
            District::Huimin => "huimin",
            District::Yuquan => "yuquan",
            District::Saihan => "saihan",
            District::TumedLeft => "tumed_left",
            District::Togtoh => "togtoh",
            District::Horinger => "horinger",
            District::Qingshuihe => "qingshuihe",
            District::Wuchuan => "wuchuan",
        }
    }

    /// The official Chinese name, as written in the register.
    pub fn name_zh(self) -> &'static str {
        match self {
            District::Xincheng => "新城区",
            District::Huimin => "回民区",
            District::Yuquan => "玉泉区",
            District::Saihan => "赛罕区",
            District::TumedLeft => "土默特左旗",
            District::Togtoh => "托克托县",
            District::Horinger => "和林格尔县",
            District::Qingshuihe => "清水河县",
            District::Wuchuan => "武川县",
        }
    }

    /// The usual English name.
    pub fn name_en(self) -> &'static str {
        match self {
            District::Xincheng => "Xincheng District",
            District::Huimin => "Huimin District",
            District::Yuquan => "Yuquan District",
            District::Saihan => "Saihan District",
            District::TumedLeft => "Tumed Left Banner",
            District::Togtoh => "Togtoh County",
            District::Horinger => "Horinger County",
            District::Qingshuihe => "Qingshuihe County",
            District::Wuchuan => "Wuchuan County",
        }
    }

    /// Whether it is one of the four urban districts (市四区) rather than a county or banner.
    pub fn is_urban(self) -> bool {
        matches!(
            self,
            District::Xincheng | District::Huimin | District::Yuquan | District::Saihan
        )
    }

    /// Parses a wire code.
    pub fn from_code(code: &str) -> Option<District> {
        District::ALL.into_iter().find(|d| d.code() == code)
    }

    /// Parses the Chinese name used in the register file.
    pub fn from_name_zh(name: &str) -> Option<District> {
        District::ALL.into_iter().find(|d| d.name_zh() == name)
    }

    /// A box that holds the whole area. It is a coarse check: boxes of neighbouring districts
    /// overlap, so it catches swapped coordinates and typos, not a home placed across a border.
    pub fn bounds(self) -> BoundingBox {
        match self {
            District::Xincheng => bbox(40.80, 41.00, 111.64, 111.98),
            District::Huimin => bbox(40.78, 40.95, 111.45, 111.67),
            District::Yuquan => bbox(40.58, 40.81, 111.50, 111.75),
            District::Saihan => bbox(40.55, 40.86, 111.66, 112.10),
            District::TumedLeft => bbox(40.45, 41.10, 110.75, 111.55),
            District::Togtoh => bbox(40.05, 40.55, 110.85, 111.55),
            District::Horinger => bbox(39.95, 40.60, 111.40, 112.25),
            District::Qingshuihe => bbox(39.60, 40.20, 111.35, 112.10),
            District::Wuchuan => bbox(40.95, 41.45, 110.50, 111.95),
        }
    }
}

/// The box around all nine districts, used to draw the overview map.
pub const CITY_BOUNDS: BoundingBox = bbox(39.60, 41.45, 110.50, 112.25);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_district_round_trips_through_its_code_and_chinese_name() {
        for d in District::ALL {
            assert_eq!(District::from_code(d.code()), Some(d));
            assert_eq!(District::from_name_zh(d.name_zh()), Some(d));
        }
        assert_eq!(District::from_name_zh("未知区"), None);
    }

    #[test]
    fn every_district_box_lies_inside_the_city_box() {
        for d in District::ALL {
            let b = d.bounds();
            assert!(CITY_BOUNDS.contains(b.lat_min, b.lon_min), "{d:?}");
            assert!(CITY_BOUNDS.contains(b.lat_max, b.lon_max), "{d:?}");
        }
    }
}
