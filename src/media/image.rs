//! Processing of one source image: decode once (EXIF orientation applied, alpha flattened,
//! everything converted to 8-bit sRGB), then for each shape crop around the focal point,
//! resize with a SIMD resizer and encode WebP (libwebp) and JPEG (jpeg-encoder). Encoded files
//! carry no metadata: the encoders write only pixels.

use super::cache::Cache;
use super::faces;
use super::{variant_file_name, Format, ImageRequest, ProcessedImage, Shape, ShapeSet, Variant};
use crate::config::ImageSettings;
use crate::content::Focus;
use crate::diagnostics::Diagnostic;
use crate::i18n::Said;
use crate::{said, tr};
use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, RgbImage};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

/// Bump when the processing changes in a way that alters output, to miss old cache entries.
const PIPELINE_VERSION: &str = "laurel-image-4";

/// Why an image could not be processed.
#[derive(Debug)]
pub enum ImageError {
    /// The file could not be read.
    Read(std::io::Error),
    /// The file is not a JPEG or PNG, or its contents do not match its extension: what is
    /// wrong, with how to fix it.
    Unsupported(Said),
    /// The decoder failed (corrupt or truncated file).
    Decode(String),
    /// Encoding or writing to the cache failed.
    Write(String),
}

impl ImageError {
    /// A diagnostic naming `source`.
    pub fn into_diagnostic(self, source: &Path) -> Diagnostic {
        let diagnostic = match self {
            ImageError::Read(e) => {
                Diagnostic::said(source, said!("image-unreadable", why = e.to_string()))
            }
            ImageError::Unsupported(said) => Diagnostic::said(source, said),
            ImageError::Decode(why) => {
                Diagnostic::said(source, said!("image-undecodable", why = why))
            }
            ImageError::Write(why) => {
                Diagnostic::said(source, said!("image-unwritable", why = why))
            }
        };
        diagnostic.rule(crate::finding::Rule::PhotoUnreadable)
    }
}

/// Makes every variant `request` asks for, or takes them from the cache.
pub fn process_image(
    request: &ImageRequest,
    settings: &ImageSettings,
    cache: &Cache,
) -> Result<ProcessedImage, ImageError> {
    let (hash, bytes) = cache
        .source_hash(&request.source)
        .map_err(ImageError::Read)?;
    let key = cache_key(&hash, request, settings);
    if let Some(hit) = cache.lookup(&key) {
        return Ok(hit);
    }
    let bytes = match bytes {
        Some(bytes) => bytes,
        None => std::fs::read(&request.source).map_err(ImageError::Read)?,
    };
    inspect_image(&bytes, &request.source)?;
    let image = decode(&bytes, &request.source, request)?;
    drop(bytes);
    let focus = focal_point(request, &image);
    let mut resizer = Resizer::new();
    let mut shapes = BTreeMap::new();
    let mut smallest: Option<(u32, Vec<u8>)> = None;
    for (&shape, needs) in &request.shapes {
        let crop = crop_rect(image.width(), image.height(), shape.aspect(), focus);
        let wanted: Vec<u32> = needs.widths.iter().copied().collect();
        let widths = target_widths(&wanted, crop.width);
        // A fixed shape has its exact ratio (900 wide is 383 high at 2.35:1), whatever
        // whole pixels the crop in the source took.
        let ratio = match shape.aspect() {
            Some((w, h)) => h as f64 / w as f64,
            None => crop.height / crop.width,
        };
        let height_of = |width: u32| ((width as f64 * ratio).round() as u32).max(1);
        // The largest variant comes from the source; the smaller ones from the largest, as in
        // sharp's decode-once pipeline: resizing 24 MP three times costs more than once.
        let Some(&largest) = widths.last() else {
            continue;
        };
        let base = Pixels::new(&image);
        let largest_pixels = resize(&mut resizer, &base, &crop, largest, height_of(largest))?;
        let from_largest = Pixels {
            data: &largest_pixels,
            width: largest,
            height: height_of(largest),
        };
        let whole = crop_rect(largest, height_of(largest), None, focus);
        let mut sized = Vec::new();
        for &width in &widths[..widths.len() - 1] {
            let pixels = resize(&mut resizer, &from_largest, &whole, width, height_of(width))?;
            sized.push((width, pixels));
        }
        sized.push((largest, largest_pixels));
        // Each size in each format is encoded as its own task, so that both cores stay busy
        // on the last photos of a build instead of one encoding them in turn.
        let tasks: Vec<(&(u32, Vec<u8>), Format)> = sized
            .iter()
            .flat_map(|size| needs.formats.iter().map(move |&format| (size, format)))
            .collect();
        let mut variants = tasks
            .par_iter()
            .map(|((width, pixels), format)| {
                let (width, height) = (*width, height_of(*width));
                let encoded = encode(*format, pixels, width, height, settings)?;
                let file = variant_file_name(&key, shape, width, *format);
                cache
                    .store_file(&file, &encoded)
                    .map_err(|e| ImageError::Write(e.to_string()))?;
                Ok(Variant {
                    file,
                    width,
                    height,
                    format: *format,
                })
            })
            .collect::<Result<Vec<_>, ImageError>>()?;
        // The smallest size comes first: `widths` ascend.
        if let Some((width, pixels)) = sized.into_iter().next() {
            if smallest.as_ref().is_none_or(|(w, _)| width < *w) {
                smallest = Some((width, pixels));
            }
        }
        variants.sort_by_key(|v| (v.format, v.width));
        shapes.insert(shape, ShapeSet { variants });
    }
    let processed = ProcessedImage {
        placeholder: average_colour(smallest.map(|(_, p)| p).as_deref().unwrap_or(&[])),
        shapes,
        focus,
    };
    cache
        .store_manifest(&key, &processed)
        .map_err(|e| ImageError::Write(e.to_string()))?;
    Ok(processed)
}

