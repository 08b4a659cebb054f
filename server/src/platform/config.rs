//! Settings, read once from the environment (README lists them all).

use crate::outbox::templates::Template;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (`DH_ADDR`, default 127.0.0.1:8080; port 0 picks a free one).
    pub addr: SocketAddr,
    /// `sqlite://path?mode=rwc` or `postgres://…` (`DH_DATABASE_URL`).
    pub database_url: String,
    /// The built app (`DH_DIST_DIR`, default `dist`).
    pub dist_dir: PathBuf,
    /// Register imported as sample data when the database has no homes (`DH_SAMPLE_REGISTER`,
    /// default `data/homes.csv`; empty to start with an empty register).
    pub sample_register: Option<PathBuf>,
    /// Mark the session cookie Secure (`DH_SECURE_COOKIES=1`; set it when serving over TLS).
    pub secure_cookies: bool,
    /// Session lifetime in hours (`DH_SESSION_HOURS`, default 12).
    pub session_hours: i64,
    /// With the sample register, create demo accounts on first start and print their passwords
    /// (`DH_DEMO_ACCOUNTS`, default 1; 0 to skip).
    pub demo_accounts: bool,
    /// With the sample register, create the living sample on first start: activities over the
    /// next four weeks and opinions along the handling chain (`DH_SAMPLE_DATA`, default 1; 0 to
    /// skip).
    pub sample_data: bool,
    /// Bookings close this many minutes before the start (`DH_BOOKING_NOTICE_MINUTES`, default 60).
    pub booking_notice_minutes: i64,
    /// Most upcoming bookings per phone number (`DH_BOOKING_CAP`, default 3).
    pub booking_cap: i64,
    /// Seconds between passes of the notification worker (`DH_NOTIFY_INTERVAL_SECONDS`,
    /// default 5; 0 runs no worker in this process).
    pub notify_interval_seconds: u64,
    /// Most opinions one phone number may submit per hour (`DH_OPINION_LIMIT_PER_HOUR`,
    /// default 5).
    pub opinion_limit_per_phone: i64,
    /// Most opinions one client address may submit per hour (`DH_OPINION_IP_LIMIT_PER_HOUR`,
    /// default 20); photo uploads per address per hour may be 3 times as many.
    pub opinion_limit_per_ip: i64,
    /// Most citizens' phones one staff account may reveal per hour (`DH_REVEAL_LIMIT_PER_HOUR`,
    /// default 30).
    pub reveal_limit_per_hour: i64,
    /// Seconds between housekeeping passes (`DH_HOUSEKEEPING_INTERVAL_SECONDS`, default 3600; 0
    /// runs no housekeeping worker in this process).
    pub housekeeping_interval_seconds: u64,
    /// Days citizens' personal data is kept after the handling of their opinion or their
    /// booked activity ended (`DH_PERSONAL_DATA_RETENTION_DAYS`, default 1095, 3 years).
    pub personal_data_retention_days: u32,
    /// How many proxies of our own stand in front, each appending to `X-Forwarded-For`
    /// (`DH_TRUST_FORWARDED_FOR`, default 0: the socket's address is the client's); the client
    /// is the entry that many places from the right.
    pub forwarded_hops: usize,
    /// Working days a handling unit has to reply, counted from the assignment around weekends
    /// and the holiday calendar (`DH_OPINION_DUE_WORKING_DAYS`, default 60, about 3 months); an
    /// extension may reach twice as many (about 6 months).
    pub opinion_due_working_days: u32,
    /// Seconds a connection may take to send a request's head, counted from when it opened or
    /// was last answered (`DH_HEADER_TIMEOUT_SECONDS`, default 10).
    pub header_timeout_seconds: u64,
    /// Seconds a request may take from its head to its answer's head, body included
    /// (`DH_REQUEST_TIMEOUT_SECONDS`, default 30); a slower one is answered 503.
    pub request_timeout_seconds: u64,
    /// How long after another server's change this one may still answer public reads from what
    /// it read before (`DH_FRESH_WITHIN_MS`, default 100, 0 to 10000; 0: every public read checks
    /// the database first). This server's own changes show at once. See `fresh_read`.
    pub fresh_within_ms: u64,
    /// Seconds a request body may pause between two pieces (`DH_BODY_TIMEOUT_SECONDS`, default
    /// 15).
    pub body_timeout_seconds: u64,
    /// Most connections open at once (`DH_MAX_CONNECTIONS`, default 1024); more wait in the
    /// listen queue.
    pub max_connections: usize,
    /// Where text messages go (`DH_SMS_PROVIDER` and the `DH_SMS_*` settings).
    pub sms: SmsSettings,
    /// Most text-message codes one client address may ask for per hour
    /// (`DH_CODES_PER_ADDRESS_PER_HOUR`, default 20).
    pub codes_per_address_hour: i64,
    /// Most booking changes (book, cancel, move) one verified phone may make in any 24 hours
    /// (`DH_BOOKING_CHANGES_PER_PHONE_PER_DAY`, default 10).
    pub booking_changes_per_phone_day: i64,
    /// Most booking changes from one client address in any hour
    /// (`DH_BOOKING_CHANGES_PER_ADDRESS_PER_HOUR`, default 30).
    pub booking_changes_per_address_hour: i64,
}

