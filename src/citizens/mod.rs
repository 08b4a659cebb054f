//! Citizens who prove their phone with a text code: the session of a verified phone (the one
//! identity a citizen has), the verification every booking and contact form embeds, and "我的",
//! everything held for that phone on any device.

pub mod client;
pub mod components;
pub mod session;
