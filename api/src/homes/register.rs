//! Rules for the homes register file. The server reads the CSV; this module decides whether each
//! row is a valid home, and says what is wrong by line and column.

use crate::{District, Facility, Home, HomeType, WeeklyHours};
use std::collections::HashMap;
use std::fmt;

/// The register's columns, in file order. The first line of the file must be exactly these, or
/// these followed by [`MONGOLIAN_COLUMNS`].
pub const COLUMNS: [&str; 20] = [
    "id",
    "name_zh",
    "name_en",
    "type",
    "district",
    "street",
    "address",
    "lat",
    "lon",
    "phone",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "facilities",
    "description_zh",
    "description_en",
];

/// The optional columns after [`COLUMNS`]: a home's name and address in traditional Mongolian
/// script, either or both left empty where the register has none.
pub const MONGOLIAN_COLUMNS: [&str; 2] = ["name_mn", "address_mn"];

/// Longest accepted value of the free-text columns, in characters.
pub const MAX_TEXT_CHARS: usize = 1000;

/// One thing wrong with the register file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line number in the file (the header is line 1).
    pub line: usize,
    /// The column at fault, or `file` for problems of the whole file.
    pub column: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, {}: {}", self.line, self.column, self.message)
    }
}

struct RowChecker<'a> {
    line: usize,
    cells: &'a [String],
    problems: Vec<Problem>,
}

impl<'a> RowChecker<'a> {
    fn cell(&self, column: &str) -> &'a str {
        let index = COLUMNS
            .iter()
            .chain(&MONGOLIAN_COLUMNS)
            .position(|c| *c == column)
            .expect("known column");
        self.cells.get(index).map(|s| s.trim()).unwrap_or("")
    }

    fn problem(&mut self, column: &str, message: String) {
        self.problems.push(Problem {
            line: self.line,
            column: column.to_owned(),
            message,
        });
    }

    fn text(&mut self, column: &str) -> String {
        let value = self.cell(column);
        if value.is_empty() {
            self.problem(column, "is empty".into());
        } else if value.chars().count() > MAX_TEXT_CHARS {
            self.problem(
                column,
                format!("is longer than {MAX_TEXT_CHARS} characters"),
            );
        }
        value.to_owned()
    }

    /// An optional column in traditional Mongolian script: `None` when empty.
    fn mongolian(&mut self, column: &str) -> Option<String> {
        let value = self.cell(column);
        if value.is_empty() {
            return None;
        }
        if value.chars().count() > MAX_TEXT_CHARS {
            self.problem(
                column,
                format!("is longer than {MAX_TEXT_CHARS} characters"),
            );
        } else if let Err(message) = mongolian_script(value) {
            self.problem(column, message);
        }
        Some(value.to_owned())
    }

    fn id(&mut self) -> String {
        let id = self.text("id");
        if !id.is_empty()
            && !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.problem("id", format!("{id} may only hold a-z, 0-9 and -"));
        }
        id
    }

    fn coordinate(&mut self, column: &str) -> Option<f64> {
        let value = self.cell(column);
        match value.parse::<f64>() {
            Ok(v) if v.is_finite() => Some(v),
            _ => {
                self.problem(column, format!("{value:?} is not a number of degrees"));
                None
            }
        }
    }

    fn phone(&mut self) -> String {
        let phone = self.text("phone");
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let shape_ok =
            phone.chars().all(|c| c.is_ascii_digit() || c == '-') && (7..=13).contains(&digits);
        if !phone.is_empty() && !shape_ok {
            self.problem(
                "phone",
                format!("{phone} is not a phone number like 0471-6512345"),
            );
        }
        phone
    }

    fn hours(&mut self) -> WeeklyHours {
        let mut hours = WeeklyHours::default();
        for (day, column) in COLUMNS[10..17].iter().enumerate() {
            match WeeklyHours::parse_day(self.cell(column)) {
                Ok(ranges) => hours.days[day] = ranges,
                Err(e) => self.problem(column, e.0),
            }
        }
        hours
    }

    fn facilities(&mut self) -> Vec<Facility> {
        let mut found = Vec::new();
        for code in self
            .cell("facilities")
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            match Facility::from_code(code) {
                Some(f) if !found.contains(&f) => found.push(f),
                Some(_) => {}
                None => self.problem("facilities", format!("{code} is not a known facility")),
            }
        }
        found
    }
}

