//! The built server binary, started as an operator starts it: it stops on SIGTERM after
//! answering the requests in flight, cuts slow clients at its timeouts, caps its connections,
//! and sends a Content-Security-Policy that allows the inline loader script of the built page.

use base64::Engine;
use sha2::{Digest, Sha256};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// What Trunk writes into a built page: the inline loader that starts the app.
const LOADER: &str = "\nimport init, * as bindings from '/app-0123456789abcdef.js';\nconst wasm = await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });\nwindow.wasmBindings = bindings;\n";

/// A server process on a free port with its own SQLite database and dist folder; killed on
/// drop if it is still running.
struct Server {
    child: Child,
    addr: SocketAddr,
    /// Every line the server printed, as it prints them.
    lines: mpsc::Receiver<String>,
    _files: TempDir,
}

impl Server {
    fn start(env: &[(&str, &str)]) -> Server {
        let files = tempfile::Builder::new()
            .prefix("dh-serve-test-")
            .tempdir()
            .expect("a temporary folder");
        let dist = files.path().join("dist");
        std::fs::create_dir_all(dist.join("office")).expect("the dist folders");
        let page = format!(
            "<!doctype html><html><head><title>test</title><script type=\"module\">{LOADER}</script></head><body></body></html>"
        );
        std::fs::write(dist.join("index.html"), &page).expect("index.html");
        std::fs::write(dist.join("office").join("index.html"), &page).expect("the office page");
        let database = format!("sqlite://{}?mode=rwc", files.path().join("dh.db").display());
        let mut command = Command::new(env!("CARGO_BIN_EXE_deputy-homes-server"));
        command
            .arg("serve")
            .env("DH_ADDR", "127.0.0.1:0")
            .env("DH_DATABASE_URL", &database)
            .env("DH_DIST_DIR", &dist)
            .env("DH_SAMPLE_REGISTER", "")
            .env("DH_DEMO_ACCOUNTS", "0")
            .env("DH_NOTIFY_INTERVAL_SECONDS", "0")
            .env("DH_HOUSEKEEPING_INTERVAL_SECONDS", "0")
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (name, value) in env {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("the server binary starts");
        let (sender, lines) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        for output in [
            Box::new(stdout) as Box<dyn Read + Send>,
            Box::new(stderr) as Box<dyn Read + Send>,
        ] {
            let sender = sender.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(output).lines().map_while(Result::ok) {
                    let _ = sender.send(line);
                }
            });
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        let addr = loop {
            let line = lines
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .expect("the server says where it serves within a minute");
            if let Some(rest) = line.split("serving on http://").nth(1) {
                break rest
                    .trim_end_matches('/')
                    .parse()
                    .expect("a socket address");
            }
        };
        Server {
            child,
            addr,
            lines,
            _files: files,
        }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(self.addr).expect("the server accepts a connection");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("a read timeout");
        stream
    }

    /// Sends SIGTERM, as systemd and container runtimes do.
    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -TERM failed");
    }

    /// Waits for the process to exit, at most `limit`.
    fn wait(&mut self, limit: Duration) -> ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().expect("the status is readable") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not exit within {limit:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Every line printed so far.
    fn printed(&self) -> Vec<String> {
        self.lines.try_iter().collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads until the server closes the connection or the read times out; what was read.
fn read_to_close(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buffer[..n]),
        }
    }
    String::from_utf8_lossy(&answer).into_owned()
}

/// A booking for an activity that does not exist, sent with no phone's session: the server
/// answers 401.
const BOOKING: &str =
    r#"{"name":"张三","phone":"13800138000","topic":"小区停车","access_needs":[],"consent":true}"#;

fn booking_head(length: usize) -> String {
    format!(
        "POST /api/activities/no-such-activity/bookings HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
    )
}

#[test]
fn sigterm_answers_the_requests_in_flight_then_exits_with_status_0() {
    let mut server = Server::start(&[]);
    // Three requests in flight: each has sent its head and half its body.
    let body = BOOKING.as_bytes();
    let half = body.len() / 2;
    let mut in_flight: Vec<TcpStream> = (0..3)
        .map(|_| {
            let mut stream = server.connect();
            stream
                .write_all(booking_head(body.len()).as_bytes())
                .expect("the head is sent");
            stream.write_all(&body[..half]).expect("half the body");
            stream
        })
        .collect();
    // And one idle connection, which is simply closed.
    let mut idle = server.connect();
    // Long enough for the server to accept all four and read the heads, even on a busy machine.
    std::thread::sleep(Duration::from_millis(1000));

    server.terminate();
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        server.child.try_wait().expect("a status").is_none(),
        "the server exited with requests in flight"
    );
    let mut answered = 0;
    for stream in &mut in_flight {
        stream
            .write_all(&body[half..])
            .expect("the rest of the body");
        let answer = read_to_close(stream);
        assert!(
            answer.starts_with("HTTP/1.1 401"),
            "a request in flight got no answer: {answer:?}"
        );
        answered += 1;
    }
    assert_eq!(
        read_to_close(&mut idle),
        "",
        "the idle connection is closed"
    );

    let status = server.wait(Duration::from_secs(10));
    assert_eq!(status.code(), Some(0), "{status:?}");
    let printed = server.printed().join("\n");
    assert!(
        printed.contains("asked to stop") && printed.contains("SIGTERM"),
        "no shutdown line: {printed}"
    );
    assert!(printed.contains("every connection closed"), "{printed}");
    println!("requests in flight at SIGTERM: 3, answered: {answered}, exit status 0");
}

