//! What the features share: the HTTP base every feature's client is built on, the page pieces
//! several features draw, and small browser helpers. Nothing here knows a feature.

pub mod http;
