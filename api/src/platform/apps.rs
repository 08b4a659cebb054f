//! The site is two browser apps: the citizens' app, small because every citizen downloads it,
//! and the office app for delegates and staff (sign-in, accounts, schedules, moderation). This
//! rule says which paths belong to the office app; the server serves that app's page for them,
//! and each app hands a path of the other over to a full page load.

use crate::homes::maplinks::encode_component;

/// Where the office app's files are served from.
pub const OFFICE_BASE: &str = "/office/";

/// Which of the two apps a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum App {
    /// The citizens' app: finding homes, booking, opinions, the board.
    Citizen,
    /// The office app for delegates and staff.
    Office,
}

/// Every page of the two apps. Links and navigation are written from this, never by hand, and
/// which app serves a path follows from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// The list of homes (with its filters in the query).
    Homes,
    /// One home, by id.
    Home(String),
    /// The map of all homes.
    Map,
    /// All upcoming activities (with its filters in the query).
    Activities,
    /// Booking a seat at an activity, by the activity's id.
    Book(String),
    /// The bookings remembered on this phone.
    MyBookings,
    /// Following opinions: the look-up form and this phone's opinions.
    Opinions,
    /// Sending an opinion (`?home=` pre-fills the home).
    NewOpinion,
    /// One opinion's status, by the receipt's private token.
    OpinionByToken(String),
    /// One opinion's status, by tracking number, for the verified phone that sent it.
    OpinionByNumber(String),
    /// The public board of replied opinions.
    Board,
    /// The statistics.
    Stats,
    /// Signing in.
    SignIn,
    /// The signed-in account's page.
    Account,
    /// One activity's reception (roster, check-in, record), by the activity's id.
    Reception(String),
    /// Staff: the accounts.
    StaffAccounts,
    /// Staff: the outbox of text messages.
    Outbox,
    /// Staff: the queue of opinions.
    Queue,
    /// Staff: one opinion, by tracking number.
    StaffOpinion(String),
    /// Staff: the audit log.
    Audit,
    /// Staff: an opinion given in person.
    WalkIn,
    /// Staff: the holiday calendar.
    Holidays,
    /// Staff: the handling units.
    Units,
    /// The citizens' settings: language and elders' mode.
    Settings,
    /// Livelihood projects (民生实事): every congress's cycles and the term's figures.
    Projects,
    /// One cycle of livelihood projects, by the cycle's id.
    ProjectCycle(String),
    /// Proposing a livelihood project in a cycle, by the cycle's id.
    ProposeProject(String),
    /// A proposed livelihood project's public page, by tracking number.
    ProjectProposal(String),
    /// An adopted livelihood project's public page, by its id.
    Project(String),
    /// Staff: the livelihood-project cycles.
    StaffProjects,
    /// Staff: one livelihood-project cycle, by id.
    StaffProjectCycle(String),
    /// A delegate: one livelihood-project cycle (the ballot, inspections, evaluation), by id.
    DelegateProjectCycle(String),
}

impl Page {
    /// One of each page, with a sample id where it has one (for tests and the route table).
    pub fn samples() -> Vec<Page> {
        let id = || "x".to_owned();
        vec![
            Page::Homes,
            Page::Home(id()),
            Page::Map,
            Page::Activities,
            Page::Book(id()),
            Page::MyBookings,
            Page::Opinions,
            Page::NewOpinion,
            Page::OpinionByToken(id()),
            Page::OpinionByNumber(id()),
            Page::Board,
            Page::Stats,
            Page::SignIn,
            Page::Account,
            Page::Reception(id()),
            Page::StaffAccounts,
            Page::Outbox,
            Page::Queue,
            Page::StaffOpinion(id()),
            Page::Audit,
            Page::WalkIn,
            Page::Holidays,
            Page::Units,
            Page::Settings,
            Page::Projects,
            Page::ProjectCycle(id()),
            Page::ProposeProject(id()),
            Page::ProjectProposal(id()),
            Page::Project(id()),
            Page::StaffProjects,
            Page::StaffProjectCycle(id()),
            Page::DelegateProjectCycle(id()),
        ]
    }

