//! What computers leave behind (macOS's `__MACOSX/` and `._*`, `.DS_Store`, Windows'
//! `Thumbs.db` and `desktop.ini`, Word's `~$*` lock files, `*.tmp`) is not material: load,
//! check and build skip it wherever it is, and none of it reaches `public/`.

use crate::support::*;
use std::path::Path;

const SITE: &str = "title: 测试\nbase_url: https://example.org/\ncampaign:\n  categories: [乡村振兴]\n  rules:\n    laureates: 3\n    province_picks: 1\n    photo_min_bytes: 1000\n    photos_min: 2\n    photos_max: 3\n    young_share: 0.5\nimages:\n  widths: [200]\n  thumbnail: 120\n";

const PROFILE: &str = "gender: 女\nbirth: 1990-03\norganization: 测试研究院\nfield: 育种\ncategory: 乡村振兴\nchannel: county\nrecommender: 甲县科协\nsummary: 简要事迹。\nconsent: {date: 2022-04-18}\n";

/// The bytes of a macOS AppleDouble file (`._name`): not an image, not UTF-8.
const APPLE_DOUBLE: &[u8] = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\xff\xfe";

/// The bytes of a Word lock file (`~$name.docx`): the user's name in UTF-16, not UTF-8.
const LOCK_FILE: &[u8] = b"\x05\xe5\x8f\xb8\x00\x00\x00\xff\xfeW\x00a\x00n\x00g\x00";

/// Every kind of junk, in every place of the site where editors and zips leave it.
fn scatter_junk(site: &TestSite) {
    let places = [
        "content",
        "content/laureates",
        "content/laureates/王芳",
        "content/laureates/王芳/photos",
        "content/laureates/王芳/videos",
        "content/laureates/李强",
        "content/laureates/李强/photos",
        "content/pages",
        "static",
    ];
    for place in places {
        site.write_bytes(&format!("{place}/.DS_Store"), b"\x00\x00\x00\x01Bud1");
        site.write_bytes(&format!("{place}/Thumbs.db"), b"\xd0\xcf\x11\xe0\xa1\xb1");
        site.write_bytes(&format!("{place}/desktop.ini"), b"[.ShellClassInfo]\r\n");
        site.write_bytes(&format!("{place}/~$推荐表.docx"), LOCK_FILE);
        site.write_bytes(&format!("{place}/~WRL0001.tmp"), LOCK_FILE);
        site.write_bytes(&format!("{place}/__MACOSX/._王芳1.jpg"), APPLE_DOUBLE);
    }
    for photo in ["王芳1.jpg", "王芳0.jpg", "王芳.mp4"] {
        site.write_bytes(
            &format!("content/laureates/王芳/photos/._{photo}"),
            APPLE_DOUBLE,
        );
    }
    site.write_bytes("content/laureates/王芳/videos/._王芳.mp4", APPLE_DOUBLE);
    site.write_bytes("content/laureates/李强/photos/~$李强3.jpg", LOCK_FILE);
    site.write_bytes(
        "content/laureates/李强/photos/李强3.jpg.tmp",
        b"half a copy",
    );
    site.write_bytes("content/pages/~$about.md", LOCK_FILE);
    site.write_bytes("content/pages/._about.md", APPLE_DOUBLE);
    // A zip unpacked on Windows: the laureates' shadow folders beside them.
    site.write_bytes(
        "content/laureates/__MACOSX/王芳/._profile.yaml",
        APPLE_DOUBLE,
    );
    site.write_bytes("content/laureates/__MACOSX/._王芳", APPLE_DOUBLE);
    site.write_bytes("content/laureates/._李强", APPLE_DOUBLE);
}

/// Every file of `dir`, relative to it, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn junk_everywhere_changes_nothing_in_check_and_build_and_none_of_it_is_published() {
    let site = TestSite::new(SITE);
    // 王芳 names her photos with captions; 李强's are found in photos/ (as listed by load).
    site.laureate(
        "王芳",
        &format!("{PROFILE}province_pick: true\nphotos:\n  - file: photos/王芳1.jpg\n    caption: 在田间\n  - file: photos/王芳2.jpg\n    caption: 在实验室\n"),
        "故事。",
        2,
    );
    site.laureate("李强", PROFILE, "故事。", 2);
    for (i, colour) in [[30, 200, 90], [90, 30, 200], [200, 200, 30]]
        .iter()
        .enumerate()
    {
        let (width, height) = if i == 0 { (350, 450) } else { (800, 600) };
        site.write_bytes(
            &format!("content/laureates/李强/photos/李强{i}.jpg"),
            &jpeg(width, height, *colour),
        );
    }
    site.write("content/pages/about.md", "# 关于评选\n\n评选办法。\n");
    site.write("static/favicon.svg", "<svg/>");
    // An empty videos/ folder (a new folder is a change; what is put into it below is not).
    std::fs::create_dir_all(site.root().join("content/laureates/王芳/videos")).unwrap();
    let (code, clean_report) = check_json(&site);
    assert_eq!(code, Some(0), "{clean_report:#}");
    let clean_build = site.build_ok();
    let published = files_under(&site.public());

    scatter_junk(&site);

    // check: the same report, word for word, and still no error.
    let (code, report) = check_json(&site);
    assert_eq!(report, clean_report);
    assert_eq!(code, Some(0), "{report:#}");

    // build: junk is no change (the fingerprint skips it), and a full build publishes the
    // same files as before.
    let again = site.build_ok();
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(
        said.contains("Nothing changed since the last build"),
        "{said}"
    );
    std::fs::remove_dir_all(site.public()).unwrap();
    let output = site.build_ok();
    assert_eq!(stderr(&output), stderr(&clean_build));
    assert_eq!(files_under(&site.public()), published);
    for file in &published {
        let name = Path::new(file).file_name().unwrap().to_string_lossy();
        assert!(
            !name.starts_with("._") && !name.contains("Thumbs") && !name.contains('$'),
            "{file}"
        );
    }
}