/// Where text messages go: `DH_SMS_PROVIDER` is `log` (the default) or `tencent`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmsSettings {
    /// Written to the log (target `notify`), verification codes included.
    Log,
    /// Sent through Tencent Cloud's SMS API.
    Tencent(TencentSmsSettings),
}

/// Tencent Cloud SMS: the API keys, the SMS application, the approved sign name and the id of
/// each approved template.
#[derive(Clone, PartialEq, Eq)]
pub struct TencentSmsSettings {
    /// `DH_SMS_SECRET_ID`.
    pub secret_id: String,
    /// `DH_SMS_SECRET_KEY`.
    pub secret_key: String,
    /// `DH_SMS_SDK_APP_ID`, the SMS application's id (`1400…`).
    pub sdk_app_id: String,
    /// `DH_SMS_SIGN_NAME`, the approved sign name, e.g. `人大代表之家`.
    pub sign_name: String,
    /// `DH_SMS_TEMPLATE_IDS`: `booking_confirmed=123,booking_waitlisted=124,…`, one for every
    /// template of `outbox::templates`.
    pub template_ids: BTreeMap<String, String>,
    /// `DH_SMS_ENDPOINT`, default `https://sms.tencentcloudapi.com` (tests name a local server).
    pub endpoint: String,
    /// `DH_SMS_REGION`, default `ap-guangzhou`.
    pub region: String,
}

/// The key stays out of logs and panics.
impl std::fmt::Debug for TencentSmsSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TencentSmsSettings")
            .field("secret_id", &self.secret_id)
            .field("sdk_app_id", &self.sdk_app_id)
            .field("sign_name", &self.sign_name)
            .field("template_ids", &self.template_ids)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