/// How long until the server ends a connection that sends `start` and then `trickle` (one byte
/// every `every`), and what it answered.
fn time_until_cut(
    server: &Server,
    start: &[u8],
    trickle: &[u8],
    every: Duration,
) -> (Duration, String) {
    let mut stream = server.connect();
    let began = Instant::now();
    stream.write_all(start).expect("the start is sent");
    stream
        .set_read_timeout(Some(every))
        .expect("a read timeout");
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    let mut next = trickle.iter();
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buffer[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                if let Some(byte) = next.next() {
                    if stream.write_all(&[*byte]).is_err() {
                        break;
                    }
                }
            }
            Err(_) => break,
        }
        assert!(
            began.elapsed() < Duration::from_secs(60),
            "the connection is still open after a minute"
        );
    }
    (
        began.elapsed(),
        String::from_utf8_lossy(&answer).into_owned(),
    )
}

#[test]
fn slow_heads_stalled_bodies_and_bodies_sent_a_byte_at_a_time_are_cut_at_their_timeouts() {
    let server = Server::start(&[
        ("DH_HEADER_TIMEOUT_SECONDS", "2"),
        ("DH_BODY_TIMEOUT_SECONDS", "2"),
        ("DH_REQUEST_TIMEOUT_SECONDS", "4"),
    ]);
    let second = Duration::from_secs(1);
    let within = |elapsed: Duration, low: u64, high: u64| {
        elapsed >= Duration::from_millis(low * 1000 - 300) && elapsed <= Duration::from_secs(high)
    };

    // A body sent a byte every 200 ms never pauses 2 s, but the request's deadline cuts it.
    let body = vec![b' '; 10_000];
    let (elapsed, answer) = time_until_cut(
        &server,
        booking_head(body.len()).as_bytes(),
        &body,
        Duration::from_millis(200),
    );
    println!(
        "a body sent a byte every 200 ms was cut after {elapsed:.1?}: {}",
        first_line(&answer)
    );
    assert!(within(elapsed, 4, 8), "{elapsed:?}");
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");

    // A body that stops is cut at the body timeout.
    let (elapsed, answer) = time_until_cut(&server, booking_head(100).as_bytes(), b"", second);
    println!(
        "a stalled body was cut after {elapsed:.1?}: {}",
        first_line(&answer)
    );
    assert!(within(elapsed, 2, 5), "{elapsed:?}");
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");

    // A head sent slowly, and a connection that sends nothing, are closed at the header timeout.
    let head = b"GET /api/health HTTP/1.1\r\nHost: test\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let (elapsed, answer) = time_until_cut(
        &server,
        b"GET /api/health HTTP/1.1\r\n",
        head,
        Duration::from_millis(200),
    );
    println!("a head sent a byte every 200 ms was cut after {elapsed:.1?}");
    assert!(within(elapsed, 2, 5), "{elapsed:?} {answer}");
    let (elapsed, answer) = time_until_cut(&server, b"", b"", second);
    println!("an idle connection was closed after {elapsed:.1?}");
    assert!(within(elapsed, 2, 5), "{elapsed:?} {answer}");
}

fn first_line(answer: &str) -> &str {
    answer.lines().next().unwrap_or("(nothing)")
}

#[test]
fn connections_over_the_cap_wait_until_one_closes() {
    let server = Server::start(&[
        ("DH_MAX_CONNECTIONS", "2"),
        ("DH_HEADER_TIMEOUT_SECONDS", "2"),
    ]);
    let _first = server.connect();
    let _second = server.connect();
    std::thread::sleep(Duration::from_millis(200));
    let began = Instant::now();
    let mut third = server.connect();
    third
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        .expect("the request is sent");
    let answer = read_to_close(&mut third);
    let waited = began.elapsed();
    println!("the third connection was answered after {waited:.1?}");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        waited >= Duration::from_millis(1500),
        "the third connection was served at once: {waited:?}"
    );
}

#[test]
fn the_content_security_policy_allows_the_built_pages_loader_script_by_its_hash() {
    let server = Server::start(&[]);
    let expected = format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(LOADER.as_bytes()))
    );
    for path in ["/", "/homes/xc-01", "/office/queue", "/api/health"] {
        let headers = head_of(&server, path);
        let csp = header_value(&headers, "content-security-policy")
            .unwrap_or_else(|| panic!("{path} has no CSP: {headers}"));
        assert!(
            csp.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {expected}")),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert_eq!(header_value(&headers, "strict-transport-security"), None);
    }
}

#[test]
fn hsts_is_sent_only_when_the_site_is_served_over_tls() {
    let server = Server::start(&[("DH_SECURE_COOKIES", "1")]);
    let headers = head_of(&server, "/api/health");
    assert_eq!(
        header_value(&headers, "strict-transport-security").as_deref(),
        Some("max-age=31536000"),
        "{headers}"
    );
}

/// The status line and headers of a GET.
fn head_of(server: &Server, path: &str) -> String {
    let mut stream = server.connect();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
    )
    .expect("the request is sent");
    let answer = read_to_close(&mut stream);
    answer
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn header_value(head: &str, name: &str) -> Option<String> {
    head.lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().to_owned())
    })
}
