//! `posters`: each laureate's 海报 (1080x1920 and 1080x1440, with the card's QR code) and
//! 长图 (the story as one tall image, in parts of at most 10,000 pixels), for WeChat, where
//! people meet a campaign through images more than links.
//!
//! The layouts are the theme's SVG templates `posters/poster.svg` and `posters/long.svg`
//! (Tera; `wrap` breaks text into lines with the font's real widths), rendered by resvg in
//! the CJK font [`fonts::Fonts::find`] picks. Images are cached by a hash of the SVG, the font
//! and the recipe, so an unchanged laureate costs a template render, not a rasterisation.

mod draw;
pub mod fonts;
pub mod frame;
pub mod layout;
pub mod text;

use crate::config::Phase;
use crate::content::{Laureate, Photo, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media::{
    Cache, Format, LaureateImages, MediaIndex, Role, ShapeSet, ShareImage, ShareImages,
};
use crate::routes::{Route, Routes};
use crate::said;
use draw::Layouts;
use fonts::{Fonts, NoFont};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use tera::Context;

/// Changes when the drawing code changes what the same SVG becomes.
const RECIPE: &str = "posters-1;jpeg-444-q90";
/// The most bytes of a 海报.
pub const POSTER_MAX_BYTES: usize = 600_000;
/// The most bytes of one part of a 长图.
pub const LONG_PART_MAX_BYTES: usize = 2_000_000;
/// A chapter longer than this many characters is shortened on the 长图 at a paragraph end.
const CHAPTER_MAX_CHARS: usize = 600;

/// The two 海报 sizes: name, width, height.
const POSTER_SIZES: [(&str, u32, u32); 2] = [("9x16", 1080, 1920), ("3x4", 1080, 1440)];

/// Makes the 海报 and 长图 of every laureate and adds them
/// to `media` (none in the 公示 phase, which publishes no images). Without a CJK font it makes none and adds a note saying what to install; a
/// character the font lacks is a note naming the laureate and the character. Errors are the
/// theme's: a poster template that does not compile or render.
///
/// `old_routes`, for a year whose pages were at the site root before the site held several
/// years, are the routes of then: each image is also published under the name it had then
/// (its QR code led to the old address), so saved and shared links to it keep working.
pub fn make(
    site: &Site,
    media: &mut MediaIndex,
    cache: &Cache,
    old_routes: Option<&Routes>,
) -> Result<(), Diagnostics> {
    let laureates: Vec<&Laureate> = site.laureates.iter().collect();
    if laureates.is_empty() || site.config.campaign.phase == Phase::Publicity {
        return Ok(());
    }
    let fonts = match Fonts::find(&site.root, &site.config.fonts) {
        Ok(fonts) => fonts,
        Err(NoFont::NotFound(note)) => {
            media.add_note(note);
            return Ok(());
        }
        Err(NoFont::Configured(problem)) => return Err(problem.relative_to(&site.root).into()),
    };
    let layouts = Layouts::load(&site.root, &site.config.theme, &fonts)?;
    let maker = Maker {
        site,
        media,
        cache,
        fonts: &fonts,
        layouts: &layouts,
        old_routes,
    };
    let made: Vec<_> = laureates
        .par_iter()
        .map(|laureate| (laureate, maker.laureate(laureate)))
        .collect();
    let mut problems = Diagnostics::default();
    let mut keys = HashSet::new();
    for (laureate, result) in made {
        match result {
            Ok(made) => {
                for note in made.notes {
                    media.add_note(note);
                }
                keys.extend(made.keys);
                let files = made
                    .images
                    .all()
                    .map(|image| (image.file.clone(), image.file.clone()))
                    .chain(made.old_names)
                    .map(|(name, file)| (name, cache.share_path(&file)))
                    .collect::<Vec<_>>();
                media.add_share_images(&laureate.slug, made.images, files);
            }
            Err(problem) => problems.push(problem.relative_to(&site.root)),
        }
    }
    if problems.is_empty() {
        cache.prune_share(&keys);
    }
    problems.into_result(())
}

/// What one laureate's images came to.
struct Made {
    images: ShareImages,
    /// The cache keys used, which pruning keeps.
    keys: Vec<String>,
    notes: Vec<String>,
    /// The names the images had at the old addresses, each with the image's file.
    old_names: Vec<(String, String)>,
}

/// Everything making one laureate's images needs.
struct Maker<'a> {
    site: &'a Site,
    media: &'a MediaIndex,
    cache: &'a Cache,
    fonts: &'a Fonts,
    layouts: &'a Layouts,
    old_routes: Option<&'a Routes>,
}

