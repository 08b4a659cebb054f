//! `GET /api/homes` filters, search and distance sort, `GET /api/homes/{id}`, `GET /api/health`.

use crate::helpers::{item_ids, items, json_body, on_both_databases, sample_homes, TestApp};
use deputy_homes_api::homes::geo::distance_m;
use deputy_homes_api::{District, Home, HomeType, LatLon};
use reqwest::StatusCode;
use serde_json::json;

/// The ids of the sample homes that pass a predicate, in register order.
fn sample_ids(keep: impl Fn(&Home) -> bool) -> Vec<String> {
    sample_homes()
        .into_iter()
        .filter(|h| keep(h))
        .map(|h| h.id)
        .collect()
}

on_both_databases!(
    the_unfiltered_list_is_the_whole_sample_register_in_file_order,
    the_district_filter_returns_exactly_the_homes_of_that_district,
    the_professional_type_returns_the_seven_professional_homes,
    a_single_type_returns_only_homes_of_that_type,
    district_and_type_filters_combine,
    searching_for_a_professional_field_finds_its_home,
    search_ignores_full_width_letters_and_spacing,
    searching_a_street_name_finds_the_homes_on_that_street,
    searching_a_district_name_finds_the_homes_in_that_district,
    a_search_without_matches_is_an_empty_list_not_an_error,
    a_position_sorts_the_list_nearest_first_with_distances,
    without_a_position_the_list_has_no_distances,
    a_known_id_returns_the_full_home_as_in_the_register,
    the_health_check_answers_ok,
);

async fn the_unfiltered_list_is_the_whole_sample_register_in_file_order(app: TestApp) {
    let body = app.homes(&[]).await;
    let expected = sample_ids(|_| true);
    assert_eq!(expected.len(), 104, "the sample register changed size");
    assert_eq!(body["register"], json!({ "sample": true, "total": 104 }));
    assert_eq!(item_ids(&body), expected);
}

async fn the_district_filter_returns_exactly_the_homes_of_that_district(app: TestApp) {
    for district in District::ALL {
        let expected = sample_ids(|h| h.district == district);
        assert!(!expected.is_empty(), "no sample home in {district:?}");
        let body = app.homes(&[("district", district.code())]).await;
        assert_eq!(item_ids(&body), expected, "district={}", district.code());
        assert!(items(&body)
            .iter()
            .all(|item| item["district"] == district.code()));
        assert_eq!(
            body["register"]["total"], 104,
            "total counts the whole register, not the filtered list"
        );
    }
}

async fn the_professional_type_returns_the_seven_professional_homes(app: TestApp) {
    let ids = app.home_ids(&[("type", "professional")]).await;
    assert_eq!(ids, sample_ids(|h| h.home_type.is_professional()));
    assert_eq!(ids.len(), 7);
    assert!(ids.iter().all(|id| id.starts_with("pro-")), "{ids:?}");
}

async fn a_single_type_returns_only_homes_of_that_type(app: TestApp) {
    assert_eq!(app.home_ids(&[("type", "law")]).await, ["pro-law"]);
    for home_type in HomeType::ALL {
        assert_eq!(
            app.home_ids(&[("type", home_type.code())]).await,
            sample_ids(|h| h.home_type == home_type),
            "type={}",
            home_type.code()
        );
    }
}

async fn district_and_type_filters_combine(app: TestApp) {
    let ids = app
        .home_ids(&[("district", "xincheng"), ("type", "professional")])
        .await;
    let expected =
        sample_ids(|h| h.district == District::Xincheng && h.home_type.is_professional());
    assert_eq!(ids, expected);
    assert!(ids.contains(&"pro-law".to_owned()), "{ids:?}");
    assert!(ids.len() < 7, "the district must narrow the 7: {ids:?}");
    assert_eq!(
        app.home_ids(&[("district", "tumed_left"), ("type", "town")])
            .await,
        sample_ids(|h| h.district == District::TumedLeft && h.home_type == HomeType::Town)
    );
    assert_eq!(
        app.home_ids(&[("district", "wuchuan"), ("type", "law")])
            .await,
        Vec::<String>::new()
    );
}

async fn searching_for_a_professional_field_finds_its_home(app: TestApp) {
    assert_eq!(app.home_ids(&[("q", "法律")]).await, ["pro-law"]);
    let combined = app.home_ids(&[("q", "法律"), ("district", "saihan")]).await;
    assert!(
        combined.is_empty(),
        "pro-law is in 新城区, not 赛罕区: {combined:?}"
    );
}

async fn search_ignores_full_width_letters_and_spacing(app: TestApp) {
    let xincheng = sample_ids(|h| h.district == District::Xincheng);
    assert_eq!(app.home_ids(&[("q", "xincheng")]).await, xincheng);
    assert_eq!(app.home_ids(&[("q", "ｘｉｎｃｈｅｎｇ")]).await, xincheng);
    assert_eq!(app.home_ids(&[("q", "XINCHENG")]).await, xincheng);

    let compact = app.home_ids(&[("q", "海拉尔东路")]).await;
    assert_eq!(
        compact,
        sample_ids(|h| h.street.contains("海拉尔东路") || h.name_zh.contains("海拉尔东路"))
    );
    assert!(!compact.is_empty());
    assert_eq!(app.home_ids(&[("q", "海拉尔 东路")]).await, compact);
    assert_eq!(app.home_ids(&[("q", "海拉尔　东路")]).await, compact);
    assert_eq!(app.home_ids(&[("q", "  海拉尔东路  ")]).await, compact);
}

