//! Every string the user sees, in Chinese (the default), English and traditional Mongolian. A
//! language is a value of [`Catalog`]: its strings ([`CatalogText`], a struct literal per
//! language, so the compiler refuses a language with a missing string: the names of kinds and
//! the sentences' templates with `{n}` holes are strings too) and its dates. The code around the
//! strings (plurals, holes filled by [`fill`]) is written once, here. The browser gets English
//! and Mongolian strings from a file when chosen (`shipped`), so no word of theirs is compiled in.

#[macro_use]
mod texts;
mod en;
mod mn;
pub mod mn_dates;
pub mod project_office;
pub mod refusals;
mod shipped;
mod zh;

pub use mn::{MN_AWAITING_REVIEW, MN_REVIEW_NOTICE_ZH};

use crate::kit::device_store::keep_cookie;
use deputy_homes_api::accounts::Role;
use deputy_homes_api::meetings::activity::ActivityKind;
use deputy_homes_api::meetings::booking::{AccessNeed, BookingStatus};
use deputy_homes_api::opinions::board::{Rating, ReplyClass};
use deputy_homes_api::opinions::handling::{EventKind, RejectReason};
use deputy_homes_api::opinions::{Category, OpinionStatus};
use deputy_homes_api::platform::first_answers::LANGUAGE_COOKIE;
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
        /// A filter form's button, seen only where no script runs.
        show_button,
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
            /// The line saying the Mongolian interface is a draft awaiting review, in Mongolian
        /// (shown only there, [`MN_AWAITING_REVIEW`]; empty in the other languages).
        mn_review_notice,
        /// The words of a Mongolian date and time (`mn_dates`): "year" and "month" with their
        /// genitive suffixes, "day", "hour", "minute"; empty in the other languages.
        date_year_of,
        date_month_of,
        date_day,
        clock_hour,
        clock_minute,
        /// "Yuan" after an amount in Mongolian (`projects::rules::money`); empty in the others.
        mn_yuan,
        // ---- names of kinds (a field per variant) and sentences with holes (`fill`); English
        // plurals are `_one`/`_other`, the same template twice in Chinese and Mongolian ----
        satisfaction_satisfied,
        satisfaction_basically_satisfied,
        satisfaction_dissatisfied,
        result_count_one,
        result_count_other,
        distance_m,
        distance_km,
        open_until,
        closed_opens_today,
        closed_opens_on,
        weekday_mon,
        weekday_tue,
        weekday_wed,
        weekday_thu,
        weekday_fri,
        weekday_sat,
        weekday_sun,
        call,
        map_intro,
        homes_count_one,
        homes_count_other,
        signed_in_as,
        role_delegate,
        role_staff,
        activity_kind_reception,
        activity_kind_voter_meeting,
        activity_kind_duty_report,
        activity_kind_training,
        activity_kind_convenience_service,
        on_duty,
        capacity,
        cancelled,
        published_one,
        published_other,
        publish_heading,
        seats_left_one,
        seats_left_other,
        chars_count,
        access_need_wheelchair,
        access_need_sign_language,
        access_need_large_print,
        access_need_hearing_loop,
        access_need_companion,
        qr_alt,
        verify_resend_in,
        verify_code_sent,
        verify_verified,
        mine_phone,
        booking_status_booked,
        booking_status_waitlisted,
        booking_status_cancelled,
        activities_count_one,
        activities_count_other,
        checked_in_name,
        record_written_by,
        summary_heading,
        walk_in_booked,
        holidays_missing,
        holidays_remove,
        holidays_saved,
        holidays_date_taken,
        holidays_queue_notice,
        year_heading,
        units_shown,
        unit_added,
        opinion_units,
        category_urban_construction,
        category_transport,
        category_education,
        category_health,
        category_ecology_environment,
        category_business_environment,
        category_social_security,
        category_public_safety,
        category_other,
        photo_remove,
        photo_alt,
        opinion_status_submitted,
        opinion_status_accepted,
        opinion_status_rejected,
        opinion_status_assigned,
        opinion_status_acknowledged,
        opinion_status_replied,
        opinion_status_rated,
        opinion_status_published,
        opinion_status_closed,
        opinion_submitted_at,
        opinion_contact_shown,
        opinion_contact_erased,
        opinion_publish_shown_yes,
        opinion_publish_shown_no,
        attempts_one,
        attempts_other,
        notification_status_pending,
        notification_status_sent,
        notification_status_failed,
        notification_kind_confirmation,
        notification_kind_change,
        notification_kind_cancellation,
        notification_kind_activity_cancelled,
        notification_kind_promotion,
        notification_kind_reminder,
        notification_kind_opinion_accepted,
        notification_kind_opinion_rejected,
        notification_kind_opinion_assigned,
        notification_kind_opinion_replied,
        notification_kind_opinion_extended,
        notification_kind_opinion_closed,
        notification_kind_opinion_published,
        notification_kind_verification_code,
        accounts_shown_all,
        accounts_shown_part,
        username_shown,
        phone_shown,
        homes_selected_one,
        homes_selected_other,
        account_created,
        type_district,
        type_street,
        type_town,
        type_law,
        type_education,
        type_enterprise,
        type_medicine_health,
        type_agriculture,
        type_private_enterprise,
        type_ecology_environment,
        field_district,
        field_street,
        field_town,
        field_law,
        field_education,
        field_enterprise,
        field_medicine_health,
        field_agriculture,
        field_private_enterprise,
        field_ecology_environment,
        facility_step_free_entrance,
        facility_accessible_toilet,
        facility_hearing_loop,
        facility_parking,
        facility_accessible_parking,
        facility_lift,
        facility_sign_language,
        facility_large_print,
        facility_wheelchair_loan,
        queue_count,
        select_opinion,
        due_on,
        near_duplicate_of,
        assigned_units,
        bulk_selected,
        bulk_done,
        page_of,
        reply_class_a,
        reply_class_b,
        reply_class_c,
        replied_at,
        rating_satisfied,
        rating_fairly,
        rating_not,
        rating_shown,
        rating_public,
        event_kind_submitted,
        event_kind_accepted,
        event_kind_rejected,
        event_kind_assigned,
        event_kind_acknowledged,
        event_kind_replied,
        event_kind_rated,
        event_kind_published,
        event_kind_closed,
        event_kind_extended,
        event_kind_note,
        reject_reason_spam,
        reject_reason_abusive,
        reject_reason_duplicate,
        reject_reason_out_of_scope,
        reject_reason_in_litigation,
        units_selected,
        call_nearest_home,
        projects_phase_preparing,
        projects_phase_collecting,
        projects_phase_shortlisting,
        projects_phase_voting,
        projects_phase_closed,
        projects_category_education,
        projects_category_health,
        projects_category_elderly_care,
        projects_category_transport,
        projects_category_housing,
        projects_category_environment,
        projects_category_culture_sport,
        projects_category_employment,
        projects_category_safety,
        projects_category_other,
        projects_status_open,
        projects_status_merged,
        projects_status_declined,
        projects_outcome_adopted,
        projects_outcome_tied_at_cut_off,
        projects_outcome_out_of_places,
        projects_outcome_no_majority,
        projects_flag_update_overdue,
        projects_flag_past_deadline,
        projects_places,
        projects_supporters_one,
        projects_supporters_other,
        projects_turnout,
        projects_places_tied,
        projects_votes_one,
        projects_votes_other,
        projects_trackers,
        projects_votes_of,
        projects_evaluation_result,
        projects_evaluation_counts,
        projects_ratings_summary,
        projects_rating_value_one,
        projects_rating_value_other,
        projects_proposal_photo_alt,
        projects_progress_photo_alt,
        projects_inspection_photo_alt,
        projects_collection_closed_on,
    }
}

