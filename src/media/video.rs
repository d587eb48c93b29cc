//! Video metadata read in Rust from the MP4/MOV container (ISO base media file format), no
//! ffmpeg needed: duration (`mvhd`), the video track's size and rotation matrix (`tkhd`) and
//! codecs (`stsd`). Only the `moov` box is read into memory, wherever it is in the file.

use crate::tr;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// What a video file is, as a player will show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VideoInfo {
    /// Duration in seconds.
    pub duration: f64,
    /// Displayed width (after rotation).
    pub width: u32,
    /// Displayed height (after rotation).
    pub height: u32,
    /// Clockwise rotation from the track matrix: 0, 90, 180 or 270.
    pub rotation: u32,
    /// Video codec four-character code, e.g. `avc1`, `hvc1`.
    pub video_codec: String,
    /// Audio codec four-character code, e.g. `mp4a`, if there is an audio track.
    pub audio_codec: Option<String>,
    /// File size in bytes.
    pub bytes: u64,
}

/// Why a video's metadata could not be read.
#[derive(Debug)]
pub struct VideoError(pub String);

/// Reads the metadata of an MP4 or MOV file.
pub fn video_info(path: &Path) -> Result<VideoInfo, VideoError> {
    let fail = |e: std::io::Error| VideoError(tr!("video-unreadable", why = e.to_string()));
    let mut file = File::open(path).map_err(fail)?;
    let bytes = file.metadata().map_err(fail)?.len();
    let moov = find_top_level(&mut file, bytes, b"moov")
        .map_err(fail)?
        .ok_or_else(|| VideoError(tr!("video-no-moov")))?;
    let mvhd = child(&moov, b"mvhd").ok_or_else(|| VideoError(tr!("video-no-mvhd")))?;
    let duration = movie_duration(mvhd).ok_or_else(|| VideoError(tr!("video-bad-mvhd")))?;
    let mut video: Option<(u32, u32, u32, String)> = None;
    let mut audio_codec = None;
    for trak in children(&moov)
        .filter(|(kind, _)| kind == b"trak")
        .map(|(_, body)| body)
    {
        let mdia = child(trak, b"mdia");
        let handler = mdia
            .and_then(|m| child(m, b"hdlr"))
            .and_then(|h| h.get(8..12));
        let codec = mdia
            .and_then(|m| child(m, b"minf"))
            .and_then(|m| child(m, b"stbl"))
            .and_then(|s| child(s, b"stsd"))
            .and_then(|s| s.get(12..16))
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .unwrap_or_default();
        match handler {
            Some(b"vide") if video.is_none() => {
                let tkhd =
                    child(trak, b"tkhd").ok_or_else(|| VideoError(tr!("video-track-no-header")))?;
                let (width, height, rotation) =
                    track_geometry(tkhd).ok_or_else(|| VideoError(tr!("video-bad-tkhd")))?;
                video = Some((width, height, rotation, codec));
            }
            Some(b"soun") if audio_codec.is_none() => audio_codec = Some(codec),
            _ => {}
        }
    }
    let (width, height, rotation, video_codec) =
        video.ok_or_else(|| VideoError(tr!("video-no-track")))?;
    let (width, height) = if rotation % 180 == 90 {
        (height, width)
    } else {
        (width, height)
    };
    Ok(VideoInfo {
        duration,
        width,
        height,
        rotation,
        video_codec,
        audio_codec,
        bytes,
    })
}

/// Reads the body of the first top-level box of `kind`, skipping the others (e.g. `mdat`).
fn find_top_level(file: &mut File, len: u64, kind: &[u8; 4]) -> std::io::Result<Option<Vec<u8>>> {
    let mut offset = 0u64;
    while offset + 8 <= len {
        file.seek(SeekFrom::Start(offset))?;
        let mut header = [0u8; 16];
        file.read_exact(&mut header[..8])?;
        let mut size = u32::from_be_bytes(header[..4].try_into().expect("4 bytes")) as u64;
        let mut header_len = 8;
        if size == 1 {
            file.read_exact(&mut header[8..16])?;
            size = u64::from_be_bytes(header[8..16].try_into().expect("8 bytes"));
            header_len = 16;
        } else if size == 0 {
            size = len - offset;
        }
        if size < header_len || offset + size > len {
            return Ok(None);
        }
        if &header[4..8] == kind {
            if size > 64 << 20 {
                return Ok(None); // a 64 MB header is not a header
            }
            let mut body = vec![0u8; (size - header_len) as usize];
            file.read_exact(&mut body)?;
            return Ok(Some(body));
        }
        offset += size;
    }
    Ok(None)
}

