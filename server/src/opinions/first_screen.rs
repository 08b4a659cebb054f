//! The first screens of the public board (`/board`), the statistics (`/stats`) and the form for
//! a new opinion (`/opinions/new`), drawn by the server into the page it serves
//! (`platform::first_screen`): the published opinions and their replies, how opinions are
//! handled, and the form for an opinion with the homes to choose from. The markup is the app's own
//! (`src/opinions/pages/board.rs`, `stats.rs`, `opinion_new.rs`).

use crate::homes::first_screen::list_request_key;
use crate::platform::first_screen::{pager, Shell, Start, Words, WORDS};
use deputy_homes_api::citizens::CODE_DIGITS;
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::opinions::board::{
    NamedCount, OpinionStats, PublicBoardQuery, PublicOpinion, PublicOpinionPage, Rating,
    ReplyClass, UnitScore,
};
use deputy_homes_api::opinions::{
    Category, OpinionStatus, MAX_BODY_CHARS, MAX_CONTACT_NAME_CHARS, MAX_TITLE_CHARS,
};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::platform::figures::{bar_percent, days, percent};
use deputy_homes_api::platform::first_answers;
use deputy_homes_api::platform::time::local_time;
use deputy_homes_api::{District, HomesResponse};
use maud::{html, Markup};

/// The key under which the app asks for the board with `query` (`src/opinions/client.rs`).
pub fn board_request_key(query: &PublicBoardQuery) -> String {
    first_answers::request_key("/api/public/opinions", &query.pairs())
}

/// The board's page for `query`: the opinions of `answer` (the board's API answer, and its
/// JSON, which the page carries).
pub fn board_page(
    shell: &Shell,
    query: &PublicBoardQuery,
    answer: &PublicOpinionPage,
    json: String,
) -> String {
    let w = &*WORDS;
    let carried = [(board_request_key(query), json)];
    let screen = board_screen(w, query, answer);
    shell.page(
        Some(w.get("board_heading")),
        Some(Page::Board),
        Start::OnFirstUse,
        screen,
        &carried,
    )
}

/// `BoardPage` in `src/opinions/pages/board.rs`.
fn board_screen(w: &Words, query: &PublicBoardQuery, answer: &PublicOpinionPage) -> Markup {
    html! {
        h1 { (w.get("board_heading")) }
        p { (w.get("board_intro")) }
        p.inline-links { a href=(Page::Stats.path()) { (w.get("stats_heading")) } }
        form.field.filters {
            label for="board-category" { (w.get("opinion_category")) }
            select #board-category name="category" {
                option value="" { (w.get("all_categories")) }
                @for k in Category::ALL {
                    option value=(k.code()) selected[query.category == Some(k)] {
                        (category_name(w, k))
                    }
                }
            }
            button.button.filters__submit type="submit" { (w.get("show_button")) }
        }
        @if answer.items.is_empty() {
            p.result-count { (w.get("board_empty")) }
        } @else {
            p.result-count role="status" {
                (w.fill("queue_count", &[("n", &answer.total.to_string())]))
            }
            ul.board {
                @for item in &answer.items {
                    (board_item(w, item))
                }
            }
            (pager(w, answer.page, answer.total, answer.page_size, |p| query.page_href(p)))
        }
    }
}

/// `BoardItem` in `src/opinions/pages/board.rs`.
fn board_item(w: &Words, item: &PublicOpinion) -> Markup {
    html! {
        li.card.board__item data-tracking=(item.tracking_number) {
            h2.opinion__title { (item.title) }
            p.opinion__meta {
                span.booking__code { (item.tracking_number) }
                span.tag { (category_name(w, item.category)) }
                @if let Some(district) = item.district {
                    span.tag { (district.name_zh()) }
                }
            }
            p.hint {
                (w.fill("opinion_submitted_at", &[("d", &local_time(item.submitted_at_ms))]))
            }
            p.opinion__body { (item.body) }
            div.reply {
                h3 { (w.get("reply_heading")) }
                p { strong { (reply_class_name(w, item.reply_class)) } }
                @if !item.units.is_empty() {
                    p.hint { (w.fill("assigned_units", &[("u", &item.units.join("、"))])) }
                }
                p.opinion__body { (item.reply_text) }
                p.hint { (w.fill("replied_at", &[("d", &local_time(item.replied_at_ms))])) }
            }
            @if let Some(rating) = item.rating {
                p { (w.fill("rating_public", &[("r", rating_name(w, rating))])) }
            }
        }
    }
}

