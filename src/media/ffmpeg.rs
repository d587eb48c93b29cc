//! ffmpeg, when it is installed: poster frames and faststart remuxing of videos.
//!
//! laurel reads video metadata itself (see `video.rs`); ffmpeg only adds what Rust crates do
//! not do well: decoding a frame of H.264/HEVC and rewriting a file with its index first.
//! Nothing is re-encoded, so a remux takes well under a second per clip.

use super::VideoInfo;
use crate::tr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The environment variable that names the ffmpeg program to use, or `off` to act as if
/// ffmpeg were not installed.
pub const FFMPEG_ENV: &str = "LAUREL_FFMPEG";

/// An ffmpeg program that answered `-version`.
#[derive(Debug, Clone)]
pub struct Ffmpeg {
    program: PathBuf,
}

impl Ffmpeg {
    /// Finds ffmpeg where [`program_file`](Ffmpeg::program_file) says, if it answers
    /// `-version`.
    pub fn detect() -> Option<Ffmpeg> {
        let program = Ffmpeg::program_file()?;
        let answers = Command::new(&program)
            .arg("-version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        answers.then_some(Ffmpeg { program })
    }

    /// The ffmpeg program, found without running it: `$LAUREL_FFMPEG` if set (`off` disables
    /// it), else the first `ffmpeg` on PATH (on Windows also beside laurel.exe and where
    /// ffmpeg's Windows builds are usually put); `None` when it is off or not installed.
    pub fn program_file() -> Option<PathBuf> {
        match std::env::var_os(FFMPEG_ENV) {
            Some(value) if value == "off" => None,
            Some(value) => Some(PathBuf::from(value)),
            None => crate::programs::find("ffmpeg", crate::programs::FFMPEG_PLACES),
        }
    }

    /// Writes one frame of `source` as a JPEG to `out`, taken where the clip has usually left
    /// its black or blurred first frames behind: 1.5 s in, or the middle of shorter clips.
    /// ffmpeg applies the rotation matrix, so the frame is upright.
    pub fn poster_frame(&self, source: &Path, info: &VideoInfo, out: &Path) -> Result<(), String> {
        let at = poster_time(info.duration);
        self.run(out, |temp| {
            vec![
                "-ss".into(),
                format!("{at:.3}"),
                "-i".into(),
                source.display().to_string(),
                "-frames:v".into(),
                "1".into(),
                "-q:v".into(),
                "2".into(),
                "-f".into(),
                "image2".into(),
                "-c:v".into(),
                "mjpeg".into(),
                temp.display().to_string(),
            ]
        })
    }

    /// Copies the streams of `source` into an MP4 at `out` with the index (`moov`) before the
    /// media data, so playback starts before the whole file has arrived. Nothing is
    /// re-encoded; HEVC is tagged `hvc1`, which Safari and WeChat on iOS need.
    pub fn faststart(&self, source: &Path, info: &VideoInfo, out: &Path) -> Result<(), String> {
        let hevc = matches!(info.video_codec.as_str(), "hvc1" | "hev1");
        self.run(out, |temp| {
            let mut args: Vec<String> = vec![
                "-i".into(),
                source.display().to_string(),
                "-map".into(),
                "0:v:0".into(),
                "-map".into(),
                "0:a:0?".into(),
                "-c".into(),
                "copy".into(),
                "-map_metadata".into(),
                "-1".into(),
                "-movflags".into(),
                "+faststart".into(),
            ];
            if hevc {
                args.extend(["-tag:v".into(), "hvc1".into()]);
            }
            args.extend(["-f".into(), "mp4".into(), temp.display().to_string()]);
            args
        })
    }

    /// Runs ffmpeg writing to a temporary file beside `out`, renamed into place on success.
    fn run(&self, out: &Path, args: impl FnOnce(&Path) -> Vec<String>) -> Result<(), String> {
        let dir = out.parent().expect("cache paths have a parent");
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        let temp = dir.join(format!(
            ".{}.{}.tmp",
            out.file_name().expect("named").to_string_lossy(),
            std::process::id()
        ));
        let output = Command::new(&self.program)
            .args(["-nostdin", "-hide_banner", "-loglevel", "error", "-y"])
            .args(args(&temp))
            .stdin(Stdio::null())
            .output()
            .map_err(|e| tr!("ffmpeg-cannot-run", why = e.to_string()))?;
        if !output.status.success() || !temp.is_file() {
            let _ = std::fs::remove_file(&temp);
            let why = String::from_utf8_lossy(&output.stderr);
            return Err(why
                .lines()
                .last()
                .map_or_else(|| tr!("ffmpeg-failed"), str::to_string));
        }
        std::fs::rename(&temp, out).map_err(|e| e.to_string())
    }
}

/// Seconds into a clip of `duration` seconds to take the poster frame from.
fn poster_time(duration: f64) -> f64 {
    if duration > 3.0 {
        1.5
    } else {
        duration / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::poster_time;

    #[test]
    fn posters_skip_the_first_frames_but_stay_inside_short_clips() {
        assert_eq!(poster_time(120.0), 1.5);
        assert_eq!(poster_time(2.0), 1.0);
        assert_eq!(poster_time(0.0), 0.0);
    }
}
