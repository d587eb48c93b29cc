//! Whether a photo is shaped like the 2-inch portrait (小二寸, 35x45 mm) the campaign asks
//! for: the one test that naming a folder's photos, importing a nomination, `laurel check` and
//! the studio share.

/// A 2-inch portrait's width:height, upright.
const TWO_INCH: f64 = 35.0 / 45.0;

/// How far (in width:height) a photo may be from 35:45 and still be taken for the portrait.
/// 0.08 takes the 5:7 of a 大二寸 (35x49 mm) or 一寸 (25x35 mm) photo, which nominating units
/// often send instead (0.064 off; its 3:4 crop on the site keeps 95% of it), and a 4:5 or 3:4
/// one; it refuses a 2:3 phone or camera photo (0.111 off), which is a life photo.
const TOLERANCE: f64 = 0.08;

/// How far a `width`x`height` photo (as shown, upright) is from a 2-inch portrait's shape,
/// when it is near enough to be taken for one; `None` when it is not. The nearest of several
/// candidates is the one with the smallest value.
pub fn portrait_likeness(width: u32, height: u32) -> Option<f64> {
    let off = (width as f64 / height.max(1) as f64 - TWO_INCH).abs();
    (off < TOLERANCE).then_some(off)
}

/// Whether a `width`x`height` photo is shaped like a 2-inch portrait (see
/// [`portrait_likeness`]).
pub fn is_portrait_shape(width: u32, height: u32) -> bool {
    portrait_likeness(width, height).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_inch_and_its_neighbours_are_portraits_and_phone_photos_are_not() {
        assert_eq!(portrait_likeness(350, 450), Some(0.0), "小二寸 35:45");
        assert!(is_portrait_shape(413, 579), "大二寸 35:49 (5:7), 0.064 off");
        assert!(is_portrait_shape(295, 413), "一寸 25:35 (5:7)");
        assert!(is_portrait_shape(300, 400), "3:4");
        assert!(is_portrait_shape(400, 500), "4:5");
        assert!(!is_portrait_shape(400, 600), "2:3, 0.111 off");
        assert!(!is_portrait_shape(450, 350), "a landscape 45:35");
        assert!(!is_portrait_shape(10, 0), "no height");
    }

    #[test]
    fn the_tolerance_is_just_under_eight_hundredths_either_way() {
        // 35:45 = 0.7778: 0.698 (0.0798 off) is taken, 0.697 (0.0808 off) is not.
        assert!(is_portrait_shape(698, 1000));
        assert!(!is_portrait_shape(697, 1000));
        // 0.857 (0.0792 off) is taken, 0.858 (0.0802 off) is not.
        assert!(is_portrait_shape(857, 1000));
        assert!(!is_portrait_shape(858, 1000));
        let nearer = portrait_likeness(340, 450).unwrap();
        assert!(nearer < portrait_likeness(320, 450).unwrap());
    }
}
