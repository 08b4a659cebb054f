//! The address a request came from, for limits per client.
//!
//! It is the socket's peer address, unless `DH_TRUST_FORWARDED_FOR=1`: then the first entry of
//! `X-Forwarded-For` (the client as the proxy saw it). Trust that header only behind a proxy that
//! overwrites it, or anyone can choose their own address and escape the limits.

use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use std::net::{IpAddr, SocketAddr};

/// The client's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// The first address of an `X-Forwarded-For` value, if it is one.
pub fn first_forwarded(value: &str) -> Option<IpAddr> {
    value.split(',').next()?.trim().parse().ok()
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if state.trust_forwarded_for {
            let forwarded = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(first_forwarded);
            if let Some(ip) = forwarded {
                return Ok(ClientIp(ip));
            }
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

    #[test]
    fn the_first_forwarded_address_is_the_client() {
        assert_eq!(
            first_forwarded("203.0.113.7, 10.0.0.1"),
            Some("203.0.113.7".parse().unwrap())
        );
        assert_eq!(
            first_forwarded("2001:db8::1"),
            Some("2001:db8::1".parse().unwrap())
        );
        assert_eq!(first_forwarded("unknown, 10.0.0.1"), None);
    }
}
