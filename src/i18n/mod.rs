//! Every string the user sees, in Chinese (the default), English and traditional Mongolian. A
//! language is a value of [`Catalog`]: its strings ([`CatalogText`], a struct literal per
//! language, so the compiler refuses a language with a missing string) and its code (plurals,
//! dates). The browser gets English and Mongolian strings from a file when chosen (`shipped`).

#[macro_use]
mod texts;
mod en;
mod mn;
pub mod mn_dates;
pub mod project_office;
pub mod refusals;
mod shipped;
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

    /// The catalog of this language. In the browser English and Mongolian are there once
    /// loaded ([`I18n::set`] switches only then); until then this is the Chinese one.
    pub fn catalog(self) -> &'static Catalog {
        #[cfg(not(target_arch = "wasm32"))]
        return match self {
            Lang::Zh => &zh::ZH,
            Lang::En => &en::EN,
            Lang::Mn => &mn::MN,
        };
        #[cfg(target_arch = "wasm32")]
        shipped::loaded(self).unwrap_or(&zh::ZH)
    }

    /// Whether the language's catalog is here (Chinese always; the others once loaded).
    fn is_ready(self) -> bool {
        cfg!(not(target_arch = "wasm32")) || self == Lang::Zh || shipped::loaded(self).is_some()
    }
}

