//! The harness: the real app on a free port, with its own fresh database, and an HTTP client.

use deputy_homes_api::accounts::{Account, NewAccount, Role};
use deputy_homes_api::Home;
use deputy_homes_server::citizens::codes::VerificationCodes;
use deputy_homes_server::homes::register_file::parse_register;
use deputy_homes_server::meetings::booking_codes::{random_code, BookingCodes};
use deputy_homes_server::platform::clock::Clock;
use deputy_homes_server::platform::config::SmsSettings;
use deputy_homes_server::platform::db::Db;
use deputy_homes_server::{listen, prepare, Config};
use reqwest::header::{COOKIE, SET_COOKIE};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};
use sqlx::{AnyPool, Connection, PgConnection};
use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};
use tempfile::TempDir;
use tokio::task::JoinHandle;

/// Runs each named scenario, an `async fn name(app: TestApp)`, once on SQLite and once on
/// PostgreSQL, as `name::on_sqlite` and `name::on_postgres`. Start the list with
/// `with_empty_register:` for an app that starts with no homes instead of the sample register.
macro_rules! on_both_databases {
    (with_empty_register: $($name:ident),+ $(,)?) => {
        $crate::helpers::on_both_databases!(@with Empty; $($name),+);
    };
    ($($name:ident),+ $(,)?) => {
        $crate::helpers::on_both_databases!(@with Sample; $($name),+);
    };
    (@with $register:ident; $($name:ident),+) => {
        $(
            mod $name {
                use $crate::helpers::{Backend, Register, TestApp};

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_sqlite() {
                    super::$name(TestApp::spawn_with(Backend::Sqlite, Register::$register).await)
                        .await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_postgres() {
                    super::$name(TestApp::spawn_with(Backend::Postgres, Register::$register).await)
                        .await;
                }
            }
        )+
    };
}
pub(crate) use on_both_databases;

/// Runs each scenario on both databases with its settings changed from the tests' usual ones.
macro_rules! configured {
    ($($name:ident => $change:expr),+ $(,)?) => {
        $(
            mod $name {
                use crate::helpers::{Backend, Register, TestApp};

                async fn app(backend: Backend) -> TestApp {
                    TestApp::spawn_configured(backend, Register::Sample, $change).await
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_sqlite() {
                    super::$name(app(Backend::Sqlite).await).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_postgres() {
                    super::$name(app(Backend::Postgres).await).await;
                }
            }
        )+
    };
}
pub(crate) use configured;

/// The database engine a test app runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// What the app's database holds when it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Register {
    /// The shipped sample register, `data/homes.csv` (104 homes).
    Sample,
    /// No homes at all.
    Empty,
}

/// The body of the test app's `index.html`, so the deep-link test can recognise it: like the
/// built page, its `#app` holds a static shell, which the homes' pages replace with their first
/// screen.
pub const INDEX_HTML: &str = "<!doctype html><html><head><title>deputy-homes test shell</title></head><body><div id=\"app\"><p>shell</p></div></body></html>\n";
/// The office app's page in the test dist folder (`dist/office/index.html`).
pub const OFFICE_HTML: &str = "<!doctype html><title>office</title><div id=\"app\"></div>";

/// A file name that carries a Trunk content hash, written into the dist folder.
pub const HASHED_ASSET: &str = "app-0123456789abcdef.js";

/// The hashed asset's content.
pub const HASHED_ASSET_BODY: &str = "console.log('app');\n";

/// What `scripts/precompress.sh` writes beside a file: brotli at quality 11.
pub fn precompressed_br(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli compresses");
    out
}

/// The body of an answer, decoded from its `Content-Encoding` (gzip, br or none).
pub async fn decoded_body(response: Response) -> Vec<u8> {
    use std::io::Read;
    let encoding = response
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().expect("an ASCII header").to_owned());
    let bytes = response.bytes().await.expect("a body");
    let mut plain = Vec::new();
    match encoding.as_deref() {
        None => plain.extend_from_slice(&bytes),
        Some("gzip") => {
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut plain)
                .expect("a valid gzip body");
        }
        Some("br") => {
            brotli::Decompressor::new(&bytes[..], 4096)
                .read_to_end(&mut plain)
                .expect("a valid brotli body");
        }
        Some(other) => panic!("an unexpected encoding {other}"),
    }
    plain
}

