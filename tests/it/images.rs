//! Photos become responsive WebP + JPEG variants: right sizes, upright, no metadata, cached.

use crate::support::*;

/// The published variants of photos: the files under `/media/` but the 海报 and 长图
/// (`<key>-<part>.jpg`, see tests/it/posters.rs).
fn media_files(site: &TestSite) -> Vec<(String, Vec<u8>)> {
    let is_share_image = |name: &str| {
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        stem.rsplit_once('-')
            .is_some_and(|(_, part)| part.chars().all(|c| c.is_ascii_digit()))
    };
    tree(&site.public().join("media"))
        .into_iter()
        .filter(|(name, _)| !is_share_image(name))
        .collect()
}

#[test]
fn photos_become_webp_and_jpeg_at_configured_widths_never_upscaled() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("王芳", "", "故事", 1);
    site.build_ok();
    let mut sizes: Vec<(String, u32, u32)> = media_files(&site)
        .iter()
        .map(|(name, bytes)| {
            let image = decode(name, bytes);
            let ext = name.rsplit('.').next().unwrap().to_string();
            (ext, image.width(), image.height())
        })
        .collect();
    sizes.sort();
    // Pages show the photo, its thumbnail and the portrait in <picture> (WebP and JPEG); the
    // cover, the share square and the share poster are single JPEG files. Photo 800x600:
    // 200 and 400 wide, square 120, the 2.35:1 cover at its own 800 px (900 would upscale),
    // the 3:4 share poster at its largest, 400; portrait 350x450 → 3:4 at 200 and its own
    // 337x449 crop (the height rounded from the width, as the 900x383 cover is), and the
    // share square 120 (JPEG only).
    let picture = [(120, 120), (200, 150), (200, 267), (337, 449), (400, 300)];
    let single_jpeg = [(120, 120), (400, 533), (800, 340)];
    let mut expected: Vec<(String, u32, u32)> = picture
        .iter()
        .flat_map(|&(w, h)| [("jpg".to_string(), w, h), ("webp".to_string(), w, h)])
        .chain(single_jpeg.iter().map(|&(w, h)| ("jpg".to_string(), w, h)))
        .collect();
    expected.sort();
    assert_eq!(sizes, expected);
    let page = site.read("laureates/wang-fang/index.html");
    assert!(
        page.contains("type=image/webp"),
        "picture has a WebP source"
    );
    assert!(page.contains("loading=lazy"));
    assert!(
        page.contains("width=400") && page.contains("height=300"),
        "explicit dimensions"
    );
    assert!(
        !tree(&site.public())
            .iter()
            .any(|(name, _)| name.contains("王芳")),
        "originals are never published"
    );
}

#[test]
fn exif_orientation_is_applied_and_metadata_stripped() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("王芳", "", "故事", 0);
    // An 800x600 landscape tagged "rotate 90° clockwise" (6) is a 600x800 portrait photo.
    site.write_bytes(
        "content/laureates/王芳/photos/王芳1.jpg",
        &with_exif(&jpeg(800, 600, [10, 200, 10]), 6),
    );
    site.build_ok();
    let files = media_files(&site);
    let mut widest = (0, 0);
    for (name, bytes) in &files {
        for marker in [&b"Exif"[..], b"EXIF", b"GPSSECRET", b"XMP"] {
            assert!(
                bytes.windows(marker.len()).all(|w| w != marker),
                "{name} carries {:?}",
                String::from_utf8_lossy(marker)
            );
        }
        let image = decode(name, bytes);
        if image.width() > widest.0 && image.height() > image.width() {
            widest = (image.width(), image.height());
        }
    }
    assert_eq!(widest, (400, 533), "rotated photo comes out portrait");
}

#[test]
fn second_build_reuses_the_cache_and_a_changed_photo_is_redone() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("王芳", "", "故事", 2);
    site.build_ok();
    let cache = site.root().join(".laurel-cache/media");
    let stamp = |dir: &std::path::Path| {
        let mut v: Vec<(String, std::time::SystemTime)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().modified().unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let first = stamp(&cache);
    std::thread::sleep(std::time::Duration::from_millis(20));
    // A changed story makes a real build (an unchanged site is skipped before media runs).
    site.write("content/laureates/王芳/story.md", "改过的故事");
    site.build_ok();
    let profile = std::fs::read_dir(site.public().join("laureates"))
        .unwrap()
        .map(|e| e.unwrap().path().join("index.html"))
        .next()
        .unwrap();
    assert!(std::fs::read_to_string(profile)
        .unwrap()
        .contains("改过的故事"));
    // A file written again (by a build that missed the cache) has a new modification time.
    let second = stamp(&cache);
    let rewritten: Vec<&str> = second
        .iter()
        .filter(|file| !first.contains(file))
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(
        rewritten.is_empty() && second.len() == first.len(),
        "only the story changed, yet these were encoded again: {rewritten:?}"
    );
    site.write_bytes(
        "content/laureates/王芳/photos/王芳2.jpg",
        &jpeg(640, 480, [250, 250, 0]),
    );
    site.build_ok();
    let after = stamp(&cache);
    let kept = after.iter().filter(|f| first.contains(f)).count();
    assert_eq!(after.len(), first.len(), "stale variants are pruned");
    assert_eq!(
        kept,
        first.len() - 6,
        "only the changed photo's 6 files are new"
    );
}

