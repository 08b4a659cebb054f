//! The time in Hohhot: now, from the browser's clock, and a moment as the pages write it.

pub use deputy_homes_api::platform::time::local_time;
use deputy_homes_api::platform::time::{shanghai_local, LocalTime};

/// Now, as a weekday and minute in Asia/Shanghai.
pub fn now_in_hohhot() -> LocalTime {
    shanghai_local(web_sys::js_sys::Date::now() as i64)
}
