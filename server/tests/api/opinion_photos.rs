//! Photos for opinions: only real JPEG, PNG and WebP images are taken, each comes back without
//! any metadata (the GPS position of a phone's photo above all), turned upright, with a
//! thumbnail, and is cached by the viewer's browser only, for a day.

use crate::bookings::bad_field;
use crate::helpers::{api_error, json_body, on_both_databases, TestApp};
use deputy_homes_api::platform::photos::MAX_PHOTO_BYTES;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::webp::WebPEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, Rgb, RgbImage};
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use reqwest::multipart::{Form, Part};
use reqwest::{Response, StatusCode};
use serde_json::Value;
use std::io::Cursor;

on_both_databases!(
    with_empty_register:
    a_phone_photo_comes_back_without_its_exif_and_gps_and_turned_upright,
    png_and_webp_photos_are_taken_and_served_with_their_thumbnails,
    a_text_file_called_a_jpeg_is_refused_naming_the_accepted_types,
    a_photo_over_the_size_limit_is_refused_with_a_413,
    a_small_file_declaring_more_than_forty_megapixels_is_refused_with_a_413,
    a_form_without_a_photo_and_an_unknown_photo_are_json_errors,
);

/// The latitude's seconds as the test's EXIF block stores them (12.34″), to look for later.
const GPS_SECONDS: [u8; 8] = [0, 0, 0x04, 0xD2, 0, 0, 0, 100];

/// Pixels with a left-to-right gradient, so a turn shows.
pub(crate) fn pixels(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x * 5) as u8, (y * 5) as u8, 160])
    }))
}

pub(crate) fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    pixels(width, height)
        .write_with_encoder(JpegEncoder::new_with_quality(&mut out, 90))
        .expect("the test JPEG encodes");
    out
}

/// A big-endian TIFF block as in a phone's photo: orientation 6 (turn 90° clockwise to view)
/// and a GPS position (40° 50′ 12.34″ N).
fn exif_tiff() -> Vec<u8> {
    let mut t: Vec<u8> = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    // IFD0 at 8: two entries, then no next IFD; it ends at 38.
    t.extend([0, 2]);
    t.extend([0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
    t.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]); // GPS IFD at 38
    t.extend([0, 0, 0, 0]);
    // GPS IFD at 38: latitude ref and latitude (3 rationals at 68).
    t.extend([0, 2]);
    t.extend([0x00, 0x01, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]);
    t.extend([0x00, 0x02, 0, 5, 0, 0, 0, 3, 0, 0, 0, 68]);
    t.extend([0, 0, 0, 0]);
    assert_eq!(t.len(), 68);
    t.extend([0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 50, 0, 0, 0, 1]);
    t.extend(GPS_SECONDS);
    t
}

/// A JPEG with an APP1 `Exif` segment (orientation and GPS) spliced in after its SOI marker.
pub(crate) fn jpeg_with_exif_gps(width: u32, height: u32) -> Vec<u8> {
    let plain = jpeg(width, height);
    assert_eq!(&plain[..2], [0xFF, 0xD8], "a JPEG starts with SOI");
    let mut payload = b"Exif\x00\x00".to_vec();
    payload.extend(exif_tiff());
    let length = u16::try_from(payload.len() + 2).expect("a small segment");
    let mut out = plain[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(length.to_be_bytes());
    out.extend(payload);
    out.extend(&plain[2..]);
    out
}

fn encoded(format: ImageFormat, width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    match format {
        ImageFormat::WebP => pixels(width, height)
            .write_with_encoder(WebPEncoder::new_lossless(&mut out))
            .expect("the test WebP encodes"),
        _ => pixels(width, height)
            .write_to(&mut Cursor::new(&mut out), format)
            .expect("the test image encodes"),
    }
    out
}

/// A form with one file in the field `photo`.
pub(crate) fn photo_form(bytes: Vec<u8>, file_name: &str, mime: &str) -> Form {
    let part = Part::bytes(bytes)
        .file_name(file_name.to_owned())
        .mime_str(mime)
        .expect("a valid type");
    Form::new().part("photo", part)
}

/// `POST /api/opinion-photos` with one file in the form field `photo`.
pub(crate) async fn upload(app: &TestApp, bytes: Vec<u8>, file_name: &str, mime: &str) -> Response {
    let form = photo_form(bytes, file_name, mime);
    app.send(
        app.request(reqwest::Method::POST, "/api/opinion-photos")
            .multipart(form),
    )
    .await
}

/// Uploads a small JPEG; returns the answer (201).
pub(crate) async fn uploaded(app: &TestApp) -> Value {
    json_body(
        upload(app, jpeg(64, 48), "photo.jpg", "image/jpeg").await,
        StatusCode::CREATED,
    )
    .await
}

/// GETs a path; checks it is a 200 image of this type that only the viewer's browser caches,
/// for a day (photos are personal data, erased with their opinion); returns the bytes.
pub(crate) async fn image_at(app: &TestApp, path: &str, content_type: &str) -> Vec<u8> {
    let response = app.send(app.get(path)).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header(CONTENT_TYPE), content_type, "{path}");
    let cache = header(CACHE_CONTROL);
    assert!(
        cache.starts_with("private")
            && cache.contains("max-age=86400")
            && !cache.contains("public"),
        "{path}: {cache}"
    );
    response
        .bytes()
        .await
        .expect("the image is readable")
        .to_vec()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The marker bytes of every segment of a JPEG before its image data.
fn segment_markers(jpeg: &[u8]) -> Vec<u8> {
    let mut markers = Vec::new();
    let mut at = 2;
    while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
        let marker = jpeg[at + 1];
        markers.push(marker);
        if marker == 0xDA {
            break;
        }
        at += 2 + usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
    }
    markers
}

