//! The 海报's layout, computed here rather than in its template so that every element's box
//! is known: nothing overlaps another element whatever the lengths of the texts (a long name
//! is set smaller, a campaign title wraps beside the QR code, the 主办 line breaks between
//! organisations, the quote gives up lines to a taller band), and the photo is placed so that
//! its focal point lands in the part of it that the badge and the name leave clear.

use super::fonts::Fonts;
use super::text;
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
/// A line's box above and below its baseline, in parts of the font size (the CJK em box).
const ASCENT: f32 = 0.88;
const DESCENT: f32 = 0.12;

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

    fn union(self, other: Rect) -> Rect {
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
struct Style {
    size: f32,
    bold: bool,
    spacing: f32,
}

impl Measure<'_> {
    fn width(&self, text: &str, style: Style) -> f32 {
        let advance = if style.bold { self.bold } else { self.regular };
        text.chars()
            .map(|c| advance(c) * style.size + style.spacing)
            .sum()
    }

    /// `style` made smaller, down to `min`, until `text` fits `width` (letter spacing scaled
    /// with it); `None` when it does not fit even at `min`.
    fn fit(&self, text: &str, width: f32, style: Style, min: f32) -> Option<Style> {
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
    fn one_line_or_two(
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
    fn wrap(&self, text: &str, width: f32, style: Style, max: usize, names: bool) -> Vec<String> {
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
    fn lines(&self, texts: Vec<String>, x: f32, y: f32, leading: f32, style: Style) -> Vec<Line> {
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

/// The band: the campaign's name (smaller, then on two lines, when long), the subtitle and
/// the organisers beside the QR code, and the band as tall as they need.
fn band(poster: &mut PosterLayout, text: &PosterText, measure: &Measure) {
    let (width, height) = (poster.width, poster.height);
    let room = match text.qr {
        true => width - 2.0 * MARGIN - QR_BOX - 40.0,
        false => width - 2.0 * MARGIN,
    };
    let title_style = Style {
        size: 46.0,
        bold: true,
        spacing: 2.0,
    };
    let (titles, title_style) = measure.one_line_or_two(text.title, room, title_style, 36.0, false);
    let sub_style = Style {
        size: 28.0,
        bold: false,
        spacing: 0.0,
    };
    let subtitles = measure.wrap(text.subtitle, room, sub_style, 1, false);
    let organizer = format!("主办：{}", text.organizer);
    let org_style = organizer_style(&organizer, room, measure);
    let organizers = match text.organizer.is_empty() {
        true => Vec::new(),
        false => measure.wrap(&organizer, room, org_style, 3, true),
    };
    // Baselines from the band's top, then the band's height.
    let title_leading = title_style.size * 1.25;
    let title_y = 36.0 + ASCENT * title_style.size;
    let mut y = title_y + title_leading * (titles.len() - 1) as f32;
    let sub_y = y + 58.0;
    if !subtitles.is_empty() {
        y = sub_y;
    }
    let org_y = y + 56.0;
    if !organizers.is_empty() {
        y = org_y + 36.0 * (organizers.len() - 1) as f32;
    }
    let needed = y + DESCENT * 28.0 + 32.0;
    let band_h = needed.max(BAND_MIN);
    let top = height - band_h;
    poster.band = Rect {
        x: 0.0,
        y: top,
        w: width,
        h: band_h,
    };
    poster.title = measure.lines(titles, MARGIN, top + title_y, title_leading, title_style);
    poster.subtitle = measure.lines(subtitles, MARGIN, top + sub_y, 0.0, sub_style);
    poster.organizer = measure.lines(organizers, MARGIN, top + org_y, 36.0, org_style);
    if text.qr {
        qr(poster, measure);
    }
}

/// The 主办 line's style: 24 px, smaller (down to 18) when an organisation's name would not
/// fit a line whole.
fn organizer_style(organizer: &str, room: f32, measure: &Measure) -> Style {
    let mut style = Style {
        size: 24.0,
        bold: false,
        spacing: 0.0,
    };
    let widest = text::widest_name(organizer, measure.regular);
    while style.size > 18.0 && widest * style.size > room {
        style.size -= 1.0;
    }
    style
}

/// The QR code's white box at the band's top right, its caption at the band's foot.
fn qr(poster: &mut PosterLayout, measure: &Measure) {
    let rect = Rect {
        x: poster.width - MARGIN - QR_BOX,
        y: poster.band.y + 28.0,
        w: QR_BOX,
        h: QR_BOX,
    };
    let style = Style {
        size: 26.0,
        bold: false,
        spacing: 0.0,
    };
    let caption = "扫码阅读TA的故事".to_string();
    let width = measure.width(&caption, style);
    poster.qr_caption = measure
        .lines(
            vec![caption],
            rect.x + rect.w / 2.0 - width / 2.0,
            poster.height - 26.0,
            0.0,
            style,
        )
        .pop();
    poster.qr = Some(rect);
}

/// Organisation and role, then the quote, centred between the photo and the band; the quote
/// has at most 4 lines (3 on a 3:4), fewer when the band grew.
fn middle(poster: &mut PosterLayout, text: &PosterText, measure: &Measure) {
    let room = poster.width - 2.0 * MARGIN;
    let org_style = Style {
        size: 36.0,
        bold: false,
        spacing: 0.0,
    };
    let org_text = [text.organization, text.role]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let org = measure.wrap(&org_text, room, org_style, 2, true);
    let quote_style = Style {
        size: 50.0,
        bold: true,
        spacing: 0.0,
    };
    let top = poster.photo_area.bottom() + 40.0;
    let bottom = poster.band.y - 40.0;
    let most = if poster.height < 1600.0 { 3 } else { 4 };
    let mut quote = measure.wrap(text.quote, room - 40.0, quote_style, most, false);
    while !quote.is_empty() && middle_height(org.len(), quote.len()) > bottom - top {
        quote = measure.wrap(text.quote, room - 40.0, quote_style, quote.len() - 1, false);
    }
    let block_top = top + (bottom - top - middle_height(org.len(), quote.len())) / 2.0;
    let first = block_top + ASCENT * org_style.size;
    let quote_y = match org.len() {
        0 => block_top + 52.0,
        n => first + 54.0 * n as f32 + 60.0,
    };
    poster.org = measure.lines(org, MARGIN, first, 54.0, org_style);
    place_quote(
        poster,
        measure.lines(quote, MARGIN + 40.0, quote_y, 76.0, quote_style),
    );
}

/// The height of the middle block, from the top of the first line to the bottom of the last.
fn middle_height(org: usize, quote: usize) -> f32 {
    let org_h = match org {
        0 => 0.0,
        n => 54.0 * (n - 1) as f32 + 36.0,
    };
    let quote_h = match (org, quote) {
        (_, 0) => 0.0,
        (0, n) => 76.0 * n as f32 - 10.0,
        (_, n) => 60.0 + 76.0 * n as f32 - 10.0,
    };
    org_h + quote_h
}

fn place_quote(poster: &mut PosterLayout, quote: Vec<Line>) {
    if let Some(first) = quote.first() {
        poster.quote_bar = Some(Rect {
            x: MARGIN,
            y: first.y - 52.0,
            w: 8.0,
            h: quote.len() as f32 * 76.0 - 10.0,
        });
    }
    poster.quote = quote;
}

#[cfg(test)]
mod tests {
    use super::*;

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
