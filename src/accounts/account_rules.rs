//! What the staff's accounts page decides without drawing anything: which accounts and homes a
//! search shows, which fields of a new account are wrong, and how a refusal from the server is
//! worded. The rules themselves are `api`'s; this only applies them and names the fields.

use crate::i18n::{refusals, Catalog, Lang};
use crate::kit::http::ClientError;
use deputy_homes_api::accounts::{
    validate_display_name, validate_password, validate_username, Account, MobileNumber, NewAccount,
};
use deputy_homes_api::homes::search::{Haystack, PreparedQuery};
use deputy_homes_api::{District, ErrorCode, FormField, HomeSummary};

pub use deputy_homes_api::accounts::AccountField;

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The value breaks the field's rule.
    Invalid(AccountField),
    /// Another account already uses the value.
    Taken(AccountField),
}

impl Problem {
    /// The field at fault.
    pub fn field(&self) -> AccountField {
        match self {
            Problem::Invalid(f) | Problem::Taken(f) => *f,
        }
    }

    /// The message shown next to the field, in the catalog's language.
    pub fn message(&self, t: &Catalog) -> &'static str {
        refusals::account_field(self.field(), matches!(self, Problem::Taken(_)), t)
    }
}

/// The fields of a new account that break `api`'s rules, checked before anything is sent.
pub fn check_new_account(new: &NewAccount) -> Vec<Problem> {
    let phone = new.phone.as_deref().map(str::trim).unwrap_or_default();
    [
        (
            AccountField::DisplayName,
            validate_display_name(&new.display_name).is_ok(),
        ),
        (
            AccountField::Username,
            validate_username(&new.username.trim().to_lowercase()).is_ok(),
        ),
        (
            AccountField::Phone,
            phone.is_empty() || MobileNumber::parse(phone).is_ok(),
        ),
        (
            AccountField::Password,
            validate_password(&new.password).is_ok(),
        ),
    ]
    .into_iter()
    .filter(|(_, ok)| !ok)
    .map(|(field, _)| Problem::Invalid(field))
    .collect()
}

/// Why the server refused a change, sorted into what the form shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A field the form knows is at fault.
    Field(Problem),
    /// The session ended, or its anti-forgery token was refused.
    SessionEnded,
    /// The signed-in account is not staff.
    NotStaff,
    /// The server could not be reached.
    Network,
    /// A refusal the app has no words of its own for.
    Other,
}

/// Sorts a failed request into a [`Refusal`].
pub fn refusal(error: &ClientError) -> Refusal {
    let ClientError::Api { error, .. } = error else {
        return match error {
            ClientError::Network => Refusal::Network,
            _ => Refusal::Other,
        };
    };
    // Only the fields the forms show; a refusal about another (the role) is the form's as a whole.
    let shown = error.field::<AccountField>().filter(|f| {
        matches!(
            f,
            AccountField::DisplayName
                | AccountField::Username
                | AccountField::Phone
                | AccountField::Password
                | AccountField::HomeIds
        )
    });
    match (error.code, shown) {
        (ErrorCode::BadParameter, Some(f)) => Refusal::Field(Problem::Invalid(f)),
        (ErrorCode::Taken, Some(f)) => Refusal::Field(Problem::Taken(f)),
        (ErrorCode::Unauthenticated | ErrorCode::CsrfRejected, _) => Refusal::SessionEnded,
        (ErrorCode::Forbidden, _) => Refusal::NotStaff,
        _ => Refusal::Other,
    }
}

impl Refusal {
    /// The form-level message: for a field, the general request to correct the form.
    pub fn message(&self, t: &Catalog) -> &'static str {
        match self {
            Refusal::Field(_) => t.form_has_errors,
            Refusal::SessionEnded => t.session_ended,
            Refusal::NotStaff => t.staff_only,
            Refusal::Network => t.error_network,
            Refusal::Other => t.error_server,
        }
    }

    /// What a form shows: the field's own message next to it and the general request to correct
    /// the form, or the form-level message alone.
    pub fn shown(&self, t: &Catalog) -> Vec<(Option<&'static str>, &'static str)> {
        match self {
            Refusal::Field(p) => vec![
                (Some(p.field().name()), p.message(t)),
                (None, self.message(t)),
            ],
            other => vec![(None, other.message(t))],
        }
    }
}

/// The accounts whose display name or username matches the query, in the given order.
pub fn accounts_matching(accounts: &[Account], query: &str) -> Vec<Account> {
    let query = PreparedQuery::new(query);
    accounts
        .iter()
        .filter(|a| {
            Haystack::new([a.display_name.as_str(), a.username.as_str()]).matches_prepared(&query)
        })
        .cloned()
        .collect()
}

/// The homes matching the query (by name in either language or street), grouped by district in
/// the city's order; districts without a match are left out.
pub fn homes_by_district(homes: &[HomeSummary], query: &str) -> Vec<(District, Vec<HomeSummary>)> {
    let query = PreparedQuery::new(query);
    let matching: Vec<&HomeSummary> = homes
        .iter()
        .filter(|h| {
            Haystack::new([h.name_zh.as_str(), h.name_en.as_str(), h.street.as_str()])
                .matches_prepared(&query)
        })
        .collect();
    District::ALL
        .into_iter()
        .map(|d| {
            let in_district = matching.iter().filter(|h| h.district == d);
            (d, in_district.map(|h| (*h).clone()).collect::<Vec<_>>())
        })
        .filter(|(_, homes)| !homes.is_empty())
        .collect()
}

