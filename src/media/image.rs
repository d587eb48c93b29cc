//! Processing of one source image: decode once (see `decode`), then for each shape crop
//! around the focal point, resize with a SIMD resizer and encode (see `encode`).

use super::cache::Cache;
use super::decode::{decode, inspect_image};
use super::encode::encode;
use super::faces;
use super::{
    variant_file_name, Format, ImageRequest, Needs, ProcessedImage, Shape, ShapeSet, Variant,
};
use crate::config::ImageSettings;
use crate::content::Focus;
use crate::diagnostics::Diagnostic;
use crate::i18n::Said;
use crate::{said, tr};
use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::RgbImage;
use rayon::prelude::*;
use std::collections::BTreeMap;
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
        let job = ShapeJob {
            key: &key,
            shape,
            needs,
            focus,
            settings,
            cache,
        };
        let Some(made) = job.make(&image, &mut resizer)? else {
            continue;
        };
        if smallest.as_ref().is_none_or(|(w, _)| made.smallest.0 < *w) {
            smallest = Some(made.smallest);
        }
        shapes.insert(
            shape,
            ShapeSet {
                variants: made.variants,
            },
        );
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

/// One shape of one image to make: its crop, sizes and formats, and where they are kept.
struct ShapeJob<'a> {
    key: &'a str,
    shape: Shape,
    needs: &'a Needs,
    focus: (f32, f32),
    settings: &'a ImageSettings,
    cache: &'a Cache,
}

/// What [`ShapeJob::make`] made.
struct MadeShape {
    /// The variants, ordered by format then width.
    variants: Vec<Variant>,
    /// The smallest size's width and pixels (for the placeholder colour).
    smallest: (u32, Vec<u8>),
}

impl ShapeJob<'_> {
    /// Crops, resizes and encodes the shape; `None` when no width is wanted.
    fn make(
        &self,
        image: &RgbImage,
        resizer: &mut Resizer,
    ) -> Result<Option<MadeShape>, ImageError> {
        let crop = crop_rect(
            image.width(),
            image.height(),
            self.shape.aspect(),
            self.focus,
        );
        let wanted: Vec<u32> = self.needs.widths.iter().copied().collect();
        let widths = target_widths(&wanted, crop.width);
        let Some(&largest) = widths.last() else {
            return Ok(None);
        };
        let height_of = |width: u32| self.height_of(width, &crop);
        // The largest variant comes from the source; the smaller ones from the largest, as in
        // sharp's decode-once pipeline: resizing 24 MP three times costs more than once.
        let largest_pixels = resize(
            resizer,
            &Pixels::new(image),
            &crop,
            largest,
            height_of(largest),
        )?;
        let from_largest = Pixels {
            data: &largest_pixels,
            width: largest,
            height: height_of(largest),
        };
        let whole = crop_rect(largest, height_of(largest), None, self.focus);
        let mut sized = Vec::new();
        for &width in &widths[..widths.len() - 1] {
            let pixels = resize(resizer, &from_largest, &whole, width, height_of(width))?;
            sized.push((width, height_of(width), pixels));
        }
        sized.push((largest, height_of(largest), largest_pixels));
        let mut variants = self.encode_all(&sized)?;
        variants.sort_by_key(|v| (v.format, v.width));
        // The smallest size comes first: `widths` ascend.
        let (width, _, pixels) = sized.swap_remove(0);
        Ok(Some(MadeShape {
            variants,
            smallest: (width, pixels),
        }))
    }

    /// The height of a variant `width` wide. A fixed shape has its exact ratio (900 wide is
    /// 383 high at 2.35:1), whatever whole pixels the crop in the source took.
    fn height_of(&self, width: u32, crop: &CropRect) -> u32 {
        let ratio = match self.shape.aspect() {
            Some((w, h)) => h as f64 / w as f64,
            None => crop.height / crop.width,
        };
        ((width as f64 * ratio).round() as u32).max(1)
    }

    /// Encodes each size in each format and stores it in the cache. Each is its own task, so
    /// that both cores stay busy on the last photos of a build instead of one encoding them
    /// in turn.
    fn encode_all(&self, sized: &[(u32, u32, Vec<u8>)]) -> Result<Vec<Variant>, ImageError> {
        let tasks: Vec<_> = sized
            .iter()
            .flat_map(|size| self.needs.formats.iter().map(move |&format| (size, format)))
            .collect();
        tasks
            .par_iter()
            .map(|((width, height, pixels), format)| {
                let (width, height) = (*width, *height);
                let encoded = encode(*format, pixels, width, height, self.settings)?;
                let file = variant_file_name(self.key, self.shape, width, *format);
                self.cache
                    .store_file(&file, &encoded)
                    .map_err(|e| ImageError::Write(e.to_string()))?;
                Ok(Variant {
                    file,
                    width,
                    height,
                    format: *format,
                })
            })
            .collect()
    }
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
        Needs {
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

/// A crop rectangle in source pixels.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CropRect {
    pub(super) left: f64,
    pub(super) top: f64,
    pub(super) width: f64,
    pub(super) height: f64,
}

/// The largest rectangle of the given aspect ratio inside `width`x`height`, centred on the
/// focal point as far as the edges allow.
pub(super) fn crop_rect(
    width: u32,
    height: u32,
    aspect: Option<(u32, u32)>,
    focus: (f32, f32),
) -> CropRect {
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
    fn average_colour_is_hex() {
        assert_eq!(average_colour(&[255, 0, 0, 0, 0, 0]), "#7f0000");
    }
}
