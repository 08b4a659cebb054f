//! The server's error type and how it becomes the one JSON error shape.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use deputy_homes_api::{ApiError, ErrorCode, FormField};
use serde_path_to_error::Segment;

/// A failed request. 4xx are the caller's fault and are not logged as errors; 5xx are logged
/// with their cause chain and shown to the caller without internals.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(ApiError),
    #[error("{0} not found")]
    NotFound(String),
    #[error("signing in is needed")]
    Unauthenticated,
    #[error("{0}")]
    Forbidden(String),
    /// A 401 `phone_unverified`: this needs the session of the phone that `field` names.
    #[error("{0}")]
    PhoneUnverified(ApiError),
    /// A 403 about one field: e.g. a phone other than the session's.
    #[error("{0}")]
    ForbiddenOn(ApiError),
    #[error("the anti-forgery token is missing or wrong")]
    CsrfRejected,
    #[error("the login or password is wrong")]
    BadCredentials,
    #[error("too many attempts; try again in {retry_after_secs} s")]
    TooManyAttempts { retry_after_secs: i64 },
    #[error("{0}")]
    Conflict(ApiError),
    /// A 413: the upload is larger than allowed; `field` names it.
    #[error("{0}")]
    TooLarge(ApiError),
    /// A 429 with its own explanation, e.g. an hourly limit of submissions.
    #[error("{message}")]
    Limited {
        message: String,
        retry_after_secs: i64,
    },
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// A request body that is not the expected JSON is a bad parameter in the one error shape,
/// rather than axum's plain-text 415 or 422: named after the field at fault when serde says
/// which (a number out of range, a missing field), else `body`.
impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        let field = serde_error::<serde_json::Error>(&rejection)
            .and_then(field_at_fault)
            .unwrap_or_else(|| "body".to_owned());
        AppError::BadRequest(ApiError::undecodable(field, rejection.body_text()))
    }
}

/// A query string that does not fit its parameters' types (`page=-1`, `year=soon`) is a bad
/// parameter named after the parameter at fault, else `query`.
impl From<QueryRejection> for AppError {
    fn from(rejection: QueryRejection) -> Self {
        let field = serde_error::<serde::de::value::Error>(&rejection)
            .and_then(field_at_fault)
            .unwrap_or_else(|| "query".to_owned());
        AppError::BadRequest(ApiError::undecodable(field, rejection.body_text()))
    }
}

/// The serde error with its path inside an axum rejection (axum reads bodies and query strings
/// through `serde_path_to_error`), if that is what the rejection holds.
fn serde_error<'a, E: std::error::Error + 'static>(
    rejection: &'a (dyn std::error::Error + 'static),
) -> Option<&'a serde_path_to_error::Error<E>> {
    std::iter::successors(Some(rejection), |e| e.source())
        .find_map(|e| e.downcast_ref::<serde_path_to_error::Error<E>>())
}

/// The field a serde error is about, as validation names fields: `contact.name`, `days.date`
/// (list positions left out). A missing field is named by the error, not by its path.
fn field_at_fault<E: std::fmt::Display>(error: &serde_path_to_error::Error<E>) -> Option<String> {
    let message = error.inner().to_string();
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name.to_owned());
    let names: Vec<String> = error
        .path()
        .iter()
        .filter_map(|segment| match segment {
            Segment::Map { key } => Some(key.clone()),
            Segment::Enum { variant } => Some(variant.clone()),
            Segment::Seq { .. } | Segment::Unknown => None,
        })
        .chain(missing)
        .collect();
    (!names.is_empty()).then(|| names.join("."))
}

impl AppError {
    /// A 400 `bad_parameter`: one field of the form is not acceptable.
    pub fn bad<F: FormField>(field: F, message: impl Into<String>) -> AppError {
        AppError::BadRequest(ApiError::bad_parameter(field, message))
    }

    /// A 400 with its own code, about one field: e.g. `activity_started` about the activity.
    pub fn refused<F: FormField>(
        code: ErrorCode,
        field: F,
        message: impl Into<String>,
    ) -> AppError {
        AppError::BadRequest(ApiError::new(code, message).on(field))
    }

    /// A 409: the thing to create or change is in a state that forbids it, said by `code`.
    pub fn conflict(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError::Conflict(ApiError::new(code, message))
    }

    /// A 409 about one field of the form: e.g. `taken` about a name.
    pub fn conflict_on<F: FormField>(
        code: ErrorCode,
        field: F,
        message: impl Into<String>,
    ) -> AppError {
        AppError::Conflict(ApiError::new(code, message).on(field))
    }

    /// A 401 `phone_unverified`: `field` names a phone whose session the request lacks.
    pub fn phone_unverified<F: FormField>(field: F, message: impl Into<String>) -> AppError {
        AppError::PhoneUnverified(ApiError::new(ErrorCode::PhoneUnverified, message).on(field))
    }

