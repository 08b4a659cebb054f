//! Random ids for new rows and random tokens for secrets, from the operating system's generator.

use rand::RngCore;

/// 32 random bytes as hex: session tokens and anti-forgery tokens.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A short random id for new rows.
pub fn random_id() -> String {
    random_token()[..20].to_owned()
}
