//! English and Mongolian as the browser gets them: the strings of `en.rs` and `mn.rs` written to
//! `public/i18n/{en,mn}.txt`, fetched once a visit when the language is chosen and kept for the
//! rest of it. Chinese, the default, is compiled in. Natively the sources are compiled in too;
//! the tests write the files from them, and fail when a committed file differs.

use super::project_office::{OfficeText, ProjectOffice};
use super::texts::{self, fnv, FNV_SEED};
use super::{en, mn, project_office, Catalog, CatalogText, Lang};
use crate::kit::http::{get_text, ClientError};
use std::sync::OnceLock;

/// The shape of a shipped file: the hash of its field names.
pub const SHAPE: u32 = fnv(fnv(FNV_SEED, CatalogText::NAMES), OfficeText::NAMES);

/// The loaded catalogs of English and Mongolian, for the rest of the visit.
static LOADED: [OnceLock<Catalog>; 2] = [OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> Option<&'static OnceLock<Catalog>> {
    match lang {
        Lang::Zh => None,
        Lang::En => Some(&LOADED[0]),
        Lang::Mn => Some(&LOADED[1]),
    }
}

/// The catalog of a shipped language once it is loaded.
pub fn loaded(lang: Lang) -> Option<&'static Catalog> {
    slot(lang).and_then(OnceLock::get)
}

/// Where the built app serves the files (a static folder, not a page of the app).
const FOLDER: &str = "/public/i18n/";

/// The file's name under `public/i18n/`, and its version: the hash of the committed file, so a
/// changed catalog has a new URL and is never read stale from a cache.
fn file(lang: Lang) -> (&'static str, u32) {
    const EN: u32 = fnv(FNV_SEED, include_str!("../../public/i18n/en.txt"));
    const MN: u32 = fnv(FNV_SEED, include_str!("../../public/i18n/mn.txt"));
    match lang {
        Lang::Mn => ("mn", MN),
        _ => ("en", EN),
    }
}

/// Fetches a language's file (once a visit) and makes its catalog; Chinese needs nothing.
pub async fn load(lang: Lang) -> Result<(), ClientError> {
    let Some(slot) = slot(lang) else {
        return Ok(());
    };
    if slot.get().is_some() {
        return Ok(());
    }
    let (name, version) = file(lang);
    let path = format!("{FOLDER}{name}.txt");
    let text = get_text(&path, &[("v", &format!("{version:08x}"))]).await?;
    let catalog = parse(lang, text.leak()).ok_or(ClientError::BadResponse)?;
    let _ = slot.set(catalog);
    Ok(())
}

/// A language's catalog from its shipped file: the file's strings and the language's dates.
/// `None` when the file is not of this build's shape or has too few or too many lines.
pub fn parse(lang: Lang, file: &'static str) -> Option<Catalog> {
    let mut values = texts::values(file, SHAPE)?;
    let text = CatalogText::read(&mut values)?;
    let office = OfficeText::read(&mut values)?;
    if values.next().is_some() {
        return None;
    }
    let keep = |office: OfficeText| -> &'static OfficeText { Box::leak(Box::new(office)) };
    let text: &'static CatalogText = Box::leak(Box::new(text));
    let (office, code): (ProjectOffice, fn(_, _) -> Catalog) = match lang {
        Lang::Mn => (project_office::mn(keep(office)), mn::catalog),
        _ => (project_office::en(keep(office)), en::catalog),
    };
    Some(code(text, Box::leak(Box::new(office))))
}

/// The shipped file of a language, written from its sources.
#[cfg(test)]
pub fn write(lang: Lang) -> String {
    let (text, office) = match lang {
        Lang::Mn => (&mn::TEXT, &project_office::MN_TEXT),
        _ => (&en::TEXT, &project_office::EN_TEXT),
    };
    let mut fields = text.fields();
    fields.extend(office.fields());
    texts::write(SHAPE, &fields)
}

/// The Chinese words the server draws a page's first screen with (`server/src/platform/zh.txt`,
/// read by `first_screen.rs`): every text of `zh.rs`, and each language's entry in the switch.
#[cfg(test)]
pub fn write_server_words() -> String {
    let mut fields = super::zh::TEXT.fields();
    let switch: Vec<(String, &str)> = Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            let code = lang.tag();
            [
                (format!("lang.{code}.name"), lang.own_name()),
                (format!("lang.{code}.switch_to"), lang.switch_to()),
            ]
        })
        .collect();
    fields.extend(switch.iter().map(|(name, text)| (name.as_str(), *text)));
    texts::write(SHAPE, &fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const SHIPPED: [Lang; 2] = [Lang::En, Lang::Mn];

    #[test]
    fn every_string_of_english_and_mongolian_survives_writing_and_reading_back() {
        for lang in SHIPPED {
            let catalog = parse(lang, write(lang).leak()).expect("the written file reads");
            assert_eq!(catalog.text, lang.catalog().text);
            assert_eq!(
                catalog.project_office.text,
                lang.catalog().project_office.text
            );
            // The dates are the language's own.
            assert_eq!(
                (catalog.date)("2026-03-05"),
                (lang.catalog().date)("2026-03-05")
            );
        }
    }

    #[test]
    fn a_file_with_a_line_missing_or_added_is_refused() {
        let written = write(Lang::En);
        let (cut, _) = written.trim_end().rsplit_once('\n').unwrap();
        assert!(parse(Lang::En, format!("{cut}\n").leak()).is_none());
        assert!(parse(Lang::En, format!("{written}extra\tline\n").leak()).is_none());
    }

    /// The committed files are what the sources write: English and Mongolian for the browser,
    /// Chinese for the server's first screens. After changing a catalog,
    /// `UPDATE_SNAPSHOTS=1 cargo test -p deputy-homes shipped_catalog` rewrites them.
    #[test]
    fn shipped_catalog_files_are_written_from_the_sources() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let files = SHIPPED
            .map(|lang| {
                let (name, _) = file(lang);
                (root.join(format!("public/i18n/{name}.txt")), write(lang))
            })
            .into_iter()
            .chain([(
                root.join("server/src/platform/zh.txt"),
                write_server_words(),
            )]);
        for (path, written) in files {
            if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
                std::fs::write(&path, &written).unwrap();
                continue;
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                written == committed,
                "{} differs from src/i18n; rewrite it and review its diff:\n  \
                 UPDATE_SNAPSHOTS=1 cargo test -p deputy-homes shipped_catalog",
                path.display()
            );
        }
    }
}
