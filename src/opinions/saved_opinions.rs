//! "My opinions": tracking numbers and private links of the opinions sent from this device.

use crate::kit::device_store;

/// One remembered opinion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedOpinion {
    pub tracking_number: String,
    pub private_token: String,
}

const KEY: &str = "deputy-homes.opinions";

/// The opinions remembered on this device, newest first.
pub fn load() -> Vec<SavedOpinion> {
    device_store::load(KEY, 2)
        .into_iter()
        .map(|mut e| SavedOpinion {
            private_token: e.pop().unwrap_or_default(),
            tracking_number: e.pop().unwrap_or_default(),
        })
        .collect()
}

/// Remembers an opinion, newest first.
pub fn remember(saved: SavedOpinion) {
    device_store::remember(KEY, 2, vec![saved.tracking_number, saved.private_token]);
}