impl SmsSettings {
    /// Reads `DH_SMS_PROVIDER` and, for a gateway, its settings; a gateway with any setting or
    /// template id missing is refused with the list of what is missing.
    pub fn from_vars(var: &dyn Fn(&str, &str) -> String) -> anyhow::Result<SmsSettings> {
        match var("DH_SMS_PROVIDER", "log").as_str() {
            "log" | "" => return Ok(SmsSettings::Log),
            "tencent" => {}
            other => anyhow::bail!("DH_SMS_PROVIDER must be log or tencent, not {other:?}"),
        }
        let mut missing = Vec::new();
        let mut required = |name: &str| {
            let value = var(name, "").trim().to_owned();
            if value.is_empty() {
                missing.push(name.to_owned());
            }
            value
        };
        let secret_id = required("DH_SMS_SECRET_ID");
        let secret_key = required("DH_SMS_SECRET_KEY");
        let sdk_app_id = required("DH_SMS_SDK_APP_ID");
        let sign_name = required("DH_SMS_SIGN_NAME");
        let template_ids = template_ids(&var("DH_SMS_TEMPLATE_IDS", ""))?;
        missing.extend(
            Template::ALL
                .iter()
                .filter(|t| !template_ids.contains_key(t.name()))
                .map(|t| format!("DH_SMS_TEMPLATE_IDS {}", t.name())),
        );
        if !missing.is_empty() {
            anyhow::bail!(
                "DH_SMS_PROVIDER=tencent needs these settings, which are missing: {}",
                missing.join(", ")
            );
        }
        Ok(SmsSettings::Tencent(TencentSmsSettings {
            secret_id,
            secret_key,
            sdk_app_id,
            sign_name,
            template_ids,
            endpoint: var("DH_SMS_ENDPOINT", "https://sms.tencentcloudapi.com"),
            region: var("DH_SMS_REGION", "ap-guangzhou"),
        }))
    }
}

/// `name=id,name=id` into a map, refusing names of no template.
fn template_ids(text: &str) -> anyhow::Result<BTreeMap<String, String>> {
    let mut ids = BTreeMap::new();
    for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, id) = pair
            .split_once('=')
            .map(|(n, i)| (n.trim(), i.trim()))
            .filter(|(_, id)| !id.is_empty())
            .ok_or_else(|| anyhow::anyhow!("DH_SMS_TEMPLATE_IDS: {pair:?} is not name=id"))?;
        if Template::from_name(name).is_none() {
            anyhow::bail!("DH_SMS_TEMPLATE_IDS: there is no template {name:?}");
        }
        ids.insert(name.to_owned(), id.to_owned());
    }
    Ok(ids)
}

