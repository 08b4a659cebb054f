//! Tencent Cloud's SMS gateway: `SendSms` of API version 2021-01-11, a POST of JSON signed with
//! TC3-HMAC-SHA256 (Tencent Cloud API signature v3). It sends a message's template id and
//! parameters; the gateway adds the sign name and the approved wording.

use crate::outbox::templates::Message;
use crate::outbox::{Outgoing, Sender};
use crate::platform::config::TencentSmsSettings;
use anyhow::Context;
use deputy_homes_api::accounts::MobileNumber;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const SERVICE: &str = "sms";
const ACTION: &str = "SendSms";
const VERSION: &str = "2021-01-11";
const CONTENT_TYPE: &str = "application/json; charset=utf-8";
/// Longest wait for the gateway's answer; within the worker's own limit for one send.
const TIMEOUT: Duration = Duration::from_secs(20);

/// What TC3-HMAC-SHA256 signs of a POST: the headers `content-type` and `host`, and the body.
#[derive(Debug, Clone, Copy)]
pub struct SignedRequest<'a> {
    /// The product's service name, e.g. `sms` (the first label of its host).
    pub service: &'a str,
    /// The `Host` header as sent, with the port when it is not the scheme's.
    pub host: &'a str,
    pub content_type: &'a str,
    pub payload: &'a str,
    /// Unix seconds, sent as `X-TC-Timestamp`; its UTC date goes into the signature.
    pub timestamp: i64,
}

/// Lowercase hex of SHA-256.
fn sha256_hex(data: &str) -> String {
    hex::encode(Sha256::digest(data.as_bytes()))
}

fn hmac_sha256(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

impl SignedRequest<'_> {
    /// The UTC date of the timestamp, `YYYY-MM-DD`.
    fn date(&self) -> String {
        let date = time::OffsetDateTime::from_unix_timestamp(self.timestamp)
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
            .date();
        format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        )
    }

    /// Step 1: method, path, empty query, the signed headers, their names and the body's hash.
    fn canonical_request(&self) -> String {
        format!(
            "POST\n/\n\ncontent-type:{}\nhost:{}\n\ncontent-type;host\n{}",
            self.content_type.to_lowercase(),
            self.host.to_lowercase(),
            sha256_hex(self.payload)
        )
    }

    /// Step 2: the algorithm, the timestamp, the credential scope and the canonical request's
    /// hash.
    fn string_to_sign(&self) -> String {
        format!(
            "TC3-HMAC-SHA256\n{}\n{}/{}/tc3_request\n{}",
            self.timestamp,
            self.date(),
            self.service,
            sha256_hex(&self.canonical_request())
        )
    }

    /// Steps 3 and 4: the key derived from the secret key, the date and the service signs the
    /// string; the `Authorization` header names the key's id, the scope and the signed headers.
    pub fn authorization(&self, secret_id: &str, secret_key: &str) -> String {
        let date = self.date();
        let secret_date = hmac_sha256(format!("TC3{secret_key}").as_bytes(), &date);
        let secret_service = hmac_sha256(&secret_date, self.service);
        let secret_signing = hmac_sha256(&secret_service, "tc3_request");
        let signature = hex::encode(hmac_sha256(&secret_signing, &self.string_to_sign()));
        format!(
            "TC3-HMAC-SHA256 Credential={secret_id}/{date}/{}/tc3_request, \
             SignedHeaders=content-type;host, Signature={signature}",
            self.service
        )
    }
}

/// Sends each message through Tencent Cloud SMS.
#[derive(Debug, Clone)]
pub struct TencentSmsSender {
    settings: TencentSmsSettings,
    url: reqwest::Url,
    /// The `Host` header, signed and sent.
    host: String,
    client: reqwest::Client,
}

