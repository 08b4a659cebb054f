//! Photos of livelihood projects, by the opinions' rules: a citizen's proposal, staff's progress
//! updates and delegates' inspections carry up to 3 photos each, cleaned of their metadata and
//! shown on the public pages. Only the uploader's own record takes a photo; the upload routes
//! hold to their roles, types and sizes; housekeeping keeps attached photos.

use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp};
use crate::housekeeping::pass_now;
use crate::notifications::staff;
use crate::opinion_photos::{exif_of, image_at, jpeg, jpeg_with_exif_gps, photo_form, uploaded};
use crate::projects::{
    adopted, cycle, days_ahead, delegates, phase_ok, post, project_page, proposal_body, PROPOSER,
};
use deputy_homes_api::platform::photos::MAX_PHOTO_BYTES;
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    a_proposal_shows_its_phones_photos_cleaned_on_its_public_page,
    a_proposal_refuses_photos_of_another_phone_too_many_or_used_and_stores_nothing,
    project_uploads_refuse_the_wrong_role_type_and_size,
    progress_updates_and_inspections_show_their_authors_photos_on_the_project_page,
    housekeeping_keeps_photos_a_project_record_took,
);

/// Uploads a file to a project photo route as `who`; the raw answer.
async fn upload(app: &TestApp, who: &Browser, path: &str, bytes: Vec<u8>, mime: &str) -> Response {
    let form = photo_form(bytes, "photo.jpg", mime);
    app.send(who.signed(app.request(Method::POST, path)).multipart(form))
        .await
}