/// The key under which the app asks a citizen's statistics of `year` (`src/opinions/client.rs`).
pub fn stats_request_key(year: Option<i64>) -> String {
    let year: Vec<(&str, String)> = year.map(|y| ("year", y.to_string())).into_iter().collect();
    first_answers::request_key("/api/public/stats", &year)
}

/// The statistics' page of `year` (or all years): the figures of `stats` (the API answer, and
/// its JSON, which the page carries).
pub fn stats_page(shell: &Shell, year: Option<i64>, stats: &OpinionStats, json: String) -> String {
    let w = &*WORDS;
    let carried = [(stats_request_key(year), json)];
    let screen = stats_screen(w, year, stats);
    shell.page(
        Some(w.get("stats_heading")),
        None,
        Start::OnFirstUse,
        screen,
        &carried,
    )
}

/// `StatsPage`, `YearChoice`, `StatsView` and `UnitTable` in `src/opinions/pages/stats.rs`.
fn stats_screen(w: &Words, year: Option<i64>, stats: &OpinionStats) -> Markup {
    let mut years = stats.years.clone();
    if let Some(y) = year.filter(|y| !years.contains(y)) {
        years.push(y);
        years.sort_unstable_by(|a, b| b.cmp(a));
    }
    let satisfaction = &stats.satisfaction;
    let figures = [
        ("stats_total", stats.total.to_string()),
        ("stats_overdue", stats.overdue.to_string()),
        ("stats_median_days", days(stats.median_days_to_reply)),
        ("stats_on_time", percent(stats.on_time_share)),
        (
            "stats_satisfied",
            percent((satisfaction.rated > 0).then_some(satisfaction.satisfied)),
        ),
        ("stats_rated", satisfaction.rated.to_string()),
    ];
    html! {
        h1 { (w.get("stats_heading")) }
        form.field.stats__year {
            label for="stats-year" { (w.get("stats_year_label")) }
            select #stats-year name="year" {
                option value="" selected[year.is_none()] { (w.get("stats_all_years")) }
                @for y in years {
                    option value=(y) selected[year == Some(y)] { (y) }
                }
            }
            button.button.filters__submit type="submit" { (w.get("show_button")) }
        }
        dl.summary__figures.stats__figures {
            @for (label, value) in figures {
                div { dt { (w.get(label)) } dd { (value) } }
            }
        }
        (chart(w, "stats_by_status", &stats.by_status, |key| {
            OpinionStatus::from_code(key).map(|s| format!("opinion_status_{}", s.code()))
        }))
        (chart(w, "stats_by_category", &stats.by_category, |key| {
            Category::from_code(key).map(|c| format!("category_{}", c.code()))
        }))
        (district_chart(w, &stats.by_district))
        (unit_table(w, &stats.units))
    }
}

/// A chart of counts whose keys are named by the word `field` gives (the key itself when it
/// gives none).
fn chart(
    w: &Words,
    caption: &str,
    rows: &[NamedCount],
    field: impl Fn(&str) -> Option<String>,
) -> Markup {
    let bars = rows
        .iter()
        .map(|n| {
            let name = field(&n.key).map_or_else(|| n.key.clone(), |f| w.get(&f).to_owned());
            (name, n.count)
        })
        .collect::<Vec<_>>();
    bar_chart(w, caption, &bars)
}

/// The chart by district (`name_of` in `stats.rs`): `none` for opinions of no home.
fn district_chart(w: &Words, rows: &[NamedCount]) -> Markup {
    let bars = rows
        .iter()
        .map(|n| {
            let name = match n.key.as_str() {
                "none" => w.get("district_none").to_owned(),
                key => District::from_code(key)
                    .map_or_else(|| key.to_owned(), |d| d.name_zh().to_owned()),
            };
            (name, n.count)
        })
        .collect::<Vec<_>>();
    bar_chart(w, "stats_by_district", &bars)
}