/// A home's name in the language, or its id when the register does not hold it (or has not
/// loaded yet).
pub fn home_name(homes: &[HomeSummary], id: &str, lang: Lang) -> String {
    match homes.iter().find(|h| h.id == id) {
        Some(h) if lang.names_in_chinese() => h.name_zh.clone(),
        Some(h) => h.name_en.clone(),
        None => id.to_owned(),
    }
}

/// Adds or removes one home from a selection, keeping each id once.
pub fn toggle_home(selected: &mut Vec<String>, id: &str, chosen: bool) {
    selected.retain(|s| s != id);
    if chosen {
        selected.push(id.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::accounts::Role;
    use deputy_homes_api::ApiError;

    fn new_account() -> NewAccount {
        NewAccount {
            username: "wangli".into(),
            display_name: "王丽".into(),
            role: Role::Delegate,
            phone: Some("138 1234 5678".into()),
            password: "a long password".into(),
            home_ids: vec![],
        }
    }

    fn api_error(code: ErrorCode, field: Option<AccountField>, message: &str) -> ClientError {
        let error = ApiError::new(code, message);
        ClientError::Api {
            status: 400,
            error: match field {
                Some(f) => error.on(f),
                None => error,
            },
        }
    }

    #[test]
    fn a_valid_new_account_has_no_problems_and_an_empty_phone_is_allowed() {
        assert_eq!(check_new_account(&new_account()), vec![]);
        let no_phone = NewAccount {
            phone: Some("  ".into()),
            ..new_account()
        };
        assert_eq!(check_new_account(&no_phone), vec![]);
    }

    #[test]
    fn each_broken_rule_names_its_field() {
        let bad = NewAccount {
            username: "2x".into(),
            display_name: " ".into(),
            phone: Some("1381234".into()),
            password: "short".into(),
            ..new_account()
        };
        let fields: Vec<AccountField> =
            check_new_account(&bad).iter().map(Problem::field).collect();
        assert_eq!(
            fields,
            [
                AccountField::DisplayName,
                AccountField::Username,
                AccountField::Phone,
                AccountField::Password
            ]
        );
    }

    #[test]
    fn the_servers_field_errors_become_the_apps_own_messages() {
        let zh = Lang::Zh.catalog();
        let taken = refusal(&api_error(
            ErrorCode::Taken,
            Some(AccountField::Phone),
            "in use",
        ));
        assert_eq!(taken, Refusal::Field(Problem::Taken(AccountField::Phone)));
        let bad = refusal(&api_error(
            ErrorCode::BadParameter,
            Some(AccountField::Username),
            "x",
        ));
        let Refusal::Field(problem) = bad else {
            panic!("{bad:?}")
        };
        assert_eq!(problem.message(zh), zh.invalid_username);
    }

    #[test]
    fn a_field_the_form_does_not_show_falls_back_to_the_apps_words_never_the_servers() {
        let other = refusal(&api_error(
            ErrorCode::BadParameter,
            Some(AccountField::Role),
            "bad role",
        ));
        assert_eq!(other, Refusal::Other);
        let en = Lang::En.catalog();
        assert_eq!(other.message(en), en.error_server);
        assert!(!other.message(en).contains("bad role"));
        assert_eq!(refusal(&ClientError::Network), Refusal::Network);
        let csrf = refusal(&api_error(ErrorCode::CsrfRejected, None, ""));
        assert_eq!(csrf, Refusal::SessionEnded);
    }

    #[test]
    fn accounts_are_found_by_name_or_username_ignoring_case_and_width() {
        let account = |username: &str, name: &str| Account {
            id: username.into(),
            username: username.into(),
            display_name: name.into(),
            role: Role::Delegate,
            phone: None,
            home_ids: vec![],
            demo: false,
            active: true,
        };
        let all = [account("wangli", "王丽"), account("zhao.min", "赵敏")];
        let ids = |q: &str| -> Vec<String> {
            accounts_matching(&all, q)
                .into_iter()
                .map(|a| a.id)
                .collect()
        };
        assert_eq!(ids("王"), ["wangli"]);
        assert_eq!(ids("ＺＨＡＯ"), ["zhao.min"]);
        assert_eq!(ids(""), ["wangli", "zhao.min"]);
        assert!(ids("李").is_empty());
    }

    #[test]
    fn homes_are_grouped_by_district_in_the_citys_order_and_filtered() {
        let home = |id: &str, name: &str, district| HomeSummary {
            id: id.into(),
            name_zh: name.into(),
            name_en: id.into(),
            home_type: deputy_homes_api::HomeType::Street,
            district,
            street: String::new(),
            address: String::new(),
            lat: 40.8,
            lon: 111.7,
            hours: Default::default(),
            distance_m: None,
            name_mn: None,
            address_mn: None,
        };
        let homes = [
            home("sh-01", "赛罕甲", District::Saihan),
            home("xc-01", "新城甲", District::Xincheng),
            home("xc-02", "新城乙", District::Xincheng),
        ];
        let groups: Vec<(District, usize)> = homes_by_district(&homes, "")
            .iter()
            .map(|(d, h)| (*d, h.len()))
            .collect();
        assert_eq!(groups, [(District::Xincheng, 2), (District::Saihan, 1)]);
        let found = homes_by_district(&homes, "乙");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1[0].id, "xc-02");
    }

    #[test]
    fn toggling_a_home_keeps_each_id_once() {
        let mut selected = vec!["a".to_owned()];
        toggle_home(&mut selected, "b", true);
        toggle_home(&mut selected, "b", true);
        toggle_home(&mut selected, "a", false);
        assert_eq!(selected, ["b"]);
    }
}