async fn searching_a_street_name_finds_the_homes_on_that_street(app: TestApp) {
    let body = app.homes(&[("q", "察素齐镇")]).await;
    let found = item_ids(&body);
    let on_street = sample_ids(|h| h.street == "察素齐镇");
    assert!(on_street.len() >= 2, "{on_street:?}");
    for id in &on_street {
        assert!(
            found.contains(id),
            "{id} is on 察素齐镇 but was not found: {found:?}"
        );
    }
    for item in items(&body) {
        let text = format!("{} {} {}", item["name_zh"], item["street"], item["address"]);
        assert!(text.contains("察素齐镇"), "unrelated result {item}");
    }
}

async fn searching_a_district_name_finds_the_homes_in_that_district(app: TestApp) {
    let found = app.home_ids(&[("q", "赛罕区")]).await;
    assert_eq!(found, sample_ids(|h| h.district == District::Saihan));
    assert!(!found.is_empty());
    assert_eq!(
        app.home_ids(&[("q", "Tumed Left Banner")]).await,
        sample_ids(|h| h.district == District::TumedLeft)
    );
}

async fn a_search_without_matches_is_an_empty_list_not_an_error(app: TestApp) {
    let body = app.homes(&[("q", "没有这样的代表之家xyz")]).await;
    assert_eq!(body["items"], json!([]));
    assert_eq!(body["register"], json!({ "sample": true, "total": 104 }));
}

async fn a_position_sorts_the_list_nearest_first_with_distances(app: TestApp) {
    let homes = sample_homes();
    // Near 察素齐 (土默特左旗), then the city centre: two different nearest homes.
    for (lat, lon) in [(40.7300, 111.1500), (40.8420, 111.6850)] {
        let here = LatLon::new(lat, lon);
        let nearest = homes
            .iter()
            .min_by(|a, b| {
                distance_m(here, LatLon::new(a.lat, a.lon))
                    .total_cmp(&distance_m(here, LatLon::new(b.lat, b.lon)))
            })
            .expect("the register is not empty");
        let body = app
            .homes(&[("lat", &lat.to_string()), ("lon", &lon.to_string())])
            .await;
        let list = items(&body);
        assert_eq!(list.len(), homes.len(), "a position filters nothing out");
        let distances: Vec<f64> = list
            .iter()
            .map(|item| {
                item["distance_m"]
                    .as_f64()
                    .unwrap_or_else(|| panic!("no distance_m in {item}"))
            })
            .collect();
        assert!(
            distances.windows(2).all(|w| w[0] <= w[1]),
            "not sorted nearest first: {distances:?}"
        );
        assert_eq!(list[0]["id"], nearest.id.as_str(), "from {lat}, {lon}");
        let expected = distance_m(here, LatLon::new(nearest.lat, nearest.lon));
        assert!(
            (distances[0] - expected).abs() < 0.01,
            "distance {} m, expected {expected} m",
            distances[0]
        );
    }
    let from_chasuqi = app
        .home_ids(&[("lat", "40.7300"), ("lon", "111.1500")])
        .await;
    let from_centre = app
        .home_ids(&[("lat", "40.8420"), ("lon", "111.6850")])
        .await;
    assert_ne!(from_chasuqi[0], from_centre[0], "the position must matter");

    let filtered = app
        .homes(&[
            ("lat", "40.7300"),
            ("lon", "111.1500"),
            ("type", "professional"),
        ])
        .await;
    assert_eq!(
        items(&filtered).len(),
        7,
        "filters still apply when sorting"
    );
}

async fn without_a_position_the_list_has_no_distances(app: TestApp) {
    let body = app.homes(&[]).await;
    for item in items(&body) {
        assert!(
            item.get("distance_m").is_none(),
            "unexpected distance in {item}"
        );
    }
    let blank = app.homes(&[("lat", ""), ("lon", "")]).await;
    assert!(items(&blank).iter().all(|i| i.get("distance_m").is_none()));
    assert_eq!(
        item_ids(&blank),
        item_ids(&body),
        "blank lat/lon are ignored"
    );
}

async fn a_known_id_returns_the_full_home_as_in_the_register(app: TestApp) {
    for id in ["pro-law", "xc-03", "tz-02"] {
        let expected = sample_homes()
            .into_iter()
            .find(|h| h.id == id)
            .expect("the id is in the sample register");
        let response = app.send(app.get(&format!("/api/homes/{id}"))).await;
        let body = json_body(response, StatusCode::OK).await;
        assert_eq!(body["hours"].as_array().map(Vec::len), Some(7), "{body}");
        assert!(
            body["phone"].as_str().is_some_and(|p| !p.is_empty()),
            "{body}"
        );
        assert!(body["facilities"].is_array(), "{body}");
        let home: Home = serde_json::from_value(body.clone())
            .unwrap_or_else(|e| panic!("{id} is not a Home ({e}): {body}"));
        assert_eq!(home, expected);
    }
}

async fn the_health_check_answers_ok(app: TestApp) {
    let body = json_body(app.send(app.get("/api/health")).await, StatusCode::OK).await;
    assert_eq!(body, json!({ "ok": true }));
}