texts! {
    /// The strings of one language: compiled for Chinese; for English and Mongolian compiled
    /// natively (the source of truth) and loaded by the browser from the file written from them.
    pub struct CatalogText {
        app_title,
        skip_to_content,
        nav_label,
        nav_homes,
        nav_map,
        /// The accessible name of the group of language buttons.
        switch_language_label,
        sample_notice,
        footer,
        loading,
        retry,
        error_network,
        error_server,
        error_bad_request,
        list_heading,
        search_label,
        search_placeholder,
        search_button,
        district_label,
        all_districts,
        type_label,
        all_types,
        professional_all,
        professional_heading,
        near_me,
        locating,
        sorted_by_distance,
        stop_near_me,
        geo_denied,
        geo_unavailable,
        geo_timeout,
        geo_unsupported,
        no_results,
        clear_filters,
        never_open,
        today,
        closed_day,
        hours_heading,
        hours_note,
        address_heading,
        phone_heading,
        facilities_heading,
        no_facilities,
        about_heading,
        directions_heading,
        directions_note,
        nav_amap,
        nav_baidu,
        nav_default_app,
        back_to_list,
        home_not_found,
        page_not_found,
        map_heading,
        map_city,
        map_urban,
        map_legend_professional,
        map_city_centre,
        map_by_district,
        view_list,
        nav_sign_in,
        nav_account,
        sign_in_heading,
        sign_in_intro,
        login_label,
        password_label,
        sign_in_button,
        signing_in,
        error_required,
        error_bad_credentials,
        error_too_many_attempts,
        account_heading,
        account_homes,
        account_no_homes,
        sign_out,
        signed_out,
        demo_account_notice,
        activities_heading,
        no_activities,
        activities_unavailable,
        activity_kind_label,
        activity_date,
        activity_start,
        activity_end,
        activity_topic,
        activity_capacity,
        activity_repeat,
        activity_date_error,
        activity_time_error,
        activity_capacity_error,
        activity_topic_error,
        activity_repeat_error,
        session_ended,
        publish_button,
        nav_activities,
        nav_my_bookings,
        book_button,
        join_waitlist,
        activity_full,
        book_heading,
        book_intro,
        book_name,
        book_phone,
        book_phone_hint,
        book_topic,
        access_needs_label,
        consent_text,
        book_submit,
        submitting,
        error_name,
        error_phone,
        error_topic,
        error_consent,
        error_waitlist_full,
        error_booking_changes_limited,
        error_cap,
        error_closed,
        error_already_booked,
        error_activity_cancelled,
        booked_heading,
        waitlisted_heading,
        waitlisted_note,
        booking_code_label,
        add_to_calendar,
        show_at_door,
        my_bookings_heading,
        my_bookings_empty,
        my_bookings_note,
        verify_phone_hint,
        verify_code_label,
        verify_get_code,
        verify_button,
        error_verify_code_format,
        error_wrong_code,
        error_code_expired,
        error_code_needed,
        error_codes_too_many,
        error_verification_ended,
        mine_intro,
        mine_sign_out,
        mine_bookings_heading,
        mine_opinions_heading,
        mine_opinions_empty,
        mine_device_heading,
        mine_device_note,
        cancel_booking,
        confirm_cancel,
        keep_booking,
        booking_missing,
        forget_booking,
        find_booking_heading,
        find_booking_button,
        error_code_format,
        error_booking_not_found,
        move_booking,
        move_button,
        moved,
        no_other_activities,
        activity_not_found,
        view_home,
        all_activities_heading,
        all_kinds,
        any_date,
        manage_link,
        roster_heading,
        roster_empty,
        phones_masked_note,
        check_in_label,
        check_in_button,
        checked_in,
        not_checked_in,
        error_check_in_waitlisted,
        error_check_in_already,
        error_check_in_unknown,
        record_heading,
        record_raised,
        record_follow_up,
        record_bookings,
        record_save,
        record_saved,
        record_not_begun,
        summary_activities,
        summary_people,
        summary_records,
        my_activities_heading,
        forbidden,
        walk_in_booking_heading,
        walk_in_booking_intro,
        walk_in_heading,
        walk_in_intro,
        walk_in_consent,
        walk_in_link,
        holidays_heading,
        holidays_intro,
        holidays_add_heading,
        holidays_from,
        holidays_to,
        holidays_name,
        holidays_kind,
        holiday_kind_holiday,
        holiday_kind_workday,
        holidays_add_button,
        holidays_save,
        holidays_unsaved,
        holidays_empty,
        error_day_range,
        error_day_name,
        remove_button,
        units_heading,
        units_intro,
        units_add_label,
        units_add_button,
        unit_inactive,
        unit_rename,
        unit_rename_label,
        unit_save_name,
        unit_deactivate,
        unit_activate,
        error_unit_name,
        error_unit_taken,
        walk_in_sent_note,
        nav_opinions,
        opinion_new_heading,
        opinion_intro,
        opinion_category,
        opinion_home,
        opinion_no_home,
        opinion_title,
        opinion_body,
        photos_label,
        photos_hint,
        photo_uploading,
        error_photo_type,
        error_photo_size,
        error_photo_count,
        error_photo_gone,
        opinion_location,
        opinion_add_location,
        opinion_location_added,
        opinion_remove_location,
        opinion_contact,
        opinion_with_contact,
        opinion_anonymous,
        opinion_consent,
        opinion_allow_publish,
        opinion_submit,
        error_title,
        error_body,
        error_contact_name,
        error_opinion_consent,
        error_rate_limited,
        opinion_sent_heading,
        opinion_tracking,
        opinion_private_link,
        opinion_sent_note,
        opinion_lookup_heading,
        error_tracking_not_found,
        opinion_lookup_intro,
        opinion_anonymous_note,
        my_opinions_heading,
        opinion_timeline,
        opinion_anonymous_shown,
        new_opinion_link,
        outbox_heading,
        outbox_intro,
        outbox_empty,
        outbox_link,
        manage_activity_heading,
        edit_save,
        edit_saved,
        error_capacity_below,
        error_started,
        error_reason,
        cancel_reason_label,
        cancel_activity_button,
        confirm_cancel_activity,
        activity_cancelled_done,
        record_raised_error,
        record_follow_up_error,
        staff_accounts_link,
        staff_accounts_heading,
        staff_accounts_intro,
        staff_only,
        staff_sign_in_first,
        accounts_list_heading,
        accounts_search_label,
        accounts_none_match,
        create_account_heading,
        display_name_label,
        username_label,
        username_hint,
        phone_label,
        initial_password_label,
        password_hint,
        role_label,
        homes_label,
        homes_search_label,
        homes_none_match,
        homes_unavailable,
        staff_have_no_homes,
        create_account_button,
        creating_account,
        edit_homes_button,
        save_homes_button,
        cancel_button,
        homes_saved,
        invalid_display_name,
        invalid_username,
        invalid_phone,
        invalid_password,
        invalid_homes,
        username_taken,
        phone_taken,
        form_has_errors,
        nav_board,
        staff_queue_heading,
        staff_queue_link,
        queue_status,
        all_statuses,
        all_categories,
        queue_home,
        all_homes,
        units_label,
        all_units,
        queue_overdue_only,
        queue_search,
        queue_empty,
        overdue,
        bulk_action_label,
        bulk_apply,
        pager_label,
        page_prev,
        page_next,
        channel_walk_in,
        reveal_phone,
        reveal_phone_note,
        error_reveal_limited,
        reply_heading,
        rating_legend,
        rating_comment_label,
        rating_submit,
        error_rating_choice,
        error_comment,
        internal_note_label,
        actions_heading,
        no_steps_left,
        step_accept,
        step_reject,
        step_assign,
        step_acknowledge,
        step_reply,
        step_extend,
        step_publish,
        step_close,
        add_note,
        step_note_label,
        note_label,
        step_done,
        publish_not_allowed,
        reject_reason_label,
        duplicate_of_label,
        reject_message_label,
        reply_class_label,
        reply_text_label,
        extend_date_label,
        extend_reason_label,
        error_text_required,
        error_duplicate_of,
        error_units,
        error_due_date,
        error_step_conflict,
        units_search_label,
        units_none_match,
        board_heading,
        board_intro,
        board_empty,
        stats_heading,
        stats_total,
        stats_overdue,
        stats_median_days,
        stats_on_time,
        stats_satisfied,
        stats_rated,
        stats_by_status,
        stats_by_category,
        stats_by_district,
        stats_year_label,
        stats_all_years,
        stats_by_home,
        stats_name,
        stats_count,
        district_none,
        stats_units,
        stats_no_units,
        stats_assigned,
        stats_replied,
        audit_heading,
        audit_target_label,
        audit_empty,
        audit_actor_system,
        delegate_opinions_heading,
        delegate_opinions_empty,
        password_change_heading,
        present_password_label,
        new_password_label,
        new_password_hint,
        change_password_button,
        changing_password,
        password_changed,
        error_present_password_required,
        error_present_password_wrong,
        error_new_password_length,
        must_change_heading,
        must_change_intro,
        temporary_password_present_label,
        account_disabled_tag,
        disable_account_button,
        enable_account_button,
        disable_account_explained,
        enable_account_explained,
        confirm_disable_button,
        confirm_enable_button,
        account_disabled_done,
        account_enabled_done,
        reset_password_button,
        temporary_password_label,
        temporary_password_hint,
        confirm_reset_button,
        password_reset_done,
        error_temporary_password_length,
        error_account_not_found,
        // Elders' mode (长辈版) and the settings page.
        elders_mode,
        elders_mode_hint,
        elders_tasks_label,
        elders_book,
        elders_opinion,
        call_nearest,
        call_nearest_failed,
        read_aloud,
        stop_reading,
        verify_resend_later,
        nav_settings,
        settings_heading,
        settings_language,
        // ---- livelihood projects (民生实事), the citizens' pages ----
        nav_projects,
        projects_heading,
        projects_intro,
        projects_cycles_heading,
        projects_no_cycles,
        projects_city_congress,
        /// After a district's name: "人大" / " People's Congress".
        projects_district_suffix,
        projects_cycle_heading,
        projects_back_to_cycle,
        projects_preparing_note,
        projects_collecting_note,
        projects_shortlisting_note,
        projects_voting_note,
        projects_propose_button,
        projects_candidates_heading,
        projects_no_candidates,
        projects_unit,
        projects_budget,
        projects_target,
        projects_deadline,
        projects_from_proposals,
        projects_proposals_heading,
        projects_no_proposals_yet,
        projects_no_proposals,
        projects_result_heading,
        projects_quorum_failed,
        projects_trackers_hint,
        projects_adopted_heading,
        projects_none_adopted,
        projects_percent_done,
        projects_propose_heading,
        projects_propose_intro,
        projects_not_collecting,
        projects_field_title,
        projects_field_what,
        projects_field_what_hint,
        projects_field_beneficiaries,
        projects_field_district,
        projects_field_category,
        projects_phone_hint,
        projects_propose_submit,
        projects_proposal_sent,
        projects_tracking,
        projects_proposal_sent_note,
        projects_see_proposal,
        projects_proposal_heading,
        projects_status_heading,
        projects_merged_into,
        projects_decline_reason,
        projects_support_heading,
        projects_support_hint,
        projects_support_button,
        projects_supported,
        projects_project_heading,
        projects_vote,
        projects_origin_heading,
        projects_progress_heading,
        projects_no_progress,
        projects_delayed,
        projects_lowered,
        projects_inspections_heading,
        projects_no_inspections,
        projects_evaluation_heading,
        projects_evaluation_not_yet,
        projects_evaluation_open,
        projects_evaluation_rule,
        projects_nobody_evaluated,
        projects_ratings_heading,
        projects_ratings_hint,
        projects_no_ratings,
        projects_rating_legend,
        projects_rating_needed,
        projects_rate_button,
        projects_rated,
        projects_figures_heading,
        projects_no_figures,
        projects_congress,
        projects_count,
        projects_percent,
        projects_decided,
        projects_completed_share,
        projects_on_time_share,
        projects_satisfied_share,
        projects_decided_by_congress,
        projects_completed_by_congress,
        projects_on_time_by_congress,
        projects_satisfied_by_congress,
        projects_error_title,
        projects_error_what,
        projects_error_beneficiaries,
        projects_error_not_collecting,
        projects_error_already_supported,
        projects_error_not_open,
        projects_error_limited,
        projects_error_already_rated,
        /// Under a proposal's photo field while the phone is not verified yet.
        projects_photos_verify_first,
        /// The ballot tracker check on a cycle's page.
        projects_check_tracker_label,
        projects_check_tracker_hint,
        projects_check_tracker_button,
        projects_tracker_found,
        projects_tracker_not_found,
        projects_error_not_adopted,
    }
}