/// One language: its strings ([`CatalogText`], which the catalog derefs to, so `t.app_title`
/// reads as a field), the language of district names and its dates; its sentences are methods
/// shared by every language, which take what the sentence needs.
pub struct Catalog {
    /// The strings.
    text: &'static CatalogText,
    pub district_name: fn(District) -> &'static str,
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

/// The code of every language, written once: a kind's name, a sentence's holes filled.
impl Catalog {
    fn satisfaction_name(&self, s: Satisfaction) -> &'static str {
        match s {
            Satisfaction::Satisfied => self.text.satisfaction_satisfied,
            Satisfaction::BasicallySatisfied => self.text.satisfaction_basically_satisfied,
            Satisfaction::Dissatisfied => self.text.satisfaction_dissatisfied,
        }
    }

    pub fn result_count(&self, n: usize) -> String {
        let text = if n == 1 {
            self.text.result_count_one
        } else {
            self.text.result_count_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn distance(&self, m: f64) -> String {
        if m < 1000.0 {
            fill(self.text.distance_m, &[("m", &format!("{m:.0}"))])
        } else {
            fill(
                self.text.distance_km,
                &[("km", &format!("{:.1}", m / 1000.0))],
            )
        }
    }

    pub fn open_until(&self, t: &str) -> String {
        fill(self.text.open_until, &[("t", &(self.clock)(t))])
    }

    pub fn closed_opens_today(&self, t: &str) -> String {
        fill(self.text.closed_opens_today, &[("t", &(self.clock)(t))])
    }

    pub fn closed_opens_on(&self, day: &str, t: &str) -> String {
        fill(
            self.text.closed_opens_on,
            &[("day", day), ("t", &(self.clock)(t))],
        )
    }

    pub fn weekdays(&self) -> [&'static str; 7] {
        let t = self.text;
        [
            t.weekday_mon,
            t.weekday_tue,
            t.weekday_wed,
            t.weekday_thu,
            t.weekday_fri,
            t.weekday_sat,
            t.weekday_sun,
        ]
    }

    pub fn call(&self, p: &str) -> String {
        fill(self.text.call, &[("p", p)])
    }

    pub fn map_intro(&self, n: usize) -> String {
        fill(self.text.map_intro, &[("n", &n.to_string())])
    }

    pub fn homes_count(&self, n: usize) -> String {
        let text = if n == 1 {
            self.text.homes_count_one
        } else {
            self.text.homes_count_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn signed_in_as(&self, name: &str) -> String {
        fill(self.text.signed_in_as, &[("name", name)])
    }

    pub fn role_name(&self, v: Role) -> &'static str {
        match v {
            Role::Delegate => self.text.role_delegate,
            Role::Staff => self.text.role_staff,
        }
    }

    pub fn activity_kind(&self, v: ActivityKind) -> &'static str {
        match v {
            ActivityKind::Reception => self.text.activity_kind_reception,
            ActivityKind::VoterMeeting => self.text.activity_kind_voter_meeting,
            ActivityKind::DutyReport => self.text.activity_kind_duty_report,
            ActivityKind::Training => self.text.activity_kind_training,
            ActivityKind::ConvenienceService => self.text.activity_kind_convenience_service,
        }
    }

    pub fn on_duty(&self, names: &str) -> String {
        fill(self.text.on_duty, &[("names", names)])
    }

    pub fn capacity(&self, n: u32) -> String {
        fill(self.text.capacity, &[("n", &n.to_string())])
    }

    pub fn cancelled(&self, reason: &str) -> String {
        fill(self.text.cancelled, &[("reason", reason)])
    }

    pub fn published(&self, n: usize) -> String {
        let text = if n == 1 {
            self.text.published_one
        } else {
            self.text.published_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn publish_heading(&self, home: &str) -> String {
        fill(self.text.publish_heading, &[("home", home)])
    }

    pub fn seats_left(&self, n: u32) -> String {
        let text = if n == 1 {
            self.text.seats_left_one
        } else {
            self.text.seats_left_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn chars_count(&self, n: usize, max: usize) -> String {
        fill(
            self.text.chars_count,
            &[("n", &n.to_string()), ("max", &max.to_string())],
        )
    }

    pub fn access_need(&self, v: AccessNeed) -> &'static str {
        match v {
            AccessNeed::Wheelchair => self.text.access_need_wheelchair,
            AccessNeed::SignLanguage => self.text.access_need_sign_language,
            AccessNeed::LargePrint => self.text.access_need_large_print,
            AccessNeed::HearingLoop => self.text.access_need_hearing_loop,
            AccessNeed::Companion => self.text.access_need_companion,
        }
    }

    pub fn qr_alt(&self, code: &str) -> String {
        fill(self.text.qr_alt, &[("code", code)])
    }

    pub fn verify_resend_in(&self, n: i64) -> String {
        fill(self.text.verify_resend_in, &[("n", &n.to_string())])
    }

    pub fn verify_code_sent(&self, to: &str, m: i64) -> String {
        fill(
            self.text.verify_code_sent,
            &[("to", to), ("m", &m.to_string())],
        )
    }

    pub fn verify_verified(&self, p: &str) -> String {
        fill(self.text.verify_verified, &[("p", p)])
    }

    pub fn mine_phone(&self, p: &str) -> String {
        fill(self.text.mine_phone, &[("p", p)])
    }

    pub fn booking_status(&self, v: BookingStatus) -> &'static str {
        match v {
            BookingStatus::Booked => self.text.booking_status_booked,
            BookingStatus::Waitlisted => self.text.booking_status_waitlisted,
            BookingStatus::Cancelled => self.text.booking_status_cancelled,
        }
    }

    pub fn activities_count(&self, n: usize) -> String {
        let text = if n == 1 {
            self.text.activities_count_one
        } else {
            self.text.activities_count_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn checked_in_name(&self, name: &str) -> String {
        fill(self.text.checked_in_name, &[("name", name)])
    }

    pub fn record_written_by(&self, name: &str) -> String {
        fill(self.text.record_written_by, &[("name", name)])
    }

    pub fn summary_heading(&self, year: i32) -> String {
        fill(self.text.summary_heading, &[("year", &year.to_string())])
    }

    pub fn walk_in_booked(&self, d: &str) -> String {
        fill(self.text.walk_in_booked, &[("d", d)])
    }

    pub fn holidays_missing(&self, y: &str) -> String {
        fill(self.text.holidays_missing, &[("y", y)])
    }

    pub fn holidays_remove(&self, d: &str) -> String {
        fill(self.text.holidays_remove, &[("d", &(self.date)(d))])
    }

    pub fn holidays_saved(&self, n: u32) -> String {
        fill(self.text.holidays_saved, &[("n", &n.to_string())])
    }

    pub fn holidays_date_taken(&self, d: &str) -> String {
        fill(self.text.holidays_date_taken, &[("d", &(self.date)(d))])
    }

    pub fn holidays_queue_notice(&self, y: &str) -> String {
        fill(self.text.holidays_queue_notice, &[("y", y)])
    }

    pub fn year_heading(&self, y: i64) -> String {
        fill(self.text.year_heading, &[("y", &y.to_string())])
    }

    pub fn units_shown(&self, shown: usize, all: usize) -> String {
        fill(
            self.text.units_shown,
            &[("shown", &shown.to_string()), ("all", &all.to_string())],
        )
    }

    pub fn unit_added(&self, n: &str) -> String {
        fill(self.text.unit_added, &[("n", n)])
    }

    pub fn opinion_units(&self, u: &str) -> String {
        fill(self.text.opinion_units, &[("u", u)])
    }

    pub fn category_name(&self, v: Category) -> &'static str {
        match v {
            Category::UrbanConstruction => self.text.category_urban_construction,
            Category::Transport => self.text.category_transport,
            Category::Education => self.text.category_education,
            Category::Health => self.text.category_health,
            Category::EcologyEnvironment => self.text.category_ecology_environment,
            Category::BusinessEnvironment => self.text.category_business_environment,
            Category::SocialSecurity => self.text.category_social_security,
            Category::PublicSafety => self.text.category_public_safety,
            Category::Other => self.text.category_other,
        }
    }

    pub fn photo_remove(&self, n: usize) -> String {
        fill(self.text.photo_remove, &[("n", &n.to_string())])
    }

    pub fn photo_alt(&self, n: usize) -> String {
        fill(self.text.photo_alt, &[("n", &n.to_string())])
    }

    pub fn opinion_status_name(&self, v: OpinionStatus) -> &'static str {
        match v {
            OpinionStatus::Submitted => self.text.opinion_status_submitted,
            OpinionStatus::Accepted => self.text.opinion_status_accepted,
            OpinionStatus::Rejected => self.text.opinion_status_rejected,
            OpinionStatus::Assigned => self.text.opinion_status_assigned,
            OpinionStatus::Acknowledged => self.text.opinion_status_acknowledged,
            OpinionStatus::Replied => self.text.opinion_status_replied,
            OpinionStatus::Rated => self.text.opinion_status_rated,
            OpinionStatus::Published => self.text.opinion_status_published,
            OpinionStatus::Closed => self.text.opinion_status_closed,
        }
    }

    pub fn opinion_submitted_at(&self, d: &str) -> String {
        fill(
            self.text.opinion_submitted_at,
            &[("d", &(self.date_time)(d))],
        )
    }

    pub fn opinion_contact_shown(&self, n: &str, p: &str) -> String {
        fill(self.text.opinion_contact_shown, &[("n", n), ("p", p)])
    }

    pub fn opinion_contact_erased(&self, d: &str) -> String {
        fill(
            self.text.opinion_contact_erased,
            &[("d", &(self.date_time)(d))],
        )
    }

    pub fn opinion_publish_shown(&self, p: bool) -> &'static str {
        if p {
            self.text.opinion_publish_shown_yes
        } else {
            self.text.opinion_publish_shown_no
        }
    }

    pub fn attempts(&self, n: u32) -> String {
        let text = if n == 1 {
            self.text.attempts_one
        } else {
            self.text.attempts_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn notification_status(&self, v: NotificationStatus) -> &'static str {
        match v {
            NotificationStatus::Pending => self.text.notification_status_pending,
            NotificationStatus::Sent => self.text.notification_status_sent,
            NotificationStatus::Failed => self.text.notification_status_failed,
        }
    }

    pub fn notification_kind(&self, v: NotificationKind) -> &'static str {
        match v {
            NotificationKind::Confirmation => self.text.notification_kind_confirmation,
            NotificationKind::Change => self.text.notification_kind_change,
            NotificationKind::Cancellation => self.text.notification_kind_cancellation,
            NotificationKind::ActivityCancelled => self.text.notification_kind_activity_cancelled,
            NotificationKind::Promotion => self.text.notification_kind_promotion,
            NotificationKind::Reminder => self.text.notification_kind_reminder,
            NotificationKind::OpinionAccepted => self.text.notification_kind_opinion_accepted,
            NotificationKind::OpinionRejected => self.text.notification_kind_opinion_rejected,
            NotificationKind::OpinionAssigned => self.text.notification_kind_opinion_assigned,
            NotificationKind::OpinionReplied => self.text.notification_kind_opinion_replied,
            NotificationKind::OpinionExtended => self.text.notification_kind_opinion_extended,
            NotificationKind::OpinionClosed => self.text.notification_kind_opinion_closed,
            NotificationKind::OpinionPublished => self.text.notification_kind_opinion_published,
            NotificationKind::VerificationCode => self.text.notification_kind_verification_code,
        }
    }

    pub fn accounts_shown(&self, shown: usize, total: usize) -> String {
        let text = if shown == total {
            self.text.accounts_shown_all
        } else {
            self.text.accounts_shown_part
        };
        fill(
            text,
            &[("shown", &shown.to_string()), ("total", &total.to_string())],
        )
    }

    pub fn username_shown(&self, u: &str) -> String {
        fill(self.text.username_shown, &[("u", u)])
    }

    pub fn phone_shown(&self, p: &str) -> String {
        fill(self.text.phone_shown, &[("p", p)])
    }

    pub fn homes_selected(&self, n: usize) -> String {
        let text = if n == 1 {
            self.text.homes_selected_one
        } else {
            self.text.homes_selected_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn account_created(&self, name: &str) -> String {
        fill(self.text.account_created, &[("name", name)])
    }

    pub fn type_name(&self, v: HomeType) -> &'static str {
        match v {
            HomeType::District => self.text.type_district,
            HomeType::Street => self.text.type_street,
            HomeType::Town => self.text.type_town,
            HomeType::Law => self.text.type_law,
            HomeType::Education => self.text.type_education,
            HomeType::Enterprise => self.text.type_enterprise,
            HomeType::MedicineHealth => self.text.type_medicine_health,
            HomeType::Agriculture => self.text.type_agriculture,
            HomeType::PrivateEnterprise => self.text.type_private_enterprise,
            HomeType::EcologyEnvironment => self.text.type_ecology_environment,
        }
    }

    pub fn field_name(&self, v: HomeType) -> &'static str {
        match v {
            HomeType::District => self.text.field_district,
            HomeType::Street => self.text.field_street,
            HomeType::Town => self.text.field_town,
            HomeType::Law => self.text.field_law,
            HomeType::Education => self.text.field_education,
            HomeType::Enterprise => self.text.field_enterprise,
            HomeType::MedicineHealth => self.text.field_medicine_health,
            HomeType::Agriculture => self.text.field_agriculture,
            HomeType::PrivateEnterprise => self.text.field_private_enterprise,
            HomeType::EcologyEnvironment => self.text.field_ecology_environment,
        }
    }

    pub fn facility_name(&self, v: Facility) -> &'static str {
        match v {
            Facility::StepFreeEntrance => self.text.facility_step_free_entrance,
            Facility::AccessibleToilet => self.text.facility_accessible_toilet,
            Facility::HearingLoop => self.text.facility_hearing_loop,
            Facility::Parking => self.text.facility_parking,
            Facility::AccessibleParking => self.text.facility_accessible_parking,
            Facility::Lift => self.text.facility_lift,
            Facility::SignLanguage => self.text.facility_sign_language,
            Facility::LargePrint => self.text.facility_large_print,
            Facility::WheelchairLoan => self.text.facility_wheelchair_loan,
        }
    }

    pub fn queue_count(&self, n: u64) -> String {
        fill(self.text.queue_count, &[("n", &n.to_string())])
    }

    pub fn select_opinion(&self, t: &str) -> String {
        fill(self.text.select_opinion, &[("t", t)])
    }

    pub fn due_on(&self, d: &str) -> String {
        fill(self.text.due_on, &[("d", &(self.date)(d))])
    }

    pub fn near_duplicate_of(&self, t: &str) -> String {
        fill(self.text.near_duplicate_of, &[("t", t)])
    }

    pub fn assigned_units(&self, u: &str) -> String {
        fill(self.text.assigned_units, &[("u", u)])
    }

    pub fn bulk_selected(&self, n: usize) -> String {
        fill(self.text.bulk_selected, &[("n", &n.to_string())])
    }

    pub fn bulk_done(&self, ok: usize, no: usize) -> String {
        fill(
            self.text.bulk_done,
            &[("ok", &ok.to_string()), ("no", &no.to_string())],
        )
    }

    pub fn page_of(&self, p: u32, n: u32) -> String {
        fill(
            self.text.page_of,
            &[("p", &p.to_string()), ("n", &n.to_string())],
        )
    }

    pub fn reply_class_name(&self, v: ReplyClass) -> &'static str {
        match v {
            ReplyClass::A => self.text.reply_class_a,
            ReplyClass::B => self.text.reply_class_b,
            ReplyClass::C => self.text.reply_class_c,
        }
    }

    pub fn replied_at(&self, d: &str) -> String {
        fill(self.text.replied_at, &[("d", &(self.date_time)(d))])
    }

    pub fn rating_name(&self, v: Rating) -> &'static str {
        match v {
            Rating::Satisfied => self.text.rating_satisfied,
            Rating::Fairly => self.text.rating_fairly,
            Rating::Not => self.text.rating_not,
        }
    }