impl Config {
    /// Reads the environment, with the defaults `./run` relies on.
    pub fn from_env() -> anyhow::Result<Config> {
        let var =
            |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
        let addr = var("DH_ADDR", "127.0.0.1:8080");
        let addr = addr.parse().map_err(|_| {
            anyhow::anyhow!("DH_ADDR must be an address like 127.0.0.1:8080, not {addr:?}")
        })?;
        let sample = var("DH_SAMPLE_REGISTER", "data/homes.csv");
        Ok(Config {
            addr,
            database_url: var("DH_DATABASE_URL", "sqlite://var/deputy-homes.db?mode=rwc"),
            dist_dir: var("DH_DIST_DIR", "dist").into(),
            sample_register: (!sample.is_empty()).then(|| sample.into()),
            secure_cookies: var("DH_SECURE_COOKIES", "0") == "1",
            session_hours: var("DH_SESSION_HOURS", "12")
                .parse()
                .ok()
                .filter(|h| *h > 0)
                .ok_or_else(|| {
                    anyhow::anyhow!("DH_SESSION_HOURS must be a whole number of hours above 0")
                })?,
            demo_accounts: var("DH_DEMO_ACCOUNTS", "1") != "0",
            sample_data: var("DH_SAMPLE_DATA", "1") != "0",
            booking_notice_minutes: var("DH_BOOKING_NOTICE_MINUTES", "60")
                .parse()
                .ok()
                .filter(|m| *m >= 0)
                .ok_or_else(|| {
                    anyhow::anyhow!("DH_BOOKING_NOTICE_MINUTES must be a whole number of minutes")
                })?,
            booking_cap: var("DH_BOOKING_CAP", "3")
                .parse()
                .ok()
                .filter(|c| *c > 0)
                .ok_or_else(|| anyhow::anyhow!("DH_BOOKING_CAP must be a whole number above 0"))?,
            notify_interval_seconds: var("DH_NOTIFY_INTERVAL_SECONDS", "5").parse().map_err(
                |_| anyhow::anyhow!("DH_NOTIFY_INTERVAL_SECONDS must be a whole number of seconds"),
            )?,
            opinion_limit_per_phone: positive(&var("DH_OPINION_LIMIT_PER_HOUR", "5")).ok_or_else(
                || anyhow::anyhow!("DH_OPINION_LIMIT_PER_HOUR must be a whole number above 0"),
            )?,
            opinion_limit_per_ip: positive(&var("DH_OPINION_IP_LIMIT_PER_HOUR", "20")).ok_or_else(
                || anyhow::anyhow!("DH_OPINION_IP_LIMIT_PER_HOUR must be a whole number above 0"),
            )?,
            reveal_limit_per_hour: positive(&var("DH_REVEAL_LIMIT_PER_HOUR", "30")).ok_or_else(
                || anyhow::anyhow!("DH_REVEAL_LIMIT_PER_HOUR must be a whole number above 0"),
            )?,
            housekeeping_interval_seconds: var("DH_HOUSEKEEPING_INTERVAL_SECONDS", "3600")
                .parse()
                .map_err(|_| {
                    anyhow::anyhow!(
                        "DH_HOUSEKEEPING_INTERVAL_SECONDS must be a whole number of seconds"
                    )
                })?,
            personal_data_retention_days: positive(&var("DH_PERSONAL_DATA_RETENTION_DAYS", "1095"))
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n <= 36_500)
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "DH_PERSONAL_DATA_RETENTION_DAYS must be a whole number from 1 to 36500"
                    )
                })?,
            forwarded_hops: var("DH_TRUST_FORWARDED_FOR", "0")
                .parse()
                .ok()
                .filter(|n| *n <= 10)
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "DH_TRUST_FORWARDED_FOR must be the number of proxies in front, 0 to 10"
                    )
                })?,
            opinion_due_working_days: positive(&var("DH_OPINION_DUE_WORKING_DAYS", "60"))
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n <= 1000)
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "DH_OPINION_DUE_WORKING_DAYS must be a whole number from 1 to 1000"
                    )
                })?,
            header_timeout_seconds: seconds(&var, "DH_HEADER_TIMEOUT_SECONDS", "10")?,
            request_timeout_seconds: seconds(&var, "DH_REQUEST_TIMEOUT_SECONDS", "30")?,
            body_timeout_seconds: seconds(&var, "DH_BODY_TIMEOUT_SECONDS", "15")?,
            fresh_within_ms: var("DH_FRESH_WITHIN_MS", "100")
                .parse()
                .ok()
                .filter(|n| *n <= 10_000)
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "DH_FRESH_WITHIN_MS must be a whole number of milliseconds from 0 to 10000"
                    )
                })?,
            max_connections: positive(&var("DH_MAX_CONNECTIONS", "1024"))
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| {
                    anyhow::anyhow!("DH_MAX_CONNECTIONS must be a whole number above 0")
                })?,
            sms: SmsSettings::from_vars(&var)?,
            codes_per_address_hour: positive(&var("DH_CODES_PER_ADDRESS_PER_HOUR", "20"))
                .ok_or_else(|| {
                    anyhow::anyhow!("DH_CODES_PER_ADDRESS_PER_HOUR must be a whole number above 0")
                })?,
            booking_changes_per_phone_day: whole_above_zero(
                &var,
                "DH_BOOKING_CHANGES_PER_PHONE_PER_DAY",
                "10",
            )?,
            booking_changes_per_address_hour: whole_above_zero(
                &var,
                "DH_BOOKING_CHANGES_PER_ADDRESS_PER_HOUR",
                "30",
            )?,
        })
    }
}

/// A whole number above 0, or `None`.
fn positive(text: &str) -> Option<i64> {
    text.parse().ok().filter(|n| *n > 0)
}

