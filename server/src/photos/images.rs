//! Cleaning an uploaded photo: only real JPEG, PNG or WebP images pass, and none keeps its
//! metadata (EXIF with GPS, XMP, ICC profiles, comments).
//!
//! Nothing of the uploaded file is copied: its pixels are decoded and encoded anew, so whatever
//! the file carried besides pixels is gone. The EXIF orientation is applied to the pixels first,
//! so the photo still stands upright once the tag is dropped. JPEG and WebP come back as JPEG
//! (quality 85; the `image` crate only writes lossless WebP, several times larger for a photo,
//! and transparency is dropped); PNG comes back as PNG, so screenshots stay sharp. Thumbnails are
//! JPEG, at most 320 px on the longer side.
//!
//! A small file can declare a huge picture (a 233 KB PNG of 10000 x 8000 pixels), so the size
//! the header declares is checked against [`MAX_PIXELS`] before any pixel is decoded, and the
//! decoder may allocate at most [`MAX_DECODE_BYTES`]. How many decodes run at once is bounded
//! by the caller (`AppState.photo_decodes`).

pub use crate::photos::store::CleanPhoto;
use deputy_homes_api::platform::photos::{MAX_PHOTO_BYTES, THUMBNAIL_MAX_SIDE};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// JPEG quality of cleaned photos and thumbnails.
const JPEG_QUALITY: u8 = 85;
/// Largest width or height accepted, so a small file cannot unpack into gigabytes of pixels.
const MAX_SIDE: u32 = 10_000;
/// Most pixels a photo may declare: 40 megapixels, more than any phone's camera takes.
pub const MAX_PIXELS: u64 = 40_000_000;
/// Most memory one decode may take: the largest photo at 8-bit RGBA.
const MAX_DECODE_BYTES: u64 = MAX_PIXELS * 4;

/// Why an upload was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoRefused {
    #[error("the photo is larger than {} MiB", MAX_PHOTO_BYTES / (1024 * 1024))]
    TooLarge,
    #[error("the photo must be a JPEG, PNG or WebP image")]
    NotAnImage,
    #[error("the photo could not be read as a {0} image; it may be damaged")]
    Undecodable(&'static str),
    #[error("the photo has more than {} megapixels", MAX_PIXELS / 1_000_000)]
    TooManyPixels,
}

/// Checks that `bytes` are a JPEG, PNG or WebP image (by their content, whatever the file was
/// called), and returns its pixels encoded anew, without metadata, with a thumbnail.
pub fn clean(bytes: &[u8]) -> Result<CleanPhoto, PhotoRefused> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(PhotoRefused::TooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoRefused::NotAnImage)?;
    let name = match format {
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::Png => "PNG",
        ImageFormat::WebP => "WebP",
        _ => return Err(PhotoRefused::NotAnImage),
    };
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|_| PhotoRefused::Undecodable(name))?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoRefused::TooManyPixels);
    }
    let pixels = decode_upright(bytes, format).map_err(|_| PhotoRefused::Undecodable(name))?;
    let (content_type, bytes) = match format {
        ImageFormat::Png => ("image/png", encode(&pixels, ImageFormat::Png)),
        _ => ("image/jpeg", encode(&pixels, ImageFormat::Jpeg)),
    };
    let bytes = bytes.map_err(|_| PhotoRefused::Undecodable(name))?;
    // `thumbnail` would also enlarge a photo smaller than the box.
    let small = if pixels.width().max(pixels.height()) > THUMBNAIL_MAX_SIDE {
        pixels.thumbnail(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE)
    } else {
        pixels.clone()
    };
    let thumbnail =
        encode(&small, ImageFormat::Jpeg).map_err(|_| PhotoRefused::Undecodable(name))?;
    Ok(CleanPhoto {
        content_type,
        width: pixels.width(),
        height: pixels.height(),
        bytes,
        thumbnail,
    })
}

/// Decodes within memory limits and turns the pixels as the EXIF orientation says.
fn decode_upright(bytes: &[u8], format: ImageFormat) -> image::ImageResult<DynamicImage> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder()?;
    // A damaged EXIF block only loses the turn, not the photo.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut pixels = DynamicImage::from_decoder(decoder)?;
    pixels.apply_orientation(orientation);
    Ok(pixels)
}

/// Writes pixels as a PNG (as they are) or a JPEG (in 8-bit RGB), with no metadata.
fn encode(pixels: &DynamicImage, format: ImageFormat) -> image::ImageResult<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        ImageFormat::Png => pixels.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)?,
        _ => {
            let encoder = JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            // A JPEG decodes to 8-bit RGB or grey already: encoded as it is, with no copy of
            // its pixels; anything else is converted first.
            match pixels {
                DynamicImage::ImageRgb8(_) | DynamicImage::ImageLuma8(_) => {
                    pixels.write_with_encoder(encoder)?
                }
                _ => DynamicImage::ImageRgb8(pixels.to_rgb8()).write_with_encoder(encoder)?,
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage};

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let pixels = RgbImage::from_fn(width, height, |x, _| Rgb([(x * 10) as u8, 80, 160]));
        encode(&DynamicImage::ImageRgb8(pixels), ImageFormat::Jpeg).unwrap()
    }

    #[test]
    fn a_jpeg_comes_back_as_a_jpeg_with_a_small_thumbnail() {
        let photo = clean(&jpeg(800, 400)).unwrap();
        assert_eq!(photo.content_type, "image/jpeg");
        assert_eq!((photo.width, photo.height), (800, 400));
        let thumb = image::load_from_memory(&photo.thumbnail).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (320, 160));
    }

    #[test]
    fn text_and_gif_are_not_photos() {
        assert_eq!(
            clean(b"just some text, not a photo").unwrap_err(),
            PhotoRefused::NotAnImage
        );
        assert_eq!(
            clean(b"GIF89a\x01\x00\x01\x00").unwrap_err(),
            PhotoRefused::NotAnImage
        );
    }

    #[test]
    fn a_jpeg_header_without_a_picture_is_refused() {
        let mut broken = jpeg(16, 16);
        broken.truncate(40);
        assert_eq!(
            clean(&broken).unwrap_err(),
            PhotoRefused::Undecodable("JPEG")
        );
    }

    /// A PNG declaring `width` x `height` grey pixels, with an empty pixel data chunk.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        fn chunk(png: &mut Vec<u8>, body: &[u8]) {
            png.extend((body.len() as u32 - 4).to_be_bytes());
            png.extend(body);
            png.extend(crc32(body).to_be_bytes());
        }
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend(width.to_be_bytes());
        ihdr.extend(height.to_be_bytes());
        ihdr.extend([8, 0, 0, 0, 0]);
        chunk(&mut png, &ihdr);
        chunk(&mut png, b"IDAT");
        chunk(&mut png, b"IEND");
        png
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_picture_declaring_more_than_forty_megapixels_is_refused_before_decoding() {
        // Its header alone: were it decoded, it would fail as damaged, not as too large.
        assert_eq!(
            clean(&png_header(8000, 5001)).unwrap_err(),
            PhotoRefused::TooManyPixels
        );
        assert_eq!(
            clean(&png_header(10_000, 8000)).unwrap_err(),
            PhotoRefused::TooManyPixels
        );
        assert_eq!(
            clean(&png_header(8000, 5000)).unwrap_err(),
            PhotoRefused::Undecodable("PNG")
        );
    }

    #[test]
    fn more_than_the_limit_is_refused_before_decoding() {
        let big = vec![0u8; MAX_PHOTO_BYTES + 1];
        assert_eq!(clean(&big).unwrap_err(), PhotoRefused::TooLarge);
    }
}