impl TencentSmsSender {
    /// A sender with these settings; refuses an endpoint that is no http(s) URL.
    pub fn new(settings: TencentSmsSettings) -> anyhow::Result<TencentSmsSender> {
        let url = reqwest::Url::parse(&settings.endpoint)
            .ok()
            .filter(|url| matches!(url.scheme(), "https" | "http"))
            .with_context(|| format!("DH_SMS_ENDPOINT {:?} is no URL", settings.endpoint))?;
        let name = url.host_str().context("DH_SMS_ENDPOINT names no host")?;
        let host = match url.port() {
            Some(port) => format!("{name}:{port}"),
            None => name.to_owned(),
        };
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .context("cannot build the HTTPS client")?;
        Ok(TencentSmsSender {
            settings,
            url,
            host,
            client,
        })
    }

    /// The body of `SendSms` for one message to one mainland phone.
    fn payload(&self, phone: &str, message: &Message) -> anyhow::Result<String> {
        let name = message.template().name();
        let template_id = self
            .settings
            .template_ids
            .get(name)
            .with_context(|| format!("DH_SMS_TEMPLATE_IDS has no id for {name}"))?;
        Ok(json!({
            "PhoneNumberSet": [format!("+86{phone}")],
            "SmsSdkAppId": self.settings.sdk_app_id,
            "SignName": self.settings.sign_name,
            "TemplateId": template_id,
            "TemplateParamSet": message.values(),
        })
        .to_string())
    }
}

impl Sender for TencentSmsSender {
    async fn send(&self, notification: &Outgoing) -> anyhow::Result<()> {
        let message = Message::of(notification)?
            .context("written before templates: it has no template to send it by")?;
        let payload = self.payload(&notification.phone, &message)?;
        // The gateway refuses a timestamp more than five minutes from its own clock, so this is
        // the machine's time, not the app's clock (which tests move).
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        let signed = SignedRequest {
            service: SERVICE,
            host: &self.host,
            content_type: CONTENT_TYPE,
            payload: &payload,
            timestamp,
        };
        let authorization =
            signed.authorization(&self.settings.secret_id, &self.settings.secret_key);
        let answer = self
            .client
            .post(self.url.clone())
            .header(reqwest::header::AUTHORIZATION, authorization)
            .header(reqwest::header::CONTENT_TYPE, CONTENT_TYPE)
            .header(reqwest::header::HOST, &self.host)
            .header("X-TC-Action", ACTION)
            .header("X-TC-Version", VERSION)
            .header("X-TC-Timestamp", timestamp.to_string())
            .header("X-TC-Region", &self.settings.region)
            .body(payload)
            .send()
            .await
            .context("Tencent Cloud SMS did not answer")?;
        let status = answer.status();
        let outcome = match answer.json::<Value>().await {
            Ok(body) => verdict(&body),
            Err(_) => Err(anyhow::anyhow!("answered {status} without JSON")),
        };
        outcome.map_err(|e| {
            let masked = MobileNumber::parse(&notification.phone)
                .map(|m| m.masked())
                .unwrap_or_default();
            // The gateway's own words may quote the number; only the masked one goes further.
            let error = format!("Tencent Cloud SMS: {e:#}").replace(&notification.phone, &masked);
            tracing::warn!(target: "notify", id = notification.id, phone = %masked, error, "text message not sent");
            anyhow::anyhow!(error)
        })
    }
}

