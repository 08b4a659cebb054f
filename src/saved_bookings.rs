//! "My bookings": the bookings made on this device, kept in its local storage (code, phone and
//! activity), so a citizen without an account finds them again. Nothing leaves the device.

/// One remembered booking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub code: String,
    /// The mobile number as the server stores it (11 digits).
    pub phone: String,
    pub activity_id: String,
}

const KEY: &str = "deputy-homes.bookings";

/// One line per booking: `code phone activity`. Codes, phones and ids hold no spaces.
fn encode(list: &[Saved]) -> String {
    list.iter()
        .map(|s| format!("{} {} {}", s.code, s.phone, s.activity_id))
        .collect::<Vec<_>>()
        .join("\n")
}

fn decode(text: &str) -> Vec<Saved> {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split(' ');
            let saved = Saved {
                code: parts.next()?.to_owned(),
                phone: parts.next()?.to_owned(),
                activity_id: parts.next()?.to_owned(),
            };
            (parts.next().is_none() && !saved.code.is_empty()).then_some(saved)
        })
        .collect()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The bookings remembered on this device, newest first.
pub fn load() -> Vec<Saved> {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map(|t| decode(&t))
        .unwrap_or_default()
}

fn store(list: &[Saved]) {
    if let Some(s) = storage() {
        // Private browsing may refuse storage; the booking itself is safe on the server.
        let _ = s.set_item(KEY, &encode(list));
    }
}

/// Remembers a booking (or its new activity after a move), newest first.
pub fn remember(saved: Saved) {
    let mut list = load();
    list.retain(|s| s.code != saved.code);
    list.insert(0, saved);
    store(&list);
}

/// Forgets a booking on this device (the booking on the server is untouched).
pub fn forget(code: &str) {
    let mut list = load();
    list.retain(|s| s.code != code);
    store(&list);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_bookings_round_trip_and_damaged_lines_are_skipped() {
        let list = vec![
            Saved {
                code: "ACD34X".into(),
                phone: "13800138000".into(),
                activity_id: "a1b2".into(),
            },
            Saved {
                code: "MNP479".into(),
                phone: "13900139000".into(),
                activity_id: "c3d4".into(),
            },
        ];
        assert_eq!(decode(&encode(&list)), list);
        assert_eq!(
            decode("ACD34X 138\n\nX Y Z W\nMNP479 13900139000 c3d4"),
            list[1..]
        );
    }
}
