//! English.

use super::project_office::ProjectOffice;
use super::{Catalog, CatalogText};
use deputy_homes_api::accounts::Role;
use deputy_homes_api::meetings::activity::ActivityKind;
use deputy_homes_api::meetings::booking::{AccessNeed, BookingStatus};
use deputy_homes_api::opinions::board::{Rating, ReplyClass};
use deputy_homes_api::opinions::handling::{EventKind, RejectReason};
use deputy_homes_api::opinions::{Category, OpinionStatus};
use deputy_homes_api::platform::outbox::{NotificationKind, NotificationStatus};
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

fn access_need(n: AccessNeed) -> &'static str {
    match n {
        AccessNeed::Wheelchair => "Wheelchair access",
        AccessNeed::SignLanguage => "Sign language",
        AccessNeed::LargePrint => "Large print",
        AccessNeed::HearingLoop => "Hearing loop",
        AccessNeed::Companion => "A companion",
    }
}

fn booking_status(s: BookingStatus) -> &'static str {
    match s {
        BookingStatus::Booked => "Booked",
        BookingStatus::Waitlisted => "On the waitlist",
        BookingStatus::Cancelled => "Cancelled",
    }
}

fn category_name(c: Category) -> &'static str {
    match c {
        Category::UrbanConstruction => "Urban construction",
        Category::Transport => "Transport",
        Category::Education => "Education",
        Category::Health => "Health",
        Category::EcologyEnvironment => "Ecology & environment",
        Category::BusinessEnvironment => "Business environment",
        Category::SocialSecurity => "Social security",
        Category::PublicSafety => "Public safety",
        Category::Other => "Other",
    }
}

