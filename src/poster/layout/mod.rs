//! The 海报's layout, computed here rather than in its template so that every element's box
//! is known: nothing overlaps another element whatever the lengths of the texts (a long name
//! is set smaller, a campaign title wraps beside the QR code, the 主办 line breaks between
//! organisations, the quote gives up lines to a taller band), and the photo is placed so that
//! its focal point lands in the part of it that the badge and the name leave clear.

mod below;
mod measure;

use below::{band, middle};
use measure::Style;
pub use measure::{with_measure, Line, Measure, Rect};
use serde::Serialize;

/// The paper's side margins.
const MARGIN: f32 = 72.0;
/// The height below the photo: the middle (organisation and quote) and the band.
const BELOW_PHOTO: f32 = 820.0;
/// The band's least height (what the QR code and its caption need).
const BAND_MIN: f32 = 330.0;
/// The QR code's white box.
const QR_BOX: f32 = 232.0;
/// The space kept between two elements.
const GAP: f32 = 24.0;
/// What a 海报 shows.
pub struct PosterText<'a> {
    /// The laureate's name.
    pub name: &'a str,
    /// Position and title.
    pub role: &'a str,
    /// 工作单位.
    pub organization: &'a str,
    /// 类别.
    pub category: &'a str,
    /// The quote.
    pub quote: &'a str,
    /// The campaign's official name, on the badge (`2022年衡水市“最美科技工作者”`).
    pub badge: &'a str,
    /// The campaign's name, in the band.
    pub title: &'a str,
    /// The campaign's subtitle.
    pub subtitle: &'a str,
    /// The organisers, separated by spaces or 、.
    pub organizer: &'a str,
    /// Whether the card's QR code is drawn.
    pub qr: bool,
    /// The photo's width and height, and its focal point (0–1 from the top left).
    pub photo: Option<(f32, f32, (f32, f32))>,
}

/// Where everything on a 海报 goes.
#[derive(Debug, Clone, Serialize)]
pub struct PosterLayout {
    /// The poster's width.
    pub width: f32,
    /// The poster's height.
    pub height: f32,
    /// The top part the photo fills.
    pub photo_area: Rect,
    /// Where the photo is drawn (at its own aspect; the photo area clips it).
    pub photo: Option<Rect>,
    /// Where the photo's focal point lands.
    pub focus: Option<(f32, f32)>,
    /// The shade over the photo's foot, under the name.
    pub shade: Rect,
    /// The campaign's badge at the top.
    pub badge: Rect,
    /// The badge's text.
    pub badge_text: Line,
    /// The category's tag above the name.
    pub category: Option<Rect>,
    /// The category's text.
    pub category_text: Option<Line>,
    /// The name, over the photo's foot.
    pub name: Vec<Line>,
    /// Organisation and role.
    pub org: Vec<Line>,
    /// The quote.
    pub quote: Vec<Line>,
    /// The bar beside the quote.
    pub quote_bar: Option<Rect>,
    /// The band at the foot.
    pub band: Rect,
    /// The campaign's name in the band.
    pub title: Vec<Line>,
    /// The subtitle.
    pub subtitle: Vec<Line>,
    /// The 主办 lines.
    pub organizer: Vec<Line>,
    /// The QR code's white box.
    pub qr: Option<Rect>,
    /// The caption under the QR code.
    pub qr_caption: Option<Line>,
}

impl PosterLayout {
    /// The foreground elements, named, each the box that no other may meet.
    pub fn boxes(&self) -> Vec<(&'static str, Rect)> {
        let block = |lines: &[Line]| lines.iter().map(Line::rect).reduce(Rect::union);
        let quote = block(&self.quote).map(|q| self.quote_bar.map_or(q, |bar| q.union(bar)));
        [
            ("badge", Some(self.badge)),
            ("category", self.category),
            ("name", block(&self.name)),
            ("organization", block(&self.org)),
            ("quote", quote),
            ("title", block(&self.title)),
            ("subtitle", block(&self.subtitle)),
            ("organizer", block(&self.organizer)),
            ("qr", self.qr),
            ("qr caption", self.qr_caption.as_ref().map(Line::rect)),
        ]
        .into_iter()
        .filter_map(|(name, rect)| Some((name, rect?)))
        .collect()
    }