pub(crate) fn exif_of(jpeg: &[u8]) -> Option<Vec<u8>> {
    let mut decoder = image::codecs::jpeg::JpegDecoder::new(Cursor::new(jpeg)).expect("a JPEG");
    decoder.exif_metadata().expect("the metadata is readable")
}

async fn a_phone_photo_comes_back_without_its_exif_and_gps_and_turned_upright(app: TestApp) {
    let original = jpeg_with_exif_gps(40, 20);
    let exif = exif_of(&original).expect("the test photo carries EXIF");
    assert!(
        contains(&exif, &GPS_SECONDS),
        "the GPS block is in the EXIF"
    );
    let decoded = image::load_from_memory(&original).expect("the test photo decodes");
    assert_eq!((decoded.width(), decoded.height()), (40, 20));

    let photo = json_body(
        upload(&app, original, "IMG_0001.JPG", "image/jpeg").await,
        StatusCode::CREATED,
    )
    .await;
    let id = photo["id"].as_str().expect("an id").to_owned();
    assert_eq!(photo["url"], format!("/api/opinion-photos/{id}"));
    assert_eq!(
        photo["thumbnail_url"],
        format!("/api/opinion-photos/{id}/thumbnail")
    );
    assert_eq!(
        (photo["width"].clone(), photo["height"].clone()),
        (20.into(), 40.into())
    );

    let cleaned = image_at(&app, &format!("/api/opinion-photos/{id}"), "image/jpeg").await;
    assert!(!contains(&cleaned, b"Exif"), "the Exif block is gone");
    assert!(
        !contains(&cleaned, &GPS_SECONDS),
        "the GPS position is gone"
    );
    assert_eq!(exif_of(&cleaned), None);
    let markers = segment_markers(&cleaned);
    assert!(
        markers.contains(&0xDA),
        "the image data is there: {markers:x?}"
    );
    for metadata in [0xE1, 0xE2, 0xED, 0xFE] {
        assert!(
            !markers.contains(&metadata),
            "segment {metadata:x} in {markers:x?}"
        );
    }
    let upright = image::load_from_memory(&cleaned).expect("the cleaned photo decodes");
    assert_eq!(
        (upright.width(), upright.height()),
        (20, 40),
        "turned upright"
    );

    let thumbnail = image_at(
        &app,
        &format!("/api/opinion-photos/{id}/thumbnail"),
        "image/jpeg",
    )
    .await;
    assert!(!contains(&thumbnail, b"Exif"));
    let thumbnail = image::load_from_memory(&thumbnail).expect("the thumbnail decodes");
    assert_eq!(
        (thumbnail.width(), thumbnail.height()),
        (20, 40),
        "small ones stay as they are"
    );
}

