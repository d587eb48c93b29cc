//! QR codes of the cards' URLs, made at build time (no online service) with the `qrcode`
//! crate's own renderers: an SVG for pages and print, and a PNG for people who paste images.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The QR code of `text`. Level M (15% recovery) keeps the code small while surviving a crease
/// in print. Each card's code is drawn four times (card, kit SVG and PNG, 海报), and choosing
/// its mask is most of the work, so codes are remembered by text for the process's life.
fn code(text: &str) -> QrCode {
    static CODES: OnceLock<Mutex<HashMap<String, QrCode>>> = OnceLock::new();
    let codes = CODES.get_or_init(Mutex::default);
    if let Some(code) = codes.lock().expect("QR codes lock").get(text) {
        return code.clone();
    }
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .expect("a URL fits in a QR code");
    let mut codes = codes.lock().expect("QR codes lock");
    codes.insert(text.to_string(), code.clone());
    code
}

/// The QR code of `text` as a standalone SVG, one unit per module with the standard 4-module
/// quiet zone, scaling to any size. `label` becomes its accessible name.
pub fn svg(text: &str, label: &str) -> String {
    let drawn = code(text)
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .build();
    // The renderer writes an XML declaration and a fixed pixel size; inline in HTML the code
    // needs neither, but an accessible name.
    let start = drawn.find("<svg").unwrap_or(0);
    let mut svg = drawn[start..].to_string();
    for attribute in [" width=\"", " height=\""] {
        if let Some(at) = svg.find(attribute) {
            let value_end = svg[at + attribute.len()..]
                .find('"')
                .map_or(at, |e| at + attribute.len() + e + 1);
            svg.replace_range(at..value_end, "");
        }
    }
    svg.replacen(
        "<svg",
        &format!(
            "<svg role=\"img\" aria-label=\"{}\"",
            crate::markdown::escape(label)
        ),
        1,
    )
}

/// The QR code of `text` as SVG path data, one unit per dark module and no quiet zone, with
/// the number of modules per side: for drawing the code inside another SVG (posters).
pub fn path(text: &str) -> (String, usize) {
    let code = code(text);
    let width = code.width();
    let mut path = String::new();
    for (i, colour) in code.to_colors().iter().enumerate() {
        if *colour == qrcode::Color::Dark {
            path.push_str(&format!("M{} {}h1v1h-1z", i % width, i / width));
        }
    }
    (path, width)
}

/// The QR code of `text` as a black-and-white PNG of `size`x`size` pixels: every module the
/// same whole number of pixels (sharp edges), the quiet zone at least 4 modules and widened to
/// fill the size.
pub fn png(text: &str, size: u32) -> Vec<u8> {
    let code = code(text);
    let modules = code.width() as u32;
    let scale = (size / (modules + 8)).max(1);
    let size = size.max((modules + 8) * scale);
    let start = (size - (modules + 8) * scale) / 2 + 4 * scale;
    let mut pixels = vec![255u8; (size * size) as usize];
    for (i, colour) in code.to_colors().iter().enumerate() {
        if *colour == qrcode::Color::Dark {
            let (x, y) = (i as u32 % modules, i as u32 / modules);
            for row in start + y * scale..start + (y + 1) * scale {
                let left = (row * size + start + x * scale) as usize;
                pixels[left..left + scale as usize].fill(0);
            }
        }
    }
    crate::media::grey_png(pixels, size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_has_one_path_and_the_quiet_zone() {
        let svg = svg("https://example.org/cards/li-ming-yuan/", "李明远的二维码");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("aria-label=\"李明远的二维码\""));
        assert!(!svg.contains("<?xml"));
        // 29 modules (version 3) + 2 × 4 quiet zone.
        assert!(svg.contains("viewBox=\"0 0 37 37\""), "{svg}");
    }

    #[test]
    fn png_has_the_size_asked_for_with_whole_pixel_modules() {
        let text = "https://example.org/";
        let (width, height, pixels) = crate::media::grey_pixels(&png(text, 450));
        assert_eq!((width, height), (450, 450));
        let pixel = |x: u32, y: u32| pixels[(y * width + x) as usize];
        let modules = code(text).width() as u32 + 8;
        let scale = 450 / modules;
        let start = (450 - modules * scale) / 2 + 4 * scale;
        assert_eq!(pixel(start - 1, start), 255, "quiet zone is white");
        assert_eq!(pixel(start, start), 0, "finder pattern corner is dark");
        let finder_end = start + 7 * scale;
        assert_eq!(pixel(finder_end - 1, start), 0, "seven whole modules");
        assert_eq!(pixel(finder_end, start), 255);
    }
}