/// The workspace root (`server/..`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("server/ has a parent")
        .to_path_buf()
}

/// The shipped sample register file.
pub fn sample_register_path() -> PathBuf {
    workspace_root().join("data/homes.csv")
}

/// The sample register as the server's own parser reads it, so tests count from the file rather
/// than from hard-coded numbers.
pub fn sample_homes() -> Vec<Home> {
    let text = std::fs::read_to_string(sample_register_path()).expect("data/homes.csv is readable");
    parse_register(&text).unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("data/homes.csv is invalid:\n{}", list.join("\n"))
    })
}

/// A running app with its own database and folders; everything is removed on drop.
pub struct TestApp {
    pub backend: Backend,
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    database_url: String,
    files: TempDir,
    server: JoinHandle<()>,
    /// The app's clock: tests move it forward instead of editing rows.
    pub clock: Clock,
    /// Booking codes the app hands out next, before random ones.
    codes: Arc<Mutex<VecDeque<String>>>,
    /// Text-message codes the app sends next, before [`TEST_CODE`] again.
    verification_codes: Arc<Mutex<VecDeque<String>>>,
    /// Verified phones' sessions, by phone, for [`TestApp::citizen`].
    citizens: Mutex<HashMap<String, Browser>>,
    // Declared last: dropped after the server task is aborted.
    _postgres: Option<PostgresDatabase>,
}

impl TestApp {
    /// The app with the sample register.
    pub async fn spawn(backend: Backend) -> TestApp {
        TestApp::spawn_with(backend, Register::Sample).await
    }

    /// The app with an empty or the sample register.
    pub async fn spawn_with(backend: Backend, register: Register) -> TestApp {
        TestApp::spawn_configured(backend, register, |_| {}).await
    }

    /// The app with settings changed from the tests' usual ones.
    pub async fn spawn_configured(
        backend: Backend,
        register: Register,
        change: impl FnOnce(&mut Config),
    ) -> TestApp {
        let files = tempfile::Builder::new()
            .prefix("dh-api-test-")
            .tempdir()
            .expect("cannot create a temporary folder");
        let dist_dir = files.path().join("dist");
        std::fs::create_dir(&dist_dir).expect("cannot create the dist folder");
        std::fs::write(dist_dir.join("index.html"), INDEX_HTML).expect("cannot write index.html");
        std::fs::create_dir(dist_dir.join("office")).expect("cannot create dist/office");
        std::fs::write(dist_dir.join("office").join("index.html"), OFFICE_HTML)
            .expect("cannot write the office page");
        std::fs::write(dist_dir.join(HASHED_ASSET), HASHED_ASSET_BODY)
            .expect("cannot write the hashed asset");
        std::fs::write(
            dist_dir.join(format!("{HASHED_ASSET}.br")),
            precompressed_br(HASHED_ASSET_BODY.as_bytes()),
        )
        .expect("cannot write the precompressed asset");

        let (database_url, postgres) = match backend {
            Backend::Sqlite => (
                format!(
                    "sqlite://{}?mode=rwc",
                    files.path().join("test.db").display()
                ),
                None,
            ),
            Backend::Postgres => {
                let db = PostgresDatabase::create().await;
                (db.url(), Some(db))
            }
        };

        let mut config = test_config(database_url.clone(), dist_dir, register);
        change(&mut config);
        let mut state = prepare(&config)
            .await
            .unwrap_or_else(|e| panic!("the app did not start on {backend:?}: {e:#}"));
        let codes: Arc<Mutex<VecDeque<String>>> = Arc::default();
        let queued = Arc::clone(&codes);
        state.booking_codes = BookingCodes::from_fn(move || {
            let next = queued.lock().expect("the code queue").pop_front();
            next.unwrap_or_else(random_code)
        });
        let verification_codes: Arc<Mutex<VecDeque<String>>> = Arc::default();
        let queued = Arc::clone(&verification_codes);
        state.verification_codes = VerificationCodes::from_fn(move || {
            let next = queued.lock().expect("the code queue").pop_front();
            next.unwrap_or_else(|| TEST_CODE.to_owned())
        });
        let clock = state.clock.clone();
        let (listener, router) = listen(&config, state)
            .await
            .unwrap_or_else(|e| panic!("the app did not listen on {backend:?}: {e:#}"));
        let addr = listener.local_addr().expect("the listener has an address");
        let server = tokio::spawn(async move {
            let router = router.into_make_service_with_connect_info::<SocketAddr>();
            axum::serve(listener, router)
                .await
                .expect("the test server failed");
        });
        let client = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("cannot build the HTTP client");
        TestApp {
            backend,
            addr,
            client,
            database_url,
            files,
            server,
            clock,
            codes,
            verification_codes,
            citizens: Mutex::default(),
            _postgres: postgres,
        }
    }

