//! Reading source images: what a file is (JPEG, PNG, or something named as one), whether it
//! is whole, its size as shown, and its pixels as 8-bit sRGB with EXIF orientation applied
//! and alpha flattened. CMYK and progressive JPEGs are decoded by jpeg-decoder, at a fraction
//! of their size when the outputs are much smaller (shrink-on-load); PNG by the image crate.

use super::image::{crop_rect, ImageError};
use super::ImageRequest;
use crate::{said, tr};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, RgbImage};
use std::io::{BufRead, Cursor, Seek};
use std::path::Path;

/// Decodes JPEG or PNG into 8-bit RGB with EXIF orientation applied and alpha flattened onto
/// white. Checks that the contents match the file's extension. A JPEG much larger than the
/// largest output is decoded at 1/2, 1/4 or 1/8 scale in the DCT domain (shrink-on-load).
pub(super) fn decode(
    bytes: &[u8],
    source: &Path,
    request: &ImageRequest,
) -> Result<RgbImage, ImageError> {
    match detect_format(bytes, source)? {
        ImageFormat::Jpeg => decode_jpeg(bytes, request)
            .or_else(|_| decode_with_image_crate(bytes, ImageFormat::Jpeg)),
        format => decode_with_image_crate(bytes, format),
    }
}

/// Width and height of a source image as it is shown (EXIF orientation applied), from its
/// header only.
pub fn source_dimensions(source: &Path) -> Result<(u32, u32), ImageError> {
    let reader = ImageReader::open(source).map_err(ImageError::Read)?;
    upright_dimensions(reader)
}

/// Width and height of an image held in memory as it is shown (EXIF orientation applied),
/// from its header only: a photo received in a nomination before it is written anywhere.
pub fn dimensions(bytes: &[u8]) -> Result<(u32, u32), ImageError> {
    upright_dimensions(ImageReader::new(Cursor::new(bytes)))
}

fn upright_dimensions<R: BufRead + Seek>(reader: ImageReader<R>) -> Result<(u32, u32), ImageError> {
    let decode_error = |e: image::ImageError| ImageError::Decode(e.to_string());
    let mut decoder = reader
        .with_guessed_format()
        .map_err(ImageError::Read)?
        .into_decoder()
        .map_err(decode_error)?;
    let (width, height) = decoder.dimensions();
    let orientation = decoder.orientation().map_err(decode_error)?;
    Ok(if swaps_sides(orientation) {
        (height, width)
    } else {
        (width, height)
    })
}

/// What a file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A JPEG.
    Jpeg,
    /// A PNG.
    Png,
    /// Another image format (GIF, WebP, BMP …), which the site does not take.
    Other,
}

/// What `bytes` hold by their signature, whatever the file is called; `None` when they are
/// no image format known.
pub fn sniff(bytes: &[u8]) -> Option<Sniffed> {
    match image::guess_format(bytes).ok()? {
        ImageFormat::Jpeg => Some(Sniffed::Jpeg),
        ImageFormat::Png => Some(Sniffed::Png),
        _ => Some(Sniffed::Other),
    }
}

fn decode_with_image_crate(bytes: &[u8], format: ImageFormat) -> Result<RgbImage, ImageError> {
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), format)
        .into_decoder()
        .map_err(|e| ImageError::Decode(e.to_string()))?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|e| ImageError::Decode(e.to_string()))?;
    image.apply_orientation(orientation);
    Ok(to_rgb8(image))
}

fn decode_jpeg(bytes: &[u8], request: &ImageRequest) -> Result<RgbImage, ImageError> {
    let error = |e: jpeg_decoder::Error| ImageError::Decode(e.to_string());
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.read_info().map_err(error)?;
    let info = decoder
        .info()
        .ok_or_else(|| ImageError::Decode(tr!("image-no-header")))?;
    let orientation = decoder
        .exif_data()
        .and_then(Orientation::from_exif_chunk)
        .unwrap_or(Orientation::NoTransforms);
    let (width, height) = (info.width as u32, info.height as u32);
    let upright = if swaps_sides(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    let fraction = needed_fraction(upright, request);
    if fraction <= 0.5 {
        // A few pixels of margin so rounding never leaves the crop a pixel short.
        let at_least = |side: u32| ((side as f64 * fraction).ceil() as u32 + 8).min(side) as u16;
        decoder
            .scale(at_least(width), at_least(height))
            .map_err(error)?;
    }
    let pixels = decoder.decode().map_err(error)?;
    let info = decoder
        .info()
        .ok_or_else(|| ImageError::Decode(tr!("image-no-header")))?;
    let rgb = match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => pixels,
        jpeg_decoder::PixelFormat::L8 => pixels.iter().flat_map(|&l| [l, l, l]).collect(),
        jpeg_decoder::PixelFormat::L16 => pixels
            .chunks_exact(2)
            .flat_map(|l| [l[0], l[0], l[0]])
            .collect(),
        jpeg_decoder::PixelFormat::CMYK32 => pixels.chunks_exact(4).flat_map(cmyk_to_rgb).collect(),
    };
    let image = RgbImage::from_raw(info.width as u32, info.height as u32, rgb)
        .ok_or_else(|| ImageError::Decode(tr!("image-size-mismatch")))?;
    let mut image = DynamicImage::ImageRgb8(image);
    image.apply_orientation(orientation);
    Ok(image.into_rgb8())
}

