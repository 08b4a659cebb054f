//! Where new booking codes come from: random in production; tests may supply their own to
//! provoke a collision.

use deputy_homes_api::meetings::booking::{code_from_random, CODE_LENGTH};
use rand::RngCore;
use std::fmt;
use std::sync::Arc;

/// Makes booking codes.
#[derive(Clone)]
pub struct BookingCodes(Arc<dyn Fn() -> String + Send + Sync>);

impl BookingCodes {
    /// Codes from the operating system's random numbers.
    pub fn random() -> BookingCodes {
        BookingCodes(Arc::new(random_code))
    }

    /// Codes from a function (for tests).
    pub fn from_fn(next: impl Fn() -> String + Send + Sync + 'static) -> BookingCodes {
        BookingCodes(Arc::new(next))
    }

    /// The next code.
    pub fn next(&self) -> String {
        (self.0)()
    }
}

impl Default for BookingCodes {
    fn default() -> Self {
        BookingCodes::random()
    }
}

impl fmt::Debug for BookingCodes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BookingCodes")
    }
}

/// A random code.
pub fn random_code() -> String {
    let mut bytes = [0u8; CODE_LENGTH];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    code_from_random(bytes)
}
