//! Boxes, lines of text and how wide text sets: the geometry and type measuring the 海报's
//! layout is computed with.

use crate::poster::fonts::Fonts;
use crate::poster::text;
use serde::Serialize;

/// A line's box above and below its baseline, in parts of the font size (the CJK em box).
pub(super) const ASCENT: f32 = 0.88;
pub(super) const DESCENT: f32 = 0.12;

/// A rectangle in poster pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Rect {
    /// The bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// The right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// Whether the two share any area.
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// Whether `other` lies inside this one.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right() + 0.01
            && other.bottom() <= self.bottom() + 0.01
    }

    pub(super) fn union(self, other: Rect) -> Rect {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        Rect {
            x,
            y,
            w: self.right().max(other.right()) - x,
            h: self.bottom().max(other.bottom()) - y,
        }
    }
}

/// One line of text, drawn from its left end at (x, y), y being the baseline.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    /// The text.
    pub text: String,
    /// The left end.
    pub x: f32,
    /// The baseline.
    pub y: f32,
    /// The font size.
    pub size: f32,
    /// The letter spacing.
    pub spacing: f32,
    /// The measured width.
    pub width: f32,
}

impl Line {
    /// The line's box: its width, and the em box around the baseline.
    pub fn rect(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.y - ASCENT * self.size,
            w: self.width,
            h: (ASCENT + DESCENT) * self.size,
        }
    }
}

/// The width of a character set at 1 px, in the regular and the bold face.
pub struct Measure<'a> {
    /// The regular face's advance.
    pub regular: &'a dyn Fn(char) -> f32,
    /// The bold face's advance.
    pub bold: &'a dyn Fn(char) -> f32,
}

/// A font size and style to set text in.
#[derive(Clone, Copy)]
pub(super) struct Style {
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) spacing: f32,
}

impl Measure<'_> {
    pub(super) fn width(&self, text: &str, style: Style) -> f32 {
        let advance = if style.bold { self.bold } else { self.regular };
        text.chars()
            .map(|c| advance(c) * style.size + style.spacing)
            .sum()
    }

    /// `style` made smaller, down to `min`, until `text` fits `width` (letter spacing scaled
    /// with it); `None` when it does not fit even at `min`.
    pub(super) fn fit(&self, text: &str, width: f32, style: Style, min: f32) -> Option<Style> {
        let mut size = style.size;
        while size >= min {
            let scaled = Style {
                size,
                spacing: style.spacing * size / style.size,
                ..style
            };
            if self.width(text, scaled) <= width {
                return Some(scaled);
            }
            size -= 2.0;
        }
        None
    }

    /// `text` on one line, set smaller down to `min` if need be; else on two lines at `min`
    /// without letter spacing (names whole with `names`).
    pub(super) fn one_line_or_two(
        &self,
        text: &str,
        width: f32,
        style: Style,
        min: f32,
        names: bool,
    ) -> (Vec<String>, Style) {
        match self.fit(text, width, style, min) {
            Some(fitted) => (vec![text.to_string()], fitted),
            None => {
                let small = Style {
                    size: min,
                    spacing: 0.0,
                    ..style
                };
                (self.wrap(text, width, small, 2, names), small)
            }
        }
    }

    /// `text` broken into at most `max` lines of `width` (names whole with `names`).
    pub(super) fn wrap(
        &self,
        text: &str,
        width: f32,
        style: Style,
        max: usize,
        names: bool,
    ) -> Vec<String> {
        let advance = |c: char| {
            (if style.bold { self.bold } else { self.regular })(c) * style.size + style.spacing
        };
        let lines = match names {
            true => text::wrap_names(text, width, &advance),
            false => text::wrap(text, width, &advance),
        };
        text::limit_lines(lines, max, width, &advance)
    }

    /// Lines at `x`, baselines from `y` `leading` apart.
    pub(super) fn lines(
        &self,
        texts: Vec<String>,
        x: f32,
        y: f32,
        leading: f32,
        style: Style,
    ) -> Vec<Line> {
        texts
            .into_iter()
            .enumerate()
            .map(|(n, text)| Line {
                width: self.width(&text, style),
                text,
                x,
                y: y + n as f32 * leading,
                size: style.size,
                spacing: style.spacing,
            })
            .collect()
    }
}

/// Runs `measure` with the widths of `fonts`' regular and bold faces.
pub fn with_measure<T>(fonts: &Fonts, measure: impl FnOnce(&Measure) -> T) -> T {
    fonts.with_metrics(false, |regular| {
        fonts.with_metrics(true, |bold| {
            measure(&Measure {
                regular: &|c| regular.advance(c),
                bold: &|c| bold.advance(c),
            })
        })
    })
}
