//! The current time in Hohhot, from the browser's clock.

use deputy_homes_api::platform::time::{shanghai_local, LocalTime};

/// Now, as a weekday and minute in Asia/Shanghai.
pub fn now_in_hohhot() -> LocalTime {
    shanghai_local(web_sys::js_sys::Date::now() as i64)
}