    /// Moves the app's clock forward to `at_ms`; it runs on from there. Sessions last 12 hours
    /// of this clock: after a long move, sign in again.
    pub fn move_clock_to(&self, at_ms: i64) {
        let ahead = at_ms - self.clock.now_ms();
        assert!(
            ahead >= 0,
            "the clock only moves forward, and {at_ms} is {} ms ago",
            -ahead
        );
        self.clock.advance(ahead);
    }

    /// Makes the app hand out these booking codes next, in order (then random ones again).
    pub fn queue_booking_codes(&self, codes: &[&str]) {
        let mut queue = self.codes.lock().expect("the code queue");
        queue.extend(codes.iter().map(|c| (*c).to_owned()));
    }

    /// Makes the app text these verification codes next, in order (then [`TEST_CODE`] again).
    pub fn queue_verification_codes(&self, codes: &[&str]) {
        let mut queue = self.verification_codes.lock().expect("the code queue");
        queue.extend(codes.iter().map(|c| (*c).to_owned()));
    }

    /// `POST /api/citizen/codes` for a phone; whatever the answer.
    pub async fn ask_code(&self, phone: &str) -> Response {
        let body = json!({ "phone": phone });
        self.send(self.request(Method::POST, "/api/citizen/codes").json(&body))
            .await
    }

    /// `POST /api/citizen/session` with a phone and a code; whatever the answer.
    pub async fn verify_response(&self, phone: &str, code: &str) -> Response {
        let body = json!({ "phone": phone, "code": code });
        self.send(
            self.request(Method::POST, "/api/citizen/session")
                .json(&body),
        )
        .await
    }

    /// A browser with a verified phone's session: asks for a code and verifies it (the app
    /// texts [`TEST_CODE`] unless others are queued).
    pub async fn verified(&self, phone: &str) -> Browser {
        let asked = self.ask_code(phone).await;
        assert_eq!(
            asked.status(),
            StatusCode::ACCEPTED,
            "asking a code for {phone}"
        );
        self.verify(phone, TEST_CODE).await
    }

    /// The session of a verified phone, verified once per test app and then reused until it
    /// ends (asking for a second code within a minute would be refused).
    pub async fn citizen(&self, phone: &str) -> Browser {
        let now = self.clock.now_ms();
        if let Some(known) = self.citizens.lock().expect("the sessions").get(phone) {
            if known.account["expires_at_ms"]
                .as_i64()
                .is_some_and(|end| end > now)
            {
                return known.clone();
            }
        }
        let browser = self.verified(phone).await;
        self.citizens
            .lock()
            .expect("the sessions")
            .insert(phone.to_owned(), browser.clone());
        browser
    }

    /// A minute on (past the one-code-a-minute limit), a fresh code and its session.
    pub async fn verified_after_a_minute(&self, phone: &str) -> Browser {
        self.clock.advance(61_000);
        self.verified(phone).await
    }

    /// Verifies a code that was sent; the answer must be 200 with the citizen cookie.
    pub async fn verify(&self, phone: &str, code: &str) -> Browser {
        let response = self.verify_response(phone, code).await;
        let cookie = named_set_cookie(&response, CITIZEN_COOKIE)
            .unwrap_or_else(|| panic!("verifying {phone} set no citizen cookie"));
        let body = json_body(response, StatusCode::OK).await;
        let csrf_token = body["csrf_token"]
            .as_str()
            .unwrap_or_else(|| panic!("the citizen session has no csrf_token: {body}"))
            .to_owned();
        Browser {
            cookie: format!("{}={}", CITIZEN_COOKIE, cookie.value),
            csrf_token,
            account: body,
        }
    }

    /// Signs in a new account with this role (and homes, for a delegate).
    pub async fn signed_in_as(&self, username: &str, role: Role, home_ids: &[&str]) -> Browser {
        self.create_account(username, role, None, home_ids).await;
        self.sign_in(username, PASSWORD).await
    }

