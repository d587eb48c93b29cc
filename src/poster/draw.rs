//! Drawing: the theme's SVG templates (Tera, with a `wrap` function that breaks text into
//! lines with the real font's widths) rendered to pixels by resvg and encoded as JPEG.

use super::fonts::Fonts;
use super::text;
use crate::diagnostics::Diagnostics;
use crate::tr;
use resvg::tiny_skia;
use resvg::usvg;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tera::{Context, Tera, Value};

/// The tallest part of a 长图: WeChat scales taller images down until the text is unreadable.
pub const MAX_PART_HEIGHT: u32 = 10_000;

/// The templates of the theme that lay out posters, compiled, with `wrap` bound to the font.
pub struct Layouts {
    tera: Tera,
}

impl Layouts {
    /// The `posters/` templates of the site's theme.
    pub fn load(root: &Path, theme: &str, fonts: &Fonts) -> Result<Layouts, Diagnostics> {
        let templates: BTreeMap<String, (PathBuf, String)> =
            crate::render::theme::template_sources(root, theme)?
                .into_iter()
                .filter(|(name, _)| name.starts_with(crate::render::theme::POSTER_TEMPLATES))
                .collect();
        let mut tera = crate::render::theme::compile(root, &templates, &[".svg"])?;
        tera.register_function("wrap", Wrap(fonts.clone()));
        tera.register_function("fit", Fit(fonts.clone()));
        Ok(Layouts { tera })
    }

    /// The SVG of template `name` for `context`. A layout whose height depends on its
    /// content (the 长图) writes it as `data-height="…"` on its last element; it is then
    /// rendered again with `height` set to that.
    pub fn svg(&self, name: &str, context: &Context) -> Result<String, String> {
        let render = |context: &Context| {
            self.tera
                .render(name, context)
                .map_err(|e| crate::render::error_chain(&e))
        };
        let svg = render(context)?;
        match content_height(&svg) {
            Some(height) => {
                let mut sized = context.clone();
                sized.insert("height", &height);
                render(&sized)
            }
            None => Ok(svg),
        }
    }
}

/// The number in the last `data-height="…"` of `svg`.
fn content_height(svg: &str) -> Option<u32> {
    let marker = "data-height=\"";
    let start = svg.rfind(marker)? + marker.len();
    let end = start + svg[start..].find('"')?;
    svg[start..end]
        .trim()
        .parse::<f64>()
        .ok()
        .map(|h| h.ceil() as u32)
}

/// The Tera function `wrap(text, width, size, bold=false, max_lines=0, names=false)`: `text`
/// broken into lines no wider than `width` pixels when set at `size` pixels, as a list of
/// strings; with `max_lines`, at most that many, the last ending in 「…」 if text was dropped;
/// with `names`, a list of names (organisations, titles) broken only between names.
struct Wrap(Fonts);

impl tera::Function for Wrap {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let text = string(args, "text")?;
        let (width, size) = (number(args, "width")? as f32, number(args, "size")? as f32);
        let flag = |key: &str| args.get(key).and_then(Value::as_bool).unwrap_or(false);
        let max_lines = args.get("max_lines").and_then(Value::as_u64).unwrap_or(0) as usize;
        let lines = self.0.with_metrics(flag("bold"), |metrics| {
            let advance = |c: char| metrics.advance(c) * size;
            let lines = match flag("names") {
                true => text::wrap_names(text, width, &advance),
                false => text::wrap(text, width, &advance),
            };
            match max_lines {
                0 => lines,
                max => text::limit_lines(lines, max, width, &advance),
            }
        });
        Ok(Value::from(lines))
    }
}

/// The Tera function `fit(text, width, size, min, bold=false, spacing=0)`: the font size, at
/// most `size` and at least `min`, at which `text` (with `spacing` pixels after each
/// character) fits on one line `width` pixels wide; for names that must not break.
struct Fit(Fonts);

impl tera::Function for Fit {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let text = string(args, "text")?;
        let (width, size, min) = (
            number(args, "width")?,
            number(args, "size")?,
            number(args, "min")?,
        );
        let spacing = args.get("spacing").and_then(Value::as_f64).unwrap_or(0.0);
        let bold = args.get("bold").and_then(Value::as_bool).unwrap_or(false);
        let per_px: f64 = self.0.with_metrics(bold, |metrics| {
            text.chars().map(|c| f64::from(metrics.advance(c))).sum()
        });
        let count = text.chars().count() as f64;
        let fits = |s: f64| per_px * s + count * spacing * s / size <= width;
        let mut fitted = size;
        while fitted > min && !fits(fitted) {
            fitted -= 1.0;
        }
        Ok(Value::from(fitted.max(min)))
    }
}

fn number(args: &HashMap<String, Value>, key: &str) -> tera::Result<f64> {
    args.get(key)
        .and_then(Value::as_f64)
        .ok_or_else(|| tera::Error::msg(tr!("poster-not-number", key = key)))
}

