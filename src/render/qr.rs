//! QR codes of the cards' URLs, made at build time (no online service): an SVG for pages and
//! print, and a PNG for people who paste images.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of white border around the code; the QR standard asks for 4.
const QUIET_ZONE: usize = 4;

/// The dark modules of the QR code of `text`, as rows, and its width in modules. Level M
/// (15% recovery) keeps the code small while surviving a crease in print.
fn modules(text: &str) -> (Vec<bool>, usize) {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .expect("a URL fits in a QR code");
    let dark = code.to_colors().iter().map(|c| *c == Color::Dark).collect();
    (dark, code.width())
}

/// The QR code of `text` as a standalone SVG: one path of horizontal runs, with the quiet zone,
/// scaling to any size. `label` becomes its accessible name.
pub fn svg(text: &str, label: &str) -> String {
    let (dark, width) = modules(text);
    let side = width + 2 * QUIET_ZONE;
    let mut path = String::new();
    for y in 0..width {
        let row = &dark[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] {
                x += 1;
            }
            path.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE,
                x - start,
                x - start
            ));
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" role=\"img\" \
         aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" \
         fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>",
        crate::markdown::escape(label)
    )
}

/// The QR code of `text` as a black-and-white PNG with `scale` pixels per module.
pub fn png(text: &str, scale: u32) -> Vec<u8> {
    let (dark, width) = modules(text);
    let side = (width + 2 * QUIET_ZONE) as u32 * scale;
    let image = image::GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = ((x / scale) as usize, (y / scale) as usize);
        let inside = (QUIET_ZONE..QUIET_ZONE + width).contains(&mx)
            && (QUIET_ZONE..QUIET_ZONE + width).contains(&my);
        let is_dark = inside && dark[(my - QUIET_ZONE) * width + (mx - QUIET_ZONE)];
        image::Luma([if is_dark { 0 } else { 255 }])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("PNG encoding into memory");
    out.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_has_one_path_and_the_quiet_zone() {
        let svg = svg("https://example.org/cards/li-ming-yuan/", "李明远的二维码");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("aria-label=\"李明远的二维码\""));
        assert_eq!(svg.matches("<path").count(), 1);
        // 29 modules (version 3) + 2 × 4 quiet zone.
        assert!(svg.contains("viewBox=\"0 0 37 37\""), "{svg}");
    }

    #[test]
    fn png_is_scaled_and_square() {
        let png = png("https://example.org/", 10);
        let image = image::load_from_memory(&png).unwrap().to_luma8();
        assert_eq!(image.width(), image.height());
        assert_eq!(image.width() % 10, 0);
        assert_eq!(image.get_pixel(5, 5).0, [255], "quiet zone is white");
        assert_eq!(
            image.get_pixel(45, 45).0,
            [0],
            "finder pattern corner is dark"
        );
    }
}
