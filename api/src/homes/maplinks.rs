//! Links that open a home in the map apps Chinese phones have, each in the datum it expects.

use crate::homes::geo::{wgs84_to_bd09, wgs84_to_gcj02, LatLon};

/// Percent-encodes a query value (RFC 3986 unreserved characters stay as they are).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// AMap (高德) marker link; AMap expects GCJ-02, longitude first.
pub fn amap_url(wgs: LatLon, name: &str) -> String {
    let p = wgs84_to_gcj02(wgs);
    format!(
        "https://uri.amap.com/marker?position={:.6},{:.6}&name={}&src=deputy-homes&coordinate=gaode&callnative=1",
        p.lon,
        p.lat,
        encode_component(name)
    )
}

/// Baidu Maps marker link in BD-09, latitude first.
pub fn baidu_url(wgs: LatLon, name: &str, address: &str) -> String {
    let p = wgs84_to_bd09(wgs);
    format!(
        "https://api.map.baidu.com/marker?location={:.6},{:.6}&title={}&content={}&output=html&coord_type=bd09ll&src=webapp.deputy-homes",
        p.lat,
        p.lon,
        encode_component(name),
        encode_component(address)
    )
}

/// A `geo:` URI (RFC 5870) in WGS-84, which the phone hands to its default map app.
pub fn geo_uri(wgs: LatLon, name: &str) -> String {
    format!(
        "geo:{0:.6},{1:.6}?q={0:.6},{1:.6}({2})",
        wgs.lat,
        wgs.lon,
        encode_component(name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: LatLon = LatLon::new(39.915, 116.404);

    #[test]
    fn amap_gets_gcj02_coordinates_longitude_first() {
        let url = amap_url(HOME, "之家");
        assert!(url.contains("position=116.410244,39.916404"), "{url}");
        assert!(url.contains("name=%E4%B9%8B%E5%AE%B6"));
    }

    #[test]
    fn baidu_gets_bd09_coordinates_latitude_first() {
        let url = baidu_url(HOME, "之家", "新华大街 1号");
        let bd = wgs84_to_bd09(HOME);
        assert!(
            url.contains(&format!("location={:.6},{:.6}", bd.lat, bd.lon)),
            "{url}"
        );
        assert!(url.contains("coord_type=bd09ll"));
        assert!(url.contains("content=%E6%96%B0%E5%8D%8E%E5%A4%A7%E8%A1%97%201%E5%8F%B7"));
    }

    #[test]
    fn the_default_map_app_gets_the_stored_wgs84_point() {
        assert_eq!(
            geo_uri(HOME, "A&B"),
            "geo:39.915000,116.404000?q=39.915000,116.404000(A%26B)"
        );
    }
}