impl Maker<'_> {
    fn laureate(&self, laureate: &Laureate) -> Result<Made, Diagnostic> {
        let facts = self.facts(laureate, &self.site.routes())?;
        let mut notes = Vec::new();
        let missing = self.fonts.missing(&facts.all_text());
        if !missing.is_empty() {
            notes.push(format!(
                "{}: the poster font {} has no glyph for 「{}」, which shows as an empty box on \
                 the 海报 and 长图; name a font that has it under `fonts:` in site.yaml",
                laureate.name,
                self.fonts.family,
                missing.iter().collect::<String>()
            ));
        }
        let poster = |(name, width, height): (&str, u32, u32)| {
            let context = self.poster_context(&facts, name, width, height);
            let (key, images) =
                self.image(laureate, "posters/poster.svg", &context, POSTER_MAX_BYTES)?;
            let image = images
                .into_iter()
                .next()
                .ok_or_else(|| Diagnostic::said(laureate.profile_file(), said!("poster-empty")))?;
            Ok::<_, Diagnostic>((key, image))
        };
        let long = || {
            let context = Context::from_serialize(&facts).expect("poster facts serialise");
            self.image(laureate, "posters/long.svg", &context, LONG_PART_MAX_BYTES)
        };
        // Three jobs of unequal size: split so both cores stay busy on the last laureates.
        let ((tall, wide), long) = rayon::join(
            || rayon::join(|| poster(POSTER_SIZES[0]), || poster(POSTER_SIZES[1])),
            long,
        );
        let ((tall_key, tall), (wide_key, wide), (long_key, long)) = (tall?, wide?, long?);
        let keys = vec![tall_key, wide_key, long_key];
        let images = ShareImages { tall, wide, long };
        let old_names = match self.old_routes {
            Some(routes) => self.old_names(laureate, routes, &images)?,
            None => Vec::new(),
        };
        Ok(Made {
            images,
            keys,
            notes,
            old_names,
        })
    }

    /// The names `images` had when the site's pages had `routes` (a template render and a
    /// hash each, no drawing), each with the image's file: the 海报, then the 长图's parts.
    fn old_names(
        &self,
        laureate: &Laureate,
        routes: &Routes,
        images: &ShareImages,
    ) -> Result<Vec<(String, String)>, Diagnostic> {
        let facts = self.facts(laureate, routes)?;
        let contexts = POSTER_SIZES
            .iter()
            .map(|&(name, width, height)| {
                (
                    "posters/poster.svg",
                    self.poster_context(&facts, name, width, height),
                )
            })
            .chain([(
                "posters/long.svg",
                Context::from_serialize(&facts).expect("poster facts serialise"),
            )]);
        let mut names = Vec::new();
        let files = [
            vec![&images.tall],
            vec![&images.wide],
            images.long.iter().collect(),
        ];
        for ((template, context), files) in contexts.zip(files) {
            let svg = self.layouts.svg(template, &context).map_err(|why| {
                Diagnostic::said(
                    laureate.profile_file(),
                    said!("poster-layout-failed", template = template, why = why),
                )
            })?;
            let key = self.key(&svg);
            names.extend(
                files
                    .iter()
                    .enumerate()
                    .map(|(n, image)| (format!("{key}-{}.jpg", n + 1), image.file.clone())),
            );
        }
        Ok(names)
    }

    /// The cache key of an image drawn from `svg`: the recipe, the font and the SVG.
    fn key(&self, svg: &str) -> String {
        let hash = blake3::hash(format!("{RECIPE}\n{}\n{svg}", self.fonts.identity).as_bytes());
        hash.to_hex()[..16].to_string()
    }

    /// Renders template `name`, or takes its images from the cache; returns the cache key and
    /// the image's parts.
    fn image(
        &self,
        laureate: &Laureate,
        name: &str,
        context: &Context,
        max_bytes: usize,
    ) -> Result<(String, Vec<ShareImage>), Diagnostic> {
        let template_problem = |why: String| {
            Diagnostic::said(
                self.site
                    .root
                    .join("themes")
                    .join(&self.site.config.theme)
                    .join("templates")
                    .join(name),
                said!(
                    "poster-template-failed",
                    template = name,
                    name = &laureate.name,
                    why = why
                ),
            )
        };
        let svg = self.layouts.svg(name, context).map_err(template_problem)?;
        let key = self.key(&svg);
        let manifest = format!("{key}.json");
        if let Some(images) = self.cached(&manifest) {
            return Ok((key, images));
        }
        let pixmap =
            draw::rasterize(&svg, self.fonts, self.media.files()).map_err(template_problem)?;
        let mut images = Vec::new();
        for (n, rows) in draw::cuts(&pixmap).into_iter().enumerate() {
            let bytes = draw::jpeg(&pixmap, rows, max_bytes).map_err(template_problem)?;
            let file = format!("{key}-{}.jpg", n + 1);
            self.store(&file, &bytes)?;
            images.push(ShareImage {
                file,
                width: pixmap.width(),
                height: rows.1 - rows.0,
                bytes: bytes.len() as u64,
            });
        }
        let json = serde_json::to_vec(&images).expect("share images serialise");
        self.store(&manifest, &json)?;
        Ok((key, images))
    }

    fn cached(&self, manifest: &str) -> Option<Vec<ShareImage>> {
        let json = std::fs::read(self.cache.share_path(manifest)).ok()?;
        let images: Vec<ShareImage> = serde_json::from_slice(&json).ok()?;
        images
            .iter()
            .all(|image| self.cache.share_path(&image.file).is_file())
            .then_some(images)
    }

    fn store(&self, name: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.cache.store_share(name, bytes).map_err(|e| {
            Diagnostic::said(
                self.cache.share_path(name),
                said!("poster-cache-unwritable", why = e.to_string()),
            )
        })
    }

    /// What the 海报 template gets: the facts, the size it is drawn at and the layout.
    fn poster_context(&self, facts: &Facts, name: &str, width: u32, height: u32) -> Context {
        let mut context = Context::from_serialize(facts).expect("poster facts serialise");
        context.insert(
            "poster",
            &PosterSize {
                name,
                width,
                height,
            },
        );
        context.insert("layout", &self.layout(facts, width, height));
        context
    }

    /// Where everything on a `width` x `height` 海报 of `facts` goes.
    fn layout(&self, facts: &Facts, width: u32, height: u32) -> layout::PosterLayout {
        let (l, c) = (&facts.laureate, &facts.campaign);
        let text = layout::PosterText {
            name: l.name,
            role: &l.role,
            organization: l.organization,
            category: l.category,
            quote: l.quote,
            title: &c.title,
            subtitle: &c.subtitle,
            organizer: &c.organizer,
            badge: &c.name,
            qr: facts.qr.is_some(),
            photo: facts
                .photo
                .as_ref()
                .map(|p| (p.width as f32, p.height as f32, p.focus)),
        };
        layout::with_measure(self.fonts, |measure| {
            layout::layout(&text, width as f32, height as f32, measure)
        })
    }

    /// The 海报's photo in its own shape, with its focal point, which the layout keeps clear
    /// of the text; a portrait without photos has only its 3:4 crop, made around its focus.
    fn poster_photo(&self, photo: &Photo) -> Result<ImageRef, Diagnostic> {
        let caption = photo.caption.clone();
        match self.media.image_for(&photo.source, Role::Photo) {
            Ok((set, _)) => {
                Ok(ImageRef::of(set, 1600, caption).focused(self.media.focus_of(&photo.source)))
            }
            Err(_) => {
                let (set, _) = self.media.image_for(&photo.source, Role::SharePoster)?;
                Ok(ImageRef::of(set, 960, caption))
            }
        }
    }

    /// What the templates get about a laureate and the campaign, the QR code leading to the
    /// card at `routes`.
    fn facts<'a>(&self, laureate: &'a Laureate, routes: &Routes) -> Result<Facts<'a>, Diagnostic> {
        let config = &self.site.config;
        let jpeg = |photo: &Photo, role: Role, min_width: u32| -> Result<ImageRef, Diagnostic> {
            let (set, _) = self.media.image_for(&photo.source, role)?;
            Ok(ImageRef::of(set, min_width, photo.caption.clone()))
        };
        let images = LaureateImages::of(laureate);
        let share = images.playing(Role::SharePoster);
        let photo = share.map(|p| self.poster_photo(p)).transpose()?;
        let portrait = match images.playing(Role::Portrait) {
            Some(p) => Some(jpeg(p, Role::Portrait, 480)?),
            None => photo.clone(),
        };
        let mut photos = images
            .photos
            .iter()
            .map(|p| jpeg(p, Role::Photo, 960))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter();
        let chapters = laureate
            .story
            .chapters
            .iter()
            .map(|chapter| {
                let (paragraphs, shortened) = shorten_chapter(
                    chapter.blocks.iter().map(|b| text::html_to_text(&b.html)),
                    CHAPTER_MAX_CHARS,
                );
                ChapterText {
                    title: chapter.title.clone(),
                    paragraphs,
                    shortened,
                    photo: photos.next(),
                }
            })
            .collect();
        let qr = routes.absolute(&Route::Card(&laureate.slug)).map(|url| {
            let (path, modules) = crate::render::qr::path(&url);
            QrView { path, modules, url }
        });
        Ok(Facts {
            laureate: LaureateFacts {
                name: &laureate.name,
                role: laureate.role(),
                organization: &laureate.organization,
                category: &laureate.category,
                region: &laureate.region,
                quote: &laureate.quote,
                summary: &laureate.summary,
            },
            campaign: CampaignFacts {
                title: config.title.clone(),
                name: config.official_name(),
                subtitle: config.subtitle.clone(),
                year: config.campaign.year,
                organizer: config.organizer.clone(),
            },
            font: self.fonts.family.clone(),
            photo,
            portrait,
            chapters,
            more_photos: photos.collect(),
            qr,
        })
    }
}

