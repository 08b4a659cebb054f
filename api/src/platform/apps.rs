//! The site is two browser apps: the citizens' app, small because every citizen downloads it,
//! and the office app for delegates and staff (sign-in, accounts, schedules, moderation). This
//! rule says which paths belong to the office app; the server serves that app's page for them,
//! and each app hands a path of the other over to a full page load.

/// Where the office app's files are served from.
pub const OFFICE_BASE: &str = "/office/";

/// Whether a page path belongs to the office app.
pub fn is_office_path(path: &str) -> bool {
    let under = |prefix: &str| {
        path == prefix
            || path
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    under("/sign-in") || under("/account") || under("/staff") || under("/manage")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_paths_are_sign_in_account_staff_and_manage() {
        for path in [
            "/sign-in",
            "/account",
            "/staff/opinions",
            "/staff/opinions/YJ1",
            "/manage/activities/a1",
        ] {
            assert!(is_office_path(path), "{path}");
        }
        for path in [
            "/",
            "/homes/xc-01",
            "/activities",
            "/bookings",
            "/opinions/new",
            "/board",
            "/staffing",
            "/accounts",
        ] {
            assert!(!is_office_path(path), "{path}");
        }
    }
}