fn string<'a>(args: &'a HashMap<String, Value>, key: &str) -> tera::Result<&'a str> {
    args.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| tera::Error::msg(tr!("poster-not-text", key = key)))
}

/// Renders `svg` to pixels: its own size, images (`href`s naming files under `/media/`)
/// looked up in `media_files`.
pub fn rasterize(
    svg: &str,
    fonts: &Fonts,
    media_files: &BTreeMap<String, PathBuf>,
) -> Result<tiny_skia::Pixmap, String> {
    let mut options = usvg::Options {
        fontdb: fonts.db.clone(),
        font_family: fonts.family.clone(),
        languages: vec!["zh-CN".into()],
        // Photos are drawn near their own size (960 px into 1080): bilinear looks the same
        // there as bicubic, at a third of the time (bicubic was a quarter of all poster work).
        image_rendering: usvg::ImageRendering::Smooth,
        ..Default::default()
    };
    options.image_href_resolver.resolve_string = Box::new(|href: &str, _| {
        let path = media_files.get(href)?;
        let bytes = Arc::new(std::fs::read(path).ok()?);
        match Path::new(href).extension()?.to_str()? {
            "jpg" | "jpeg" => Some(usvg::ImageKind::JPEG(bytes)),
            "png" => Some(usvg::ImageKind::PNG(bytes)),
            _ => None,
        }
    });
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| tr!("poster-bad-svg", why = e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        tr!(
            "poster-no-size",
            width = size.width(),
            height = size.height()
        )
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// Where to cut an image `height` pixels tall into parts of at most [`MAX_PART_HEIGHT`]:
/// into about equal parts, each cut moved up to the nearest row of one colour (between blocks of
/// text or photos) within 800 pixels.
pub fn cuts(pixmap: &tiny_skia::Pixmap) -> Vec<(u32, u32)> {
    let height = pixmap.height();
    let mut ranges = Vec::new();
    let mut top = 0;
    while height - top > MAX_PART_HEIGHT {
        let left = height - top;
        let ideal = top + left / left.div_ceil(MAX_PART_HEIGHT);
        let cut = (ideal.saturating_sub(800)..=ideal)
            .rev()
            .find(|row| *row > top && is_plain_row(pixmap, *row))
            .unwrap_or(ideal);
        ranges.push((top, cut));
        top = cut;
    }
    ranges.push((top, height));
    ranges
}

fn is_plain_row(pixmap: &tiny_skia::Pixmap, row: u32) -> bool {
    let width = pixmap.width() as usize;
    let start = row as usize * width;
    let pixels = &pixmap.pixels()[start..start + width];
    pixels.iter().all(|p| *p == pixels[0])
}

/// Rows `top..bottom` of `pixmap` as a JPEG (4:4:4, so coloured text stays sharp) of at most
/// `max_bytes`, lowering the quality from 90 in steps until it fits or reaches 60.
pub fn jpeg(
    pixmap: &tiny_skia::Pixmap,
    (top, bottom): (u32, u32),
    max_bytes: usize,
) -> Result<Vec<u8>, String> {
    let width = pixmap.width() as usize;
    let rows = &pixmap.data()[top as usize * width * 4..bottom as usize * width * 4];
    let mut quality = 90;
    loop {
        let out = crate::media::sharp_jpeg(rows, pixmap.width(), bottom - top, quality)?;
        if out.len() <= max_bytes || quality <= 60 {
            return Ok(out);
        }
        quality -= 6;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn striped(height: u32, plain_rows: &[u32]) -> tiny_skia::Pixmap {
        let mut pixmap = tiny_skia::Pixmap::new(4, height).unwrap();
        pixmap.fill(tiny_skia::Color::WHITE);
        for row in 0..height {
            if !plain_rows.contains(&row) {
                let i = (row * 4) as usize;
                pixmap.pixels_mut()[i] =
                    tiny_skia::PremultipliedColorU8::from_rgba(0, 0, 0, 255).expect("opaque black");
            }
        }
        pixmap
    }

    #[test]
    fn short_images_are_one_part() {
        assert_eq!(cuts(&striped(900, &[])), [(0, 900)]);
    }

    #[test]
    fn tall_images_are_cut_at_plain_rows_into_parts_under_the_limit() {
        let pixmap = striped(25_000, &[8_100, 8_200, 16_500]);
        let parts = cuts(&pixmap);
        assert_eq!(parts, [(0, 8_200), (8_200, 16_500), (16_500, 25_000)]);
        assert!(parts.iter().all(|(a, b)| b - a <= MAX_PART_HEIGHT));
    }

    #[test]
    fn without_plain_rows_the_cut_is_where_it_falls() {
        assert_eq!(cuts(&striped(12_000, &[])), [(0, 6_000), (6_000, 12_000)]);
    }
}
