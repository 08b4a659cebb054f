//! The sender a server runs with, as `DH_SMS_PROVIDER` chose: the log (the default) or Tencent
//! Cloud SMS.

use crate::outbox::tencent::TencentSmsSender;
use crate::outbox::{LogSender, Outgoing, Sender};
use crate::platform::config::SmsSettings;

/// The sender `DH_SMS_PROVIDER` names.
#[derive(Debug, Clone)]
pub enum ConfiguredSender {
    Log(LogSender),
    Tencent(Box<TencentSmsSender>),
}

impl ConfiguredSender {
    /// The sender of these settings.
    pub fn new(settings: &SmsSettings) -> anyhow::Result<ConfiguredSender> {
        Ok(match settings {
            SmsSettings::Log => ConfiguredSender::Log(LogSender),
            SmsSettings::Tencent(tencent) => {
                ConfiguredSender::Tencent(Box::new(TencentSmsSender::new(tencent.clone())?))
            }
        })
    }

    /// Where messages go, in words for the start-up line.
    pub fn describe(&self) -> &'static str {
        match self {
            ConfiguredSender::Log(_) => {
                "text messages (and verification codes) are written to the log, target notify \
                 (set DH_SMS_PROVIDER=tencent to send them)"
            }
            ConfiguredSender::Tencent(_) => "text messages are sent through Tencent Cloud SMS",
        }
    }
}

impl Sender for ConfiguredSender {
    async fn send(&self, notification: &Outgoing) -> anyhow::Result<()> {
        match self {
            ConfiguredSender::Log(sender) => sender.send(notification).await,
            ConfiguredSender::Tencent(sender) => sender.send(notification).await,
        }
    }
}
