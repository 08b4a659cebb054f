//! Reads a register CSV file and imports it. The rules for each row live in the `api` crate;
//! this module only does the file I/O and the database write.

use crate::homes::store::RegisterMeta;
use crate::platform::db::Db;
use crate::platform::mongolian;
use deputy_homes_api::homes::register::{self, Problem, COLUMNS, MONGOLIAN_COLUMNS};
use deputy_homes_api::Home;
use std::path::Path;

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the register file was rejected, nothing was imported:\n{}", list(.0))]
    Rejected(Vec<Problem>),
    #[error("cannot read {path}: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] anyhow::Error),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parses and validates a register file's text, listing every problem by line and column.
pub fn parse_register(text: &str) -> Result<Vec<Home>, Vec<Problem>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(r)) => r.iter().map(str::to_owned).collect(),
        Some(Err(e)) => return Err(vec![csv_problem(1, &e)]),
        None => {
            return Err(vec![Problem {
                line: 1,
                column: "file".into(),
                message: "is empty".into(),
            }])
        }
    };
    register::validate_header(&header).map_err(|p| vec![p])?;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in records {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                let mut cells: Vec<String> = r.iter().map(str::to_owned).collect();
                standardize_mongolian_cells(&mut cells);
                rows.push((line, cells));
            }
            Err(e) => problems.push(csv_problem(
                e.position().map_or(0, |p| p.line() as usize),
                &e,
            )),
        }
    }
    match register::validate_rows(&rows, header.len()) {
        Ok(homes) if problems.is_empty() => Ok(homes),
        Ok(_) => Err(problems),
        Err(mut row_problems) => {
            problems.append(&mut row_problems);
            problems.sort_by_key(|p| p.line);
            Err(problems)
        }
    }
}

/// Brings the Mongolian columns to the standard encoding before they are checked: a register
/// typed with a vendor's keyboard (shape codes, legacy spellings) is read as the citizens' text is.
fn standardize_mongolian_cells(cells: &mut [String]) {
    for column in MONGOLIAN_COLUMNS {
        let index = COLUMNS
            .iter()
            .chain(&MONGOLIAN_COLUMNS)
            .position(|c| *c == column)
            .expect("a register column");
        if let Some(cell) = cells.get_mut(index) {
            mongolian::standardize(cell);
        }
    }
}

fn csv_problem(line: usize, error: &csv::Error) -> Problem {
    Problem {
        line,
        column: "file".into(),
        message: format!("is not valid CSV: {error}"),
    }
}

/// Reads, validates and imports a register file in one transaction. Returns the number of homes.
pub async fn import_file(db: &Db, path: &Path, sample: bool) -> Result<usize, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Unreadable {
        path: path.display().to_string(),
        source,
    })?;
    let homes = parse_register(&text).map_err(ImportError::Rejected)?;
    let meta = RegisterMeta {
        sample,
        source_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        imported_at_ms: crate::platform::clock::system_now_ms(),
    };
    db.replace_register(&homes, &meta).await?;
    Ok(homes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_sample_register_is_valid_and_holds_104_homes_7_professional() {
        let text = include_str!("../../../data/homes.csv");
        let homes = parse_register(text).unwrap_or_else(|p| panic!("{}", list(&p)));
        assert_eq!(homes.len(), 104);
        assert_eq!(
            homes
                .iter()
                .filter(|h| h.home_type.is_professional())
                .count(),
            7
        );
        for d in deputy_homes_api::District::ALL {
            assert!(homes.iter().any(|h| h.district == d), "no home in {d:?}");
        }
    }

    /// The sample register's first home as a row of cells, with `extra` cells after it.
    fn first_home_with(extra: &str) -> String {
        let text = include_str!("../../../data/homes.csv");
        format!("{}{extra}", text.lines().nth(1).expect("a first home"))
    }

    #[test]
    fn mongolian_cells_are_standardized_before_they_are_checked() {
        let header = format!("{},{}", COLUMNS.join(","), MONGOLIAN_COLUMNS.join(","));
        // ᠮᠣᠩᠭᠣᠯ as Menksoft's keyboard sends it.
        let row = first_home_with(",\u{E2F1}\u{E291}\u{E2BD}\u{E2D9}\u{E291}\u{E2F9},");
        let homes = parse_register(&format!("{header}\n{row}\n"))
            .unwrap_or_else(|p| panic!("{}", list(&p)));
        let name = homes[0].name_mn.as_deref().expect("a Mongolian name");
        assert!(
            name.starts_with('\u{182E}') && !name.contains('\u{E2F1}'),
            "{name:?}"
        );
        assert_eq!(homes[0].address_mn, None);
    }

    #[test]
    fn a_row_with_mongolian_cells_under_a_header_without_them_is_refused() {
        let header = COLUMNS.join(",");
        let row = first_home_with(",ᠭᠡᠷ,ᠭᠡᠷ");
        let problems = parse_register(&format!("{header}\n{row}\n")).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "line 2, file: has 22 columns, the header has 20"
        );
    }

    #[test]
    fn broken_csv_quoting_is_reported_with_its_line() {
        let header = register::COLUMNS.join(",");
        let problems = parse_register(&format!("{header}\nxc-01,\"unterminated\n")).unwrap_err();
        assert_eq!(problems[0].line, 2);
    }
}
