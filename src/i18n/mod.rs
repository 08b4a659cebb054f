//! Every string the user sees, in Chinese (the default), English and traditional Mongolian. A
//! language is a value of [`Catalog`], so the compiler refuses a language with a missing string.

mod en;
mod mn;
pub mod mn_dates;
pub mod project_office;
pub mod refusals;
mod zh;

pub use mn::{MN_AWAITING_REVIEW, MN_REVIEW_NOTICE, MN_REVIEW_NOTICE_ZH};

use deputy_homes_api::accounts::Role;
use deputy_homes_api::meetings::activity::ActivityKind;
use deputy_homes_api::meetings::booking::{AccessNeed, BookingStatus};
use deputy_homes_api::opinions::board::{Rating, ReplyClass};
use deputy_homes_api::opinions::handling::{EventKind, RejectReason};
use deputy_homes_api::opinions::{Category, OpinionStatus};
use deputy_homes_api::platform::outbox::{NotificationKind, NotificationStatus};
use deputy_homes_api::projects::adoption::CandidateOutcome;
use deputy_homes_api::projects::progress::ProjectFlag;
use deputy_homes_api::projects::satisfaction::Satisfaction;
use deputy_homes_api::projects::{CyclePhase, ProposalCategory, ProposalStatus};
use deputy_homes_api::{District, Facility, HomeType};
use leptos::prelude::*;

/// The interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
    /// Traditional Mongolian script as written in Inner Mongolia (never bare `mn`: Cyrillic).
    Mn,
}

impl Lang {
    /// Every language, in the order the switch offers them.
    pub const ALL: [Lang; 3] = [Lang::Zh, Lang::En, Lang::Mn];

    /// The BCP 47 tag, for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
            Lang::Mn => "mn-Mong-CN",
        }
    }

    /// Reads a stored tag; anything unknown means the default, Chinese.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag() == tag)
            .unwrap_or(Lang::Zh)
    }

    /// The language's name in itself, as the switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Mn => "ᠮᠣᠩᠭᠣᠯ",
        }
    }

    /// "Switch to" this language, said in this language (the switch's accessible name).
    pub fn switch_to(self) -> &'static str {
        match self {
            Lang::Zh => "切换到中文",
            Lang::En => "Switch to English",
            Lang::Mn => "ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ (切换到蒙古文)",
        }
    }

    /// Whether proper names (homes, districts, units) are shown in Chinese rather than English:
    /// Mongolian text keeps Chinese names as they are, but for the homes' own Mongolian names and
    /// addresses where the register has them (`homes::names`).
    pub fn names_in_chinese(self) -> bool {
        self != Lang::En
    }

    /// Whether the language is written in vertical columns (the layout turns its text regions).
    pub fn is_vertical(self) -> bool {
        self == Lang::Mn
    }

    /// The catalog of this language.
    pub fn catalog(self) -> &'static Catalog {
        match self {
            Lang::Zh => &zh::ZH,
            Lang::En => &en::EN,
            Lang::Mn => &mn::MN,
        }
    }
}

