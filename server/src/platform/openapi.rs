//! The OpenAPI document: its title here, its paths from each feature's router (utoipa-axum), so
//! an endpoint's path, method, handler and entry are written once, where the handler is.

use utoipa::OpenApi;

/// The document's head; the features' routers add the paths.
#[derive(OpenApi)]
#[openapi(info(
    title = "deputy-homes API",
    description = "Hohhot's representatives' homes (人大代表之家)."
))]
pub struct ApiDoc;