    /// The route pattern, as the router writes it (`:name` for the id).
    pub fn pattern(&self) -> &'static str {
        match self {
            Page::Homes => "/",
            Page::Home(_) => "/homes/:id",
            Page::Map => "/map",
            Page::Activities => "/activities",
            Page::Book(_) => "/activities/:id/book",
            Page::MyBookings => "/bookings",
            Page::Opinions => "/opinions",
            Page::NewOpinion => "/opinions/new",
            Page::OpinionByToken(_) => "/opinions/t/:token",
            Page::OpinionByNumber(_) => "/opinions/n/:tracking",
            Page::Board => "/board",
            Page::Stats => "/stats",
            Page::SignIn => "/sign-in",
            Page::Account => "/account",
            Page::Reception(_) => "/manage/activities/:id",
            Page::StaffAccounts => "/staff/accounts",
            Page::Outbox => "/staff/outbox",
            Page::Queue => "/staff/opinions",
            Page::StaffOpinion(_) => "/staff/opinions/:tracking",
            Page::Audit => "/staff/audit",
            Page::WalkIn => "/staff/walk-in",
            Page::Holidays => "/staff/holidays",
            Page::Units => "/staff/units",
            Page::Settings => "/settings",
            Page::Projects => "/projects",
            Page::ProjectCycle(_) => "/project-cycles/:id",
            Page::ProposeProject(_) => "/project-cycles/:id/propose",
            Page::ProjectProposal(_) => "/project-proposals/:tracking",
            Page::Project(_) => "/projects/:id",
            Page::StaffProjects => "/staff/projects",
            Page::StaffProjectCycle(_) => "/staff/projects/:id",
            Page::DelegateProjectCycle(_) => "/manage/projects/:id",
        }
    }

    /// The app the page belongs to.
    pub fn app(&self) -> App {
        match self {
            Page::Homes
            | Page::Home(_)
            | Page::Map
            | Page::Activities
            | Page::Book(_)
            | Page::MyBookings
            | Page::Opinions
            | Page::NewOpinion
            | Page::OpinionByToken(_)
            | Page::OpinionByNumber(_)
            | Page::Board
            | Page::Stats
            | Page::Settings
            | Page::Projects
            | Page::ProjectCycle(_)
            | Page::ProposeProject(_)
            | Page::ProjectProposal(_)
            | Page::Project(_) => App::Citizen,
            Page::SignIn
            | Page::Account
            | Page::Reception(_)
            | Page::StaffAccounts
            | Page::Outbox
            | Page::Queue
            | Page::StaffOpinion(_)
            | Page::Audit
            | Page::WalkIn
            | Page::Holidays
            | Page::Units
            | Page::StaffProjects
            | Page::StaffProjectCycle(_)
            | Page::DelegateProjectCycle(_) => App::Office,
        }
    }

    /// The page's path, its id encoded; add a query with the app's `page_href`.
    pub fn path(&self) -> String {
        let id = match self {
            Page::Home(id)
            | Page::Book(id)
            | Page::OpinionByToken(id)
            | Page::OpinionByNumber(id)
            | Page::Reception(id)
            | Page::StaffOpinion(id)
            | Page::ProjectCycle(id)
            | Page::ProposeProject(id)
            | Page::ProjectProposal(id)
            | Page::Project(id)
            | Page::StaffProjectCycle(id)
            | Page::DelegateProjectCycle(id) => id,
            _ => return self.pattern().to_owned(),
        };
        let pattern = self.pattern();
        let start = pattern
            .find(':')
            .expect("a page with an id has a parameter");
        let end = pattern[start..]
            .find('/')
            .map_or(pattern.len(), |e| start + e);
        format!(
            "{}{}{}",
            &pattern[..start],
            encode_component(id),
            &pattern[end..]
        )
    }
}

/// The first segment of a path: `staff` for `/staff/opinions/YJ1`.
fn first_segment(path: &str) -> &str {
    path.trim_start_matches('/').split('/').next().unwrap_or("")
}

/// Whether a page path belongs to the office app: its first segment is that of an office page
/// (so an unknown `/staff/…` path gets the office app's "not found" page).
pub fn is_office_path(path: &str) -> bool {
    let segment = first_segment(path);
    !segment.is_empty()
        && Page::samples()
            .iter()
            .any(|page| page.app() == App::Office && first_segment(page.pattern()) == segment)
}

/// `path` with the pairs that have a value, encoded, in the order given; `path` alone when none
/// has one: a page's URL with its filters (kept in the URL).
pub fn page_href<'a>(
    path: &str,
    pairs: impl IntoIterator<Item = (&'a str, Option<String>)>,
) -> String {
    let parts: Vec<String> = pairs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}={}", encode_component(&v))))
        .collect();
    if parts.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_present_pairs_are_written_and_encoded() {
        assert_eq!(page_href("/board", [("category", None)]), "/board");
        assert_eq!(
            page_href(
                "/",
                [
                    ("q", Some("法律 咨询".into())),
                    ("district", None),
                    ("type", Some("law".into()))
                ]
            ),
            "/?q=%E6%B3%95%E5%BE%8B%20%E5%92%A8%E8%AF%A2&type=law"
        );
    }

    #[test]
    fn each_pages_path_fills_its_pattern_and_reads_as_its_app() {
        for page in Page::samples() {
            let path = page.path();
            assert!(!path.contains(':'), "{page:?}: {path}");
            assert_eq!(
                is_office_path(&path),
                page.app() == App::Office,
                "{page:?}: {path}"
            );
        }
        assert_eq!(Page::Book("a 1".into()).path(), "/activities/a%201/book");
        assert_eq!(
            Page::StaffOpinion("YJ20261128-0042".into()).path(),
            "/staff/opinions/YJ20261128-0042"
        );
        assert_eq!(Page::Homes.path(), "/");
    }

    #[test]
    fn no_citizen_page_shares_its_first_segment_with_an_office_page() {
        let pages = Page::samples();
        for citizen in pages.iter().filter(|p| p.app() == App::Citizen) {
            for office in pages.iter().filter(|p| p.app() == App::Office) {
                assert_ne!(
                    first_segment(citizen.pattern()),
                    first_segment(office.pattern()),
                    "{citizen:?} and {office:?}"
                );
            }
        }
    }

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
