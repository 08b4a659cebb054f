//! The OpenAPI document, generated from the handlers' annotations.

use axum::Json;
use utoipa::OpenApi;

/// The API description served at `/api/openapi.json`.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "deputy-homes API",
        description = "Hohhot's representatives' homes (人大代表之家)."
    ),
    paths(
        super::homes::homes_list,
        super::homes::homes_get,
        super::session::session_create,
        super::session::session_get,
        super::session::session_delete,
        super::accounts::accounts_list,
        super::accounts::accounts_create,
        super::accounts::accounts_set_homes,
        super::activities::activities_create,
        super::activities::activities_for_home,
        super::activities::activities_cancel,
        super::activities::activities_list,
        super::activities::activities_get,
        super::activities::activities_edit,
        super::calendar::activities_calendar,
        super::bookings::bookings_create,
        super::bookings::bookings_get,
        super::bookings::bookings_cancel,
        super::qr::booking_qr,
        super::reception::roster_get,
        super::reception::check_in,
        super::reception::record_get,
        super::reception::record_put,
        super::reception::year_summary,
        super::booking_move::bookings_move,
        super::notifications::notifications_list,
        super::opinions::opinions_create,
        super::opinions::opinions_get,
        super::opinions::opinions_get_by_token,
        super::opinion_photos::opinion_photos_create,
        super::opinion_photos::opinion_photos_get,
        super::opinion_photos::opinion_photos_thumbnail,
        super::opinion_board::opinions_rate,
        super::opinion_board::public_opinions_list,
        super::opinion_board::public_stats,
        super::opinion_board::staff_stats,
        super::opinion_board::audit_list,
        super::units::units_list,
        super::units::units_create,
        super::units::units_update,
        super::units::holidays_get,
        super::units::holidays_put,
        super::staff_opinions::staff_opinions_list,
        super::staff_opinions::staff_opinions_get,
        super::staff_opinions::staff_opinions_create,
        super::staff_opinions::staff_opinions_reveal_phone,
        super::staff_opinions::staff_opinions_bulk,
        super::staff_opinions::delegate_opinions_list,
        super::opinion_actions::opinion_accept,
        super::opinion_actions::opinion_reject,
        super::opinion_actions::opinion_assign,
        super::opinion_actions::opinion_acknowledge,
        super::opinion_actions::opinion_reply,
        super::opinion_actions::opinion_extend,
        super::opinion_actions::opinion_publish,
        super::opinion_actions::opinion_close,
        super::opinion_actions::opinion_note,
        super::health
    )
)]
pub struct ApiDoc;

/// Serves the document.
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
