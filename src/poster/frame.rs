//! The part of a photo each 海报 shows, for the studio to draw beside the site's crops. The
//! 海报's own layout ([`layout::layout`]) is asked where the photo goes: the laureate's name
//! and category decide how much of the photo stays clear, so they are given; the other texts
//! lie below the photo and do not move it. Characters are measured one em wide (half for
//! ASCII), as CJK fonts set names: the frame is the one the build draws within a few pixels.

use super::layout::{self, Measure, PosterText};
use super::POSTER_SIZES;
use serde::Serialize;

/// The part of a photo one 海报 shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhotoFrame {
    /// The 海报's width and height in pixels.
    pub size: (u32, u32),
    /// The part of the photo shown, as fractions of its sides: `[left, top, width, height]`.
    pub part: [f64; 4],
}

/// The part of a `width`x`height` photo each 海报 of a laureate named `name` in `category`
/// shows when the photo's focal point is `focus`; none for a photo of no size.
pub fn photo_frames(
    (width, height): (u32, u32),
    focus: (f32, f32),
    name: &str,
    category: &str,
) -> Vec<PhotoFrame> {
    let text = PosterText {
        name,
        role: "",
        organization: "",
        category,
        quote: "",
        badge: "",
        title: "",
        subtitle: "",
        organizer: "",
        qr: false,
        photo: Some((width as f32, height as f32, focus)),
    };
    let em = |c: char| if c.is_ascii() { 0.5 } else { 1.0 };
    let measure = Measure {
        regular: &em,
        bold: &em,
    };
    POSTER_SIZES
        .iter()
        .filter_map(|&(_, w, h)| {
            let poster = layout::layout(&text, w as f32, h as f32, &measure);
            let (area, photo) = (poster.photo_area, poster.photo?);
            let fraction = |v: f32, of: f32| f64::from((v / of).clamp(0.0, 1.0));
            Some(PhotoFrame {
                size: (w, h),
                part: [
                    fraction(area.x - photo.x, photo.w),
                    fraction(area.y - photo.y, photo.h),
                    fraction(area.w, photo.w),
                    fraction(area.h, photo.h),
                ],
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_follows_the_focal_point_and_has_the_photo_areas_shape() {
        let left = photo_frames((1600, 1067), (0.1, 0.5), "王芳", "乡村振兴");
        let right = photo_frames((1600, 1067), (0.9, 0.5), "王芳", "乡村振兴");
        assert_eq!(left.len(), POSTER_SIZES.len());
        for (l, r) in left.iter().zip(&right) {
            assert!(l.part[0] <= r.part[0], "{l:?} {r:?}");
            assert!(l.part.iter().all(|v| (0.0..=1.0).contains(v)), "{l:?}");
            assert!(r.part[0] + r.part[2] <= 1.0 + 1e-6, "{r:?}");
        }
        assert!(
            left[0].part[0] < right[0].part[0],
            "the 9:16 海报 crops the sides"
        );
        let aspect = |f: &PhotoFrame| f.part[2] * 1600.0 / (f.part[3] * 1067.0);
        assert!(
            aspect(&left[1]) > aspect(&left[0]),
            "the 1080×1440 海报 leaves a wider photo area than the 1080×1920"
        );
        assert!(photo_frames((0, 0), (0.5, 0.5), "王芳", "").is_empty());
    }
}
