//! What sits below the photo: the middle (the organisation and the quote) and the band (the
//! campaign's name, the subtitle and the organisers beside the QR code).

use super::measure::{Line, Measure, Rect, Style, ASCENT, DESCENT};
use super::{PosterLayout, PosterText, BAND_MIN, MARGIN, QR_BOX};
use crate::poster::text;

/// The band: the campaign's name (smaller, then on two lines, when long), the subtitle and
/// the organisers beside the QR code, and the band as tall as they need.
pub(super) fn band(poster: &mut PosterLayout, text: &PosterText, measure: &Measure) {
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
pub(super) fn middle(poster: &mut PosterLayout, text: &PosterText, measure: &Measure) {
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
