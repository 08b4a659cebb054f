//! Photos, as opinions and livelihood projects take them: cleaned of every metadata block
//! (`images`), received and served the same way (`upload`), kept in one table (`store`).

pub mod images;
pub mod store;
pub mod upload;
