//! What the first screens the server draws share (the homes' list and pages, the activities,
//! the public board): the built page cut where the screen goes (`Shell`), the app's Chinese
//! words (`Words`, `zh.txt`, written from `src/i18n/zh.rs` by its tests), the frame every page
//! sits in, and when the plain built page is served instead (`Built::plain`, `looks_default`).
//! A first screen paints what people came for before the app's code has loaded, and works
//! without it; its markup is the app's own, in Chinese, the default language. The page carries
//! the answer the app is about to ask for (`first_answers`), so the app, starting, draws the
//! same markup from the same data and takes the page over without a fetch, a flash or a shift;
//! `tests/e2e/first-screen.test.mjs` checks that the two draw the same.

use crate::platform::static_files::StaticFiles;
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::platform::catalog_file;
use deputy_homes_api::platform::first_answers::{self, ELDERS_COOKIE, LANGUAGE_COOKIE};
use deputy_homes_api::platform::paging::page_count;
use maud::{html, Markup, PreEscaped};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The app's Chinese words by field name, as `zh.txt` holds them.
pub struct Words(HashMap<&'static str, String>);

/// The words of `zh.txt`.
pub static WORDS: LazyLock<Words> = LazyLock::new(|| Words::read(include_str!("zh.txt")));

impl Words {
    /// Reads the file's fields (its format: `catalog_file`).
    fn read(file: &'static str) -> Words {
        let words = catalog_file::entries(file, None)
            .into_iter()
            .flatten()
            .map(|(name, text)| (name, text.into_owned()))
            .collect();
        Words(words)
    }

    /// The word of a field; a name the file lacks is a bug the tests find (they draw every part).
    pub fn get(&self, name: &str) -> &str {
        match self.0.get(name) {
            Some(text) => text,
            None => {
                debug_assert!(false, "zh.txt has no {name}");
                ""
            }
        }
    }

    /// A template's holes (`{n}`) filled, as the app's `i18n::fill` does.
    pub fn fill(&self, name: &str, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(self.get(name).to_owned(), |text, (hole, value)| {
                text.replace(&format!("{{{hole}}}"), value)
            })
    }

    /// The template `{name}_one` or `{name}_other` for `n`, filled with it, as the app's plural
    /// texts are (Chinese has one form, the catalog both).
    pub fn count(&self, name: &str, n: u64) -> String {
        let form = if n == 1 { "one" } else { "other" };
        self.fill(&format!("{name}_{form}"), &[("n", &n.to_string())])
    }
}

/// The weekdays' fields, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "weekday_mon",
    "weekday_tue",
    "weekday_wed",
    "weekday_thu",
    "weekday_fri",
    "weekday_sat",
    "weekday_sun",
];

/// The built page (`dist/index.html`) cut where the first screen goes: the app's element, the
/// title, and the end of the body for the carried answers.
#[derive(Debug)]
pub struct Shell {
    before_title: String,
    title_to_app: String,
    app_to_body_end: String,
    rest: String,
    noscript: String,
}

const APP_OPEN: &str = "<div id=\"app\">";

impl Shell {
    /// Cuts the built page; `None` when it is not the shape the first screen needs.
    pub fn new(page: &str) -> Option<Shell> {
        let title_start = page.find("<title>")?;
        let title_end = title_start + page[title_start..].find("</title>")? + "</title>".len();
        let app_start = page.find(APP_OPEN)? + APP_OPEN.len();
        let body_end = page.rfind("</body>")?;
        let app_end = page[..body_end].rfind("</div>")?;
        let app = &page[app_start.min(app_end)..app_end];
        let noscript = app.find("<noscript>").and_then(|start| {
            let end = start + app[start..].find("</noscript>")? + "</noscript>".len();
            Some(app[start..end].to_owned())
        });
        (title_end <= app_start && app_start <= app_end).then(|| Shell {
            before_title: page[..title_start].to_owned(),
            title_to_app: page[title_end..app_start].to_owned(),
            app_to_body_end: page[app_end..body_end].to_owned(),
            rest: page[body_end..].to_owned(),
            noscript: noscript.unwrap_or_default(),
        })
    }

