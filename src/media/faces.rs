//! Faces found in a photo, so that its crops keep people's heads when the editor wrote no
//! focal point: SeetaFace's frontal face detector (the rustface crate; its 1.2 MB model,
//! BSD-2-Clause like the crate, is embedded) run on a grey copy at most 480 px across.

use image::imageops::{self, FilterType};
use image::RgbImage;
use rustface::{FaceInfo, ImageData, Model};
use std::sync::OnceLock;

/// SeetaFace's frontal model, as shipped in the rustface crate.
const MODEL: &[u8] = include_bytes!("seeta_fd_frontal_v1.0.bin");

/// The long side of the copy faces are looked for in: faces from 20 px there, 4% of a
/// photo's width, are found; smaller ones are people in the background.
const DETECT_SIZE: u32 = 480;

/// Faces less than this share of the largest face's width are passers-by, not the subject.
const SUBJECT_SHARE: f32 = 0.5;

fn model() -> Option<&'static Model> {
    static PARSED: OnceLock<Option<Model>> = OnceLock::new();
    PARSED
        .get_or_init(|| rustface::read_model(std::io::Cursor::new(MODEL)).ok())
        .as_ref()
}

/// The centre of the box around the faces of `image`'s subjects, `(x, y)` in 0–1 from the top
/// left, or `None` when it shows no face the detector is sure of.
pub fn faces_centre(image: &RgbImage) -> Option<(f32, f32)> {
    let (width, height) = image.dimensions();
    let scale = (DETECT_SIZE as f32 / width.max(height) as f32).min(1.0);
    let small = imageops::resize(
        image,
        ((width as f32 * scale).round() as u32).max(1),
        ((height as f32 * scale).round() as u32).max(1),
        FilterType::Triangle,
    );
    let grey = imageops::grayscale(&small);
    let mut detector = rustface::create_detector_with_model(model()?.clone());
    detector.set_min_face_size(20);
    detector.set_score_thresh(2.0);
    detector.set_pyramid_scale_factor(0.8);
    detector.set_slide_window_step(4, 4);
    let faces = detector.detect(&ImageData::new(&grey, grey.width(), grey.height()));
    subjects_centre(&faces, grey.width() as f32, grey.height() as f32)
}

/// The centre of the box around the faces at least [`SUBJECT_SHARE`] of the largest's size.
fn subjects_centre(faces: &[FaceInfo], width: f32, height: f32) -> Option<(f32, f32)> {
    let largest = faces.iter().map(|f| f.bbox().width()).max()? as f32;
    let subjects = faces
        .iter()
        .map(FaceInfo::bbox)
        .filter(|b| b.width() as f32 >= largest * SUBJECT_SHARE);
    let (mut left, mut top, mut right, mut bottom) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for b in subjects {
        left = left.min(b.x() as f32);
        top = top.min(b.y() as f32);
        right = right.max((b.x() + b.width() as i32) as f32);
        bottom = bottom.max((b.y() + b.height() as i32) as f32);
    }
    let centre = |low: f32, high: f32, full: f32| ((low + high) / 2.0 / full).clamp(0.0, 1.0);
    Some((centre(left, right, width), centre(top, bottom, height)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(x: i32, y: i32, size: u32) -> FaceInfo {
        let mut info = FaceInfo::new();
        *info.bbox_mut() = rustface::Rectangle::new(x, y, size, size);
        info
    }

    #[test]
    fn the_centre_is_of_the_subjects_faces_not_the_passers_by() {
        let faces = [face(100, 40, 60), face(220, 50, 50), face(400, 300, 12)];
        let (x, y) = subjects_centre(&faces, 480.0, 360.0).unwrap();
        assert!((x - 185.0 / 480.0).abs() < 1e-3, "x {x}");
        assert!((y - 70.0 / 360.0).abs() < 1e-3, "y {y}");
        assert_eq!(subjects_centre(&[], 480.0, 360.0), None);
    }

    #[test]
    fn a_photo_without_people_has_no_faces() {
        let sky = RgbImage::from_pixel(640, 480, image::Rgb([120, 170, 230]));
        assert_eq!(faces_centre(&sky), None);
    }
}
