//! View-free rules of the projects' pages: the order of the cycles, a congress's name, money and
//! shares as people read them.

use crate::i18n::{Catalog, Lang};
use deputy_homes_api::projects::{Cycle, CITY};
use deputy_homes_api::District;

/// Where a congress stands in lists: the city, then the districts in their order.
pub fn congress_rank(congress: &str) -> usize {
    if congress == CITY {
        return 0;
    }
    District::ALL
        .iter()
        .position(|d| d.code() == congress)
        .map_or(usize::MAX, |i| i + 1)
}

/// The cycles as the index shows them: newest year first, the city before the districts.
pub fn ordered(mut cycles: Vec<Cycle>) -> Vec<Cycle> {
    cycles.sort_by(|a, b| {
        b.year
            .cmp(&a.year)
            .then(congress_rank(&a.congress).cmp(&congress_rank(&b.congress)))
    });
    cycles
}

/// A congress's name in the language: the city's, or a district's with the catalog's suffix.
pub fn congress_name(congress: &str, lang: Lang, t: &Catalog) -> String {
    if congress == CITY {
        return t.projects_city_congress.to_owned();
    }
    match District::from_code(congress) {
        // Mongolian keeps the district's Chinese name until the register has Mongolian names.
        Some(d) if lang != Lang::En => format!("{}{}", d.name_zh(), t.projects_district_suffix),
        Some(d) => format!("{}{}", d.name_en(), t.projects_district_suffix),
        None => congress.to_owned(),
    }
}

/// Yuan as people read them: 万元 in Chinese above ten thousand, digits grouped in English.
pub fn money(yuan: i64, lang: Lang) -> String {
    match lang {
        Lang::Zh if yuan >= 10_000 && yuan % 100 == 0 => {
            let wan = yuan as f64 / 10_000.0;
            let text = format!("{wan:.2}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            format!("{text} 万元")
        }
        Lang::Zh => format!("{yuan} 元"),
        // ᠶᠤᠸᠠᠨ (yuan, a string of the Mongolian catalog), after Arabic digits as the Mongolian
        // dates write them.
        Lang::Mn => format!("{yuan} {}", lang.catalog().mn_yuan),
        Lang::En => {
            let digits = yuan.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) && c.is_ascii_digit() {
                    out.push(',');
                }
                out.push(c);
            }
            format!("¥{out}")
        }
    }
}

/// `part` of `whole` as a whole percentage, or a dash when there is nothing to divide.
pub fn share(part: u32, whole: u32) -> String {
    if whole == 0 {
        "—".to_owned()
    } else {
        format!("{:.0}%", f64::from(part) * 100.0 / f64::from(whole))
    }
}

/// `part` of `whole` as a whole number of percent for a bar (0 when there is nothing).
pub fn share_percent(part: u32, whole: u32) -> u64 {
    if whole == 0 {
        0
    } else {
        (u64::from(part) * 100 + u64::from(whole) / 2) / u64::from(whole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::projects::CyclePhase;

    fn cycle(congress: &str, year: i32) -> Cycle {
        Cycle {
            id: format!("{congress}{year}"),
            congress: congress.to_owned(),
            year,
            phase: CyclePhase::Collecting,
            to_adopt: 0,
            eligible: 0,
            title: None,
            collection_closed_at_ms: None,
        }
    }

    #[test]
    fn the_newest_year_comes_first_and_the_city_before_the_districts() {
        let got = ordered(vec![
            cycle("saihan", 2026),
            cycle("city", 2025),
            cycle("xincheng", 2026),
            cycle("city", 2026),
        ]);
        let ids: Vec<&str> = got.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["city2026", "xincheng2026", "saihan2026", "city2025"]);
    }

    #[test]
    fn money_reads_in_wan_in_chinese_and_grouped_in_english() {
        assert_eq!(money(5_000_000, Lang::Zh), "500 万元");
        assert_eq!(money(1_234_500, Lang::Zh), "123.45 万元");
        assert_eq!(money(800, Lang::Zh), "800 元");
        assert_eq!(money(5_000_000, Lang::En), "¥5,000,000");
        assert_eq!(money(800, Lang::Mn), "800 ᠶᠤᠸᠠᠨ");
        assert_eq!(money(800, Lang::En), "¥800");
    }

    #[test]
    fn shares_round_and_nothing_is_a_dash() {
        assert_eq!(share(2, 3), "67%");
        assert_eq!(share(0, 0), "—");
        assert_eq!(share_percent(1, 3), 33);
        assert_eq!(share_percent(3, 3), 100);
        assert_eq!(share_percent(0, 0), 0);
    }
}
