//! Lists kept on this phone only (local storage), one entry per line of space-separated fields:
//! "my bookings" and "my opinions". A citizen without an account finds their things again. And
//! the cookies that tell the server how this phone's pages look (`first_answers`).

use deputy_homes_api::platform::first_answers::cookie_line;
use wasm_bindgen::JsCast;

/// Keeps `name=value` in a cookie for a year (refused cookies change nothing but the first screen).
pub fn keep_cookie(name: &str, value: &str) {
    if let Some(document) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    {
        let _ = document.set_cookie(&cookie_line(name, value));
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The entries under `key`, newest first; lines without exactly `fields` fields are skipped.
pub fn load(key: &str, fields: usize) -> Vec<Vec<String>> {
    storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .map(|t| decode(&t, fields))
        .unwrap_or_default()
}

/// Puts an entry first, replacing any entry with the same first field.
pub fn remember(key: &str, fields: usize, entry: Vec<String>) {
    let mut list = load(key, fields);
    list.retain(|e| e.first() != entry.first());
    list.insert(0, entry);
    store(key, &list);
}

/// Removes the entry whose first field is `first`.
pub fn forget(key: &str, fields: usize, first: &str) {
    let mut list = load(key, fields);
    list.retain(|e| e.first().map(String::as_str) != Some(first));
    store(key, &list);
}

fn store(key: &str, list: &[Vec<String>]) {
    if let Some(s) = storage() {
        // Private browsing may refuse storage; what was saved on the server is safe anyway.
        let _ = s.set_item(key, &encode(list));
    }
}

fn encode(list: &[Vec<String>]) -> String {
    list.iter()
        .map(|e| e.join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn decode(text: &str, fields: usize) -> Vec<Vec<String>> {
    text.lines()
        .map(|line| line.split(' ').map(str::to_owned).collect::<Vec<_>>())
        .filter(|e| e.len() == fields && e.iter().all(|f| !f.is_empty()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_damaged_lines_are_skipped() {
        let list = vec![
            vec![
                "ACD34X".to_owned(),
                "13800138000".to_owned(),
                "a1".to_owned(),
            ],
            vec![
                "MNP479".to_owned(),
                "13900139000".to_owned(),
                "c3".to_owned(),
            ],
        ];
        assert_eq!(decode(&encode(&list), 3), list);
        assert_eq!(
            decode("ACD34X 138\n\nX Y Z W\nMNP479 13900139000 c3", 3),
            list[1..]
        );
    }
}