/// Checks one data row (`line` is its 1-based line in the file).
pub fn validate_row(line: usize, cells: &[String]) -> Result<Home, Vec<Problem>> {
    let mut c = RowChecker {
        line,
        cells,
        problems: Vec::new(),
    };
    if cells.len() != COLUMNS.len() && cells.len() != COLUMNS.len() + MONGOLIAN_COLUMNS.len() {
        c.problem(
            "file",
            format!(
                "has {} columns, the header has {} (or {} with {})",
                cells.len(),
                COLUMNS.len(),
                COLUMNS.len() + MONGOLIAN_COLUMNS.len(),
                MONGOLIAN_COLUMNS.join(" and ")
            ),
        );
        return Err(c.problems);
    }
    let id = c.id();
    let (name_zh, name_en) = (c.text("name_zh"), c.text("name_en"));
    let type_code = c.cell("type");
    let home_type = HomeType::from_code(type_code);
    if home_type.is_none() {
        c.problem(
            "type",
            format!("{type_code} is not one of the 10 home types"),
        );
    }
    let district_name = c.cell("district");
    let district = District::from_name_zh(district_name);
    if district.is_none() {
        c.problem(
            "district",
            format!("{district_name} is not one of the 9 districts"),
        );
    }
    let (street, address) = (c.text("street"), c.text("address"));
    let (lat, lon) = (c.coordinate("lat"), c.coordinate("lon"));
    if let (Some(d), Some(lat), Some(lon)) = (district, lat, lon) {
        if !d.bounds().contains(lat, lon) {
            c.problem("lat", format!("{lat}, {lon} lies outside {}", d.name_zh()));
        }
    }
    let phone = c.phone();
    let hours = c.hours();
    let facilities = c.facilities();
    let (description_zh, description_en) = (c.text("description_zh"), c.text("description_en"));
    let (name_mn, address_mn) = (c.mongolian("name_mn"), c.mongolian("address_mn"));
    match (c.problems.is_empty(), home_type, district, lat, lon) {
        (true, Some(home_type), Some(district), Some(lat), Some(lon)) => Ok(Home {
            id,
            name_zh,
            name_en,
            home_type,
            district,
            street,
            address,
            lat,
            lon,
            phone,
            hours,
            facilities,
            description_zh,
            description_en,
            name_mn,
            address_mn,
        }),
        _ => Err(c.problems),
    }
}

/// Whether a value is traditional Mongolian script: letters of the Mongolian block (U+1800–
/// U+18AF), spaces, the narrow no-break space before suffixes, joiners, digits and punctuation,
/// with at least one letter. The error names the first other character.
pub fn mongolian_script(value: &str) -> Result<(), String> {
    let allowed = |c: char| {
        ('\u{1800}'..='\u{18AF}').contains(&c)
            || matches!(c, ' ' | '\u{202F}' | '\u{200C}' | '\u{200D}')
            || c.is_ascii_digit()
            || c.is_ascii_punctuation()
            || ('\u{2010}'..='\u{2027}').contains(&c)
            || ('\u{3001}'..='\u{3011}').contains(&c)
            || matches!(c, '\u{FF08}' | '\u{FF09}' | '\u{FF0C}')
    };
    if let Some(other) = value.chars().find(|c| !allowed(*c)) {
        return Err(format!(
            "holds {other} (U+{:04X}), which is not traditional Mongolian script: only its \
             letters (U+1800–U+18AF), spaces, digits and punctuation may stand here",
            u32::from(other)
        ));
    }
    if !value
        .chars()
        .any(|c| ('\u{1820}'..='\u{18AA}').contains(&c))
    {
        return Err("holds no letter of traditional Mongolian script".into());
    }
    Ok(())
}

