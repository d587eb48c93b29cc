//! The studio's photos and videos (issue 30): uploads named as the notice wants, their limits
//! and refusals, previews instead of originals, and each file with check's findings.

use crate::studio::{two_nominees, Studio};
use crate::support::*;

/// A real phone photo of the shared examples.
pub fn example_photo(n: usize) -> Vec<u8> {
    let path = format!("/work/shared/example-photos/photo-{n:02}.jpg");
    std::fs::read(&path).unwrap_or_else(|_| jpeg(1600, 1200, [90, 140, 60]))
}

/// POST /api/upload for 王芳 as the studio's own page sends it.
fn upload(studio: &Studio, folder: &str, name: &str, bytes: &[u8]) -> (u16, serde_json::Value) {
    let target = format!(
        "/api/upload?folder={}&name={}",
        urlencoding(folder),
        urlencoding(name)
    );
    let answer = studio.request("POST", &target, &studio.write_headers(), bytes);
    let json = serde_json::from_str(&answer.body).unwrap_or(serde_json::Value::Null);
    (answer.status, json)
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// 王芳's profile.yaml as it is on disk.
pub fn her_profile(site: &TestSite) -> String {
    std::fs::read_to_string(site.root().join("content/laureates/王芳/profile.yaml")).unwrap()
}

fn photos_dir(site: &TestSite) -> std::path::PathBuf {
    site.root().join("content/laureates/王芳/photos")
}

#[test]
fn uploads_take_the_notices_names_and_keep_the_original_in_the_answer() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let photo = example_photo(1);
    let (status, json) = upload(&studio, "王芳", "IMG_0001.JPG", &photo);
    assert_eq!(status, 201, "{json}");
    assert_eq!(json["file"], "photos/王芳4.jpg", "after 王芳1–3: {json}");
    assert_eq!(json["original"], "IMG_0001.JPG");
    assert_eq!(
        std::fs::read(photos_dir(&site).join("王芳4.jpg")).unwrap(),
        photo
    );
    // A crafted name cannot lead anywhere: the file takes the notice's name, the original
    // keeps only its last part.
    let (status, json) = upload(&studio, "王芳", "../../../evil.png", &png_bytes());
    assert_eq!(status, 201, "{json}");
    assert_eq!(json["file"], "photos/王芳5.png");
    assert_eq!(json["original"], "evil.png");
    assert!(!site.root().join("../evil.png").exists());
    // A portrait-shaped photo of a nominee without a portrait becomes 姓名0.
    std::fs::remove_file(photos_dir(&site).join("王芳0.jpg")).unwrap();
    let (status, json) = upload(&studio, "王芳", "证件照.jpg", &jpeg(350, 450, [9, 9, 9]));
    assert_eq!(
        (status, json["file"].as_str()),
        (201, Some("photos/王芳0.jpg"))
    );
    let leftovers: Vec<_> = std::fs::read_dir(photos_dir(&site))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
    // The panel lists them, in the site's order, with check's findings at each.
    let media: serde_json::Value =
        serde_json::from_str(&studio.get("/api/media?folder=%E7%8E%8B%E8%8A%B3")).unwrap();
    let files: Vec<&str> = media["photos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "photos/王芳1.jpg",
            "photos/王芳2.jpg",
            "photos/王芳3.jpg",
            "photos/王芳4.jpg",
            "photos/王芳5.png"
        ]
    );
    assert_eq!(media["portrait"]["file"], "photos/王芳0.jpg");
    let png = &media["photos"][4];
    assert!(
        png["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "photo-format"),
        "the PNG's own finding at the PNG: {png}"
    );
    assert_eq!(
        media["findings"],
        serde_json::json!([]),
        "five photos, as the notice allows"
    );
}

