//! English.

use super::Catalog;
use deputy_homes_api::account::Role;
use deputy_homes_api::activity::ActivityKind;
use deputy_homes_api::{District, Facility, HomeType};

fn type_name(t: HomeType) -> &'static str {
    match t {
        HomeType::District => "District-level home",
        HomeType::Street => "Subdistrict home",
        HomeType::Town => "Town home",
        HomeType::Law => "Law professional home",
        HomeType::Education => "Education professional home",
        HomeType::Enterprise => "Enterprise professional home",
        HomeType::MedicineHealth => "Medicine & health professional home",
        HomeType::Agriculture => "Agriculture professional home",
        HomeType::PrivateEnterprise => "Private enterprise professional home",
        HomeType::EcologyEnvironment => "Ecology & environment professional home",
    }
}

fn field_name(t: HomeType) -> &'static str {
    match t {
        HomeType::District => "District",
        HomeType::Street => "Subdistrict",
        HomeType::Town => "Town",
        HomeType::Law => "Law",
        HomeType::Education => "Education",
        HomeType::Enterprise => "Enterprise",
        HomeType::MedicineHealth => "Medicine & health",
        HomeType::Agriculture => "Agriculture",
        HomeType::PrivateEnterprise => "Private enterprise",
        HomeType::EcologyEnvironment => "Ecology & environment",
    }
}

fn facility_name(f: Facility) -> &'static str {
    match f {
        Facility::StepFreeEntrance => "Step-free entrance",
        Facility::AccessibleToilet => "Accessible toilet",
        Facility::HearingLoop => "Hearing loop",
        Facility::Parking => "Parking",
        Facility::AccessibleParking => "Accessible parking",
        Facility::Lift => "Lift",
        Facility::SignLanguage => "Sign language",
        Facility::LargePrint => "Large print",
        Facility::WheelchairLoan => "Wheelchair loan",
    }
}

fn activity_kind(k: ActivityKind) -> &'static str {
    match k {
        ActivityKind::Reception => "Reception day",
        ActivityKind::VoterMeeting => "Meeting voters",
        ActivityKind::DutyReport => "Duty report",
        ActivityKind::Training => "Training",
        ActivityKind::ConvenienceService => "Convenience services",
    }
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Delegate => "Deputy",
        Role::Staff => "Staff",
    }
}

fn distance(m: f64) -> String {
    if m < 1000.0 {
        format!("{:.0} m", m)
    } else {
        format!("{:.1} km", m / 1000.0)
    }
}