    /// The app's database URL.
    pub fn database_url(&self) -> &str {
        &self.database_url
    }

    /// A second connection pool to the app's database, e.g. to import a register file.
    pub async fn db(&self) -> Db {
        Db::connect(self.database_url())
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {}: {e:#}", self.database_url))
    }

    /// A path for a scratch file, inside the app's temporary folder.
    pub fn scratch_path(&self, name: &str) -> PathBuf {
        self.files.path().join(name)
    }

    /// The full URL of a path on the app.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("http://{}{}", self.addr, path_and_query)
    }

    /// A GET request to a path, to add headers or a query to.
    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.get(self.url(path))
    }

    /// Sends a GET request.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> Response {
        request
            .send()
            .await
            .unwrap_or_else(|e| panic!("the request to the {:?} app failed: {e}", self.backend))
    }

    /// A request with any method to a path.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client.request(method, self.url(path))
    }

    /// A raw connection pool to the app's database, for SQL the app has no function for:
    /// reading what it stores. Tests move [`TestApp::clock`] rather than edit rows.
    pub async fn sql(&self) -> AnyPool {
        sqlx::any::install_default_drivers();
        AnyPool::connect(self.database_url())
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {}: {e}", self.database_url))
    }

    /// Creates an account directly, as `create-staff` does, with [`PASSWORD`]. Delegates may be
    /// given homes; the ids are not checked against the register.
    pub async fn create_account(
        &self,
        username: &str,
        role: Role,
        phone: Option<&str>,
        home_ids: &[&str],
    ) -> Account {
        let home_ids: Vec<String> = home_ids.iter().map(|h| (*h).to_owned()).collect();
        let new = NewAccount {
            username: username.to_owned(),
            display_name: format!("Test {username}"),
            role,
            phone: phone.map(str::to_owned),
            password: PASSWORD.to_owned(),
            home_ids: home_ids.clone(),
        };
        deputy_homes_server::accounts::rules::create(
            &self.db().await,
            &new,
            home_ids,
            false,
            self.clock.now_ms(),
        )
        .await
        .unwrap_or_else(|e| panic!("cannot create the account {username}: {e}"))
    }

    /// `POST /api/session` with a login and password, whatever the answer.
    pub async fn sign_in_response(&self, login: &str, password: &str) -> Response {
        let body = json!({ "login": login, "password": password });
        self.send(self.request(Method::POST, "/api/session").json(&body))
            .await
    }

    /// Signs in; the answer must be 200 with a session cookie.
    pub async fn sign_in(&self, login: &str, password: &str) -> Browser {
        let response = self.sign_in_response(login, password).await;
        let cookie = session_set_cookie(&response)
            .unwrap_or_else(|| panic!("signing in as {login} set no session cookie"));
        let body = json_body(response, StatusCode::OK).await;
        let csrf_token = body["csrf_token"]
            .as_str()
            .unwrap_or_else(|| panic!("the session has no csrf_token: {body}"))
            .to_owned();
        Browser {
            cookie: format!("{}={}", SESSION_COOKIE, cookie.value),
            csrf_token,
            account: body["account"].clone(),
        }
    }

    /// GET `/api/homes` with query parameters; the response must be 200 JSON.
    pub async fn homes(&self, query: &[(&str, &str)]) -> Value {
        let response = self.send(self.get("/api/homes").query(query)).await;
        json_body(response, StatusCode::OK).await
    }

    /// The ids of the items of a `/api/homes` answer, in answer order.
    pub async fn home_ids(&self, query: &[(&str, &str)]) -> Vec<String> {
        item_ids(&self.homes(query).await)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// A second app server on a test app's database, as another instance behind a load balancer:
/// its own memory (kept answers, the register), the same data.
pub struct OtherServer {
    addr: SocketAddr,
    client: reqwest::Client,
    server: JoinHandle<()>,
}

impl TestApp {
    /// Starts another app server on this app's database and built pages.
    pub async fn other_server(&self) -> OtherServer {
        let config = test_config(
            self.database_url.clone(),
            self.files.path().join("dist"),
            Register::Empty,
        );
        let (listener, router) = deputy_homes_server::bind(&config)
            .await
            .unwrap_or_else(|e| panic!("the other server did not start: {e:#}"));
        let addr = listener.local_addr().expect("the listener has an address");
        let server = tokio::spawn(async move {
            let router = router.into_make_service_with_connect_info::<SocketAddr>();
            axum::serve(listener, router)
                .await
                .expect("the other test server failed");
        });
        OtherServer {
            addr,
            client: self.client.clone(),
            server,
        }
    }
}

impl OtherServer {
    /// A GET request to a path on this server.
    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.get(format!("http://{}{}", self.addr, path))
    }
}