/// A small JPEG of a source image in `shape` around `focus`, `width` pixels wide at most
/// (EXIF orientation applied, no metadata): what the studio shows instead of the 10 MB
/// original. Large JPEGs are decoded at a fraction of their size, as for the site's own
/// variants.
pub fn preview_jpeg(
    source: &Path,
    width: u32,
    shape: Shape,
    focus: (f32, f32),
) -> Result<Vec<u8>, ImageError> {
    let bytes = std::fs::read(source).map_err(ImageError::Read)?;
    inspect_image(&bytes, source)?;
    let mut shapes = BTreeMap::new();
    shapes.insert(
        shape,
        super::Needs {
            widths: [width].into(),
            formats: [Format::Jpeg].into(),
        },
    );
    let request = ImageRequest {
        source: source.to_path_buf(),
        focus: Focus::Set(focus.0, focus.1),
        shapes,
    };
    let image = decode(&bytes, source, &request)?;
    drop(bytes);
    let crop = crop_rect(image.width(), image.height(), shape.aspect(), focus);
    let width = target_widths(&[width], crop.width)[0];
    let height = ((width as f64 * crop.height / crop.width).round() as u32).max(1);
    let pixels = resize(
        &mut Resizer::new(),
        &Pixels::new(&image),
        &crop,
        width,
        height,
    )?;
    encode(
        Format::Jpeg,
        &pixels,
        width,
        height,
        &ImageSettings::default(),
    )
}

/// The part of a `width`x`height` image that `shape`'s crop around `focus` keeps, as
/// fractions of its sides: `[left, top, width, height]`.
pub fn crop_fractions(width: u32, height: u32, shape: Shape, focus: (f32, f32)) -> [f64; 4] {
    let crop = crop_rect(width, height, shape.aspect(), focus);
    let (w, h) = (width.max(1) as f64, height.max(1) as f64);
    [crop.left / w, crop.top / h, crop.width / w, crop.height / h]
}

/// Where the crops of `image` are centred: the editor's point; when none was written and a
/// shape cuts away part of the photo, its subjects' faces; else the default point.
fn focal_point(request: &ImageRequest, image: &RgbImage) -> (f32, f32) {
    match request.focus {
        Focus::Set(x, y) => (x, y),
        Focus::Auto(x, y) if crops_away(request, image) => {
            faces::faces_centre(image).unwrap_or((x, y))
        }
        Focus::Auto(x, y) => (x, y),
    }
}

/// Whether a shape of `request` leaves out more than a twentieth of `image`'s width or height.
fn crops_away(request: &ImageRequest, image: &RgbImage) -> bool {
    request.shapes.keys().any(|shape| {
        let crop = crop_rect(image.width(), image.height(), shape.aspect(), (0.5, 0.5));
        crop.width < image.width() as f64 * 0.95 || crop.height < image.height() as f64 * 0.95
    })
}

/// RGB pixels borrowed with their size.
struct Pixels<'a> {
    data: &'a [u8],
    width: u32,
    height: u32,
}

impl<'a> Pixels<'a> {
    fn new(image: &'a RgbImage) -> Self {
        Pixels {
            data: image.as_raw(),
            width: image.width(),
            height: image.height(),
        }
    }
}

/// Everything besides the source's bytes that shapes an image's outputs: its cache key.
#[derive(serde::Serialize)]
struct CacheKey<'a> {
    pipeline: &'a str,
    source: &'a str,
    settings: &'a ImageSettings,
    shapes: &'a std::collections::BTreeMap<Shape, super::Needs>,
    focus: Focus,
}

fn cache_key(source_hash: &str, request: &ImageRequest, settings: &ImageSettings) -> String {
    let key = CacheKey {
        pipeline: PIPELINE_VERSION,
        source: source_hash,
        settings,
        shapes: &request.shapes,
        focus: request.focus,
    };
    let json = serde_json::to_vec(&key).expect("cache keys serialise");
    blake3::hash(&json).to_hex().to_string()
}

