//! The catalogs as a table for a native translator: every string literal of `zh.rs`, `en.rs`
//! and `mn.rs` under a key made of where it stands (the catalog field, or the helper function
//! and match arm), read with `syn` rather than by hand. Import writes only the Mongolian column
//! back, literal by literal at its source position, so everything else in `mn.rs` is untouched.

use proc_macro2::LineColumn;
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{Expr, ExprLit, Lit, LitStr, Token};

/// The table's header.
pub const HEADER: [&str; 5] = ["key", "zh", "en", "mn", "mn_awaiting_review"];

/// One string literal of a catalog source and where it stands.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    pub value: String,
    start: LineColumn,
    end: LineColumn,
}

#[derive(Default)]
struct Collector {
    context: Vec<String>,
    entries: Vec<Entry>,
    awaiting_review: Option<bool>,
}

impl Collector {
    fn push(&mut self, lit: &LitStr) {
        let base = self.context.join("/");
        let seen = self
            .entries
            .iter()
            .filter(|e| e.key == base || e.key.starts_with(&format!("{base}#")))
            .count();
        let key = if seen == 0 {
            base
        } else {
            format!("{base}#{seen}")
        };
        self.entries.push(Entry {
            key,
            value: lit.value(),
            start: lit.span().start(),
            end: lit.span().end(),
        });
    }

    fn within<F: FnOnce(&mut Self)>(&mut self, name: String, f: F) {
        self.context.push(name);
        f(self);
        self.context.pop();
    }
}

fn tokens(t: &impl ToTokens) -> String {
    t.to_token_stream().to_string().replace(' ', "")
}

impl<'ast> Visit<'ast> for Collector {
    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        // The catalog's code (`fn catalog(text, …) -> Catalog`) is keyed by its fields' names,
        // as its strings are; another helper's strings by the helper's name.
        if item.sig.ident == "catalog" {
            syn::visit::visit_item_fn(self, item);
        } else {
            self.within(item.sig.ident.to_string(), |c| {
                syn::visit::visit_item_fn(c, item)
            });
        }
    }

    fn visit_item_const(&mut self, item: &'ast syn::ItemConst) {
        if item.ident == "MN_AWAITING_REVIEW" {
            if let Expr::Lit(ExprLit {
                lit: Lit::Bool(b), ..
            }) = &*item.expr
            {
                self.awaiting_review = Some(b.value);
            }
        }
        // A catalog's fields are keyed by their own names; other constants by theirs.
        if ["Catalog", "CatalogText"].contains(&tokens(&item.ty).as_str()) {
            syn::visit::visit_item_const(self, item);
        } else {
            self.within(item.ident.to_string(), |c| {
                syn::visit::visit_item_const(c, item)
            });
        }
    }

    fn visit_field_value(&mut self, field: &'ast syn::FieldValue) {
        self.within(tokens(&field.member), |c| {
            syn::visit::visit_field_value(c, field)
        });
    }

    fn visit_arm(&mut self, arm: &'ast syn::Arm) {
        self.within(tokens(&arm.pat), |c| syn::visit::visit_arm(c, arm));
    }

    fn visit_attribute(&mut self, _: &'ast syn::Attribute) {
        // Doc comments are for programmers, not translators.
    }

    fn visit_lit_str(&mut self, lit: &'ast LitStr) {
        self.push(lit);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // `format!("…", args)`: its text is a literal among the macro's arguments.
        if let Ok(args) = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
            for arg in &args {
                self.visit_expr(arg);
            }
        }
    }
}

fn collect(source: &str) -> Result<Collector, String> {
    let file = syn::parse_file(source).map_err(|e| format!("cannot parse a catalog: {e}"))?;
    let mut collector = Collector::default();
    collector.visit_file(&file);
    Ok(collector)
}

/// Every string literal of a catalog source, in order, with its key.
pub fn entries(source: &str) -> Result<Vec<Entry>, String> {
    Ok(collect(source)?.entries)
}