    /// What the built page's shell says to a browser without JavaScript (its `<noscript>`), for
    /// a first screen that needs the app.
    pub fn noscript(&self) -> PreEscaped<&str> {
        PreEscaped(&self.noscript)
    }

    /// The page with `title`, `screen` in the app's element and `carried` answers (request key,
    /// JSON) at the end of the body.
    pub fn fill(&self, title: &str, screen: Markup, carried: &[(String, String)]) -> String {
        self.fill_starting(title, Start::AtOnce, screen, carried)
    }

    /// [`Shell::fill`], saying in the head when the app should start.
    fn fill_starting(
        &self,
        title: &str,
        start: Start,
        screen: Markup,
        carried: &[(String, String)],
    ) -> String {
        let title = html! {
            title { (title) }
            @if start == Start::OnFirstUse {
                meta name="app-start" content="on-first-use";
            }
        };
        let carried = html! {
            @for (key, json) in carried {
                script type="application/json" data-request=(key) {
                    (PreEscaped(first_answers::script_text(json)))
                }
            }
        };
        [
            self.before_title.as_str(),
            &title.into_string(),
            &self.title_to_app,
            &screen.into_string(),
            &self.app_to_body_end,
            &carried.into_string(),
            &self.rest,
        ]
        .concat()
    }

    /// A page titled as the app titles it (`use_page_title`: the page's heading, then the
    /// app's name; the app's name alone for the list of homes), in the frame; the app starts
    /// as `start` says.
    pub fn page(
        &self,
        heading: Option<&str>,
        current: Option<Page>,
        start: Start,
        screen: Markup,
        carried: &[(String, String)],
    ) -> String {
        let w = &*WORDS;
        let title = match heading {
            Some(heading) => format!("{heading} · {}", w.get("app_title")),
            None => w.get("app_title").to_owned(),
        };
        self.fill_starting(&title, start, frame(w, current, screen), carried)
    }
}

/// When the app starts on a drawn page (`mount` in `src/app.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// As soon as its code has loaded: the page needs it.
    AtOnce,
    /// When it is first needed (`src/forms.js`): the page's links and filters work without it,
    /// and a form only it sends starts it when entered, so the page's load is not held up by
    /// the app drawing it again.
    OnFirstUse,
}

/// The header, the page in `main`, the footer: `Frame` in `src/app.rs`, for a citizen who is
/// not signed in, on the page `current` of the main navigation (if any).
fn frame(w: &Words, current: Option<Page>, page: Markup) -> Markup {
    let nav = [
        (Page::Homes, "nav_homes"),
        (Page::Activities, "nav_activities"),
        (Page::MyBookings, "nav_my_bookings"),
        (Page::Opinions, "nav_opinions"),
        (Page::Board, "nav_board"),
        (Page::Projects, "nav_projects"),
        (Page::SignIn, "nav_sign_in"),
    ];
    html! {
        a.skip-link href="#main" { (w.get("skip_to_content")) }
        header.site-header {
            div.site-header__bar {
                a.brand href=(Page::Homes.path()) { (w.get("app_title")) }
                div.lang-switch role="group" aria-label=(w.get("switch_language_label")) {
                    @for (code, pressed) in [("zh-CN", true), ("en", false), ("mn-Mong-CN", false)] {
                        button.lang-switch__choice type="button" lang=(code)
                            aria-label=(w.get(&format!("lang.{code}.switch_to")))
                            aria-pressed=(pressed) {
                            (w.get(&format!("lang.{code}.name")))
                        }
                    }
                }
            }
            p.lang-status role="status" {}
            nav.site-nav aria-label=(w.get("nav_label")) {
                @for (page, name) in nav {
                    a href=(page.path())
                        aria-current=[(current.as_ref() == Some(&page)).then_some("page")] {
                        (w.get(name))
                    }
                }
            }
        }
        main #main tabindex="-1" { (page) }
        footer.site-footer {
            p { a href=(Page::Settings.path()) { (w.get("nav_settings")) } }
            p { (w.get("footer")) }
        }
    }
}