/// Uploads a small JPEG as `who`; the photo's id.
async fn uploaded_as(app: &TestApp, who: &Browser, path: &str) -> String {
    let photo = json_body(
        upload(app, who, path, jpeg(64, 48), "image/jpeg").await,
        StatusCode::CREATED,
    )
    .await;
    assert!(
        photo["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("/api/project-photos/")),
        "{photo}"
    );
    photo["id"].as_str().expect("an id").to_owned()
}

const CITIZEN_UPLOADS: &str = "/api/project-photos";
const STAFF_UPLOADS: &str = "/api/staff/project-photos";
const DELEGATE_UPLOADS: &str = "/api/delegate/project-photos";

/// A collecting cycle of the city, by staff.
async fn collecting(app: &TestApp) -> String {
    let staff = staff(app).await;
    let id = cycle(app, &staff, "city").await;
    phase_ok(app, &staff, &id, "collecting").await;
    id
}

async fn propose_with(app: &TestApp, citizen: &Browser, cycle: &str, photos: &[&str]) -> Response {
    let mut body = proposal_body("无障碍坡道");
    body["photo_ids"] = json!(photos);
    let path = format!("/api/project-cycles/{cycle}/proposals");
    post(app, citizen, &path, body).await
}

async fn proposals_of(app: &TestApp, cycle: &str) -> Vec<Value> {
    let view = json_body(
        app.send(app.get(&format!("/api/project-cycles/{cycle}")))
            .await,
        StatusCode::OK,
    )
    .await;
    view["proposals"].as_array().expect("proposals").clone()
}

async fn a_proposal_shows_its_phones_photos_cleaned_on_its_public_page(app: TestApp) {
    let cycle = collecting(&app).await;
    let citizen = app.citizen(PROPOSER).await;
    let with_gps = upload(
        &app,
        &citizen,
        CITIZEN_UPLOADS,
        jpeg_with_exif_gps(40, 20),
        "image/jpeg",
    )
    .await;
    let with_gps = json_body(with_gps, StatusCode::CREATED).await;
    let plain = uploaded_as(&app, &citizen, CITIZEN_UPLOADS).await;
    let ids = [with_gps["id"].as_str().unwrap(), plain.as_str()];
    let saved = json_body(
        propose_with(&app, &citizen, &cycle, &ids).await,
        StatusCode::CREATED,
    )
    .await;
    let photos = saved["photos"].as_array().expect("photos");
    assert_eq!(photos.len(), 2, "{saved}");
    assert_eq!(photos[0]["id"], ids[0]);
    assert_eq!(photos[1]["id"], ids[1]);
    // The public page and the cycle's list show them; the photo has no EXIF, and stands upright.
    let number = saved["tracking_number"].as_str().unwrap();
    let page = json_body(
        app.send(app.get(&format!("/api/project-proposals/{number}")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["photos"], saved["photos"], "{page}");
    assert_eq!(
        proposals_of(&app, &cycle).await[0]["photos"],
        saved["photos"]
    );
    let url = photos[0]["url"].as_str().unwrap();
    let cleaned = image_at(&app, url, "image/jpeg").await;
    assert_eq!(
        exif_of(&cleaned),
        None,
        "the EXIF block with its GPS is gone"
    );
    let picture = image::load_from_memory(&cleaned).expect("a JPEG");
    assert_eq!(
        (picture.width(), picture.height()),
        (20, 40),
        "turned upright"
    );
    let thumbnail = photos[0]["thumbnail_url"].as_str().unwrap();
    image_at(&app, thumbnail, "image/jpeg").await;
    // Each feature serves only its own photos.
    let as_opinion = url.replace("/api/project-photos/", "/api/opinion-photos/");
    api_error(
        app.send(app.get(&as_opinion)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let opinion_photo = uploaded(&app).await;
    let opinion_url = opinion_photo["url"].as_str().unwrap();
    let as_project = opinion_url.replace("/api/opinion-photos/", "/api/project-photos/");
    api_error(
        app.send(app.get(&as_project)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // A proposal without photos has none.
    let bare = json_body(
        propose_with(&app, &citizen, &cycle, &[]).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(bare["photos"], json!([]));
}

async fn a_proposal_refuses_photos_of_another_phone_too_many_or_used_and_stores_nothing(
    app: TestApp,
) {
    let cycle = collecting(&app).await;
    let citizen = app.citizen(PROPOSER).await;
    let other = app.citizen("13700137001").await;
    let theirs = uploaded_as(&app, &other, CITIZEN_UPLOADS).await;
    let mine = uploaded_as(&app, &citizen, CITIZEN_UPLOADS).await;
    // Another phone's photo: 409, and nothing is stored, not even this phone's own photo.
    let refused = propose_with(&app, &citizen, &cycle, &[&mine, &theirs]).await;
    let error = api_error(refused, StatusCode::CONFLICT, "photo_gone").await;
    assert_eq!(error["field"], "photo_ids", "{error}");
    assert!(proposals_of(&app, &cycle).await.is_empty());
    // An opinion's photo is no project's.
    let opinion_photo = uploaded(&app).await;
    let opinion_photo = opinion_photo["id"].as_str().unwrap();
    let refused = propose_with(&app, &citizen, &cycle, &[opinion_photo]).await;
    api_error(refused, StatusCode::CONFLICT, "photo_gone").await;
    // Four photos, or one twice, are refused before anything is looked up.
    let four = [mine.as_str(), "b", "c", "d"];
    let refused = propose_with(&app, &citizen, &cycle, &four).await;
    let error = api_error(refused, StatusCode::BAD_REQUEST, "bad_parameter").await;
    assert_eq!(error["field"], "photo_ids", "{error}");
    let twice = [mine.as_str(), mine.as_str()];
    let refused = propose_with(&app, &citizen, &cycle, &twice).await;
    api_error(refused, StatusCode::BAD_REQUEST, "bad_parameter").await;
    // Its own photo is still free; once taken, no second proposal takes it.
    json_body(
        propose_with(&app, &citizen, &cycle, &[&mine]).await,
        StatusCode::CREATED,
    )
    .await;
    let refused = propose_with(&app, &citizen, &cycle, &[&mine]).await;
    api_error(refused, StatusCode::CONFLICT, "photo_gone").await;
    assert_eq!(proposals_of(&app, &cycle).await.len(), 1);
    // The other phone's photo was never taken: its own proposal takes it.
    json_body(
        propose_with(&app, &other, &cycle, &[&theirs]).await,
        StatusCode::CREATED,
    )
    .await;
}

async fn project_uploads_refuse_the_wrong_role_type_and_size(app: TestApp) {
    let staff = staff(&app).await;
    let delegate = delegates(&app, "photo", 1).await.remove(0);
    let citizen = app.citizen(PROPOSER).await;
    let jpeg_of = || jpeg(32, 32);
    // Without a verified phone's session, a citizen uploads nothing.
    let form = photo_form(jpeg_of(), "photo.jpg", "image/jpeg");
    let anonymous = app.request(Method::POST, CITIZEN_UPLOADS).multipart(form);
    api_error(
        app.send(anonymous).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    // Each account uploads only on its own role's route.
    for (who, path) in [(&delegate, STAFF_UPLOADS), (&staff, DELEGATE_UPLOADS)] {
        let refused = upload(&app, who, path, jpeg_of(), "image/jpeg").await;
        api_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
    }
    // Text called a JPEG, and a photo over the size limit, are refused on every route.
    for (who, path) in [
        (&citizen, CITIZEN_UPLOADS),
        (&staff, STAFF_UPLOADS),
        (&delegate, DELEGATE_UPLOADS),
    ] {
        let text = b"not a photo at all".to_vec();
        let refused = upload(&app, who, path, text, "image/jpeg").await;
        let error = api_error(refused, StatusCode::BAD_REQUEST, "bad_parameter").await;
        assert_eq!(error["field"], "photo", "{path}: {error}");
        let big = vec![0xFF; MAX_PHOTO_BYTES + 1];
        let refused = upload(&app, who, path, big, "image/jpeg").await;
        let error = api_error(refused, StatusCode::PAYLOAD_TOO_LARGE, "too_large").await;
        assert_eq!(error["field"], "photo", "{path}: {error}");
    }
}

async fn progress_updates_and_inspections_show_their_authors_photos_on_the_project_page(
    app: TestApp,
) {
    let staff = staff(&app).await;
    let other_staff = app
        .signed_in_as("staff2", deputy_homes_api::accounts::Role::Staff, &[])
        .await;
    let voters = delegates(&app, "seen", 2).await;
    let deadline = days_ahead(&app, 60);
    let (_, projects) = adopted(&app, &staff, "city", &voters, &deadline).await;
    let project = &projects[0];
    let progress_path = format!("/api/staff/projects/{project}/progress");
    let inspection_path = format!("/api/delegate/projects/{project}/inspections");
    let staff_photo = uploaded_as(&app, &staff, STAFF_UPLOADS).await;
    let delegate_photo = uploaded_as(&app, &voters[0], DELEGATE_UPLOADS).await;
    let update =
        |photos: &[&str]| json!({ "percent": 20, "done": "完成基础施工", "photo_ids": photos });
    let visit = |photos: &[&str]| json!({ "notes": "现场查看，质量良好", "photo_ids": photos });
    // A photo someone else uploaded goes on no one's record, and nothing is stored.
    for (who, path, body) in [
        (&other_staff, &progress_path, update(&[&staff_photo])),
        (&staff, &progress_path, update(&[&delegate_photo])),
        (&voters[1], &inspection_path, visit(&[&delegate_photo])),
        (&voters[0], &inspection_path, visit(&[&staff_photo])),
    ] {
        let refused = post(&app, who, path, body).await;
        let error = api_error(refused, StatusCode::CONFLICT, "photo_gone").await;
        assert_eq!(error["field"], "photo_ids", "{error}");
    }
    let page = project_page(&app, project).await;
    assert_eq!(page["progress"], json!([]), "{page}");
    assert_eq!(page["inspections"], json!([]), "{page}");
    let four = ["a", "b", "c", "d"];
    for (who, path, body) in [
        (&staff, &progress_path, update(&four)),
        (&voters[0], &inspection_path, visit(&four)),
    ] {
        let refused = post(&app, who, path, body).await;
        let error = api_error(refused, StatusCode::BAD_REQUEST, "bad_parameter").await;
        assert_eq!(error["field"], "photo_ids", "{error}");
    }
    // The authors' own photos go on their records and show on the public page.
    let page = json_body(
        post(&app, &staff, &progress_path, update(&[&staff_photo])).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(page["progress"][0]["photos"][0]["id"], staff_photo.as_str());
    json_body(
        post(
            &app,
            &voters[0],
            &inspection_path,
            visit(&[&delegate_photo]),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let page = project_page(&app, project).await;
    let shown = &page["inspections"][0]["photos"][0];
    assert_eq!(shown["id"], delegate_photo.as_str(), "{page}");
    image_at(&app, shown["url"].as_str().unwrap(), "image/jpeg").await;
    assert_eq!(page["progress"][0]["photos"].as_array().unwrap().len(), 1);
    // A photo taken once is taken: the next update cannot take it again.
    let refused = post(&app, &staff, &progress_path, update(&[&staff_photo])).await;
    api_error(refused, StatusCode::CONFLICT, "photo_gone").await;
}

async fn housekeeping_keeps_photos_a_project_record_took(app: TestApp) {
    let cycle = collecting(&app).await;
    let citizen = app.citizen(PROPOSER).await;
    let taken = uploaded_as(&app, &citizen, CITIZEN_UPLOADS).await;
    let left = uploaded_as(&app, &citizen, CITIZEN_UPLOADS).await;
    let saved = json_body(
        propose_with(&app, &citizen, &cycle, &[&taken]).await,
        StatusCode::CREATED,
    )
    .await;
    app.clock.advance(25 * 3_600_000);
    let pass = pass_now(&app).await;
    assert_eq!(pass.unattached_photos, 1, "{pass:?}");
    let url = |id: &str| format!("/api/project-photos/{id}");
    image_at(&app, &url(&taken), "image/jpeg").await;
    api_error(
        app.send(app.get(&url(&left))).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let number = saved["tracking_number"].as_str().unwrap();
    let page = json_body(
        app.send(app.get(&format!("/api/project-proposals/{number}")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["photos"][0]["id"], taken.as_str());
}