/// The table of the three catalogs: one row per key, in the order of first appearance (Chinese,
/// then English, then Mongolian), and the Mongolian catalog's awaiting-review flag on every row.
pub fn export(zh: &str, en: &str, mn: &str) -> Result<String, String> {
    let (zh, en, mn) = (entries(zh)?, entries(en)?, collect(mn)?);
    let flag = mn
        .awaiting_review
        .ok_or("mn.rs has no MN_AWAITING_REVIEW constant")?;
    let mut keys: Vec<&str> = Vec::new();
    for e in zh.iter().chain(&en).chain(&mn.entries) {
        if !keys.contains(&e.key.as_str()) {
            keys.push(&e.key);
        }
    }
    let find = |list: &[Entry], key: &str| {
        list.iter()
            .find(|e| e.key == key)
            .map_or(String::new(), |e| e.value.clone())
    };
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(HEADER).map_err(|e| e.to_string())?;
    for key in keys {
        let row = [
            key.to_owned(),
            find(&zh, key),
            find(&en, key),
            find(&mn.entries, key),
            flag.to_string(),
        ];
        out.write_record(&row).map_err(|e| e.to_string())?;
    }
    String::from_utf8(out.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// The `{…}` placeholders of a format string, which a translation must keep.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .match_indices('{')
        .filter_map(|(i, _)| text[i..].find('}').map(|j| &text[i..=i + j]))
        .collect();
    found.sort_unstable();
    found
}

fn offset(source: &str, at: LineColumn) -> usize {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(at.line - 1)
        .map(str::len)
        .sum();
    let line = &source[line_start..];
    line_start
        + line
            .char_indices()
            .nth(at.column)
            .map_or(line.len(), |(i, _)| i)
}

fn literal(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the table's Mongolian column into `mn.rs`'s source: each non-empty cell whose text
/// differs replaces that literal. Returns the new source and how many strings changed. A cell
/// whose key `mn.rs` lacks, or that loses or gains a `{…}` placeholder, is refused.
pub fn import(table: &str, mn: &str) -> Result<(String, usize), String> {
    let current = entries(mn)?;
    let mut reader = csv::Reader::from_reader(table.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or(format!("the table has no {name} column"))
    };
    let (key_at, mn_at) = (column("key")?, column("mn")?);
    let mut changes = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let (key, text) = (&record[key_at], &record[mn_at]);
        if text.is_empty() {
            continue;
        }
        let entry = current
            .iter()
            .find(|e| e.key == key)
            .ok_or(format!("mn.rs has no string {key}"))?;
        if entry.value == text {
            continue;
        }
        if placeholders(&entry.value) != placeholders(text) {
            return Err(format!(
                "{key}: the translation must keep the placeholders of {:?}",
                entry.value
            ));
        }
        changes.push((
            offset(mn, entry.start),
            offset(mn, entry.end),
            literal(text),
        ));
    }
    let mut written = mn.to_owned();
    changes.sort_by_key(|c| std::cmp::Reverse(c.0));
    for (start, end, text) in &changes {
        written.replace_range(*start..*end, text);
    }
    syn::parse_file(&written).map_err(|e| format!("the imported mn.rs does not parse: {e}"))?;
    Ok((written, changes.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../src/i18n")
            .join(name);
        std::fs::read_to_string(path).unwrap()
    }

    fn table() -> String {
        export(&source("zh.rs"), &source("en.rs"), &source("mn.rs")).unwrap()
    }

    fn rows(table: &str) -> Vec<Vec<String>> {
        csv::Reader::from_reader(table.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn the_table_has_every_field_in_all_three_languages_and_the_review_flag() {
        let rows = rows(&table());
        let row = |key: &str| rows.iter().find(|r| r[0] == key).unwrap().clone();
        assert_eq!(row("nav_map")[1], "分布图");
        assert_eq!(row("nav_map")[2], "Map");
        assert!(row("nav_map")[3]
            .chars()
            .all(|c| ('\u{1800}'..='\u{18AF}').contains(&c) || c == ' ' || c == '\u{202F}'));
        assert_eq!(row("type_law")[2], "Law professional home");
        assert!(rows.iter().all(|r| r[4] == "true"));
        // Every string of the Chinese catalog has a Mongolian one under the same key.
        let missing: Vec<&str> = rows
            .iter()
            .filter(|r| !r[1].is_empty() && r[3].is_empty())
            .map(|r| r[0].as_str())
            .collect();
        assert!(missing.is_empty(), "no Mongolian for {missing:?}");
    }

    #[test]
    fn importing_the_exported_table_leaves_mn_rs_unchanged() {
        let mn = source("mn.rs");
        let (written, changed) = import(&table(), &mn).unwrap();
        assert_eq!(changed, 0);
        assert_eq!(written, mn);
    }

    fn write(rows: &[Vec<String>]) -> String {
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(HEADER).unwrap();
        for row in rows {
            out.write_record(row).unwrap();
        }
        String::from_utf8(out.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn an_edited_mongolian_cell_is_written_back_and_nothing_else_changes() {
        let mn = source("mn.rs");
        let before = rows(&table());
        // A quote and a backslash must come back as the same text, not break the source.
        let new = "\u{182D}\u{1820}\u{1835}\u{1820}\u{1837} \"\u{1835}\u{1822}\u{1837}\u{1824}\u{182D}\" \\";
        let mut edited = before.clone();
        edited.iter_mut().find(|r| r[0] == "nav_map").unwrap()[3] = new.to_owned();
        let (written, changed) = import(&write(&edited), &mn).unwrap();
        assert_eq!(changed, 1);
        let again = rows(&export(&source("zh.rs"), &source("en.rs"), &written).unwrap());
        assert_eq!(again, edited);
        assert_eq!(again.len(), before.len());
    }

    #[test]
    fn a_translation_that_loses_a_placeholder_is_refused() {
        let mn = source("mn.rs");
        let mut table = csv::Writer::from_writer(Vec::new());
        table.write_record(HEADER).unwrap();
        table
            .write_record(["homes_count_other", "", "", "ᠭᠡᠷ", "true"])
            .unwrap();
        let table = String::from_utf8(table.into_inner().unwrap()).unwrap();
        assert!(import(&table, &mn).unwrap_err().contains("placeholders"));
    }
}