/// Checks the header line: [`COLUMNS`], optionally followed by [`MONGOLIAN_COLUMNS`].
pub fn validate_header(cells: &[String]) -> Result<(), Problem> {
    let got: Vec<&str> = cells
        .iter()
        .map(|c| c.trim().trim_start_matches('\u{feff}'))
        .collect();
    let with_mongolian: Vec<&str> = COLUMNS.iter().chain(&MONGOLIAN_COLUMNS).copied().collect();
    if got == COLUMNS || got == with_mongolian {
        return Ok(());
    }
    Err(Problem {
        line: 1,
        column: "file".into(),
        message: format!(
            "the header must be: {}, optionally followed by ,{}",
            COLUMNS.join(","),
            MONGOLIAN_COLUMNS.join(",")
        ),
    })
}

/// Checks every row and the rules across rows (as wide as the header, unique ids and names, not
/// empty). Returns the homes in file order, or every problem found.
pub fn validate_rows(
    rows: &[(usize, Vec<String>)],
    header_width: usize,
) -> Result<Vec<Home>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut homes = Vec::new();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut seen_names: HashMap<String, usize> = HashMap::new();
    for (line, cells) in rows {
        if cells.len() != header_width {
            problems.push(Problem {
                line: *line,
                column: "file".into(),
                message: format!("has {} columns, the header has {header_width}", cells.len()),
            });
            continue;
        }
        match validate_row(*line, cells) {
            Ok(home) => {
                if let Some(first) = seen_ids.insert(home.id.clone(), *line) {
                    problems.push(Problem {
                        line: *line,
                        column: "id".into(),
                        message: format!("{} is already used on line {first}", home.id),
                    });
                }
                if let Some(first) = seen_names.insert(home.name_zh.clone(), *line) {
                    problems.push(Problem {
                        line: *line,
                        column: "name_zh".into(),
                        message: format!("{} is already used on line {first}", home.name_zh),
                    });
                }
                homes.push(home);
            }
            Err(mut row_problems) => problems.append(&mut row_problems),
        }
    }
    if rows.is_empty() {
        problems.push(Problem {
            line: 1,
            column: "file".into(),
            message: "holds no homes".into(),
        });
    }
    if problems.is_empty() {
        Ok(homes)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(overrides: &[(&str, &str)]) -> Vec<String> {
        let mut cells: Vec<String> = [
            "xc-01",
            "海拉尔东路街道人大代表之家",
            "Hailar East Road Subdistrict Deputies' Home",
            "street",
            "新城区",
            "海拉尔东路街道",
            "呼和浩特市新城区公园东路28号",
            "40.83",
            "111.69",
            "0471-6512345",
            "08:30-12:00|14:30-17:30",
            "08:30-17:30",
            "",
            "",
            "",
            "09:00-12:00",
            "",
            "step_free_entrance;parking",
            "接待日。",
            "Reception days.",
        ]
        .map(String::from)
        .to_vec();
        for (column, value) in overrides {
            let i = COLUMNS.iter().position(|c| c == column).unwrap();
            cells[i] = value.to_string();
        }
        cells
    }

    #[test]
    fn a_good_row_becomes_a_home() {
        let home = validate_row(2, &row(&[])).unwrap();
        assert_eq!(home.district, District::Xincheng);
        assert_eq!(home.hours.days[0].len(), 2);
        assert!(home.hours.days[2].is_empty());
        assert_eq!(
            home.facilities,
            vec![Facility::StepFreeEntrance, Facility::Parking]
        );
    }

    #[test]
    fn an_unknown_district_is_named_by_line_and_column() {
        let problems = validate_row(17, &row(&[("district", "未知区")])).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "line 17, district: 未知区 is not one of the 9 districts"
        );
    }

    #[test]
    fn every_problem_of_a_row_is_reported_not_just_the_first() {
        let problems = validate_row(
            3,
            &row(&[
                ("type", "castle"),
                ("lat", "abc"),
                ("mon", "9-5"),
                ("facilities", "moat"),
            ]),
        )
        .unwrap_err();
        let columns: Vec<&str> = problems.iter().map(|p| p.column.as_str()).collect();
        assert_eq!(columns, ["type", "lat", "mon", "facilities"]);
    }

    #[test]
    fn coordinates_outside_the_district_are_refused() {
        // 察素齐 lies in 土默特左旗, not in 新城区.
        let problems = validate_row(4, &row(&[("lat", "40.73"), ("lon", "111.15")])).unwrap_err();
        assert_eq!(problems[0].column, "lat");
        assert!(problems[0].message.contains("outside 新城区"));
    }

    #[test]
    fn duplicate_ids_and_an_empty_file_are_refused() {
        let rows = vec![(2, row(&[])), (3, row(&[("name_zh", "另一个之家")]))];
        let problems = validate_rows(&rows, COLUMNS.len()).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "line 3, id: xc-01 is already used on line 2"
        );
        assert_eq!(
            validate_rows(&[], COLUMNS.len()).unwrap_err()[0].message,
            "holds no homes"
        );
    }

    fn with_mongolian(name_mn: &str, address_mn: &str) -> Vec<String> {
        let mut cells = row(&[]);
        cells.extend([name_mn.to_owned(), address_mn.to_owned()]);
        cells
    }

    #[test]
    fn the_mongolian_columns_are_optional_and_kept_when_given() {
        assert_eq!(validate_row(2, &row(&[])).unwrap().name_mn, None);
        let home = validate_row(2, &with_mongolian("ᠬᠥᠬᠡᠬᠣᠲᠠ ᠶᠢᠨ ᠭᠡᠷ", "")).unwrap();
        assert_eq!(home.name_mn.as_deref(), Some("ᠬᠥᠬᠡᠬᠣᠲᠠ ᠶᠢᠨ ᠭᠡᠷ"));
        assert_eq!(home.address_mn, None, "an empty cell is no address");
        let header: Vec<String> = COLUMNS
            .iter()
            .chain(&MONGOLIAN_COLUMNS)
            .map(|c| c.to_string())
            .collect();
        assert!(validate_header(&header).is_ok());
        assert!(validate_header(&header[..21]).is_err(), "name_mn alone");
    }

    #[test]
    fn a_mongolian_column_in_another_script_is_refused_by_line_column_and_character() {
        let problems = validate_row(7, &with_mongolian("新城区之家", "")).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].column, "name_mn");
        assert!(
            problems[0].to_string().starts_with(
                "line 7, name_mn: holds 新 (U+65B0), which is not traditional Mongolian script"
            ),
            "{}",
            problems[0]
        );
        let problems = validate_row(8, &with_mongolian("ᠭᠡᠷ", "12, 34")).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "line 8, address_mn: holds no letter of traditional Mongolian script"
        );
        // Shape codes a vendor's keyboard put in the Private Use Area are not the script either.
        assert!(mongolian_script("\u{E2F1}\u{E291}").is_err());
        assert!(mongolian_script("ᠬᠥᠬᠡᠬᠣᠲᠠ\u{202F}ᠶᠢᠨ 1 ᠳᠦᠭᠡᠷ᠂ (ᠭᠡᠷ)").is_ok());
    }

    #[test]
    fn a_short_row_and_a_wrong_header_are_refused() {
        assert_eq!(
            validate_row(5, &["x".to_string()]).unwrap_err()[0].column,
            "file"
        );
        assert!(validate_header(&COLUMNS.map(String::from)).is_ok());
        assert!(validate_header(&["id".to_string()]).is_err());
    }
}