impl Drop for OtherServer {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// The configuration the tests start the app with, on a database and a folder of built pages.
pub fn test_config(database_url: String, dist_dir: PathBuf, register: Register) -> Config {
    Config {
        addr: "127.0.0.1:0".parse().expect("a valid address"),
        database_url,
        dist_dir,
        sample_register: match register {
            Register::Sample => Some(sample_register_path()),
            Register::Empty => None,
        },
        secure_cookies: false,
        session_hours: 12,
        demo_accounts: false,
        // Most tests count what they made themselves; `sample_data.rs` turns it on.
        sample_data: false,
        booking_notice_minutes: 60,
        booking_cap: 3,
        notify_interval_seconds: 0,
        opinion_limit_per_phone: 5,
        opinion_limit_per_ip: 20,
        reveal_limit_per_hour: 30,
        housekeeping_interval_seconds: 0,
        personal_data_retention_days: 1095,
        forwarded_hops: 0,
        opinion_due_working_days: 60,
        header_timeout_seconds: 10,
        request_timeout_seconds: 30,
        body_timeout_seconds: 15,
        // Every public read asks the database: the scenarios change it directly or on another
        // server and read at once. `freshness.rs` runs with windows.
        fresh_within_ms: 0,
        max_connections: 1024,
        sms: SmsSettings::Log,
        // Tests verify many phones from one address; `citizens.rs` checks the real limit.
        codes_per_address_hour: 1_000_000,
        // Tests book and cancel often from one address and phone; `booking_limits.rs` checks
        // the real limits.
        booking_changes_per_phone_day: 1_000_000,
        booking_changes_per_address_hour: 1_000_000,
    }
}

/// The password of accounts made by [`TestApp::create_account`].
pub const PASSWORD: &str = "correct horse battery";

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "dh_session";

/// The name of a verified phone's session cookie.
pub const CITIZEN_COOKIE: &str = "dh_citizen";

/// The text-message code the test app sends when none is queued.
pub const TEST_CODE: &str = "135790";

/// What a browser keeps of a sign-in: the cookie to send back, the anti-forgery token, and the
/// account the server answered with.
#[derive(Debug, Clone)]
pub struct Browser {
    /// `dh_session=…`, as a `Cookie:` header sends it.
    pub cookie: String,
    pub csrf_token: String,
    pub account: Value,
}

impl Browser {
    /// Adds the session cookie only, as a cross-site form or a careless script would send it.
    pub fn cookie_only(&self, request: RequestBuilder) -> RequestBuilder {
        request.header(COOKIE, &self.cookie)
    }

    /// Adds the session cookie and the anti-forgery token, as the app sends them.
    pub fn signed(&self, request: RequestBuilder) -> RequestBuilder {
        self.cookie_only(request)
            .header("x-csrf-token", &self.csrf_token)
    }
}

/// A `Set-Cookie` header taken apart.
#[derive(Debug, Clone)]
pub struct SetCookie {
    pub value: String,
    /// The attributes as sent, e.g. `HttpOnly`, `SameSite=Strict`, `Max-Age=0`.
    pub attributes: Vec<String>,
}

impl SetCookie {
    /// The value of an attribute (`Some("")` for a flag like `HttpOnly`), matched by name
    /// without regard to case.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find_map(|a| {
            let (key, value) = a.split_once('=').unwrap_or((a, ""));
            key.trim()
                .eq_ignore_ascii_case(name)
                .then_some(value.trim())
        })
    }
}

/// The response's `Set-Cookie` for the session cookie, if it sets one; panics if it sets it twice.
pub fn session_set_cookie(response: &Response) -> Option<SetCookie> {
    named_set_cookie(response, SESSION_COOKIE)
}

