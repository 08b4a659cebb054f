//! What every feature shares: the one JSON error shape and the form fields it names, Hohhot
//! time, the message outbox as staff see it, photos, which paths belong to the office app, the
//! characters free text may hold, the answers a page carries for the app's first requests, and
//! the format of the catalog files.

pub mod apps;
pub mod catalog_file;
pub mod error;
pub mod fields;
pub mod figures;
pub mod first_answers;
pub mod outbox;
pub mod paging;
pub mod photos;
pub mod text;
pub mod time;