fn swaps_sides(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// The fraction (at most 1) of the upright source size that the largest output needs.
fn needed_fraction(upright: (u32, u32), request: &ImageRequest) -> f64 {
    request
        .shapes
        .iter()
        .map(|(&shape, needs)| {
            let crop = crop_rect(upright.0, upright.1, shape.aspect(), (0.5, 0.5));
            let widest = needs.widths.iter().max().copied().unwrap_or(0) as f64;
            (widest / crop.width).min(1.0)
        })
        .fold(0.0, f64::max)
}

/// CMYK (ink amounts, 0–255) to sRGB without an ICC profile: the polynomial fit to the
/// US Web Coated (SWOP) v2 profile that Mozilla pdf.js uses (Apache-2.0). The naive
/// `(1 - c)(1 - k)` formula gives visibly over-saturated colours.
fn cmyk_to_rgb(pixel: &[u8]) -> [u8; 3] {
    let [c, m, y, k] = [0, 1, 2, 3].map(|i| pixel[i] as f64 / 255.0);
    let r = 255.0
        + c * (-4.387332384609988 * c
            + 54.48615194189176 * m
            + 18.82290502165302 * y
            + 212.25662451639585 * k
            - 285.2331026137004)
        + m * (1.7149763477362134 * m
            - 5.6096736904047315 * y
            - 17.873870861415444 * k
            - 5.497006427196366)
        + y * (-2.5217340131683033 * y - 21.248923337353073 * k + 17.5119270841813)
        + k * (-21.86122147463605 * k - 189.48180835922747);
    let g = 255.0
        + c * (8.841041422036149 * c
            + 60.118027045597366 * m
            + 6.871425592049007 * y
            + 31.159100130055922 * k
            - 79.2970844816548)
        + m * (-15.310361306967817 * m + 17.575251261109482 * y + 131.35250912493976 * k
            - 190.9453302588951)
        + y * (4.444339102852739 * y + 9.8632861493405 * k - 24.86741582555878)
        + k * (-20.737325471181034 * k - 187.80453709719578);
    let b = 255.0
        + c * (0.8842522430003296 * c + 8.078677503112928 * m + 30.89978309703729 * y
            - 0.23883238689178934 * k
            - 14.183576799673286)
        + m * (10.49593273432072 * m + 63.02378494754052 * y + 50.606957656360734 * k
            - 112.23884253719248)
        + y * (0.03296041114873217 * y + 115.60384449646641 * k - 193.58209356861505)
        + k * (-22.33816807309886 * k - 180.12613974708367);
    [r, g, b].map(|v| v.round().clamp(0.0, 255.0) as u8)
}

/// What the media stage and `laurel check` both ask of a source image before using it: that
/// it is not empty, its content matches its extension, and it is whole (a JPEG ends with its
/// end-of-image marker after the last scan, a PNG with its IEND chunk). A file cut short in
/// transfer decodes with a grey band, so it is refused here.
pub fn inspect_image(bytes: &[u8], source: &Path) -> Result<(), ImageError> {
    if bytes.is_empty() {
        return Err(ImageError::Unsupported(said!("image-empty")));
    }
    let whole = match detect_format(bytes, source)? {
        ImageFormat::Jpeg => jpeg_is_whole(bytes),
        _ => png_is_whole(bytes),
    };
    if whole {
        Ok(())
    } else {
        Err(ImageError::Unsupported(said!("image-cut-short")))
    }
}

/// True when the JPEG's last scan (SOS, FF DA) is followed by the end-of-image marker (FF D9);
/// trailers some phones append after the end are allowed. Searched from the last end marker
/// (near the file's end) and the first scan (near its start), so a photo's compressed data is
/// not walked: the same answer as looking for an end after the last scan, without reading the
/// megabytes between them.
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    const SCAN: [u8; 2] = [0xFF, 0xDA];
    let Some(end) = bytes.windows(2).rposition(|w| w == [0xFF, 0xD9]) else {
        return false;
    };
    let scan_before = bytes[..end].windows(2).any(|w| w == SCAN);
    let scan_after = bytes[end..].windows(2).any(|w| w == SCAN);
    scan_before && !scan_after
}

/// True when the PNG holds its IEND chunk.
fn png_is_whole(bytes: &[u8]) -> bool {
    bytes.windows(4).rev().take(1 << 16).any(|w| w == b"IEND")
}

fn detect_format(bytes: &[u8], source: &Path) -> Result<ImageFormat, ImageError> {
    let ext = source
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let detected = image::guess_format(bytes).ok();
    let expected = match ext.as_str() {
        "jpg" | "jpeg" => ImageFormat::Jpeg,
        _ => ImageFormat::Png,
    };
    match detected {
        Some(found) if found == expected => Ok(found),
        Some(ImageFormat::Jpeg) => Err(ImageError::Unsupported(said!(
            "image-jpeg-named",
            ext = ext
        ))),
        Some(ImageFormat::Png) => Err(ImageError::Unsupported(said!("image-png-named", ext = ext))),
        _ if is_heif(bytes) => Err(ImageError::Unsupported(said!("image-heic", ext = ext))),
        _ => Err(ImageError::Unsupported(said!("image-unknown"))),
    }
}

