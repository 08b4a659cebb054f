//! The address a request came from, for limits per client.
//!
//! It is the socket's peer address, unless `DH_TRUST_FORWARDED_FOR` names how many proxies of
//! our own stand in front (1 for one nginx that appends to `X-Forwarded-For`). Each such proxy
//! appends the address it received the request from, so the client is the entry that many places
//! from the right: the one our outermost proxy wrote. Entries further left were sent by the
//! client and prove nothing. With fewer entries than proxies the socket's address is taken.
//!
//! Limits count an IPv6 client by its /64 network, as one subscriber usually holds a whole /64
//! and can pick any address inside it.

use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

/// The client's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    /// What limits per client count: the IPv4 address, or the /64 network of an IPv6 one
    /// (an IPv4 address mapped into IPv6 counts as itself).
    pub fn limit_subject(&self) -> String {
        match self.0 {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.to_string(),
                None => {
                    let s = v6.segments();
                    let network = Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                    format!("{network}/64")
                }
            },
        }
    }

    /// What limits per client address are counted under: the SHA-256 (hex) of
    /// [`ClientIp::limit_subject`], so the address itself is not kept.
    pub fn limit_key(&self) -> String {
        use sha2::{Digest, Sha256};
        Sha256::digest(self.limit_subject().as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// The client as our outermost proxy saw it: the entry `hops` places from the right of the
/// `X-Forwarded-For` list (every such header, in order), if there is one and it is an address.
pub fn forwarded_client(headers: &HeaderMap, hops: usize) -> Option<IpAddr> {
    if hops == 0 {
        return None;
    }
    let mut entries: Vec<&str> = Vec::new();
    for value in headers.get_all("x-forwarded-for") {
        entries.extend(value.to_str().ok()?.split(',').map(str::trim));
    }
    let index = entries.len().checked_sub(hops)?;
    entries[index].parse().ok()
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(ip) = forwarded_client(&parts.headers, state.forwarded_hops) {
            return Ok(ClientIp(ip));
        }
        parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| ClientIp(addr.ip()))
            .ok_or_else(|| {
                AppError::Internal(anyhow::anyhow!(
                    "the server runs without connection info (see `lib::bind`)"
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn the_client_is_the_entry_our_outermost_proxy_wrote() {
        let ip = |s: &str| Some(s.parse::<IpAddr>().unwrap());
        // The client wrote "198.51.100.1"; our one proxy appended the address it saw.
        let headers = forwarded(&["198.51.100.1, 203.0.113.7"]);
        assert_eq!(forwarded_client(&headers, 1), ip("203.0.113.7"));
        assert_eq!(forwarded_client(&headers, 2), ip("198.51.100.1"));
        assert_eq!(forwarded_client(&headers, 0), None);
        assert_eq!(
            forwarded_client(&headers, 3),
            None,
            "fewer entries than proxies"
        );
        // Several headers are one list, in order.
        let headers = forwarded(&["198.51.100.1", "2001:db8::1, 10.0.0.2"]);
        assert_eq!(forwarded_client(&headers, 1), ip("10.0.0.2"));
        assert_eq!(forwarded_client(&headers, 2), ip("2001:db8::1"));
        assert_eq!(forwarded_client(&forwarded(&["unknown"]), 1), None);
        assert_eq!(forwarded_client(&HeaderMap::new(), 1), None);
    }

    #[test]
    fn an_ipv6_client_is_limited_by_its_slash_64() {
        let subject = |s: &str| ClientIp(s.parse().unwrap()).limit_subject();
        assert_eq!(subject("2001:db8:1:2::1"), "2001:db8:1:2::/64");
        assert_eq!(subject("2001:db8:1:2:ffff:1:2:3"), "2001:db8:1:2::/64");
        assert_ne!(subject("2001:db8:1:3::1"), subject("2001:db8:1:2::1"));
        assert_eq!(subject("203.0.113.7"), "203.0.113.7");
        assert_eq!(subject("::ffff:203.0.113.7"), "203.0.113.7");
    }
}