/// `BarChart` in `src/kit/bar_chart.rs`.
fn bar_chart(w: &Words, caption: &str, bars: &[(String, u64)]) -> Markup {
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0);
    html! {
        table.chart {
            caption { (w.get(caption)) }
            thead {
                tr {
                    th scope="col" { (w.get("stats_name")) }
                    th scope="col" { (w.get("stats_count")) }
                }
            }
            tbody {
                @for (label, count) in bars {
                    tr {
                        th scope="row" { (label) }
                        td {
                            div.chart__cell {
                                span.chart__count { (count) }
                                svg.chart__bar viewBox="0 0 100 10" preserveAspectRatio="none"
                                    aria-hidden="true" focusable="false" {
                                    rect x="0" y="0" width=(format!("{:.1}", bar_percent(*count, max)))
                                        height="10" {}
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `UnitTable` in `src/opinions/pages/stats.rs`.
fn unit_table(w: &Words, units: &[UnitScore]) -> Markup {
    html! {
        h2 #units-heading { (w.get("stats_units")) }
        @if units.is_empty() {
            p { (w.get("stats_no_units")) }
        } @else {
            div.table-scroll role="region" aria-labelledby="units-heading" tabindex="0" {
                table.scorecard {
                    thead {
                        tr {
                            @for heading in ["units_label", "stats_assigned", "stats_replied",
                                "stats_on_time", "stats_median_days", "stats_satisfied"] {
                                th scope="col" { (w.get(heading)) }
                            }
                        }
                    }
                    tbody {
                        @for u in units {
                            tr {
                                th scope="row" { (u.name) }
                                td { (u.assigned) }
                                td { (u.replied) }
                                td { (percent(u.on_time_share)) }
                                td { (days(u.median_days_to_reply)) }
                                td {
                                    (percent((u.satisfaction.rated > 0).then_some(u.satisfaction.satisfied)))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The key under which the form asks for the homes to choose from (`src/homes/client.rs`).
pub fn homes_request_key() -> String {
    list_request_key(&HomeFilter::default())
}

/// The page of the form for a new opinion, as the app first draws it (`OpinionForm` in
/// `src/opinions/pages/opinion_new.rs`) for a phone with no verified number: the homes of
/// `homes` (the list's answer, and its JSON, which the page carries) to choose from, `home`
/// chosen. The form is sent only by the app (a phone's code, photos, a key against sending
/// twice): entering a field starts it (`src/forms.js`), which keeps what was typed, and a form
/// sent before it is live is sent again by it.
pub fn new_opinion_page(
    shell: &Shell,
    homes: &HomesResponse,
    json: String,
    home: Option<&str>,
) -> String {
    let w = &*WORDS;
    let heading = w.get("opinion_new_heading");
    let screen = html! {
        h1 { (heading) }
        p { (w.get("opinion_intro")) }
        form.form novalidate {
            div.field {
                label for="opinion-category" { (w.get("opinion_category")) }
                select #opinion-category {
                    @for c in Category::ALL {
                        option value=(c.code()) selected[c == Category::UrbanConstruction] {
                            (category_name(w, c))
                        }
                    }
                }
            }
            div.field {
                label for="opinion-home" { (w.get("opinion_home")) }
                select #opinion-home {
                    option value="" { (w.get("opinion_no_home")) }
                    @for h in &homes.items {
                        option value=(h.id) selected[home == Some(h.id.as_str())] { (h.name_zh) }
                    }
                }
            }
            (text_field(w, TextInput::counted("opinion-title", "opinion_title", MAX_TITLE_CHARS)))
            (text_field(w, TextInput { rows: Some(6), ..TextInput::counted("opinion-body", "opinion_body", MAX_BODY_CHARS) }))
            div.field {
                label for="opinion-photo" { (w.get("photos_label")) }
                input #opinion-photo type="file" accept="image/jpeg,image/png,image/webp" multiple
                    aria-describedby="opinion-photo-hint opinion-photo-error";
                p.hint #opinion-photo-hint { (w.get("photos_hint")) }
                p.field-error #opinion-photo-error role="alert" {}
                ul.photos {}
            }
            fieldset.field.checks {
                legend { (w.get("opinion_location")) }
                button.button type="button" { (w.get("opinion_add_location")) }
            }
            fieldset.field.checks {
                legend { (w.get("opinion_contact")) }
                label.check for="opinion-named" {
                    input #opinion-named type="radio" name="opinion-contact" checked;
                    span { (w.get("opinion_with_contact")) }
                }
                label.check for="opinion-anonymous" {
                    input #opinion-anonymous type="radio" name="opinion-contact";
                    span { (w.get("opinion_anonymous")) }
                }
            }
            (text_field(w, TextInput {
                autocomplete: "name",
                ..TextInput::new("opinion-contact-name", "book_name", Some(MAX_CONTACT_NAME_CHARS))
            }))
            (text_field(w, TextInput {
                kind: "tel",
                inputmode: Some("numeric"),
                autocomplete: "tel",
                hint: Some("verify_phone_hint"),
                ..TextInput::new("opinion-contact-phone", "book_phone", None)
            }))
            div.code-row {
                (text_field(w, TextInput {
                    inputmode: Some("numeric"),
                    autocomplete: "one-time-code",
                    enterkeyhint: Some("done"),
                    ..TextInput::new("opinion-contact-code", "verify_code_label", Some(CODE_DIGITS + 2))
                }))
                button #opinion-contact-get-code.button.code-row__ask type="button" {
                    (w.get("verify_get_code"))
                }
            }
            div.field {
                label.check.check--consent for="opinion-consent" {
                    input #opinion-consent type="checkbox" aria-describedby="opinion-consent-error";
                    span { (w.get("opinion_consent")) }
                }
                p.field-error #opinion-consent-error {}
            }
            div.field {
                label.check for="opinion-publish" {
                    input #opinion-publish type="checkbox" checked;
                    span { (w.get("opinion_allow_publish")) }
                }
            }
            p.form-error role="alert" {}
            button.button.button--primary.button--wide type="submit" { (w.get("opinion_submit")) }
        }
    };
    shell.page(
        Some(heading),
        Some(Page::Opinions),
        Start::OnFirstUse,
        screen,
        &[(homes_request_key(), json)],
    )
}

/// A text field as the app's `TextField` (`src/kit/text_field.rs`) draws it empty.
struct TextInput {
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    kind: &'static str,
    autocomplete: &'static str,
    enterkeyhint: Option<&'static str>,
    inputmode: Option<&'static str>,
    max_chars: Option<usize>,
    count: bool,
    rows: Option<u32>,
}

impl TextInput {
    fn new(id: &'static str, label: &'static str, max_chars: Option<usize>) -> TextInput {
        TextInput {
            id,
            label,
            hint: None,
            kind: "text",
            autocomplete: "off",
            enterkeyhint: None,
            inputmode: None,
            max_chars,
            count: false,
            rows: None,
        }
    }

    /// With the count of characters typed shown under it.
    fn counted(id: &'static str, label: &'static str, max_chars: usize) -> TextInput {
        TextInput {
            count: true,
            ..TextInput::new(id, label, Some(max_chars))
        }
    }
}

fn text_field(w: &Words, f: TextInput) -> Markup {
    let id = f.id;
    let (hint_id, count_id, error_id) = (
        format!("{id}-hint"),
        format!("{id}-count"),
        format!("{id}-error"),
    );
    let counted = f.count && f.max_chars.is_some();
    let described_by = [
        f.hint.map(|_| hint_id.as_str()),
        counted.then_some(count_id.as_str()),
        Some(error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        div.field {
            label for=(id) { (w.get(f.label)) }
            @if let Some(hint) = f.hint {
                p.field-hint id=(hint_id) { (w.get(hint)) }
            }
            @if let Some(rows) = f.rows {
                textarea id=(id) rows=(rows) maxlength=[f.max_chars] aria-describedby=(described_by) {}
            } @else {
                input id=(id) type=(f.kind) autocomplete=(f.autocomplete) inputmode=[f.inputmode]
                    enterkeyhint=[f.enterkeyhint] maxlength=[f.max_chars] autocapitalize="none"
                    aria-describedby=(described_by);
            }
            @if let Some(max) = f.max_chars.filter(|_| counted) {
                p.field-hint id=(count_id) aria-live="polite" {
                    (w.fill("chars_count", &[("n", "0"), ("max", &max.to_string())]))
                }
            }
            p.field-error id=(error_id) {}
        }
    }
}

fn category_name(w: &Words, category: Category) -> &str {
    w.get(&format!("category_{}", category.code()))
}

/// `Catalog::reply_class_name`.
fn reply_class_name(w: &Words, class: ReplyClass) -> &str {
    w.get(match class {
        ReplyClass::A => "reply_class_a",
        ReplyClass::B => "reply_class_b",
        ReplyClass::C => "reply_class_c",
    })
}

/// `Catalog::rating_name`.
fn rating_name(w: &Words, rating: Rating) -> &str {
    w.get(match rating {
        Rating::Satisfied => "rating_satisfied",
        Rating::Fairly => "rating_fairly",
        Rating::Not => "rating_not",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::first_screen::tests::BUILT;
    use deputy_homes_api::opinions::board::Satisfaction;
    use deputy_homes_api::{HomeSummary, RegisterInfo};

    #[test]
    fn an_opinion_on_the_board_shows_its_reply_units_and_rating_and_the_pages_link_on() {
        let item = PublicOpinion {
            tracking_number: "YJ20261128-0042".into(),
            category: Category::Health,
            district: Some(District::Saihan),
            title: "挂号<难>".into(),
            body: "排队长".into(),
            units: vec!["市卫健委".into(), "赛罕区卫健局".into()],
            reply_class: ReplyClass::B,
            reply_text: "增加窗口".into(),
            // 2025-12-31 16:30 UTC is 2026-01-01 00:30 in Hohhot.
            submitted_at_ms: 1_767_198_600_000,
            replied_at_ms: 1_767_198_600_000 + 86_400_000,
            published_at_ms: 0,
            rating: Some(Rating::Fairly),
        };
        let answer = PublicOpinionPage {
            items: vec![item],
            total: 41,
            page: 2,
            page_size: 20,
        };
        let query = PublicBoardQuery {
            category: Some(Category::Health),
            page: Some(2),
        };
        let page = board_page(&Shell::new(BUILT).unwrap(), &query, &answer, "{}".into());
        for part in [
            "<option value=\"health\" selected>医疗卫生</option>",
            "<p class=\"result-count\" role=\"status\">共 41 条</p>",
            "<h2 class=\"opinion__title\">挂号&lt;难&gt;</h2>",
            "<span class=\"tag\">医疗卫生</span><span class=\"tag\">赛罕区</span>",
            "<p class=\"hint\">提交于 2026-01-01 00:30</p>",
            "<strong>B 类：正在解决或列入计划</strong>",
            "<p class=\"hint\">承办单位：市卫健委、赛罕区卫健局</p>",
            "<p class=\"hint\">答复时间：2026-01-02 00:30</p>",
            "<p>提出人评价：基本满意</p>",
            "rel=\"prev\" href=\"/board?category=health\"",
            "<span>第 2 / 3 页</span>",
            "rel=\"next\" href=\"/board?category=health&amp;page=3\"",
        ] {
            assert!(page.contains(part), "{part} in {page}");
        }
    }

    #[test]
    fn the_form_for_an_opinion_is_drawn_empty_with_the_homes_and_the_home_chosen() {
        let register =
            crate::homes::register_file::parse_register(include_str!("../../../data/homes.csv"))
                .unwrap();
        let mut items: Vec<_> = register
            .iter()
            .take(2)
            .map(|h| HomeSummary::from_home(h, None))
            .collect();
        items[0].name_zh = "新城<一>".into();
        let (first, second) = (items[0].id.clone(), items[1].id.clone());
        let homes = HomesResponse {
            register: RegisterInfo {
                sample: true,
                total: 2,
            },
            items,
        };
        let page = new_opinion_page(
            &Shell::new(BUILT).unwrap(),
            &homes,
            "{\"items\":[]}".into(),
            Some(&second),
        );
        let options = format!("<option value=\"\">不指定</option><option value=\"{first}\">新城&lt;一&gt;</option><option value=\"{second}\" selected>");
        for part in [
            "<title>提意见建议 · 呼和浩特人大代表之家</title><meta name=\"app-start\" content=\"on-first-use\">",
            "<a href=\"/opinions\" aria-current=\"page\">",
            "<select id=\"opinion-category\"><option value=\"urban_construction\" selected>城乡建设</option><option value=\"transport\">",
            &options,
            "<input id=\"opinion-title\" type=\"text\" autocomplete=\"off\" maxlength=\"60\" autocapitalize=\"none\" aria-describedby=\"opinion-title-count opinion-title-error\">",
            "<p class=\"field-hint\" id=\"opinion-title-count\" aria-live=\"polite\">0/60 字</p>",
            "<textarea id=\"opinion-body\" rows=\"6\" maxlength=\"2000\" aria-describedby=\"opinion-body-count opinion-body-error\"></textarea>",
            "<input id=\"opinion-named\" type=\"radio\" name=\"opinion-contact\" checked>",
            "<p class=\"field-hint\" id=\"opinion-contact-phone-hint\">11 位手机号。获取短信验证码，证明是您本人。</p><input id=\"opinion-contact-phone\" type=\"tel\" autocomplete=\"tel\" inputmode=\"numeric\"",
            "<button class=\"button code-row__ask\" id=\"opinion-contact-get-code\" type=\"button\">获取验证码</button>",
            "<input id=\"opinion-publish\" type=\"checkbox\" checked>",
            "<button class=\"button button--primary button--wide\" type=\"submit\">提交意见建议</button></form>",
            "<script type=\"application/json\" data-request=\"[&quot;/api/homes&quot;,[]]\">{\"items\":[]}</script>",
        ] {
            assert!(page.contains(part), "{part} in {page}");
        }
    }

    #[test]
    fn the_statistics_show_figures_charts_and_units_with_the_year_chosen() {
        let count = |key: &str, count| NamedCount {
            key: key.into(),
            count,
        };
        let satisfaction = Satisfaction::of(&[Rating::Satisfied, Rating::Not]);
        let stats = OpinionStats {
            total: 4,
            by_status: vec![count("replied", 3), count("odd", 1)],
            by_category: vec![count("transport", 4)],
            by_district: vec![count("saihan", 2), count("none", 2)],
            overdue: 1,
            median_days_to_reply: Some(2.25),
            on_time_share: Some(0.756),
            satisfaction: satisfaction.clone(),
            units: vec![UnitScore {
                unit_id: "u1".into(),
                name: "市交通<运输>局".into(),
                assigned: 3,
                replied: 2,
                on_time_share: None,
                median_days_to_reply: None,
                satisfaction,
            }],
            year: Some(2024),
            years: vec![2026, 2025],
            by_home: Vec::new(),
        };
        let page = stats_page(&Shell::new(BUILT).unwrap(), Some(2024), &stats, "{}".into());
        for part in [
            "<option value=\"\">全部年份</option><option value=\"2026\">2026</option><option value=\"2025\">2025</option><option value=\"2024\" selected>2024</option>",
            "<div><dt>收到</dt><dd>4</dd></div><div><dt>超期未答复</dt><dd>1</dd></div><div><dt>答复用时中位数（天）</dt><dd>2.2</dd></div><div><dt>按期答复率</dt><dd>76%</dd></div><div><dt>满意率</dt><dd>50%</dd></div><div><dt>评价数</dt><dd>2</dd></div>",
            "<caption>按状态</caption>",
            "<th scope=\"row\">已答复</th><td><div class=\"chart__cell\"><span class=\"chart__count\">3</span><svg class=\"chart__bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\"><rect x=\"0\" y=\"0\" width=\"100.0\" height=\"10\"></rect></svg>",
            "<th scope=\"row\">odd</th>",
            "width=\"33.3\"",
            "<th scope=\"row\">交通出行</th>",
            "<th scope=\"row\">赛罕区</th>",
            "<th scope=\"row\">未指定代表之家</th>",
            "<th scope=\"row\">市交通&lt;运输&gt;局</th><td>3</td><td>2</td><td>—</td><td>—</td><td>50%</td>",
        ] {
            assert!(page.contains(part), "{part} in {page}");
        }
        let none = OpinionStats {
            units: Vec::new(),
            ..stats
        };
        let page = stats_page(&Shell::new(BUILT).unwrap(), None, &none, "{}".into());
        assert!(page.contains("<option value=\"\" selected>全部年份</option>"));
        assert!(page.contains("<p>还没有分办的意见建议。</p>"));
    }
}
