//! The SHA-256 of a text, by the browser's own Web Crypto: a ballot tracker is checked against
//! the published digests on the device, and never sent.

use wasm_bindgen_futures::JsFuture;

/// The SHA-256 of `text` in lowercase hex, as the server publishes trackers; `None` where the
/// browser has no Web Crypto (an insecure page).
pub async fn sha256_hex(text: &str) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let promise = subtle
        .digest_with_str_and_u8_array("SHA-256", text.as_bytes())
        .ok()?;
    let digest = JsFuture::from(promise).await.ok()?;
    let digest = js_sys::Uint8Array::new(&digest).to_vec();
    Some(digest.iter().map(|b| format!("{b:02x}")).collect())
}