/// The strings of one language. Functions take what the sentence needs.
pub struct Catalog {
    pub app_title: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_homes: &'static str,
    pub nav_map: &'static str,
    /// The accessible name of the group of language buttons.
    pub switch_language_label: &'static str,
    pub sample_notice: &'static str,
    pub footer: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub error_network: &'static str,
    pub error_server: &'static str,
    pub error_bad_request: &'static str,
    pub list_heading: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    pub district_label: &'static str,
    pub all_districts: &'static str,
    pub type_label: &'static str,
    pub all_types: &'static str,
    pub professional_all: &'static str,
    pub professional_heading: &'static str,
    pub near_me: &'static str,
    pub locating: &'static str,
    pub sorted_by_distance: &'static str,
    pub stop_near_me: &'static str,
    pub geo_denied: &'static str,
    pub geo_unavailable: &'static str,
    pub geo_timeout: &'static str,
    pub geo_unsupported: &'static str,
    pub result_count: fn(usize) -> String,
    pub no_results: &'static str,
    pub clear_filters: &'static str,
    pub distance: fn(f64) -> String,
    pub open_until: fn(&str) -> String,
    pub closed_opens_today: fn(&str) -> String,
    pub closed_opens_on: fn(&str, &str) -> String,
    pub never_open: &'static str,
    pub weekdays: [&'static str; 7],
    pub today: &'static str,
    pub closed_day: &'static str,
    pub hours_heading: &'static str,
    pub hours_note: &'static str,
    pub address_heading: &'static str,
    pub phone_heading: &'static str,
    pub call: fn(&str) -> String,
    pub facilities_heading: &'static str,
    pub no_facilities: &'static str,
    pub about_heading: &'static str,
    pub directions_heading: &'static str,
    pub directions_note: &'static str,
    pub nav_amap: &'static str,
    pub nav_baidu: &'static str,
    pub nav_default_app: &'static str,
    pub back_to_list: &'static str,
    pub home_not_found: &'static str,
    pub page_not_found: &'static str,
    pub map_heading: &'static str,
    pub map_intro: fn(usize) -> String,
    pub map_city: &'static str,
    pub map_urban: &'static str,
    pub map_legend_professional: &'static str,
    pub map_city_centre: &'static str,
    pub map_by_district: &'static str,
    pub homes_count: fn(usize) -> String,
    pub view_list: &'static str,
    pub nav_sign_in: &'static str,
    pub nav_account: &'static str,
    pub sign_in_heading: &'static str,
    pub sign_in_intro: &'static str,
    pub login_label: &'static str,
    pub password_label: &'static str,
    pub sign_in_button: &'static str,
    pub signing_in: &'static str,
    pub error_required: &'static str,
    pub error_bad_credentials: &'static str,
    pub error_too_many_attempts: &'static str,
    pub account_heading: &'static str,
    pub signed_in_as: fn(&str) -> String,
    pub account_homes: &'static str,
    pub account_no_homes: &'static str,
    pub sign_out: &'static str,
    pub signed_out: &'static str,
    pub demo_account_notice: &'static str,
    pub role_name: fn(Role) -> &'static str,
    pub activities_heading: &'static str,
    pub no_activities: &'static str,
    pub activities_unavailable: &'static str,
    pub activity_kind: fn(ActivityKind) -> &'static str,
    pub on_duty: fn(&str) -> String,
    pub capacity: fn(u32) -> String,
    pub cancelled: fn(&str) -> String,
    pub activity_kind_label: &'static str,
    pub activity_date: &'static str,
    pub activity_start: &'static str,
    pub activity_end: &'static str,
    pub activity_topic: &'static str,
    pub activity_capacity: &'static str,
    pub activity_repeat: &'static str,
    pub activity_date_error: &'static str,
    pub activity_time_error: &'static str,
    pub activity_capacity_error: &'static str,
    pub activity_topic_error: &'static str,
    pub activity_repeat_error: &'static str,
    pub session_ended: &'static str,
    pub published: fn(usize) -> String,
    pub publish_button: &'static str,
    pub publish_heading: fn(&str) -> String,
    pub nav_activities: &'static str,
    pub nav_my_bookings: &'static str,
    pub book_button: &'static str,
    pub join_waitlist: &'static str,
    pub seats_left: fn(u32) -> String,
    pub activity_full: &'static str,
    pub book_heading: &'static str,
    pub book_intro: &'static str,
    pub book_name: &'static str,
    pub book_phone: &'static str,
    pub book_phone_hint: &'static str,
    pub book_topic: &'static str,
    pub chars_count: fn(usize, usize) -> String,
    pub access_needs_label: &'static str,
    pub access_need: fn(AccessNeed) -> &'static str,
    pub consent_text: &'static str,
    pub book_submit: &'static str,
    pub submitting: &'static str,
    pub error_name: &'static str,
    pub error_phone: &'static str,
    pub error_topic: &'static str,
    pub error_consent: &'static str,
    pub error_waitlist_full: &'static str,
    pub error_booking_changes_limited: &'static str,
    pub error_cap: &'static str,
    pub error_closed: &'static str,
    pub error_already_booked: &'static str,
    pub error_activity_cancelled: &'static str,
    pub booked_heading: &'static str,
    pub waitlisted_heading: &'static str,
    pub waitlisted_note: &'static str,
    pub booking_code_label: &'static str,
    pub qr_alt: fn(&str) -> String,
    pub add_to_calendar: &'static str,
    pub show_at_door: &'static str,
    pub my_bookings_heading: &'static str,
    pub my_bookings_empty: &'static str,
    pub my_bookings_note: &'static str,
    pub verify_phone_hint: &'static str,
    pub verify_code_label: &'static str,
    pub verify_get_code: &'static str,
    pub verify_resend_in: fn(i64) -> String,
    pub verify_code_sent: fn(&str, i64) -> String,
    pub verify_verified: fn(&str) -> String,
    pub verify_button: &'static str,
    pub error_verify_code_format: &'static str,
    pub error_wrong_code: &'static str,
    pub error_code_expired: &'static str,
    pub error_code_needed: &'static str,
    pub error_codes_too_many: &'static str,
    pub error_verification_ended: &'static str,
    pub mine_intro: &'static str,
    pub mine_phone: fn(&str) -> String,
    pub mine_sign_out: &'static str,
    pub mine_bookings_heading: &'static str,
    pub mine_opinions_heading: &'static str,
    pub mine_opinions_empty: &'static str,
    pub mine_device_heading: &'static str,
    pub mine_device_note: &'static str,
    pub booking_status: fn(BookingStatus) -> &'static str,
    pub cancel_booking: &'static str,
    pub confirm_cancel: &'static str,
    pub keep_booking: &'static str,
    pub booking_missing: &'static str,
    pub forget_booking: &'static str,
    pub find_booking_heading: &'static str,
    pub find_booking_button: &'static str,
    pub error_code_format: &'static str,
    pub error_booking_not_found: &'static str,
    pub move_booking: &'static str,
    pub move_button: &'static str,
    pub moved: &'static str,
    pub no_other_activities: &'static str,
    pub activity_not_found: &'static str,
    pub view_home: &'static str,
    pub all_activities_heading: &'static str,
    pub all_kinds: &'static str,
    pub any_date: &'static str,
    pub activities_count: fn(usize) -> String,
    pub manage_link: &'static str,
    pub roster_heading: &'static str,
    pub roster_empty: &'static str,
    pub phones_masked_note: &'static str,
    pub check_in_label: &'static str,
    pub check_in_button: &'static str,
    pub checked_in_name: fn(&str) -> String,
    pub checked_in: &'static str,
    pub not_checked_in: &'static str,
    pub error_check_in_waitlisted: &'static str,
    pub error_check_in_already: &'static str,
    pub error_check_in_unknown: &'static str,
    pub record_heading: &'static str,
    pub record_raised: &'static str,
    pub record_follow_up: &'static str,
    pub record_bookings: &'static str,
    pub record_save: &'static str,
    pub record_saved: &'static str,
    pub record_not_begun: &'static str,
    pub record_written_by: fn(&str) -> String,
    pub summary_heading: fn(i32) -> String,
    pub summary_activities: &'static str,
    pub summary_people: &'static str,
    pub summary_records: &'static str,
    pub my_activities_heading: &'static str,
    pub forbidden: &'static str,
    pub walk_in_booking_heading: &'static str,
    pub walk_in_booking_intro: &'static str,
    pub walk_in_booked: fn(&str) -> String,
    pub walk_in_heading: &'static str,
    pub walk_in_intro: &'static str,
    pub walk_in_consent: &'static str,
    pub walk_in_link: &'static str,
    pub holidays_heading: &'static str,
    pub holidays_intro: &'static str,
    pub holidays_missing: fn(&str) -> String,
    pub holidays_add_heading: &'static str,
    pub holidays_from: &'static str,
    pub holidays_to: &'static str,
    pub holidays_name: &'static str,
    pub holidays_kind: &'static str,
    pub holiday_kind_holiday: &'static str,
    pub holiday_kind_workday: &'static str,
    pub holidays_add_button: &'static str,
    pub holidays_remove: fn(&str) -> String,
    pub holidays_save: &'static str,
    pub holidays_saved: fn(u32) -> String,
    pub holidays_unsaved: &'static str,
    pub holidays_date_taken: fn(&str) -> String,
    pub holidays_empty: &'static str,
    pub holidays_queue_notice: fn(&str) -> String,
    pub error_day_range: &'static str,
    pub error_day_name: &'static str,
    pub year_heading: fn(i64) -> String,
    pub remove_button: &'static str,
    pub units_heading: &'static str,
    pub units_intro: &'static str,
    pub units_add_label: &'static str,
    pub units_add_button: &'static str,
    pub units_shown: fn(usize, usize) -> String,
    pub unit_inactive: &'static str,
    pub unit_rename: &'static str,
    pub unit_rename_label: &'static str,
    pub unit_save_name: &'static str,
    pub unit_deactivate: &'static str,
    pub unit_activate: &'static str,
    pub unit_added: fn(&str) -> String,
    pub error_unit_name: &'static str,
    pub error_unit_taken: &'static str,
    pub opinion_units: fn(&str) -> String,
    pub walk_in_sent_note: &'static str,
    pub nav_opinions: &'static str,
    pub opinion_new_heading: &'static str,
    pub opinion_intro: &'static str,
    pub opinion_category: &'static str,
    pub category_name: fn(Category) -> &'static str,
    pub opinion_home: &'static str,
    pub opinion_no_home: &'static str,
    pub opinion_title: &'static str,
    pub opinion_body: &'static str,
    pub photos_label: &'static str,
    pub photos_hint: &'static str,
    pub photo_uploading: &'static str,
    pub photo_remove: fn(usize) -> String,
    pub photo_alt: fn(usize) -> String,
    pub error_photo_type: &'static str,
    pub error_photo_size: &'static str,
    pub error_photo_count: &'static str,
    pub error_photo_gone: &'static str,
    pub opinion_location: &'static str,
    pub opinion_add_location: &'static str,
    pub opinion_location_added: &'static str,
    pub opinion_remove_location: &'static str,
    pub opinion_contact: &'static str,
    pub opinion_with_contact: &'static str,
    pub opinion_anonymous: &'static str,
    pub opinion_consent: &'static str,
    pub opinion_allow_publish: &'static str,
    pub opinion_submit: &'static str,
    pub error_title: &'static str,
    pub error_body: &'static str,
    pub error_contact_name: &'static str,
    pub error_opinion_consent: &'static str,
    pub error_rate_limited: &'static str,
    pub opinion_sent_heading: &'static str,
    pub opinion_tracking: &'static str,
    pub opinion_private_link: &'static str,
    pub opinion_sent_note: &'static str,
    pub opinion_lookup_heading: &'static str,
    pub error_tracking_not_found: &'static str,
    pub opinion_lookup_intro: &'static str,
    pub opinion_anonymous_note: &'static str,
    pub my_opinions_heading: &'static str,
    pub opinion_status_name: fn(OpinionStatus) -> &'static str,
    pub opinion_timeline: &'static str,
    pub opinion_submitted_at: fn(&str) -> String,
    pub opinion_contact_shown: fn(&str, &str) -> String,
    pub opinion_anonymous_shown: &'static str,
    pub opinion_contact_erased: fn(&str) -> String,
    pub opinion_publish_shown: fn(bool) -> &'static str,
    pub new_opinion_link: &'static str,
    pub outbox_heading: &'static str,
    pub outbox_intro: &'static str,
    pub outbox_empty: &'static str,
    pub outbox_link: &'static str,
    pub attempts: fn(u32) -> String,
    pub notification_status: fn(NotificationStatus) -> &'static str,
    pub notification_kind: fn(NotificationKind) -> &'static str,
    pub manage_activity_heading: &'static str,
    pub edit_save: &'static str,
    pub edit_saved: &'static str,
    pub error_capacity_below: &'static str,
    pub error_started: &'static str,
    pub error_reason: &'static str,
    pub cancel_reason_label: &'static str,
    pub cancel_activity_button: &'static str,
    pub confirm_cancel_activity: &'static str,
    pub activity_cancelled_done: &'static str,
    pub record_raised_error: &'static str,
    pub record_follow_up_error: &'static str,
    pub staff_accounts_link: &'static str,
    pub staff_accounts_heading: &'static str,
    pub staff_accounts_intro: &'static str,
    pub staff_only: &'static str,
    pub staff_sign_in_first: &'static str,
    pub accounts_list_heading: &'static str,
    pub accounts_search_label: &'static str,
    pub accounts_shown: fn(usize, usize) -> String,
    pub accounts_none_match: &'static str,
    pub username_shown: fn(&str) -> String,
    pub phone_shown: fn(&str) -> String,
    pub create_account_heading: &'static str,
    pub display_name_label: &'static str,
    pub username_label: &'static str,
    pub username_hint: &'static str,
    pub phone_label: &'static str,
    pub initial_password_label: &'static str,
    pub password_hint: &'static str,
    pub role_label: &'static str,
    pub homes_label: &'static str,
    pub homes_search_label: &'static str,
    pub homes_selected: fn(usize) -> String,
    pub homes_none_match: &'static str,
    pub homes_unavailable: &'static str,
    pub staff_have_no_homes: &'static str,
    pub create_account_button: &'static str,
    pub creating_account: &'static str,
    pub account_created: fn(&str) -> String,
    pub edit_homes_button: &'static str,
    pub save_homes_button: &'static str,
    pub cancel_button: &'static str,
    pub homes_saved: &'static str,
    pub invalid_display_name: &'static str,
    pub invalid_username: &'static str,
    pub invalid_phone: &'static str,
    pub invalid_password: &'static str,
    pub invalid_homes: &'static str,
    pub username_taken: &'static str,
    pub phone_taken: &'static str,
    pub form_has_errors: &'static str,
    pub district_name: fn(District) -> &'static str,
    pub type_name: fn(HomeType) -> &'static str,
    pub field_name: fn(HomeType) -> &'static str,
    pub facility_name: fn(Facility) -> &'static str,
    pub nav_board: &'static str,
    pub staff_queue_heading: &'static str,
    pub staff_queue_link: &'static str,
    pub queue_status: &'static str,
    pub all_statuses: &'static str,
    pub all_categories: &'static str,
    pub queue_home: &'static str,
    pub all_homes: &'static str,
    pub units_label: &'static str,
    pub all_units: &'static str,
    pub queue_overdue_only: &'static str,
    pub queue_search: &'static str,
    pub queue_count: fn(u64) -> String,
    pub queue_empty: &'static str,
    pub select_opinion: fn(&str) -> String,
    pub due_on: fn(&str) -> String,
    pub overdue: &'static str,
    pub near_duplicate_of: fn(&str) -> String,
    pub assigned_units: fn(&str) -> String,
    pub bulk_selected: fn(usize) -> String,
    pub bulk_action_label: &'static str,
    pub bulk_apply: &'static str,
    pub bulk_done: fn(usize, usize) -> String,
    pub pager_label: &'static str,
    pub page_prev: &'static str,
    pub page_next: &'static str,
    pub page_of: fn(u32, u32) -> String,
    pub channel_walk_in: &'static str,
    pub reveal_phone: &'static str,
    pub reveal_phone_note: &'static str,
    pub error_reveal_limited: &'static str,
    pub reply_heading: &'static str,
    pub reply_class_name: fn(ReplyClass) -> &'static str,
    pub replied_at: fn(&str) -> String,
    pub rating_name: fn(Rating) -> &'static str,
    pub rating_shown: fn(Rating) -> String,
    pub rating_public: fn(Rating) -> String,
    pub rating_legend: &'static str,
    pub rating_comment_label: &'static str,
    pub rating_submit: &'static str,
    pub error_rating_choice: &'static str,
    pub error_comment: &'static str,
    pub event_kind_name: fn(EventKind) -> &'static str,
    pub internal_note_label: &'static str,
    pub actions_heading: &'static str,
    pub no_steps_left: &'static str,
    pub step_accept: &'static str,
    pub step_reject: &'static str,
    pub step_assign: &'static str,
    pub step_acknowledge: &'static str,
    pub step_reply: &'static str,
    pub step_extend: &'static str,
    pub step_publish: &'static str,
    pub step_close: &'static str,
    pub add_note: &'static str,
    pub step_note_label: &'static str,
    pub note_label: &'static str,
    pub step_done: &'static str,
    pub publish_not_allowed: &'static str,
    pub reject_reason_label: &'static str,
    pub reject_reason_name: fn(RejectReason) -> &'static str,
    pub duplicate_of_label: &'static str,
    pub reject_message_label: &'static str,
    pub reply_class_label: &'static str,
    pub reply_text_label: &'static str,
    pub extend_date_label: &'static str,
    pub extend_reason_label: &'static str,
    pub error_text_required: &'static str,
    pub error_duplicate_of: &'static str,
    pub error_units: &'static str,
    pub error_due_date: &'static str,
    pub error_step_conflict: &'static str,
    pub units_search_label: &'static str,
    pub units_selected: fn(usize) -> String,
    pub units_none_match: &'static str,
    pub board_heading: &'static str,
    pub board_intro: &'static str,
    pub board_empty: &'static str,
    pub stats_heading: &'static str,
    pub stats_total: &'static str,
    pub stats_overdue: &'static str,
    pub stats_median_days: &'static str,
    pub stats_on_time: &'static str,
    pub stats_satisfied: &'static str,
    pub stats_rated: &'static str,
    pub stats_by_status: &'static str,
    pub stats_by_category: &'static str,
    pub stats_by_district: &'static str,
    pub stats_year_label: &'static str,
    pub stats_all_years: &'static str,
    pub stats_by_home: &'static str,
    pub stats_name: &'static str,
    pub stats_count: &'static str,
    pub district_none: &'static str,
    pub stats_units: &'static str,
    pub stats_no_units: &'static str,
    pub stats_assigned: &'static str,
    pub stats_replied: &'static str,
    pub audit_heading: &'static str,
    pub audit_target_label: &'static str,
    pub audit_empty: &'static str,
    pub audit_actor_system: &'static str,
    pub delegate_opinions_heading: &'static str,
    pub delegate_opinions_empty: &'static str,
    pub password_change_heading: &'static str,
    pub present_password_label: &'static str,
    pub new_password_label: &'static str,
    pub new_password_hint: &'static str,
    pub change_password_button: &'static str,
    pub changing_password: &'static str,
    pub password_changed: &'static str,
    pub error_present_password_required: &'static str,
    pub error_present_password_wrong: &'static str,
    pub error_new_password_length: &'static str,
    pub must_change_heading: &'static str,
    pub must_change_intro: &'static str,
    pub temporary_password_present_label: &'static str,
    pub account_disabled_tag: &'static str,
    pub disable_account_button: &'static str,
    pub enable_account_button: &'static str,
    pub disable_account_explained: &'static str,
    pub enable_account_explained: &'static str,
    pub confirm_disable_button: &'static str,
    pub confirm_enable_button: &'static str,
    pub account_disabled_done: &'static str,
    pub account_enabled_done: &'static str,
    pub reset_password_button: &'static str,
    pub temporary_password_label: &'static str,
    pub temporary_password_hint: &'static str,
    pub confirm_reset_button: &'static str,
    pub password_reset_done: &'static str,
    pub error_temporary_password_length: &'static str,
    pub error_account_not_found: &'static str,
    // Elders' mode (长辈版) and the settings page.
    pub elders_mode: &'static str,
    pub elders_mode_hint: &'static str,
    pub elders_tasks_label: &'static str,
    pub elders_book: &'static str,
    pub elders_opinion: &'static str,
    pub call_nearest: &'static str,
    /// The nearest home's name and phone.
    pub call_nearest_home: fn(&str, &str) -> String,
    pub call_nearest_failed: &'static str,
    pub read_aloud: &'static str,
    pub stop_reading: &'static str,
    pub verify_resend_later: &'static str,
    pub nav_settings: &'static str,
    pub settings_heading: &'static str,
    pub settings_language: &'static str,
    // ---- livelihood projects (民生实事), the citizens' pages ----
    pub nav_projects: &'static str,
    pub projects_heading: &'static str,
    pub projects_intro: &'static str,
    pub projects_cycles_heading: &'static str,
    pub projects_no_cycles: &'static str,
    pub projects_city_congress: &'static str,
    /// After a district's name: "人大" / " People's Congress".
    pub projects_district_suffix: &'static str,
    pub projects_phase_name: fn(CyclePhase) -> &'static str,
    pub projects_category_name: fn(ProposalCategory) -> &'static str,
    pub projects_status_name: fn(ProposalStatus) -> &'static str,
    pub projects_outcome_name: fn(CandidateOutcome) -> &'static str,
    pub projects_flag_name: fn(ProjectFlag) -> &'static str,
    pub projects_cycle_heading: &'static str,
    pub projects_back_to_cycle: &'static str,
    pub projects_preparing_note: &'static str,
    pub projects_collecting_note: &'static str,
    pub projects_shortlisting_note: &'static str,
    pub projects_voting_note: &'static str,
    pub projects_propose_button: &'static str,
    pub projects_candidates_heading: &'static str,
    pub projects_places: fn(u32, usize) -> String,
    pub projects_no_candidates: &'static str,
    pub projects_unit: &'static str,
    pub projects_budget: &'static str,
    pub projects_target: &'static str,
    pub projects_deadline: &'static str,
    pub projects_from_proposals: &'static str,
    pub projects_proposals_heading: &'static str,
    pub projects_no_proposals_yet: &'static str,
    pub projects_no_proposals: &'static str,
    pub projects_supporters: fn(u32) -> String,
    pub projects_result_heading: &'static str,
    pub projects_turnout: fn(u32, u32) -> String,
    pub projects_quorum_failed: &'static str,
    pub projects_places_tied: fn(u32) -> String,
    pub projects_votes: fn(u32) -> String,
    pub projects_trackers: fn(usize) -> String,
    pub projects_trackers_hint: &'static str,
    pub projects_adopted_heading: &'static str,
    pub projects_none_adopted: &'static str,
    pub projects_percent_done: &'static str,
    pub projects_propose_heading: &'static str,
    pub projects_propose_intro: &'static str,
    pub projects_not_collecting: &'static str,
    pub projects_field_title: &'static str,
    pub projects_field_what: &'static str,
    pub projects_field_what_hint: &'static str,
    pub projects_field_beneficiaries: &'static str,
    pub projects_field_district: &'static str,
    pub projects_field_category: &'static str,
    pub projects_phone_hint: &'static str,
    pub projects_propose_submit: &'static str,
    pub projects_proposal_sent: &'static str,
    pub projects_tracking: &'static str,
    pub projects_proposal_sent_note: &'static str,
    pub projects_see_proposal: &'static str,
    pub projects_proposal_heading: &'static str,
    pub projects_status_heading: &'static str,
    pub projects_merged_into: &'static str,
    pub projects_decline_reason: &'static str,
    pub projects_support_heading: &'static str,
    pub projects_support_hint: &'static str,
    pub projects_support_button: &'static str,
    pub projects_supported: &'static str,
    pub projects_project_heading: &'static str,
    pub projects_vote: &'static str,
    pub projects_votes_of: fn(u32, u32) -> String,
    pub projects_origin_heading: &'static str,
    pub projects_progress_heading: &'static str,
    pub projects_no_progress: &'static str,
    pub projects_delayed: &'static str,
    pub projects_lowered: &'static str,
    pub projects_inspections_heading: &'static str,
    pub projects_no_inspections: &'static str,
    pub projects_evaluation_heading: &'static str,
    pub projects_evaluation_not_yet: &'static str,
    pub projects_evaluation_open: &'static str,
    pub projects_evaluation_rule: &'static str,
    pub projects_evaluation_result: fn(Satisfaction) -> String,
    pub projects_nobody_evaluated: &'static str,
    pub projects_evaluation_counts: fn(u32, u32, u32) -> String,
    pub projects_ratings_heading: &'static str,
    pub projects_ratings_hint: &'static str,
    pub projects_ratings_summary: fn(u32, f64) -> String,
    pub projects_no_ratings: &'static str,
    pub projects_rating_legend: &'static str,
    pub projects_rating_value: fn(u32) -> String,
    pub projects_rating_needed: &'static str,
    pub projects_rate_button: &'static str,
    pub projects_rated: &'static str,
    pub projects_figures_heading: &'static str,
    pub projects_no_figures: &'static str,
    pub projects_congress: &'static str,
    pub projects_count: &'static str,
    pub projects_percent: &'static str,
    pub projects_decided: &'static str,
    pub projects_completed_share: &'static str,
    pub projects_on_time_share: &'static str,
    pub projects_satisfied_share: &'static str,
    pub projects_decided_by_congress: &'static str,
    pub projects_completed_by_congress: &'static str,
    pub projects_on_time_by_congress: &'static str,
    pub projects_satisfied_by_congress: &'static str,
    pub projects_error_title: &'static str,
    pub projects_error_what: &'static str,
    pub projects_error_beneficiaries: &'static str,
    pub projects_error_not_collecting: &'static str,
    pub projects_error_already_supported: &'static str,
    pub projects_error_not_open: &'static str,
    pub projects_error_limited: &'static str,
    pub projects_error_already_rated: &'static str,
    /// Under a proposal's photo field while the phone is not verified yet.
    pub projects_photos_verify_first: &'static str,
    /// Alt text of a proposal's photo by its number.
    pub projects_proposal_photo_alt: fn(usize) -> String,
    /// Alt text of a progress update's photo by its number.
    pub projects_progress_photo_alt: fn(usize) -> String,
    /// Alt text of an inspection's photo by its number.
    pub projects_inspection_photo_alt: fn(usize) -> String,
    /// A proposal's page once collection closed, with the day it closed.
    pub projects_collection_closed_on: fn(&str) -> String,
    /// The ballot tracker check on a cycle's page.
    pub projects_check_tracker_label: &'static str,
    pub projects_check_tracker_hint: &'static str,
    pub projects_check_tracker_button: &'static str,
    pub projects_tracker_found: &'static str,
    pub projects_tracker_not_found: &'static str,
    pub projects_error_not_adopted: &'static str,
    // ---- livelihood projects, office screens ----
    pub project_office: &'static project_office::ProjectOffice,
    // Mongolian interface: every date and time on a page is written by its language.
    /// A `YYYY-MM-DD` date.
    pub date: fn(&str) -> String,
    /// A `YYYY-MM-DD HH:MM` moment.
    pub date_time: fn(&str) -> String,
    /// An `HH:MM` time of day.
    pub clock: fn(&str) -> String,
}

const STORAGE_KEY: &str = "deputy-homes.lang";

/// The language in use, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// Reads the stored choice (Chinese when there is none) and provides it to the app.
    pub fn provide() -> I18n {
        let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let i18n = I18n {
            lang: RwSignal::new(Lang::from_tag(stored.as_deref().unwrap_or("zh-CN"))),
        };
        Effect::new(move |_| set_document_lang(i18n.lang.get()));
        provide_context(i18n);
        i18n
    }

    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The current catalog (tracked).
    pub fn t(self) -> &'static Catalog {
        self.lang.get().catalog()
    }

    /// Switches language and remembers the choice on this device.
    pub fn set(self, lang: Lang) {
        if let Some(s) = storage() {
            // Private browsing may refuse storage; the switch still applies to this visit.
            let _ = s.set_item(STORAGE_KEY, lang.tag());
        }
        self.lang.set(lang);
    }
}