    /// The part of the photo that nothing is drawn over: below the badge, above the name.
    pub fn clear(&self) -> Rect {
        let top = self.badge.bottom() + GAP;
        let covered = self.category.map_or(self.name_top(), |c| c.y);
        Rect {
            x: 0.0,
            y: top,
            w: self.width,
            h: covered - GAP - top,
        }
    }

    fn name_top(&self) -> f32 {
        self.name
            .first()
            .map_or(self.photo_area.bottom(), |l| l.rect().y)
    }
}

/// The layout of a `width` x `height` 海报 of `text`, measured with `measure`.
pub fn layout(text: &PosterText, width: f32, height: f32, measure: &Measure) -> PosterLayout {
    let photo_area = Rect {
        x: 0.0,
        y: 0.0,
        w: width,
        h: height - BELOW_PHOTO,
    };
    let (badge, badge_text) = badge(text, width, measure);
    let mut poster = PosterLayout {
        width,
        height,
        photo_area,
        photo: None,
        focus: None,
        shade: photo_area,
        badge,
        badge_text,
        category: None,
        category_text: None,
        name: Vec::new(),
        org: Vec::new(),
        quote: Vec::new(),
        quote_bar: None,
        band: photo_area,
        title: Vec::new(),
        subtitle: Vec::new(),
        organizer: Vec::new(),
        qr: None,
        qr_caption: None,
    };
    name_and_category(&mut poster, text, measure);
    place_photo(&mut poster, text.photo);
    band(&mut poster, text, measure);
    middle(&mut poster, text, measure);
    poster
}

/// The badge: the campaign's official name, set smaller or shortened to fit.
fn badge(text: &PosterText, width: f32, measure: &Measure) -> (Rect, Line) {
    let rect = Rect {
        x: MARGIN,
        y: 64.0,
        w: width - 2.0 * MARGIN,
        h: 76.0,
    };
    let label = text.badge;
    let room = rect.w - 2.0 * GAP;
    let style = Style {
        size: 34.0,
        bold: true,
        spacing: 4.0,
    };
    let style = measure.fit(label, room, style, 24.0).unwrap_or(Style {
        size: 24.0,
        spacing: 24.0 * 4.0 / 34.0,
        ..style
    });
    let label = measure.wrap(label, room, style, 1, false).concat();
    let centre = rect.y + rect.h / 2.0;
    let mut line = measure.lines(vec![label], 0.0, centre + 0.38 * style.size, 0.0, style);
    let mut line = line.remove(0);
    line.x = width / 2.0 - line.width / 2.0;
    (rect, line)
}

/// The name over the photo's foot (set smaller when long, on two lines when very long) and
/// the category's tag above it.
fn name_and_category(poster: &mut PosterLayout, text: &PosterText, measure: &Measure) {
    let room = poster.width - 2.0 * MARGIN;
    let style = Style {
        size: 112.0,
        bold: true,
        spacing: 12.0,
    };
    let (lines, style) = measure.one_line_or_two(text.name, room, style, 64.0, true);
    let leading = style.size * 1.15;
    let last = poster.photo_area.bottom() - 64.0;
    let first = last - leading * (lines.len().max(1) - 1) as f32;
    poster.name = measure.lines(lines, MARGIN, first, leading, style);
    if text.category.is_empty() {
        return;
    }
    let style = Style {
        size: 32.0,
        bold: false,
        spacing: 0.0,
    };
    let label = measure
        .wrap(text.category, room - 40.0, style, 1, false)
        .concat();
    let tag = Rect {
        x: MARGIN,
        y: poster.name_top() - 28.0 - 52.0,
        w: measure.width(&label, style) + 40.0,
        h: 52.0,
    };
    let baseline = tag.y + tag.h / 2.0 + 0.38 * style.size;
    poster.category_text = measure
        .lines(vec![label], MARGIN + 20.0, baseline, 0.0, style)
        .pop();
    poster.category = Some(tag);
}

