//! What the media stage returns: every published file by source, and what pages ask of it.

use super::{ProcessedImage, Role, ShapeSet, VideoInfo};
use crate::diagnostics::Diagnostic;
use crate::said;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// A video as published: its file name under `/media/` and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedVideo {
    /// File name under `/media/` (content-hashed).
    pub file: String,
    /// Duration, displayed size, codecs (of the source).
    pub info: VideoInfo,
    /// The image processed as its poster: the `poster:` from YAML, else a frame ffmpeg took;
    /// `None` when neither exists (pages then use the laureate's first photo).
    pub poster: Option<PathBuf>,
    /// The WebVTT captions' file name under `/media/`, when the video has captions.
    pub captions: Option<String>,
}

/// One image made for sharing (a 海报 or a part of a 长图).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareImage {
    /// File name under `/media/` (content-hashed).
    pub file: String,
    /// Pixel width.
    pub width: u32,
    /// Pixel height.
    pub height: u32,
    /// File size in bytes.
    pub bytes: u64,
}

/// A laureate's images for WeChat, made by the posters stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareImages {
    /// The 9:16 海报 (1080x1920).
    pub tall: ShareImage,
    /// The 3:4 海报 (1080x1440).
    pub wide: ShareImage,
    /// The 长图, in parts of at most 10,000 pixels, top first.
    pub long: Vec<ShareImage>,
}

/// Every published media file, by source.
#[derive(Debug, Clone, Default)]
pub struct MediaIndex {
    pub(super) images: HashMap<PathBuf, ProcessedImage>,
    pub(super) videos: HashMap<PathBuf, PublishedVideo>,
    share: HashMap<String, ShareImages>,
    pub(super) files: BTreeMap<String, PathBuf>,
    pub(super) notes: Vec<String>,
}

impl MediaIndex {
    /// The processed form of a source image, if it was requested and processed.
    pub fn image(&self, source: &Path) -> Option<&ProcessedImage> {
        self.images.get(source)
    }

    /// The files of `source` made for `role`, with the image's placeholder colour; a
    /// problem naming the file when the media stage made none (the roles table and the page
    /// asking disagree, or the image was not processed).
    pub fn image_for(&self, source: &Path, role: Role) -> Result<(&ShapeSet, &str), Diagnostic> {
        self.images
            .get(source)
            .and_then(|processed| {
                let set = processed.shapes.get(&role.shape())?;
                Some((set, processed.placeholder.as_str()))
            })
            .ok_or_else(|| {
                Diagnostic::said(source, said!("image-role-missing", role = role.describe()))
            })
    }

    /// Adds what was made of a source image outside the media stage (the studio's preview
    /// names its own small files).
    pub fn add_image(&mut self, source: PathBuf, image: ProcessedImage) {
        self.images.insert(source, image);
    }

    /// The point the crops of `source` were centred on (the centre for an image not made).
    pub fn focus_of(&self, source: &Path) -> (f32, f32) {
        self.images.get(source).map_or((0.5, 0.5), |p| p.focus)
    }

    /// The published form of a source video.
    pub fn video(&self, source: &Path) -> Option<&PublishedVideo> {
        self.videos.get(source)
    }

    /// The 海报 and 长图 of the laureate with `slug`, when the posters stage made them.
    pub fn share_images(&self, slug: &str) -> Option<&ShareImages> {
        self.share.get(slug)
    }

    /// Adds a laureate's 海报 and 长图, kept in the cache at `files` (name → path).
    pub fn add_share_images(
        &mut self,
        slug: &str,
        images: ShareImages,
        files: impl IntoIterator<Item = (String, PathBuf)>,
    ) {
        self.files.extend(files);
        self.share.insert(slug.to_string(), images);
    }

    /// Adds something the build should tell the user about the media.
    pub fn add_note(&mut self, note: String) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// Adds the files and notes of another year's index: a site of several years publishes
    /// every year's media in one `/media/` folder (names are content hashes, so years that
    /// share a photo share its files).
    pub fn add_files_of(&mut self, other: &MediaIndex) {
        self.files
            .extend(other.files.iter().map(|(k, v)| (k.clone(), v.clone())));
        for note in &other.notes {
            self.add_note(note.clone());
        }
    }

    /// Every file to publish: name under `/media/` → file to copy it from.
    pub fn files(&self) -> &BTreeMap<String, PathBuf> {
        &self.files
    }

    /// What the build should tell the user about the media it made (e.g. that ffmpeg would
    /// add poster frames), each said once.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }
}