fn opinion_status(s: OpinionStatus) -> &'static str {
    match s {
        OpinionStatus::Submitted => "Sent",
        OpinionStatus::Accepted => "Accepted",
        OpinionStatus::Rejected => "Not accepted",
        OpinionStatus::Assigned => "Passed to the office responsible",
        OpinionStatus::Acknowledged => "Acknowledged by the office",
        OpinionStatus::Replied => "Replied",
        OpinionStatus::Rated => "Rated",
        OpinionStatus::Published => "Published",
        OpinionStatus::Closed => "Closed",
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

/// The English strings.
#[cfg(not(target_arch = "wasm32"))]
pub const TEXT: CatalogText = CatalogText {
    app_title: "Hohhot Deputies' Homes",
    skip_to_content: "Skip to main content",
    nav_label: "Main",
    nav_homes: "Find a home",
    nav_map: "Map",
    switch_language_label: "Language 语言",
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
    no_results: "No home matches. Try other words, or clear the filters.",
    clear_filters: "Clear filters",
    never_open: "No opening hours listed",
    today: "Today",
    closed_day: "Closed",
    hours_heading: "Opening hours",
    hours_note: "Beijing time (UTC+8)",
    address_heading: "Address",
    phone_heading: "Phone",
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
    map_city: "Whole city",
    map_urban: "City centre (four districts)",
    map_legend_professional: "Larger dots with a gold ring are the professional homes.",
    map_city_centre: "City centre",
    map_by_district: "By district",
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
    account_homes: "Your deputies' homes",
    account_no_homes: "Not assigned to a home yet.",
    sign_out: "Sign out",
    signed_out: "You are not signed in, or you have signed out.",
    demo_account_notice: "This is a demo account created with the sample data, for trying the app.",
    activities_heading: "Upcoming activities",
    no_activities: "No activities published yet.",
    activities_unavailable: "Activities cannot be loaded right now.",
    activity_kind_label: "Kind of activity",
    activity_date: "Date",
    activity_start: "Starts",
    activity_end: "Ends",
    activity_topic: "Topic",
    activity_capacity: "Places",
    activity_repeat: "Repeat weekly (weeks)",
    activity_date_error: "Choose a date that has not passed.",
    activity_time_error: "Give a start and an end time; the end must be later, on the same day.",
    activity_capacity_error: "Capacity is 1 to 500 people.",
    activity_topic_error: "Give a topic of at most 100 characters.",
    activity_repeat_error: "Repeat for 1 to 26 weeks.",
    session_ended: "Your session has ended. Please sign in again.",
    publish_button: "Publish",
    nav_activities: "Activities",
    nav_my_bookings: "Mine",
    book_button: "Book",
    join_waitlist: "Join the waitlist",
    activity_full: "Full: you can join the waitlist",
    book_heading: "Book a meeting",
    book_intro: "No account needed. You get a booking code to show at the door.",
    book_name: "Name",
    book_phone: "Mobile number",
    book_phone_hint: "11-digit mainland mobile, for confirmation, changes and check-in; verified by a text code.",
    book_topic: "What you want to raise (briefly)",
    access_needs_label: "Help you need (optional)",
    consent_text: "I agree that the home uses my name, mobile number and what I wrote only to confirm this booking, notify me and check me in; only its staff and the delegates on duty see them, and they are deleted three years after the activity.",
    book_submit: "Book",
    submitting: "Sending…",
    error_name: "Enter your name (1–30 characters).",
    error_phone: "Enter a valid 11-digit mobile number, e.g. 138 0013 8000.",
    error_topic: "Say briefly what you want to raise (1–200 characters).",
    error_consent: "Please read and tick the consent to the use of your data.",
    error_waitlist_full: "This activity and its waitlist are full; please choose another one.",
    error_booking_changes_limited: "Too many bookings, moves and cancellations; please try again later. What you typed is kept.",
    error_cap: "This number already holds the most bookings allowed; cancel one first.",
    error_closed: "Booking for this activity has closed (it closes an hour before the start).",
    error_already_booked: "This number has already booked this activity.",
    error_activity_cancelled: "This activity was cancelled.",
    booked_heading: "You are booked",
    waitlisted_heading: "You are on the waitlist",
    waitlisted_note: "When a seat frees up it goes to the first in line automatically, and you will be notified.",
    booking_code_label: "Booking code",
    add_to_calendar: "Add to calendar (.ics)",
    show_at_door: "Show the QR code or say the code at the door. The booking is saved under “My bookings” on this phone.",
    my_bookings_heading: "Mine",
    my_bookings_empty: "No bookings on this phone yet.",
    my_bookings_note: "Bookings are kept in this phone's browser; on another phone, find them with the code and number.",
    verify_phone_hint: "11-digit mobile. Get a text code to prove it is yours.",
    verify_code_label: "Text code",
    verify_get_code: "Get code",
    verify_button: "Verify",
    error_verify_code_format: "Enter the 6 digits from the text message.",
    error_wrong_code: "That code is not right; check the text and try again.",
    error_code_expired: "That code is no longer valid; get a new one.",
    error_code_needed: "Get a code first, then enter the 6 digits from the text.",
    error_codes_too_many: "Too many codes asked for; please try again later.",
    error_verification_ended: "Your phone's verification has ended; get a new code.",
    mine_intro: "Verify your mobile with a text code to see and change your bookings and follow your opinions on any phone.",
    mine_sign_out: "Sign out",
    mine_bookings_heading: "My bookings",
    mine_opinions_heading: "My opinions",
    mine_opinions_empty: "No opinions with contact details from this number yet.",
    mine_device_heading: "Bookings saved on this phone",
    mine_device_note: "Verify your mobile to see their latest state, move or cancel them.",
    cancel_booking: "Cancel booking",
    confirm_cancel: "Yes, cancel",
    keep_booking: "Keep it",
    booking_missing: "This booking cannot be found; it may have been removed.",
    forget_booking: "Remove from this phone",
    find_booking_heading: "Find a booking",
    find_booking_button: "Find",
    error_code_format: "A booking code has 6 letters and digits.",
    error_booking_not_found: "No booking has this code and number.",
    move_booking: "Move to another date",
    move_button: "Move",
    moved: "Moved; the booking code stays the same.",
    no_other_activities: "This home has no other activity to move to.",
    activity_not_found: "This activity cannot be found.",
    view_home: "About the home",
    all_activities_heading: "Upcoming activities",
    all_kinds: "All types",
    any_date: "Any date",
    manage_link: "Bookings and check-in",
    roster_heading: "Who booked",
    roster_empty: "Nobody has booked yet.",
    phones_masked_note: "You are not on duty at this activity, so phone numbers are partly hidden.",
    check_in_label: "Check in: type or scan the booking code",
    check_in_button: "Check in",
    checked_in: "Checked in",
    not_checked_in: "Not checked in",
    error_check_in_waitlisted: "This person is on the waitlist and has no seat to check in to.",
    error_check_in_already: "This booking is already checked in.",
    error_check_in_unknown: "No booking of this activity has this code.",
    record_heading: "Reception record",
    record_raised: "What was raised",
    record_follow_up: "Follow-up",
    record_bookings: "Bookings it covers",
    record_save: "Save record",
    record_saved: "Record saved.",
    record_not_begun: "A record can be written once the reception has begun (or someone is checked in).",
    summary_activities: "Activities held",
    summary_people: "People met",
    summary_records: "Records written",
    my_activities_heading: "Activities at my homes",
    forbidden: "You may not see this page.",
    walk_in_booking_heading: "Book for a citizen who is here",
    walk_in_booking_intro: "For a citizen present in person: no text code; explain how their details are used and take their consent.",
    walk_in_heading: "Enter a walk-in citizen's suggestion",
    walk_in_intro: "For citizens who raise something in person. Give them the tracking number and private link afterwards so they can follow it.",
    walk_in_consent: "The citizen was told in person how their data is used and agreed.",
    walk_in_link: "Enter a walk-in suggestion",
    holidays_heading: "Holiday calendar",
    holidays_intro: "Reply deadlines count working days: weekends and the days off listed here do not count, make-up working days do. Enter each new year from the State Council's notice on public holidays.",
    holidays_add_heading: "Add dates",
    holidays_from: "First day",
    holidays_to: "Last day (leave empty for one day)",
    holidays_name: "Name (e.g. Spring Festival)",
    holidays_kind: "Kind",
    holiday_kind_holiday: "Day off",
    holiday_kind_workday: "Make-up working day",
    holidays_add_button: "Add to the calendar",
    holidays_save: "Save the calendar",
    holidays_unsaved: "There are unsaved changes.",
    holidays_empty: "The calendar has no dates yet.",
    error_day_range: "Enter valid dates: the last day on or after the first, at most 31 days.",
    error_day_name: "Enter a name (1 to 20 characters).",
    remove_button: "Remove",
    units_heading: "Handling units",
    units_intro: "Opinions are assigned to the units listed here. An inactive unit keeps its opinions and history but takes no new ones.",
    units_add_label: "Full name of the new unit",
    units_add_button: "Add the unit",
    unit_inactive: "Inactive",
    unit_rename: "Rename",
    unit_rename_label: "New name",
    unit_save_name: "Save the name",
    unit_deactivate: "Deactivate",
    unit_activate: "Activate again",
    error_unit_name: "A unit's name is 2 to 40 characters.",
    error_unit_taken: "Another unit has this name.",
    walk_in_sent_note: "Give the citizen the tracking number and the private link (written down or printed); with the link, or a text code to the mobile they gave, they can follow it.",
    nav_opinions: "Suggestions",
    opinion_new_heading: "Send a suggestion",
    opinion_intro: "Staff of the standing committee review it, pass it to the office responsible and publish its reply. Follow it with your tracking number.",
    opinion_category: "Category",
    opinion_home: "Representatives' home concerned (optional)",
    opinion_no_home: "None",
    opinion_title: "Title",
    opinion_body: "Details",
    photos_label: "Photos (optional, up to 3)",
    photos_hint: "JPEG, PNG or WebP, up to 8 MB each. Location and other hidden data are removed on upload.",
    photo_uploading: "Uploading photo…",
    error_photo_type: "This file is not a JPEG, PNG or WebP image and was not uploaded. The rest of the form is kept.",
    error_photo_size: "The photo is over 8 MB and was not uploaded; choose a smaller one.",
    error_photo_count: "At most 3 photos.",
    error_photo_gone: "A photo has expired (uploaded more than a day ago) or was used already; remove the photos and add them again. Everything else is kept.",
    opinion_location: "Location (optional)",
    opinion_add_location: "Add my current location",
    opinion_location_added: "Location added.",
    opinion_remove_location: "Remove location",
    opinion_contact: "Contact",
    opinion_with_contact: "Leave my name and mobile (so they can reply to me)",
    opinion_anonymous: "Anonymous (follow it only with the private link)",
    opinion_consent: "I agree that the standing committee uses what I send and my contact details to review it, pass it on and reply; only staff see my contact details, which are deleted with the location and photos three years after the handling ends.",
    opinion_allow_publish: "Publish this suggestion with its reply (without my name or number)",
    opinion_submit: "Send",
    error_title: "The title needs 5–60 characters.",
    error_body: "The details need 10–2000 characters.",
    error_contact_name: "Enter your name (1–30 characters), or send anonymously.",
    error_opinion_consent: "Please read and tick the consent.",
    error_rate_limited: "Too many submissions; try again in an hour. What you wrote is still in the form.",
    opinion_sent_heading: "Sent",
    opinion_tracking: "Tracking number",
    opinion_private_link: "Private link",
    opinion_sent_note: "Keep the private link: it opens the opinion's progress any time. If you gave a mobile, \"Mine\" shows it too after a text code. This phone also remembers it.",
    opinion_lookup_heading: "Follow a suggestion",
    error_tracking_not_found: "No such opinion for this mobile, or the link is incomplete; anonymous ones open only with their private link.",
    opinion_lookup_intro: "Verify the mobile you gave with your opinions to see them all and how they are handled.",
    opinion_anonymous_note: "Anonymous opinions have no mobile: follow them with the private link on the receipt.",
    my_opinions_heading: "Sent from this phone",
    opinion_timeline: "Progress",
    opinion_anonymous_shown: "Sent anonymously",
    new_opinion_link: "Send a suggestion",
    outbox_heading: "Message outbox",
    outbox_intro: "Every message to citizens is stored here first; failed sends are retried. Newest first, at most 200.",
    outbox_empty: "The outbox is empty.",
    outbox_link: "Message outbox",
    manage_activity_heading: "Change or cancel this activity",
    edit_save: "Save changes",
    edit_saved: "Saved. If the time changed, everyone booked is told.",
    error_capacity_below: "Capacity cannot be below the seats already booked.",
    error_started: "The activity has started and can no longer be changed or cancelled.",
    error_reason: "Give a reason (1–200 characters); everyone booked is told.",
    cancel_reason_label: "Reason for cancelling (told to everyone booked)",
    cancel_activity_button: "Cancel this activity",
    confirm_cancel_activity: "Confirm: cancel and tell everyone booked",
    activity_cancelled_done: "Cancelled; everyone booked has been told.",
    record_raised_error: "Write what was raised (1–2000 characters).",
    record_follow_up_error: "The follow-up may have at most 2000 characters.",
    staff_accounts_link: "Manage accounts",
    staff_accounts_heading: "Accounts",
    staff_accounts_intro: "Open accounts for delegates and staff, and choose the homes each delegate belongs to.",
    staff_only: "Only staff of the standing committee can manage accounts.",
    staff_sign_in_first: "Please sign in as staff of the standing committee first.",
    accounts_list_heading: "All accounts",
    accounts_search_label: "Find by name or username",
    accounts_none_match: "No account matches.",
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
    homes_none_match: "No home matches.",
    homes_unavailable: "The register of homes cannot be loaded right now.",
    staff_have_no_homes: "Staff accounts belong to no home.",
    create_account_button: "Create account",
    creating_account: "Creating…",
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
    nav_board: "Public replies",
    staff_queue_heading: "Opinions to handle",
    staff_queue_link: "Handle opinions",
    queue_status: "Status",
    all_statuses: "All statuses",
    all_categories: "All categories",
    queue_home: "Home",
    all_homes: "All homes",
    units_label: "Handling units",
    all_units: "All units",
    queue_overdue_only: "Overdue only",
    queue_search: "Search titles and text",
    queue_empty: "No opinions match.",
    overdue: "Overdue",
    bulk_action_label: "Action for the selected",
    bulk_apply: "Apply",
    pager_label: "Pages",
    page_prev: "Previous",
    page_next: "Next",
    channel_walk_in: "Walk-in",
    reveal_phone: "Show full phone number",
    reveal_phone_note: "Viewing it is written to the audit log.",
    error_reveal_limited: "You have viewed as many full phone numbers as allowed this hour. Try again after the hour turns. The limit protects citizens' personal data.",
    reply_heading: "Reply",
    rating_legend: "Are you satisfied with this reply? (once only)",
    rating_comment_label: "Comment (optional, up to 500 characters)",
    rating_submit: "Send rating",
    error_rating_choice: "Choose satisfied, fairly satisfied or not satisfied.",
    error_comment: "The comment can be at most 500 characters.",
    internal_note_label: "Internal",
    actions_heading: "Handling",
    no_steps_left: "This opinion is finished; only internal notes can be added.",
    step_accept: "Accept",
    step_reject: "Reject",
    step_assign: "Assign to units",
    step_acknowledge: "Record acknowledgement",
    step_reply: "Record reply",
    step_extend: "Extend due date",
    step_publish: "Publish",
    step_close: "Close without publishing",
    add_note: "Add internal note",
    step_note_label: "Note for the citizen (optional)",
    note_label: "Note (staff only)",
    step_done: "Saved.",
    publish_not_allowed: "The author did not allow publication, so it cannot be published.",
    reject_reason_label: "Reason",
    duplicate_of_label: "Tracking number it repeats",
    reject_message_label: "What the citizen is told",
    reply_class_label: "Reply class",
    reply_text_label: "Reply",
    extend_date_label: "New due date",
    extend_reason_label: "Reason (staff only)",
    error_text_required: "Write 1 to 2000 characters.",
    error_duplicate_of: "Give the tracking number of an existing opinion, e.g. YJ20260101-0001.",
    error_units: "Choose at least one handling unit.",
    error_due_date: "Choose a date after the current due date.",
    error_step_conflict: "This opinion has moved on; reload the page and try again.",
    units_search_label: "Find a unit",
    units_none_match: "No unit matches.",
    board_heading: "Public replies",
    board_intro: "Opinions their authors allowed to publish, with the units' replies. No names, phones or places are shown.",
    board_empty: "No replies published yet.",
    stats_heading: "Handling statistics",
    stats_total: "Received",
    stats_overdue: "Overdue",
    stats_median_days: "Median days to reply",
    stats_on_time: "Replied on time",
    stats_satisfied: "Satisfied",
    stats_rated: "Ratings",
    stats_by_status: "By status",
    stats_by_category: "By category",
    stats_by_district: "By district",
    stats_year_label: "Year (by date sent)",
    stats_all_years: "All years",
    stats_by_home: "Homes with the most opinions (top 10, staff only)",
    stats_name: "Item",
    stats_count: "Count",
    district_none: "No home given",
    stats_units: "Handling units",
    stats_no_units: "No opinion has been assigned yet.",
    stats_assigned: "Assigned",
    stats_replied: "Replied",
    audit_heading: "Audit log",
    audit_target_label: "Target (e.g. a tracking number)",
    audit_empty: "No entries.",
    audit_actor_system: "System (scheduled clean-up)",
    delegate_opinions_heading: "Opinions raised at my homes",
    delegate_opinions_empty: "None yet.",
    password_change_heading: "Change password",
    present_password_label: "Present password",
    new_password_label: "New password",
    new_password_hint: "10 to 256 characters. Your sign-ins on other devices end when it changes.",
    change_password_button: "Save the new password",
    changing_password: "Saving…",
    password_changed: "Your password has been changed.",
    error_present_password_required: "Enter your present password.",
    error_present_password_wrong: "The present password is wrong. Please type it again.",
    error_new_password_length: "The new password must be 10 to 256 characters.",
    must_change_heading: "Choose a new password",
    must_change_intro: "Staff have reset your password. Choose a new one that only you know before going on.",
    temporary_password_present_label: "Temporary password (from staff)",
    account_disabled_tag: "Disabled",
    disable_account_button: "Disable account",
    enable_account_button: "Enable account",
    disable_account_explained: "Once disabled, the account is signed out at once and cannot sign in until it is enabled again.",
    enable_account_explained: "Once enabled, the account can sign in again with its password.",
    confirm_disable_button: "Disable it",
    confirm_enable_button: "Enable it",
    account_disabled_done: "The account is disabled.",
    account_enabled_done: "The account is enabled.",
    reset_password_button: "Reset password",
    temporary_password_label: "Temporary password",
    temporary_password_hint: "10 to 256 characters. Tell the person face to face or by phone; the account is signed out at once and must choose a new password at its next sign-in.",
    confirm_reset_button: "Reset it",
    password_reset_done: "The password is reset. The person must choose a new one at the next sign-in.",
    error_temporary_password_length: "The temporary password must be 10 to 256 characters.",
    error_account_not_found: "This account was not found. Reload the page and try again.",
    // Elders' mode (长辈版) and the settings page.
    elders_mode: "Elders' mode",
    elders_mode_hint: "Larger text and buttons, the three most used services first on the home page, and nothing on a page changes by itself.",
    elders_tasks_label: "Main services",
    elders_book: "Book a meeting with a deputy",
    elders_opinion: "Send an opinion or suggestion",
    call_nearest: "Call the nearest deputies' home",
    call_nearest_failed: "Your position could not be found. Find a home in the list below and call it from its page.",
    read_aloud: "Read aloud",
    stop_reading: "Stop reading",
    verify_resend_later: "You can ask again shortly",
    nav_settings: "Settings",
    settings_heading: "Settings",
    settings_language: "Language",
    // ---- livelihood projects (民生实事), the citizens' pages ----
    nav_projects: "Projects",
    projects_heading: "Livelihood projects",
    projects_intro: "Livelihood projects are proposed by residents, chosen by the people's delegates' vote, carried out by the government and supervised by the delegates. The city's congress and each district's hold one round a year.",
    projects_cycles_heading: "Each congress's rounds",
    projects_no_cycles: "No round of livelihood projects has started yet.",
    projects_city_congress: "Hohhot People's Congress",
    projects_district_suffix: " People's Congress",
    projects_cycle_heading: "Livelihood projects",
    projects_back_to_cycle: "Back to this year's projects",
    projects_preparing_note: "Proposals are not being collected yet. Please come back later.",
    projects_collecting_note: "Proposals are being collected: propose a project, or support others' proposals (once per phone).",
    projects_shortlisting_note: "Collection has closed; staff are drafting the candidate list from the proposals.",
    projects_voting_note: "The delegates are voting. No counts are published before the vote closes.",
    projects_propose_button: "Propose a project",
    projects_candidates_heading: "Candidate projects",
    projects_no_candidates: "No candidates yet.",
    projects_unit: "Responsible unit",
    projects_budget: "Budget",
    projects_target: "Target",
    projects_deadline: "Deadline",
    projects_from_proposals: "From residents' proposals:",
    projects_proposals_heading: "Residents' proposals",
    projects_no_proposals_yet: "Nobody has proposed a project yet. Be the first.",
    projects_no_proposals: "This round has no proposals.",
    projects_result_heading: "Result of the vote",
    projects_quorum_failed: "Not more than half of the delegates voted: the vote is void and no project is adopted.",
    projects_trackers_hint: "Each delegate who voted received a ballot tracker. Its SHA-256 digest is listed below, so each delegate can check their ballot was counted; the list does not show who chose what.",
    projects_adopted_heading: "Adopted projects and their progress",
    projects_none_adopted: "No project was adopted in this round.",
    projects_percent_done: "Done",
    projects_propose_heading: "Propose a project",
    projects_propose_intro: "Say what should be done, where, and who benefits. Your phone is verified with a text code before sending; it is never published.",
    projects_not_collecting: "This round is not collecting proposals now.",
    projects_field_title: "Project name",
    projects_field_what: "What should be done, and where",
    projects_field_what_hint: "For example: a lift in an old residential building, traffic lights at a crossing. 10 to 1000 characters.",
    projects_field_beneficiaries: "Who benefits",
    projects_field_district: "District",
    projects_field_category: "Category",
    projects_phone_hint: "To confirm the proposal is yours; never published.",
    projects_propose_submit: "Send the proposal",
    projects_proposal_sent: "Proposal sent",
    projects_tracking: "Proposal number",
    projects_proposal_sent_note: "Keep the number. The proposal's page shows what becomes of it: merged, declined with a reason, or taken onto the candidate list.",
    projects_see_proposal: "See the proposal",
    projects_proposal_heading: "Proposed project",
    projects_status_heading: "Status",
    projects_merged_into: "Merged with the same proposal:",
    projects_decline_reason: "Why it was not taken up:",
    projects_support_heading: "Support this proposal",
    projects_support_hint: "Each verified phone may support a proposal once.",
    projects_support_button: "Support",
    projects_supported: "Supported. Thank you!",
    projects_project_heading: "Livelihood project",
    projects_vote: "Vote",
    projects_origin_heading: "The proposals it came from",
    projects_progress_heading: "Progress",
    projects_no_progress: "No progress report yet.",
    projects_delayed: "Delayed",
    projects_lowered: "Why the percent went down:",
    projects_inspections_heading: "Delegates' inspections",
    projects_no_inspections: "No inspection yet.",
    projects_evaluation_heading: "Delegates' year-end evaluation",
    projects_evaluation_not_yet: "The year-end evaluation has not started.",
    projects_evaluation_open: "The delegates are evaluating; the result is published when it closes.",
    projects_evaluation_rule: "The rule: satisfied if more than half chose satisfied; basically satisfied if satisfied and basically satisfied together are more than half; otherwise dissatisfied. The ballot is secret.",
    projects_nobody_evaluated: "No delegate evaluated it.",
    projects_ratings_heading: "Residents' ratings (advisory)",
    projects_ratings_hint: "Residents' ratings are counted apart from the delegates' evaluation and do not change it. One rating per phone.",
    projects_no_ratings: "No resident has rated it yet.",
    projects_rating_legend: "Your rating",
    projects_rating_needed: "Please choose a rating.",
    projects_rate_button: "Send the rating",
    projects_rated: "Rating sent. Thank you!",
    projects_figures_heading: "This term's figures",
    projects_no_figures: "No project has been decided by a vote yet.",
    projects_congress: "Congress",
    projects_count: "Projects",
    projects_percent: "Percent",
    projects_decided: "Projects decided",
    projects_completed_share: "Completed",
    projects_on_time_share: "Completed on time",
    projects_satisfied_share: "Delegates satisfied (incl. basically)",
    projects_decided_by_congress: "Projects decided, by congress",
    projects_completed_by_congress: "Share completed, by congress",
    projects_on_time_by_congress: "Share completed on time, by congress",
    projects_satisfied_by_congress: "Delegates satisfied (incl. basically), by congress",
    projects_error_title: "The project name must be 4 to 60 characters.",
    projects_error_what: "Say what should be done and where, in 10 to 1000 characters.",
    projects_error_beneficiaries: "Say who benefits, in 2 to 300 characters.",
    projects_error_not_collecting: "This round is no longer collecting: proposals and supports are closed.",
    projects_error_already_supported: "This phone has already supported this proposal.",
    projects_error_not_open: "This proposal was merged or declined; please support the one it was merged into.",
    projects_error_limited: "Too many from this phone or network this hour; please try again later.",
    projects_error_already_rated: "This phone has already rated this project.",
    projects_photos_verify_first: "Photos can be added once the phone is verified (up to 3). Get and enter the code, then tap Verify.",
    projects_check_tracker_label: "Check my ballot tracker",
    projects_check_tracker_hint: "Enter the tracker you got after voting. Its digest is computed on this device and compared with the published list; the tracker is not sent.",
    projects_check_tracker_button: "Check",
    projects_tracker_found: "Found: your ballot was counted.",
    projects_tracker_not_found: "This tracker is not on the list. Check that it is complete and of this cycle.",
    projects_error_not_adopted: "This project was not adopted in the vote and cannot be rated.",
};

/// The English catalog (natively; the browser loads its strings, see `shipped`).
#[cfg(not(target_arch = "wasm32"))]
pub const EN: Catalog = catalog(&TEXT, &super::project_office::EN);

/// The English catalog's code (plurals, names of kinds, dates) around its strings.
pub const fn catalog(
    text: &'static CatalogText,
    project_office: &'static ProjectOffice,
) -> Catalog {
    Catalog {
        text,
        project_office,
        result_count: |n| {
            if n == 1 {
                "1 home found".to_owned()
            } else {
                format!("{n} homes found")
            }
        },
        distance,
        open_until: |t| format!("Open now, until {t}"),
        closed_opens_today: |t| format!("Closed, opens today at {t}"),
        closed_opens_on: |day, t| format!("Closed, opens {day} at {t}"),
        weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        call: |p| format!("Call {p}"),
        map_intro: |n| {
            format!("Each dot is one of the {n} homes. Tap a dot for details; all homes are listed below by district.")
        },
        homes_count: |n| {
            if n == 1 {
                "1 home".to_owned()
            } else {
                format!("{n} homes")
            }
        },
        signed_in_as: |name| format!("Signed in as {name}"),
        role_name,
        activity_kind,
        on_duty: |names| format!("Delegates on duty: {names}"),
        capacity: |n| format!("{n} places"),
        cancelled: |reason| format!("Cancelled: {reason}"),
        published: |n| {
            if n == 1 {
                "1 activity published.".to_owned()
            } else {
                format!("{n} activities published.")
            }
        },
        publish_heading: |home| format!("Publish an activity at {home}"),
        seats_left: |n| {
            if n == 1 {
                "1 seat left".to_owned()
            } else {
                format!("{n} seats left")
            }
        },
        chars_count: |n, max| format!("{n}/{max} characters"),
        access_need,
        qr_alt: |code| format!("QR code of booking {code}"),
        verify_resend_in: |n| format!("Resend in {n} s"),
        verify_code_sent: |to, m| format!("Code sent to {to}, valid for {m} minutes."),
        verify_verified: |p| format!("✓ Verified: {p}"),
        mine_phone: |p| format!("Verified mobile {p}"),
        booking_status,
        activities_count: |n| {
            if n == 1 {
                "1 activity".to_owned()
            } else {
                format!("{n} activities")
            }
        },
        checked_in_name: |name| format!("{name} is checked in."),
        record_written_by: |name| format!("Last written by {name}"),
        summary_heading: |year| format!("My {year} in numbers"),
        walk_in_booked: |d| format!("Booked: {d}. Tell the citizen the booking code."),
        holidays_missing: |y| {
            format!("No holidays are listed for {y}: deadlines there skip only weekends and may come too early. Once you add and save them, deadlines that were not extended are counted again.")
        },
        holidays_remove: |d| format!("Remove {d}"),
        holidays_saved: |n| {
            format!("Saved. {n} deadlines that were not extended were counted again.")
        },
        holidays_date_taken: |d| format!("{d} is already in the calendar; remove it first."),
        holidays_queue_notice: |y| {
            format!("No holidays are listed for {y}; reply deadlines may come too early.")
        },
        year_heading: |y| format!("{y}"),
        units_shown: |shown, all| format!("{shown} of {all} shown"),
        unit_added: |n| format!("Added: {n}"),
        opinion_units: |u| format!("Handled by: {u}"),
        category_name,
        photo_remove: |n| format!("Remove photo {n}"),
        photo_alt: |n| format!("Photo {n}"),
        opinion_status_name: opinion_status,
        opinion_submitted_at: |d| format!("Sent on {d}"),
        opinion_contact_shown: |n, p| format!("Contact: {n} {p}"),
        opinion_contact_erased: |d| {
            format!("The retention period being over, the contact, phone, location and photos were erased on {d}")
        },
        opinion_publish_shown: |p| {
            if p {
                "To be published with its reply"
            } else {
                "Private"
            }
        },
        attempts: |n| {
            if n == 1 {
                "1 attempt".to_owned()
            } else {
                format!("{n} attempts")
            }
        },
        notification_status: |s| match s {
            NotificationStatus::Pending => "Pending",
            NotificationStatus::Sent => "Sent",
            NotificationStatus::Failed => "Failed",
        },
        notification_kind: |k| match k {
            NotificationKind::Confirmation => "Confirmation",
            NotificationKind::Change => "Change",
            NotificationKind::Cancellation => "Cancellation",
            NotificationKind::ActivityCancelled => "Activity cancelled",
            NotificationKind::Promotion => "Promotion",
            NotificationKind::Reminder => "Reminder",
            NotificationKind::OpinionAccepted => "Opinion accepted",
            NotificationKind::OpinionRejected => "Opinion not accepted",
            NotificationKind::OpinionAssigned => "Opinion assigned",
            NotificationKind::OpinionReplied => "Opinion replied",
            NotificationKind::OpinionExtended => "Reply deadline extended",
            NotificationKind::OpinionClosed => "Opinion closed",
            NotificationKind::OpinionPublished => "Opinion published",
            NotificationKind::VerificationCode => "Verification code",
        },
        accounts_shown: |shown, total| {
            if shown == total {
                format!("{total} accounts")
            } else {
                format!("{shown} of {total} accounts")
            }
        },
        username_shown: |u| format!("Username: {u}"),
        phone_shown: |p| format!("Mobile: {p}"),
        homes_selected: |n| {
            if n == 1 {
                "1 chosen".to_owned()
            } else {
                format!("{n} chosen")
            }
        },
        account_created: |name| format!("Account created: {name}."),
        district_name: District::name_en,
        type_name,
        field_name,
        facility_name,
        queue_count: |n| format!("{n} in all"),
        select_opinion: |t| format!("Select {t}"),
        due_on: |d| format!("Reply due by {d}"),
        near_duplicate_of: |t| format!("Possible duplicate: close to {t}"),
        assigned_units: |u| format!("Handled by: {u}"),
        bulk_selected: |n| format!("{n} selected"),
        bulk_done: |ok, no| format!("{ok} done, {no} refused."),
        page_of: |p, n| format!("Page {p} of {n}"),
        reply_class_name,
        replied_at: |d| format!("Replied {d}"),
        rating_name,
        rating_shown: |r| format!("Rating: {}", rating_name(r)),
        rating_public: |r| format!("The author rated it: {}", rating_name(r)),
        event_kind_name,
        reject_reason_name,
        units_selected: |n| format!("{n} chosen"),
        call_nearest_home: |name, phone| format!("Call {name} on {phone}"),
        projects_phase_name: projects_phase_en,
        projects_category_name: projects_category_en,
        projects_status_name: projects_status_en,
        projects_outcome_name: projects_outcome_en,
        projects_flag_name: projects_flag_en,
        projects_places: |n, of| {
            format!("{n} of the {of} candidates will be chosen (more candidates than places).")
        },
        projects_supporters: |n| {
            if n == 1 {
                "1 supporter".to_owned()
            } else {
                format!("{n} supporters")
            }
        },
        projects_turnout: |cast, eligible| format!("{cast} of {eligible} delegates voted."),
        projects_places_tied: |n| {
            format!("{n} place(s) are left open by a tie; the rule does not guess, so they are to be decided separately.")
        },
        projects_votes: |n| {
            if n == 1 {
                "1 vote".to_owned()
            } else {
                format!("{n} votes")
            }
        },
        projects_trackers: |n| format!("Ballot trackers counted ({n})"),
        projects_votes_of: |votes, eligible| format!("{votes} votes of {eligible} delegates"),
        projects_evaluation_result: |r| format!("Result: {}", satisfaction_en(r)),
        projects_evaluation_counts: |s, b, d| {
            format!("Satisfied {s}, basically satisfied {b}, dissatisfied {d}.")
        },
        projects_ratings_summary: |n, avg| format!("{n} rated; average {avg:.1} of 5."),
        projects_rating_value: |n| {
            if n == 1 {
                "1 point".to_owned()
            } else {
                format!("{n} points")
            }
        },
        projects_proposal_photo_alt: |n| format!("Photo {n} of the proposed site"),
        projects_progress_photo_alt: |n| format!("Progress photo {n}"),
        projects_inspection_photo_alt: |n| format!("Inspection photo {n}"),
        projects_collection_closed_on: |d| {
            format!("Collection closed on {d}; proposals can no longer be supported.")
        },
        // Mongolian interface: dates and times are shown as the server sends them.
        date: |d| d.to_owned(),
        date_time: |d| d.to_owned(),
        clock: |t| t.to_owned(),
    }
}

fn reply_class_name(c: ReplyClass) -> &'static str {
    match c {
        ReplyClass::A => "Class A: solved or adopted",
        ReplyClass::B => "Class B: being solved or planned",
        ReplyClass::C => "Class C: kept for reference",
    }
}