/// Decodes JPEG or PNG into 8-bit RGB with EXIF orientation applied and alpha flattened onto
/// white. Checks that the contents match the file's extension. A JPEG much larger than the
/// largest output is decoded at 1/2, 1/4 or 1/8 scale in the DCT domain (shrink-on-load).
fn decode(bytes: &[u8], source: &Path, request: &ImageRequest) -> Result<RgbImage, ImageError> {
    match detect_format(bytes, source)? {
        ImageFormat::Jpeg => decode_jpeg(bytes, request)
            .or_else(|_| decode_with_image_crate(bytes, ImageFormat::Jpeg)),
        format => decode_with_image_crate(bytes, format),
    }
}

/// Width and height of a source image as it is shown (EXIF orientation applied), from its
/// header only.
pub fn source_dimensions(source: &Path) -> Result<(u32, u32), ImageError> {
    let decode_error = |e: image::ImageError| ImageError::Decode(e.to_string());
    let mut decoder = ImageReader::open(source)
        .map_err(ImageError::Read)?
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
/// trailers some phones append after the end are allowed.
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let last_scan = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    match last_scan {
        Some(at) => bytes[at..].windows(2).any(|w| w == [0xFF, 0xD9]),
        None => false,
    }
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

/// A crop rectangle in source pixels.
#[derive(Debug, Clone, PartialEq)]
struct CropRect {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

/// The largest rectangle of the given aspect ratio inside `width`x`height`, centred on the
/// focal point as far as the edges allow.
fn crop_rect(width: u32, height: u32, aspect: Option<(u32, u32)>, focus: (f32, f32)) -> CropRect {
    let (w, h) = (width as f64, height as f64);
    let Some((aw, ah)) = aspect else {
        return CropRect {
            left: 0.0,
            top: 0.0,
            width: w,
            height: h,
        };
    };
    let ratio = aw as f64 / ah as f64;
    let (cw, ch) = if w / h > ratio {
        ((h * ratio).floor(), h)
    } else {
        (w, (w / ratio).floor())
    };
    let place = |focus: f32, size: f64, full: f64| {
        (focus as f64 * full - size / 2.0).clamp(0.0, full - size)
    };
    CropRect {
        left: place(focus.0, cw, w),
        top: place(focus.1, ch, h),
        width: cw,
        height: ch,
    }
}

/// The widths to make, never upscaling: those not wider than the crop, or the crop's own
/// width when all are.
fn target_widths(wanted: &[u32], crop_width: f64) -> Vec<u32> {
    let max = crop_width.floor().max(1.0) as u32;
    let mut widths: Vec<u32> = wanted.iter().copied().filter(|w| *w <= max).collect();
    if widths.len() < wanted.len() && !widths.contains(&max) {
        widths.push(max);
    }
    widths.sort_unstable();
    widths.dedup();
    widths
}

fn resize(
    resizer: &mut Resizer,
    source: &Pixels,
    crop: &CropRect,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, ImageError> {
    let src = ImageRef::new(source.width, source.height, source.data, PixelType::U8x3)
        .map_err(|e| ImageError::Decode(e.to_string()))?;
    let mut dst = Image::new(width, height, PixelType::U8x3);
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .crop(crop.left, crop.top, crop.width, crop.height);
    resizer
        .resize(&src, &mut dst, &options)
        .map_err(|e| ImageError::Write(tr!("image-resize-failed", why = e.to_string())))?;
    Ok(dst.into_vec())
}

fn encode(
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

/// The average colour of RGB pixels as `#rrggbb`.
fn average_colour(pixels: &[u8]) -> String {
    let count = (pixels.len() / 3).max(1) as u64;
    let mut sum = [0u64; 3];
    for px in pixels.chunks_exact(3) {
        for c in 0..3 {
            sum[c] += px[c] as u64;
        }
    }
    format!(
        "#{:02x}{:02x}{:02x}",
        sum[0] / count,
        sum[1] / count,
        sum[2] / count
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::Shape;

    #[test]
    fn crop_follows_the_focal_point_within_the_edges() {
        let centre = crop_rect(400, 200, Some((1, 1)), (0.5, 0.5));
        assert_eq!(
            (centre.left, centre.width, centre.height),
            (100.0, 200.0, 200.0)
        );
        let right = crop_rect(400, 200, Some((1, 1)), (1.0, 0.5));
        assert_eq!(right.left, 200.0);
        let top = crop_rect(300, 1000, Some((3, 4)), (0.5, 0.0));
        assert_eq!((top.top, top.height), (0.0, 400.0));
    }

    #[test]
    fn widths_never_upscale() {
        assert_eq!(
            target_widths(&[480, 960, 1600], 1200.0),
            vec![480, 960, 1200]
        );
        assert_eq!(target_widths(&[480, 960], 300.0), vec![300]);
        assert_eq!(target_widths(&[480, 960], 2000.0), vec![480, 960]);
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
    fn average_colour_is_hex() {
        assert_eq!(average_colour(&[255, 0, 0, 0, 0, 0]), "#7f0000");
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