/// The `Set-Cookie` of the cookie `wanted`, if the response sets it (at most once).
pub fn named_set_cookie(response: &Response, wanted: &str) -> Option<SetCookie> {
    let found: Vec<SetCookie> = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| {
            let text = v.to_str().expect("Set-Cookie is text");
            let mut parts = text.split(';').map(str::trim);
            let (name, value) = parts.next()?.split_once('=')?;
            (name == wanted).then(|| SetCookie {
                value: value.to_owned(),
                attributes: parts.map(str::to_owned).collect(),
            })
        })
        .collect();
    assert!(
        found.len() <= 1,
        "the session cookie is set twice: {found:?}"
    );
    found.into_iter().next()
}

/// Checks that a response is the JSON error with this status and code, and returns the body.
pub async fn api_error(response: Response, status: StatusCode, code: &str) -> Value {
    let body = json_body(response, status).await;
    assert_eq!(body["code"], code, "{body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "the error has no message: {body}"
    );
    body
}

/// Checks a response's status and that it is JSON, and returns the body.
pub async fn json_body(response: Response, status: StatusCode) -> Value {
    let url = response.url().clone();
    let actual = response.status();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = response.text().await.expect("the body is readable");
    assert_eq!(actual, status, "status of {url}, body: {text}");
    assert!(
        content_type.starts_with("application/json"),
        "{url} answered {content_type:?}, not JSON: {text}"
    );
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{url} answered invalid JSON ({e}): {text}"))
}

/// The `id` of every item of a `/api/homes` body.
pub fn item_ids(body: &Value) -> Vec<String> {
    items(body)
        .iter()
        .map(|item| {
            item["id"]
                .as_str()
                .unwrap_or_else(|| panic!("an item has no id: {item}"))
                .to_owned()
        })
        .collect()
}

/// The items array of a `/api/homes` body.
pub fn items(body: &Value) -> &Vec<Value> {
    body["items"]
        .as_array()
        .unwrap_or_else(|| panic!("the body has no items array: {body}"))
}

static DATABASE_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The base URL of the PostgreSQL server, without a database name.
fn postgres_base_url() -> String {
    std::env::var("DH_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
        .trim_end_matches('/')
        .to_owned()
}

/// A uniquely named PostgreSQL database, dropped (disconnecting every client) on drop.
pub(crate) struct PostgresDatabase {
    base_url: String,
    name: String,
}

impl PostgresDatabase {
    pub(crate) async fn create() -> PostgresDatabase {
        let base_url = postgres_base_url();
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("the clock is after 1970")
            .as_nanos();
        let name = format!(
            "dh_test_{}_{}_{}",
            std::process::id(),
            DATABASE_COUNTER.fetch_add(1, Ordering::Relaxed),
            nanos
        );
        let maintenance = format!("{base_url}/postgres");
        let mut connection = PgConnection::connect(&maintenance)
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL is not reachable at {maintenance} ({e}). The API tests need it: \
                 start it (e.g. `pg_ctlcluster --skip-systemctl-redirect 15 main start`) or set \
                 DH_TEST_POSTGRES_URL to a server where user `postgres` may create databases."
                )
            });
        sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
            .execute(&mut connection)
            .await
            .unwrap_or_else(|e| panic!("cannot create the test database {name}: {e}"));
        connection.close().await.ok();
        PostgresDatabase { base_url, name }
    }

    pub(crate) fn url(&self) -> String {
        format!("{}/{}", self.base_url, self.name)
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let maintenance = format!("{}/postgres", self.base_url);
        let name = self.name.clone();
        // Drop runs inside the test's runtime, which cannot be blocked on: use a thread with
        // a runtime of its own.
        let outcome = std::thread::spawn(move || -> Result<(), String> {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            runtime.block_on(async {
                let mut connection = PgConnection::connect(&maintenance)
                    .await
                    .map_err(|e| e.to_string())?;
                sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut connection)
                    .await
                    .map_err(|e| e.to_string())?;
                connection.close().await.ok();
                Ok(())
            })
        })
        .join()
        .unwrap_or_else(|_| Err("the clean-up thread panicked".to_owned()));
        if let Err(e) = outcome {
            let message = format!("cannot drop the test database {}: {e}", self.name);
            if std::thread::panicking() {
                eprintln!("{message}");
            } else {
                panic!("{message}");
            }
        }
    }
}