/// One language: its strings ([`CatalogText`], which the catalog derefs to, so `t.app_title`
/// reads as a field) and its code, functions that take what the sentence needs.
pub struct Catalog {
    /// The strings.
    text: &'static CatalogText,
    pub result_count: fn(usize) -> String,
    pub distance: fn(f64) -> String,
    pub open_until: fn(&str) -> String,
    pub closed_opens_today: fn(&str) -> String,
    pub closed_opens_on: fn(&str, &str) -> String,
    pub weekdays: [&'static str; 7],
    pub call: fn(&str) -> String,
    pub map_intro: fn(usize) -> String,
    pub homes_count: fn(usize) -> String,
    pub signed_in_as: fn(&str) -> String,
    pub role_name: fn(Role) -> &'static str,
    pub activity_kind: fn(ActivityKind) -> &'static str,
    pub on_duty: fn(&str) -> String,
    pub capacity: fn(u32) -> String,
    pub cancelled: fn(&str) -> String,
    pub published: fn(usize) -> String,
    pub publish_heading: fn(&str) -> String,
    pub seats_left: fn(u32) -> String,
    pub chars_count: fn(usize, usize) -> String,
    pub access_need: fn(AccessNeed) -> &'static str,
    pub qr_alt: fn(&str) -> String,
    pub verify_resend_in: fn(i64) -> String,
    pub verify_code_sent: fn(&str, i64) -> String,
    pub verify_verified: fn(&str) -> String,
    pub mine_phone: fn(&str) -> String,
    pub booking_status: fn(BookingStatus) -> &'static str,
    pub activities_count: fn(usize) -> String,
    pub checked_in_name: fn(&str) -> String,
    pub record_written_by: fn(&str) -> String,
    pub summary_heading: fn(i32) -> String,
    pub walk_in_booked: fn(&str) -> String,
    pub holidays_missing: fn(&str) -> String,
    pub holidays_remove: fn(&str) -> String,
    pub holidays_saved: fn(u32) -> String,
    pub holidays_date_taken: fn(&str) -> String,
    pub holidays_queue_notice: fn(&str) -> String,
    pub year_heading: fn(i64) -> String,
    pub units_shown: fn(usize, usize) -> String,
    pub unit_added: fn(&str) -> String,
    pub opinion_units: fn(&str) -> String,
    pub category_name: fn(Category) -> &'static str,
    pub photo_remove: fn(usize) -> String,
    pub photo_alt: fn(usize) -> String,
    pub opinion_status_name: fn(OpinionStatus) -> &'static str,
    pub opinion_submitted_at: fn(&str) -> String,
    pub opinion_contact_shown: fn(&str, &str) -> String,
    pub opinion_contact_erased: fn(&str) -> String,
    pub opinion_publish_shown: fn(bool) -> &'static str,
    pub attempts: fn(u32) -> String,
    pub notification_status: fn(NotificationStatus) -> &'static str,
    pub notification_kind: fn(NotificationKind) -> &'static str,
    pub accounts_shown: fn(usize, usize) -> String,
    pub username_shown: fn(&str) -> String,
    pub phone_shown: fn(&str) -> String,
    pub homes_selected: fn(usize) -> String,
    pub account_created: fn(&str) -> String,
    pub district_name: fn(District) -> &'static str,
    pub type_name: fn(HomeType) -> &'static str,
    pub field_name: fn(HomeType) -> &'static str,
    pub facility_name: fn(Facility) -> &'static str,
    pub queue_count: fn(u64) -> String,
    pub select_opinion: fn(&str) -> String,
    pub due_on: fn(&str) -> String,
    pub near_duplicate_of: fn(&str) -> String,
    pub assigned_units: fn(&str) -> String,
    pub bulk_selected: fn(usize) -> String,
    pub bulk_done: fn(usize, usize) -> String,
    pub page_of: fn(u32, u32) -> String,
    pub reply_class_name: fn(ReplyClass) -> &'static str,
    pub replied_at: fn(&str) -> String,
    pub rating_name: fn(Rating) -> &'static str,
    pub rating_shown: fn(Rating) -> String,
    pub rating_public: fn(Rating) -> String,
    pub event_kind_name: fn(EventKind) -> &'static str,
    pub reject_reason_name: fn(RejectReason) -> &'static str,
    pub units_selected: fn(usize) -> String,
    /// The nearest home's name and phone.
    pub call_nearest_home: fn(&str, &str) -> String,
    pub projects_phase_name: fn(CyclePhase) -> &'static str,
    pub projects_category_name: fn(ProposalCategory) -> &'static str,
    pub projects_status_name: fn(ProposalStatus) -> &'static str,
    pub projects_outcome_name: fn(CandidateOutcome) -> &'static str,
    pub projects_flag_name: fn(ProjectFlag) -> &'static str,
    pub projects_places: fn(u32, usize) -> String,
    pub projects_supporters: fn(u32) -> String,
    pub projects_turnout: fn(u32, u32) -> String,
    pub projects_places_tied: fn(u32) -> String,
    pub projects_votes: fn(u32) -> String,
    pub projects_trackers: fn(usize) -> String,
    pub projects_votes_of: fn(u32, u32) -> String,
    pub projects_evaluation_result: fn(Satisfaction) -> String,
    pub projects_evaluation_counts: fn(u32, u32, u32) -> String,
    pub projects_ratings_summary: fn(u32, f64) -> String,
    pub projects_rating_value: fn(u32) -> String,
    /// Alt text of a proposal's photo by its number.
    pub projects_proposal_photo_alt: fn(usize) -> String,
    /// Alt text of a progress update's photo by its number.
    pub projects_progress_photo_alt: fn(usize) -> String,
    /// Alt text of an inspection's photo by its number.
    pub projects_inspection_photo_alt: fn(usize) -> String,
    /// A proposal's page once collection closed, with the day it closed.
    pub projects_collection_closed_on: fn(&str) -> String,
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

impl std::ops::Deref for Catalog {
    type Target = CatalogText;

    fn deref(&self) -> &CatalogText {
        self.text
    }
}

const STORAGE_KEY: &str = "deputy-homes.lang";

/// Where a switch of language stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Switching {
    /// Nothing under way.
    Done,
    /// The chosen language's strings are being fetched; the page stays in the current one.
    Loading(Lang),
    /// They could not be fetched, so the page stayed in the current language.
    Failed,
}

/// The language in use, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
    switching: RwSignal<Switching>,
}