    /// A 403 `forbidden` about one field: e.g. a phone other than the session's.
    pub fn forbidden_on<F: FormField>(field: F, message: impl Into<String>) -> AppError {
        AppError::ForbiddenOn(ApiError::new(ErrorCode::Forbidden, message).on(field))
    }

    /// A 409 `limit_reached`: the request would break a limit on how many there may be.
    pub fn limit_reached<F: FormField>(field: F, message: impl Into<String>) -> AppError {
        AppError::conflict_on(ErrorCode::LimitReached, field, message)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let simple = |code: ErrorCode, message: String| ApiError::new(code, message);
        let retry_after = match &self {
            AppError::TooManyAttempts { retry_after_secs }
            | AppError::Limited {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            _ => None,
        };
        let (status, body) = match self {
            AppError::BadRequest(e) => (StatusCode::BAD_REQUEST, e),
            AppError::Conflict(e) => (StatusCode::CONFLICT, e),
            AppError::TooLarge(e) => (StatusCode::PAYLOAD_TOO_LARGE, e),
            AppError::Limited { message, .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                simple(ErrorCode::TooManyAttempts, message),
            ),
            e @ AppError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                simple(ErrorCode::Unauthenticated, e.to_string()),
            ),
            AppError::Forbidden(m) => (StatusCode::FORBIDDEN, simple(ErrorCode::Forbidden, m)),
            AppError::PhoneUnverified(e) => (StatusCode::UNAUTHORIZED, e),
            AppError::ForbiddenOn(e) => (StatusCode::FORBIDDEN, e),
            e @ AppError::CsrfRejected => (
                StatusCode::FORBIDDEN,
                simple(ErrorCode::CsrfRejected, e.to_string()),
            ),
            e @ AppError::BadCredentials => (
                StatusCode::UNAUTHORIZED,
                simple(ErrorCode::BadCredentials, e.to_string()),
            ),
            e @ AppError::TooManyAttempts { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                simple(ErrorCode::TooManyAttempts, e.to_string()),
            ),
            AppError::NotFound(what) => (
                StatusCode::NOT_FOUND,
                ApiError::new(ErrorCode::NotFound, format!("{what} not found")),
            ),
            AppError::Internal(e) => {
                tracing::error!(error = format!("{e:#}"), "request failed");
                let message = "the server could not complete the request".to_owned();
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ApiError::new(ErrorCode::Internal, message),
                )
            }
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(secs) = retry_after {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(secs.max(1)),
            );
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::extract::Query;
    use axum::Json;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[expect(dead_code, reason = "only read to see what serde refuses")]
    struct Body {
        capacity: u32,
        #[serde(default)]
        contact: Option<Contact>,
        #[serde(default)]
        days: Vec<Contact>,
    }

    #[derive(Debug, Deserialize)]
    #[expect(dead_code, reason = "only read to see what serde refuses")]
    struct Contact {
        name: String,
    }

    fn field_of(error: AppError) -> Option<String> {
        match error {
            AppError::BadRequest(e) => e.field_name().map(str::to_owned),
            other => panic!("not a 400: {other:?}"),
        }
    }

    fn body_refusal(json: &str) -> Option<String> {
        let rejection = Json::<Body>::from_bytes(json.as_bytes()).unwrap_err();
        field_of(AppError::from(rejection))
    }

    #[test]
    fn a_body_refusal_names_the_field_serde_stopped_at() {
        assert_eq!(
            body_refusal(r#"{"capacity": -1}"#).as_deref(),
            Some("capacity")
        );
        assert_eq!(
            body_refusal(r#"{"capacity": 4294967296}"#).as_deref(),
            Some("capacity")
        );
        assert_eq!(body_refusal("{}").as_deref(), Some("capacity"), "missing");
        let nested = r#"{"capacity": 1, "contact": {"name": 5}}"#;
        assert_eq!(body_refusal(nested).as_deref(), Some("contact.name"));
        let listed = r#"{"capacity": 1, "days": [{"name": "a"}, {}]}"#;
        assert_eq!(body_refusal(listed).as_deref(), Some("days.name"));
        assert_eq!(body_refusal("{not json").as_deref(), Some("body"));
    }

    #[derive(Debug, Deserialize)]
    #[expect(dead_code, reason = "only read to see what serde refuses")]
    struct Params {
        page: Option<u32>,
    }

    #[test]
    fn a_query_refusal_names_the_parameter_serde_stopped_at() {
        for query in ["page=-1", "page=4294967296", "page=two"] {
            let uri: axum::http::Uri = format!("/list?{query}").parse().unwrap();
            let rejection = Query::<Params>::try_from_uri(&uri).unwrap_err();
            assert_eq!(
                field_of(AppError::from(rejection)).as_deref(),
                Some("page"),
                "{query}"
            );
        }
    }
}
