//! Encoding pixels: the site's variants as WebP (libwebp) and baseline JPEG (jpeg-encoder),
//! the 海报 as 4:4:4 JPEG, QR codes as PNG. Encoders write only pixels: no metadata.

use super::image::ImageError;
use super::Format;
use crate::config::ImageSettings;
use crate::tr;

/// `pixels` (8-bit RGB, `width`x`height`) encoded in `format` at the site's qualities.
pub(super) fn encode(
    format: Format,
    pixels: &[u8],
    width: u32,
    height: u32,
    settings: &ImageSettings,
) -> Result<Vec<u8>, ImageError> {
    match format {
        Format::Jpeg => {
            let mut out = Vec::new();
            // Interleaved baseline, default Huffman tables: jpeg-encoder's optimised-Huffman
            // mode writes one scan per component, which zune-jpeg 0.5 (the image crate's
            // decoder) decodes with wrong colours; it saved only 1.6% on a 1600 px photo.
            jpeg_encoder::Encoder::new(&mut out, settings.jpeg_quality)
                .encode(
                    pixels,
                    width as u16,
                    height as u16,
                    jpeg_encoder::ColorType::Rgb,
                )
                .map_err(|e| {
                    ImageError::Write(tr!(
                        "image-encode-failed",
                        format = "JPEG",
                        why = e.to_string()
                    ))
                })?;
            Ok(out)
        }
        Format::Webp => {
            let mut config = webp::WebPConfig::new().map_err(|_| {
                ImageError::Write(tr!(
                    "image-encode-failed",
                    format = "WebP",
                    why = "libwebp configuration"
                ))
            })?;
            config.quality = settings.webp_quality as f32;
            config.method = settings.webp_effort as i32;
            webp::Encoder::from_rgb(pixels, width, height)
                .encode_advanced(&config)
                .map(|memory| memory.to_vec())
                .map_err(|e| {
                    ImageError::Write(tr!(
                        "image-encode-failed",
                        format = "WebP",
                        why = format!("{e:?}")
                    ))
                })
        }
    }
}

/// RGBA pixels (alpha ignored), `width`x`height`, as a JPEG of `quality` with colour at full
/// resolution (4:4:4), so that coloured text stays sharp: the 海报 and 长图.
pub fn sharp_jpeg(rgba: &[u8], width: u32, height: u32, quality: u8) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::R_4_4_4);
    encoder
        .encode(
            rgba,
            width as u16,
            height as u16,
            jpeg_encoder::ColorType::Rgba,
        )
        .map_err(|e| tr!("image-encode-failed", format = "JPEG", why = e.to_string()))?;
    Ok(out)
}

/// 8-bit grey pixels, `size`x`size`, as a PNG: a QR code's raster.
pub fn grey_png(pixels: Vec<u8>, size: u32) -> Vec<u8> {
    let image = image::GrayImage::from_raw(size, size, pixels).expect("size x size pixels");
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("PNG encoding into memory");
    out.into_inner()
}

/// Decodes a grey PNG made by [`grey_png`]: its size and pixels, for tests elsewhere.
#[cfg(test)]
pub fn grey_pixels(png: &[u8]) -> (u32, u32, Vec<u8>) {
    let image = image::load_from_memory(png).expect("a PNG").to_luma8();
    (image.width(), image.height(), image.into_raw())
}

/// A black JPEG of `width`x`height` written to `path`: a photo for tests elsewhere.
#[cfg(test)]
pub fn write_test_jpeg(path: &std::path::Path, width: u32, height: u32) {
    let pixels = vec![0; (width * height * 3) as usize];
    let settings = ImageSettings::default();
    let jpeg = encode(Format::Jpeg, &pixels, width, height, &settings).expect("a JPEG");
    std::fs::write(path, jpeg).expect("test photo written");
}
