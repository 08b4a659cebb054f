//! The one door to the server: builds a request, sends it, reads the JSON answer and turns any
//! answer that is not 2xx into a [`ClientError`]. The only module that uses gloo-net; each
//! feature's `client.rs` names its endpoints on top of it. A `GET` whose answer the page may
//! carry (`first_answers`: the server drew the first screen from it) can be answered from the
//! page, once.

use deputy_homes_api::platform::first_answers;
use deputy_homes_api::{ApiError, ErrorCode};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;

/// Why a request failed, in terms the app can explain to a person.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientError {
    /// The server could not be reached at all.
    Network,
    /// The server answered with an error.
    Api { status: u16, error: ApiError },
    /// The server answered with something that is not what the app expects.
    BadResponse,
}

impl ClientError {
    /// The server's error code, when it answered with one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ClientError::Api { error, .. } => Some(error.code),
            _ => None,
        }
    }

    /// Whether the thing asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ClientError::Api { error, .. } if error.code == ErrorCode::NotFound)
    }
}

/// The header that carries the session's anti-forgery token on state-changing requests.
const CSRF_HEADER: &str = "X-CSRF-Token";

#[derive(Debug, Clone, Copy)]
enum Method {
    Get,
    Post,
    Put,
    Delete,
}

/// One request to the API, built by a feature's client and sent by one of the `send…` methods.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct ApiRequest {
    method: Method,
    path: String,
    query: Vec<(&'static str, String)>,
    headers: Vec<(&'static str, String)>,
}

impl ApiRequest {
    fn new(method: Method, path: impl Into<String>) -> ApiRequest {
        ApiRequest {
            method,
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
        }
    }

    /// A `GET` of `path`.
    pub fn get(path: impl Into<String>) -> ApiRequest {
        ApiRequest::new(Method::Get, path)
    }

    /// A `POST` to `path`.
    pub fn post(path: impl Into<String>) -> ApiRequest {
        ApiRequest::new(Method::Post, path)
    }

    /// A `PUT` to `path`.
    pub fn put(path: impl Into<String>) -> ApiRequest {
        ApiRequest::new(Method::Put, path)
    }

    /// A `DELETE` of `path`.
    pub fn delete(path: impl Into<String>) -> ApiRequest {
        ApiRequest::new(Method::Delete, path)
    }

    /// Adds a query parameter when it has a value (an absent one is left out of the URL).
    pub fn query(mut self, name: &'static str, value: impl Into<Option<String>>) -> ApiRequest {
        if let Some(value) = value.into() {
            self.query.push((name, value));
        }
        self
    }

    /// Adds query parameters, in order (a filter's `pairs()`, the order both sides key a
    /// carried answer by).
    pub fn queries(mut self, pairs: Vec<(&'static str, String)>) -> ApiRequest {
        self.query.extend(pairs);
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> ApiRequest {
        self.headers.push((name, value.into()));
        self
    }

    /// Adds the session's anti-forgery token, which every state-changing request of a signed-in
    /// person carries.
    pub fn csrf(self, token: impl Into<String>) -> ApiRequest {
        self.header(CSRF_HEADER, token)
    }

    /// The answer the page carried for this `GET`, taken out of the page, so that asking again
    /// asks the server.
    fn carried_answer<T: DeserializeOwned>(&self) -> Option<T> {
        if !matches!(self.method, Method::Get) {
            return None;
        }
        let key = first_answers::request_key(&self.path, &self.query);
        let document = web_sys::window()?.document()?;
        let selector = format!("script[{}]", first_answers::KEY_ATTRIBUTE);
        let carried = document.query_selector_all(&selector).ok()?;
        (0..carried.length())
            .filter_map(|i| carried.item(i)?.dyn_into::<web_sys::Element>().ok())
            .find(|script| script.get_attribute(first_answers::KEY_ATTRIBUTE) == Some(key.clone()))
            .and_then(|script| {
                script.remove();
                first_answers::read(&script.text_content()?)
            })
    }

    fn builder(&self) -> RequestBuilder {
        let builder = match self.method {
            Method::Get => Request::get(&self.path),
            Method::Post => Request::post(&self.path),
            Method::Put => Request::put(&self.path),
            Method::Delete => Request::delete(&self.path),
        };
        let builder = builder.query(self.query.iter().map(|(k, v)| (*k, v.as_str())));
        self.headers.iter().fold(builder, |builder, (name, value)| {
            builder.header(name, value)
        })
    }

    /// [`ApiRequest::send`] for a `GET` whose answer a page may carry (the first screens the
    /// server draws: the list of homes and a home): the carried answer, once, else the server's.
    pub async fn send_unless_carried<T: DeserializeOwned>(self) -> Result<T, ClientError> {
        match self.carried_answer() {
            Some(answer) => Ok(answer),
            None => self.send().await,
        }
    }

    /// Sends the request with no body and reads the JSON answer.
    pub async fn send<T: DeserializeOwned>(self) -> Result<T, ClientError> {
        let response = self
            .builder()
            .send()
            .await
            .map_err(|_| ClientError::Network)?;
        read_json(response).await
    }

    /// Sends the request with no body; `None` when the server answers with `status` (such as
    /// 401 when nobody is signed in), whatever the body says.
    pub async fn send_unless_status<T: DeserializeOwned>(
        self,
        status: u16,
    ) -> Result<Option<T>, ClientError> {
        let response = self
            .builder()
            .send()
            .await
            .map_err(|_| ClientError::Network)?;
        if response.status() == status {
            // Read the answer through, so the request is finished (and the page reaches
            // network idle) even though its body is not needed.
            let _ = response.text().await;
            return Ok(None);
        }
        read_json(response).await.map(Some)
    }

    /// Sends the request with no body, for an answer with no content worth reading.
    pub async fn send_and_ignore_answer(self) -> Result<(), ClientError> {
        let response = self
            .builder()
            .send()
            .await
            .map_err(|_| ClientError::Network)?;
        if response.ok() {
            Ok(())
        } else {
            read_json::<()>(response).await
        }
    }

    /// Sends `body` as JSON and reads the JSON answer.
    pub async fn send_json<B: Serialize, T: DeserializeOwned>(
        self,
        body: &B,
    ) -> Result<T, ClientError> {
        let request = self
            .builder()
            .json(body)
            .map_err(|_| ClientError::BadResponse)?;
        let response = request.send().await.map_err(|_| ClientError::Network)?;
        read_json(response).await
    }

    /// Sends `body` as JSON, for an answer with no content worth reading (a `204`).
    pub async fn send_json_and_ignore_answer<B: Serialize>(
        self,
        body: &B,
    ) -> Result<(), ClientError> {
        let request = self
            .builder()
            .json(body)
            .map_err(|_| ClientError::BadResponse)?;
        let response = request.send().await.map_err(|_| ClientError::Network)?;
        if response.ok() {
            Ok(())
        } else {
            read_json::<()>(response).await
        }
    }

    /// Sends a multipart form (a file upload) and reads the JSON answer.
    pub async fn send_form<T: DeserializeOwned>(
        self,
        form: web_sys::FormData,
    ) -> Result<T, ClientError> {
        let request = self
            .builder()
            .body(form)
            .map_err(|_| ClientError::BadResponse)?;
        let response = request.send().await.map_err(|_| ClientError::Network)?;
        read_json(response).await
    }
}

impl ApiRequest {
    /// Sends one photo file as the form field `photo` (the server cleans it of its metadata).
    pub async fn send_photo<T: DeserializeOwned>(
        self,
        file: web_sys::File,
    ) -> Result<T, ClientError> {
        let form = web_sys::FormData::new().map_err(|_| ClientError::BadResponse)?;
        form.append_with_blob_and_filename("photo", &file, &file.name())
            .map_err(|_| ClientError::BadResponse)?;
        self.send_form(form).await
    }
}

/// Reads a static file of the app as text (such as a catalog under `/public/`), with a query
/// (its version); a file that is not there or not 2xx is a [`ClientError::BadResponse`].
pub async fn get_text(path: &str, query: &[(&str, &str)]) -> Result<String, ClientError> {
    let response = Request::get(path)
        .query(query.iter().copied())
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    if !response.ok() {
        return Err(ClientError::BadResponse);
    }
    response.text().await.map_err(|_| ClientError::Network)
}

/// Reads a 2xx answer as `T`, and any other as the server's error.
async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ClientError> {
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|_| ClientError::BadResponse);
    }
    let status = response.status();
    match response.json::<ApiError>().await {
        Ok(error) => Err(ClientError::Api { status, error }),
        Err(_) if status >= 500 => Err(ClientError::Api {
            status,
            error: ApiError::new(ErrorCode::Internal, String::new()),
        }),
        Err(_) => Err(ClientError::BadResponse),
    }
}
