//! Videos on the built site: with ffmpeg (clips made by ffmpeg in the test), poster frames and
//! faststart MP4s; without it (`LAUREL_FFMPEG=off`), the files as they are and one note.

use crate::support::{check_json, decode, fixture_video, installed, start_tags, stderr, TestSite};
use std::path::Path;
use std::process::Command;

const SITE_YAML: &str = "title: 测试\ncampaign:\n  year: 2022\n";

/// Makes a test clip with ffmpeg's test source: `size` as encoded, `seconds` long, with a
/// sine tone, in the container the extension asks for; `rotated` sets a 90° rotation flag,
/// as phones held upright write it.
fn make_clip(path: &Path, size: &str, seconds: u32, rotated: bool) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let source = format!("testsrc2=size={size}:rate=10:duration={seconds}");
    let tone = format!("sine=frequency=440:duration={seconds}");
    let mut ffmpeg = Command::new("ffmpeg");
    ffmpeg
        .args([
            "-v", "error", "-y", "-f", "lavfi", "-i", &source, "-f", "lavfi", "-i",
        ])
        .args([
            &tone,
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-crf",
            "45",
        ])
        .args([
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-b:a",
            "16k",
            "-shortest",
        ]);
    let status = ffmpeg.arg(path).status().expect("run ffmpeg");
    assert!(status.success(), "ffmpeg could not make {}", path.display());
    if rotated {
        set_rotation_flag(path);
    }
}

/// Writes a 90° display matrix into the first track header (the video track), which is what
/// a phone does; ffmpeg 5's muxer no longer writes one from `-metadata rotate`.
fn set_rotation_flag(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let tkhd = bytes.windows(4).position(|w| w == b"tkhd").unwrap() - 4;
    assert_eq!(bytes[tkhd + 8], 0, "version 0 track header");
    let matrix: [i32; 9] = [0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x4000_0000];
    for (i, value) in matrix.iter().enumerate() {
        let at = tkhd + 48 + 4 * i;
        bytes[at..at + 4].copy_from_slice(&value.to_be_bytes());
    }
    std::fs::write(path, bytes).unwrap();
}

/// The names of the top-level boxes of an MP4, in file order.
fn top_level_boxes(bytes: &[u8]) -> Vec<String> {
    let mut boxes = Vec::new();
    let mut at = 0usize;
    while at + 8 <= bytes.len() {
        let size = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        boxes.push(String::from_utf8_lossy(&bytes[at + 4..at + 8]).into_owned());
        if size < 8 {
            break;
        }
        at += size;
    }
    boxes
}

/// The `<video …>` start tags of a page, and the `src` of the `<source>` after each.
fn videos_of(page: &str) -> Vec<(String, String)> {
    page.split("<video")
        .skip(1)
        .map(|rest| {
            let tag = rest.split('>').next().unwrap().to_string();
            let src = rest
                .split("<source src=")
                .nth(1)
                .unwrap()
                .split([' ', '>'])
                .next()
                .unwrap()
                .trim_matches('"')
                .to_string();
            (tag, src)
        })
        .collect()
}

/// The cache key that names the files of the first photo in the page's photo section.
fn first_photo_key(page: &str) -> String {
    page.split("class=photos")
        .nth(1)
        .and_then(|rest| rest.split("/media/").nth(1))
        .map(|rest| rest.split('-').next().unwrap().to_string())
        .expect("a photo on the page")
}

fn attribute<'a>(tag: &'a str, name: &str) -> &'a str {
    tag.split(&format!("{name}="))
        .nth(1)
        .unwrap_or_else(|| panic!("no {name} in <video{tag}>"))
        .split([' ', '>'])
        .next()
        .unwrap()
        .trim_matches('"')
}

