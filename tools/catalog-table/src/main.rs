//! `catalog-table export [DIR]` writes the catalogs of `DIR` (default `src/i18n`) as CSV on
//! standard output; `catalog-table import TABLE.csv [DIR]` writes the table's Mongolian column
//! back into `DIR/mn.rs`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn read(dir: &Path, name: &str) -> Result<String, String> {
    std::fs::read_to_string(dir.join(name))
        .map_err(|e| format!("{}: {e}", dir.join(name).display()))
}

fn run(args: &[String]) -> Result<(), String> {
    let dir = |i: usize| PathBuf::from(args.get(i).map_or("src/i18n", String::as_str));
    match args.first().map(String::as_str) {
        Some("export") => {
            let dir = dir(1);
            let table = catalog_table::export(
                &read(&dir, "zh.rs")?,
                &read(&dir, "en.rs")?,
                &read(&dir, "mn.rs")?,
            )?;
            print!("{table}");
            Ok(())
        }
        Some("import") => {
            let table = args.get(1).ok_or("import needs the table's path")?;
            let table = std::fs::read_to_string(table).map_err(|e| format!("{table}: {e}"))?;
            let dir = dir(2);
            let (written, changed) = catalog_table::import(&table, &read(&dir, "mn.rs")?)?;
            std::fs::write(dir.join("mn.rs"), written).map_err(|e| e.to_string())?;
            eprintln!("{changed} Mongolian strings changed");
            Ok(())
        }
        _ => Err("usage: catalog-table export [DIR] | catalog-table import TABLE.csv [DIR]".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("catalog-table: {e}");
            ExitCode::FAILURE
        }
    }
}