async fn png_and_webp_photos_are_taken_and_served_with_their_thumbnails(app: TestApp) {
    let png = json_body(
        upload(
            &app,
            encoded(ImageFormat::Png, 800, 400),
            "screen.png",
            "image/png",
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        (png["width"].clone(), png["height"].clone()),
        (800.into(), 400.into())
    );
    let url = png["url"].as_str().expect("a url");
    let bytes = image_at(&app, url, "image/png").await;
    assert_eq!(
        image::guess_format(&bytes).expect("a format"),
        ImageFormat::Png
    );
    let thumb_url = png["thumbnail_url"].as_str().expect("a url");
    let thumb = image::load_from_memory(&image_at(&app, thumb_url, "image/jpeg").await)
        .expect("the thumbnail decodes");
    assert_eq!((thumb.width(), thumb.height()), (320, 160));

    // Sent as a generic type: the content decides.
    let webp = json_body(
        upload(
            &app,
            encoded(ImageFormat::WebP, 30, 50),
            "pic.webp",
            "application/octet-stream",
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        (webp["width"].clone(), webp["height"].clone()),
        (30.into(), 50.into())
    );
    let bytes = image_at(&app, webp["url"].as_str().expect("a url"), "image/jpeg").await;
    let decoded = image::load_from_memory(&bytes).expect("the WebP comes back as a JPEG");
    assert_eq!((decoded.width(), decoded.height()), (30, 50));
}

async fn a_text_file_called_a_jpeg_is_refused_naming_the_accepted_types(app: TestApp) {
    let text = b"Dear delegate, this is not a photo at all.\n".to_vec();
    let response = upload(&app, text, "x.jpg", "image/jpeg").await;
    let error = api_error(response, StatusCode::BAD_REQUEST, "bad_parameter").await;
    assert_eq!(error["field"], "photo");
    let message = error["message"].as_str().expect("a message");
    for kind in ["JPEG", "PNG", "WebP"] {
        assert!(message.contains(kind), "{message}");
    }
    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04".to_vec();
    bad_field(
        upload(&app, gif, "a.gif", "image/gif").await,
        "photo",
        "a GIF",
    )
    .await;
    let mut cut = jpeg(64, 64);
    cut.truncate(60);
    bad_field(
        upload(&app, cut, "cut.jpg", "image/jpeg").await,
        "photo",
        "a cut JPEG",
    )
    .await;
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM photos")
        .fetch_one(&app.sql().await)
        .await
        .expect("photos are countable");
    assert_eq!(stored, 0);
}

async fn a_photo_over_the_size_limit_is_refused_with_a_413(app: TestApp) {
    let mut big = jpeg(16, 16);
    big.resize(MAX_PHOTO_BYTES + 1, 0);
    let response = upload(&app, big, "big.jpg", "image/jpeg").await;
    let error = api_error(response, StatusCode::PAYLOAD_TOO_LARGE, "too_large").await;
    assert_eq!(error["field"], "photo");
    assert!(
        error["message"]
            .as_str()
            .expect("a message")
            .contains("8 MiB"),
        "{error}"
    );
    // Just at the limit is not refused for its size (a padded JPEG still decodes).
    let mut full = jpeg(16, 16);
    full.resize(MAX_PHOTO_BYTES, 0);
    json_body(
        upload(&app, full, "full.jpg", "image/jpeg").await,
        StatusCode::CREATED,
    )
    .await;
}

async fn a_form_without_a_photo_and_an_unknown_photo_are_json_errors(app: TestApp) {
    let form = Form::new().text("note", "no file here");
    let response = app
        .send(
            app.request(reqwest::Method::POST, "/api/opinion-photos")
                .multipart(form),
        )
        .await;
    bad_field(response, "photo", "no photo field").await;
    let not_multipart = app
        .send(
            app.request(reqwest::Method::POST, "/api/opinion-photos")
                .body("raw"),
        )
        .await;
    bad_field(not_multipart, "photo", "not a form").await;
    for path in [
        "/api/opinion-photos/nothing",
        "/api/opinion-photos/nothing/thumbnail",
    ] {
        api_error(
            app.send(app.get(path)).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    }
}

/// A real grey PNG of `width` x `height` black pixels: tiny, as its rows of zeros compress
/// to almost nothing, however many pixels it declares.
pub(crate) fn black_png(width: u32, height: u32) -> Vec<u8> {
    use flate2::write::ZlibEncoder;
    use std::io::Write;
    fn chunk(png: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        png.extend(
            u32::try_from(data.len())
                .expect("a chunk fits")
                .to_be_bytes(),
        );
        png.extend(&body);
        let mut crc = flate2::Crc::new();
        crc.update(&body);
        png.extend(crc.sum().to_be_bytes());
    }
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    let row = vec![0u8; width as usize + 1];
    let mut zlib = ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    for _ in 0..height {
        zlib.write_all(&row).expect("compressed in memory");
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(
        &mut png,
        b"IDAT",
        &zlib.finish().expect("compressed in memory"),
    );
    chunk(&mut png, b"IEND", &[]);
    png
}

async fn a_small_file_declaring_more_than_forty_megapixels_is_refused_with_a_413(app: TestApp) {
    // The example: 10000 x 8000 pixels (80 megapixels) in a small file, which took
    // about 240 MB to decode; it is refused from its header.
    let png = black_png(10_000, 8000);
    assert!(png.len() < 1024 * 1024, "{} bytes", png.len());
    let response = upload(&app, png, "huge.png", "image/png").await;
    let error = api_error(response, StatusCode::PAYLOAD_TOO_LARGE, "too_large").await;
    assert_eq!(error["field"], "photo", "{error}");
    assert!(
        error["message"]
            .as_str()
            .expect("a message")
            .contains("40 megapixels"),
        "{error}"
    );
    // A small one of the same kind is taken.
    json_body(
        upload(&app, black_png(400, 300), "small.png", "image/png").await,
        StatusCode::CREATED,
    )
    .await;
}
