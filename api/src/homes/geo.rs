//! Distances on the Earth and the coordinate systems Chinese map apps use.
//!
//! Homes are stored in WGS-84 (what GPS and the browser's geolocation report). AMap and Tencent
//! use GCJ-02, Baidu uses BD-09: a link to those apps must convert, or the pin lands hundreds of
//! metres off. The formulas are the published GCJ-02 obfuscation and its BD-09 offset.

use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

/// A point in degrees. Which datum it is in is said by the function that made it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    /// Builds a point from latitude and longitude in degrees.
    pub const fn new(lat: f64, lon: f64) -> Self {
        LatLon { lat, lon }
    }
}

/// Mean Earth radius in metres (IUGG).
const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance in metres between two WGS-84 points (haversine formula).
pub fn distance_m(a: LatLon, b: LatLon) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().asin()
}

/// Semi-major axis and eccentricity squared of the Krasovsky 1940 ellipsoid used by GCJ-02.
const KRASOVSKY_A: f64 = 6_378_245.0;
const KRASOVSKY_EE: f64 = 0.006_693_421_622_965_943;

/// GCJ-02 applies only inside China's rough bounding box; outside it the two datums agree.
fn outside_china(p: LatLon) -> bool {
    !(72.004..=137.8347).contains(&p.lon) || !(0.8293..=55.8271).contains(&p.lat)
}

fn offset_lat(x: f64, y: f64) -> f64 {
    let mut ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    ret += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    ret += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    ret += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    ret
}

fn offset_lon(x: f64, y: f64) -> f64 {
    let mut ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    ret += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    ret += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    ret += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    ret
}

/// Converts a WGS-84 point to GCJ-02 (AMap, Tencent).
pub fn wgs84_to_gcj02(p: LatLon) -> LatLon {
    if outside_china(p) {
        return p;
    }
    let dlat = offset_lat(p.lon - 105.0, p.lat - 35.0);
    let dlon = offset_lon(p.lon - 105.0, p.lat - 35.0);
    let radlat = p.lat / 180.0 * PI;
    let magic = 1.0 - KRASOVSKY_EE * radlat.sin().powi(2);
    let sqrt_magic = magic.sqrt();
    let dlat = (dlat * 180.0) / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrt_magic) * PI);
    let dlon = (dlon * 180.0) / (KRASOVSKY_A / sqrt_magic * radlat.cos() * PI);
    LatLon::new(p.lat + dlat, p.lon + dlon)
}

/// Converts a GCJ-02 point to BD-09 (Baidu).
pub fn gcj02_to_bd09(p: LatLon) -> LatLon {
    let x_pi = PI * 3000.0 / 180.0;
    let (x, y) = (p.lon, p.lat);
    let z = (x * x + y * y).sqrt() + 0.00002 * (y * x_pi).sin();
    let theta = y.atan2(x) + 0.000003 * (x * x_pi).cos();
    LatLon::new(z * theta.sin() + 0.006, z * theta.cos() + 0.0065)
}

/// Converts a WGS-84 point to BD-09 (Baidu), through GCJ-02.
pub fn wgs84_to_bd09(p: LatLon) -> LatLon {
    gcj02_to_bd09(wgs84_to_gcj02(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_close(actual: LatLon, lat: f64, lon: f64, tolerance: f64) {
        assert!(
            (actual.lat - lat).abs() < tolerance && (actual.lon - lon).abs() < tolerance,
            "got {actual:?}, expected ({lat}, {lon})"
        );
    }

    // Reference values are those published with the widely used `coordtransform` library
    // for the point 116.404, 39.915 (Tiananmen, Beijing).
    #[test]
    fn wgs84_to_gcj02_matches_the_published_reference_point() {
        let gcj = wgs84_to_gcj02(LatLon::new(39.915, 116.404));
        assert_close(gcj, 39.91640428150164, 116.41024449916938, 1e-9);
    }

    #[test]
    fn gcj02_to_bd09_matches_the_published_reference_point() {
        let bd = gcj02_to_bd09(LatLon::new(39.915, 116.404));
        assert_close(bd, 39.92133699351022, 116.41036949371029, 1e-9);
    }

    #[test]
    fn the_gcj02_offset_in_hohhot_is_a_few_hundred_metres() {
        let wgs = LatLon::new(40.8183, 111.6656);
        let shift = distance_m(wgs, wgs84_to_gcj02(wgs));
        assert!((100.0..900.0).contains(&shift), "shift {shift} m");
        let bd_shift = distance_m(wgs, wgs84_to_bd09(wgs));
        assert!(
            bd_shift > shift,
            "BD-09 adds a further offset: {bd_shift} m"
        );
    }

    #[test]
    fn points_outside_china_are_not_shifted() {
        let london = LatLon::new(51.5074, -0.1278);
        assert_eq!(wgs84_to_gcj02(london), london);
    }

    #[test]
    fn one_degree_of_latitude_is_about_111_kilometres() {
        let d = distance_m(LatLon::new(40.0, 111.0), LatLon::new(41.0, 111.0));
        assert!((d - 111_195.0).abs() < 5.0, "{d}");
    }

    #[test]
    fn distance_is_zero_to_itself_and_symmetric() {
        let a = LatLon::new(40.8183, 111.6656);
        let b = LatLon::new(40.7300, 111.1500);
        assert_eq!(distance_m(a, a), 0.0);
        assert!((distance_m(a, b) - distance_m(b, a)).abs() < 1e-6);
        // 察素齐 is about 44 km west of the city centre.
        assert!((40_000.0..48_000.0).contains(&distance_m(a, b)));
    }
}