/// A whole number above 0, from a variable.
fn whole_above_zero(
    var: &dyn Fn(&str, &str) -> String,
    name: &str,
    default: &str,
) -> anyhow::Result<i64> {
    positive(&var(name, default))
        .ok_or_else(|| anyhow::anyhow!("{name} must be a whole number above 0"))
}

/// A whole number of seconds from 1 to a day, from a variable.
fn seconds(var: &dyn Fn(&str, &str) -> String, name: &str, default: &str) -> anyhow::Result<u64> {
    positive(&var(name, default))
        .and_then(|n| u64::try_from(n).ok())
        .filter(|n| *n <= 86_400)
        .ok_or_else(|| anyhow::anyhow!("{name} must be a whole number of seconds from 1 to 86400"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<SmsSettings> {
        let var = |name: &str, default: &str| {
            let set = vars.iter().find(|(n, _)| *n == name);
            set.map_or(default, |(_, v)| v).to_owned()
        };
        SmsSettings::from_vars(&var)
    }

    fn all_template_ids() -> String {
        let pairs = Template::ALL.iter().enumerate();
        let pairs = pairs.map(|(i, t)| format!("{}={}", t.name(), 100 + i));
        pairs.collect::<Vec<_>>().join(",")
    }

    #[test]
    fn text_messages_go_to_the_log_unless_a_provider_is_named() {
        assert_eq!(settings(&[]).unwrap(), SmsSettings::Log);
        assert_eq!(
            settings(&[("DH_SMS_PROVIDER", "log")]).unwrap(),
            SmsSettings::Log
        );
        assert!(settings(&[("DH_SMS_PROVIDER", "aliyun")]).is_err());
    }

    #[test]
    fn tencent_with_settings_missing_is_refused_with_the_list_of_what_is_missing() {
        let error = settings(&[
            ("DH_SMS_PROVIDER", "tencent"),
            ("DH_SMS_SECRET_ID", "AKID1"),
            ("DH_SMS_SIGN_NAME", "人大代表之家"),
            (
                "DH_SMS_TEMPLATE_IDS",
                "booking_confirmed=1,verification_code=2",
            ),
        ])
        .unwrap_err()
        .to_string();
        for missing in [
            "DH_SMS_SECRET_KEY",
            "DH_SMS_SDK_APP_ID",
            "DH_SMS_TEMPLATE_IDS booking_waitlisted",
            "DH_SMS_TEMPLATE_IDS opinion_published",
        ] {
            assert!(error.contains(missing), "{error} lacks {missing}");
        }
        assert!(!error.contains("DH_SMS_SECRET_ID,"), "{error}");
        assert!(!error.contains("verification_code"), "{error}");
    }

    #[test]
    fn tencent_with_every_setting_is_read_with_its_defaults() {
        let ids = all_template_ids();
        let read = settings(&[
            ("DH_SMS_PROVIDER", "tencent"),
            ("DH_SMS_SECRET_ID", "AKID1"),
            ("DH_SMS_SECRET_KEY", "key"),
            ("DH_SMS_SDK_APP_ID", "1400000000"),
            ("DH_SMS_SIGN_NAME", "人大代表之家"),
            ("DH_SMS_TEMPLATE_IDS", &ids),
        ])
        .unwrap();
        let SmsSettings::Tencent(tencent) = read else {
            panic!("tencent settings");
        };
        assert_eq!(tencent.endpoint, "https://sms.tencentcloudapi.com");
        assert_eq!(tencent.region, "ap-guangzhou");
        assert_eq!(tencent.template_ids["verification_code"], "115");
        assert!(
            !format!("{tencent:?}").contains("key\""),
            "the key is not printed"
        );
        let unknown = format!("{ids},fax=9");
        assert!(settings(&[
            ("DH_SMS_PROVIDER", "tencent"),
            ("DH_SMS_TEMPLATE_IDS", &unknown)
        ])
        .unwrap_err()
        .to_string()
        .contains("fax"));
    }
}