/// The photo scaled to fill its area, moved so that its focal point lands in the middle of
/// the clear part as far as the photo's edges allow; the shade starts above the name.
fn place_photo(poster: &mut PosterLayout, photo: Option<(f32, f32, (f32, f32))>) {
    let area = poster.photo_area;
    let covered = poster.category.map_or(poster.name_top(), |c| c.y);
    let shade_top = (area.bottom() - 420.0).min(covered - 120.0).max(0.0);
    poster.shade = Rect {
        y: shade_top,
        h: area.bottom() - shade_top,
        ..area
    };
    let Some((w, h, (fx, fy))) = photo.filter(|(w, h, _)| *w > 0.0 && *h > 0.0) else {
        return;
    };
    let clear = poster.clear();
    // Filling the area, and zoomed in (at most twice) when a focal point near the photo's
    // top or foot could not otherwise reach the clear part.
    let cover = (area.w / w).max(area.h / h);
    let reach_top = clear.y / (fy.max(0.01) * h);
    let reach_foot = (area.h - clear.bottom()) / ((1.0 - fy).max(0.01) * h);
    let scale = cover
        .max(reach_top.min(2.0 * cover))
        .max(reach_foot.min(2.0 * cover));
    let (iw, ih) = (w * scale, h * scale);
    let x = (area.w / 2.0 - fx * iw).clamp((area.w - iw).min(0.0), 0.0);
    let y = (clear.y + clear.h / 2.0 - fy * ih).clamp((area.h - ih).min(0.0), 0.0);
    poster.photo = Some(Rect { x, y, w: iw, h: ih });
    poster.focus = Some((x + fx * iw, y + fy * ih));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poster::fonts::Fonts;

    /// Runs `check` with the system's CJK font's widths, else with full-width characters 1
    /// wide and the rest half.
    fn measured(check: impl Fn(&Measure)) {
        let approximate = |c: char| if c.is_ascii() { 0.5 } else { 1.0 };
        check(&Measure {
            regular: &approximate,
            bold: &approximate,
        });
        if let Ok(fonts) = Fonts::find(std::path::Path::new("."), &[]) {
            with_measure(&fonts, &check);
        }
    }

    const SHORT: PosterText = PosterText {
        name: "李明远",
        role: "小麦育种室主任 · 研究员",
        organization: "衡水市农业科学研究院",
        category: "乡村振兴",
        quote: "把论文写在大地上，把成果留在农民家。",
        title: "最美科技工作者",
        subtitle: "弘扬科学家精神 · 讲好科技工作者故事",
        organizer: "中共衡水市委宣传部 衡水市科学技术协会",
        badge: "2022年衡水市“最美科技工作者”",
        qr: true,
        photo: Some((960.0, 1280.0, (0.5, 0.3))),
    };

    /// Every text as long as an editor might make it.
    fn long() -> PosterText<'static> {
        PosterText {
            name: "阿依古丽·买买提艾力·司马义",
            role: "旱作节水农业研究所所长、小麦育种首席专家 · 正高级工程师（二级研究员）",
            organization: "衡水市农业科学研究院旱作节水农业研究所国家小麦改良中心衡水分中心",
            category: "科技创新与成果转化（基层一线）",
            quote: "把论文写在大地上（而不是只写在期刊里），把成果留在农民家——让每一亩麦田都多打粮、多增收、少用水！这是我一辈子的追求。",
            badge: "2023年度衡水市“最美科技工作者”学习宣传活动（第二届）",
            title: "2023年度衡水市“最美科技工作者”学习宣传活动",
            subtitle: "弘扬科学家精神 · 讲好科技工作者故事 · 凝聚创新发展力量",
            organizer: "中共衡水市委宣传部 衡水市科学技术协会 衡水市科学技术局 衡水市国防科技工业办公室 衡水市人力资源和社会保障局",
            ..SHORT
        }
    }

    fn assert_apart(poster: &PosterLayout) {
        let boxes = poster.boxes();
        let paper = Rect {
            x: MARGIN,
            y: 0.0,
            w: poster.width - 2.0 * MARGIN,
            h: poster.height,
        };
        for (n, (name, rect)) in boxes.iter().enumerate() {
            assert!(paper.contains(rect), "{name} {rect:?} leaves the margins");
            for (other, other_rect) in &boxes[n + 1..] {
                assert!(
                    !rect.intersects(other_rect),
                    "{name} {rect:?} overlaps {other} {other_rect:?} on the {}x{} poster",
                    poster.width,
                    poster.height
                );
            }
        }
        let middle = Rect {
            x: 0.0,
            y: poster.photo_area.bottom(),
            w: poster.width,
            h: poster.band.y - poster.photo_area.bottom(),
        };
        for (name, rect) in &boxes {
            let region = match *name {
                "badge" | "category" | "name" => poster.photo_area,
                "organization" | "quote" => middle,
                _ => poster.band,
            };
            assert!(
                region.contains(rect),
                "{name} {rect:?} is outside {region:?}"
            );
        }
    }

    #[test]
    fn nothing_on_a_poster_overlaps_whatever_the_lengths() {
        measured(|measure| {
            let texts = [
                SHORT,
                long(),
                PosterText {
                    qr: false,
                    ..long()
                },
                PosterText {
                    category: "",
                    quote: "",
                    organizer: "",
                    subtitle: "",
                    ..long()
                },
                PosterText {
                    organization: "",
                    role: "",
                    ..long()
                },
            ];
            for text in &texts {
                for (width, height) in [(1080.0, 1920.0), (1080.0, 1440.0)] {
                    let poster = layout(text, width, height, measure);
                    assert_apart(&poster);
                }
            }
        });
    }

    #[test]
    fn a_long_campaign_name_stays_beside_the_qr_code() {
        measured(|measure| {
            let poster = layout(&long(), 1080.0, 1440.0, measure);
            let qr = poster.qr.unwrap();
            assert!(!poster.title.is_empty());
            for line in poster.title.iter().chain(&poster.organizer) {
                assert!(
                    line.rect().right() <= qr.x - GAP,
                    "{line:?} runs under the QR code"
                );
            }
            let words: String = poster.title.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(words, long().title, "the whole name is shown");
        });
    }

    #[test]
    fn the_photos_focus_lands_clear_of_the_badge_and_the_name() {
        measured(|measure| {
            for focus in [(0.5, 0.15), (0.5, 0.3), (0.3, 0.5), (0.7, 0.7)] {
                for (w, h) in [(960.0, 1280.0), (1600.0, 1067.0)] {
                    let text = PosterText {
                        photo: Some((w, h, focus)),
                        ..SHORT
                    };
                    for height in [1920.0, 1440.0] {
                        let poster = layout(&text, 1080.0, height, measure);
                        let (x, y) = poster.focus.unwrap();
                        let clear = poster.clear();
                        let photo = poster.photo.unwrap();
                        assert!(
                            photo.contains(&poster.photo_area),
                            "the photo fills its area"
                        );
                        assert!(
                            (0.0..=1080.0).contains(&x) && y >= clear.y && y <= clear.bottom(),
                            "focus {focus:?} of {w}x{h} lands at ({x}, {y}), outside {clear:?} \
                             on the 1080x{height} poster"
                        );
                    }
                }
            }
        });
    }
}