fn is_heif(bytes: &[u8]) -> bool {
    bytes.len() > 12
        && &bytes[4..8] == b"ftyp"
        && [b"heic", b"heix", b"mif1", b"msf1", b"heif", b"hevc"]
            .iter()
            .any(|brand| &bytes[8..12] == *brand)
}

fn to_rgb8(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let (width, height) = rgba.dimensions();
    let mut rgb = RgbImage::new(width, height);
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let alpha = px[3] as u32;
        for c in 0..3 {
            out[c] = ((px[c] as u32 * alpha + 255 * (255 - alpha) + 127) / 255) as u8;
        }
    }
    rgb
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ImageSettings;
    use crate::content::Focus;
    use crate::media::{Format, Shape};

    #[test]
    fn a_jpeg_is_whole_when_its_last_scan_has_an_end() {
        let (soi, sos, eoi) = (&[0xFF, 0xD8][..], &[0xFF, 0xDA][..], &[0xFF, 0xD9][..]);
        let whole = [soi, sos, &[1, 2, 3], eoi].concat();
        assert!(jpeg_is_whole(&whole));
        assert!(jpeg_is_whole(&[&whole[..], b"phone trailer"].concat()));
        // A second scan after the end with no end of its own: cut short.
        assert!(!jpeg_is_whole(&[&whole[..], sos, &[4, 5]].concat()));
        assert!(!jpeg_is_whole(&[soi, sos, &[1, 2, 3]].concat()));
        assert!(!jpeg_is_whole(&[soi, &[1][..], eoi].concat()));
    }

    #[test]
    fn alpha_is_flattened_onto_white() {
        let mut rgba = image::RgbaImage::new(1, 1);
        rgba.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        let rgb = to_rgb8(DynamicImage::ImageRgba8(rgba));
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
    }

    #[test]
    fn cmyk_converts_close_to_swop() {
        // Process colours and overprints as a US Web Coated (SWOP) v2 proof shows them in sRGB.
        let swop: [([u8; 4], [u8; 3]); 7] = [
            ([255, 0, 0, 0], [0, 174, 239]),
            ([0, 255, 0, 0], [236, 0, 140]),
            ([0, 0, 255, 0], [255, 242, 0]),
            ([0, 0, 0, 255], [35, 31, 32]),
            ([0, 255, 255, 0], [237, 28, 36]),
            ([255, 0, 255, 0], [0, 166, 81]),
            ([255, 255, 0, 0], [46, 49, 146]),
        ];
        let naive = |p: &[u8; 4]| {
            [0, 1, 2].map(|i| ((255 - p[i] as u32) * (255 - p[3] as u32) / 255) as u8)
        };
        let error = |convert: &dyn Fn(&[u8; 4]) -> [u8; 3]| -> u32 {
            swop.iter()
                .map(|(cmyk, want)| {
                    convert(cmyk)
                        .iter()
                        .zip(want)
                        .map(|(a, b)| a.abs_diff(*b) as u32)
                        .sum::<u32>()
                })
                .sum()
        };
        assert_eq!(cmyk_to_rgb(&[0, 0, 0, 0]), [255, 255, 255]);
        let (ours, theirs) = (error(&|p| cmyk_to_rgb(p)), error(&naive));
        assert!(ours * 2 < theirs, "SWOP error {ours} vs naive {theirs}");
        assert!(ours < 350, "SWOP error {ours}");
    }

    /// Both formats at `widths`.
    fn needs(widths: &[u32]) -> crate::media::Needs {
        crate::media::Needs {
            widths: widths.iter().copied().collect(),
            formats: [Format::Webp, Format::Jpeg].into(),
        }
    }

    #[test]
    fn big_sources_need_only_a_fraction() {
        let request = ImageRequest {
            source: "x.jpg".into(),
            focus: Focus::Auto(0.5, 0.5),
            shapes: [Shape::Original, Shape::Square]
                .map(|shape| (shape, needs(&shape.widths(&ImageSettings::default()))))
                .into(),
        };
        assert_eq!(needed_fraction((6400, 4800), &request), 0.25);
        assert_eq!(needed_fraction((1000, 800), &request), 1.0);
    }

    #[test]
    fn heic_and_lying_extensions_are_named() {
        let mut heic = vec![0, 0, 0, 24];
        heic.extend_from_slice(b"ftypheic");
        heic.extend_from_slice(&[0; 16]);
        let err = detect_format(&heic, Path::new("a.jpg")).unwrap_err();
        assert!(matches!(err, ImageError::Unsupported(ref said) if said.id == "image-heic"));
        let png_bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let err = detect_format(png_bytes, Path::new("a.JPG")).unwrap_err();
        assert!(matches!(err, ImageError::Unsupported(ref said) if said.id == "image-png-named"));
    }
}
