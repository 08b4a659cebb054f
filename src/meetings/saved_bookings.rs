//! "My bookings": the bookings made on this device (code, phone and activity), kept in its local
//! storage. Nothing leaves the device.

use crate::kit::device_store;

/// One remembered booking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub code: String,
    /// The mobile number as the server stores it (11 digits).
    pub phone: String,
    pub activity_id: String,
}

const KEY: &str = "deputy-homes.bookings";

/// The bookings remembered on this device, newest first.
pub fn load() -> Vec<Saved> {
    device_store::load(KEY, 3)
        .into_iter()
        .map(|mut e| Saved {
            activity_id: e.pop().unwrap_or_default(),
            phone: e.pop().unwrap_or_default(),
            code: e.pop().unwrap_or_default(),
        })
        .collect()
}

/// Remembers a booking (or its new activity after a move), newest first.
pub fn remember(saved: Saved) {
    device_store::remember(KEY, 3, vec![saved.code, saved.phone, saved.activity_id]);
}

/// Forgets a booking on this device (the booking on the server is untouched).
pub fn forget(code: &str) {
    device_store::forget(KEY, 3, code);
}
