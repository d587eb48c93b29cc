//! Publishing a video: remuxed for streaming with a poster frame when ffmpeg is there (both
//! cached by content hash), else the file as it is; its captions as WebVTT.

use super::cache::Cache;
use super::ffmpeg::Ffmpeg;
use super::video::{video_info, VideoError};
use super::{MediaIndex, PublishedVideo};
use crate::content::{Site, Video};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::{said, tr};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Publishes every video of the site into `index`, each problem into `problems`. ffmpeg is
/// looked for (a process start, ~0.1 s) only when a video's remux or poster is not in the
/// cache yet.
pub(super) fn publish_videos(
    site: &Site,
    cache: &Cache,
    index: &mut MediaIndex,
    problems: &mut Diagnostics,
) {
    let ffmpeg = OnceLock::new();
    let videos: Vec<_> = site
        .laureates
        .iter()
        .flat_map(|l| &l.videos)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|video| (video, publish_video(video, cache, &ffmpeg)))
        .collect();
    for (video, result) in videos {
        match result.and_then(|published| with_captions(video, published, cache)) {
            Ok((published, file, note)) => {
                index.files.insert(published.file.clone(), file);
                index.notes.extend(note);
                if let Some(name) = &published.captions {
                    index.files.insert(name.clone(), cache.file_path(name));
                }
                index.videos.insert(video.source.clone(), published);
            }
            Err(d) => problems.push(d.relative_to(&site.root)),
        }
    }
    if ffmpeg.get().is_some_and(Option::is_none) && !index.videos.is_empty() {
        index.notes.push(format!(
            "ffmpeg is not installed: {} video(s) are published as they are, with the first \
             photo as poster. Install ffmpeg (e.g. `apt install ffmpeg`) to get a poster frame \
             from each video and files that start playing before they have fully downloaded.",
            index.videos.len()
        ));
    }
}

/// A published video with its captions published too, when it has any.
fn with_captions(
    video: &Video,
    (mut published, file, note): (PublishedVideo, PathBuf, Option<String>),
    cache: &Cache,
) -> Result<(PublishedVideo, PathBuf, Option<String>), Diagnostic> {
    if let Some(source) = &video.captions {
        published.captions = Some(publish_captions(source, cache)?);
    }
    Ok((published, file, note))
}

/// What the cache keeps of a video made with ffmpeg changes when this does.
const VIDEO_RECIPE: &str = "faststart-1;poster-1";

/// Publishes one video: with ffmpeg, remuxed for streaming and with a poster frame (both
/// cached by content hash); without, the file as it is. `detected` holds ffmpeg once looked
/// for. Returns the published video, the file to copy to `/media/`, and a note when ffmpeg
/// failed on it.
fn publish_video(
    video: &Video,
    cache: &Cache,
    detected: &OnceLock<Option<Ffmpeg>>,
) -> Result<(PublishedVideo, PathBuf, Option<String>), Diagnostic> {
    let source = &video.source;
    let info = video_info(source)
        .map_err(|VideoError(why)| Diagnostic::said(source, said!("video-format", why = why)))?;
    let (hash, _) = cache
        .source_hash(source)
        .map_err(|e| Diagnostic::said(source, said!("video-unreadable", why = e.to_string())))?;
    let key = blake3::hash(format!("{hash};{VIDEO_RECIPE}").as_bytes()).to_hex();
    let key = &key[..16];
    let extension = source
        .extension()
        .map_or_else(|| "mp4".into(), |e| e.to_string_lossy().to_lowercase());
    let mut published = PublishedVideo {
        file: format!("{key}.{extension}"),
        info,
        poster: video.poster.clone(),
        captions: None,
    };
    let streamable = format!("{key}.mp4");
    let cached = cache.file_path(&streamable).is_file()
        && (published.poster.is_some() || cache.poster_path(key).is_file());
    let ffmpeg = match cached {
        true => None,
        false => match detected.get_or_init(Ffmpeg::detect) {
            Some(ffmpeg) => Some(ffmpeg),
            None => return Ok((published, source.clone(), None)),
        },
    };
    let tool = || ffmpeg.ok_or_else(|| tr!("ffmpeg-missing"));
    let mut failures = Vec::new();
    let mut file = source.clone();
    match made_once(cache.file_path(&streamable), |out| {
        tool()?.faststart(source, &published.info, out)
    }) {
        Ok(path) => (published.file, file) = (streamable, path),
        Err(why) => failures.push(tr!("video-not-remuxed", why = why)),
    }
    if published.poster.is_none() {
        match made_once(cache.poster_path(key), |out| {
            tool()?.poster_frame(source, &published.info, out)
        }) {
            Ok(path) => published.poster = Some(path),
            Err(why) => failures.push(tr!("video-no-poster-frame", why = why)),
        }
    }
    let note = (!failures.is_empty()).then(|| {
        tr!(
            "video-published-as-is",
            file = source.display().to_string(),
            failures = failures.join(&tr!("list-separator"))
        )
    });
    Ok((published, file, note))
}

/// Publishes a video's captions as WebVTT (an `.srt` is converted) under a content-hashed
/// name, and returns the name.
fn publish_captions(source: &Path, cache: &Cache) -> Result<String, Diagnostic> {
    let text = crate::diagnostics::read_text(source)?;
    let is_srt = source
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("srt"));
    let vtt = if is_srt { srt_to_webvtt(&text) } else { text };
    if !vtt.trim_start().starts_with("WEBVTT") {
        return Err(Diagnostic::said(source, said!("captions-not-webvtt")));
    }
    let hash = blake3::hash(vtt.as_bytes()).to_hex();
    let name = format!("{}.vtt", &hash[..16]);
    cache
        .store_file(&name, vtt.as_bytes())
        .map_err(|e| Diagnostic::said(source, said!("captions-unstorable", why = e.to_string())))?;
    Ok(name)
}

/// SubRip to WebVTT: the header, and `00:00:01,000` timestamps written `00:00:01.000`.
fn srt_to_webvtt(srt: &str) -> String {
    let mut vtt = String::from("WEBVTT\n\n");
    for line in srt.replace("\r\n", "\n").lines() {
        if line.contains("-->") {
            vtt.push_str(&line.replace(',', "."));
        } else {
            vtt.push_str(line);
        }
        vtt.push('\n');
    }
    vtt
}

/// `path` if it exists, else `path` after `make` wrote it.
fn made_once(
    path: PathBuf,
    make: impl FnOnce(&Path) -> Result<(), String>,
) -> Result<PathBuf, String> {
    if !path.is_file() {
        make(&path)?;
    }
    Ok(path)
}