/// The English catalog.
pub const EN: Catalog = Catalog {
    app_title: "Hohhot Deputies' Homes",
    skip_to_content: "Skip to main content",
    nav_label: "Main",
    nav_homes: "Find a home",
    nav_map: "Map",
    other_language: "中文",
    switch_language_label: "切换到中文",
    sample_notice: "Sample data: until the official register is imported, the names, addresses and phone numbers here are for demonstration only.",
    footer: "Standing Committee of the Hohhot People's Congress · Deputies' Homes",
    loading: "Loading…",
    retry: "Try again",
    error_network: "Cannot reach the server. Check your connection and try again.",
    error_server: "The server had a problem. Please try again later.",
    error_bad_request: "The search could not be understood. Change it and try again.",
    list_heading: "Find a deputies' home near you",
    search_label: "Search by name, district, street or field",
    search_placeholder: "e.g. Hailar, law",
    search_button: "Search",
    district_label: "District",
    all_districts: "All districts",
    type_label: "Type",
    all_types: "All types",
    professional_all: "All professional homes (7)",
    professional_heading: "Professional deputies' homes",
    near_me: "Nearest to me",
    locating: "Finding your location…",
    sorted_by_distance: "Sorted by distance from you",
    stop_near_me: "Stop sorting by distance",
    geo_denied: "Location permission was denied. Allow it in your browser settings, or search by district.",
    geo_unavailable: "Your location is not available right now. Try again later, or search by district.",
    geo_timeout: "Finding your location took too long. Try again, or search by district.",
    geo_unsupported: "This browser cannot share your location. Search by district or name.",
    result_count: |n| if n == 1 { "1 home found".to_owned() } else { format!("{n} homes found") },
    no_results: "No home matches. Try other words, or clear the filters.",
    clear_filters: "Clear filters",
    distance,
    open_until: |t| format!("Open now, until {t}"),
    closed_opens_today: |t| format!("Closed, opens today at {t}"),
    closed_opens_on: |day, t| format!("Closed, opens {day} at {t}"),
    never_open: "No opening hours listed",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    today: "Today",
    closed_day: "Closed",
    hours_heading: "Opening hours",
    hours_note: "Beijing time (UTC+8)",
    address_heading: "Address",
    phone_heading: "Phone",
    call: |p| format!("Call {p}"),
    facilities_heading: "Access and facilities",
    no_facilities: "No facilities recorded yet",
    about_heading: "About",
    directions_heading: "Directions",
    directions_note: "Opens in a map app; coordinates are converted to each app's datum.",
    nav_amap: "AMap",
    nav_baidu: "Baidu Maps",
    nav_default_app: "Phone's map app",
    back_to_list: "Back to the list",
    home_not_found: "This home could not be found. It may have been removed from the register.",
    page_not_found: "This page could not be found.",
    map_heading: "Where the homes are",
    map_intro: |n| format!("Each dot is one of the {n} homes. Tap a dot for details; all homes are listed below by district."),
    map_city: "Whole city",
    map_urban: "City centre (four districts)",
    map_legend_professional: "Larger dots with a gold ring are the professional homes.",
    map_city_centre: "City centre",
    map_by_district: "By district",
    homes_count: |n| if n == 1 { "1 home".to_owned() } else { format!("{n} homes") },
    view_list: "View the list",
    nav_sign_in: "Sign in",
    nav_account: "My account",
    sign_in_heading: "Sign in for delegates and staff",
    sign_in_intro: "Citizens need no account to find a home. Deputies and staff of the standing committee sign in here.",
    login_label: "Username or mobile number",
    password_label: "Password",
    sign_in_button: "Sign in",
    signing_in: "Signing in…",
    error_required: "Enter your username (or mobile number) and password.",
    error_bad_credentials: "The username, mobile number or password is wrong.",
    error_too_many_attempts: "Too many failed attempts. Try again in 15 minutes.",
    account_heading: "My account",
    signed_in_as: |name| format!("Signed in as {name}"),
    account_homes: "Your deputies' homes",
    account_no_homes: "Not assigned to a home yet.",
    sign_out: "Sign out",
    signed_out: "You are not signed in, or you have signed out.",
    demo_account_notice: "This is a demo account created with the sample data, for trying the app.",
    role_name,
    activities_heading: "Upcoming activities",
    no_activities: "No activities published yet.",
    activities_unavailable: "Activities cannot be loaded right now.",
    activity_kind,
    on_duty: |names| format!("Delegates on duty: {names}"),
    capacity: |n| format!("{n} places"),
    cancelled: |reason| format!("Cancelled: {reason}"),
    activity_kind_label: "Kind of activity",
    activity_date: "Date",
    activity_start: "Starts",
    activity_end: "Ends",
    activity_topic: "Topic",
    activity_capacity: "Places",
    activity_repeat: "Repeat weekly (weeks)",
    activity_form: "form",
    check_field: |label| format!("Please check “{label}”."),
    session_ended: "Your session has ended. Please sign in again.",
    published: |n| if n == 1 { "1 activity published.".to_owned() } else { format!("{n} activities published.") },
    publish_button: "Publish",
    publish_heading: |home| format!("Publish an activity at {home}"),
    staff_accounts_link: "Manage accounts",
    staff_accounts_heading: "Accounts",
    staff_accounts_intro: "Open accounts for delegates and staff, and choose the homes each delegate belongs to.",
    staff_only: "Only staff of the standing committee can manage accounts.",
    staff_sign_in_first: "Please sign in as staff of the standing committee first.",
    accounts_list_heading: "All accounts",
    accounts_search_label: "Find by name or username",
    accounts_shown: |shown, total| {
        if shown == total {
            format!("{total} accounts")
        } else {
            format!("{shown} of {total} accounts")
        }
    },
    accounts_none_match: "No account matches.",
    username_shown: |u| format!("Username: {u}"),
    phone_shown: |p| format!("Mobile: {p}"),
    create_account_heading: "New account",
    display_name_label: "Name",
    username_label: "Username",
    username_hint: "3–32 lower-case letters, digits or _ . -, starting with a letter.",
    phone_label: "Mobile number (optional, can be used to sign in)",
    initial_password_label: "First password",
    password_hint: "At least 10 characters. Tell it to the person in person or by phone.",
    role_label: "Role",
    homes_label: "Homes",
    homes_search_label: "Find a home",
    homes_selected: |n| if n == 1 { "1 chosen".to_owned() } else { format!("{n} chosen") },
    homes_none_match: "No home matches.",
    homes_unavailable: "The register of homes cannot be loaded right now.",
    staff_have_no_homes: "Staff accounts belong to no home.",
    create_account_button: "Create account",
    creating_account: "Creating…",
    account_created: |name| format!("Account created: {name}."),
    edit_homes_button: "Change homes",
    save_homes_button: "Save",
    cancel_button: "Cancel",
    homes_saved: "Homes saved.",
    invalid_display_name: "Enter a name (at most 50 characters).",
    invalid_username: "A username is 3–32 lower-case letters, digits or _ . -, starting with a letter.",
    invalid_phone: "A mobile number is 11 digits starting with 13 to 19.",
    invalid_password: "A password has at least 10 characters (at most 256 bytes).",
    invalid_homes: "Choose the homes again: one of them is not in the register.",
    username_taken: "This username is taken; choose another.",
    phone_taken: "Another account already uses this mobile number.",
    form_has_errors: "Please correct the fields marked below.",
    server_said: |m| format!("The server refused: {m}"),
    district_name: District::name_en,
    type_name,
    field_name,
    facility_name,
};
