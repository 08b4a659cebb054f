//! A burst of simultaneous bookings against a running server (see `scripts/burst.sh`, which
//! starts one on a fresh database): signs in as staff, makes a delegate, publishes a 10-seat
//! activity, sends N bookings with distinct phones at the same moment, and prints how long they
//! took and how they were answered. Prints figures; the only check is that exactly 10 were
//! given a seat.
//!
//! A booking needs the phone's session, which a text code starts; the burst writes the N
//! sessions straight into the server's database beforehand (DATABASE_URL), as N verified phones
//! would have them. Each citizen comes from an address of its own (`X-Forwarded-For`, for a
//! server started with `DH_TRUST_FORWARDED_FOR=1`), as phones on their own networks do.
//!
//! `cargo run --release -p deputy-homes-server --example burst -- BASE_URL STAFF_LOGIN PASSWORD DATABASE_URL [N]`

use deputy_homes_api::meetings::activity::format_date;
use deputy_homes_api::platform::time::SHANGHAI_OFFSET_MINUTES;
use deputy_homes_server::citizens::store::session_insert;
use deputy_homes_server::platform::auth::{random_token, token_hash, CITIZEN_COOKIE, CSRF_HEADER};
use deputy_homes_server::platform::db::Db;
use reqwest::header::{COOKIE, SET_COOKIE};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::Barrier;

const SEATS: u32 = 10;

/// The session cookie and anti-forgery token of a sign-in.
struct Session {
    cookie: String,
    csrf: String,
}

async fn sign_in(
    client: &Client,
    base: &str,
    login: &str,
    password: &str,
) -> anyhow::Result<Session> {
    let response = client
        .post(format!("{base}/api/session"))
        .json(&json!({ "login": login, "password": password }))
        .send()
        .await?;
    let cookie = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("dh_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned);
    let status = response.status();
    let body: Value = response.json().await?;
    anyhow::ensure!(
        status == StatusCode::OK,
        "signing in as {login}: {status} {body}"
    );
    Ok(Session {
        cookie: cookie.ok_or_else(|| anyhow::anyhow!("no session cookie"))?,
        csrf: body["csrf_token"].as_str().unwrap_or_default().to_owned(),
    })
}

async fn post(
    client: &Client,
    session: &Session,
    url: String,
    body: Value,
) -> anyhow::Result<Value> {
    let response = client
        .post(url.clone())
        .header(COOKIE, &session.cookie)
        .header("x-csrf-token", &session.csrf)
        .json(&body)
        .send()
        .await?;
    let status = response.status();
    let body: Value = response.json().await?;
    anyhow::ensure!(status.is_success(), "{url}: {status} {body}");
    Ok(body)
}

fn hohhot_date_in(days: i64) -> String {
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default();
    let today = (now_ms.div_euclid(60_000) + SHANGHAI_OFFSET_MINUTES).div_euclid(1440);
    format_date(today + days)
}

/// Starts a phone's session for each citizen, as verifying a text code does.
async fn citizen_sessions(database_url: &str, citizens: usize) -> anyhow::Result<Vec<Session>> {
    let db = Db::connect(database_url).await?;
    let now_ms = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis() as i64;
    let mut tx = db.begin().await?;
    let mut sessions = Vec::with_capacity(citizens);
    for i in 0..citizens {
        let (token, csrf) = (random_token(), random_token());
        let phone = phone(i);
        let expires = now_ms + 86_400_000;
        session_insert(&mut tx, &token_hash(&token), &phone, &csrf, now_ms, expires).await?;
        sessions.push(Session {
            cookie: format!("{CITIZEN_COOKIE}={token}"),
            csrf,
        });
    }
    tx.commit().await?;
    Ok(sessions)
}

fn phone(i: usize) -> String {
    format!("139{i:08}")
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, login, password, database_url, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: burst BASE_URL STAFF_LOGIN PASSWORD DATABASE_URL [N]");
    };
    let citizens: usize = rest.first().map(|n| n.parse()).transpose()?.unwrap_or(1000);
    let client = Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(citizens)
        .timeout(Duration::from_secs(120))
        .build()?;

    let staff = sign_in(&client, base, login, password).await?;
    let delegate_password = "burst delegate password";
    post(
        &client,
        &staff,
        format!("{base}/api/accounts"),
        json!({
            "username": "burst.delegate",
            "display_name": "压测代表",
            "role": "delegate",
            "password": delegate_password,
            "home_ids": ["xc-01"],
        }),
    )
    .await?;
    let delegate = sign_in(&client, base, "burst.delegate", delegate_password).await?;
    let created = post(
        &client,
        &delegate,
        format!("{base}/api/homes/xc-01/activities"),
        json!({
            "kind": "reception",
            "date": hohhot_date_in(2),
            "start": "09:00",
            "end": "11:00",
            "capacity": SEATS,
            "topic": "压力测试",
        }),
    )
    .await?;
    let activity_id = created[0]["id"].as_str().unwrap_or_default().to_owned();

    let sessions = citizen_sessions(database_url, citizens).await?;
    let barrier = Arc::new(Barrier::new(citizens + 1));
    let mut tasks = Vec::with_capacity(citizens);
    for (i, session) in sessions.into_iter().enumerate() {
        let (client, barrier) = (client.clone(), Arc::clone(&barrier));
        let url = format!("{base}/api/activities/{activity_id}/bookings");
        let body = json!({
            "name": "市民",
            "phone": phone(i),
            "topic": "停车",
            "consent": true,
        });
        let address = format!("10.{}.{}.{}", i / 65536, i / 256 % 256, i % 256);
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let answer = client
                .post(url)
                .header(COOKIE, session.cookie)
                .header(CSRF_HEADER, session.csrf)
                .header("x-forwarded-for", address)
                .json(&body)
                .send()
                .await;
            match answer {
                Ok(response) => {
                    let status = response.status();
                    let body: Value = response.json().await.unwrap_or(Value::Null);
                    match (status, body["status"].as_str()) {
                        (StatusCode::CREATED, Some(s)) => s.to_owned(),
                        _ => format!("refused {status} {}", body["code"].as_str().unwrap_or("")),
                    }
                }
                Err(e) => format!(
                    "no answer ({})",
                    if e.is_timeout() { "timeout" } else { "error" }
                ),
            }
        }));
    }
    barrier.wait().await;
    let started = Instant::now();
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    for task in tasks {
        *tally.entry(task.await?).or_default() += 1;
    }
    let elapsed = started.elapsed();

    let count = |k: &str| tally.get(k).copied().unwrap_or(0);
    let (booked, waitlisted) = (count("booked"), count("waitlisted"));
    println!("{citizens} simultaneous bookings of a {SEATS}-seat activity: all answered in {elapsed:.2?}");
    println!(
        "booked: {booked}   waitlisted: {waitlisted}   refused: {}",
        citizens - booked - waitlisted
    );
    for (outcome, n) in tally
        .iter()
        .filter(|(k, _)| *k != "booked" && *k != "waitlisted")
    {
        println!("  {outcome}: {n}");
    }
    let activity: Value = client
        .get(format!("{base}/api/activities/{activity_id}"))
        .send()
        .await?
        .json()
        .await?;
    println!("the activity shows seats_left = {}", activity["seats_left"]);
    if booked == SEATS as usize && activity["seats_left"] == 0 {
        println!("check: booked == {SEATS}: yes");
        Ok(())
    } else {
        println!("check: booked == {SEATS}: NO");
        std::process::exit(1)
    }
}