/// A chapter's paragraphs, kept whole while they add up to at most `max` characters (the
/// first always kept), the last kept one ending in 「…」 when any were dropped; and whether
/// any were.
fn shorten_chapter(paragraphs: impl Iterator<Item = String>, max: usize) -> (Vec<String>, bool) {
    let mut kept: Vec<String> = Vec::new();
    let mut used = 0;
    let mut shortened = false;
    for paragraph in paragraphs.filter(|p| !p.is_empty()) {
        let length = paragraph.chars().count();
        if !kept.is_empty() && used + length > max {
            shortened = true;
            break;
        }
        used += length;
        kept.push(paragraph);
    }
    if shortened {
        if let Some(last) = kept.last_mut() {
            let trimmed = last.trim_end_matches(['。', '！', '？', '；', '，']);
            *last = format!("{trimmed}……");
        }
    }
    (kept, shortened)
}

impl ShareImages {
    /// Every image: the two 海报, then the 长图's parts.
    fn all(&self) -> impl Iterator<Item = &ShareImage> {
        [&self.tall, &self.wide].into_iter().chain(&self.long)
    }
}

/// The size a 海报 is drawn at, as the template sees it (`poster.width` …).
#[derive(Serialize)]
struct PosterSize<'a> {
    name: &'a str,
    width: u32,
    height: u32,
}