/// Whether `SendSms` answered that the message was sent: no `Error`, and the one number's status
/// `Ok`; otherwise the gateway's code and message.
fn verdict(body: &Value) -> anyhow::Result<()> {
    let response = &body["Response"];
    let code_and_message = |v: &Value| {
        let text = |field: &str| v[field].as_str().unwrap_or_default().to_owned();
        format!("{} {}", text("Code"), text("Message"))
    };
    if let Some(error) = response.get("Error") {
        anyhow::bail!("refused: {}", code_and_message(error));
    }
    let status = response["SendStatusSet"]
        .get(0)
        .context("answered without a SendStatusSet")?;
    match status["Code"].as_str() {
        Some("Ok") => Ok(()),
        _ => anyhow::bail!("not sent: {}", code_and_message(status)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::templates::Template;
    use axum::extract::State;
    use axum::http::HeaderMap;
    use axum::Json;
    use deputy_homes_api::platform::outbox::NotificationKind;
    use std::sync::{Arc, Mutex};

    /// Tencent Cloud's worked example of signature v3 ("Signature v3" / 签名方法 v3, the same
    /// page under every product, e.g. https://www.tencentcloud.com/zh/document/api/1021/34193):
    /// DescribeInstances of CVM, POSTed at 1551113065 with these keys and this body; the page
    /// gives the body's hash, the canonical request's hash and the Authorization below. (Newer
    /// versions of the page mask the SecretId, which the signature does not depend on, but still
    /// derive the key from `Gu5t9xGARNpq86cd98joQYCN3EXAMPLE` and give the same signature.)
    #[test]
    fn the_signature_reproduces_tencent_clouds_documented_example() {
        let payload = r#"{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}"#;
        let request = SignedRequest {
            service: "cvm",
            host: "cvm.tencentcloudapi.com",
            content_type: "application/json; charset=utf-8",
            payload,
            timestamp: 1551113065,
        };
        assert_eq!(
            sha256_hex(payload),
            "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"
        );
        assert_eq!(
            sha256_hex(&request.canonical_request()),
            "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"
        );
        assert_eq!(
            request.authorization(
                "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
                "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
            ),
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, \
             SignedHeaders=content-type;host, \
             Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"
        );
    }

    #[test]
    fn the_date_signed_is_the_utc_date_of_the_timestamp() {
        // 2019-02-26 00:44:25 in Beijing is still the 25th in UTC, as the documentation warns.
        let request = SignedRequest {
            service: "sms",
            host: "h",
            content_type: CONTENT_TYPE,
            payload: "",
            timestamp: 1551113065,
        };
        assert_eq!(request.date(), "2019-02-25");
    }

    const SECRET_ID: &str = "AKIDlocaltest";
    const SECRET_KEY: &str = "local-test-key";
    const PHONE: &str = "13800138000";

    /// A local stand-in for the gateway: it checks each request's signature with the keys it
    /// shares with the sender, as Tencent Cloud does, records the request and gives its answer.
    struct Gateway {
        requests: Mutex<Vec<Value>>,
        answer: Value,
    }

    async fn gateway_answer(
        State(gateway): State<Arc<Gateway>>,
        headers: HeaderMap,
        body: String,
    ) -> Json<Value> {
        let header = |name: &str| {
            let value = headers.get(name).and_then(|v| v.to_str().ok());
            value.unwrap_or_default().to_owned()
        };
        let expected = SignedRequest {
            service: "sms",
            host: &header("host"),
            content_type: &header("content-type"),
            payload: &body,
            timestamp: header("x-tc-timestamp").parse().unwrap_or_default(),
        }
        .authorization(SECRET_ID, SECRET_KEY);
        gateway.requests.lock().expect("the record").push(json!({
            "action": header("x-tc-action"),
            "version": header("x-tc-version"),
            "region": header("x-tc-region"),
            "body": serde_json::from_str::<Value>(&body).unwrap_or_default(),
        }));
        if header("authorization") != expected {
            return Json(json!({"Response": {"Error": {
                "Code": "AuthFailure.SignatureFailure",
                "Message": "The provided credentials could not be validated."
            }, "RequestId": "r1"}}));
        }
        Json(gateway.answer.clone())
    }

    /// Starts a gateway on a free local port; returns its URL and its record.
    async fn start_gateway(answer: Value) -> (String, Arc<Gateway>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let url = format!("http://{}/", listener.local_addr().expect("its address"));
        let gateway = Arc::new(Gateway {
            requests: Mutex::default(),
            answer,
        });
        let app = axum::Router::new()
            .route("/", axum::routing::post(gateway_answer))
            .with_state(Arc::clone(&gateway));
        tokio::spawn(async move { axum::serve(listener, app).await });
        (url, gateway)
    }

    fn sender(endpoint: &str, secret_key: &str) -> TencentSmsSender {
        let template_ids = Template::ALL.iter().enumerate();
        let template_ids =
            template_ids.map(|(i, t)| (t.name().to_owned(), format!("{}", 2000 + i)));
        TencentSmsSender::new(TencentSmsSettings {
            secret_id: SECRET_ID.to_owned(),
            secret_key: secret_key.to_owned(),
            sdk_app_id: "1400000001".to_owned(),
            sign_name: "人大代表之家".to_owned(),
            template_ids: template_ids.collect(),
            endpoint: endpoint.to_owned(),
            region: "ap-guangzhou".to_owned(),
        })
        .expect("a sender")
    }

    fn outgoing(message: &Message) -> Outgoing {
        let stored = message.stored();
        Outgoing {
            id: "n1".to_owned(),
            kind: stored.kind,
            booking_code: None,
            tracking_number: None,
            phone: PHONE.to_owned(),
            message: stored.text,
            template: Some(stored.template.to_owned()),
            parameters: Some(stored.parameters),
            attempts: 0,
        }
    }

    fn sent() -> Value {
        json!({"Response": {"SendStatusSet": [{
            "SerialNo": "5000:1045710669157053657849499619", "PhoneNumber": "+8613800138000",
            "Fee": 1, "SessionContext": "", "Code": "Ok", "Message": "send success",
            "IsoCode": "CN"
        }], "RequestId": "r2"}})
    }

    #[tokio::test]
    async fn a_message_goes_to_the_gateway_signed_as_its_template_id_and_parameters() {
        let (url, gateway) = start_gateway(sent()).await;
        let code = Message::new(Template::VerificationCode, ["493817", "10"]);
        sender(&url, SECRET_KEY)
            .send(&outgoing(&code))
            .await
            .expect("the gateway checked the signature and sent it");
        let requests = gateway.requests.lock().expect("the record").clone();
        assert_eq!(
            requests,
            [json!({
                "action": "SendSms",
                "version": "2021-01-11",
                "region": "ap-guangzhou",
                "body": {
                    "PhoneNumberSet": ["+8613800138000"],
                    "SmsSdkAppId": "1400000001",
                    "SignName": "人大代表之家",
                    "TemplateId": "2015",
                    "TemplateParamSet": ["493817", "10"],
                }
            })]
        );
    }

    #[tokio::test]
    async fn a_request_signed_with_another_key_is_refused_and_counts_as_not_sent() {
        let (url, gateway) = start_gateway(sent()).await;
        let accepted = Message::new(Template::OpinionAccepted, ["YJ20261128-0001"]);
        let error = sender(&url, "another-key")
            .send(&outgoing(&accepted))
            .await
            .expect_err("the signature does not match");
        assert!(
            format!("{error:#}").contains("AuthFailure.SignatureFailure"),
            "{error:#}"
        );
        let requests = gateway.requests.lock().expect("the record").clone();
        assert_eq!(requests[0]["body"]["TemplateId"], "2008");
        assert_eq!(
            requests[0]["body"]["TemplateParamSet"],
            json!(["YJ20261128-0001"])
        );
    }

    #[tokio::test]
    async fn an_error_code_from_the_gateway_is_a_failed_send_that_never_names_the_whole_phone() {
        let refusal = json!({"Response": {"SendStatusSet": [{
            "PhoneNumber": "+8613800138000", "Code": "LimitExceeded.PhoneNumberDailyLimit",
            "Message": "+8613800138000 reached its daily limit"
        }], "RequestId": "r3"}});
        let (url, _gateway) = start_gateway(refusal).await;
        let accepted = Message::new(Template::OpinionClosed, ["YJ20261128-0001"]);
        let error = sender(&url, SECRET_KEY)
            .send(&outgoing(&accepted))
            .await
            .expect_err("an error code is a failed send");
        let error = format!("{error:#}");
        assert!(
            error.contains("LimitExceeded.PhoneNumberDailyLimit"),
            "{error}"
        );
        assert!(!error.contains(PHONE), "{error}");
        assert!(error.contains("138******00"), "{error}");
    }

    #[tokio::test]
    async fn a_message_written_before_templates_cannot_go_through_the_gateway() {
        let (url, gateway) = start_gateway(sent()).await;
        let mut old = outgoing(&Message::new(Template::OpinionClosed, ["YJ1"]));
        (old.template, old.parameters) = (None, None);
        assert_eq!(old.kind, NotificationKind::OpinionClosed);
        assert!(sender(&url, SECRET_KEY).send(&old).await.is_err());
        assert!(gateway.requests.lock().expect("the record").is_empty());
    }
}