/// Which string of a catalog to show.
pub type Text = fn(&Catalog) -> &'static str;

/// A text that follows the language. Every call returns the same closure type, so the view code
/// for a translated text is compiled once rather than once per string, which keeps the wasm small.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || text(i18n.t())
}

/// A text with an argument that follows the language; one compiled copy per argument type.
pub fn tr_with<A, R>(
    text: fn(&Catalog, A) -> R,
    arg: A,
) -> impl Fn() -> R + Clone + Send + Sync + 'static
where
    A: Clone + Send + Sync + 'static,
    R: 'static,
{
    let i18n = use_i18n();
    move || text(i18n.t(), arg.clone())
}

/// The app's language context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_is_stored_and_restored_by_its_tag() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), lang);
        }
        assert_eq!(Lang::Mn.tag(), "mn-Mong-CN");
        // Bare `mn` is Cyrillic Mongolian, which is not this interface: it means the default.
        assert_eq!(Lang::from_tag("mn"), Lang::Zh);
        assert_eq!(Lang::from_tag("fr"), Lang::Zh);
    }

    #[test]
    fn the_mongolian_catalog_is_in_the_script_and_writes_its_own_dates() {
        let mn = Lang::Mn.catalog();
        let in_script = |s: &str| s.chars().any(|c| ('\u{1820}'..='\u{1842}').contains(&c));
        for text in [
            mn.app_title,
            mn.nav_homes,
            mn.book_submit,
            mn.opinion_submit,
            mn.retry,
        ] {
            assert!(in_script(text), "{text}");
        }
        assert!(mn.weekdays.iter().all(|d| in_script(d)));
        assert_eq!((mn.date)("2026-03-05"), mn_dates::date("2026-03-05"));
        assert!((mn.due_on)("2026-03-05").starts_with(&mn_dates::date("2026-03-05")));
        assert!((mn.open_until)("17:30").contains(&mn_dates::clock("17:30")));
        // Chinese and English show dates as they come.
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(
                (lang.catalog().date_time)("2026-03-05 09:30"),
                "2026-03-05 09:30"
            );
        }
        assert!(Lang::Mn.names_in_chinese() && Lang::Zh.names_in_chinese());
        assert!(!Lang::En.names_in_chinese());
    }
}
