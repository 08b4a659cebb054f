//! The app's own page URLs with their query strings (filters kept in the URL).

use deputy_homes_api::homes::maplinks::encode_component;

/// `path` with the pairs that have a value, encoded, in the order given; `path` alone when none
/// has one.
pub fn page_href<'a>(
    path: &str,
    pairs: impl IntoIterator<Item = (&'a str, Option<String>)>,
) -> String {
    let parts: Vec<String> = pairs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}={}", encode_component(&v))))
        .collect();
    if parts.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_present_pairs_are_written_and_encoded() {
        assert_eq!(page_href("/board", [("category", None)]), "/board");
        assert_eq!(
            page_href(
                "/",
                [
                    ("q", Some("法律 咨询".into())),
                    ("district", None),
                    ("type", Some("law".into()))
                ]
            ),
            "/?q=%E6%B3%95%E5%BE%8B%20%E5%92%A8%E8%AF%A2&type=law"
        );
    }
}