#[test]
fn png_with_alpha_and_upper_case_extensions_work() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("王芳", "", "故事", 0);
    let png = image::RgbaImage::from_pixel(300, 200, image::Rgba([0, 0, 255, 0]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    png.write_to(&mut bytes, image::ImageFormat::Png).unwrap();
    site.write_bytes(
        "content/laureates/王芳/photos/王芳 1.Png",
        &bytes.into_inner(),
    );
    site.write_bytes(
        "content/laureates/王芳/photos/王芳2.JPEG",
        &jpeg(300, 200, [1, 2, 3]),
    );
    site.build_ok();
    let files = media_files(&site);
    let transparent_became_white =
        files
            .iter()
            .filter(|(n, _)| n.ends_with(".jpg"))
            .any(|(n, b)| {
                let image = decode(n, b);
                image.pixels().all(|p| p.0.iter().all(|&c| c > 240))
            });
    let names: Vec<_> = files
        .iter()
        .map(|(n, b)| (n.clone(), decode(n, b).get_pixel(0, 0).0))
        .collect();
    assert!(
        transparent_became_white,
        "transparent PNG is flattened onto white: {names:?}"
    );
}

#[test]
fn cmyk_jpeg_comes_out_in_print_like_colours() {
    let site = TestSite::new(SITE_YAML);
    site.laureate("王芳", "", "故事", 0);
    // Pure cyan ink, as a press-ready CMYK JPEG (Adobe marker, inverted channels).
    let cyan: Vec<u8> = [255u8, 0, 0, 0].repeat(300 * 200);
    let mut bytes = Vec::new();
    jpeg_encoder::Encoder::new(&mut bytes, 90)
        .encode(&cyan, 300, 200, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    site.write_bytes("content/laureates/王芳/photos/王芳1.jpg", &bytes);
    site.build_ok();
    let page = site.read("laureates/wang-fang/index.html");
    let name = page
        .split("/media/")
        .filter_map(|s| s.split([' ', '"']).next())
        .find(|n| n.contains("-o") && n.ends_with(".jpg"))
        .unwrap()
        .to_string();
    let image = decode(
        &name,
        &std::fs::read(site.public().join("media").join(&name)).unwrap(),
    );
    let centre = image.get_pixel(image.width() / 2, image.height() / 2).0;
    let swop_cyan = [0u8, 174, 239];
    assert!(
        centre
            .iter()
            .zip(swop_cyan)
            .all(|(a, b)| a.abs_diff(b) <= 20),
        "cyan came out as {centre:?}"
    );
}

/// Every published media file is used by some page: none is made for nothing (a variant no
/// page asks for costs an encode and its bytes on every deploy).
#[test]
fn every_media_file_of_the_example_is_used_by_a_page() {
    let site = TestSite::example();
    site.build_ok();
    let public = site.public();
    let text: String = tree(&public)
        .into_iter()
        .filter(|(path, _)| !path.starts_with("media/") || path.ends_with(".vtt"))
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    let unused: Vec<String> = std::fs::read_dir(public.join("media"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !text.contains(name.as_str()))
        .collect();
    assert!(
        unused.is_empty(),
        "{} media files no page uses: {unused:?}",
        unused.len()
    );
}

/// How far apart two images of one size are: the mean absolute difference of their greys.
fn grey_distance(a: &image::RgbImage, b: &image::RgbImage) -> f64 {
    let grey = |p: &image::Rgb<u8>| p.0.iter().map(|&c| c as f64).sum::<f64>() / 3.0;
    let total: f64 = a
        .pixels()
        .zip(b.pixels())
        .map(|(p, q)| (grey(p) - grey(q)).abs())
        .sum();
    total / (a.width() * a.height()) as f64
}

#[test]
fn a_wide_cover_keeps_the_faces_of_a_photo_without_a_focal_point() {
    // The solvay group of 1927 (public domain): its rows of faces fill the top third, the
    // bottom is pavement and a caption. No `focus:` is written in the profile.
    let group = include_bytes!("../fixtures/photos/group-1927.jpg");
    let site = TestSite::new("title: 测试\n");
    site.laureate("周一", "", "故事。\n", 0)
        .write_bytes("content/laureates/周一/photos/周一1.jpg", group);
    site.build_ok();
    let (name, bytes) = media_files(&site)
        .into_iter()
        .find(|(name, _)| name.ends_with("-c800.jpg"))
        .expect("a 2.35:1 cover of the 800 px photo");
    let cover = decode(&name, &bytes);
    let source = image::load_from_memory(group).unwrap().to_rgb8();
    let band = |top: u32| {
        let cut = image::imageops::crop_imm(&source, 0, top, 800, 340).to_image();
        image::imageops::resize(
            &cut,
            cover.width(),
            cover.height(),
            image::imageops::Triangle,
        )
    };
    // The band of the photo the cover shows, found by comparing it with every band. The
    // faces sit at y 90–330; centred, the cover would show y 330–670: bodies, no heads.
    let (distance, top) = (0..=66)
        .map(|step| {
            (
                (grey_distance(&cover, &band(step * 10)) * 10.0) as u64,
                step * 10,
            )
        })
        .min()
        .unwrap();
    assert!(
        distance < 200,
        "the cover is none of the photo's bands ({distance})"
    );
    assert!(
        top <= 90,
        "the cover shows y {top}–{} of the photo: it cuts the faces at y 90–330",
        top + 340
    );
}