/// What the poster templates get.
#[derive(Serialize)]
struct Facts<'a> {
    laureate: LaureateFacts<'a>,
    campaign: CampaignFacts,
    /// The font family to set text in.
    font: String,
    /// The 海报's photo (the first photo, else the portrait).
    photo: Option<ImageRef>,
    /// The 3:4 portrait (else the share photo).
    portrait: Option<ImageRef>,
    chapters: Vec<ChapterText>,
    /// Photos not placed after a chapter.
    more_photos: Vec<ImageRef>,
    /// The card's QR code; none without `base_url`.
    qr: Option<QrView>,
}

impl Facts<'_> {
    /// Every piece of text the templates may draw, for the font coverage check.
    fn all_text(&self) -> String {
        let l = &self.laureate;
        let mut text = [
            l.name,
            &l.role,
            l.organization,
            l.category,
            l.region,
            l.quote,
            l.summary,
            &self.campaign.title,
            &self.campaign.subtitle,
            &self.campaign.organizer,
        ]
        .join("");
        for chapter in &self.chapters {
            text.extend(chapter.title.iter().map(String::as_str));
            text.extend(chapter.paragraphs.iter().map(String::as_str));
        }
        let photos = self.chapters.iter().filter_map(|c| c.photo.as_ref());
        for photo in photos.chain(&self.more_photos) {
            text.extend(photo.caption.iter().map(String::as_str));
        }
        text
    }
}