fn rating_name(r: Rating) -> &'static str {
    match r {
        Rating::Satisfied => "satisfied",
        Rating::Fairly => "fairly satisfied",
        Rating::Not => "not satisfied",
    }
}

fn event_kind_name(k: EventKind) -> &'static str {
    match k {
        EventKind::Submitted => "Submitted",
        EventKind::Accepted => "Accepted",
        EventKind::Rejected => "Rejected",
        EventKind::Assigned => "Assigned",
        EventKind::Acknowledged => "Acknowledged",
        EventKind::Replied => "Replied",
        EventKind::Rated => "Rated",
        EventKind::Published => "Published",
        EventKind::Closed => "Closed",
        EventKind::Extended => "Due date extended",
        EventKind::Note => "Note",
    }
}

fn reject_reason_name(r: RejectReason) -> &'static str {
    match r {
        RejectReason::Spam => "Advertising or meaningless",
        RejectReason::Abusive => "Insults or threats",
        RejectReason::Duplicate => "Duplicate",
        RejectReason::OutOfScope => "Out of scope",
        RejectReason::InLitigation => "In litigation, arbitration or review",
    }
}

fn projects_phase_en(p: deputy_homes_api::projects::CyclePhase) -> &'static str {
    use deputy_homes_api::projects::CyclePhase as P;
    match p {
        P::Preparing => "Preparing",
        P::Collecting => "Collecting proposals",
        P::Shortlisting => "Drafting the candidates",
        P::Voting => "Delegates voting",
        P::Closed => "Vote closed",
    }
}