#[test]
fn with_ffmpeg_videos_get_poster_frames_and_stream_from_the_start() {
    if !installed("ffmpeg") {
        return;
    }
    let site = TestSite::new(SITE_YAML);
    site.laureate("王芳", "", "故事", 1);
    let folder = site.root().join("content/laureates/王芳/videos");
    make_clip(&folder.join("1横屏.mp4"), "1920x1080", 3, false);
    make_clip(&folder.join("2竖屏.mp4"), "1920x1080", 3, true);
    make_clip(&folder.join("3很长.mp4"), "64x36", 240, false);
    make_clip(&folder.join("4苹果.mov"), "1080x1920", 2, false);
    let output = site.build_ok();
    let warnings = stderr(&output);
    assert!(
        warnings.contains("3很长.mp4: 240 s long, the notice allows 180 s"),
        "{warnings}"
    );
    assert!(warnings.contains("3很长.mp4: 64x36 as shown"), "{warnings}");
    assert!(!warnings.contains("ffmpeg is not installed"), "{warnings}");

    let page = site.read("laureates/wang-fang/index.html");
    let videos = videos_of(&page);
    assert_eq!(videos.len(), 4, "{page}");
    let first_photo = first_photo_key(&page);
    for (i, (tag, src)) in videos.iter().enumerate() {
        assert!(src.ends_with(".mp4"), "video {i} published as {src}");
        let published = std::fs::read(site.public().join(src.trim_start_matches('/'))).unwrap();
        let boxes = top_level_boxes(&published);
        let moov = boxes.iter().position(|b| b == "moov").unwrap();
        let mdat = boxes.iter().position(|b| b == "mdat").unwrap();
        assert!(moov < mdat, "video {i}: index after the data: {boxes:?}");
        let poster = attribute(tag, "poster");
        assert!(
            !poster.contains(&first_photo),
            "video {i}: a frame, not the photo"
        );
        let poster_file = site.public().join(poster.trim_start_matches('/'));
        let frame = decode(poster, &std::fs::read(&poster_file).unwrap());
        let (w, h) = frame.dimensions();
        match i {
            1 => assert!(h > w, "the rotated clip's poster is upright: {w}x{h}"),
            0 => assert!(w > h, "landscape poster: {w}x{h}"),
            _ => {}
        }
    }
    let landscape = attribute(&videos[0].0, "poster");
    let portrait = attribute(&videos[1].0, "poster");
    assert_ne!(landscape, portrait, "each clip has its own frame");
    assert!(
        !site.public().join("media").read_dir().unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".mov")),
        "the MOV is published as MP4"
    );

    // A rebuild takes the frames and remuxed files from the cache.
    let cached: Vec<_> = std::fs::read_dir(site.root().join(".laurel-cache/posters"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().modified().unwrap())
        .collect();
    assert_eq!(cached.len(), 4);
    site.build_ok();
    let again: Vec<_> = std::fs::read_dir(site.root().join(".laurel-cache/posters"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().modified().unwrap())
        .collect();
    assert_eq!(cached, again);
}

#[test]
fn without_ffmpeg_videos_are_copied_and_the_build_says_so_once() {
    let site = TestSite::new(SITE_YAML);
    site.laureate(
        "王芳",
        "videos:\n  - file: videos/a.mp4\n  - file: videos/b.mov\n    poster: photos/王芳0.jpg\n",
        "故事",
        1,
    );
    let landscape = fixture_video("landscape.mp4");
    site.write_bytes("content/laureates/王芳/videos/a.mp4", &landscape);
    let mov = fixture_video("portrait.mov");
    site.write_bytes("content/laureates/王芳/videos/b.mov", &mov);
    site.write_bytes(
        "content/laureates/王芳/photos/王芳0.jpg",
        &crate::support::jpeg(600, 800, [9, 9, 9]),
    );
    let output = site.build_with_env(&[("LAUREL_FFMPEG", "off")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let warnings = stderr(&output);
    assert_eq!(
        warnings.matches("ffmpeg is not installed").count(),
        1,
        "{warnings}"
    );

    let page = site.read("laureates/wang-fang/index.html");
    let videos = videos_of(&page);
    assert_eq!(videos.len(), 2);
    let published =
        |src: &str| std::fs::read(site.public().join(src.trim_start_matches('/'))).unwrap();
    assert_eq!(published(&videos[0].1), landscape, "copied byte for byte");
    assert_eq!(published(&videos[1].1), mov);
    let first_photo = first_photo_key(&page);
    let poster_a = attribute(&videos[0].0, "poster");
    assert!(
        poster_a.contains(&first_photo),
        "first photo as poster: {poster_a}"
    );
    let poster_b = attribute(&videos[1].0, "poster");
    assert!(
        !poster_b.contains(&first_photo),
        "the YAML poster: {poster_b}"
    );
    let poster = decode(poster_b, &published(poster_b));
    assert!(poster.height() > poster.width(), "王芳0.jpg is portrait");
}

#[test]
fn captions_beside_a_video_become_a_webvtt_track_and_their_absence_is_a_warning() {
    let site = TestSite::new("title: 测试\n");
    site.laureate("王芳", "", "故事", 1);
    let folder = "content/laureates/王芳/videos";
    site.write_bytes(
        &format!("{folder}/田间.mp4"),
        &fixture_video("landscape.mp4"),
    );
    site.write(
        &format!("{folder}/田间.srt"),
        "1\r\n00:00:01,000 --> 00:00:02,500\r\n在试验田查看小麦\r\n",
    );
    site.write_bytes(
        &format!("{folder}/实验室.mp4"),
        &fixture_video("landscape.mp4"),
    );
    let output = site.build_with_env(&[("LAUREL_FFMPEG", "off")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("laureates/wang-fang/index.html");
    let tracks = start_tags(&page, "track");
    assert_eq!(tracks.len(), 1, "only 田间 has captions");
    assert_eq!(tracks[0]["kind"], "captions");
    assert_eq!(tracks[0]["srclang"], "zh");
    let vtt = site.read(tracks[0]["src"].trim_start_matches('/'));
    assert!(vtt.starts_with("WEBVTT\n\n"), "{vtt}");
    assert!(
        vtt.contains("00:00:01.000 --> 00:00:02.500\n在试验田查看小麦"),
        "{vtt}"
    );
    assert_eq!(
        start_tags(&site.read("cards/wang-fang/index.html"), "track").len(),
        1
    );
    let (_, report) = check_json(&site);
    let missing: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "video-captions")
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        missing,
        ["content/laureates/王芳/videos/实验室.mp4"],
        "{report:#}"
    );
    let about_captions_file = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["file"].as_str().unwrap().ends_with(".srt"));
    assert!(
        !about_captions_file,
        "the captions are no video of their own"
    );
}