/// `Pager` in `src/kit/pager.rs`: links to the pages before and after, none for one page.
pub fn pager(
    w: &Words,
    page: u32,
    total: u64,
    page_size: u32,
    href: impl Fn(u32) -> String,
) -> Markup {
    let pages = page_count(total, page_size);
    html! {
        @if pages > 1 {
            nav.pager aria-label=(w.get("pager_label")) {
                @if page > 1 {
                    a.button rel="prev" href=(href(page - 1)) { (w.get("page_prev")) }
                }
                span { (w.fill("page_of", &[("p", &page.to_string()), ("n", &pages.to_string())])) }
                @if page < pages {
                    a.button rel="next" href=(href(page + 1)) { (w.get("page_next")) }
                }
            }
        }
    }
}

/// The built citizens' page, cut for the first screens, and the built app's files, which
/// answer with the page as it is.
#[derive(Debug)]
pub struct Built {
    pub shell: Shell,
    files: StaticFiles,
}

/// The citizens' page in the built app.
const PAGE: &str = "/index.html";

impl Built {
    /// The citizens' page cut from `files`; `None` when it has no place for a first screen.
    pub fn new(files: &StaticFiles) -> Option<Built> {
        let page = files.bytes(PAGE)?;
        let shell = Shell::new(std::str::from_utf8(&page).ok()?)?;
        Some(Built {
            shell,
            files: files.clone(),
        })
    }

    /// The built page as it is (`dist/index.html`), as every other page of the app is answered:
    /// for a request whose first screen cannot be drawn, the app draws and explains it.
    pub fn plain(&self, request: &HeaderMap) -> Response {
        self.files
            .respond(PAGE, request)
            .unwrap_or_else(|| StatusCode::NOT_FOUND.into_response())
    }
}

/// Whether this phone's pages look as the first screen is drawn: in Chinese, at the standard
/// size. Any other look the app draws itself, so no Chinese flashes before the chosen language.
pub fn looks_default(request: &HeaderMap) -> bool {
    let cookies = CookieJar::from_headers(request);
    let value = |name| cookies.get(name).map(|c| c.value().to_owned());
    first_answers::looks_default(
        value(LANGUAGE_COOKIE).as_deref(),
        value(ELDERS_COOKIE).as_deref(),
    )
}

/// A filter form sent without the app (`/?q=&district=saihan&type=`, every field by its name)
/// is sent on to the same page without the fields left empty (`/?district=saihan`): the address
/// the app writes for that filter, which the page is drawn and kept under.
pub async fn without_empty_fields(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // (The pages' paths start with one slash; `//host` would be another site.)
    if let Some(kept) = request
        .uri()
        .query()
        .and_then(without_empty)
        .filter(|_| !path.starts_with("//"))
    {
        let to = if kept.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{kept}")
        };
        return Redirect::to(&to).into_response();
    }
    next.run(request).await
}

/// The query without its empty fields (`name=`) and separators, when it has any; the others as
/// they were written.
fn without_empty(query: &str) -> Option<String> {
    let fields: Vec<&str> = query.split('&').collect();
    let kept: Vec<&str> = fields
        .iter()
        .copied()
        .filter(|field| {
            !field.is_empty()
                && field
                    .split_once('=')
                    .is_none_or(|(_, value)| !value.is_empty())
        })
        .collect();
    (kept.len() < fields.len()).then(|| kept.join("&"))
}