fn projects_category_en(c: deputy_homes_api::projects::ProposalCategory) -> &'static str {
    use deputy_homes_api::projects::ProposalCategory as C;
    match c {
        C::Education => "Education",
        C::Health => "Health",
        C::ElderlyCare => "Elderly care",
        C::Transport => "Transport",
        C::Housing => "Housing and neighbourhoods",
        C::Environment => "Environment",
        C::CultureSport => "Culture and sport",
        C::Employment => "Employment",
        C::Safety => "Public safety",
        C::Other => "Other",
    }
}

fn projects_status_en(s: deputy_homes_api::projects::ProposalStatus) -> &'static str {
    use deputy_homes_api::projects::ProposalStatus as S;
    match s {
        S::Open => "Open",
        S::Merged => "Merged",
        S::Declined => "Not taken up",
    }
}

fn projects_outcome_en(o: deputy_homes_api::projects::CandidateOutcome) -> &'static str {
    use deputy_homes_api::projects::CandidateOutcome as O;
    match o {
        O::Adopted => "Adopted",
        O::TiedAtCutOff => "Tied at the cut-off: not decided",
        O::OutOfPlaces => "Majority, but the places were filled",
        O::NoMajority => "No majority",
    }
}

fn projects_flag_en(f: deputy_homes_api::projects::progress::ProjectFlag) -> &'static str {
    use deputy_homes_api::projects::progress::ProjectFlag as F;
    match f {
        F::UpdateOverdue => "Progress report overdue",
        F::PastDeadline => "Past its deadline, not finished",
    }
}

fn satisfaction_en(s: deputy_homes_api::projects::satisfaction::Satisfaction) -> &'static str {
    use deputy_homes_api::projects::satisfaction::Satisfaction as S;
    match s {
        S::Satisfied => "satisfied",
        S::BasicallySatisfied => "basically satisfied",
        S::Dissatisfied => "dissatisfied",
    }
}