fn png_bytes() -> Vec<u8> {
    let mut png = Vec::new();
    image::RgbImage::from_pixel(640, 480, image::Rgb([30, 60, 90]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    png
}

#[test]
fn uploads_are_refused_when_too_large_unreadable_of_another_kind_or_outside() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let before = tree(site.root());
    let huge = vec![0xFFu8; (40 << 20) + 1];
    let (status, json) = upload(&studio, "王芳", "big.jpg", &huge);
    assert_eq!(status, 413, "{json}");
    assert!(json["error"].as_str().unwrap().contains("40 MB"), "{json}");
    let (status, json) = upload(&studio, "王芳", "cut.jpg", &example_photo(2)[..5000]);
    assert_eq!(status, 422, "a cut JPEG: {json}");
    let (status, json) = upload(&studio, "王芳", "anim.gif", b"GIF89a");
    assert_eq!(status, 415, "{json}");
    assert!(
        json["error"].as_str().unwrap().contains("JPEG"),
        "Chinese and says what is taken: {json}"
    );
    for folder in [
        "..",
        "../王芳",
        "王芳/../李强",
        "王芳/photos",
        "/etc",
        "没有此人",
    ] {
        let (status, _) = upload(&studio, folder, "a.jpg", &example_photo(3));
        assert_eq!(status, 404, "{folder}");
    }
    assert_eq!(tree(site.root()), before, "nothing written");
}

#[test]
fn uploads_need_the_secret_and_the_studios_own_origin() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let target = "/api/upload?folder=%E7%8E%8B%E8%8A%B3&name=a.jpg";
    let photo = jpeg(800, 600, [1, 2, 3]);
    let cookie = studio.cookie();
    let key = format!("X-Laurel-Key: {}\r\n", studio.key);
    let origin = format!("Origin: http://{}\r\n", studio.address);
    for (case, headers) in [
        ("no secret at all", origin.clone()),
        ("cookie only", format!("{cookie}{origin}")),
        (
            "a page elsewhere",
            format!("{cookie}{key}Origin: http://evil.example\r\n"),
        ),
        (
            "a form post elsewhere",
            format!("{cookie}Origin: null\r\nContent-Type: multipart/form-data; boundary=x\r\n"),
        ),
        (
            "cross-site fetch",
            format!("{cookie}{key}Sec-Fetch-Site: cross-site\r\n"),
        ),
    ] {
        let answer = studio.request("POST", target, &headers, &photo);
        assert_eq!(answer.status, 403, "{case}");
    }
    assert!(!photos_dir(&site).join("王芳4.jpg").exists());
    let rebinding = format!(
        "Host: evil.example:{}\r\n{}",
        studio.port(),
        studio.write_headers()
    );
    assert_eq!(studio.raw("POST", target, &rebinding, &photo).status, 403);
    for read in [
        "/api/media?folder=%E7%8E%8B%E8%8A%B3",
        "/api/preview?path=content/laureates/%E7%8E%8B%E8%8A%B3/photos/%E7%8E%8B%E8%8A%B31.jpg",
    ] {
        assert_eq!(studio.request("GET", read, "", "").status, 403, "{read}");
    }
}

#[test]
fn previews_are_small_encodes_never_the_original_and_only_of_content_images() {
    let site = two_nominees();
    let original = example_photo(4);
    site.write_bytes("content/laureates/王芳/photos/王芳1.jpg", &original);
    let studio = Studio::start(&site);
    let path =
        "/api/preview?path=content/laureates/%E7%8E%8B%E8%8A%B3/photos/%E7%8E%8B%E8%8A%B31.jpg";
    let answer = studio.request("GET", path, &studio.cookie(), "");
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("Content-Type").as_deref(), Some("image/jpeg"));
    let preview = decode("preview.jpg", &answer.bytes);
    let (width, _) = image::load_from_memory(&original)
        .map(|i| (i.width(), i.height()))
        .unwrap();
    assert!(
        preview.width() <= 480 && preview.width() < width,
        "{}",
        preview.width()
    );
    assert!(answer.bytes.len() < original.len() / 4);
    for outside in [
        "../../etc/passwd",
        "site.yaml",
        "content/laureates/%E7%8E%8B%E8%8A%B3/profile.yaml",
    ] {
        let answer = studio.request(
            "GET",
            &format!("/api/preview?path={outside}"),
            &studio.cookie(),
            "",
        );
        assert_eq!(answer.status, 404, "{outside}");
    }
}

#[test]
fn videos_are_named_and_measured_with_the_notices_limits() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let (status, json) = upload(
        &studio,
        "王芳",
        "VID_2024.MP4",
        &fixture_video("landscape.mp4"),
    );
    assert_eq!(status, 201, "{json}");
    assert_eq!(json["file"], "videos/王芳.mp4");
    let (status, json) = upload(
        &studio,
        "王芳",
        "long.mp4",
        &fixture_video("four-minutes.mp4"),
    );
    assert_eq!(
        (status, json["file"].as_str()),
        (201, Some("videos/王芳2.mp4"))
    );
    let (status, _) = upload(&studio, "王芳", "fake.mp4", b"not a video at all");
    assert_eq!(status, 422);
    let media: serde_json::Value =
        serde_json::from_str(&studio.get("/api/media?folder=%E7%8E%8B%E8%8A%B3")).unwrap();
    let videos = media["videos"].as_array().unwrap();
    assert_eq!(videos.len(), 2, "{media}");
    assert!(videos[1]["duration"].as_f64().unwrap() > 180.0, "{media}");
    assert!(
        videos[1]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "video-duration"),
        "{media}"
    );
    assert_eq!(media["limits"]["video_max_seconds"], 180.0);
}

