//! Citizens who prove their phone with a text code: the codes and their limits (`codes`), the
//! citizen's session and its guard (`session`), "我的" (`routes`), and the SQL (`store`).

pub mod codes;
pub mod routes;
pub mod session;
pub mod store;
