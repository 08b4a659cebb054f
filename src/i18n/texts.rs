//! The string fields of a catalog, declared once by [`texts!`], and the shipped file they are
//! written to and read from: English and Mongolian reach the browser as a file (`public/i18n/`)
//! rather than inside the wasm, so a reader of Chinese never downloads them.
//!
//! The file (its format in `deputy_homes_api::platform::catalog_file`) has one field a line, in
//! declaration order, after a line with the hash of the field names: a file written for other
//! fields is refused whole.

use deputy_homes_api::platform::catalog_file;
use std::borrow::Cow;

/// Declares a struct of `&'static str` fields, its field names (hashed into the file's shape)
/// and its reading from the values of a shipped file. The struct's literal still names every
/// field, so a language missing a string does not compile.
macro_rules! texts {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$field_meta:meta])* $field:ident,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, PartialEq, Eq)]
        pub struct $name {
            $($(#[$field_meta])* pub $field: &'static str,)*
        }

        impl $name {
            /// The field names, one a line, in the order of the shipped file.
            pub const NAMES: &'static str = concat!($(stringify!($field), "\n",)*);

            const COUNT: usize = [$(stringify!($field),)*].len();

            /// Takes this struct's values, in order, from a shipped file's values; `None` when
            /// there are too few.
            pub fn read(values: &mut impl Iterator<Item = &'static str>) -> Option<$name> {
                let taken: Vec<&'static str> = values.take($name::COUNT).collect();
                let [$($field,)*] = <[&'static str; $name::COUNT]>::try_from(taken).ok()?;
                Some($name { $($field,)* })
            }

            /// Every field as its name and text, in order, for writing the shipped file.
            #[cfg(test)]
            pub fn fields(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }
        }
    };
}

/// The first line of every shipped file.
#[cfg(test)]
const HEADER: &str = "# deputy-homes catalog, written from src/i18n by `UPDATE_SNAPSHOTS=1 cargo test -p deputy-homes shipped_catalog`: edit the sources, not this file";

/// A 32-bit FNV-1a hash, at compile time: the file's shape and its version in the URL.
pub const fn fnv(seed: u32, text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut hash = seed;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// The seed of [`fnv`].
pub const FNV_SEED: u32 = 0x811c_9dc5;

/// The values of a shipped file, after checking its shape line against `shape`; `None` when it
/// is not a file of this shape. A text with escapes is kept for the rest of the visit (as a
/// catalog is).
pub fn values(file: &'static str, shape: u32) -> Option<impl Iterator<Item = &'static str>> {
    let entries = catalog_file::entries(file, Some(shape))?;
    Some(entries.map(|(_, text)| match text {
        Cow::Borrowed(text) => text,
        Cow::Owned(text) => text.leak(),
    }))
}

/// Writes a shipped file: the header, the shape and every field.
#[cfg(test)]
pub fn write(shape: u32, fields: &[(&str, &str)]) -> String {
    let mut out = format!("{HEADER}\nshape {shape:08x}\n");
    for (name, text) in fields {
        out.push_str(&format!("{name}\t{}\n", catalog_file::escape(text)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_text_with_breaks_tabs_and_backslashes_reads_back_the_same() {
        let file: &'static str = write(7, &[("a", "one\ntwo\tthree \\ four"), ("b", "")]).leak();
        let read: Vec<&str> = values(file, 7).unwrap().collect();
        assert_eq!(read, ["one\ntwo\tthree \\ four", ""]);
    }

    #[test]
    fn a_file_of_another_shape_is_refused() {
        let file: &'static str = write(7, &[("a", "x")]).leak();
        assert!(values(file, 8).is_none());
        assert!(values("", 7).is_none());
    }
}