#[test]
fn an_upload_records_its_original_name_in_the_profile_and_keeps_every_photo_listed() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let (status, json) = upload(&studio, "王芳", "IMG_0001.JPG", &example_photo(1));
    assert_eq!(status, 201, "{json}");
    assert_eq!(json["recorded"], true, "{json}");
    let profile = her_profile(&site);
    assert!(
        profile.starts_with("name: 王芳\ngender: 女\n"),
        "the rest stays: {profile}"
    );
    for n in 1..=4 {
        assert!(
            profile.contains(&format!("file: photos/王芳{n}.jpg")),
            "{profile}"
        );
    }
    assert!(profile.contains("original: IMG_0001.JPG"), "{profile}");
    let media: serde_json::Value =
        serde_json::from_str(&studio.get("/api/media?folder=%E7%8E%8B%E8%8A%B3")).unwrap();
    assert_eq!(media["photos"][3]["original"], "IMG_0001.JPG");
    let (_, report) = check_json(&site);
    let hers = report["findings"].as_array().unwrap().iter();
    let about_her: Vec<_> = hers
        .filter(|f| f["laureate"] == "王芳" && f["severity"] == "error")
        .collect();
    assert!(about_her.is_empty(), "check reads the field: {about_her:?}");
}

#[test]
fn arranging_needs_the_secret_the_origin_the_version_and_the_nominees_own_files() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let media: serde_json::Value =
        serde_json::from_str(&studio.get("/api/media?folder=%E7%8E%8B%E8%8A%B3")).unwrap();
    let version = media["version"].as_str().unwrap().to_string();
    let change = |files: &[&str], version: &str| {
        let photos: Vec<_> = files
            .iter()
            .map(|f| serde_json::json!({ "file": f, "caption": "图说" }))
            .collect();
        serde_json::json!({ "folder": "王芳", "version": version, "portrait": "photos/王芳0.jpg", "photos": photos }).to_string()
    };
    let mine = change(&["photos/王芳2.jpg", "photos/王芳1.jpg"], &version);
    let before = her_profile(&site);
    let cookie = studio.cookie();
    let key = format!("X-Laurel-Key: {}\r\n", studio.key);
    for (case, headers) in [
        (
            "no key",
            format!("{cookie}Origin: http://{}\r\n", studio.address),
        ),
        (
            "elsewhere",
            format!("{cookie}{key}Origin: http://evil.example\r\n"),
        ),
    ] {
        assert_eq!(
            studio.request("POST", "/api/media", &headers, &mine).status,
            403,
            "{case}"
        );
    }
    for (case, body, status) in [
        ("outside", change(&["../李强/profile.yaml"], &version), 403),
        ("story", change(&["story.md"], &version), 403),
        ("stale", change(&["photos/王芳1.jpg"], "0123"), 409),
    ] {
        let answer = studio.request("POST", "/api/media", &studio.write_headers(), &body);
        assert_eq!(answer.status, status, "{case}: {}", answer.body);
    }
    assert_eq!(her_profile(&site), before, "nothing written");
    let answer = studio.request("POST", "/api/media", &studio.write_headers(), &mine);
    assert_eq!(answer.status, 200, "{}", answer.body);
    let profile = her_profile(&site);
    assert!(
        profile.find("王芳2.jpg").unwrap() < profile.find("王芳1.jpg").unwrap(),
        "{profile}"
    );
}

