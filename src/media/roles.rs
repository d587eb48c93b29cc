//! Which image plays which role on the site, and what each role is made as: the one
//! statement the media stage makes images from and pages (views, posters) read.

use super::{Format, ImageRequest, Shape};
use crate::config::ImageSettings;
use crate::content::{Focus, Laureate, Photo, Site};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What an image is used as on the site. This table ([`Role::shape`]) and
/// [`LaureateImages`] are the only places that say which images are made in which shapes;
/// the media stage makes what they list and the pages ask for the same roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// A life/work photo in its own ratio: profile page, gallery lightbox, card.
    Photo,
    /// A photo's square thumbnail: gallery grid.
    Thumbnail,
    /// The portrait in 3:4: profile, front-page grid, card cover.
    Portrait,
    /// The portrait as a square: the share thumbnail and the 1:1 article cover.
    ShareSquare,
    /// The first photo as a 2.35:1 article cover (900x383).
    Cover,
    /// The first photo (the portrait when there is none) in 3:4: the card's share poster.
    SharePoster,
    /// A video's poster, in its own ratio.
    VideoPoster,
}

impl Role {
    /// The crop this role is published in.
    pub fn shape(self) -> Shape {
        match self {
            Role::Photo | Role::VideoPoster => Shape::Original,
            Role::Thumbnail | Role::ShareSquare => Shape::Square,
            Role::Portrait | Role::SharePoster => Shape::Portrait,
            Role::Cover => Shape::Cover,
        }
    }

    /// The encodings pages use this role in: `<picture>` roles offer WebP with a JPEG
    /// fallback; share images, covers and video posters are single JPEG files (WeChat and
    /// download links want JPEG).
    pub fn formats(self) -> &'static [Format] {
        match self {
            Role::Photo | Role::Thumbnail | Role::Portrait => &[Format::Webp, Format::Jpeg],
            Role::ShareSquare | Role::Cover | Role::SharePoster | Role::VideoPoster => {
                &[Format::Jpeg]
            }
        }
    }

    /// The widths pages use this role at: `<picture>` roles their shape's widths, single
    /// files the one width they are shown at (a video poster the first at least 800 px wide;
    /// the share poster its shape's largest).
    pub fn widths(self, settings: &ImageSettings) -> Vec<u32> {
        let all = self.shape().widths(settings);
        match self {
            Role::Photo | Role::Thumbnail | Role::Portrait | Role::ShareSquare | Role::Cover => all,
            Role::SharePoster => all.iter().max().copied().into_iter().collect(),
            Role::VideoPoster => {
                let medium = all.iter().copied().filter(|w| *w >= 800).min();
                medium.or(all.iter().max().copied()).into_iter().collect()
            }
        }
    }

    pub(super) fn describe(self) -> &'static str {
        match self {
            Role::Photo => "photo",
            Role::Thumbnail => "thumbnail",
            Role::Portrait => "portrait",
            Role::ShareSquare => "square",
            Role::Cover => "cover",
            Role::SharePoster => "poster",
            Role::VideoPoster => "video-poster",
        }
    }
}

/// Which of a laureate's images plays which role: the portrait, the first photo as the
/// article cover, the share poster (the first photo, else the portrait) and every photo.
/// The media stage makes what [`LaureateImages::each`] lists; pages take the image of a role
/// from [`LaureateImages::playing`] and the photos from [`LaureateImages::photos`].
#[derive(Debug, Clone, Copy)]
pub struct LaureateImages<'a> {
    portrait: Option<&'a Photo>,
    /// The life/work photos in their order, each a [`Role::Photo`] and a [`Role::Thumbnail`].
    pub photos: &'a [Photo],
}

impl<'a> LaureateImages<'a> {
    /// The images of `laureate`.
    pub fn of(laureate: &'a Laureate) -> Self {
        LaureateImages {
            portrait: laureate.portrait.as_ref(),
            photos: &laureate.photos,
        }
    }

    /// The one image that plays `role`, for the roles one image of a laureate plays
    /// (portrait, share square, cover, share poster); `None` for the others or when the
    /// laureate has no such image.
    pub fn playing(&self, role: Role) -> Option<&'a Photo> {
        match role {
            Role::Portrait | Role::ShareSquare => self.portrait,
            Role::Cover => self.photos.first(),
            Role::SharePoster => self.photos.first().or(self.portrait),
            Role::Photo | Role::Thumbnail | Role::VideoPoster => None,
        }
    }

    /// Every image with each role it plays on the site.
    pub fn each(&self) -> Vec<(&'a Photo, Role)> {
        let single = [
            Role::Portrait,
            Role::ShareSquare,
            Role::Cover,
            Role::SharePoster,
        ];
        let per_photo = self
            .photos
            .iter()
            .flat_map(|photo| [(photo, Role::Photo), (photo, Role::Thumbnail)]);
        single
            .into_iter()
            .filter_map(|role| Some((self.playing(role)?, role)))
            .chain(per_photo)
            .collect()
    }
}

/// Every image of a laureate with each role it plays on the site (see [`LaureateImages`]).
pub fn laureate_images(laureate: &Laureate) -> Vec<(&Photo, Role)> {
    LaureateImages::of(laureate).each()
}

/// Collects the shapes each image of the site is needed in: each laureate's images by their
/// roles, and video posters.
pub fn image_requests<'a>(
    site: &Site,
    posters: impl Iterator<Item = &'a Path>,
) -> Vec<ImageRequest> {
    let mut requests = Requests::new(&site.config.images);
    for laureate in &site.laureates {
        requests.of_laureate(laureate);
    }
    for poster in posters {
        // A video's frame is taken as the editor chose it: its centre stays the centre.
        requests.want(poster, Focus::Set(0.5, 0.5), Role::VideoPoster);
    }
    requests.into_vec()
}

/// The images one laureate's pages use, in the shapes the media stage makes them: the same
/// requests (and so the same cache entries) as [`image_requests`] makes for the whole site.
pub fn laureate_image_requests(laureate: &Laureate, settings: &ImageSettings) -> Vec<ImageRequest> {
    let mut requests = Requests::new(settings);
    requests.of_laureate(laureate);
    requests.into_vec()
}

/// Image requests being collected, one per source, each role adding its shape.
struct Requests<'a> {
    settings: &'a ImageSettings,
    by_source: BTreeMap<PathBuf, ImageRequest>,
}

impl<'a> Requests<'a> {
    fn new(settings: &'a ImageSettings) -> Self {
        Requests {
            settings,
            by_source: BTreeMap::new(),
        }
    }

    /// `source` is wanted as `role`.
    fn want(&mut self, source: &Path, focus: Focus, role: Role) {
        let needs = self
            .by_source
            .entry(source.to_path_buf())
            .or_insert_with(|| ImageRequest {
                source: source.to_path_buf(),
                focus,
                shapes: BTreeMap::new(),
            })
            .shapes
            .entry(role.shape())
            .or_default();
        needs.widths.extend(role.widths(self.settings));
        needs.formats.extend(role.formats());
    }

    /// Every image of `laureate` in its roles.
    fn of_laureate(&mut self, laureate: &Laureate) {
        for (photo, role) in laureate_images(laureate) {
            self.want(&photo.source, photo.focus, role);
        }
    }

    fn into_vec(self) -> Vec<ImageRequest> {
        self.by_source.into_values().collect()
    }
}