#[derive(Serialize)]
struct LaureateFacts<'a> {
    name: &'a str,
    role: String,
    organization: &'a str,
    category: &'a str,
    region: &'a str,
    quote: &'a str,
    summary: &'a str,
}

#[derive(Serialize)]
struct CampaignFacts {
    title: String,
    /// The official name (`2022年衡水市“最美科技工作者”`).
    name: String,
    subtitle: String,
    year: u32,
    organizer: String,
}

/// A chapter of the story as plain paragraphs, with the photo drawn after it.
#[derive(Serialize)]
struct ChapterText {
    title: Option<String>,
    paragraphs: Vec<String>,
    /// Whether paragraphs were left out (the 长图 then points to the QR code).
    shortened: bool,
    photo: Option<ImageRef>,
}

/// A processed JPEG the template draws: `href` is its name under `/media/`.
#[derive(Debug, Clone, Serialize)]
struct ImageRef {
    href: String,
    width: u32,
    height: u32,
    caption: Option<String>,
    /// The focal point, 0–1 from the top left.
    focus: (f32, f32),
}

impl ImageRef {
    /// The smallest JPEG of `set` at least `min_width` wide, else the largest.
    fn of(set: &ShapeSet, min_width: u32, caption: Option<String>) -> ImageRef {
        let variant = set
            .of(Format::Jpeg)
            .find(|v| v.width >= min_width)
            .or_else(|| set.largest(Format::Jpeg))
            .expect("every shape is made as JPEG");
        ImageRef {
            href: variant.file.clone(),
            width: variant.width,
            height: variant.height,
            caption,
            focus: (0.5, 0.5),
        }
    }

    fn focused(self, focus: (f32, f32)) -> ImageRef {
        ImageRef { focus, ..self }
    }
}

/// The card's QR code as path data (`modules` units square, no quiet zone).
#[derive(Serialize)]
struct QrView {
    path: String,
    modules: usize,
    url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_chapters_are_cut_at_a_paragraph_end() {
        let paragraphs = ["一二三四。", "五六七八。", "九十。"].map(String::from);
        let (kept, shortened) = shorten_chapter(paragraphs.clone().into_iter(), 10);
        assert_eq!(kept, ["一二三四。", "五六七八……"]);
        assert!(shortened);
        let (kept, shortened) = shorten_chapter(paragraphs.into_iter(), 100);
        assert_eq!(kept.len(), 3);
        assert!(!shortened);
    }

    #[test]
    fn a_first_paragraph_longer_than_the_limit_is_kept() {
        let (kept, _) = shorten_chapter(["一二三四五六".to_string()].into_iter(), 3);
        assert_eq!(kept, ["一二三四五六"]);
    }
}