#[test]
fn the_story_preview_shows_her_photos_as_the_studios_small_images() {
    let site = two_nominees();
    let original = example_photo(4);
    site.write_bytes("content/laureates/王芳/photos/王芳1.jpg", &original);
    let studio = Studio::start(&site);
    let body =
        serde_json::json!({"folder": "王芳", "values": {}, "story": "## 第一章\n\n新的一段。"});
    let (status, urls) = studio.post("/api/render", &body);
    assert_eq!(status, 200, "{urls}");
    let page = studio.get(urls["profile"].as_str().unwrap());
    let sources: Vec<&str> = page
        .split("src=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|src| src.contains("/media/"))
        .collect();
    assert!(sources.len() >= 4, "the portrait and three photos: {page}");
    assert!(
        !page.contains("王芳1.jpg") && !page.contains("/api/file"),
        "never the original: {page}"
    );
    for src in &sources {
        let answer = studio.request("GET", src, &studio.cookie(), "");
        assert_eq!(answer.status, 200, "{src}");
        assert_eq!(answer.header("Content-Type").as_deref(), Some("image/jpeg"));
        assert!(decode(src, &answer.bytes).width() <= 480, "{src}");
    }
    let card = studio.get(urls["card"].as_str().unwrap());
    assert!(
        card.contains("/media/studio-"),
        "the card shows her photos too"
    );
    let refused = studio.request("GET", sources[0], "", "");
    assert_eq!(refused.status, 403, "the images need the key too");
}

#[test]
fn the_studios_refusals_speak_chinese() {
    let site = two_nominees();
    let studio = Studio::start(&site);
    let cookie = studio.cookie();
    for (method, target, status) in [
        ("DELETE", "/api/media", 405),
        ("GET", "/api/nothing-here", 404),
    ] {
        let answer = studio.request(method, target, &studio.write_headers(), "");
        assert_eq!(answer.status, status, "{method} {target}");
        assert!(
            !answer.body.is_empty() && !answer.body.is_ascii(),
            "{method} {target}: {}",
            answer.body
        );
    }
    let answer = studio.request("POST", "/api/nominees", &studio.write_headers(), "[1]");
    assert_eq!(answer.status, 400);
    assert!(answer.body.contains("请求的内容不对"), "{}", answer.body);
    assert_eq!(studio.request("GET", "/", &cookie, "").status, 200);
}

/// The manifests of the images in the site's cache (one per image and its shapes).
fn cached_images(site: &TestSite) -> std::collections::BTreeSet<std::path::PathBuf> {
    std::fs::read_dir(site.root().join(".laurel-cache/images"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect()
}

/// The file names of every variant a manifest of the cache lists.
fn variant_files(manifest: &std::path::Path) -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(manifest).unwrap()).unwrap();
    let shapes = json["shapes"].as_object().cloned().unwrap_or_default();
    shapes
        .values()
        .flat_map(|shape| shape["variants"].as_array().cloned().unwrap_or_default())
        .map(|variant| variant["file"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_uploads_site_images_are_made_in_the_background_and_the_next_build_takes_them() {
    let site = two_nominees();
    let before = cached_images(&site);
    let studio = Studio::start(&site);
    let (status, json) = upload(&studio, "王芳", "IMG_0001.JPG", &example_photo(1));
    assert_eq!(status, 201, "{json}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let making = loop {
        let answer = studio.get(&format!("/api/images?folder={}", urlencoding("王芳")));
        let making: serde_json::Value = serde_json::from_str(&answer).unwrap();
        if making["done"] == true {
            break making;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still making: {making}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let total = making["total"].as_u64().unwrap();
    assert!(
        total >= 4,
        "her portrait and photos, the new one too: {making}"
    );
    assert_eq!(making["made"].as_u64(), Some(total), "{making}");
    assert_eq!(making["failed"], 0, "{making}");
    // Made into the build's cache: the next build finds every file made and writes none again.
    let made: Vec<std::path::PathBuf> = cached_images(&site).difference(&before).cloned().collect();
    assert!(made.len() as u64 >= total, "a manifest per image: {made:?}");
    let files: Vec<String> = made.iter().flat_map(|m| variant_files(m)).collect();
    let media = site.root().join(".laurel-cache/media");
    let written = |name: &String| {
        std::fs::metadata(media.join(name))
            .unwrap()
            .modified()
            .unwrap()
    };
    let times: Vec<_> = files.iter().map(written).collect();
    drop(studio);
    let built = laurel(&["build", "--quiet", "--root", site.root().to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    let published: std::collections::BTreeSet<String> =
        walkdir::WalkDir::new(site.root().join("public"))
            .into_iter()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
    for (name, time) in files.iter().zip(times) {
        assert!(published.contains(name), "{name} is published");
        assert_eq!(written(name), time, "{name} was made again by the build");
    }
}
