//! The OpenAPI document: its title and security schemes here, its paths from each feature's
//! router (utoipa-axum), so an endpoint's path, method, handler and entry are written once, where
//! the handler is.
//!
//! Each guarded operation names who it admits as `security` requirements on the `session`
//! scheme, with roles as OpenAPI 3.1 allows for schemes other than OAuth2: `staff`, `delegate`
//! (any delegate) or `home_delegate` (a delegate of the home the operation concerns); no role
//! means any signed-in account. Operations that change state also require the `csrf` scheme.
//! An operation without `security` is open to everyone. The API test `roles` holds the server to
//! what the document says here.

use crate::platform::auth::{CITIZEN_COOKIE, CSRF_HEADER, SESSION_COOKIE};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// The document's head; the features' routers add the paths.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "deputy-homes API",
        description = "Hohhot's representatives' homes (人大代表之家)."
    ),
    modifiers(&SessionSchemes)
)]
pub struct ApiDoc;

/// Adds the `session`, `citizen` and `csrf` security schemes that operations name.
struct SessionSchemes;

impl Modify for SessionSchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                SESSION_COOKIE,
                "The session cookie `POST /api/session` sets. An operation's roles say which \
                 accounts it admits: `staff`, `delegate`, or `home_delegate` (a delegate of the \
                 home the operation concerns); no role: any signed-in account.",
            ))),
        );
        components.add_security_scheme(
            "citizen",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                CITIZEN_COOKIE,
                "The cookie `POST /api/citizen/session` sets once a phone is verified by a \
                 text code. Operations for one phone's bookings and opinions admit only that \
                 phone's session.",
            ))),
        );
        components.add_security_scheme(
            "csrf",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                CSRF_HEADER,
                "The session's anti-forgery token (`csrf_token` of the session), sent with every \
                 request that changes state.",
            ))),
        );
    }
}