impl I18n {
    /// Provides the stored choice (Chinese when there is none) to the app. [`prepare`] loaded a
    /// stored English or Mongolian before the app mounted; if that failed, the app starts in
    /// Chinese and says so.
    pub fn provide() -> I18n {
        let stored = stored_lang();
        let (lang, switching) = if stored.is_ready() {
            (stored, Switching::Done)
        } else {
            (Lang::Zh, Switching::Failed)
        };
        let i18n = I18n {
            lang: RwSignal::new(lang),
            switching: RwSignal::new(switching),
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

    /// Where the last switch of language stands (tracked).
    pub fn switching(self) -> Switching {
        self.switching.get()
    }

    /// Switches language, once its strings are here, and remembers the choice on this device.
    /// A failed fetch keeps the current language; a later choice wins over one still loading.
    pub fn set(self, lang: Lang) {
        if lang.is_ready() {
            self.apply(lang);
            return;
        }
        if self.switching.get_untracked() == Switching::Loading(lang) {
            return;
        }
        self.switching.set(Switching::Loading(lang));
        leptos::task::spawn_local(async move {
            let loaded = shipped::load(lang).await;
            if self.switching.get_untracked() != Switching::Loading(lang) {
                return;
            }
            match loaded {
                Ok(()) => self.apply(lang),
                Err(_) => self.switching.set(Switching::Failed),
            }
        });
    }

    fn apply(self, lang: Lang) {
        if let Some(s) = storage() {
            // Private browsing may refuse storage; the switch still applies to this visit.
            let _ = s.set_item(STORAGE_KEY, lang.tag());
        }
        self.switching.set(Switching::Done);
        self.lang.set(lang);
    }
}

/// Loads the stored language's strings, when it is English or Mongolian, so that the app's
/// first page is drawn in it (the app mounts after this).
pub async fn prepare() {
    // A failure is shown once the app runs (`I18n::provide`).
    let _ = shipped::load(stored_lang()).await;
}

fn stored_lang() -> Lang {
    let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    Lang::from_tag(stored.as_deref().unwrap_or("zh-CN"))
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