/// The first minute after `now_ms` starts: a first screen that says what is open now holds
/// until then.
pub fn next_minute(now_ms: i64) -> i64 {
    (now_ms.div_euclid(60_000) + 1) * 60_000
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub const BUILT: &str = "<!doctype html><html><head><title>x</title><script type=\"module\">go()</script></head><body><div id=\"app\"><main>shell<noscript><p>需要 JavaScript</p></noscript></main></div></body></html>";

    #[test]
    fn a_form_sent_without_the_app_loses_only_its_empty_fields() {
        assert_eq!(without_empty("district=saihan"), None);
        assert_eq!(without_empty("q=%E6%B3%95&type=professional"), None);
        assert_eq!(
            without_empty("q=&district=saihan&type="),
            Some("district=saihan".into())
        );
        assert_eq!(without_empty("q=&district=&type="), Some(String::new()));
        assert_eq!(without_empty("category=&page=2"), Some("page=2".into()));
        assert_eq!(without_empty("a=1&&b=2"), Some("a=1&b=2".into()));
        // A value that is only spaces is the list's to refuse or read; it is not empty.
        assert_eq!(without_empty("q=+"), None);
        // A search for "=" is not an empty field; a field with no value at all is kept as written.
        assert_eq!(without_empty("q=="), None);
        assert_eq!(without_empty("q=%3D&flag"), None);
    }

    #[test]
    fn a_first_screen_holds_until_the_next_minute() {
        assert_eq!(next_minute(0), 60_000);
        assert_eq!(next_minute(59_999), 60_000);
        assert_eq!(next_minute(60_000), 120_000);
    }

    #[test]
    fn the_screen_replaces_the_shell_and_the_answer_rides_at_the_end_of_the_body() {
        let shell = Shell::new(BUILT).unwrap();
        let page = shell.fill(
            "标题",
            html! { p { "<屏>" } },
            &[("[\"/api/homes\",[]]".into(), "{\"a\":\"</script>\"}".into())],
        );
        assert_eq!(
            page,
            "<!doctype html><html><head><title>标题</title><script type=\"module\">go()</script></head><body><div id=\"app\"><p>&lt;屏&gt;</p></div><script type=\"application/json\" data-request=\"[&quot;/api/homes&quot;,[]]\">{\"a\":\"\\u003c/script>\"}</script></body></html>"
        );
        assert!(Shell::new("<html><body>no app</body></html>").is_none());
    }

    #[test]
    fn a_page_is_titled_by_its_heading_and_marks_its_place_in_the_navigation() {
        let shell = Shell::new(BUILT).unwrap();
        let page = shell.page(
            Some("公开答复"),
            Some(Page::Board),
            Start::OnFirstUse,
            html! {},
            &[],
        );
        assert!(
            page.contains("<title>公开答复 · 呼和浩特人大代表之家</title>"),
            "{page}"
        );
        assert!(
            page.contains("<a href=\"/board\" aria-current=\"page\">"),
            "{page}"
        );
        assert_eq!(page.matches("aria-current").count(), 1, "{page}");
        // The board works without the app: it starts when first needed.
        assert!(
            page.contains("</title><meta name=\"app-start\" content=\"on-first-use\">"),
            "{page}"
        );
        let at_once = shell.page(Some("公开答复"), None, Start::AtOnce, html! {}, &[]);
        assert!(!at_once.contains("app-start"), "{at_once}");
    }

    #[test]
    fn the_pager_links_only_to_pages_there_are() {
        let w = &*WORDS;
        let href = |p: u32| format!("/board?page={p}");
        assert_eq!(pager(w, 1, 20, 20, href).into_string(), "");
        let first = pager(w, 1, 41, 20, href).into_string();
        assert!(
            first.contains("rel=\"next\" href=\"/board?page=2\""),
            "{first}"
        );
        assert!(!first.contains("rel=\"prev\""), "{first}");
        let last = pager(w, 3, 41, 20, href).into_string();
        assert!(
            last.contains("rel=\"prev\" href=\"/board?page=2\""),
            "{last}"
        );
        assert!(!last.contains("rel=\"next\""), "{last}");
    }
}
