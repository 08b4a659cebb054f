//! Answers a page carries for the app's first requests. The server writes the JSON answer of a
//! `GET` the app is about to make into the page it serves, in a `<script type="application/json">`
//! element keyed by the request; the app, starting, reads it there instead of asking again, so
//! the first screen the server drew is drawn again from the same data, without a fetch. Both
//! sides make the key here, so they agree.

use serde::de::DeserializeOwned;

/// The cookie that tells the server the language this phone chose (its BCP 47 tag), and the one
/// that says whether elders' mode is on (`on`, `off`). The app writes them beside its own stored
/// choices, so that the server draws its first screen (in Chinese, at the standard size) only for
/// a phone whose page looks like that: any other is drawn by the app, without a flash of Chinese.
pub const LANGUAGE_COOKIE: &str = "dh-lang";
/// See [`LANGUAGE_COOKIE`].
pub const ELDERS_COOKIE: &str = "dh-elders";

/// Whether a phone with these cookies sees pages in Chinese at the standard size.
pub fn looks_default(language: Option<&str>, elders: Option<&str>) -> bool {
    language.is_none_or(|tag| tag == "zh-CN") && elders != Some("on")
}

/// The `document.cookie` assignment that keeps `name=value` for a year on the whole site.
pub fn cookie_line(name: &str, value: &str) -> String {
    format!("{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax")
}

/// The attribute of the `<script>` element that holds the request's key.
pub const KEY_ATTRIBUTE: &str = "data-request";

/// The key of a `GET` of `path` with the query parameters `query`, in the order they are sent.
pub fn request_key(path: &str, query: &[(&str, String)]) -> String {
    serde_json::to_string(&(path, query)).unwrap_or_default()
}

/// The answer a page carried, as `T`; `None` when it is not one.
pub fn read<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

/// JSON as it may stand inside a `<script>` element: every `<` escaped (`\u003c`), so no text in
/// it can close the element. JSON has `<` only inside strings, where the escape means the same.
pub fn script_text(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_tells_parameters_apart_however_their_values_read() {
        let one = request_key("/api/homes", &[("q", "a&district=x".into())]);
        let two = request_key("/api/homes", &[("q", "a".into()), ("district", "x".into())]);
        assert_ne!(one, two);
        assert_eq!(request_key("/api/homes", &[]), r#"["/api/homes",[]]"#);
    }

    #[test]
    fn only_chinese_at_the_standard_size_is_drawn_by_the_server() {
        assert!(looks_default(None, None));
        assert!(looks_default(Some("zh-CN"), Some("off")));
        assert!(!looks_default(Some("en"), None));
        assert!(!looks_default(Some("mn-Mong-CN"), None));
        assert!(!looks_default(None, Some("on")));
        assert_eq!(
            cookie_line(LANGUAGE_COOKIE, "en"),
            "dh-lang=en; Path=/; Max-Age=31536000; SameSite=Lax"
        );
    }

    #[test]
    fn a_script_cannot_be_closed_from_inside_and_reads_back_the_same() {
        let json = serde_json::to_string(&["</script><script>alert(1)</script>"]).unwrap();
        let inside = script_text(&json);
        assert!(!inside.contains('<'));
        assert_eq!(
            read::<Vec<String>>(&inside).unwrap(),
            ["</script><script>alert(1)</script>"]
        );
    }
}
