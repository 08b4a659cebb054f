//! The format of a catalog file (`public/i18n/*.txt` for the browser, `server/src/homes/zh.txt`
//! for the server's first screens): a heading line, `shape <hex>` (a hash of the field names),
//! then one `name<TAB>text` line per field, its line breaks, tabs and backslashes escaped.

use std::borrow::Cow;

/// The fields of a catalog file, in order, as (name, text); `None` when its shape line is missing
/// or, if `shape` is given, says another shape.
pub fn entries(
    file: &str,
    shape: Option<u32>,
) -> Option<impl Iterator<Item = (&str, Cow<'_, str>)>> {
    let mut lines = file.lines();
    lines.next()?;
    let written = u32::from_str_radix(lines.next()?.strip_prefix("shape ")?, 16).ok()?;
    if shape.is_some_and(|shape| shape != written) {
        return None;
    }
    Some(lines.map(|line| {
        let (name, text) = line.split_once('\t').unwrap_or((line, ""));
        (name, unescape(text))
    }))
}

/// A text as a line of the file writes it.
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

/// A text with the escapes of its line undone.
fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('\\') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_with_breaks_tabs_and_backslashes_reads_back_the_same() {
        let text = "one\ntwo\tthree \\ four";
        let file = format!("# heading\nshape 00000007\na\t{}\nb\t\n", escape(text));
        let read: Vec<(&str, String)> = entries(&file, Some(7))
            .unwrap()
            .map(|(name, text)| (name, text.into_owned()))
            .collect();
        assert_eq!(read, [("a", text.to_owned()), ("b", String::new())]);
        assert!(entries(&file, None).is_some());
        assert!(entries(&file, Some(8)).is_none());
        assert!(entries("", None).is_none());
    }
}