/// The boxes directly inside `data`, as (type, body).
fn children(data: &[u8]) -> impl Iterator<Item = ([u8; 4], &[u8])> {
    let mut offset = 0usize;
    std::iter::from_fn(move || {
        let header = data.get(offset..offset + 8)?;
        let size = u32::from_be_bytes(header[..4].try_into().ok()?) as usize;
        let kind: [u8; 4] = header[4..8].try_into().ok()?;
        let (body_start, end) = match size {
            0 => (offset + 8, data.len()),
            1 => {
                let large = u64::from_be_bytes(data.get(offset + 8..offset + 16)?.try_into().ok()?)
                    as usize;
                (offset + 16, offset.checked_add(large)?)
            }
            n if n >= 8 => (offset + 8, offset + n),
            _ => return None,
        };
        let body = data.get(body_start..end)?;
        offset = end;
        Some((kind, body))
    })
}

fn child<'a>(data: &'a [u8], kind: &[u8; 4]) -> Option<&'a [u8]> {
    children(data)
        .find(|(k, _)| k == kind)
        .map(|(_, body)| body)
}

fn be_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

fn be_u64(data: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_be_bytes(data.get(at..at + 8)?.try_into().ok()?))
}

/// Seconds from `mvhd` (version 0: 32-bit times, version 1: 64-bit).
fn movie_duration(mvhd: &[u8]) -> Option<f64> {
    let (timescale, duration) = match mvhd.first()? {
        1 => (be_u32(mvhd, 20)?, be_u64(mvhd, 24)?),
        _ => (be_u32(mvhd, 12)?, be_u32(mvhd, 16)? as u64),
    };
    (timescale > 0).then(|| duration as f64 / timescale as f64)
}

/// Width, height (16.16 fixed point, stored before rotation) and rotation of a `tkhd`.
fn track_geometry(tkhd: &[u8]) -> Option<(u32, u32, u32)> {
    let matrix_at = if *tkhd.first()? == 1 {
        4 + 32 + 16
    } else {
        4 + 20 + 16
    };
    let a = be_u32(tkhd, matrix_at)? as i32;
    let b = be_u32(tkhd, matrix_at + 4)? as i32;
    let width = be_u32(tkhd, matrix_at + 36)? >> 16;
    let height = be_u32(tkhd, matrix_at + 40)? >> 16;
    let rotation = match (a, b) {
        (0, b) if b > 0 => 90,
        (0, b) if b < 0 => 270,
        (a, _) if a < 0 => 180,
        _ => 0,
    };
    Some((width, height, rotation))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/videos")
            .join(name)
    }

    #[test]
    fn landscape_mp4() {
        let info = video_info(&fixture("landscape.mp4")).unwrap();
        assert_eq!((info.width, info.height, info.rotation), (1920, 1080, 0));
        assert!((info.duration - 1.0).abs() < 0.05, "{}", info.duration);
        assert_eq!(info.video_codec, "avc1");
        assert_eq!(info.audio_codec, None);
    }

    #[test]
    fn rotation_flag_makes_it_portrait() {
        let info = video_info(&fixture("portrait-rotated.mp4")).unwrap();
        assert_eq!((info.width, info.height), (1080, 1920));
        assert!(info.rotation == 90 || info.rotation == 270);
    }

    #[test]
    fn long_video_and_mov_with_audio() {
        let long = video_info(&fixture("four-minutes.mp4")).unwrap();
        assert!((long.duration - 240.0).abs() < 1.0, "{}", long.duration);
        let mov = video_info(&fixture("portrait.mov")).unwrap();
        assert_eq!((mov.width, mov.height), (1080, 1920));
        assert_eq!(mov.audio_codec.as_deref(), Some("mp4a"));
    }

    #[test]
    fn not_a_video_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fake.mp4");
        std::fs::write(&path, b"this is not a video at all").unwrap();
        assert!(video_info(&path).is_err());
        std::fs::write(&path, []).unwrap();
        assert!(video_info(&path).is_err());
    }
}