    pub fn rating_shown(&self, r: Rating) -> String {
        fill(self.text.rating_shown, &[("r", self.rating_name(r))])
    }

    pub fn rating_public(&self, r: Rating) -> String {
        fill(self.text.rating_public, &[("r", self.rating_name(r))])
    }

    pub fn event_kind_name(&self, v: EventKind) -> &'static str {
        match v {
            EventKind::Submitted => self.text.event_kind_submitted,
            EventKind::Accepted => self.text.event_kind_accepted,
            EventKind::Rejected => self.text.event_kind_rejected,
            EventKind::Assigned => self.text.event_kind_assigned,
            EventKind::Acknowledged => self.text.event_kind_acknowledged,
            EventKind::Replied => self.text.event_kind_replied,
            EventKind::Rated => self.text.event_kind_rated,
            EventKind::Published => self.text.event_kind_published,
            EventKind::Closed => self.text.event_kind_closed,
            EventKind::Extended => self.text.event_kind_extended,
            EventKind::Note => self.text.event_kind_note,
        }
    }

    pub fn reject_reason_name(&self, v: RejectReason) -> &'static str {
        match v {
            RejectReason::Spam => self.text.reject_reason_spam,
            RejectReason::Abusive => self.text.reject_reason_abusive,
            RejectReason::Duplicate => self.text.reject_reason_duplicate,
            RejectReason::OutOfScope => self.text.reject_reason_out_of_scope,
            RejectReason::InLitigation => self.text.reject_reason_in_litigation,
        }
    }

    pub fn units_selected(&self, n: usize) -> String {
        fill(self.text.units_selected, &[("n", &n.to_string())])
    }

    pub fn call_nearest_home(&self, name: &str, phone: &str) -> String {
        fill(
            self.text.call_nearest_home,
            &[("name", name), ("phone", phone)],
        )
    }

    pub fn projects_phase_name(&self, v: CyclePhase) -> &'static str {
        match v {
            CyclePhase::Preparing => self.text.projects_phase_preparing,
            CyclePhase::Collecting => self.text.projects_phase_collecting,
            CyclePhase::Shortlisting => self.text.projects_phase_shortlisting,
            CyclePhase::Voting => self.text.projects_phase_voting,
            CyclePhase::Closed => self.text.projects_phase_closed,
        }
    }

    pub fn projects_category_name(&self, v: ProposalCategory) -> &'static str {
        match v {
            ProposalCategory::Education => self.text.projects_category_education,
            ProposalCategory::Health => self.text.projects_category_health,
            ProposalCategory::ElderlyCare => self.text.projects_category_elderly_care,
            ProposalCategory::Transport => self.text.projects_category_transport,
            ProposalCategory::Housing => self.text.projects_category_housing,
            ProposalCategory::Environment => self.text.projects_category_environment,
            ProposalCategory::CultureSport => self.text.projects_category_culture_sport,
            ProposalCategory::Employment => self.text.projects_category_employment,
            ProposalCategory::Safety => self.text.projects_category_safety,
            ProposalCategory::Other => self.text.projects_category_other,
        }
    }

    pub fn projects_status_name(&self, v: ProposalStatus) -> &'static str {
        match v {
            ProposalStatus::Open => self.text.projects_status_open,
            ProposalStatus::Merged => self.text.projects_status_merged,
            ProposalStatus::Declined => self.text.projects_status_declined,
        }
    }

    pub fn projects_outcome_name(&self, v: CandidateOutcome) -> &'static str {
        match v {
            CandidateOutcome::Adopted => self.text.projects_outcome_adopted,
            CandidateOutcome::TiedAtCutOff => self.text.projects_outcome_tied_at_cut_off,
            CandidateOutcome::OutOfPlaces => self.text.projects_outcome_out_of_places,
            CandidateOutcome::NoMajority => self.text.projects_outcome_no_majority,
        }
    }

    pub fn projects_flag_name(&self, v: ProjectFlag) -> &'static str {
        match v {
            ProjectFlag::UpdateOverdue => self.text.projects_flag_update_overdue,
            ProjectFlag::PastDeadline => self.text.projects_flag_past_deadline,
        }
    }

    pub fn projects_places(&self, n: u32, of: usize) -> String {
        fill(
            self.text.projects_places,
            &[("n", &n.to_string()), ("of", &of.to_string())],
        )
    }

    pub fn projects_supporters(&self, n: u32) -> String {
        let text = if n == 1 {
            self.text.projects_supporters_one
        } else {
            self.text.projects_supporters_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn projects_turnout(&self, cast: u32, eligible: u32) -> String {
        fill(
            self.text.projects_turnout,
            &[
                ("cast", &cast.to_string()),
                ("eligible", &eligible.to_string()),
            ],
        )
    }

    pub fn projects_places_tied(&self, n: u32) -> String {
        fill(self.text.projects_places_tied, &[("n", &n.to_string())])
    }

    pub fn projects_votes(&self, n: u32) -> String {
        let text = if n == 1 {
            self.text.projects_votes_one
        } else {
            self.text.projects_votes_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn projects_trackers(&self, n: usize) -> String {
        fill(self.text.projects_trackers, &[("n", &n.to_string())])
    }

    pub fn projects_votes_of(&self, votes: u32, eligible: u32) -> String {
        fill(
            self.text.projects_votes_of,
            &[
                ("votes", &votes.to_string()),
                ("eligible", &eligible.to_string()),
            ],
        )
    }

    pub fn projects_evaluation_result(&self, r: Satisfaction) -> String {
        fill(
            self.text.projects_evaluation_result,
            &[("r", self.satisfaction_name(r))],
        )
    }

    pub fn projects_evaluation_counts(&self, s: u32, b: u32, d: u32) -> String {
        fill(
            self.text.projects_evaluation_counts,
            &[
                ("s", &s.to_string()),
                ("b", &b.to_string()),
                ("d", &d.to_string()),
            ],
        )
    }

    pub fn projects_ratings_summary(&self, n: u32, avg: f64) -> String {
        fill(
            self.text.projects_ratings_summary,
            &[("n", &n.to_string()), ("avg", &format!("{avg:.1}"))],
        )
    }

    pub fn projects_rating_value(&self, n: u32) -> String {
        let text = if n == 1 {
            self.text.projects_rating_value_one
        } else {
            self.text.projects_rating_value_other
        };
        fill(text, &[("n", &n.to_string())])
    }

    pub fn projects_proposal_photo_alt(&self, n: usize) -> String {
        fill(
            self.text.projects_proposal_photo_alt,
            &[("n", &n.to_string())],
        )
    }

    pub fn projects_progress_photo_alt(&self, n: usize) -> String {
        fill(
            self.text.projects_progress_photo_alt,
            &[("n", &n.to_string())],
        )
    }

    pub fn projects_inspection_photo_alt(&self, n: usize) -> String {
        fill(
            self.text.projects_inspection_photo_alt,
            &[("n", &n.to_string())],
        )
    }

    pub fn projects_collection_closed_on(&self, d: &str) -> String {
        fill(self.text.projects_collection_closed_on, &[("d", d)])
    }
}

/// A sentence's template with its named holes (`{n}`, `{name}`) filled: each `{name}` with a
/// value given is replaced by it, once and without escapes (a value is never read as a hole);
/// any other brace stays as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hole = after.find('}').and_then(|close| {
            let value = values.iter().find(|(name, _)| *name == &after[..close])?.1;
            Some((value, close))
        });
        match hole {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl std::ops::Deref for Catalog {
    type Target = CatalogText;

    fn deref(&self) -> &CatalogText {
        self.text
    }
}

pub(crate) const STORAGE_KEY: &str = "deputy-homes.lang";

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
        // The server learns the choice too (a phone that chose before it was told learns it now).
        keep_cookie(LANGUAGE_COOKIE, stored.tag());
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
        keep_cookie(LANGUAGE_COOKIE, lang.tag());
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
    fn a_template_has_its_named_holes_filled_once_and_other_braces_kept() {
        assert_eq!(
            fill("{n} of {all} shown", &[("n", "3"), ("all", "10")]),
            "3 of 10 shown"
        );
        assert_eq!(fill("{n}{n}", &[("n", "1")]), "11");
        // A value is not read again as a template; an unknown hole stays as written.
        assert_eq!(fill("a {x} {y} {", &[("x", "{y}")]), "a {y} {y} {");
        assert_eq!(fill("no holes", &[]), "no holes");
        assert_eq!(fill("ᠮᠢᠨᠤ {year} ᠣᠨ", &[("year", "2026")]), "ᠮᠢᠨᠤ 2026 ᠣᠨ");
    }

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
        assert!(mn.weekdays().iter().all(|d| in_script(d)));
        assert_eq!((mn.date)("2026-03-05"), mn_dates::date("2026-03-05"));
        assert!(mn
            .due_on("2026-03-05")
            .starts_with(&mn_dates::date("2026-03-05")));
        assert!(mn.open_until("17:30").contains(&mn_dates::clock("17:30")));
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
